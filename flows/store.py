"""The DuckDB seam: a staging file per run, short read-only looks at the warehouse, one atomic publish.

The published file is opened only briefly (read state at the start, publish at the end), so
ad hoc readers are locked out for the publish window at most, never for a whole run.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from transforms.model import SiteChrome
from transforms.normalise import TABLES
from warehouse import sql

# Entity tables receive the same row once per mention; the first mention (path order) wins.
ENTITY_KEYS = {"publishers": "publisher_id", "authors": "author_id", "people": "person_id"}


class WarehouseError(RuntimeError):
    """A warehouse problem with a one-line explanation for the user."""


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseError(
                f"{path} is in use by another process (another run is writing it); try again when it ends"
            ) from None
        raise WarehouseError(f"cannot open {path}: {str(exc).splitlines()[0]}") from None
    except duckdb.Error as exc:
        raise WarehouseError(f"{path} is not a usable DuckDB file: {str(exc).splitlines()[0]}") from None


@contextmanager
def run_lock(db_path: Path) -> Iterator[None]:
    """Hold `<db>.lock` for a whole run: a second run on the same warehouse stops at once."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WarehouseError(f"another run is already writing {db_path}; this run stopped") from None
        yield
    finally:
        os.close(fd)


@dataclass(frozen=True, slots=True)
class PublishedState:
    articles: int
    documents: int
    mean_words: float
    chrome: SiteChrome


def read_published_state(db_path: Path) -> PublishedState | None:
    """What the last publish left: counts for drift checks and the learnt site chrome."""
    if not db_path.exists():
        return None
    with closing(connect(db_path, read_only=True)) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "articles" not in tables:
            return None
        articles, mean_words = con.execute(
            "SELECT count(*), coalesce(avg(word_count), 0) FROM articles"
        ).fetchone()
        documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        chrome = SiteChrome()
        for site_key, line, count in con.execute(
            "SELECT site_key, line, documents FROM site_chrome"
        ).fetchall():
            chrome.lines.setdefault(site_key, {})[line] = count
    return PublishedState(articles, documents, float(mean_words), chrome)


class Staging:
    """The run's staging database: a fresh file, the batch tables, bulk appends via Arrow."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in (path, path.with_name(path.name + ".wal")):
            stale.unlink(missing_ok=True)
        self.path = path
        self.con = connect(path)
        self.con.execute(sql("schema"))

    def append(self, tables: Mapping[str, list[dict[str, Any]]]) -> None:
        for name, rows in tables.items():
            if rows:
                self._insert(name, rows)

    def _insert(self, name: str, rows: list[dict[str, Any]]) -> None:
        key = ENTITY_KEYS.get(name)
        if key:
            rows = list({row[key]: row for row in reversed(rows)}.values())[::-1]
        batch = pa.Table.from_pylist(rows)  # noqa: F841 - read by name by DuckDB's replacement scan
        columns = ", ".join(batch.column_names)
        verb = "INSERT OR IGNORE" if key else "INSERT"
        self.con.execute(f"{verb} INTO {name} ({columns}) SELECT {columns} FROM batch")

    def replace_table(self, name: str, frame: pd.DataFrame) -> None:
        self.con.execute(f"DELETE FROM {name}")
        if len(frame):
            self.con.execute(f"INSERT INTO {name} SELECT * FROM frame")

    def frames(self) -> dict[str, pd.DataFrame]:
        return {name: self.con.execute(f"SELECT * FROM {name}").df() for name in (*TABLES, "site_chrome")}

    def close(self) -> None:
        self.con.close()


def publish(
    db_path: Path,
    tables: Mapping[str, pd.DataFrame],
    quarantine: pd.DataFrame,
    run_row: dict[str, Any],
    quality_rows: list[dict[str, Any]],
) -> None:
    """Replace every published table with `tables` and log the run, all in one transaction."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with closing(connect(db_path)) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            for name in tables:
                con.execute(f"DROP TABLE IF EXISTS {name}")
            con.execute("DROP TABLE IF EXISTS quarantine_articles")
            con.execute(sql("schema"))
            con.execute(sql("quarantine"))
            for name, frame in tables.items():
                if len(frame):
                    con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM frame")
            if len(quarantine):
                con.execute("INSERT INTO quarantine_articles BY NAME SELECT * FROM quarantine")
            con.execute(sql("views"))
            _log_run(con, run_row, quality_rows)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def log_blocked_run(db_path: Path, run_row: dict[str, Any], quality_rows: list[dict[str, Any]]) -> None:
    """Record a run whose batch was not published; the published tables are not touched."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with closing(connect(db_path)) as con:
        con.execute("BEGIN TRANSACTION")
        _log_run(con, run_row, quality_rows)
        con.execute("COMMIT")


def _log_run(
    con: duckdb.DuckDBPyConnection, run_row: dict[str, Any], quality_rows: list[dict[str, Any]]
) -> None:
    con.execute(sql("run_log"))
    run = pd.DataFrame([run_row])  # noqa: F841 - read by name by DuckDB's replacement scan
    con.execute("INSERT INTO pipeline_runs BY NAME SELECT * FROM run")
    if quality_rows:
        results = pd.DataFrame(quality_rows)  # noqa: F841
        con.execute("INSERT INTO quality_results BY NAME SELECT * FROM results")
