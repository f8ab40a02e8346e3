"""The bundled sample corpus (samples/inbox/) agrees with its gold file (samples/gold.jsonl).

These checks read the corpus independently of the transforms, so a broken corpus fails here
rather than showing up as a mysterious drop in extraction scores.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
INBOX = SAMPLES / "inbox"
GOLD = SAMPLES / "gold.jsonl"
GOLD_KEYS = [
    "file",
    "is_article",
    "title",
    "byline",
    "published",
    "publisher",
    "body",
    "quotes",
    "duplicate_of",
]
BULLET = "• "
HTML_SUFFIXES = (".html", ".htm", ".html.gz")
QUOTE_MARK_PAIRS = {("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'")}


def _records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


RECORDS = _records()
ARTICLES = [r for r in RECORDS if r["is_article"]]
TEXT_ARTICLES = [r for r in ARTICLES if r["file"].endswith(".txt")]
HTML_ARTICLES = [r for r in ARTICLES if r["file"].endswith(HTML_SUFFIXES)]


def _decoded(name: str) -> str:
    data = (INBOX / name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return text.replace("\r\n", "\n")


def _dump_lines(text: str) -> set[str]:
    """Every line of a dump as a paragraph could be printed: stripped, list bullet removed."""
    lines = set()
    for line in text.splitlines():
        stripped = line.strip()
        lines.add(stripped[len(BULLET) :] if stripped.startswith(BULLET) else stripped)
    return lines


def _html_blocks(page: str) -> tuple[list[str], list[str]]:
    """(text of every <p>, <h2> and <li>, text of every <h1>) with whitespace collapsed."""
    soup = BeautifulSoup(page, "html.parser")
    blocks = [" ".join(tag.get_text().split()) for tag in soup.find_all(["p", "h2", "li"])]
    return blocks, [" ".join(tag.get_text().split()) for tag in soup.find_all("h1")]


def _by_id(records: list[dict]) -> list:
    return [pytest.param(r, id=r["file"]) for r in records]


def test_corpus_is_big_enough_and_varied():
    names = [p.name for p in INBOX.iterdir()]
    assert len(names) >= 30
    assert sum(n.endswith(HTML_SUFFIXES) for n in names) >= 8
    assert any(n.endswith(".htm") for n in names) and any(n.endswith(".html.gz") for n in names)
    assert len({n.split("-", 1)[0] for n in names} - {"misc"}) >= 4
    assert 0 < len(ARTICLES) < len(RECORDS)


def test_one_gold_line_per_file_sorted_with_keys_in_order():
    names = [r["file"] for r in RECORDS]
    assert names == sorted(names)
    assert len(names) == len(set(names))
    assert set(names) == {p.name for p in INBOX.iterdir()}
    for record in RECORDS:
        assert list(record) == GOLD_KEYS, record["file"]
        for quote in record["quotes"]:
            assert list(quote) == ["speaker", "text"], record["file"]


@pytest.mark.parametrize("record", _by_id([r for r in RECORDS if not r["is_article"]]))
def test_non_articles_are_empty(record):
    metadata = (record["title"], record["byline"], record["published"], record["publisher"])
    assert metadata == (None, [], None, None)
    assert (record["body"], record["quotes"], record["duplicate_of"]) == ("", [], None)


@pytest.mark.parametrize("record", _by_id(ARTICLES))
def test_article_fields_are_well_formed(record):
    assert record["title"] and record["title"] == record["title"].strip()
    assert all(name and not name.lower().startswith("by ") for name in record["byline"])
    if record["published"] is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["published"])
        date.fromisoformat(record["published"])
    paragraphs = record["body"].split("\n\n")
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    assert len(record["body"].split()) >= 120


@pytest.mark.parametrize("record", _by_id(TEXT_ARTICLES))
def test_text_dump_paragraphs_are_lines_of_the_dump(record):
    text = _decoded(record["file"])
    lines = _dump_lines(text)
    missing = [p for p in record["body"].split("\n\n") if p not in lines]
    assert not missing, missing
    assert record["title"] in lines or any(line.startswith(record["title"] + " | ") for line in lines)


@pytest.mark.parametrize("record", _by_id(HTML_ARTICLES))
def test_html_paragraphs_are_visible_blocks_of_the_page(record):
    blocks, headlines = _html_blocks(_decoded(record["file"]))
    missing = [p for p in record["body"].split("\n\n") if p not in blocks]
    assert not missing, missing
    assert headlines == [record["title"]]


@pytest.mark.parametrize("record", _by_id([r for r in ARTICLES if r["quotes"]]))
def test_quotes_are_verbatim_spans_of_the_body_in_order(record):
    body, position = record["body"], 0
    for quote in record["quotes"]:
        assert quote["speaker"] and quote["text"]
        assert not re.match(r"(Dr|Mr|Mrs|Ms|Professor|Cllr|Captain)\.? ", quote["speaker"]), quote
        found = body.find(quote["text"], position)
        assert found >= 0, quote
        # the span is everything inside one pair of marks: a mark on each side, no more, no less
        end = found + len(quote["text"])
        opening, closing = body[found - 1 : found], body[end : end + 1]
        assert (opening, closing) in QUOTE_MARK_PAIRS, quote
        position = found + 1


def test_duplicates_point_at_an_earlier_original():
    by_name = {r["file"]: r for r in RECORDS}
    duplicates = [r for r in RECORDS if r["duplicate_of"]]
    assert duplicates
    for record in duplicates:
        original = by_name[record["duplicate_of"]]
        assert original["file"] < record["file"]
        assert original["is_article"] and original["duplicate_of"] is None
    exact = [
        r for r in duplicates if (INBOX / r["file"]).read_bytes() == (INBOX / r["duplicate_of"]).read_bytes()
    ]
    assert exact and len(exact) < len(duplicates), "expected both an exact and a near duplicate"


def test_special_encodings_are_really_there():
    raw = {p.name: p.read_bytes() for p in INBOX.iterdir()}
    assert any(data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data for data in raw.values())
    assert any(data.startswith(b"\x89PNG") for data in raw.values())
    assert any(data == b"" for data in raw.values())
    not_utf8 = []
    for record in TEXT_ARTICLES:
        try:
            raw[record["file"]].decode("utf-8")
        except UnicodeDecodeError:
            not_utf8.append(record["file"])
    assert not_utf8, "expected an article saved in cp1252"
    for name in not_utf8:
        assert "£" in _decoded(name) and "“" in _decoded(name)


def test_build_script_reproduces_the_corpus():
    spec = importlib.util.spec_from_file_location("samples_build_gold", SAMPLES / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script is executing
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    built = module.build()
    assert list(built) == [r["file"] for r in RECORDS]
    for name, (data, _) in built.items():
        assert (INBOX / name).read_bytes() == data, name
    assert [record for _, record in built.values()] == RECORDS
