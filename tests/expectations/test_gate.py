"""The staged-batch quality gate on small hand-built batches (real GX validations, no mocks)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from expectations import ExpectationOutcome, GateResult, GateThresholds, PublishedStats, validate_batch

TODAY = date(2025, 6, 1)
THRESHOLDS = GateThresholds()


def run_gate(tables: dict, *, files_seen: int | None = None, **kwargs) -> GateResult:
    seen = len(tables["documents"]) if files_seen is None else files_seen
    kwargs.setdefault("previous", None)
    kwargs.setdefault("thresholds", THRESHOLDS)
    return validate_batch(tables, files_seen=seen, today=TODAY, **kwargs)


def outcome(result: GateResult, name: str) -> ExpectationOutcome:
    matches = [o for o in result.outcomes if o.expectation == name]
    assert len(matches) == 1, [o.expectation for o in result.outcomes]
    return matches[0]


def test_clean_batch_passes_and_publishes_everything(make_batch):
    batch = make_batch()
    result = run_gate(batch)
    assert result.passed, result.blocking
    assert result.blocking == []
    assert result.warnings == []
    for table, frame in batch.items():
        assert len(result.tables[table]) == len(frame), table
    assert result.quarantined["articles"].empty
    assert result.quarantined_documents() == {}


def test_every_outcome_has_observed_text_and_a_known_severity(make_batch):
    batch = make_batch()
    batch["articles"].loc[0, "article_id"] = batch["articles"].loc[1, "article_id"]
    for result in (run_gate(make_batch()), run_gate(batch)):
        assert result.outcomes
        for o in result.outcomes:
            assert o.observed.strip(), o
            assert o.severity in ("critical", "warning"), o


def test_duplicate_article_key_blocks(make_batch):
    batch = make_batch()
    batch["articles"].loc[2, "article_id"] = batch["articles"].loc[1, "article_id"]
    result = run_gate(batch)
    assert not result.passed
    failed = outcome(result, "articles.article_id unique")
    assert failed in result.blocking
    assert "2 of 3 rows fail" in failed.observed
    assert batch["articles"].loc[1, "article_id"] in failed.observed


def test_duplicate_compound_paragraph_key_blocks(make_batch):
    batch = make_batch()
    batch["paragraphs"].loc[1, "ordinal"] = 0
    result = run_gate(batch)
    assert outcome(result, "paragraphs.(article_id, ordinal) unique") in result.blocking


def test_dangling_foreign_key_blocks_and_names_the_missing_key(make_batch):
    batch = make_batch()
    batch["paragraphs"].loc[4, "article_id"] = "d999999999999999"
    result = run_gate(batch)
    failed = outcome(result, "paragraphs.article_id in articles.article_id")
    assert failed in result.blocking
    assert "d999999999999999" in failed.observed


def test_nullable_foreign_key_allows_null_but_not_unknown_keys(make_batch):
    batch = make_batch()
    assert batch["articles"]["publisher_id"].isna().any()
    assert run_gate(batch).passed
    batch["articles"].loc[0, "publisher_id"] = "p999999999999999"
    failed = outcome(run_gate(batch), "articles.publisher_id in publishers.publisher_id or null")
    assert not failed.success
    assert "1 of 3 rows fail" in failed.observed


def test_files_seen_mismatch_blocks(make_batch):
    batch = make_batch()
    result = run_gate(batch, files_seen=len(batch["documents"]) + 2)
    failed = outcome(result, "documents: one row per input file seen")
    assert failed in result.blocking
    assert failed.observed == f"{len(batch['documents'])} (expected {len(batch['documents']) + 2})"


def test_too_many_failed_documents_block(make_batch):
    batch = make_batch(articles=2, extra_documents=1)
    assert run_gate(batch).passed
    batch["documents"].loc[0, "status"] = "failed"  # 2 of 3 documents failed/not_article
    result = run_gate(batch)
    assert outcome(result, "documents failed/not_article share <= 0.5") in result.blocking


def test_unknown_status_blocks(make_batch):
    batch = make_batch()
    batch["documents"].loc[0, "status"] = "done"
    result = run_gate(batch)
    assert outcome(result, "documents.status in allowed set") in result.blocking


def test_future_date_quarantines_the_article_and_its_rows_but_the_batch_passes(make_batch):
    batch = make_batch(articles=3)
    future_id = batch["articles"].loc[1, "article_id"]
    batch["articles"]["published_date"] = batch["articles"]["published_date"].astype(object)
    batch["articles"].loc[1, "published_date"] = date(2031, 5, 1)
    result = run_gate(batch)

    assert result.passed, result.blocking
    date_check = outcome(result, f"articles.published_date between {THRESHOLDS.earliest_date} and {TODAY}")
    assert not date_check.success
    assert date_check.severity == "warning"
    assert "quarantined" in date_check.observed

    quarantined = result.quarantined["articles"]
    assert list(quarantined["article_id"]) == [future_id]
    assert {"article_id", "document_id", "quarantine_reason"} <= set(quarantined.columns)
    assert "2031-05-01" in quarantined.loc[0, "quarantine_reason"]
    assert result.quarantined_documents() == {future_id: quarantined.loc[0, "quarantine_reason"]}

    assert future_id not in set(result.tables["articles"]["article_id"])
    assert future_id not in set(result.tables["paragraphs"]["article_id"])
    assert len(result.tables["paragraphs"]) == len(batch["paragraphs"]) - 3
    assert set(result.quarantined["paragraphs"]["article_id"]) == {future_id}
    assert future_id not in set(result.tables["quotes"]["article_id"])
    assert future_id not in set(result.tables["article_authors"]["article_id"])
    # documents stay: the caller marks the quarantined one, every file is still accounted for
    assert len(result.tables["documents"]) == len(batch["documents"])


def test_quarantined_duplicate_target_takes_its_duplicate_link_along(make_batch):
    batch = make_batch(articles=3)
    target = batch["duplicates"].loc[0, "duplicate_of"]
    batch["articles"].loc[batch["articles"]["article_id"] == target, "word_count"] = 5
    result = run_gate(batch)
    assert result.passed
    assert list(result.quarantined["articles"]["article_id"]) == [target]
    assert result.tables["duplicates"].empty
    assert list(result.quarantined["duplicates"]["duplicate_of"]) == [target]


def test_dates_before_earliest_and_unparseable_dates_are_quarantined(make_batch):
    batch = make_batch(articles=4)
    batch["articles"]["published_date"] = batch["articles"]["published_date"].astype(object)
    batch["articles"].loc[0, "published_date"] = date(1970, 1, 1)
    batch["articles"].loc[1, "published_date"] = "not a date"
    batch["articles"].loc[2, "published_date"] = None
    result = run_gate(batch)
    assert result.passed
    ids = batch["articles"]["article_id"]
    assert set(result.quarantined["articles"]["article_id"]) == {ids[0], ids[1]}
    assert not outcome(result, "articles.published_date is a date").success


def test_leaked_chrome_gives_a_warning_with_count_and_examples(make_batch):
    batch = make_batch()
    batch["paragraphs"].loc[0, "text"] = "Share this article on social media"
    batch["paragraphs"].loc[2, "text"] = "Readers can share this article with colleagues, the editor said."
    batch["paragraphs"].loc[4, "text"] = "  HOME |   news "
    result = run_gate(
        batch,
        chrome_patterns=[re.compile(r"share this(?: article)?(?: on social media)?\.?", re.IGNORECASE)],
        chrome_lines=["Home | News"],
    )
    assert result.passed
    # whole-line patterns: the sentence that merely contains the phrase is article text
    pattern_check = outcome(result, "paragraphs.text is none of 1 whole-line chrome patterns")
    assert pattern_check.severity == "warning" and not pattern_check.success
    assert "1 of 9 rows fail" in pattern_check.observed
    assert "Share this article" in pattern_check.observed
    line_check = outcome(result, "paragraphs.text is not a learnt chrome line")
    assert line_check.severity == "warning" and not line_check.success
    assert "HOME" in line_check.observed
    assert {pattern_check, line_check} <= set(result.warnings)


def test_drift_against_the_last_publish_warns_without_blocking(make_batch):
    batch = make_batch(articles=3)
    previous = PublishedStats(articles=300, documents=4, mean_words=36.0)
    result = run_gate(batch, previous=previous)
    assert result.passed
    drift = outcome(result, "articles row count within x3 of last publish (300)")
    assert drift.severity == "warning" and not drift.success
    assert drift.observed == "3 (allowed 100..900)"
    assert outcome(result, "documents row count within x3 of last publish (4)").success
    assert outcome(result, "articles mean word_count within x3 of last publish (36)").success


def test_missing_table_and_missing_column_block(make_batch):
    batch = make_batch()
    del batch["people"]
    batch["quotes"] = batch["quotes"].drop(columns=["resolution"])
    result = run_gate(batch)
    assert outcome(result, "staged tables complete") in result.blocking
    schema = outcome(result, "quotes columns match warehouse/schema.sql")
    assert schema in result.blocking
    assert "resolution" in schema.observed


def test_data_docs_are_written_offline(make_batch, tmp_path: Path):
    result = run_gate(make_batch(), data_docs_dir=tmp_path / "docs")
    assert result.data_docs_index == tmp_path / "docs" / "index.html"
    index = result.data_docs_index.read_text(encoding="utf-8")
    assert "articles_row_level" in index
    assert list((tmp_path / "docs" / "validations").rglob("*.html"))


@pytest.mark.parametrize("table", ["documents", "paragraphs"])
def test_inputs_are_not_modified(make_batch, table: str):
    batch = make_batch()
    before = batch[table].copy()
    run_gate(batch)
    pd.testing.assert_frame_equal(batch[table], before)


@pytest.mark.slow
def test_ten_thousand_articles_quarantine_exactly_the_bad_one(make_batch):
    batch = make_batch(articles=10_000, paragraphs_per_article=10, extra_documents=500)
    batch["articles"].loc[123, "word_count"] = 5
    chrome = [re.compile(rf"^share this {n}\b", re.IGNORECASE) for n in range(30)]
    result = run_gate(batch, chrome_patterns=chrome, chrome_lines=[f"chrome line {n}" for n in range(500)])
    assert result.passed, result.blocking
    assert list(result.quarantined["articles"]["article_id"]) == [batch["articles"].loc[123, "article_id"]]
    assert len(result.tables["paragraphs"]) == 100_000 - 10


def _in_chunks(frame: pd.DataFrame, key: str, parts: int):
    """`frame` as TableChunks: rows split by their `key` value, as the staging store cuts them."""
    keys = sorted(set(frame[key]))
    chunk_of = {value: index % parts for index, value in enumerate(keys)}

    def chunks():
        for part in range(parts):
            yield frame[frame[key].map(chunk_of) == part]

    return chunks


def _outcome_texts(result: GateResult) -> list[tuple]:
    return sorted((o.suite, o.expectation, o.success, o.observed) for o in result.outcomes)


def test_tables_in_chunks_give_the_outcomes_of_whole_tables(make_batch):
    batch = make_batch(articles=6)
    batch["articles"].loc[1, "word_count"] = 5  # quarantined with its paragraphs and quotes
    paragraphs = batch["paragraphs"]
    rows = paragraphs.index[paragraphs["article_id"] == batch["articles"].loc[4, "article_id"]]
    paragraphs.loc[rows[1], "ordinal"] = paragraphs.loc[rows[0], "ordinal"]  # a repeated key
    paragraphs.loc[rows[2], "text"] = "Share this article"
    chrome = [re.compile(r"share this article", re.IGNORECASE)]
    whole = run_gate(batch, chrome_patterns=chrome)
    chunked = dict(batch)
    chunked["paragraphs"] = _in_chunks(batch["paragraphs"], "article_id", parts=4)
    chunked["quotes"] = _in_chunks(batch["quotes"], "quote_id", parts=3)
    in_chunks = run_gate(chunked, files_seen=len(batch["documents"]), chrome_patterns=chrome)

    assert _outcome_texts(in_chunks) == _outcome_texts(whole)
    assert not in_chunks.passed  # the repeated paragraph key blocks, as it does on the whole table
    assert "2 of 15 rows fail" in outcome(in_chunks, "paragraphs.(article_id, ordinal) unique").observed
    for table in ("paragraphs", "quotes"):
        assert "quarantine_reason" in in_chunks.quarantined[table]
        assert sorted(map(tuple, in_chunks.quarantined[table].astype(str).values)) == sorted(
            map(tuple, whole.quarantined[table].astype(str).values)
        )
        assert table not in in_chunks.tables


def test_a_table_in_no_chunks_is_validated_as_empty(make_batch):
    batch = make_batch()
    batch["quotes"] = lambda: iter(())
    result = run_gate(batch)
    assert outcome(result, "quotes.quote_id unique").observed == "all 0 rows pass"
