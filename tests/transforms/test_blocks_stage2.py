"""Tests for the boosted second stage of transforms.blocks: array evaluation of the trees, and
line_logits() with a tree stage equal to the clipped stage-1 logit plus the trees."""

import random

import numpy as np
import pytest

from bench.boosting import NO_SPLIT, fit_boosted_trees
from transforms.blocks import (
    FEATURE_NAMES,
    STAGE2_TREE_INPUTS,
    line_batch,
    line_features,
    line_logits,
    linear_model,
    parse_dump,
    stage2_tree_inputs,
    tree_ensemble,
    tree_scores,
)

DUMP = "\n".join(
    [
        "Harbour wall to be rebuilt before winter | The Coast Herald",
        "Home",
        "News",
        "Harbour wall to be rebuilt before winter",
        "The council agreed on Tuesday to rebuild the harbour wall before the first winter storms arrive.",
        "Engineers said the old stones had shifted by several centimetres since the spring tides.",
        "Work starts next month and the quay will stay open to fishing boats throughout.",
        "Most read",
        "Ferry timetable changes",
        "© 2026 The Coast Herald",
    ]
)


def _walk(row: np.ndarray, tree: dict, depth: int) -> float:
    """One tree by hand: the layout documented in bench/boosting.py."""
    node = 0
    for _ in range(depth):
        node = 2 * node + (2 if row[tree["features"][node]] > tree["thresholds"][node] else 1)
    return tree["values"][node - (2**depth - 1)]


def _random_ensemble(n_inputs: int, depth: int = 3, n_trees: int = 5) -> dict:
    rng = random.Random(3)
    trees = []
    for _ in range(n_trees):
        trees.append(
            {
                "features": [rng.randrange(n_inputs) for _ in range(2**depth - 1)],
                "thresholds": [rng.choice([rng.uniform(-1, 1), NO_SPLIT]) for _ in range(2**depth - 1)],
                "values": [rng.uniform(-1, 1) for _ in range(2**depth)],
            }
        )
    return {"depth": depth, "trees": trees}


@pytest.mark.parametrize("depth", [1, 2, 3, 4, 5])
def test_tree_scores_match_a_walk_of_each_tree(depth: int) -> None:
    # More rows than tree_scores takes at a time; sums bit for bit equal to adding the trees in
    # order (a logit near a tree threshold of the decoder must not move with the batch).
    inputs = np.random.default_rng(5).uniform(-1.5, 1.5, size=(5000, 4))
    ensemble = _random_ensemble(4, depth)
    expected = [sum(_walk(row, tree, depth) for tree in ensemble["trees"]) for row in inputs]
    assert tree_scores(inputs, tree_ensemble(ensemble)).tolist() == expected


def test_trees_deeper_than_the_packed_layout_are_refused() -> None:
    with pytest.raises(ValueError, match="deeper"):
        tree_ensemble(_random_ensemble(4, depth=6, n_trees=1))


def test_line_logits_with_trees_add_to_the_clipped_stage1_logit() -> None:
    rng = random.Random(7)
    weights = {"bias": 0.2, "weights": {name: rng.uniform(-1, 1) for name in FEATURE_NAMES}}
    weights["stage2_trees"] = _random_ensemble(len(STAGE2_TREE_INPUTS))
    batch = line_batch([parse_dump(DUMP)])
    model = linear_model(weights)
    features = line_features(batch)
    stage1 = features @ model.weights + model.bias
    inputs = stage2_tree_inputs(batch, features, stage1)
    expected = [
        max(-8.0, min(8.0, z)) + sum(_walk(row, tree, 3) for tree in weights["stage2_trees"]["trees"])
        for z, row in zip(stage1, inputs, strict=True)
    ]
    assert line_logits(batch, model).tolist() == pytest.approx(expected)


def test_boosting_learns_a_threshold_the_start_logits_miss() -> None:
    # Eight distinct values, fewer than the bins: every gap between them is a candidate split.
    x = np.repeat(np.arange(8.0), 25)[:, None]
    y = (x[:, 0] > 4.5).astype(float)
    model = fit_boosted_trees(x, y, np.ones(200), init=np.zeros(200), rounds=30, depth=2, learning_rate=0.3)
    scores = tree_scores(x, tree_ensemble(model))
    assert (scores[y == 1] > 0).all() and (scores[y == 0] < 0).all()


def test_subsampled_boosting_is_reproducible_and_still_learns() -> None:
    x = np.repeat(np.arange(8.0), 25)[:, None]
    y = (x[:, 0] > 4.5).astype(float)

    def fitted(seed: int) -> dict:
        return fit_boosted_trees(
            x, y, np.ones(200), np.zeros(200), rounds=30, depth=2, learning_rate=0.3, subsample=0.5, seed=seed
        )

    assert fitted(1) == fitted(1)
    assert fitted(1) != fitted(2)  # each tree saw other rows
    scores = tree_scores(x, tree_ensemble(fitted(1)))
    assert (scores[y == 1] > 0).all() and (scores[y == 0] < 0).all()
