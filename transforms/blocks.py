"""Lines of a plain-text page dump and the shape features the text classifier reads.

A dump is a whole web page rendered to text: one block per line (scrapinghub style, first line
the page <title>) or blocks separated by blank lines. Either way the unit is a non-blank line,
kept with its position in the decoded text so every removal can be reported against it.

Features are deliberately language-light and cheap (no per-line regex on long lines): length,
sentence shape, function-word density, capitalisation, bullets, position, repetition inside the
page, and the same quantities averaged over neighbouring lines, because an article is a dense
run of prose and chrome comes in runs of short lines.

Two views of the same linear model: line_features() gives the full feature matrix (training,
inspection); line_scores() computes the identical weighted sum without materialising the
window features (runtime), folding each window's weights into one prefix-summed column.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import itemgetter, mul, sub, truediv
from typing import Any

from transforms.rules import load_json, load_lines

BULLET_PREFIX = "  • "
LAYOUT_LINES = "lines"  # one block per line, first line is the <title>
LAYOUT_BLOCKS = "blocks"  # blocks separated by blank lines

STOPWORDS = frozenset(word for line in load_lines("text_stopwords.txt") for word in line.split())
_PHRASES = load_lines("text_chrome_phrases.txt")
_CHROME_WORDS = frozenset(p for p in _PHRASES if " " not in p and re.search(r"\w", p))
# Multi-word phrases by first word: {"read": (("read", "more"),), ...}.
_CHROME_PHRASES_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in (tuple(p.split()) for p in _PHRASES if " " in p):
    _CHROME_PHRASES_BY_FIRST[_phrase[0]] = (*_CHROME_PHRASES_BY_FIRST.get(_phrase[0], ()), _phrase)
_CHROME_FIRST_WORDS = frozenset(_CHROME_PHRASES_BY_FIRST)
_CHROME_SYMBOLS = tuple(p for p in _PHRASES if not re.search(r"\w", p))
_COMMENT_RULES = load_json("text_comment_markers.json")
_COMMENT_TRIGGERS = frozenset(_COMMENT_RULES["triggers"])
_COMMENT_MARKER = re.compile("|".join(_COMMENT_RULES["patterns"]), re.IGNORECASE)
# Every comment-marker match contains one of these literals (case aside), so a line whose lower
# case holds none of them cannot match.
_COMMENT_LITERALS = tuple(sorted({literal for group in _COMMENT_RULES["literals"] for literal in group}))
if len(_COMMENT_RULES["literals"]) != len(_COMMENT_RULES["patterns"]):
    raise ValueError("text_comment_markers.json: one literals list per pattern")
# The only non-ASCII characters IGNORECASE matches to ASCII letters or ":" (İ ı ſ K); str.lower()
# does not turn them into those letters, so lines holding one skip the literal check.
IGNORECASE_ASCII_TWINS = ("\u0130", "\u0131", "\u017f", "\u212a")
# Headline and summary of a teaser printed as one line: "...Student-AthleteA 24-year-old...".
# That is lower case, optional closing mark, Capital, lower case; written from the capital (with
# look-behinds) because capitals are rare, so the regex engine skips ahead between them.
_GLUED_WORDS = re.compile(r"[A-ZÀ-Þ](?:(?<=[a-zà-ÿ][A-ZÀ-Þ])|(?<=[a-zà-ÿ][’”'\")?!][A-ZÀ-Þ]))[a-zà-ÿ]")
_GLUE_SCAN_CHARS = 150
_NORMALISE = re.compile(r"[\W_]+")
# Characters that end a sentence, including closing quotes/brackets after the stop and CJK stops.
_SENTENCE_END = frozenset(".!?。！？…\"”’')»:;")
_TERMINAL = frozenset(".!?。！？")
_CLOSERS = "\"”’')»]"
# Lines longer than this are never chrome-shaped; chrome-phrase work stops here (speed).
SHORT_LINE_CHARS = 160
# Capitalisation is measured over at most this many leading words of a line (speed).
_SCAN_WORDS = 40
_WORD_PUNCTUATION = ".,;:!?\"'()[]“”‘’«»—–-"


@dataclass(frozen=True, slots=True)
class Dump:
    """A parsed dump: parallel tuples, one entry per non-blank line."""

    layout: str
    positions: tuple[int, ...]  # 0-based index of each line in the decoded text
    texts: tuple[str, ...]  # the line without bullet prefix and surrounding whitespace
    bullets: tuple[bool, ...]  # the renderer printed it as a list item
    normalised: tuple[str, ...]  # normalise_line() of each line

    @property
    def title(self) -> str | None:
        """The page <title> (first line of a lines-layout dump), else None."""
        return self.texts[0] if self.texts and self.layout == LAYOUT_LINES else None


def normalise_line(text: str) -> str:
    """Case- and punctuation-insensitive form of a short line (long lines: lower case only).

    The key for repetition counts inside a page and across a site.
    """
    lower = text.strip().lower()
    return _NORMALISE.sub(" ", lower).strip() if len(lower) <= SHORT_LINE_CHARS else lower


def parse_dump(text: str, keys: dict[str, str] | None = None) -> Dump:
    """Split a dump into its non-blank lines, remembering positions, bullets and layout.

    `keys` memoises normalise_line() across the dumps of a batch, whose pages repeat their chrome.
    """
    if keys is None:
        keys = {}
    raw_lines = text.split("\n")
    positions: list[int] = []
    texts: list[str] = []
    bullets: list[bool] = []
    normalised: list[str] = []
    for position, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if not stripped:
            continue
        positions.append(position)
        key = keys.get(stripped)
        if key is None:
            lower = stripped.lower()
            # Punctuation-free keys matter for short lines (menus, labels, repeats); for long lines
            # a character-level regex would cost more than everything else together, so case only.
            key = keys[stripped] = (
                _NORMALISE.sub(" ", lower).strip() if len(lower) <= SHORT_LINE_CHARS else lower
            )
        normalised.append(key)
        if stripped[0] == "•" and raw.startswith(BULLET_PREFIX) and len(stripped) > 1:
            texts.append(stripped[1:].lstrip())
            bullets.append(True)
        else:
            texts.append(stripped)
            bullets.append(False)
    blank = (positions[-1] + 1 - len(positions)) if positions else 0
    layout = LAYOUT_BLOCKS if blank > 1 and blank * 4 >= len(positions) else LAYOUT_LINES
    return Dump(layout, tuple(positions), tuple(texts), tuple(bullets), tuple(normalised))


# Context-free features of a line, in the order _shape() returns them.
SHAPE_FEATURES = (
    "log_chars",
    "log_words",
    "sentence_end",
    "terminal_stop",
    "ellipsis",
    "bullet",
    "stopword_ratio",
    "capital_ratio",
    "number_ratio",
    "pipe_or_slash",
    "chrome_phrase",
    "comma_rate",
    "prose",
    "long_prose",
    "cjk",
    "comment_marker",
    "glued_words",
)
# Features that depend on the page but not on neighbours.
PAGE_FEATURES = (
    "repeated_in_page",
    "title_repeat",
    "is_first",
    "relative_position",
    "chars_below_page_max",
    "after_headline",
    "log_lines_after_headline",
    "title_word_overlap",
)
# Neighbourhood: means over windows of +-width lines of these shape features.
WINDOWS = (1, 3, 8)
WINDOW_SOURCES = ("prose", "log_chars", "bullet", "chrome_phrase", "terminal_stop")
WINDOW_FEATURES = tuple(f"{name}_w{width}" for width in WINDOWS for name in WINDOW_SOURCES)
RUN_FEATURES = (
    "prose_before",
    "prose_after",
    "in_main_run",
    "main_run_distance",
    "prev_prose",
    "next_prose",
    "prev_log_chars",
    "next_log_chars",
    "comment_markers_before",
    "comment_markers_after",
    "in_colon_list",
)
FEATURE_NAMES = SHAPE_FEATURES + PAGE_FEATURES + WINDOW_FEATURES + RUN_FEATURES

_LOG_CHARS = SHAPE_FEATURES.index("log_chars")
_PROSE = SHAPE_FEATURES.index("prose")
_COMMENT = SHAPE_FEATURES.index("comment_marker")
_LOG_WORDS = SHAPE_FEATURES.index("log_words")
# A colon-introduced list: intro of 4+ words, up to this many lines, ended by prose of 15+ words.
_INTRO_MIN_SPACES = 3
_MAX_LIST_LINES = 60
_LIST_END_LOG_WORDS = math.log1p(15)
_BULLET = SHAPE_FEATURES.index("bullet")
_CHROME = SHAPE_FEATURES.index("chrome_phrase")
_SOURCE_INDEX = tuple(SHAPE_FEATURES.index(name) for name in WINDOW_SOURCES)
_SOURCES_OF = itemgetter(*_SOURCE_INDEX)
# Main run: maximum-sum segment where a prose line earns +1 and any other line costs this much.
_RUN_GAP_COST = 0.35

_FLAG = (0.0, 1.0)  # a bool as a feature value: _FLAG[flag]


class ShapeCache:
    """What depends only on a line's text, worked out once per batch: pages of one site repeat
    their menus and footers. Shapes are keyed by (text, bullet), the first page to see a line
    fills them; the model's sums over a shape are kept for the last model used."""

    __slots__ = ("shapes", "_model", "_terms")

    def __init__(self) -> None:
        self.shapes: dict[tuple[str, bool], tuple[float, ...]] = {}
        self._model: LinearModel | None = None
        self._terms: dict[tuple[str, bool], tuple[float, ...]] = {}

    def terms(self, model: LinearModel) -> dict[tuple[str, bool], tuple[float, ...]]:
        """_shape_terms() of each line seen with `model` (forgets another model's)."""
        if model is not self._model:
            self._model, self._terms = model, {}
        return self._terms


def _has_chrome_phrase(text: str, words: list[str]) -> bool:
    if not _CHROME_WORDS.isdisjoint(words):
        return True
    for symbol in _CHROME_SYMBOLS:
        if symbol in text:
            return True
    if _CHROME_FIRST_WORDS.isdisjoint(words):
        return False
    for index, word in enumerate(words):
        phrases = _CHROME_PHRASES_BY_FIRST.get(word)
        if phrases:
            for phrase in phrases:
                if tuple(words[index : index + len(phrase)]) == phrase:
                    return True
    return False


def _has_comment_marker(text: str, words: list[str]) -> bool:
    if _COMMENT_TRIGGERS.isdisjoint(words):
        return False
    if text.isascii() or not any(map(text.__contains__, IGNORECASE_ASCII_TWINS)):
        lower = text.lower()
        if not any(map(lower.__contains__, _COMMENT_LITERALS)):
            return False
    return _COMMENT_MARKER.search(text) is not None


def _shape(text: str, key: str, bullet: bool) -> tuple[float, ...]:
    """The context-free features of one line (SHAPE_FEATURES order)."""
    chars = len(text)
    short = chars <= SHORT_LINE_CHARS
    words = key.split()
    n_words = len(words) or 1
    last = text[-1]
    terminal = (text.rstrip(_CLOSERS) or text)[-1] in _TERMINAL
    cjk = 1.0 if chars > 2 * n_words + 8 and ord(text[chars // 2]) > 0x2E80 else 0.0
    stop_ratio = sum(map(STOPWORDS.__contains__, words)) / n_words
    # Capitalised share over the first words only: enough to tell title case from prose.
    head_words = text.split(None, _SCAN_WORDS)[:_SCAN_WORDS]
    prose = 1.0 if terminal and ((n_words >= 8 and stop_ratio >= 0.15) or (cjk and chars >= 25)) else 0.0
    return (
        math.log1p(chars),
        math.log1p(n_words),
        1.0 if last in _SENTENCE_END else 0.0,
        1.0 if terminal else 0.0,
        1.0 if text.endswith("...") or last == "…" else 0.0,
        1.0 if bullet else 0.0,
        stop_ratio,
        sum(map(str.istitle, head_words)) / len(head_words),
        sum(map(str.isdigit, words)) / n_words,
        1.0 if ("|" in text or " / " in text) else 0.0,
        1.0 if short and _has_chrome_phrase(text, words) else 0.0,
        text.count(",") / n_words,
        prose,
        1.0 if prose and n_words >= 25 else 0.0,
        cjk,
        1.0 if short and _has_comment_marker(text, words) else 0.0,
        1.0 if _GLUED_WORDS.search(text, 0, _GLUE_SCAN_CHARS) else 0.0,
    )


def _shapes(dump: Dump, cache: ShapeCache | None) -> list[tuple[float, ...]]:
    texts, keys, bullets = dump.texts, dump.normalised, dump.bullets
    if cache is None:
        return list(map(_shape, texts, keys, bullets))
    known = cache.shapes
    shapes = list(map(known.get, zip(texts, bullets, strict=True)))
    if None in shapes:
        for index, found in enumerate(shapes):
            if found is None:
                line = (texts[index], bullets[index])
                # A line repeated inside this page is filled by its first copy.
                found = known.get(line)
                if found is None:
                    found = known[line] = _shape(texts[index], keys[index], bullets[index])
                shapes[index] = found
    return shapes


@dataclass(frozen=True, slots=True)
class _PageView:
    """Per-line shape and page features and the prose-run geometry shared by both views."""

    shapes: list[tuple[float, ...]]  # SHAPE_FEATURES per line
    shape_columns: list[tuple[float, ...]]  # the same, one column per SHAPE_FEATURES entry
    page: list[list[float]]  # one column per PAGE_FEATURES entry
    run: list[list[float]]  # one column per RUN_FEATURES entry
    sources: list[tuple[float, ...]]  # WINDOW_SOURCES columns


def _words_of(key: str) -> list[str]:
    """The first words of a normalised line, trailing punctuation stripped (long-line keys keep it)."""
    return list(map(str.strip, key.split(None, _SCAN_WORDS)[:_SCAN_WORDS], repeat(_WORD_PUNCTUATION)))


def _title_overlaps(keys: tuple[str, ...], title_key: str) -> list[float]:
    """Share of the <title>'s content words each line mentions (capped): the article talks about
    its headline, teasers for other stories do not."""
    title_words = frozenset(w for w in _words_of(title_key) if len(w) > 3 and w not in STOPWORDS)
    if not title_words:
        return [0.0] * len(keys)
    cap = min(len(title_words), 5)
    # A line holding none of the title words even as substrings shares no word with it: skip it.
    return [
        len(title_words.intersection(_words_of(key))) / cap
        if len(key) >= 40 and any(map(key.__contains__, title_words))
        else 0.0
        for key in keys
    ]


def _page_view(dump: Dump, cache: ShapeCache | None) -> _PageView:
    keys = dump.normalised
    n = len(keys)
    shapes = _shapes(dump, cache)
    shape_columns = list(zip(*shapes, strict=True)) if n else [()] * len(SHAPE_FEATURES)
    log_chars = shape_columns[_LOG_CHARS]
    page_max = max(log_chars, default=0.0)
    title_key = keys[0] if dump.layout == LAYOUT_LINES and n else ""
    title_repeat = [0.0] * n
    if title_key:
        for index in range(1, n):
            key = keys[index]
            if len(key) > 10 and key in title_key:
                title_repeat[index] = 1.0
    # The headline as printed (a line the <title> contains) usually sits right above the article.
    headline = title_repeat.index(1.0) if 1.0 in title_repeat else n
    before_headline = [0.0] * min(n, headline + 1)
    repeated = {key for key, count in Counter(keys).items() if count > 1 and key}
    page = [
        list(map(_FLAG.__getitem__, map(repeated.__contains__, keys))),
        title_repeat,
        [1.0] + [0.0] * (n - 1) if n else [],
        list(map(truediv, range(n), repeat(n))),
        list(map(sub, repeat(page_max), log_chars)),
        before_headline + [1.0] * (n - headline - 1),
        before_headline + list(map(math.log1p, range(1, n - headline))),
        _title_overlaps(keys, title_key),
    ]
    run = _run_columns(dump.texts, shape_columns)
    sources = [shape_columns[i] for i in _SOURCE_INDEX]
    return _PageView(shapes, shape_columns, page, run, sources)


def _main_run(prose: Sequence[float]) -> tuple[int, int]:
    """First and last line of the main prose run (-1 end when none): the maximum-sum segment
    where a prose line earns +1 and any other line costs _RUN_GAP_COST."""
    best_sum, best = 0.0, (0, -1)
    running_sum, start = 0.0, 0
    for index, value in enumerate(prose):
        if running_sum <= 0:
            running_sum, start = 0.0, index
        running_sum += 1.0 if value else -_RUN_GAP_COST
        if running_sum > best_sum:
            best_sum, best = running_sum, (start, index)
    return best


def _colon_lists(texts: tuple[str, ...], prose: Sequence[float], log_words: Sequence[float]) -> list[float]:
    """Mark the lines of lists an article introduces with a colon ("The tour dates:"): short
    unpunctuated lines after it, until the next long prose line."""
    if not any(map(str.endswith, texts, repeat(":"))):
        return [0.0] * len(texts)
    marks = []
    remaining = 0
    for text, is_prose, words in zip(texts, prose, log_words, strict=True):
        if is_prose and words > _LIST_END_LOG_WORDS:
            remaining = 0
        marks.append(1.0 if remaining else 0.0)
        remaining = max(0, remaining - 1)
        if text[-1] == ":" and text.count(" ") >= _INTRO_MIN_SPACES:
            remaining = _MAX_LIST_LINES
    return marks


def _run_columns(texts: tuple[str, ...], shape_columns: list[tuple[float, ...]]) -> list[list[float]]:
    """RUN_FEATURES as columns."""
    n = len(texts)
    prose, log_chars = shape_columns[_PROSE], shape_columns[_LOG_CHARS]
    prefix = list(accumulate(prose, initial=0.0))
    total_prose = prefix[n]
    total = total_prose or 1.0
    run_start, run_end = _main_run(prose)
    comments = list(accumulate(shape_columns[_COMMENT], initial=0.0))
    inside = [0.0] * (run_end - run_start + 1)
    return [
        list(map(truediv, prefix[:n], repeat(total))),
        list(map(truediv, map(sub, repeat(total_prose), prefix[1:]), repeat(total))),
        [0.0] * run_start + [1.0] * len(inside) + [0.0] * (n - run_end - 1),
        list(map(math.log1p, range(run_start, 0, -1)))
        + inside
        + list(map(math.log1p, range(1, n - run_end))),
        [0.0, *prose[:-1]] if n else [],
        [*prose[1:], 0.0] if n else [],
        [0.0, *log_chars[:-1]] if n else [],
        [*log_chars[1:], 0.0] if n else [],
        list(map(math.log1p, comments[:n])),
        list(map(math.log1p, map(sub, repeat(comments[n]), comments[1:]))),
        _colon_lists(texts, prose, shape_columns[_LOG_WORDS]),
    ]


def page_view(dump: Dump, cache: ShapeCache | None = None) -> _PageView:
    """Per-line shape and page features of a dump (input of line_features / stage1_scores)."""
    return _page_view(dump, cache)


def line_features(dump: Dump | _PageView, cache: ShapeCache | None = None) -> list[list[float]]:
    """The full feature vector of every line (FEATURE_NAMES order), for training and inspection."""
    view = _page_view(dump, cache) if isinstance(dump, Dump) else dump
    n = len(view.shapes)
    prefixes = [list(accumulate(column, initial=0.0)) for column in view.sources]
    window_columns = []
    for width in WINDOWS:
        for prefix in prefixes:
            window_columns.append(
                [
                    (prefix[min(n, i + width + 1)] - prefix[max(0, i - width)])
                    / (min(n, i + width + 1) - max(0, i - width))
                    for i in range(n)
                ]
            )
    columns = [*view.shape_columns, *view.page, *window_columns, *view.run] if n else []
    return [list(row) for row in zip(*columns, strict=True)]


# Second stage: the first stage's probabilities seen in context (stacking). An article line
# sits among likely lines; a lone likely line among chrome is a teaser or a caption.
STAGE2_FEATURES = (
    "logit",
    "p_w1",
    "p_w3",
    "p_w8",
    "p_prev",
    "p_next",
    "in_likely_span",
    "likely_span_distance",
    "p_over_page_max",
    "page_max_p",
    "likely_before",
    "likely_after",
    "log_chars",
    "prose",
    "bullet",
    "chrome_phrase",
    "repeated_in_page",
    "comment_markers_before",
    "span_x_log_chars",
    "span_x_bullet",
    "span_x_logit",
    "span_x_p_w3",
    "span_x_chrome_phrase",
    "after_headline",
    "title_word_overlap",
    "in_colon_list",
)
_LIKELY = 0.5
_STAGE2_SHAPES = tuple(
    SHAPE_FEATURES.index(name) for name in ("log_chars", "prose", "bullet", "chrome_phrase")
)
_REPEATED = PAGE_FEATURES.index("repeated_in_page")
_AFTER_HEADLINE = PAGE_FEATURES.index("after_headline")
_TITLE_OVERLAP = PAGE_FEATURES.index("title_word_overlap")
_COMMENTS_BEFORE = RUN_FEATURES.index("comment_markers_before")
_IN_COLON_LIST = RUN_FEATURES.index("in_colon_list")


def sigmoids(logits: Sequence[float]) -> list[float]:
    """The probability of each logit (0.0 far below zero, where exp() would overflow)."""
    exp = math.exp
    return [1.0 / (1.0 + exp(-z)) if z > -30 else 0.0 for z in logits]


def _window_means(column: Sequence[float], width: int) -> list[float]:
    """Mean of column[i - width : i + width + 1] for every i (windows clipped at the ends)."""
    n = len(column)
    prefix = list(accumulate(column, initial=0.0))
    span = 2 * width + 1
    if n <= span:
        return [
            (prefix[min(n, i + width + 1)] - prefix[max(0, i - width)])
            / (min(n, i + width + 1) - max(0, i - width))
            for i in range(n)
        ]
    head = [(prefix[i + width + 1] - prefix[0]) / (i + width + 1) for i in range(width)]
    middle = list(map(truediv, map(sub, prefix[span:], prefix[: n - span + 1]), repeat(span)))
    tail = [(prefix[n] - prefix[i - width]) / (n - i + width) for i in range(n - width, n)]
    return head + middle + tail


def stage2_columns(view: _PageView, logits: list[float]) -> list[list[float]]:
    """STAGE2_FEATURES as columns, from the first stage's logits."""
    n = len(logits)
    p = sigmoids(logits)
    likely = list(map(_FLAG.__getitem__, map(_LIKELY.__le__, p)))
    page_max = max(p, default=0.0) or 1.0
    likely_prefix = list(accumulate(likely, initial=0.0))
    total = likely_prefix[n] or 1.0
    if 1.0 in likely:
        first, last = likely.index(1.0), n - 1 - likely[::-1].index(1.0)
        inside = [0.0] * (last - first + 1)
        in_span = [0.0] * first + [1.0] * len(inside) + [0.0] * (n - last - 1)
        distance = (
            list(map(math.log1p, range(first, 0, -1))) + inside + list(map(math.log1p, range(1, n - last)))
        )
    else:  # no likely line: every line is "before" the (empty) span at the end of the page
        in_span = [0.0] * n
        distance = list(map(math.log1p, range(n, 0, -1)))
    clipped = list(map(max, repeat(-8.0), map(min, repeat(8.0), logits)))
    p_w3 = _window_means(p, 3)
    shape_columns = view.shape_columns
    return [
        clipped,
        _window_means(p, 1),
        p_w3,
        _window_means(p, 8),
        [0.0, *p[:-1]],
        [*p[1:], 0.0],
        in_span,
        distance,
        list(map(truediv, p, repeat(page_max))),
        [page_max] * n,
        list(map(truediv, likely_prefix[:n], repeat(total))),
        list(map(truediv, map(sub, repeat(likely_prefix[n]), likely_prefix[1:]), repeat(total))),
        *(list(shape_columns[index]) for index in _STAGE2_SHAPES),
        view.page[_REPEATED],
        view.run[_COMMENTS_BEFORE],
        list(map(mul, in_span, shape_columns[_LOG_CHARS])),
        list(map(mul, in_span, shape_columns[_BULLET])),
        list(map(mul, in_span, clipped)),
        list(map(mul, in_span, p_w3)),
        list(map(mul, in_span, shape_columns[_CHROME])),
        view.page[_AFTER_HEADLINE],
        view.page[_TITLE_OVERLAP],
        view.run[_IN_COLON_LIST],
    ]


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Logistic-regression weights split by feature group, ready for line_scores()."""

    bias: float
    row_weights: tuple[float, ...]  # SHAPE_FEATURES + PAGE_FEATURES
    window_weights: tuple[tuple[float, ...], ...]  # per width in WINDOWS, per WINDOW_SOURCES
    run_weights: tuple[float, ...]
    stage2_bias: float | None = None  # None: single-stage model
    stage2_weights: tuple[float, ...] = ()  # STAGE2_FEATURES


def linear_model(weights_json: Mapping[str, Any]) -> LinearModel:
    """Build a LinearModel from {"bias": b, "weights": {feature name: w}} (missing names weigh 0)."""
    weights = weights_json["weights"]

    def pick(names: tuple[str, ...]) -> tuple[float, ...]:
        return tuple(float(weights.get(name, 0.0)) for name in names)

    return LinearModel(
        float(weights_json["bias"]),
        pick(SHAPE_FEATURES + PAGE_FEATURES),
        tuple(pick(tuple(f"{name}_w{width}" for name in WINDOW_SOURCES)) for width in WINDOWS),
        pick(RUN_FEATURES),
        float(weights_json["stage2"]["bias"]) if "stage2" in weights_json else None,
        tuple(float(weights_json["stage2"]["weights"].get(n, 0.0)) for n in STAGE2_FEATURES)
        if "stage2" in weights_json
        else (),
    )


def _shape_terms(shape: tuple[float, ...], model: LinearModel) -> tuple[float, ...]:
    """The parts of a line's first-stage score that depend on its shape alone: bias plus the
    shape features' weighted sum, and per window width the weighted sum of its WINDOW_SOURCES."""
    sources = _SOURCES_OF(shape)
    # map() stops at the shape's end: the row weights' shape part, without slicing them.
    return (
        model.bias + sum(map(mul, model.row_weights, shape)),
        *map(sum, map(map, repeat(mul), model.window_weights, repeat(sources))),
    )


def _cached_shape_terms(
    dump: Dump, view: _PageView, model: LinearModel, cache: ShapeCache
) -> list[tuple[float, ...]]:
    known = cache.terms(model)
    terms = list(map(known.get, zip(dump.texts, dump.bullets, strict=True)))
    if None in terms:
        for index, found in enumerate(terms):
            if found is None:
                terms[index] = known[(dump.texts[index], dump.bullets[index])] = _shape_terms(
                    view.shapes[index], model
                )
    return terms


def line_scores(dump: Dump, model: LinearModel, cache: ShapeCache | None = None) -> list[float]:
    """The model's logit for every line (second stage when the model has one)."""
    view = _page_view(dump, cache)
    logits = stage1_scores(
        view, model, _cached_shape_terms(dump, view, model, cache) if cache is not None else None
    )
    if model.stage2_bias is None or not logits:
        return logits
    bias, weights = model.stage2_bias, model.stage2_weights
    return [
        bias + sum(map(mul, weights, values)) for values in zip(*stage2_columns(view, logits), strict=True)
    ]


def stage1_scores(
    view: _PageView, model: LinearModel, shape_terms: list[tuple[float, ...]] | None = None
) -> list[float]:
    """First-stage logits: the same sum as line_features() . weights, computed fast.

    Column-wise: each window width's weights are folded into one prefix-summed column, so a line
    costs a few additions instead of a 60-feature dot product. `shape_terms` (one _shape_terms()
    per line) may come from a cache.
    """
    n = len(view.shapes)
    if not n:
        return []
    if shape_terms is None:
        shape_terms = [_shape_terms(shape, model) for shape in view.shapes]
    scores, *combined = zip(*shape_terms, strict=True)
    # Folding: the window mean of a weighted sum is the weighted sum of window means.
    columns = [
        *view.page,
        *view.run,
        *(_window_means(column, width) for column, width in zip(combined, WINDOWS, strict=True)),
    ]
    weights = model.row_weights[len(SHAPE_FEATURES) :] + model.run_weights + (1.0,) * len(WINDOWS)
    return [
        z + sum(map(mul, weights, values))
        for z, values in zip(scores, zip(*columns, strict=True), strict=True)
    ]
