"""Quoted speech in an article body, each quote with its speaker resolved ("who said what").

Three steps, all over the body paragraphs in order:

1. Quote spans. Curly and straight marks of one family (single or double) pair up; a single mark
   between two letters (don't, PCT's, O'Brien) is an apostrophe, never a quote mark, and a
   plural possessive (patients' needs) only closes a quote when nothing better does. Marks of
   the other family inside a span are a nested quote and stay part of the outer one.
2. Speech or not. A quote is speech when a speech verb with a person (or an unnamed source such
   as "a DoH spokesman") as its subject is in the quote's sentence, in a short attribution right
   after it, or earlier in its paragraph, or when the quote stands alone as a paragraph or
   sentence continuing the last speaker. Scare quotes (a short phrase inside a noun phrase, or
   after "so-called"), titles and words quoted from documents, polls or reports are not speech.
3. Speakers. Full names as mentioned; "he said" goes to the latest speaker before it;
   "Dr Smith" and "Smith" go to the full name with that surname mentioned in the article; a
   description keeps its words without the article. Role and organisation come from an
   appositive ("X, director of Y, said") or a title before the name ("GPC chairman X").

Word lists (speech verbs, titles, source nouns, document nouns, ...) are data files
transforms/rules/quote_*.txt.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice
from string import ascii_uppercase

from transforms.model import Paragraph, Quote
from transforms.rules import load_lines

_SPEECH_VERBS = load_lines("quote_speech_verbs.txt")
_HONORIFICS = frozenset(load_lines("quote_honorifics.txt"))
_SOURCE_NOUNS = load_lines("quote_source_nouns.txt")
_DOCUMENT_NOUNS = load_lines("quote_document_nouns.txt")
_DOCUMENT_LINKS = load_lines("quote_document_links.txt")
_SCARE_CUES = load_lines("quote_scare_cues.txt")
_ORG_WORDS = frozenset(load_lines("quote_org_words.txt"))
_SENTENCE_WORDS = frozenset(load_lines("quote_sentence_words.txt"))
_JOB_WORDS = frozenset(load_lines("quote_job_words.txt"))
_PORTFOLIO_TITLES = frozenset(load_lines("quote_portfolio_titles.txt"))
_NON_NAME_WORDS = _SENTENCE_WORDS | _JOB_WORDS
_FILLERS = frozenset(load_lines("quote_attribution_fillers.txt"))
_FIRST_NAMES = frozenset(load_lines("quote_first_names.txt"))
_JOB_SUFFIXES = tuple(load_lines("quote_job_suffixes.txt"))
_JOB_SUFFIX_MIN_STEM = 3
# A hyphenated word with a lower-case part is a description, never a name ("Finch-Larrabee" is).
_LOWER_HYPHENATED = re.compile(r"-[a-z]")
_PERSONAL_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_FUNCTION_WORDS = frozenset(load_lines("quote_function_words.txt"))
_COURTESY_TITLES = frozenset(load_lines("quote_courtesy_titles.txt"))
_ABBREVIATIONS = frozenset(load_lines("quote_abbreviations.txt")) | _HONORIFICS

# Quote marks by family. Straight marks open and close; typographic ones have a direction.
_DOUBLE_OPEN, _DOUBLE_CLOSE = '\u201c"\u00ab\u201e', '\u201d"\u00bb'
_LOW_OPENED_CLOSE = "\u201c\u201d"
_SINGLE_OPEN, _SINGLE_CLOSE = "\u2018'\u2039", "\u2019'\u203a"
_SINGLE_MARKS = frozenset(_SINGLE_OPEN + _SINGLE_CLOSE)
_SPACED_OPEN, _SPACED_CLOSE = "\u00ab\u2039", "\u00bb\u203a"
# Swedish and Finnish quote with \u201d on both sides, Danish with \u00bb...\u00ab: the closing mark
# of each opens only before a word with a space or the paragraph's start before it.
_MIRRORED_CLOSE = {"\u201d": "\u201d", "\u00bb": "\u00ab"}
_ALL_MARKS = frozenset(_DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE)
_BEFORE_OPENER = frozenset("([{\u2014\u2013-/:") | _ALL_MARKS
_AFTER_CLOSER = frozenset(".,;:!?)]}\u2014\u2013-/\u2026") | _ALL_MARKS
_MARK = re.compile("[" + re.escape("".join(sorted(_ALL_MARKS))) + "]")
_MASK = "\x00"  # stands in for quoted text, so word patterns never match inside quotes

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_NAME_TAIL = r"[\w'\u2019.\-]*"
# (An elided article before a job is no name: "L’ingegnera Chiara Montaldi", "L'avocat X".)
_ELIDED_ARTICLE = "(?![LD]['\u2019][a-z\u00e0-\u00ff])"
_NAME_TOKEN = rf"{_ELIDED_ARTICLE}[{_UPPER}]{_NAME_TAIL}"
_NAME_PARTICLES = frozenset(load_lines("quote_name_particles.txt"))
# The next word of a run: a capitalised one, perhaps after a particle or two ("Jan de Vries").
_NEXT_NAME_TOKEN = rf"[ ]+(?:(?:{'|'.join(sorted(_NAME_PARTICLES))})[ ]+){{0,2}}{_NAME_TOKEN}"
_CAPITAL_RUN_AT_END = re.compile(rf"(?:{_NAME_TOKEN})(?:{_NEXT_NAME_TOKEN})*$")
_CAPITAL_RUN_AT_START = re.compile(rf"^(?:{_NAME_TOKEN})(?:{_NEXT_NAME_TOKEN})*")
# Starts with the capital (the "not inside a word" check comes after it) so that the regex engine
# can skip straight to capitals.
_CAPITAL_RUN = re.compile(
    rf"{_ELIDED_ARTICLE}[{_UPPER}](?<![\w'\u2019][{_UPPER}]){_NAME_TAIL}(?:{_NEXT_NAME_TOKEN})*"
)
# The runs of two words or more among those of `_CAPITAL_RUN` (one word is never a full name).
_CAPITAL_RUN_OF_TWO = re.compile(
    rf"{_ELIDED_ARTICLE}[{_UPPER}](?<![\w'\u2019][{_UPPER}]){_NAME_TAIL}(?:{_NEXT_NAME_TOKEN})+"
)
_PRONOUN_AT_END = re.compile(r"\b(?:he|she|He|She)$")
# After the verb, also French inversion ("raconte-t-elle", "poursuit-il") and German word order
# ("sagte sie", "sagt er").
_INVERTED_PRONOUNS = {
    **{"-t-il": "he", "-il": "he", "-t-elle": "she", "-elle": "she", "er": "he", "sie": "she"},
    # Dutch "zegt ze", "zei hij"; Scandinavian "säger hon", "sier han", "siger hun".
    **{"hij": "he", "ze": "she", "zij": "she", "han": "he", "hon": "she", "hun": "she"},
}
_PRONOUN_AT_START = re.compile(rf"^(?:he|she|{'|'.join(map(re.escape, _INVERTED_PRONOUNS))})\b")
_WORDS = re.compile(r"[\w'\u2019\-]+")
_TRAILING_WORD = re.compile(r"([\w'\u2019\-]+)\W*$")
# Read on the reversed text: what follows the last word, then the last word itself (see `_trailing_word`).
_LAST_WORD_REVERSED = re.compile(r"\W*[\w'\u2019\-]*")
_LEADING_WORD = re.compile(r"^\W*([\w'\u2019\-]+)")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# What `_POSSESSIVE` finds at the end of a word or a run of words (which never ends in a newline).
_POSSESSIVE_ENDINGS = ("'", "\u2019", "'s", "\u2019s")
_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "this", "that", "these", "those", "one"})
_NOT_A_ROLE = frozenset({"who", "which", "whose", "where", "when", "aged", "after", "before", "that", "as"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "my"})


def _alternation(phrases: Sequence[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def _prefix_tree(words: Sequence[str]) -> str:
    """A pattern matching any of `words` with shared prefixes factored out ("add(?:ed|s)")."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


def _phrase_tree(phrases: Sequence[str], space: str = r"\s") -> str:
    """`_prefix_tree` of `phrases`, any run of `space` between their words (as `_alternation`)."""
    return _prefix_tree(phrases).replace(re.escape(" "), f"{space}+")


# Case-insensitive for "According to ..." opening a sentence.
_SPEECH_VERB = re.compile(rf"\b(?:{_alternation(_SPEECH_VERBS)})\b", re.IGNORECASE)
# Trying that long case-insensitive alternation at every word is the costliest step, so speech verbs
# are looked for in the lower-cased paragraph with a case-sensitive prefix tree of the verbs, which
# tries only the verbs sharing the text's first letters (the alternation tries each in turn); at a
# given start it matches the longest verb followed by a word boundary, as the alternation (longest
# verb first) does. Lower-casing keeps every offset and word boundary, and IGNORECASE equates an
# ASCII letter only with its other case, except for these four characters (checked over all of
# Unicode in the tests); a paragraph holding one takes the plain path.
_SPEECH_VERB_LOWER = re.compile(rf"\b{_phrase_tree(_SPEECH_VERBS)}\b")
# The same for ASCII text, where ASCII word boundaries (cheaper to test) are the Unicode ones, and
# Unicode whitespace is these characters.
_ASCII_SPACE = r"[\t\n\x0b\x0c\r\x1c-\x1f ]"
_SPEECH_VERB_ASCII = re.compile(rf"\b{_phrase_tree(_SPEECH_VERBS, _ASCII_SPACE)}\b", re.ASCII)
# Whether a text starts with a speech verb is first checked on the first words of the verbs. They
# start with an ASCII letter, so an ASCII word boundary before one is found wherever the Unicode
# one is (and is cheaper to test); the extra hits, after a non-ASCII letter, fail the real pattern.
_FIRST_VERB_WORDS = sorted({verb.split()[0] for verb in _SPEECH_VERBS})
_SPEECH_VERB_START = re.compile(rf"\b{_prefix_tree(_FIRST_VERB_WORDS)}", re.ASCII)
_LONGEST_FIRST_VERB_WORD = max(map(len, _FIRST_VERB_WORDS))
_CASE_FOLD_ODDITIES = "\u0130\u0131\u017f\u212a"
_CASE_FOLD_ODDITY = re.compile(f"[{_CASE_FOLD_ODDITIES}]")
# The ASCII letter IGNORECASE equates with each of them.
_ASCII_FOLD = str.maketrans(_CASE_FOLD_ODDITIES, "iisk")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being|to)\s+(?:\w+ly\s+)?$")
_SOURCE = _alternation(_SOURCE_NOUNS)
_DESCRIPTION_AT_END = re.compile(
    rf"(?:\b(?P<article>[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree)\s+)?"
    rf"(?P<modifiers>(?:[\w'\u2019&\-]+\s+){{0,5}}?)(?P<noun>{_SOURCE})$"
)
# "one senior GP", "a local resident": an unnamed person described by what they are.
_INDEFINITE_AT_END = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne)\s+(?P<words>(?:[\w'\u2019&\-]+\s+){0,3}[\w'\u2019&\-]+)$"
)
_INDEFINITE_AT_START = re.compile(
    r"^(?:[Aa]n?|[Oo]ne)\s+(?P<words>(?:[\w'\u2019&\-]+\s+){0,3}?[\w'\u2019&\-]+)(?=\s*(?:[,.;:]|$))"
)
_DESCRIPTION_FOR_ORG_AT_END = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<modifiers>(?:[a-z\-]+\s+){{0,2}})(?P<noun>{_SOURCE})\s+"
    rf"(?:(?P<close>close\s+to|near)|for|at|from|of)\s+(?P<the>the\s+)?"
    # A comma inside an organisation's name only before a capital: "for Children, Schools and Families".
    rf"(?P<org>[\w'\u2019&\-]+(?:(?:,\s+(?=[{_UPPER}])|\s+)[\w'\u2019&\-]+){{0,7}})$"
)
# A job written in lower case before the name after a speech verb: "said union president Jo X",
# "said Rovers manager Jo X" (the organisation may come first, capitalised).
_JOB_BEFORE_NAME_AT_START = re.compile(
    rf"^(?P<role>(?:[{_UPPER}][\w'\u2019&\-]*\s+){{0,3}}(?:[a-z][\w\-]*\s+){{0,2}}(?P<job>[a-z][\w\-]*))"
    rf"\s+(?=[{_UPPER}])"
)
_DESCRIPTION_AT_START = re.compile(
    rf"^(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?P<modifiers>(?:[\w'\u2019&\-]+\s+){{0,5}}?)(?P<noun>{_SOURCE})\b"
    rf"(?:\s+(?:for|at|from|of)\s+(?:the\s+)?(?P<org>[{_UPPER}][\w'\u2019&\-]*(?:\s+[{_UPPER}&][\w'\u2019&\-]*)*))?"
)
_BRACKETED = re.compile(r"\([^()]*\)")
# A described subject and its name after a comma: "the company's operations director, X".
_DESCRIBED_THEN_NAMED = re.compile(
    rf"^(?:[Aa]n?|[Tt]he)\s+(?P<description>(?:[\w'\u2019&\-]+\s+){{0,4}}[a-z][\w\-]*),\s+(?=[{_UPPER}])"
)
# Another language's article and a role before the name, which opens with a capital ("la alcaldesa
# Marta Ibáñez"), or, after a comma, a role naming its office in capitals ("la ministra de Sanidad,
# Ana Ruiz").
_ROLE_ARTICLES = _alternation(load_lines("quote_role_articles.txt"))
_ARTICLE_OFFICE_THEN_NAME = re.compile(
    rf"^(?:{_ROLE_ARTICLES})\s+(?P<role>[a-z\u00df-\u00ff][\w\-]*(?:\s+[\w'\u2019\-]+){{0,5}}?),\s+(?=[{_UPPER}])"
)
_ARTICLE_ROLE_BEFORE_NAME = re.compile(
    rf"^(?:{_ROLE_ARTICLES})\s+(?P<role>[a-z\u00df-\u00ff][\w\-]*(?:\s+[a-z\u00df-\u00ff][\w\-]*){{0,2}})\s+(?=[{_UPPER}])"
)
_DOCUMENT_SUBJECT = re.compile(rf"\b(?:{_alternation(_DOCUMENT_NOUNS)})$", re.IGNORECASE)
# "...$" patterns are tried at every position of the text they search; checking first that the
# text ends with the last word of one of their phrases is much cheaper. Trailing non-word characters
# are dropped from those words because the scare-cue pattern allows any there.
_SOURCE_LAST_WORDS = tuple(sorted({noun.split()[-1] for noun in _SOURCE_NOUNS}))
_DOCUMENT_LAST_WORDS = tuple(sorted({noun.split()[-1].lower() for noun in _DOCUMENT_NOUNS}))
_SCARE_CUE_LAST_WORDS = tuple(sorted({re.sub(r"\W+$", "", cue.split()[-1].lower()) for cue in _SCARE_CUES}))
_LONGEST_LAST_WORD = max(map(len, _DOCUMENT_LAST_WORDS + _SCARE_CUE_LAST_WORDS))
_NON_WORD_RUN = re.compile(r"\W*")
_DOCUMENT_SOURCE = re.compile(
    rf"\b(?:{_alternation(_DOCUMENT_NOUNS)})\b.*?\b(?:{_alternation(_DOCUMENT_LINKS)})\b", re.IGNORECASE
)
_SCARE_CUE_AT_END = re.compile(rf"\b(?:{_alternation(_SCARE_CUES)})\W*$", re.IGNORECASE)
_SO_CALLED_AT_START = re.compile(r"so[- ]called\b", re.IGNORECASE)  # 'so-called reforms' is a scare quote
_ROLE_OF_ORG = re.compile(
    rf"^(?:the\s+|a\s+|an\s+)?(?P<role>[^,]*?)\s+(?:of|at|for|from|with)\s+(?:the\s+)?"
    rf"(?P<org>(?:[a-z\-]+\s+){{0,2}}[{_UPPER}].*)$"
)
_ABBREVIATION_BEFORE = re.compile(rf"(?:\b[A-Z]|\b(?:{_alternation(sorted(_ABBREVIATIONS))}))$")
_ABBREVIATION_LAST_WORDS = tuple(sorted({word.split()[-1] for word in _ABBREVIATIONS} | set(ascii_uppercase)))
# "the minister", "the former nurse": someone already named in that job.
_DEFINITE_AT_END = re.compile(r"\b[Tt]he\s+(?P<words>(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)$")
# "'...,' officers said": a bare noun phrase as the whole attribution clause.
_BARE_NOUNS = re.compile(r"^[\s,\u2014\u2013-]*(?P<words>(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\s*$")
_PREPOSITION_AT_END = re.compile(
    r"\b(?:of|for|to|at|in|from|with|by|on|about|against|between|than|behind|under|into|over|like)\s+$"
)
# Words after which a capitalised run no longer opens the sentence: "She said Mr X's team ...".
_PAST_THE_SUBJECT = (
    _PRONOUNS | _FUNCTION_WORDS | frozenset(verb.lower() for verb in _SPEECH_VERBS if " " not in verb)
)
_CLAUSE_BREAK = re.compile(f"[,;:{_MASK}]")
_OPENING_CHARS = 80  # how far into a sentence its subject is looked for
# A sentence opening "The network's chair, " or "Its chef, ": a job held, named next.
_APPOSITIVE_LEAD = re.compile(
    r"(?:the|its|their|his|her|our|[\w-]+['’]s)(?: [\w'’-]+){1,3},\s*", re.IGNORECASE
)
_LOOKBEHIND = 40  # characters a "...$" pattern looks back over, keeping the scan linear
_SENTENCE_END = re.compile(rf"[.!?\u2026]+(?=\s+[{_UPPER}0-9{_MASK}])")

# Quotes this short need their speech verb in the same sentence (a scare quote usually is one).
SHORT_QUOTE_WORDS = 2
# A quoted phrase this short between an article and a noun is a term: a "connect and manage" approach.
_TERM_QUOTE_WORDS = 4
_ARTICLE_AT_END = re.compile(r"\b(?:an?|the)\W*$", re.IGNORECASE)
# A sentence right after a quote is read as its attribution ("'...' Dr Smith said.") when it is
# at most this long.
ATTRIBUTION_SENTENCE_WORDS = 10
# A quote standing alone continues the last speaker only when it is at least this long.
FOLLOW_ON_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class _Span:
    """A quote inside one paragraph: marks at `open` and `close` (close == len(text) if unclosed)."""

    open: int
    close: int


_NAME_KINDS = ("name", "surname", "bare_surname")


@dataclass(frozen=True, slots=True)
class _Mention:
    """Who a clause names as its subject, before resolving pronouns and surnames."""

    kind: str  # "name" | "surname" | "bare_surname" | "pronoun" | "description" | "org" | "document"
    text: str
    role: str | None = None
    org: str | None = None
    start: int = 0  # where the mention (with its appositive) starts in the text it was found in


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str
    role: str | None
    org: str | None
    resolution: str
    is_person: bool = True  # False for an organisation ("the BMA said"), which "he said" skips


# ---------------------------------------------------------------------------------------------
# 1. Quote spans


def _is_apostrophe(text: str, i: int) -> bool:
    return (
        text[i] in _SINGLE_MARKS and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
    )


def _can_open(text: str, i: int, marks: str) -> bool:
    if text[i] not in marks or _is_apostrophe(text, i):
        return False
    before_ok = i == 0 or text[i - 1].isspace() or text[i - 1] in _BEFORE_OPENER
    # French typography spaces guillemets from the words: "« Nous ne sommes pas prêts »".
    return before_ok and i + 1 < len(text) and (not text[i + 1].isspace() or text[i] in _SPACED_OPEN)


def _can_close(text: str, i: int, marks: str) -> bool:
    if text[i] not in marks or _is_apostrophe(text, i) or i == 0:
        return False
    if text[i - 1].isspace() and text[i] not in _SPACED_CLOSE:
        return False
    return i + 1 == len(text) or text[i + 1].isspace() or text[i + 1] in _AFTER_CLOSER


def _looks_possessive(text: str, i: int) -> bool:
    """A mark after a plural noun and before a lower-case word: "the patients' needs"."""
    return text[i - 1] in "sS" and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].islower()


def _find_close(text: str, marks: Sequence[int], after: int, opens: str, closes: str) -> int | None:
    """Index of the mark closing a quote opened before `after`; `marks` are all mark positions."""
    # Read lazily: the first closing mark is nearly always the one.
    candidates = (k for k in marks[after:] if _can_close(text, k, closes))
    k = next(candidates, None)
    while k is not None:
        if not _looks_possessive(text, k):
            return k
        following = next(candidates, None)
        if following is None:
            return k
        # Skip a possessive-looking mark only when the next closing mark is not another quote's.
        if any(k < m < following and _can_open(text, m, opens) for m in marks[after:]):
            return k
        k = following
    return None


def _quote_spans(text: str, next_opens_quote: bool = False) -> list[_Span]:
    """Quote spans of one paragraph; `next_opens_quote` when the next paragraph starts with a mark."""
    spans: list[_Span] = []
    marks = [m.start() for m in _MARK.finditer(text)]
    for n, i in enumerate(marks):
        if spans and i <= spans[-1].close:
            continue
        if _can_open(text, i, _DOUBLE_OPEN):
            # German quotes open low and close high: „Wir streiken“ (or „…”).
            family = (_DOUBLE_OPEN, _LOW_OPENED_CLOSE if text[i] == "\u201e" else _DOUBLE_CLOSE)
        elif _can_open(text, i, _SINGLE_OPEN):
            family = (_SINGLE_OPEN, _SINGLE_CLOSE)
        elif text[i] in _MIRRORED_CLOSE and _can_open(text, i, text[i]):
            family = (text[i], _MIRRORED_CLOSE[text[i]])
        else:
            continue
        close = _find_close(text, marks, n + 1, *family)
        if close is not None:
            spans.append(_Span(i, close))
        elif not text[:i].strip() or (next_opens_quote and text.rstrip()[-1:] in ".!?\u2026"):
            # A quote never closed in its paragraph runs on into the next one, which reopens it
            # (the convention for multi-paragraph quotes).
            spans.append(_Span(i, len(text)))
            break
    return spans


# A paragraph opened by a dash is a quote in Nordic journalism ("– Vi var inte bra, säger han.").
_DASH_OPENERS = ("\u2013 ", "\u2014 ")
# The attribution after the quote's last comma is short: ", säger Lindfors.", ", Lehtinen sanoi
# tiistaina."
_DASH_ATTRIBUTION_MAX_WORDS = 6
_DASH_ATTRIBUTION = re.compile(r", (?=[^,]*$)")


def _add_dash_quotes(texts: Sequence[str], all_spans: list[list[_Span]]) -> None:
    """Quotes opened by a dash at a paragraph's start, up to and with the comma before a short
    attribution holding a speech verb; a dash paragraph with none under such a quote goes on
    with it (the speaker's next paragraph). A dash list under anything else is no speech."""
    follows_quote = False
    for index, text in enumerate(texts):
        if not text.startswith(_DASH_OPENERS) or (all_spans[index] and all_spans[index][0].open <= 2):
            follows_quote = False
            continue
        attribution = _DASH_ATTRIBUTION.search(text)
        after = text[attribution.end() :] if attribution else ""
        if attribution and _word_count(after) <= _DASH_ATTRIBUTION_MAX_WORDS and _SPEECH_VERB.search(after):
            all_spans[index] = [_Span(1, attribution.start() + 1)]
            follows_quote = True
        elif follows_quote:
            all_spans[index] = [_Span(1, len(text))]
        else:
            follows_quote = False


def _masked(text: str, spans: Sequence[_Span]) -> str:
    """`text` with every quote, marks included, masked out; `spans` are in order and disjoint."""
    parts = []
    done = 0
    for span in spans:
        end = min(span.close + 1, len(text))
        parts += [text[done : span.open], _MASK * (end - span.open)]
        done = end
    parts.append(text[done:])
    return "".join(parts)


def _abbreviation_before(masked: str, end: int) -> bool:
    """Whether an abbreviation or an initial ends at `end` ("Dr.", "J."); the pattern is only tried
    when the text there ends with the right word, as it seldom does ("$" also matches before a
    final newline)."""
    ending = end - 1 if masked[end - 1 : end] == "\n" else end
    return masked.endswith(_ABBREVIATION_LAST_WORDS, 0, ending) and bool(
        _ABBREVIATION_BEFORE.search(masked, max(0, end - _LOOKBEHIND), end)
    )


def _sentences(text: str, masked: str, spans: Sequence[_Span]) -> list[tuple[int, int]]:
    """(start, end) of each sentence; quotes never straddle a boundary."""
    cuts = [m.end() for m in _SENTENCE_END.finditer(masked) if not _abbreviation_before(masked, m.start())]
    for span in spans:
        inner = text[span.open + 1 : span.close].rstrip()
        after = text[span.close + 1 : span.close + 3]
        if (
            inner[-1:] in ".!?\u2026"
            and after[:1] == " "
            and (after[1:2].isupper() or after[1:2] in _ALL_MARKS)
        ):
            cuts.append(span.close + 1)
    if not cuts:
        return [(0, len(text))] if text.strip() else []
    # Every piece between cuts holds a non-space character: the punctuation or quote mark before
    # its end cut, or (the last piece) the capital or mark after its start cut.
    bounds = sorted(set(cuts))
    return list(zip([0, *bounds], [*bounds, len(text)], strict=True))


# ---------------------------------------------------------------------------------------------
# 2-3. Subjects of speech verbs


def _is_acronym(token: str) -> bool:
    letters = token.rstrip(".")
    return len(letters) >= 2 and letters.isupper()


def _strip_possessive(token: str) -> str:
    return _POSSESSIVE.sub("", token) if len(token) > 2 else token


def _is_name_token(token: str) -> bool:
    return not (
        token in _NON_NAME_WORDS
        or _is_compound_job(token)
        or _LOWER_HYPHENATED.search(token) is not None  # "Mother-of-two", "Co-author"
        or token.rstrip(".") in _HONORIFICS
        or token in _ORG_WORDS
        or _is_acronym(token)
        or (len(token) > 2 and token.endswith(_POSSESSIVE_ENDINGS))
    )


def _is_compound_job(token: str) -> bool:
    """A job title written as one word ("Geschäftsführerin", "GVD-Verhandlungsführer")."""
    lower = token.lower()
    # (The tuple test first: few words end in a job suffix at all.)
    return lower.endswith(_JOB_SUFFIXES) and any(
        lower.endswith(suffix) and len(lower) - len(suffix) >= _JOB_SUFFIX_MIN_STEM
        for suffix in _JOB_SUFFIXES
    )


@lru_cache(maxsize=4096)  # the same few runs ("The", "A", the article's names) come up again and again
def _person_from_run(run: str) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """(kind, name tokens, tokens before the name) for a run of capitalised words naming a person.

    The name is the run's tail after its last title, job, organisation or sentence word
    ("But Dr Ann X" -> "Ann X", "White House Press Secretary Jo Y" -> "Jo Y"). None when the
    run ends in such a word (an organisation or place). The kind is "surname" for a single word
    after a title ("Dr X"), "bare_surname" for a single word alone.
    """
    tokens = [t if len(bare := t.rstrip(".")) == 1 or bare in _HONORIFICS else bare for t in run.split()]
    first = len(tokens)
    while first > 0 and _is_name_token(tokens[first - 1]):
        first -= 1
    if first == len(tokens) - 1 and first > 0 and tokens[first - 1] in _FIRST_NAMES:
        first -= 1  # a given name that is also a word ("Bill", "Will") before a surname
    if len(tokens) - first >= 3 and tokens[first] not in _FIRST_NAMES and tokens[first + 1] in _FIRST_NAMES:
        first += 1  # "Envoy Kurt X": a word before a given name is a title or a place
    while first < len(tokens) and tokens[first].lower() in _NAME_PARTICLES:
        first += 1  # "De Vries" leaves the surname
    name, before = tuple(tokens[first:]), tuple(tokens[:first])
    # Only "given name, particles, surname" is one name ("Jan de Vries"); elsewhere a particle is a
    # preposition ("Marieke Oosterbroek van Kreekhoek Energie", "Originaire de Rennes").
    particles = [i for i, token in enumerate(name) if token in _NAME_PARTICLES]
    if particles and not (particles[0] == 1 and particles[-1] == len(name) - 2 and name[0] in _FIRST_NAMES):
        name = name[: particles[0]]
    if not name or len(name) - sum(token in _NAME_PARTICLES for token in name) > 4:
        return None
    if len(name) == 1:
        titled = bool(before) and before[-1].rstrip(".") in _HONORIFICS
        return ("surname" if titled else "bare_surname", name, before)
    return ("name", name, before)


def _role_and_org(words: str) -> tuple[str | None, str | None]:
    """Role and organisation from an appositive or a title before a name, best effort.

    Nothing for what is not a job description: an age ("54"), a relative clause ("who runs
    the clinic") or a fragment of the sentence around it.
    """
    words = words.strip(" ,;:-\u2013\u2014")
    first = words.split()[0].lower() if words else ""
    if not words or _MASK in words or not any(c.isalpha() for c in words) or first in _NOT_A_ROLE:
        return None, None
    match = _ROLE_OF_ORG.match(words)
    if match and match["role"]:
        return match["role"], match["org"].strip()
    tokens = words.split()
    while tokens and tokens[0].lower() in _DETERMINERS:
        tokens = tokens[1:]
    owner = next(
        (i for i, t in enumerate(tokens[:-1]) if t.endswith(_POSSESSIVE_ENDINGS) and len(t) > 2), None
    )
    if owner is not None:
        # "the company's managing director": the owner is the organisation.
        org = " ".join([*tokens[:owner], _strip_possessive(tokens[owner])])
        return " ".join(tokens[owner + 1 :]), org
    capitalised = 0
    while capitalised < len(tokens) and tokens[capitalised][:1].isupper():
        capitalised += 1
    org_tokens, role_tokens = tokens[:capitalised], tokens[capitalised:]
    if org_tokens and role_tokens and (len(org_tokens) > 1 or _is_acronym(_strip_possessive(org_tokens[0]))):
        return " ".join(role_tokens), " ".join(org_tokens)
    return (" ".join(tokens) or None), None


def _trailing_word(segment: str) -> re.Match[str] | None:
    """`_TRAILING_WORD.search(segment)`, started where it will match: at the start of the run of
    word characters holding the last letter or digit (or at 0 when there is none). Searching from
    the start would try, and backtrack over, every word of the segment."""
    start = len(segment) - _LAST_WORD_REVERSED.match(segment[::-1]).end()
    return _TRAILING_WORD.search(segment, start)


def _strip_fillers(segment: str) -> str:
    while True:
        match = _trailing_word(segment)
        if not match or match[1].lower() not in _FILLERS or segment[match.end(1) :].strip():
            return segment
        segment = segment[: match.start(1)].rstrip()


@lru_cache(maxsize=2048)  # the text before a verb is read from its sentence and from its quote's
def _subject_at_end(segment: str, depth: int = 0) -> _Mention | None:
    """The subject that ends `segment` (the text before a speech verb), if it is one."""
    if "(" in segment:
        # "Cllr Jo X (Lib Dem, North Ward), who voted against, said": the brackets name no
        # subject; blanked, so every offset stays.
        segment = _BRACKETED.sub(lambda match: " " * len(match[0]), segment)
    segment = _strip_fillers(segment.rstrip())
    if segment.endswith(",") and depth < 2:
        # "David X, director of Y," or "Jane X, 54, who runs a clinic,": skip the appositive.
        body = segment[:-1]
        comma = body.rfind(",")
        boundary = max(comma, body.rfind(_MASK), body.rfind(":"), body.rfind(";"))
        if comma < 0 or comma < boundary:
            return None
        chunk = body[comma + 1 :]
        named = _subject_at_end(chunk, depth + 1)
        if named is not None and named.kind in _NAME_KINDS and not chunk[: named.start].strip():
            # "Its president, Jane X, said": the name is the part between the commas.
            before = body[:comma]
            clause = max(before.rfind(","), before.rfind(_MASK), before.rfind(":"), before.rfind(";"))
            role, org = _role_and_org(before[clause + 1 :])
            return _Mention(
                named.kind, named.text, named.role or role, named.org or org, comma + 1 + named.start
            )
        inner = _subject_at_end(body[:comma], depth + 1)
        if inner is None and depth == 0:
            # "Jo X, head of Y, one of the pilot schools, said": two appositives.
            inner = _subject_at_end(body[: comma + 1], depth + 1)
        if inner is None or inner.kind in ("pronoun", "document"):
            return None
        role, org = _role_and_org(chunk)
        return _Mention(inner.kind, inner.text, inner.role or role, inner.org or org, inner.start)
    # The checks of the last word below skip "...$" searches that cannot match; `segment` has no
    # trailing whitespace, so "$" is its end.
    if segment.endswith(("he", "He")) and (match := _PRONOUN_AT_END.search(segment)):
        return _Mention("pronoun", match[0].lower(), start=match.start())
    if match := _DESCRIPTION_FOR_ORG_AT_END.search(segment):
        org = match["org"].strip()
        if match["close"]:
            # "a source close to the minister" keeps its words: the minister is not the source.
            text = f"{match['noun']} {' '.join(match['close'].split())} {match['the'] or ''}{org}"
            return _Mention("description", text, match["noun"], None, match.start())
        return _Mention("description", f"{org} {match['noun']}", match["noun"], org, match.start())
    if segment.endswith(_SOURCE_LAST_WORDS) and (match := _DESCRIPTION_AT_END.search(segment)):
        return _description(match, segment)
    if _ends_like(segment, _DOCUMENT_LAST_WORDS) and (match := _DOCUMENT_SUBJECT.search(segment)):
        return _Mention("document", match[0], start=match.start())
    if (match := _INDEFINITE_AT_END.search(segment)) and _is_description(match["words"]):
        return _Mention("description", match["words"], start=match.start())
    if match := _CAPITAL_RUN_AT_END.search(segment):
        preposition = _PREPOSITION_AT_END.search(segment, 0, match.start())
        # "Minister for Housing Jo X": a capitalised job before "for"/"of" makes it a title.
        titled = preposition is not None and _word_before(segment, preposition.start()) in _PORTFOLIO_TITLES
        if preposition is not None and not titled:
            return None  # "the ambassador to Britain", "the head of Acme": an object, not the subject
        return _named(match[0], segment[: match.start()], match.start())
    if (match := _DEFINITE_AT_END.search(segment)) and _is_description(match["words"]):
        return _Mention("definite", match["words"], start=match.start())
    return None


def _word_before(text: str, end: int) -> str:
    """The last word of text[:end] ("" when there is none)."""
    words = text[:end].split()
    return words[-1] if words else ""


def _description(match: re.Match[str], segment: str) -> _Mention | None:
    modifiers = match["modifiers"].split()
    if not match["article"]:
        # Without an article only capitalised modifiers belong to the description ("DoH
        # spokesman"); "said the drive had officials" must not become one.
        kept: list[str] = []
        for word in reversed(modifiers):
            if not word[:1].isupper() or word in _NON_NAME_WORDS:
                break
            kept.insert(0, word)
        if not kept:
            return None
        modifiers = kept
    if any(_MASK in word for word in modifiers):
        return None
    if not modifiers and match["article"] in ("the", "The"):
        # "the spokeswoman said": the one described before ("A Harlan Grain spokeswoman said").
        return _Mention("definite", match["noun"], match["noun"], start=match.start())
    text = " ".join([*modifiers, match["noun"]])
    start = segment.rfind(text) if text in segment else match.start()
    org = " ".join(w for w in modifiers if w[:1].isupper()) or None
    return _Mention("description", text, match["noun"], org, start)


def _is_description(words: str) -> bool:
    """Words after "a"/"one" that can describe a person ("senior GP"), not "a little and"."""
    tokens = words.split()
    return not any(t.lower() in _FUNCTION_WORDS or t.lower() in _PRONOUNS for t in tokens) and not tokens[
        -1
    ].endswith("ly")


def _named(run: str, before: str, start: int) -> _Mention | None:
    person = _person_from_run(run)
    if person is None:
        if any(t in _ORG_WORDS or _is_acronym(t) for t in run.split()):
            return _Mention("org", re.sub(r"^(?:The|A|An)\s+", "", run), start=start)
        return None
    return _named_person(person, before, start)


@lru_cache(maxsize=1024)  # mostly a name opening its sentence, again and again in an article
def _named_person(person: tuple[str, tuple[str, ...], tuple[str, ...]], before: str, start: int) -> _Mention:
    """The mention of a `_person_from_run` result, with the role and organisation around it."""
    kind, tokens, title_run = person
    # A job title right before the name: "GPC chairman Dr X", "Health minister Y".
    prefix = before[before.rfind(",") + 1 :] if "," in before else before
    prefix_words = [w for w in prefix.split() if _MASK not in w]
    words = [*prefix_words[-4:], *(w for w in title_run if w.rstrip(".") not in _COURTESY_TITLES)]
    words = [w for w in words if w not in _SENTENCE_WORDS]
    role, org = _role_and_org(" ".join(words)) if words else (None, None)
    return _Mention(kind, " ".join(tokens), role, org, start)


def _opening_names(sentence: str) -> Iterator[_Mention]:
    """Names among the first few words of a sentence, before any clause break or quote
    ("Housing minister Jo X defended ...", "Dr Y, who ..."). Lazy: callers mostly want the first."""
    text = sentence.lstrip()
    for match in _CAPITAL_RUN.finditer(text, 0, _OPENING_CHARS):
        before = text[: match.start()]
        words = before.lower().split()
        # "Its chef, Luc Arbenz, arrived ...": a job then the name between commas is the subject.
        appositive = _APPOSITIVE_LEAD.fullmatch(before) is not None and text.startswith(",", match.end())
        if (
            words
            and not appositive
            and (
                len(words) > 4
                or _CLAUSE_BREAK.search(before)
                or not _PAST_THE_SUBJECT.isdisjoint(words)
                # A set lookup misses what IGNORECASE equates with a speech verb (`_CASE_FOLD_ODDITIES`).
                or (_CASE_FOLD_ODDITY.search(before) and any(_SPEECH_VERB.fullmatch(w) for w in words))
            )
        ):
            break  # past the subject: "She said Mr X's team ..."
        if match[0].endswith(_POSSESSIVE_ENDINGS):
            continue  # "Dr X's practice": the person owns the subject
        person = _person_from_run(match[0])
        if person is not None:
            yield _named_person(person, before, match.start())


@lru_cache(maxsize=1024)  # the text after a verb is read from its sentence and from its quote's
def _subject_at_start(text: str) -> _Mention | None:
    """The subject right after a speech verb ("..., said Dr Smith", "said a spokesman")."""
    text = text.lstrip()
    if match := _PRONOUN_AT_START.match(text):
        return _Mention("pronoun", _INVERTED_PRONOUNS.get(match[0], match[0].lower()))
    # "said the company's operations director, Alasdair Feeney": the name after the comma.
    if (
        (match := _DESCRIBED_THEN_NAMED.match(text))
        and (named := _subject_at_start(text[match.end() :]))
        and named.kind in _NAME_KINDS
    ):
        role, org = _role_and_org(match["description"])
        return _Mention(named.kind, named.text, named.role or role, named.org or org)
    if match := _DESCRIPTION_AT_START.match(text):
        modifiers = match["modifiers"].split()
        org = match["org"]
        words = [org, match["noun"]] if org else [*modifiers, match["noun"]]
        return _Mention("description", " ".join(words), match["noun"], org)
    if match := _INDEFINITE_AT_START.match(text):
        if _DOCUMENT_SUBJECT.search(match[0]):
            return _Mention("document", match[0])
        if _is_description(match["words"]):
            return _Mention("description", match["words"])
    if (match := _JOB_BEFORE_NAME_AT_START.match(text)) and (
        match["job"].capitalize() in _JOB_WORDS or _is_compound_job(match["job"])
    ):
        named = _subject_at_start(text[match.end() :])
        if named is not None and named.kind in _NAME_KINDS:
            role, org = _role_and_org(match["role"])
            return _Mention(named.kind, named.text, named.role or role, named.org or org)
    for pattern in (_ARTICLE_OFFICE_THEN_NAME, _ARTICLE_ROLE_BEFORE_NAME):
        if (
            (match := pattern.match(text))
            and (named := _subject_at_start(text[match.end() :]))
            and named.kind in _NAME_KINDS
        ):
            return _Mention(named.kind, named.text, named.role or match["role"], named.org)
    if match := _CAPITAL_RUN_AT_START.match(text):
        if match[0].endswith(_POSSESSIVE_ENDINGS):
            return None  # "Dr X's practice": the person owns the subject, is not it
        mention = _named(match[0], "", 0)
        if mention is None or mention.kind == "org":
            return mention
        rest = text[match.end() :]
        if rest.startswith(",") and rest.count(",") > 1:
            # "said Dr X, director of Y, ..." (an appositive is closed by a second comma).
            appositive = rest[1:].split(",")[0]
            if _MASK not in appositive:
                role, org = _role_and_org(appositive)
                return _Mention(mention.kind, mention.text, role, org)
        return mention
    return None


# ---------------------------------------------------------------------------------------------
# Resolution across the article


@dataclass(slots=True)
class _Timeline:
    """What the article has said so far: full names by surname and the speakers in order."""

    full_names: dict[str, list[tuple[int, str]]]  # surname -> [(global position, full name)]
    evidenced: set[str]  # full names with evidence of being a person (see `_full_name_mentions`)
    roles: dict[str, tuple[str | None, str | None]]
    speakers: list[tuple[int, _Speaker, bool]]  # (position, subject, spoke), sorted by position
    authors: set[str]
    positions: list[int] = field(default_factory=list)  # of `speakers`, for bisecting

    def surname(self, surname: str, position: int) -> str | None:
        known = self.full_names.get(surname)
        if not known:
            # Called by the given name after the full name ("Maureen said"), when only one person
            # known as such has it ("Dunmore Athletic" is a club, not a Dunmore).
            given = {name for names in self.full_names.values() for _, name in names}
            given = {name for name in given if name.split()[0] == surname and name in self.evidenced}
            return given.pop() if len(given) == 1 else None
        before = [name for pos, name in known if pos <= position]
        return before[-1] if before else known[0][1]

    def last_speaker(self, position: int, person: bool = False, spoke: bool = False) -> _Speaker | None:
        """The latest subject before `position`: a person only, or one that spoke, when asked."""
        index = bisect_left(self.positions, position)
        for _pos, speaker, did_speak in reversed(self.speakers[:index]):
            if (speaker.is_person or not person) and (did_speak or not spoke):
                return speaker
        return None

    def is_known(self, name: str) -> bool:
        return name in self.evidenced

    def resolve(self, mention: _Mention, position: int) -> _Speaker | None:
        if mention.kind == "pronoun":
            last = self.last_speaker(position, person=True)
            if last is None:
                return None
            role, org = self.roles.get(last.name, (last.role, last.org))
            return _Speaker(last.name, role, org, "pronoun")
        if mention.kind in ("surname", "bare_surname"):
            full = self.surname(mention.text, position)
            if full is None:
                # A bare capitalised word is only a person when a full name explains it.
                return (
                    None
                    if mention.kind == "bare_surname"
                    else self._speaker(mention, mention.text, "surname")
                )
            return self._speaker(mention, full, "surname")
        if mention.kind == "name":
            # The end of a longer name given before ("Solís Manzanero" after "Efraín Solís
            # Manzanero", "Ní Bhriain" after "Nora Ní Bhriain") is that person.
            longer = [
                name
                for pos, name in self.full_names.get(mention.text.rsplit(" ", 1)[-1], ())
                if pos <= position and name.endswith(" " + mention.text)
            ]
            if longer:
                return self._speaker(mention, longer[-1], "surname")
            return self._speaker(mention, mention.text, "named")
        if mention.kind == "description":
            return self._speaker(mention, mention.text, "description")
        if mention.kind == "definite":
            # "the minister said" after "Health Minister Jo X said": the latest speaker in that job.
            head = mention.text.split()[-1]
            for _pos, speaker, _spoke in reversed(self.speakers):
                if speaker.is_person and head in (speaker.role or "").lower().split():
                    return _Speaker(speaker.name, speaker.role, speaker.org, "pronoun")
            if mention.role:  # "the spokeswoman", none described before
                return self._speaker(mention, mention.text, "description")
            return None  # "the new pricing reflected ...": a thing as often as a person
        if mention.kind == "org":
            return replace(self._speaker(mention, mention.text, "named"), is_person=False)
        return None

    def _speaker(self, mention: _Mention, name: str, resolution: str) -> _Speaker:
        if mention.role or mention.org:
            self.roles.setdefault(name, (mention.role, mention.org))
        role, org = self.roles.get(name, (None, None))
        return _Speaker(name, mention.role or role, mention.org or org, resolution)

    def said(self, position: int, speaker: _Speaker, spoke: bool = True) -> None:
        index = bisect_right(self.positions, position)
        self.positions.insert(index, position)
        self.speakers.insert(index, (position, speaker, spoke))


_PARAGRAPH_STRIDE = 1_000_000  # global position = paragraph index * stride + offset


def _full_name_mentions(masks: Sequence[str]) -> tuple[dict[str, list[tuple[int, str]]], set[str]]:
    """Every full personal name in the article (outside quotes) by surname, and the names with
    evidence of being a person: a title, a known given name, an appositive or a speech verb."""
    names: dict[str, list[tuple[int, str]]] = {}
    evidenced: set[str] = set()
    for index, masked in enumerate(masks):
        for match in _CAPITAL_RUN_OF_TWO.finditer(masked):
            full_name = _full_name_in(match[0])
            if full_name is None:
                continue
            name, surname, titled = full_name
            names.setdefault(surname, []).append((index * _PARAGRAPH_STRIDE + match.start(), name))
            if name not in evidenced and (
                titled
                or masked.startswith(",", match.end())
                or _starts_with_speech_verb(_strip_fillers_ahead(masked[match.end() :]))
            ):
                evidenced.add(name)
    return names, evidenced


@lru_cache(maxsize=4096)  # an article names the same people again and again
def _full_name_in(run: str) -> tuple[str, str, bool] | None:
    """(full name, surname, whether a title or a known given name shows it is a person) when a
    run of capitalised words names a person in full."""
    person = _person_from_run(_strip_possessive(run))
    if person is None or person[0] != "name":
        return None
    _kind, tokens, before = person
    # (A job title before the name shows a person as a courtesy title does: "Burgemeester Ria X".)
    title = before[-1] if before else ""
    titled = (
        title.rstrip(".") in _HONORIFICS
        or title in _JOB_WORDS
        or (bool(title) and _is_compound_job(title))
        or tokens[0] in _FIRST_NAMES
    )
    return " ".join(tokens), tokens[-1], titled


def _strip_fillers_ahead(text: str) -> str:
    text = text.lstrip()
    while (match := _LEADING_WORD.match(text)) and match[1].lower() in _FILLERS:
        text = text[match.end() :].lstrip()
    return text


# ---------------------------------------------------------------------------------------------
# Per quote


def _word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def _has_words(text: str, n: int) -> bool:
    """`_word_count(text) >= n`, reading only the first `n` words (quotes run to hundreds)."""
    return next(islice(_WORDS.finditer(text), n - 1, None), None) is not None


def _is_title(inner: str) -> bool:
    """Title Case without closing punctuation: the name of a report, campaign or programme."""
    if inner.rstrip()[-1:] in ".!?,":
        return False
    words = inner.split()
    if len(words) < 2:
        return False
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and all(w[:1].isupper() for w in long_words)


def _ends_like(text: str, last_words: tuple[str, ...]) -> bool:
    """Whether `text` ends with one of the lower-case `last_words` as IGNORECASE reads them."""
    tail = text[-_LONGEST_LAST_WORD:]
    if not tail.isascii():
        tail = tail.translate(_ASCII_FOLD)
    return tail.lower().endswith(last_words)


def _is_scare(text: str, masked: str, span: _Span, inner: str) -> bool:
    before = masked[: span.open]
    last_word_end = len(before) - _NON_WORD_RUN.match(before[::-1]).end()
    if _ends_like(before[:last_word_end], _SCARE_CUE_LAST_WORDS) and _SCARE_CUE_AT_END.search(
        masked, 0, span.open
    ):
        return True
    longest = _TERM_QUOTE_WORDS if _ARTICLE_AT_END.search(before) else SHORT_QUOTE_WORDS
    if _has_words(inner, longest + 1) or inner.rstrip()[-1:] in ".!?,":
        return False
    # A short phrase inside a noun phrase ("the 'back-office' functions").
    following = _LEADING_WORD.match(text[span.close + 1 :])
    attached = text[span.close + 1 : span.close + 2] == " "
    return bool(attached and following and following[1].islower() and following[1] not in _FUNCTION_WORDS)


@dataclass(frozen=True, slots=True)
class _Attribution:
    mention: _Mention
    position: int  # where the verb is in the paragraph


def _speech_verbs(masked: str) -> Iterator[re.Match[str]]:
    """Where `_SPEECH_VERB.finditer(masked)` matches, found faster (see `_SPEECH_VERB_LOWER`); the
    matched text of a match is lower-cased unless the paragraph holds a case-fold oddity."""
    if masked.isascii():
        return _SPEECH_VERB_ASCII.finditer(masked.lower())
    if _CASE_FOLD_ODDITY.search(masked):
        return _SPEECH_VERB.finditer(masked)
    return _SPEECH_VERB_LOWER.finditer(masked.lower())


def _starts_with_speech_verb(text: str) -> bool:
    """`_SPEECH_VERB.match(text)`, tried only when the first word of a speech verb starts `text`."""
    head = text[:_LONGEST_FIRST_VERB_WORD]
    if not (_CASE_FOLD_ODDITY.search(head) or _SPEECH_VERB_START.match(head.lower())):
        return False
    return _SPEECH_VERB.match(text) is not None


# (start, end) of a speech verb in its paragraph.
_Verb = tuple[int, int]


@lru_cache(maxsize=256)
def _paragraph_verbs(masked: str) -> tuple[_Verb, ...]:
    """Speech verbs of a paragraph outside quotes, passives ("was advised to") left out."""
    return tuple(
        m.span()
        for m in _speech_verbs(masked)
        if not _PASSIVE_BEFORE.search(masked, max(0, m.start() - _LOOKBEHIND), m.start())
    )


def _verbs(masked: str, start: int, end: int) -> list[_Verb]:
    return [verb for verb in _paragraph_verbs(masked) if start <= verb[0] and verb[1] <= end]


def _subject_of(masked: str, verb: _Verb, clause_start: int, sentence_end: int) -> _Mention | None:
    verb_start, verb_end = verb
    segment = masked[clause_start:verb_start]
    if masked.startswith("according", verb_start, verb_end):
        return _subject_at_start(masked[verb_end:sentence_end])
    if not segment.strip(" ,\x00\u2014\u2013-"):
        return _subject_at_start(masked[verb_end:sentence_end])
    mention = _subject_at_end(segment)
    if mention is None and segment.rstrip().endswith(","):
        # "The drive was wrong, said Dr X": the subject follows the verb.
        mention = _subject_at_start(masked[verb_end:sentence_end])
    return mention


def _attribution(
    masked: str,
    span: _Span,
    sentence: tuple[int, int],
    spans: Sequence[_Span],
    sentences: Sequence[tuple[int, int]],
) -> tuple[_Attribution | None, bool]:
    """The speech verb and subject for a quote, and whether they came from the quote's sentence."""
    start, end = sentence
    previous_close = max(
        (s.close + 1 for s in spans if s.close < span.open and s.open >= start), default=start
    )
    next_open = min((s.open for s in spans if s.open > span.close), default=end)

    # After the quote: "'...,' Dr X said" / "'...,' said a spokesman" (only the subject in between).
    for verb in _verbs(masked, span.close + 1, min(next_open, end)):
        mention = _subject_of(masked, verb, span.close + 1, end)
        bare = _BARE_NOUNS.match(masked[span.close + 1 : verb[0]])
        if mention is None and bare and _is_description(bare["words"]):
            mention = _Mention("description", bare["words"], start=bare.start("words"))
        if mention is not None and not masked[span.close + 1 : span.close + 1 + mention.start].strip(
            " ,\u2014\u2013-"
        ):
            return _Attribution(mention, verb[0]), True
        break
    # Before the quote in its sentence, nearest first: "X, director of Y, said it was 'very new'".
    for verb in reversed(_verbs(masked, start, span.open)):
        clause_start = max(
            (s.close + 1 for s in spans if s.close < verb[0] and s.open >= start), default=start
        )
        mention = _subject_of(masked, verb, clause_start, span.open)
        if mention is not None:
            if mention.kind != "document" and _DOCUMENT_SOURCE.search(masked, verb[1], span.open):
                return _Attribution(_Mention("document", ""), verb[0]), True
            return _Attribution(mention, verb[0]), True
    # Later in the sentence, after other words: "'...' in the coming year, X said."
    for verb in _verbs(masked, span.close + 1, end):
        mention = _subject_of(masked, verb, max(previous_close, span.close + 1), end)
        if mention is not None:
            return _Attribution(mention, verb[0]), True

    position = sentences.index(sentence)
    # A short attribution sentence right after: "'We will win.' Dr X said."
    if position + 1 < len(sentences):
        n_start, n_end = sentences[position + 1]
        if _word_count(masked[n_start:n_end].replace(_MASK, " ")) <= ATTRIBUTION_SENTENCE_WORDS:
            for verb in _verbs(masked, n_start, n_end):
                mention = _subject_of(masked, verb, n_start, n_end)
                if mention is not None:
                    return _Attribution(mention, verb[0]), False
    # Earlier in the paragraph: "X warned that ... . 'They have been ...'"
    for p_start, p_end in reversed(sentences[:position]):
        for verb in reversed(_verbs(masked, p_start, p_end)):
            mention = _subject_of(masked, verb, p_start, p_end)
            if mention is not None:
                return _Attribution(mention, verb[0]), False
    return None, False


def _standalone(masked: str, span: _Span, sentence: tuple[int, int]) -> bool:
    """The quote is its whole paragraph opening or its whole sentence."""
    before = masked[: span.open]
    outside = masked[sentence[0] : sentence[1]].replace(_MASK, "")
    return not before.strip() or not outside.strip(" .,;:!?\u2014\u2013-")


def extract_quotes(paragraphs: Sequence[Paragraph], byline: Sequence[str] = ()) -> tuple[Quote, ...]:
    """Quoted speech in `paragraphs`, in order, each with its speaker resolved where possible.

    `byline` names the article's authors: they are the reporters, never the speakers.
    """
    authors = {name.strip() for name in byline}
    texts = [p.text for p in paragraphs]
    opens_quote = [bool(t.lstrip()) and t.lstrip()[0] in _DOUBLE_OPEN + _SINGLE_OPEN for t in texts]
    all_spans = [
        _quote_spans(t, next_opens)
        for t, next_opens in zip(texts, [*opens_quote[1:], False][: len(texts)], strict=True)
    ]
    _add_dash_quotes(texts, all_spans)
    # Sentences after the last quote only tell the timeline who spoke, which no quote needs then.
    last_quoted = max((index for index, spans in enumerate(all_spans) if spans), default=None)
    if last_quoted is None:
        return ()
    last_open = all_spans[last_quoted][-1].open
    masks = [_masked(t, s) for t, s in zip(texts, all_spans, strict=True)]
    full_names, evidenced = _full_name_mentions(masks)
    for author in authors:
        surname = author.split()[-1] if author.split() else ""
        if surname in full_names:
            full_names[surname] = [(pos, name) for pos, name in full_names[surname] if name != author]
    timeline = _Timeline(full_names, evidenced, {}, [], authors)
    quotes: list[Quote] = []

    for index, (paragraph, text, spans, masked) in enumerate(
        zip(paragraphs, texts, all_spans, masks, strict=True)
    ):
        if index > last_quoted:
            break
        base = index * _PARAGRAPH_STRIDE
        sentences = _sentences(text, masked, spans)
        has_verbs = bool(_paragraph_verbs(masked))
        quoted_verbs: set[int] = set()
        previous: _Speaker | None = None
        for sentence in sentences:
            if index == last_quoted and sentence[0] > last_open:
                break
            # A person opening a sentence is who "he said" in the next one refers to, speech verb
            # or not ("Professor X, who chairs the board, defended the changes. He said ...").
            for opening in _opening_names(masked[sentence[0] : sentence[1]]):
                if opening.kind == "name" and not (
                    opening.text.split()[0] in _FIRST_NAMES
                    or timeline.is_known(opening.text)
                    # "Marlene X has worked there for years. She ...": a he/she after it shows a person.
                    or _PERSONAL_PRONOUN.search(masked, sentence[1]) is not None
                ):
                    continue
                speaker = timeline.resolve(opening, base + sentence[0])
                if speaker is not None and speaker.name not in authors:
                    timeline.said(base + sentence[0], speaker, spoke=False)
                    break
            for span in spans:
                if not sentence[0] <= span.open < sentence[1]:
                    continue
                quote = _quote(paragraph, masked, span, sentence, spans, sentences, timeline, base, previous)
                if quote is None:
                    continue
                quote_obj, speaker, verb_position = quote
                if verb_position is not None:
                    quoted_verbs.add(verb_position)
                previous = speaker
                quotes.append(quote_obj)
            # Speech verbs without a quote still set who "he said" refers to next.
            for verb in _verbs(masked, *sentence) if has_verbs else ():
                if verb[0] in quoted_verbs:
                    continue
                mention = _subject_of(masked, verb, sentence[0], sentence[1])
                speaker = timeline.resolve(mention, base + verb[0]) if mention else None
                if speaker is not None and speaker.name not in authors:
                    timeline.said(base + verb[0], speaker)
    return tuple(quotes)


def _quote(
    paragraph: Paragraph,
    masked: str,
    span: _Span,
    sentence: tuple[int, int],
    spans: Sequence[_Span],
    sentences: Sequence[tuple[int, int]],
    timeline: _Timeline,
    base: int,
    previous: _Speaker | None,
) -> tuple[Quote, _Speaker, int | None] | None:
    """The quote at `span` with its speaker, and where its speech verb is; None when not speech."""
    text = paragraph.text
    start, end = span.open + 1, span.close
    inner = text[start:end]
    start += len(inner) - len(inner.lstrip())
    end -= len(inner) - len(inner.rstrip())
    inner = text[start:end]
    if (
        not inner
        or _is_title(inner)
        or _is_scare(text, masked, span, inner)
        or _SO_CALLED_AT_START.match(inner)
    ):
        return None
    attribution, same_sentence = _attribution(masked, span, sentence, spans, sentences)
    speaker: _Speaker | None = None
    verb_position = None
    if attribution is not None:
        if attribution.mention.kind == "document":
            return None
        if not same_sentence and not _has_words(inner, SHORT_QUOTE_WORDS + 1):
            return None
        speaker = timeline.resolve(attribution.mention, base + attribution.position)
        if speaker is not None and speaker.name in timeline.authors:
            speaker = None
        if speaker is not None:
            verb_position = attribution.position
            timeline.said(base + attribution.position, speaker)
    if (
        speaker is None
        and _has_words(inner, FOLLOW_ON_MIN_WORDS)
        and (previous is not None or _standalone(masked, span, sentence))
    ):
        # The same speaker as the quote before it in this paragraph, or a quote standing alone
        # that carries on the last speaker.
        last = previous or timeline.last_speaker(base + span.open, spoke=True)
        if last is not None:
            speaker = _Speaker(last.name, last.role, last.org, "follow_on")
    if speaker is None:
        return None
    quote = Quote(
        paragraph.ordinal, start, end, inner, speaker.name, speaker.role, speaker.org, speaker.resolution
    )
    return quote, speaker, verb_position
