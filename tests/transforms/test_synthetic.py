"""The synthetic corpus: deterministic, prefix-stable, and shaped like the real inputs."""

from __future__ import annotations

import gzip
import re
import statistics
from collections import Counter, defaultdict

import pytest

from transforms.decode import decode_document
from transforms.model import FORMAT_BINARY, FORMAT_EMPTY, FORMAT_HTML, FORMAT_TEXT
from transforms.synthetic import BAD_INPUT_POSITIONS, generate_corpus, generate_gold

CORPUS_SIZE = 2000
_BYLINE = re.compile(r"^(By |Written by |Words: )\S", re.MULTILINE)
# A quoted sentence in any of the sites' quote styles, next to an attribution verb.
_QUOTE = re.compile(
    r"(?:said|added|warned|told [^.]+)[:.,]? [\u201c\u2018\"'][A-Z]"
    r"|[\u201d\u2019\"'] (?:said|told|added|[A-Z][a-z]+ (?:said|told|added))"
)
_INDEX = re.compile(r"/(\d{6})-")


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, bytes]]:
    return list(generate_corpus(CORPUS_SIZE, seed=7))


@pytest.fixture(scope="module")
def decoded(corpus: list[tuple[str, bytes]]) -> dict[str, object]:
    return {name: decode_document(name.rsplit("/", 1)[-1], data) for name, data in corpus}


def _text_articles(corpus: list[tuple[str, bytes]], decoded: dict) -> list[tuple[str, str]]:
    """(name, text) of text dumps that are articles (have a body of several long lines)."""
    out = []
    for name, _ in corpus:
        doc = decoded[name]
        long_lines = [line for line in doc.text.split("\n") if len(line) > 150]
        if doc.format == FORMAT_TEXT and len(long_lines) >= 4:
            out.append((name, doc.text))
    return out


def test_same_call_gives_identical_bytes(corpus: list[tuple[str, bytes]]) -> None:
    assert list(generate_corpus(CORPUS_SIZE, seed=7)) == corpus


def test_different_seed_gives_different_corpus(corpus: list[tuple[str, bytes]]) -> None:
    other = list(generate_corpus(200, seed=8))
    assert len(other) == 200
    differing = sum(a != b for a, b in zip(other, corpus, strict=False))
    assert differing > 190


def test_smaller_corpus_is_a_prefix_of_a_larger_one(corpus: list[tuple[str, bytes]]) -> None:
    assert list(generate_corpus(150, seed=7)) == corpus[:150]
    assert list(generate_corpus(0, seed=7)) == []


def test_generation_streams() -> None:
    stream = generate_corpus(10**9, seed=1)
    first = next(stream)
    assert first == next(generate_corpus(1, seed=1))


def test_names_are_unique_and_sort_in_generation_order(corpus: list[tuple[str, bytes]]) -> None:
    names = [name for name, _ in corpus]
    assert len(set(names)) == len(names)
    indices = [int(_INDEX.search(name).group(1)) for name in names]
    assert indices == list(range(CORPUS_SIZE))
    bases = [name.rsplit("/", 1)[1] for name in names]
    assert sorted(bases) == bases
    assert all(re.fullmatch(r"[a-z0-9-]+/\d{6}-[a-z0-9-]+\.(txt|html|html\.gz)", name) for name in names)


@pytest.mark.parametrize("share", [0.0, 0.2, 0.5])
def test_html_share_is_respected(share: float) -> None:
    names = [name for name, _ in generate_corpus(1200, seed=3, html_share=share)]
    html = sum(".html" in name for name in names)
    bad_html = sum(
        kind == "truncated_gzip" for position, kind in BAD_INPUT_POSITIONS.items() if position < 1200
    )
    assert abs((html - bad_html) / len(names) - share) < 0.05


def test_some_html_pages_are_gzipped_deterministically(
    corpus: list[tuple[str, bytes]], decoded: dict
) -> None:
    gzipped = [(name, data) for name, data in corpus if name.endswith(".html.gz")]
    assert gzipped
    for name, data in gzipped:
        assert data[4:8] == b"\x00\x00\x00\x00"  # gzip mtime 0: same bytes on every run
        if BAD_INPUT_POSITIONS.get(int(_INDEX.search(name).group(1))) is None:
            assert b"<html" in gzip.decompress(data)
            assert decoded[name].format == FORMAT_HTML


def test_html_pages_carry_metadata_and_page_furniture(corpus: list[tuple[str, bytes]], decoded: dict) -> None:
    pages = [decoded[name].text for name, _ in corpus if decoded[name].format == FORMAT_HTML]
    articles = [page for page in pages if "<h1>" in page and "NewsArticle" in page]
    assert len(articles) > 0.7 * len(pages)
    for page in articles[:50]:
        for marker in (
            "<nav",
            "<aside",
            "<footer",
            'property="og:site_name"',
            '"datePublished"',
            '"publisher"',
        ):
            assert marker in page


def test_bad_inputs_sit_at_fixed_positions(corpus: list[tuple[str, bytes]], decoded: dict) -> None:
    for position, kind in BAD_INPUT_POSITIONS.items():
        if position >= CORPUS_SIZE:
            continue
        name, data = corpus[position]
        if kind == "empty":
            assert data == b""
            assert decoded[name].format == FORMAT_EMPTY
        elif kind == "binary":
            assert decoded[name].format == FORMAT_BINARY
        else:
            assert decoded[name].problem and "gzip" in decoded[name].problem


def test_chrome_lines_repeat_within_a_site_and_differ_between_sites(
    corpus: list[tuple[str, bytes]], decoded: dict
) -> None:
    by_site: dict[str, list[set[str]]] = defaultdict(list)
    for name, _ in corpus:
        doc = decoded[name]
        if doc.format == FORMAT_TEXT:
            by_site[name.split("/", 1)[0]].append({line for line in doc.text.split("\n") if line.strip()})
    big_sites = {site: pages for site, pages in by_site.items() if len(pages) >= 20}
    assert len(big_sites) >= 10
    chrome_by_site = {}
    for site, pages in big_sites.items():
        counts = Counter(line for page in pages for line in page)
        chrome = {line for line, count in counts.items() if count >= 0.9 * len(pages)}
        assert len(chrome) >= 5, site
        chrome_by_site[site] = chrome
    # A site's full chrome is its own: no two sites share all of it.
    sets = list(chrome_by_site.values())
    assert all(a != b for i, a in enumerate(sets) for b in sets[i + 1 :])


def test_articles_have_bylines_quotes_and_dates(corpus: list[tuple[str, bytes]], decoded: dict) -> None:
    articles = _text_articles(corpus, decoded)
    assert len(articles) > 0.65 * CORPUS_SIZE
    with_byline = sum(bool(_BYLINE.search(text)) for _, text in articles)
    with_quote = sum(bool(_QUOTE.search(text)) for _, text in articles)
    with_year = sum(bool(re.search(r"\b(200[5-9]|201\d|202[0-4])\b", text)) for _, text in articles)
    assert with_byline > 0.4 * len(articles)
    assert with_quote > 0.8 * len(articles)
    assert with_year == len(articles)


def test_article_sizes_average_about_five_kilobytes(corpus: list[tuple[str, bytes]], decoded: dict) -> None:
    text_sizes = [len(data) for name, data in corpus if decoded[name].format == FORMAT_TEXT]
    assert 4000 < statistics.mean(text_sizes) < 6500
    words = [len(text.split()) for _, text in _text_articles(corpus, decoded)]
    assert 450 < statistics.mean(words) < 1100


def test_exact_and_near_duplicates_are_present(corpus: list[tuple[str, bytes]], decoded: dict) -> None:
    by_bytes: dict[bytes, list[str]] = defaultdict(list)
    for name, data in corpus:
        if data:
            by_bytes[data].append(name)
    exact = [names for names in by_bytes.values() if len(names) > 1]
    assert len(exact) >= 0.004 * CORPUS_SIZE

    # Near duplicates: another site's page sharing most long paragraphs with an earlier page.
    first_seen: dict[str, str] = {}
    shared: Counter[tuple[str, str]] = Counter()
    for name, _ in corpus:
        doc = decoded[name]
        if doc.format != FORMAT_TEXT:
            continue
        for line in {line for line in doc.text.split("\n") if len(line) > 150}:
            original = first_seen.setdefault(line, name)
            if original != name:
                shared[(original, name)] += 1
    near = [
        pair
        for pair, count in shared.items()
        if count >= 4 and pair[0].split("/")[0] != pair[1].split("/")[0]
    ]
    assert len(near) >= 0.005 * CORPUS_SIZE


def test_gold_records_describe_the_generated_documents(
    corpus: list[tuple[str, bytes]], decoded: dict
) -> None:
    gold = list(generate_gold(CORPUS_SIZE, seed=7))
    assert [record["file"] for record in gold] == [name.rsplit("/", 1)[1] for name, _ in corpus]
    assert list(gold[0]) == [
        "file", "is_article", "title", "byline", "published", "publisher", "body", "quotes", "duplicate_of"
    ]  # fmt: skip
    seen: set[str] = set()
    articles = 0
    for (name, _), record in zip(corpus, gold, strict=True):
        doc = decoded[name]
        if doc.format in (FORMAT_BINARY, FORMAT_EMPTY):
            assert not record["is_article"]
        if record["duplicate_of"] is not None:
            assert record["duplicate_of"] in seen
        seen.add(record["file"])
        if not record["is_article"]:
            assert record["body"] == ""
            continue
        articles += 1
        assert record["title"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["published"])
        for quote in record["quotes"]:
            assert quote["speaker"] and quote["text"] in record["body"]
        if doc.format == FORMAT_TEXT:
            # Each body paragraph is exactly one line of the dump; the title line is not in the body.
            lines = set(doc.text.split("\n"))
            assert record["title"] in lines
            assert all(paragraph in lines for paragraph in record["body"].split("\n\n"))
            assert all(name in doc.text for name in record["byline"])
    assert articles > 0.9 * CORPUS_SIZE
    assert sum(bool(record["quotes"]) for record in gold) > 0.8 * articles


def test_gold_is_prefix_stable() -> None:
    assert list(generate_gold(40, seed=2)) == list(generate_gold(90, seed=2))[:40]


def test_invalid_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        list(generate_corpus(-1))
    with pytest.raises(ValueError):
        list(generate_corpus(5, html_share=1.5))
    with pytest.raises(ValueError):
        list(generate_gold(-3))
