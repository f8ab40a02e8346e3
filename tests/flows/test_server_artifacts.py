"""Proven against a real server: `prefect server start` in a subprocess, `article-etl run` against it in
another, and each run's final state and artifacts read back through the server's REST API.

The warehouse's `pipeline_runs.flow_run_id` names the Prefect flow run, so every assertion is about the
run the CLI just made, and the API's answers are compared with what the warehouse recorded.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SAMPLE_INBOX, query

from flows.report import CHECKS_KEY, COUNTS_KEY, REPORT_KEY
from flows.serve import free_port, prefect_server, private_server_env

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
SERVER_STARTUP_S = 120.0
RUN_TIMEOUT_S = 180.0


@dataclass(frozen=True)
class Server:
    api_url: str
    env: dict[str, str]  # environment for clients of this server (and of nothing else)


@dataclass(frozen=True)
class CliRun:
    process: subprocess.CompletedProcess[str]
    db: Path
    flow_run_id: str


def api(server: Server, path: str, body: dict | None = None) -> dict | list:
    """GET `path`, or POST `body` to it, on the server's REST API."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"{server.api_url}{path}", data=data, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    """`prefect server start` on a free loopback port, with its own home and SQLite database."""
    tmp = tmp_path_factory.mktemp("prefect-server")
    # The API is what is under test; building the UI only slows the start.
    env = private_server_env(tmp / "home") | {"PREFECT_SERVER_UI_ENABLED": "false"}
    with prefect_server(free_port(), env, log=tmp / "server.log", timeout_s=SERVER_STARTUP_S) as api_url:
        yield Server(api_url, private_server_env(tmp / "client-home") | {"PREFECT_API_URL": api_url})


def run_cli(server: Server, inbox: Path, db: Path) -> CliRun:
    """`article-etl run` in its own process, as a user would run it against the server."""
    process = subprocess.run(
        [str(BIN / "article-etl"), "run", "--inbox", str(inbox), "--db", str(db)],
        env=server.env,
        cwd=db.parent,  # no project `.env` applies
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    runs = query(db, "SELECT flow_run_id FROM pipeline_runs")
    assert len(runs) == 1, (runs, process.stdout[-2000:], process.stderr[-3000:])
    return CliRun(process, db, runs[0][0])


@pytest.fixture(scope="module")
def published_run(server, tmp_path_factory) -> CliRun:
    return run_cli(server, SAMPLE_INBOX, tmp_path_factory.mktemp("published") / "articles.duckdb")


@pytest.fixture(scope="module")
def blocked_run(server, published_run, tmp_path_factory) -> CliRun:
    """Five unreadable binary files and one real article: more than half fail, so the gate blocks.

    Runs after `published_run`, so the report key's latest version is this run's.
    """
    tmp = tmp_path_factory.mktemp("blocked")
    inbox = tmp / "inbox"
    inbox.mkdir()
    for i in range(5):
        (inbox / f"scan-{i}.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    shutil.copy(next(SAMPLE_INBOX.glob("*.txt")), inbox / "one-article.txt")
    return run_cli(server, inbox, tmp / "articles.duckdb")


def flow_run(server: Server, run: CliRun) -> dict:
    return api(server, f"/flow_runs/{run.flow_run_id}")


def artifacts_by_key(server: Server, run: CliRun) -> dict[str, dict]:
    artifacts = api(server, "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [run.flow_run_id]}}})
    by_key = {a["key"]: a for a in artifacts}
    assert len(by_key) == len(artifacts), [a["key"] for a in artifacts]  # one artifact per key per run
    return by_key


def table_rows(artifact: dict) -> list[dict]:
    assert artifact["type"] == "table"
    data = artifact["data"]
    return json.loads(data) if isinstance(data, str) else data


def test_published_run_completed_on_the_server(server, published_run):
    assert published_run.process.returncode == 0, published_run.process.stderr[-3000:]
    run = flow_run(server, published_run)
    assert run["state_type"] == "COMPLETED", run["state"]
    assert run["state"]["message"].startswith("Published ")
    assert api(server, f"/flows/{run['flow_id']}")["name"] == "article-pipeline"
    assert run["parameters"]["inbox"] == str(SAMPLE_INBOX)


def test_published_run_artifacts_match_the_warehouse(server, published_run):
    artifacts = artifacts_by_key(server, published_run)
    assert {REPORT_KEY, CHECKS_KEY, COUNTS_KEY} <= set(artifacts)
    [(run_id, files_seen, passed, failed)] = query(
        published_run.db, "SELECT run_id, files_seen, checks_passed, checks_failed FROM pipeline_runs"
    )
    assert files_seen == sum(1 for p in SAMPLE_INBOX.rglob("*") if p.is_file())

    checks = table_rows(artifacts[CHECKS_KEY])
    assert all(isinstance(row["success"], bool) for row in checks)
    recorded = query(
        published_run.db, "SELECT suite, expectation, success FROM quality_results WHERE run_id = ?", [run_id]
    )
    assert sorted((r["suite"], r["expectation"], r["success"]) for r in checks) == sorted(recorded)
    assert len({(r["suite"], r["expectation"]) for r in checks}) == len(checks)  # one row per expectation
    assert sum(r["success"] for r in checks) == passed and failed == 0

    report = artifacts[REPORT_KEY]
    assert report["type"] == "markdown"
    assert f"`{run_id}`" in report["data"]
    assert "Result: published." in report["data"]
    assert f"{files_seen} files seen" in report["data"]
    assert f"{passed} checks passed, 0 failed" in report["data"]
    assert "All checks passed." in report["data"]

    counts = {row["status"]: row["documents"] for row in table_rows(artifacts[COUNTS_KEY])}
    assert counts == dict(query(published_run.db, "SELECT status, count(*) FROM documents GROUP BY status"))
    assert sum(counts.values()) == files_seen
    assert artifacts["article-pipeline-progress"]["data"] == 100


def test_blocked_run_failed_with_a_one_line_reason(server, blocked_run):
    assert blocked_run.process.returncode == 1
    assert "NOT PUBLISHED" in blocked_run.process.stdout
    state = flow_run(server, blocked_run)["state"]
    assert state["type"] == "FAILED"
    assert state["message"].startswith("Quality gate blocked")
    assert "\n" not in state["message"]
    [(status, reason)] = query(blocked_run.db, "SELECT status, reason FROM pipeline_runs")
    assert status == "blocked" and reason in state["message"]


def test_blocked_run_report_says_blocked_and_names_the_failed_checks(server, blocked_run):
    artifacts = artifacts_by_key(server, blocked_run)
    report = artifacts[REPORT_KEY]["data"]
    assert "Result: **blocked**" in report
    failed = [row for row in table_rows(artifacts[CHECKS_KEY]) if not row["success"]]
    assert failed
    assert f"{len(failed)} failed" in report
    section = report.split("## Checks that did not pass", 1)[1]
    assert all(row["expectation"].replace("|", "\\|") in section for row in failed)  # cells escape pipes


def test_report_key_keeps_one_version_per_run_and_the_latest_is_the_blocked_run(
    server, published_run, blocked_run
):
    versions = api(server, "/artifacts/filter", {"artifacts": {"key": {"any_": [REPORT_KEY]}}})
    assert sorted(a["flow_run_id"] for a in versions) == sorted(
        [published_run.flow_run_id, blocked_run.flow_run_id]
    )
    [latest] = api(server, "/artifacts/latest/filter", {"artifacts": {"key": {"any_": [REPORT_KEY]}}})
    assert latest["flow_run_id"] == blocked_run.flow_run_id
    assert "**blocked**" in latest["data"]
