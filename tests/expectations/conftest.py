"""Hand-built staged batches for the gate's tests: consistent tables of any size."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

WORDS = [
    "the",
    "market",
    "said",
    "company",
    "year",
    "new",
    "report",
    "price",
    "growth",
    "share",
    "of",
    "to",
    "in",
    "for",
    "on",
]


def _id(prefix: str, number: int) -> str:
    return f"{prefix}{number:015d}"


def clean_batch(articles: int = 3, paragraphs_per_article: int = 3, extra_documents: int = 1) -> dict:
    """A batch that passes every check: `articles` published documents plus `extra_documents`
    not-article ones, with publishers, paragraphs, authors, people, quotes and one duplicate."""
    document_ids = [_id("d", n) for n in range(articles + extra_documents)]
    article_ids = document_ids[:articles]
    documents = pd.DataFrame(
        {
            "document_id": document_ids,
            "path": [f"site/page{n}.html" for n in range(len(document_ids))],
            "file_name": [f"page{n}.html" for n in range(len(document_ids))],
            "sha256": [f"{n:064x}" for n in range(len(document_ids))],
            "size_bytes": [1000 + n for n in range(len(document_ids))],
            "format": "html",
            "encoding": "utf-8",
            "status": ["published"] * articles + ["not_article"] * extra_documents,
            "reason": [None] * articles + ["index page"] * extra_documents,
            "site_key": "site",
        }
    )
    publishers = pd.DataFrame(
        {
            "publisher_id": ["p000000000000001"],
            "name": ["Trade Weekly"],
            "site_key": ["site"],
            "domain": [None],
        }
    )
    paragraph_texts = [
        " ".join(WORDS[(n + k) % len(WORDS)] for k in range(12)) for n in range(paragraphs_per_article)
    ]
    articles_frame = pd.DataFrame(
        {
            "article_id": article_ids,
            "document_id": article_ids,
            "publisher_id": ["p000000000000001" if n % 2 == 0 else None for n in range(articles)],
            "title": [f"Headline {n}" for n in range(articles)],
            "standfirst": None,
            "published_date": [date(2024, 1, 1) + timedelta(days=n % 300) for n in range(articles)],
            "word_count": 12 * paragraphs_per_article,
            "language": "en",
            "canonical_url": None,
            "extraction_method": "density",
            "confidence": 0.9,
            "content_hash": [f"{n:064x}" for n in range(articles)],
        }
    )
    paragraphs = pd.DataFrame(
        {
            "article_id": [a for a in article_ids for _ in range(paragraphs_per_article)],
            "ordinal": list(range(paragraphs_per_article)) * articles,
            "kind": "body",
            "text": paragraph_texts * articles,
            "text_length": [len(t) for t in paragraph_texts] * articles,
        }
    )
    authors = pd.DataFrame(
        {"author_id": ["a000000000000001"], "name": ["Jo Smith"], "normalised_name": ["jo smith"]}
    )
    article_authors = pd.DataFrame(
        {"article_id": article_ids, "author_id": "a000000000000001", "ordinal": 0, "role": "author"}
    )
    people = pd.DataFrame(
        {"person_id": ["h000000000000001"], "name": ["Ann Lee"], "role": ["CEO"], "organisation": ["Acme"]}
    )
    quotes = pd.DataFrame(
        {
            "quote_id": [_id("q", n) for n in range(articles)],
            "article_id": article_ids,
            "paragraph_ordinal": 0,
            "start_char": 0,
            "end_char": 10,
            "text": "the market",
            "person_id": ["h000000000000001" if n % 2 == 0 else None for n in range(articles)],
            "resolution": "named",
        }
    )
    duplicates = pd.DataFrame(
        {
            "article_id": [article_ids[-1]],
            "duplicate_of": [article_ids[0]],
            "kind": ["near"],
            "similarity": [0.93],
        }
    )
    removed_lines = pd.DataFrame({"document_id": [article_ids[0]], "position": [0], "reason": ["chrome"]})
    site_chrome = pd.DataFrame({"site_key": ["site"], "line": ["home | news"], "documents": [5]})
    return {
        "documents": documents,
        "publishers": publishers,
        "articles": articles_frame,
        "paragraphs": paragraphs,
        "authors": authors,
        "article_authors": article_authors,
        "people": people,
        "quotes": quotes,
        "duplicates": duplicates,
        "removed_lines": removed_lines,
        "site_chrome": site_chrome,
    }


@pytest.fixture
def make_batch():
    """`make_batch(articles=3, paragraphs_per_article=3, extra_documents=1)` -> a clean batch."""
    return clean_batch
