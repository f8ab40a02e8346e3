"""Lines of a plain-text page dump and the shape features the text classifier reads.

A dump is a whole web page rendered to text: one block per line (scrapinghub style, first line
the page <title>) or blocks separated by blank lines. Either way the unit is a non-blank line,
kept with its position in the decoded text so every removal can be reported against it.

Features are deliberately language-light and cheap (one pass, no per-line regex on long lines):
length, sentence shape, function-word density, capitalisation, bullets, position, repetition
inside the page, and the same quantities averaged over neighbouring lines, because an article
is a dense run of prose and chrome comes in runs of short lines.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from transforms.rules import load_lines

BULLET_PREFIX = "  • "
LAYOUT_LINES = "lines"  # one block per line, first line is the <title>
LAYOUT_BLOCKS = "blocks"  # blocks separated by blank lines

STOPWORDS = frozenset(word for line in load_lines("text_stopwords.txt") for word in line.split())
CHROME_PHRASE = re.compile("|".join(load_lines("text_chrome_phrases.txt")), re.IGNORECASE)
_NORMALISE = re.compile(r"[\W_]+")
# Characters that end a sentence, including closing quotes/brackets after the stop and CJK stops.
_SENTENCE_END = frozenset(".!?。！？…\"”’')»:;")
_TERMINAL = frozenset(".!?。！？")
_CLOSERS = "\"”’')»]"
_DIGITS = frozenset("0123456789")
# Lines longer than this are never chrome-shaped; short-line-only work stops here (speed).
SHORT_LINE_CHARS = 160


@dataclass(frozen=True, slots=True)
class DumpLine:
    position: int  # 0-based index of the line in the decoded text
    text: str  # the line without the bullet prefix and surrounding whitespace
    bullet: bool  # the renderer printed it as a list item


@dataclass(frozen=True, slots=True)
class Dump:
    layout: str
    lines: tuple[DumpLine, ...]
    normalised: tuple[str, ...]  # normalise_line() of each line, same order


def normalise_line(text: str) -> str:
    """Case- and punctuation-insensitive form of a line, the key for repetition counts."""
    return _NORMALISE.sub(" ", text.lower()).strip()


def parse_dump(text: str) -> Dump:
    """Split a dump into its non-blank lines, remembering positions, bullets and layout."""
    raw_lines = text.split("\n")
    blank = 0
    lines: list[DumpLine] = []
    for position, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if not stripped:
            blank += 1
            continue
        if stripped[0] == "•" and raw.startswith(BULLET_PREFIX):
            lines.append(DumpLine(position, stripped[1:].strip(), True))
        else:
            lines.append(DumpLine(position, stripped, False))
    # Trailing newline gives one empty piece; a blank-line layout has blanks between blocks.
    layout = LAYOUT_BLOCKS if blank > 1 and blank * 4 >= len(lines) else LAYOUT_LINES
    return Dump(layout, tuple(lines), tuple(normalise_line(line.text) for line in lines))


# Names of the per-line features, in the order line_features() returns them.
BASE_FEATURES = (
    "log_chars",
    "log_words",
    "sentence_end",
    "terminal_stop",
    "ellipsis",
    "bullet",
    "stopword_ratio",
    "capital_ratio",
    "digit_ratio",
    "pipe_or_slash",
    "chrome_phrase",
    "comma_rate",
    "prose",
    "long_prose",
    "cjk",
    "repeated_in_page",
    "title_repeat",
    "is_first",
    "relative_position",
)
_WINDOWS = (1, 3, 8)
_CONTEXT_SOURCES = ("prose", "log_chars", "bullet", "chrome_phrase")
CONTEXT_FEATURES = tuple(f"{name}_w{width}" for width in _WINDOWS for name in _CONTEXT_SOURCES) + (
    "prose_before",
    "prose_after",
    "in_main_run",
    "main_run_distance",
    "prev_prose",
    "next_prose",
)
FEATURE_NAMES = BASE_FEATURES + CONTEXT_FEATURES


def _shape(text: str, bullet: bool) -> list[float]:
    """The context-free part of a line's features (see BASE_FEATURES, minus page-level ones)."""
    chars = len(text)
    words = text.split()
    n_words = len(words)
    last = text[-1]
    stripped_end = text.rstrip(_CLOSERS) or text
    terminal = stripped_end[-1] in _TERMINAL
    ellipsis = text.endswith("...") or last == "…"
    cjk = 1.0 if chars > 2 * n_words + 8 and ord(text[len(text) // 2]) > 0x2E80 else 0.0
    stop = capital = 0
    for word in words:
        if word.lower() in STOPWORDS:
            stop += 1
        elif word[0].isupper():
            capital += 1
    stop_ratio = stop / n_words
    digits = sum(1 for ch in text if ch in _DIGITS) if chars <= SHORT_LINE_CHARS else 0
    chrome = 1.0 if chars <= SHORT_LINE_CHARS and CHROME_PHRASE.search(text) else 0.0
    prose = (
        1.0 if terminal and (n_words >= 8 or (cjk and chars >= 25)) and (stop_ratio >= 0.15 or cjk) else 0.0
    )
    return [
        math.log1p(chars),
        math.log1p(n_words),
        1.0 if last in _SENTENCE_END else 0.0,
        1.0 if terminal else 0.0,
        1.0 if ellipsis else 0.0,
        1.0 if bullet else 0.0,
        stop_ratio,
        capital / n_words,
        digits / chars,
        1.0 if ("|" in text or " / " in text) else 0.0,
        chrome,
        text.count(",") / n_words,
        prose,
        1.0 if prose and n_words >= 25 else 0.0,
        cjk,
    ]


def line_features(dump: Dump, title: str | None) -> list[list[float]]:
    """One feature vector per line of `dump` (FEATURE_NAMES order).

    `title` is the page <title> (first line of a lines-layout dump) or None; a later line equal to
    or contained in it is usually the headline.
    """
    lines = dump.lines
    n = len(lines)
    if not n:
        return []
    repeats = Counter(dump.normalised)
    title_key = normalise_line(title) if title else ""
    rows: list[list[float]] = []
    for index, line in enumerate(lines):
        row = _shape(line.text, line.bullet)
        key = dump.normalised[index]
        row.append(1.0 if repeats[key] > 1 and key else 0.0)
        row.append(1.0 if index and title_key and key and key in title_key and len(key) > 10 else 0.0)
        row.append(1.0 if index == 0 else 0.0)
        row.append(index / n)
        rows.append(row)
    _add_context(rows)
    return rows


_PROSE = BASE_FEATURES.index("prose")
_SOURCE_INDEX = tuple(BASE_FEATURES.index(name) for name in _CONTEXT_SOURCES)


def _add_context(rows: list[list[float]]) -> None:
    """Append window means, prose-run geometry and neighbour prose flags to every row."""
    n = len(rows)
    columns = [[row[i] for row in rows] for i in _SOURCE_INDEX]
    prefixes = []
    for column in columns:
        running = [0.0]
        for value in column:
            running.append(running[-1] + value)
        prefixes.append(running)
    prose = columns[0]
    # Main run: the maximum-sum segment of (+1 prose, -0.35 other) lines, i.e. the densest long run.
    best_sum, best = 0.0, (0, -1)
    running_sum, start = 0.0, 0
    for index, value in enumerate(prose):
        if running_sum <= 0:
            running_sum, start = 0.0, index
        running_sum += 1.0 if value else -0.35
        if running_sum > best_sum:
            best_sum, best = running_sum, (start, index)
    run_start, run_end = best
    total_prose = prefixes[0][n]
    for index, row in enumerate(rows):
        for width in _WINDOWS:
            low, high = max(0, index - width), min(n, index + width + 1)
            span = high - low
            for running in prefixes:
                row.append((running[high] - running[low]) / span)
        before = prefixes[0][index]
        row.append(before / (total_prose or 1.0))
        row.append((total_prose - before - prose[index]) / (total_prose or 1.0))
        inside = run_start <= index <= run_end
        row.append(1.0 if inside else 0.0)
        distance = 0 if inside else (run_start - index if index < run_start else index - run_end)
        row.append(math.log1p(distance))
        row.append(prose[index - 1] if index else 0.0)
        row.append(prose[index + 1] if index + 1 < n else 0.0)
