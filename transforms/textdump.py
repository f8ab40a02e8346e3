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
from collections.abc import Mapping, Sequence
from typing import Any

from transforms import metadata as meta
from transforms.blocks import FEATURE_NAMES, LAYOUT_LINES, Dump, line_features, parse_dump
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

_MODEL: Mapping[str, Any] = load_json("text_weights.json")
_KEEP_THRESHOLD = 0.5
# Fewer kept words than this and the page is not an article (login wall, index, 404).
_MIN_ARTICLE_WORDS = 40


def _weight_vector(model: Mapping[str, Any]) -> tuple[list[float], float]:
    weights = model["weights"]
    return [float(weights.get(name, 0.0)) for name in FEATURE_NAMES], float(model["bias"])


_WEIGHTS, _BIAS = _weight_vector(_MODEL)


def line_probabilities(rows: list[list[float]], model: Mapping[str, Any] | None = None) -> list[float]:
    """Probability that each line is article text, from the logistic-regression weights."""
    weights, bias = (_WEIGHTS, _BIAS) if model is None else _weight_vector(model)
    probabilities = []
    for row in rows:
        z = bias + sum(w * x for w, x in zip(weights, row, strict=True))
        probabilities.append(1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0)
    return probabilities


def _title_of(dump: Dump) -> str | None:
    return dump.lines[0].text if dump.lines and dump.layout == LAYOUT_LINES else None


def _keep_flags(dump: Dump, probabilities: list[float], chrome: frozenset[str]) -> list[bool]:
    keep = [p >= _KEEP_THRESHOLD for p in probabilities]
    for index, key in enumerate(dump.normalised):
        if key in chrome:
            keep[index] = False
    if dump.layout == LAYOUT_LINES and keep:
        keep[0] = False  # the <title>, reported as metadata
    return keep


def decode_page(text: str, model: Mapping[str, Any] | None = None) -> str:
    """The article body of one dump with no site knowledge (for training and benchmarks)."""
    dump = parse_dump(text)
    rows = line_features(dump, _title_of(dump))
    keep = _keep_flags(dump, line_probabilities(rows, model), frozenset())
    head = meta.read_head(dump, keep)
    return "\n\n".join(
        line.text for index, line in enumerate(dump.lines) if keep[index] and index not in head.lines
    )


def extract_text_batch(
    docs: Sequence[DecodedDocument], chrome: SiteChrome | None = None
) -> tuple[list[Extraction], SiteChrome]:
    """Extract the article of every text dump in one batch; learn and apply per-site chrome.

    Returns one Extraction per document (same order) and the updated SiteChrome, which the
    caller stores and passes back next run so a lone page from a known site is cleaned too.
    """
    chrome = SiteChrome({site: dict(lines) for site, lines in (chrome.lines if chrome else {}).items()})
    dumps = [parse_dump(doc.text) if doc.format == FORMAT_TEXT else parse_dump("") for doc in docs]
    site_keys = assign_sites(dumps, chrome)
    site_chrome: dict[str | None, frozenset[str]] = {}
    results = []
    for doc, dump, site_key in zip(docs, dumps, site_keys, strict=True):
        if site_key not in site_chrome:
            site_chrome[site_key] = chrome_lines(chrome, site_key)
        results.append(_extract_one(doc, dump, site_key, site_chrome[site_key]))
    return results, chrome


def _extract_one(
    doc: DecodedDocument, dump: Dump, site_key: str | None, chrome: frozenset[str]
) -> Extraction:
    if not dump.lines:
        reason = doc.problem or ("not a text document" if doc.format != FORMAT_TEXT else "empty document")
        return Extraction(doc.name, False, reason, Metadata(), (), (), "text", 0.0, site_key=site_key)
    rows = line_features(dump, _title_of(dump))
    probabilities = line_probabilities(rows)
    keep = _keep_flags(dump, probabilities, chrome)
    head = meta.read_head(dump, keep)
    for index in head.lines:
        keep[index] = False
    kept = [index for index, flag in enumerate(keep) if flag]
    words = sum(len(dump.lines[index].text.split()) for index in kept)
    removed_reasons = _removal_reasons(dump, keep, chrome, head)
    if words < _MIN_ARTICLE_WORDS or not kept:
        removed = tuple(
            RemovedLine(line.position, line.text, removed_reasons.get(i, "not_article"))
            for i, line in enumerate(dump.lines)
        )
        reason = "no run of article prose found (index, login wall, error page or empty)"
        return Extraction(doc.name, False, reason, head.metadata, (), removed, "text", 0.0, site_key=site_key)
    paragraphs = tuple(
        Paragraph(ordinal, paragraph_kind(dump, index, ordinal), dump.lines[index].text)
        for ordinal, index in enumerate(kept)
    )
    removed = tuple(
        RemovedLine(line.position, line.text, removed_reasons[i])
        for i, line in enumerate(dump.lines)
        if not keep[i]
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


_REASON_PATTERNS = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in load_json("text_removal_reasons.json")["patterns"]
)
_QUESTION_END = ("?", "？")


def _removal_reasons(
    dump: Dump, keep: list[bool], chrome: frozenset[str], head: meta.DumpHead
) -> dict[int, str]:
    """A reason for every line not kept: head role, learnt chrome, phrase rules, then shape/position."""
    kept = [index for index, flag in enumerate(keep) if flag]
    first_kept, last_kept = (kept[0], kept[-1]) if kept else (len(keep), len(keep))
    seen: dict[str, int] = {}
    reasons: dict[int, str] = {}
    for index, line in enumerate(dump.lines):
        key = dump.normalised[index]
        earlier = seen.setdefault(key, index)
        if keep[index]:
            continue
        text = line.text
        if index in head.lines:
            reasons[index] = head.lines[index]
        elif key in chrome:
            reasons[index] = "site_chrome"
        elif earlier != index and key:
            reasons[index] = "duplicate_caption" if first_kept < index < last_kept else "duplicate"
        elif _is_doubled(text):
            reasons[index] = "duplicate_caption"
        else:
            reasons[index] = _pattern_reason(text) or _shape_reason(
                text, line.bullet, index, first_kept, last_kept
            )
    return reasons


def _is_doubled(text: str) -> bool:
    """A caption printed twice on one line ("X: y X: y"), as image galleries render."""
    half = len(text) // 2
    return len(text) > 20 and text[:half].strip() == text[half:].strip()


def _pattern_reason(text: str) -> str | None:
    for reason, pattern in _REASON_PATTERNS:
        if pattern.search(text):
            return reason
    return None


def _shape_reason(text: str, bullet: bool, index: int, first_kept: int, last_kept: int) -> str:
    words = len(text.split())
    if text.endswith(("...", "…")):
        return "teaser"
    if bullet:
        return "navigation"
    if first_kept < index < last_kept:
        return "caption" if words >= 4 else "short_fragment"
    if words < 4:
        return "short_fragment" if first_kept < index else "navigation"
    return "site_chrome" if index < first_kept else "related"


def paragraph_kind(dump: Dump, index: int, ordinal: int) -> str:
    """Best-effort kind of a kept line: standfirst/body/crosshead/list_item/question/bio."""
    line = dump.lines[index]
    text = line.text
    if line.bullet:
        return "list_item"
    if text.endswith(_QUESTION_END) and len(text.split()) >= 4:
        return "question"
    if len(text.split()) < 12 and text[-1] not in '.!?。”’"':
        return "crosshead"
    if ordinal == 0 and len(dump.lines) > index + 1:
        return "standfirst" if len(text.split()) < 40 and not text.startswith(("“", '"', "‘")) else "body"
    return "body"
