"""One batch of decoded documents -> extractions, quotes and duplicate links.

The single entry point every engine uses (the Prefect flow, the `extract` command, tests), so
what counts as the article is decided in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from transforms.duplicates import find_duplicates
from transforms.html import extract_html
from transforms.model import (
    FORMAT_HTML,
    FORMAT_TEXT,
    DecodedDocument,
    DuplicateLink,
    Extraction,
    Metadata,
    SiteChrome,
)
from transforms.quotes import extract_quotes
from transforms.textdump import extract_text_batch


@dataclass(frozen=True, slots=True)
class BatchResult:
    extractions: list[Extraction]  # one per input document, in input order
    chrome: SiteChrome  # site chrome known after this batch


def unusable(doc: DecodedDocument) -> Extraction:
    """The extraction of a document whose bytes gave no text to work on."""
    return Extraction(
        name=doc.name,
        is_article=False,
        reason=doc.problem or "no text",
        metadata=Metadata(),
        paragraphs=(),
        removed=(),
        method="none",
        confidence=1.0,
    )


def extract_documents(docs: Sequence[DecodedDocument], chrome: SiteChrome | None = None) -> BatchResult:
    """Extract every document of a batch; text dumps share what the batch teaches about site chrome.

    Duplicates are linked separately (`link_duplicates`), over everything a run has seen.
    """
    results: list[Extraction | None] = [None] * len(docs)
    text_positions = [i for i, doc in enumerate(docs) if doc.format == FORMAT_TEXT]
    text_extractions, chrome = extract_text_batch([docs[i] for i in text_positions], chrome)
    for position, extraction in zip(text_positions, text_extractions, strict=True):
        results[position] = extraction
    for position, doc in enumerate(docs):
        if doc.format == FORMAT_HTML:
            results[position] = extract_html(doc)
        elif results[position] is None:
            results[position] = unusable(doc)

    extractions = [
        replace(e, quotes=extract_quotes(e.paragraphs, e.metadata.byline)) if e.is_article else e
        for e in results
        if e is not None
    ]
    return BatchResult(extractions, chrome)


def link_duplicates(extractions: Sequence[Extraction]) -> dict[str, DuplicateLink]:
    """Exact and near copies among the articles of `extractions`, keyed by the copy's name."""
    links = find_duplicates([(e.name, e.metadata.title or "", e.body) for e in extractions if e.is_article])
    return {link.name: link for link in links}


def gold_record(extraction: Extraction, duplicate_of: str | None) -> dict[str, Any]:
    """The extraction in the evaluation format of ../shared/samples/gold.jsonl (same keys, same order)."""
    meta = extraction.metadata
    return {
        "file": extraction.name,
        "is_article": extraction.is_article,
        "title": meta.title,
        "byline": list(meta.byline),
        "published": meta.published.isoformat() if meta.published else None,
        "publisher": meta.publisher,
        "body": extraction.body,
        "quotes": [{"speaker": q.speaker, "text": q.text} for q in extraction.quotes],
        "duplicate_of": duplicate_of,
    }
