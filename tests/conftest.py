"""Fixtures shared by the whole suite."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import duckdb
import pytest

import flows  # noqa: F401 - sets PREFECT_HOME/analytics defaults before Prefect is imported

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_INBOX = REPO / "samples" / "inbox"
SAMPLE_GOLD = REPO / "samples" / "gold.jsonl"


def load_gold(path: Path) -> dict[str, dict]:
    return {rec["file"]: rec for rec in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if rec}


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): shared corpora are only beside CI's clone")
    return SHARED


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server (and database) for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with closing(duckdb.connect(str(db), read_only=True)) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture(scope="session")
def published(prefect_harness, tmp_path_factory) -> Path:
    """The bundled sample inbox, run through the real flow into a fresh warehouse."""
    from flows.pipeline import run_pipeline

    db = tmp_path_factory.mktemp("warehouse") / "articles.duckdb"
    state = run_pipeline(inbox=SAMPLE_INBOX, db_path=db, return_state=True)
    assert state.is_completed(), state.message
    return db
