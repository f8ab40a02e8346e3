"""Metadata helpers shared by the text and HTML extractors: dates, bylines, titles, publishers.

Pure functions over strings. Date shapes, month names, byline lead-ins and role words are data
files under transforms/rules/ (metadata_*), so adding a format is a data change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import compress, repeat

from transforms.blocks import SHORT_LINE_CHARS, STOPWORDS, Dump, normalise_line
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

# Titles before a name ("Dr", "Prof"), shared with the quote rules: a byline gives names only.
_HONORIFICS = frozenset(load_lines("quote_honorifics.txt"))
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:" + "|".join(load_lines("metadata_byline_prefixes.txt")) + r")\s*", re.IGNORECASE
)
_ROLE_WORDS = frozenset(load_lines("metadata_byline_roles.txt"))
_FIRST_NAMES = frozenset(load_lines("quote_first_names.txt"))
_AFFILIATION_WORDS = frozenset(load_lines("metadata_byline_affiliations.txt"))
_ROLE_OR_BEAT_WORDS = _ROLE_WORDS | frozenset(load_lines("metadata_byline_beats.txt"))
# Names are separated by commas, semicolons, "and", "&", "|", " / " or bullets.
# ("and" in the page's language, in lower case: "Par Claire Vautrin et Julien Marsac".)
_BYLINE_SEPARATORS = re.compile(
    r"\s*(?:,|;|\||•|·|\s[-–—/]\s|\band\b|&|\bwith\b|(?-i:\s(?:et|und|y|e|en|i|och|og|ja|dan)\s)"
    r"|\s(?:通讯员|记者|實習生|实习生)\s|、)\s*",  # "林晓 通讯员 周朗": a Chinese byline's second role
    re.IGNORECASE,
)
# Trailing clauses that are not part of a name: "in London", e-mail addresses, handles, and the
# " on" / " at" left when a date after it was cut ("Posted by Jo Bloggs on 4 May 2010").
# After a name: a place ("in London"), an address or handle, a telephone number ("(509)
# 459-5382"), an alumna's class year ("’97"), a link glued to it ("Jane DoeView More Articles"),
# a wire agency ("Associated Press").
_BYLINE_TAIL = re.compile(
    r"\s+(?:in|at|for|from)\s+[A-Z].*$|\s+(?:on|at)\s*$|\s*\S+@\S+|\s*@\w+|\s*\(.*?\)|\s*\([^)]*$"
    r"|\s*\+?[\d(][\d ().-]{6,}\d$|\s+[’']\d{2}\b|(?<=[a-z])(?:View|See|Read) (?:More|All)\b.*$"
    r"|\s+(?:the\s+)?(?:Associated Press|Reuters|Agence France-Presse|AFP|Press Association|PA Media)$"
    # "宮園千尋記者（汐浦支局）", "정민재 기자": a reporter's title and bureau after the name.
    r"|\s*（[^）]*）|\s?(?:記者|기자|记者)(?=\s|（|$)"
)
_PHOTO_CREDIT_PART = re.compile(
    r"\s*[·|,;]\s*(?:fotos?|photos?|photography|pictures?|bilder|fotografías?|images?)\s*(?::|by\b)",
    re.IGNORECASE,
)
_ARTICLE_STARTS = ("The ", "A ", "An ")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# How far down a blank-line dump opening with its <title> the headline is looked for.
_TITLE_LINE_HEADLINE_LINES = 80
_TITLE_PREFIX_SHARE = 0.75
# What follows a name and a comma in a byline is a role: a few words, or one holding a role word.
_ROLE_MAX_SPACES = 5
# A line of up to three words under a name line is the name's place or role.
_ROLE_UNDER_NAME_MAX_SPACES = 3
_FREQUENCY = re.compile(r"\d{2,3}\.\d")
_PLACE_PART = re.compile(r"(?:[Ff]rom|[Dd]e|[Dd]esde|[Aa]us|[Dd]epuis)\s+[A-ZÀ-Þ]")
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_RUN_TOGETHER_NAME = re.compile("[\u3400-\u9fff]{2,5}|[\uac00-\ud7af]{2,4}")
_RUN_TOGETHER_CHARACTERS = re.compile("[\u3040-\u30ff\u3400-\u9fff]")
_ANY_DIGIT = re.compile(r"\d")
_CAPITALISED_NAME = re.compile(r"^((?:[A-Z][A-Z'’.\-]+\s+){1,3}[A-Z][A-Z'’\-]+)(?:\s+[A-Z][a-z].*)?$")
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
    if _ANY_DIGIT.search(part):  # ("٤ ١٬٢٨٣ دقيقتان للقراءة": a reading time and a view count)
        return False
    # Devanagari's vowel signs are no word characters: a Hindi name is its spaced words.
    if part[:1] and "\u0900" <= part[0] <= "\u097f":
        return 2 <= len(part.split()) <= 4 and ":" not in part  # ("संपादित: X": the editor's label)
    words = _WORD.findall(part)
    # A Chinese, Japanese or Korean name is written as one word ("林晓", "宮園千尋", "정민재").
    if len(words) == 1 and _RUN_TOGETHER_NAME.fullmatch(words[0]):
        return True
    if not 2 <= len(words) <= 5:
        return False
    if any(is_role_word(word) or word in _AFFILIATION_WORDS for word in words):
        return False
    # (Hebrew and Arabic have no capitals.)
    return all(
        word[0].isupper() or word.lower() in _NAME_PARTICLES or "\u0590" <= word[0] <= "\u06ff"
        for word in words
    )


def is_role_word(text: str) -> bool:
    """A word of a job title or role ("Reporter", "editor"): metadata_byline_roles.txt."""
    return text.lower().strip(".") in _ROLE_WORDS


def _name_before_role(part: str) -> str:
    """ "Siobhan Keane Local Democracy Reporter" -> "Siobhan Keane": a role printed after the name
    with no comma. Role words and the beat before them ("Court Reporter") at the end go; if more
    than three words are left, the name is a given name, any initials ("Karen T."), then one more
    word."""
    words = part.split()
    # Three words or fewer are a name or a role alone ("Local Democracy Reporter" after a comma).
    if len(words) <= 3 or not is_role_word(words[-1]):
        return part
    while len(words) > 2 and _is_role_or_beat(words[-1]):
        words.pop()
    if len(words) <= 3:
        return " ".join(words)
    end = 1
    while end < len(words) - 1 and _INITIAL.fullmatch(words[end]):
        end += 1
    return " ".join(words[: end + 1])


# A news agency printed after a name with no comma ("Malik Brandt Keystone Press Service", "Jo
# Bell The Associated Press": the line's known agencies go first, and may leave "The").
_WIRE_AFTER_NAME = re.compile(
    r"\s+(?:The$|(?:The\s+)?(?:[A-Z][\w-]+\s+)?(?:Press|Presse|News)"
    r"(?:\s+(?:Service|Agency|Association|International))?$)"
)


def _without_wire(part: str) -> str:
    """The name before a news agency printed after it, when two words or more are left."""
    match = _WIRE_AFTER_NAME.search(part)
    return part[: match.start()] if match and part.count(" ", 0, match.start()) >= 1 else part


def _without_the(name: str) -> str:
    return name.lower().removeprefix("the ")


def _without_honorific(name: str) -> str:
    """ "Dr. Helena Marsh" -> "Helena Marsh" (names only); "Dr Smith" keeps its title."""
    words = name.split()
    while len(words) > 2 and words[0].rstrip(".") in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


_ON_WEEKDAY = re.compile(
    r"\s+(?:on(?:\s+(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?)?"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)[\s,]*$",  # ("By X Friday, January 19, 2024")
    re.IGNORECASE,
)


_ROLE_BEFORE_NAME = re.compile(r"(?:(?-i:[a-z])[\w-]*\s+){1,3}(?=(?-i:[A-Z]))")


# How text renderers print links: markdown's "[Jane Doe](/authors/jane-doe/)", a text browser's
# link number "[29]Jane Doe".
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*\)")
LINK_NUMBER = re.compile(r"\[\d{1,4}\]")


def without_link_markup(text: str) -> str:
    """The text a reader sees of a line a text renderer printed links into: markdown links become
    their label, link numbers go."""
    return LINK_NUMBER.sub("", _MARKDOWN_LINK.sub(r"\1", text)).strip()


def split_byline(text: str) -> list[str]:
    """Person names in a byline: "By Jane Doe and Ravi Patel, Health Correspondent" -> [Jane Doe, Ravi Patel].

    Strips lead-ins ("By", "Written by"), roles and places ("Health Correspondent", "in London"),
    e-mail addresses and handles; keeps the order and drops repeats.
    """
    if "[" in text:
        text = without_link_markup(text)
    text = _BYLINE_PREFIX.sub("", text.strip())
    # A photographer credited after the writer ("Jakob Wiesinger · Fotos: Sabine Kern") is no author.
    text = _PHOTO_CREDIT_PART.split(text, maxsplit=1)[0]
    # A date printed on the byline line ("By Jo Bloggs December 6, 2017", "Submitted by Jo
    # Bloggs on Fri, 03/05/2024") ends the names.
    text = _ON_WEEKDAY.sub("", _before_date(text))
    # Wire style: the name in capitals, then the agency ("By JANE DOE Associated Press").
    capitals = _CAPITALISED_NAME.match(text)
    if capitals:
        text = capitals.group(1).title()
    names: list[str] = []
    # Before the first comma a role may follow a name unseparated; after it, it stands alone.
    first_comma = text.find(",") % (len(text) + 1)
    position = 0
    for raw_part in _BYLINE_SEPARATORS.split(text):
        position = text.find(raw_part, position)
        part = _BYLINE_TAIL.sub("", raw_part).strip(" .:-–—")
        part = _without_honorific(_BYLINE_PREFIX.sub("", part))
        # A role in lower case before the name ("science reporter Declan Hughes").
        if (role := _ROLE_BEFORE_NAME.match(part)) and any(map(is_role_word, role[0].split())):
            part = part[role.end() :]
        if _PLACE_PART.match(part):
            continue  # "Luíza Fontenelle, De Porto Alegre": where from, in the page's language
        if position < first_comma:
            part = _name_before_role(_without_wire(part))
        if _looks_like_name(part) and part not in names:
            names.append(" ".join(part.split()))
    return names


# ---------------------------------------------------------------------------------------------
# Reading metadata from the head of a plain-text dump.

_HEAD = load_json("text_head_patterns.json")
_BYLINE_LINE = re.compile(_HEAD["byline"], re.IGNORECASE)
_UPDATED = re.compile(_HEAD["updated"], re.IGNORECASE)
_EDITION_LINE = re.compile(_HEAD["edition_line"], re.IGNORECASE)
_SECOND_CREDIT = re.compile(_HEAD["second_credit"], re.IGNORECASE)
_BYLINE_LINE_MAX_CHARS = 80
_PIPE_PARTS = re.compile(r"\s+\|\s+")
# A dateline's parts: "18 March 2025 · From the April 2025 issue · 9 min read".
_DATELINE_PARTS = re.compile(r"\s+[|·•]\s+")
# "07:45 h." in Spanish datelines, "10:42 ч." in Bulgarian, "2024 г." / "2024 р." (the year's).
_CLOCK_ENDS = ("a.m.", "p.m.", "A.M.", "P.M.", " h.", " ч.", " г.", " р.")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
_DAY_ONE = re.compile(r"(?<!\d)0?1(?!\d)")
_INITIAL = re.compile(r"[A-Z]\.?")
_PUBLISHED = re.compile(_HEAD["published"], re.IGNORECASE)
_DATE_LABEL = r"(?:last )?(?:" + _HEAD["published"] + "|" + _HEAD["updated"] + ")"
# Where a byline's names end and its date's label begins ("By Jane Doe, last updated 4 May").
_BYLINE_DATE_LABEL = re.compile(r"[\s,;–—-]*\b" + _DATE_LABEL, re.IGNORECASE)
# A line opening with a publication or update label ("Published October 3, 2023Updated ...").
DATELINE_LABEL = re.compile(r"\s*" + _DATE_LABEL, re.IGNORECASE)
_DATELINE_MAX_WORDS = int(_HEAD["dateline_max_words"])
# An unlabelled dateline has at most this many words in lower case ("6:42 p.m.", "à").
_DATELINE_LOWER_WORDS = 2
_WIRE_CREDIT = re.compile(_HEAD["wire_credit"], re.IGNORECASE)
_WIRE_CREDIT_STARTS = ("(Reporting", "Reporting", "(reporting", "reporting", "(REPORTING", "REPORTING")
# A closing byline sits within this many lines under the article's last kept line.
_CLOSING_BYLINE_LINES = 2
_SECOND_BYLINE_LINES = 4
# How many lines under a byline's lead-in printed alone ("By") may hold the names.
_BYLINE_PIECES = 4
# A byline without "By" is looked for this many lines under the headline (_name_line_after).
_NAME_LINE_WINDOW = 4
# "News provided by" has fewer spaces than this.
_CREDIT_LEAD_MAX_SPACES = 4
_NAME_CONNECTORS_ALONE = ("and", "&", "und", "et", "y", "e")
_PARAGRAPH_ENDS = frozenset('.!?"”’)')
# A labelled dateline anywhere on the page, with its update beside it ("First published Saturday
# 9 November 2024, 17:48 · Last updated Saturday 9 November 2024, 19:02").
_LABELLED_DATE_MAX_CHARS = 120
_RECORD_LABELS = {label: field for field, labels in _HEAD["record_fields"].items() for label in labels}
_RECORD_READ = ("title", "published", "publisher", "byline")
_RECORD_MIN_FIELDS, _RECORD_MAX_LINES = int(_HEAD["record_min_fields"]), int(_HEAD["record_max_lines"])
_RECORD_LABEL_MAX_CHARS = 200  # ("Title: <headline>")
_PUBLISHER_RULES = load_json("metadata_publisher.json")
_PUBLISHER = tuple(re.compile(p, re.IGNORECASE) for p in _PUBLISHER_RULES["patterns"])
_LEGAL_SUFFIX = "|".join(_PUBLISHER_RULES["legal_suffixes"])
_OWNER = tuple(
    re.compile(pattern.replace("{LEGAL_SUFFIX}", _LEGAL_SUFFIX), re.IGNORECASE)
    for pattern in _PUBLISHER_RULES["owner_patterns"]
)
# Separators between a headline and the site name in a <title>.
_TITLE_SUFFIX = re.compile(r"\s+(?:[|–—:-]|::|»)\s+(?!(?:.*\s)?(?:[|–—-]|::|»)\s)")
_TITLE_PARTS = re.compile(r"\s+(?:[|–—-]|::|»)\s+")
_TITLE_SECTION = re.compile(r"(?<=.{20})\s+\|\s+[^|]{1,30}$")
# "... - Carverton Herald-Ledger - Carverton, OH": a US town and state after the site name.
_TITLE_PLACE = re.compile(r"\s+[|–—-]\s+[A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*, [A-Z]{2}\s*$")
_SITE_MAX_CHARS = 40
# A masthead is among the first lines; lower-case words a publication's name may hold; words of
# navigation rows, which alone are no name ("Latest News", "Skip To Content").
_MASTHEAD_LINES = 3
# ... or further down the top, when the footer (the last lines) names it again.
_MASTHEAD_RECURRING_LINES = 15
_FOOTER_LINES = 40
_FOOTER_NAME_LEAD = _HEAD["footer_name_lead"]
_FOOTER_PERSON_BIO = re.compile(_HEAD["footer_person_bio"], re.IGNORECASE)
_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
_CAMEL_CASE = re.compile(r"[a-z][A-Z]|[^\W\d_]{3}-[A-ZÀ-Þ]")  # "AgriWire", "Salzachtal-Bote"
_NAME_CONNECTORS = frozenset(_HEAD["name_connectors"])
_POSTED_LINE = re.compile(_HEAD["posted_line"], re.IGNORECASE)
_POSTED_STARTS = ("This entry was posted", "This post was posted")
_BYLINE_JOINS = frozenset(_HEAD["byline_join_words"])
_NAV_WORDS = frozenset(_HEAD["navigation_words"])
CALL_TO_ACTION_WORDS = frozenset(_HEAD["call_to_action_words"])
_NON_WORD = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")
# How far before / after the first article line the head (title, byline, date) is looked for.
_HEAD_BEFORE = 14
_HEAD_AFTER = 3
# A dateline is at most this many lines under its byline (a role line between them).
_DATE_UNDER_BYLINE_LINES = 2
# A picture's credit printed on a line of its own, under its caption ("Foto: Jan Berg", "Photo /
# Jan Berg", "© Jan Berg/Courier": a copyright sign with no year).
_CREDIT_ALONE = re.compile(
    r"\(?(?:(?:photo|photograph|foto|picture|image|credit|bild|llun)s?\s*[:/]|fot\.\s)|©\s*(?-i:[A-ZÀ-Þ])\D*$",
    re.IGNORECASE,
)
_NAME_OUTLET_CREDIT = re.compile(
    r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,2} / [A-Z][\w’'.&-]*(?: [A-Z&][\w’'.&-]*){0,3}"
)
_CREDIT_ALONE_MAX_SPACES = 7  # ("Foto: Ufficio Stampa UniValdarsa / M. Rigamonti")
_COMPANY_SUFFIX = re.compile(rf"\s(?:{_LEGAL_SUFFIX})\.?\s*$", re.IGNORECASE)
# How far above the head window a dated byline is still the article's head.
_FAR_HEAD_LINES = 60
# Head lines further apart than this belong to two blocks (a masthead's date bar, the article's own).
_HEAD_BLOCK_GAP = 4
_LABEL_MAX_SPACES = 2
# "By" glued to a section label over the author's name ("NewsBy": a dump of "News" and "By" set
# side by side); not "By" alone, which some pages print between headline blocks.
_BY_LABEL = re.compile(r"[A-Z][a-z]+By:?")
# A headline has this many words.
_HEADLINE_MIN_WORDS = 3
_HEADLINE_MAX_WORDS = 30
_MENU_ITEM_SPACES = 4
# Prose: a line ending a sentence with at least this many spaces (8 words).
_PROSE_END = frozenset(".!?。！？")
_CLOSERS = "\"”’')»]"
_PROSE_MIN_SPACES = 7
# Breadcrumbs ("Home » News", "You are here: Home / News / Technology"), never a headline.
# A section path: two slashes, or one after a single word ("Dare to Play 3 / October pack" is a headline).
_BREADCRUMB_PATH = re.compile(r" / .* / |^\S+ / ")
# (Unspaced: "Startseite›Region›Kellerbach›Headline".)
_BREADCRUMB = re.compile(r"\s[»›>＞]\s|\w›\w|^you are here\b|^home\s/\s", re.IGNORECASE)
# Between a byline's names and the role after them: "Jane Doe, Reporter", "Jane Doe | Editor".
_ROLE_SEPARATOR = re.compile(r"\s*[,|]\s*")
# A sentence then a parenthesised credit: a caption ("... in October. (Ridgeline)").
_SENTENCE_THEN_CREDIT = re.compile(r"[.!?]\s*\([^()]*\)\s*$")
_SHARE_ROW_WORDS = frozenset(_HEAD["share_row_words"])
_PLAYER_CONTROL_WORDS = frozenset(_HEAD["player_control_words"])
_RUNNING_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_RATING = re.compile(
    r"(?:[^\W\d_][\w ]{0,20}:\s*)?(?:[★☆✩✪⭐]{3,5}|\d(?:\.\d)?\s*(?:/|out of)\s*(?:5|10)(?: stars?)?)"
    r"(?:\s+[^\W\d_]+){0,2}",  # ("Avaliação: ★★★★☆ Ótimo")
    re.IGNORECASE,
)
# "Share this Story: <the headline>" over the share buttons; "More from <author>" under a byline;
# the credits of those who worked on the story but did not write it ("Edited by X").
_WIDGET_LEAD = re.compile(
    r"share this(?: story| article| page)?\s*:"
    r"|(?:more|more stories|more articles|see all(?: stories| articles)?) (?:from|by) "
    r"|(?:provided|distributed|supplied) by "
    r"|(?:edited|fact[- ]checked|produced|translated|illustrated|graphics|design|designed|submitted) by ",
    re.IGNORECASE,
)
# Arrows of expanding widgets ("Other Sections▼", "Author information ►").
_WIDGET_ARROW = re.compile("[►▼▲◄▶◀]")
_RELATIVE_TIME = re.compile(r"\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b", re.IGNORECASE)
# From the dump rules: a caption ending in a photo credit (never a headline), and site chrome
# ("This site is intended for health professionals only": not a headline over a standfirst).
# One regex a reason (a reason may have several rules, each with its own trigger words).
_REASON_PATTERNS: dict[str, str] = {}
for _reason, _, _regex in load_json("text_removal_reasons.json")["patterns"]:
    _REASON_PATTERNS[_reason] = (
        f"{_REASON_PATTERNS[_reason]}|{_regex}" if _reason in _REASON_PATTERNS else _regex
    )
_CAPTION_CREDIT = re.compile(_REASON_PATTERNS["caption_credit"], re.IGNORECASE)
_CHROME = re.compile(_REASON_PATTERNS["site_chrome"], re.IGNORECASE)
_COPYRIGHT_NOTICE = re.compile(_REASON_PATTERNS["copyright_notice"], re.IGNORECASE)
_READING_TIME = re.compile(_REASON_PATTERNS["reading_time"], re.IGNORECASE)
_REPORTING_PLACE = re.compile(_REASON_PATTERNS["reporting_place"], re.IGNORECASE)
_AUTHOR_BOX_HEADING = re.compile(_REASON_PATTERNS["author_box"], re.IGNORECASE)
_PLAYER = re.compile(_REASON_PATTERNS["video_player"], re.IGNORECASE)
# The printed headline shares at least this Dice overlap of words with the <title>'s headline.
_TITLE_LIKENESS = 0.5
# ... and is looked for first in this many lines above the article's first line (menus come before it).
_TITLE_SCAN_LINES = 15
_TITLE_LIKENESS_MARGIN = 0.05
_WEATHER = re.compile(r"\d\s?°(?:\s?[CF]\b)?")  # ("7°C", "Namur 10°")
# An author card under a byline's name: the name again, a role, an e-mail address, a handle.
_AUTHOR_CARD_MAX_LINES = 4
_AUTHOR_CONTACT = re.compile(
    r"(?:follow(?: (?:me|us|her|him))?(?: on \w+)?:?\s+)?@\w+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
# Right over the byline, a line sharing this much with the <title> is the headline.
_TITLE_OVER_BYLINE_LIKENESS = 0.3
# Lines under a headline found above the head region that are read for its byline and date.
_HEAD_UNDER_FAR_TITLE = 4
# An unpunctuated line this long under a shorter headline-shaped line is a standfirst.
STANDFIRST_MIN_SPACES = 10
_HEADLINE_OVER_MIN_SPACES = 4
_HEADLINE_OVER_MAX_LENGTH = 1.25


@dataclass(frozen=True, slots=True)
class DumpHead:
    metadata: Metadata
    lines: dict[int, str]  # line index -> reason ("title", "byline", "dateline") for head lines


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


def split_title(title: str) -> tuple[str, str | None]:
    """(headline, site name) of a page <title>: "Headline - Site Name" (the last separator, when
    what follows is short), or "Site | Section | Headline" (three parts or more, the last the
    longest and the first short). A closing "- Carverton, OH" is the paper's town, not its name."""
    title = _TITLE_PLACE.sub("", title)
    parts = [part.strip() for part in _TITLE_PARTS.split(title)]
    if len(parts) >= 3 and len(parts[0]) <= _SITE_MAX_CHARS and len(parts[-1]) > max(map(len, parts[:-1])):
        return parts[-1], parts[0]
    match = _TITLE_SUFFIX.search(title)
    if match and match.start() > 10 and len(title) - match.end() <= _SITE_MAX_CHARS:
        # "Headline | Culture News - Site": the section before the site name goes too.
        headline = _TITLE_SECTION.sub("", title[: match.start()]).strip()
        return headline, title[match.end() :].strip() or None
    return title.strip(), None


def printed_headline(dump: Dump, min_coverage: float) -> int | None:
    """Lines layout: the index of the first line that prints the <title>'s headline, holding at
    least `min_coverage` of it (so a crosshead or a name the title mentions does not count)."""
    if not dump.title:
        return None
    title_key = dump.normalised[0]
    shortest = min_coverage * len(normalise_line(split_title(dump.title)[0]))
    for index, key in enumerate(dump.normalised[1:], 1):
        if len(key) > 10 and len(key) >= shortest and key in title_key:
            return index
    return None


def read_head(
    dump: Dump,
    keep: list[bool],
    probabilities: list[float] | None = None,
    is_chrome: Callable[[int], bool] | None = None,
) -> DumpHead:
    """Title, byline, first-publication date and publisher of a dump, and which lines held them.

    `keep` marks the lines judged article text (`probabilities` their scores, when known); the
    head is looked for around the first prose line (the first kept line may itself be the
    headline). `is_chrome` says which lines the caller's rules know as chrome (a newsletter box
    between the head and the article): they do not count in the head window. Head lines are
    dropped from the body by the caller.
    """
    lines = dump.texts
    n = len(lines)
    first = body_start(dump, keep, probabilities)
    low, high = _head_start(dump, first, is_chrome), min(n, first + _HEAD_AFTER + 1)
    head_lines: dict[int, str] = {}
    byline, published = _read_bylines_and_dates(
        dump, range(max(low, 1 if dump.layout == "lines" else 0), high), head_lines
    )
    if byline and published is None:
        # The date under a byline at the window's foot (a standfirst and a captioned picture
        # over the byline push it down).
        byline_at = max(index for index, role in head_lines.items() if role == "byline")
        for index in range(high, min(n, byline_at + 1 + _DATE_UNDER_BYLINE_LINES)):
            names, found, updated = _head_line(lines[index])
            if found and not (names or updated or dump.bullets[index] or len(lines[index]) > 200):
                published, head_lines[index] = found, "dateline"
                break
    title_index = _find_headline(dump, keep, first, low, head_lines)
    if title_index is not None and is_chrome is not None and is_chrome(title_index):
        # A line the rules know as chrome ("SCROLL TO CONTINUE WITH CONTENT") is no headline:
        # looked for again past it (it is passed over as a head line is).
        title_index = _find_headline(dump, keep, first, low, {**head_lines, title_index: "chrome"})
    title = lines[title_index] if title_index is not None else None
    if title_index is not None:
        if title_index < low:
            # A headline far above the article (a review's score box or a how-to's project card
            # in between) has its byline and date right under it: those come first.
            under = range(title_index + 1, min(low, title_index + 1 + _HEAD_UNDER_FAR_TITLE))
            byline_under, published_under = _read_bylines_and_dates(dump, under, head_lines)
            byline, published = byline_under or byline, published_under or published
        elif any(role == "dateline" and index < title_index for index, role in head_lines.items()):
            # A date over the headline is the masthead's "today" when a dateline under the
            # headline dates the article ("Wednesday 15 October 2025" / headline / ... / "Tue 14
            # Oct 2025 at 21:10").
            _, published_under = _read_bylines_and_dates(dump, range(title_index + 1, high), {})
            published = published_under or published
        head_lines[title_index] = "title"
        if not byline:
            byline = _name_line_after(dump, title_index, head_lines)
        names_at = _names_over_labelled_dateline(dump, head_lines) if not byline else None
        if names_at is not None and names_at < title_index:
            # A live blog: its head (headline, standfirst, names, "Published ..." line) sits over
            # the key events and the posts; the first post's headline under it is no headline.
            byline, head_lines[names_at] = split_byline(lines[names_at]), "byline"
            above = _find_headline(dump, keep, names_at, max(0, names_at - _HEAD_BEFORE), head_lines)
            if above is not None:
                del head_lines[title_index]
                title_index, title = above, lines[above]
                head_lines[title_index] = "title"
    if not byline:
        byline = _closing_byline(dump, keep, first, head_lines)
        closing = [index for index, role in head_lines.items() if role == "byline" and index >= first]
        if byline and published is None and closing:
            # The date under a closing byline ("Text: Carola Weidenbach" / "18. Februar 2025").
            under = dump.texts[closing[0] + 1 : closing[0] + 1 + _DATE_UNDER_BYLINE_LINES]
            published = next(filter(None, (parse_date(text) for text in under if len(text) < 40)), None)
    if not byline or published is None:
        posted_names, posted_on = _posted_line(lines, head_lines)
        byline, published = byline or posted_names, published or posted_on
    if not byline and published is None and (far := _dated_byline_above(dump, low)) is not None:
        # A review's verdict box and deals widget between the head and the article: the line
        # naming the author and dating the page further up is the head, its headline above it.
        byline, published = _read_bylines_and_dates(dump, far, head_lines)
        far_title = _find_headline(dump, keep, far.start, max(0, far.start - _HEAD_BEFORE), head_lines)
        if far_title is not None:
            if title_index is not None:
                del head_lines[title_index]
            title_index, title = far_title, lines[far_title]
            head_lines[title_index] = "title"
    if published is None:
        published = _archive_date(dump) or labelled_date(dump.texts)
    site_name = None
    if dump.title:
        headline, site_name = split_title(dump.title)
        title = title or headline
        head_lines[0] = "title"
    elif n > 1 and title_index != 0:  # (line 0 printing the headline itself is no <title>)
        # A blank-line dump that opens with the page's <title> ("Headline - Site") over the
        # printed headline: the site's name as the <title> gives it, and the headline it names
        # where the head reader found none (share counters and players between it and the
        # byline) or took a blog's name over it for one.
        headline, named = split_title(lines[0])
        if named:
            key = _key(headline)
            # (Over the article: a copy in a most-read list under it is no headline.)
            above = range(1, min(n, high, _TITLE_LINE_HEADLINE_LINES))
            printed = (i for i in above if not dump.bullets[i] and _prints_headline(lines[i], key))
            found = next(printed, None)
            if found is None and title is None:  # (one worded otherwise: the most like it)
                found = _headline_like_title(dump, first)
            if found is not None and (title is None or not _prints_headline(title, key)):
                if title_index is not None:
                    del head_lines[title_index]
                title_index, title, head_lines[found] = found, lines[found], "title"
                if not byline:  # the name printed under it ("Ingrid Aasen" / "Journalist")
                    byline = _name_line_after(dump, found, head_lines)
            # (A page printing another headline than its <title>'s names the site in the
            # masthead: "Headland" on a line of its own under "... | Features | Headland".)
            masthead_names = named in lines[1:_MASTHEAD_RECURRING_LINES]
            if title is not None and _prints_headline(title, key) or masthead_names:
                site_name = named
                head_lines[0] = "title"
    # A copyright holder is only a fallback: a publishing company, not always the publication.
    # A domain in the <title> ("| brackettledger.com") is the last resort: the page prints a name,
    # unless the masthead prints the domain as the name ("Obzorník.cz" on a line of its own).
    domain = (
        site_name
        if site_name
        and _DOMAIN.fullmatch(site_name)
        and not (site_name[0].isupper() and site_name in lines[1:_MASTHEAD_RECURRING_LINES])
        else None
    )
    named_site = None if domain else site_name
    masthead = _masthead(dump, domain, head_lines)
    # (A writer's bio is no publisher's statement: "Jo Doe is a member of the PTA ...".)
    stated = _publisher(lines, _PUBLISHER)
    stated = None if stated and _without_the(stated) in {_without_the(name) for name in byline} else stated
    publisher = stated or named_site or masthead or copyright_holder(lines) or site_name
    # "The Carrick Falls Examiner is a division of ..." under a masthead printing "Carrick Falls
    # Examiner" (or the reverse): the name as the masthead, else the <title>, prints it.
    if publisher:
        core = _without_the(publisher)
        publisher = next(
            (name for name in (masthead, named_site) if name and _without_the(name) == core), publisher
        )
    # "| KVNT" in the <title> under a "KVNT 7 News" masthead: the masthead names it in full.
    if masthead and publisher and publisher == named_site and _without_the(masthead).startswith(core + " "):
        publisher = masthead
    # "- Three Rivers Television News" in the <title> over a "Three Rivers Television" masthead
    # that the copyright line names too: the masthead's name.
    # (Not over "- Harlow State News" in the <title> under a "Harlow State University" masthead:
    # a university's news site, named in the <title>.)
    if (
        masthead
        and publisher
        and publisher == named_site != masthead
        and _names_one_publication(masthead, named_site)
    ):
        holder = copyright_holder(lines)
        if holder and _without_the(holder) == _without_the(masthead):
            publisher = masthead
    # "| AMN" in the <title>, "Agencia Meridional de Noticias" printed at the top: the name the
    # initials stand for.
    if publisher and _ACRONYM.fullmatch(publisher):
        spelt = (line for line in lines[:_MASTHEAD_RECURRING_LINES] if _initials(line) == publisher)
        publisher = next(spelt, publisher)
    # "By Dana Kowalczyk, Carrick Falls Examiner": the publication is no author.
    publications = {_without_the(name) for name in (publisher, site_name) if name}
    byline = [name for name in byline if _without_the(name) not in publications]
    # A database's record of the article says what its head may not (a library's page title over
    # a "Jun 2023" citation): its title, its full date and the publication.
    if record := _record_fields(lines):
        title = record.get("title", title)
        published = parse_date(record.get("published", "")) or published
        publisher = record["publisher"].split(";")[0].strip() if "publisher" in record else publisher
        if not byline and "byline" in record:  # "Mahlangu, Thandeka; De Klerk, Pieter"
            byline = [" ".join(reversed(name.split(",", 1))).strip() for name in record["byline"].split(";")]
            byline = [" ".join(name.split()) for name in byline if name]
            byline = [_printed_form(name, lines) or name for name in byline]  # ("Pieter de Klerk")
    # A markdown dump's one level-one heading ("# In Port Alder, ...") is the headline.
    if (heading := _markdown_headline(lines)) is not None:
        if title_index is not None and title_index != heading and head_lines.get(title_index) == "title":
            del head_lines[title_index]
        title, head_lines[heading] = lines[heading][2:].strip(), "title"
    metadata = Metadata(title=title, byline=tuple(byline), published=published, publisher=publisher)
    return DumpHead(metadata, head_lines)


def _markdown_headline(lines: Sequence[str]) -> int | None:
    """The index of the page's only "# " line, when it has one."""
    headings = list(compress(range(len(lines)), map(str.startswith, lines, repeat("# "))))
    return headings[0] if len(headings) == 1 else None


def _prints_headline(line: str, title_key: str) -> bool:
    """Whether a line prints the <title>'s headline (`title_key`, _key() of it): all of it, or
    most of it with a section name after it ("X – The Sideline") or a place before it ("Bad
    Ellerhausen: X") in the <title>."""
    key = _key(line)
    return key == title_key or (
        len(key) >= _TITLE_PREFIX_SHARE * len(title_key)
        and (title_key.startswith(key) or title_key.endswith(key))
    )


def _initials(name: str) -> str:
    """The initials of a name's capitalised words ("Agencia Meridional de Noticias" -> "AMN"), or
    "" when a word is neither capitalised nor a connector (a sentence, not a name)."""
    words = name.split()
    if not 2 <= len(words) <= 6 or not all(w[0].isupper() or w.lower() in _NAME_CONNECTORS for w in words):
        return ""
    return "".join(w[0] for w in words if w[0].isupper())


def _names_over_labelled_dateline(dump: Dump, head_lines: dict[int, str]) -> int | None:
    """The line of bare names, opening with a given name, one or two lines over a dateline
    labelled "Published" (the outlet's name may sit between), or None."""
    for index, role in head_lines.items():
        if role == "dateline" and _PUBLISHED.match(dump.texts[index]):
            for above in range(index - 1, max(-1, index - 1 - _DATE_UNDER_BYLINE_LINES), -1):
                text = dump.texts[above]
                if (
                    above not in head_lines
                    and text.split(" ", 1)[0] in _FIRST_NAMES
                    and _looks_like_byline(text)
                ):
                    return above
    return None


def _dated_byline_above(dump: Dump, low: int) -> range | None:
    """The nearest line above `low` (at most _FAR_HEAD_LINES up) that names an author and dates
    the page's first publication ("By Jane Doe published 4 May 2024"), or names an author (with
    "By" or bare) over a line that dates it ("By Jane Doe, Senior Tester" / "Published 4 May
    2024"): those lines, or None."""
    texts = dump.texts
    for index in range(low - 1, max(-1, low - 1 - _FAR_HEAD_LINES), -1):
        text = texts[index]
        if len(text) <= _BYLINE_LINE_MAX_CHARS and not dump.bullets[index]:
            names, found, updated = _head_line(text)
            if names and found and not updated:
                return range(index, index + 1)
            if not found and (names or _looks_like_byline(text)):
                # (The date may sit under the outlet's name: "Jo Doe and Sam Roe" / "The Courier" /
                # "Published 6:05 a.m. Jan. 18, 2024 | Updated ...".)
                for under in range(index + 1, min(low, index + 1 + _DATE_UNDER_BYLINE_LINES)):
                    if len(texts[under]) > _LABELLED_DATE_MAX_CHARS:
                        break
                    under_names, under_found, under_updated = _head_line(texts[under])
                    if under_found and not (under_names or under_updated):
                        return range(index, under + 1)
    return None


def _byline_pieces(lines: Sequence[str]) -> list[str]:
    """The names under a bare "By" line, with the "and" lines between them: a name, then "and"
    and a name, and so on (a name printed twice, a link's copy, is not a second author)."""
    pieces: list[str] = []
    for text in lines:
        expects_name = not pieces or pieces[-1].lower() in _NAME_CONNECTORS_ALONE
        if expects_name and not (text.count(" ") < 4 and _looks_like_byline(text)):
            break
        if not expects_name and text.lower() not in _NAME_CONNECTORS_ALONE:
            break
        pieces.append(text)
    return pieces[:-1] if pieces and pieces[-1].lower() in _NAME_CONNECTORS_ALONE else pieces


def _head_start(dump: Dump, first: int, is_chrome: Callable[[int], bool] | None) -> int:
    """Where the head is looked for: _HEAD_BEFORE lines above the article's first line, not
    counting share buttons and captions between them ("Share this Story:", Facebook, ...) or
    lines `is_chrome` knows."""
    low, counted = first, 0
    while low > 0 and counted < _HEAD_BEFORE:
        low -= 1
        counted += not (is_furniture(dump.texts[low]) or (is_chrome is not None and is_chrome(low)))
    return low


def _read_bylines_and_dates(
    dump: Dump, indices: range, head_lines: dict[int, str]
) -> tuple[list[str], date | None]:
    """The first byline's names and the first first-publication date among the dump's lines at
    `indices` (a date labelled "Published" before an unlabelled one; never a menu item's, "  •
    Obituaries: March 19, 2019"); marks the byline and dateline lines in `head_lines`."""
    lines, bullets = dump.texts, dump.bullets
    byline: list[str] = []
    byline_at = -1
    published: date | None = None
    labelled = month_only = False
    for index in indices:
        text = lines[index]
        if len(text) > 200 or bullets[index] or _WEATHER.search(text):
            continue  # (a masthead's "Thursday 9 March 2023 · 7°C Light rain" dates no article)
        if not byline and _BYLINE_PREFIX.match(text) and not _BYLINE_PREFIX.sub("", text).strip(":"):
            # "By" on a line of its own, the names and "and" on the lines under it.
            parts = _byline_pieces(lines[index + 1 : index + 1 + _BYLINE_PIECES])
            if parts:
                text = " ".join([text, *parts])
                for piece in range(index + 1, index + 1 + len(parts)):
                    head_lines[piece] = "byline"
        names, found, updated = _head_line(text)
        if not byline and names:
            byline, byline_at = list(names), index
            head_lines[index] = "byline"
        elif (
            names
            and index - byline_at <= _SECOND_BYLINE_LINES
            and _BYLINE_LINE.match(text)
            and all(is_role_line(line) or is_furniture(line) for line in lines[byline_at + 1 : index])
        ):
            # A second byline under the first, only a role or captions apart ("By X / Political
            # editor / <credited captions> / By Y"); a teaser list's bylines have dates and
            # summaries between them.
            if not _SECOND_CREDIT.match(text):
                byline += [name for name in names if name not in byline]
            head_lines[index] = "byline"
        if found:
            head_lines.setdefault(index, "dateline")
            is_labelled = _PUBLISHED.match(text) is not None
            # A month alone ("Issue 87 · June 2024", "Apply now for September 2024") gives way
            # to a day ("4 June 2024").
            is_month_only = found.day == 1 and _DAY_ONE.search(text) is None
            a_day_after_a_month = month_only and not is_month_only
            if not updated and (published is None or (is_labelled and not labelled) or a_day_after_a_month):
                published, labelled, month_only = found, is_labelled, is_month_only
    return byline, published


# Bylines and datelines repeat across a site's pages (same authors, same days): each distinct
# line is read once; 16k lines bound the texts kept between batches.
@lru_cache(maxsize=1 << 14)
def _head_line(text: str) -> tuple[tuple[str, ...], date | None, bool]:
    """What a short line near the top says: the names when it reads as a byline, the date when it
    reads as a dateline, and whether it is a dateline of an update."""
    if _BREADCRUMB.search(text) or _EDITION_LINE.match(text):
        # An issue's date: "Journal List > Med Aff Wkly > v.340; 2010 Jun 12", "Latest issue: 16 Sep 2010"
        return (), None, False
    # The byline may follow the date: "12 November, 2009 | By Jane Doe and Ravi Patel".
    byline_part = next((part for part in _PIPE_PARTS.split(text) if _BYLINE_LINE.match(part)), None)
    if byline_part is not None:
        # "By Jane Doe published 14 March 2024": the names end where the date's label begins.
        label = _BYLINE_DATE_LABEL.search(byline_part)
        byline_part = byline_part[: label.start()] if label and label.start() else byline_part
    names = tuple(split_byline(byline_part)) if byline_part is not None else ()
    revision, label = _UPDATED.search(text), _PUBLISHED.search(text)
    # Labelled lines carry two dates and times ("Posted: Mar 5, 2019 / 03:04 PM EST / Updated: ...").
    max_words = _DATELINE_MAX_WORDS * (2 if revision or label else 1)
    # A sentence is no dateline; a time "9:02 a.m." ends one.
    # A labelled dateline may end in a stop ("First published 21 May 2024. Last updated 3 June 2024.").
    sentence = text[-1] in ".!?" and not text.endswith(_CLOCK_ENDS) and not _PUBLISHED.match(text)
    if len(text.split()) > max_words and not sentence:
        # Too long for a dateline, but its first part with a figure may be one: "18 March 2025 ·
        # From the April 2025 issue · 9 min read", "Vilaclara · Dimarts, 18 de març de 2025 · ...".
        parts = _DATELINE_PARTS.split(text)
        dated = next((part for part in parts if _DIGIT.search(part)), None)
        if len(parts) > 1 and dated is not None and len(dated.split()) <= max_words:
            if not names and label is not None:  # "Meghan Laroque · DPB News · Posted: Jan 30, 2024 ..."
                names = _names_beside_date(parts, True)
            return names, *_head_line(dated)[1:]
    if len(text.split()) > max_words or not _DIGIT.search(text) or sentence:
        return names, None, False
    if revision and label and label.start() > revision.start():
        # "Updated 16:51 | Published 09:12, 14 November 2019": the date after "Published"; "Updated
        # July 22 2021 - 4:41pm, first published 11:30am": a time only, the same day.
        after = text[label.end() :]
        first_published = parse_date(after) or (parse_date(text) if _CLOCK.search(after) else None)
    else:
        # "Published: 12 Mar 2009 | Updated: 14 Mar 2009": the date before the update is the first one.
        first_published = parse_date(text[: revision.start()]) if revision else None
    if first_published is not None:
        if not names and label is not None:  # "Meghan Laroque · DPB News · Posted: ... | Updated: ..."
            names = _names_beside_date(_DATELINE_PARTS.split(text), True)
        return names, first_published, False
    found = parse_date(text)
    if found is not None and not names and _DATELINE_PARTS.search(text):
        # "Jane Doe | 7 November 2016", "18 Apr 2024 · Jane Doe · 4 Comments": a person's name
        # beside the date is the byline (a given name first, or a reading time beside them: an
        # article's meta line; "Marlowe Conference Centre | 4 May" is a venue)
        # (or a publication label: "Jane Doe · The Courier · Posted: Jan 30, 2024".)
        meta_line = _READING_TIME.search(text) is not None or label is not None
        names = _names_beside_date(_DATELINE_PARTS.split(text), meta_line)
    return names, found, found is not None and revision is not None


def _names_beside_date(parts: Sequence[str], meta_line: bool) -> tuple[str, ...]:
    """The names of the first part of a dateline's parts that reads as a byline: with a given
    name first, or any name on an article's meta line."""
    return next(
        (
            tuple(split_byline(part))
            for part in parts
            if (meta_line or part.split(" ", 1)[0] in _FIRST_NAMES) and _looks_like_byline(part)
        ),
        (),
    )


def is_dateline(text: str) -> bool:
    """A short block that only dates the page: "Feb. 8, 2024, 6:42 p.m. ET", "Updated Feb. 9,
    2024", "Bad Ellingen 03.11.2023, 17:45 Uhr": a labelled date, or a date among capitalised
    words (a place, a time zone), not a clause naming one ("Council meets on May 4, 2024") nor an
    embedded post's sign-off ("— Jane Doe (@janedoe) May 4, 2024", which annotators keep)."""
    _names, found, _updated = _head_line(text)
    return (
        found is not None
        and "@" not in text
        and (
            DATELINE_LABEL.match(text) is not None
            or sum(map(_lower_dateline_word, text.split())) <= _DATELINE_LOWER_WORDS
        )
    )


def _lower_dateline_word(word: str) -> bool:
    """A word in lower case other than a month's name ("15 май 2024 г., 10:42 ч.": months and
    the year's and hour's abbreviations are written in lower case in Slavic languages)."""
    if not word[:1].islower():
        return False
    bare = word.rstrip(".,")
    return bare not in _MONTHS and not (len(bare) <= 2 and word.startswith(bare + "."))


def published_date_in(text: str) -> date | None:
    """The first-publication date a dateline states ("Published 4 May | Updated 6 May" -> 4 May);
    None for a line that only gives an update."""
    _names, found, updated = _head_line(text)
    return None if updated else found


def body_start(dump: Dump, keep: list[bool], probabilities: list[float] | None = None) -> int:
    """Index of the first kept line that reads as prose (the article starts there), else of the
    first kept line; len(lines) when nothing is kept. With `probabilities`, a prose line must
    also be judged more likely article than not."""
    first = None
    for index, flag in enumerate(keep):
        if flag:
            text = dump.texts[index]
            likely = probabilities is None or probabilities[index] >= 0.5
            if (
                likely
                and (text.rstrip(_CLOSERS) or text)[-1] in _PROSE_END
                and text.count(" ") >= _PROSE_MIN_SPACES
            ):
                return index
            if first is None:
                first = index
    return len(keep) if first is None else first


def _headline_shaped(dump: Dump, index: int) -> bool:
    text = dump.texts[index]
    words = _word_count(text)
    return (
        _HEADLINE_MIN_WORDS <= words <= _HEADLINE_MAX_WORDS
        and not dump.bullets[index]
        and text[-1] not in ".:;,…|"
        and " | " not in text
        and not _BREADCRUMB.search(text.replace(" » ", " ") if "«" in text else text)  # (a quotation's »)
        and not _BREADCRUMB_PATH.search(text)  # "News / Culture / Headline", "News / Courts & Crime"
        and not _BYLINE_LINE.match(text)
        and not _has_date(text)
        and not is_furniture(text)
    )


def _headline_over_standfirst(above: str, text: str) -> bool:
    """Whether `above`, printed right over the long unpunctuated line `text`, is the headline and
    `text` its standfirst: a line of five words or more, not much longer than it (a two-line
    headline block prints them at about the same length), not a section label such as "Markets &
    Policy", and not site chrome ("This site is intended for ...")."""
    headline_length = len(above) < _HEADLINE_OVER_MAX_LENGTH * len(text)
    return headline_length and above.count(" ") >= _HEADLINE_OVER_MIN_SPACES and not _CHROME.search(above)


def _opens_article_head(text: str) -> bool:
    """What follows a headline: a byline, or a standfirst (a sentence or a long line of words,
    not an archive citation such as "Clin Wkly. 2009 June 13; 338(7708): 1402.")."""
    long_line = text.count(" ") >= STANDFIRST_MIN_SPACES or text[-1] in _PROSE_END
    return _looks_like_byline(text) or (long_line and _mostly_words(text))


# Asked several times per page (head window, headline search) and of lines a site repeats.
@lru_cache(maxsize=1 << 14)
def is_rating(text: str) -> bool:
    """A review's rating printed on its own line: "★★★★☆", "4/5", "Rating: 4 out of 5", with a
    label and a verdict word or two ("Avaliação: ★★★★☆ Ótimo")."""
    return _RATING.fullmatch(text) is not None


def is_furniture(text: str) -> bool:
    """A caption with its credit, a row of share buttons (or their "Share this Story:" lead), a
    video or audio player's controls ("Now Playing", "02:41", "Listen to this article"), a "More
    from <author>" link, a relative time, a reading time ("Lesedauer: ca. 4 Minuten"), a
    reporter's place ("Reporting from Port Alder"), an expander ("Author information ►") or a
    copyright notice: never a headline."""
    return bool(
        (_CAPTION_CREDIT.search(text) and not names_by_slash(text))
        or _COPYRIGHT_NOTICE.match(text)
        or _READING_TIME.search(text)
        or _REPORTING_PLACE.match(text)
        or _WIDGET_ARROW.search(text)
        or _SENTENCE_THEN_CREDIT.search(text)
        or _RELATIVE_TIME.search(text)
        or _SHARE_ROW_WORDS.issuperset(words := _key(text).split())
        or _PLAYER_CONTROL_WORDS.issuperset(words)
        or _PLAYER.search(text) is not None  # ("Lyssna på artikeln 5 min")
        or _RUNNING_TIME.fullmatch(text) is not None
        or is_rating(text)
        or _WIDGET_LEAD.match(text)
    )


def is_credit_alone(text: str) -> bool:
    """A picture's credit printed alone: "Foto: Jan Berg", "© Jan Berg/Courier" (no year: a
    site's notice has one, or names a company: "© The Chronicle Pvt Ltd"), "Jan Berg / The
    Ledger"; the line over it is the caption."""
    return (
        text.count(" ") <= _CREDIT_ALONE_MAX_SPACES
        and bool(_CREDIT_ALONE.match(text) or _NAME_OUTLET_CREDIT.fullmatch(text))
        and not ("©" in text and _COMPANY_SUFFIX.search(text))  # ("Photo: X / APS" is a credit)
    )


def is_role_line(text: str) -> bool:
    """A job title or handle printed under a byline ("Housing Correspondent", "@handle")."""
    words = text.lower().split()
    return 0 < len(words) <= 4 and (words[-1] in _ROLE_WORDS or (len(words) == 1 and words[0][0] == "@"))


def _find_headline(
    dump: Dump, keep: list[bool], first: int, low: int, head_lines: dict[int, str]
) -> int | None:
    """Index of the headline as printed, or None."""
    lines = dump.texts
    if dump.title:
        found = _headline_like_title(dump, first)
        bylines = [index for index, role in head_lines.items() if role == "byline" and index < first]
        if bylines and (found is None or found > min(bylines)):
            # A line like the title right over the byline (a standfirst between them) is the
            # headline, not a product's name printed again under it (a review's shopping box).
            over = _title_over_byline(dump, min(bylines))
            found = over if over is not None else found
        if found is not None:
            return found
    # Blocks layout: the headline sits above the byline/dateline block when there is one (share
    # rows, captions and photo credits often come between that block and the article), else it is
    # the nearest headline-shaped line above the article; failing both, the first article line.
    head_block = sorted(index for index in head_lines if low <= index < first)
    starts = [min(head_block), first] if head_block else [first]
    # A masthead's date bar far over the article's own byline and dateline: the block nearest the
    # article is looked over first ("Monday, March 4, 2024" / menus / headline / standfirst /
    # "March 04, 2024 at 05:12 PM").
    gaps = [
        after
        for before, after in zip(head_block, head_block[1:], strict=False)
        if after - before > _HEAD_BLOCK_GAP
    ]
    if gaps:
        upper = [index for index in head_block if index < gaps[-1]]
        lower = [index for index in head_block if index >= gaps[-1]]
        if all(head_lines[i] == "dateline" and not _PUBLISHED.match(lines[i]) for i in upper) and any(
            head_lines[i] == "dateline" for i in lower
        ):
            starts.insert(0, gaps[-1])
    # The first kept line may be a standfirst printed over the byline/dateline block.
    over_head_block = not head_block and any(first < index <= first + _HEAD_AFTER for index in head_lines)
    for start in starts:
        found = _headline_above(dump, keep, start, low, head_lines, start != first or over_head_block)
        if found is not None:
            return found
        # The headline printed inside the head block, between its date and its byline.
        inside = [
            index
            for index in range(start + 1, max(head_block) if start != first else start)
            if index not in head_lines and _headline_shaped(dump, index)
        ]
        if len(inside) == 1:
            return inside[0]
        # A date printed over the headline ("Tuesday, 22 March 2011" under the breadcrumbs); with
        # a <title>, a line unlike it under a date is as often the first crosshead.
        below = max(head_block) + 1 if head_block and start != first and not dump.title else first
        if (
            below < first
            and _headline_shaped(dump, below)
            and lines[below][-1] not in "?？"
            and _opens_article_head(lines[below + 1])
        ):
            return below
    if first < len(lines) and _headline_shaped(dump, first) and lines[first][-1] not in "?？":
        following = next((i for i in range(first + 1, len(lines)) if i not in head_lines), None)
        if (
            following is not None
            and lines[following].rstrip(_CLOSERS)[-1:] in _PROSE_END
            and lines[following].count(" ") > 8
        ):
            return first
    return None


def _headline_like_title(dump: Dump, first: int) -> int | None:
    """Lines layout: the headline-shaped line near the article's first line whose words are most
    like the <title>'s headline (Dice overlap of at least _TITLE_LIKENESS; the nearest to the
    article on ties). The printed headline often differs from the <title>'s ("Study: X, but Y"
    printed, "X, study finds" in the title); site names and section labels the title also holds
    share few of its headline's words."""
    title_words, content_words = _title_words(dump)
    near = range(max(1, first - _TITLE_SCAN_LINES), min(first + 1, len(dump.normalised)))
    found, likeness = _most_like_title(dump, near, title_words, content_words, _TITLE_LIKENESS)
    # Further up as well: a review's score box or a project card can part them, and the line
    # near the article may be a crosshead repeating the product's name ("X: two-minute review").
    # (A line further up must be more like the title than the one found near the article.)
    at_least = _TITLE_LIKENESS if found is None else likeness + _TITLE_LIKENESS_MARGIN
    far, _ = _most_like_title(dump, range(1, near.start), title_words, content_words, at_least)
    return found if far is None else far


def _title_over_byline(dump: Dump, byline: int) -> int | None:
    """The headline-shaped line right over the byline at `byline`, or over the standfirst there,
    when it is at least _TITLE_OVER_BYLINE_LIKENESS like the <title>'s headline; else None."""
    above = byline - 1
    if above > 1 and dump.texts[above].count(" ") >= STANDFIRST_MIN_SPACES:
        above -= 1
    title_words, content_words = _title_words(dump)
    found, _ = _most_like_title(
        dump, range(max(1, above), above + 1), title_words, content_words, _TITLE_OVER_BYLINE_LIKENESS
    )
    return found


def _title_words(dump: Dump) -> tuple[set[str], set[str]]:
    """The words of the <title>'s headline (lines layout: line 0), and those that are no stopwords
    (all of them when every one is)."""
    title_words = set(_key(split_title(dump.texts[0])[0]).split())
    return title_words, (title_words - STOPWORDS) or title_words


def _most_like_title(
    dump: Dump, indices: range, title_words: set[str], content_words: set[str], at_least: float
) -> tuple[int | None, float]:
    """The headline-shaped line among `indices` most like the title (the last on ties) and its
    likeness, if it is at least `at_least` like it."""
    best, best_likeness = None, at_least
    keys = dump.normalised
    for index in indices:
        # Short lines' keys are already punctuation-free words; menus share no content word with
        # the title (a line sharing only "the" and "to" is never half like it).
        key = keys[index]
        if not any(map(key.__contains__, content_words)):
            continue
        words = set(key.split() if len(key) <= SHORT_LINE_CHARS else _key(key).split())
        if content_words.isdisjoint(words):
            continue
        likeness = 2 * len(title_words & words) / (len(title_words) + len(words))
        if likeness >= best_likeness and _headline_shaped(dump, index):
            best, best_likeness = index, likeness
    return best, best_likeness


def _is_label(text: str) -> bool:
    return text.count(" ") < _LABEL_MAX_SPACES and _mostly_words(text) and text[-1] not in _PROSE_END


def _headline_above(
    dump: Dump, keep: list[bool], start: int, low: int, head_lines: dict[int, str], from_head_block: bool
) -> int | None:
    """The nearest headline-shaped line above `start` (down to `low`), skipping bylines,
    datelines, captions printed twice and one standfirst; at the first other line, None, or when
    `start` is the byline/dateline block (`from_head_block`), the sentence skipped as a standfirst."""
    lines, keys = dump.texts, dump.normalised
    standfirst: int | None = None
    label_skipped = False
    site_name = split_title(dump.title)[1] if dump.title else None
    for index in range(start - 1, max(-1, low - 1), -1):
        text = lines[index]
        # (A line "The X Y" reads as a name: under a byline or as the <title>'s site name it is
        # the outlet, "The Lake Erie Ledger"; elsewhere a headline, "The Night Shift".)
        name_shaped = _looks_like_byline(text) and (
            not text.startswith(_ARTICLE_STARTS)
            or index - 1 in head_lines
            or (index > 0 and _looks_like_byline(lines[index - 1]))
            or text == site_name
        )
        if index in head_lines or name_shaped or is_role_line(text) or is_doubled(text):
            continue
        if keys[index] in keys[index - 1 : index] or keys[index] in keys[index + 1 : index + 2]:
            continue  # a caption printed twice in a row (its alt text over it)
        if any(map(is_credit_alone, (text, *lines[index + 1 : index + 2]))):
            continue  # a credit printed alone ("Foto: Jan Berg") and the caption over it
        if (
            not label_skipped
            and index + 1 in head_lines
            and _is_label(text)
            and index > 0
            and _headline_shaped(dump, index - 1)
        ):
            label_skipped = True
            continue  # a label between the headline and its dateline ("Press release")
        if _BYLINE_LINE.match(text) or _BY_LABEL.fullmatch(text):
            continue  # a byline naming no one ("Staff report", "NewsBy")
        if (
            text.count(" ") < _ROLE_UNDER_NAME_MAX_SPACES
            and index > 0
            and index - 1 >= low
            and _looks_like_byline(lines[index - 1])
        ):
            continue  # the place or role under a name line ("Jane Doe" / "London", "Arquitecta y académica")
        if _is_credit_lead(text) or (index > 0 and _is_credit_lead(lines[index - 1])):
            continue  # "News provided by" over the company's name
        if is_furniture(text):
            continue  # a photo caption, share buttons or "3 days ago" between headline and article
        sentence_long = keep[index] or text.count(" ") >= _PROSE_MIN_SPACES
        if dump.bullets[index] and sentence_long and (standfirst is None or dump.bullets[standfirst]):
            standfirst = index
            continue  # a standfirst printed as bullet points, one line each
        # A standfirst ends a sentence, or runs longer than any headline without a stop.
        too_long = text.count(" ") >= _HEADLINE_MAX_WORDS
        if (
            standfirst is None
            and (text[-1] in _PROSE_END or too_long)
            and sentence_long
            and _mostly_words(text)
        ):
            standfirst = index
            continue
        if not _headline_shaped(dump, index) or (
            text.count(" ") < _MENU_ITEM_SPACES and text in lines[:index]
        ):
            # (A short line printed higher up too is a menu item the breadcrumb repeats.)
            # A headline written as sentences over the standfirst ("A plant broke its limits 212
            # times. The state fined it once."), under a kicker or menu line, not a paragraph.
            if standfirst is not None and from_head_block and _sentence_headline(lines, index, low):
                return index
            break
        # A long unpunctuated standfirst sits under the byline/dateline, the headline above them.
        # With byline/date lines between, the nearest other line above; else the nearest past a
        # name line and expanders ("Jane Doe", "Author information ►") printed over a headline.
        parted = index - 1 in head_lines
        above = next(
            (
                i
                for i in range(index - 1, max(-1, low - 1), -1)
                if i not in head_lines
                and (parted or not (_looks_like_byline(lines[i]) or is_furniture(lines[i])))
            ),
            None,
        )
        if (
            text.count(" ") >= STANDFIRST_MIN_SPACES
            and above is not None
            and (parted or _headline_over_standfirst(lines[above], text))
            and _headline_shaped(dump, above)
        ):
            return above
        return index
    # Nothing headline-shaped above the byline/dateline block: the line taken for a standfirst
    # is a headline written as a sentence ("Our printer survived. Here's what we learned.").
    if standfirst is not None and from_head_block:
        return standfirst if lines[standfirst].count(" ") < _HEADLINE_MAX_WORDS else None
    return None


def _is_credit_lead(text: str) -> bool:
    """A short lead-in printed over a name on the next line: "News provided by", "Presented by"."""
    return text.count(" ") < _CREDIT_LEAD_MAX_SPACES and text.lower().rstrip(":").endswith(" by")


def _sentence_headline(lines: Sequence[str], index: int, low: int) -> bool:
    text = lines[index]
    return (
        text[-1] in _PROSE_END
        and _HEADLINE_MIN_WORDS <= text.count(" ") + 1 <= _HEADLINE_MAX_WORDS
        and (index == low or lines[index - 1][-1] not in _PROSE_END)
    )


def _mostly_words(text: str) -> bool:
    """At most a third of the tokens hold a digit: a sentence, not a citation ("Med Aff Wkly.
    2010 June 12; 340(7759): 1270-1272.")."""
    tokens = text.split()
    return 3 * sum(1 for token in tokens if _DIGIT.search(token)) <= len(tokens)


@lru_cache(maxsize=1 << 16)
def is_doubled(text: str) -> bool:
    """A caption printed twice on one line ("X: y X: y"), as image galleries render."""
    half = len(text) // 2
    return len(text) > 20 and text[:half].strip() == text[half:].strip()


def is_byline_line(text: str) -> bool:
    """A short line that opens like a byline ("By Jane Doe", "Posted by ..."), or one of whose
    "|" parts does ("NEWS | 14 February 2024 | By Jane Doe")."""
    if len(text) > _BYLINE_LINE_MAX_CHARS:
        return False
    return _BYLINE_LINE.match(text) is not None or (
        "|" in text and any(map(_BYLINE_LINE.match, _PIPE_PARTS.split(text)))
    )


def _looks_like_byline(text: str) -> bool:
    """A bare name line under a headline: "Jane Doe", "Jane Doe, Senior Reporter", "Jane Doe |
    Senior Editor", "Jane Doe and Ravi Patel", "Jane Doe at Ferrand Park" (every word of the part
    before a role or a place is a name's). A name has no colon: "Filed Under:Eastern Equine
    Encephalitis, EEE" is a label's list of tags."""
    if text[-1] in ".!?" or text.count(" ") > 10:
        return False
    if names_by_slash(text):
        return True
    before_role, *after = _ROLE_SEPARATOR.split(text, maxsplit=1)
    if ":" in before_role:
        return False  # (also after a place: "Höhere Gebühren in Lindenau: Was ...", a headline)
    if after and after[0].count(" ") >= _ROLE_MAX_SPACES and not any(map(is_role_word, after[0].split())):
        return False  # "Jo Cherono, Ada Lagat storm to Highlands titles": a headline naming people
    name_part = _BYLINE_TAIL.sub("", before_role)
    words = [word for word in name_part.split() if word.lower() not in ("and", "&")]
    names = split_byline(name_part)
    if len(names) == 1 and name_part.startswith(names[0]) and names[0].split(" ", 1)[0] in _FIRST_NAMES:
        # "Harriet Okonjo-Vale Political editor": the role after the name with no comma.
        words = [*names[0].split(), *(w for w in words[names[0].count(" ") + 1 :] if not _is_role_or_beat(w))]
    return (
        0 < len(names) <= 2
        and all(2 <= name.count(" ") + 1 <= 4 for name in names)
        and sum(name.count(" ") + 1 for name in names) == len(words)
    )


def names_by_slash(text: str) -> bool:
    """Two people's names joined by a slash, each opening with a given name ("Laura Ibarra Soto /
    Daniel Quesada"): writers, where "Ada Lovell / Fenland Courier" credits a picture."""
    parts = text.split(" / ")
    return len(parts) == 2 and all(
        1 <= part.count(" ") <= 3 and part.split(" ", 1)[0] in _FIRST_NAMES for part in parts
    )


def _is_role_or_beat(word: str) -> bool:
    return word.lower().strip(".") in _ROLE_OR_BEAT_WORDS


def _name_line_after(dump: Dump, title_index: int, head_lines: dict[int, str]) -> list[str]:
    """Byline printed without "By" right under the headline or its standfirst, possibly sharing a
    line with the date ("Jane Doe - Nov 19, 2019") or after the dateline or a credited caption."""
    standfirst_skipped = False
    furniture_at = -1  # the last line of the run of captions or share buttons skipped
    counted = 0
    # The four lines under the headline, not counting a review's rating ("★★★★☆", "4/5"), an
    # audio player ("Lyssna på artikeln 5 min") nor datelines beyond the first ("12 March 2025" /
    # "Updated ..." / "First published ...").
    for index in range(title_index + 1, len(dump.texts)):
        if is_rating(dump.texts[index]) or _PLAYER.search(dump.texts[index]):
            continue
        if counted == _NAME_LINE_WINDOW:
            return []
        # (A run of datelines, or of captions and share buttons, counts as one line.)
        counted += index - 1 != furniture_at and not (
            head_lines.get(index) == head_lines.get(index - 1) == "dateline"
        )
        # One picture's caption with its credit, or one share row printed a button a line
        # ("Share" / "Save"), may sit between the headline and the name; neither is a name.
        # (A caption over its credit printed alone is such furniture too.)
        next_line = dump.texts[index + 1] if index + 1 < len(dump.texts) else ""
        if is_furniture(dump.texts[index]) or is_credit_alone(next_line):
            if furniture_at >= 0 and furniture_at != index - 1:
                return []
            furniture_at = index
            continue
        text = _before_date(dump.texts[index]).strip(" -–—|·•,")
        if text and _looks_like_byline(text):
            head_lines[index] = "byline"
            names = split_byline(text)
            # A second name under the first one's role ("Jane Doe / Climate correspondent / Ravi
            # Patel / Data journalist"), maybe on an author card printing the name twice (picture
            # link and name) and the author's e-mail address or handle.
            card_end, role_seen = _author_card_end(dump.texts, index)
            # ("Kayleigh Brennan" / "Senior News Reporter" / "and" / "Dom Fairweather")
            joined = card_end + 1 < len(dump.texts) and dump.texts[card_end].lower() in _BYLINE_JOINS
            if joined and _looks_like_byline(dump.texts[card_end + 1]):
                head_lines[card_end] = head_lines[card_end + 1] = "byline"
                names += [name for name in split_byline(dump.texts[card_end + 1]) if name not in names]
            elif (
                role_seen
                and card_end < len(dump.texts)
                and _looks_like_byline(dump.texts[card_end])
                and not is_role_line(dump.texts[card_end])
            ):
                second = card_end
                head_lines[second] = "byline"
                names += [name for name in split_byline(dump.texts[second]) if name not in names]
            elif (
                (second := index + 2) < len(dump.texts)
                and head_lines.get(second) == "dateline"
                # (under a bare name, a name that opens with a first name: "Tobias Renk", not
                # "Email Siobhán" or a place)
                and (text != " ".join(names) or dump.texts[index + 1].split(" ", 1)[0] in _FIRST_NAMES)
                and _looks_like_byline(dump.texts[index + 1])
                and not is_role_line(dump.texts[index + 1])
            ):
                # A second name under the first one's name (and role), over the date ("Harriet
                # Okonjo-Vale Political editor" / "Tomasz Brennan" / "Tue 14 May 2024").
                head_lines[index + 1] = "byline"
                names += [name for name in split_byline(dump.texts[index + 1]) if name not in names]
            return names
        # One standfirst may sit between the headline and the name ("Jane Doe, Reporter").
        if not standfirst_skipped and dump.texts[index].count(" ") >= _PROSE_MIN_SPACES:
            standfirst_skipped = True
            continue
        if head_lines.get(index) != "dateline":
            return []
    return []


def _author_card_end(lines: Sequence[str], name_index: int) -> tuple[int, bool]:
    """The index past the author card under the name at `name_index` (its repeat, role lines,
    e-mail address, handle), and whether the card holds a role."""
    end, role_seen = name_index + 1, False
    while end < min(len(lines), name_index + 1 + _AUTHOR_CARD_MAX_LINES):
        line = lines[end]
        if is_role_line(line):
            role_seen = True
        elif line != lines[name_index] and not _AUTHOR_CONTACT.fullmatch(line):
            break
        end += 1
    return end, role_seen


def _posted_line(lines: Sequence[str], head_lines: dict[int, str]) -> tuple[list[str], date | None]:
    """The author and day a blog's closing meta line names ("This entry was posted in News on
    October 14, 2024 by Dale Pruitt."), else ([], None); the line is marked a byline."""
    for index, text in enumerate(lines):
        if text.startswith(_POSTED_STARTS) and (match := _POSTED_LINE.match(text)):
            head_lines[index] = "byline"
            return split_byline(match["name"]), parse_date(match["date"])
    return [], None


def _closing_byline(dump: Dump, keep: list[bool], first: int, head_lines: dict[int, str]) -> list[str]:
    """The author the article's end names when its head does not: a wire story's closing credit
    ("(Reporting by X in Y; Editing by Z)"), a byline line right under the article's last kept
    paragraph ("Von Katrin Vollmer", marked in `head_lines`), or the name line under an "About the
    author" heading."""
    lines = dump.texts[first:]
    credits = compress(lines, map(str.startswith, lines, repeat(_WIRE_CREDIT_STARTS)))
    if credit := next(filter(None, map(_WIRE_CREDIT.match, credits)), None):
        return split_byline(credit.group(1))
    texts = dump.texts
    last = max(
        (i for i in compress(range(len(keep)), keep) if texts[i][-1] in _PARAGRAPH_ENDS), default=len(keep)
    )
    for index in range(last + 1, min(len(keep), last + 1 + _CLOSING_BYLINE_LINES)):
        if is_byline_line(texts[index]) and (names := split_byline(texts[index])):
            head_lines[index] = "byline"
            return names
        # An author box's name under the bio closing the article ("Jo Doe is a hydrogeologist
        # ... Views are personal." / "Jo Doe").
        if texts[last].startswith(texts[index] + " ") and _looks_like_byline(texts[index]):
            return split_byline(texts[index])
    for index in compress(range(len(lines) - 1), map(_AUTHOR_BOX_HEADING.match, lines)):
        if _looks_like_byline(lines[index + 1]):
            return split_byline(lines[index + 1])
    return []


def _before_date(text: str) -> str:
    """The part of a line before the first date in it (all of it when there is none)."""
    if not _DIGIT.search(text):  # every date shape has a number in it (see _has_date)
        return text
    starts = [match.start() for pattern in _DATE_PATTERNS if (match := pattern.search(text))]
    return text[: min(starts)] if starts else text


def _word_count(text: str) -> int:
    """Words in a line: its spaces and one; in Chinese or Japanese, which print no spaces between
    words, about one word for every two characters (Korean spaces its words)."""
    words = text.count(" ") + 1
    # (A line of three spaced words or more is counted so already: most lines.)
    if words < _HEADLINE_MIN_WORDS and not text.isascii():
        words = max(words, len(_RUN_TOGETHER_CHARACTERS.findall(text)) // 2)
    return words


def _has_date(text: str) -> bool:
    return _DIGIT.search(text) is not None and parse_date(text) is not None


def _record_fields(lines: Sequence[str]) -> dict[str, str]:
    """A database record's title, published date and publication name (text_head_patterns.json
    record_fields), keyed by those names; empty when the page prints no such record."""
    labels: dict[str, tuple[int, str]] = {}  # label -> (line, value), the first of each
    for index, text in enumerate(lines):
        if len(text) > _RECORD_LABEL_MAX_CHARS:
            continue
        label, colon, value = text.partition(":")
        label = label.strip().lower()
        if label not in _RECORD_LABELS or label in labels:
            continue
        labels[label] = (
            index,
            (value if colon else lines[index + 1] if index + 1 < len(lines) else "").strip(),
        )
    if len(labels) < _RECORD_MIN_FIELDS:
        return {}
    # One block's labels: those within record_max_lines of the median one.
    middle = sorted(index for index, _ in labels.values())[len(labels) // 2]
    block = {
        label: value for label, (index, value) in labels.items() if abs(index - middle) <= _RECORD_MAX_LINES
    }
    if len(block) < _RECORD_MIN_FIELDS:
        return {}
    fields: dict[str, str] = {}
    for label, value in block.items():
        if _RECORD_LABELS[label] in _RECORD_READ and value:
            fields.setdefault(_RECORD_LABELS[label], value)
    return fields


def _archive_date(dump: Dump) -> date | None:
    """Date from an archive citation line near the top ("Journal. 2007 November 3; 335(7626): 907.")."""
    for text in dump.texts[:20]:
        if ";" in text and len(text) < 120 and not _UPDATED.search(text):
            found = parse_date(text)
            if found:
                return found
    return None


def labelled_date(lines: Sequence[str]) -> date | None:
    """Date from a short line anywhere that opens with a publication label ("First published
    12 May 2022" under a recipe whose head says only "Posted 2 hours ago"; "Published Mar 14 •
    Last updated Mar 15" gives the first; also read by transforms.html)."""
    for text in lines:
        if len(text) < _LABELLED_DATE_MAX_CHARS and _PUBLISHED.match(text):
            found = published_date_in(text)
            if found:
                return found
    return None


def _masthead(
    dump: Dump, domain: str | None = None, head_lines: Mapping[int, str] | None = None
) -> str | None:
    """The publication's name printed as the page's masthead: among its first lines, one that is
    only a name ("The Wexley Chronicle", "COASTAL FISHERIES WEEKLY", "AgriWire"; a " - News" after
    it dropped), not a run of navigation words. Cookie banners and sign-in rows can push it down:
    further down the top, a name the <title>'s `domain` spells ("The Ashby Ferry Courier" for
    ashbyferrycourier.com) or the footer repeats ("About X", "(c) X Ltd") is the masthead too."""
    lines = dump.texts
    footer = lines[-_FOOTER_LINES:]
    # A menu's item is no masthead ("  • Credit Cards"), though its first may be the logo's link;
    # nor is the byline (a newsletter's author holds its copyright: "© 2025 Rosalind Achterberg").
    bullets, head_lines = dump.bullets, head_lines or {}
    names = [
        (
            text,
            None
            if index and bullets[index] and bullets[index - 1] or head_lines.get(index) == "byline"
            else _name_in_masthead(text),
        )
        for index, text in enumerate(lines[:_MASTHEAD_RECURRING_LINES])
    ]
    if domain:
        label = domain.lower().removeprefix("www.").split(".")[0].replace("-", "")
        spelt = (name for _, name in names if name and _squashed(name) in (label, "the" + label))
        if (name := next(spelt, None)) is not None:
            return _as_printed_name(name, lines)
    for text, name in names:
        if name is not None and _named_in_footer(name, text, footer):
            return _as_printed_name(name, lines)
    return next(
        (_as_printed_name(name, lines) for _, name in names[:_MASTHEAD_LINES] if name is not None), None
    )


def _names_one_publication(masthead: str, site_name: str) -> bool:
    """Whether a masthead and a <title>'s site name may name one publication: the masthead
    shortens it ("Three Rivers Television" for "Three Rivers Television News") or the <title>
    names no publication it shares a word with ("Associated Press" for "Hosted")."""
    masthead, site_name = _without_the(masthead), _without_the(site_name)
    return site_name.startswith(masthead) or set(masthead.lower().split()).isdisjoint(
        site_name.lower().split()
    )


def _squashed(name: str) -> str:
    """ "The Ashby-Ferry Courier" -> "theashbyferrycourier": a name as a domain spells it."""
    return "".join(filter(str.isalnum, name.lower()))


def _as_printed_name(name: str, lines: Sequence[str]) -> str:
    """A masthead in capitals as the page prints it elsewhere ("COLDLINE EUROPE" -> "ColdLine
    Europe" from "... told ColdLine Europe."), else in title case ("The Stack Report"); other
    names as they are."""
    if not name.isupper():
        return name
    if (found := _printed_form(name, lines, lambda printed: not printed.isupper())) is not None:
        return found
    words = name.split()
    return " ".join(
        word.lower() if i and word.lower() in _NAME_CONNECTORS else word.capitalize()
        for i, word in enumerate(words)
    )


def _printed_form(
    name: str, lines: Sequence[str], wanted: Callable[[str], bool] = lambda printed: True
) -> str | None:
    """The first form of `name` (compared case-insensitively, as whole words) a line prints that
    `wanted` accepts, or None."""
    pattern = re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
    return next((match[0] for match in map(pattern.search, lines) if match and wanted(match[0])), None)


def _named_in_footer(name: str, text: str, footer: Sequence[str]) -> bool:
    """Whether a footer line other than `text` opens with `name` after a lead-in ("(c) 2011",
    "About") or as a name of its own ("X, Unit 4, Calder Way"; not "X pub reopens after ..."), or
    a sentence of it says what the name is ("... Ltd. X is a registered trade mark of ...")."""
    pattern = _footer_name_pattern(name)
    # The regex searches whole lines: only those holding the name's last word are worth it.
    last_word = name.rsplit(" ", 1)[-1].lower()
    for line in footer:
        if line == text or last_word not in line.lower() or not (match := pattern.search(line)):
            continue
        if match.group("lead") or match.group("next") in ("", ",", "|", "-", "–", "—"):
            return True  # (a tagline after a dash: "X - Quotidiano della provincia dal 1946")
        if match.group("verb") and not _FOOTER_PERSON_BIO.match(line, match.end()):
            return True  # "X is a registered trade mark of Y", not "X is a contributing editor who"
    return False


# Mastheads and footers repeat on every page of a site: each name's pattern is built once.
@lru_cache(maxsize=1 << 12)
def _footer_name_pattern(name: str) -> re.Pattern[str]:
    core = re.escape(name.removeprefix("The "))
    return re.compile(
        rf"(?:^|(?<=[.!?] ))(?P<lead>{_FOOTER_NAME_LEAD})(?:the\s+)?{core}(?!\w)\s*"
        r"(?P<next>(?P<verb>is|è|est|es|ist)\b|.?)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1 << 14)
def _name_in_masthead(text: str) -> str | None:
    """The name a masthead line prints (up to a " - News" after it), or None when the line is no
    name: more than five words, one plain word, digits other than a channel number, lower-case
    words other than connectors, all navigation words, a call to action, a byline."""
    name = _TITLE_PARTS.split(text, maxsplit=1)[0].strip()
    words = name.split()
    numbers = [word for word in words if any(map(str.isdigit, word))]
    # A channel number or a radio frequency is part of a name ("KVNT 7 News", "Northshore 99.5");
    # a year or a count is not; a label's colon is no part of one ("Now Playing: X").
    if (
        not 1 <= len(words) <= 5
        or numbers[1:]
        or (
            numbers
            and not ((numbers[0].isdigit() and len(numbers[0]) <= 2) or _FREQUENCY.fullmatch(numbers[0]))
        )
        or ":" in name
    ):
        return None
    if numbers and len(words) < 3 and not _FREQUENCY.fullmatch(numbers[0]):
        return None
    if len(words) == 1 and not _CAMEL_CASE.search(name):
        return None  # "Menu", "Dairy": a section; a one-word name is written like "AgriWire"
    connectors = [word.lower() in _NAME_CONNECTORS for word in words]
    if (connectors[0] and len(words) == 1) or not all(
        connector or word[0].isupper() or word.isdigit() or _FREQUENCY.fullmatch(word)
        for word, connector in zip(words, connectors, strict=True)
    ):
        return None
    if (
        _NAV_WORDS.issuperset(word.lower() for word in words)
        or words[0].lower() in CALL_TO_ACTION_WORDS  # "Support Snopes": a button naming the site
        or _BYLINE_LINE.match(name)
        or _has_date(text)
    ):
        return None  # a masthead prints no date: "Jane Doe | 7 November 2016" is a byline
    return name


def publisher_in_text(lines: Sequence[str]) -> str | None:
    """The publication a page's text states ("Articles from X are provided here courtesy of",
    "X is part of Y"), else its footer's copyright holder: for pages whose markup names none."""
    return _publisher(lines, _PUBLISHER) or copyright_holder(lines)


def copyright_holder(lines: Sequence[str]) -> str | None:
    """The copyright holder a page's footer names ("(c) 2009 Primary Care Courier. All rights
    reserved."): a publisher of last resort, when nothing names the publication itself."""
    return _publisher(lines, _OWNER)


def _publisher(lines: Sequence[str], patterns: tuple[re.Pattern[str], ...]) -> str | None:
    """The name `patterns` find in the first of the page's last 40 and first 20 lines they match."""
    candidates = (*lines[-40:], *lines[:20])
    short = compress(candidates, map((300).__ge__, map(len, candidates)))
    return next(filter(None, map(_publisher_named_in, short, repeat(patterns))), None)


# Footers repeat on every page of a site: each distinct line is searched once.
@lru_cache(maxsize=1 << 16)
def _publisher_named_in(text: str, patterns: tuple[re.Pattern[str], ...]) -> str | None:
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match.group("name").strip()
    return None
