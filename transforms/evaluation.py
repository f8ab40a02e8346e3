"""Body-text scoring: the ScrapingHub benchmark metric (4-token shingles), for tests and bench.

Same definition as ../shared/benchmarks/score.py: per page, TP/FP/FN over shingle multisets
normalised to sum 1; precision and recall are means over pages; F1 is the harmonic mean of
those two means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from statistics import mean

_TOKEN = re.compile(r"\w+")


def _shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


@dataclass(frozen=True, slots=True)
class PageScore:
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fp == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fn == 0 else self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(true: str | None, pred: str | None) -> PageScore:
    gold, got = _shingles(true), _shingles(pred)
    tp = fp = fn = 0
    for key in gold.keys() | got.keys():
        t, p = gold.get(key, 0), got.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return PageScore(tp / total, fp / total, fn / total) if total else PageScore(0.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class CorpusScore:
    precision: float
    recall: float
    f1: float
    pages: dict[str, PageScore]


def score_corpus(truth: Mapping[str, str | None], predicted: Mapping[str, str | None]) -> CorpusScore:
    """Score predicted bodies against true bodies, both keyed by page id (missing = empty)."""
    pages = {key: score_page(truth[key], predicted.get(key)) for key in truth}
    precision = mean([s.precision for s in pages.values() if s.tp + s.fp > 0] or [0.0])
    recall = mean([s.recall for s in pages.values() if s.tp + s.fn > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return CorpusScore(precision, recall, f1, pages)
