"""Prefect flows and the command line: orchestration only.

Prefect keeps its state inside the project (`.prefect/`, gitignored) and sends no analytics,
unless the environment already says otherwise; set before Prefect is first imported.
"""

import os
from pathlib import Path

os.environ.setdefault("PREFECT_HOME", str(Path(__file__).resolve().parents[1] / ".prefect"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
