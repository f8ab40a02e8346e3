"""Gradient-boosted decision trees for the text classifier's second stage, in numpy.

Logistic loss, Newton leaf values, complete trees of a fixed depth grown level by level from
histograms over per-feature quantile bins (the method of LightGBM / XGBoost "hist", small
enough to read). The result is plain data, {"depth", "trees": [{"features", "thresholds",
"values"}]}, which transforms.blocks.tree_ensemble() turns into arrays and evaluates; the
runtime never imports this module.

Tree layout (as the runtime reads it): internal nodes 0 .. 2**depth - 2 in breadth-first order,
children of node k are 2k+1 (x[feature] <= threshold) and 2k+2 (x[feature] > threshold);
leaves are numbered left to right. A node that found no useful split sends every line left
(threshold NO_SPLIT).
"""

from __future__ import annotations

import numpy as np

NO_SPLIT = 1e30


def _bin_edges(x: np.ndarray, n_bins: int) -> list[np.ndarray]:
    """Candidate thresholds per column: midway between each distinct inner quantile and the next
    value above it. A threshold never equals a value the features take, so a last-bit difference
    in how a feature was computed (another batch, another machine) cannot flip a split."""
    quantiles = np.linspace(0.0, 1.0, n_bins + 1)[1:-1]
    edges = []
    for column in range(x.shape[1]):
        values = np.unique(x[:, column])
        cuts = np.unique(np.quantile(x[:, column], quantiles))
        above = np.searchsorted(values, cuts, side="right")
        inner = above < len(values)
        edges.append((cuts[inner] + values[above[inner]]) / 2)
    return edges


def fit_boosted_trees(
    x: np.ndarray,
    y: np.ndarray,
    weight: np.ndarray,
    init: np.ndarray,
    rounds: int = 100,
    depth: int = 3,
    learning_rate: float = 0.1,
    l2: float = 1.0,
    min_child_hessian: float = 1.0,
    n_bins: int = 32,
    subsample: float = 1.0,
    seed: int = 0,
) -> dict:
    """Boost `rounds` trees on logistic loss starting from the logits `init` (one per row).

    With `subsample` < 1 each tree is grown on a random share of the rows (stochastic gradient
    boosting, drawn from a generator seeded by `seed`), which makes the ensemble less sensitive
    to a few pages."""
    edges = _bin_edges(x, n_bins)
    binned = np.empty(x.shape, dtype=np.int64)
    for column, column_edges in enumerate(edges):
        binned[:, column] = np.searchsorted(column_edges, x[:, column], side="left")
    n, m = x.shape
    rows = np.arange(n)
    n_internal = 2**depth - 1
    logits = init.astype(float).copy()
    trees = []
    rng = np.random.default_rng(seed)
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-logits))
        sampled = weight if subsample >= 1.0 else weight * (rng.random(n) < subsample)
        gradient = sampled * (p - y)
        hessian = sampled * p * (1.0 - p)
        node = np.zeros(n, dtype=np.int64)
        features = np.zeros(n_internal, dtype=np.int64)
        thresholds = np.full(n_internal, NO_SPLIT)
        for level in range(depth):
            width, first = 2**level, 2**level - 1
            # One histogram per (node of this level, column, bin), by a single bincount each.
            key = (((node - first)[:, None] * m + np.arange(m)[None, :]) * n_bins + binned).ravel()
            size = width * m * n_bins
            g_left = np.cumsum(
                np.bincount(key, np.repeat(gradient, m), size).reshape(width, m, n_bins), axis=2
            )
            h_left = np.cumsum(
                np.bincount(key, np.repeat(hessian, m), size).reshape(width, m, n_bins), axis=2
            )
            g_all, h_all = g_left[:, :, -1:], h_left[:, :, -1:]
            g_right, h_right = g_all - g_left, h_all - h_left
            gain = g_left**2 / (h_left + l2) + g_right**2 / (h_right + l2) - g_all**2 / (h_all + l2)
            gain[(h_left < min_child_hessian) | (h_right < min_child_hessian)] = -np.inf
            for offset in range(width):
                column, bin_index = divmod(int(np.argmax(gain[offset])), n_bins)
                if gain[offset, column, bin_index] > 0 and bin_index < len(edges[column]):
                    features[first + offset] = column
                    thresholds[first + offset] = edges[column][bin_index]
            node = 2 * node + 1 + (x[rows, features[node]] > thresholds[node])
        leaf = node - n_internal
        g_leaf = np.bincount(leaf, gradient, 2**depth)
        h_leaf = np.bincount(leaf, hessian, 2**depth)
        values = -learning_rate * g_leaf / (h_leaf + l2)
        logits += values[leaf]
        trees.append(
            {
                "features": features.tolist(),
                "thresholds": [float(t) for t in thresholds],
                "values": [round(float(v), 6) for v in values],
            }
        )
    return {"depth": depth, "trees": trees}
