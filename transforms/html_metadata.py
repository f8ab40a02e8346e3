"""Metadata of one HTML page from the evidence the HTML walk collected.

The walk in transforms/html.py gathers raw evidence (meta tags, link rels, JSON-LD blobs,
<time> elements, the first <h1>, byline/dateline block texts); this module decides between
the sources. Precedence per field (first that yields a value wins), and which meta keys count,
is data in rules/html_metadata_keys.json.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from transforms.metadata import is_role_word, parse_date, published_date_in, split_byline
from transforms.model import Metadata

_KEYS = json.loads(Path(__file__).with_name("rules").joinpath("html_metadata_keys.json").read_text("utf-8"))
_NEWSROOM_WORDS = frozenset(_KEYS["newsroom_words"])
_ORGANISATION_TYPES = frozenset(t.lower() for t in _KEYS["json_ld_organisation_types"])
_ARTICLE_TYPES = frozenset(t.lower() for t in _KEYS["json_ld_article_types"])
_LISTING_TYPES = frozenset(t.lower() for t in _KEYS["json_ld_listing_types"])
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_URL = re.compile(r"^(?:https?:)?//|^www\.", re.I)
_WORDS = re.compile(r"\w+")
# A CMS account ("eficso_comms", "@newsdesk"), not a person's name.
_USERNAME = re.compile(r"[_@]")
_DIGITS = re.compile(r"\d")
# Citation metadata prints names surname first ("Babatunde-Hart, Ines", "Doe, Jane K."): one
# surname word, a comma, one or two given names or initials.
_SURNAME_FIRST = re.compile(r"([^\W\d_][\w'’-]*), ([^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*)?)")


@dataclass(slots=True)
class PageEvidence:
    """Raw metadata signals found in one page, in document order."""

    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property/itemprop
    links: dict[str, list[str]] = field(default_factory=dict)  # rel -> hrefs
    json_ld: list[str] = field(default_factory=list)
    times: list[tuple[str, str]] = field(default_factory=list)  # (datetime attribute, visible text)
    rel_authors: list[str] = field(default_factory=list)
    home_link_texts: list[str] = field(default_factory=list)  # links with rel="home"
    byline_texts: list[str] = field(default_factory=list)
    dateline_texts: list[str] = field(default_factory=list)
    author_texts: list[str] = field(default_factory=list)  # inline elements with an author class
    title_tag: str | None = None
    headline: str | None = None  # the <h1> of the article (inside or just before its container)
    html_lang: str | None = None

    def add_meta(self, attrs: dict[str, Any]) -> None:
        content = attrs.get("content")
        if content is None:
            if str(attrs.get("http-equiv", "")).lower() == "content-language":
                self.meta.setdefault("content-language", []).append(str(attrs.get("content", "")))
            return
        for key_attr in ("property", "name", "itemprop", "http-equiv"):
            key = attrs.get(key_attr)
            if key:
                self.meta.setdefault(str(key).strip().lower(), []).append(str(content).strip())

    def add_time(self, tag: Any) -> None:
        """A <time> element (a BeautifulSoup Tag): its datetime attribute and visible text."""
        self.times.append((str(tag.attrs.get("datetime", "")), tag.get_text(" ", strip=True)))

    def add_link(self, attrs: dict[str, Any]) -> None:
        href = attrs.get("href")
        if href:
            for rel in str(attrs.get("rel", "")).lower().split():
                self.links.setdefault(rel, []).append(str(href).strip())


def _json_objects(blobs: list[str]) -> Iterator[dict[str, Any]]:
    """Every JSON object in the JSON-LD blobs, @graph and nested lists flattened (iteratively)."""
    pending: list[Any] = []
    for blob in blobs:
        try:
            pending.append(json.loads(blob.strip().rstrip(";")))
        except ValueError:
            continue
    while pending:
        item = pending.pop(0)
        if isinstance(item, list):
            pending[:0] = item
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                pending.extend(graph)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", ())
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _names(value: Any, by_id: dict[str, dict[str, Any]] | None = None, people: bool = False) -> list[str]:
    """Person/organisation names from a JSON-LD author/publisher value; a reference to another
    object of the graph ({"@id": ".../#organization"}, as Yoast prints them) is followed in `by_id`.
    With `people`, an object typed as an organisation names no one (a department as "author")."""
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in values:
        if isinstance(item, dict):
            if "name" not in item and by_id:
                item = by_id.get(str(item.get("@id")), item)
            if people and _types(item) & _ORGANISATION_TYPES:
                continue
            item = item.get("name")
            if isinstance(item, list):
                item = item[0] if item else None
        if isinstance(item, str) and item.strip() and not _URL.match(item.strip()):
            # (CMSs often HTML-escape JSON-LD strings: "Berth &amp; Bunker".)
            names.append(" ".join(html.unescape(item).split()))
    return names


def _first_meta(evidence: PageEvidence, keys: list[str]) -> str | None:
    for key in keys:
        for value in evidence.meta.get(key, ()):
            if value:
                return " ".join(value.split())
    return None


def _to_date(value: Any) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    iso = _ISO_DATE.match(value.strip())
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    return parse_date(value)


def _strip_site_suffix(title: str, site: str | None) -> str:
    """'Headline | Site' -> 'Headline': keep the longest separator-delimited part."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    if site:
        parts = [p for p in parts if p.lower() != site.lower()] or parts
    return max(parts, key=len)


def _site_parts(title: str | None) -> list[str]:
    """The parts of a <title> around its headline, the longest part ("Headline | News | Site")."""
    parts = _TITLE_SEPARATORS.split(title) if title else []
    return [part for part in parts if part is not max(parts, key=len)] if len(parts) > 1 else []


def _overlap(first: str, second: str) -> float:
    a, b = set(_WORDS.findall(first.lower())), set(_WORDS.findall(second.lower()))
    return len(a & b) / len(a | b) if a and b else 0.0


def _choose_title(article: dict[str, Any], evidence: PageEvidence, publisher: str | None) -> str | None:
    headline = article.get("headline") or article.get("name")
    headline = " ".join(headline.split()) if isinstance(headline, str) and headline.strip() else None
    meta_title = _first_meta(evidence, _KEYS["title"])
    tag_title = _strip_site_suffix(evidence.title_tag, publisher) if evidence.title_tag else None
    others = [t for t in (headline, meta_title, tag_title) if t]
    h1 = evidence.headline
    # A kicker printed in the <h1> before the headline, with no space ("Klinikum
    # HallerbrückGeburtsstation in ..."): the declared title the <h1> ends with.
    if h1 and headline and h1 != headline and h1.endswith(headline) and headline.count(" ") >= 2:
        kicker = h1[: -len(headline)]
        if kicker[-1].isalnum():  # (glued: "‘Quote’: Headline" opens with a quote, not a kicker)
            return headline
    # The article's own <h1> is the printed headline (declared titles are often rewritten for
    # search and social) unless it is a short logo/section name unrelated to every declared title.
    if (
        h1
        and (
            not others
            or len(h1.split()) >= _KEYS["min_headline_words"]
            or max(_overlap(h1, other) for other in others) >= 0.3
        )
        and (publisher is None or h1.lower() != publisher.lower())
    ):
        return h1
    for candidate in (headline, meta_title):
        if candidate:
            return _strip_site_suffix(candidate, publisher)
    return tag_title


def _given_name_first(name: str) -> str:
    """ "Babatunde-Hart, Ines" -> "Ines Babatunde-Hart"; other names as they are ("Jane Doe, Reporter"
    has two words before its comma)."""
    match = _SURNAME_FIRST.fullmatch(name.strip())
    if match is None or any(map(is_role_word, match[2].split())):
        return name
    return f"{match[2]} {match[1]}"


_AUTHOR_KEY_SUFFIXES = (":author", ".author", "-author")
_APP_BANNER_KEYS = ("smartbanner", "apple-", "al:")  # an app's maker, not the article's author
_LEAD_IN = re.compile(r"\b(?:(?:submitted|posted|written) )?by\s", re.IGNORECASE)


def _meta_names(evidence: PageEvidence, keys: Sequence[str]) -> list[str]:
    """The names the page's meta tags under `keys` give, given name first (URLs skipped)."""
    return [_given_name_first(v) for key in keys for v in evidence.meta.get(key, ()) if not _URL.match(v)]


def _choose_byline(
    article: dict[str, Any], evidence: PageEvidence, by_id: dict[str, dict[str, Any]], publisher: str | None
) -> tuple[str, ...]:
    # A site that signs its pages with its own name (<meta name="author" content="Cold Store
    # Bulletin">, the <title>'s "... | News | Cold Store Bulletin") names no writer.
    site_names = {_bare_name(part) for part in _site_parts(evidence.title_tag)}
    if publisher:
        site_names.add(_bare_name(publisher))
    # (texts, whether a text split_byline cannot parse is still one bare name)
    sources: list[tuple[list[str], bool]] = [
        (_names(article.get("author"), by_id, people=True), True),
        (_meta_names(evidence, _KEYS["author"]), True),
        # A CMS's own author meta ("bx:author", "cxenseparse:author").
        (
            _meta_names(
                evidence,
                [
                    key
                    for key in evidence.meta
                    if key.endswith(_AUTHOR_KEY_SUFFIXES)
                    and key not in _KEYS["author"]
                    and not key.startswith(_APP_BANNER_KEYS)
                ],
            ),
            True,
        ),
        (evidence.rel_authors, True),
        (evidence.byline_texts, False),
        (evidence.author_texts, True),
    ]
    for texts, bare_names in sources:
        names: list[str] = []
        for raw in texts:
            # A bare name starts with a capital (", workforce reporter" in an author-role span is none).
            bare = (
                [raw]
                if bare_names and raw[:1].isupper() and len(raw.split()) <= 4 and not _DIGITS.search(raw)
                else []
            )
            # A label before the byline in its element ("Society news Submitted by Jo Bloggs").
            lead_in = None if bare_names else _LEAD_IN.search(raw, 1)
            for name in split_byline(raw) or (split_byline(raw[lead_in.start() :]) if lead_in else bare):
                if (
                    name not in names
                    and not _USERNAME.search(name)
                    and _bare_name(name) not in site_names
                    and _NEWSROOM_WORDS.isdisjoint(name.lower().split())
                ):
                    names.append(name)
        if names:
            return tuple(names)
    return ()


_UTC_STAMP = re.compile(r"T\d\d:\d\d.*(?:Z|[+-]00:?00)$")
# A time of day ("11:52 PM", "10:42"): also read by transforms.html.
CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|[AP]\.?M\b)|\b\d{1,2}:\d{2}\b")


def _instant(stamp: str) -> datetime | None:
    """An ISO stamp with its UTC offset as an aware datetime, else None."""
    try:
        moment = datetime.fromisoformat(stamp.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _choose_published(article: dict[str, Any], evidence: PageEvidence) -> date | None:
    candidates: list[Any] = [article.get("datePublished"), article.get("dateCreated")]
    candidates += [v for key in _KEYS["published"] for v in evidence.meta.get(key, ())]
    candidates += [stamp or text for stamp, text in evidence.times]
    # What a <time> element prints beside its stamp: the local date ("9 October 2024" for
    # "2024-10-08T23:01:00Z").
    printed_by_stamp = {stamp: text for stamp, text in evidence.times if stamp and text}
    for candidate in candidates:
        found = _to_date(candidate)
        if found is not None:
            # A UTC stamp an evening's story carries into the next day: the page prints its
            # local date and time ("2024-10-04T03:52Z" for "Oct. 3, 2024 at 11:52 PM EDT"; a
            # date alone may be the masthead's today, unless the stamp's own element prints it).
            if _UTC_STAMP.search(str(candidate)):
                # A <time> stamping the same instant in the site's own zone dates it locally
                # ("2024-08-19T09:30:12+10:00" for "2024-08-18T23:30:12+00:00").
                instant = _instant(str(candidate))
                local = (
                    stamp
                    for stamp in map(_instant, printed_by_stamp)
                    if stamp and stamp.utcoffset() and stamp == instant
                )
                if (same := next(local, None)) is not None:
                    return same.date()
                timed = (published_date_in(text) for text in evidence.dateline_texts if CLOCK.search(text))
                own = printed_by_stamp.get(str(candidate))
                printed = next(filter(None, [own and published_date_in(own), *timed]), None)
                if printed is not None and abs((printed - found).days) == 1:
                    return printed
            return found
    # Visible datelines: the first publication, never an "Updated ..." line.
    return next(filter(None, map(published_date_in, evidence.dateline_texts)), None)


def _language(evidence: PageEvidence) -> str | None:
    raw = evidence.html_lang or _first_meta(evidence, _KEYS["language"])
    if not raw:
        return None
    primary = re.split(r"[-_]", raw.strip())[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def declares_listing(evidence: PageEvidence) -> bool:
    """Whether the page's JSON-LD calls it a listing of other pages (json_ld_listing_types: Yoast's
    CollectionPage on a tag archive) and no article."""
    kinds = set().union(*map(_types, _json_objects(evidence.json_ld)))
    return bool(kinds & _LISTING_TYPES) and not kinds & _ARTICLE_TYPES


def _main_article(articles: list[dict[str, Any]], canonical: str | None) -> dict[str, Any] | None:
    """The page's own article among its JSON-LD article objects: the one whose URL (url, @id,
    mainEntityOfPage) is the page's canonical URL, else the first (a related story's object
    can come first)."""
    if len(articles) > 1 and canonical:
        page = _url_key(canonical)
        for article in articles:
            entity = article.get("mainEntityOfPage")
            entity_url = entity.get("@id") if isinstance(entity, dict) else entity
            urls = [article.get("url"), article.get("@id"), entity_url]
            if any(isinstance(url, str) and _url_key(url) == page for url in urls):
                return article
    return articles[0] if articles else None


def _bare_name(name: str) -> str:
    """A publication's name without case and a leading "The"."""
    return name.lower().removeprefix("the ")


def _url_key(url: str) -> str:
    """A URL without scheme, fragment, query and trailing slash."""
    return url.split("#", 1)[0].split("?", 1)[0].rstrip("/").split("//", 1)[-1].lower()


def extract_metadata(evidence: PageEvidence) -> Metadata:
    """Title, byline, first-published date, publisher, language and canonical URL of a page."""
    objects = list(_json_objects(evidence.json_ld))
    canonical = next(iter(evidence.links.get("canonical", ())), None) or _first_meta(evidence, _KEYS["url"])
    article = _main_article([o for o in objects if _types(o) & _ARTICLE_TYPES], canonical)
    if article is None:
        article = next((o for o in objects if "datePublished" in o or "headline" in o), {})
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and "name" in o}
    publisher = next(iter(_names(article.get("publisher"))), None)
    if publisher is None:
        publisher = site_name = _first_meta(evidence, _KEYS["publisher"])
        # A graph's organisation ({"@id": ".../#organization"}) can be the publication's owner
        # ("Marlowe Business Media" for og:site_name "Cold Chain Today"); it names the
        # publication when it is the site name, better written ("The Meridian Post" for "the
        # Meridian Post").
        referenced = next(iter(_names(article.get("publisher"), by_id)), None)
        if referenced and (site_name is None or _bare_name(referenced) == _bare_name(site_name)):
            publisher = referenced
    return Metadata(
        title=_choose_title(article, evidence, publisher),
        byline=_choose_byline(article, evidence, by_id, publisher),
        published=_choose_published(article, evidence),
        publisher=publisher,
        language=_language(evidence),
        canonical_url=canonical,
    )
