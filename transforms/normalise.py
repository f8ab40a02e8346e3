"""Extraction results -> rows of the normalised warehouse tables (warehouse/schema.sql).

IDs derive from content (paths, names), never from row order, so the same input gives the
same keys on every run and saved queries keep working.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from transforms.model import FAILED_FORMATS, DuplicateLink, Extraction

TABLES = (
    "documents",
    "publishers",
    "articles",
    "paragraphs",
    "authors",
    "article_authors",
    "people",
    "quotes",
    "duplicates",
    "removed_lines",
)
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
# Every byte stays but for the ASCII characters that are not word characters, which become spaces.
_ASCII_NON_WORD_TO_SPACE = bytes(
    byte if byte >= 0x80 or chr(byte).isalnum() or chr(byte) == "_" else ord(" ") for byte in range(256)
)


def stable_id(*parts: str | None) -> str:
    """A 16-hex-digit key derived from the given parts."""
    joined = "\x1f".join([p or "" for p in parts])
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def normalise_name(name: str) -> str:
    """Case-, accent- and spacing-insensitive form of a person's or publisher's name."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _SPACE.sub(" ", folded).strip().lower()


@lru_cache(maxsize=16384)  # the same authors, publishers and speakers come back in batch after batch
def _name_key(kind: str, name: str) -> tuple[str, str]:
    """(id, normalised name) of a person or publisher named `name`."""
    normalised = normalise_name(name)
    return stable_id(kind, normalised), normalised


def word_count(text: str) -> int:
    """How many runs of word characters (`\\w+`) `text` holds.

    Counted in C where possible: ASCII characters that are not word characters become spaces and
    the UTF-8 text is split there (a word never runs over such a space); only the few pieces
    holding non-ASCII characters are counted with the pattern.
    """
    raw = text.encode("utf-8")
    pieces = raw.translate(_ASCII_NON_WORD_TO_SPACE).split()
    if raw.isascii():
        return len(pieces)
    return len(pieces) + sum(len(_WORD.findall(p.decode("utf-8"))) - 1 for p in pieces if not p.isascii())


@dataclass(frozen=True, slots=True)
class SourceFile:
    """Where a document came from: its path relative to the inbox and its bytes' identity."""

    path: str
    sha256: str | None
    size_bytes: int | None


@dataclass(slots=True)
class TableRows:
    """Rows per table, as lists of dicts keyed by column name."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t: [] for t in TABLES})

    def extend(self, other: TableRows) -> None:
        for name, rows in other.tables.items():
            self.tables[name].extend(rows)


def document_id(path: str) -> str:
    return stable_id("document", path)


def normalise_batch(
    items: Iterable[tuple[SourceFile, str, str | None, Extraction]],
) -> TableRows:
    """Rows for a batch of (source file, detected format, encoding, extraction).

    Documents get status `published`, `not_article` or `failed` here; duplicates and quarantine
    change the status later, when the whole run is known.
    """
    out = TableRows()
    t = out.tables
    for source, fmt, encoding, extraction in items:
        doc_id = document_id(source.path)
        t["documents"].append(
            {
                "document_id": doc_id,
                "path": source.path,
                "file_name": extraction.name,
                "sha256": source.sha256,
                "size_bytes": source.size_bytes,
                "format": fmt,
                "encoding": encoding,
                "status": _status(fmt, extraction),
                "reason": None if extraction.is_article else extraction.reason,
                "site_key": extraction.site_key,
            }
        )
        t["removed_lines"].extend(
            [
                {"document_id": doc_id, "position": r.position, "text": r.text, "reason": r.reason}
                for r in extraction.removed
            ]
        )
        if extraction.is_article:
            _article_rows(out, doc_id, extraction)
    return out


def _status(fmt: str, extraction: Extraction) -> str:
    if extraction.is_article:
        return "published"
    return "failed" if fmt in FAILED_FORMATS else "not_article"


def _article_rows(out: TableRows, doc_id: str, extraction: Extraction) -> None:
    t = out.tables
    meta = extraction.metadata
    publisher_id = None
    if meta.publisher:
        publisher_id = _name_key("publisher", meta.publisher)[0]
        t["publishers"].append(
            {
                "publisher_id": publisher_id,
                "name": meta.publisher,
                "site_key": extraction.site_key,
                "domain": _domain(meta.canonical_url),
            }
        )
    body = extraction.body
    standfirst = next((p.text for p in extraction.paragraphs if p.kind == "standfirst"), None)
    t["articles"].append(
        {
            "article_id": doc_id,
            "document_id": doc_id,
            "publisher_id": publisher_id,
            "title": meta.title,
            "standfirst": standfirst,
            "published_date": meta.published,
            "word_count": word_count(body),
            "language": meta.language,
            "canonical_url": meta.canonical_url,
            "extraction_method": extraction.method,
            "confidence": float(extraction.confidence),
            "body": body,
            "content_hash": hashlib.sha256(body.encode("utf-8")).hexdigest(),
        }
    )
    t["paragraphs"].extend(
        [
            {"article_id": doc_id, "ordinal": p.ordinal, "kind": p.kind, "text": p.text}
            for p in extraction.paragraphs
        ]
    )
    for ordinal, name in enumerate(meta.byline):
        author_id, normalised = _name_key("author", name)
        t["authors"].append({"author_id": author_id, "name": name, "normalised_name": normalised})
        t["article_authors"].append(
            {"article_id": doc_id, "author_id": author_id, "ordinal": ordinal, "role": "author"}
        )
    for quote in extraction.quotes:
        person_id = None
        if quote.speaker:
            person_id = _name_key("person", quote.speaker)[0]
            t["people"].append(
                {
                    "person_id": person_id,
                    "name": quote.speaker,
                    "role": quote.speaker_role,
                    "organisation": quote.speaker_org,
                }
            )
        t["quotes"].append(
            {
                "quote_id": stable_id("quote", doc_id, str(quote.paragraph_ordinal), str(quote.start)),
                "article_id": doc_id,
                "paragraph_ordinal": quote.paragraph_ordinal,
                "start_char": quote.start,
                "end_char": quote.end,
                "text": quote.text,
                "person_id": person_id,
                "resolution": quote.resolution,
            }
        )


def duplicate_rows(links: Sequence[DuplicateLink], ids_by_name: dict[str, str]) -> list[dict[str, Any]]:
    """`duplicates` rows for links between documents of this run (names -> document ids)."""
    return [
        {
            "article_id": ids_by_name[link.name],
            "duplicate_of": ids_by_name[link.duplicate_of],
            "kind": link.kind,
            "similarity": float(link.similarity),
        }
        for link in links
        if link.name in ids_by_name and link.duplicate_of in ids_by_name
    ]


def _domain(url: str | None) -> str | None:
    if not url or "//" not in url:
        return None
    return url.split("//", 1)[1].split("/", 1)[0].lower() or None
