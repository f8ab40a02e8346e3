"""Benchmark the text-dump extractor against trafilatura and jusText on every available corpus.

Run from the repo root: .venv/bin/python -m bench.text_dumps
Corpora (skipped with a message when absent):
  scrapinghub-text  ../shared/benchmarks/scrapinghub-text/*.txt + scrapinghub/ground-truth.json
  shared-samples    ../shared/samples/raw/*.txt + gold.jsonl
  inbox             samples/inbox/*.txt + samples/gold.jsonl
  unseen            samples/unseen/raw/*.txt + gold.jsonl (written blind, see samples/README.md)
  unseen2..10       samples/unseen2|3|4|6-10/raw/*.txt + gold.jsonl (later blind rounds, same README)
Baselines get the same dumps, each line wrapped as <p> (trafilatura) or as a paragraph (jusText).
Scores are the ScrapingHub 4-token-shingle metric (transforms.evaluation.score_corpus).
Under each corpus: the CPU time per dump of ours, split into parsing + site grouping, the line
model (transforms.blocks) and the per-page rest (decoding, removal reasons, metadata).
The text model was trained on scrapinghub-text: its number there is in-sample; the held-out
5-fold figure comes from `python -m bench.train_text`.
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Callable
from pathlib import Path

from bench import BLIND_ROUNDS, REPO, SAMPLES
from transforms.blocks import parse_dump
from transforms.decode import decode_document
from transforms.evaluation import score_corpus
from transforms.model import FORMAT_TEXT, DecodedDocument
from transforms.textdump import assign_text_sites, extract_text_batch, line_probabilities

SHARED = REPO / ".." / "shared"


def _gold_jsonl(path: Path) -> dict[str, str]:
    bodies = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            bodies[record["file"]] = record["body"] if record.get("is_article", True) else ""
    return bodies


def load_corpora() -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    """{corpus name: ({id: dump text}, {id: true body})} for every corpus present."""
    corpora = {}
    text_dir = SHARED / "benchmarks" / "scrapinghub-text"
    truth_file = SHARED / "benchmarks" / "scrapinghub" / "ground-truth.json"
    if text_dir.is_dir() and truth_file.is_file():
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        texts = {key: (text_dir / f"{key}.txt").read_text(encoding="utf-8") for key in truth}
        corpora["scrapinghub-text"] = (texts, {key: value["articleBody"] for key, value in truth.items()})
    else:
        print(f"skip scrapinghub-text: {text_dir} absent")
    for name, raw_dir, gold_file in (
        ("shared-samples", SHARED / "samples" / "raw", SHARED / "samples" / "gold.jsonl"),
        ("inbox", REPO / "samples" / "inbox", REPO / "samples" / "gold.jsonl"),
        *((name, SAMPLES / name / "raw", SAMPLES / name / "gold.jsonl") for name in BLIND_ROUNDS),
    ):
        if not (raw_dir.is_dir() and gold_file.is_file()):
            print(f"skip {name}: {raw_dir} or {gold_file} absent")
            continue
        gold = _gold_jsonl(gold_file)
        texts = {
            path.name: decode_document(path.name, path.read_bytes()).text
            for path in sorted(raw_dir.glob("*.txt"))
            if path.name in gold
        }
        if texts:  # a round of HTML pages only has no dumps
            corpora[name] = (texts, {key: gold[key] for key in texts})
    return corpora


def ours(texts: dict[str, str]) -> dict[str, str]:
    docs = [DecodedDocument(key, text, FORMAT_TEXT, "utf-8") for key, text in texts.items()]
    extractions, _ = extract_text_batch(docs)
    return {extraction.name: extraction.body for extraction in extractions}


def _as_html(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<html><body>{paragraphs}</body></html>"


def trafilatura_baseline(texts: dict[str, str]) -> dict[str, str]:
    import trafilatura

    return {key: trafilatura.extract(_as_html(text)) or "" for key, text in texts.items()}


def justext_baseline(texts: dict[str, str]) -> dict[str, str]:
    import justext

    stoplist = justext.get_stoplist("English")
    result = {}
    for key, text in texts.items():
        paragraphs = justext.justext(_as_html(text).encode("utf-8"), stoplist)
        result[key] = "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return result


def keep_everything(texts: dict[str, str]) -> dict[str, str]:
    return {
        key: "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
        for key, text in texts.items()
    }


def _throughput(texts: dict[str, str], minimum_seconds: float = 2.0) -> float:
    docs = [DecodedDocument(key, text, FORMAT_TEXT, "utf-8") for key, text in texts.items()]
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < minimum_seconds:
        extract_text_batch(docs)
        done += len(docs)
    return done / (time.perf_counter() - start)


def stage_costs(texts: dict[str, str], repeats: int = 3) -> dict[str, float]:
    """CPU milliseconds per dump of each part of extract_text_batch (best of `repeats`, process time,
    so other processes on a shared machine count less): parsing + site grouping, the line model,
    and the rest (per-page decoding, removal reasons, metadata)."""
    docs = [DecodedDocument(key, text, FORMAT_TEXT, "utf-8") for key, text in texts.items()]
    dumps = [parse_dump(doc.text) for doc in docs]

    def best(run: Callable[[], object]) -> float:
        times = []
        for _ in range(repeats):
            start = time.process_time()
            run()
            times.append(time.process_time() - start)
        return min(times) * 1000 / len(docs)

    total = best(lambda: extract_text_batch(docs))
    sites = best(lambda: assign_text_sites(docs))
    model = best(lambda: line_probabilities(dumps))
    return {"parse+sites": sites, "model": model, "per-page": total - sites - model, "total": total}


def main() -> int:
    corpora = load_corpora()
    systems: list[tuple[str, Callable[[dict[str, str]], dict[str, str]]]] = [
        ("textdump (ours)", ours),
        ("keep everything", keep_everything),
        ("trafilatura", trafilatura_baseline),
        ("jusText", justext_baseline),
    ]
    print(f"{'corpus':<18}{'system':<18}{'F1':>8}{'P':>8}{'R':>8}{'docs/s':>10}")
    for corpus, (texts, truth) in corpora.items():
        for system, run in systems:
            start = time.perf_counter()
            predicted = run(texts)
            rate = len(texts) / (time.perf_counter() - start)
            score = score_corpus(truth, predicted)
            print(
                f"{corpus:<18}{system:<18}{score.f1:8.4f}{score.precision:8.4f}{score.recall:8.4f}{rate:10.0f}"
            )
        print(f"{corpus:<18}{'ours, sustained':<18}{'':>24}{_throughput(texts):10.0f}")
        costs = stage_costs(texts)
        print(f"{'':<18}CPU ms/dump: " + ", ".join(f"{name} {value:.3f}" for name, value in costs.items()))
        if corpus == "scrapinghub-text":
            print(f"{'':<18}(ours is in-sample here: trained on these pages; held-out 5-fold by site:")
            print(f"{'':<18} `python -m bench.train_text`, figure in its docstring and BENCHMARKS.md)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
