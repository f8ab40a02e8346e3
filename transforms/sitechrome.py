"""Group text dumps into sites by the chrome they share, and learn each site's chrome lines.

Dumps rarely carry a URL, but pages of one site print the same menus, footers and widgets. A
page's signature is its set of short lines (normalised); a page joins the known site whose
learnt lines overlap its signature most (enough shared lines, and a good share of the
signature), else it founds a new site. Lines that recur in many pages of a site are its chrome.

SiteChrome.lines[site][line] counts the documents of the site the line was seen in; the empty
key "" holds the site's document count (an empty string is never a normalised line).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from transforms.blocks import Dump
from transforms.model import SiteChrome

DOCUMENT_COUNT_KEY = ""
SITE_PREFIX = "text:"
# A signature line has at most this many words: menus, labels, footers, not prose.
_SIGNATURE_MAX_WORDS = 12
_SIGNATURE_MAX_CHARS = 120
# Lines up to this long are counted for chrome (teasers too); longer ones are article prose.
_COUNTED_MAX_CHARS = 160
# Joining a site needs this much shared signature weight, and this share of the page's own.
# One- and two-word lines ("Home", "Privacy policy") are on every site: they weigh little.
_MIN_SHARED_WEIGHT = 3.0
_MIN_SHARED_SHARE = 0.3
_SHORT_LINE_WEIGHT = 0.25
_MIN_SIGNATURE_LINES = 4
# Lines found in more sites than this ("Home", "Facebook") say nothing about which site it is.
_MAX_SITES_PER_LINE = 25
# A line is chrome when the site has this many documents and the line is in this share of them.
_MIN_SITE_DOCUMENTS = 3
_CHROME_SHARE = 0.4
# Keep stored sites small: beyond this many distinct lines, lines seen once are forgotten.
_MAX_LINES_PER_SITE = 4000


def signature(dump: Dump) -> frozenset[str]:
    """The page's distinct short normalised lines (menus, footers, labels): what identifies a site."""
    return frozenset(_page_lines(dump)[1])


def _page_lines(dump: Dump) -> tuple[list[str], list[str], list[float]]:
    """The page's countable lines, its signature lines and their weights, each list sorted.

    Countable: the lines whose recurrence across a site's pages is counted, signature lines plus
    teaser-length lines ("Most read" headlines and summaries), not long article paragraphs.
    Sorted, never set order: ties and float sums must not depend on PYTHONHASHSEED, or two runs
    over the same inbox could group pages differently.
    """
    countable = sorted({key for key in dump.normalised if key and len(key) <= _COUNTED_MAX_CHARS})
    lines: list[str] = []
    weights: list[float] = []
    for key in countable:
        if len(key) <= _SIGNATURE_MAX_CHARS:
            spaces = key.count(" ")
            if spaces < _SIGNATURE_MAX_WORDS:
                lines.append(key)
                weights.append(1.0 if spaces >= 2 else _SHORT_LINE_WEIGHT)
    return countable, lines, weights


def _site_key(lines: frozenset[str]) -> str:
    digest = hashlib.blake2b("\n".join(sorted(lines)).encode("utf-8"), digest_size=8).hexdigest()
    return SITE_PREFIX + digest


def assign_sites(dumps: Sequence[Dump], chrome: SiteChrome) -> list[str | None]:
    """Site key of every dump (None when it has too little chrome to tell); updates `chrome`.

    Counts are updated as documents are assigned, so pages of a new site found in this batch
    share their chrome with each other and with later runs.
    """
    index: dict[str, list[str]] = {}
    for site, lines in chrome.lines.items():
        for line in lines:
            if line != DOCUMENT_COUNT_KEY:
                index.setdefault(line, []).append(site)
    keys: list[str | None] = []
    for dump in dumps:
        countable, lines, weights = _page_lines(dump)
        if len(lines) < _MIN_SIGNATURE_LINES:
            keys.append(None)
            continue
        votes: dict[str, float] = {}
        for line, weight in zip(lines, weights, strict=True):
            sites = index.get(line)
            if sites and len(sites) <= _MAX_SITES_PER_LINE:
                for candidate in sites:
                    votes[candidate] = votes.get(candidate, 0.0) + weight
        site = None
        if votes:
            best = max(votes, key=lambda candidate: (votes[candidate], candidate))
            if votes[best] >= _MIN_SHARED_WEIGHT and votes[best] >= _MIN_SHARED_SHARE * sum(weights):
                site = best
        if site is None:
            site = _site_key(frozenset(lines))
        counts = chrome.lines.setdefault(site, {DOCUMENT_COUNT_KEY: 0})
        counts[DOCUMENT_COUNT_KEY] = counts.get(DOCUMENT_COUNT_KEY, 0) + 1
        for line in countable:
            count = counts.get(line)
            if count is None:
                index.setdefault(line, []).append(site)
                counts[line] = 1
            else:
                counts[line] = count + 1
        if len(counts) > _MAX_LINES_PER_SITE:
            for line in [line for line, count in counts.items() if count == 1]:
                del counts[line]
        keys.append(site)
    return keys


def chrome_lines(chrome: SiteChrome, site: str | None) -> frozenset[str]:
    """The normalised lines learnt as `site`'s chrome (empty until the site has enough pages)."""
    counts = chrome.lines.get(site) if site else None
    if not counts:
        return frozenset()
    documents = counts.get(DOCUMENT_COUNT_KEY, 0)
    if documents < _MIN_SITE_DOCUMENTS:
        return frozenset()
    floor = max(_MIN_SITE_DOCUMENTS, _CHROME_SHARE * documents)
    return frozenset(line for line, count in counts.items() if count >= floor and line != DOCUMENT_COUNT_KEY)
