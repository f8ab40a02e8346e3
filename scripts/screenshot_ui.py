"""Screenshots of the pipeline's Prefect artifacts in the Prefect UI, for docs/ (needs Chromium).

Starts a throwaway Prefect server on 127.0.0.1 (its own home and SQLite database in a temporary folder,
so the project's `.prefect/` is untouched), runs `article-etl run` on the bundled sample inbox against
it, then once more on an inbox of junk that the quality gate blocks, finds each run's quality report
artifact through the REST API and screenshots its page, and the Artifacts page, with headless Chromium.
The server is stopped at the end.

    .venv/bin/python scripts/screenshot_ui.py [--out docs] [--budget-ms 15000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from flows.serve import free_port, prefect_server, private_server_env

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAMPLE_INBOX = REPO / "samples" / "inbox"
REPORT_KEY = "article-pipeline-quality-report"  # flows.report.REPORT_KEY; not imported to keep Prefect out
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def post(api_url: str, path: str, body: dict) -> list[dict]:
    request = urllib.request.Request(
        f"{api_url}{path}", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def run_pipeline(api_url: str, inbox: Path, db: Path) -> int:
    """`article-etl run` on `inbox` into `db`, reporting to the server at `api_url`; its exit code."""
    env = private_server_env(db.parent / "client-home") | {"PREFECT_API_URL": api_url}
    command = [str(BIN / "article-etl"), "run", "--inbox", str(inbox), "--db", str(db)]
    return subprocess.run(command, env=env, cwd=db.parent, stdout=subprocess.DEVNULL).returncode


def blocked_inbox(folder: Path) -> Path:
    """Five unreadable binary files and one real article: more than half fail, so the gate blocks."""
    folder.mkdir()
    for i in range(5):
        (folder / f"scan-{i}.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    shutil.copy(next(SAMPLE_INBOX.glob("*.txt")), folder / "one-article.txt")
    return folder


def latest_report_id(api_url: str) -> str:
    [report] = post(api_url, "/artifacts/latest/filter", {"artifacts": {"key": {"any_": [REPORT_KEY]}}})
    return report["latest_id"]


def screenshot(browser: str, url: str, png: Path, profile: Path, budget_ms: int) -> None:
    """One headless Chromium screenshot of `url`, after `budget_ms` of virtual time for the page to render."""
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--window-size=1400,1600",
            f"--virtual-time-budget={budget_ms}",
            f"--screenshot={png}",
            url,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="folder for the PNGs")
    parser.add_argument("--budget-ms", type=int, default=15000, help="Chromium virtual-time budget per page")
    args = parser.parse_args(argv)
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        print("screenshot_ui: no Chromium found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="article-etl-ui-") as tmp_name:
        tmp = Path(tmp_name)
        ui = f"http://127.0.0.1:{port}"
        with prefect_server(port, private_server_env(tmp / "home"), log=tmp / "server.log") as api_url:
            pages = {}
            if run_pipeline(api_url, SAMPLE_INBOX, tmp / "articles.duckdb") != 0:
                raise RuntimeError("the sample inbox did not publish")
            pages["quality-report.png"] = f"{ui}/artifacts/artifact/{latest_report_id(api_url)}"
            if run_pipeline(api_url, blocked_inbox(tmp / "junk"), tmp / "blocked.duckdb") != 1:
                raise RuntimeError("the junk inbox was not blocked")
            pages["quality-report-blocked.png"] = f"{ui}/artifacts/artifact/{latest_report_id(api_url)}"
            pages["artifacts.png"] = f"{ui}/artifacts"
            for name, url in pages.items():
                screenshot(browser, url, args.out / name, tmp / f"chromium-{name}", args.budget_ms)
                print(f"{args.out / name}: {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
