"""`make bench-scale`: the whole pipeline on generated inboxes, per stage.

For each size: `article-etl generate` writes the inbox, then the real flow runs on it (ingest ->
extract -> load -> duplicates -> validate -> publish) and we print wall seconds and docs/s per
stage, peak RSS and warehouse size; then the same inbox again, which must be a no-op. Every run is
a process of its own against one private Prefect server, so its peak RSS (the flow's process, or
its largest extraction worker) is that run's alone, not the largest of the runs before it.
Sizes: BENCH_SIZES (default 10000,100000); BENCH_HTML_SHARE (default 0) the share of HTML pages.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import flows  # noqa: F401 - Prefect settings before Prefect is imported

STAGES = ("ingest", "extract", "load", "duplicates", "validate", "publish")
_RESULT = "bench-run-result: "


def _generate(n: int, out: Path, html_share: float) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "flows.cli", "generate", "--n", str(n), "--out", str(out)]
    subprocess.run([*command, "--html-share", str(html_share)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _row(label: str, n: int, result: dict) -> str:
    seconds = result["stage_seconds"]
    stages = "  ".join(f"{stage} {seconds[stage]:6.1f}s" for stage in STAGES if stage in seconds)
    wall = result["wall"]
    head = f"{label:<22} {n:>7} docs  total {wall:7.1f}s  {n / wall:7.0f} docs/s"
    return f"{head}  RSS {result['peak_rss_mb']:6.0f} MiB  {stages}"


def _run_in_process(inbox: Path, db: Path, env: dict[str, str]) -> dict:
    """One run of the flow in a fresh process; its summary as a dict."""
    command = [sys.executable, "-m", "bench.pipeline", "--run", str(inbox), str(db)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith(_RESULT)]
    if done.returncode or not lines:
        raise RuntimeError(f"run failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(lines[-1].removeprefix(_RESULT))


def run_once(inbox: Path, db: Path) -> int:
    """The child: run the flow once and print its summary as one JSON line."""
    from flows.pipeline import run_pipeline

    started = time.perf_counter()
    state = run_pipeline(inbox=inbox, db_path=db, return_state=True)
    wall = time.perf_counter() - started
    if not state.is_completed():
        print(f"run did not complete: {state.message}", file=sys.stderr)
        return 1
    summary = state.result()
    result = {
        "wall": wall,
        "status": summary.status,
        "stage_seconds": summary.stage_seconds,
        "peak_rss_mb": summary.peak_rss_mb,
        "files_read_to_compare": summary.files_read_to_compare,
    }
    print(_RESULT + json.dumps(result), flush=True)
    return 0


def main() -> int:
    from flows.serve import free_port, prefect_server, private_server_env

    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000").split(",") if s]
    html_share = float(os.environ.get("BENCH_HTML_SHARE", "0"))
    print(f"Pipeline scale benchmark, {os.cpu_count()} cores, html share {html_share:.0%}, sizes {sizes}")
    work = Path(tempfile.mkdtemp(prefix="article-etl-bench-"))
    home = work / "prefect"
    home.mkdir()
    # The pipeline's own settings (ARTICLE_ETL_*) pass through to the runs; Prefect's are private.
    pipeline_env = {k: v for k, v in os.environ.items() if k.startswith("ARTICLE_ETL_")}
    try:
        with prefect_server(port=free_port(), env=private_server_env(home), log=home / "server.log") as api:
            env = private_server_env(home) | pipeline_env | {"PREFECT_API_URL": api}
            for n in sizes:
                inbox, db = work / f"inbox-{n}", work / f"wh-{n}" / "articles.duckdb"
                generated = _generate(n, inbox, html_share)
                print(
                    f"generate               {n:>7} docs  {generated:7.1f}s  {n / generated:7.0f} docs/s",
                    flush=True,
                )
                for label, status in (("full run", "published"), ("no-op re-run", "unchanged")):
                    result = _run_in_process(inbox, db, env)
                    print(_row(label, n, result), flush=True)
                    if result["status"] != status:
                        print(f"{label}: {result['status']}, expected {status}")
                        return 1
                size_mb = db.stat().st_size / 2**20
                print(f"warehouse              {n:>7} docs  {size_mb:7.1f} MiB ({db})", flush=True)
                shutil.rmtree(inbox)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--run":
        sys.exit(run_once(Path(sys.argv[2]), Path(sys.argv[3])))
    sys.exit(main())
