"""Train the text-dump line classifier (transforms/rules/text_weights.json) and report held-out F1.

How the model is made
---------------------
* Data: the 181 ScrapingHub pages rendered to plain-text dumps (../shared/benchmarks/
  scrapinghub-text) and their hand-annotated article bodies (ground-truth.json). Nothing else:
  the shared sample dumps and the repo's samples/inbox are never trained on, they stay held-out
  checks in another layout (blank-line blocks) and from other sites. (TEXT_TRAINING_ROUNDS adds
  blind rounds' dumps as training pages; tried in session 8 and not kept, see below.)
* Line labels: a dump line is "article" when at least half of its 4-token shingles occur in the
  page's true body (lines under 4 tokens: when their tokens equal a whole true paragraph).
* Features (transforms.blocks): stage 1 reads FEATURE_NAMES: the line's shape (length, sentence
  end, ellipsis, bullet, function-word share, capitalisation, numbers, chrome vocabulary,
  comment-widget markers, glued teaser headlines), its place in the page (position, repeats,
  headline position and word overlap with the <title>, colon-introduced lists, comment markers
  before/after) and means of shape features over +-1/3/8 neighbouring lines and the densest
  prose run. Stage 2 (stacking) reads STAGE2_FEATURES: stage-1 probabilities in context (window
  means, neighbours, the span of likely lines, page maximum) plus a few shape features.
* Model: stage 1 is an L2-regularised logistic regression (L2 = 1 on standardised features)
  fitted by Newton's method (IRLS) in numpy; the standardisation is folded back into the weights
  so the runtime is one weighted sum per line over a weights JSON. Stage 2 is 150 gradient-boosted trees
  of depth 3 (bench/boosting.py: logistic loss, learning rate 0.1, leaf L2 1, 32 quantile bins)
  over STAGE2_TREE_INPUTS (STAGE2_FEATURES, then the stage-1 features), boosted from the
  clipped stage-1 logit; the runtime evaluates the trees as arrays (blocks.tree_scores). Stage 2
  is fitted on stage-1 predictions made out of fold (inner 5-fold by site inside the training
  pages), so it learns how far to trust stage 1 on unseen sites. Line weights: each page's
  lines share equal total weight in proportion to their words, as the metric averages pages and
  counts words.
* Decoding (transforms.textdump.decide, thresholds in rules/text_decoding.json): the maximum-sum
  run of (p - 0.45) x sqrt(words + 1), grown over adjacent lines with p >= 0.3; inside it lines
  with p >= 0.3 are kept; then site chrome, archive lines, in-page repeats and head lines
  (title/byline/dateline) are dropped. The decoding constants were chosen on the held-out folds
  (a small grid; all choices within 0.005 F1), which is the one place the CV figure is tuned on.
* Evaluation: 5-fold cross-validation over pages, folds grouped by site (a site's pages are all
  in one fold); every reported number is on held-out folds, decoded by the same runtime code.
  The shipped weights are then fitted on all 181 pages.
* Result (session 2): held-out F1 0.924 (P 0.918, R 0.931); with the former linear stage 2
  0.917 (P 0.910, R 0.925). The number of trees was compared on the held-out folds (a second
  place the CV figure is tuned on): 100 / 150 rounds 0.921 / 0.924; other settings tried
  (depth 4, learning rate 0.05 with 200 rounds, leaf L2 10, min child hessian 5, trees over the
  stacking features only) all scored 0.919-0.926, every one above the linear stage 2; treat the
  third decimal as noise. Tried and not kept: a legal-notice line feature, colon lists
  introduced by 2+ words, decoder-segment and windowed title-overlap features in stage 2,
  blending linear and tree logits. In-sample (bench.text_dumps with the shipped weights) about
  0.95: the trees fit their training pages more closely than the linear model did (0.919),
  which is why only the held-out figure counts.
  Per fold (printed since session 3): 0.922 / 0.940 / 0.891 / 0.939 / 0.940.
* Noise (session 3): the figure depends on which inner partition of the training sites the
  stage-2 rows come from. Same model, other partitions (TEXT_INNER_SALT): 0.918, 0.916, 0.919,
  0.923 (and 0.924 for the default), so differences under ~0.006 are noise and single runs must
  not pick settings. Tried, measured over 2-4 partitions each, and not kept: stage-2 rows from
  3 inner partitions at once (TEXT_INNER_REPEATS=3: 0.924 / 0.923 / 0.918); that plus row
  subsampling 0.5 per tree (TEXT_TREE_SUBSAMPLE: 0.928 / 0.924 / 0.923 / 0.927, mean +0.005,
  but the shared samples fell to 0.988, one comment prompt kept); minimum child hessian 20
  (TEXT_TREE_MIN_HESSIAN, about a fifth of a page: 0.928 on the default partition, with 3
  partitions 0.926 / 0.923; per fold 2 up, 3 down; with 3 partitions the bundled corpus fell
  to 0.987, with one it held at 0.992). None is clearly above the noise and the guards, so the
  shipped model is unchanged.
* Session 5: the held-out pages are also decoded as the other layout (blank-line blocks, no
  <title> line, as the shared samples are), printed on the second line. The glued-teaser
  feature was a bare lower-Upper test that 4 in 5 times fired on article lines (brand names:
  SoftBank, iPhone); now it needs a title-case run before the glue and words after (hits 40
  chrome : 3 article lines). Over three inner partitions (default, TEXT_INNER_SALT=s1, s2):
  lines layout 0.9228 / 0.9225 / 0.9231 (before 0.9245 / 0.9204 / 0.9168, mean +0.002, spread
  down from 0.008 to 0.001), blocks layout 0.9211 / 0.9169 / 0.9181 (before 0.9143 / 0.9152 /
  0.9110, +0.005). Per fold (default): 0.928 / 0.944 / 0.893 / 0.914 / 0.941. The refit moved
  two borderline lines of the never-trained-on corpora below the keep threshold (a closing bio
  line at p 0.29 instead of 0.33, a crosshead): shared samples 0.993 -> 0.990, bundled 0.993 ->
  0.992. Tried and not kept: training on both layouts of every page (TEXT_AUGMENT_BLOCKS=1:
  lines 0.919, blocks 0.917, before the feature change); window means of the new glued feature
  (lines 0.9269 / 0.9236 / 0.9229, blocks 0.9214 / 0.9133 / 0.9149: one layout up, the other
  down); page-level stage-2 features (log count and share of likely lines: lines 0.9257 /
  0.9171 / 0.9236, blocks 0.9148 / 0.9134 / 0.9181, both means down); decoding tweaks on held-out
  predictions (stage 1 when stage 2 keeps nothing: +0.003, one page; ignoring lines above the
  printed headline: +0.002, four pages; trusting stage 1 above 0.95: +0.001) are too few pages
  to tell from tuning on the test set.
* Session 6 (decoding and rules only, the model is unchanged): held-out over the three inner
  partitions, lines layout 0.9349 / 0.9344 / 0.9358 (from 0.9228 / 0.9225 / 0.9231), blocks layout
  0.9282 / 0.9236 / 0.9253 (from 0.9211 / 0.9169 / 0.9181). What moved it: nothing above the
  printed headline is kept (a line holding >= 80% of the <title>'s headline, and only when the
  article's run continues below it; +0.004, four pages up, none down; 0.6 instead of 0.8 let a
  recipe card and a live-blog part title through, so the threshold was chosen on these folds);
  lines that are never article text always dropped (captions ending in a photo credit, "Read
  more:" and "Tags:" lines, ad labels, newsletter and paywall prompts: +0.002); a reader-comments
  heading followed by commenter headers ends the article (+0.002, one page); when the model keeps
  nothing, the paragraphs under the printed headline (+0.003, one page). Rules found on blind pages
  (teaser rails and lists) fire on none of the 181 pages. Tried and not kept: a stage-1 feature
  for teaser rails (headline + one-sentence summary pairs: lines 0.9272 / 0.9266, blocks 0.9241 /
  0.9185, both down), the after_headline feature computed from the same printed-headline test
  (lines 0.9270, blocks 0.9145), dropping every short unpunctuated line at the end of the kept
  lines (-0.0006: list-only articles lose their items), dropping runs of 3+ unpunctuated
  headline-like lines (-0.001: lists without bullets), dropping quoted lines repeated inside a
  paragraph as pull quotes (the annotators kept two of three), training on the 52 article dumps
  of the first three blind rounds as well (always in the training folds: lines 0.9375 / 0.9345,
  blocks 0.9218 / 0.9217 for the default and s1 partitions, precision up and recall down; the last
  blind round, never trained on, 0.968 -> 0.970, shared samples unchanged: no clear gain).
* Session 7 (decoding and rules only): held-out decoding (textdump.decode_pages) now makes
  extraction's not-article call, so a page found to hold no article scores 0 here as it does in
  the pipeline (a list-only calendar page: lines 0.9349 -> 0.9341), and the standfirst under the
  printed headline is kept, as the gold files want and ScrapingHub's annotators do not (lines
  0.9341 -> 0.9315, blocks 0.9268 -> 0.9258; blind rounds +0.002 to +0.012). Three inner
  partitions after it: lines 0.9315 / 0.9308 / 0.9329, blocks 0.9257 / 0.9219 / 0.9232; at the end
  of the session (more never-article lines, a standfirst from 11 words): lines 0.9316 / 0.9310 /
  0.9332, blocks 0.9251 / 0.9214 / 0.9228. Tried and not kept: lines outside the run next to a
  line above the outside threshold kept as well (lines -0.0001, blocks +0.0006), a crosshead
  between two kept lines kept from p 0.1 (+0.0005 / +0.0001 here, four blind rounds down),
  dropping the kept lines under a "Related articles" heading (inline related boxes mid-article on
  two sites: -0.0004 / -0.0015).
* Session 8 (rules and decoding; the shipped model is unchanged): held-out over the three inner
  partitions lines 0.9332 / 0.9324 / 0.9347, blocks 0.9286 / 0.9252 / 0.9262 (session start
  0.9316 / 0.9310 / 0.9332 and 0.9251 / 0.9214 / 0.9228). Tried and not kept: training on the 114
  article dumps of seven blind rounds as well (samples/unseen, unseen2-4, unseen6-8; always in the
  training folds: TEXT_TRAINING_ROUNDS). The later, never-trained blind rounds gained in five of
  six (unseen9 0.969 -> 0.980, unseen10 0.983 -> 0.986, unseen11 +0.002, unseen12 +0.004,
  unseen13 0.967 -> 0.973; the last round, written afterwards and scored once, 0.964 -> 0.962), but
  the real pages did not: the shared samples stayed at 0.992 and ScrapingHub held-out fell on
  every partition but one (lines 0.9295 / 0.9327 / 0.9296, blocks 0.9272 / 0.9242 / 0.9221).
  The blind pages are written by language models, so a model fitted on them may learn how those
  pages are written rather than what real pages are; until real pages say otherwise, the model
  is fitted on ScrapingHub alone.
* Session 9 (rules and decoding; the model unchanged): lines 0.9403 / 0.9385 / 0.9394, blocks
  0.9337 / 0.9309 / 0.9326 (session start as session 8 ended). Tables printed one cell per line,
  the rest of a list under a kept first item, a closing headline rail, related-stories boxes,
  the lead a gallery parted from the run. Tried and not kept: lines the rules always drop counted
  as neutral in the densest-run search (lines -0.0003 on one partition, blocks mixed), the run
  nearest the printed headline preferred over a denser one further down (mixed, -0.0004 on one).
* Session 14 (rules only; the model unchanged): lines 0.9438 / 0.9422 / 0.9426, blocks 0.9363 /
  0.9330 / 0.9344 (session start the same but 0.9421 on the second partition). Tried again and
  not kept: training on both layouts (TEXT_AUGMENT_BLOCKS=1: lines 0.9457 / 0.9384 / 0.9410,
  blocks 0.9367 / 0.9351 / 0.9369: lines down on the mean, blocks up, and on the blind rounds
  three non-articles taken for articles and two titles lost) and training on all 33 blind rounds
  then (TEXT_TRAINING_ROUNDS: lines 0.9312, blocks 0.9174).
* Session 15 (rules only; the model unchanged): lines 0.9442 / 0.9424 / 0.9427, blocks 0.9365 /
  0.9330 / 0.9344 (session start 0.9438 / 0.9422 / 0.9426 and 0.9363 / 0.9330 / 0.9344; a
  bulleted list half dropped between its lead-in and the article going on is kept whole). Tried
  and not kept: a blank-line dump scored twice, the headline its first reading found standing in
  for the <title> it lacks (the title features only, the fold models unchanged): ScrapingHub as
  blocks 0.9378 / 0.9371 / 0.9393 in a first try that turned out to leak hints across folds, then
  0.9361 / 0.9354 / 0.9371 (+0.002 on the mean), with the repeat feature alone 0.9385 / 0.9379 /
  0.9371 (+0.003); but the blind rounds' blank-line dumps fell (mean page F1 -0.0006 and -0.0011,
  about 30 pages up and 35 down), as did their lines-layout dumps rendered as blocks.

Run: .venv/bin/python -m bench.train_text [--write] [--stage1-only] [--show-worst N] (a few minutes)
(environment variables for experiments: TEXT_TRAINING_ROUNDS lists the blind rounds trained on
(comma-separated folders under samples/), TEXT_L2 overrides the L2 strength, 0.3 and 3 both score
within 0.005 of the default 1; TEXT_INNER_SALT draws another inner partition, TEXT_INNER_REPEATS
adds partitions, TEXT_TREE_SUBSAMPLE and TEXT_TREE_MIN_HESSIAN set the trees' row share and
minimum child hessian, TEXT_AUGMENT_BLOCKS=1 trains on both layouts of every page.)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench import SAMPLES
from bench.boosting import fit_boosted_trees
from transforms.blocks import (
    FEATURE_NAMES,
    STAGE2_FEATURES,
    line_batch,
    line_features,
    line_logits,
    linear_model,
    parse_dump,
    stage1_logits,
    stage2_tree_inputs,
)
from transforms.evaluation import CorpusScore, score_corpus
from transforms.rules import RULES_DIR

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
TEXT_DIR = SHARED / "benchmarks" / "scrapinghub-text"
TRUTH = SHARED / "benchmarks" / "scrapinghub" / "ground-truth.json"
WEIGHTS_FILE = RULES_DIR / "text_weights.json"
_TOKEN = re.compile(r"\w+")
FOLDS = 5
TREE_ROUNDS = 150
INNER_REPEATS = int(os.environ.get("TEXT_INNER_REPEATS", "1"))
TREE_SUBSAMPLE = float(os.environ.get("TEXT_TREE_SUBSAMPLE", "1.0"))
TREE_MIN_HESSIAN = float(os.environ.get("TEXT_TREE_MIN_HESSIAN", "1.0"))
INNER_SALT = os.environ.get("TEXT_INNER_SALT", "inner")
_STAGE1_LOGIT = STAGE2_FEATURES.index("logit")
L2 = float(os.environ.get("TEXT_L2", "1.0"))
# Also train on every page rendered in the other layout (blank-line blocks, no <title> line).
AUGMENT_BLOCKS = os.environ.get("TEXT_AUGMENT_BLOCKS", "0") == "1"
# Blind rounds whose article dumps are training pages too (always in the training folds: the
# held-out figures stay ScrapingHub pages), e.g. "unseen,unseen2"; none by default (session 8).
TRAINING_ROUNDS = tuple(os.environ.get("TEXT_TRAINING_ROUNDS", "").split(","))


def load_corpus() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(dump text, true body, site host) keyed by page id."""
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    texts, bodies, hosts = {}, {}, {}
    for page_id, record in truth.items():
        texts[page_id] = (TEXT_DIR / f"{page_id}.txt").read_text(encoding="utf-8")
        bodies[page_id] = record["articleBody"]
        hosts[page_id] = re.sub(r"^www\.", "", record["url"].split("/")[2])
    return texts, bodies, hosts


def load_blind_pages() -> tuple[list[Page], list[str]]:
    """The article dumps of TRAINING_ROUNDS as training pages, and a site key for each."""
    pages, sites = [], []
    for round_name in filter(None, TRAINING_ROUNDS):
        folder = SAMPLES / round_name
        records = map(
            json.loads, filter(str.strip, (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines())
        )
        for record in sorted(records, key=lambda r: r["file"]):
            path = folder / "raw" / record["file"]
            if record["is_article"] and path.suffix == ".txt" and path.is_file():
                pages.append(Page(path.read_text(encoding="utf-8"), record["body"].replace("\n\n", "\n")))
                sites.append(f"{round_name}/{record['file']}")
    return pages, sites


def as_blocks(text: str) -> str:
    """A lines-layout dump rendered as the other layout: blocks between blank lines, no <title>."""
    return "\n\n".join(text.split("\n")[1:])


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


class Page:
    """One training page: its first-stage view, feature matrix, labels and line weights."""

    def __init__(self, text: str, body: str) -> None:
        dump = parse_dump(text)
        self.text = text
        self.batch = line_batch([dump])
        self.x = line_features(self.batch)
        self.y = np.asarray(line_labels(text, body), dtype=float)
        words = np.asarray([len(line.split()) for line in dump.texts], dtype=float)
        # Every page counts the same in the metric: line weight = its share of the page words.
        self.weight = 100.0 * (words + 1.0) / (words.sum() + len(words))

    def stage2_matrix(self, stage1: dict) -> np.ndarray:
        """STAGE2_TREE_INPUTS of every line, from the stage-1 model `stage1`."""
        stage1_model = linear_model(stage1)
        return stage2_tree_inputs(self.batch, self.x, stage1_logits(self.x, stage1_model))


def _fit_stage1(pages: list[Page]) -> dict:
    x = np.vstack([page.x for page in pages])
    y = np.concatenate([page.y for page in pages])
    w = np.concatenate([page.weight for page in pages])
    return weights_json(*fit(x, y, w), FEATURE_NAMES)


def site_folds(sites: list[str], salt: str = "") -> list[int]:
    """A partition of pages into FOLDS groups by site (a site's pages share a group); another
    `salt`, another partition."""
    return [zlib.crc32(salt.encode() + site.encode()) % FOLDS for site in sites]


def inner_partitions(sites: list[str], first: list[int]) -> list[list[int]]:
    """The partitions stage 2's out-of-fold predictions are made over: `first`, then
    INNER_REPEATS - 1 more drawn by salt."""
    return [first] + [site_folds(sites, f"{INNER_SALT}{repeat}:") for repeat in range(1, INNER_REPEATS)]


def train_two_stage(pages: list[Page], partitions: list[list[int]]) -> dict:
    """Stage 1 on all pages; stage 2 on stage-1 predictions made out of fold, once per partition
    of the pages into groups (by site), each copy of a line weighing 1 / len(partitions)."""
    stage2_x, stage2_y, stage2_w = [], [], []
    for groups in partitions:
        for fold in sorted(set(groups)):
            inner_train = [page for page, group in zip(pages, groups, strict=True) if group != fold]
            inner_model = _fit_stage1(inner_train)
            for page, group in zip(pages, groups, strict=True):
                if group == fold:
                    stage2_x.append(page.stage2_matrix(inner_model))
                    stage2_y.append(page.y)
                    stage2_w.append(page.weight / len(partitions))
    model = _fit_stage1(pages)
    x = np.vstack(stage2_x)
    model["stage2_trees"] = fit_boosted_trees(
        x,
        np.concatenate(stage2_y),
        np.concatenate(stage2_w),
        init=x[:, _STAGE1_LOGIT],
        rounds=TREE_ROUNDS,
        min_child_hessian=TREE_MIN_HESSIAN,
        subsample=TREE_SUBSAMPLE,
    )
    return model


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


def weights_json(w: np.ndarray, b: float, names: tuple[str, ...]) -> dict:
    return {
        "_comment": "Logistic-regression line weights made by bench/train_text.py; do not edit by hand.",
        "bias": round(b, 6),
        "weights": {name: round(float(v), 6) for name, v in zip(names, w, strict=True)},
    }


@dataclass
class CrossValidation:
    """Held-out results of FOLDS-fold cross-validation by site: every page decoded by the model
    fitted without its site, as printed (lines layout) and as blank-line blocks without <title>."""

    bodies: dict[str, str]  # page id -> true body
    predicted: dict[str, str]
    predicted_blocks: dict[str, str]
    folds: list[list[str]]  # the page ids of each held-out fold
    logits: dict[str, list[float]]  # held-out line logits (lines layout)

    def score(self, predicted: dict[str, str] | None = None, ids: list[str] | None = None) -> CorpusScore:
        pages = ids if ids is not None else list(self.bodies)
        predicted = self.predicted if predicted is None else predicted
        return score_corpus({i: self.bodies[i] for i in pages}, {i: predicted[i] for i in pages})


def cross_validate(stage1_only: bool = False) -> CrossValidation:
    """Fit FOLDS models, each without one fold of sites, and decode that fold's pages with it."""
    from transforms.textdump import decode_pages

    texts, bodies, hosts = load_corpus()
    ids = sorted(texts)
    pages = {i: Page(texts[i], bodies[i]) for i in ids}
    blocks_pages = {i: Page(as_blocks(texts[i]), bodies[i]) for i in ids} if AUGMENT_BLOCKS else {}
    blind_pages, blind_sites = load_blind_pages()
    fold_of = dict(zip(ids, site_folds([hosts[i] for i in ids]), strict=True))
    result = CrossValidation(bodies, {}, {}, [], {})
    for fold in range(FOLDS):
        train = [i for i in ids if fold_of[i] != fold]
        train_pages = [pages[i] for i in train] + [blocks_pages[i] for i in train if i in blocks_pages]
        sites = [hosts[i] for i in train] + [hosts[i] for i in train if i in blocks_pages]
        train_pages, sites = train_pages + blind_pages, sites + blind_sites
        model = train_two_stage(train_pages, inner_partitions(sites, site_folds(sites, INNER_SALT)))
        if stage1_only:
            del model["stage2_trees"]
        runtime_model = linear_model(model)
        held_out = [i for i in ids if fold_of[i] == fold]
        result.folds.append(held_out)
        lines_bodies = decode_pages([texts[i] for i in held_out], runtime_model)
        result.predicted.update(zip(held_out, lines_bodies, strict=True))
        blocks_bodies = decode_pages([as_blocks(texts[i]) for i in held_out], runtime_model)
        result.predicted_blocks.update(zip(held_out, blocks_bodies, strict=True))
        for i in held_out:
            result.logits[i] = line_logits(pages[i].batch, runtime_model).tolist()
    return result


def _score_line(label: str, score: CorpusScore) -> str:
    return f"{label}: F1 {score.f1:.4f}  P {score.precision:.4f}  R {score.recall:.4f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write weights fitted on all pages")
    parser.add_argument("--save-held-out", metavar="PATH", help="write held-out line logits as JSON")
    parser.add_argument("--show-worst", type=int, default=8, help="list this many worst pages")
    parser.add_argument("--stage1-only", action="store_true", help="evaluate without the second stage")
    args = parser.parse_args(argv)
    if not TEXT_DIR.is_dir():
        print(f"no corpus at {TEXT_DIR}", file=sys.stderr)
        return 1
    held_out = cross_validate(args.stage1_only)
    score = held_out.score()
    print(_score_line(f"held-out {FOLDS}-fold (by site)", score))
    blocks_score = held_out.score(held_out.predicted_blocks)
    print(_score_line("  the same pages as blank-line blocks without <title>", blocks_score))
    for fold, ids in enumerate(held_out.folds):
        print(_score_line(f"  fold {fold} ({len(ids)} pages)", held_out.score(ids=ids)))
    _, _, hosts = load_corpus()
    worst = sorted(score.pages.items(), key=lambda kv: kv[1].f1)[: args.show_worst]
    for page_id, page in worst:
        print(f"  {page.f1:.3f} P {page.precision:.3f} R {page.recall:.3f} {hosts[page_id]} {page_id[:12]}")
    if args.save_held_out:
        Path(args.save_held_out).write_text(json.dumps(held_out.logits), encoding="utf-8")
    if args.write:
        write_weights()
    return 0


def write_weights() -> None:
    """Fit the shipped model on all pages (stage 2's rows out of fold by the same site folds)."""
    texts, bodies, hosts = load_corpus()
    ids = sorted(texts)
    every = ids + (ids if AUGMENT_BLOCKS else [])
    pages = [Page(texts[i], bodies[i]) for i in ids]
    pages += [Page(as_blocks(texts[i]), bodies[i]) for i in ids] if AUGMENT_BLOCKS else []
    blind_pages, blind_sites = load_blind_pages()
    sites = [hosts[i] for i in every] + blind_sites
    folds = site_folds([hosts[i] for i in ids])
    partitions = inner_partitions(sites, folds + (folds if AUGMENT_BLOCKS else []) + site_folds(blind_sites))
    model = train_two_stage(pages + blind_pages, partitions)
    WEIGHTS_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_FILE}")


if __name__ == "__main__":
    raise SystemExit(main())
