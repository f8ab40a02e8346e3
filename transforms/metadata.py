"""Metadata helpers shared by the text and HTML extractors: dates, bylines, titles, publishers.

Pure functions over strings. Date shapes, month names, byline lead-ins and role words are data
files under transforms/rules/ (metadata_*), so adding a format is a data change.
"""

from __future__ import annotations

import re
from datetime import date

from transforms.rules import load_json, load_lines

_MONTHS: dict[str, int] = load_json("metadata_months.json")["months"]
_MONTH_ALTERNATION = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_CONFIG = load_json("metadata_date_formats.json")
_DATE_PATTERNS = tuple(
    re.compile(r"(?<![\w])" + pattern.replace("{MONTH}", f"(?:{_MONTH_ALTERNATION})"), re.IGNORECASE)
    for pattern in _DATE_CONFIG["patterns"]
)
_NUMERIC_DAY_FIRST = _DATE_CONFIG["numeric_order"] == "dmy"
_NUMERIC_PARTS = re.compile(r"\d+")

_BYLINE_PREFIX = re.compile(
    r"^\s*(?:" + "|".join(load_lines("metadata_byline_prefixes.txt")) + r")\s*", re.IGNORECASE
)
_ROLE_WORDS = frozenset(load_lines("metadata_byline_roles.txt"))
# Names are separated by commas, semicolons, "and", "&", "|" or bullets.
_BYLINE_SEPARATORS = re.compile(r"\s*(?:,|;|\||•|·|\band\b|&|\bwith\b)\s*", re.IGNORECASE)
# Trailing clauses that are not part of a name: "in London", dates, e-mail addresses, handles.
_BYLINE_TAIL = re.compile(r"\s+(?:in|at|for|from)\s+[A-Z].*$|\s*\S+@\S+|\s*@\w+|\s*\(.*?\)")
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_NAME_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al"}
)


def _year(text: str) -> int:
    year = int(text)
    if year < 100:
        year += 2000 if year < 50 else 1900
    return year


def _make_date(year: int, month: int, day: int) -> date | None:
    if not 1800 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The first calendar date written in `text`, or None.

    Understands ISO ("2019-03-04", "2019-03-04T10:32Z"), day-month-year ("4 March 2019",
    "Mon 4 Mar 2019 10:32 GMT", "4th of March, 2019"), month-day-year ("March 4, 2019"),
    year-month-day ("2007 November 3"), numeric ("04/03/2019", read day-first) and month-year
    ("March 2019", read as the 1st). Callers decide which line to read: "Updated ..." lines are
    their business.
    """
    best: tuple[int, date] | None = None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match or (best is not None and match.start() >= best[0]):
            continue
        found = _date_from_match(match)
        if found is not None:
            best = (match.start(), found)
    return best[1] if best else None


def _date_from_match(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups.get("numeric"):
        first, second, year = (int(part) for part in _NUMERIC_PARTS.findall(groups["numeric"]))
        day, month = (first, second) if _NUMERIC_DAY_FIRST else (second, first)
        if month > 12 >= day:  # unambiguous the other way round
            day, month = month, day
        return _make_date(_year(str(year)), month, day)
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower().rstrip("."))
    if month is None:
        return None
    day = int(groups["day"]) if groups.get("day") else 1
    return _make_date(_year(groups["year"]), month, day)


def _looks_like_name(part: str) -> bool:
    words = _WORD.findall(part)
    if not words or len(words) > 5:
        return False
    if any(word.lower().strip(".") in _ROLE_WORDS for word in words):
        return False
    return all(word[0].isupper() or word.lower() in _NAME_PARTICLES for word in words)


def split_byline(text: str) -> list[str]:
    """Person names in a byline: "By Jane Doe and Ravi Patel, Health Correspondent" -> [Jane Doe, Ravi Patel].

    Strips lead-ins ("By", "Written by"), roles and places ("Health Correspondent", "in London"),
    e-mail addresses and handles; keeps the order and drops repeats.
    """
    text = _BYLINE_PREFIX.sub("", text.strip())
    names: list[str] = []
    for raw_part in _BYLINE_SEPARATORS.split(text):
        part = _BYLINE_TAIL.sub("", raw_part).strip(" .:-–—")
        part = _BYLINE_PREFIX.sub("", part)
        if _looks_like_name(part) and part not in names:
            names.append(" ".join(part.split()))
    return names
