"""Benchmark quote extraction (who said what) against a simple baseline on every gold corpus.

Run from the repo root: .venv/bin/python -m bench.quotes
Corpora (skipped with a message when absent):
  shared-samples  ../shared/samples/gold.jsonl
  inbox           samples/gold.jsonl
  unseen          samples/unseen/gold.jsonl, unseen2 to unseen18 likewise (written blind)
Input is the gold body (paragraphs joined by a blank line) and byline, so the numbers measure
quote finding and speaker resolution alone, not body extraction.
A hit is a predicted quote with the same text (whitespace normalised) and the same speaker as a
gold quote of the same article, each gold quote matched at most once; P/R/F1 are micro-averaged
over the corpus.
Baseline: quote spans of paired curly or straight marks, kept when a speech verb is in the same
sentence, attributed to the nearest run of capitalised words before the quote in the article (or,
with none in the sentence before it, the first one after it): the usual first attempt.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import BLIND_ROUNDS, REPO, SAMPLES
from transforms.model import Paragraph
from transforms.quotes import extract_quotes
from transforms.rules import load_lines

SHARED = REPO / ".." / "shared"
CORPORA = (
    ("shared-samples", SHARED / "samples" / "gold.jsonl"),
    ("inbox", REPO / "samples" / "gold.jsonl"),
    *((name, SAMPLES / name / "gold.jsonl") for name in BLIND_ROUNDS),
)

Extractor = Callable[[Sequence[Paragraph], Sequence[str]], list[tuple[str | None, str]]]

# Curly pairs; straight pairs whose marks are not inside a word (so "don't" is no quote mark).
_BASELINE_SPAN = re.compile(
    r"\u201c([^\u201d]+)\u201d|\u2018(.+?)[\u2019'](?!\w)|\"([^\"]+)\"|(?<!\w)'(.+?)'(?!\w)"
)
_BASELINE_VERB = re.compile(
    r"\b(?:" + "|".join(map(re.escape, load_lines("quote_speech_verbs.txt"))) + r")\b"
)
# Two or more capitalised words, after any title or sentence-opening word ("But Dr Ann Lee").
_BASELINE_SKIP = "|".join(
    map(re.escape, (*load_lines("quote_honorifics.txt"), "But", "And", "The", "A", "An"))
)
_BASELINE_NAME = re.compile(
    rf"(?:\b(?:{_BASELINE_SKIP})\.?\s+)*((?:[A-Z][a-z'\u2019\-]+)(?:\s+[A-Z][a-z'\u2019\-]+)+)"
)
_BASELINE_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\u2018\"'])")


def _normalise(text: str | None) -> str:
    return " ".join((text or "").split())


def ours(paragraphs: Sequence[Paragraph], byline: Sequence[str]) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in extract_quotes(paragraphs, byline)]


def baseline(paragraphs: Sequence[Paragraph], byline: Sequence[str]) -> list[tuple[str | None, str]]:
    """Quote + speech verb in its sentence + nearest capitalised name before it in the article."""
    found = []
    last_name: str | None = None
    for paragraph in paragraphs:
        for sentence in _BASELINE_SENTENCE.split(paragraph.text):
            outside = _BASELINE_SPAN.sub(" ", sentence)
            position = 0
            for match in _BASELINE_SPAN.finditer(sentence):
                before = _BASELINE_NAME.findall(_BASELINE_SPAN.sub(" ", sentence[position : match.start()]))
                last_name = before[-1] if before else last_name
                position = match.end()
                if _BASELINE_VERB.search(outside):
                    after = _BASELINE_NAME.findall(_BASELINE_SPAN.sub(" ", sentence[match.end() :]))
                    speaker = last_name if before or not after else after[0]
                    found.append((speaker, next(g for g in match.groups() if g is not None)))
            rest = _BASELINE_NAME.findall(_BASELINE_SPAN.sub(" ", sentence[position:]))
            last_name = rest[-1] if rest else last_name
    return found


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(records: Sequence[dict], extractor: Extractor) -> tuple[float, float, float, float]:
    """(precision, recall, F1, seconds) of `extractor` over the articles in `records`."""
    hits = predicted = expected = 0
    seconds = 0.0
    for record in records:
        if not record.get("is_article", True):
            continue
        texts = [t for t in (record.get("body") or "").split("\n\n") if t.strip()]
        paragraphs = [Paragraph(i, "body", t) for i, t in enumerate(texts)]
        started = time.perf_counter()
        got = extractor(paragraphs, record.get("byline") or [])
        seconds += time.perf_counter() - started
        gold = Counter((_normalise(q["speaker"]), _normalise(q["text"])) for q in record.get("quotes") or [])
        expected += sum(gold.values())
        predicted += len(got)
        for speaker, text in got:
            key = (_normalise(speaker), _normalise(text))
            if gold[key] > 0:
                gold[key] -= 1
                hits += 1
    precision = hits / predicted if predicted else 0.0
    recall = hits / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, seconds


def main() -> int:
    print(f"{'corpus':<16}{'system':<10}{'P':>7}{'R':>7}{'F1':>7}{'ms':>9}")
    for name, path in CORPORA:
        if not path.is_file():
            print(f"skip {name}: {path} absent")
            continue
        records = _records(path)
        for system, extractor in (("ours", ours), ("baseline", baseline)):
            precision, recall, f1, seconds = score(records, extractor)
            print(f"{name:<16}{system:<10}{precision:>7.3f}{recall:>7.3f}{f1:>7.3f}{seconds * 1000:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
