"""The pipeline flow: ingest -> extract in batches -> stage -> validate -> publish -> report.

Thin: every decision about text lives in `transforms/`, every SQL statement in `warehouse/`,
every expectation in `expectations/`. Work is batched (thousands of documents per task).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.states import Completed, Failed, State

from expectations import GateResult, GateThresholds, PublishedStats, validate_batch
from flows.inbox import InboxFile, read_file, scan_inbox
from flows.report import publish_report
from flows.settings import Settings
from flows.store import PublishedState, Staging, log_blocked_run, publish, read_published_state, run_lock
from transforms.chrome_leaks import leak_patterns
from transforms.decode import decode_document
from transforms.duplicates import find_duplicates
from transforms.extract import extract_documents
from transforms.model import FORMAT_UNREADABLE, DecodedDocument, SiteChrome
from transforms.normalise import SourceFile, TableRows, normalise_batch
from transforms.sitechrome import chrome_lines
from warehouse import sql


@dataclass(slots=True)
class RunSummary:
    run_id: str
    status: str  # published | blocked
    db_path: Path
    files_seen: int
    statuses: dict[str, int]
    checks_passed: int
    checks_failed: int
    reason: str | None = None
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> documents, for the console


@dataclass(slots=True)
class BatchOutput:
    rows: TableRows
    chrome: SiteChrome


@task(cache_policy=NO_CACHE)
def list_inbox(inbox: Path) -> list[InboxFile]:
    return scan_inbox(inbox)


@task(cache_policy=NO_CACHE)
def load_published_state(db_path: Path) -> PublishedState | None:
    return read_published_state(db_path)


@task(cache_policy=NO_CACHE)
def extract_batch(files: Sequence[InboxFile], chrome: SiteChrome, max_file_bytes: int) -> BatchOutput:
    """Read, decode and extract one batch of files; rows for every table."""
    sources, docs = [], []
    for file in files:
        raw = read_file(file, max_file_bytes)
        name = file.relative.rsplit("/", 1)[-1]
        if raw.data is None:
            doc = DecodedDocument(name, "", FORMAT_UNREADABLE, None, raw.problem)
        else:
            doc = decode_document(name, raw.data, max_file_bytes)
        sources.append(SourceFile(file.relative, raw.sha256, raw.size))
        docs.append(doc)
    result = extract_documents(docs, chrome)
    rows = normalise_batch(
        (source, doc.format, doc.encoding, extraction)
        for source, doc, extraction in zip(sources, docs, result.extractions, strict=True)
    )
    return BatchOutput(rows, result.chrome)


@task(cache_policy=NO_CACHE)
def link_duplicates(staging: Staging) -> int:
    """Link exact and near copies across the whole run; mark the copies' documents."""
    articles = staging.con.execute(
        "SELECT d.path, a.title, a.body FROM articles a JOIN documents d USING (document_id) ORDER BY d.path"
    ).fetchall()
    links = find_duplicates([(path, title or "", body) for path, title, body in articles])
    if not links:
        return 0
    duplicate_links = pd.DataFrame(  # noqa: F841 - read by name by DuckDB
        [(link.name, link.duplicate_of, link.kind, link.similarity) for link in links],
        columns=["path", "original", "kind", "similarity"],
    )
    staging.con.execute(sql("stage_duplicates"))
    return len(links)


@task(cache_policy=NO_CACHE)
def validate_staged(
    frames: dict[str, pd.DataFrame],
    files_seen: int,
    previous: PublishedState | None,
    chrome: SiteChrome,
    settings: Settings,
) -> GateResult:
    learnt = {line for site in chrome.lines for line in chrome_lines(chrome, site)}
    return validate_batch(
        frames,
        files_seen=files_seen,
        previous=PublishedStats(previous.articles, previous.documents, previous.mean_words)
        if previous
        else None,
        thresholds=GateThresholds(
            max_failed_share=settings.max_failed_share,
            min_words=settings.min_words,
            max_words=settings.max_words,
        ),
        chrome_patterns=leak_patterns(),
        chrome_lines=learnt,
        data_docs_dir=settings.data_docs_folder,
    )


def _apply_quarantine(gate: GateResult) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """The tables to publish, with quarantined documents marked as such."""
    tables = dict(gate.tables)
    quarantined = gate.quarantined.get("articles", pd.DataFrame())
    if len(quarantined):
        documents = tables["documents"].copy()
        reasons = dict(zip(quarantined["document_id"], quarantined["quarantine_reason"], strict=True))
        hit = documents["document_id"].isin(reasons)
        documents.loc[hit, "status"] = "quarantined"
        documents.loc[hit, "reason"] = documents.loc[hit, "document_id"].map(reasons)
        tables["documents"] = documents
    return tables, quarantined


@task(cache_policy=NO_CACHE)
def publish_tables(
    db_path: Path,
    tables: dict[str, pd.DataFrame],
    quarantine: pd.DataFrame,
    run_row: dict,
    quality_rows: list,
) -> None:
    publish(db_path, tables, quarantine, run_row, quality_rows)


@flow(name="article-pipeline", log_prints=False)
def run_pipeline(inbox: Path | None = None, db_path: Path | None = None) -> State:
    """Process every file under `inbox` into the warehouse at `db_path` (defaults from settings)."""
    overrides = {k: v for k, v in {"inbox": inbox, "db_path": db_path}.items() if v is not None}
    settings = Settings(**overrides)
    with run_lock(settings.db_path):
        return _run(settings)


def _run(settings: Settings) -> State:
    logger = get_run_logger()
    started_at = datetime.now(UTC)
    run_id = uuid.uuid4().hex[:16]
    flow_run = get_run_context().flow_run

    files = list_inbox(settings.inbox)
    previous = load_published_state(settings.db_path)
    # A full rebuild sees every document again, so it learns site chrome from scratch
    # (counting pages already counted would inflate the learnt chrome run after run).
    chrome = SiteChrome()
    logger.info("%d files in %s", len(files), settings.inbox)

    staging = Staging(settings.staging_file)
    try:
        batches = [files[i : i + settings.batch_size] for i in range(0, len(files), settings.batch_size)]
        progress = create_progress_artifact(0.0, key="article-pipeline-progress", description="Extraction")
        for done, batch in enumerate(batches, start=1):
            output = extract_batch(batch, chrome, settings.max_file_bytes)
            staging.append(output.rows.tables)
            chrome = output.chrome
            update_progress_artifact(progress, 100.0 * done / len(batches))
        staging.append(
            {
                "site_chrome": [
                    {"site_key": site, "line": line, "documents": count}
                    for site, lines in sorted(chrome.lines.items())
                    for line, count in sorted(lines.items())
                ]
            }
        )
        link_duplicates(staging)
        frames = staging.frames()
    finally:
        staging.close()

    gate = validate_staged(frames, len(files), previous, chrome, settings)
    tables, quarantine = _apply_quarantine(gate)
    statuses = tables["documents"]["status"].value_counts().to_dict()
    failed_checks = [o for o in gate.outcomes if not o.success]
    reason = None if gate.passed else "; ".join(f"{o.expectation}: {o.observed}" for o in gate.blocking)
    run_row = {
        "run_id": run_id,
        "flow_run_id": str(flow_run.id) if flow_run else None,
        "started_at": started_at,
        "finished_at": datetime.now(UTC),
        "status": "published" if gate.passed else "blocked",
        "inbox": str(settings.inbox),
        "files_seen": len(files),
        "articles_published": len(tables["articles"]) if gate.passed else 0,
        "not_articles": statuses.get("not_article", 0),
        "duplicates": statuses.get("duplicate", 0),
        "quarantined": statuses.get("quarantined", 0),
        "failed": statuses.get("failed", 0),
        "checks_passed": len(gate.outcomes) - len(failed_checks),
        "checks_failed": len(failed_checks),
        "reason": reason,
    }
    quality_rows = [
        {
            "run_id": run_id,
            "suite": o.suite,
            "expectation": o.expectation,
            "severity": o.severity,
            "success": o.success,
            "observed": o.observed,
            "details": o.details,
        }
        for o in gate.outcomes
    ]
    if gate.passed:
        publish_tables(settings.db_path, tables, quarantine, run_row, quality_rows)
    else:
        log_blocked_run(settings.db_path, run_row, quality_rows)

    docs = tables["documents"]
    skipped = docs[docs["status"] != "published"].groupby("reason", dropna=False).size().to_dict()
    summary = RunSummary(
        run_id=run_id,
        status=run_row["status"],
        db_path=settings.db_path,
        files_seen=len(files),
        statuses={str(k): int(v) for k, v in statuses.items()},
        checks_passed=run_row["checks_passed"],
        checks_failed=run_row["checks_failed"],
        reason=reason,
        skipped={str(k): int(v) for k, v in skipped.items()},
    )
    publish_report(summary, gate, tables)
    if not gate.passed:
        logger.error("Quality gate blocked the publish: %s", reason)
        return Failed(message=f"Quality gate blocked the publish: {reason}", data=summary)
    return Completed(message=f"Published {len(tables['articles'])} articles", data=summary)
