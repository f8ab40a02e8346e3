"""Boilerplate removal for plain-text page dumps: which lines are the article, and why the rest went.

Pipeline per batch:
1. parse every dump into lines (transforms.blocks) and group the documents into sites by the
   short lines they share (transforms.sitechrome), updating the SiteChrome counts;
2. score every line with the learnt logistic-regression weights (rules/text_weights.json, made
   by bench/train_text.py) over shape and neighbourhood features;
3. decode: lines learnt as the site's chrome are dropped, the rest are kept when their score
   says article; title, byline and dateline lines are dropped and turned into metadata;
4. every dropped line gets a reason (rules/text_removal_reasons.json, then shape/position).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from transforms import metadata as meta
from transforms.blocks import (
    LAYOUT_LINES,
    Dump,
    LinearModel,
    ShapeCache,
    line_scores,
    linear_model,
    parse_dump,
)
from transforms.model import (
    FORMAT_TEXT,
    DecodedDocument,
    Extraction,
    Metadata,
    Paragraph,
    RemovedLine,
    SiteChrome,
)
from transforms.rules import load_json
from transforms.sitechrome import assign_sites, chrome_lines

_MODEL = linear_model(load_json("text_weights.json"))
_DECODING = load_json("text_decoding.json")
# A line is kept when its probability of being article text reaches this.
_KEEP_THRESHOLD = float(_DECODING["keep_threshold"])
# Inside the article run a line is kept from this probability; outside it only from the next.
_SPAN_THRESHOLD = float(_DECODING["span_threshold"])
_OUTSIDE_THRESHOLD = float(_DECODING["outside_threshold"])
# When too little passes, keep lines within this share of the page's best line (short articles).
_RELATIVE_THRESHOLD = float(_DECODING["relative_threshold"])
# ... as long as the best line is at least this likely; below it the page has no article.
_MIN_BEST_PROBABILITY = float(_DECODING["min_best_probability"])
# Fewer kept words than this and the page is not an article (login wall, index, 404).
_MIN_ARTICLE_WORDS = int(_DECODING["min_article_words"])
_NOT_ARTICLE = "no run of article prose found (index page, login wall, error page or empty)"


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def _words(text: str) -> int:
    """Words in a line; unspaced scripts (CJK) count one word per 3 characters."""
    spaced = text.count(" ") + 1
    return max(spaced, len(text) // 3) if len(text) > 12 * spaced else spaced


def _word_count(dump: Dump, indices: list[int]) -> int:
    return sum(_words(dump.texts[i]) for i in indices)


def _article_span(dump: Dump, probabilities: list[float]) -> list[bool]:
    """Keep flags: the densest run of likely lines, and inside it every line not clearly chrome.

    The run is the maximum-sum segment of (p - keep_threshold) weighted by sqrt(words), so a
    few doubtful lines (a list, a crosshead) inside an article stay, while a likely-looking
    teaser far from the article does not.
    """
    best_sum, best_start, best_end = 0.0, 0, -1
    running, start = 0.0, 0
    for index, p in enumerate(probabilities):
        if running <= 0.0:
            running, start = 0.0, index
        running += (p - _KEEP_THRESHOLD) * math.sqrt(_words(dump.texts[index]) + 1)
        if running > best_sum:
            best_sum, best_start, best_end = running, start, index
    return [
        (best_start <= index <= best_end and p >= _SPAN_THRESHOLD) or p >= _OUTSIDE_THRESHOLD
        for index, p in enumerate(probabilities)
    ]


def decide(
    dump: Dump,
    model: LinearModel | None = None,
    chrome: frozenset[str] = frozenset(),
    cache: ShapeCache | None = None,
) -> tuple[list[bool], list[float], meta.DumpHead]:
    """Keep flags and probabilities for every line, and the head (title/byline/date) found.

    Learnt site chrome is never kept; the <title> line and head lines become metadata.
    """
    probabilities = [_sigmoid(z) for z in line_scores(dump, model or _MODEL, cache)]
    for index, key in enumerate(dump.normalised):
        if key in chrome:
            probabilities[index] = 0.0
    if dump.layout == LAYOUT_LINES and probabilities:
        probabilities[0] = 0.0  # the <title>, reported as metadata
    keep = _article_span(dump, probabilities)
    if _word_count(dump, [i for i, flag in enumerate(keep) if flag]) < _MIN_ARTICLE_WORDS:
        best = max(probabilities, default=0.0)
        if best >= _MIN_BEST_PROBABILITY:
            keep = [p >= _RELATIVE_THRESHOLD * best for p in probabilities]
    head = meta.read_head(dump, keep)
    for index in head.lines:
        keep[index] = False
    return keep, probabilities, head


def decode_page(text: str, model: LinearModel | None = None) -> str:
    """The article body of one dump with no site knowledge (for training and benchmarks)."""
    dump = parse_dump(text)
    keep, _, _ = decide(dump, model)
    kept = [i for i, flag in enumerate(keep) if flag]
    if _word_count(dump, kept) < _MIN_ARTICLE_WORDS:
        return ""
    return "\n\n".join(dump.texts[i] for i in kept)


def extract_text_batch(
    docs: Sequence[DecodedDocument], chrome: SiteChrome | None = None
) -> tuple[list[Extraction], SiteChrome]:
    """Extract the article of every text dump in one batch; learn and apply per-site chrome.

    Returns one Extraction per document (same order) and the updated SiteChrome, which the
    caller stores and passes back next run so a lone page from a known site is cleaned too.
    """
    chrome = SiteChrome({site: dict(lines) for site, lines in (chrome.lines if chrome else {}).items()})
    dumps = [parse_dump(doc.text if doc.format == FORMAT_TEXT else "") for doc in docs]
    site_keys = assign_sites(dumps, chrome)
    site_chrome: dict[str | None, frozenset[str]] = {}
    # Pages of one site repeat their menus: shape features and reasons are worked out once per batch.
    shape_cache: ShapeCache = {}
    reason_cache: dict[str, str | None] = {}
    results = []
    for doc, dump, site_key in zip(docs, dumps, site_keys, strict=True):
        if site_key not in site_chrome:
            site_chrome[site_key] = chrome_lines(chrome, site_key)
        results.append(_extract_one(doc, dump, site_key, site_chrome[site_key], shape_cache, reason_cache))
    return results, chrome


def _extract_one(
    doc: DecodedDocument,
    dump: Dump,
    site_key: str | None,
    chrome: frozenset[str],
    shape_cache: ShapeCache,
    reason_cache: dict[str, str | None],
) -> Extraction:
    if not dump.texts:
        reason = doc.problem or ("not a text document" if doc.format != FORMAT_TEXT else "empty document")
        return Extraction(doc.name, False, reason, Metadata(), (), (), "text", 0.0, site_key=site_key)
    keep, probabilities, head = decide(dump, chrome=chrome, cache=shape_cache)
    kept = [index for index, flag in enumerate(keep) if flag]
    reasons = _removal_reasons(dump, keep, chrome, head, reason_cache)
    if _word_count(dump, kept) < _MIN_ARTICLE_WORDS:
        removed = tuple(
            RemovedLine(dump.positions[i], text, reasons.get(i, "not_article"))
            for i, text in enumerate(dump.texts)
        )
        return Extraction(
            doc.name, False, _NOT_ARTICLE, head.metadata, (), removed, "text", 0.0, site_key=site_key
        )
    paragraphs = tuple(
        Paragraph(ordinal, paragraph_kind(dump, index, ordinal, index == kept[-1]), dump.texts[index])
        for ordinal, index in enumerate(kept)
    )
    removed = tuple(
        RemovedLine(dump.positions[i], text, reasons[i]) for i, text in enumerate(dump.texts) if not keep[i]
    )
    confidence = sum(probabilities[i] for i in kept) / len(kept)
    return Extraction(
        doc.name,
        True,
        None,
        head.metadata,
        paragraphs,
        removed,
        "text",
        round(confidence, 3),
        site_key=site_key,
    )


_REASON_RULES = load_json("text_removal_reasons.json")["patterns"]
# One alternation with a named group per reason: a single search per line finds the first rule.
_REASON_PATTERN = re.compile(
    "|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(_REASON_RULES)), re.IGNORECASE
)
_REASON_NAMES = {f"r{i}": reason for i, (reason, _) in enumerate(_REASON_RULES)}
_KINDS = load_json("text_paragraph_kinds.json")
_BIO = re.compile(_KINDS["bio"])
_BIO_MAX_WORDS = int(_KINDS["bio_max_words"])
_CROSSHEAD_MAX_WORDS = int(_KINDS["crosshead_max_words"])
_STANDFIRST_MAX_WORDS = int(_KINDS["standfirst_max_words"])
_QUESTION_END = ("?", "？")
_SENTENCE_STOPS = frozenset('.!?。”’"')


def _removal_reasons(
    dump: Dump, keep: list[bool], chrome: frozenset[str], head: meta.DumpHead, cache: dict[str, str | None]
) -> dict[int, str]:
    """A reason for every line not kept: head role, learnt chrome, phrase rules, then shape/position."""
    kept = [index for index, flag in enumerate(keep) if flag]
    first_kept, last_kept = (kept[0], kept[-1]) if kept else (len(keep), len(keep))
    seen: dict[str, int] = {}
    reasons: dict[int, str] = {}
    for index, text in enumerate(dump.texts):
        key = dump.normalised[index]
        earlier = seen.setdefault(key, index)
        if keep[index]:
            continue
        if index in head.lines:
            reasons[index] = head.lines[index]
        elif key in chrome:
            reasons[index] = "site_chrome"
        elif earlier != index and key:
            reasons[index] = "duplicate_caption" if first_kept < index < last_kept else "duplicate"
        elif _is_doubled(text):
            reasons[index] = "duplicate_caption"
        else:
            if text not in cache:
                cache[text] = _pattern_reason(text)
            reasons[index] = cache[text] or _shape_reason(
                text, dump.bullets[index], index, first_kept, last_kept
            )
    return reasons


def _is_doubled(text: str) -> bool:
    """A caption printed twice on one line ("X: y X: y"), as image galleries render."""
    half = len(text) // 2
    return len(text) > 20 and text[:half].strip() == text[half:].strip()


def _pattern_reason(text: str) -> str | None:
    match = _REASON_PATTERN.search(text[:300])
    return _REASON_NAMES[match.lastgroup] if match and match.lastgroup else None


def _shape_reason(text: str, bullet: bool, index: int, first_kept: int, last_kept: int) -> str:
    words = text.count(" ") + 1
    if text.endswith(("...", "…")):
        return "teaser"
    if bullet:
        return "navigation"
    if first_kept < index < last_kept:
        return "caption" if words >= 4 else "short_fragment"
    if words < 4:
        return "short_fragment" if first_kept < index else "navigation"
    return "site_chrome" if index < first_kept else "related"


def paragraph_kind(dump: Dump, index: int, ordinal: int, last: bool = False) -> str:
    """Best-effort kind of a kept line: standfirst/body/crosshead/list_item/question/bio."""
    text = dump.texts[index]
    words = text.count(" ") + 1
    if dump.bullets[index]:
        return "list_item"
    if text.endswith(_QUESTION_END) and words >= 4:
        return "question"
    if words <= _CROSSHEAD_MAX_WORDS and text[-1] not in _SENTENCE_STOPS:
        return "crosshead"
    if last and words <= _BIO_MAX_WORDS and _BIO.search(text):
        return "bio"
    if ordinal == 0 and words <= _STANDFIRST_MAX_WORDS and text[0] not in "“\"‘'":
        return "standfirst"
    return "body"
