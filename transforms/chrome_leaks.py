"""Patterns of lines that are chrome on any site, for checking published text (not for extraction)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_RULES = Path(__file__).resolve().parent / "rules" / "leaked_chrome.txt"


@cache
def leak_patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled whole-line patterns from rules/leaked_chrome.txt (comments and blanks skipped)."""
    lines = _RULES.read_text(encoding="utf-8").splitlines()
    return tuple(
        re.compile(rf"\s*(?:{line})\s*", re.IGNORECASE)
        for line in lines
        if line.strip() and not line.startswith("#")
    )


def leaked_chrome(text: str) -> bool:
    """True when the whole of `text` is a known chrome line."""
    return any(p.fullmatch(text) for p in leak_patterns())
