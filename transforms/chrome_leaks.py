"""Patterns of lines that are chrome on any site, for checking published text (not for extraction)."""

from __future__ import annotations

import re
from functools import cache

from transforms.rules import load_lines


@cache
def leak_patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled whole-line patterns from rules/leaked_chrome.txt; use them with `fullmatch`."""
    return tuple(re.compile(rf"\s*(?:{line})\s*", re.IGNORECASE) for line in load_lines("leaked_chrome.txt"))


def leaked_chrome(text: str) -> bool:
    """True when the whole of `text` is a known chrome line."""
    return any(p.fullmatch(text) for p in leak_patterns())
