import re
from datetime import date

import pytest

from transforms import normalise
from transforms.model import Extraction, Metadata, Paragraph, Quote, RemovedLine
from transforms.normalise import SourceFile, normalise_batch, normalise_name, stable_id, word_count


def _article(name="a.txt", speaker="Jane Doe"):
    return Extraction(
        name=name,
        is_article=True,
        reason=None,
        metadata=Metadata(
            title="Ferry fares rise",
            byline=("Jane Doe", "Ravi Patel"),
            published=date(2021, 3, 4),
            publisher="Harbour Gazette",
        ),
        paragraphs=(Paragraph(0, "standfirst", "Fares go up."), Paragraph(1, "body", "She said: ‘No.’")),
        removed=(RemovedLine(0, "Sign in", "site_chrome"),),
        method="text",
        confidence=0.9,
        quotes=(Quote(1, 10, 13, "No.", speaker),),
    )


def test_article_rows_for_every_table():
    rows = normalise_batch([(SourceFile("x/a.txt", "abc", 10), "text", "utf-8", _article())]).tables
    doc_id = rows["documents"][0]["document_id"]
    assert rows["documents"][0]["status"] == "published"
    assert rows["articles"][0]["article_id"] == doc_id
    assert rows["articles"][0]["standfirst"] == "Fares go up."
    assert rows["articles"][0]["word_count"] == 6
    assert [r["ordinal"] for r in rows["paragraphs"]] == [0, 1]
    assert [r["ordinal"] for r in rows["article_authors"]] == [0, 1]
    assert rows["quotes"][0]["person_id"] == rows["people"][0]["person_id"]
    assert rows["removed_lines"][0]["reason"] == "site_chrome"
    assert rows["publishers"][0]["name"] == "Harbour Gazette"


def test_ids_are_derived_from_content_not_order():
    one = normalise_batch([(SourceFile("a.txt", None, None), "text", None, _article())]).tables
    two = normalise_batch(
        [
            (SourceFile("b.txt", None, None), "text", None, _article("b.txt")),
            (SourceFile("a.txt", None, None), "text", None, _article()),
        ]
    ).tables
    assert one["documents"][0]["document_id"] == two["documents"][1]["document_id"]
    assert one["authors"][0]["author_id"] == two["authors"][0]["author_id"]


def test_names_normalise_across_case_accents_and_spacing():
    assert normalise_name("  Zoë   DUPONT ") == normalise_name("zoe dupont")
    assert stable_id("a", "b") != stable_id("ab", "")


def test_failed_and_not_article_statuses():
    failed = Extraction("x.png", False, "binary file (PNG image)", Metadata(), (), (), "none", 1.0)
    rows = normalise_batch(
        [
            (SourceFile("x.png", None, 5), "binary", None, failed),
            (SourceFile("e.txt", None, 0), "empty", None, failed),
        ]
    ).tables
    assert [r["status"] for r in rows["documents"]] == ["failed", "not_article"]
    assert rows["articles"] == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ascii words, and_underscores 42 -- x",
        "caf\u00e9 na\u00efve \u2014 don\u2019t \u00e9",
        "x\u00b2y tab\there\x1cfs \u00a0nbsp \u4e2d\u6587 \U0001f600 a\u0301b \u0663\u0664",
        "\u201cQuoted,\u201d she said.\n\nNext paragraph \u2026",
    ],
)
def test_word_count_counts_the_pattern_words(text):
    assert word_count(text) == len(re.findall(r"\w+", text))


def test_ascii_characters_split_on_are_exactly_the_non_word_ones():
    for byte in range(128):
        is_word = re.fullmatch(r"\w", chr(byte)) is not None
        assert normalise._ASCII_NON_WORD_TO_SPACE[byte] == (byte if is_word else ord(" "))
