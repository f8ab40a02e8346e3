"""Bench: transforms.html.extract_html vs trafilatura, readability-lxml and jusText.

Run from the repo root:  .venv/bin/python -m bench.html_pages [--passes N]

Scores every extractor on the ScrapingHub article-extraction benchmark (../shared, 181 pages)
with transforms.evaluation.score_corpus, times them side by side in this one process over the
same pages (page by page in turn, best of several passes), prints the speed ratio
ours/trafilatura, and scores the HTML pages of samples/inbox, samples/unseen, samples/unseen5,
samples/unseen8 to samples/unseen17 (HTML pages) against their gold files. The baselines are bench-only
dependencies; transforms/ never imports them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

from bench import BLIND_ROUNDS, REPO, SAMPLES
from transforms.decode import decode_document
from transforms.evaluation import score_corpus
from transforms.html import extract_html
from transforms.model import FORMAT_HTML, DecodedDocument

SHARED = REPO / ".." / "shared"
BENCHMARK = SHARED / "benchmarks" / "scrapinghub"
INBOX = REPO / "samples" / "inbox"
GOLD = REPO / "samples" / "gold.jsonl"

Extractor = Callable[[str], str]


def ours(html: str) -> str:
    return extract_html(DecodedDocument("page", html, FORMAT_HTML, "utf-8")).body


def _baselines() -> dict[str, Extractor]:
    import justext
    import trafilatura
    from readability import Document

    logging.getLogger("readability").setLevel(logging.ERROR)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    stoplist = justext.get_stoplist("English")

    def trafilatura_default(html: str) -> str:
        return trafilatura.extract(html) or ""

    def trafilatura_no_comments(html: str) -> str:
        return trafilatura.extract(html, include_comments=False) or ""

    def readability_lxml(html: str) -> str:
        import lxml.html

        summary = Document(html).summary(html_partial=True)
        return "\n\n".join(
            " ".join(block.text_content().split())
            for block in lxml.html.fromstring(summary).iter("p", "h1", "h2", "h3", "h4", "li", "pre", "td")
        )

    def jus_text(html: str) -> str:
        paragraphs = justext.justext(html.encode("utf-8"), stoplist)
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return {
        "trafilatura": trafilatura_default,
        "trafilatura(no comments)": trafilatura_no_comments,
        "readability-lxml": readability_lxml,
        "jusText": jus_text,
    }


def _load_benchmark() -> tuple[dict[str, str], dict[str, str]]:
    truth_json = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    pages, truth = {}, {}
    for page_id, record in sorted(truth_json.items()):
        with gzip.open(BENCHMARK / "html" / f"{page_id}.html.gz", "rb") as handle:
            pages[page_id] = handle.read().decode("utf-8", errors="replace")
        truth[page_id] = record["articleBody"] or ""
    return pages, truth


def load_html_pages(folder: Path, gold_file: Path) -> tuple[dict[str, str], dict[str, str]]:
    """({name: html}, {name: true body}) of the HTML pages in `folder` that `gold_file` answers."""
    if not folder.is_dir() or not gold_file.is_file():
        return {}, {}
    gold = {}
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["file"]] = record.get("body") or ""
    pages = {}
    for path in sorted(folder.iterdir()):
        if path.name not in gold or not path.name.endswith((".html", ".htm", ".html.gz")):
            continue
        # Decoded as the pipeline decodes them: gzip, a declared or sniffed code page (a page
        # saved in windows-1252 is no UTF-8).
        pages[path.name] = decode_document(path.name, path.read_bytes()).text
    return pages, {name: gold[name] for name in pages}


def _timed_runs(
    extractors: dict[str, Extractor], pages: dict[str, str], passes: int
) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    """Predictions and docs/s per extractor (best pass), timed page by page in turn, so load from
    other processes on the machine falls on every extractor alike."""
    predictions: dict[str, dict[str, str]] = {name: {} for name in extractors}
    best = dict.fromkeys(extractors, float("inf"))
    clock = time.perf_counter
    for _ in range(passes):
        spent = dict.fromkeys(extractors, 0.0)
        for page_id, html in pages.items():
            for name, extractor in extractors.items():
                start = clock()
                predictions[name][page_id] = extractor(html)
                spent[name] += clock() - start
        for name, seconds in spent.items():
            best[name] = min(best[name], seconds)
    return predictions, {name: len(pages) / seconds for name, seconds in best.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="timing passes per extractor (best counts)")
    args = parser.parse_args()
    if not BENCHMARK.is_dir():
        raise SystemExit(f"benchmark not found at {BENCHMARK.resolve()}")
    pages, truth = _load_benchmark()
    extractors: dict[str, Extractor] = {"ours (transforms.html)": ours, **_baselines()}
    print(
        f"ScrapingHub benchmark: {len(pages)} pages; extractors timed in turn page by page, "
        f"best of {args.passes} passes, one process"
    )
    print(f"{'extractor':<26} {'F1':>6} {'P':>6} {'R':>6} {'docs/s':>8}")
    predictions, speeds = _timed_runs(extractors, pages, args.passes)
    for name in extractors:
        score = score_corpus(truth, predictions[name])
        print(f"{name:<26} {score.f1:6.3f} {score.precision:6.3f} {score.recall:6.3f} {speeds[name]:8.1f}")
    ratio = speeds["ours (transforms.html)"] / speeds["trafilatura"]
    print(f"speed ratio ours/trafilatura: {ratio:.2f}x")

    for label, folder, gold_file in (
        ("samples/inbox", INBOX, GOLD),
        *(
            (f"samples/{name}", SAMPLES / name / "raw", SAMPLES / name / "gold.jsonl")
            for name in BLIND_ROUNDS
        ),
    ):
        pages, truth = load_html_pages(folder, gold_file)
        if not pages:  # a round of text dumps only
            continue
        score = score_corpus(truth, {name: ours(html) for name, html in pages.items()})
        scores = f"F1 {score.f1:.3f} P {score.precision:.3f} R {score.recall:.3f}"
        print(f"{label} HTML ({len(pages)} pages): {scores}")


if __name__ == "__main__":
    main()
