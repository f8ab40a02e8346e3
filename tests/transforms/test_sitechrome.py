"""Site grouping by shared chrome lines, and learning which lines are a site's chrome."""

from __future__ import annotations

import os
import subprocess
import sys

from transforms.blocks import parse_dump
from transforms.model import SiteChrome
from transforms.sitechrome import DOCUMENT_COUNT_KEY, assign_sites, chrome_lines, signature
from transforms.synthetic import generate_corpus

GENERIC = ["Home", "News", "Sport", "Facebook", "Twitter", "Privacy policy"]


def site_page(site: str, story: int) -> str:
    """A made-up page: generic menu, the site's own chrome, a story of its own."""
    own = [
        f"{site} Evening Post",
        f"Subscribe to the {site} edition",
        f"{site} weather and traffic",
        "Contact the newsdesk",
    ]
    story_lines = [
        f"Story {story} from {site}: the harbour committee met on Tuesday to discuss the new moorings plan.",
        f"Members of the {site} committee agreed that fees for visiting boats would rise in June.",
    ]
    return (
        "\n".join([f"Story {story} | {site} Evening Post", *GENERIC, *own, *story_lines, *GENERIC[:2]]) + "\n"
    )


def test_signature_keeps_short_lines_only() -> None:
    dump = parse_dump(site_page("Ashby", 1))
    lines = signature(dump)
    assert "ashby weather and traffic" in lines
    assert not any(line.startswith("story 1 from ashby") for line in lines)


def test_pages_group_by_site_and_generic_lines_do_not_merge_sites() -> None:
    dumps = [parse_dump(site_page(site, n)) for n in range(3) for site in ("Ashby", "Brigg", "Corby")]
    chrome = SiteChrome()
    keys = assign_sites(dumps, chrome)
    by_site: dict[str, set[str | None]] = {}
    for n, key in enumerate(keys):
        by_site.setdefault(("Ashby", "Brigg", "Corby")[n % 3], set()).add(key)
    assert all(len(site_keys) == 1 for site_keys in by_site.values())
    assert len({key for site_keys in by_site.values() for key in site_keys}) == 3
    assert all(chrome.lines[key][DOCUMENT_COUNT_KEY] == 3 for key in set(keys) if key)


def test_chrome_is_learnt_only_from_enough_pages() -> None:
    chrome = SiteChrome()
    [first] = assign_sites([parse_dump(site_page("Ashby", 0))], chrome)
    assert chrome_lines(chrome, first) == frozenset()  # one page says nothing yet
    keys = assign_sites([parse_dump(site_page("Ashby", n)) for n in range(1, 4)], chrome)
    assert set(keys) == {first}
    learnt = chrome_lines(chrome, first)
    assert "subscribe to the ashby edition" in learnt
    assert "home" in learnt
    assert not any("harbour committee" in line for line in learnt)


def test_too_little_chrome_gives_no_site() -> None:
    assert assign_sites([parse_dump("One line only.\n")], SiteChrome()) == [None]
    assert chrome_lines(SiteChrome(), None) == frozenset()


def test_site_grouping_does_not_depend_on_the_hash_seed(tmp_path):
    """Two processes over the same inbox must group pages alike (set order varies with PYTHONHASHSEED)."""
    script = (
        "import hashlib, pickle, sys; from pathlib import Path\n"
        "from transforms.decode import decode_document\n"
        "from transforms.textdump import extract_text_batch\n"
        "files = sorted(Path(sys.argv[1]).rglob('*.txt'))\n"
        "ex, chrome = extract_text_batch([decode_document(p.name, p.read_bytes()) for p in files])\n"
        "state = (ex, sorted((k, sorted(v.items())) for k, v in chrome.lines.items()))\n"
        "print(hashlib.sha256(pickle.dumps(state)).hexdigest())\n"
    )
    # Many pages of many sites, where candidate sites can tie: a small inbox may never show it.
    inbox = tmp_path / "inbox"
    for relative, data in generate_corpus(1500, seed=0, html_share=0):
        (inbox / relative).parent.mkdir(parents=True, exist_ok=True)
        (inbox / relative).write_bytes(data)
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, str(inbox)],
            env=os.environ | {"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1
