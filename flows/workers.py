"""What a worker process runs: extraction and row building for one chunk of a batch, and the
duplicate linking and the quality gate of a whole staging file.

Kept apart from flows/pipeline.py so spawned workers import only the transforms and the store (not
Prefect or Great Expectations), and return compact Arrow tables rather than thousands of small objects.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from expectations import GateThresholds, GateVerdict, PublishedStats
from flows.store import GATE_MEMORY_LIMIT, Staging
from transforms.chrome_leaks import leak_patterns
from transforms.duplicates import find_duplicates
from transforms.extract import PreparedDocument, extract_prepared
from transforms.model import SiteChrome
from transforms.normalise import SourceFile, normalise_batch
from transforms.sitechrome import chrome_lines


def extract_rows(chunk: Sequence[tuple[SourceFile, PreparedDocument]]) -> dict[str, pa.Table]:
    """Extract a chunk of prepared documents; their rows for every table, as Arrow tables."""
    extractions = extract_prepared([prepared for _, prepared in chunk])
    rows = normalise_batch(
        (source, prepared.doc.format, prepared.doc.encoding, extraction)
        for (source, prepared), extraction in zip(chunk, extractions, strict=True)
    )
    return {name: pa.Table.from_pylist(table) for name, table in rows.tables.items() if table}


def link_staged_duplicates(staging_path: Path) -> int:
    """Link exact and near copies across the staging file's articles; mark the copies' documents.

    Run in a process of its own, which has the staging file to itself meanwhile: what duplicate
    detection keeps (a signature per distinct body, the vocabulary) goes with the process instead
    of staying in the flow's heap for the stages after it.
    """
    staging = Staging(staging_path, fresh=False)
    try:
        links = find_duplicates(
            ((path, title or "", body) for path, title, body in staging.stream_articles()),
            staging.read_bodies,
        )
        duplicate_links = pa.table(
            {
                "path": pa.array([link.name for link in links], pa.string()),
                "original": pa.array([link.duplicate_of for link in links], pa.string()),
                "kind": pa.array([link.kind for link in links], pa.string()),
                "similarity": pa.array([link.similarity for link in links], pa.float64()),
            }
        )
        staging.run_sql("stage_duplicates", duplicate_links=duplicate_links)
    finally:
        staging.close()
    return len(links)


def validate_staging(
    staging_path: Path,
    files_seen: int,
    previous: PublishedStats | None,
    chrome: SiteChrome,
    thresholds: GateThresholds,
    data_docs_dir: Path,
) -> GateVerdict:
    """Validate the staged tables with the quality gate and mark the articles it quarantines.

    Run in a process of its own, like duplicate linking: Great Expectations (about 250 MiB once
    imported) and the frames it validates go with the process, and the flow's process never
    imports GX at all.
    """
    # Here, not at the top: extraction workers import this module too, and they never validate.
    from expectations import validate_batch
    from expectations.suites import (
        CHROME_CHECK_MAX_CHARS,
        GATE_CHUNK_ROWS,
        GATE_CHUNKED_TABLES,
        GATE_OMITTED_COLUMNS,
    )

    staging = Staging(staging_path, fresh=False, memory_limit=GATE_MEMORY_LIMIT)
    try:
        frames = staging.gate_frames(
            GATE_OMITTED_COLUMNS, CHROME_CHECK_MAX_CHARS, GATE_CHUNKED_TABLES, GATE_CHUNK_ROWS
        )
        verdict = validate_batch(
            frames,
            files_seen=files_seen,
            previous=previous,
            thresholds=thresholds,
            chrome_patterns=leak_patterns(),
            chrome_lines={line for site in chrome.lines for line in chrome_lines(chrome, site)},
            data_docs_dir=data_docs_dir,
        ).verdict()
        del frames
        quarantined = pd.DataFrame(
            list(verdict.quarantined_documents.items()), columns=["document_id", "reason"], dtype="string"
        )
        staging.run_sql("apply_quarantine", quarantined=quarantined)
    finally:
        staging.close()
    return verdict


def write_shards(tables: Mapping[str, pa.Table], directory: Path, stem: str) -> dict[str, Path]:
    """Write each table's rows to `<directory>/<table>/<stem>.parquet`; their paths, per table.

    For workers on other machines: the flow's process (the single writer) loads the shards, so
    rows never travel back through the Dask scheduler; `directory` must be reachable by both.
    """
    paths = {}
    for name, table in tables.items():
        path = directory / name / f"{stem}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, path)
        paths[name] = path
    return paths


def exit_with_parent(parent_pid: int) -> None:
    """Pool initializer: end this worker when the flow's process is gone (even after SIGKILL).

    Workers hold the task queue's write end themselves, so they would otherwise wait on it forever.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
