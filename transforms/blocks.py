"""Lines of plain-text page dumps and the features the text classifier reads, a batch at a time.

A dump is a whole web page rendered to text: one block per line (scrapinghub style, first line
the page <title>) or blocks separated by blank lines. Either way the unit is a non-blank line,
kept with its position in the decoded text so every removal can be reported against it.

Features are deliberately language-light: length, sentence shape, function-word density,
capitalisation, bullets, position, repetition inside the page, and the same quantities averaged
over neighbouring lines, because an article is a dense run of prose and chrome comes in runs of
short lines.

Speed: a batch's lines are concatenated into one table. String features are computed once per
distinct line with Arrow's vectorised string kernels (RE2 regexes), the rest with numpy over the
whole batch, each page's lines a segment of it; training and runtime share the same matrices.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from transforms.rules import load_json, load_lines

BULLET_PREFIX = "  • "
LAYOUT_LINES = "lines"  # one block per line, first line is the <title>
LAYOUT_BLOCKS = "blocks"  # blocks separated by blank lines

STOPWORDS = frozenset(word for line in load_lines("text_stopwords.txt") for word in line.split())
_PHRASES = load_lines("text_chrome_phrases.txt")
_STOPWORD_SET = pa.array(sorted(STOPWORDS))


def _any_word(words: Sequence[str]) -> str:
    """An RE2 pattern matching any of `words` (or phrases) as whole words of a normalised line."""
    return "(?:^| )(?:" + "|".join(map(re.escape, words)) + ")(?: |$)"


# Chrome vocabulary is matched as whole words of the normalised line, symbols (©) in the raw line.
_CHROME_WORDS = _any_word([p for p in _PHRASES if re.search(r"\w", p)])
_CHROME_SYMBOLS = tuple(p for p in _PHRASES if not re.search(r"\w", p))
_CHROME_WORD_SEARCH = re.compile(_CHROME_WORDS).search


def says_chrome(text: str, key: str) -> bool:
    """The line (`key`: its normalise_line()) holds a word or symbol of the chrome vocabulary
    (text_chrome_phrases.txt: "share", "photo", "©")."""
    return _CHROME_WORD_SEARCH(key) is not None or any(symbol in text for symbol in _CHROME_SYMBOLS)


_COMMENT_RULES = load_json("text_comment_markers.json")
_COMMENT_TRIGGERS = _any_word(_COMMENT_RULES["triggers"])
_COMMENT_MARKER = "|".join(f"(?:{pattern})" for pattern in _COMMENT_RULES["patterns"])
_EMBED_FOOTER = re.compile(_COMMENT_RULES["embed_footer"])
_EMBED_FOOTER_LINES = int(_COMMENT_RULES["embed_footer_lines"])
# Headline and summary of a teaser printed as one line: "Bull Elk Poached In MichiganMichigan
# conservation officers...": two or more title-case words (short lower-case ones allowed), a
# word whose last three lower-case letters (and closing mark) run into a capitalised word, then
# more words. Brand names (SoftBank, iPhone, McDonald) are what a bare lower-Upper test finds
# (on the ScrapingHub dumps 4 in 5 hits were article lines): they rarely follow a title-case run,
# and their lower-case run before the capital is shorter. Sentence-case headlines glued to their
# summary look like prose naming a brand and are left to the other features.
_GLUED_WORDS = (
    "^(?:(?:[A-ZÀ-Þ0-9‘'\"“($][^\\s]*|[a-z]{1,3})\\s+){2,}"
    "\\S*[a-zà-ÿ]{3}[’”'\")?!.]?[A-ZÀ-Þ][a-zà-ÿ]*\\s+(?:\\S+\\s+){3}"
)
_GLUE_SCAN_CHARS = 150
# A normalised short line is its runs of word characters other than "_", joined by one space.
_WORD_RUNS = re.compile(r"[^\W_]+")
# ... which for ASCII lines str.translate + split find several times faster than a regex.
_ASCII_NON_WORD_TO_SPACE = str.maketrans(
    {chr(code): " " for code in range(128) if not _WORD_RUNS.fullmatch(chr(code))}
)
# Characters that end a sentence, including closing quotes/brackets after the stop and CJK stops.
_SENTENCE_END = "[.!?。！？…\"”’')»:;]$"
# A full stop, then only closing quotes/brackets.
_TERMINAL = "[.!?。！？][\"”’')»\\]]*$"
_ELLIPSIS = "(?:\\.\\.\\.|…)$"
# Lines longer than this are never chrome-shaped: chrome vocabulary and comment markers are
# only looked for in shorter ones.
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
    # Punctuation-free keys matter for short lines (menus, labels, repeats); for long lines a
    # character-level regex would cost more than everything else together, so case only.
    if len(lower) > SHORT_LINE_CHARS:
        return lower
    if lower.isascii():
        return " ".join(lower.translate(_ASCII_NON_WORD_TO_SPACE).split())
    if "\u0307" in lower:  # Turkish "İ" lower-cases to "i" and a combining dot: "İLGİLİ" -> "ilgili"
        lower = lower.replace("i\u0307", "i")
    return " ".join(_WORD_RUNS.findall(lower))


def parse_dump(text: str, keys: dict[str, str] | None = None) -> Dump:
    """Split a dump into its non-blank lines, remembering positions, bullets and layout.

    `keys` memoises normalise_line() across the dumps of a batch, whose pages repeat their chrome.
    """
    if keys is None:
        keys = {}
    raw_lines = text.split("\n")
    stripped_lines = list(map(str.strip, raw_lines))
    positions = list(compress(range(len(stripped_lines)), stripped_lines))
    texts = list(filter(None, stripped_lines))
    for stripped in set(texts).difference(keys):
        keys[stripped] = normalise_line(stripped)
    normalised = list(map(keys.__getitem__, texts))
    bullets = [False] * len(texts)
    # List items: "  • item" as the renderer prints them (a lone "•" is kept as it is).
    if "•" in text:
        for index in compress(range(len(texts)), map(str.startswith, texts, repeat("•"))):
            stripped = texts[index]
            if len(stripped) > 1 and raw_lines[positions[index]].startswith(BULLET_PREFIX):
                texts[index] = stripped[1:].lstrip()
                bullets[index] = True
    blank = (positions[-1] + 1 - len(positions)) if positions else 0
    layout = LAYOUT_BLOCKS if blank > 1 and blank * 4 >= len(positions) else LAYOUT_LINES
    return Dump(layout, tuple(positions), tuple(texts), tuple(bullets), tuple(normalised))


# Context-free features of a line, in the order of the shape matrix's columns.
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
_BULLET = SHAPE_FEATURES.index("bullet")
_CHROME = SHAPE_FEATURES.index("chrome_phrase")
_SOURCE_INDEX = [SHAPE_FEATURES.index(name) for name in WINDOW_SOURCES]
# A colon-introduced list: intro of 4+ words, up to this many lines, ended by prose of 15+ words.
_INTRO_MIN_SPACES = 3
_MAX_LIST_LINES = 60
_LIST_END_LOG_WORDS = math.log1p(15)
# Main run: maximum-sum segment where a prose line earns +1 and any other line costs 0.35
# (integers: +20 and -7, so sums are exact).
_RUN_GAIN, _RUN_GAP_COST = 20, 7


def _flags(array: pa.Array) -> np.ndarray:
    return array.to_numpy(zero_copy_only=False).astype(bool)


def _per_row(parents: np.ndarray, values: np.ndarray, rows: int) -> np.ndarray:
    """Sum of `values` per row, for the flattened elements of a list array."""
    return np.bincount(parents, weights=values, minlength=rows)


def _contains(texts: Sequence[str], needle: str) -> np.ndarray:
    """Whether each line holds `needle`: Python's substring search, by map(), is several times
    faster than Arrow's match_substring for a fixed string."""
    return np.fromiter(map(operator.contains, texts, repeat(needle)), dtype=bool, count=len(texts))


def _short_flags(text: pa.Array, short: np.ndarray, pattern: str, ignore_case: bool = False) -> np.ndarray:
    """Whether `pattern` is found in each line, looked for in short lines only."""
    found = np.zeros(len(text), dtype=bool)
    rows = np.flatnonzero(short)
    if len(rows):
        found[rows] = _flags(pc.match_substring_regex(text.take(rows), pattern, ignore_case=ignore_case))
    return found


def shape_matrix(texts: Sequence[str], keys: Sequence[str]) -> np.ndarray:
    """SHAPE_FEATURES of each line (rows), from its text and normalised key; bullet is left 0."""
    rows = len(texts)
    text, key = pa.array(texts, pa.string()), pa.array(keys, pa.string())
    chars = pc.utf8_length(text).to_numpy().astype(float)
    words = pc.utf8_split_whitespace(key)
    n_words = np.maximum(pc.list_value_length(words).to_numpy(zero_copy_only=False), 1).astype(float)
    word_parents = pc.list_parent_indices(words).to_numpy()
    flat_words = pc.list_flatten(words)
    stop_ratio = _per_row(word_parents, _flags(pc.is_in(flat_words, value_set=_STOPWORD_SET)), rows) / n_words
    number_ratio = _per_row(word_parents, _flags(pc.utf8_is_digit(flat_words)), rows) / n_words
    # Capitalised share over the first words only: enough to tell title case from prose.
    head = pc.list_slice(pc.utf8_split_whitespace(text, max_splits=_SCAN_WORDS), 0, _SCAN_WORDS)
    head_titled = _flags(pc.utf8_is_title(pc.list_flatten(head)))
    capital_ratio = _per_row(pc.list_parent_indices(head).to_numpy(), head_titled, rows) / np.maximum(
        pc.list_value_length(head).to_numpy(zero_copy_only=False), 1
    )
    terminal = _flags(pc.match_substring_regex(text, _TERMINAL))
    short = chars <= SHORT_LINE_CHARS
    chrome = _short_flags(key, short, _CHROME_WORDS)
    for symbol in _CHROME_SYMBOLS:
        chrome |= short & _contains(texts, symbol)
    # Unspaced scripts: many characters per word and a CJK character mid-line.
    cjk = np.zeros(rows)
    ascii_only = _flags(pc.string_is_ascii(text))
    for row in np.flatnonzero((chars > 2 * n_words + 8) & ~ascii_only).tolist():
        line = texts[row]
        cjk[row] = ord(line[len(line) // 2]) > 0x2E80
    prose = terminal & (((n_words >= 8) & (stop_ratio >= 0.15)) | ((cjk > 0) & (chars >= 25)))
    comment = _short_flags(key, short, _COMMENT_TRIGGERS) & _short_flags(
        text, short, _COMMENT_MARKER, ignore_case=True
    )
    glued = _flags(pc.match_substring_regex(pc.utf8_slice_codeunits(text, 0, _GLUE_SCAN_CHARS), _GLUED_WORDS))
    columns = (
        np.log1p(chars),
        np.log1p(n_words),
        _flags(pc.match_substring_regex(text, _SENTENCE_END)),
        terminal,
        _flags(pc.match_substring_regex(text, _ELLIPSIS)),
        np.zeros(rows),
        stop_ratio,
        capital_ratio,
        number_ratio,
        _contains(texts, "|") | _contains(texts, " / "),
        chrome,
        np.fromiter(map(str.count, texts, repeat(",")), dtype=float, count=rows) / n_words,
        prose,
        prose & (n_words >= 25),
        cjk,
        comment,
        glued,
    )
    return np.column_stack(columns).astype(float) if rows else np.zeros((0, len(SHAPE_FEATURES)))


@dataclass(frozen=True, slots=True)
class LineBatch:
    """The lines of a batch of dumps, concatenated: dump d owns rows starts[d]:starts[d + 1].

    Per-row arrays say which dump a line is in (doc), its index there (index), that dump's first
    row and row count (first, count), and hold every line's features."""

    dumps: tuple[Dump, ...]
    starts: np.ndarray
    doc: np.ndarray
    index: np.ndarray
    first: np.ndarray
    count: np.ndarray
    shapes: np.ndarray  # rows x SHAPE_FEATURES
    page: np.ndarray  # rows x PAGE_FEATURES
    run: np.ndarray  # rows x RUN_FEATURES

    def split(self, values: np.ndarray) -> list[list[float]]:
        """Per-row values as one list per dump."""
        values = values.tolist()
        bounds = self.starts.tolist()
        return [values[low:high] for low, high in zip(bounds[:-1], bounds[1:], strict=True)]


def _segment_sums(values: np.ndarray, batch: LineBatch) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row: the sum of its dump's values before it, through it, and over the whole dump."""
    prefix = np.concatenate(([0.0], np.cumsum(values)))
    rows = batch.first + batch.index
    base = prefix[batch.first]
    return prefix[rows] - base, prefix[rows + 1] - base, prefix[batch.first + batch.count] - base


def _window_means(values: np.ndarray, batch: LineBatch, widths: Sequence[int]) -> list[np.ndarray]:
    """For each width: the mean of each row's +-width neighbours inside its dump (windows
    clipped at the ends).

    From prefix sums restarted at every dump, never batch-wide ones: a row's mean must not change
    in the last bit with the pages batched before it, or a tree split near a common value could
    go the other way for every line holding it."""
    # Dump d's prefix sums sit at rows starts[d] + d ... starts[d + 1] + d, the first one 0.
    prefix = np.zeros(len(values) + len(batch.dumps))
    bounds = batch.starts.tolist()
    for number, (low, high) in enumerate(zip(bounds[:-1], bounds[1:], strict=True)):
        np.cumsum(values[low:high], out=prefix[low + number + 1 : high + number + 1])
    base = batch.first + batch.doc
    means = []
    for width in widths:
        low = np.maximum(0, batch.index - width)
        high = np.minimum(batch.count, batch.index + width + 1)
        means.append((prefix[base + high] - prefix[base + low]) / (high - low))
    return means


def _neighbour(values: np.ndarray, batch: LineBatch, step: int) -> np.ndarray:
    """The value of the line `step` rows away inside the same dump (0 beyond its ends)."""
    shifted = np.roll(values, -step)
    target = batch.index + step
    return np.where((target >= 0) & (target < batch.count), shifted, 0.0)


def _segment_max(values: np.ndarray, batch: LineBatch) -> np.ndarray:
    """Each row's dump maximum of `values`."""
    present = np.flatnonzero(np.diff(batch.starts) > 0)
    maxima = np.zeros(len(batch.dumps))
    if len(values):
        maxima[present] = np.maximum.reduceat(values, batch.starts[present])
    return maxima[batch.doc]


def _distance_outside(index: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """log1p of how many lines each row is before `start` or after `end` (0 inside)."""
    return np.log1p(np.maximum(start - index, 0) + np.maximum(index - end, 0))


def _main_runs(prose: np.ndarray, batch: LineBatch) -> tuple[np.ndarray, np.ndarray]:
    """Per row: first and last line of its dump's main prose run (end -1 when none): the
    maximum-sum segment where a prose line earns _RUN_GAIN and another costs _RUN_GAP_COST;
    the first best segment, starting after the last point the running sum fell to zero."""
    gains = np.where(prose > 0, _RUN_GAIN, -_RUN_GAP_COST).astype(np.int64)
    # Prefix sums, each dump pushed far below the previous ones so running minima restart per dump.
    floor = np.int64(_RUN_GAIN) * (len(gains) + 1)
    prefix = np.cumsum(gains) - batch.doc * floor
    before = prefix - gains  # the prefix sum just before each row
    lowest_before = np.minimum.accumulate(before)
    best = prefix - lowest_before  # the best segment ending at each row
    # The segment starts at the latest row whose "before" sum reached the running minimum.
    restart = np.maximum.accumulate(np.where(before <= lowest_before, np.arange(len(gains)), 0))
    starts, ends = np.zeros(len(batch.dumps), dtype=np.int64), np.full(len(batch.dumps), -1, dtype=np.int64)
    for number, (low, high) in enumerate(zip(batch.starts[:-1], batch.starts[1:], strict=True)):
        if high > low:
            end = low + int(np.argmax(best[low:high]))
            if best[end] > 0:
                starts[number], ends[number] = restart[end] - low, end - low
    return starts[batch.doc], ends[batch.doc]


def _words_of(key: str) -> list[str]:
    """The first words of a normalised line, trailing punctuation stripped (long-line keys keep it)."""
    words = key.split(None, _SCAN_WORDS)[:_SCAN_WORDS]
    if len(key) <= SHORT_LINE_CHARS:  # a short line's key has no punctuation (normalise_line)
        return words
    return list(map(str.strip, words, repeat(_WORD_PUNCTUATION)))


def _title_overlaps(keys: Sequence[str], title_key: str) -> list[float]:
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


def _title_columns(dump: Dump) -> tuple[list[float], list[float]]:
    """title_repeat and title_word_overlap of a dump's lines."""
    keys = dump.normalised
    if dump.layout != LAYOUT_LINES or not keys:
        return [0.0] * len(keys), [0.0] * len(keys)
    title_key = keys[0]
    repeats = [0.0] + [1.0 if len(key) > 10 and key in title_key else 0.0 for key in keys[1:]]
    return repeats, _title_overlaps(keys, title_key)


def _colon_lists(batch: LineBatch, texts: list[str], prose: np.ndarray, log_words: np.ndarray) -> np.ndarray:
    """Mark the lines of lists an article introduces with a colon ("The tour dates:"): up to
    _MAX_LIST_LINES lines after it, until the next long prose line (itself not marked).

    A line is in a list when its dump's latest intro above it is near enough and no list end lies
    between them (one running maximum of row numbers each, no loop over lines)."""
    rows = np.arange(len(texts))
    intro = np.fromiter(map(str.endswith, texts, repeat(":")), dtype=bool, count=len(texts))
    colon_rows = np.flatnonzero(intro).tolist()
    intro[colon_rows] = [texts[row].count(" ") >= _INTRO_MIN_SPACES for row in colon_rows]
    latest_intro = np.maximum.accumulate(np.where(intro, rows, -1))
    intro_above = np.concatenate(([-1], latest_intro[:-1]))
    list_end = (prose > 0) & (log_words > _LIST_END_LOG_WORDS)
    latest_end = np.maximum.accumulate(np.where(list_end, rows, -1))
    return (
        (intro_above >= batch.first) & (rows - intro_above <= _MAX_LIST_LINES) & (latest_end <= intro_above)
    )


def _quiet_embed_footers(comment: np.ndarray, texts: Sequence[str], ends: np.ndarray) -> None:
    """Clear the comment-marker flags of an embedded social post's footer ("9:47 PM · Oct 3,
    2023", "Reply", "Read 38 replies"): the article goes on under it (text_comment_markers.json)."""
    for row in np.flatnonzero(comment).tolist():
        if _EMBED_FOOTER.match(texts[row]):
            comment[row : min(row + 1 + _EMBED_FOOTER_LINES, int(ends[row]))] = 0.0


def line_batch(dumps: Sequence[Dump]) -> LineBatch:
    """Concatenate the dumps' lines and work out their shape, page and run features."""
    dumps = tuple(dumps)
    counts = np.fromiter(map(len, (dump.texts for dump in dumps)), dtype=np.int64, count=len(dumps))
    starts = np.concatenate(([0], np.cumsum(counts)))
    doc = np.repeat(np.arange(len(dumps)), counts)
    first = starts[doc]
    index = np.arange(len(doc)) - first
    count = counts[doc]
    texts = [text for dump in dumps for text in dump.texts]
    keys = [key for dump in dumps for key in dump.normalised]
    text_codes = _codes(texts)
    key_codes = _codes(keys)
    # Pages of one site repeat their menus and footers: shapes are worked out once per distinct
    # (text, key) pair; the bullet flag (the one feature a line's text does not give) is per row.
    _, first_rows, row_of = np.unique(
        text_codes * (int(key_codes.max(initial=0)) + 1) + key_codes, return_index=True, return_inverse=True
    )
    shapes = shape_matrix([texts[row] for row in first_rows], [keys[row] for row in first_rows])[row_of]
    shapes[:, _BULLET] = [bullet for dump in dumps for bullet in dump.bullets]
    _quiet_embed_footers(shapes[:, _COMMENT], texts, starts[doc + 1])
    empty = np.zeros((len(texts), 0))
    partial = LineBatch(dumps, starts, doc, index, first, count, shapes, empty, empty)
    return LineBatch(
        dumps,
        starts,
        doc,
        index,
        first,
        count,
        shapes,
        _page_columns(partial, keys, key_codes),
        _run_columns(partial, texts),
    )


def _codes(values: list[str]) -> np.ndarray:
    """A number per distinct string (equal strings, equal numbers), as int64."""
    return pc.dictionary_encode(pa.array(values, pa.string())).indices.to_numpy().astype(np.int64)


def _page_columns(batch: LineBatch, keys: list[str], key_codes: np.ndarray) -> np.ndarray:
    """PAGE_FEATURES of every row."""
    rows = len(keys)
    # Repeats inside a page: (dump, key) pairs seen more than once; the empty key never counts.
    pairs = batch.doc * (int(key_codes.max(initial=0)) + 1) + key_codes
    _, inverse, pair_counts = np.unique(pairs, return_inverse=True, return_counts=True)
    has_key = np.fromiter(map(bool, keys), dtype=bool, count=rows)
    repeated = (pair_counts[inverse] > 1) & has_key
    title_repeat: list[float] = []
    title_overlap: list[float] = []
    for dump in batch.dumps:
        repeats, overlaps = _title_columns(dump)
        title_repeat += repeats
        title_overlap += overlaps
    repeat_flags = np.asarray(title_repeat, dtype=float)
    # The headline as printed (a line the <title> contains) usually sits right above the article.
    headline = np.full(len(batch.dumps), -1, dtype=np.int64)
    marked = np.flatnonzero(repeat_flags)
    headline_rows = marked[np.unique(batch.doc[marked], return_index=True)[1]]
    headline[batch.doc[headline_rows]] = batch.index[headline_rows]
    headline = np.where(headline[batch.doc] >= 0, headline[batch.doc], batch.count)
    after = batch.index > headline
    log_chars = batch.shapes[:, _LOG_CHARS]
    return (
        np.column_stack(
            (
                repeated,
                repeat_flags,
                batch.index == 0,
                batch.index / batch.count,
                _segment_max(log_chars, batch) - log_chars,
                after,
                np.where(after, np.log1p(np.maximum(batch.index - headline, 0)), 0.0),
                np.asarray(title_overlap, dtype=float),
            )
        )
        .astype(float)
        .reshape(rows, len(PAGE_FEATURES))
    )


def _run_columns(batch: LineBatch, texts: list[str]) -> np.ndarray:
    """RUN_FEATURES of every row."""
    shapes = batch.shapes
    prose = shapes[:, _PROSE]
    log_chars = shapes[:, _LOG_CHARS]
    prose_before, prose_through, total_prose = _segment_sums(prose, batch)
    total = np.where(total_prose > 0, total_prose, 1.0)
    run_start, run_end = _main_runs(prose, batch)
    comments_before, comments_through, comments_total = _segment_sums(shapes[:, _COMMENT], batch)
    return (
        np.column_stack(
            (
                prose_before / total,
                (total_prose - prose_through) / total,
                (batch.index >= run_start) & (batch.index <= run_end),
                _distance_outside(batch.index, run_start, run_end),
                _neighbour(prose, batch, -1),
                _neighbour(prose, batch, 1),
                _neighbour(log_chars, batch, -1),
                _neighbour(log_chars, batch, 1),
                np.log1p(comments_before),
                np.log1p(comments_total - comments_through),
                _colon_lists(batch, texts, prose, shapes[:, _LOG_WORDS]),
            )
        )
        .astype(float)
        .reshape(len(texts), len(RUN_FEATURES))
    )


def line_features(batch: LineBatch) -> np.ndarray:
    """The first stage's features of every row (FEATURE_NAMES order)."""
    sources = batch.shapes[:, _SOURCE_INDEX]
    means = [_window_means(sources[:, column], batch, WINDOWS) for column in range(len(WINDOW_SOURCES))]
    windows = [
        means[column][number] for number in range(len(WINDOWS)) for column in range(len(WINDOW_SOURCES))
    ]
    return np.column_stack([batch.shapes, batch.page, *windows, batch.run]).reshape(-1, len(FEATURE_NAMES))


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
_STAGE2_SHAPES = [SHAPE_FEATURES.index(name) for name in ("log_chars", "prose", "bullet", "chrome_phrase")]
_REPEATED = PAGE_FEATURES.index("repeated_in_page")
_AFTER_HEADLINE = PAGE_FEATURES.index("after_headline")
_TITLE_OVERLAP = PAGE_FEATURES.index("title_word_overlap")
_COMMENTS_BEFORE = RUN_FEATURES.index("comment_markers_before")
_IN_COLON_LIST = RUN_FEATURES.index("in_colon_list")


def sigmoids(logits: np.ndarray) -> np.ndarray:
    """The probability of each logit (0.0 far below zero)."""
    return np.where(logits > -30, 1.0 / (1.0 + np.exp(-np.maximum(logits, -30))), 0.0)


def stage2_features(batch: LineBatch, logits: np.ndarray) -> np.ndarray:
    """STAGE2_FEATURES of every row, from the first stage's logits."""
    p = sigmoids(logits)
    likely = p >= _LIKELY
    page_max = _segment_max(p, batch)
    page_max = np.where(page_max > 0, page_max, 1.0)
    likely_before, _, likely_total = _segment_sums(likely.astype(float), batch)
    likely_through = likely_before + likely
    total = np.where(likely_total > 0, likely_total, 1.0)
    # The span from the first to the last likely line; a page with none has it after its end.
    rows = np.arange(len(p))
    span_first = np.full(len(batch.dumps), np.iinfo(np.int64).max)
    span_last = np.full(len(batch.dumps), -1)
    np.minimum.at(span_first, batch.doc[likely], rows[likely])
    np.maximum.at(span_last, batch.doc[likely], rows[likely])
    none = span_last < 0
    span_first = np.where(none, batch.starts[1:], span_first)[batch.doc] - batch.first
    span_last = np.where(none, batch.starts[1:] - 1, span_last)[batch.doc] - batch.first
    in_span = ((batch.index >= span_first) & (batch.index <= span_last)).astype(float)
    clipped = np.clip(logits, -8.0, 8.0)
    p_w1, p_w3, p_w8 = _window_means(p, batch, (1, 3, 8))
    shapes = batch.shapes
    return np.column_stack(
        (
            clipped,
            p_w1,
            p_w3,
            p_w8,
            _neighbour(p, batch, -1),
            _neighbour(p, batch, 1),
            in_span,
            _distance_outside(batch.index, span_first, span_last),
            p / page_max,
            page_max,
            likely_before / total,
            (likely_total - likely_through) / total,
            shapes[:, _STAGE2_SHAPES],
            batch.page[:, _REPEATED],
            batch.run[:, _COMMENTS_BEFORE],
            in_span * shapes[:, _LOG_CHARS],
            in_span * shapes[:, _BULLET],
            in_span * clipped,
            in_span * p_w3,
            in_span * shapes[:, _CHROME],
            batch.page[:, _AFTER_HEADLINE],
            batch.page[:, _TITLE_OVERLAP],
            batch.run[:, _IN_COLON_LIST],
        )
    ).reshape(-1, len(STAGE2_FEATURES))


# What a boosted second stage reads: the stacking features, then the first stage's own.
STAGE2_TREE_INPUTS = STAGE2_FEATURES + FEATURE_NAMES
_STAGE1_LOGIT = STAGE2_FEATURES.index("logit")


@dataclass(frozen=True, slots=True)
class TreeEnsemble:
    """Boosted trees of one depth as arrays (layout in bench/boosting.py): every internal node of
    a tree sends a line to one of its children by its split; the line's logit gains the value of
    the leaf it reaches in every tree.

    Stored as tree_scores reads it. Each distinct split once: a line goes right when its
    split_features column exceeds split_thresholds (split number len(split_features) stands for a
    node that found no split: every line goes left). Nodes are numbered as in a heap (root 1,
    children of m: 2m and 2m + 1, leaves from 2**depth), and each distinct (split, node number)
    pair is stored once (pair_splits, pair_nodes); node_pairs[t, m - 1] is tree t's node m's."""

    depth: int
    heap_values: np.ndarray  # (trees, 2**(depth + 1)): leaf values at their heap numbers, else 0
    split_features: np.ndarray  # (splits,) column of STAGE2_TREE_INPUTS
    split_thresholds: np.ndarray  # (splits,)
    pair_splits: np.ndarray  # (pairs,)
    pair_nodes: np.ndarray  # (pairs,) as the unsigned type that holds a bit per heap number
    node_pairs: np.ndarray  # (trees, 2**depth - 1)


# A line's outcomes at a tree's nodes are packed as the bits of one unsigned integer, at most 32
# (a uint64 added to numpy's int64 leaf offsets would make float indices).
_MAX_TREE_DEPTH = 5


def tree_ensemble(trees_json: Mapping[str, Any]) -> TreeEnsemble:
    """Arrays of a {"depth": d, "trees": [{"features", "thresholds", "values"}]} ensemble."""
    depth, trees = int(trees_json["depth"]), trees_json["trees"]
    if depth > _MAX_TREE_DEPTH:
        raise ValueError(f"trees deeper than {_MAX_TREE_DEPTH} are not supported (got {depth})")
    internal = 2**depth - 1
    features = np.array([tree["features"] for tree in trees], dtype=np.intp).reshape(len(trees), internal)
    thresholds = np.array([tree["thresholds"] for tree in trees], dtype=float).reshape(features.shape)
    values = np.array([tree["values"] for tree in trees], dtype=float).reshape(len(trees), internal + 1)
    nodes = list(zip(features.ravel().tolist(), thresholds.ravel().tolist(), strict=True))
    splits = sorted({node for node in nodes if node[1] < _NO_SPLIT})
    split_number = {split: number for number, split in enumerate(splits)}
    # (split number, heap number) of every node, tree by tree.
    node_keys = [
        (split_number.get(node, len(splits)), position % internal + 1) for position, node in enumerate(nodes)
    ]
    pairs = sorted(set(node_keys))
    pair_number = {pair: number for number, pair in enumerate(pairs)}
    return TreeEnsemble(
        depth,
        np.hstack([np.zeros_like(values), values]),
        np.array([feature for feature, _ in splits], dtype=np.intp),
        np.array([threshold for _, threshold in splits], dtype=float),
        np.array([split for split, _ in pairs], dtype=np.intp),
        np.array([node for _, node in pairs], dtype=f"uint{max(8, 2**depth)}"),
        np.array([pair_number[key] for key in node_keys], dtype=np.intp).reshape(features.shape),
    )


# Rows scored together by tree_scores: its (trees x rows) integers stay in the CPU cache.
_TREE_CHUNK_ROWS = 2048


def tree_scores(inputs: np.ndarray, ensemble: TreeEnsemble) -> np.ndarray:
    """Sum over the ensemble's trees of each row's leaf value (rows: lines, columns: inputs).

    Each distinct split is decided once for all rows. Every tree packs its nodes' outcomes into
    the bits of one small integer per row (node m's outcome is bit m) and walks down by bit
    arithmetic, all trees at once: a few integer operations per level instead of a float np.where
    per node. Trees are added in order, so every sum is the same whatever the rows."""
    bits = ensemble.pair_nodes.dtype.type
    one, two = bits(1), bits(2)
    columns = np.asfortranarray(inputs)
    # Row s: whether each line goes right at split s; the extra last row is the no-split node's.
    outcomes = np.zeros((len(ensemble.split_features) + 1, len(inputs)), dtype=bool)
    for split, (feature, threshold) in enumerate(
        zip(ensemble.split_features.tolist(), ensemble.split_thresholds.tolist(), strict=True)
    ):
        np.greater(columns[:, feature], threshold, out=outcomes[split])
    outcomes = outcomes.astype(bits)
    heap_values = ensemble.heap_values.ravel()
    tree_starts = (np.arange(len(ensemble.heap_values)) * ensemble.heap_values.shape[1])[:, None]
    total = np.zeros(len(inputs))
    for low in range(0, len(inputs), _TREE_CHUNK_ROWS):
        high = low + _TREE_CHUNK_ROWS
        pair_bits = outcomes[ensemble.pair_splits, low:high] << ensemble.pair_nodes[:, None]
        code = pair_bits[ensemble.node_pairs[:, 0]]
        for node_pairs in ensemble.node_pairs.T[1:]:
            code |= pair_bits[node_pairs]
        node = code >> one  # the root's outcome
        node &= one
        node += two
        for _ in range(ensemble.depth - 1):
            right = code >> node
            right &= one
            node <<= one
            node |= right
        chunk_total = total[low:high]
        for tree_values in heap_values.take(node + tree_starts):
            chunk_total += tree_values
    return total


# bench/boosting.py's threshold for a node without a split.
_NO_SPLIT = 1e30


@dataclass(frozen=True, slots=True)
class LinearModel:
    """The classifier's two stages: logistic-regression weights for stage 1, and for stage 2
    either logistic-regression weights or boosted trees (from the clipped stage-1 logit)."""

    bias: float
    weights: np.ndarray  # FEATURE_NAMES
    stage2_bias: float | None = None  # linear second stage (None: none)
    stage2_weights: np.ndarray | None = None  # STAGE2_FEATURES
    stage2_trees: TreeEnsemble | None = None  # boosted second stage over STAGE2_TREE_INPUTS


def linear_model(weights_json: Mapping[str, Any]) -> LinearModel:
    """Build a LinearModel from {"bias": b, "weights": {feature name: w}} (missing names weigh 0),
    with an optional linear "stage2" or boosted "stage2_trees" second stage."""

    def pick(weights: Mapping[str, float], names: tuple[str, ...]) -> np.ndarray:
        return np.array([float(weights.get(name, 0.0)) for name in names])

    stage2 = weights_json.get("stage2")
    trees = weights_json.get("stage2_trees")
    return LinearModel(
        float(weights_json["bias"]),
        pick(weights_json["weights"], FEATURE_NAMES),
        float(stage2["bias"]) if stage2 else None,
        pick(stage2["weights"], STAGE2_FEATURES) if stage2 else None,
        tree_ensemble(trees) if trees else None,
    )


def stage2_tree_inputs(batch: LineBatch, features: np.ndarray, logits: np.ndarray) -> np.ndarray:
    """STAGE2_TREE_INPUTS of every row, from its stage-1 features and logits; column-major, as
    tree_scores reads whole columns."""
    stacking = stage2_features(batch, logits)
    inputs = np.empty((len(features), len(STAGE2_TREE_INPUTS)), order="F")
    inputs[:, : len(STAGE2_FEATURES)] = stacking
    inputs[:, len(STAGE2_FEATURES) :] = features
    return inputs


def stage1_logits(features: np.ndarray, model: LinearModel) -> np.ndarray:
    """The first stage's logit of every row of a line_features() matrix."""
    return _weighted_sums(features, model.weights) + model.bias


def line_logits(batch: LineBatch, model: LinearModel) -> np.ndarray:
    """The model's logit for every row (second stage when the model has one)."""
    features = line_features(batch)
    logits = stage1_logits(features, model)
    if not len(logits):
        return logits
    if model.stage2_trees is not None:
        inputs = stage2_tree_inputs(batch, features, logits)
        return inputs[:, _STAGE1_LOGIT] + tree_scores(inputs, model.stage2_trees)
    if model.stage2_weights is None:
        return logits
    return _weighted_sums(stage2_features(batch, logits), model.stage2_weights) + model.stage2_bias


def _weighted_sums(matrix: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each row's dot product with `weights`, summed the same way whatever rows surround it
    (a BLAS product may block rows differently and change the last bit)."""
    return (matrix * weights).sum(axis=1)
