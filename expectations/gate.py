"""The quality gate a staged batch must pass before it is published.

`validate_batch` runs in two stages, both as Great Expectations validations of pandas frames:
1. row level: each article's date and word count; failing articles are quarantined (removed with a
   reason, together with the rows that reference them) and the batch goes on;
2. table level: the per-table suites of `expectations.suites` on the publishable rows; a failed
   critical check blocks the publish, a failed warning is published and reported.

GX on DuckDB through SQLAlchemy does not work in GX 1.x, so the caller hands the staged tables over
as DataFrames; a table with millions of rows may come as chunks instead (`TableChunks`), validated
one at a time and reported as one table, so the gate's memory does not grow with the corpus.
One ephemeral GX context serves the whole process (made lazily; used under a lock since GX does
not promise thread safety); Data Docs are written to a static folder on request.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import great_expectations as gx
import pandas as pd
from great_expectations.core import ExpectationSuiteValidationResult, ExpectationValidationResult
from great_expectations.core.batch_definition import BatchDefinition
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context import AbstractDataContext
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)

from expectations.suites import (
    CHECK_NAME,
    DATE_PARSES_COLUMN,
    EXAMPLES_FROM,
    FOREIGN_KEYS,
    LEARNT_CHROME_COLUMN,
    RAW_DATE_COLUMN,
    ROW_LEVEL_SUITE,
    gate_columns,
    row_level_suite,
    table_columns,
    table_suites,
)
from expectations.verdict import (
    ExpectationOutcome,
    GateThresholds,
    GateVerdict,
    Outcomes,
    PublishedStats,
)

QUARANTINE_REASON = "quarantine_reason"
# table -> its columns referencing articles: rows of a quarantined article go with it
ARTICLE_REFERENCES: dict[str, tuple[str, ...]] = {
    table: tuple(fk.column for fk in FOREIGN_KEYS if fk.table == table and fk.parent == "articles")
    for table in dict.fromkeys(fk.table for fk in FOREIGN_KEYS if fk.parent == "articles")
}

_DATASOURCE = "staged_batch"
_DOCS_SITE = "staged_batch_gate"
_TABLE_RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 20}
# COMPLETE carries every failing row's index, which is what the row-level quarantine needs
_ROW_RESULT_FORMAT = {"result_format": "COMPLETE"}
_EXAMPLES_IN_OBSERVED = 3
_EXAMPLES_IN_DETAILS = 10
_EXAMPLE_CHARS = 60
_LEADING_INLINE_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")
_INLINE_FLAGS = (
    (re.IGNORECASE, "i"),
    (re.MULTILINE, "m"),
    (re.DOTALL, "s"),
    (re.VERBOSE, "x"),
    (re.ASCII, "a"),
)

_GX_LOCK = threading.Lock()

# A large table as chunks: called once, it yields frames that together hold the table, each with
# every row of the values of its partition column it has (expectations.suites.GATE_CHUNKED_TABLES),
# so that key uniqueness holds for the table when it holds for every chunk.
TableChunks = Callable[[], Iterable[pd.DataFrame]]


@dataclass(frozen=True, eq=False)  # holds DataFrames, which have no single truth value
class GateResult(Outcomes):
    outcomes: tuple[ExpectationOutcome, ...]
    # table -> rows removed at row level, with a `quarantine_reason` column. Always has "articles"
    # (article_id, document_id, ... , quarantine_reason) and every table referencing articles.
    quarantined: dict[str, pd.DataFrame]
    # the tables to publish: quarantined articles and the rows referencing them removed (tables
    # given as chunks are not kept: their rows stay where the chunks came from)
    tables: dict[str, pd.DataFrame]
    data_docs_index: Path | None = None

    def quarantined_documents(self) -> dict[str, str]:
        """document_id -> reason, for the caller to mark those documents "quarantined"."""
        articles = self.quarantined["articles"]
        return dict(zip(articles["document_id"], articles[QUARANTINE_REASON], strict=True))

    def verdict(self) -> GateVerdict:
        return GateVerdict(self.outcomes, self.quarantined_documents(), self.data_docs_index)


def validate_batch(
    tables: Mapping[str, pd.DataFrame | TableChunks],
    *,
    files_seen: int,
    previous: PublishedStats | None,
    thresholds: GateThresholds,
    chrome_patterns: Sequence[re.Pattern[str]] = (),
    chrome_lines: Collection[str] = (),
    today: date | None = None,
    data_docs_dir: Path | None = None,
) -> GateResult:
    """Validate a staged batch; quarantine bad articles; say whether the rest may be published.

    `chrome_patterns` are whole-line patterns: a paragraph leaks chrome when a pattern matches all
    of it. `chrome_lines` are learnt chrome lines, compared lowercased and whitespace-collapsed.
    `data_docs_dir`, when given, receives a static Data Docs site of this run's validations.
    A table given as `TableChunks` is validated chunk by chunk; its outcomes count all its rows.
    """
    today = today or date.today()
    staged, completeness = _complete_tables(tables)
    learnt_chrome = frozenset(_normalise_line(line) for line in chrome_lines)
    suites = table_suites(
        files_seen=files_seen,
        max_failed_share=thresholds.max_failed_share,
        drift_max_ratio=thresholds.drift_max_ratio,
        previous_articles=previous.articles if previous else None,
        previous_documents=previous.documents if previous else None,
        previous_mean_words=previous.mean_words if previous else None,
        chrome_regex=_whole_line_regex(chrome_patterns) if chrome_patterns else None,
        chrome_pattern_count=len(chrome_patterns),
        has_chrome_lines=bool(learnt_chrome),
    )
    row_suite = row_level_suite(
        earliest_date=thresholds.earliest_date,
        today=today,
        min_words=thresholds.min_words,
        max_words=thresholds.max_words,
    )
    outcomes = list(completeness)
    with _GX_LOCK:
        articles_view = _articles_row_view(staged["articles"])
        row_result = _validate(ROW_LEVEL_SUITE, articles_view, row_suite, _ROW_RESULT_FORMAT)
        outcomes += _outcomes(row_result, ROW_LEVEL_SUITE, articles_view, quarantines=True)
        reasons = _quarantine_reasons(row_result, articles_view)
        publishable, quarantined, reason_by_article = _remove_quarantined(staged, reasons)

        validations = [(row_suite, row_result)]
        for table, suite in suites.items():
            source = publishable[table]
            if callable(source):
                chunked = _validate_chunks(
                    table, source, suite, publishable, learnt_chrome, reason_by_article
                )
                result, quarantined[table] = chunked.merged_result(), chunked.held_back()
                outcomes += chunked.outcomes()
                del publishable[table]
            else:
                view = _table_view(table, publishable, learnt_chrome)
                result = _validate(table, view, suite, _TABLE_RESULT_FORMAT)
                outcomes += _outcomes(result, table, view, quarantines=False)
            validations.append((suite, result))
        docs_index = _build_data_docs(Path(data_docs_dir), validations) if data_docs_dir else None
    return GateResult(tuple(outcomes), quarantined, publishable, docs_index)


# --- GX plumbing -----------------------------------------------------------------------------


@cache
def _context() -> AbstractDataContext:
    """The process's one GX context (creating one per batch would redo GX's setup every time)."""
    context = gx.get_context(mode="ephemeral")
    context.enable_analytics(False)
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    context.data_sources.add_pandas(_DATASOURCE)
    return context


def _batch_definition(asset_name: str) -> BatchDefinition:
    datasource = _context().data_sources.get(_DATASOURCE)
    try:
        asset = datasource.get_asset(asset_name)
    except LookupError:
        asset = datasource.add_dataframe_asset(asset_name)
        return asset.add_batch_definition_whole_dataframe("whole")
    return asset.get_batch_definition("whole")


def _validate(
    asset_name: str, frame: pd.DataFrame, suite: gx.ExpectationSuite, result_format: dict[str, Any]
) -> ExpectationSuiteValidationResult:
    batch = _batch_definition(asset_name).get_batch(batch_parameters={"dataframe": frame})
    return batch.validate(suite, result_format=result_format)


def _build_data_docs(
    directory: Path, validations: Iterable[tuple[gx.ExpectationSuite, ExpectationSuiteValidationResult]]
) -> Path:
    """Render this run's validation results as a static Data Docs site in `directory`.

    The results are put in the context's in-memory store only for the build and removed after, so
    a long-running process does not accumulate them (and the site shows the latest run).
    """
    context = _context()
    directory.mkdir(parents=True, exist_ok=True)
    context.variables.data_docs_sites = {
        _DOCS_SITE: {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(directory)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        }
    }
    store = context.validation_results_store
    run_id = RunIdentifier(run_name="staged-batch-gate", run_time=dt.datetime.now(dt.UTC))
    keys = []
    for suite, result in validations:
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite.name),
            run_id=run_id,
            batch_identifier=suite.name,  # each suite is validated on the asset of the same name
        )
        result.meta["run_id"] = run_id
        store.set(key, result)
        keys.append(key)
    try:
        context.build_data_docs(site_names=[_DOCS_SITE])
    finally:
        for key in keys:
            store.remove_key(key)
    return directory / "index.html"


# --- preparing frames ------------------------------------------------------------------------


def _complete_tables(
    tables: Mapping[str, pd.DataFrame | TableChunks],
) -> tuple[dict[str, pd.DataFrame | TableChunks], list[ExpectationOutcome]]:
    """Every staged table, each frame with a fresh RangeIndex (GX reports failing rows by index label).

    A missing table is validated as an empty one and reported as a critical failure.
    """
    expected = {table: gate_columns(table) for table in table_columns()}
    missing = [table for table in expected if table not in tables]
    staged: dict[str, pd.DataFrame | TableChunks] = {}
    for table, columns in expected.items():
        given = tables.get(table, pd.DataFrame(columns=list(columns)))
        staged[table] = given if callable(given) else given.reset_index(drop=True)
    complete = ExpectationOutcome(
        suite="staged_batch",
        expectation="staged tables complete",
        severity="critical",
        success=not missing,
        observed=f"missing: {', '.join(missing)}" if missing else f"all {len(expected)} tables staged",
        details=None,
    )
    return staged, [complete]


def _articles_row_view(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles as the row-level suite reads them: `published_date` as datetime64 (GX compares it
    with the date bounds), the value as given kept for quoting, and whether it was a date at all."""
    view = articles.copy()
    raw = view["published_date"] if "published_date" in view else pd.Series(None, index=view.index)
    parsed = pd.to_datetime(raw, errors="coerce")
    parses = parsed.notna().astype(object)
    parses[raw.isna()] = None  # no date is allowed; only a value that is not a date fails
    view[RAW_DATE_COLUMN] = raw
    view["published_date"] = parsed
    view[DATE_PARSES_COLUMN] = parses
    return view


def _table_view(
    table: str, tables: Mapping[str, pd.DataFrame | TableChunks], learnt_chrome: frozenset[str]
) -> pd.DataFrame:
    """`table` plus the derived columns its suite checks (foreign keys resolved, learnt chrome)."""
    frame = tables[table]
    derived: dict[str, pd.Series] = {}
    for fk in FOREIGN_KEYS:
        parent = tables[fk.parent]  # parents are whole frames: only child tables come in chunks
        if fk.table != table or fk.column not in frame or fk.parent_column not in parent:
            continue
        child_keys = frame[fk.column]
        resolved = child_keys.isin(parent[fk.parent_column].dropna()).astype(object)
        if fk.nullable:
            resolved[child_keys.isna()] = None
        derived[fk.resolved_column] = resolved
    if table == "paragraphs" and learnt_chrome and "text" in frame:
        # `text` is NULL for paragraphs longer than any chrome line (see GATE_OMITTED_COLUMNS).
        short = frame["text"].dropna().astype(str)
        derived[LEARNT_CHROME_COLUMN] = (
            short.map(_normalise_line).isin(learnt_chrome).reindex(frame.index, fill_value=False)
        )
    return frame.assign(**derived) if derived else frame


def _normalise_line(line: str) -> str:
    """Lowercase, whitespace runs collapsed to one space, trimmed."""
    return " ".join(line.split()).lower()


def _whole_line_regex(patterns: Sequence[re.Pattern[str] | str]) -> str:
    """One regex matching a text that some pattern matches in full, for GX to `search` with.

    Chrome patterns describe whole lines (transforms/chrome_leaks.py uses them with `fullmatch`);
    searching with them unanchored would flag every paragraph merely containing "subscribe".
    They are joined into a single alternation, each keeping its compile flags as scoped inline
    flags, because GX (and pandas, on Python's `re` path) scans the column once per regex.
    """
    alternatives = []
    for pattern in patterns:
        compiled = re.compile(pattern) if isinstance(pattern, str) else pattern
        body = _LEADING_INLINE_FLAGS.sub("", compiled.pattern)  # they are in compiled.flags already
        inline = "".join(letter for flag, letter in _INLINE_FLAGS if compiled.flags & flag)
        alternatives.append(f"(?{inline}:{body})" if inline else f"(?:{body})")
    combined = rf"\A(?:{'|'.join(alternatives)})\Z"
    re.compile(combined)  # fail here, naming the gate, rather than deep inside GX
    return combined


# --- quarantine --------------------------------------------------------------------------------


def _quarantine_reasons(result: ExpectationSuiteValidationResult, view: pd.DataFrame) -> dict[int, str]:
    """Row index of each article failing a row-level check -> why."""
    reasons: dict[int, list[str]] = defaultdict(list)
    for check in result.results:
        config = check.expectation_config
        column = config.meta.get(EXAMPLES_FROM) or config.kwargs["column"]
        for index in check.result.get("unexpected_index_list") or ():
            reasons[index].append(f"{config.meta[CHECK_NAME]}: got {_short(view.at[index, column])}")
    return {index: "; ".join(why) for index, why in sorted(reasons.items())}


def _remove_quarantined(
    staged: Mapping[str, pd.DataFrame | TableChunks], reasons: Mapping[int, str]
) -> tuple[dict[str, pd.DataFrame | TableChunks], dict[str, pd.DataFrame], dict[str, str]]:
    """Split out quarantined articles and every row referencing them; the rest is publishable.

    Tables given as chunks are split chunk by chunk when validated, with the article_id -> reason
    returned third.
    """
    publishable = dict(staged)
    articles = staged["articles"]
    is_quarantined = articles.index.isin(list(reasons))
    removed_articles = articles[is_quarantined].assign(
        **{QUARANTINE_REASON: pd.Series(reasons, dtype=object)}
    )
    publishable["articles"] = articles[~is_quarantined].reset_index(drop=True)
    quarantined = {"articles": removed_articles.reset_index(drop=True)}

    reason_by_article = {
        article_id: f"article quarantined: {reason}"
        for article_id, reason in zip(
            removed_articles["article_id"], removed_articles[QUARANTINE_REASON], strict=True
        )
    }
    for table in ARTICLE_REFERENCES:
        frame = publishable[table]
        if not callable(frame):
            publishable[table], quarantined[table] = _split_references(table, frame, reason_by_article)
    return publishable, quarantined, reason_by_article


def _split_references(
    table: str, frame: pd.DataFrame, reason_by_article: Mapping[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows to publish, rows referencing a quarantined article with a `quarantine_reason`)."""
    reason = pd.Series(None, index=frame.index, dtype=object)
    if reason_by_article:
        for column in ARTICLE_REFERENCES[table]:
            if column in frame:
                reason = reason.fillna(frame[column].map(reason_by_article))
    dropped = reason.notna()
    held_back = frame[dropped].assign(**{QUARANTINE_REASON: reason[dropped]}).reset_index(drop=True)
    return frame[~dropped].reset_index(drop=True), held_back


# --- tables in chunks --------------------------------------------------------------------------


@dataclass
class _ChunkedCheck:
    """One expectation's results over the chunks of a table, summed."""

    check: ExpectationValidationResult  # the first chunk's (its config; patched for Data Docs)
    success: bool = True
    rows: int = 0
    failing: int = 0
    missing: int = 0
    counts_rows: bool = False  # a per-row check (else table level: columns, row count)
    examples: list[str] = field(default_factory=list)
    described: tuple[str, str | None] | None = None  # a table-level check's text (the first failing)

    def add(self, check: ExpectationValidationResult, view: pd.DataFrame) -> None:
        result = check.result or {}
        if "unexpected_count" in result and not _exception_message(check):
            self.counts_rows = True
            self.rows += result.get("element_count") or 0
            self.failing += result.get("unexpected_count") or 0
            self.missing += result.get("missing_count") or 0
            if result.get("unexpected_count") and len(self.examples) < _EXAMPLES_IN_DETAILS:
                fresh = [e for e in _examples(check, view) if e not in self.examples]
                self.examples += fresh[: _EXAMPLES_IN_DETAILS - len(self.examples)]
        elif self.described is None or (self.success and not check.success):
            self.described = _describe(check, view)
        self.success = self.success and bool(check.success)

    def outcome_text(self) -> tuple[str, str | None]:
        if not self.counts_rows:
            return self.described or ("no rows", None)
        mostly = self.check.expectation_config.kwargs.get("mostly", 1)
        return _rows_text(self.rows, self.failing, mostly, self.examples)

    def merged_success(self) -> bool:
        mostly = self.check.expectation_config.kwargs.get("mostly", 1)
        if self.counts_rows and mostly < 1:
            checked = self.rows - self.missing
            return not checked or self.failing / checked <= 1 - mostly
        return self.success


@dataclass
class _ChunkedValidation:
    table: str
    first: ExpectationSuiteValidationResult | None = None
    checks: dict[str, _ChunkedCheck] = field(default_factory=dict)
    held_back_parts: list[pd.DataFrame] = field(default_factory=list)

    def add(self, result: ExpectationSuiteValidationResult, view: pd.DataFrame) -> None:
        self.first = self.first or result
        for check in result.results:
            name = check.expectation_config.meta[CHECK_NAME]
            self.checks.setdefault(name, _ChunkedCheck(check)).add(check, view)

    def outcomes(self) -> list[ExpectationOutcome]:
        outcomes = []
        for name, merged in self.checks.items():
            config = merged.check.expectation_config
            observed, details = merged.outcome_text()
            outcomes.append(
                ExpectationOutcome(
                    suite=self.table,
                    expectation=name,
                    severity=str(getattr(config.severity, "value", config.severity)),
                    success=merged.merged_success(),
                    observed=observed,
                    details=details,
                )
            )
        return outcomes

    def merged_result(self) -> ExpectationSuiteValidationResult:
        """The first chunk's result with every check's counts and success made the whole table's."""
        assert self.first is not None
        for merged in self.checks.values():
            check = merged.check
            check.success = merged.merged_success()
            if merged.counts_rows:
                share = 100.0 * merged.failing / merged.rows if merged.rows else 0.0
                check.result.update(
                    element_count=merged.rows,
                    unexpected_count=merged.failing,
                    missing_count=merged.missing,
                    unexpected_percent=share,
                    unexpected_percent_total=share,
                )
        successes = sum(merged.merged_success() for merged in self.checks.values())
        self.first.success = successes == len(self.checks)
        self.first.statistics.update(
            successful_expectations=successes,
            unsuccessful_expectations=len(self.checks) - successes,
            success_percent=100.0 * successes / len(self.checks) if self.checks else 100.0,
        )
        return self.first

    def held_back(self) -> pd.DataFrame:
        columns = [*gate_columns(self.table), QUARANTINE_REASON]
        parts = [part for part in self.held_back_parts if len(part)]
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


def _validate_chunks(
    table: str,
    chunks: TableChunks,
    suite: gx.ExpectationSuite,
    publishable: Mapping[str, pd.DataFrame | TableChunks],
    learnt_chrome: frozenset[str],
    reason_by_article: Mapping[str, str],
) -> _ChunkedValidation:
    """Validate `table` one chunk at a time (rows of quarantined articles held back first)."""
    validation = _ChunkedValidation(table)
    empty = pd.DataFrame(columns=list(gate_columns(table)))
    for index, chunk in enumerate(chunks()):
        if index and chunk.empty:
            continue  # an empty chunk has nothing to add; the first is validated even when empty
        frame = chunk.reset_index(drop=True)
        if table in ARTICLE_REFERENCES:
            frame, held_back = _split_references(table, frame, reason_by_article)
            validation.held_back_parts.append(held_back)
        view = _table_view(table, {**publishable, table: frame}, learnt_chrome)
        validation.add(_validate(table, view, suite, _TABLE_RESULT_FORMAT), view)
    if validation.first is None:  # no chunk at all: an empty table
        view = _table_view(table, {**publishable, table: empty}, learnt_chrome)
        validation.add(_validate(table, view, suite, _TABLE_RESULT_FORMAT), view)
    return validation


# --- outcomes ----------------------------------------------------------------------------------


def _outcomes(
    result: ExpectationSuiteValidationResult, suite: str, view: pd.DataFrame, *, quarantines: bool
) -> list[ExpectationOutcome]:
    outcomes = []
    for check in result.results:
        config = check.expectation_config
        observed, details = _describe(check, view)
        if quarantines and not check.success:
            observed = f"{observed} -> quarantined"
        outcomes.append(
            ExpectationOutcome(
                suite=suite,
                expectation=config.meta[CHECK_NAME],
                severity=str(getattr(config.severity, "value", config.severity)),
                success=bool(check.success),
                observed=observed,
                details=details,
            )
        )
    return outcomes


def _describe(check: ExpectationValidationResult, view: pd.DataFrame) -> tuple[str, str | None]:
    """(observed, details) as short human text for one GX result."""
    error = _exception_message(check)
    if error:
        return f"check could not run: {error[:120]}", error
    result = check.result or {}
    kwargs = check.expectation_config.kwargs
    if "unexpected_count" in result:
        return _describe_rows(check, view)
    mismatched = (result.get("details") or {}).get("mismatched")
    if mismatched:
        text = "; ".join(f"{kind}: {', '.join(map(str, columns))}" for kind, columns in mismatched.items())
        return text, f"observed columns: {', '.join(result.get('observed_value') or [])}"
    observed = result.get("observed_value")
    if isinstance(observed, list):
        return f"{len(observed)} columns as expected", None
    if "value" in kwargs:
        return f"{_number(observed)} (expected {_number(kwargs['value'])})", None
    if "min_value" in kwargs or "max_value" in kwargs:
        bounds = f"{_number(kwargs.get('min_value'))}..{_number(kwargs.get('max_value'))}"
        return f"{_number(observed)} (allowed {bounds})", None
    return str(observed), None


def _describe_rows(check: ExpectationValidationResult, view: pd.DataFrame) -> tuple[str, str | None]:
    result = check.result
    total = result.get("element_count") or 0
    failing = result.get("unexpected_count") or 0
    examples = _examples(check, view) if failing else []
    return _rows_text(total, failing, check.expectation_config.kwargs.get("mostly", 1), examples)


def _rows_text(total: int, failing: int, mostly: float, examples: list[str]) -> tuple[str, str | None]:
    """(observed, details) of a per-row check: how many of how many rows failed, with examples."""
    if not failing:
        return f"all {total} rows pass", None
    share = failing / total if total else 0.0
    if mostly < 1:
        observed = f"{share:.1%} unexpected ({failing} of {total}; at most {1 - mostly:.0%} allowed)"
    else:
        observed = f"{failing} of {total} rows fail ({share:.1%})"
    if examples:
        observed += f"; e.g. {', '.join(examples[:_EXAMPLES_IN_OBSERVED])}"
    return observed, f"{failing} unexpected rows; examples: {'; '.join(examples[:_EXAMPLES_IN_DETAILS])}"


def _examples(check: ExpectationValidationResult, view: pd.DataFrame) -> list[str]:
    """Distinct failing values, quoted from the column named by the check (else GX's own list)."""
    result = check.result
    column = check.expectation_config.meta.get(EXAMPLES_FROM)
    indexes = result.get("partial_unexpected_index_list") or result.get("unexpected_index_list")
    if column and column in view and indexes:
        values = [view.at[index, column] for index in indexes if index in view.index]
    else:
        values = result.get("partial_unexpected_list") or []
    return list(dict.fromkeys(_short(value) for value in values))


def _exception_message(check: ExpectationValidationResult) -> str | None:
    info = check.exception_info or {}
    entries = [info] if "raised_exception" in info else list(info.values())
    messages = [
        str(entry.get("exception_message"))
        for entry in entries
        if isinstance(entry, dict) and entry.get("raised_exception")
    ]
    return "; ".join(messages) or None


def _short(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= _EXAMPLE_CHARS else text[: _EXAMPLE_CHARS - 1] + "…"


def _number(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)
