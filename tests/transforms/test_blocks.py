"""Tests for transforms.blocks: the comment-marker shortcut must never change which lines match."""

import re

from transforms import blocks

# Lines written to hit every comment-marker pattern, prose that shares trigger words with them,
# and the same with IGNORECASE's non-ASCII twins of ASCII letters.
_LINES = (
    "Jane Doe said:",
    "Posted by Sam at 10:42 pm",
    "9:15 am Monday",
    "3 days ago",
    "Reply",
    "report abuse",
    "Load more comments",
    "12 comments",
    "Leave a reply",
    "Comments are closed.",
    "Your email address will not be published.",
    "Comments (4)",
    "The minister said the plan would take a year to deliver.",
    "Every day the market opens at 9.",
    "He said the report was late",
    "Jane Doe ſaid:",
    "Leave a Reply",
    "Ⅽomments are cloſed",
    "Liİke",
)


def _full_rule(text: str) -> bool:
    words = blocks.normalise_line(text).split()
    return not blocks._COMMENT_TRIGGERS.isdisjoint(words) and bool(blocks._COMMENT_MARKER.search(text))


def test_comment_shortcut_agrees_with_the_regexes() -> None:
    for text in _LINES:
        words = blocks.normalise_line(text).split()
        assert blocks._has_comment_marker(text, words) == _full_rule(text), text
    assert sum(map(_full_rule, _LINES)) >= 12


def test_each_pattern_match_holds_one_of_its_literals() -> None:
    patterns = [re.compile(p, re.IGNORECASE) for p in blocks._COMMENT_RULES["patterns"]]
    for pattern, literals in zip(patterns, blocks._COMMENT_RULES["literals"], strict=True):
        matched = [text for text in _LINES if pattern.search(text) and text.isascii()]
        assert matched, pattern.pattern
        for text in matched:
            assert any(literal in text.lower() for literal in literals), (pattern.pattern, text)


def test_ignorecase_twins_are_all_non_ascii_matches_of_the_literals() -> None:
    characters = "".join(sorted({c for group in blocks._COMMENT_RULES["literals"] for c in "".join(group)}))
    every_character = (
        "".join(map(chr, range(128, 0x110000))).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    )
    twins = set(re.findall(f"[{re.escape(characters)}]", every_character, re.IGNORECASE))
    assert twins <= set(blocks.IGNORECASE_ASCII_TWINS)
