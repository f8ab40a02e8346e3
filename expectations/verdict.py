"""What the quality gate decides, in plain dataclasses: no Great Expectations import here.

The flow's process reads a verdict made in another process, so it never pays for importing GX
(about 250 MiB of resident memory) while it extracts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class ExpectationOutcome:
    suite: str
    expectation: str  # readable check name, e.g. "articles.article_id unique"
    severity: str  # "critical" | "warning"
    success: bool
    observed: str  # the observed value as short human text
    details: str | None


@dataclass(frozen=True)
class PublishedStats:
    """The last published run, the baseline for drift checks."""

    articles: int
    documents: int
    mean_words: float


@dataclass(frozen=True)
class GateThresholds:
    max_failed_share: float = 0.5  # share of failed/not_article documents above which the batch blocks
    min_words: int = 30
    max_words: int = 50_000
    drift_max_ratio: float = 3.0  # change vs the last publish beyond which a warning is raised
    earliest_date: date = date(1990, 1, 1)


class Outcomes:
    """Reading a gate's `outcomes`: what blocks the publish, what is only reported."""

    outcomes: tuple[ExpectationOutcome, ...]

    @property
    def passed(self) -> bool:
        """No critical check failed: the batch may be published."""
        return not self.blocking

    @property
    def blocking(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if o.severity == "critical" and not o.success]

    @property
    def warnings(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if o.severity != "critical" and not o.success]


@dataclass(frozen=True)
class GateVerdict(Outcomes):
    """The gate's outcomes, the documents it quarantined (document_id -> reason), its Data Docs."""

    outcomes: tuple[ExpectationOutcome, ...]
    quarantined_documents: dict[str, str]
    data_docs_index: Path | None = None
