"""Benchmarks: extraction quality and speed against baselines (`make bench`), the pipeline at scale."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
# The blind rounds written by helpers who never saw the code (samples/README.md), in the order
# they were written: samples/unseen, samples/unseen2, ... Each holds raw/ and gold.jsonl.
BLIND_ROUNDS = tuple(
    sorted(
        (folder.name for folder in SAMPLES.glob("unseen*") if (folder / "gold.jsonl").is_file()),
        key=lambda name: int(name.removeprefix("unseen") or 1),
    )
)
