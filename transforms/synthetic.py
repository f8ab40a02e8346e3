"""A deterministic synthetic corpus: page dumps and HTML pages from ~60 fictional sites.

Scale (10k-100k documents) can be tested without shipping data: `generate_corpus(n, seed)`
streams (relative file name, bytes) pairs, one document at a time. Every document is made from
its own `random.Random(f"{seed}:{index}")`, so a document never depends on how many were asked
for (the first 10k of a 100k corpus are the 10k corpus) and the same call gives the same bytes.

What a corpus holds:
- articles of ~400-900 words made from templated sentences about fictional people, places and
  organisations, with headline, standfirst, byline, dateline (sometimes "Updated"), quotes in
  several attribution forms, crossheads, list items, a caption printed twice;
- each site's stable chrome around them: tagline, navigation, sign-in prompts, cookie banner,
  rating widget, "Most read"/"Just published" teasers with truncated standfirsts, "Read more:"
  lines, share and comment prompts, footer links and copyright;
- text dumps in two layouts (blank-line separated blocks; one block per line whose first line
  is "<headline> | <Site>") and HTML pages (`html_share` of documents, a few gzip-compressed)
  with nav, article, aside, comments, footer, JSON-LD NewsArticle and og:site_name;
- ~3% exact or near duplicates of an earlier article (a re-crawl, or a syndicated copy on
  another site with a new headline and one paragraph dropped), ~2% non-articles (login walls,
  404 pages, teaser index pages) and a few bad inputs (empty, binary, truncated gzip) at fixed
  positions.

`generate_gold(n, seed, html_share)` yields, for the same documents, the record the gold format
of ../shared/samples/gold.jsonl would hold (title, byline, date, publisher, body, quotes,
duplicate_of), known by construction, so extraction can be scored on corpora of any size.

Everything is assembled from word lists and templates in rules/synthetic_*.json. Sentence,
headline and quote pools are filled once per beat (with a fixed seed, so they are the same for
every corpus) and per-site chrome once per site; per document only choices and string joins
remain, which keeps generation at thousands of documents per second.
"""

from __future__ import annotations

import gzip
import html
import json
import math
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, TypeVar

from transforms.rules import load_json

T = TypeVar("T")

_VOCAB: dict[str, Any] = load_json("synthetic_vocabulary.json")
_TEMPLATES: dict[str, Any] = load_json("synthetic_templates.json")
_CHROME: dict[str, Any] = _VOCAB["site_chrome"]
_HTML_STYLE: dict[str, Any] = _VOCAB["html"]
_WORDS: dict[str, list[str]] = _VOCAB["words"]

SITE_COUNT = 60
_BEATS = tuple(sorted(_VOCAB["beats"]))

# Document kinds, decided by the first draw of a document's random stream (cumulative shares).
KIND_ARTICLE = "article"
KIND_EXACT_DUPLICATE = "exact_duplicate"
KIND_NEAR_DUPLICATE = "near_duplicate"
KIND_LOGIN_WALL = "login_wall"
KIND_NOT_FOUND = "not_found"
KIND_INDEX = "index"
KIND_EMPTY = "empty"
KIND_BINARY = "binary"
KIND_TRUNCATED_GZIP = "truncated_gzip"
_KIND_THRESHOLDS = (
    (0.01, KIND_EXACT_DUPLICATE),
    (0.03, KIND_NEAR_DUPLICATE),
    (0.037, KIND_LOGIN_WALL),
    (0.044, KIND_NOT_FOUND),
    (0.05, KIND_INDEX),
)
# Bad inputs sit at fixed positions so every corpus of a given size has the same ones.
BAD_INPUT_POSITIONS: dict[int, str] = {
    13: KIND_EMPTY,
    257: KIND_BINARY,
    1031: KIND_TRUNCATED_GZIP,
    4099: KIND_BINARY,
    16411: KIND_EMPTY,
    65537: KIND_BINARY,
}
_BINARY_HEADERS = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"PK\x03\x04\x14\x00\x06\x00",
)
# A duplicate copies one of this many documents before it (a re-crawl or syndication is recent).
_DUPLICATE_LOOKBACK = 2000
# Share of HTML documents served gzip-compressed (.html.gz).
_GZIP_SHARE = 0.04

# Per-beat pools. Sentences and quotes are kept per template (this many fillings of each) so a
# story can avoid using one template twice; the other pools are plain random fillings.
_FILLS_PER_TEMPLATE = 30
_POOL_SIZES = {
    "standfirsts": 400,
    "headlines": 800,
    "partials": 200,
    "list_items": 300,
    "comments": 60,
    "bios": 60,
}
_TEASER_POOL = 40

_BUILD_SLOT = re.compile(r"\[(\w+)\]")
_ARTICLE_BEFORE_VOWEL = re.compile(r"\b([Aa]) (?=[aeiou])")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
# Placeholders resolved only when a story is rendered on a site: its quote marks and its name.
_OPEN_QUOTE = "\x01"
_CLOSE_QUOTE = "\x02"
_SITE_NAME = "\x03"
_QUOTE_MARKS = (("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("'", "'"))
_QUOTE_MARK_WEIGHTS = (5, 3, 2, 1)
_START_DATE = date(2005, 1, 1)
_DATE_SPAN_DAYS = 20 * 365


# Indexing with random() is several times cheaper than choice()/randrange(), and generation speed
# is what makes 100k-document corpora practical (the slight bias of float indexing is harmless).
def _pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]


def _below(rng: random.Random, stop: int) -> int:
    return int(rng.random() * stop)


def _between(rng: random.Random, start: int, stop: int) -> int:
    return start + int(rng.random() * (stop - start))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _slug(text: str, limit: int = 60) -> str:
    slug = _SLUG_JUNK.sub("-", text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "page"


def _truncate(text: str, limit: int) -> str:
    """A teaser standfirst: cut at a word boundary and marked with '...'."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "..."


# ---------------------------------------------------------------------------------------------
# Per-beat pools of sentences, headlines and quotes (build-time [slots] filled, {entities} left)


@dataclass(frozen=True, slots=True)
class _Deck:
    """Fillings of a list of templates, grouped by template: fillings[template * fills + k]."""

    fillings: tuple[str, ...]
    words: tuple[int, ...]
    templates: int
    fills: int
    strides: tuple[int, ...]  # steps through the templates that visit every one before repeating


@dataclass(frozen=True, slots=True)
class _Pools:
    beat: str
    vocab: dict[str, Any]
    sentences: _Deck
    quotes: _Deck
    standfirsts: tuple[str, ...]
    headlines: tuple[str, ...]
    partials: tuple[str, ...]
    list_items: tuple[str, ...]
    comments: tuple[str, ...]
    bios: tuple[str, ...]


def _fill_build_slots(template: str, beat_vocab: dict[str, Any], rng: random.Random) -> str:
    def choose(match: re.Match[str]) -> str:
        slot = match.group(1)
        words = beat_vocab.get(slot) or _WORDS[slot]
        return _pick(rng, words)

    return _ARTICLE_BEFORE_VOWEL.sub(r"\1n ", _BUILD_SLOT.sub(choose, template))


def _deck(templates: list[str], beat_vocab: dict[str, Any], rng: random.Random) -> _Deck:
    fillings = tuple(
        _fill_build_slots(template, beat_vocab, rng)
        for template in templates
        for _ in range(_FILLS_PER_TEMPLATE)
    )
    count = len(templates)
    return _Deck(
        fillings=fillings,
        words=tuple(text.count(" ") + 1 for text in fillings),
        templates=count,
        fills=_FILLS_PER_TEMPLATE,
        strides=tuple(step for step in range(1, count) if math.gcd(step, count) == 1),
    )


@cache
def _pools(beat: str) -> _Pools:
    """The beat's pools, filled with a fixed seed so every corpus draws from the same pools."""
    rng = random.Random(f"pools:{beat}")
    beat_vocab = _VOCAB["beats"][beat]
    filled = {
        name: tuple(_fill_build_slots(_pick(rng, _TEMPLATES[name]), beat_vocab, rng) for _ in range(size))
        for name, size in _POOL_SIZES.items()
    }
    return _Pools(
        beat=beat,
        vocab=beat_vocab,
        sentences=_deck(_TEMPLATES["sentences"], beat_vocab, rng),
        quotes=_deck(_TEMPLATES["quotes"], beat_vocab, rng),
        **filled,
    )


class _Dealer:
    """Deals one story's sentences or quotes: no template twice until every one has been used."""

    __slots__ = ("_deck", "_rng", "_position", "_stride")

    def __init__(self, deck: _Deck, rng: random.Random) -> None:
        self._deck = deck
        self._rng = rng
        self._position = _below(rng, deck.templates)
        self._stride = _pick(rng, deck.strides)

    def deal(self, count: int = 1) -> tuple[str, int]:
        """`count` fillings joined by spaces, and their number of words."""
        deck = self._deck
        fills, templates, fillings, word_counts = deck.fills, deck.templates, deck.fillings, deck.words
        random_ = self._rng.random
        position, stride = self._position, self._stride
        texts = []
        words = 0
        for _ in range(count):
            position = (position + stride) % templates
            at = position * fills + int(random_() * fills)
            texts.append(fillings[at])
            words += word_counts[at]
        self._position = position
        return " ".join(texts), words


# ---------------------------------------------------------------------------------------------
# Cast of a story: people, organisations, places, numbers


@dataclass(frozen=True, slots=True)
class _Person:
    name: str  # "Jane Doe"
    full: str  # "Dr Jane Doe"
    ref: str  # how later paragraphs call them: "Dr Doe", "Ms Doe" or "Doe"
    female: bool


_PLACE_HEADS: tuple[str, ...] = tuple(_VOCAB["place_heads"])
_PLACE_TAILS: tuple[str, ...] = tuple(_VOCAB["place_tails"])
_FIRST_NAMES = (tuple(_VOCAB["first_names_male"]), tuple(_VOCAB["first_names_female"]))
_SURNAMES: tuple[str, ...] = tuple(_VOCAB["surnames"])
_HONORIFICS: tuple[str, ...] = tuple(_VOCAB["honorifics"])
# Honorifics a later reference keeps with the given name ("Sir John"), and their gender.
_GIVEN_NAME_HONORIFICS = {"Sir": False, "Dame": True}


def _place(rng: random.Random) -> str:
    random_ = rng.random
    return _PLACE_HEADS[int(random_() * len(_PLACE_HEADS))] + _PLACE_TAILS[int(random_() * len(_PLACE_TAILS))]


def _person(rng: random.Random, bare_surnames: bool) -> _Person:
    random_ = rng.random
    female = random_() < 0.5
    names = _FIRST_NAMES[female]
    first = names[int(random_() * len(names))]
    last = _SURNAMES[int(random_() * len(_SURNAMES))]
    honorific = _HONORIFICS[int(random_() * len(_HONORIFICS))]
    gendered = _GIVEN_NAME_HONORIFICS.get(honorific)
    if gendered is not None and gendered != female:
        honorific = ""
    name = f"{first} {last}"
    full = f"{honorific} {name}" if honorific else name
    if bare_surnames:
        ref = last
    elif honorific in _GIVEN_NAME_HONORIFICS:
        ref = f"{honorific} {first}"
    elif honorific:
        ref = f"{honorific} {last}"
    else:
        ref = f"{'Ms' if female else 'Mr'} {last}"
    return _Person(name, full, ref, female)


def _money(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"\u00a3{rng.uniform(0.4, 480):.1f}m"
    return f"\u00a3{_between(rng, 20, 990) * 1000:,}"


def _cast(rng: random.Random, pools: _Pools, published: date) -> dict[str, str]:
    """Story-level values for the {entity} slots of pooled templates."""
    vocab = pools.vocab
    place, place2 = _place(rng), _place(rng)
    topic, topic2 = rng.sample(vocab["topic"], 2)
    org = f"{place} {_pick(rng, vocab['org_tails'])}"
    org2 = f"{place2} {_pick(rng, vocab['org_tails'])}"
    group = _pick(rng, vocab["group"])
    natorg = f"the {_pick(rng, _VOCAB['org_heads'])} {_pick(rng, vocab['national_org_tails'])}"
    ministry = _pick(rng, vocab["ministry"])
    money = _money(rng)
    pct = str(_between(rng, 3, 79))
    return {
        "org": org,
        "Org": org,
        "org2": org2,
        "Org2": org2,
        "natorg": natorg,
        "Natorg": _capitalise(natorg),
        "ministry": ministry,
        "Ministry": _capitalise(ministry),
        "ministry_name": ministry.removeprefix("the "),
        "natorg_name": natorg.removeprefix("the "),
        "place": place,
        "Place": place,
        "place2": place2,
        "region": _pick(rng, _VOCAB["regions"]),
        "group": group,
        "Group": _capitalise(group),
        "topic": topic,
        "Topic": _capitalise(topic),
        "topic2": topic2,
        "thing": _pick(rng, vocab["thing"]),
        "event": _pick(rng, vocab["event"]),
        "pct": pct,
        "Pct": pct,
        "pct2": str(_between(rng, 3, 79)),
        "n1": str(_between(rng, 12, 900)),
        "n2": f"{_between(rng, 1, 40) * 50:,}",
        "money": money,
        "Money": money,
        "year": str(published.year),
        "year0": str(published.year - _between(rng, 2, 12)),
        "site": _SITE_NAME,
        "oq": _OPEN_QUOTE,
        "cq": _CLOSE_QUOTE,
    }


# ---------------------------------------------------------------------------------------------
# Stories: headline, byline, dates and body blocks, independent of the site that prints them


@dataclass(frozen=True, slots=True)
class _Story:
    headline: str
    standfirst: str
    authors: tuple[str, ...]
    author_role: str
    published: date
    updated: date | None
    minute: int  # minutes after midnight, for datelines with a time
    blocks: tuple[tuple[str, str], ...]  # (kind, text): body, quote, crosshead, list_intro, list_item, bio
    speakers: tuple[str | None, ...]  # per block: who the quotes in it are by (gold speaker form)
    caption: str
    section: str
    cast: dict[str, str]  # the story's {entity} values, for a syndicated copy's new headline


def _quote_text(quotes: _Dealer, rng: random.Random) -> tuple[str, str]:
    quote, _ = quotes.deal(2 if rng.random() < 0.3 else 1)
    # The comma before the attribution stays inside the quote marks (British news style).
    comma = quote[:-1] + "," if quote.endswith(".") else quote
    return quote, comma


def _speaker_fields(person: _Person, role: str, org: str) -> dict[str, str]:
    return {
        "name": person.name,
        "p": person.full,
        "p_ref": person.ref,
        "p_role": role,
        "p_org": org,
        "he": "she" if person.female else "he",
        "He": "She" if person.female else "He",
    }


class _LaterFields(dict[str, str]):
    """Format fields that leave unknown {slots} in place, for the story's final format pass."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _quote_paragraph(
    template: str, speaker: dict[str, str], quotes: _Dealer, pools: _Pools, rng: random.Random
) -> tuple[str, int]:
    """A quote paragraph in one attribution form, and its number of words."""
    fields = _LaterFields(speaker)
    quote, fields["q_comma"] = _quote_text(quotes, rng)
    fields["q"] = quote
    fields["q2"] = quotes.deal()[0] if "{q2}" in template else ""
    fields["partial"] = _pick(rng, pools.partials)
    text = template.format_map(fields)
    return text, text.count(" ") + 1


_SENTENCES_PER_PARAGRAPH = (1, 2, 2, 3, 3, 4)
_ATTRIBUTION_OPEN: tuple[str, ...] = tuple(_TEMPLATES["attribution_open"])
_ATTRIBUTION_FOLLOW: tuple[str, ...] = tuple(_TEMPLATES["attribution_follow"])
_ATTRIBUTION_UNNAMED: tuple[dict[str, str], ...] = tuple(_TEMPLATES["attribution_unnamed"])


def _body_paragraph(sentences: _Dealer, rng: random.Random) -> tuple[str, int]:
    return sentences.deal(_pick(rng, _SENTENCES_PER_PARAGRAPH))


def _make_story(rng: random.Random, beat: str) -> _Story:
    """A story, drawn from a document's stream right after its plan (so duplicates can re-create it)."""
    pools = _pools(beat)
    published = _START_DATE + timedelta(days=_below(rng, _DATE_SPAN_DAYS))
    cast = _cast(rng, pools, published)
    bare_surnames = rng.random() < 0.3
    speakers = [
        _speaker_fields(_person(rng, bare_surnames), _pick(rng, pools.vocab["role"]), org)
        for org in (cast["org"], cast["natorg"], cast["org2"])[: _pick(rng, (1, 2, 2, 3))]
    ]
    opinion = rng.random() < 0.08
    author_count = 0 if rng.random() < 0.08 else _pick(rng, (1, 1, 1, 1, 2))
    authors = tuple(_person(rng, False).name for _ in range(author_count))

    sentences = _Dealer(pools.sentences, rng)
    quotes = _Dealer(pools.quotes, rng)
    target_words = _between(rng, 280, 660)
    raw: list[tuple[str, str]] = []
    quoted: list[str | None] = []  # speaker of each raw block; descriptions still carry {slots}
    words = 0
    since_crosshead = 0
    speaker_at = -1  # index into speakers of the one currently quoted
    follows_left = 0
    list_done = rng.random() < 0.7
    unnamed_done = rng.random() < 0.5
    while words < target_words:
        draw = rng.random()
        speaker: str | None = None
        if len(raw) < 2 or draw < 0.38:
            text, count = _body_paragraph(sentences, rng)
            raw.append(("body", text))
            words += count
        elif follows_left and draw < 0.62:
            template = _pick(rng, _ATTRIBUTION_FOLLOW)
            text, count = _quote_paragraph(template, speakers[speaker_at], quotes, pools, rng)
            raw.append(("quote", text))
            speaker = speakers[speaker_at]["name"]
            follows_left -= 1
            words += count
        elif speaker_at + 1 < len(speakers) and draw < 0.8:
            speaker_at += 1
            follows_left = _pick(rng, (0, 1, 1, 2, 2, 3))
            template = _pick(rng, _ATTRIBUTION_OPEN)
            text, count = _quote_paragraph(template, speakers[speaker_at], quotes, pools, rng)
            raw.append(("quote", text))
            speaker = speakers[speaker_at]["name"]
            words += count
        elif not unnamed_done and draw < 0.86:
            unnamed_done = True
            unnamed = _pick(rng, _ATTRIBUTION_UNNAMED)
            text, count = _quote_paragraph(unnamed["form"], {}, quotes, pools, rng)
            raw.append(("quote", text))
            speaker = unnamed["speaker"]
            words += count
        elif since_crosshead >= 4 and draw < 0.93:
            raw.append(("crosshead", _pick(rng, _WORDS["crosshead"])))
            since_crosshead = -1
            words += 3
        elif not list_done:
            list_done = True
            raw.append(("list_intro", _pick(rng, _WORDS["list_intro"])))
            for item in rng.sample(pools.list_items, _between(rng, 3, 6)):
                raw.append(("list_item", _capitalise(item)))
                words += item.count(" ") + 1
        else:
            text, count = _body_paragraph(sentences, rng)
            raw.append(("body", text))
            words += count
        quoted.extend([speaker] * (len(raw) - len(quoted)))
        since_crosshead += 1
    if opinion and authors:
        raw.append(("bio", _pick(rng, pools.bios).replace("{author}", authors[0])))
        quoted.append(None)

    headline = _pick(rng, pools.headlines)
    standfirst = _pick(rng, pools.standfirsts)
    # One format pass over everything fills the {entity} slots (pooled quotes included).
    joined = "\n".join([headline, standfirst, *(text for _, text in raw)]).format_map(cast)
    lines = joined.split("\n")
    first = speakers[0]
    return _Story(
        headline=_capitalise(lines[0]),
        standfirst=lines[1],
        authors=authors,
        author_role=_pick(rng, _CHROME["author_roles"]),
        published=published,
        updated=published + timedelta(days=_between(rng, 0, 9)) if rng.random() < 0.25 else None,
        minute=_between(rng, 6 * 60, 22 * 60),
        blocks=tuple((kind, text) for (kind, _), text in zip(raw, lines[2:], strict=True)),
        speakers=tuple(speaker.format_map(cast) if speaker else None for speaker in quoted),
        caption=f"{first['p']}: {_pick(rng, _WORDS['caption_phrase'])}",
        section=_pick(rng, pools.vocab["nav"][:4]),
        cast=cast,
    )


def _syndicated(story: _Story, rng: random.Random, beat: str) -> _Story:
    """The story as another site reprints it: new headline, one paragraph dropped, a day or two later."""
    pools = _pools(beat)
    droppable = [i for i, (kind, _) in enumerate(story.blocks) if kind == "body" and i > 0]
    dropped = _pick(rng, droppable) if droppable else -1
    headline = _pick(rng, pools.headlines).format_map(story.cast)
    return _Story(
        headline=_capitalise(headline),
        standfirst=story.standfirst,
        authors=story.authors,
        author_role=story.author_role,
        published=story.published + timedelta(days=_between(rng, 0, 3)),
        updated=None,
        minute=story.minute,
        blocks=tuple(block for i, block in enumerate(story.blocks) if i != dropped),
        speakers=tuple(speaker for i, speaker in enumerate(story.speakers) if i != dropped),
        caption=story.caption,
        section=story.section,
        cast=story.cast,
    )


# ---------------------------------------------------------------------------------------------
# Sites: name, beat and chrome, built once per site index


@dataclass(frozen=True, slots=True)
class _Site:
    index: int
    name: str
    slug: str
    domain: str
    beat: str
    company: str
    quote_marks: tuple[str, str]
    layout: str  # "blocks" (blank-line separated) or "lines" (one block per line, title line first)
    newline: str
    encoding: str
    date_form: str
    updated_form: str
    byline_form: str
    header: tuple[str, ...]  # chrome lines above the article
    nav: tuple[str, ...]  # nav lines of a text dump
    nav_items: tuple[str, ...]
    sign_in: tuple[str, ...]
    cookie: tuple[str, ...]
    cookie_on_top: bool
    rating: tuple[str, ...]
    rating_bullet: str
    share: tuple[str, ...]
    comments: tuple[str, ...]
    reader_comments: bool
    teaser_headings: tuple[str, str]
    teasers: tuple[tuple[str, str], ...]  # (headline, truncated standfirst)
    teaser_standfirsts: tuple[str, ...]  # the same standfirsts in full (login walls print them)
    newsletter: str | None
    footer_links: tuple[str, ...]
    copyright: str
    read_more: str | None
    caption_style: str  # "none", "same_line" (printed twice on one line) or "two_lines"
    caption_on_top: bool
    list_bullet: str
    html: dict[str, str]  # class names and tags of the site's HTML template
    html_jsonld: bool


def _site_name(rng: random.Random, beat_vocab: dict[str, Any]) -> str:
    shape = _below(rng, 5)
    noun = _pick(rng, _VOCAB["masthead_nouns"])
    topic = _pick(rng, beat_vocab["masthead_topics"])
    periodical = _pick(rng, _VOCAB["periodical_words"])
    if shape == 0:
        return f"The {_pick(rng, _VOCAB['masthead_places'])} {noun}"
    if shape == 1:
        return f"{topic} {periodical} {noun}"
    if shape == 2:
        return f"{topic} {noun}"
    if shape == 3:
        return f"The {_place(rng)} {noun}"
    return f"{_pick(rng, _VOCAB['masthead_places'])} {topic} {periodical}"


def _teaser(rng: random.Random, pools: _Pools) -> tuple[str, str, str]:
    """(headline, truncated standfirst, full standfirst) of another story of the site."""
    cast = _cast(rng, pools, _START_DATE + timedelta(days=_below(rng, _DATE_SPAN_DAYS)))
    headline = _capitalise(_pick(rng, pools.headlines).format_map(cast))
    standfirst = _pick(rng, pools.standfirsts).format_map(cast)
    return headline, _truncate(standfirst, _between(rng, 60, 110)), standfirst


@cache
def _sites() -> tuple[_Site, ...]:
    """The fictional sites, the same for every seed (a corpus is a crawl of the same web)."""
    sites: list[_Site] = []
    taken: set[str] = set()
    for index in range(SITE_COUNT):
        rng = random.Random(f"site:{index}")
        beat = _BEATS[index % len(_BEATS)]
        beat_vocab = _VOCAB["beats"][beat]
        name = _site_name(rng, beat_vocab)
        while name in taken:
            name = _site_name(rng, beat_vocab)
        taken.add(name)
        slug = _slug(name.removeprefix("The "))
        founded = str(_between(rng, 1840, 1995))
        beat_word = _pick(rng, _CHROME["beat_words"][beat])
        tagline = _pick(rng, _CHROME["taglines"]).format(beat_word=beat_word, founded=founded)
        header = [tagline]
        if rng.random() < 0.4:
            header.insert(0, _pick(rng, beat_vocab["gate_line"]))
        nav = list(rng.sample(beat_vocab["nav"], _between(rng, 5, 9)))
        nav.insert(0, "Home")
        nav_lines = (" | ".join(nav),) if rng.random() < 0.5 else tuple(nav)
        if rng.random() < 0.3:
            nav_lines = (*nav_lines, "  ".join(rng.sample(beat_vocab["nav"], 4)))
        pools = _pools(beat)
        heading_pair = _pick(rng, _CHROME["teaser_headings"])
        cookie_text = _pick(rng, _CHROME["cookie_banners"])
        teasers = [_teaser(rng, pools) for _ in range(_TEASER_POOL)]
        site_html = {key: _pick(rng, values) for key, values in _HTML_STYLE.items() if key != "_comment"}
        sites.append(
            _Site(
                index=index,
                name=name,
                slug=slug,
                domain=f"www.{slug.replace('-', '')}.co.uk",
                beat=beat,
                company=f"{name.removeprefix('The ').split()[0]} {_pick(rng, _VOCAB['company_suffixes'])}",
                quote_marks=rng.choices(_QUOTE_MARKS, weights=_QUOTE_MARK_WEIGHTS)[0],
                layout="lines" if rng.random() < 0.3 else "blocks",
                newline="\r\n" if rng.random() < 0.1 else "\n",
                encoding="cp1252" if rng.random() < 0.1 else "utf-8",
                date_form=_pick(rng, _CHROME["date_forms"]),
                updated_form=_pick(rng, _CHROME["updated_forms"]),
                byline_form=_pick(rng, _CHROME["byline_forms"]),
                header=tuple(header),
                nav=nav_lines,
                nav_items=tuple(nav),
                sign_in=tuple(_pick(rng, _CHROME["sign_in"])),
                cookie=(cookie_text, *_pick(rng, _CHROME["cookie_buttons"]))
                if rng.random() < 0.5
                else (cookie_text,),
                cookie_on_top=rng.random() < 0.5,
                rating=tuple(_pick(rng, _CHROME["rating_widgets"])) if rng.random() < 0.5 else (),
                rating_bullet=_pick(rng, ("  \u2022 ", "", "* ")),
                share=tuple(_pick(rng, _CHROME["share_lines"])) if rng.random() < 0.7 else (),
                comments=tuple(_pick(rng, _CHROME["comment_lines"])),
                reader_comments=rng.random() < 0.3,
                teaser_headings=(heading_pair[0], heading_pair[1]),
                teasers=tuple((headline, short) for headline, short, _ in teasers),
                teaser_standfirsts=tuple(full for _, _, full in teasers),
                newsletter=_pick(rng, _CHROME["newsletter_lines"]) if rng.random() < 0.5 else None,
                footer_links=tuple(_pick(rng, _CHROME["footer_links"])),
                copyright=_pick(rng, _CHROME["footer_copyright"]),
                read_more=_pick(rng, _CHROME["read_more_labels"]) if rng.random() < 0.5 else None,
                caption_style=_pick(rng, ("none", "same_line", "same_line", "two_lines")),
                caption_on_top=rng.random() < 0.5,
                list_bullet=_pick(rng, ("", "\u2022 ", "- ")),
                html=site_html,
                html_jsonld=rng.random() < 0.9,
            )
        )
    return tuple(sites)


# Bigger and smaller sites: document shares fall off with the site's rank.
_SITE_CUMULATIVE_WEIGHTS = tuple(
    sum(1.0 / (rank + 4) ** 0.7 for rank in range(upto + 1)) for upto in range(SITE_COUNT)
)


# ---------------------------------------------------------------------------------------------
# Rendering: dates, bylines, text dumps and HTML pages


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _format_date(day: date, minute: int, form: str) -> str:
    month = _VOCAB["months"][day.month - 1]
    clock = _clock(minute)
    if form == "published_long":
        return f"Published {day.day} {month} {day.year}"
    if form == "long":
        return f"{day.day} {month} {day.year}"
    if form == "month_first":
        return f"{month} {day.day}, {day.year}"
    if form == "numeric":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if form == "iso":
        return day.isoformat()
    if form == "weekday":
        weekday = _VOCAB["weekdays_short"][day.weekday()]
        return f"{weekday} {day.day} {_VOCAB['months_short'][day.month - 1]} {day.year} {clock}"
    return f"{day.day} {month} {day.year}, {clock}"


def _datelines(story: _Story, site: _Site) -> list[str]:
    published = _format_date(story.published, story.minute, site.date_form)
    if story.updated is None:
        return [published]
    updated = "Updated " + _format_date(story.updated, story.minute, site.date_form).removeprefix(
        "Published "
    )
    if site.updated_form == "same_line":
        return [f"{published} | {updated}"]
    return [published, updated]


def _byline(story: _Story, site: _Site) -> str | None:
    if not story.authors:
        return None
    names = " and ".join(story.authors)
    return site.byline_form.format(authors=names, author_role=story.author_role)


def _resolve(text: str, site: _Site) -> str:
    """Put the site's quote marks and name into story text."""
    open_mark, close_mark = site.quote_marks
    return (
        text.replace(_OPEN_QUOTE, open_mark).replace(_CLOSE_QUOTE, close_mark).replace(_SITE_NAME, site.name)
    )


def _teaser_window(site: _Site, rng: random.Random, size: int) -> list[tuple[str, str]]:
    start = _below(rng, _TEASER_POOL)
    return [site.teasers[(start + k) % _TEASER_POOL] for k in range(size)]


def _footer(site: _Site, year: int) -> list[str]:
    regno = str(1_000_000 + site.index * 7919)
    return [*site.footer_links, site.copyright.format(year=year, company=site.company, regno=regno)]


@cache
def _text_header_lines(site_index: int) -> tuple[str, ...]:
    site = _sites()[site_index]
    cookie = site.cookie if site.cookie_on_top else ()
    return (*cookie, site.name, *site.header, *site.nav, *site.sign_in)


def _text_header(site: _Site) -> list[str]:
    return list(_text_header_lines(site.index))


def _text_teasers(site: _Site, rng: random.Random) -> list[str]:
    lines: list[str] = []
    for heading in site.teaser_headings:
        lines.append(heading)
        for headline, standfirst in _teaser_window(site, rng, _between(rng, 3, 6)):
            lines.append(headline)
            lines.append(standfirst)
    return lines


def _text_trailer(site: _Site, rng: random.Random, year: int) -> list[str]:
    lines = _text_teasers(site, rng)
    if site.newsletter:
        lines.append(site.newsletter)
    lines.extend(_footer(site, year))
    if not site.cookie_on_top:
        lines.extend(site.cookie)
    return lines


def _caption_lines(story: _Story, site: _Site) -> list[str]:
    if site.caption_style == "same_line":
        return [f"{story.caption} {story.caption}"]
    if site.caption_style == "two_lines":
        return [story.caption, story.caption]
    return []


def _rating_lines(site: _Site, rng: random.Random) -> list[str]:
    stars = _pick(rng, ("0", "1", "2", "3", "3.5", "4", "4.5", "5"))
    votes = str(_between(rng, 0, 60))
    lines = []
    for line in site.rating:
        line = line.format(stars=stars, votes=votes)
        # Only the per-star choices are list items ("1 star out of 5"), not the summary line.
        lines.append(site.rating_bullet + line if line.endswith(" out of 5") else line)
    return lines


def _comment_lines(
    site: _Site, pools: _Pools, rng: random.Random, story: _Story, with_text: bool
) -> list[str]:
    count = _between(rng, 0, 4) if with_text else _between(rng, 0, 40)
    lines = [line.format(comments=count) for line in site.comments]
    if with_text:
        for _ in range(count):
            commenter = _person(rng, True)
            when = story.published + timedelta(days=_between(rng, 0, 5))
            lines.append(f"{commenter.name} | {_format_date(when, _below(rng, 1440), 'long_time')}")
            lines.append(_pick(rng, pools.comments))
    return lines


def _render_text(story: _Story, site: _Site, rng: random.Random) -> str:
    pools = _pools(site.beat)
    lines = _text_header(site)
    lines.append(story.headline)
    lines.append(story.standfirst)
    byline = _byline(story, site)
    if byline:
        lines.append(byline)
    lines.extend(_datelines(story, site))
    if site.caption_on_top:
        lines.extend(_caption_lines(story, site))
    read_more_after = {4, 9} if site.read_more else set()
    for position, (kind, text) in enumerate(story.blocks):
        lines.append(site.list_bullet + text if kind == "list_item" else text)
        if position in read_more_after:
            lines.append(f"{site.read_more} {site.teasers[(position + story.minute) % _TEASER_POOL][0]}")
    if not site.caption_on_top:
        lines.extend(_caption_lines(story, site))
    lines.extend(_rating_lines(site, rng))
    lines.extend(site.share)
    lines.extend(_comment_lines(site, pools, rng, story, site.reader_comments))
    lines.extend(_text_trailer(site, rng, story.published.year + _between(rng, 0, 3)))
    return _text_document(lines, site, story.headline)


def _text_document(lines: list[str], site: _Site, title: str) -> str:
    if site.layout == "lines":
        return site.newline.join([f"{title} | {site.name}", *lines]) + site.newline
    return (site.newline * 2).join(lines) + site.newline


def _render_text_page(site: _Site, rng: random.Random, kind: str, year: int) -> tuple[str, str]:
    """A text dump of a non-article page: (title, text)."""
    lines = _text_header(site)
    if kind == KIND_LOGIN_WALL:
        teaser = _below(rng, _TEASER_POOL)
        title = site.teasers[teaser][0]
        lines.extend((title, site.teaser_standfirsts[teaser]))
        lines.extend(_pick(rng, _CHROME["login_wall"]))
    elif kind == KIND_NOT_FOUND:
        page = _pick(rng, _CHROME["not_found"])
        title = page[0]
        lines.extend(page)
    else:
        title = _pick(rng, _CHROME["index_titles"])
        lines.append(title)
        for headline, standfirst in _teaser_window(site, rng, _between(rng, 12, 21)):
            lines.extend((headline, standfirst))
        lines.append(_pick(rng, _CHROME["pagination"]).format(page=_between(rng, 1, 40), pages=40))
    lines.extend(_text_trailer(site, rng, year))
    return title, _resolve(_text_document(lines, site, title), site)


_ESCAPE = html.escape


def _esc(text: str) -> str:
    return _ESCAPE(text, quote=False)


def _esc_lines(texts: Sequence[str]) -> list[str]:
    """Escape many text nodes in one pass (none of them contains a newline)."""
    return _ESCAPE("\n".join(texts), quote=False).split("\n")


@dataclass(frozen=True, slots=True)
class _HtmlChrome:
    """A site's HTML furniture, escaped once."""

    header: str
    teaser_headings: tuple[str, str]
    teaser_items: tuple[str, ...]  # one <li> per teaser
    index_items: tuple[str, ...]  # the same teasers as index-page entries
    read_more: tuple[str, ...]  # one read-more paragraph per teaser
    footer_open: str
    script: str


@cache
def _html_chrome(site_index: int) -> _HtmlChrome:
    site = _sites()[site_index]
    style = site.html
    buttons = "".join(f"<button>{_esc(label)}</button>" for label in site.cookie[1:])
    cookie = f'<div class="{style["cookie_class"]}"><p>{_esc(site.cookie[0])}</p>{buttons}</div>'
    nav = "".join(f'<li><a href="/{_slug(item)}">{_esc(item)}</a></li>' for item in site.nav_items)
    account = " ".join(f'<a href="/account/{_slug(item)}">{_esc(item)}</a>' for item in site.sign_in)
    header = "\n".join(
        [
            f'<header class="{style["header_class"]}">',
            f'<a class="logo" href="https://{site.domain}/">{_esc(site.name)}</a>',
            *(f'<p class="tagline">{_esc(line)}</p>' for line in site.header),
            f'<nav class="{style["nav_class"]}"><ul>{nav}</ul></nav>',
            f'<div class="account">{account}</div>',
            "</header>",
        ]
    )
    teasers = [(_slug(headline), _esc(headline), _esc(standfirst)) for headline, standfirst in site.teasers]
    links = "".join(f'<li><a href="/{_slug(link)}">{_esc(link)}</a></li>' for link in site.footer_links)
    newsletter = f'<div class="newsletter"><p>{_esc(site.newsletter)}</p></div>' if site.newsletter else ""
    label = _esc(site.read_more or "")
    return _HtmlChrome(
        header=f"{cookie}\n{header}" if site.cookie_on_top else f"{header}\n{cookie}",
        teaser_headings=(_esc(site.teaser_headings[0]), _esc(site.teaser_headings[1])),
        teaser_items=tuple(f'<li><a href="/news/{slug}">{h}</a><p>{sf}</p></li>' for slug, h, sf in teasers),
        index_items=tuple(
            f'<li><h2><a href="/news/{slug}">{h}</a></h2><p>{sf}</p></li>' for slug, h, sf in teasers
        ),
        read_more=tuple(
            f'<p class="read-more">{label} <a href="/news/{slug}">{h}</a></p>' for slug, h, _ in teasers
        ),
        footer_open=f'<footer class="{style["footer_class"]}">{newsletter}<ul>{links}</ul>',
        script=f"<script>window.dataLayer = [{{'site': '{site.slug}', 'section': 'news'}}];</script>",
    )


def _html_head(site: _Site, title: str, description: str, extra: str) -> str:
    charset = "windows-1252" if site.encoding == "cp1252" else "utf-8"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en-GB">',
            "<head>",
            f'<meta charset="{charset}">',
            f"<title>{_esc(title)} | {_esc(site.name)}</title>",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="description" content="{_ESCAPE(description)}">',
            f'<meta property="og:site_name" content="{_ESCAPE(site.name)}">',
            f'<meta property="og:title" content="{_ESCAPE(title)}">',
            extra,
            f'<link rel="stylesheet" href="https://{site.domain}/static/css/main.css">',
            "</head>",
        ]
    )


def _html_aside(site: _Site, chrome: _HtmlChrome, rng: random.Random) -> str:
    parts = [f'<aside class="{site.html["aside_class"]}">']
    for heading in chrome.teaser_headings:
        start = _below(rng, _TEASER_POOL)
        items = (chrome.teaser_items[(start + k) % _TEASER_POOL] for k in range(_between(rng, 3, 6)))
        parts.append(f"<h3>{heading}</h3><ul>{''.join(items)}</ul>")
    parts.append("</aside>")
    return "\n".join(parts)


def _html_footer(site: _Site, chrome: _HtmlChrome, year: int) -> str:
    copyright_line = _esc(_footer(site, year)[-1])
    return f"{chrome.footer_open}<p>{copyright_line}</p></footer>\n{chrome.script}\n</body>\n</html>\n"


def _json_ld(story: _Story, site: _Site) -> str:
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.headline,
        "datePublished": f"{story.published.isoformat()}T{_clock(story.minute)}:00Z",
        "author": [{"@type": "Person", "name": name} for name in story.authors],
        "publisher": {"@type": "Organization", "name": site.name},
    }
    if story.updated:
        ld["dateModified"] = story.updated.isoformat()
    return f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'


def _render_html(story: _Story, site: _Site, rng: random.Random) -> str:
    style = site.html
    chrome = _html_chrome(site.index)
    headline = story.headline
    url = f"https://{site.domain}/{_slug(story.section)}/{_slug(headline)}"
    extra = [f'<link rel="canonical" href="{url}">', '<meta property="og:type" content="article">']
    if site.html_jsonld:
        extra.append(_json_ld(story, site))
    tag = style["article_tag"]
    parts = [
        _html_head(site, headline, story.standfirst, "\n".join(extra)),
        f'<body class="{site.beat}">',
        chrome.header,
        f'<main><{tag} class="{style["article_class"]}">',
        f"<h1>{_esc(headline)}</h1>",
        f'<p class="{style["standfirst_class"]}">{_esc(story.standfirst)}</p>',
    ]
    byline = _byline(story, site)
    if byline:
        parts.append(f'<div class="{style["byline_class"]}">{_esc(byline)}</div>')
    for line in _datelines(story, site):
        parts.append(f'<time datetime="{story.published.isoformat()}">{_esc(line)}</time>')
    if site.caption_style != "none":
        caption = _ESCAPE(story.caption)
        image = f"/images/{story.published.year}/{_slug(headline)[:30]}.jpg"
        parts.append(
            f'<figure><img src="{image}" alt="{caption}"><figcaption>{caption}</figcaption></figure>'
        )
    parts.append(f'<div class="{style["body_class"]}">')
    in_list = False
    read_more_after = (4, 9) if site.read_more else ()
    texts = _esc_lines([text for _, text in story.blocks])
    for position, ((kind, _), text) in enumerate(zip(story.blocks, texts, strict=True)):
        if kind == "list_item":
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li>{text}</li>")
            continue
        if in_list:
            parts.append("</ul>")
            in_list = False
        parts.append(f"<h2>{text}</h2>" if kind == "crosshead" else f"<p>{text}</p>")
        if position in read_more_after:
            parts.append(chrome.read_more[(position + story.minute) % _TEASER_POOL])
    if in_list:
        parts.append("</ul>")
    parts.append("</div>")
    if site.rating:
        parts.append(f'<div class="rating">{_esc(" ".join(_rating_lines(site, rng)))}</div>')
    if site.share:
        parts.append(f'<div class="share">{_esc(" ".join(site.share))}</div>')
    parts.append(f"</{tag}>")
    parts.append(_html_aside(site, chrome, rng))
    comment_lines = _esc_lines(_comment_lines(site, _pools(site.beat), rng, story, True))
    comments = "".join(f"<p>{line}</p>" for line in comment_lines[len(site.comments) :])
    parts.append(
        f'<section class="{style["comment_class"]}"><h3>{comment_lines[0]}</h3>{comments}</section></main>'
    )
    parts.append(_html_footer(site, chrome, story.published.year + _between(rng, 0, 3)))
    return _resolve("\n".join(parts), site)


def _render_html_page(site: _Site, rng: random.Random, kind: str, year: int) -> tuple[str, str]:
    """An HTML non-article page: (title, html)."""
    chrome = _html_chrome(site.index)
    body: list[str] = []
    if kind == KIND_LOGIN_WALL:
        teaser = _below(rng, _TEASER_POOL)
        title = site.teasers[teaser][0]
        body.append(f"<h1>{_esc(title)}</h1><p>{_esc(site.teaser_standfirsts[teaser])}</p>")
        body.append('<div class="paywall">')
        body.extend(f"<p>{_esc(line)}</p>" for line in _pick(rng, _CHROME["login_wall"]))
        body.append("</div>")
    elif kind == KIND_NOT_FOUND:
        page = _pick(rng, _CHROME["not_found"])
        title = page[0]
        body.append(f"<h1>{_esc(title)}</h1>")
        body.extend(f"<p>{_esc(line)}</p>" for line in page[1:])
    else:
        title = _pick(rng, _CHROME["index_titles"])
        start = _below(rng, _TEASER_POOL)
        items = "\n".join(
            chrome.index_items[(start + k) % _TEASER_POOL] for k in range(_between(rng, 12, 21))
        )
        pagination = _esc(_pick(rng, _CHROME["pagination"]).format(page=2, pages=40))
        body.append(f'<h1>{_esc(title)}</h1>\n<ul class="story-list">\n{items}\n</ul>')
        body.append(f'<p class="pagination">{pagination}</p>')
    parts = [
        _html_head(site, title, title, '<meta property="og:type" content="website">'),
        "<body>",
        chrome.header,
        "<main>",
        *body,
        "</main>",
        _html_aside(site, chrome, rng),
        _html_footer(site, chrome, year),
    ]
    return title, _resolve("\n".join(parts), site)


# ---------------------------------------------------------------------------------------------
# Documents


@dataclass(frozen=True, slots=True)
class _Plan:
    kind: str
    site: int
    is_html: bool
    gzipped: bool


def _plan(seed: int, index: int, html_share: float) -> tuple[_Plan, random.Random]:
    """What document `index` is, and the rest of its random stream."""
    rng = random.Random(f"{seed}:{index}")
    draw = rng.random()
    kind = BAD_INPUT_POSITIONS.get(index, KIND_ARTICLE)
    if kind == KIND_ARTICLE:
        kind = next((name for limit, name in _KIND_THRESHOLDS if draw < limit), KIND_ARTICLE)
    site = rng.choices(range(SITE_COUNT), cum_weights=_SITE_CUMULATIVE_WEIGHTS)[0]
    is_html = rng.random() < html_share
    gzipped = is_html and rng.random() < _GZIP_SHARE
    return _Plan(kind, site, is_html, gzipped), rng


def _encode(text: str, site: _Site) -> bytes:
    return text.encode(site.encoding)


def _file_name(site: _Site, index: int, title: str, plan: _Plan) -> str:
    extension = (".html.gz" if plan.gzipped else ".html") if plan.is_html else ".txt"
    return f"{site.slug}/{index:06d}-{_slug(title)}{extension}"


@dataclass(frozen=True, slots=True)
class _Rendered:
    """One generated document and what is true about it."""

    name: str
    data: bytes
    site: _Site
    is_html: bool
    story: _Story | None  # the article as printed; None for non-articles and bad inputs
    duplicate_of: str | None = None  # base name of the document this one copies


def _article(index: int, plan: _Plan, rng: random.Random, story: _Story) -> _Rendered:
    site = _sites()[plan.site]
    if plan.is_html:
        data = _encode(_render_html(story, site, rng), site)
        if plan.gzipped:
            data = gzip.compress(data, compresslevel=6, mtime=0)
    else:
        data = _encode(_resolve(_render_text(story, site, rng), site), site)
    return _Rendered(_file_name(site, index, story.headline, plan), data, site, plan.is_html, story)


def _original_article(seed: int, index: int, html_share: float) -> tuple[int, _Plan, random.Random] | None:
    """The latest plain article at or before `index` (what a duplicate copies), if any."""
    for candidate in range(index, max(-1, index - _DUPLICATE_LOOKBACK), -1):
        plan, rng = _plan(seed, candidate, html_share)
        if plan.kind == KIND_ARTICLE:
            return candidate, plan, rng
    return None


def _base_name(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _duplicate(seed: int, index: int, plan: _Plan, rng: random.Random, html_share: float) -> _Rendered | None:
    """An exact or near copy of a recent article (None when there is none to copy)."""
    sites = _sites()
    original = _original_article(
        seed, index - 1 - _below(rng, min(index, _DUPLICATE_LOOKBACK) or 1), html_share
    )
    if original is None:
        return None
    source_index, source_plan, source_rng = original
    source_beat = sites[source_plan.site].beat
    source_story = _make_story(source_rng, source_beat)
    if plan.kind == KIND_EXACT_DUPLICATE:
        # A re-crawl of the same page: the same bytes under a new name.
        source = _article(source_index, source_plan, source_rng, source_story)
        folder, base = source.name.split("/", 1)
        name = f"{folder}/{index:06d}-{base.split('-', 1)[1]}"
        return _Rendered(name, source.data, source.site, source.is_html, source.story, base)
    source_name = _file_name(sites[source_plan.site], source_index, source_story.headline, source_plan)
    story = _syndicated(source_story, rng, source_beat)
    if plan.site == source_plan.site:
        moved = (plan.site + 1 + _below(rng, SITE_COUNT - 1)) % SITE_COUNT
        plan = _Plan(plan.kind, moved, plan.is_html, plan.gzipped)
    copy = _article(index, plan, rng, story)
    return _Rendered(copy.name, copy.data, copy.site, copy.is_html, story, _base_name(source_name))


def _document(seed: int, index: int, html_share: float) -> _Rendered:
    plan, rng = _plan(seed, index, html_share)
    site = _sites()[plan.site]
    if plan.kind in (KIND_EXACT_DUPLICATE, KIND_NEAR_DUPLICATE):
        copy = _duplicate(seed, index, plan, rng, html_share)
        if copy is not None:
            return copy
        plan = _Plan(KIND_ARTICLE, plan.site, plan.is_html, plan.gzipped)
    if plan.kind == KIND_ARTICLE:
        return _article(index, plan, rng, _make_story(rng, site.beat))
    if plan.kind == KIND_EMPTY:
        return _Rendered(f"{site.slug}/{index:06d}-untitled.txt", b"", site, False, None)
    if plan.kind == KIND_BINARY:
        header = _BINARY_HEADERS[index % len(_BINARY_HEADERS)]
        data = header + rng.randbytes(_between(rng, 2000, 6000))
        return _Rendered(f"{site.slug}/{index:06d}-attachment.txt", data, site, False, None)
    year = 2005 + _below(rng, 20)
    if plan.kind == KIND_TRUNCATED_GZIP:
        title, page = _render_html_page(site, rng, KIND_INDEX, year)
        data = gzip.compress(_encode(page, site), mtime=0)
        return _Rendered(
            f"{site.slug}/{index:06d}-{_slug(title)}.html.gz", data[: len(data) // 2], site, True, None
        )
    if plan.is_html:
        title, page = _render_html_page(site, rng, plan.kind, year)
        data = _encode(page, site)
        if plan.gzipped:
            data = gzip.compress(data, compresslevel=6, mtime=0)
    else:
        title, page = _render_text_page(site, rng, plan.kind, year)
        data = _encode(page, site)
    return _Rendered(_file_name(site, index, title, plan), data, site, plan.is_html, None)


def _check_arguments(n: int, html_share: float) -> None:
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if not 0.0 <= html_share <= 1.0:
        raise ValueError(f"html_share must be within [0, 1], got {html_share}")


def generate_corpus(n: int, seed: int = 0, html_share: float = 0.2) -> Iterator[tuple[str, bytes]]:
    """Yield (relative file name, file bytes) for `n` synthetic documents, one at a time.

    Deterministic in (seed, html_share): the same call gives byte-identical output, and the
    first k documents are the same whatever n is. Names are "<site-slug>/<index:06d>-<slug>.<ext>",
    so within a site folder, and by base name across the corpus, sort order is generation order.
    """
    _check_arguments(n, html_share)
    for index in range(n):
        document = _document(seed, index, html_share)
        yield document.name, document.data


_QUOTE_SPAN = re.compile(f"{_OPEN_QUOTE}([^{_CLOSE_QUOTE}]*){_CLOSE_QUOTE}")


def _gold_record(document: _Rendered) -> dict[str, Any]:
    """The document in the gold format of ../shared/samples (same keys, same order)."""
    story, site = document.story, document.site
    record: dict[str, Any] = {
        "file": _base_name(document.name),
        "is_article": story is not None,
        "title": None,
        "byline": [],
        "published": None,
        "publisher": site.name if document.data else None,
        "body": "",
        "quotes": [],
        "duplicate_of": document.duplicate_of,
    }
    if story is None:
        return record
    bullet = "" if document.is_html else site.list_bullet
    lines = [story.standfirst]
    quotes = []
    for (kind, text), speaker in zip(story.blocks, story.speakers, strict=True):
        lines.append(bullet + text if kind == "list_item" else text)
        if speaker is not None:
            quotes.extend({"speaker": speaker, "text": span} for span in _QUOTE_SPAN.findall(text))
    record.update(
        title=story.headline,
        byline=list(story.authors),
        published=story.published.isoformat(),
        body=_resolve("\n\n".join(lines), site),
        quotes=[{"speaker": q["speaker"], "text": _resolve(q["text"], site)} for q in quotes],
    )
    return record


def generate_gold(n: int, seed: int = 0, html_share: float = 0.2) -> Iterator[dict[str, Any]]:
    """Yield the gold record of every document `generate_corpus(n, seed, html_share)` yields, in order.

    Same keys as ../shared/samples/gold.jsonl (file, is_article, title, byline, published,
    publisher, body, quotes, duplicate_of), known by construction, so extraction can be scored
    on corpora of any size.
    """
    _check_arguments(n, html_share)
    for index in range(n):
        yield _gold_record(_document(seed, index, html_share))
