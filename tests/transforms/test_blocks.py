"""Tests for transforms.blocks: each shape feature with and without its snippet, and the batch
arithmetic (a page's features never depend on the other pages of its batch)."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms import blocks
from transforms.blocks import (
    SHAPE_FEATURES,
    line_batch,
    line_features,
    line_logits,
    linear_model,
    parse_dump,
    shape_matrix,
)
from transforms.rules import load_json


def shapes_of(*texts: str) -> dict[str, list[float]]:
    """Each SHAPE_FEATURES column for the given lines (not bullets)."""
    keys = [blocks.normalise_line(text) for text in texts]
    matrix = shape_matrix(list(texts), keys)
    return {name: matrix[:, column].tolist() for column, name in enumerate(SHAPE_FEATURES)}


# Lines written to hit every comment-marker pattern, and prose that shares trigger words with them.
COMMENT_LINES = (
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
)
PROSE_WITH_TRIGGER_WORDS = (
    "The minister said the plan would take a year to deliver.",
    "Every day the market opens at 9.",
    "He said the report was late",
)


def test_comment_markers_with_and_without() -> None:
    assert shapes_of(*COMMENT_LINES)["comment_marker"] == [1.0] * len(COMMENT_LINES)
    assert shapes_of(*PROSE_WITH_TRIGGER_WORDS)["comment_marker"] == [0.0] * len(PROSE_WITH_TRIGGER_WORDS)


def test_comment_markers_agree_with_python_regexes() -> None:
    """The RE2 patterns (run by Arrow) mean what the same patterns mean to Python's re."""
    patterns = [re.compile(p, re.IGNORECASE) for p in blocks._COMMENT_RULES["patterns"]]
    lines = COMMENT_LINES + PROSE_WITH_TRIGGER_WORDS
    expected = [float(any(p.search(line) for p in patterns)) for line in lines]
    assert shapes_of(*lines)["comment_marker"] == expected


def test_chrome_vocabulary_is_whole_words_of_short_lines() -> None:
    found = shapes_of(
        "Read more",
        "Sign in | Register",
        "© 2024 The Fenland Courier",
        "Already registered? Sign in to read on.",
        "The registrar read more than forty names at the sign-in desk of the old hall, one after another.",
        "Threadbare",
        "x " * 100 + "subscribe",
    )["chrome_phrase"]
    assert found == [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0]


def test_sentence_shape() -> None:
    found = shapes_of(
        "The river wall will be rebuilt before the winter floods arrive, the council said.",
        "He called it “a disgrace.”",
        "Council to rebuild river wall",
        "Ten things to do this weekend in the fens...",
        "Ten things to do this weekend…",
    )
    assert found["terminal_stop"] == [1.0, 1.0, 0.0, 1.0, 0.0]
    assert found["ellipsis"] == [0.0, 0.0, 0.0, 1.0, 1.0]
    assert found["prose"] == [1.0, 0.0, 0.0, 1.0, 0.0]
    assert found["capital_ratio"][2] == 1 / 5  # only "Council" is capitalised


def test_glued_teaser_headlines() -> None:
    found = shapes_of(
        "Rower Wins The County ChampionshipThe 24-year-old from Ely took gold on Sunday",
        "Is Violence On The Rise?Violence is part of the game in many sports",
        "SoftBank agreed to a rescue of WeWork on Tuesday, the company said.",
        "The merger of Gannett and GateHouse Media became final on Tuesday.",
        "A 24-year-old rower from Ely took gold on Sunday",
    )
    assert found["glued_words"] == [1.0, 1.0, 0.0, 0.0, 0.0]


def test_function_words_and_numbers() -> None:
    found = shapes_of("The cost of the wall is 12 million", "Home News Sport 2024")
    assert found["stopword_ratio"][0] > 0.3
    assert found["stopword_ratio"][1] == 0.0
    assert found["number_ratio"] == [1 / 8, 1 / 4]


def test_unspaced_scripts_are_prose_when_they_end_a_sentence() -> None:
    found = shapes_of("河の堤防は冬の前に再建される予定だと市議会が発表した。住民は歓迎している。")
    assert found["cjk"] == [1.0]
    assert found["prose"] == [1.0]


def _main_run(prose: list[bool]) -> tuple[int, int]:
    """The reference: first best maximum-sum segment, +1 per prose line, -0.35 per other line."""
    best_sum, best, running, start = 0.0, (0, -1), 0.0, 0
    for index, value in enumerate(prose):
        if running <= 0:
            running, start = 0.0, index
        running += 20 if value else -7
        if running > best_sum:
            best_sum, best = running, (start, index)
    return best


_PAGES = st.lists(st.lists(st.booleans(), min_size=1, max_size=30), min_size=1, max_size=6)


def _dump(flags: list[bool]) -> blocks.Dump:
    prose = "The council said the wall would be rebuilt before the winter floods came."
    text = "\n".join(prose if flag else f"Menu item {n}" for n, flag in enumerate(flags))
    return parse_dump("Page title\n" + text)


@settings(max_examples=60, deadline=None)
@given(_PAGES)
def test_main_run_is_the_best_prose_segment_of_each_page(pages: list[list[bool]]) -> None:
    batch = line_batch([_dump(flags) for flags in pages])
    in_run = batch.run[:, blocks.RUN_FEATURES.index("in_main_run")]
    for number, flags in enumerate(pages):
        start, end = _main_run([False, *flags])  # the title line is not prose
        low = batch.starts[number]
        rows = in_run[low : batch.starts[number + 1]]
        assert rows.tolist() == [1.0 if start <= i <= end else 0.0 for i in range(len(rows))]


@settings(max_examples=30, deadline=None)
@given(_PAGES)
def test_a_page_scores_the_same_alone_and_in_a_batch(pages: list[list[bool]]) -> None:
    dumps = [_dump(flags) for flags in pages]
    together = line_batch(dumps)
    alone = [line_batch([dump]) for dump in dumps]
    assert np.array_equal(line_features(together), np.vstack([line_features(batch) for batch in alone]))
    model = linear_model(load_json("text_weights.json"))
    logits = np.concatenate([line_logits(batch, model) for batch in alone])
    assert np.array_equal(line_logits(together, model), logits)
