"""`make sql` opens the published warehouse in the registry's DuckDB shell (duckdb-cli)."""

import subprocess
import sys
from pathlib import Path

from conftest import query

DUCKDB_CLI = Path(sys.executable).with_name("duckdb")


def test_duckdb_cli_reads_the_published_warehouse_read_only(published):
    result = subprocess.run(
        [
            str(DUCKDB_CLI),
            "-readonly",
            "-csv",
            "-noheader",
            str(published),
            "-c",
            "SELECT count(*) FROM articles",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert int(result.stdout.strip()) == query(published, "SELECT count(*) FROM articles")[0][0] > 0


def test_duckdb_cli_cannot_write_in_read_only_mode(published):
    result = subprocess.run(
        [str(DUCKDB_CLI), "-readonly", str(published), "-c", "DELETE FROM articles"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "read-only" in (result.stdout + result.stderr).lower()
    assert query(published, "SELECT count(*) FROM articles")[0][0] > 0
