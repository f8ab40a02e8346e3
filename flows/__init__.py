"""Prefect flows and the command line: orchestration only.

Prefect keeps its state inside the project (`.prefect/`, gitignored) and sends no analytics,
unless the environment already says otherwise; set before Prefect is first imported. A run with
no server starts a temporary one: on a fresh clone its first start migrates a new database and
took over Prefect's 20 s default wait on a busy two-core box, so the wait is 120 s.
"""

import os
from pathlib import Path

os.environ.setdefault("PREFECT_HOME", str(Path(__file__).resolve().parents[1] / ".prefect"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
