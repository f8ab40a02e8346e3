"""The staged batch's expectation suites, one per table, reviewed as code.

Every check is a real Great Expectations expectation. Its `description` is the readable check name
shown in outcomes and Data Docs, its `severity` decides whether a failure blocks the publish
(critical) or is only reported (warning), and its `meta` says which column to quote examples from.

Two things GX cannot express cheaply on pandas are prepared by the gate as *derived columns* of
the frame it validates (a "validation view"), then checked here with plain GX expectations:
- foreign keys: `<column>__in_<parent>` is True/False (None when a nullable key is null); an
  `ExpectColumnValuesToBeInSet` with the parent's whole key set would be accurate too, but GX
  re-serialises the value set per metric and takes seconds per 10k keys;
- learnt site chrome: `text_is_learnt_chrome` (the normalised paragraph is a learnt chrome line).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Literal

import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd

from warehouse import sql

Severity = Literal["critical", "warning"]

DOCUMENT_STATUSES = ("published", "not_article", "duplicate", "quarantined", "failed")
UNSUCCESSFUL_STATUSES = ("failed", "not_article")
DOCUMENT_FORMATS = ("text", "html", "binary", "empty", "unreadable")
DUPLICATE_KINDS = ("exact", "near")

# meta keys of every check
CHECK_NAME = "check"
EXAMPLES_FROM = "examples_from"

# derived columns the gate adds to the frames it validates
LEARNT_CHROME_COLUMN = "text_is_learnt_chrome"

# Large text the gate never reads, so callers need not load it (100k articles would not fit
# in memory three times over): article bodies, removed lines, and paragraph text longer than
# any chrome line. Paragraphs arrive with `text_length` and `text` only when it is at most
# CHROME_CHECK_MAX_CHARS long (NULL otherwise); every other column is checked against schema.sql.
GATE_OMITTED_COLUMNS = {"articles": ("body",), "removed_lines": ("text",)}
CHROME_CHECK_MAX_CHARS = 300
# Tables with millions of rows at 100k articles, handed to the gate in chunks of about this many
# rows; table -> the column whose every value a chunk holds all rows of (the first key column,
# so a key repeated anywhere in the table is repeated within one chunk).
GATE_CHUNKED_TABLES = {"paragraphs": "article_id", "quotes": "quote_id", "removed_lines": "document_id"}
GATE_CHUNK_ROWS = 50_000
PARAGRAPH_LENGTH_COLUMN = "text_length"
DATE_PARSES_COLUMN = "published_date_is_date"
RAW_DATE_COLUMN = "published_date_as_given"

ROW_LEVEL_SUITE = "articles_row_level"


@dataclass(frozen=True)
class ForeignKey:
    table: str
    column: str
    parent: str
    parent_column: str
    nullable: bool = False

    @property
    def resolved_column(self) -> str:
        return f"{self.column}__in_{self.parent}"

    @property
    def name(self) -> str:
        target = f"{self.table}.{self.column} in {self.parent}.{self.parent_column}"
        return f"{target} or null" if self.nullable else target


FOREIGN_KEYS: tuple[ForeignKey, ...] = (
    ForeignKey("articles", "document_id", "documents", "document_id"),
    ForeignKey("articles", "publisher_id", "publishers", "publisher_id", nullable=True),
    ForeignKey("paragraphs", "article_id", "articles", "article_id"),
    ForeignKey("article_authors", "article_id", "articles", "article_id"),
    ForeignKey("article_authors", "author_id", "authors", "author_id"),
    ForeignKey("quotes", "article_id", "articles", "article_id"),
    ForeignKey("quotes", "person_id", "people", "person_id", nullable=True),
    ForeignKey("duplicates", "article_id", "articles", "article_id"),
    ForeignKey("duplicates", "duplicate_of", "articles", "article_id"),
    ForeignKey("removed_lines", "document_id", "documents", "document_id"),
)

_CREATE_TABLE = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+) \((.*?)\n\);", re.DOTALL)
_COLUMN_LINE = re.compile(r"^\s+(\w+)\s+[A-Z]", re.MULTILINE)


@cache
def table_columns() -> dict[str, tuple[str, ...]]:
    """Staged table -> its columns, read from warehouse/schema.sql so the two never drift apart."""
    columns: dict[str, tuple[str, ...]] = {}
    for table, body in _CREATE_TABLE.findall(sql("schema")):
        names = [name for name in _COLUMN_LINE.findall(body) if name != "PRIMARY"]
        columns[table] = tuple(names)
    return columns


def gate_columns(table: str) -> tuple[str, ...]:
    """The columns the gate expects of a staged table (schema.sql less what it never reads)."""
    omitted = GATE_OMITTED_COLUMNS.get(table, ())
    columns = tuple(c for c in table_columns()[table] if c not in omitted)
    return (*columns, PARAGRAPH_LENGTH_COLUMN) if table == "paragraphs" else columns


def derived_columns(table: str, *, has_chrome_lines: bool) -> tuple[str, ...]:
    """The derived columns the gate adds to `table`'s validation view (see module doc)."""
    derived = [fk.resolved_column for fk in FOREIGN_KEYS if fk.table == table]
    if table == "paragraphs" and has_chrome_lines:
        derived.append(LEARNT_CHROME_COLUMN)
    return tuple(derived)


def _check(
    expectation: type[gxe.Expectation],
    name: str,
    severity: Severity,
    examples_from: str | None = None,
    **kwargs: Any,
) -> gxe.Expectation:
    meta = {CHECK_NAME: name, EXAMPLES_FROM: examples_from}
    return expectation(**kwargs, severity=severity, description=name, meta=meta)


def _suite(name: str, checks: Sequence[gxe.Expectation]) -> gx.ExpectationSuite:
    # the constructor, unlike add_expectation, needs no active data context
    return gx.ExpectationSuite(name=name, expectations=list(checks))


def _key_checks(table: str, columns: Sequence[str]) -> list[gxe.Expectation]:
    """Primary key: every key column present and the key unique."""
    checks = [
        _check(gxe.ExpectColumnValuesToNotBeNull, f"{table}.{column} not null", "critical", column=column)
        for column in columns
    ]
    if len(columns) == 1:
        checks.append(
            _check(
                gxe.ExpectColumnValuesToBeUnique,
                f"{table}.{columns[0]} unique",
                "critical",
                column=columns[0],
            )
        )
    else:
        checks.append(
            _check(
                gxe.ExpectCompoundColumnsToBeUnique,
                f"{table}.({', '.join(columns)}) unique",
                "critical",
                column_list=list(columns),
            )
        )
    return checks


def _not_null(table: str, column: str) -> gxe.Expectation:
    return _check(gxe.ExpectColumnValuesToNotBeNull, f"{table}.{column} not null", "critical", column=column)


def _schema_check(table: str, *, has_chrome_lines: bool) -> gxe.Expectation:
    expected = gate_columns(table) + derived_columns(table, has_chrome_lines=has_chrome_lines)
    return _check(
        gxe.ExpectTableColumnsToMatchSet,
        f"{table} columns match warehouse/schema.sql",
        "critical",
        column_set=list(expected),
        exact_match=True,
    )


def _foreign_key_checks(table: str) -> list[gxe.Expectation]:
    return [
        _check(
            gxe.ExpectColumnValuesToBeInSet,
            fk.name,
            "critical",
            examples_from=fk.column,
            column=fk.resolved_column,
            value_set=[True],
        )
        for fk in FOREIGN_KEYS
        if fk.table == table
    ]


def _row_count_drift(table: str, previous_rows: int, drift_max_ratio: float) -> gxe.Expectation:
    low, high = int(previous_rows / drift_max_ratio), int(previous_rows * drift_max_ratio + 0.999)
    return _check(
        gxe.ExpectTableRowCountToBeBetween,
        f"{table} row count within x{drift_max_ratio:g} of last publish ({previous_rows})",
        "warning",
        min_value=low,
        max_value=high,
    )


def row_level_suite(
    *, earliest_date: date, today: date, min_words: int, max_words: int
) -> gx.ExpectationSuite:
    """Checks on single articles: a failing article is quarantined, the batch is not blocked.

    Validated on the articles view whose `published_date` is datetime64 and which carries the
    date as given and `published_date_is_date` (None when no date, False when not a date).
    """
    return _suite(
        ROW_LEVEL_SUITE,
        [
            _check(
                gxe.ExpectColumnValuesToBeInSet,
                "articles.published_date is a date",
                "warning",
                examples_from=RAW_DATE_COLUMN,
                column=DATE_PARSES_COLUMN,
                value_set=[True],
            ),
            _check(
                gxe.ExpectColumnValuesToBeBetween,
                f"articles.published_date between {earliest_date} and {today}",
                "warning",
                examples_from=RAW_DATE_COLUMN,
                column="published_date",
                min_value=pd.Timestamp(earliest_date),
                max_value=pd.Timestamp(today),
            ),
            _check(
                gxe.ExpectColumnValuesToBeBetween,
                f"articles.word_count between {min_words} and {max_words}",
                "warning",
                column="word_count",
                min_value=min_words,
                max_value=max_words,
            ),
        ],
    )


def table_suites(
    *,
    files_seen: int,
    max_failed_share: float,
    drift_max_ratio: float,
    previous_articles: int | None,
    previous_documents: int | None,
    previous_mean_words: float | None,
    chrome_regex: str | None,
    chrome_pattern_count: int,
    has_chrome_lines: bool,
) -> dict[str, gx.ExpectationSuite]:
    """Staged table -> the suite its publishable rows must pass (after row-level quarantine).

    `chrome_regex` matches a paragraph that is wholly one of `chrome_pattern_count` chrome lines.
    """

    def schema(table: str) -> gxe.Expectation:
        return _schema_check(table, has_chrome_lines=has_chrome_lines)

    documents = [
        schema("documents"),
        *_key_checks("documents", ["document_id"]),
        _check(
            gxe.ExpectTableRowCountToEqual,
            "documents: one row per input file seen",
            "critical",
            value=files_seen,
        ),
        _check(
            gxe.ExpectColumnValuesToBeInSet,
            "documents.status in allowed set",
            "critical",
            column="status",
            value_set=list(DOCUMENT_STATUSES),
        ),
        # `mostly` is the share of rows that must pass, so this fails when more than
        # max_failed_share of the documents are failed / not_article.
        _check(
            gxe.ExpectColumnValuesToNotBeInSet,
            f"documents failed/not_article share <= {max_failed_share:g}",
            "critical",
            column="status",
            value_set=list(UNSUCCESSFUL_STATUSES),
            mostly=max(0.0, min(1.0, 1.0 - max_failed_share)),
        ),
        _check(
            gxe.ExpectColumnValuesToBeInSet,
            "documents.format in allowed set",
            "warning",
            column="format",
            value_set=list(DOCUMENT_FORMATS),
        ),
    ]
    articles = [
        schema("articles"),
        *_key_checks("articles", ["article_id"]),
        _not_null("articles", "document_id"),
        _not_null("articles", "word_count"),
        *_foreign_key_checks("articles"),
        _check(
            gxe.ExpectColumnPairValuesToBeEqual,
            "articles.article_id equals document_id",
            "warning",
            column_A="article_id",
            column_B="document_id",
        ),
        _check(
            gxe.ExpectColumnValuesToBeBetween,
            "articles.confidence between 0 and 1",
            "warning",
            column="confidence",
            min_value=0.0,
            max_value=1.0,
        ),
    ]
    paragraphs = [
        schema("paragraphs"),
        *_key_checks("paragraphs", ["article_id", "ordinal"]),
        _check(
            gxe.ExpectColumnValuesToBeBetween,
            "paragraphs.text not empty",
            "critical",
            column=PARAGRAPH_LENGTH_COLUMN,
            min_value=1,
        ),
        _not_null("paragraphs", PARAGRAPH_LENGTH_COLUMN),
        *_foreign_key_checks("paragraphs"),
    ]
    if chrome_regex:
        paragraphs.append(
            _check(
                gxe.ExpectColumnValuesToNotMatchRegexList,
                f"paragraphs.text is none of {chrome_pattern_count} whole-line chrome patterns",
                "warning",
                column="text",
                regex_list=[chrome_regex],
            )
        )
    if has_chrome_lines:
        paragraphs.append(
            _check(
                gxe.ExpectColumnValuesToBeInSet,
                "paragraphs.text is not a learnt chrome line",
                "warning",
                examples_from="text",
                column=LEARNT_CHROME_COLUMN,
                value_set=[False],
            )
        )
    if previous_documents:
        documents.append(_row_count_drift("documents", previous_documents, drift_max_ratio))
    if previous_articles:
        articles.append(_row_count_drift("articles", previous_articles, drift_max_ratio))
    if previous_mean_words:
        articles.append(
            _check(
                gxe.ExpectColumnMeanToBeBetween,
                f"articles mean word_count within x{drift_max_ratio:g} of last publish "
                f"({previous_mean_words:.0f})",
                "warning",
                column="word_count",
                min_value=previous_mean_words / drift_max_ratio,
                max_value=previous_mean_words * drift_max_ratio,
            )
        )
    checks: dict[str, list[gxe.Expectation]] = {
        "documents": documents,
        "publishers": [
            schema("publishers"),
            *_key_checks("publishers", ["publisher_id"]),
            _not_null("publishers", "name"),
        ],
        "articles": articles,
        "paragraphs": paragraphs,
        "authors": [schema("authors"), *_key_checks("authors", ["author_id"]), _not_null("authors", "name")],
        "article_authors": [
            schema("article_authors"),
            *_key_checks("article_authors", ["article_id", "ordinal"]),
            *_foreign_key_checks("article_authors"),
        ],
        "people": [schema("people"), *_key_checks("people", ["person_id"]), _not_null("people", "name")],
        "quotes": [
            schema("quotes"),
            *_key_checks("quotes", ["quote_id"]),
            *_foreign_key_checks("quotes"),
            _check(
                gxe.ExpectColumnPairValuesAToBeGreaterThanB,
                "quotes.end_char >= start_char",
                "warning",
                column_A="end_char",
                column_B="start_char",
                or_equal=True,
            ),
        ],
        "duplicates": [
            schema("duplicates"),
            *_key_checks("duplicates", ["article_id"]),
            *_foreign_key_checks("duplicates"),
            _check(
                gxe.ExpectColumnValuesToBeInSet,
                "duplicates.kind in allowed set",
                "warning",
                column="kind",
                value_set=list(DUPLICATE_KINDS),
            ),
            _check(
                gxe.ExpectColumnValuesToBeBetween,
                "duplicates.similarity between 0 and 1",
                "warning",
                column="similarity",
                min_value=0.0,
                max_value=1.0,
            ),
        ],
        "removed_lines": [
            schema("removed_lines"),
            *_key_checks("removed_lines", ["document_id", "position"]),
            *_foreign_key_checks("removed_lines"),
        ],
        "site_chrome": [schema("site_chrome"), *_key_checks("site_chrome", ["site_key", "line"])],
    }
    return {table: _suite(table, table_checks) for table, table_checks in checks.items()}
