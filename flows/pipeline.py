"""The pipeline flow: ingest -> extract in batches -> stage -> validate -> publish -> report.

Thin: every decision about text lives in `transforms/`, every SQL statement in `warehouse/`,
every expectation in `expectations/`. Work is batched (thousands of documents per task).
Incremental: only new or changed files (by content hash) are extracted; the published rows of
the others are carried over, so an unchanged inbox is a no-op. A file listed with the path, size
and mtime it was published with is taken as unchanged without being read (settings.trust_file_stats).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.states import Completed, Failed, State
from prefect.utilities.annotations import quote

from expectations import GateThresholds, GateVerdict, PublishedStats
from flows.inbox import (
    ChangePlan,
    InboxFile,
    current_digests,
    load_document,
    plan_changes,
    scan_inbox,
    trusted_stats,
)
from flows.report import publish_report
from flows.settings import Settings
from flows.store import (
    PublishedState,
    Staging,
    WarehouseError,
    log_run,
    publish,
    read_published_state,
    run_lock,
)
from flows.workers import exit_with_parent, extract_rows, link_staged_duplicates, validate_staging
from transforms.extract import PreparedDocument, prepare_documents
from transforms.model import SiteChrome
from transforms.normalise import SourceFile


@dataclass(slots=True)
class RunSummary:
    run_id: str
    status: str  # published | blocked | unchanged
    mode: str  # full | incremental
    db_path: Path
    files_seen: int
    files_processed: int
    files_deleted: int
    files_read_to_compare: int  # published files read because their size or mtime changed
    statuses: dict[str, int]
    checks_passed: int
    checks_failed: int
    reason: str | None = None
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> documents, for the console
    stage_seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0


@dataclass(slots=True)
class StageClock:
    """Wall seconds per pipeline stage, for the run log and the scale benchmark."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = round(self.seconds.get(name, 0.0) + time.perf_counter() - started, 3)


def peak_rss_mb() -> float:
    """Peak resident memory of this process and of its largest finished child, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def show_progress(done: int, total: int) -> None:
    """A one-line progress bar on an interactive terminal (scheduled runs have the UI artifact)."""
    if not total or not sys.stderr.isatty():
        return
    filled = 30 * done // total
    end = "\n" if done == total else ""
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} files extracted{end}")
    sys.stderr.flush()


@contextmanager
def extraction_workers(workers: int, settings: Settings) -> Iterator[tuple[Callable, int]]:
    """A `map` over worker processes or Dask (and how many chunks to cut a batch into), or built-in `map`."""
    if workers <= 1:
        yield map, 1
        return
    if settings.executor == "dask":
        from flows.dask_runner import dask_extraction  # Dask takes a second to import: only when chosen

        with dask_extraction(settings, workers) as dask_map:
            yield dask_map
        return
    # spawn, not fork: the flow's process runs Prefect's threads and event loop
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
        yield pool.map, workers * 2


@dataclass(slots=True)
class BatchOutput:
    parts: list[dict[str, pa.Table | Path]]  # rows or Parquet shards per table, one dict per chunk, in order
    chrome: SiteChrome


@dataclass(slots=True)
class Survey:
    """What is in the inbox against the last publish: the run's plan."""

    files: list[InboxFile]
    previous: PublishedState | None
    incremental: bool
    plan: ChangePlan
    listed: list[tuple[str, int, int]]  # trusted (path, size, mtime_ns) of this listing
    files_read: int  # published files read to compare, their size or mtime having changed


@task(cache_policy=NO_CACHE)
def survey_inbox(settings: Settings, full_refresh: bool) -> Survey:
    """List the inbox, read the last publish's state, and plan what to extract, keep and drop.

    One task returning one object: Prefect visits every item of a task's collection parameters
    and of its returned collections, seconds for 100k files.
    """
    listed_at_ns = time.time_ns()
    files = scan_inbox(settings.inbox)
    previous = read_published_state(settings.db_path)
    incremental = previous is not None and not full_refresh
    published = previous.fingerprints if incremental else {}
    stats = previous.file_stats if incremental and settings.trust_file_stats else {}
    hashes, files_read = current_digests(files, published, stats, settings.max_file_bytes)
    plan = plan_changes(files, hashes, published)
    return Survey(files, previous, incremental, plan, trusted_stats(files, listed_at_ns), files_read)


@task(cache_policy=NO_CACHE)
def prepare_batch(
    files: Sequence[InboxFile], chrome: SiteChrome, max_file_bytes: int
) -> tuple[list[tuple[SourceFile, PreparedDocument]], SiteChrome]:
    """Read and decode a batch and learn its sites: its documents ready to extract, the chrome learnt."""
    sources, docs = [], []
    for file in files:
        raw, doc = load_document(file, max_file_bytes)
        sources.append(SourceFile(file.relative, raw.sha256, raw.size))
        docs.append(doc)
    prepared, chrome = prepare_documents(docs, chrome)
    return list(zip(sources, prepared, strict=True)), chrome


def extract_batch(
    files: Sequence[InboxFile],
    chrome: SiteChrome,
    max_file_bytes: int,
    map_chunks: Callable,
    chunks: int,
) -> BatchOutput:
    """Prepare a batch, extract its chunks via `map_chunks`: rows per table.

    The chunks are mapped from the flow, not from inside a task, so that on Dask they are task
    runs of the flow (a task submitted from a task would ship its parent's parameters along).
    """
    # quote: Prefect would otherwise visit every learnt chrome line of every site, per batch
    items, chrome = prepare_batch(quote(files), quote(chrome), max_file_bytes)
    size = max(1, -(-len(items) // chunks))
    parts = list(map_chunks(extract_rows, [items[i : i + size] for i in range(0, len(items), size)]))
    return BatchOutput(parts, chrome)


def _in_own_process(staging: Staging, function: Callable[..., Any], *args: Any) -> Any:
    """`function(staging.path, *args)` in a spawned process, which has the staging file to itself
    meanwhile; what it holds in memory goes with it."""
    staging.close()
    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, context, initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
            return pool.submit(function, staging.path, *args).result()
    finally:
        staging.reopen()


@task(cache_policy=NO_CACHE)
def link_duplicates(staging: Staging) -> int:
    """Link exact and near copies across the whole staged corpus; mark the copies' documents."""
    return _in_own_process(staging, link_staged_duplicates)


@task(cache_policy=NO_CACHE)
def validate_staged(
    staging: Staging, files_seen: int, previous: PublishedState | None, chrome: SiteChrome, settings: Settings
) -> GateVerdict:
    """The quality gate on the staged tables; the articles it quarantines are marked in staging."""
    return _in_own_process(
        staging,
        validate_staging,
        files_seen,
        PublishedStats(previous.articles, previous.documents, previous.mean_words) if previous else None,
        chrome,
        GateThresholds(
            max_failed_share=settings.max_failed_share,
            min_words=settings.min_words,
            max_words=settings.max_words,
        ),
        settings.data_docs_folder,
    )


@task(cache_policy=NO_CACHE)
def publish_staged(db_path: Path, staging_path: Path, run_row: dict, quality_rows: list[dict]) -> None:
    publish(db_path, staging_path, run_row, quality_rows)


@flow(name="article-pipeline", log_prints=False)
def run_pipeline(inbox: Path | None = None, db_path: Path | None = None, full_refresh: bool = False) -> State:
    """Process the files under `inbox` into the warehouse at `db_path` (defaults from settings).

    Only new or changed files are extracted unless `full_refresh` rebuilds everything.
    """
    overrides = {k: v for k, v in {"inbox": inbox, "db_path": db_path}.items() if v is not None}
    settings = Settings(**overrides)
    try:
        with run_lock(settings.db_path):
            return _run(settings, full_refresh)
    except WarehouseError as exc:
        get_run_logger().error("%s", exc)
        return Failed(message=str(exc))


def _run(settings: Settings, full_refresh: bool) -> State:
    logger = get_run_logger()
    clock = StageClock()
    started_at = datetime.now(UTC)
    run_id = uuid.uuid4().hex[:16]
    flow_run = get_run_context().flow_run

    with clock.stage("ingest"):
        survey = survey_inbox(settings, full_refresh)
    files, previous, incremental, plan = survey.files, survey.previous, survey.incremental, survey.plan
    listed, files_read = survey.listed, survey.files_read
    mode = "incremental" if incremental else "full"
    logger.info(
        "%d files in %s: %d to extract, %d unchanged, %d deleted (%s run; %d read to compare)",
        len(files), settings.inbox, len(plan.to_extract), len(plan.kept), len(plan.deleted), mode, files_read,
    )  # fmt: skip
    run_row = {
        "run_id": run_id,
        "flow_run_id": str(flow_run.id) if flow_run else None,
        "started_at": started_at,
        "mode": mode,
        "inbox": str(settings.inbox),
        "files_seen": len(files),
        "files_processed": len(plan.to_extract),
        "files_deleted": len(plan.deleted),
    }
    if incremental and not plan.to_extract and not plan.deleted:
        return _unchanged(settings, run_row, previous, listed, clock, files_read)

    # A full rebuild sees every document again, so it learns site chrome from scratch (counting
    # pages already counted would inflate the learnt chrome run after run).
    chrome = previous.chrome if incremental else SiteChrome()
    staging = Staging(settings.staging_file)
    try:
        if incremental:
            with clock.stage("carry_over"):
                staging.carry_over(settings.db_path, plan.kept)
        size = settings.batch_size
        batches = [plan.to_extract[i : i + size] for i in range(0, len(plan.to_extract), size)]
        progress = create_progress_artifact(0.0, key="article-pipeline-progress", description="Extraction")
        workers = settings.workers if len(plan.to_extract) >= settings.parallel_min_documents else 1
        with extraction_workers(workers, settings) as (map_chunks, chunks):
            for done, batch in enumerate(batches, start=1):
                with clock.stage("extract"):
                    output = extract_batch(batch, chrome, settings.max_file_bytes, map_chunks, chunks)
                with clock.stage("load"):
                    for part in output.parts:
                        staging.append(part)
                chrome = output.chrome
                update_progress_artifact(progress, 100.0 * done / len(batches))
                show_progress(min(done * size, len(plan.to_extract)), len(plan.to_extract))
                logger.info(
                    "Extracted batch %d/%d (%d files, %d workers)", done, len(batches), len(batch), workers
                )
        with clock.stage("load"):
            staging.replace_site_chrome(chrome)
            staging.run_sql("stage_prune")
            staging.run_sql("stage_inbox_files", listed=_stats_table(listed))
        with clock.stage("duplicates"):
            link_duplicates(staging)
        with clock.stage("validate"):
            gate = validate_staged(staging, len(files), quote(previous), quote(chrome), settings)
            removed_reasons = staging.removed_line_reasons()
            documents, articles = staging.outcome()
    finally:
        staging.close()

    statuses = {str(k): int(v) for k, v in documents["status"].value_counts().items()}
    failed_checks = [o for o in gate.outcomes if not o.success]
    reason = None if gate.passed else "; ".join(f"{o.expectation}: {o.observed}" for o in gate.blocking)
    run_row |= {
        "finished_at": datetime.now(UTC),
        "status": "published" if gate.passed else "blocked",
        "articles_published": articles if gate.passed else 0,
        "not_articles": statuses.get("not_article", 0),
        "duplicates": statuses.get("duplicate", 0),
        "quarantined": statuses.get("quarantined", 0),
        "failed": statuses.get("failed", 0),
        "checks_passed": len(gate.outcomes) - len(failed_checks),
        "checks_failed": len(failed_checks),
        "reason": reason,
        "stage_seconds": json.dumps(clock.seconds),
        "peak_rss_mb": peak_rss_mb(),
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
    with clock.stage("publish"):
        if gate.passed:
            publish_staged(settings.db_path, settings.staging_file, run_row, quality_rows)
            # A blocked batch's staging file stays for inspection (the quarantine, the failed rows).
            staging.remove()
        else:
            log_run(settings.db_path, run_row, quality_rows)

    skipped = documents[documents["status"] != "published"].groupby("reason", dropna=False).size()
    summary = _summary(
        settings, run_row, statuses, {str(k): int(v) for k, v in skipped.items()}, clock, files_read
    )
    publish_report(summary, gate, removed_reasons)
    logger.info("Stage seconds: %s; peak RSS %.0f MiB", clock.seconds, summary.peak_rss_mb)
    if not gate.passed:
        logger.error("Quality gate blocked the publish: %s", reason)
        return Failed(message=f"Quality gate blocked the publish: {reason}", data=summary)
    return Completed(message=f"Published {articles} articles", data=summary)


def _stats_table(listed: list[tuple[str, int, int]]) -> pa.Table:
    paths, sizes, mtimes = zip(*listed, strict=True) if listed else ((), (), ())
    return pa.table(
        {
            "path": pa.array(paths, pa.string()),
            "size_bytes": pa.array(sizes, pa.int64()),
            "mtime_ns": pa.array(mtimes, pa.int64()),
        }
    )


def _unchanged(
    settings: Settings,
    run_row: dict,
    previous: PublishedState,
    listed: list[tuple[str, int, int]],
    clock: StageClock,
    files_read: int,
) -> State:
    """Nothing new in the inbox: log the run, publish nothing.

    Files that were read only because their stats changed (touched, copied) get their new stats
    recorded, so the next run does not read them again.
    """
    stats_changed = {path: (size, mtime) for path, size, mtime in listed} != previous.file_stats
    run_row |= {
        "finished_at": datetime.now(UTC),
        "status": "unchanged",
        "articles_published": 0,
        "not_articles": 0,
        "duplicates": 0,
        "quarantined": 0,
        "failed": 0,
        "checks_passed": 0,
        "checks_failed": 0,
        "reason": "no new or changed files",
        "stage_seconds": json.dumps(clock.seconds),
        "peak_rss_mb": peak_rss_mb(),
    }
    log_run(settings.db_path, run_row, [], _stats_table(listed) if stats_changed else None)
    summary = _summary(settings, run_row, {"unchanged": previous.documents}, {}, clock, files_read)
    return Completed(message="Inbox unchanged: nothing to publish", data=summary)


def _summary(
    settings: Settings,
    run_row: dict,
    statuses: dict[str, int],
    skipped: dict[str, int],
    clock: StageClock,
    files_read: int,
) -> RunSummary:
    return RunSummary(
        run_id=run_row["run_id"],
        status=run_row["status"],
        mode=run_row["mode"],
        db_path=settings.db_path,
        files_seen=run_row["files_seen"],
        files_processed=run_row["files_processed"],
        files_deleted=run_row["files_deleted"],
        files_read_to_compare=files_read,
        statuses=statuses,
        checks_passed=run_row["checks_passed"],
        checks_failed=run_row["checks_failed"],
        reason=run_row["reason"],
        skipped=skipped,
        stage_seconds=clock.seconds,
        peak_rss_mb=run_row["peak_rss_mb"],
    )
