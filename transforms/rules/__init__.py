"""Rule data files (pattern lists, weights) and the one helper that reads them.

Rules are data, not code: every list of phrases, date shapes or learnt weights lives in a file
here, read once at import time by the module that uses it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parent


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a .txt rule file (comments start with '#')."""
    text = (RULES_DIR / name).read_text(encoding="utf-8")
    stripped = (line.strip() for line in text.splitlines())
    return tuple(line for line in stripped if line and not line.startswith("#"))


@cache
def load_json(name: str) -> Any:
    """Parsed content of a .json rule file."""
    return json.loads((RULES_DIR / name).read_text(encoding="utf-8"))
