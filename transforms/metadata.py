"""Metadata helpers shared by the text and HTML extractors: dates, bylines, titles, publishers.

Pure functions over strings. Date shapes, month names, byline lead-ins and role words are data
files under transforms/rules/ (metadata_*), so adding a format is a data change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from transforms.blocks import Dump
from transforms.model import Metadata
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


# ---------------------------------------------------------------------------------------------
# Reading metadata from the head of a plain-text dump.

_HEAD = load_json("text_head_patterns.json")
_BYLINE_LINE = re.compile(_HEAD["byline"], re.IGNORECASE)
_UPDATED = re.compile(_HEAD["updated"], re.IGNORECASE)
_DATELINE_MAX_WORDS = int(_HEAD["dateline_max_words"])
_PUBLISHER = tuple(re.compile(p, re.IGNORECASE) for p in load_json("metadata_publisher.json")["patterns"])
# Separators between a headline and the site name in a <title>.
_TITLE_SUFFIX = re.compile(r"\s+(?:[|–—:-]|::|»)\s+(?!.*\s(?:[|–—-]|::|»)\s)")
_NON_WORD = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")
# How far before / after the first article line the head (title, byline, date) is looked for.
_HEAD_BEFORE = 14
_HEAD_AFTER = 3


@dataclass(frozen=True, slots=True)
class DumpHead:
    metadata: Metadata
    lines: dict[int, str]  # line index -> reason ("title", "byline", "dateline") for head lines


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


def strip_site_suffix(title: str) -> str:
    """ "Headline - Site Name" -> "Headline" (the last separator, when what follows is short)."""
    match = _TITLE_SUFFIX.search(title)
    if match and match.start() > 10 and len(title) - match.end() <= 40:
        return title[: match.start()].strip()
    return title.strip()


def read_head(dump: Dump, keep: list[bool]) -> DumpHead:
    """Title, byline, first-publication date and publisher of a dump, and which lines held them.

    `keep` marks the lines the classifier judged article text; the head is looked for around
    the first of them. Head lines are dropped from the body by the caller.
    """
    lines = dump.texts
    n = len(lines)
    first = next((i for i, flag in enumerate(keep) if flag), n)
    low, high = max(0, first - _HEAD_BEFORE), min(n, first + _HEAD_AFTER + 1)
    head_lines: dict[int, str] = {}
    is_lines_layout = dump.layout == "lines"
    page_title = dump.title
    title = _find_headline(dump, page_title, low, first, head_lines)
    byline: list[str] = []
    published: date | None = None
    for index in range(max(low, 1 if is_lines_layout else 0), high):
        text = lines[index]
        if index in head_lines or len(text) > 200:
            continue
        if not byline and _BYLINE_LINE.match(text):
            names = split_byline(text)
            if names:
                byline = names
                head_lines[index] = "byline"
                found = parse_date(text)
                if found and published is None and not _UPDATED.search(text):
                    published = found
                continue
        if (
            len(text.split()) <= _DATELINE_MAX_WORDS
            and (index < first or not keep[index])
            and _DIGIT.search(text)
        ):
            found = parse_date(text)
            if found:
                head_lines[index] = "dateline"
                if published is None and not _UPDATED.search(text):
                    published = found
    if published is None:
        published = _archive_date(dump)
    if title is None and page_title:
        title = strip_site_suffix(page_title)
    if is_lines_layout and lines:
        head_lines[0] = "title"
    return DumpHead(
        Metadata(title=title, byline=tuple(byline), published=published, publisher=_publisher(dump)),
        head_lines,
    )


def _find_headline(
    dump: Dump, page_title: str | None, low: int, first: int, head_lines: dict[int, str]
) -> str | None:
    lines = dump.texts
    if page_title:
        title_key = _key(page_title)
        # The headline as printed: the last line before the article whose words the <title> contains.
        for index in range(min(first + 1, len(lines) - 1), 0, -1):
            key = dump.normalised[index]
            if len(key) > 10 and key in title_key:
                head_lines[index] = "title"
                return lines[index]
        return None
    # Blocks layout: the nearest headline-shaped line before the article.
    for index in range(first - 1, max(-1, low - 1), -1):
        text = lines[index]
        words = text.split()
        if dump.bullets[index] or len(words) < 3 or _BYLINE_LINE.match(text) or _has_date(text):
            continue
        if text[-1] in ".!…" or len(words) > 40:
            break
        head_lines[index] = "title"
        return text
    return None


def _has_date(text: str) -> bool:
    return _DIGIT.search(text) is not None and parse_date(text) is not None


def _archive_date(dump: Dump) -> date | None:
    """Date from an archive citation line near the top ("Journal. 2007 November 3; 335(7626): 907.")."""
    for text in dump.texts[:20]:
        if ";" in text and len(text) < 120 and not _UPDATED.search(text):
            found = parse_date(text)
            if found:
                return found
    return None


def _publisher(dump: Dump) -> str | None:
    lines = dump.texts
    for text in (*lines[-40:], *lines[:20]):
        if len(text) > 300:
            continue
        for pattern in _PUBLISHER:
            match = pattern.search(text)
            if match:
                return match.group("name").strip()
    return None
