"""`article-etl serve`: a local Prefect server (127.0.0.1 only) and the pipeline as a cron deployment.

Ctrl-C stops the deployment runner and then the server. With PREFECT_API_URL already set, the
deployment is served against that server and none is started.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from contextlib import suppress

from flows.settings import Settings

HOST, PORT = "127.0.0.1", 4200
DEPLOYMENT_NAME = "article-pipeline-scheduled"


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def start_server(timeout_s: float = 120.0) -> tuple[subprocess.Popen[bytes], str]:
    """Start `prefect server start` bound to loopback and wait until it answers."""
    api_url = f"http://{HOST}:{PORT}/api"
    if _healthy(api_url):
        raise RuntimeError(
            f"a Prefect server already answers on {HOST}:{PORT}: set PREFECT_API_URL={api_url}"
        )
    prefect = os.path.join(os.path.dirname(sys.executable), "prefect")
    # The UI takes its API address from these settings, not from --host/--port.
    env = os.environ | {"PREFECT_SERVER_API_HOST": HOST, "PREFECT_SERVER_API_PORT": str(PORT)}
    server = subprocess.Popen([prefect, "server", "start", "--host", HOST, "--port", str(PORT)], env=env)
    deadline = time.monotonic() + timeout_s
    while not _healthy(api_url):
        if server.poll() is not None or time.monotonic() > deadline:
            server.terminate()
            raise RuntimeError(f"Prefect server did not start on {HOST}:{PORT}")
        time.sleep(0.5)
    return server, api_url


def serve(settings: Settings) -> None:
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        server, api_url = start_server()
        os.environ["PREFECT_API_URL"] = api_url
        print(f"Prefect UI: http://{HOST}:{PORT}")
    from prefect.schedules import Cron

    from flows.pipeline import run_pipeline

    try:
        run_pipeline.serve(
            name=DEPLOYMENT_NAME,
            schedules=[Cron(settings.schedule_cron, timezone=settings.timezone)],
            global_limit=1,  # DuckDB has one writer: scheduled runs never overlap
            parameters={"inbox": str(settings.inbox), "db_path": str(settings.db_path)},
            description="Scheduled article pipeline over the inbox",
        )
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.terminate()
            with suppress(subprocess.TimeoutExpired):
                server.wait(timeout=15)
            if server.poll() is None:
                server.kill()
