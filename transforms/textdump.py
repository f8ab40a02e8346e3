"""Boilerplate removal for plain-text page dumps: which lines are the article, and why the rest went.

Pipeline per batch:
1. parse every dump into lines (transforms.blocks) and group the documents into sites by the
   short lines they share (transforms.sitechrome), updating the SiteChrome counts;
2. score every line with the learnt logistic-regression weights (rules/text_weights.json, made
   by bench/train_text.py) over shape and neighbourhood features;
3. decode: lines learnt as the site's chrome are dropped, the rest are kept when their score
   says article, in the densest run of likely lines (below the printed headline when the page's
   <title> shows which line that is); title, byline and dateline lines are dropped and turned
   into metadata; then what the line model cannot see from one line is dropped by rule: lines
   that are never article text (rules/text_removal_reasons.json "always_drop"), lists of cut-off
   teasers, a teaser rail the run ran into, and everything from a reader-comments heading on;
4. every dropped line gets a reason (rules/text_removal_reasons.json, then shape/position).
"""

from __future__ import annotations

import operator
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache, partial
from itertools import chain, compress, pairwise, repeat, takewhile
from typing import TypeVar

from transforms import metadata as meta
from transforms.blocks import (
    LAYOUT_LINES,
    Dump,
    LinearModel,
    line_batch,
    line_logits,
    linear_model,
    normalise_line,
    parse_dump,
    says_chrome,
    sigmoids,
)
from transforms.model import (
    FORMAT_TEXT,
    DecodedDocument,
    Extraction,
    Metadata,
    Paragraph,
    RemovedLine,
    SiteChrome,
)
from transforms.rules import load_json
from transforms.sitechrome import assign_sites, chrome_lines

_MODEL = linear_model(load_json("text_weights.json"))
_DECODING = load_json("text_decoding.json")
# A line is kept when its probability of being article text reaches this.
_KEEP_THRESHOLD = float(_DECODING["keep_threshold"])
# Inside the article run a line is kept from this probability; outside it only from the next.
_SPAN_THRESHOLD = float(_DECODING["span_threshold"])
# Lines weigh (words + 1) ** this in the run search: long lines count more, but not linearly.
_SPAN_WORD_POWER = float(_DECODING["span_word_power"])
_OUTSIDE_THRESHOLD = float(_DECODING["outside_threshold"])
# When too little passes, keep lines within this share of the page's best line (short articles).
_RELATIVE_THRESHOLD = float(_DECODING["relative_threshold"])
# ... as long as the best line is at least this likely; below it the page has no article.
_MIN_BEST_PROBABILITY = float(_DECODING["min_best_probability"])
# Fewer kept words than this and the page is not an article (login wall, index, 404).
_MIN_ARTICLE_WORDS = int(_DECODING["min_article_words"])
# The line under the headline is kept as the standfirst (the gold convention; ScrapingHub's
# annotators drop it: held-out there -0.003, blind rounds +0.003 to +0.012).
_KEEP_STANDFIRST = bool(_DECODING["keep_standfirst"])
# Under a printed headline: up to this many head lines (byline, date), then paragraphs of 8+ words.
_HEAD_LINES_UNDER = 3
# ... and short lines among them that are no sentence ("Affiliation: freelance health journalist, X").
_ASIDE_SPACES = 6
_PARAGRAPH_MIN_WORDS = 8
_HEADLINE_COVERAGE = float(_DECODING["printed_headline_coverage"])
# Teaser rails: headlines of 3-16 words, summaries of one 6-40 word sentence, two pairs or more.
_RAIL_HEADLINE_WORDS = (3, 16)
_RAIL_SUMMARY_WORDS = (6, 40)
_RAIL_MIN_PAIRS = 2
# A list's heading ("Most commented", "Just published") is shorter than this.
_HEADING_MAX_WORDS = 5
# Kept lines in a row above the first sentence that make a list the article opens with (_list_start).
_LIST_MIN_LINES = 4
# Lead paragraphs parted from the article's run (_keep_lead_over_gap).
_LEAD_MIN_PROBABILITY = 0.5
# The article's last section past a related box (_keep_article_past_box): the box's lines at
# most, and the section's paragraphs at least (each as likely as a line kept inside the run).
_BOX_MAX_LINES = 16
_SECTION_MIN_PARAGRAPHS = 2
_LEAD_MAX_GAP = 30
# The rest of a list under a kept first item (_keep_list_items).
_LIST_MIN_SIBLINGS = 3
_LIST_ITEM_MAX_WORDS = 20
_LIST_SEPARATORS = (" – ", " — ", " -- ", " - ", ": ", " @ ", " | ")
_SENTENCE_ENDS = frozenset(".!?。！？")
# A list of story headlines closing the kept lines (_trailing_headline_list).
_HEADLINE_LIST_MIN_LINES = 4
_HEADLINE_LIST_WORDS = (4, 20)
_CLOSING_MARKS = "\"”’')»"
_CLAUSE_ENDS = frozenset(".!:;,…。！、，：；")
# A related-stories box (_related_boxes): up to this many headlines, and section or tab labels
# ("Crime", "Most recent") of up to _BOX_LABEL_MAX_WORDS words among them; a section name of up
# to _BOX_SECTION_MAX_WORDS words after a heading prefix ("More from Opinion").
_RELATED_BOX_MAX_ITEMS = 8
_BOX_LABEL_MAX_WORDS = 3
_BOX_SECTION_MAX_WORDS = 3
_BOX_SITE_MAX_WORDS = 5
# A label after a headline at least this often: the box prints each headline's section under it.
_BOX_MIN_LABELLED = 2
_RELATED_TAIL_MIN_ITEMS, _RELATED_TAIL_MAX_WORDS = 3, 25
# A press release's contact block (_contact_blocks): lines under its heading, each this short.
_CONTACT_BLOCK_MAX_LINES, _CONTACT_LINE_MAX_WORDS = 6, 8
# A table of contents names at least this many of the article's crossheads (_contents_list).
_CONTENTS_MIN_ITEMS = 3
# A list a sentence announces under a kept paragraph (_keep_announced_lists): the sentence has
# this many words, the list up to _ANNOUNCED_LIST_MAX_ITEMS items of _ANNOUNCED_ITEM_MIN_WORDS+.
_ANNOUNCEMENT_MIN_WORDS, _ANNOUNCED_LIST_MAX_ITEMS, _ANNOUNCED_ITEM_MIN_WORDS = 6, 12, 3
# A row of share buttons the kept lines run on past (_share_row_end).
_CAPTION_MAX_WORDS = 30  # a caption over a credit printed alone
_TABLE_MARKS = ("|", "\t", "·")
_SHARE_REASONS = frozenset({"share_widget", "share_tool", "share_button"})
_SHARE_ROW_MIN_LINES, _SHARE_LINE_MAX_WORDS, _SHARE_ROW_WORDS_RATIO = 3, 3, 2
# A sentence in capitals this long is a transcript (_shouted_sentences); with most of its
# letters capitals (Hangul has no case).
_SHOUTED_SENTENCE_MIN_WORDS, _MOSTLY = 6, 0.9
# A line in capitals this long is a link to another story (_shouted_links).
_SHOUTED_MIN_CHARS = 40
# A crosshead between two kept paragraphs has this many words (_keep_crossheads): one word alone
# is as often a button ("Close").
_CROSSHEAD_RULE_WORDS = (2, 7)
# ... and none of these: credits ("X/Getty Images", "X | Bloomberg"), handles, labelled values
# ("Wordcount: 717"), cut-off teasers.
_NOT_CROSSHEAD_MARKS = ("/", "|", "@", ":", "…", "...")
# An embedded post (_embedded_posts): its text and the poster's name lie between two of its
# marks this many lines apart or fewer; a mark is a short line.
_EMBED_MAX_LINES, _EMBED_MARK_MAX_CHARS = 4, 60
_EMBED_STARTS = ("view this", "a post shared", "a video shared", "a photo shared", "embedded")
# A pull quote (_pull_quotes): one quotation of this many words or more, printed alone on a line
# (a closing "– Name, role" allowed), up to _PULL_QUOTE_MAX_WORDS words with its attribution;
# an attribution line under it has fewer than _ATTRIBUTION_MAX_WORDS words.
_PULL_QUOTE_MIN_WORDS, _PULL_QUOTE_MAX_WORDS, _ATTRIBUTION_MAX_WORDS = 5, 40, 8
# ... or, led by a dash, this many.
_DASHED_ATTRIBUTION_MAX_WORDS = 12
_OPENING_QUOTES = tuple("\"“‘'«„")
_PULL_QUOTE = re.compile(
    r"[\"“‘'«„]\s*(?P<quote>.+?)\s*[\"”’'»“]\s*(?:[-–—]\s*(?P<attribution>[^.!?]{2,80}))?"
)
_ATTRIBUTION_DASHES = "-–— "
_INNER_QUOTES = re.compile('["“”«»„]')
_QUOTED_SPAN = re.compile(r"[\"“«„]([^\"“”«»„]+)[\"”»“]")
_WORD = re.compile(r"\w+")
# Tables printed one cell per line (_keep_tables).
_TABLE_MIN_COLUMNS, _TABLE_MAX_COLUMNS, _TABLE_MIN_ROWS, _TABLE_CELL_MAX_WORDS = 3, 12, 3, 20
_NUMBER = re.compile(r"[-+−–]?[$€£]?\d[\d.,:]*\s?[%$€£]?")
_NUMBER_STARTS = frozenset("-+−–$€£0123456789")
_NO_CELL, _TEXT_CELL, _SHORT_CELL, _NUMBER_CELL = ".", "t", "h", "n"
_TABLE_LABEL_LINES = 3
# The reasons of a label that makes the table under it an advertisement ("Sponsored").
_AD_REASONS = frozenset({"advertisement_label", "affiliate_disclosure", "gambling_promo"})
# Line shapes spelt one letter a line: a header row of text cells, then a row holding a number
# cell, repeated. Alternatives from the narrowest width, so the leftmost table wins.
_TABLE_PATTERN = re.compile(
    "|".join(
        rf"h{{{w}}}(?P<r{w}>(?=[htn]{{0,{w - 1}}}n)[htn]{{{w}}})(?P=r{w}){{{_TABLE_MIN_ROWS - 1},}}"
        for w in range(_TABLE_MIN_COLUMNS, _TABLE_MAX_COLUMNS + 1)
    )
)
_COMMENT_RULES = load_json("text_comment_markers.json")
_COMMENT_SECTION = re.compile("|".join(_COMMENT_RULES["section_headings"]), re.IGNORECASE)
_COMMENT_HEADER = re.compile(
    "|".join(_COMMENT_RULES["patterns"] + _COMMENT_RULES["comment_headers"]), re.IGNORECASE
)
_COMMENT_LOOKAHEAD = int(_COMMENT_RULES["section_lookahead"])
_NOT_ARTICLE_RULES = load_json("text_not_article.json")
_MIN_PROSE_WORDS = int(_NOT_ARTICLE_RULES["min_prose_words"])
_WALL_MAX_PROSE_WORDS = int(_NOT_ARTICLE_RULES["wall_max_prose_words"])
_INDEX_MIN_BYLINES = int(_NOT_ARTICLE_RULES["index_min_bylines"])
_INDEX_PAGE = "index page: the kept lines carry several stories' bylines"
_INDEX_MIN_DATELINES = int(_NOT_ARTICLE_RULES["index_min_datelines"])
_INDEX_DATES = "index page: the kept lines carry several stories' datelines"
_TEASER_TIME = re.compile(_NOT_ARTICLE_RULES["teaser_time"], re.IGNORECASE)
_INDEX_PAGE_DATELINES = int(_NOT_ARTICLE_RULES["index_page_datelines"])
_INDEX_KEPT_DATELINES = int(_NOT_ARTICLE_RULES["index_kept_datelines"])
_WALL_PATTERNS = tuple((reason, re.compile(p, re.IGNORECASE)) for reason, p in _NOT_ARTICLE_RULES["patterns"])
_LISTING_COUNTER = re.compile(_NOT_ARTICLE_RULES["listing_counter"], re.IGNORECASE)
_LISTING = "index page: a listing's result counter ('Showing 1–8 of 302')"
_OFFER_PAGE_MIN_PRICES = int(_NOT_ARTICLE_RULES["offer_page_min_prices"])
_STAFF_PAGE_MIN_PEOPLE = int(_NOT_ARTICLE_RULES["staff_page_min_people"])
_STAFF_PAGE = "staff page: people's names over their job titles"
_STAFF_NAME_MAX_SPACES = 4
_OFFER_PAGE = "subscription offer page: several plans' prices and no byline"
# An amount of money: "£9,995", "$1", "9,99 €", "R2 199" (rand).
_PRICE = re.compile(r"[£$€]\s?\d|\d\s?€|\bR\s?\d")
_PRICE_LINE_MAX_CHARS = 120
_INDEX_MIN_READING_TIMES = 3
_INDEX_READING_TIMES = "index page: a reading time under several of the stories it lists"
# Every reading time the patterns know holds it ("3 mins to read", "5 min lesezeit").
_READING_TIME_HINT = "min"
_READING_TIME_MAX_CHARS = 40
# Unpunctuated lines above the article's first prose line are furniture when shorter than this.
_FURNITURE_MAX_WORDS = 10
# Repeats of kept lines with at least this many words are dropped as duplicates.
_MIN_DUPLICATE_WORDS = 4
_TEASER_DATELINE_MAX_WORDS = 6
_TEASER_DATELINE_SEPARATORS = (" | ", " · ", " • ")
_NO_PROSE = "no run of article prose found (index or teaser page, empty page)"
_REASONS = load_json("text_removal_reasons.json")
# Lines scored together (see line_probabilities).
_SCORING_LINES = 50_000
# Reason patterns look at the start of a line only (speed; markers come first).
_REASON_SCAN_CHARS = 300


@dataclass(frozen=True, slots=True)
class _ReasonRule:
    reason: str
    pattern: re.Pattern[str]
    # The same alternatives split in two: those anchored at the line's start, tried once there,
    # and the rest, searched for. Python's re tries every alternative at every position, so one
    # long alternation costs 2-5 times as much as the pair (the rules' regexes are most of the
    # per-page time).
    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None

    def matches(self, text: str) -> bool:
        """Whether the pattern is found in the first _REASON_SCAN_CHARS characters of `text`."""
        return bool(
            (self.anchored is not None and self.anchored.match(text, 0, _REASON_SCAN_CHARS))
            or (self.floating is not None and self.floating.search(text, 0, _REASON_SCAN_CHARS))
        )


def _top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives a regex's top-level "|" separates (not those inside groups or classes)."""
    parts: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # A "]" first in a class ("[]...]", "[^]...]") is a member, not its end.
            if pattern.startswith("]", index + 1):
                index += 1
            elif pattern.startswith("^]", index + 1):
                index += 2
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and not depth:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts


def _reason_rule(reason: str, pattern: str) -> _ReasonRule:
    alternatives = _top_level_alternatives(pattern)
    anchored = [alternative[1:] for alternative in alternatives if alternative.startswith("^")]
    floating = [alternative for alternative in alternatives if not alternative.startswith("^")]
    return _ReasonRule(
        reason,
        re.compile(pattern, re.IGNORECASE),
        re.compile("(?:" + "|".join(anchored) + ")", re.IGNORECASE) if anchored else None,
        re.compile("|".join(floating), re.IGNORECASE) if floating else None,
    )


_REASON_RULES = tuple(_reason_rule(reason, pattern) for reason, _, pattern in _REASONS["patterns"])
# A rule's regex only runs when the line has one of its trigger words (or symbols): an index
# from trigger to rule numbers makes the common case (no trigger) one dict lookup per word.
# Chinese, Japanese, Korean and Thai run their words together (a normalised "word" is a whole
# phrase): their triggers are looked for inside the line, as symbols are, in lines that are not ASCII.
_RUN_TOGETHER_SCRIPTS = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")
_RULES_BY_WORD: dict[str, list[int]] = {}
_SYMBOL_TRIGGERS: dict[str, list[int]] = {}
_SCRIPT_TRIGGERS: dict[str, list[int]] = {}
for _number, (_, _triggers, _) in enumerate(_REASONS["patterns"]):
    for _trigger in _triggers:
        if not _trigger.isalnum():
            _SYMBOL_TRIGGERS.setdefault(_trigger, []).append(_number)
        elif _RUN_TOGETHER_SCRIPTS.search(_trigger):
            _SCRIPT_TRIGGERS.setdefault(_trigger, []).append(_number)
        else:
            _RULES_BY_WORD.setdefault(_trigger, []).append(_number)
_TRIGGER_WORDS = frozenset(_RULES_BY_WORD)
_ALWAYS_DROP = frozenset(_REASONS["always_drop"])
_STANDFIRST_WORD_REASONS = frozenset(_REASONS["standfirst_word_reasons"])
# A back-matter heading ends a scholarly article.
_BACK_MATTER_HEADING = next(rule.pattern for rule in _REASON_RULES if rule.reason == "back_matter")
_BACK_MATTER_SUPPORTING = re.compile(_REASONS["back_matter_supporting_headings"], re.IGNORECASE)
# (As the lines' keys have them: a Thai heading's vowel signs are no word characters.)
_RELATED_BOX_HEADINGS = frozenset(map(normalise_line, _REASONS["related_box_headings"]))
_CONTACT_BLOCK_HEADING = re.compile(_REASONS["contact_block_heading"], re.IGNORECASE)
# The first words a contact block heading can open with (a cheap filter before the regex).
_CONTACT_BLOCK_STARTS = tuple(_REASONS["contact_block_starts"])
_RELATED_BOX_PREFIXES = tuple(f"{prefix} " for prefix in _REASONS["related_box_heading_prefixes"])
_RELATED_BOX_SUFFIXES = tuple(f" {suffix}" for suffix in _REASONS["related_box_heading_suffixes"])
_BACK_MATTER_MAX_CHARS = 60
_NOTES_HEADING = re.compile(_REASONS["notes_heading"], re.IGNORECASE)
_EDITORS_NOTES_HEADING = re.compile(_REASONS["editors_notes_heading"], re.IGNORECASE)
_EDITORS_NOTES_STARTS = ("note", "editor")  # (the heading's key opens so: a cheap test first)
_NUMBERED_NOTE = re.compile(r"\[1\]\s|1\.\s|¹")
# Rules after the last always-drop rule cannot make a line always dropped (first match wins).
_LAST_ALWAYS_DROP_RULE = max(
    (number for number, rule in enumerate(_REASON_RULES) if rule.reason in _ALWAYS_DROP), default=-1
)
# Triggers of the rules up to the last always-drop one: a line with none of them is never always dropped.
_EARLY_TRIGGER_WORDS = frozenset(
    word for word, numbers in _RULES_BY_WORD.items() if min(numbers) <= _LAST_ALWAYS_DROP_RULE
)
_EARLY_TRIGGER_SYMBOLS = tuple(
    symbol for symbol, numbers in _SYMBOL_TRIGGERS.items() if min(numbers) <= _LAST_ALWAYS_DROP_RULE
)
_EARLY_SCRIPT_TRIGGERS = tuple(
    trigger for trigger, numbers in _SCRIPT_TRIGGERS.items() if min(numbers) <= _LAST_ALWAYS_DROP_RULE
)


def _candidate_rules(text: str, key: str) -> list[int]:
    """Numbers of the rules whose trigger words or symbols the line has, in file order."""
    candidates: set[int] = set()
    for word in _TRIGGER_WORDS.intersection(key.split()):
        candidates.update(_RULES_BY_WORD[word])
    for symbol, numbers in _SYMBOL_TRIGGERS.items():
        if symbol in text:
            candidates.update(numbers)
    if not text.isascii():
        for trigger, numbers in _SCRIPT_TRIGGERS.items():
            if trigger in text:
                candidates.update(numbers)
    return sorted(candidates)


def _without_link_number(text: str) -> str:
    """The line without a text browser's link number before a link's label ("[37]READ MORE: ...")."""
    return text[number.end() :] if text[0] == "[" and (number := meta.LINK_NUMBER.match(text)) else text


def _matching_rule(text: str, key: str) -> _ReasonRule | None:
    """The first reason rule (in file order) whose triggers and pattern match the line (after a
    text browser's link number)."""
    text = _without_link_number(text)
    for number in _candidate_rules(text, key):
        rule = _REASON_RULES[number]
        if rule.matches(text) and not _writers_not_credit(rule, text):
            return rule
    return None


def _writers_not_credit(rule: _ReasonRule, text: str) -> bool:
    """A credit's "Name / Outlet" shape that joins two writers' names ("Laura Ibarra / Daniel
    Quesada") is a byline."""
    return rule.reason == "caption_credit" and meta.names_by_slash(text)


# Menus and footers repeat across a site's pages: each distinct line is judged once.
@lru_cache(maxsize=1 << 16)
def _always_dropped(text: str, key: str) -> bool:
    """Whether the line's matching rule (_matching_rule) has an always-drop reason; searches no
    rule past the last always-drop one."""
    text = _without_link_number(text)
    if (
        _EARLY_TRIGGER_WORDS.isdisjoint(key.split())
        and not any(map(text.__contains__, _EARLY_TRIGGER_SYMBOLS))
        and (text.isascii() or not any(map(text.__contains__, _EARLY_SCRIPT_TRIGGERS)))
    ):
        return False
    for number in _candidate_rules(text, key):
        if number > _LAST_ALWAYS_DROP_RULE:
            return False
        rule = _REASON_RULES[number]
        if rule.matches(text) and not _writers_not_credit(rule, text):
            return rule.reason in _ALWAYS_DROP
    return False


def _is_ad_label(text: str, key: str) -> bool:
    return _always_dropped(text, key) and getattr(_matching_rule(text, key), "reason", None) in _AD_REASONS


def _always_dropped_at(dump: Dump, index: int) -> bool:
    """_always_dropped() of line `index` of the dump (for the head reader's window)."""
    return _always_dropped(dump.texts[index], dump.normalised[index])


_ELLIPSIS = ("...", "…")
# A sentence ends inside the line (stop, closing marks, space, capital): more than one sentence.
_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+[\"“‘(]?[A-Z]")
_PROSE_ENDS = frozenset(".!?。！？\"”’')»")


def _line_words(texts: Sequence[str]) -> list[int]:
    """Words in each line; unspaced scripts (CJK) count one word per 3 characters."""
    return [
        max(spaces + 1, chars // 3) if chars > 12 * (spaces + 1) else spaces + 1
        for spaces, chars in zip(map(str.count, texts, repeat(" ")), map(len, texts), strict=True)
    ]


def _is_prose_line(text: str) -> bool:
    return text[-1] in _PROSE_ENDS and not text.endswith(_ELLIPSIS)


def _holds_prose(text: str) -> bool:
    """Ends a sentence, or holds three (a paragraph whose last sentence lost its stop; one
    quoted sentence before a "View details" link is not enough)."""
    return _is_prose_line(text) or (
        not text.endswith(_ELLIPSIS) and len(_INNER_SENTENCE_END.findall(text)) >= 2
    )


def _is_teaser_dateline(text: str) -> bool:
    """A short line that gives a section and a date ("News | 24th August 2023"): not a bare date
    (a fact-check's list of sources dates each one), a labelled date ("Tender deadline: 2 June
    2025") or an embedded post's signature ("— Jane (@jane) May 3, 2019")."""
    return (
        text.count(" ") < _TEASER_DATELINE_MAX_WORDS
        and any(map(text.__contains__, _TEASER_DATELINE_SEPARATORS))
        and not any(map(text.__contains__, (":", "@", "—")))
        and meta.published_date_in(text) is not None
    )


def _not_article_reason(dump: Dump, kept: list[int], words: list[int]) -> str | None:
    """Why the page has no article (None when it has one): too little prose, or a wall/error page.

    Prose here means kept lines that end a sentence or hold three (_holds_prose); teasers ending
    in "..." do not count, so an index of teasers is not mistaken for an article. `words` is
    _line_words() of the dump.
    """
    texts = dump.texts
    prose_words = sum(words[i] for i in kept if _holds_prose(texts[i]))
    if prose_words < _MIN_PROSE_WORDS:  # a table under a line or two of prose is an article too
        kept_lines = set(kept)
        cells = (i for _, header, end in _tables(texts, words) for i in range(header, end))
        prose_words += sum(words[i] for i in cells if i in kept_lines)
    if prose_words < _WALL_MAX_PROSE_WORDS:
        short = compress(texts, map((200).__ge__, map(len, texts)))
        reason = next(filter(None, map(_wall_reason, short)), None)
        if reason:
            return reason
    if prose_words < _MIN_PROSE_WORDS or sum(words[i] for i in kept) < _MIN_ARTICLE_WORDS:
        return _NO_PROSE
    if _offer_page(dump):
        return _OFFER_PAGE
    counters = compress(texts, map(str.startswith, texts, repeat(("Showing ", "SHOWING ", "showing "))))
    if any(map(_LISTING_COUNTER.match, counters)):
        return _LISTING
    # An article gives one reading time; a listing gives one under every teaser it keeps.
    keys = dump.normalised
    reading_times = sum(
        _pattern_reason(texts[index], keys[index]) == "reading_time"
        for index in range(kept[0], kept[-1])
        if len(keys[index]) <= _READING_TIME_MAX_CHARS and _READING_TIME_HINT in keys[index]
    )
    if reading_times >= _INDEX_MIN_READING_TIMES:
        return _INDEX_READING_TIMES
    # An article has one byline (read as metadata); teasers of an index page carry one each.
    if sum(map(meta.is_byline_line, (texts[i] for i in kept))) >= _INDEX_MIN_BYLINES:
        return _INDEX_PAGE
    # A staff page: a person's name over a job title, again and again ("Daniel Ng" / "Data editor"),
    # and no byline (an article profiling candidates or panellists prints its writer's).
    if sum(map(_names_a_staff_member, repeat(texts), kept)) >= _STAFF_PAGE_MIN_PEOPLE and not any(
        map(meta.is_byline_line, texts)
    ):
        return _STAFF_PAGE
    # Search results and section fronts: a "News | 24th August 2023" line under every teaser.
    if sum(map(_is_teaser_dateline, (texts[i] for i in kept))) >= _INDEX_MIN_DATELINES:
        return _INDEX_DATES
    # ... or "Il y a 2 h · Entreprises": the kept lines hold some, and the page many (looked for
    # in the kept lines first: most pages have none there).
    if (
        sum(map(_is_teaser_timeline, (texts[i] for i in kept))) >= _INDEX_KEPT_DATELINES
        and sum(map(_is_teaser_timeline, texts)) >= _INDEX_PAGE_DATELINES
    ):
        return _INDEX_DATES
    return None


def _names_a_staff_member(texts: Sequence[str], index: int) -> bool:
    """A name alone on line `index` with a job title alone under it."""
    return (
        index + 1 < len(texts)
        and texts[index].count(" ") < _STAFF_NAME_MAX_SPACES
        and meta.is_role_line(texts[index + 1])
        and bool(meta.split_byline(texts[index]))
    )


def _offer_page(dump: Dump) -> bool:
    """A subscription's sales page: several plans' prices (paywall prompts with an amount) and no
    byline on the page (an article under a paywall box prints its byline)."""
    texts, keys = dump.texts, dump.normalised
    priced = [
        index
        for index, text in enumerate(texts)
        if len(text) <= _PRICE_LINE_MAX_CHARS and ("£" in text or "$" in text or "€" in text)
    ]
    if len(priced) < _OFFER_PAGE_MIN_PRICES:
        return False
    prices = sum(
        not _PAYWALL_TRIGGERS.isdisjoint(keys[index].split())
        and _PRICE.search(texts[index]) is not None
        and _pattern_reason(texts[index], keys[index]) == "paywall_prompt"
        for index in priced
    )
    return prices >= _OFFER_PAGE_MIN_PRICES and not any(map(meta.is_byline_line, texts))


def _is_teaser_timeline(text: str) -> bool:
    """A teaser's short dateline with a time for a date: "Il y a 2 h · Entreprises", "14:12 · Emploi"."""
    return (
        text.count(" ") <= _TEASER_DATELINE_MAX_WORDS + 2  # ("Il y a 2 h · Commerce local")
        and any(map(text.__contains__, _TEASER_DATELINE_SEPARATORS))
        and _TEASER_TIME.search(text) is not None
    )


# Menus and footers repeat across a site's pages: each distinct line is searched once. 16k lines
# hold the chrome of many sites and bound the texts kept between batches.
@lru_cache(maxsize=1 << 14)
def _wall_reason(text: str) -> str | None:
    """The reason of the first wall/error pattern the line matches, else None."""
    for reason, pattern in _WALL_PATTERNS:
        if pattern.search(text):
            return reason
    return None


def _article_span(words: list[int], probabilities: list[float]) -> tuple[list[bool], int, int]:
    """Keep flags: the densest run of likely lines, and inside it every line not clearly chrome;
    and the indices of the run's first and last lines (0 and -1 when there is none).

    The run is the maximum-sum segment of (p - keep_threshold) weighted by words, so a
    few doubtful lines (a list, a crosshead) inside an article stay, while a likely-looking
    teaser far from the article does not.
    """
    best_sum, best_start, best_end = 0.0, 0, -1
    running, start = 0.0, 0
    weights = map(_SPAN_WEIGHTS.__getitem__, words)
    margins = map(operator.sub, probabilities, repeat(_KEEP_THRESHOLD))
    for index, gain in enumerate(map(operator.mul, margins, weights)):
        if running <= 0.0:
            running, start = 0.0, index
        running += gain
        if running > best_sum:
            best_sum, best_start, best_end = running, start, index
    # Grow the run over adjacent doubtful lines: a closing paragraph next to the footer scores low.
    while best_end + 1 < len(probabilities) and probabilities[best_end + 1] >= _SPAN_THRESHOLD:
        best_end += 1
    while best_start > 0 and best_end >= best_start and probabilities[best_start - 1] >= _SPAN_THRESHOLD:
        best_start -= 1
    keep = [p >= _OUTSIDE_THRESHOLD for p in probabilities]
    keep[best_start : best_end + 1] = [
        p >= _SPAN_THRESHOLD or p >= _OUTSIDE_THRESHOLD for p in probabilities[best_start : best_end + 1]
    ]
    return keep, best_start, best_end


class _SpanWeights(dict[int, float]):
    """(words + 1) ** _SPAN_WORD_POWER by word count, each computed on first use: few distinct
    counts, a power each per line otherwise."""

    def __missing__(self, words: int) -> float:
        weight = self[words] = (words + 1) ** _SPAN_WORD_POWER
        return weight


_SPAN_WEIGHTS = _SpanWeights()


def line_probabilities(dumps: Sequence[Dump], model: LinearModel | None = None) -> list[list[float]]:
    """Every line's probability of being article text, one list per dump.

    Dumps are scored together, in groups of about _SCORING_LINES lines: big enough that numpy
    and Arrow work on long arrays, small enough that the feature matrices stay a few MB.
    """
    probabilities: list[list[float]] = []
    group: list[Dump] = []
    lines = 0
    for dump in dumps:
        group.append(dump)
        lines += len(dump.texts)
        if lines >= _SCORING_LINES:
            probabilities += _score_group(group, model or _MODEL)
            group, lines = [], 0
    return probabilities + _score_group(group, model or _MODEL) if group else probabilities


def _score_group(dumps: list[Dump], model: LinearModel) -> list[list[float]]:
    batch = line_batch(dumps)
    return batch.split(sigmoids(line_logits(batch, model)))


def decide(
    dump: Dump, probabilities: list[float], chrome: frozenset[str] = frozenset()
) -> tuple[list[bool], list[float], meta.DumpHead]:
    """Keep flags and (adjusted) probabilities for every line, and the head (title/byline/date) found.

    Learnt site chrome is never kept; the <title> line and head lines become metadata.
    """
    keep, head, _, _ = _decide(dump, probabilities, chrome)
    return keep, probabilities, head


def _decide(
    dump: Dump, probabilities: list[float], chrome: frozenset[str]
) -> tuple[list[bool], meta.DumpHead, list[int], dict[int, str]]:
    """decide(), adjusting `probabilities` in place; also returns _line_words() of the dump and
    the removal reason of the lines a list rule dropped (index -> reason)."""
    texts, normalised = dump.texts, dump.normalised
    if chrome and not chrome.isdisjoint(normalised):
        for index, key in enumerate(normalised):
            if key in chrome:
                probabilities[index] = 0.0
    if dump.layout == LAYOUT_LINES and probabilities:
        probabilities[0] = 0.0  # the <title>, reported as metadata
    words = _line_words(texts)
    keep, run_start, run_end = _article_span(words, probabilities)
    # The article starts under its printed headline: menus and teaser rails above it are not
    # kept, however prose-like (glued teaser headlines and summaries). A copy of the headline
    # below the article's run is a "most read" link, not the headline.
    headline = meta.printed_headline(dump, _HEADLINE_COVERAGE) if dump.layout == LAYOUT_LINES else None
    if headline is not None and headline < run_end:
        probabilities[1:headline] = [0.0] * (headline - 1)
        keep, run_start, _ = _article_span(words, probabilities)
    if sum(compress(words, keep)) < _MIN_ARTICLE_WORDS:
        best = max(probabilities, default=0.0)
        if best >= _MIN_BEST_PROBABILITY:
            keep = [p >= _RELATIVE_THRESHOLD * best for p in probabilities]
    if headline is not None and sum(compress(words, keep)) < _MIN_ARTICLE_WORDS:
        keep = _prose_under(texts, words, headline) or keep
    _keep_list_items(texts, keep, words)
    _keep_bulleted_lists(dump, keep)
    _keep_lead_ins(dump, keep, words)
    contents, crossheads = _contents_list(dump, words)
    for index in contents:
        keep[index] = False
    # A page printed twice (or a paragraph repeated as a pull quote) keeps its first copy only.
    seen: set[str] = set()
    doubled = _printed_twice(normalised)
    for index in list(compress(range(len(keep)), keep)):
        key, text = normalised[index], texts[index]
        if _always_dropped(text, key):
            keep[index] = False
            continue
        # (A picture's alt text printed over its caption: two copies in a row, neither prose.)
        if (
            (key in seen and key.count(" ") >= _MIN_DUPLICATE_WORDS)
            or meta.is_doubled(text)
            or (index in doubled and not _holds_prose(text))
        ):
            keep[index] = False
        seen.add(key)
    head = meta.read_head(dump, keep, probabilities, partial(_always_dropped_at, dump))
    for index in head.lines:
        keep[index] = False
    _keep_lead_over_gap(dump, head, keep, probabilities, words, run_start)
    standfirst_points = range(0)
    if _KEEP_STANDFIRST and (standfirst := _standfirst(dump, head)) is not None:
        standfirst_points = _standfirst_points(dump, standfirst, words)
        for index in standfirst_points:
            keep[index] = True
    # Kept lines above the first prose line that are short and not prose themselves, or that
    # match a furniture pattern (archive citation, sign-in prompt), are head furniture. The
    # standfirst was checked against the patterns that always drop; those that read one word
    # anywhere ("registered") judge it only when it is short or a row of items.
    start = _list_start(keep, meta.body_start(dump, keep, probabilities))
    for index in list(compress(range(start), keep)):
        text = texts[index]
        if (not _is_prose_line(text) and words[index] < _FURNITURE_MAX_WORDS) or (
            (reason := _pattern_reason(text, normalised[index]))
            and not (
                reason in _STANDFIRST_WORD_REASONS
                and index in standfirst_points
                and _reads_as_deck(text, words[index])
            )
        ):
            keep[index] = False
    _drop_teaser_lists(dump, keep, words)
    _drop_trailing_rail(dump, keep, words)
    # Lists of other stories' headlines: the reason is known here, not from the line's shape.
    related = dict.fromkeys(contents, "table_of_contents")
    related.update(dict.fromkeys(_trailing_headline_list(dump, keep, words), "related"))
    box_headings = _box_headings(dump.normalised)
    related.update(dict.fromkeys(_related_boxes(dump, words, box_headings), "related"))
    related.update(dict.fromkeys(_related_tail(dump, keep, words, box_headings), "related"))
    related.update(dict.fromkeys(_contact_blocks(dump.texts, dump.normalised), "contact"))
    for index in related:
        keep[index] = False
    _keep_tables(dump, keep, words)
    _keep_tab_tables(texts, keep)
    _keep_crossheads(dump, keep, words, probabilities, set(head.lines).union(related, box_headings))
    _keep_announced_lists(dump, keep, words)
    _keep_recipe_card(dump, keep, words)
    _keep_sections(dump, keep, words, crossheads)
    _keep_numbered_sections(dump, keep, words)
    _keep_article_past_box(dump, keep, words, probabilities, box_headings)
    _keep_pros_and_cons(dump, keep, words, probabilities)
    _drop_from(keep, comment_section_start(texts, start))
    _drop_from(keep, back_matter_start(texts, start))
    _drop_from(keep, _editors_notes_start(dump, start))
    _drop_from(keep, _share_row_end(dump, keep, words))
    # Rules over the kept lines, in order (each sees what the ones before it dropped).
    _drop_for(keep, related, _shouted_links(texts, keep), "related")
    _drop_for(keep, related, _shouted_sentences(texts, keep), "transcript")
    _drop_for(keep, related, _advert_copy(dump, keep), "advertisement")
    _drop_for(keep, related, _poll_boxes(dump, keep), "poll_widget")
    _drop_for(keep, related, _quote_widgets(dump, keep, words), "market_data")
    _drop_for(keep, related, _timed_transcript(dump.texts, keep), "transcript")
    _drop_for(keep, related, _captions_printed_with_credit(texts, keep), "caption")
    _drop_for(keep, related, _newsletter_box_titles(dump, keep, words), "newsletter_prompt")
    _drop_for(keep, related, _alt_texts(dump, keep, words), "caption")
    _drop_for(keep, related, _author_box(dump, keep, words, head.metadata.byline), "author_box")
    _drop_for(keep, related, _pull_quotes(texts, keep, dump.bullets), "pull_quote")
    _drop_for(keep, related, _embedded_posts(dump, keep), "social_embed")
    _drop_for(keep, related, _fenced_code(texts), "code_widget")
    return keep, head, words, related


def _fenced_code(texts: Sequence[str]) -> list[int]:
    """The lines of a markdown dump's fenced code blocks, fences included ("```go" ... "```"):
    code is no article text, however prose-like its comments."""
    fences = list(compress(range(len(texts)), map(str.startswith, texts, repeat("```"))))
    blocks = zip(fences[::2], fences[1::2], strict=False)
    return [index for start, end in blocks for index in range(start, end + 1)]


def _embedded_posts(dump: Dump, keep: list[bool]) -> list[int]:
    """Kept lines of an embedded social post: between two of the post's own dropped lines (a
    handle alone, "View this post on Instagram", "9:47 PM · Oct 3, 2023") at most
    _EMBED_MAX_LINES apart, and the poster's name over a handle opening one. The gold files drop
    a post's text (the article quotes what matters)."""
    texts, normalised = dump.texts, dump.normalised
    marks = [
        index
        for index in compress(range(len(texts)), map(operator.not_, keep))
        if len(texts[index]) <= _EMBED_MARK_MAX_CHARS
        and (texts[index][0] == "@" or "·" in texts[index] or normalised[index].startswith(_EMBED_STARTS))
        and _pattern_reason(texts[index], normalised[index]) == "social_embed"
    ]
    lines = []
    for first, last in pairwise(marks):
        if 1 < last - first <= _EMBED_MAX_LINES:
            lines += compress(range(first + 1, last), keep[first + 1 : last])
            name = first - 1
            if texts[first][0] == "@" and name >= 0 and keep[name] and _is_name_line(texts[name]):
                lines.append(name)
    return lines


def _is_name_line(text: str) -> bool:
    """A display name: up to four words, no sentence stop."""
    return text.count(" ") < 4 and text[-1] not in _SENTENCE_STOPS


def _drop_for(keep: list[bool], reasons: dict[int, str], indices: Iterable[int], reason: str) -> None:
    """Drop the lines at `indices`, recording `reason` for each."""
    for index in indices:
        keep[index] = False
        reasons[index] = reason


def _contents_list(dump: Dump, words: list[int]) -> tuple[list[int], list[int]]:
    """A table of contents ("On this page" over "• How do I open one?", ...): a bulleted list of
    which _CONTENTS_MIN_ITEMS items or more (and most) are printed again further down as the
    article's crossheads, each over a paragraph. Returns the list's items and those crossheads,
    or two empty lists. A menu repeated in the footer has no paragraph under its copies."""
    bullets, normalised, texts = dump.bullets, dump.normalised, dump.texts
    if not any(bullets):
        return [], []
    plain = set(compress(normalised, map(operator.not_, bullets)))
    if len(plain.intersection(compress(normalised, bullets))) < _CONTENTS_MIN_ITEMS:
        return [], []
    starts = compress(range(len(bullets)), map(operator.gt, bullets, (False, *bullets[:-1])))
    for start in starts:
        end = next(compress(range(start, len(bullets)), map(operator.not_, bullets[start:])), len(bullets))
        items, heads = [], []
        for index in range(start, end):
            key = normalised[index]
            if key.count(" ") < 1 or key not in plain or key not in normalised[end:]:
                continue
            head = normalised.index(key, end)
            under = head + 1
            if under < len(texts) and _opens_section(texts[under], words[under]):
                items.append(index)
                heads.append(head)
        if len(items) >= _CONTENTS_MIN_ITEMS and 2 * len(items) > end - start:
            return items, heads
    return [], []


def _opens_section(text: str, words: int) -> bool:
    """A paragraph, or a sentence leading into a list ("You'll typically need:")."""
    return words >= _PARAGRAPH_MIN_WORDS and (_holds_prose(text) or text.endswith(":"))


def _keep_sections(dump: Dump, keep: list[bool], words: list[int], crossheads: list[int]) -> None:
    """Keep the sections a table of contents names (_contents_list): each crosshead and what
    follows it up to the next one, while that is paragraphs, list items or lines already kept.
    A widget between two sections (a rate table) leaves the later ones out of the densest run."""
    if not crossheads:
        return
    texts, bullets = dump.texts, dump.bullets
    crossheads = sorted(set(crossheads))
    for head, end in zip(crossheads, [*crossheads[1:], len(texts)], strict=True):
        keep[head] = True
        for index in range(head + 1, end):
            text = texts[index]
            opens = _opens_section(text, words[index])
            if not (keep[index] or opens or bullets[index]) or _always_dropped(text, dump.normalised[index]):
                break
            keep[index] = True


# Lines opening with a figure, looked for with str.startswith (no Python frame per line).
_DIGITS = tuple("0123456789")
# A listicle's numbered headings ("1. Kelvaro Aero S9: Best overall"), each over its paragraphs.
_NUMBERED_HEADING = re.compile(r"(\d{1,2})[.)]\s+\S")
_NUMBERED_HEADING_MAX_WORDS = 14
_NUMBERED_MIN_SECTIONS = 3
# How far the last numbered section (and what closes the piece: an FAQ, a verdict) may run.
_LAST_SECTION_MAX_LINES = 40
_LAST_SECTION_MAX_SHORT_LINES = 3  # (a price, a "Buy now" button, a heading over the FAQ)


def _keep_numbered_sections(dump: Dump, keep: list[bool], words: list[int]) -> None:
    """Keep a listicle whose numbered headings, 1, 2, 3 ... in order, each head a paragraph of
    prose, and one of them the article's: each heading and the paragraphs under it (a product
    box's specs, pros and buttons between them stay out), and under the last one, when the line
    model's run stopped short of it, the paragraphs, questions and the short headings over them,
    up to three short lines in a row. A "Most read" list is numbered too, but no prose sits under
    its items."""
    texts, normalised = dump.texts, dump.normalised
    headings: list[int] = []
    for index in compress(range(len(texts)), map(str.startswith, texts, repeat(_DIGITS))):
        match = _NUMBERED_HEADING.match(texts[index])
        if match and words[index] <= _NUMBERED_HEADING_MAX_WORDS and not _is_prose_line(texts[index]):
            if int(match[1]) == len(headings) + 1:
                headings.append(index)
            elif int(match[1]) == 1 and len(headings) < _NUMBERED_MIN_SECTIONS:
                headings = [index]
    if len(headings) < _NUMBERED_MIN_SECTIONS:
        return
    ends = [*headings[1:], min(len(texts), headings[-1] + _LAST_SECTION_MAX_LINES)]
    sections = [
        [i for i in range(head + 1, end) if _is_section_paragraph(texts[i], normalised[i], words[i])]
        for head, end in zip(headings, ends, strict=True)
    ]
    if not all(sections[:-1]) or not any(keep[i] for i in (*headings, *(i for p in sections for i in p))):
        return
    for head, paragraphs in zip(headings[:-1], sections[:-1], strict=True):
        for index in (head, *paragraphs):
            keep[index] = True
    keep[headings[-1]] = True
    if not sections[-1] or keep[sections[-1][0]]:
        return  # (the line model's run reaches the last section: where the article ends is its call)
    first = sections[-1][0]
    short_run = 0
    for index in range(first, ends[-1]):
        text = texts[index]
        if (_is_section_paragraph(text, normalised[index], words[index]) or text.endswith("?")) and not (
            _always_dropped(text, normalised[index])
        ):
            keep[index], short_run = True, 0
            above = index - 1
            if above > first and not keep[above] and words[above] <= _NUMBERED_HEADING_MAX_WORDS:
                keep[above] = not _always_dropped(texts[above], normalised[above])  # ("The verdict")
            continue
        short_run += 1
        if short_run > _LAST_SECTION_MAX_SHORT_LINES:
            break


def _is_section_paragraph(text: str, key: str, words: int) -> bool:
    return words >= _PARAGRAPH_MIN_WORDS and _holds_prose(text) and not _always_dropped(text, key)


def _keep_article_past_box(
    dump: Dump, keep: list[bool], words: list[int], probabilities: list[float], box_headings: list[int]
) -> None:
    """Keep the article's last section when a related box right under the last kept line parts it
    from the rest (a trade site's "Related Content" rail of headlines, dates and labels): a
    crosshead past the box over two paragraphs or more that would be kept inside the run, up to
    the first line that is not one. The box costs the densest run more than the section gains it."""
    last = max(compress(range(len(keep)), keep), default=None)
    if last is None or last + 1 not in box_headings:
        return
    for head in range(last + 2, min(len(keep) - 1, last + 2 + _BOX_MAX_LINES)):
        section = _section_at(dump, head, words, probabilities)
        if len(section) > _SECTION_MIN_PARAGRAPHS:
            for index in section:
                keep[index] = True
            return


def _keep_pros_and_cons(dump: Dump, keep: list[bool], words: list[int], probabilities: list[float]) -> None:
    """Keep a review's pros and cons right under its last kept paragraph ("Pros" over bulleted
    items, "Cons" over more) with the verdict section under them ("Should you buy it?" over a
    paragraph). The model scores short bulleted items as a menu's; in a verdict box above the
    article they are not kept (annotators drop them there)."""
    last = max(compress(range(len(keep)), keep), default=None)
    if last is None:
        return
    bullets, normalised = dump.bullets, dump.normalised
    end = last + 1
    while end + 1 < len(keep) and normalised[end] in _PROS_CONS_HEADINGS and bullets[end + 1]:
        end = next(compress(range(end + 1, len(keep)), map(operator.not_, bullets[end + 1 :])), len(keep))
    if end == last + 1:
        return
    keep[last + 1 : end] = [True] * (end - last - 1)
    for index in _section_at(dump, end, words, probabilities):
        keep[index] = True


def _section_at(dump: Dump, head: int, words: list[int], probabilities: list[float]) -> list[int]:
    """The crosshead at `head` and the paragraphs under it that would be kept inside the run, up
    to the first line that is not one; [] when `head` is no crosshead or no such paragraph follows."""
    texts = dump.texts
    if head >= len(texts) or not (
        _CROSSHEAD_RULE_WORDS[0] <= words[head] <= _CROSSHEAD_RULE_WORDS[1]
        and texts[head][-1] not in _CLAUSE_ENDS
        and not dump.bullets[head]
    ):
        return []
    paragraphs = list(
        takewhile(
            lambda i: probabilities[i] >= _SPAN_THRESHOLD and _is_paragraph(texts[i], words[i]),
            range(head + 1, len(texts)),
        )
    )
    return [head, *paragraphs] if paragraphs else []


def _keep_announced_lists(dump: Dump, keep: list[bool], words: list[int]) -> None:
    """Keep a bulleted list a sentence announces ("Members will be asked to vote in April on three
    changes:") under a kept paragraph, with that sentence: items of _ANNOUNCED_ITEM_MIN_WORDS words
    or more, up to _ANNOUNCED_LIST_MAX_ITEMS of them. Its short items score as a menu's; a menu or
    a link list is under a label ("More:"), not under a sentence of the article."""
    texts, bullets = dump.texts, dump.bullets
    starts = compress(range(2, len(bullets)), map(operator.gt, bullets[2:], bullets[1:-1]))
    for index in starts:
        lead = index - 1
        if not keep[lead - 1] or words[lead - 1] < _PARAGRAPH_MIN_WORDS or not _holds_prose(texts[lead - 1]):
            continue
        text = texts[lead]
        if (
            words[lead] < _ANNOUNCEMENT_MIN_WORDS
            or not text.endswith(":")
            or not text[:1].isupper()
            or _always_dropped(text, dump.normalised[lead])
            or says_chrome(text, dump.normalised[lead])
        ):
            continue
        end = next(compress(range(index, len(bullets)), map(operator.not_, bullets[index:])), len(bullets))
        items = range(index, end)
        if len(items) <= _ANNOUNCED_LIST_MAX_ITEMS and all(
            words[item] >= _ANNOUNCED_ITEM_MIN_WORDS
            and not _always_dropped(texts[item], dump.normalised[item])
            for item in items
        ):
            keep[lead:end] = [True] * (end - lead)


def _keep_recipe_card(dump: Dump, keep: list[bool], words: list[int]) -> None:
    """Keep a recipe card: an ingredients heading over a bulleted list (short sub-headings like
    "For the sauce" between its parts), then a method heading over its steps (bulleted lines or
    paragraphs), when the page keeps some article text. The model scores the short items as a
    menu's; every annotated recipe keeps them."""
    if not any(keep) or _RECIPE_INGREDIENTS.isdisjoint(dump.normalised):
        return
    texts, bullets, normalised = dump.texts, dump.bullets, dump.normalised
    for start in (i for i, key in enumerate(normalised) if key in _RECIPE_INGREDIENTS):
        end = min(len(texts), start + _RECIPE_CARD_MAX_LINES)
        method = next((i for i in range(start + 1, end) if normalised[i] in _RECIPE_METHOD), None)
        items = [i for i in range(start + 1, method or start) if bullets[i]]
        if method is None or len(items) < 2:
            continue
        steps = []
        for index in range(method + 1, len(texts)):
            if not (bullets[index] or (words[index] >= _PARAGRAPH_MIN_WORDS and _holds_prose(texts[index]))):
                break
            steps.append(index)
        if not steps:
            continue
        subheadings = [
            i
            for i in range(items[0], method)
            if not bullets[i]
            and words[i] <= _RECIPE_SUBHEADING_MAX_WORDS
            and texts[i][-1] not in _SENTENCE_STOPS
            and bullets[i + 1]
            and not _always_dropped(texts[i], normalised[i])
        ]
        for index in (start, *items, *subheadings, method, *steps):
            keep[index] = True
        return


# How many always-dropped lines may sit between a crosshead and the paragraph above it.
_CROSSHEAD_MAX_CHROME_ABOVE = 6


def _keep_crossheads(
    dump: Dump, keep: list[bool], words: list[int], probabilities: list[float], ruled: set[int]
) -> None:
    """Keep a crosshead between two kept paragraphs: a short line that is no sentence, printed
    once on the page, not a line a rule placed (`ruled`: head lines, boxes) or always drops. The
    line model scores it as the menus and labels it looks like. Lines that always drop (an
    advert's label, a newsletter box: "Sign up to X" / "Sign up") may sit between the paragraph
    above and the crosshead: the article goes on under them."""
    texts, normalised = dump.texts, dump.normalised
    gaps = [
        index
        for index, (line, after) in enumerate(zip(keep[1:], keep[2:], strict=False), 1)
        if after and not line
    ]
    for index in gaps:
        text = texts[index]
        above = index - 1
        while above > index - _CROSSHEAD_MAX_CHROME_ABOVE and not keep[above]:
            if not _always_dropped(texts[above], normalised[above]):
                break
            above -= 1
        if (
            keep[above]
            and _CROSSHEAD_RULE_WORDS[0] <= words[index] <= _CROSSHEAD_RULE_WORDS[1]
            and text[:1].isupper()
            and not _is_prose_line(text)
            and not dump.bullets[index]
            and probabilities[index] > 0.0
            and index not in ruled
            and all(
                words[side] >= _PARAGRAPH_MIN_WORDS and _holds_prose(texts[side])
                for side in (above, index + 1)
            )
            and not _always_dropped(text, normalised[index])
            and not says_chrome(text, normalised[index])
            and not any(mark in text for mark in _NOT_CROSSHEAD_MARKS)
            and not text.isupper()
            and normalised.count(normalised[index]) == 1
        ):
            keep[index] = True


# How many lines of copy a sponsor's box prints between its label and its button.
_ADVERT_MAX_LINES = 3
_BUTTON_MAX_CHARS = 60  # ("Brought to you by Vanterra Mining Solutions")
_ENDS_WITH_DOMAIN = re.compile(
    r"\b[\w-]+\.(?:com|net|org|co\.uk|nl|be|de|at|ch|fr|it|es|pt|ie|ca|au|nz|za|in)\W*$"
)
_POLL_MAX_LINES = 10
_POLL_LINE_MAX_CHARS = 80
# Where an advert's call to action starts: a new sentence or a dash ("... – jetzt bewerben").
_ADVERT_LAST_CLAUSE = re.compile(r"[.!?] | [–—] ")
_ADVERT_CLOSING_WORDS = meta.CALL_TO_ACTION_WORDS | frozenset(
    load_json("text_head_patterns.json")["advert_closing_words"]
)
# A sponsor's button opens with one of its rule's trigger words ("Find out more ›").
_CALL_TO_ACTION_STARTS = tuple(
    next(triggers for reason, triggers, _ in _REASONS["patterns"] if reason == "call_to_action")
)
_SPONSOR_CREDIT = "presented by "
_BOX_END_STARTS = (*_CALL_TO_ACTION_STARTS, _SPONSOR_CREDIT)


_QUOTE_MARKS = frozenset('"“”„«»')


def _advert_copy(dump: Dump, keep: list[bool]) -> list[int]:
    """Kept lines right under an advertisement label that run several sentences and end in a
    call to action with no stop ("Shift booking made simple. Trusted by 90 hospitals. Book a
    demo") or in an exclamation no one says: an advert's copy. A paragraph under the label ends
    its sentence; a crosshead is one phrase. Also every line between the label and a sponsor's
    button a few lines under it ("PARTNER CONTENT" / two lines of copy / "Find out more ›")."""
    texts, normalised = dump.texts, dump.normalised
    copy = [
        index
        for index in compress(range(1, len(texts)), keep[1:])
        if not keep[index - 1]  # (a label is never kept: most kept lines are passed over here)
        and (
            (
                ". " in texts[index]
                # (or an exclamation no one says: "... Opptil 30 % rabatt ut mars!")
                and (
                    texts[index][-1].isalnum()
                    or texts[index][-1] == "!"
                    and _QUOTE_MARKS.isdisjoint(texts[index])
                )
                and not texts[index][0].isdigit()  # "3. Automate small amounts": a numbered crosshead
            )
            or _reads_as_advert(texts[index], normalised[index])
        )
        and _pattern_reason(texts[index - 1], normalised[index - 1]) == "advertisement_label"
    ]
    # Buttons are few, short and open with one of a few words: look up from each for the label.
    # (A sponsor's "Presented by X" closes a box the same way; elsewhere it names a host.)
    buttons = compress(range(len(texts)), map(str.startswith, normalised, repeat(_BOX_END_STARTS)))
    for button in buttons:
        key = normalised[button]
        if len(key) > _BUTTON_MAX_CHARS or (
            _pattern_reason(texts[button], key) != "call_to_action" and not key.startswith(_SPONSOR_CREDIT)
        ):
            continue
        above = range(button - 1, max(-1, button - 2 - _ADVERT_MAX_LINES), -1)
        label = next(
            (i for i in above if _pattern_reason(texts[i], normalised[i]) == "advertisement_label"), None
        )
        if label is not None:
            copy += compress(range(label + 1, button + 1), keep[label + 1 : button + 1])
    return copy


_ADVERT_MIN_DASHED_PARTS = 2


def _reads_as_advert(text: str, key: str) -> bool:
    """A line that opens with a call to action ("Découvrez nos offres — ...", "Compare ..."),
    ends with the advertiser's web address ("... – TruckVergelijker.nl") or closes on a call to
    action of its own ("... Offer ends March 31. See dealer for details.")."""
    if key.split(" ", 1)[0] in meta.CALL_TO_ACTION_WORDS or _ENDS_WITH_DOMAIN.search(text) is not None:
        return True
    # A classified's parts between dashes with a price and no sentence ("Motor Group - New Astra
    # from £9,995 - 0% finance available - Call 01632 960552").
    dashed = text.count(" - ") >= _ADVERT_MIN_DASHED_PARTS
    if dashed and text[-1] not in '.!?"”' and _PRICE.search(text):
        return True
    clauses = _ADVERT_LAST_CLAUSE.split(text.rstrip(".!"))[1:]
    return any(clause.lstrip("¡¿").split(" ", 1)[0].lower() in _ADVERT_CLOSING_WORDS for clause in clauses)


# The rules' reasons of a credit printed alone ("Foto: Jan Berg", "© Jan Berg/Courier").
_CREDIT_REASONS = frozenset({"caption_credit", "copyright_notice"})


# A share price's change and percentage change, alone on a line: "-1.96 (-9.62%)", "▲ +0.35 (1.2 %)".
_PRICE_CHANGE = re.compile(
    r"^[\u25b2\u25bc]?\s?[+\-\u2212\u2013]?\s?[$\u20ac\u00a3\u00a5]?\d[\d.,]*\s?"
    r"\(\s?[+\-\u2212\u2013]?\d[\d.,]*\s?%\s?\)$"
)
_QUOTE_BOX_MAX_LINES = 10
_QUOTE_BOX_LINE_MAX_WORDS = 8


def _quote_widgets(dump: Dump, keep: list[bool], words: list[int]) -> list[int]:
    """Kept lines of a share-price box printed inside the article: the short lines around a price
    change ("-1.96 (-9.62%)", "Feed wheat (May-24) £171.25/t ▼2.50") up to the prose on either
    side (ticker, company, price, "Day range ...", "Market cap ...", "+ Add to watchlist",
    "Latest prices"). The box's last line stays when it could be a crosshead over the paragraph
    under the box: capitalised, no figure."""
    texts = dump.texts
    found: list[int] = []
    for index in sorted(set(chain.from_iterable(_lines_holding(texts, mark) for mark in _PRICE_MARKS))):
        if not (
            (words[index] <= 3 and _PRICE_CHANGE.match(texts[index]))
            or _pattern_reason(texts[index], dump.normalised[index]) == "market_data"
        ):
            continue
        start, end = index, index + 1
        while start > 0 and index - start < _QUOTE_BOX_MAX_LINES and _in_quote_box(texts, words, start - 1):
            start -= 1
        while end < len(texts) and end - index < _QUOTE_BOX_MAX_LINES and _in_quote_box(texts, words, end):
            end += 1
        last = texts[end - 1]
        if end - 1 > index and last[:1].isupper() and not any(c.isdigit() for c in last):
            end -= 1
        found.extend(i for i in range(start, end) if keep[i])
    return found


_PRICE_MARKS = ("%", "▲", "▼")


def _lines_holding(texts: Sequence[str], mark: str) -> Iterator[int]:
    return compress(range(len(texts)), map(operator.contains, texts, repeat(mark)))


def _in_quote_box(texts: list[str], words: list[int], index: int) -> bool:
    return words[index] <= _QUOTE_BOX_LINE_MAX_WORDS and not _holds_prose(texts[index])


# What a caption printed again with its credit glued on adds ("... on Oct. 22.Jo Bell/The Ledger").
_CREDIT_TAIL_MAX_CHARS = 80


def _captions_printed_with_credit(texts: list[str], keep: list[bool]) -> list[int]:
    """Kept lines printed again on the next line with a credit after them, that copy dropped: a
    caption shown over its picture and again under it with the photographer's name."""
    return [
        index
        for index in compress(range(len(texts) - 1), keep)
        if not keep[index + 1]
        and texts[index + 1].startswith(texts[index])
        and 0 < len(texts[index + 1]) - len(texts[index]) <= _CREDIT_TAIL_MAX_CHARS
    ]


_BOX_TITLE_MAX_WORDS = 5
_NEWSLETTER_PITCH = re.compile(_REASONS["newsletter_pitch"], re.IGNORECASE)


def _triggers_of(reason: str) -> frozenset[str]:
    """The trigger words of every rule naming `reason` (a cheap test before its patterns)."""
    return frozenset(
        word for name, triggers, _ in _REASONS["patterns"] if name == reason for word in triggers
    )


_NEWSLETTER_TRIGGERS = _triggers_of("newsletter_prompt")
_PAYWALL_TRIGGERS = _triggers_of("paywall_prompt")  # (the sales page's price lines: _offer_page)
_PITCH_MAX_WORDS = 30
_PITCH_TITLE_MAX_WORDS = 8
_PITCH_NAME_STARTS = ("get ", "receive ")


def _newsletter_box_titles(dump: Dump, keep: list[bool], words: list[int]) -> list[int]:
    """The kept lines of a newsletter's box around its sign-up line: its pitch, a short line saying
    when it comes or where it goes ("Cash bids, weather and the stories that matter to your
    operation, every weekday at 6 a.m."), right over the sign-up line or between it and more of
    the box; and the newsletter's name, a short line over the pitch or right over the sign-up
    line ("Decoding Asia" / "Get the Morning Brief delivered to your inbox every weekday.")."""
    texts, normalised = dump.texts, dump.normalised
    last = len(texts) - 1
    prompts = [
        index
        for index in compress(range(len(texts)), map(operator.not_, keep))
        # (beside a kept line: most dropped lines are among other dropped ones)
        if ((index and keep[index - 1]) or (index < last and keep[index + 1]))
        and not _NEWSLETTER_TRIGGERS.isdisjoint(normalised[index].split())
        and _pattern_reason(texts[index], normalised[index]) == "newsletter_prompt"
    ]

    def box_title(index: int, most_words: int = _BOX_TITLE_MAX_WORDS) -> bool:
        return keep[index] and words[index] <= most_words and not _is_prose_line(texts[index])

    lines: set[int] = set()
    for index in prompts:
        above = index - 1
        if above < 0 or not keep[above]:
            continue
        if box_title(above):
            lines.add(above)
        # A pitch over the sign-up line under the box's name or its top (not an article's last
        # paragraph that says "each day"): a line not kept, a name ("Get the Mill Daily"), or the
        # pitch is the name itself ("Get the best of Tribune Travel every Thursday").
        elif _is_pitch(texts[above], words[above]):
            if above == 0 or not keep[above - 1] or texts[above].lower().startswith(_PITCH_NAME_STARTS):
                lines.add(above)
            elif box_title(above - 1, _PITCH_TITLE_MAX_WORDS):
                lines.update((above, above - 1))
    for below in (index + 1 for index in prompts):
        # (the box goes on under the pitch: its name or e-mail field is dropped already)
        boxed = below + 1 < len(texts) and (not keep[below + 1] or below + 1 in lines)
        if boxed and keep[below] and _is_pitch(texts[below], words[below]):
            lines.add(below)
    return sorted(lines)


def _is_pitch(text: str, words: int) -> bool:
    return words <= _PITCH_MAX_WORDS and _NEWSLETTER_PITCH.search(text) is not None


# A video's transcript line: its time into the video, then a sound in brackets or a speaker's
# label ("0:04 Jory Pen, helmsman: We got the shout ...", "0:48 [Indistinct shouting]").
_TRANSCRIPT_LINE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s+(?:\[[^\]]{1,60}\]|[^\W\d][^:]{1,60}:\s)")
_TRANSCRIPT_MIN_LINES = 3


def _timed_transcript(texts: list[str], keep: list[bool]) -> list[int]:
    """Kept lines of a timed transcript printed under a video, when the page holds three or more
    (a live blog's posts open with a time and a name, but no label's colon)."""
    timed = [
        index
        for index in compress(range(len(texts)), map(str.startswith, texts, repeat(_DIGITS)))
        if _TRANSCRIPT_LINE.match(texts[index])
    ]
    return [index for index in timed if keep[index]] if len(timed) >= _TRANSCRIPT_MIN_LINES else []


def _poll_boxes(dump: Dump, keep: list[bool]) -> list[int]:
    """Kept lines between a poll's heading and its end, both lines the rules know as a poll's
    ("Reader poll" / the question / the options / "Vote", "1,243 votes so far"), at most
    _POLL_MAX_LINES apart: the question and options read as a sentence and short labels."""
    texts, normalised = dump.texts, dump.normalised
    # Polls are rare: their lines hold "poll" or "vote", looked for in the whole page first.
    page = "\n".join(normalised)
    if "poll" not in page and "vote" not in page:
        return []
    # (A poll's own lines are short; a paragraph about a vote is not one of them.)
    marked = [
        i
        for i, key in enumerate(normalised)
        if len(key) <= _POLL_LINE_MAX_CHARS and ("poll" in key or "vote" in key)
    ]
    poll_lines = [i for i in marked if _pattern_reason(texts[i], normalised[i]) == "poll_widget"]
    boxes = []
    for heading, end in zip(poll_lines, poll_lines[1:], strict=False):
        if end - heading <= _POLL_MAX_LINES:
            boxes += compress(range(heading + 1, end), keep[heading + 1 : end])
    return boxes


def _alt_texts(dump: Dump, keep: list[bool], words: list[int]) -> list[int]:
    """Kept lines right over a picture's credit: a short line with no stop over a caption with
    its credit is the picture's alternative text ("Voltreed Arc 7 belt drive close-up" over "The
    belt drive ... (Image credit: ...)"); any line over a credit printed alone ("Foto: Jan
    Berg") is the caption."""
    texts, normalised = dump.texts, dump.normalised
    return [
        index
        for index in compress(range(len(texts) - 1), keep[:-1])
        if not keep[index + 1]
        and not any(mark in texts[index] for mark in _TABLE_MARKS)  # a table's row over its source
        and (
            (
                words[index] <= _CROSSHEAD_MAX_WORDS
                and texts[index][-1] not in _SENTENCE_STOPS
                and _pattern_reason(texts[index + 1], normalised[index + 1]) == "caption_credit"
            )
            or (
                words[index] <= _CAPTION_MAX_WORDS
                and not dump.bullets[index]  # a list's last item over a recipe card's "© Name"
                and meta.is_credit_alone(texts[index + 1])
                and _pattern_reason(texts[index + 1], normalised[index + 1]) in _CREDIT_REASONS
            )
        )
    ]


_AUTHOR_LINE_MAX_CHARS = 80
# Article text above a byline printed again for it to close the article (a listing's teasers
# under one author's bylines hold a few dozen words).
_CLOSING_BYLINE_MIN_WORDS = 100


def _author_box(dump: Dump, keep: list[bool], words: list[int], byline: Sequence[str]) -> list[int]:
    """Kept lines printing only an author's name (an author box's heading under the article,
    "Jane Doe" over "Senior Reviews Editor" and her bio) with the role line under each, and one
    byline naming only the authors again under the article's text ("Rozmawiała Jane Doe" closing
    an interview; bylines printed again and again are a listing's): the article never prints its
    author's name alone; the bio sentence stays."""
    texts = dump.texts
    names = set(byline)
    found: list[int] = []
    bylines: list[int] = []
    for index in compress(range(len(texts)), keep) if names else ():
        text = texts[index]
        if text in names:
            found.append(index)
            if index + 1 < len(texts) and keep[index + 1] and meta.is_role_line(texts[index + 1]):
                found.append(index + 1)
        elif (
            len(text) <= _AUTHOR_LINE_MAX_CHARS
            and any(map(text.__contains__, names))
            and meta.is_byline_line(text)
            and names.issuperset(meta.split_byline(text))
        ):
            bylines.append(index)
    # (Under the article's text: a listing's second teaser byline has little text above it.)
    if len(bylines) == 1 and sum(compress(words[: bylines[0]], keep)) >= _CLOSING_BYLINE_MIN_WORDS:
        found += bylines
    return found


def _shouted_links(texts: Sequence[str], keep: list[bool]) -> list[int]:
    """Kept lines in capitals of _SHOUTED_MIN_CHARS characters or more, with no full stop and no
    question: other stories' headlines printed as links between the paragraphs ("TAYLOR SWIFT'S
    FORMER LABEL BOSS BLASTS HER ..."). A crosshead in capitals is shorter ("WHAT YOU NEED TO MAKE
    JAM") or asks ("WILL SOMEONE STAND UP FOR THE ESTABLISHMENT?")."""
    return [
        index
        for index in compress(range(len(texts)), map(operator.and_, keep, map(str.isupper, texts)))
        if len(texts[index]) >= _SHOUTED_MIN_CHARS and "." not in texts[index] and texts[index][-1] != "?"
    ]


def _shouted_sentences(texts: Sequence[str], keep: list[bool]) -> list[int]:
    """Kept sentences of _SHOUTED_SENTENCE_MIN_WORDS words or more in capitals, ending in a stop: a
    broadcast's transcript printed under the story ("FIRE CREWS SAY FLAMES WERE SHOOTING THROUGH
    THE ROOF."). An article never shouts a sentence; a crosshead in capitals asks or has no stop."""
    return [
        index
        for index in compress(range(len(texts)), map(operator.and_, keep, map(str.isupper, texts)))
        if texts[index][-1] in ".!"
        and texts[index].count(" ") + 1 >= _SHOUTED_SENTENCE_MIN_WORDS
        and sum(map(str.isupper, texts[index])) >= _MOSTLY * sum(map(str.isalpha, texts[index]))
    ]


def _share_row_end(dump: Dump, keep: list[bool], words: list[int]) -> int | None:
    """Where the kept lines run on past the article's share buttons ("Share", "Facebook", "X",
    "WhatsApp" under its last paragraph) into a widget of sentence-like lines (horoscopes, ad
    teasers): a row of short dropped lines holding _SHARE_ROW_MIN_LINES share lines, when the
    kept lines above it hold _SHARE_ROW_WORDS_RATIO times the words of those under it."""
    kept = list(compress(range(len(keep)), keep))
    texts, normalised = dump.texts, dump.normalised
    row = 0  # share lines among the short dropped lines in a row ("X" is a network too)
    for index in range(kept[0] + 1, kept[-1]) if kept else ():
        if keep[index] or words[index] > _SHARE_LINE_MAX_WORDS:
            row = 0
            continue
        row += _pattern_reason(texts[index], normalised[index]) in _SHARE_REASONS
        if row == _SHARE_ROW_MIN_LINES:
            above = sum(words[line] for line in kept if line < index)
            if above >= _SHARE_ROW_WORDS_RATIO * sum(words[line] for line in kept if line > index):
                return index
    return None


def _pull_quotes(texts: Sequence[str], keep: list[bool], bullets: Sequence[bool]) -> list[int]:
    """Kept lines that are pull quotes, with the attribution line under each: a quotation alone
    on its line whose words a kept paragraph above it says ("‘We will not cut our way to
    quality’"), or a paragraph below it when a name is printed with it or, further down than the
    paragraph right under it, puts them in quotation marks. A crosshead quoting the paragraph
    under it (no name) is the article's own heading and stays."""
    quotes = {}
    for index in compress(range(len(texts)), keep):
        text = texts[index]
        text = text[2:] if text.startswith("> ") else text  # (a markdown dump's blockquote)
        if not text.startswith(_OPENING_QUOTES) or text.count(" ") >= _PULL_QUOTE_MAX_WORDS:
            continue
        match = _PULL_QUOTE.fullmatch(text)
        quote = match["quote"] if match else ""
        # One quotation: a paragraph of two ("“X,” she said. “Y.”") holds quote marks inside.
        if (
            quote[:1].isupper()
            and len(quote.split()) >= _PULL_QUOTE_MIN_WORDS
            and not _INNER_QUOTES.search(quote)
        ):
            quotes[index] = (" ".join(_WORD.findall(quote.lower())), match["attribution"])
    if not quotes:
        return []
    kept = list(compress(range(len(texts)), keep))
    # A paragraph's words, and the words it puts in quotation marks: the pull quote may join the
    # two halves of a quotation the paragraph interrupts ("“X,” she says. “Y.”").
    keys = {index: " ".join(_WORD.findall(texts[index].lower())) for index in kept}
    quoted = {
        index: " ".join(_WORD.findall(" ".join(_QUOTED_SPAN.findall(texts[index])).lower())) for index in kept
    }
    lines = []
    for index, (quote, attribution) in quotes.items():
        under = index + 1 if index + 1 < len(texts) and keep[index + 1] else None
        named_below = under is not None and _is_attribution(texts[under])
        sources = [j for j in kept if j != index and (j < index or named_below or attribution)]
        # (A magazine may print it ahead of the paragraph, which then quotes the words; right over
        # that paragraph, or as a list's item, it is the article's own heading.)
        ahead = [] if bullets[index] else [j for j in kept if j > (under if under is not None else index)]
        if any(len(keys[j]) > len(quote) and quote in keys[j] for j in sources) or any(
            quote in quoted[j] and len(keys[j]) > len(quoted[j]) for j in sources + ahead
        ):
            lines += [index, under] if named_below else [index]
    return lines


def _is_attribution(text: str) -> bool:
    """A pull quote's credit line: "– Hester Quayle, artistic director", "Dev Khatri, Khatri Drylining"."""
    if text.count(" ") >= _DASHED_ATTRIBUTION_MAX_WORDS or text[-1] in _SENTENCE_ENDS:
        return False
    credit = text.lstrip(_ATTRIBUTION_DASHES)
    if credit != text:
        return credit[:1].isupper()  # "— Ruth Millbank, who crossed to school for seven years"
    if text.count(" ") >= _ATTRIBUTION_MAX_WORDS:
        return False
    name, comma, _ = credit.partition(", ")
    return bool(comma) and 2 <= name.count(" ") + 1 <= 4 and all(word[0].isupper() for word in name.split())


def _keep_list_items(texts: Sequence[str], keep: list[bool], words: list[int]) -> None:
    """Keep the rest of a list whose first item is kept: the lines after it of the same shape
    (_list_item_shape), at least _LIST_MIN_SIBLINGS of them. Items of a tour-date or fixture list
    score as chrome one by one (short, no sentence), however long the list."""
    index = 0
    while index < len(texts) - 1:
        shape = _list_item_shape(texts[index], words[index]) if keep[index] and not keep[index + 1] else None
        if shape is None:
            index += 1
            continue
        end = index + 1
        while end < len(texts) and _list_item_shape(texts[end], words[end]) == shape:
            end += 1
        if end - index - 1 >= _LIST_MIN_SIBLINGS:
            keep[index + 1 : end] = [True] * (end - index - 1)
        index = end
    # The other way: a list's first item, dropped between its kept lead-in and its kept siblings
    # (the model reads the item under a heading as the end of a menu).
    for index in compress(range(len(texts) - _LIST_MIN_SIBLINGS - 1), map(operator.gt, keep, keep[1:])):
        first = index + 1
        siblings = range(first + 1, first + 1 + _LIST_MIN_SIBLINGS)
        shape = _list_item_shape(texts[first], words[first]) if all(keep[i] for i in siblings) else None
        if shape and all(_list_item_shape(texts[i], words[i]) == shape for i in siblings):
            keep[first] = True


def _keep_lead_ins(dump: Dump, keep: list[bool], words: list[int]) -> None:
    """Keep a sentence ending in a colon between two kept lines: it introduces what follows (a
    list, a quote), however the model scored it. A caption or a box never ends in a colon."""
    texts = dump.texts
    for index in compress(range(1, len(texts) - 1), map(operator.not_, keep[1:-1])):
        if (
            keep[index - 1]
            and keep[index + 1]
            and words[index] >= _PARAGRAPH_MIN_WORDS
            and texts[index][-1] == ":"
            and not _pattern_reason(texts[index], dump.normalised[index])
        ):
            keep[index] = True


def _keep_bulleted_lists(dump: Dump, keep: list[bool]) -> None:
    """Keep every item of a bulleted list when most of its items are kept (or one, the article
    going on under the list) and a kept lead-in introduces it (a line ending in a colon, or a
    heading: "Key details of the order"): a short item with no sentence ("2,027 private
    renters", "Builder: X Industries") scores as chrome on its own. A list under a sentence, or
    under a link label ("More:"), is other stories' links."""
    bullets = dump.bullets
    # Where a list starts: a bullet under a line that is none (True > False).
    starts = compress(range(1, len(bullets)), map(operator.gt, bullets[1:], bullets[:-1]))
    for index in starts:
        # A heading the model dropped between a kept paragraph and the list ("Key findings") is
        # the list's lead-in all the same.
        dropped_heading = (
            not keep[index - 1] and index > 1 and keep[index - 2] and _is_list_heading(dump, index - 1)
        )
        if not keep[index - 1] and not dropped_heading:
            continue
        end = next(compress(range(index, len(bullets)), map(operator.not_, bullets[index:])), len(bullets))
        kept = sum(keep[index:end])
        introduced = dropped_heading or _introduces_list(dump, index - 1, keep)
        # (Fewer kept items do when the article goes on right under the list.)
        enough = kept > (end - index) / 2 or (kept and end < len(keep) and keep[end])
        if end - index > kept and enough and introduced:
            start = index - 1 if dropped_heading else index
            keep[start:end] = [True] * (end - start)


def _is_list_heading(dump: Dump, index: int) -> bool:
    """A short line that ends no clause and no rule drops: a crosshead or a list's heading."""
    text = dump.texts[index]
    return (
        text.count(" ") < _CROSSHEAD_MAX_WORDS
        and text[-1] not in _CLAUSE_ENDS
        and not dump.bullets[index]
        and _pattern_reason(text, dump.normalised[index]) is None
    )


def _introduces_list(dump: Dump, index: int, keep: list[bool]) -> bool:
    text = dump.texts[index]
    return (
        keep[index]
        and (text.endswith(":") or text[-1] not in _CLAUSE_ENDS)
        and not _always_dropped(text, dump.normalised[index])
    )


def _keep_tab_tables(texts: Sequence[str], keep: list[bool]) -> None:
    """Keep a table printed a row a line with tab-separated cells (a header and at least
    _TABLE_MIN_ROWS rows of as many cells) when the article goes on both sides of it: a kept
    line above (or above its title) and right under it. Rows of figures score as chrome."""
    if not any(map(operator.contains, texts, repeat("\t"))):
        return
    index = 0
    while index < len(texts):
        cells = texts[index].count("\t")
        if not cells:
            index += 1
            continue
        end = index + 1
        while end < len(texts) and texts[end].count("\t") == cells:
            end += 1
        above = any(keep[max(0, index - 2) : index])
        if end - index > _TABLE_MIN_ROWS and above and end < len(keep) and keep[end]:
            keep[index:end] = [True] * (end - index)
        index = end


def _list_item_shape(text: str, words: int) -> tuple[str, str, str] | None:
    """A list item's shape: its first two words' kinds (number, capitalised, lower case, a mark)
    and the separator it holds ("June 9 – Tampa, FL", "1a etapa: 10 de março"); None for a line
    that is not a list item (a sentence, a long line, no separator)."""
    if not 2 <= words <= _LIST_ITEM_MAX_WORDS or (text.rstrip(_CLOSING_MARKS) or text)[-1] in _SENTENCE_ENDS:
        return None
    separator = next((mark for mark in _LIST_SEPARATORS if mark in text), None)
    if separator is None:
        return None
    first, second = text.split(" ", 2)[:2]
    return _word_kind(first), _word_kind(second), separator


def _word_kind(word: str) -> str:
    if not word:
        return ""
    head = word[0]
    return "9" if head.isdigit() else "A" if head.isupper() else "a" if head.islower() else head


# A release's lead opens with its dateline and wire ("HALLOWAY BAY, Wash., May 6, 2025
# /NewsQuay Wire/ -- Tallis ...", "... (BUSINESS WIRE)--") or a dash: the model reads the
# capitals as chrome.
_RELEASE_DATELINE = re.compile(
    r"[A-ZÀ-Þ][^/]{1,80}?\d{4}\s*(?:/[^/]{2,40}/|\([A-Z][A-Z -]{2,30}\))\s*(?:--|—|–)\s*\S"
    r"|[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,30},[^–—]{1,30}\b\d{4}\s+[–—]\s+\S"  # "DUNMERE, 14 March 2024 – ..."
)


def _keep_lead_over_gap(
    dump: Dump,
    head: meta.DumpHead,
    keep: list[bool],
    probabilities: list[float],
    words: list[int],
    run_start: int,
) -> None:
    """Keep the paragraphs between the printed headline and the article's run (`run_start`), or
    the first kept line when the run starts above the headline, that the model finds likely
    (_LEAD_MIN_PROBABILITY): an article's lead that a gallery, a picture block or a table parted
    from the run (the run is the densest stretch, and a gallery's captions cost more than two
    lead paragraphs gain). Never a line printed twice, always dropped or head furniture; past the
    first kept line, never one right under a line the rules always drop ("Image 1 of 5"): a
    caption in the block that parted lead and run."""
    headline = max((i for i, reason in head.lines.items() if reason == "title"), default=None)
    if headline is None or (headline == 0 and dump.layout == LAYOUT_LINES):
        return  # no printed headline to start from (line 0 of the lines layout is the <title>)
    first = end = next(compress(range(headline + 1, len(keep)), keep[headline + 1 :]), None)
    if headline < run_start <= headline + _LEAD_MAX_GAP:
        end = max(first or run_start, run_start)
    if end is None or end - headline > _LEAD_MAX_GAP:
        return
    texts, normalised = dump.texts, dump.normalised
    for index in range(headline + 1, end):
        text = texts[index]
        if (
            (probabilities[index] >= _LEAD_MIN_PROBABILITY or _RELEASE_DATELINE.match(text) is not None)
            and index not in head.lines
            and _is_paragraph(text, words[index])
            and not _always_dropped(text, normalised[index])
            and not meta.is_furniture(text)
            and texts.count(text) == 1
            and (first is None or index < first or not _always_dropped_at(dump, index - 1))
        ):
            keep[index] = True


def _list_start(keep: list[bool], start: int) -> int:
    """The first of _LIST_MIN_LINES kept lines in a row above line `start`, else `start`: an
    article may open with a list (a race calendar, a product's specs) before its first sentence;
    head furniture (a byline, a date, a share label) is never kept that many lines in a row."""
    run = 0
    for index in range(start):
        run = run + 1 if keep[index] else 0
        if run == _LIST_MIN_LINES:
            return index - _LIST_MIN_LINES + 1
    return start


def _standfirst(dump: Dump, head: meta.DumpHead) -> int | None:
    """The line under the printed headline, past the byline and date lines, when it reads as a
    standfirst (prose, or a line as long as the head reader's standfirsts; not a caption, share
    row or other never-article line), whatever the model says: page furniture often parts it
    from the article's run (byline, date, share bar, picture)."""
    headline = next((i for i, reason in head.lines.items() if reason == "title" and i > 0), None)
    if headline is None and dump.layout != LAYOUT_LINES:
        headline = next((i for i, reason in head.lines.items() if reason == "title"), None)
    if headline is None:
        return None
    # Past the byline and date lines, and what sits among them (an e-mail address, an
    # "Affiliation: ..." line): short lines that are not sentences.
    texts = dump.texts
    under = headline + 1
    while under < len(texts) and under - headline <= _HEAD_LINES_UNDER + 1:
        if under not in head.lines and (
            _is_prose_line(texts[under]) or texts[under].count(" ") >= _ASIDE_SPACES
        ):
            break
        under += 1
    if under >= len(texts) or under in head.lines:
        return None
    text = texts[under]
    if not (_holds_prose(text) or text.count(" ") >= meta.STANDFIRST_MIN_SPACES):
        return None
    if _always_dropped(text, dump.normalised[under]) or meta.is_furniture(text) or meta.is_doubled(text):
        return None
    if texts.count(text) > 1:
        return None  # a caption printed again under the picture or in the gallery
    # A picture's caption, its credit on the next line ("Credit: Jane Doe / University of X").
    credit = texts[under + 1] if under + 1 < len(texts) else ""
    if credit.count(" ") < _FURNITURE_MAX_WORDS and meta.is_furniture(credit):
        return None
    return under


def _reads_as_deck(text: str, words: int) -> bool:
    """A standfirst line as long as a sentence and not a row of items."""
    return words >= _PARAGRAPH_MIN_WORDS and "|" not in text and "  " not in text


def _standfirst_points(dump: Dump, standfirst: int, words: list[int]) -> range:
    """The standfirst's line and, when it is printed as bullet points (a tabloid's "• Kacey, 27,
    jetted off ..."), the sentences of the rest of its list."""
    end = standfirst + 1
    while (
        dump.bullets[standfirst]
        and end < len(dump.texts)
        and dump.bullets[end]
        and words[end] >= _PARAGRAPH_MIN_WORDS
        and not _always_dropped(dump.texts[end], dump.normalised[end])
    ):
        end += 1
    return range(standfirst, end)


def _prose_under(texts: Sequence[str], words: list[int], headline: int) -> list[bool] | None:
    """Keep flags for the prose paragraphs right under the printed headline (past up to
    _HEAD_LINES_UNDER byline and date lines), when the model kept too little: a page with one
    news item under a long archive. None when that prose is too short too."""
    keep = [False] * len(texts)
    index = headline + 1
    while index < len(texts) and not _is_paragraph(texts[index], words[index]):
        if index - headline > _HEAD_LINES_UNDER:
            return None
        index += 1
    while index < len(texts) and _is_paragraph(texts[index], words[index]):
        keep[index] = True
        index += 1
    return keep if sum(compress(words, keep)) >= _MIN_ARTICLE_WORDS else None


def _is_paragraph(text: str, words: int) -> bool:
    return words >= _PARAGRAPH_MIN_WORDS and _is_prose_line(text)


def _drop_from(keep: list[bool], section: int | None) -> None:
    """Keep nothing from line `section` on (reader comments, back matter), if there is one."""
    if section is not None:
        keep[section:] = [False] * (len(keep) - section)


def comment_section_start(texts: Sequence[str], start: int) -> int | None:
    """Index of the first reader-comments heading ("Comments (3)", "Leave a reply") below line
    `start` that comment headers follow (see the rules file), or None (also read by transforms.html)."""
    headings = compress(range(start + 1, len(texts)), map(_COMMENT_SECTION.match, texts[start + 1 :]))
    for index in headings:
        following = texts[index + 1 : index + 1 + _COMMENT_LOOKAHEAD]
        if any(_COMMENT_HEADER.search(text) and not _COMMENT_SECTION.match(text) for text in following):
            return index
    return None


def back_matter_start(texts: Sequence[str], start: int) -> int | None:
    """Index of the first back-matter heading below line `start` ("References", "Competing
    interests: none declared"), where a scholarly article ends; "Funding", "Acknowledgements" or
    "Footnotes" only when another back-matter heading follows (a news story's crosshead can be
    "Funding"). None when there is none (also read by transforms.html)."""
    supporting = None
    for index in range(start + 1, len(texts)):
        text = texts[index]
        if len(text) > _BACK_MATTER_MAX_CHARS:
            continue
        if _BACK_MATTER_HEADING.match(text):
            return index if supporting is None else supporting
        if _NOTES_HEADING.match(text) and index + 1 < len(texts) and _NUMBERED_NOTE.match(texts[index + 1]):
            return index if supporting is None else supporting  # "Notes" over "[1] Survey data, ..."
        if _BACK_MATTER_SUPPORTING.match(text):
            if supporting is not None:
                return supporting
            supporting = index
    return None


def _editors_notes_start(dump: Dump, start: int) -> int | None:
    """Index of a release's "Notes to editors" heading below line `start`: what follows is for
    journalists (background, contacts, "About X"), not the story."""
    keys = dump.normalised
    headed = compress(range(len(keys)), map(str.startswith, keys, repeat(_EDITORS_NOTES_STARTS)))
    return next(
        (index for index in headed if index > start and _EDITORS_NOTES_HEADING.match(dump.texts[index])),
        None,
    )


def _keep_tables(dump: Dump, keep: list[bool], words: list[int]) -> None:
    """Keep the tables (_tables) the article holds, with their headings: those with a kept cell or
    a kept line over them. Their cells score as chrome one by one (short, no sentence). A table
    under an advertisement label ("Sponsored") is an advertisement: none of it is kept."""
    texts, normalised = dump.texts, dump.normalised
    for top, header, end in _tables(texts, words):
        over = range(max(0, top - _TABLE_LABEL_LINES), top)
        label = next((i for i in over if _is_ad_label(texts[i], normalised[i])), None)
        if label is not None:
            keep[label:end] = [False] * (end - label)
            continue
        above = top - 1
        if above >= 0 and not keep[above] and 0 < words[above] < _HEADING_MAX_WORDS:
            above -= 1  # the table's own heading ("Defensive line")
        # A caption or a photo credit the rules drop may sit between the article and its table.
        dropped = []
        while above >= max(0, top - _TABLE_LABEL_LINES) and _always_dropped(texts[above], normalised[above]):
            dropped.append(above)
            above -= 1
        if any(keep[header:end]) or (above >= 0 and keep[above]):
            keep[above + 1 : end] = [True] * (end - above - 1)
            keep[top:header] = [False] * (header - top)  # a header printed twice is kept once
            for index in dropped:
                keep[index] = False


def _tables(texts: Sequence[str], words: list[int]) -> list[tuple[int, int, int]]:
    """The tables the dump printed one cell per line, as (top, header, end) line indices: a
    header row of short text cells at `header` (repeated up from `top` when a sticky copy was
    printed too) over at least _TABLE_MIN_ROWS rows as wide, each the same sequence of number
    and text cells, one a number (standings, stats, a price list), up to line `end`."""
    # One letter a line, in a comprehension: a call per line would cost more than the search.
    shapes = "".join(
        [
            _NO_CELL
            if count > _TABLE_CELL_MAX_WORDS
            else _NUMBER_CELL
            if text[0] in _NUMBER_STARTS and _NUMBER.fullmatch(text)
            else _SHORT_CELL
            if count < _HEADING_MAX_WORDS
            else _TEXT_CELL
            for text, count in zip(texts, words, strict=True)
        ]
    )
    if shapes.count(_NUMBER_CELL) < _TABLE_MIN_ROWS:
        return []
    tables = []
    position = 0
    while table := _TABLE_PATTERN.search(shapes, position):
        header, end = table.span()
        row = table.group(table.lastgroup)
        width = len(row)
        if any(row == row[:unit] * (width // unit) for unit in range(1, width // 2 + 1)):
            position = header + 1  # two rows read as one, or a ranked list ("1", headline, "2", ...)
            continue
        top = header
        while top >= width and texts[top - width : top] == texts[header : header + width]:
            top -= width
        tables.append((top, header, end))
        position = end
    return tables


def _drop_teaser_lists(dump: Dump, keep: list[bool], words: list[int]) -> None:
    """Drop runs of two or more kept lines that end in an ellipsis (a "Most commented" or "Just
    published" list of cut-off teasers, however prose-like), with a short heading kept above
    them. No annotated body in any corpus has two such lines in a row."""
    texts = dump.texts
    kept = list(compress(range(len(keep)), keep))
    run: list[int] = []
    for index in [*kept, None]:
        if index is not None and texts[index].endswith(_ELLIPSIS):
            run.append(index)
            continue
        if len(run) >= 2:
            position = kept.index(run[0])
            heading = kept[position - 1] if position else None
            short = heading is not None and words[heading] < _HEADING_MAX_WORDS
            if short and not _is_prose_line(texts[heading]):
                run.append(heading)
            for teaser in run:
                keep[teaser] = False
        run = []
    # The heading of such a list the model already dropped.
    for index in kept:
        following = texts[index + 1 : index + 3]
        if (
            keep[index]
            and words[index] < _HEADING_MAX_WORDS
            and not _is_prose_line(texts[index])
            and len(following) == 2
            and all(text.endswith(_ELLIPSIS) for text in following)
        ):
            keep[index] = False


def _trailing_headline_list(dump: Dump, keep: list[bool], words: list[int]) -> list[int]:
    """The lines of a list of story headlines the article's run ran into ("Latest videos", "Most
    read in Science"): at least _HEADLINE_LIST_MIN_LINES kept lines at the end of the kept ones,
    each of _HEADLINE_LIST_WORDS words and ending in no sentence or clause mark, under a short
    heading (the heading too). Headlines read as prose to the model; an article's closing list
    (a race calendar, sources) has no heading of its own, its items end in stops or share one shape."""
    texts = dump.texts
    kept = list(compress(range(len(keep)), keep))
    run: list[int] = []
    while kept and _headline_list_item(texts[kept[-1]], words[kept[-1]]):
        run.append(kept.pop())
    if len(run) < _HEADLINE_LIST_MIN_LINES or not kept:
        return []
    shapes = {_list_item_shape(texts[i], words[i]) for i in run}
    if len(shapes) == 1 and None not in shapes:
        return []  # items of one shape: a list of the article's (tour dates), not headlines
    headings = [i for i in range(kept[-1], run[-1]) if _is_heading(texts[i], words[i])]
    return [*run, *headings] if headings else []


def _related_tail(dump: Dump, keep: list[bool], words: list[int], box_headings: list[int]) -> list[int]:
    """The last related-stories heading (related_box_headings) with a kept line right under it,
    and the kept lines under it, when chrome parts it from the article above ("Tags: ..."), and
    the lines under it are one block of at least _RELATED_TAIL_MIN_ITEMS teasers (one sentence of
    at most _RELATED_TAIL_MAX_WORDS words each) with nothing else kept below: other stories'
    summaries written as sentences close the page."""
    heading = max((i for i in box_headings if i + 1 < len(keep) and keep[i + 1]), default=None)
    if heading is None or (heading > 0 and keep[heading - 1]):
        return []  # (a heading right under the article's text may be a crosshead over more of it)
    under = list(compress(range(heading + 1, len(keep)), keep[heading + 1 :]))
    if under != list(range(heading + 1, heading + 1 + len(under))):
        return []  # not one block: the article's paragraphs go on under pictures and boxes
    texts = dump.texts
    if len(under) >= _RELATED_TAIL_MIN_ITEMS and all(
        words[i] <= _RELATED_TAIL_MAX_WORDS and len(_INNER_SENTENCE_END.findall(texts[i])) < 2 for i in under
    ):
        return [heading, *under]
    return []


# A box of teasers with summaries: two headline-and-summary pairs at least, each summary a
# sentence or two (an article's paragraph under a crosshead runs longer).
_BOX_MIN_SUMMARIES = 2
_TEASER_SUMMARY_MAX_WORDS = 50


def _related_boxes(dump: Dump, words: list[int], box_headings: list[int]) -> list[int]:
    """The lines of every related-stories box: a box heading (_box_headings: "Related articles",
    "Mehr zum Thema", "More from Opinion") over up to _RELATED_BOX_MAX_ITEMS story headlines
    (_headline_list_item, not a question) with short section or tab labels among them ("Crime",
    "Most recent"), or over two labels or more (a "Topics" box of tags), with that heading. Inside
    an article, the headlines read as prose to the model; a heading over prose is left alone, and
    a label after the last headline (a crosshead, maybe) only goes with a box that labels its
    headlines so."""
    texts = dump.texts
    boxes = []
    for index in box_headings:
        end = last = summarised_end = index + 1
        headlines = labels = labelled = summaries = first_summary = 0
        after_headline = False
        alternating = True  # headline, summary, headline, summary, ... from the heading on
        while end < len(texts) and headlines < _RELATED_BOX_MAX_ITEMS:
            text, count = texts[end], words[end]
            if _headline_list_item(text, count) and (
                not _is_question(text) or _headline_follows(texts, words, end)
            ):
                headlines += 1
                alternating = alternating and not after_headline
                last, after_headline = end + 1, True
            elif (
                alternating
                and after_headline
                and _is_prose_line(text)
                and (count <= _TEASER_SUMMARY_MAX_WORDS or _read_more_under(dump, end))
            ):
                # A teaser's summary under its headline ("Most Read" / headline / summary / ...),
                # in a box of nothing else; a long one goes on to its "Read more" link.
                summaries += 1
                first_summary = first_summary or end
                summarised_end, after_headline = end + 1, False
            elif (
                alternating
                and summarised_end == end
                and _pattern_reason(text, dump.normalised[end]) == "related_link"
            ):
                summarised_end += 1  # the teaser's "Read more" under its summary
            elif 0 < count <= _BOX_LABEL_MAX_WORDS and text[-1] not in _CLAUSE_ENDS and text[-1] != "?":
                labels += 1
                alternating = False
                labelled += after_headline
                if after_headline and labelled >= _BOX_MIN_LABELLED:
                    last = end + 1
                after_headline = False
            else:
                break
            end += 1
        if summaries >= _BOX_MIN_SUMMARIES:
            last = max(last, summarised_end)
        elif summaries:  # one "summary" is prose the box heading sits over: the box ends at it
            last = min(last, first_summary)
        if headlines:
            boxes += range(index, last)
        elif labels >= 2:
            boxes += range(index, end)
    return boxes


def _is_question(text: str) -> bool:
    return text.rstrip(_CLOSING_MARKS).endswith(_QUESTION_END)


def _headline_follows(texts: Sequence[str], words: list[int], index: int) -> bool:
    """A headline that is no question right under line `index`: a question over it is a teaser
    headline too ("Fee levels: how does your council compare?"), not a crosshead under the box."""
    after = index + 1
    if after >= len(texts):
        return False
    return _headline_list_item(texts[after], words[after]) and not _is_question(texts[after])


def _read_more_under(dump: Dump, index: int) -> bool:
    """A link label ("Read more") right under line `index`."""
    below = index + 1
    if below >= len(dump.texts):
        return False
    return _pattern_reason(dump.texts[below], dump.normalised[below]) == "related_link"


def _contact_blocks(texts: Sequence[str], normalised: Sequence[str]) -> list[int]:
    """The lines of a press release's contact block under its heading ("Media Contact:"): up to
    _CONTACT_BLOCK_MAX_LINES short lines that are no sentence (a name, a role, an e-mail address,
    a phone number). They score as a closing paragraph's neighbours; no annotated body keeps them."""
    lines = []
    candidates = map(str.startswith, normalised, repeat(_CONTACT_BLOCK_STARTS))
    for index in compress(range(len(texts)), candidates):
        if not _CONTACT_BLOCK_HEADING.match(texts[index]):
            continue
        end = index + 1
        while (
            end < len(texts)
            and end - index <= _CONTACT_BLOCK_MAX_LINES
            and len(texts[end].split()) <= _CONTACT_LINE_MAX_WORDS  # (an e-mail address is one)
            and not _is_prose_line(texts[end])
        ):
            end += 1
        # (The heading goes too, where no pattern gives it a reason of its own: "Contacto de prensa".)
        lines += range(index + (_pattern_reason(texts[index], normalised[index]) is not None), end)
    return lines


def is_box_heading(text: str) -> bool:
    """Whether a line is one of related_box_headings ("Read next", "Related topics")."""
    return normalise_line(text) in _RELATED_BOX_HEADINGS


def _box_headings(normalised: Sequence[str]) -> list[int]:
    """The lines (by normalised key) that head a related-stories box: related_box_headings, a
    related_box_heading_prefixes phrase and a section name ("More from Opinion"), or a site's name
    and a related_box_heading_suffixes phrase ("Le Courrier du Lisbois vous recommande"). Candidates are
    picked by C-level maps: a call a line would cost more than the rest of the box rules."""
    known = map(_RELATED_BOX_HEADINGS.__contains__, normalised)
    prefixed = map(str.startswith, normalised, repeat(_RELATED_BOX_PREFIXES))
    suffixed = map(str.endswith, normalised, repeat(_RELATED_BOX_SUFFIXES))
    headings = []
    for index in compress(range(len(normalised)), map(any, zip(known, prefixed, suffixed, strict=True))):
        key = normalised[index]
        if key not in _RELATED_BOX_HEADINGS:
            prefix = next((p for p in _RELATED_BOX_PREFIXES if key.startswith(p)), None)
            if prefix is not None:  # "more from" + a section's name
                name_words, most = key.count(" ") - prefix.count(" ") + 1, _BOX_SECTION_MAX_WORDS
            else:  # a site's name + "vous recommande"
                suffix = next(suffix for suffix in _RELATED_BOX_SUFFIXES if key.endswith(suffix))
                name_words, most = key.count(" ") - suffix.count(" ") + 1, _BOX_SITE_MAX_WORDS
            if name_words > most:
                continue
        headings.append(index)
    return headings


def _headline_list_item(text: str, words: int) -> bool:
    return (
        _HEADLINE_LIST_WORDS[0] <= words <= _HEADLINE_LIST_WORDS[1]
        and (text.rstrip(_CLOSING_MARKS) or text)[-1] not in _CLAUSE_ENDS
        and len(_INNER_SENTENCE_END.findall(text)) < 2
    )


def _is_heading(text: str, words: int) -> bool:
    return 0 < words < _HEADING_MAX_WORDS and not _is_prose_line(text)


def _drop_trailing_rail(dump: Dump, keep: list[bool], words: list[int]) -> None:
    """Drop a rail of story teasers the article's run ran into: at least _RAIL_MIN_PAIRS kept
    pairs of a headline (no final stop) and a one-sentence summary on the next line, at the end
    of the kept lines, and the rail's heading above them. The summaries read as prose; an article
    rarely ends in one-sentence sections under crossheads."""
    texts, bullets = dump.texts, dump.bullets
    kept = list(compress(range(len(keep)), keep))
    pairs: list[int] = []
    while len(kept) >= 2:
        summary, headline = kept[-1], kept[-2]
        text, title = texts[summary], texts[headline]
        if not (
            headline == summary - 1
            and _is_prose_line(text)
            and _RAIL_SUMMARY_WORDS[0] <= words[summary] <= _RAIL_SUMMARY_WORDS[1]
            and not _INNER_SENTENCE_END.search(text)
            and not _is_prose_line(title)
            and not bullets[headline]
            and _RAIL_HEADLINE_WORDS[0] <= words[headline] <= _RAIL_HEADLINE_WORDS[1]
        ):
            break
        pairs += [headline, summary]
        del kept[-2:]
    if len(pairs) < 2 * _RAIL_MIN_PAIRS:
        return
    for index in pairs:
        keep[index] = False
    # And the rail's heading ("Trending", "More from News"): short unpunctuated lines now last.
    while kept and not _is_prose_line(texts[kept[-1]]) and words[kept[-1]] < _FURNITURE_MAX_WORDS:
        keep[kept.pop()] = False


def decode_pages(texts: Sequence[str], model: LinearModel | None = None) -> list[str]:
    """The article body of each dump with no site knowledge (for training and benchmarks); ""
    when the page is found to hold no article, as extraction decides."""
    dumps = [parse_dump(text) for text in texts]
    bodies = []
    for dump, probabilities in zip(dumps, line_probabilities(dumps, model), strict=True):
        keep, _, words, _ = _decide(dump, probabilities, frozenset())
        kept = list(compress(range(len(keep)), keep))
        article = _not_article_reason(dump, kept, words) is None
        bodies.append("\n\n".join(dump.texts[i] for i in kept) if article else "")
    return bodies


def assign_text_sites(
    docs: Sequence[DecodedDocument], chrome: SiteChrome | None = None
) -> tuple[list[str | None], SiteChrome]:
    """Group a batch's text dumps into sites and learn each site's chrome lines.

    Sequential by nature (a page joins the sites seen before it); cheap next to extraction.
    Returns each document's site key and the updated SiteChrome (the caller's is not changed).
    """
    return _assign_sites(_parse_all(docs, {}), chrome)


def _parse_all(docs: Sequence[DecodedDocument], keys: dict[str, str]) -> list[Dump]:
    """Every document's dump (empty for non-text documents); `keys` memoises normalised lines."""
    return [parse_dump(doc.text if doc.format == FORMAT_TEXT else "", keys) for doc in docs]


def _assign_sites(dumps: list[Dump], chrome: SiteChrome | None) -> tuple[list[str | None], SiteChrome]:
    chrome = SiteChrome({site: dict(lines) for site, lines in (chrome.lines if chrome else {}).items()})
    return assign_sites(dumps, chrome), chrome


def extract_text_documents(
    items: Sequence[tuple[DecodedDocument, str | None, frozenset[str]]],
) -> list[Extraction]:
    """Extract each (document, its site key, that site's learnt chrome lines); one Extraction each.

    Independent per document, so any engine may split a batch into chunks and run them apart.
    """
    dumps = _parse_all([doc for doc, _, _ in items], {})
    return _extract_all(
        [(doc, dump, site_key, chrome) for (doc, site_key, chrome), dump in zip(items, dumps, strict=True)]
    )


def _extract_all(
    items: Sequence[tuple[DecodedDocument, Dump, str | None, frozenset[str]]],
) -> list[Extraction]:
    probabilities = line_probabilities([dump for _, dump, _, _ in items])
    return [
        _extract_one(doc, dump, site_key, chrome, line_p)
        for (doc, dump, site_key, chrome), line_p in zip(items, probabilities, strict=True)
    ]


def extract_text_batch(
    docs: Sequence[DecodedDocument], chrome: SiteChrome | None = None
) -> tuple[list[Extraction], SiteChrome]:
    """Extract the article of every text dump in one batch; learn and apply per-site chrome.

    Returns one Extraction per document (same order) and the updated SiteChrome, which the
    caller stores and passes back next run so a lone page from a known site is cleaned too.
    """
    dumps = _parse_all(docs, {})
    site_keys, chrome = _assign_sites(dumps, chrome)
    lines = {site: chrome_lines(chrome, site) for site in set(site_keys)}
    return _extract_all(
        [(doc, dump, site, lines[site]) for doc, dump, site in zip(docs, dumps, site_keys, strict=True)]
    ), chrome


def _extract_one(
    doc: DecodedDocument,
    dump: Dump,
    site_key: str | None,
    chrome: frozenset[str],
    probabilities: list[float],
) -> Extraction:
    if not dump.texts:
        reason = doc.problem or ("not a text document" if doc.format != FORMAT_TEXT else "empty document")
        return Extraction(doc.name, False, reason, Metadata(), (), (), "text", 0.0, site_key=site_key)
    keep, head, words, rule_reasons = _decide(dump, probabilities, chrome)
    kept = list(compress(range(len(keep)), keep))
    reasons = _removal_reasons(dump, keep, kept, chrome, head, rule_reasons)
    not_article = _not_article_reason(dump, kept, words)
    texts, positions = dump.texts, dump.positions
    # Objects built by map(): no Python frame per line. `reasons` holds the dropped lines in order.
    if not_article:
        reason_of_line = map(reasons.get, range(len(texts)), repeat("not_article"))
        removed = _records(RemovedLine, len(texts), positions, texts, reason_of_line)
        return Extraction(
            doc.name, False, not_article, Metadata(), (), removed, "text", 0.0, site_key=site_key
        )
    lasts = repeat(False, len(kept) - 1)
    kinds = map(paragraph_kind, repeat(dump), kept, range(len(kept)), chain(lasts, (True,)))
    paragraphs = _records(Paragraph, len(kept), range(len(kept)), kinds, map(texts.__getitem__, kept))
    dropped = list(reasons)
    dropped_texts = map(texts.__getitem__, dropped)
    removed = _records(
        RemovedLine, len(dropped), map(positions.__getitem__, dropped), dropped_texts, reasons.values()
    )
    confidence = sum(map(probabilities.__getitem__, kept)) / len(kept)
    return Extraction(
        doc.name,
        True,
        None,
        head.metadata,
        paragraphs,
        removed,
        "text",
        round(confidence, 3),
        site_key=site_key,
    )


_Record = TypeVar("_Record", Paragraph, RemovedLine)


def _records(cls: type[_Record], count: int, *columns: Iterable[object]) -> tuple[_Record, ...]:
    """`count` instances of a frozen slots dataclass, field i of each taken from columns[i].

    Equal to tuple(map(cls, *columns)) at a third of the cost: a frozen dataclass's __init__ sets
    every field through object.__setattr__, and a page drops a hundred lines or more. The slots
    are set directly, by map() (no Python frame per object); the classes have no __post_init__."""
    records = tuple(map(object.__new__, repeat(cls, count)))
    for set_slot, values in zip(_SLOT_SETTERS[cls], columns, strict=True):
        deque(map(set_slot, records, values), maxlen=0)
    return records


# Each record class's slot setters, in field order.
_SLOT_SETTERS = {
    cls: tuple(getattr(cls, field.name).__set__ for field in fields(cls)) for cls in (Paragraph, RemovedLine)
}


_KINDS = load_json("text_paragraph_kinds.json")
_PROS_CONS_HEADINGS = frozenset(_KINDS["pros_cons_headings"])
_BIO = re.compile(_KINDS["bio"])
_BIO_MAX_WORDS = int(_KINDS["bio_max_words"])
_CROSSHEAD_MAX_WORDS = int(_KINDS["crosshead_max_words"])
_RECIPE_INGREDIENTS = frozenset(_KINDS["recipe_ingredients_headings"])
_RECIPE_METHOD = frozenset(_KINDS["recipe_method_headings"])
_RECIPE_CARD_MAX_LINES = int(_KINDS["recipe_card_max_lines"])
_RECIPE_SUBHEADING_MAX_WORDS = 6  # "For the lemon yoghurt"
_STANDFIRST_MAX_WORDS = int(_KINDS["standfirst_max_words"])
_QUESTION_END = ("?", "？")
_SENTENCE_STOPS = frozenset('.!?。”’"')


def _printed_twice(normalised: tuple[str, ...]) -> frozenset[int]:
    """The lines printed again right under them (the first copy of a doubled caption)."""
    return frozenset(compress(range(len(normalised)), map(operator.eq, normalised, normalised[1:])))


def _removal_reasons(
    dump: Dump,
    keep: list[bool],
    kept: list[int],
    chrome: frozenset[str],
    head: meta.DumpHead,
    rule_reasons: dict[int, str],
) -> dict[int, str]:
    """A reason for every line not kept (`kept`: the indices of those kept): head role, the list
    rule that dropped it (`rule_reasons`), learnt chrome, phrase rules, then shape/position."""
    first_kept, last_kept = (kept[0], kept[-1]) if kept else (len(keep), len(keep))
    texts, normalised, bullets, head_lines = dump.texts, dump.normalised, dump.bullets, head.lines
    # Each key's first line: built from the end, so the earliest index is the one left.
    first_seen = dict(zip(reversed(normalised), range(len(normalised) - 1, -1, -1), strict=True))
    doubled = _printed_twice(normalised)
    reasons: dict[int, str] = {}
    for index in compress(range(len(keep)), map(operator.not_, keep)):
        text, key = texts[index], normalised[index]
        if index in head_lines:
            reasons[index] = head_lines[index]
        elif index in rule_reasons:
            reasons[index] = rule_reasons[index]
        elif key in chrome:
            teaser = text.endswith(_ELLIPSIS)
            reasons[index] = "teaser" if teaser else _pattern_reason(text, key) or "site_chrome"
        elif (first_seen[key] != index or index in doubled) and key:
            reasons[index] = "duplicate_caption" if first_kept < index < last_kept else "duplicate"
        else:
            region = _BEFORE if index < first_kept else _INSIDE if index < last_kept else _AFTER
            reasons[index] = _line_reason(text, key, bullets[index], region)
    return reasons


# Where a dropped line sits relative to the kept ones (the shape reasons depend on nothing else).
_BEFORE, _INSIDE, _AFTER = 0, 1, 2


# Menus and footers repeat across a site's pages: each distinct line and region is judged once
# (16k entries, as _wall_reason).
@lru_cache(maxsize=1 << 14)
def _line_reason(text: str, key: str, bullet: bool, region: int) -> str:
    """The reason of a dropped line that is neither a head line, learnt chrome nor a repeat."""
    if meta.is_doubled(text):
        return "duplicate_caption"
    return _pattern_reason(text, key) or _shape_reason(text, bullet, region)


@lru_cache(maxsize=1 << 16)
def never_article_reason(text: str) -> str | None:
    """The always-drop reason of a line or paragraph that is never article text (rules file
    "always_drop": captions with credits, "Read more:" links, ad labels, archive headers and
    footers, copyright notices, ...), else None. For other formats' blocks (HTML)."""
    key = normalise_line(text)
    return _pattern_reason(text, key) if _always_dropped(text, key) else None


def _pattern_reason(text: str, key: str) -> str | None:
    rule = _matching_rule(text, key)
    return rule.reason if rule else None


def _shape_reason(text: str, bullet: bool, region: int) -> str:
    words = text.count(" ") + 1
    if text.endswith(("...", "…")):
        return "teaser"
    if bullet:
        return "navigation"
    if region == _INSIDE:
        return "caption" if words >= 4 else "short_fragment"
    if words < 4:
        return "short_fragment" if region == _AFTER else "navigation"
    return "site_chrome" if region == _BEFORE else "related"


def paragraph_kind(dump: Dump, index: int, ordinal: int, last: bool = False) -> str:
    """Best-effort kind of a kept line: standfirst/body/crosshead/list_item/question/bio."""
    text = dump.texts[index]
    words = text.count(" ") + 1
    if dump.bullets[index]:
        return "list_item"
    if text.endswith(_QUESTION_END) and words >= 4:
        return "question"
    if words <= _CROSSHEAD_MAX_WORDS and text[-1] not in _SENTENCE_STOPS:
        return "crosshead"
    if last and words <= _BIO_MAX_WORDS and _BIO.search(text):
        return "bio"
    if ordinal == 0 and words <= _STANDFIRST_MAX_WORDS and text[0] not in "“\"‘'":
        return "standfirst"
    return "body"
