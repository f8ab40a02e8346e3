"""No damage from a killed run, and clear one-line errors for a missing, locked or corrupt warehouse.

The real command (`article-etl run`) runs in a subprocess against one local Prefect server started
for this module, and is killed with SIGKILL at three points, found from the outside without any
test hook in the flow:
- during extraction: right after the flow logs "Extracted batch 1/N" of a full refresh (the next
  batches are still being extracted, the staging file holds a partial batch set);
- during staging: right after the last batch is logged, while the run writes site chrome,
  duplicate links and quarantine into the staging file and validates it;
- during publish: when the process is seen (/proc/<pid>/fd) holding the warehouse file open after
  extraction, which only the publish transaction does; killed at several delays into that window.
After each kill the run lock is free, the published tables are exactly as before (or, when the
kill came after the publish committed, exactly what the run was publishing), and the following
run gets through; the last one publishes.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from flows.serve import free_port, prefect_server, private_server_env
from flows.store import PUBLISHED_TABLES
from transforms.synthetic import generate_corpus

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
CLI = str(BIN / "article-etl")
CORPUS_SIZE = 500
BATCH_SIZE = 50


def _stop(process: subprocess.Popen) -> None:
    """Stop a process group this module started (the process was started in its own session)."""
    if process.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    """Environment for `article-etl` subprocesses: one private Prefect server (flows.serve) for the module."""
    home = tmp_path_factory.mktemp("prefect-home")
    env = private_server_env(home) | {"ARTICLE_ETL_BATCH_SIZE": str(BATCH_SIZE)}
    with prefect_server(port=free_port(), env=env, log=home / "server.log") as api_url:
        yield env | {"PREFECT_API_URL": api_url}


def write_corpus(root: Path, n: int, seed: int) -> Path:
    for relative, data in generate_corpus(n, seed=seed):
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root


@dataclass
class Run:
    """One `article-etl` subprocess; its stderr (Prefect's log) is collected line by line."""

    process: subprocess.Popen
    lines: list[str] = field(default_factory=list)

    @classmethod
    def start(cls, env: dict[str, str], *args: str) -> Run:
        process = subprocess.Popen(
            [CLI, *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            start_new_session=True,
        )
        run = cls(process)
        threading.Thread(target=run._collect, daemon=True).start()
        threading.Thread(target=run.process.stdout.read, daemon=True).start()
        return run

    def _collect(self) -> None:
        for line in self.process.stderr:
            self.lines.append(line)

    def wait_for(self, text: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not any(text in line for line in self.lines):
            assert self.process.poll() is None or any(text in line for line in self.lines), (
                f"run ended (exit {self.process.returncode}) before {text!r}:\n" + "".join(self.lines[-30:])
            )
            assert time.monotonic() < deadline, f"no {text!r} after {timeout} s"
            time.sleep(0.01)

    def has_open(self, path: Path) -> bool:
        """Whether the process holds `path` open (Linux /proc)."""
        fd_dir = Path(f"/proc/{self.process.pid}/fd")
        with suppress(OSError):
            for fd in fd_dir.iterdir():
                with suppress(OSError):
                    if os.readlink(fd) == str(path.resolve()):
                        return True
        return False

    def kill(self, reap_workers: bool = True) -> None:
        """SIGKILL the run's main process only, as `kill -9 <pid>` or the OOM killer would.

        Extraction workers it leaves behind are then stopped too (their fate has its own test).
        """
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        assert self.process.returncode == -signal.SIGKILL
        if reap_workers:
            self.survivors(timeout=0)

    def survivors(self, timeout: float) -> list[tuple[str, str]]:
        """Processes of the killed run's group still alive after `timeout` s (pid, command line)."""
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                os.killpg(self.process.pid, 0)  # raises once no process of the run's group is left
                time.sleep(0.1)
        except ProcessLookupError:
            return []
        alive = [
            (proc.name, (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:120])
            for proc in Path("/proc").iterdir()
            if proc.name.isdigit() and _process_group(proc) == self.process.pid
        ]
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # this module started them: clean up
        return alive

    def finish(self, timeout: float = 180) -> int:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise


def _process_group(proc: Path) -> int | None:
    with suppress(OSError, ValueError, IndexError):
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[2])
    return None


def lock_is_held(db: Path) -> bool:
    """Whether some process holds the run lock `<db>.lock` (what a second run would run into)."""
    fd = os.open(db.with_name(db.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def snapshot(db: Path) -> dict[str, tuple[int, str]]:
    """Row count and a digest of the sorted rows of every published table."""
    with closing(duckdb.connect(str(db), read_only=True)) as con:
        out = {}
        for table in PUBLISHED_TABLES:
            rows = sorted(map(repr, con.execute(f"SELECT * FROM {table}").fetchall()))
            out[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        return out


@dataclass
class Warehouse:
    env: dict[str, str]
    db: Path
    inbox_a: Path
    inbox_b: Path
    published_a: Path  # a copy of the warehouse as inbox A published it
    snap_a: dict[str, tuple[int, str]]

    def restore_a(self) -> None:
        self.db.with_name(self.db.name + ".wal").unlink(missing_ok=True)
        shutil.copyfile(self.published_a, self.db)

    def run(self, inbox: Path, *extra: str) -> Run:
        return Run.start(self.env, "run", "--inbox", str(inbox), "--db", str(self.db), *extra)


@pytest.fixture(scope="module")
def warehouse(cli_env, tmp_path_factory) -> Warehouse:
    """Inbox A published into a warehouse; inbox B is A with files changed, deleted and added."""
    root = tmp_path_factory.mktemp("crash")
    inbox_a = write_corpus(root / "inbox-a", CORPUS_SIZE, seed=0)
    inbox_b = root / "inbox-b"
    shutil.copytree(inbox_a, inbox_b)
    texts = sorted(inbox_b.rglob("*.txt"))
    for path in texts[:10]:
        path.write_text(
            path.read_text(encoding="utf-8") + "\nA late correction was added to this page.\n",
            encoding="utf-8",
        )
    for path in texts[10:20]:
        path.unlink()
    write_corpus(root / "inbox-b" / "new", 10, seed=7)
    db = root / "warehouse" / "articles.duckdb"
    first = Run.start(cli_env, "run", "--inbox", str(inbox_a), "--db", str(db))
    assert first.finish() == 0, "".join(first.lines[-30:])
    published_a = root / "published-a.duckdb"
    shutil.copyfile(db, published_a)
    return Warehouse(cli_env, db, inbox_a, inbox_b, published_a, snapshot(db))


def assert_clean_after_kill(wh: Warehouse, allowed: list[dict]) -> dict:
    assert not lock_is_held(wh.db), "the killed run's lock still blocks the next run"
    after = snapshot(wh.db)
    assert after in allowed, {t: (after[t], [a[t] for a in allowed]) for t in after}
    return after


def test_kill_during_extraction_leaves_published_tables_unchanged(warehouse):
    wh = warehouse
    wh.restore_a()
    run = wh.run(wh.inbox_b, "--full-refresh")
    run.wait_for("Extracted batch 1/")
    assert lock_is_held(wh.db), "a running run must hold the lock"
    assert not run.has_open(wh.db)
    [line] = [line for line in run.lines if "Extracted batch" in line]
    assert int(line.split("Extracted batch 1/")[1].split()[0]) > 1  # later batches are still to come
    run.kill()
    assert_clean_after_kill(wh, [wh.snap_a])


def test_extraction_workers_do_not_outlive_a_killed_run(warehouse):
    wh = warehouse
    wh.restore_a()
    run = wh.run(wh.inbox_b, "--full-refresh")
    run.wait_for("Extracted batch 1/")
    run.kill(reap_workers=False)
    assert run.survivors(timeout=5) == []


def test_kill_during_staging_leaves_published_tables_unchanged(warehouse):
    wh = warehouse
    wh.restore_a()
    run = wh.run(wh.inbox_b)
    run.wait_for("Extracted batch 1/1")  # incremental: only the changed and new files
    time.sleep(0.2)  # into duplicate linking / validation on the staging file
    assert not any("publish_staged" in line for line in run.lines)
    assert not run.has_open(wh.db)
    run.kill()
    assert_clean_after_kill(wh, [wh.snap_a])


def test_kill_during_publish_is_all_or_nothing_and_the_next_run_publishes(warehouse):
    wh = warehouse
    outcomes = []
    for delay in (0.0, 0.1, 0.3):
        wh.restore_a()
        run = wh.run(wh.inbox_b)
        run.wait_for("Extracted batch 1/1")
        deadline = time.monotonic() + 120
        while not run.has_open(wh.db):
            assert run.process.poll() is None, "run ended before publishing:\n" + "".join(run.lines[-20:])
            assert time.monotonic() < deadline
            time.sleep(0.002)
        time.sleep(delay)
        landed = run.has_open(wh.db)  # still inside the publish connection when killed
        run.kill()
        wal = wh.db.with_name(wh.db.name + ".wal").exists()
        assert not lock_is_held(wh.db)
        outcomes.append((delay, landed, wal, snapshot(wh.db)))
    print("publish kills (delay s, inside publish, WAL left):", [o[:3] for o in outcomes])
    assert any(landed for _, landed, _, _ in outcomes), "no kill landed inside the publish window"

    # The run that follows the last kill completes; what it publishes is what B must look like.
    wh.restore_a()
    final = wh.run(wh.inbox_b)
    assert final.finish() == 0, "".join(final.lines[-30:])
    snap_b = snapshot(wh.db)
    assert snap_b != wh.snap_a
    for delay, _landed, wal, after in outcomes:
        assert after in (wh.snap_a, snap_b), f"kill {delay} s into publish (wal={wal}) left a mixed warehouse"


# --- a missing, locked or corrupt warehouse -------------------------------------------------------


def cli(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], env=env, capture_output=True, text=True, timeout=timeout)


def assert_one_line_error(result: subprocess.CompletedProcess) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("article-etl:"), result.stderr[-2000:]


@pytest.fixture
def small_inbox(tmp_path) -> Path:
    return write_corpus(tmp_path / "inbox", 5, seed=1)


def test_status_of_a_missing_warehouse_is_a_one_line_error(cli_env, tmp_path):
    result = cli(cli_env, "status", "--db", str(tmp_path / "missing.duckdb"))
    assert_one_line_error(result)
    assert "article-etl run" in result.stderr


def test_status_of_a_corrupt_warehouse_is_a_one_line_error(cli_env, tmp_path):
    db = tmp_path / "corrupt.duckdb"
    db.write_bytes(os.urandom(64 * 1024))
    assert_one_line_error(cli(cli_env, "status", "--db", str(db)))


def test_run_on_a_corrupt_warehouse_is_a_one_line_error(cli_env, tmp_path, small_inbox):
    db = tmp_path / "corrupt.duckdb"
    db.write_bytes(os.urandom(64 * 1024))
    assert_one_line_error(cli(cli_env, "run", "--inbox", str(small_inbox), "--db", str(db)))


@pytest.fixture
def writer_holding(cli_env, tmp_path):
    """Another process holding a DuckDB write connection on a warehouse file."""
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]);"
            "con.execute('CREATE TABLE IF NOT EXISTS t (x INTEGER)');"
            "print('ready', flush=True); time.sleep(120)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield db
    finally:
        _stop(holder)


def test_status_while_another_process_writes_is_a_one_line_error(cli_env, writer_holding):
    result = cli(cli_env, "status", "--db", str(writer_holding))
    assert_one_line_error(result)
    assert "in use" in result.stderr


def test_run_while_another_process_writes_is_a_one_line_error(cli_env, writer_holding, small_inbox):
    result = cli(cli_env, "run", "--inbox", str(small_inbox), "--db", str(writer_holding))
    assert_one_line_error(result)
    assert "in use" in result.stderr


def test_run_with_a_relative_warehouse_path_publishes(cli_env, tmp_path, small_inbox):
    result = subprocess.run(
        [CLI, "run", "--inbox", str(small_inbox), "--db", "relative/articles.duckdb"],
        env=cli_env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "relative" / "articles.duckdb").is_file()


# --- the local Prefect server listens on loopback only -------------------------------------------


def listening_addresses(port: int) -> list[str]:
    """Local addresses with a TCP socket listening on `port` (Linux /proc/net/tcp and tcp6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with suppress(OSError), open(table) as lines:
            next(lines)
            for line in lines:
                local, state = line.split()[1], line.split()[3]
                address, port_hex = local.rsplit(":", 1)
                if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                    found.append(socket.inet_ntop(
                        socket.AF_INET if len(address) == 8 else socket.AF_INET6,
                        b"".join(bytes.fromhex(address[i : i + 8])[::-1] for i in range(0, len(address), 8)),
                    ))  # fmt: skip
    return found


def test_prefect_server_of_serve_listens_on_loopback_only(cli_env):
    """The module's server is started by flows.serve.prefect_server, as `article-etl serve` does."""
    port = int(cli_env["PREFECT_API_URL"].rsplit(":", 1)[1].split("/")[0])
    addresses = listening_addresses(port)
    assert addresses and set(addresses) <= {"127.0.0.1"}, addresses
