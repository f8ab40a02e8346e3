"""The DuckDB seam: a staging file per run, short read-only looks at the warehouse, one atomic publish.

The published file is opened only briefly (read its state at the start, publish at the end),
so ad hoc readers are locked out for the publish window at most, never for a whole run.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
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
PUBLISHED_TABLES = (*TABLES, "site_chrome", "quarantine_articles")
# Replaced with every publish like the published tables, but bookkeeping rather than data.
INBOX_FILES = "inbox_files"


class WarehouseError(RuntimeError):
    """A warehouse problem with a one-line explanation for the user."""


# DuckDB caches up to 80% of RAM by default; the pipeline's memory must stay flat with corpus size
# (at 100k documents, 128MB rather than 256MB took 130 MiB off the peak at no measurable cost).
MEMORY_LIMIT = "128MB"
# The staging file is written in thousands of appends: checkpointing every 16MB of WAL (the
# default) rewrites the growing paragraphs' zstd segments each time, twice the CPU of one
# checkpoint per GB; the file is a scratch copy, so a crash costs nothing but the run.
STAGING_CHECKPOINT_THRESHOLD = "1GB"
# Publishing builds the primary-key indexes of every table in one transaction, and those cannot
# spill to disk; the tables with millions of rows have none (warehouse/schema.sql), so the staging
# cap holds for it too.
PUBLISH_MEMORY_LIMIT = MEMORY_LIMIT
# The quality gate only reads (each table once, the big ones a chunk at a time): a small cache
# does, and at 100k documents it takes ~90 MiB off the gate's process at no measurable cost.
GATE_MEMORY_LIMIT = "32MB"


def connect(
    path: Path, read_only: bool = False, memory_limit: str = MEMORY_LIMIT
) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only, config={"memory_limit": memory_limit})
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseError(
                f"{path} is in use by another process (another run is writing it); try again when it ends"
            ) from None
        raise WarehouseError(f"cannot open {path}: {str(exc).splitlines()[0]}") from None
    except duckdb.Error as exc:
        raise WarehouseError(f"{path} is not a usable DuckDB file: {str(exc).splitlines()[0]}") from None


def _literal(path: Path) -> str:
    """A path as a SQL string literal (ATTACH takes no bound parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


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
    fingerprints: dict[str, str | None] = field(default_factory=dict)  # path -> sha256 of its bytes
    # path -> (size, mtime_ns) the file had when listed by the run that published it
    file_stats: dict[str, tuple[int, int]] = field(default_factory=dict)


def _table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}


def read_published_state(db_path: Path) -> PublishedState | None:
    """What the last publish left: fingerprints, counts for drift checks, the learnt site chrome."""
    if not db_path.exists():
        return None
    with closing(connect(db_path, read_only=True)) as con:
        if not {"articles", "documents", "site_chrome"} <= _table_names(con):
            return None
        articles, mean_words = con.execute(
            "SELECT count(*), coalesce(avg(word_count), 0) FROM articles"
        ).fetchone()
        fingerprints = dict(con.execute("SELECT path, sha256 FROM documents").fetchall())
        file_stats = {}
        if INBOX_FILES in _table_names(con):  # absent from warehouses published before it existed
            file_stats = {
                path: (size, mtime_ns)
                for path, size, mtime_ns in con.execute(
                    f"SELECT path, size_bytes, mtime_ns FROM {INBOX_FILES}"
                ).fetchall()
            }
        chrome = SiteChrome()
        for site_key, line, count in con.execute(
            "SELECT site_key, line, documents FROM site_chrome"
        ).fetchall():
            chrome.lines.setdefault(site_key, {})[line] = count
    return PublishedState(articles, len(fingerprints), float(mean_words), chrome, fingerprints, file_stats)


def _arrow_backed(result: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    # Arrow-backed columns: millions of keys without a Python object each.
    return result.to_arrow_table().to_pandas(types_mapper=pd.ArrowDtype)


def _first_per_key(table: pa.Table, key: str) -> pa.Table:
    """The first row of each key value, in table order (entity rows repeat once per mention)."""
    keys = table.column(key).to_pylist()
    first: dict[object, int] = {}
    for index, value in enumerate(keys):
        first.setdefault(value, index)
    return table.take(sorted(first.values()))


class Staging:
    """The run's staging database: a fresh file holding the whole warehouse-to-be."""

    def __init__(self, path: Path, fresh: bool = True, memory_limit: str = MEMORY_LIMIT) -> None:
        """A new staging file at `path` (any old one is removed), or the existing one (`fresh=False`)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        if fresh:
            self.remove()
        self.memory_limit = memory_limit
        self.con = connect(path, memory_limit=memory_limit)
        self.con.execute(f"SET checkpoint_threshold = '{STAGING_CHECKPOINT_THRESHOLD}'")
        if fresh:
            self.con.execute(sql("schema"))
            self.con.execute(sql("quarantine"))
            self.con.execute(sql(INBOX_FILES))

    def reopen(self) -> None:
        """Open the file again after `close` (another process had it meanwhile)."""
        self.con = connect(self.path, memory_limit=self.memory_limit)
        self.con.execute(f"SET checkpoint_threshold = '{STAGING_CHECKPOINT_THRESHOLD}'")

    def carry_over(self, db_path: Path, kept_paths: list[str]) -> None:
        """Copy the published rows of unchanged documents (incremental runs)."""
        kept = pa.table({"path": pa.array(kept_paths, pa.string())})
        self.con.register("kept_paths", kept)
        self.con.execute(f"ATTACH {_literal(db_path)} AS published (READ_ONLY)")
        try:
            self.con.execute(sql("stage_carry_over"))
        finally:
            self.con.execute("DETACH published")
            self.con.unregister("kept_paths")

    def append(self, tables: Mapping[str, pa.Table | list[dict[str, Any]] | Path]) -> None:
        """Bulk-insert rows per table (Arrow tables, lists of row dicts, or Parquet shards' paths)."""
        for name, rows in tables.items():
            if isinstance(rows, Path):
                batch = self.con.execute(sql("read_shard"), [str(rows)]).to_arrow_table()
            else:
                batch = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(rows)
            if batch.num_rows:
                self._insert(name, batch)

    def _insert(self, name: str, batch: pa.Table) -> None:
        key = ENTITY_KEYS.get(name)
        if key:
            batch = _first_per_key(batch, key)
        self.con.register("batch", batch)
        try:
            verb = "INSERT OR IGNORE" if key else "INSERT"
            self.con.execute(f"{verb} INTO {name} BY NAME SELECT * FROM batch")
        finally:
            self.con.unregister("batch")

    def stream_articles(self, chunk: int = 2000) -> Iterator[tuple[str, str | None, str]]:
        """(path, title, body) of every staged article, a chunk in memory at a time."""
        paths = dict(self.con.execute("SELECT document_id, path FROM documents").fetchall())
        cursor = self.con.cursor().execute(sql("staged_article_bodies"))
        while rows := cursor.fetchmany(chunk):
            for document_id, title, body in rows:
                yield paths[document_id], title, body

    def read_bodies(self, paths: list[str]) -> list[str]:
        """The staged bodies of the articles of `paths`, in that order."""
        found = dict(self.con.execute(sql("staged_bodies_by_path"), [paths]).fetchall())
        return [found[path] for path in paths]

    def replace_site_chrome(self, chrome: SiteChrome) -> None:
        self.con.execute("DELETE FROM site_chrome")
        self.append(
            {
                "site_chrome": [
                    {"site_key": site, "line": line, "documents": count}
                    for site, lines in sorted(chrome.lines.items())
                    for line, count in sorted(lines.items())
                ]
            }
        )

    def run_sql(self, name: str, **frames: pd.DataFrame | pa.Table) -> None:
        """Run `warehouse/<name>.sql` with the given frames visible under their names."""
        for frame_name, frame in frames.items():
            self.con.register(frame_name, frame)
        try:
            self.con.execute(sql(name))
        finally:
            for frame_name in frames:
                self.con.unregister(frame_name)

    def gate_frames(
        self,
        omitted: Mapping[str, tuple[str, ...]],
        chrome_max_chars: int,
        chunked: Mapping[str, str],
        chunk_rows: int,
    ) -> dict[str, pd.DataFrame | Callable[[], Iterator[pd.DataFrame]]]:
        """The staged tables as the quality gate reads them: without the large text it never reads.

        The `chunked` tables (table -> partition column) come as a function yielding frames of
        about `chunk_rows` rows, each holding all rows of the partition values it has.
        """
        frames: dict[str, pd.DataFrame | Callable[[], Iterator[pd.DataFrame]]] = {}
        for name in (*TABLES, "site_chrome"):
            if name == "paragraphs":
                query, params = sql("gate_paragraphs"), [chrome_max_chars]
            else:
                exclude = f" EXCLUDE ({', '.join(omitted[name])})" if name in omitted else ""
                query, params = f"SELECT *{exclude} FROM {name}", []
            if name in chunked:
                frames[name] = self._chunks(name, query, params, chunked[name], chunk_rows)
            else:
                frames[name] = _arrow_backed(self.con.execute(query, params))
        return frames

    def _chunks(
        self, name: str, query: str, params: list[Any], partition: str, chunk_rows: int
    ) -> Callable[[], Iterator[pd.DataFrame]]:
        parts = max(1, -(-self.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] // chunk_rows))

        def chunks() -> Iterator[pd.DataFrame]:
            for part in range(parts):
                # Literal numbers: with the chunk as bound parameters DuckDB takes 40x longer.
                chunk = f"{query} WHERE hash({partition}) % {parts:d} = {part:d}"
                yield _arrow_backed(self.con.execute(chunk, params))

        return chunks

    def removed_line_reasons(self) -> pd.Series:
        """Lines removed per reason, most frequent first."""
        rows = self.con.execute(
            "SELECT reason, count(*) AS lines FROM removed_lines GROUP BY reason ORDER BY lines DESC, reason"
        ).fetchall()
        return pd.Series(dict(rows), dtype="int64", name="count")

    def outcome(self) -> tuple[pd.DataFrame, int]:
        """Every staged document's status and reason, and how many articles there are."""
        documents = self.con.execute("SELECT status, reason FROM documents").df()
        return documents, self.con.execute("SELECT count(*) FROM articles").fetchone()[0]

    def remove(self) -> None:
        """Delete the (closed) staging file: once published, it is a copy of the warehouse."""
        for part in (self.path, self.path.with_name(self.path.name + ".wal")):
            part.unlink(missing_ok=True)

    def close(self) -> None:
        self.con.close()


def publish(
    db_path: Path, staging_path: Path, run_row: dict[str, Any], quality_rows: list[dict[str, Any]]
) -> None:
    """Replace every published table with the staging file's, and log the run, in one transaction."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with closing(connect(db_path, memory_limit=PUBLISH_MEMORY_LIMIT)) as con:
        con.execute(f"ATTACH {_literal(staging_path)} AS staged (READ_ONLY)")
        con.execute("BEGIN TRANSACTION")
        try:
            for name in (*PUBLISHED_TABLES, INBOX_FILES):
                con.execute(f"DROP TABLE IF EXISTS {name}")
            con.execute(sql("schema"))
            con.execute(sql("quarantine"))
            con.execute(sql(INBOX_FILES))
            for name in (*PUBLISHED_TABLES, INBOX_FILES):
                con.execute(f"INSERT INTO {name} SELECT * FROM staged.{name}")
            con.execute(sql("views"))
            _log_run(con, run_row, quality_rows)
            con.execute("COMMIT")
        except BaseException:
            # A COMMIT that failed has already ended the transaction; nothing is left to roll back.
            with suppress(duckdb.TransactionException):
                con.execute("ROLLBACK")
            raise
        finally:
            con.execute("DETACH staged")


def log_run(
    db_path: Path,
    run_row: dict[str, Any],
    quality_rows: list[dict[str, Any]],
    file_stats: pa.Table | None = None,
) -> None:
    """Record a run that published nothing (blocked or unchanged); published tables are not touched.

    `file_stats` (path, size_bytes, mtime_ns), from a run that found every file unchanged, replace
    the stats the pre-check compares with (files re-read because only their mtime changed).
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with closing(connect(db_path)) as con:
        con.execute("BEGIN TRANSACTION")
        _log_run(con, run_row, quality_rows)
        if file_stats is not None:
            con.execute(sql(INBOX_FILES))
            con.execute(f"DELETE FROM {INBOX_FILES}")
            con.register("listed", file_stats)
            con.execute(f"INSERT INTO {INBOX_FILES} BY NAME SELECT * FROM listed")
            con.unregister("listed")
        con.execute("COMMIT")


def _log_run(
    con: duckdb.DuckDBPyConnection, run_row: dict[str, Any], quality_rows: list[dict[str, Any]]
) -> None:
    con.execute(sql("run_log"))
    con.register("run", pa.Table.from_pylist([run_row]))
    con.execute("INSERT INTO pipeline_runs BY NAME SELECT * FROM run")
    con.unregister("run")
    if quality_rows:
        con.register("results", pa.Table.from_pylist(quality_rows))
        con.execute("INSERT INTO quality_results BY NAME SELECT * FROM results")
        con.unregister("results")
