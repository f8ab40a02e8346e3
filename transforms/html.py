"""HTML page -> article paragraphs, removed blocks and metadata (BeautifulSoup on lxml).

One pass turns the page into *blocks* (the text of one block-level element, inline markup
folded in) carrying DOM features: owning element, tag, link characters, and for every
block-level element its class/id hint (navigation, comment, share, ...) from
rules/html_hints.json. All decisions are then made on those flat arrays, never on the tree:

1. the main container is the element maximising good text minus a penalty for the rest
   (good = paragraph-shaped, not link-dense, not under a boilerplate hint);
2. inside it each block is kept or dropped with a reason (hinted chrome, link-dense,
   boilerplate phrase, short fragment outside the run of good blocks, headline, ...).

Speed: scripts, styles, SVG, comments and widgets are cut by one regex before parsing (they
are most of a modern page's bytes and BeautifulSoup's cost is per node); the tree is walked
once with an explicit stack (no recursion, so 10,000 nested elements are fine) and text and
link lengths are summed bottom-up once over the element arrays.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from transforms.html_metadata import CLOCK, PageEvidence, declares_listing, extract_metadata
from transforms.metadata import (
    is_byline_line,
    is_dateline,
    labelled_date,
    published_date_in,
    publisher_in_text,
    split_byline,
)
from transforms.model import DecodedDocument, Extraction, Metadata, Paragraph, RemovedLine
from transforms.textdump import back_matter_start, comment_section_start, is_box_heading, never_article_reason

_RULES_DIR = Path(__file__).with_name("rules")
_HINTS = json.loads((_RULES_DIR / "html_hints.json").read_text(encoding="utf-8"))
# One alternation with a named group per reason: the leftmost matching pattern names the reason.
_NEGATIVE_HINT = re.compile(
    "|".join(f"(?P<{reason}>{'|'.join(patterns)})" for reason, patterns in _HINTS["negative_hints"].items()),
    re.I,
)
_POSITIVE_HINT = re.compile("|".join(_HINTS["positive_hints"]), re.I)
_STANDFIRST_HINT = re.compile(_HINTS["standfirst_hint"], re.I)
_STANDFIRST_FIELD = re.compile(_HINTS["standfirst_field"], re.I)
_TEASER_PARAGRAPH = re.compile(_HINTS["teaser_paragraph"], re.I)
# A standfirst outside the article's container is a sentence of at least this many words.
_STANDFIRST_MIN_WORDS = 8
_TAG_REASONS: dict[str, str] = _HINTS["tag_reasons"]
_ROLE_REASONS: dict[str, str] = _HINTS["role_reasons"]
_WEIGHTS: dict[str, float] = _HINTS["weights"]
_TAG_GOOD_WEIGHT: dict[str, float] = _HINTS["tag_good_weight"]


def _load_phrases(name: str) -> re.Pattern[str]:
    lines = (_RULES_DIR / name).read_text(encoding="utf-8").splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return re.compile("(?:" + "|".join(patterns) + r")[\s.:!|»›>-]*", re.I)


_BOILERPLATE_PHRASE = _load_phrases("html_boilerplate_phrases.txt")
# A block opening with a publication label and holding a date is a dateline, not article text.
_DATELINE_MAX_CHARS = 100
# How many blocks under the headline a bare date ("2 June 2024") is looked for when nothing is dated.
_HEAD_BLOCKS = 4
_NOT_ARTICLE = json.loads((_RULES_DIR / "html_not_article.json").read_text(encoding="utf-8"))
_NOT_ARTICLE_TITLES = tuple(
    (reason, re.compile("|".join(patterns), re.I))
    for reason, patterns in _NOT_ARTICLE["title_patterns"].items()
)

# Elements whose content is never article text; cut before parsing because they are bulky.
_PREPASS = re.compile(
    r"<!--.*?-->|<(script|style|svg|noscript|template|select|button|iframe|object|canvas|video|audio|math)"
    r"\b[^>]*>.*?</\1\s*>",
    re.S | re.I,
)
_SITE_NAME_MAX_WORDS = 6
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/")
_ARIA_HEADINGS = {str(level): f"h{level}" for level in range(1, 7)}
_HEADLINE_FONT_SIZES = frozenset(("5", "6", "7", "+2", "+3", "+4"))
_HEADLINE_FONT_MIN_SPACES = 3  # a headline, not a logo's one or two words
_NOSCRIPT_TAG = re.compile(r"</?noscript\b[^>]*>", re.I)
# The accessible accordion's header: a <button> inside a heading ("<h3><button aria-expanded>
# What goes in the green cart?</button></h3>") is the heading's text, not a widget to cut.
_HEADING_BUTTON = re.compile(r"(<h[1-6]\b[^>]*>\s*)<button\b[^>]*>(.*?)</button\s*>", re.S | re.I)
# Void elements without text (and <link>s other than canonical/author) would only be nodes to
# build and skip; whitespace next to a block-level tag is never rendered, so it need not become
# a string node either.
_VOID_ELEMENTS = re.compile(
    r"<(?:img|input|source|track|area|param|embed|wbr|col|/?picture)\b[^>]*>"
    r"|<link\b(?![^>]*\brel=[\"']?(?:canonical|author))[^>]*>",
    re.I,
)
# Whitespace between two tags when either is a block-level tag is never rendered; dropping it
# saves BeautifulSoup a string node per gap (the callback keeps gaps between inline tags).
_WHITESPACE_BETWEEN_TAGS = re.compile(r"(</?([a-zA-Z][\w-]*)[^>]*>)\s+(?=</?([a-zA-Z][\w-]*))")
_BLOCK_TAG_NAMES = frozenset(_HINTS["whitespace_collapsing_tags"])
# Navigation, asides and footers are chrome whatever their inner structure: their inner tags are
# flattened to one link-text run before parsing (BeautifulSoup's cost is per node). The text
# stays, so it is still reported as a removed block.
# (Not an article's own meta footer: Drupal prints "Submitted by X on <date>" in
# <footer class="node__meta">.)
_FLATTENED_ELEMENTS = re.compile(
    r"(<(nav|aside|footer)\b(?![^>]*(?:meta|byline|submitted|author))[^>]*>)(.*?)(</\2\s*>)", re.S | re.I
)
_ANY_TAG = re.compile(r"<[^>]*>")
_JSON_LD = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.S | re.I)
_INLINE_AUTHOR = re.compile(_HINTS["inline_author_class"], re.I)
_INLINE_DATELINE = re.compile(_HINTS["inline_dateline_class"], re.I)
_INLINE_HEADLINE = re.compile(_HINTS["inline_headline_class"], re.I)
_VISUALLY_HIDDEN = re.compile("|".join(_HINTS["negative_hints"]["hidden"]), re.I)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_INLINE_TAGS = frozenset(_HINTS["inline_tags"])
_VOID_OR_SKIPPED = frozenset(_HINTS["skipped_tags"])
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_LIST_ITEM_TAGS = frozenset(("li", "dd", "dt"))
_WRAPPER_TAGS = frozenset(("html", "body", "main"))
# A byline element's text this long that ends a sentence is an author's bio.
_BIO_MIN_SPACES = 4
# An unmarked byline is looked for this many blocks before the article container.
_BYLINE_BLOCKS_BEFORE = 6
_SENTINEL_LINK_END = object()
_NO_HINTS: tuple[str | None, bool, bool] = (None, False, False)


@dataclass(slots=True)
class _Page:
    """The flat arrays one walk produces."""

    node_parent: list[int] = field(default_factory=lambda: [-1])
    node_tag: list[str] = field(default_factory=lambda: ["#root"])
    node_hint: list[str | None] = field(default_factory=lambda: [None])
    node_positive: list[bool] = field(default_factory=lambda: [False])
    block_text: list[str] = field(default_factory=list)
    block_links: list[int] = field(default_factory=list)
    block_node: list[int] = field(default_factory=list)
    standfirst_nodes: set[int] = field(default_factory=set)  # elements with a standfirst/dek class
    standfirst_spans: set[str] = field(default_factory=set)  # texts of <span>s with one ("span.sumario")
    author_elements: list[tuple[str, int]] = field(default_factory=list)  # (text, owning element)
    dateline_elements: list[tuple[str, int]] = field(default_factory=list)  # (text, owning element)
    headline_spans: list[str] = field(default_factory=list)
    blog_name: str | None = None  # an <h1> naming the blog over its post's own heading
    evidence: PageEvidence = field(default_factory=PageEvidence)


_hint_cache: dict[tuple[str, str, str], tuple[str | None, bool, bool]] = {}


_COMPONENT_ATTRIBUTES = ("data-testid", "data-component", "data-module")
# Block elements that screen readers skip (aria-hidden="true") repeat what the page says
# elsewhere: a pull quote, a headline's decorative copy. (Icons and inline spans are left alone.)
_DECORATIVE_WHEN_ARIA_HIDDEN = frozenset({"div", "aside", "blockquote", "figure", "p", "section"})


def _hint_for(tag: str, attrs: dict[str, str]) -> tuple[str | None, bool, bool]:
    """(boilerplate reason or None, positive content hint, standfirst hint) for one element."""
    style = attrs.get("style")
    if ("hidden" in attrs or (style and _DISPLAY_NONE.search(str(style)))) and not _POSITIVE_HINT.search(
        str(attrs.get("class", ""))
    ):
        # (A collapsed "read more" part of the article's body is the article: "article-body-more".)
        return "hidden", False, False
    if attrs.get("aria-hidden") == "true" and tag in _DECORATIVE_WHEN_ARIA_HIDDEN:
        return "pull_quote", False, False  # printed for the eye only: a pull quote's copy of a sentence
    role = str(attrs.get("role", "")).lower()
    # Sites with generated class names ("css-1l5f9gk") say what an element is in a test id or a
    # component name (data-testid, data-component, data-module).
    label = f"{attrs.get('class', '')} {attrs.get('id', '')} {attrs.get('itemprop', '')}"
    named = [str(attrs[name]) for name in _COMPONENT_ATTRIBUTES if name in attrs]
    key = (tag, role, " ".join([label, *named]) if named else label)
    cached = _hint_cache.get(key)
    if cached is not None:
        return cached
    label = key[2]
    positive = bool(_POSITIVE_HINT.search(label))
    reason = _TAG_REASONS.get(tag) or _ROLE_REASONS.get(role)
    if reason is None and not positive and label.strip():
        match = _NEGATIVE_HINT.search(label)
        reason = match.lastgroup if match else None
    if len(_hint_cache) > 50_000:  # bound memory across long runs over many sites
        _hint_cache.clear()
    standfirst_field = _STANDFIRST_FIELD.search(label) is not None or (
        tag == "p" and _TEASER_PARAGRAPH.search(label) is not None
    )
    if standfirst_field and reason == "related":
        reason = None  # Drupal's "field-teaser": the article's intro, no related teaser
    hints = (reason, positive, standfirst_field or bool(_STANDFIRST_HINT.search(label)))
    _hint_cache[key] = hints
    return hints


# A heading's permalink, an in-page link printing only a mark (Hugo's "#", Sphinx's "¶").
_ANCHOR_MARKS = frozenset(("#", "¶", "§", "🔗", "⚓"))
# A teaser cut short repeats this much of the paragraph at least.
_TRUNCATED_MIN_CHARS = 40


def _walk(soup: BeautifulSoup) -> _Page:
    """One iterative pass over the tree: block texts with link lengths, elements with hints."""
    page = _Page()
    evidence = page.evidence
    block_text, block_links, block_node = page.block_text, page.block_links, page.block_node
    node_parent, node_tag, node_hint, node_positive = (
        page.node_parent,
        page.node_tag,
        page.node_hint,
        page.node_positive,
    )
    inline_tags, skipped_tags, tag_reasons = _INLINE_TAGS, _VOID_OR_SKIPPED, _TAG_REASONS
    pieces: list[str] = []
    link_chars = 0
    in_link = 0
    current = 0
    stack: list[object] = list(reversed(soup.contents))
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        item = pop()
        kind = type(item)
        if kind is NavigableString:
            pieces.append(item)  # type: ignore[arg-type]
            if in_link:
                link_chars += len(item.strip())  # type: ignore[union-attr]
            continue
        if kind is not int and kind is not Tag:
            if item is _SENTINEL_LINK_END:
                in_link -= 1
            continue  # doctype, CDATA, processing instructions
        if kind is Tag:
            name = item.name  # type: ignore[union-attr]
            if name in inline_tags:
                if name == "a":
                    # A heading's permalink mark ("Seven passengers#", "The numbers¶") is no text.
                    href = item.attrs.get("href")  # type: ignore[union-attr]
                    if href and href[0] == "#" and item.get_text().strip() in _ANCHOR_MARKS:  # type: ignore[union-attr]
                        continue
                    in_link += 1
                    push(_SENTINEL_LINK_END)
                    rel = str(item.attrs.get("rel") or "").lower()  # type: ignore[union-attr]
                    if "author" in rel:
                        evidence.rel_authors.append(item.get_text(" ", strip=True))  # type: ignore[union-attr]
                    elif rel == "home":  # the logo's link: the site's name
                        evidence.home_link_texts.append(item.get_text(" ", strip=True))  # type: ignore[union-attr]
                elif name == "time":
                    evidence.add_time(item)  # type: ignore[arg-type]
                elif name == "span":
                    span_class = str(item.attrs.get("class", ""))  # type: ignore[union-attr]
                    if _VISUALLY_HIDDEN.search(span_class):
                        continue  # screen readers' labels ("Information: " over an inset)
                    if _INLINE_AUTHOR.search(span_class):
                        page.author_elements.append((item.get_text(" ", strip=True), current))  # type: ignore[union-attr]
                    elif _INLINE_DATELINE.search(span_class):
                        page.dateline_elements.append((item.get_text(" ", strip=True), current))  # type: ignore[union-attr]
                    elif _INLINE_HEADLINE.search(span_class):
                        page.headline_spans.append(item.get_text(" ", strip=True))  # type: ignore[union-attr]
                    elif _STANDFIRST_HINT.search(span_class):
                        page.standfirst_spans.add(" ".join(item.get_text(" ").split()))  # type: ignore[union-attr]
                elif name == "font" and item.attrs.get("size") in _HEADLINE_FONT_SIZES:  # type: ignore[union-attr]
                    # (A 2000s table layout prints its headline in a big <font>.)
                    text = item.get_text(" ", strip=True)  # type: ignore[union-attr]
                    if text.count(" ") >= _HEADLINE_FONT_MIN_SPACES:
                        page.headline_spans.append(text)
                extend(reversed(item.contents))  # type: ignore[union-attr]
                continue
            if name in skipped_tags:
                _read_skipped(item, evidence, stack)  # type: ignore[arg-type]
                continue
        # A block boundary (start or end of a block element, or <br>): the pending text is a block.
        if pieces:
            text = " ".join("".join(pieces).split())
            if text:
                block_text.append(text)
                block_links.append(min(link_chars, len(text)))
                block_node.append(current)
            pieces.clear()
            link_chars = 0
        if kind is int:  # end of a block element: its parent owns what follows
            current = item  # type: ignore[assignment]
            continue
        if name == "br":
            continue
        attrs = item.attrs  # type: ignore[union-attr]
        if name == "html":
            evidence.html_lang = str(attrs.get("lang") or attrs.get("xml:lang") or "") or None
        reason, positive, standfirst = _hint_for(name, attrs) if attrs or name in tag_reasons else _NO_HINTS
        if reason == "hidden":
            continue
        if attrs.get("role") == "heading":  # a <div role="heading" aria-level="1">: the headline
            name = _ARIA_HEADINGS.get(str(attrs.get("aria-level", "2")), name)
        node_parent.append(current)
        node_tag.append(name)
        node_hint.append(reason)
        node_positive.append(positive)
        if standfirst:
            page.standfirst_nodes.add(len(node_tag) - 1)
        push(current)
        current = len(node_tag) - 1
        extend(reversed(item.contents))  # type: ignore[union-attr]
    if pieces:
        text = " ".join("".join(pieces).split())
        if text:
            block_text.append(text)
            block_links.append(min(link_chars, len(text)))
            block_node.append(current)
    return page


def _read_skipped(tag: Tag, evidence: PageEvidence, stack: list[object]) -> None:
    """Elements without article text: <head> is descended into, metadata elements are read."""
    name = tag.name
    if name == "head":
        stack.extend(reversed(tag.contents))
    elif name == "meta":
        evidence.add_meta(tag.attrs)
    elif name == "link":
        evidence.add_link(tag.attrs)
    elif name == "title" and evidence.title_tag is None:
        evidence.title_tag = tag.get_text(" ", strip=True)


def _flatten(match: re.Match[str]) -> str:
    # Wrapped in one <a> so the run counts as link text: chrome, never prose.
    return f"{match.group(1)}<a>{_ANY_TAG.sub(' ', match.group(3))}</a>{match.group(4)}"


def _drop_whitespace_at_block_tag(match: re.Match[str]) -> str:
    if match.group(2).lower() in _BLOCK_TAG_NAMES or match.group(3).lower() in _BLOCK_TAG_NAMES:
        return match.group(1)
    return match.group(0)


def _parse(html: str) -> _Page:
    json_ld = _JSON_LD.findall(html)
    if html.startswith("<?xml"):  # an XHTML page's declaration (BeautifulSoup would warn it is XML)
        html = html[html.find(">") + 1 :]
    cleaned = _PREPASS.sub(" ", _HEADING_BUTTON.sub(r"\1\2", html) if "<button" in html else html)
    cleaned = _VOID_ELEMENTS.sub("", cleaned)
    cleaned = _FLATTENED_ELEMENTS.sub(_flatten, cleaned)
    cleaned = _WHITESPACE_BETWEEN_TAGS.sub(_drop_whitespace_at_block_tag, cleaned)
    page = _walk(BeautifulSoup(cleaned, "lxml", multi_valued_attributes=None))
    page.evidence.json_ld = json_ld
    return page


def _good_weight(text: str, links: int, tag: str) -> float:
    """How much a block looks like article prose (0 when it does not)."""
    length = len(text)
    if length < _WEIGHTS["min_good_chars"] or links > length * _WEIGHTS["max_good_link_density"]:
        return 0.0
    return length * _TAG_GOOD_WEIGHT.get(tag, 1.0)


def _run_weighted(good: list[float]) -> list[float]:
    """Prose comes in runs: a good block between good neighbours keeps its full weight, an
    isolated one (a teaser's blurb between headline links) keeps only part of it."""
    isolated = _WEIGHTS["isolated_good_factor"]
    neighbour = (1.0 - isolated) / 2
    last = len(good) - 1
    return [
        weight * (isolated + neighbour * ((i > 0 and good[i - 1] > 0) + (i < last and good[i + 1] > 0)))
        if weight
        else 0.0
        for i, weight in enumerate(good)
    ]


def _choose_container(page: _Page, nearest: list[int], good: list[float]) -> int:
    """The element maximising good text minus a penalty for all other text inside it."""
    count = len(page.node_tag)
    good_sum = [0.0] * count
    total_sum = [0.0] * count
    for index, node in enumerate(page.block_node):
        length = len(page.block_text[index])
        total_sum[node] += length
        if nearest[node] == 0:
            good_sum[node] += good[index]
    parent = page.node_parent
    for node in range(count - 1, 0, -1):
        good_sum[parent[node]] += good_sum[node]
        total_sum[parent[node]] += total_sum[node]
    penalty = _WEIGHTS["container_other_text_penalty"]
    bonus = _WEIGHTS["positive_hint_bonus"]
    best, best_score = 0, float("-inf")
    for node in range(count):
        score = good_sum[node] - penalty * (total_sum[node] - good_sum[node])
        if page.node_positive[node]:
            score += bonus * good_sum[node]
        if score > best_score:
            best, best_score = node, score
    return best


def _overrule_wrapper_hints(page: _Page, good: list[float]) -> None:
    """Drop hints on page wrappers: a class like "has-sidebar" or "tags-enabled" on the element
    that itself holds much of the prose (not counting prose under hinted descendants) describes
    the layout, not boilerplate; so does a hint on an element holding a positive content hint."""
    count = len(page.node_tag)
    own_good = [0.0] * count  # good text under the node, hinted descendants excluded
    has_positive = page.node_positive[:]
    for index, node in enumerate(page.block_node):
        own_good[node] += good[index]
    parent, hints, tags = page.node_parent, page.node_hint, page.node_tag
    share = max(_WEIGHTS["wrapper_good_share"] * sum(good), _WEIGHTS["wrapper_min_good_chars"])
    keep_always = _HINTS["hints_never_overruled"]
    # Bottom-up (children have higher indexes), so an overruled inner wrapper's prose counts
    # for the wrapper around it.
    for node in range(count - 1, 0, -1):
        hint = hints[node]
        if (
            hint is not None
            and hint not in keep_always
            and (tags[node] in _WRAPPER_TAGS or has_positive[node] or own_good[node] >= share)
        ):
            hints[node] = hint = None
        if hint is None:
            own_good[parent[node]] += own_good[node]
        has_positive[parent[node]] = has_positive[parent[node]] or has_positive[node]


def _nearest_hinted(page: _Page) -> list[int]:
    """For each element, itself or its nearest ancestor with a hint (0, the root, when none)."""
    nearest = [0] * len(page.node_tag)
    hints, parent = page.node_hint, page.node_parent
    for node in range(1, len(nearest)):
        nearest[node] = node if hints[node] is not None else nearest[parent[node]]
    return nearest


def _is_bio_sentence(text: str) -> bool:
    return text[-1] in ".!?" and text.count(" ") >= _BIO_MIN_SPACES


def _inside_comments(page: _Page, nearest: list[int], element: int) -> bool:
    """Whether a hinted element sits in a comment section: a commenter's name ("com-autor") is
    no byline."""
    ancestor = nearest[page.node_parent[element]] if element else 0
    while ancestor:
        if page.node_hint[ancestor] == "comment":
            return True
        ancestor = nearest[page.node_parent[ancestor]]
    return False


def _collect_byline_evidence(page: _Page, nearest: list[int], container: int, end: int) -> None:
    """Short blocks under byline/dateline hints and inline author elements are metadata
    evidence: those inside the article container, else those of the last such element before it
    (never the bylines of teasers elsewhere on the page)."""
    limit = _WEIGHTS["max_byline_chars"]
    # hint -> (texts inside the container, (hinted element, text) before it)
    found: dict[str, tuple[list[str], list[tuple[int, str]]]] = {
        key: ([], []) for key in ("byline", "dateline", "author")
    }
    located = [
        (page.node_hint[nearest[node]], text, node, nearest[node])
        for text, node in zip(page.block_text, page.block_node, strict=True)
    ]
    located += [("author", text, node, node) for text, node in page.author_elements]
    located += [("dateline", text, node, node) for text, node in page.dateline_elements]
    for hint, text, node, element in located:
        if hint in found and len(text) <= limit and not _inside_comments(page, nearest, element):
            if container <= node < end:
                found[hint][0].append(text)
            elif node < container:
                found[hint][1].append((element, text))
    evidence = page.evidence
    for hint, (inside, before) in found.items():
        # A dateline element may hold two blocks ("Friday 10 February<br>Last updated: ...").
        # Of the byline elements before the article, the last that names someone ("di Chiara
        # Bellotti" over a "submitted" element printing only the date).
        last = before[-1][0] if before else None
        if hint == "byline":
            last = next((element for element, text in reversed(before) if split_byline(text)), last)
            # An author card's bio sentence under the article ("Jana Reuter ist Redakteurin in
            # der Lokalredaktion ...") is no byline; the one over the article names the authors.
            inside = [text for text in inside if not _is_bio_sentence(text)]
        texts = inside or [text for element, text in before if element == last]
        if hint == "byline":
            evidence.byline_texts.extend(texts)
            evidence.dateline_texts.extend(texts)  # "Posted 4 May 2020 by ..." lines carry the date
        elif hint == "dateline":
            evidence.dateline_texts[:0] = texts
        else:
            evidence.author_texts.extend(texts)
    if not evidence.byline_texts and not evidence.author_texts:
        # No hinted byline (hashed class names, a 2004 table layout): the first "By ..." block in
        # the article, else the last of the few blocks right before it, and a dateline under it.
        blocks = list(zip(page.block_text, page.block_node, strict=True))
        inside = [
            i for i, (text, node) in enumerate(blocks) if container <= node < end and _is_byline_block(text)
        ]
        start = next((i for i, (_, node) in enumerate(blocks) if node >= container), len(blocks))
        before = [
            i for i in range(max(0, start - _BYLINE_BLOCKS_BEFORE), start) if _is_byline_block(blocks[i][0])
        ]
        found_at = inside[0] if inside else (before[-1] if before else None)
        if found_at is not None:
            evidence.byline_texts.append(blocks[found_at][0])
            evidence.dateline_texts.append(blocks[found_at][0])
            if found_at + 1 < len(blocks) and published_date_in(blocks[found_at + 1][0]) is not None:
                evidence.dateline_texts.append(blocks[found_at + 1][0])


def _headline(page: _Page, container: int, end: int) -> str | None:
    """The <h1> inside the article container, else the last one before it (but a longer heading
    under it that the <title> names beside it), else the first; on a page with no <h1> (a
    hand-built 2009 layout), an <h2> over the article's first paragraph, else a <span> whose class
    says it is the headline."""
    blocks = list(zip(page.block_text, page.block_node, strict=True))
    h1s = [(node, text) for text, node in blocks if page.node_tag[node] == "h1"]
    inside = [text for node, text in h1s if container <= node < end]
    before = [text for node, text in h1s if node < container]
    if h1s:
        chosen = (inside or before[-1:] or [text for _, text in h1s])[0]
        title_tag = page.evidence.title_tag or ""
        if not inside and chosen in title_tag:
            # A blog's name in the <h1>, its post's title in a heading between it and the end of
            # the article; the <title> names both ("Blog Name: Post title").
            top = next(node for node, text in h1s if text == chosen)
            posts = (
                text
                for text, node in blocks
                if top < node < end and page.node_tag[node] in ("h2", "h3") and text in title_tag
            )
            post = next((text for text in posts if text != chosen and len(text) > len(chosen)), None)
            if post is not None:
                page.blog_name = chosen
                return post
        return chosen
    first_paragraph = next(
        (node for _, node in blocks if container <= node < end and page.node_tag[node] == "p"), end
    )
    # (An <h2> ending a sentence there is the standfirst.)
    h2s = [
        text
        for text, node in blocks
        if page.node_tag[node] == "h2" and node < first_paragraph and text[-1] not in ".!"
    ]
    if h2s:
        return h2s[-1]
    # (A hand-built table layout: <span class="headline">.)
    return next(filter(None, page.headline_spans), None)


def _subtree_ends(page: _Page) -> list[int]:
    """Elements are numbered in document order, so a subtree is the index range [node, end)."""
    ends = list(range(1, len(page.node_tag) + 1))
    parent = page.node_parent
    for node in range(len(ends) - 1, 0, -1):
        if ends[node] > ends[parent[node]]:
            ends[parent[node]] = ends[node]
    return ends


def _paragraph_kinds(page: _Page, kept: list[int]) -> list[str]:
    """Kind of each kept block: crosshead/list_item by tag; standfirst for leading blocks whose
    element (or its parent) has a standfirst/dek class; body otherwise."""
    kinds: list[str] = []
    leading = True
    for index in kept:
        node = page.block_node[index]
        tag = page.node_tag[node]
        if leading and (node in page.standfirst_nodes or page.node_parent[node] in page.standfirst_nodes):
            kinds.append("standfirst")
            continue
        leading = False
        kinds.append("crosshead" if tag in _HEADINGS else "list_item" if tag in _LIST_ITEM_TAGS else "body")
    return kinds


@dataclass(slots=True)
class _Analysis:
    page: _Page
    good: list[float]
    container: int
    decisions: list[str | None]  # None = kept, else the reason the block was dropped
    metadata: Metadata


def _analyse(html: str) -> _Analysis:
    analysis = _decide(_parse(html))
    # A script-rendered page prints its article for browsers without JavaScript in <noscript>
    # (the walk cuts those as trackers' pixels): read them when the page shows no article.
    if "<noscript" in html and _kept_chars(analysis) < _WEIGHTS["min_article_chars"]:
        fallback = _decide(_parse(_NOSCRIPT_TAG.sub(" ", html)))
        if _kept_chars(fallback) >= _WEIGHTS["min_article_chars"]:
            return fallback
    return analysis


def _kept_chars(analysis: _Analysis) -> int:
    texts = analysis.page.block_text
    return sum(len(texts[index]) for index, reason in enumerate(analysis.decisions) if reason is None)


def _decide(page: _Page) -> _Analysis:
    texts, links, nodes, tags = page.block_text, page.block_links, page.block_node, page.node_tag
    good = _run_weighted([_good_weight(texts[i], links[i], tags[nodes[i]]) for i in range(len(texts))])
    _overrule_wrapper_hints(page, good)
    nearest = _nearest_hinted(page)
    container = _choose_container(page, nearest, good)
    end = _subtree_ends(page)[container]
    _collect_byline_evidence(page, nearest, container, end)

    page.evidence.headline = _headline(page, container, end)
    metadata = extract_metadata(page.evidence)
    if metadata.publisher is None:  # no JSON-LD publisher or og:site_name: what the text states
        metadata = replace(
            metadata, publisher=page.blog_name or _site_name(page.evidence) or publisher_in_text(texts)
        )
    if metadata.published is None:  # nothing dated in the markup: a "Published ..." line in the text
        metadata = replace(
            metadata,
            published=labelled_date(texts)
            or _date_under(texts, metadata.title)
            or _date_in_url(metadata.canonical_url),
        )

    decisions: list[str | None] = []
    # (A page with no <h1> prints its headline in a classed element: "span.titulo".)
    headline = next(
        (index for index, node in enumerate(nodes) if tags[node] == "h1"),
        next((index for index, text in enumerate(texts) if text == metadata.title), len(texts)),
    )
    for index in range(len(texts)):
        node = nodes[index]
        if headline < index and node < container and _is_standfirst(page, index, nearest):
            decisions.append(None)  # the standfirst in the header block, between headline and article
        elif not container <= node < end:
            decisions.append(_outside_reason(page, index, nearest))
        elif nearest[node] > container:  # a hinted element between the container and the block
            decisions.append(page.node_hint[nearest[node]])
        else:
            decisions.append(_block_reason(page, index, metadata))
    _drop_edge_fragments(decisions, good, [tags[node] in _SUBHEADINGS for node in nodes])
    _drop_back_matter(texts, decisions, good)
    _drop_comment_thread(texts, decisions, good)
    _drop_orphan_box_headings(texts, decisions)
    _drop_truncated_copies(texts, decisions)
    return _Analysis(page, good, container, decisions, metadata)


def extract_html(doc: DecodedDocument) -> Extraction:
    """Extract the article body, dropped blocks (with reasons) and metadata from one HTML page."""
    analysis = _analyse(doc.text)
    page = analysis.page
    texts = page.block_text
    kept = [index for index, reason in enumerate(analysis.decisions) if reason is None]
    kinds = _paragraph_kinds(page, kept)
    paragraphs = [Paragraph(ordinal, kinds[ordinal], texts[index]) for ordinal, index in enumerate(kept)]
    removed = [
        RemovedLine(i, texts[i], reason) for i, reason in enumerate(analysis.decisions) if reason is not None
    ]
    body_chars = _kept_chars(analysis)
    good_chars = sum(analysis.good)
    metadata = analysis.metadata
    reason = _not_article_reason(page.evidence, body_chars)
    if reason is not None:
        # No article: nothing is body, and the page's headline is not an article title.
        removed = sorted(
            [
                *removed,
                *(RemovedLine(i, texts[i], reason) for i, d in enumerate(analysis.decisions) if d is None),
            ],
            key=lambda line: line.position,
        )
        paragraphs = []
        metadata = replace(metadata, title=None, byline=(), published=None)
    confidence = min(1.0, body_chars / good_chars) if good_chars and reason is None else 0.0
    return Extraction(
        name=doc.name,
        is_article=reason is None,
        reason=_NOT_ARTICLE["descriptions"].get(reason, reason) if reason else None,
        metadata=metadata,
        paragraphs=tuple(paragraphs),
        removed=tuple(removed),
        method="html",
        confidence=round(confidence, 3),
    )


def _not_article_reason(evidence: PageEvidence, body_chars: int) -> str | None:
    """Why the page has no article (error page, login wall, index), or None when it has one."""
    if evidence.json_ld and declares_listing(evidence):
        return "index_page"
    if body_chars < _NOT_ARTICLE["max_body_chars"]:
        for title in (evidence.title_tag, evidence.headline):
            for reason, pattern in _NOT_ARTICLE_TITLES:
                if title and pattern.search(title):
                    return reason
    return None if body_chars >= _WEIGHTS["min_article_chars"] else "no_article_text"


def _site_name(evidence: PageEvidence) -> str | None:
    """The name the logo's link (rel="home") prints, when it is a name of two to six words."""
    names = (text for text in evidence.home_link_texts if 2 <= len(text.split()) <= _SITE_NAME_MAX_WORDS)
    return next(names, None)


def _date_in_url(url: str | None) -> date | None:
    """The date a permalink spells ("/2023/05/14/library-reopens/"), or None."""
    found = _URL_DATE.search(url) if url else None
    if found is None:
        return None
    try:
        return date(*map(int, found.groups()))
    except ValueError:
        return None


def _date_under(texts: Sequence[str], headline: str | None) -> date | None:
    """The date of a short block among the _HEAD_BLOCKS blocks under the headline's ("2 June
    2024" beside the byline, in no dated markup), or of the block right over it when that gives
    a time as well ("17/03/2009 | 10:42": a masthead's today has none), or None."""
    if headline is None or headline not in texts:
        return None
    start = texts.index(headline) + 1
    for text in texts[start : start + _HEAD_BLOCKS]:
        if len(text) < _DATELINE_MAX_CHARS and (found := published_date_in(text)):
            return found
    over = texts[start - 2] if start > 1 else ""
    if len(over) < _DATELINE_MAX_CHARS and CLOCK.search(over):
        return published_date_in(over)
    return None


_POST_STAMP = re.compile(_HINTS["post_stamp"], re.IGNORECASE)


def _block_reason(page: _Page, index: int, metadata: Metadata) -> str | None:
    text = page.block_text[index]
    node = page.block_node[index]
    tag = page.node_tag[node]
    if tag == "h1" or (metadata.title and text == metadata.title):
        return "title"
    length = len(text)
    if _is_byline_block(text) or (
        metadata.byline and text[-1] not in ".!?" and split_byline(text) == list(metadata.byline)
    ):
        return "byline"  # also the author names alone ("Jane Doe and Ravi Patel"), not her bio
    if length < _DATELINE_MAX_CHARS and (is_dateline(text) or _POST_STAMP.match(text)):
        return "dateline"
    if page.block_links[index] > length * _WEIGHTS["max_kept_link_density"]:
        return "link_dense"
    if length < _WEIGHTS["phrase_check_chars"] and _BOILERPLATE_PHRASE.fullmatch(text):
        return "boilerplate"
    return never_article_reason(text)


def _is_byline_block(text: str) -> bool:
    """A short block that reads as a byline and names someone ("By Jo X and Sam Y · 4 May")."""
    return is_byline_line(text) and bool(split_byline(text))


def _is_standfirst(page: _Page, index: int, nearest: list[int]) -> bool:
    """A block whose element (or its parent or grandparent: a page builder's "subtitle" block
    wraps it twice), or the <span> printing all of it, has a standfirst class, reads as a
    sentence, is printed once and is under no boilerplate hint."""
    node = page.block_node[index]
    text = page.block_text[index]
    parent = page.node_parent[node]
    grandparent = page.node_parent[parent] if parent >= 0 else -1
    return (
        (not page.standfirst_nodes.isdisjoint((node, parent, grandparent)) or text in page.standfirst_spans)
        and page.block_text.count(text) == 1  # (a copy in the article or a second header is not it)
        and page.node_hint[nearest[node]] is None
        and text.count(" ") + 1 >= _STANDFIRST_MIN_WORDS
        and page.block_links[index] <= len(text) * _WEIGHTS["max_kept_link_density"]
    )


def _outside_reason(page: _Page, index: int, nearest: list[int]) -> str:
    """Why a block outside the article container is chrome: its own hint when it has one."""
    hint = page.node_hint[nearest[page.block_node[index]]]
    if hint is not None:
        return hint
    text = page.block_text[index]
    if page.block_links[index] > len(text) * _WEIGHTS["max_kept_link_density"]:
        return "link_dense"
    return "outside_article"


_SUBHEADINGS = frozenset({"h2", "h3", "h4"})


def _drop_edge_fragments(decisions: list[str | None], good: list[float], headings: list[bool]) -> None:
    """Short kept blocks before the first / after the last good block are chrome, not article;
    not a heading over the article's first kept blocks (an "In brief" box's heading over its
    points, which are the article's)."""
    kept_good = [i for i, reason in enumerate(decisions) if reason is None and good[i] > 0]
    if not kept_good:
        return
    first, last = kept_good[0], kept_good[-1]
    for index, reason in enumerate(decisions):
        if reason is None and (index < first or index > last) and not good[index]:
            if index + 1 == first and headings[index]:
                continue
            decisions[index] = "short_fragment"


def _drop_orphan_box_headings(texts: list[str], decisions: list[str | None]) -> None:
    """A kept related-box heading ("Read next", "Topics") over a dropped block, or last: its box's
    links went as chrome, the heading stayed in the article's element."""
    for index, reason in enumerate(decisions):
        if (
            reason is None
            and (index + 1 == len(decisions) or decisions[index + 1] is not None)
            and is_box_heading(texts[index])
        ):
            decisions[index] = "related"


def _drop_comment_thread(texts: list[str], decisions: list[str | None], good: list[float]) -> None:
    """Kept blocks from a reader-comments heading on ("Reader Comments (3)" over "jane wrote on
    4/16/2008 7:12 AM:"), once the article has begun, are comments: a table layout with no
    comment markup leaves only the text to tell."""
    start = next((i for i, reason in enumerate(decisions) if reason is None and good[i] > 0), None)
    if start is not None:
        _drop_kept_from(decisions, comment_section_start(texts, start), "comment")


def _drop_back_matter(texts: list[str], decisions: list[str | None], good: list[float]) -> None:
    """Kept blocks from a scholarly article's back matter on ("References", "Funding" over
    "Competing interests"), once the article has begun (a good block kept before it), are not
    the article; headings are looked for among kept blocks and never-article "References"."""
    candidates = [i for i, reason in enumerate(decisions) if reason in (None, "back_matter")]
    begun = next((n for n, i in enumerate(candidates) if decisions[i] is None and good[i] > 0), None)
    if begun is None:
        return
    section = back_matter_start([texts[i] for i in candidates], begun)
    _drop_kept_from(decisions, None if section is None else candidates[section], "back_matter")


def _drop_truncated_copies(texts: list[str], decisions: list[str | None]) -> None:
    """Drop a kept block cut short with an ellipsis that another kept block prints in full: a
    paywall's faded teaser of the paragraph the page holds whole further down."""
    kept = [index for index, reason in enumerate(decisions) if reason is None]
    for index in kept:
        text = texts[index]
        if not text.endswith(("…", "...")):
            continue
        start = text.rstrip(".…").rstrip()
        if len(start) >= _TRUNCATED_MIN_CHARS and any(
            other != index and len(texts[other]) > len(start) and texts[other].startswith(start)
            for other in kept
        ):
            decisions[index] = "duplicate"


def _drop_kept_from(decisions: list[str | None], section: int | None, reason: str) -> None:
    """Blocks still kept from `section` on (if there is one) are dropped for `reason`."""
    if section is not None:
        for later in range(section, len(decisions)):
            if decisions[later] is None:
                decisions[later] = reason
