"""`article-etl serve`: a local Prefect server (127.0.0.1 only) and the pipeline as a cron deployment.

Ctrl-C stops the deployment runner and then the server. With PREFECT_API_URL already set, the
deployment is served against that server and none is started. `prefect_server` is also what the
artifact tests and the UI screenshot script start their private servers with.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path

from flows.settings import Settings

HOST, PORT = "127.0.0.1", 4200
DEPLOYMENT_NAME = "article-pipeline-scheduled"


def healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def free_port() -> int:
    """A TCP port nothing listens on, on the loopback interface."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def private_server_env(home: Path) -> dict[str, str]:
    """This environment without Prefect or pipeline settings, with its own Prefect home and database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "ARTICLE_ETL_"))}
    return env | {
        "PREFECT_HOME": str(home),
        "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home / 'prefect.db'}",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "GX_ANALYTICS_ENABLED": "false",
    }


@contextmanager
def prefect_server(
    port: int = PORT, env: Mapping[str, str] | None = None, log: Path | None = None, timeout_s: float = 180.0
) -> Iterator[str]:
    """`prefect server start` on 127.0.0.1:`port`; yields its API URL once it answers; stops it on exit."""
    api_url = f"http://{HOST}:{port}/api"
    if healthy(api_url):
        raise RuntimeError(
            f"a Prefect server already answers on {HOST}:{port}: set PREFECT_API_URL={api_url}"
        )
    prefect = os.path.join(os.path.dirname(sys.executable), "prefect")
    # The UI takes its API address from these settings, not from --host/--port.
    env = dict(env or os.environ) | {"PREFECT_SERVER_API_HOST": HOST, "PREFECT_SERVER_API_PORT": str(port)}
    output = log.open("wb") if log else None
    server = subprocess.Popen(
        [prefect, "server", "start", "--host", HOST, "--port", str(port)],
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT if output else None,
    )
    try:
        deadline = time.monotonic() + timeout_s
        while not healthy(api_url):
            if server.poll() is not None or time.monotonic() > deadline:
                detail = f":\n{log.read_text(errors='replace')[-3000:]}" if log else ""
                raise RuntimeError(f"Prefect server did not start on {HOST}:{port}{detail}")
            time.sleep(0.5)
        yield api_url
    finally:
        server.terminate()
        with suppress(subprocess.TimeoutExpired):
            server.wait(timeout=15)
        if server.poll() is None:
            server.kill()
            server.wait()
        if output:
            output.close()


def serve(settings: Settings) -> None:
    def serve_deployment() -> None:
        # Imported only now: Prefect reads PREFECT_API_URL when it is first imported.
        from prefect.schedules import Cron

        from flows.pipeline import run_pipeline

        run_pipeline.serve(
            name=DEPLOYMENT_NAME,
            schedules=[Cron(settings.schedule_cron, timezone=settings.timezone)],
            global_limit=1,  # DuckDB has one writer: scheduled runs never overlap
            parameters={"inbox": str(settings.inbox), "db_path": str(settings.db_path)},
            description="Scheduled article pipeline over the inbox",
        )

    try:
        if os.environ.get("PREFECT_API_URL"):
            serve_deployment()
            return
        with prefect_server() as api_url:
            os.environ["PREFECT_API_URL"] = api_url
            print(f"Prefect UI: http://{HOST}:{PORT}")
            serve_deployment()
    except KeyboardInterrupt:
        pass
