"""`make bench`: every benchmark, one after another, each printing its own table."""

from __future__ import annotations

import importlib
import sys

BENCHES = ("bench.text_dumps", "bench.html_pages", "bench.quotes", "bench.pipeline")


def main() -> int:
    status = 0
    for name in BENCHES:
        print(f"\n=== {name} ===", flush=True)
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            print(f"skipped: {exc}")
            continue
        status |= module.main() or 0
    return status


if __name__ == "__main__":
    sys.exit(main())
