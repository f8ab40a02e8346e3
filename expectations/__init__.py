"""Great Expectations quality gate for a staged batch (see expectations.gate).

The gate's verdict types come from expectations.verdict, which does not import GX; the gate itself
(`validate_batch`, `GateResult`, `QUARANTINE_REASON`) is imported on first use, so a process that
only reads verdicts (the flow's) never loads GX.
"""

import importlib
import os

# Must be set before great_expectations is first imported: no usage statistics leave the machine.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

from expectations.verdict import (  # noqa: E402 - after the environment above
    ExpectationOutcome,
    GateThresholds,
    GateVerdict,
    PublishedStats,
)

_FROM_GATE = ("QUARANTINE_REASON", "GateResult", "validate_batch")

__all__ = [
    *_FROM_GATE,
    "ExpectationOutcome",
    "GateThresholds",
    "GateVerdict",
    "PublishedStats",
]


def __getattr__(name: str) -> object:
    if name in _FROM_GATE:
        return getattr(importlib.import_module("expectations.gate"), name)
    raise AttributeError(f"module 'expectations' has no attribute {name!r}")
