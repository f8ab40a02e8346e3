"""Great Expectations quality gate for a staged batch (see expectations.gate)."""

import os

# Must be set before great_expectations is first imported: no usage statistics leave the machine.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

from expectations.gate import (  # noqa: E402 - after the environment above
    QUARANTINE_REASON,
    ExpectationOutcome,
    GateResult,
    GateThresholds,
    PublishedStats,
    validate_batch,
)

__all__ = [
    "QUARANTINE_REASON",
    "ExpectationOutcome",
    "GateResult",
    "GateThresholds",
    "PublishedStats",
    "validate_batch",
]
