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
from transforms.sitechrome import chrome_lines
from transforms.textdump import assign_text_sites, extract_text_batch, extract_text_documents


@dataclass(frozen=True, slots=True)
class BatchResult:
    extractions: list[Extraction]  # one per input document, in input order
    chrome: SiteChrome  # site chrome known after this batch


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document with what the batch taught about its site: extractable on its own, anywhere."""

    doc: DecodedDocument
    site_key: str | None = None
    site_chrome: frozenset[str] = frozenset()


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


def prepare_documents(
    docs: Sequence[DecodedDocument], chrome: SiteChrome | None = None
) -> tuple[list[PreparedDocument], SiteChrome]:
    """The batch-wide, sequential part: group text dumps into sites and learn their chrome."""
    text_positions = [i for i, doc in enumerate(docs) if doc.format == FORMAT_TEXT]
    site_keys, chrome = assign_text_sites([docs[i] for i in text_positions], chrome)
    prepared = [PreparedDocument(doc) for doc in docs]
    lines = {site: chrome_lines(chrome, site) for site in set(site_keys)}
    for position, site in zip(text_positions, site_keys, strict=True):
        prepared[position] = PreparedDocument(docs[position], site, lines[site])
    return prepared, chrome


def extract_prepared(items: list[PreparedDocument]) -> list[Extraction]:
    """The per-document part: the article, its metadata and its quotes, one Extraction per item."""
    text = [i for i, item in enumerate(items) if item.doc.format == FORMAT_TEXT]
    extracted = extract_text_documents(
        [(items[i].doc, items[i].site_key, items[i].site_chrome) for i in text]
    )
    return _complete([item.doc for item in items], dict(zip(text, extracted, strict=True)))


def extract_documents(docs: Sequence[DecodedDocument], chrome: SiteChrome | None = None) -> BatchResult:
    """Extract every document of a batch; text dumps share what the batch teaches about site chrome.

    The same as `prepare_documents`, then `extract_prepared` on any slices of its output (the two
    halves let an engine spread one batch over processes); in one process the dumps are parsed
    once instead of once per half. Duplicates are linked separately (`link_duplicates`), over
    everything a run has seen.
    """
    text = [i for i, doc in enumerate(docs) if doc.format == FORMAT_TEXT]
    extracted, chrome = extract_text_batch([docs[i] for i in text], chrome)
    return BatchResult(_complete(docs, dict(zip(text, extracted, strict=True))), chrome)


def _complete(docs: Sequence[DecodedDocument], text_extractions: dict[int, Extraction]) -> list[Extraction]:
    """One Extraction per document, in order: the text ones given by position, HTML pages
    extracted, the rest unusable; the quotes of every article."""
    results = []
    for position, doc in enumerate(docs):
        if position in text_extractions:
            results.append(text_extractions[position])
        elif doc.format == FORMAT_HTML:
            results.append(extract_html(doc))
        else:
            results.append(unusable(doc))
    return [
        replace(e, quotes=extract_quotes(e.paragraphs, e.metadata.byline)) if e.is_article else e
        for e in results
    ]


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
