"""`make bench`: every benchmark, one after another, each printing its own table."""

from __future__ import annotations

import importlib
import sys

# The whole-pipeline scale benchmark takes minutes: `make bench-scale` (bench/pipeline.py).
BENCHES = ("bench.text_dumps", "bench.html_pages", "bench.quotes")


def main() -> int:
    status = 0
    for name in BENCHES:
        print(f"\n=== {name} ===", flush=True)
        status |= importlib.import_module(name).main() or 0
    return status


if __name__ == "__main__":
    sys.exit(main())
