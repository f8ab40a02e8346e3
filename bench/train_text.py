"""Train the text-dump line classifier (transforms/rules/text_weights.json) and report held-out F1.

How the model is made
---------------------
* Data: the 181 ScrapingHub pages rendered to plain-text dumps (../shared/benchmarks/
  scrapinghub-text) and their hand-annotated article bodies (ground-truth.json). The five
  shared sample dumps are NOT used for training; they stay a held-out check in another layout.
* Line labels: a dump line is "article" when at least half of its 4-token shingles occur in the
  page's true body (lines under 4 tokens: when their tokens equal a whole true paragraph).
* Features: transforms.blocks.FEATURE_NAMES, shape of the line and of its neighbourhood.
* Model: L2-regularised logistic regression fitted by Newton's method (IRLS) in numpy on
  standardised features; the standardisation is folded back into the weights so the runtime
  is a plain dot product in pure Python. Lines are weighted by sqrt(tokens) so long lines,
  which carry most of the score, count more.
* Evaluation: 5-fold cross-validation over pages (folds grouped by site, so no site is in both
  a training and a test fold); every reported number is on held-out folds, decoded by the same
  transforms.textdump code the runtime uses. The final weights are then fitted on all pages.

Run: .venv/bin/python -m bench.train_text [--write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from pathlib import Path

import numpy as np

from transforms.blocks import FEATURE_NAMES, line_features, linear_model, parse_dump
from transforms.evaluation import score_corpus
from transforms.rules import RULES_DIR

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
TEXT_DIR = SHARED / "benchmarks" / "scrapinghub-text"
TRUTH = SHARED / "benchmarks" / "scrapinghub" / "ground-truth.json"
WEIGHTS_FILE = RULES_DIR / "text_weights.json"
_TOKEN = re.compile(r"\w+")
FOLDS = 5
L2 = 1.0


def load_corpus() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(dump text, true body, site host) keyed by page id."""
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    texts, bodies, hosts = {}, {}, {}
    for page_id, record in truth.items():
        texts[page_id] = (TEXT_DIR / f"{page_id}.txt").read_text(encoding="utf-8")
        bodies[page_id] = record["articleBody"]
        hosts[page_id] = re.sub(r"^www\.", "", record["url"].split("/")[2])
    return texts, bodies, hosts


def line_labels(text: str, body: str) -> list[int]:
    tokens = _TOKEN.findall(body)
    shingles = {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}
    paragraphs = {tuple(_TOKEN.findall(p)) for p in body.split("\n")}
    labels = []
    for line in parse_dump(text).texts:
        words = _TOKEN.findall(line)
        if len(words) < 4:
            labels.append(1 if words and tuple(words) in paragraphs else 0)
            continue
        grams = [tuple(words[i : i + 4]) for i in range(len(words) - 3)]
        labels.append(1 if sum(g in shingles for g in grams) * 2 >= len(grams) else 0)
    return labels


def page_matrix(text: str) -> np.ndarray:
    return np.asarray(line_features(parse_dump(text)), dtype=float).reshape(-1, len(FEATURE_NAMES))


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, float]:
    """L2 logistic regression by IRLS on standardised columns; returns raw-scale (w, b)."""
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2)
    penalty[-1] = 0.0
    for _ in range(30):
        p = 1 / (1 + np.exp(-(z @ beta)))
        gradient = z.T @ (weight * (p - y)) + penalty * beta
        hessian = (z * (weight * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    w = beta[:-1] / std
    return w, float(beta[-1] - (mean / std) @ beta[:-1])


def weights_json(w: np.ndarray, b: float) -> dict:
    return {
        "_comment": "Logistic-regression line weights made by bench/train_text.py; do not edit by hand.",
        "bias": round(b, 6),
        "weights": {name: round(float(v), 6) for name, v in zip(FEATURE_NAMES, w, strict=True)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write weights fitted on all pages")
    args = parser.parse_args(argv)
    if not TEXT_DIR.is_dir():
        print(f"no corpus at {TEXT_DIR}", file=sys.stderr)
        return 1
    from transforms.textdump import decode_page

    texts, bodies, hosts = load_corpus()
    ids = sorted(texts)
    matrices = {i: page_matrix(texts[i]) for i in ids}
    labels = {i: np.asarray(line_labels(texts[i], bodies[i]), dtype=float) for i in ids}
    sizes = {i: np.asarray([len(line.split()) for line in parse_dump(texts[i]).texts]) for i in ids}
    fold_of = {i: zlib.crc32(hosts[i].encode()) % FOLDS for i in ids}
    predicted: dict[str, str] = {}
    for fold in range(FOLDS):
        train = [i for i in ids if fold_of[i] != fold]
        x = np.vstack([matrices[i] for i in train])
        y = np.concatenate([labels[i] for i in train])
        sample_weight = np.sqrt(np.concatenate([sizes[i] for i in train]) + 1.0)
        w, b = fit(x, y, sample_weight)
        model = linear_model(weights_json(w, b))
        for i in ids:
            if fold_of[i] == fold:
                predicted[i] = decode_page(texts[i], model)
    score = score_corpus(bodies, predicted)
    print(
        f"held-out {FOLDS}-fold (by site): F1 {score.f1:.4f}  P {score.precision:.4f}  R {score.recall:.4f}"
    )
    worst = sorted(score.pages.items(), key=lambda kv: kv[1].f1)[:8]
    for page_id, page in worst:
        print(f"  {page.f1:.3f} P {page.precision:.3f} R {page.recall:.3f} {hosts[page_id]} {page_id[:12]}")
    if args.write:
        x = np.vstack([matrices[i] for i in ids])
        y = np.concatenate([labels[i] for i in ids])
        sample_weight = np.sqrt(np.concatenate([sizes[i] for i in ids]) + 1.0)
        w, b = fit(x, y, sample_weight)
        WEIGHTS_FILE.write_text(json.dumps(weights_json(w, b), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
