"""The flow with its extraction on Dask (prefect-dask, a LocalCluster) publishes what the default does."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from conftest import SAMPLE_INBOX, query

from flows.pipeline import run_pipeline
from flows.store import PUBLISHED_TABLES

WORKERS = 2


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every published table's rows, sorted."""
    return {t: sorted(query(db, f"SELECT * FROM {t}"), key=repr) for t in PUBLISHED_TABLES}


def _task_run_names(flow_run_id) -> Counter:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return Counter((run.name.rsplit("-", 1)[0], run.state.type.value) for run in runs)


def test_dask_extraction_publishes_the_same_tables(published, tmp_path, monkeypatch):
    shards = tmp_path / "shards"
    monkeypatch.setenv("ARTICLE_ETL_EXECUTOR", "dask")
    monkeypatch.setenv("ARTICLE_ETL_WORKERS", str(WORKERS))
    monkeypatch.setenv("ARTICLE_ETL_PARALLEL_MIN_DOCUMENTS", "0")  # the sample inbox is small
    monkeypatch.setenv("ARTICLE_ETL_SHARD_DIR", str(shards))
    db = tmp_path / "articles.duckdb"
    killed_run = shards / "0123456789abcdef"  # what a killed run leaves: its folder of shards
    killed_run.mkdir(parents=True)
    (killed_run / "000000-articles.parquet").write_bytes(b"PAR1")

    state = run_pipeline(inbox=SAMPLE_INBOX, db_path=db, return_state=True)

    assert state.is_completed(), state.message
    assert snapshot(db) == snapshot(published)
    # A handful of chunk tasks ran on the cluster (two per worker), not one per document.
    chunk_runs = _task_run_names(state.state_details.flow_run_id)[("extract_chunk_shards", "COMPLETED")]
    assert chunk_runs == 2 * WORKERS
    assert not any(shards.rglob("*.parquet"))  # the shards are removed once loaded, a killed run's too
    assert not killed_run.exists()
