"""Extraction on Dask (`ARTICLE_ETL_EXECUTOR=dask`): a batch's chunks run as Prefect tasks through
prefect-dask's DaskTaskRunner, on a LocalCluster or the cluster at `ARTICLE_ETL_DASK_ADDRESS`.

Each chunk task writes its rows as Parquet shards under a run-specific folder and returns their
paths; the flow's process stays the single writer and loads them into staging (DuckDB).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from pathlib import Path

import pyarrow as pa
from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect_dask import DaskTaskRunner

from flows.settings import Settings
from flows.workers import write_shards


@task(cache_policy=NO_CACHE)
def extract_chunk_shards(
    extract: Callable[[Sequence], dict[str, pa.Table]], chunk: Sequence, directory: Path, stem: str
) -> dict[str, Path]:
    """Run `extract` on one chunk on a Dask worker; the Parquet shards of its rows, per table."""
    return write_shards(extract(chunk), directory, stem)


def dask_task_runner(settings: Settings, workers: int) -> DaskTaskRunner:
    """The cluster at `dask_address`, or a LocalCluster of `workers` single-threaded processes."""
    if settings.dask_address:
        return DaskTaskRunner(address=settings.dask_address)
    # One thread per worker: extraction is pure Python, threads would only share one GIL.
    cluster = {"n_workers": workers, "threads_per_worker": 1, "dashboard_address": None}
    return DaskTaskRunner(cluster_kwargs=cluster)


def remove_stale_shards(folder: Path) -> None:
    """Delete the run folders a killed run left in `folder`. The flow opens its staging file (and
    holds DuckDB's lock on it) before extracting, so runs of one warehouse take turns and no other
    run can be writing here."""
    if folder.is_dir():
        for run_folder in folder.iterdir():
            if run_folder.is_dir():
                shutil.rmtree(run_folder, ignore_errors=True)


@contextmanager
def dask_extraction(settings: Settings, workers: int) -> Iterator[tuple[Callable, int]]:
    """A `map` of chunks onto Dask returning shard paths (and how many chunks to cut a batch into)."""
    remove_stale_shards(settings.shard_folder)
    shard_dir = settings.shard_folder / uuid.uuid4().hex[:16]
    stems = count()
    with dask_task_runner(settings, workers) as runner:
        threads = sum(w["nthreads"] for w in runner.client.scheduler_info()["workers"].values())

        def map_chunks(extract: Callable, chunks: Iterable[Sequence]) -> list[dict[str, Path]]:
            futures = [
                runner.submit(
                    extract_chunk_shards,
                    dict(extract=extract, chunk=chunk, directory=shard_dir, stem=f"{next(stems):06d}"),
                )
                for chunk in chunks
            ]
            return [future.result() for future in futures]

        try:
            yield map_chunks, 2 * max(1, threads)
        finally:
            shutil.rmtree(shard_dir, ignore_errors=True)
