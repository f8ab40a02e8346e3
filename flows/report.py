"""Quality reports as Prefect artifacts, with stable keys so the UI shows their history."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from expectations import GateVerdict

if TYPE_CHECKING:
    from flows.pipeline import RunSummary

REPORT_KEY = "article-pipeline-quality-report"
CHECKS_KEY = "article-pipeline-checks"
COUNTS_KEY = "article-pipeline-counts"


def _cell(value: object, limit: int = 160) -> str:
    """A value safe inside a markdown table cell, cut to `limit` characters."""
    text = str(value).replace("\n", " ")
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def render_report(summary: RunSummary, gate: GateVerdict, removed_reasons: pd.Series) -> str:
    """The markdown quality report of one run."""
    verdict = "published" if summary.status == "published" else f"**blocked**: {summary.reason}"
    lines = [
        f"# Article pipeline run `{summary.run_id}`",
        "",
        f"Result: {verdict}. {summary.files_seen} files seen, {summary.files_processed} extracted "
        f"({summary.mode} run), {summary.files_deleted} deleted; "
        f"{summary.checks_passed} checks passed, {summary.checks_failed} failed.",
        "",
        "## Documents by status",
        "",
        "| status | documents |",
        "|---|---|",
        *(f"| {status} | {count} |" for status, count in sorted(summary.statuses.items())),
        "",
        "## Checks that did not pass",
        "",
    ]
    failed = [o for o in gate.outcomes if not o.success]
    if failed:
        lines += ["| severity | suite | expectation | observed |", "|---|---|---|---|"]
        lines += [
            f"| {o.severity} | {o.suite} | {_cell(o.expectation)} | {_cell(o.observed)} |" for o in failed
        ]
    else:
        lines.append("All checks passed.")
    if len(removed_reasons):
        top = removed_reasons.head(10)
        lines += ["", "## Top reasons lines were removed", "", "| reason | lines |", "|---|---|"]
        lines += [f"| {_cell(reason)} | {count} |" for reason, count in top.items()]
    if summary.skipped:
        lines += ["", "## Documents not published, by reason", "", "| reason | documents |", "|---|---|"]
        lines += [f"| {_cell(reason)} | {count} |" for reason, count in sorted(summary.skipped.items())]
    if gate.data_docs_index:
        lines += ["", f"Great Expectations Data Docs (open in a browser): `{gate.data_docs_index}`"]
    return "\n".join(lines) + "\n"


def publish_report(summary: RunSummary, gate: GateVerdict, removed_reasons: pd.Series) -> None:
    """The run's quality report, its checks and its counts as Prefect artifacts.

    `removed_reasons`: lines removed per reason, most frequent first.
    """
    create_markdown_artifact(
        render_report(summary, gate, removed_reasons), key=REPORT_KEY, description="Quality report of the run"
    )
    create_table_artifact(
        [
            {
                "suite": o.suite,
                "expectation": o.expectation,
                "severity": o.severity,
                "success": o.success,
                "observed": o.observed,
            }
            for o in gate.outcomes
        ],
        key=CHECKS_KEY,
        description="Every expectation of the quality gate",
    )
    create_table_artifact(
        [{"status": status, "documents": count} for status, count in sorted(summary.statuses.items())],
        key=COUNTS_KEY,
        description="Documents by status",
    )
