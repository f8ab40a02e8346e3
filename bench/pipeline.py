"""`make bench-scale`: the whole pipeline on generated inboxes, per stage.

For each size: `article-etl generate` writes the inbox (in a subprocess, so its memory is not
counted), then the real flow runs in this process (ingest -> extract -> load -> duplicates ->
validate -> publish) and we print wall seconds and docs/s per stage, peak RSS and warehouse
size; then the same inbox again, which must be a no-op. Sizes: BENCH_SIZES (default 10000,100000).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import flows  # noqa: F401 - Prefect settings before Prefect is imported

STAGES = ("ingest", "extract", "load", "duplicates", "validate", "publish")


def _generate(n: int, out: Path, html_share: float) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "flows.cli", "generate", "--n", str(n), "--out", str(out)]
    subprocess.run([*command, "--html-share", str(html_share)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _row(label: str, n: int, wall: float, summary) -> str:
    stages = "  ".join(
        f"{stage} {summary.stage_seconds.get(stage, 0.0):6.1f}s"
        for stage in STAGES
        if stage in summary.stage_seconds
    )
    head = f"{label:<22} {n:>7} docs  total {wall:7.1f}s  {n / wall:7.0f} docs/s"
    return f"{head}  RSS {summary.peak_rss_mb:6.0f} MiB  {stages}"


def main() -> int:
    from prefect.testing.utilities import prefect_test_harness

    from flows.pipeline import run_pipeline

    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000").split(",") if s]
    html_share = float(os.environ.get("BENCH_HTML_SHARE", "0"))
    print(f"Pipeline scale benchmark, {os.cpu_count()} cores, html share {html_share:.0%}, sizes {sizes}")
    work = Path(tempfile.mkdtemp(prefix="article-etl-bench-"))
    try:
        with prefect_test_harness(server_startup_timeout=120):
            for n in sizes:
                inbox, db = work / f"inbox-{n}", work / f"wh-{n}" / "articles.duckdb"
                generated = _generate(n, inbox, html_share)
                print(
                    f"generate               {n:>7} docs  {generated:7.1f}s  {n / generated:7.0f} docs/s",
                    flush=True,
                )
                for label in ("full run", "no-op re-run"):
                    started = time.perf_counter()
                    state = run_pipeline(inbox=inbox, db_path=db, return_state=True)
                    wall = time.perf_counter() - started
                    summary = state.result(raise_on_failure=False)
                    if not state.is_completed():
                        print(f"{label}: {state.message}")
                        return 1
                    print(_row(label, n, wall, summary), flush=True)
                size_mb = db.stat().st_size / 2**20
                print(f"warehouse              {n:>7} docs  {size_mb:7.1f} MiB ({db})", flush=True)
                shutil.rmtree(inbox)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
