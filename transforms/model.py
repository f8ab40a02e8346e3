"""The dataclasses every transform speaks: decoded input in, extraction results out.

Pure data, no behaviour beyond derived properties, so any engine (Prefect, Dask, a notebook)
can move them around and the warehouse loader can turn them into rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Document formats a decoded input can have.
FORMAT_TEXT = "text"
FORMAT_HTML = "html"
FORMAT_BINARY = "binary"
FORMAT_EMPTY = "empty"
FORMAT_UNREADABLE = "unreadable"  # the file could not be read at all (size limit, permissions, link)
FAILED_FORMATS = (FORMAT_BINARY, FORMAT_UNREADABLE)

# Paragraph kinds (the `paragraphs.kind` column).
PARAGRAPH_KINDS = ("standfirst", "body", "crosshead", "list_item", "question", "bio")


@dataclass(frozen=True, slots=True)
class DecodedDocument:
    """One input file after byte-level decoding: what it is and its text."""

    name: str  # base name of the input file (the `file` key of the gold format)
    text: str  # decoded text, line ends normalised to "\n"; "" when not decodable
    format: str  # FORMAT_TEXT | FORMAT_HTML | FORMAT_BINARY | FORMAT_EMPTY
    encoding: str | None  # codec the bytes were decoded with, None when not decoded
    problem: str | None = None  # human-readable reason when the bytes could not be used


@dataclass(frozen=True, slots=True)
class Paragraph:
    ordinal: int  # 0-based position in the article body
    kind: str  # one of PARAGRAPH_KINDS
    text: str


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line (text dumps) or block (HTML) that was not kept, and why."""

    position: int  # 0-based line index in the decoded text, or block index for HTML
    text: str
    reason: str  # e.g. "navigation", "site_chrome", "teaser", "caption", "rating_widget", "title"


@dataclass(frozen=True, slots=True)
class Quote:
    paragraph_ordinal: int
    start: int  # character offsets of `text` inside the paragraph's text
    end: int
    text: str  # verbatim span inside the quote marks
    speaker: str | None  # full name without honorific, or a description ("DoH spokesman")
    speaker_role: str | None = None  # role/title when the text gives it
    speaker_org: str | None = None  # organisation when the text gives it
    resolution: str = "named"  # named | pronoun | follow_on | surname | description | unresolved


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    byline: tuple[str, ...] = ()
    published: date | None = None
    publisher: str | None = None
    language: str | None = None
    canonical_url: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one document turned into."""

    name: str
    is_article: bool
    reason: str | None  # why it is not an article (None when it is)
    metadata: Metadata
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[RemovedLine, ...]
    method: str  # "text" | "html" | "none"
    confidence: float  # 0..1, how sure the extractor is that `paragraphs` is the article
    quotes: tuple[Quote, ...] = ()
    site_key: str | None = None  # the site the document was grouped into, when known

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    name: str  # the duplicate
    duplicate_of: str  # the original (first seen in name order)
    kind: str  # "exact" | "near"
    similarity: float


@dataclass(slots=True)
class SiteChrome:
    """Lines learnt as a site's chrome: {site_key: {normalised line: documents seen in}}.

    Kept in the warehouse between runs so one new page from a known site is cleaned as well
    as a whole batch from it.
    """

    lines: dict[str, dict[str, int]] = field(default_factory=dict)
