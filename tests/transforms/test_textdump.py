"""Text-dump extraction: corpus F1 floors, one test per rule family, and site-chrome learning.

All snippets are made up for these tests (a fictional site, "The Fenland Courier").
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.blocks import parse_dump
from transforms.evaluation import score_corpus
from transforms.metadata import printed_headline, split_title
from transforms.model import FORMAT_BINARY, FORMAT_TEXT, DecodedDocument, Paragraph, RemovedLine, SiteChrome
from transforms.textdump import _records, decide, extract_text_batch

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"

HEADER = [
    "The Fenland Courier",
    "News for the fens since 1899",
    "Sign in | Register",
    "Home | News | Sport | Farming | Opinion",
]
FOOTER = [
    "Rate this article",
    "  • 1 star out of 5",
    "  • 2 stars out of 5",
    "Share this article",
    "Most read",
    "  • Drainage board wins award for pump station",
    "  • Market town plans new cycle route",
    "Copyright © 2021 Fenland Courier Ltd. All rights reserved.",
]
PROSE = [
    "The county council has approved a plan to rebuild the river"
    " wall along the eastern bank before next winter.",
    "Engineers said the existing wall had been patched so often that it could no longer be repaired safely.",
    "Residents who live near the bank told the meeting that"
    " flooding had reached their gardens twice this year.",
    "The work will be paid for from a regional flood defence"
    " fund and is expected to take around seven months.",
    "Councillors asked the contractor to keep the towpath open"
    " at weekends while the new wall is being built.",
    "A spokesman for the drainage board said the new wall would"
    " protect about four hundred homes in the village.",
    "Farmers on the other side of the river said they hoped a"
    " similar scheme would follow on their bank soon.",
]


def page(headline: str, body: list[str], head: list[str] | None = None, tail: list[str] | None = None) -> str:
    """A blank-line-separated dump of a made-up Fenland Courier page."""
    lines = [*HEADER, headline, *(head or []), *body, *(tail or []), *FOOTER]
    return "\n\n".join(lines) + "\n"


def doc(name: str, text: str) -> DecodedDocument:
    return DecodedDocument(name, text, FORMAT_TEXT, "utf-8")


def extract_one(text: str):
    [extraction], _ = extract_text_batch([doc("page.txt", text)])
    return extraction


# --- corpus floors --------------------------------------------------------------------------


def _read_gold(path: Path) -> dict[str, dict]:
    return {r["file"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}


def _metadata_shares(articles: list, gold: dict[str, dict]) -> dict[str, float]:
    """Share of `articles` whose title, byline, published date and publisher equal the gold's."""
    exact = {
        "title": [e.metadata.title == gold[e.name]["title"] for e in articles],
        "byline": [list(e.metadata.byline) == gold[e.name]["byline"] for e in articles],
        "published": [str(e.metadata.published) == gold[e.name]["published"] for e in articles],
        "publisher": [e.metadata.publisher == gold[e.name]["publisher"] for e in articles],
    }
    return {field: sum(hits) / len(hits) for field, hits in exact.items()}


@pytest.mark.shared
def test_scrapinghub_text_f1_floor() -> None:
    text_dir = SHARED / "benchmarks" / "scrapinghub-text"
    truth_file = SHARED / "benchmarks" / "scrapinghub" / "ground-truth.json"
    if not text_dir.is_dir():
        pytest.skip(f"{text_dir} absent (needs ../shared)")
    truth = {k: v["articleBody"] for k, v in json.loads(truth_file.read_text(encoding="utf-8")).items()}
    docs = [doc(k, (text_dir / f"{k}.txt").read_text(encoding="utf-8")) for k in truth]
    extractions, _ = extract_text_batch(docs)
    score = score_corpus(truth, {e.name: e.body for e in extractions})
    # In-sample (the shipped weights were fitted on these pages): 0.957. The held-out figure is
    # tests/bench/test_train_text.py's.
    assert score.f1 >= 0.95


@pytest.mark.shared
def test_shared_samples_f1_floor() -> None:
    raw = SHARED / "samples" / "raw"
    if not raw.is_dir():
        pytest.skip(f"{raw} absent (needs ../shared)")
    gold = _read_gold(SHARED / "samples" / "gold.jsonl")
    extractions, _ = extract_text_batch(
        [doc(p.name, p.read_text(encoding="utf-8")) for p in sorted(raw.glob("*.txt"))]
    )
    score = score_corpus({k: g["body"] for k, g in gold.items()}, {e.name: e.body for e in extractions})
    assert score.f1 >= 0.97
    by_name = {e.name: e for e in extractions}
    for name, record in gold.items():
        assert by_name[name].metadata.title == record["title"]


def test_inbox_f1_floor_and_metadata() -> None:
    from transforms.decode import decode_document

    inbox, gold_file = REPO / "samples" / "inbox", REPO / "samples" / "gold.jsonl"
    if not gold_file.is_file():
        pytest.skip("samples/inbox not in this checkout")
    gold = _read_gold(gold_file)
    paths = sorted(p for p in inbox.glob("*.txt") if p.name in gold)
    extractions, _ = extract_text_batch([decode_document(p.name, p.read_bytes()) for p in paths])
    truth = {p.name: gold[p.name]["body"] if gold[p.name]["is_article"] else "" for p in paths}
    # The issue's target for the bundled corpus (measured 0.994).
    assert score_corpus(truth, {e.name: e.body for e in extractions}).f1 >= 0.97
    for extraction in extractions:
        record = gold[extraction.name]
        assert extraction.is_article == record["is_article"], extraction.name
        if record["is_article"]:
            assert list(extraction.metadata.byline) == record["byline"], extraction.name
            published = extraction.metadata.published
            assert (published.isoformat() if published else None) == record["published"], extraction.name


def test_unseen_corpus_floors() -> None:
    # samples/unseen: 12 dumps written by someone who had not seen this code (samples/README.md).
    # Scored first with the code as it was: body 0.979; title 1/11, byline 7/11, published 9/11,
    # publisher 5/11. The metadata rules were then fixed on it: 10/11, 11/11, 11/11, 10/11.
    from transforms.decode import decode_document
    from transforms.extract import extract_documents

    unseen = REPO / "samples" / "unseen"
    paths = sorted((unseen / "raw").glob("*.txt"))  # its HTML pages: tests/transforms/test_html.py
    gold = {name: r for name, r in _read_gold(unseen / "gold.jsonl").items() if name.endswith(".txt")}
    extractions = extract_documents([decode_document(p.name, p.read_bytes()) for p in paths]).extractions
    truth = {name: record["body"] for name, record in gold.items()}
    assert score_corpus(truth, {e.name: e.body for e in extractions}).f1 >= 0.97
    articles = [e for e in extractions if gold[e.name]["is_article"]]
    assert all(e.is_article == gold[e.name]["is_article"] for e in extractions)
    shares = _metadata_shares(articles, gold)
    assert min(shares.values()) >= 0.9, shares  # the issue's target: 90 % exact


@pytest.mark.parametrize(
    ("corpus", "body_floor", "metadata_floor"),
    [
        ("unseen2", 0.93, 0.8),
        ("unseen3", 0.92, 0.8),
        ("unseen4", 0.94, 0.8),
        ("unseen6", 0.94, 0.8),
        ("unseen7", 0.95, 0.8),
        ("unseen8", 0.91, 0.8),
        ("unseen9", 0.94, 0.8),
        ("unseen10", 0.96, 0.8),
        ("unseen11", 0.95, 0.8),
        ("unseen12", 0.94, 0.8),
        ("unseen13", 0.95, 0.8),
        ("unseen14", 0.95, 0.8),
        ("unseen15", 0.97, 0.8),
        ("unseen16", 0.96, 0.8),
        ("unseen17", 0.96, 0.8),
        ("unseen18", 0.95, 0.75),
        ("unseen19", 0.97, 0.8),
        ("unseen20", 0.92, 0.8),
        ("unseen21", 0.95, 0.8),
        ("unseen22", 0.95, 0.85),
        ("unseen23", 0.95, 0.65),
        ("unseen24", 0.96, 0.85),
        ("unseen25", 0.97, 0.75),
        ("unseen26", 0.97, 0.9),
        ("unseen27", 0.97, 0.75),
        ("unseen28", 0.96, 0.75),
        ("unseen29", 0.98, 0.9),
        ("unseen30", 0.97, 0.9),
        ("unseen31", 0.96, 0.9),
        ("unseen32", 0.96, 0.85),
        ("unseen33", 0.97, 0.9),
        ("unseen34", 0.975, 0.8),
        ("unseen35", 0.975, 0.9),
        ("unseen36", 0.99, 0.85),
        ("unseen37", 0.97, 0.9),
        ("unseen38", 0.975, 0.8),
        ("unseen39", 0.98, 0.95),
        ("unseen40", 0.98, 0.95),
        ("unseen41", 0.99, 0.9),
        ("unseen42", 0.985, 0.95),
        ("unseen43", 0.975, 0.85),
        ("unseen44", 0.985, 0.8),
        ("unseen45", 0.975, 0.9),
        ("unseen46", 0.97, 0.85),
        ("unseen47", 0.975, 0.85),
        ("unseen48", 0.985, 0.85),
        ("unseen49", 0.985, 0.95),
        ("unseen50", 0.975, 0.95),
        ("unseen51", 0.985, 0.85),
        ("unseen52", 0.98, 0.75),
        ("unseen53", 0.965, 0.75),
        ("unseen54", 0.96, 0.85),
        ("unseen55", 0.99, 0.95),
        ("unseen56", 0.93, 0.65),
        ("unseen57", 0.96, 0.45),
        ("unseen58", 0.9, 0.65),
        ("unseen59", 0.925, 0.75),
        ("unseen60", 0.935, 0.8),
        ("unseen61", 0.94, 0.55),
        ("unseen62", 0.955, 0.85),
        ("unseen63", 0.99, 0.65),
        ("unseen64", 0.985, 0.65),
        ("unseen65", 0.97, 0.7),
        ("unseen66", 0.97, 0.85),
        ("unseen67", 0.985, 0.85),
        ("unseen68", 0.98, 0.65),
        ("unseen69", 0.985, 0.95),
        ("unseen70", 0.97, 0.85),
        ("unseen71", 0.98, 0.55),
        ("unseen72", 0.97, 0.85),
    ],
)
def test_later_blind_corpora_floors(corpus: str, body_floor: float, metadata_floor: float) -> None:
    # samples/unseen2 and unseen3: 20 dumps each from later blind rounds (samples/README.md).
    # First scores, with the code as it was when each arrived: unseen2 body 0.904, title 10/19,
    # byline 14/19, published 17/19, publisher 13/19; unseen3 body 0.895 (blocks) and 0.954
    # (lines), title 16/19, byline 17/19, published 17/19, publisher 15/19; unseen4 (the last
    # round) body 0.963, title 10/18, byline 13/18, published 18/18, publisher 13/18. Then fixed.
    # unseen6 (the final check, not tuned on): body 0.954, title 16/18, byline 15/18, published
    # 17/18, publisher 17/18; a section front of teasers is taken for an article. unseen7 (session
    # 7): body 0.951, title 16/19, byline 14/19, published 17/19, publisher 13/19; an events page
    # taken for an article. unseen8's 10 dumps (its HTML half: test_html.py): body 0.918, title
    # 7/10, byline 9/10, published 10/10, publisher 8/10. unseen9's 15 dumps (the session's final
    # check, scored once; then a comment-section fix): body 0.930 -> 0.958. unseen10's 15 dumps
    # (the last check, scored once): body 0.974. Session 8: unseen11's 15 dumps, body 0.955, title
    # 14/15, byline 13/15, published 15/15, publisher 14/15; unseen12's 10, body 0.927, title 7/10,
    # byline 9/10, published 9/10, publisher 9/10 (multilingual and paywall chrome, affiliate and
    # syndication lines, a crosshead taken for a review's headline; then fixed: 0.967 and 0.958).
    # unseen13's 15 dumps: body 0.930, title 12/15, byline 10/15, published 14/15, publisher
    # 12/15 (a "Funding" crosshead taken for back matter, Spanish and Portuguese chrome, betting
    # and poll widgets); then fixed: 0.967. unseen14's 15 dumps (session 8's last check, written
    # after the rules and scored once): body 0.962 (session-start code 0.962), then 0.971.
    # Session 9: unseen15's 10 dumps, body 0.977 (session-start code 0.977), title 9/10, byline
    # 8/10, published 10/10, publisher 9/10; then related-stories boxes dropped: 0.988, and
    # "Report by X" bylines and authors' bio lines in the footer read: title and byline 10/10.
    # unseen16's 10 dumps (the session's second check): body 0.959 (session-start code 0.953),
    # title 8/9, byline 8/9, published 8/9, publisher 9/9, a search results page taken for an
    # article; then recipe-card, newsletter-form and affiliate lines dropped, "Section | date"
    # lines making an index page, a month alone giving way to a day: 0.974. unseen17's 10 dumps
    # (the session's last check, scored once): body 0.966 (session-start code 0.963), title 10/10,
    # byline 9/10, published 9/10, publisher 8/10; then 0.977 and 10/10 on all four. unseen18's 10
    # dumps (written at the session's end, scored once): body 0.943 (session-start code 0.939),
    # title 6/9, byline 6/9, published 8/9, publisher 9/9; then a wire credit taken for the
    # headline, a Dutch byline and date, a head over a newsletter box (8/9, 7/9, 9/9): a head over
    # a specs panel is left for the next session. Session 10: related boxes labelling headlines
    # with their sections, bulleted lists and tab-separated tables inside the article: 0.972.
    # unseen19's 10 dumps (scored once): body 0.950 (session-start code 0.950), title 9/9, byline
    # 8/9, published 7/9, publisher 9/9; then the lead a table parted from the run, a dateline of
    # parts, a labelled date under the article, a wire credit's reporter: 0.980, 9/9 on all four.
    # unseen20's 10 dumps (the session's second round, scored once): body 0.934 (session-start
    # code 0.934), title 8/9, byline 5/9, published 8/9, publisher 8/9; then bylines under the
    # article or an "About the author" heading, a second byline, a head over a video player:
    # 0.936, title, byline and published 9/9. Left: a paragraph the model drops after an embedded
    # post, a numbered gallery's captions, a live box, a journalist's profile page. unseen21's 10
    # dumps (the session's last check, scored once): body 0.957 (session-start code 0.957), title
    # 8/9, byline 6/9, published 9/9, publisher 8/9; then bylines spread over lines, French
    # comments, a "<site> vous recommande" box: 0.967, byline 9/9. Session 11: unseen22's 10
    # dumps (scored once): body 0.921 (0.924 with the session's first two rules), title 7/10,
    # byline 8/10, published 10/10, publisher 9/10; then an embedded post's reply buttons no longer
    # read as comments, a headline between the date and the byline, "Name at <ground>": 0.955,
    # title and byline 10/10. unseen23's 10 dumps (the session's second round, scored once): body
    # 0.926 (session-start code 0.924), title 8/9, byline, published 9/9, publisher 6/9; then a
    # table of contents and the sections it names, a bulleted standfirst, paywall and player
    # lines: 0.956, title 9/9. Left: two publishers printed as one plain word or a call sign.
    # unseen24's 10 dumps (the session's last check, written after the rules, scored once at
    # 2914a26): body 0.965 (session-start code 0.960), title 9/10, byline 8/10, published and
    # publisher 10/10; then "Sources" lists, poll and quiz prompts, a name and role with no comma
    # over a second name: 0.975, byline 9/10. unseen25's 10 dumps (written at the session's end,
    # scored once at b7a65f0): body 0.986 (session-start code 0.980), title and byline 8/9,
    # published 9/9, publisher 7/9; then "Photo / Name" credits and "Propos recueillis par":
    # 0.990, title and byline 9/9. Session 12: unseen26's 10 dumps (scored once): body 0.977
    # (session-start code 0.977), title 8/9, byline 7/9, published 8/9, publisher 9/9; then "By X
    # published <date>" far above a verdict box, a name past datelines and a share row, an author
    # box, an advert's copy, a picture's alternative text: 0.981, 9/9 on all four. unseen27's 10
    # dumps (the session's second round, scored once): body 0.972 (as the session-start code),
    # title 9/10, byline 6/10, published 9/10, publisher 6/10; then a broadcast transcript in
    # capitals, "Follow" under a byline, "et"/"und" between names, "Reviewed by" no author, rights
    # notices naming no one, a footer tagline naming the masthead: 0.980, 10, 9, 9, 8. unseen28's
    # 10 dumps (the session's third round, scored once at 86f5f36): body 0.953 (session-start code
    # 0.952), a removed story's page taken for an article, title 9/9, byline 7/9, published and
    # publisher 9/9; then a recipe card, numbered notes, a cookie-gated embed: 0.973, 10/10 pages.
    # unseen29's 10 dumps (the session's last check, written after the rules and scored once at
    # b569636): body 0.975 (the session-start code the same), title 8/9, byline 8/9, published and
    # publisher 9/9, a section front taken for an article; then German comment headers, "Foto:"
    # credits and the caption over one, "date · name · comments" bylines: 0.990, 9/9 on all four.
    # Session 13: unseen30's 10 dumps (scored once at aad906d): body 0.938 (session-start code the
    # same), title 8/9, byline 8/9, published 8/9, publisher 9/9; then a "Key events" box, a
    # sponsor's box, "Photo / X" and "© X" credits, a pull quote joining an interrupted quotation,
    # the last section past a related rail, a review's pros and cons, a headline over the byline
    # rather than a shopping box's product name, a second author card: 0.975, 9/9 on all four.
    # unseen31's 10 dumps (the session's second round, scored once at 9cf5106): body 0.953 (the
    # session-start code the same), title 7/9, byline 8/9, published 9/9, publisher 7/9; then a
    # reader poll, paywall and tip prompts, agency credits, a masthead's date and weather, "The
    # Night Shift" as a headline, class years, radio frequencies: 0.975, 9/9 on all four.
    # unseen32's 10 dumps (the session's last check, written after the rules by helpers who chose
    # the pages, scored once at f1abeed): body 0.967 over its 9 articles (session-start code
    # 0.962), a tag archive taken for an article, title and byline 7/9, published and publisher
    # 9/9; then "Texto:" bylines, Spanish link labels and disclaimers, an archive naming itself, a
    # role under a name line, "READ |" labels: 0.980, 9/9 on all four.
    # unseen33's 10 dumps (written at the session's end, scored once at 0be64f9): body 0.960
    # (session-start code 0.959), title, byline and published 10/10, publisher 9/10; then an
    # advert's copy under its label, French and Dutch paywall and error-report lines: 0.974.
    # Session 14: unseen34's 10 dumps (scored once at a6a5b57, the session-start code): body
    # 0.972, title 8/10, byline and published 9/10, publisher 7/10; then a head far above a verdict
    # box with its date under the byline, "8.5/10" no date, a "Name / Outlet" credit and a section
    # path no headline, an advert closing on a call to action, "Themen:" tag lines, a live blog's
    # "Posted at" times, a hyphenated masthead: 0.984, title, byline and published 10/10, publisher
    # 8/10 (a copyright holder over a <title> line in a blank-line dump; "Nordkanal English").
    # unseen35's 10 dumps (written after the session's first rules, scored once at 4571ae5; the
    # session-start code the same but publisher 9/9): body 0.967 over its 9 articles, a topic
    # archive judged right, title 8/9, byline and published 9/9, publisher 8/9 (a "» - Site"
    # <title>); then a reading time no headline, German, Portuguese and French paywall, embed and
    # sponsor lines, "About the author": 0.982, 9/9 on all four. Left: a results list, a match
    # facts box. unseen36's 10 dumps (the session's last check, scored once at 935ea61): 0.984
    # over its 9 articles, a French section front taken for an article (session-start code the
    # same, 0.984), title 8/9, byline and published 9/9, publisher 8/9 (7/9 at the session
    # start); then section fronts printing a time under every teaser, guillemets in a headline,
    # breadcrumb trails, adverts closing on a call to action after a dash: 0.997, publisher 8/9
    # ("NMR" for "Nordmark Rundfunk"). unseen37's 10 dumps (written at the session's end for
    # realism and odd site types, scored once at 11ae022): body 0.950 (the session-start code the
    # same), title and byline 7/10, published 10/10, publisher 7/10 (8/10 at the session start);
    # then bylines crediting photos or the newsroom, a headline naming people before a comma, a
    # glued "Credit..." caption, "Reporting from X", a <title> by initials, wire datelines, share
    # rows with a label: 0.974, title, byline and published 10/10, publisher 9/10.
    # unseen38's 10 dumps (the session's last check, scored once at 554b982): body 0.982
    # (session-start code 0.975), title 9/10, byline and published 10/10, publisher 8/10; then a
    # blog's name over the headline: title 10/10. Left: a press release's "News provided by"
    # company line and its dateline paragraph, "RTO" for "RTO Regionalfernsehen Oberland".
    # unseen39's 10 dumps (written at the session's very end, scored once at a3bd87e): body 0.978
    # (session-start code 0.962), title 10/10, byline 9/10, published 10/10, publisher 9/10; then
    # an Austrian "Mag." title, a <title> line with a place before the headline, gallery links and
    # French feedback lines: 0.987, 10/10 on all four. unseen40's 10 dumps (session 15, scored once
    # at fedc825): body 0.979, title 10/10, byline 7/10, published 9/10, publisher 6/10; then bare
    # names under a headline the <title> line names, a newsletter author's name no masthead, a site
    # the masthead confirms, "s.r.o." and "22. 2. 2024", "Annonse" and its copy: 0.988, 10/10 on all.
    # unseen41's 10 dumps (session 15, scored once at fb96ad0): body 0.971 (session-start code
    # 0.972), title 9/10, byline 6/10, published 9/10, publisher 9/10; then Italian, Polish and
    # Indonesian byline lead-ins and months, two author cards joined by "and", labelled credits
    # with initials, a half-dropped list kept whole, "READ MORE ON X" boxes: 0.996, 10/10/10/9.
    # unseen42's 10 dumps (session 15, scored once at b110368): body 0.963 (session-start code
    # 0.958), title 9/10, byline 10/10, published 8/10, publisher 9/10; then a database record's
    # fields, Turkish months, CPD boxes, metered notices, "Uhr" comment headers: 0.991, 10/10 on all.
    # unseen43's 10 dumps (session 15, scored once at 5f7650c; the session-start code the same):
    # 0.856, an author's page and a German login wall taken for articles (0.964 over the 8
    # articles), title 6/8, byline 7/8, published 8/8, publisher 7/8; then login walls in more
    # languages, a listing's counter, a <title> worded otherwise, labelled ratings: 0.982, judged
    # right, 8/8 on title, byline and published, publisher 7/8 (a broadcaster's company).
    # unseen44's 10 dumps (scored once at 52f8a51; session-start code
    # 0.984): 0.986, title 10/10, byline 7/10, published 8/10, publisher 9/10; then a blog's closing
    # "This entry was posted ... by X" line, the date under a closing byline, a mid-article
    # registration box, a repository record's "Authors: Surname, Given; ...": 0.991, byline 9/10,
    # published 10/10. Left: a club's name taken for its match report's author. unseen45's 10
    # dumps (written after that, scored once at ae7b5e6; session-start code 0.969): 0.970, title
    # 9/10, byline 9/10, published 10/10, publisher 9/10; then Polish recipe headings, a Dutch
    # advert's call to action and paywall notice, a role before a byline's name: 0.978, byline
    # 10/10. Left: a recipe card's title taken for the headline, a hockey scoring summary.
    # unseen46's 10 dumps (the session's last round, scored once at 3a381eb; session-start code
    # 0.911): 0.913, an Italian markets front with a live headline feed taken for an article
    # (left: bare times over teasers are a live blog's too), 0.963 over the 9 articles, title
    # 8/9, byline 6/9, published 8/9, publisher 8/9; then a second bare name over the date,
    # Welsh "Gan" and months, "Fot." and "Llun:" credits: 0.977 over the articles, 9/9/9/8.
    # unseen47's 10 dumps (written at the session's very end, scored once at 326d199; session-start
    # code 0.974): 0.974, title 9/10, byline 7/10, published 9/10, publisher 10/10 (9/10 at the
    # session start); then "Ein Kommentar von", an unclosed parenthesis after a byline's name,
    # "5 Min. Lesezeit": 0.978, 10/10, 9/10, 9/10, 10/10. Left: a Hindi byline and date.
    # unseen48's 10 dumps (session 16's first round; first scores at b02fc6c and c0f254c, the same
    # as the session-start code): 0.955, title 8/9, byline 5/9, published 8/9, publisher 9/9 (a
    # pensions author's archive judged right); then share-price boxes, Catalan months and "Per"
    # bylines, Swedish "Av", comments and paywalls in Portuguese, a sponsor's credit closing its
    # box, a caption printed again with its credit: 0.988, 9/9, 8/9, 9/9, 9/9. Left: a Greek
    # byline printed in the genitive.
    # unseen49's 10 dumps (scored once at a271c36 and 1b84183, the same as the session-start code):
    # 0.973 (a Kenyan tag page judged right), title 9/9, byline 7/9, published 9/9, publisher
    # 9/9; then "READ LATER" no name, an author box's name under the closing bio, two writers
    # joined by a slash, whitepaper and webinar boxes, Spanish and Polish labels: 0.988, 9/9 on
    # all four. Left: a press release's "About" boilerplate and media contacts after "ENDS" (three
    # earlier golds keep such notes, two drop them).
    # unseen50's 10 dumps (scored once at 04fcd27 and 870ee94, the same as the session-start code):
    # 0.818 (a corrections index taken for an article; 0.864 over the 9 articles), title 5/9,
    # byline 3/9, published 8/9, publisher 9/9: a live blog's head over its key events, a video's
    # timed transcript, a podcast's "Presented by", a Czech page in cp1250 read as cp1252,
    # Danish "Af", Romanian "Publicat de", Finnish "Kuva:"; then all of those: 0.979, 9/9 on all
    # four fields.
    # unseen51's 10 dumps (scored once at fb616ef, the same as the session-start code): 0.932 (a
    # buying guide cut after its first product box: 0.496), title 7/9, byline 7/9, published 9/9,
    # publisher 8/9; then a listicle's numbered sections, Slovak, Croatian, Vietnamese labels and
    # credits, a Vietnamese read-aloud player, "Piše:": 0.990, 9/9, 8/9, 9/9, 9/9. Left: a
    # Vietnamese closing byline of bare names ("Ngọc Ánh - Quốc Huy").
    # unseen52's 10 dumps (written at the session's end, scored once at eef294e;
    # session-start code 0.976): 0.977 (a Swiss live results page judged right), title 7/9, byline
    # 5/9, published 9/9, publisher 8/9; then cookie-consent buttons, a date bar's temperature,
    # a masthead's date bar far over the article's dateline, a name beside a reading time, "LEGGI
    # ANCHE" with two spaces, French comments: 0.985, 9/9, 7/9, 9/9, 8/9. Left: an Italian closing
    # bare name, an outlet's name after a byline's comma, a Belgian masthead publisher.
    # unseen53's 10 dumps (written at the session's very end, scored once at f160466 and 4eae756;
    # session-start code 0.912): 0.913 (a topic hub taken for an article), title 5/9, byline 4/9,
    # published 8/9, publisher 8/9; then reading times under a listing's stories, a writer's bio
    # no publisher, "MATCH ODDS", Afrikaans "Deur" and months, Slovenian "Avtorica:": 0.971, 7/9,
    # 8/9, 9/9, 9/9. Left: a Norwegian <title> worded otherwise, an opinion column's standfirst
    # taken for its headline.
    # unseen54's 10 dumps (written at the session's very end, scored once at a1fc46f and d46ddf7;
    # session-start code 0.959): 0.961, title 6/9, byline 5/9, published 6/9, publisher 8/9; then
    # Postmedia's "Article content", "© Copyright 2001-2025." no holder, Estonian, Latvian, Maltese
    # and Icelandic months, "Rapport ta'", Welsh roles: 0.966, 9/9, 8/9, 9/9, 8/9. Left: a
    # parenthesised wire credit (ScrapingHub's annotators keep Reuters'), a Maltese closing byline.
    # Session 17's six rounds (10 dumps each; first scores with non-articles counting, as make
    # bench scores them, each the same as the session-start code's): unseen55 0.982 / 0.942 (trade
    # press with inline chrome; Ukrainian, Bulgarian in cp1251, Galician, Swahili, Malay), unseen56
    # 0.972 / 0.770 (lynx, markdown and w3m dumps; a review, an earnings release, a photo essay
    # whose gold keeps the captions, a court-notices page), unseen57 0.948 / 0.884 (big outlets'
    # templates; Japanese, Korean, Chinese, Arabic, Hebrew: title 0/5, byline 0/5), unseen58 0.719
    # / 0.977 (short items under teaser rails with summaries; blogs), unseen59 0.909 / 0.924
    # (recipes, listicles, tutorials; Russian, Serbian, Greek, Hindi), unseen60 0.937 / 0.555
    # (competing second articles; sales, staff and section pages). Then fixed: newsletter pitches,
    # syndication notes, renderers' link numbers and markdown, teaser boxes with summaries, the
    # run-together scripts' labels and names, more months and labels, a sales page: 1.000 / 0.987,
    # 0.989 / 0.779, 0.966 / 0.969, 0.821 / 0.984, 0.932 / 0.934, 0.964 / 0.869 (a staff page too).
    # Left: the photo essay, the court notices (judged an article), an obituary's paid notices.
    # unseen61 0.975 /
    # 0.895 (2004-2014 pages' chrome; Brazilian Portuguese, Turkish, Vietnamese, Thai, Indonesian)
    # and unseen62 0.979 / 0.928 (long reads with chrome between sections; releases, footnotes,
    # notes to editors), written last; then a classified under an ad label, Turkish "İ" in line
    # keys, a release's "PLACE, date –" lead: 0.982 / 0.908, 0.983 / 0.937.
    # Session 18's rounds, first scored with the session-start code: unseen63 0.991 (UK health
    # trade press 2006-2012; US local news), unseen64 0.966 (science and medical trade press;
    # Polish, Czech in windows-1250, Hungarian, Romanian, Finnish), unseen65 0.968 (UK trade press
    # with a login wall and an expired page; blogs and newsletters), unseen66 0.952 (business and
    # markets news; French, German, Spanish, Italian, Portuguese national sites). Then doubled
    # captions, a list's first item, colon lead-ins, market data, the five languages' chrome and
    # fenced code: 0.995, 0.990, 0.978, 0.975. unseen67 0.983 (UK B2B trade weeklies 2008-2015;
    # syndicated wire copy) and unseen68 0.969 (organisations' news and releases; pages of
    # 1998-2007), then "Notes to editors" ending a release, wire copyright notices: 0.990, 0.987.
    # unseen69 0.924 (UK health trade press in other scrapers' shapes; pages hard to judge: a
    # letters page the gold calls no article, where unseen8's calls one an article: left) and
    # unseen70 0.973 (hobby magazines' reviews; Spanish, Portuguese, Dutch, Swedish, Norwegian);
    # then a masthead's "Latest issue" date, testers' bylines: 0.932, 0.975. Written last:
    # unseen71 0.980 (UK health-policy trade press 2007-2010 like the shared samples; dumps from
    # other tools: select-all copies, reader views, read-later and e-mail exports, RSS items) and
    # unseen72 0.970 (long-form pieces; European trade press), then an archive's "Go to:", "Have
    # your say", ratings in five languages, a caption doubled over the byline: 0.986, 0.978.
    from transforms.decode import decode_document
    from transforms.extract import extract_documents

    unseen = REPO / "samples" / corpus
    paths = sorted((unseen / "raw").glob("*.txt"))
    gold = _read_gold(unseen / "gold.jsonl")
    extractions = extract_documents([decode_document(p.name, p.read_bytes()) for p in paths]).extractions
    articles = [e for e in extractions if gold[e.name]["is_article"]]
    truth = {e.name: gold[e.name]["body"] for e in articles}
    assert score_corpus(truth, {e.name: e.body for e in articles}).f1 >= body_floor
    # One page each may be judged otherwise: a paywall teaser (gold: an article), a section front.
    assert sum(e.is_article == gold[e.name]["is_article"] for e in extractions) >= len(extractions) - 1
    shares = _metadata_shares(articles, gold)
    assert min(shares.values()) >= metadata_floor, shares


# --- rule families ----------------------------------------------------------------------------


def test_article_kept_chrome_dropped_with_reasons() -> None:
    text = page(
        "River wall to be rebuilt before winter", PROSE, head=["By Ada Lovell", "Published 4 March 2021"]
    )
    extraction = extract_one(text)
    assert extraction.is_article and extraction.method == "text"
    assert [p.text for p in extraction.paragraphs] == PROSE
    reasons = {r.text: r.reason for r in extraction.removed}
    assert reasons["River wall to be rebuilt before winter"] == "title"
    assert reasons["By Ada Lovell"] == "byline"
    assert reasons["Published 4 March 2021"] == "dateline"
    assert reasons["Rate this article"] == "rating_widget"
    assert reasons["1 star out of 5"] == "rating_widget"
    assert all(r.reason for r in extraction.removed)
    # Positions point at the line in the decoded text.
    lines = text.split("\n")
    assert all(lines[r.position].strip().lstrip("• ").strip() == r.text for r in extraction.removed)


def test_head_metadata() -> None:
    text = page(
        "River wall to be rebuilt before winter",
        PROSE,
        head=[
            "By Ada Lovell and Tom Reeve, Environment Correspondents",
            "Published 4 March 2021",
            "Updated 6 March 2021",
        ],
    )
    metadata = extract_one(text).metadata
    assert metadata.title == "River wall to be rebuilt before winter"
    assert metadata.byline == ("Ada Lovell", "Tom Reeve")
    assert metadata.published == date(2021, 3, 4)  # first published, never the update


def test_headline_above_the_byline_block_not_the_caption_under_it() -> None:
    # Share rows, captions and photo credits between the byline/dateline block and the article
    # are not the headline; the line above the block is.
    text = page(
        "River wall to be rebuilt before winter",
        PROSE,
        head=[
            "Posted by Ada Lovell on 4 March 2021",
            "Share on Facebook | Tweet | Email",
            "Workers inspect the old wall near the lock. Workers inspect the old wall near the lock.",
            "Picture: Fenland Courier library",
        ],
    )
    metadata = extract_one(text).metadata
    assert metadata.title == "River wall to be rebuilt before winter"
    assert metadata.byline == ("Ada Lovell",)
    assert metadata.published == date(2021, 3, 4)


def test_headline_written_as_a_sentence() -> None:
    from transforms.metadata import read_head

    headline = "Our new wall survived its first flood. Here is what we learned."
    head = ["Posted by Ada Lovell on 4 March 2021", "Filed under: Flooding, Council | 3 Comments"]
    dump = parse_dump(page(headline, PROSE, head=head))
    keep = [text in PROSE for text in dump.texts]  # the classifier's verdict, for this test
    found = read_head(dump, keep)
    assert found.metadata.title == headline
    assert found.lines[dump.texts.index(headline)] == "title"
    # Without the byline/dateline block there is no telling it from a standfirst.
    dump = parse_dump(page(headline, PROSE))
    assert read_head(dump, [text in PROSE for text in dump.texts]).metadata.title is None


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("Published: 4 Mar 2021 | Updated: 6 Mar 2021", date(2021, 3, 4)),
        ("Posted: 03/18/2021 11:40 PM | Updated: 03/19/2021 06:12 PM", date(2021, 3, 18)),
        ("Updated 16:51 GMT | Published 09:12 GMT, Thursday 4 March 2021", date(2021, 3, 4)),
        ("Posted: Mar 4, 2021 / 03:04 PM EST / Updated: Mar 6, 2021 / 05:10 PM EST", date(2021, 3, 4)),
    ],
)
def test_first_publication_date_from_a_line_that_gives_the_update(dateline: str, published: date) -> None:
    text = page("River wall to be rebuilt before winter", PROSE, head=["Words: Ada Lovell", dateline])
    metadata = extract_one(text).metadata
    assert metadata.published == published
    assert metadata.byline == ("Ada Lovell",)


def test_headline_over_an_unpunctuated_standfirst_a_role_line_and_a_credited_caption() -> None:
    head = [
        "Engineers say the patched wall cannot survive another winter of floods on the eastern bank",
        "Ada Lovell",
        "Environment Correspondent",
        "4 March 2021",
        "Workers repair the old river wall near the lock on Monday (Image: Fenland Courier)",
    ]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert (metadata.title, metadata.byline) == ("River wall to be rebuilt before winter", ("Ada Lovell",))


def test_share_buttons_relative_time_and_a_credited_caption_are_not_the_headline() -> None:
    head = [
        "Posted 3 days ago",
        "Share    Tweet    Email",
        "Workers repair the old river wall near the lock on Monday. (Fenland Courier)",
    ]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.title == "River wall to be rebuilt before winter"


def test_two_names_under_the_headline_without_by() -> None:
    head = ["Ada Lovell and Tom Reeve", "Fenland Courier", "4 March 2021"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert (metadata.title, metadata.byline) == (
        "River wall to be rebuilt before winter",
        ("Ada Lovell", "Tom Reeve"),
    )


def test_a_label_between_the_headline_and_the_date_is_not_the_headline() -> None:
    # A university's release: a promotion's month above, a "Press release" label under the headline.
    lines = ["Fen University", "Study", "Research", "Apply now for September 2024", "News"]
    lines += ["Tiny trackers reveal the night-time routes of fen hedgehogs", "Press release", "21 May 2024"]
    lines += ["A hedgehog fitted with a GPS tag. Credit: Fen University / Wildlife Lab", *PROSE]
    metadata = extract_one("\n\n".join(lines)).metadata
    assert metadata.title == "Tiny trackers reveal the night-time routes of fen hedgehogs"
    assert metadata.published == date(2024, 5, 21)


def test_a_wire_services_credit_under_the_headline_is_not_the_headline() -> None:
    lines = ["Fen Business Daily", "Markets", "Fen Cold Stores opens a $48 million freezer hub in Wisbech"]
    lines += ["The site adds 31,000 pallet positions and 140 jobs; it targets a 40% cut in energy use."]
    lines += ["Provided by Fen Newswire"]
    lines += ["May 4, 2022 at 8:00 AM EDT", *PROSE]
    metadata = extract_one("\n\n".join(lines)).metadata
    assert metadata.title == "Fen Cold Stores opens a $48 million freezer hub in Wisbech"


def test_the_head_over_a_newsletter_box_is_found() -> None:
    # A group paper: share buttons, "NewsBy" glued over the name, then a newsletter box whose
    # lines the rules drop; they do not push the headline out of the head window.
    head = ["Fury as council confirms the river wall will be rebuilt with no plan B for the towpath"]
    head += ["Campaigners who gathered more than 9,000 signatures say the decision leaves the bank open"]
    head += ["Bookmark", "Share", "Comments", "NewsBy", "Ada Lovell", "Local Democracy Reporter"]
    head += ["14:32, 12 JUN 2024", "The river wall in 1953 (Image: Fenland Courier)"]
    box = "Get the biggest Fenland stories straight to your inbox"
    head += [box, "Sign up", "Thank you for subscribing!", box, "We have more newsletters", "Show me"]
    head += ["See our privacy notice", "Invalid Email"]
    metadata = extract_one("\n\n".join(["The Fenland Courier", "News", "Local News", *head, *PROSE])).metadata
    assert metadata.title == head[0]
    assert metadata.published == date(2024, 6, 12)


def test_names_under_the_standfirst_and_a_credited_caption_are_the_byline() -> None:
    standfirst = "Engineers say the patched wall cannot survive another winter of floods on the eastern bank."
    caption = "The eastern bank at Fen Drove on Tuesday. Photograph: Tom Reeve/Fenland Courier"
    head = [standfirst, caption, "Ada Lovell and Sam Okafor", "Environment correspondents", "4 March 2021"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.byline == ("Ada Lovell", "Sam Okafor")
    # A share row is no name.
    head = [standfirst, "Share Tweet Email", "4 March 2021"]
    assert extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata.byline == ()


@pytest.mark.parametrize(
    ("masthead", "publisher"),
    [
        ("FENLAND COURIER", "Fenland Courier"),
        ("The Fenland Courier - News", "The Fenland Courier"),
        ("FenWire", "FenWire"),
        ("Fenland-Bote", "Fenland-Bote"),
        ("E-Paper", None),
        ("La Voz de Arcedo", "La Voz de Arcedo"),
        ("Latest News", None),
        ("I Accept More Options", None),
        ("BUY TICKETS", None),
        ("WEATHER ALERT", None),
        ("Learn More", None),
        ("Skip Navigation", None),
        ("Currently Reading", None),
        ("Support Fenland Courier", None),
        ("Now Playing: Ada Lovell – River Songs", None),
        ("Fenland 99.5", "Fenland 99.5"),
        ("Official website of Fenland Rovers FC", "Fenland Rovers FC"),
    ],
)
def test_masthead_names_the_publisher_when_nothing_else_does(masthead: str, publisher: str | None) -> None:
    text = "\n\n".join([masthead, "Home | News | Sport", "River wall to be rebuilt before winter", *PROSE])
    assert extract_one(text).metadata.publisher == publisher


def test_a_reading_time_is_no_headline_nor_is_a_headline_with_a_place_and_a_colon_a_name() -> None:
    # Blocks layout, no <title>: the headline's "in Lindenau: Was ..." reads like a name and a
    # place; the reading time over the standfirst is no headline either.
    headline = "Höhere Wassergebühren in Lindenau: Was Haushalte jetzt wissen müssen"
    head = ["Nachrichten › Region", headline, "Veröffentlicht am 21.01.2025, 06:00 Uhr"]
    head += ["Von Ada Lovell", "Lesedauer: ca. 4 Minuten"]
    assert extract_one("\n\n".join([*head, *PROSE])).metadata.title == headline


def test_a_headline_quoting_a_nickname_in_guillemets_is_no_breadcrumb() -> None:
    headline = "Hédi Ben Slimane, le « médecin des ouds » de la médina, s'est éteint à 84 ans"
    standfirst = "Le maître luthier est mort dimanche dans sa maison de la médina. Il avait 84 ans."
    head = ["Accueil > Culture > Carnet", headline, standfirst, "Par Leïla Mansouri", "Publié le 17/02/2025"]
    assert extract_one("\n\n".join([*head, *PROSE])).metadata.title == headline


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Interview: Jakob Wiesinger · Fotos: Sabine Kern", ("Jakob Wiesinger",)),
        ("Words and photos: Hamish Te Rangi-Wallace", ("Hamish Te Rangi-Wallace",)),
        ("Por Marcela Quirino e Tiago Sena, da Redação", ("Marcela Quirino", "Tiago Sena")),
        ("Von Mag. Sabine Kreuzhuber", ("Sabine Kreuzhuber",)),
    ],
)
def test_bylines_crediting_photos_or_the_newsroom_name_the_writers(line: str, names: tuple[str, ...]) -> None:
    head = ["River wall to be rebuilt before winter", line, "3 June 2024"]
    assert extract_one("\n\n".join(["Fenland Courier", "Home", *head, *PROSE])).metadata.byline == names


def test_a_headline_naming_two_people_before_a_comma_is_no_byline() -> None:
    headline = "Jepkoech Cherono, Kiprotich Lagat storm to Highlands Cross Country titles"
    standfirst = "Teenager Cherono beats a world indoor medallist on a muddy course as Lagat wins in a sprint"
    head = ["Athletics", headline, standfirst, "By Dennis Wambua | Athletics Writer", "15 February 2025"]
    assert extract_one("\n\n".join(["Uwanja Sports", *head, *PROSE])).metadata.title == headline


def test_a_blank_line_dump_opening_with_its_title_finds_the_headline_past_counters() -> None:
    # Share counts and a player between the headline and the byline stop the head reader; the
    # <title> line names the headline printed further up.
    headline = "Ferry grounding report faults skipped inspections"
    lines = [f"{headline} - The Fenland Times", "Sections", headline, "A state review found a worn pump."]
    lines += ["Listen to this article · 7:04 min Learn more", "Share full article", "214"]
    lines += ["By Ada Lovell and Tom Reeve", "Reporting from Port Alder", "March 10, 2025", *PROSE]
    metadata = extract_one("\n\n".join(lines)).metadata
    assert (metadata.title, metadata.publisher) == (headline, "The Fenland Times")


def test_a_list_under_a_heading_the_model_dropped_inside_the_article_is_kept_whole() -> None:
    # "Key findings" and one of four short items scored as chrome; the article goes on around them.
    items = ["Median order book stood at 19 weeks", "41% of foundries declined restoration work"]
    items += ["The average pattern maker is 61 years old", "Only 11 apprentices started in 2024"]
    chrome = {"Key findings", items[3]}
    lines = ["River wall to be rebuilt | Fen Wire", "River wall to be rebuilt", *PROSE[:3], "Key findings"]
    lines += [*(f"  • {item}" for item in items), *PROSE[3:], "Copyright 2021 Fen Wire"]
    dump = parse_dump("\n".join(lines))
    keep, _, _ = decide(dump, [0.1 if text in chrome else 0.9 for text in dump.texts])
    kept = [text for text, flag in zip(dump.texts, keep, strict=True) if flag]
    assert kept == [*PROSE[:3], "Key findings", *items, *PROSE[3:]]


def test_a_list_the_model_half_dropped_between_its_heading_and_the_article_is_kept_whole() -> None:
    # Two of five figures scored as article: the article goes on right under the list.
    items = ["Olives received: 4 270 000 kg", "Members delivering: 612", "Average oil yield: 15.8%"]
    items += ["Oil produced: about 675 tonnes", "Extra virgin: 81% of the total"]
    lines = ["River wall to be rebuilt | Fen Wire", "River wall to be rebuilt", *PROSE[:3], "The figures"]
    lines += [*(f"  • {item}" for item in items), *PROSE[3:], "Copyright 2021 Fen Wire"]
    dump = parse_dump("\n".join(lines))
    keep, _, _ = decide(dump, [0.1 if text in items[:3] else 0.9 for text in dump.texts])
    kept = [text for text, flag in zip(dump.texts, keep, strict=True) if flag]
    assert kept == [*PROSE[:3], "The figures", *items, *PROSE[3:]]


def test_a_blank_line_dumps_title_line_with_a_place_before_the_headline_names_the_site() -> None:
    headline = "Freibad-Sanierung wird 1,4 Millionen Euro teurer"
    lines = [f"Bad Fenhausen: {headline} | Fenmarker Allgemeine", "Startseite", headline, "Von Ada Lovell"]
    lines += [*PROSE, "© 2025 Fenmarker Verlagsgesellschaft mbH & Co. KG · Marktstraße 12"]
    assert extract_one("\n\n".join(lines)).metadata.publisher == "Fenmarker Allgemeine"


def test_a_blogs_name_over_the_headline_gives_way_to_the_headline_the_title_line_names() -> None:
    headline = "Merging the two clubs won't save hurling in the parish – it will just hide the problem"
    lines = [f"{headline} – The Sideline – The Fenland Chronicle", "Blogs › The Sideline"]
    lines += ["Club GAA, from the ditch, with Ada Lovell", headline, "Posted by Ada Lovell on 23 June 2024"]
    metadata = extract_one("\n\n".join([*lines, *PROSE])).metadata
    assert (metadata.title, metadata.publisher) == (headline, "The Fenland Chronicle")


def test_a_closing_bio_over_the_sites_copyright_line_is_no_caption() -> None:
    # "© X Pvt Ltd" names a company: the site's notice, not a picture's credit under a caption.
    bio = "The writer is a transport researcher and a fellow at the Fenland Institute. Views are personal."
    body = [*PROSE, bio]
    notice = "© The Fenland Chronicle Pvt Ltd"
    extraction = extract_one(page("River wall to be rebuilt before winter", [*body, notice]))
    assert extraction.body == "\n\n".join(body)


def test_a_blank_line_dump_opening_with_its_title_names_the_site_over_the_copyright_holder() -> None:
    headline = "River wall to be rebuilt before winter"
    lines = [f"{headline} - El Vigía de Fenland", "Portada", "Noticias", headline, *PROSE]
    lines += ["© 2025 Sociedad Periodística del Fen Ltda. Todos los derechos reservados."]
    metadata = extract_one("\n\n".join(lines)).metadata
    assert (metadata.title, metadata.publisher) == (headline, "El Vigía de Fenland")


def test_a_bare_name_under_the_headline_the_title_line_names_is_the_byline() -> None:
    # The head reader starts at the article and finds no headline above a long standfirst and a
    # photo; the <title> line names it, and the name printed under it with a role is the byline.
    headline = "River wall to be rebuilt before winter"
    standfirst = "The council backed the plan by 17 votes to 10. Farmers fear for the spawning grounds."
    head = [headline, standfirst, "Ada Lovell", "Journalist", "ada.lovell@fenland-avis.no"]
    head += ["Publisert: 12.03.2024 14:37", "Lytt til artikkelen", "00:00 / 04:51"]
    head += ["UENIG: Tom Reeve has fished the sound for forty years.", "Foto: Ada Lovell"]
    menu = ["Nyheter", "Sport", "Meninger", "Kultur", "Næringsliv", "Dødsfall", "eAvis", "Tips oss"]
    lines = [f"{headline} | Fenland Avis", "Godta alle", "Fenland Avis", *menu, "Nyheter / Leirvåg", *head]
    metadata = extract_one("\n\n".join([*lines, *PROSE])).metadata
    assert (metadata.title, metadata.byline) == (headline, ("Ada Lovell",))
    assert metadata.publisher == "Fenland Avis"


def test_two_author_cards_joined_by_a_line_of_and_name_both_authors() -> None:
    head = ["Villagers' fury as council saws the river wall's bench in half – and blames 'loitering' teens"]
    head += ["Residents say the seat was paid for by the whole town – and now it has a gap in the middle"]
    head += ["Ada Lovell", "Senior News Reporter", "and", "Tom Reeve", "Published: 06:42, 14 Mar 2025"]
    title = f"{head[0]} | The Fenland Blaze"
    metadata = extract_one("\n".join([title, "The Fenland Blaze", "News", *head, *PROSE]) + "\n").metadata
    assert metadata.byline == ("Ada Lovell", "Tom Reeve")


def test_two_bare_names_over_the_date_are_both_authors() -> None:
    head = [
        "Fenstahl streicht 640 Stellen in Ober-Fenningen",
        "Der Antriebsspezialist verlagert die Montage ins",
    ]
    head[1] += " Ausland und senkt seine Jahresprognose."
    head += ["Ada Lovell", "Tobias Reeve", "14.05.2024 - 17:42 Uhr", "Lesezeit: 4 Min."]
    metadata = extract_one("\n\n".join(["Fenpost", "Startseite › Unternehmen", *head, *PROSE])).metadata
    assert (metadata.byline, metadata.published) == (("Ada Lovell", "Tobias Reeve"), date(2024, 5, 14))


def test_a_newsletter_authors_copyright_makes_her_no_masthead_and_keeps_her_byline() -> None:
    headline = "We opened the library on Sundays. Nobody came, and then everybody did."
    lines = [headline, "The Fen Diaries", "Subscribe", "Sign in", "Home", "Archive", "About", headline]
    lines += ["Six months of volunteer opening hours, and what they taught me.", "Ada Lovell", "Feb 09, 2025"]
    lines += [*PROSE, "© 2025 Ada Lovell"]
    metadata = extract_one("\n\n".join(lines)).metadata
    assert (metadata.byline, metadata.publisher) == (("Ada Lovell",), "The Fen Diaries")


def test_a_title_line_worded_otherwise_finds_the_headline_and_the_name_under_a_player_and_photo() -> None:
    # The <title> words the story otherwise; the name sits under an audio player, a standfirst and
    # a captioned photo; a review's rating line with a label is no headline.
    headline = "Simhallen stängs i två år – simklubben tvingas flytta till Lövsund"
    lines = ["Simhallen i Fenby stängs i två år – simklubben tvingas flytta | Fenby Tidning", "Fenby Tidning"]
    lines += ["Nyheter", "Sport", "Nyheter › Fenby", headline, "Lyssna på artikeln 5 min"]
    lines += ["Taket i Fenby simhall är så skadat att hallen måste stängas redan den 1 april."]
    lines += ["Fenby simhall byggdes 1974 och har inte renoverats sedan 1990-talet.", "Foto: Tom Reeve"]
    lines += ["Ada Lovell", "Reporter", "Publicerad 12 mars 2025, 06:00", *PROSE]
    metadata = extract_one("\n\n".join(lines)).metadata
    assert (metadata.title, metadata.byline) == (headline, ("Ada Lovell",))


def test_a_rating_line_with_a_label_and_a_verdict_is_no_headline() -> None:
    headline = "Joana Fenwick turns the Municipal Theatre into a circle dance at her album launch"
    head = [
        "Cultura",
        "CRÍTICA",
        headline,
        "In a show of almost two hours, the singer plays her third record.",
    ]
    head += ["Avaliação: ★★★★☆ Ótimo", "Por Ada Lovell", "14/09/2025 19h48"]
    assert extract_one("\n\n".join(["Gazeta Fen", *head, *PROSE])).metadata.title == headline


def test_a_blogs_closing_posted_line_gives_the_byline_and_date_and_leaves_the_body() -> None:
    posted = "This entry was posted in News and tagged budget, library on October 14, 2024 by Ada Lovell."
    tail = [
        posted,
        "Post navigation",
        "← Budget hearing set for Tuesday",
        "Library hours change in November →",
    ]
    extraction = extract_one(
        "\n\n".join(["Fen Notes", "Home | About", "River wall to be rebuilt", *PROSE, *tail])
    )
    assert (extraction.metadata.byline, extraction.metadata.published) == (
        ("Ada Lovell",),
        date(2024, 10, 14),
    )
    assert extraction.body == "\n\n".join(PROSE)


def test_the_date_under_a_closing_byline_is_the_publication_date() -> None:
    tail = ["Text: Carola Fenwick, Öffentlichkeitsarbeit", "18. Februar 2025", "Spendenkonto"]
    metadata = extract_one(
        "\n\n".join(["Fen e.V.", "Neuer Kühltransporter für die Tafel", *PROSE, *tail])
    ).metadata
    assert (metadata.byline, metadata.published) == (("Carola Fenwick",), date(2025, 2, 18))


def test_a_title_line_over_another_headline_names_the_site_its_masthead_prints() -> None:
    # The <title> words the story otherwise than the page; the masthead under it confirms the site.
    title = "Four farms, one robot: inside the Fenbridge machinery share | Features | Headland"
    lines = [title, "Menu", "Headland", "News", "Features", "Four farms, one robot: the share rewriting the"]
    lines[-1] += " weeding calendar"
    lines += ["By Ada Lovell", "14 August 2024", *PROSE, "© 2024 Headland Publishing Ltd."]
    assert extract_one("\n\n".join(lines)).metadata.publisher == "Headland"


def test_a_domain_the_masthead_prints_as_its_name_is_the_publisher() -> None:
    headline = "River wall to be rebuilt before winter"
    lines = [f"{headline} - Fenland.cz", "Přijmout vše", "Fenland.cz", "Zprávy", "Regiony", headline]
    lines += ["22. 2. 2024 10:14, aktualizováno 22. 2. 2024 13:02", *PROSE, "© 2024 Fenland Media s.r.o."]
    metadata = extract_one("\n".join(lines) + "\n").metadata
    assert (metadata.publisher, metadata.published) == ("Fenland.cz", date(2024, 2, 22))
    # A domain in lower case is no name the page prints: the copyright holder's name is.
    lines = [f"{headline} - fenland.cz", "fenland.cz", *lines[3:]]
    assert extract_one("\n".join(lines) + "\n").metadata.publisher == "Fenland Media"


def test_a_title_naming_the_site_by_its_initials_gives_way_to_the_name_they_stand_for() -> None:
    lines = ["River wall to be rebuilt before winter | AFN", "Portada", "AFN", "Agencia Fenland de Noticias"]
    lines += ["River wall to be rebuilt before winter", *PROSE]
    assert extract_one("\n".join(lines) + "\n").metadata.publisher == "Agencia Fenland de Noticias"


def test_a_masthead_in_capitals_is_named_as_the_page_prints_it_elsewhere() -> None:
    said = "“The wall will not last another winter,” the engineer told FenWire Today on Tuesday."
    text = "\n\n".join(["FENWIRE TODAY", "Home | News | Sport", "River wall to be rebuilt", *PROSE, said])
    assert extract_one(text).metadata.publisher == "FenWire Today"


@pytest.mark.parametrize(
    ("footer", "publisher"),
    [
        ("© 2021 Fenland Courier Ltd. All rights reserved.", "Fenland Courier"),
        ("About Fenland Courier | Contact | Advertise", "Fenland Courier"),
        ("Fenland Courier, Unit 4, Dock Road, Wisbech", "Fenland Courier"),
        (
            "© 2021 Marsh Media Ltd. Fenland Courier is a registered trade mark of Marsh Media Ltd.",
            "Fenland Courier",
        ),
        # A teaser that opens with the line's words names no publication.
        ("Fenland Courier van stolen from depot", None),
        ("Fenland Courier - News for the fens since 1899", "Fenland Courier"),
        ("Fenland Courier è una testata di Marsh Media S.p.A.", "Fenland Courier"),
    ],
)
def test_masthead_under_a_cookie_banner_is_the_publisher_when_the_footer_names_it(
    footer: str, publisher: str | None
) -> None:
    banner = ["Cookies on this site", "We use cookies to remember your settings. Continue"]
    banner += ["Log in | Subscribe"]
    text = "\n\n".join(
        [*banner, "Fenland Courier", "Home | News", "River wall to be rebuilt before winter", *PROSE, footer]
    )
    assert extract_one(text).metadata.publisher == publisher


def test_publisher_named_with_the_as_the_masthead_prints_it() -> None:
    lines = ["River wall to be rebuilt | Fenland Courier", "Fenland Courier", "Home"]
    lines += ["River wall to be rebuilt", *PROSE, "The Fenland Courier is a division of Marsh Media Inc."]
    assert extract_one("\n".join(lines) + "\n").metadata.publisher == "Fenland Courier"


def test_town_and_state_after_the_site_name_in_the_title() -> None:
    title = "River wall to be rebuilt - News - Fenland Courier - Wisbech, MA"
    assert split_title(title) == ("River wall to be rebuilt - News", "Fenland Courier")


def test_a_section_label_over_the_headline_is_not_the_headline() -> None:
    text = page(
        "Drainage board to raise levy by 18% after pump station failures", PROSE, head=["By Ada Lovell"]
    )
    text = text.replace(
        "Home | News | Sport | Farming | Opinion",
        "Home | News | Sport | Farming | Opinion\n\nMarkets & Policy",
    )
    metadata = extract_one(text).metadata
    assert metadata.title == "Drainage board to raise levy by 18% after pump station failures"


def test_eleven_word_unpunctuated_standfirst_under_the_headline() -> None:
    head = ["Engineers say the patched wall will not survive another winter of floods", "By Ada Lovell"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.title == "River wall to be rebuilt before winter"


@pytest.mark.parametrize(
    "name_line", ["Ada Lovell, Environment Correspondent", "Ada Lovell", "Ada Lovell | Senior Editor"]
)
def test_name_line_under_the_standfirst_is_the_byline(name_line: str) -> None:
    standfirst = "Engineers say the patched wall cannot survive another winter of floods on the eastern bank."
    text = page("River wall to be rebuilt before winter", PROSE, head=[standfirst, name_line, "4 March 2021"])
    metadata = extract_one(text).metadata
    assert metadata.title == "River wall to be rebuilt before winter"
    assert metadata.byline == ("Ada Lovell",)
    assert metadata.published == date(2021, 3, 4)


def test_numbered_notes_under_a_notes_heading_end_the_article() -> None:
    notes = ["Notes", "[1] Fenland Courier analysis of drainage board accounts, 2019-2023."]
    notes += ["[2] Based on the board's published charges for 2024-25, single-occupancy homes."]
    extraction = extract_one(page("Paying for the river wall", [*PROSE, *notes]))
    assert extraction.body == "\n\n".join(PROSE)


@pytest.mark.parametrize(
    ("ingredients", "method"), [("Ingredients", "Method"), ("Składniki", "Przygotowanie")]
)
def test_a_recipe_card_keeps_its_ingredients_and_method_under_their_headings(
    ingredients: str, method: str
) -> None:
    card = ["Advertisement", "Prep: 15 mins", "Serves 4", ingredients, "  • 3 large leeks, trimmed"]
    card += ["  • 2 tbsp olive oil", "For the yoghurt", "  • 150g Greek-style yoghurt", "  • 1 lemon"]
    card += [method, "  • Heat the oil in a large casserole and brown the leeks on all sides for 10 mins."]
    card += ["  • Stir the lemon juice into the yoghurt and serve it with the leeks."]
    extraction = extract_one(page("Charred leeks with lemon yoghurt", [*PROSE, *card], tail=["Tags: Vegan"]))
    kept = [p.text for p in extraction.paragraphs]
    assert kept[: len(PROSE)] == PROSE
    assert kept[len(PROSE) :] == [line.strip().removeprefix("• ") for line in card[3:]]


def test_a_broadcast_transcript_in_capitals_under_the_story_goes() -> None:
    transcript = ["FIRE CREWS SAY FLAMES WERE SHOOTING THROUGH THE ROOF.", "NOBODY WAS HURT."]
    transcript += ["REPORTING FROM THE FENS, ADA LOVELL, FEN 8 NEWS.", "WILL THE WALL HOLD THIS TIME?"]
    note = "This transcript was generated automatically and may contain errors."
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *transcript, note]))
    reasons = {r.text: r.reason for r in extraction.removed}
    assert reasons[transcript[0]] == reasons[transcript[2]] == "transcript"
    assert reasons[note] == "disclaimer"
    assert [p.text for p in extraction.paragraphs][: len(PROSE)] == PROSE


@pytest.mark.parametrize(
    ("label", "advert", "paragraph"),
    [
        (
            "Advertisement",
            "Fen Pumps – drainage pumps built for the Levels. Request a demo",
            "The board said the pumps would be replaced in stages. Work starts in May.",
        ),
        (
            "ADVERTENTIE",
            "Klimaatregeling? FenLogic stuurt belichting en scherm. Vraag een demo aan op onze stand.",
            "Het bestuur zei dat de pompen in fasen worden vervangen. Het werk begint in mei.",
        ),
        # An exclamation no one says closes an advert's copy; a quotation's may close a paragraph.
        (
            "Annonse",
            "Fenbygg Leirvåg – vårsalg på terrassebord og beis. Opptil 30 % rabatt ut mars!",
            "The board said it would not wait. “We start in May. Nobody will stop us now!”",
        ),
    ],
)
def test_an_adverts_copy_under_its_label_goes_a_paragraph_under_one_stays(
    label: str, advert: str, paragraph: str
) -> None:
    body = [*PROSE[:3], label, advert, *PROSE[3:5], label, paragraph, *PROSE[5:]]
    kept = [p.text for p in extract_one(page("River wall to be rebuilt before winter", body)).paragraphs]
    assert advert not in kept
    assert paragraph in kept


@pytest.mark.parametrize(
    ("label", "advert"),
    [
        (
            "Publicité",
            "Découvrez nos offres — Cuisines Ravel, Fenville. Jusqu'à -30 % sur les modèles exposés.",
        ),
        ("Advertentie", "Scania? Volvo? DAF? Vergelijk elektrische trekkers op prijs – TruckVergelijker.nl"),
        ("ADVERTISEMENT", "Fenville Ford — Spring Sales Event. 0% APR on all cars. See dealer for details."),
        ("Sponsored", "Protect your orchard this wet season. Fenshield – for apples. Ask your dealer."),
        ("Anzeige", "Jetzt 4 Wochen Kurier+ um 1 Euro testen – alle Artikel. Jederzeit kündbar."),
        ("Publicidad", "Ferretería El Roble — Estanques desde $89.990. ¡Cotiza por WhatsApp!"),
        ("Advertisement", "Cut your fuel bill by 12%. Telematics that pays for itself – book a demo today."),
        ("Anzeige", "Weiterbildung an der Uni: Lehrgang Kommunikation – jetzt bis 30. Juni bewerben."),
    ],
)
def test_an_adverts_copy_opening_with_a_call_to_action_or_ending_with_its_address_goes(
    label: str, advert: str
) -> None:
    body = [*PROSE[:3], label, advert, *PROSE[3:]]
    extraction = extract_one(page("River wall to be rebuilt before winter", body))
    assert extraction.body == "\n\n".join(PROSE)


@pytest.mark.parametrize(("label", "button"), [("Annons", "Läs mer"), ("PUBLICIDADE", "Simule agora")])
def test_a_sponsors_box_with_its_button_in_another_language_goes(label: str, button: str) -> None:
    box = [
        label,
        "Fenby Bil & Däck",
        "Byt till sommardäck redan nu – boka tid online och få 20 % rabatt.",
        button,
    ]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:3], *box, *PROSE[3:]]))
    assert extraction.body == "\n\n".join(PROSE)


def test_a_sponsors_box_between_its_label_and_its_button_goes() -> None:
    copy = ["This series is supported by Fen Pumps. Fen Pumps had no say in what we wrote."]
    copy += ["Fen Pumps – drainage pumps built for the Levels since 1987. Quiet, efficient, local."]
    body = [*PROSE[:3], "PARTNER CONTENT", *copy, "Find out more ›", *PROSE[3:]]
    extraction = extract_one(page("River wall to be rebuilt before winter", body))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.text: r.reason for r in extraction.removed}["Find out more ›"] == "call_to_action"


def test_a_reader_poll_inside_the_article_goes_whole() -> None:
    poll = ["Reader poll", "Should the council rebuild the river wall this winter?"]
    poll += ["Yes – before the floods come", "No – wait for the survey", "Not sure", "Vote"]
    poll += ["1,243 votes so far. Poll closes at midnight on March 14."]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:3], *poll, *PROSE[3:]]))
    assert extraction.body == "\n\n".join(PROSE)
    reasons = {r.text: r.reason for r in extraction.removed}
    assert reasons["Should the council rebuild the river wall this winter?"] == "poll_widget"


def test_a_share_price_box_inside_the_article_goes() -> None:
    box = ["FENL-L", "Fenland Holdings plc", "412.50p", "-18.25 (-4.24%)", "As of Mar 14, 2025, 4:35 PM GMT"]
    box += ["Day range 409.00 - 431.75", "Market cap £1.2bn", "+ Add to watchlist", "What happens next"]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:3], *box, *PROSE[3:]]))
    assert extraction.body == "\n\n".join(PROSE)
    reasons = {r.text: r.reason for r in extraction.removed}
    assert reasons["-18.25 (-4.24%)"] == reasons["Market cap £1.2bn"] == "market_data"
    # (The model drops the crosshead under the box by itself; the box's rule does not claim it.)
    assert reasons["What happens next"] != "market_data"


def test_two_writers_joined_by_a_slash_under_the_standfirst_are_the_byline() -> None:
    standfirst = "The county relaunches the hospital extension with a budget 18% higher than in September"
    head = [standfirst, "Laura Fennell Soto / Daniel Quesada", "Fenby | 22/01/2025 - 08:40"]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head))
    assert extraction.metadata.byline == ("Laura Fennell Soto", "Daniel Quesada")
    assert extraction.paragraphs[0].text == standfirst


def test_an_author_boxs_name_under_the_closing_bio_is_the_byline_and_read_later_is_no_name() -> None:
    bio = "Meenakshi Fenwick is a hydrogeologist at the Kaveri Institute. Views are personal."
    head = ["Published - March 12, 2024 12:15 am IST", "READ LATER", "SHARE", "PRINT"]
    extraction = extract_one(
        page("River wall to be rebuilt before winter", [*PROSE, bio], head=head, tail=["Meenakshi Fenwick"])
    )
    assert extraction.metadata.byline == ("Meenakshi Fenwick",)
    assert extraction.paragraphs[-1].text == bio


def test_an_interviews_closing_byline_naming_its_author_again_goes() -> None:
    head = ["By Agnieszka Fenwick"]
    extraction = extract_one(
        page(
            "River wall to be rebuilt before winter", PROSE, head=head, tail=["Rozmawiała Agnieszka Fenwick"]
        )
    )
    assert extraction.body == "\n\n".join(PROSE)


def test_a_videos_timed_transcript_goes() -> None:
    transcript = ["Show transcript", "0:00 [Engine noise, waves breaking]"]
    transcript += ["0:04 Jory Fen, helmsman: We got the shout about quarter past three."]
    transcript += ["0:31 Kerensa Hoskin, crew member: I can see him. He's on the ledge."]
    transcript += ["1:20 Jory Fen: Three, two... go, go, go.", "Hide transcript"]
    extraction = extract_one(
        page("River wall to be rebuilt before winter", [*PROSE[:3], *transcript, *PROSE[3:]])
    )
    assert extraction.body == "\n\n".join(PROSE)


def test_a_live_blogs_head_over_its_key_events_is_the_head_not_the_first_posts_headline() -> None:
    from transforms.blocks import parse_dump
    from transforms.metadata import read_head

    headline = "Ice storm live updates: 83,000 without power; warming centers open overnight"
    standfirst = f"{PROSE[0]} {PROSE[1]}"
    head = [headline, standfirst, "Dana Fenwick, Marcus Oyelaran and Jill Petrakis", "The Fenland Courier"]
    head += ["Published 6:05 a.m. EST Jan. 18, 2024  |  Updated 9:42 p.m. EST Jan. 18, 2024"]
    head += ["Facebook  X  Email  Share", "Auto-refresh: ON", "Key events"]
    head += ["9:42 p.m.  Warming centers to stay open through Saturday", "8:15 p.m.  Power back by Monday"]
    head += [
        "6:50 p.m.  Ice storm warning extended",
        "5:30 p.m.  Schools closed Friday",
        "Show all key events",
    ]
    head += ["9:42 p.m. EST", "Dana Fenwick", "Warming centers to stay open through Saturday"]
    dump = parse_dump("\n\n".join([*HEADER, *head, *PROSE[2:], *FOOTER]) + "\n")
    # The posts are kept; the head over the key events is not (the line model parts them).
    keep = [text in PROSE[2:] for text in dump.texts]
    metadata = read_head(dump, keep).metadata
    assert metadata.title == headline
    assert metadata.byline == ("Dana Fenwick", "Marcus Oyelaran", "Jill Petrakis")


def test_a_podcasts_presenter_is_its_byline() -> None:
    head = ["Presented by Nadia Fenwick", "Tue 12 Mar 2024 · 27 min"]
    extraction = extract_one(page("The town where the nurses live in caravans", PROSE, head=head))
    assert extraction.metadata.byline == ("Nadia Fenwick",)
    assert extraction.metadata.title == "The town where the nurses live in caravans"


def test_a_listicles_numbered_sections_past_product_boxes_are_kept_with_its_closing_faq() -> None:
    body = PROSE[:2]
    for number in range(1, 5):
        body += [
            f"{number}. Fenland Aero S{number}: Best for wet banks",
            "Weight: 2.6kg",
            "Run time: 62 minutes",
        ]
        body += [
            "Why we love it",
            "Light on the wrist",
            f"{PROSE[number + 1]}",
            "£349.99 from Argos",
            "Buy now",
        ]
    closing = ["Cordless vacuum cleaner FAQs", "Are cordless vacuums as powerful as corded ones?", PROSE[6]]
    extraction = extract_one(page("10 best cordless vacuum cleaners, tested", [*body, *closing]))
    kept = [p.text for p in extraction.paragraphs]
    assert all(line in kept for line in [*PROSE[2:7], "4. Fenland Aero S4: Best for wet banks", closing[1]])
    assert "Buy now" not in kept and "£349.99 from Argos" not in kept


def test_a_press_releases_contact_block_in_spanish_goes() -> None:
    contact = [
        "Contacto de prensa",
        "María José Fenlagos",
        "Gerenta de Asuntos Corporativos",
        "prensa@fen.cl",
    ]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, tail=contact))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.text: r.reason for r in extraction.removed}["Gerenta de Asuntos Corporativos"] == "contact"


def test_a_date_bar_with_the_weather_is_no_dateline_over_the_headline() -> None:
    headline = "Bus strike: not one bus in five will run on Tuesday"
    head = ["Nous respectons votre vie privée et utilisons des cookies.", "Tout accepter   Personnaliser"]
    head += ["Mardi 14 octobre 2025 | Fenby 9° | Namur 10°", "Le Quotidien de Fenby", "Fenby > Mobilité"]
    head += [headline, "By Aurélie Fenwick", "Publié le 13/10/2025 à 18:47"]
    text = "\n\n".join([*head, *PROSE, *FOOTER]) + "\n"
    assert extract_one(text).metadata.title == headline


def test_a_mastheads_date_bar_far_over_the_articles_own_dateline_does_not_pick_the_tagline() -> None:
    headline = "Disciplinary Panel Recommends 18-Month Suspension for Partner Who Billed 31-Hour Days"
    head = ["THE FENLAND DOCKET", "Legal news for the Fenland bar since 1979", "Monday, March 4, 2024"]
    head += [
        "Sign In    Subscribe    Free Trial",
        "News    Litigation    Courts    Ethics",
        "ETHICS & DISCIPLINE",
    ]
    head += [headline, PROSE[0], "Dana Fenwick, Staff Reporter", "March 04, 2024 at 05:12 PM"]
    head += [
        "Updated March 05, 2024 at 09:30 AM",
        "5 minute read",
        "Share    Tweet    LinkedIn    Email    Print",
    ]
    text = "\n\n".join([*head, *PROSE[1:], *FOOTER]) + "\n"
    assert extract_one(text).metadata.title == headline


def test_a_writers_bio_saying_she_is_a_member_of_something_names_no_publisher() -> None:
    bio = "Dana Fenwick is a member of the Fenby PTA and a parent of two. She writes about schools."
    extraction = extract_one(page("Four-day weeks cost parents", [*PROSE, bio], head=["By Dana Fenwick"]))
    assert extraction.metadata.byline == ("Dana Fenwick",)
    assert extraction.metadata.publisher != "Dana Fenwick"


def test_a_newsletters_name_over_its_sign_up_line_goes() -> None:
    box = ["Fenland Mornings", "Get the Fenland Morning Brief delivered to your inbox every weekday."]
    box += ["Enter your email", "Sign up"]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *box]))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.text: r.reason for r in extraction.removed}["Fenland Mornings"] == "newsletter_prompt"


@pytest.mark.parametrize(
    "box",
    [
        # The pitch between the box's sign-up prompt and its e-mail field.
        [
            "Get the Fenland Morning Markets in your inbox",
            "Cash bids, weather and the stories that matter to your farm, every weekday at 6 a.m.",
            "Email address",
            "Sign Up",
        ],
        # The name and the pitch over a text browser's form row, inside a drawn frame.
        [
            "┌─────────────────────────────────────────────",
            "Fenland Law Weekly",
            "The week's tribunal decisions, appeals and practice points, every Monday. Free for subscribers.",
            "[ Your email ]   [ Sign me up ]",
            "└─────────────────────────────────────────────",
        ],
        # The name, then the pitch over the button.
        [
            "Get the Fenland Mill Daily",
            "Mill news, markets and equipment, every weekday morning.",
            "Sign up now",
        ],
        # A blog's members box: its name as a sign-up line, the pitch, the button.
        [
            "Sign up for Fen Notes",
            "Field notes from the fens, every other Sunday. Free, always.",
            "Subscribe",
        ],
    ],
)
def test_a_newsletter_boxs_pitch_goes_with_its_sign_up_line(box: list[str]) -> None:
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:3], *box, *PROSE[3:]]))
    assert extraction.body == "\n\n".join(PROSE)


def test_an_articles_paragraph_saying_each_day_over_a_newsletter_box_is_kept() -> None:
    last = "The board issues a flood risk rating each day during the storm season, from October to March."
    box = ["Get news on the fens delivered to your inbox. Sign up for our Fenland Mornings newsletter."]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, last, *box]))
    assert extraction.body == "\n\n".join([*PROSE, last])


@pytest.mark.parametrize(
    ("head", "byline", "published"),
    [
        (
            ["Автор: Десислава Фенова", "15 май 2024 г., 10:42 ч.", "Обновена: 15 май 2024 г., 16:20 ч."],
            ("Десислава Фенова",),
            date(2024, 5, 15),
        ),
        (
            ["Автор: Оксана Фенко", "16 березня 2024, 09:40", "Оновлено: 16 березня 2024, 14:05"],
            ("Оксана Фенко",),
            date(2024, 3, 16),
        ),
        (
            [
                "Mwandishi: Rehema Fenwa, Mbuyuni",
                "Imechapishwa: Jumatano, Julai 17, 2024 — 06:30",
                "Imesasishwa: Alhamisi, Julai 18, 2024 — 09:15",
            ],
            ("Rehema Fenwa",),
            date(2024, 7, 17),
        ),
    ],
)
def test_cyrillic_and_swahili_bylines_and_datelines(
    head: list[str], byline: tuple[str, ...], published: date
) -> None:
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert (metadata.byline, metadata.published) == (byline, published)


@pytest.mark.parametrize(
    "head",
    [
        ["By [Ada Lovell](/authors/ada-lovell/) and [Tom Reeve](/authors/tom-reeve/)"],
        ["By [29]Ada Lovell and [30]Tom Reeve"],
    ],
)
def test_bylines_a_text_renderer_printed_links_into_name_the_writers(head: list[str]) -> None:
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.byline == ("Ada Lovell", "Tom Reeve")


def test_a_markdown_dumps_level_one_heading_is_the_headline_not_the_breadcrumb_over_it() -> None:
    text = "\n\n".join(
        [
            "* [Home](/)",
            "* [News](/news/)",
            "[Local](/local/) / [Environment](/environment/)",
            "# River wall to be rebuilt before winter",
            "By Ada Lovell",
            "February 21, 2023",
            *PROSE,
        ]
    )
    extraction = extract_one(text)
    assert extraction.metadata.title == "River wall to be rebuilt before winter"
    assert extraction.body == "\n\n".join(PROSE)


def test_a_wire_releases_lead_under_its_dateline_and_wire_is_kept_when_the_model_doubts_it() -> None:
    lead = (
        "FENBY, Cambs., May 6, 2025 /Fenland Wire/ -- Fenby Cold Chain, Inc. (NYSE: FCC), a provider of "
        "refrigerated warehouses, today reported first-quarter revenue of $412.6 million, up 9 per cent."
    )
    highlights = [
        "Revenue of $412.6 million, up 9% year over year",
        "Full-year outlook raised to $1.7 billion",
    ]
    head = ["News provided by", "Fenby Cold Chain, Inc.", "May 06, 2025, 16:05 ET", "Share this article"]
    text = page("Fenby Cold Chain Reports First Quarter 2025 Results", [*highlights, lead, *PROSE], head=head)
    dump = parse_dump(text)
    # The model reads the wire's capitals as chrome: the lead scores low, the article under it high.
    probabilities = [0.99 if text in PROSE else 0.2 if text == lead else 0.01 for text in dump.texts]
    keep, _, _ = decide(dump, probabilities)
    assert keep[dump.texts.index(lead)]
    # A release's lead whose dateline ends in a dash rather than a wire.
    dashed = "FENBY, 14 March 2024 – Fenby Foods plc today announced a £42m oat-drink plant at Fenmeadow."
    dump = parse_dump(page("Fenby Foods to open £42m plant", [*highlights, dashed, *PROSE], head=head))
    probabilities = [0.99 if text in PROSE else 0.2 if text == dashed else 0.01 for text in dump.texts]
    keep, _, _ = decide(dump, probabilities)
    assert keep[dump.texts.index(dashed)]


@pytest.mark.parametrize(
    "head",
    [
        ["Written By: Ada Lovell | Edited By: Tom Reeve", "Published On: Mar 4, 2021"],
        ["Ada Lovell · Fenland Courier · Posted: Mar 4, 2021 4:00 AM | Last Updated: March 6, 2021"],
    ],
)
def test_a_byline_with_a_colon_or_a_name_on_a_labelled_dateline_names_the_writer(head: list[str]) -> None:
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert (metadata.byline, metadata.published) == (("Ada Lovell",), date(2021, 3, 4))


def test_a_line_the_rules_know_as_chrome_is_no_headline_and_penulis_names_the_writer() -> None:
    head = ["Penulis Kontributor Fenbay, Rizky Ananda Putra | Editor Dewi Lestari", "16/12/2024, 13:47 WIB"]
    lines = [*HEADER, "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Regional › Fenbay"]
    lines += ["Harga cabai rawit di Fenbay tembus Rp 120.000 per kilogram", *head, *PROSE, *FOOTER]
    metadata = extract_one("\n\n".join(lines)).metadata
    assert metadata.title == "Harga cabai rawit di Fenbay tembus Rp 120.000 per kilogram"
    assert metadata.byline == ("Rizky Ananda Putra",)


def test_a_japanese_headline_under_a_full_width_breadcrumb_is_the_title() -> None:
    headline = "臨港線、2026年春に廃止へ\u3000市議会委員会が可決\u3000住民「足を奪われる」"
    head = [
        "2023年11月21日 18時42分（最終更新 2023年11月22日 9時10分）",
        "文・写真\u3000宮園千尋記者（汐浦支局）",
    ]
    body = [
        "汐浦市の路面電車「臨港線」について、市議会の都市交通委員会は21日、2026年3月末で運行を終えてバスに転換する市の条例改正案を賛成多数で可決した。",
        "市交通局によると、臨港線の2022年度の利用者は1日平均約3100人で、ピークだった1970年代の5分の1以下に落ち込んだ。",
        "浜口昭彦市長は委員会後の記者会見で「苦渋の決断だが、将来世代に赤字と老朽化した設備を押しつけるわけにはいかない」と述べた。",
    ]
    text = "\n\n".join(
        ["ニュース", "地域", "トップ\u3000＞\u3000地域\u3000＞\u3000汐浦・臨海", headline, *head, *body]
    )
    metadata = extract_one(text).metadata
    assert (metadata.title, metadata.byline, metadata.published) == (
        headline,
        ("宮園千尋",),
        date(2023, 11, 21),
    )


def test_a_sponsors_box_and_a_caption_printed_again_with_its_credit_go() -> None:
    box = ["SPONSORED CONTENT", "How digital twins are cutting cooling costs at deep mines"]
    box += ["Presented by Fenland Mining Solutions"]
    caption = "Barges sit idle by the wharf on Oct. 22."
    body = [*PROSE[:2], caption, caption + "Ada Lovell/The Fenland Courier", *PROSE[2:4], *box, *PROSE[4:]]
    extraction = extract_one(page("River wall to be rebuilt before winter", body))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.text: r.reason for r in extraction.removed}[caption] == "caption"


def test_a_pictures_alternative_text_over_its_credited_caption_goes_a_table_row_stays() -> None:
    alt = "River wall repairs seen from the towpath"
    caption = "Workers repair the eastern bank on Monday. (Image credit: Ada Lovell / Fenland Courier)"
    row = "2019 | 4.1m | 2020 | 4.6m"
    source = "Source: Fenland Drainage Board (Image credit: Fenland Courier)"
    body = [*PROSE[:3], alt, caption, *PROSE[3:5], row, source, *PROSE[5:]]
    extraction = extract_one(page("River wall to be rebuilt before winter", body))
    kept = [p.text for p in extraction.paragraphs]
    assert alt not in kept and caption not in kept and row in kept
    assert {r.text: r.reason for r in extraction.removed}[alt] == "caption"


@pytest.mark.parametrize("credit", ["Foto: Ada Lovell", "Photo / Fen Valley Photography", "© Ada Lovell/FC"])
def test_a_caption_over_its_credit_printed_alone_goes(credit: str) -> None:
    caption = "The eastern bank at dawn, where the new wall will stand."
    body = [*PROSE[:3], caption, credit, *PROSE[3:]]
    extraction = extract_one(page("River wall to be rebuilt before winter", body))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.text: r.reason for r in extraction.removed}[caption] == "caption"


def test_the_headline_above_a_standfirst_and_a_caption_over_its_credit() -> None:
    standfirst = "Rund 400 Häuser am Ostufer sollen geschützt werden. Die Arbeiten beginnen im Mai."
    head = [standfirst, "Die Ostseite des Flusses bei Sonnenaufgang.", "Foto: Ada Lovell"]
    head += ["Von Ada Lovell", "14.11.2023, 06:00 Uhr"]
    metadata = extract_one(page("Flussmauer wird vor dem Winter neu gebaut", PROSE, head=head)).metadata
    assert metadata.title == "Flussmauer wird vor dem Winter neu gebaut"
    assert metadata.byline == ("Ada Lovell",)


def test_an_author_box_under_the_article_keeps_the_bio_and_drops_the_name_and_role() -> None:
    bio = "Ada Lovell is the Courier's environment correspondent and has covered the fens since 2009."
    tail = ["Ada Lovell", "Environment Correspondent", bio]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, ["By Ada Lovell"], tail))
    assert extraction.metadata.byline == ("Ada Lovell",)
    assert [p.text for p in extraction.paragraphs] == [*PROSE, bio]
    assert {r.text: r.reason for r in extraction.removed}["Environment Correspondent"] == "author_box"


def test_a_name_between_the_date_and_the_comment_count_is_the_byline() -> None:
    head = ["18 Apr 2024 · Jane Lovell · 4 Comments"]
    metadata = extract_one(page("What our volunteers found in the eel count", PROSE, head=head)).metadata
    assert (metadata.byline, metadata.published) == (("Jane Lovell",), date(2024, 4, 18))


def test_a_tags_label_under_the_dateline_is_no_byline() -> None:
    head = ["November 19, 2019 at 9:45 am", "Filed Under:Eastern Equine Encephalitis, EEE, health, Michigan"]
    metadata = extract_one(page("Sixth death linked to mosquito-borne virus", PROSE, head=head)).metadata
    assert (metadata.byline, metadata.published) == ((), date(2019, 11, 19))


def test_two_author_cards_under_the_headline_and_the_mastheads_date_over_it() -> None:
    lines = ["River wall to be rebuilt before winter | Fenland Courier", "Fenland Courier"]
    lines += ["Wednesday 5 March 2021", "Subscribe from £1 a week", "River wall to be rebuilt before winter"]
    lines += ["Ada Lovell", "Ada Lovell", "Environment Correspondent", "ada.lovell@fenlandcourier.example"]
    lines += ["Tom Reeve", "Tom Reeve", "Deputy Environment Correspondent", "Follow @TomReeveFC"]
    lines += ["Tue 4 Mar 2021 at 21:10", "Updated Wed 5 Mar 2021 at 06:30", *PROSE]
    metadata = extract_one("\n".join(lines) + "\n").metadata
    assert metadata.byline == ("Ada Lovell", "Tom Reeve")
    assert metadata.published == date(2021, 3, 4)


def test_the_mastheads_date_and_weather_over_the_breadcrumbs_is_no_head_block() -> None:
    standfirst = "Engineers say the patched wall cannot survive another winter of floods on the eastern bank."
    head = ["Thursday 4 March 2021 · 7°C Light rain", "News > Local News > Flooding"]
    head += [
        "River wall to be rebuilt before winter",
        standfirst,
        "By Ada Lovell",
        "Local Democracy Reporter",
    ]
    head += ["Published: 14:32, 04 March 2021", "Updated: 09:10, 05 March 2021", "14 comments"]
    text = "\n\n".join(
        ["The Fenland Courier", "News | Sport | Nostalgia", *head, *PROSE, "Share this article"]
    )
    metadata = extract_one(text).metadata
    assert (metadata.title, metadata.byline) == ("River wall to be rebuilt before winter", ("Ada Lovell",))
    assert metadata.published == date(2021, 3, 4)


def test_a_headline_opening_with_the_is_no_name_line_over_the_standfirst() -> None:
    standfirst = (
        "Ada Lovell left the ward to build a clinic on wheels for the people who drive the fen roads."
    )
    head = ["Fenland Quarterly", "The magazine for friends of the Fenland Trust", "Spring 2024 · Features"]
    head += ["The Night Shift", standfirst, "By Tom Reeve", "March 28, 2024"]
    text = "\n\n".join(["Home | Features | Archive", *head, *PROSE, "Share this article"])
    assert extract_one(text).metadata.title == "The Night Shift"


def test_a_columnists_role_under_her_name_is_no_headline() -> None:
    standfirst = (
        "El municipio quiere pavimentar la ribera para 400 autos. Antes de votar, el concejo debería mirar."
    )
    head = ["COLUMNA DE OPINIÓN", "La costanera no es un estacionamiento", standfirst]
    head += ["Rosario Inostroza Vidal", "Arquitecta y académica", "Domingo 19 de octubre de 2025 | 07:00"]
    text = "\n\n".join(["El Mirador", "Portada | Opinión", *head, *PROSE, "Compartir"])
    metadata = extract_one(text).metadata
    assert (metadata.title, metadata.byline) == (
        "La costanera no es un estacionamiento",
        ("Rosario Inostroza Vidal",),
    )


def test_a_reviewer_under_the_byline_is_no_second_author() -> None:
    head = ["By Ada Lovell", "Reviewed by Tom Reeve, CFP", "Published March 4, 2021"]
    extraction = extract_one(page("How to build an emergency fund", PROSE, head=head))
    assert extraction.metadata.byline == ("Ada Lovell",)
    assert {r.text: r.reason for r in extraction.removed}["Reviewed by Tom Reeve, CFP"] == "byline"


def test_a_follow_button_under_the_byline_is_no_headline() -> None:
    standfirst = "Engineers say the patched wall cannot survive another winter of floods on the eastern bank."
    head = [standfirst, "Ada Lovell", "Environment correspondent", "Follow", "Thu 4 Mar 2021 17.42 GMT"]
    head += ["Share", "Gift article", "1 of 12"]
    head += ["The eastern bank at dawn. Photograph: Tom Reeve/Fenland Courier"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.title == "River wall to be rebuilt before winter"
    assert metadata.byline == ("Ada Lovell",)


def test_name_line_past_the_datelines_and_a_share_row_printed_a_button_a_line() -> None:
    standfirst = "Engineers say the patched wall cannot survive another winter of floods on the eastern bank."
    head = [standfirst, "5 March 2021", "Updated 5 March 2021, 09:15", "First published 4 March 2021"]
    head += ["Share", "Save", "Ada Lovell", "Environment correspondent"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.byline == ("Ada Lovell",)
    assert metadata.published == date(2021, 3, 4)


@pytest.mark.parametrize("dated_byline", ["03/24/2021 by Ada Lovell", "March 24, 2021 by Ada Lovell"])
def test_a_date_then_by_and_the_names(dated_byline: str) -> None:
    head = [dated_byline, "  • FACEBOOK", "  • TWITTER", "  • EMAIL ME", "Picture credit line"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.byline == ("Ada Lovell",)
    assert metadata.published == date(2021, 3, 24)


@pytest.mark.parametrize(
    "bio", ["Ada Lovell is a Courier contributing editor.", "Ada Lovell is a farmer's daughter who writes."]
)
def test_an_author_bio_in_the_footer_does_not_make_the_byline_a_masthead(bio: str) -> None:
    # "X is a registered trade mark of Y" names a publisher X; "X is a contributing editor" a person.
    standfirst = "Engineers say the patched wall cannot survive another winter of floods on the eastern bank."
    lines = ["Courier", "News", "Sport", "River wall to be rebuilt before winter", standfirst, "Ada Lovell"]
    metadata = extract_one("\n\n".join([*lines, *PROSE, bio, "Contact us"])).metadata
    assert (metadata.byline, metadata.publisher) == (("Ada Lovell",), None)


def test_an_italian_byline_and_dates() -> None:
    head = ["di Giulia Ferraresi", "12 aprile 2016", "Aggiornato il 13 aprile 2016 alle 08:40"]
    metadata = extract_one(page("Ponte Vecchio chiuso per sei mesi", PROSE, head=head)).metadata
    assert (metadata.byline, metadata.published) == (("Giulia Ferraresi",), date(2016, 4, 12))


def test_a_press_releases_contact_block_is_dropped_but_not_prose_under_its_heading() -> None:
    contact = ["Media Contact:", "Nell Fairweather", "Head of Communications, Fenland Drainage Board"]
    contact += ["press@fenland-drainage.example", "+44 1945 555 0148"]
    lines = ["River wall to be rebuilt | Fen Wire", "River wall to be rebuilt", *PROSE, *contact]
    dump = parse_dump("\n".join([*lines, "Copyright 2021 Fen Wire"]))
    keep, _, _ = decide(dump, [0.1, 0.1, *[0.9] * len(PROSE), *[0.6] * len(contact), 0.1])
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == PROSE
    lines = [*lines[:-4], "For press enquiries about the wall, the board's office is open on weekdays."]
    dump = parse_dump("\n".join(lines))
    keep, _, _ = decide(dump, [0.1, 0.1, *[0.9] * len(PROSE), 0.6, 0.9])
    assert keep[-1]


SAID = "“We will not rebuild it a third time on the cheap,” the contractor's engineer, Ada Lovell, said."
PULL_QUOTE = "“We will not rebuild it a third time on the cheap”"


def test_a_pull_quote_repeating_the_article_is_dropped_with_its_credit() -> None:
    pull = [PULL_QUOTE, "– Ada Lovell, site engineer"]
    lines = [*PROSE[:3], SAID, *PROSE[3:5], *pull, *PROSE[5:]]
    extraction = extract_one(page("River wall to be rebuilt", lines))
    assert extraction.body == "\n\n".join([*PROSE[:3], SAID, *PROSE[3:]])
    reasons = {r.text: r.reason for r in extraction.removed if r.text in pull}
    assert reasons == dict.fromkeys(pull, "pull_quote")


def test_a_pull_quote_joining_a_quotation_the_paragraph_interrupts_is_dropped() -> None:
    said = "“The bank is not a wall,” Ada Lovell says. “It is a promise we keep renewing every winter.”"
    pull = ["“The bank is not a wall. It is a promise we keep renewing every winter.”", "— Ada Lovell"]
    lines = [*PROSE[:3], said, *pull, *PROSE[3:]]
    extraction = extract_one(page("River wall to be rebuilt", lines))
    assert extraction.body == "\n\n".join([*PROSE[:3], said, *PROSE[3:]])


def test_a_markdown_dumps_blockquoted_pull_quote_is_dropped() -> None:
    said = "“The bank is not a wall,” Ada Lovell says. “It is a promise we keep renewing every winter.”"
    lines = [*PROSE[:3], said, *PROSE[3:5], "> “It is a promise we keep renewing every winter.”", *PROSE[5:]]
    extraction = extract_one(page("River wall to be rebuilt", lines))
    assert extraction.body == "\n\n".join([*PROSE[:3], said, *PROSE[3:]])


def test_a_pull_quote_printed_ahead_of_the_paragraph_quoting_it_is_dropped() -> None:
    pull = "“It’s a machine, not a marriage.”"
    said = "“It’s a machine, not a marriage,” she says. “But get the agreement wrong and it feels like one.”"
    lines = [*PROSE[:3], pull, *PROSE[3:5], said, *PROSE[5:]]
    extraction = extract_one(page("River wall to be rebuilt", lines))
    assert extraction.body == "\n\n".join([*PROSE[:3], *PROSE[3:5], said, *PROSE[5:]])
    # A quotation the article goes on to discuss without quoting it again stays.
    lines = [*PROSE[:3], pull, *PROSE[3:5], "Nobody in the share calls it a marriage.", *PROSE[5:]]
    assert pull in [p.text for p in extract_one(page("River wall to be rebuilt", lines)).paragraphs]


def test_a_pull_quotes_credit_led_by_a_dash_may_say_who_the_speaker_is() -> None:
    pull = [PULL_QUOTE, "— Ada Lovell, who has walked the towpath for thirty years"]
    extraction = extract_one(
        page("River wall to be rebuilt", [*PROSE[:3], SAID, *PROSE[3:5], *pull, *PROSE[5:]])
    )
    assert extraction.body == "\n\n".join([*PROSE[:3], SAID, *PROSE[3:]])


def test_a_quotation_heading_the_paragraph_that_says_it_is_kept() -> None:
    # A crosshead quoting the paragraph under it, with no name printed: the article's own heading.
    lines = [*PROSE[:3], PULL_QUOTE, SAID, *PROSE[3:]]
    assert extract_one(page("River wall to be rebuilt", lines)).body == "\n\n".join(lines)
    # A paragraph that is one quotation, said nowhere else, is article text.
    alone = "“Nobody told us the bank was this weak until the water was in the kitchen.”"
    lines = [*PROSE[:3], alone, *PROSE[3:]]
    assert extract_one(page("River wall to be rebuilt", lines)).body == "\n\n".join(lines)


def test_the_article_goes_on_under_an_embedded_posts_reply_buttons() -> None:
    # An X card's footer reads like a comment thread's ("Reply", "Read 38 replies"); the line
    # model learnt that prose under comment markers is comments.
    post = ["Ada Lovell", "@AdaLovellFC", "Tonight the wall vote went our way. Thank you, Fenland."]
    post += ["9:47 PM · Oct 3, 2023", "611", "Reply", "Copy link", "Read 38 replies"]
    lines = [*PROSE[:4], *post, *PROSE[4:]]
    extraction = extract_one(page("River wall to be rebuilt", lines))
    assert extraction.body.split("\n\n")[-3:] == PROSE[4:]


def _kept_when_scored_as_chrome(body: list[str]) -> list[str]:
    """The kept lines of a lines-layout page of `body`, its PROSE lines scored as article and the
    others as chrome (as the line model scores crossheads, short list items and labels)."""
    lines = [
        "River wall to be rebuilt | Fen Wire",
        "River wall to be rebuilt",
        *body,
        "Copyright 2021 Fen Wire",
    ]
    dump = parse_dump("\n".join(lines))
    keep, _, _ = decide(dump, [0.9 if text in PROSE else 0.1 for text in dump.texts])
    return [text for text, flag in zip(dump.texts, keep, strict=True) if flag]


def test_a_crosshead_between_kept_paragraphs_is_kept() -> None:
    body = [*PROSE[:3], "Towpath stays open", *PROSE[3:]]
    assert _kept_when_scored_as_chrome(body) == body
    # A photo credit, a handle, a labelled value or a button there is no crosshead.
    for line in ("Kiri Walsh/Fenland Courier", "Ada Lovell @AdaLovellFC", "Wordcount: 717", "Close"):
        assert _kept_when_scored_as_chrome([*PROSE[:3], line, *PROSE[3:]]) == PROSE


def test_a_crosshead_under_a_newsletter_box_inside_the_article_is_kept() -> None:
    newsletter = ["Sign up to the Courier Politics newsletter", "Sign up"]
    body = [*PROSE[:3], *newsletter, "Towpath stays open", *PROSE[3:]]
    assert _kept_when_scored_as_chrome(body) == [*PROSE[:3], "Towpath stays open", *PROSE[3:]]


def test_a_list_a_sentence_announces_under_the_last_paragraph_is_kept() -> None:
    items = [
        "a ten-tonne minimum booking for small farms",
        "a fixed evening release of capacity at 8pm",
        "a levy on all bookings to fund a scheduler",
    ]
    bulleted = [f"  • {item}" for item in items]
    announcement = "Members will be asked to vote in April on three changes:"
    assert _kept_when_scored_as_chrome([*PROSE, announcement, *bulleted]) == [*PROSE, announcement, *items]
    # Under a label it is a link list.
    assert _kept_when_scored_as_chrome([*PROSE, "Related coverage from the Courier:", *bulleted]) == PROSE


def test_kept_lines_past_the_share_buttons_under_a_short_article_are_a_widget() -> None:
    # A portal's brief: share buttons under it, then ad teasers and horoscopes that read as prose.
    share = ["Share", "  • Facebook", "  • X", "  • WhatsApp", "  • Email", "Sponsored"]
    widget = ["Your stars today", "Aries: An old friend resurfaces with an offer worth hearing out."]
    widget += [
        "Taurus: Money matters look brighter after Thursday.",
        "Gemini: Say less at work today. It pays off.",
    ]
    lines = ["River wall to be rebuilt | Fen Portal", "River wall to be rebuilt", *PROSE[:4], *share, *widget]
    dump = parse_dump("\n".join([*lines, "Copyright 2021 Fen Portal"]))
    scores = [0.9 if text in PROSE or text in widget else 0.05 for text in dump.texts]
    keep, _, _ = decide(dump, scores)
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == PROSE[:4]
    # Under buttons printed after the lead, the rest of the article stays.
    lines = [
        "River wall to be rebuilt | Fen Portal",
        "River wall to be rebuilt",
        PROSE[0],
        *share,
        *PROSE[1:],
    ]
    dump = parse_dump("\n".join(lines))
    keep, _, _ = decide(dump, [0.9 if text in PROSE else 0.05 for text in dump.texts])
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == PROSE


def test_a_table_of_contents_goes_and_the_sections_it_names_stay() -> None:
    # An explainer: "On this page" lists the crossheads; a rate table between two sections
    # scores as the end of the article.
    sections = [
        ("What is a river wall?", PROSE[:2]),
        ("Why rebuild it now?", PROSE[2:4]),
        ("What happens to the towpath?", PROSE[4:5]),
        ("Who pays for it?", PROSE[5:]),
    ]
    contents = ["On this page", *(f"  • {heading}" for heading, _ in sections)]
    table = ["Best flood insurance rates", "Provider", "Rate", "Fen Mutual", "4.1%", "Check rates"]
    body = [line for heading, paragraphs in sections[:2] for line in (heading, *paragraphs)]
    body_after = [line for heading, paragraphs in sections[2:] for line in (heading, *paragraphs)]
    lines = [
        "River wall explained | Fen Money",
        "River wall explained",
        *contents,
        *body,
        *table,
        *body_after,
    ]
    dump = parse_dump("\n".join([*lines, "Copyright 2021 Fen Money"]))
    keep, _, _ = decide(dump, [0.9 if text in PROSE or text in body else 0.05 for text in dump.texts])
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == [*body, *body_after]


def test_other_stories_headlines_in_capitals_between_paragraphs_are_links() -> None:
    link = "DRAINAGE BOARD WINS NATIONAL AWARD FOR NEW PUMP STATION AT FEN DROVE"
    crossheads = ["WHAT HAPPENS NEXT", "WILL THE TOWPATH STAY OPEN ALL THROUGH THE WINTER?"]
    lines = [*PROSE[:2], link, PROSE[2], crossheads[0], *PROSE[3:5], crossheads[1], *PROSE[5:]]
    extraction = extract_one(page("River wall to be rebuilt", lines))
    assert extraction.body == "\n\n".join(line for line in lines if line != link)
    assert {r.text: r.reason for r in extraction.removed}[link] == "related"


def test_a_photo_credit_over_a_table_does_not_make_it_an_advertisement() -> None:
    # Only an advertisement label over a table ("Sponsored") makes it one.
    table = _one_cell_a_line(TABLE_HEADER, *TABLE_ROWS)
    lines = [*PROSE[:3], "Photo by Tom Reeve/Fen Pictures", *table, *PROSE[3:]]
    extraction = extract_one(page("Wisbech close in on the title", lines))
    assert extraction.body == "\n\n".join([*PROSE[:3], *table, *PROSE[3:]])


def test_a_labelled_dateline_ending_in_a_stop() -> None:
    tail = ["First published 21 May 2024. Last updated 3 June 2024."]
    text = page("River wall to be rebuilt before winter", PROSE, head=["Updated 3 June 2024"], tail=tail)
    assert extract_one(text).metadata.published == date(2024, 5, 21)


def test_the_date_leading_a_long_dateline_of_parts() -> None:
    head = ["By Ada Lovell", "18 March 2025 · From the April 2025 issue of Fenland Life · 9 min read"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.published == date(2025, 3, 18)


def test_a_labelled_date_below_the_article_with_its_update_beside_it() -> None:
    # The head says only "2 days ago"; the full date is printed under the article.
    dated = "First published Saturday 9 November 2024, 17:48 · Last updated Saturday 9 November 2024, 19:02"
    text = page("River wall to be rebuilt before winter", PROSE, head=["2 days ago"], tail=[dated])
    assert extract_one(text).metadata.published == date(2024, 11, 9)


def test_a_wire_storys_closing_credit_names_the_reporter_when_the_head_does_not() -> None:
    credit = "(Reporting by Ada Lovell in Wisbech; Editing by Tom Reeve)"
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, tail=[credit])).metadata
    assert metadata.byline == ("Ada Lovell",)
    head = ["By Nell Fairweather"]
    metadata = extract_one(
        page("River wall to be rebuilt before winter", PROSE, head=head, tail=[credit])
    ).metadata
    assert metadata.byline == ("Nell Fairweather",)


@pytest.mark.parametrize(
    "tail",
    [
        ["Von Ada Lovell", "Redakteurin Lokalredaktion Fenland"],  # a byline under the article
        ["About the author", "Ada Lovell", "Senior environment writer"],  # an author box
    ],
)
def test_the_byline_at_the_article_end_when_the_head_has_none(tail: list[str]) -> None:
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, tail=tail))
    assert extraction.metadata.byline == ("Ada Lovell",)
    assert "Von Ada Lovell" not in extraction.body


def test_a_byline_far_under_the_article_is_not_its_authors() -> None:
    tail = ["Most read", "Ferry fares to rise in April as fuel costs double", "By Tom Reeve"]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, tail=tail))
    assert extraction.metadata.byline == ()


def test_a_second_byline_under_the_first_a_role_and_captions_apart() -> None:
    head = [
        "By Ada Lovell",
        "Political editor",
        "The old wall at dawn. Photograph: Tom Reeve/Fenland Courier",
    ]
    head += ["By Nell Fairweather", "Chief reporter", "Mon 8 Apr 2024 22.30 BST"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.byline == ("Ada Lovell", "Nell Fairweather")
    # A teaser list's bylines have dates and summaries between them: one article, one author.
    head = ["By Ada Lovell", "Mon 8 Apr 2024", "The board met on Monday.", "By Nell Fairweather"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.byline == ("Ada Lovell",)


@pytest.mark.parametrize(
    ("head", "byline"),
    [
        (["Text: Ada Lovell", "4 March 2021"], ("Ada Lovell",)),
        (["By", "Ada Lovell", "and", "Tom Reeve", "Published March 4, 2021"], ("Ada Lovell", "Tom Reeve")),
        (["By", "Ada Lovell", "Ada Lovell", "Reporter"], ("Ada Lovell",)),  # a name and its link's copy
        (["Author:", "Ada Lovell", "4 March 2021"], ("Ada Lovell",)),  # any lead-in of the prefixes file
        (
            ["4 March 2021", "Ada Lovell", "Climate correspondent", "Tom Reeve", "Data journalist"],
            ("Ada Lovell", "Tom Reeve"),
        ),
    ],
)
def test_bylines_spread_over_lines(head: list[str], byline: tuple[str, ...]) -> None:
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.byline == byline


def test_the_head_over_a_video_player_block() -> None:
    head = ["By Ada Lovell", "Published: Nov. 13, 2024 at 4:58 PM CST", "Now Playing"]
    head += ["Wall rebuild explained", "02:41", "Play", "Mute", "Closed Captions", "Fullscreen"]
    head += ["Settings", "Picture in Picture", "Autoplay On", "Your video will play after this ad"]
    head += ["Up Next", "Ferry fares to rise in April", "01:58"]
    head += ["Facebook", "X", "Email", "Print"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert (metadata.title, metadata.byline) == ("River wall to be rebuilt before winter", ("Ada Lovell",))


def test_a_dutch_byline_and_date() -> None:
    head = ["Door Femke van der Hoeven", "22 okt. 2022 om 07:45", "Laatst bijgewerkt: 23 okt. 2022 om 10:12"]
    metadata = extract_one(page("Pontje bij Veendam weer in de vaart", PROSE, head=head)).metadata
    assert (metadata.byline, metadata.published) == (("Femke van der Hoeven",), date(2022, 10, 22))


def test_a_menus_item_is_no_masthead() -> None:
    menu = ["  • Banking", "  • Credit Cards", "  • Loans"]
    text = "\n\n".join(["Fenland", *menu, "River wall to be rebuilt before winter", *PROSE])
    assert extract_one(text).metadata.publisher is None


@pytest.mark.parametrize(
    ("site_name", "masthead", "publisher"),
    [
        # The masthead the copyright line names shortens the <title>'s site name: the masthead.
        ("Fenland Television News", "Fenland Television", "Fenland Television"),
        # A university's masthead over its news site's name in the <title>: the news site.
        ("Fen Today", "Fen University", "Fen Today"),
    ],
)
def test_the_masthead_the_copyright_line_names_against_the_titles_site_name(
    site_name: str, masthead: str, publisher: str
) -> None:
    lines = [f"River wall to be rebuilt before winter - {site_name}", masthead]
    lines += ["Home", "News", "River wall to be rebuilt before winter", *PROSE]
    lines += [f"© 2025 {masthead}. All rights reserved."]
    assert extract_one("\n".join(lines) + "\n").metadata.publisher == publisher


def test_a_match_report_byline_with_the_ground_and_no_by() -> None:
    # A score box above, a <title> unlike the printed headline: "Name at <ground>" over the date.
    lines = ["Wisbech 3-2 March: Lovell hat-trick | Football | Fen Sport", "Fen Drove", "FT", "Wisbech", "3"]
    lines += ["2", "March Town", "Wisbech edge five-goal thriller to go top"]
    lines += ["Three goals in the last twenty minutes turned a dull derby into the game of the season."]
    lines += ["Ada Lovell at Fen Drove", "Sat 14 Sep 2024 17.52 BST", *PROSE]
    metadata = extract_one("\n".join(lines) + "\n").metadata
    assert (metadata.title, metadata.byline) == ("Wisbech edge five-goal thriller to go top", ("Ada Lovell",))


def test_the_headline_between_the_date_and_the_byline_not_the_editors_credit() -> None:
    head = ["March 4, 2024", "Short naps on night shifts steady nurses' blood sugar"]
    head += ["by Ada Lovell, Fen University", "edited by Tom Reeve"]
    lines = ["Fen Science News", "Home › Health", *head, *PROSE]
    metadata = extract_one("\n\n".join(lines)).metadata
    assert (metadata.title, metadata.byline) == (head[1], ("Ada Lovell",))


def test_a_standfirst_printed_as_bullet_points_is_kept_whole() -> None:
    points = ["The council voted on Tuesday to rebuild the river wall before the winter floods"]
    points += ["Residents near the bank say flooding reached their gardens twice this year"]
    points += ["The towpath will stay open at weekends while the new wall is being built"]
    head = [*(f"  • {point}" for point in points), "By Ada Lovell", "Published: 4 March 2021"]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head))
    assert extraction.body == "\n\n".join([*points, *PROSE])


def test_a_name_and_role_with_no_comma_and_a_second_name_over_the_date() -> None:
    head = ["Harriet Lovell Political editor", "Tomasz Brennan", "Tue 14 May 2024 19.42 BST"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.byline == ("Harriet Lovell", "Tomasz Brennan")
    # A place under a name is no second author.
    head = ["Ada Lovell", "Wisbech St Mary", "Tue 14 May 2024 19.42 BST"]
    assert extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata.byline == (
        "Ada Lovell",
    )


def test_a_reviews_rating_between_its_standfirst_and_the_critic() -> None:
    head = ["Fen Kitchen, Wisbech review: smoke, fish and a pudding worth the drive"]
    head += ["A market stall gone bricks-and-mortar with a wood-fired room that is loud and mostly brilliant"]
    head += ["★★★★☆", "4/5", "Ada Lovell", "Food critic", "Published: 6 March 2025"]
    head += ["Cuisine: Seafood · Area: Quayhead · Price: ££"]
    lines = ["Fen Live", "Food & Drink › Reviews", *head, *PROSE]
    metadata = extract_one("\n\n".join(lines)).metadata
    assert (metadata.title, metadata.byline) == (head[0], ("Ada Lovell",))


def test_a_submitted_by_credit_is_not_the_headline() -> None:
    head = ["Clinic to open in former store", "Submitted by Fen Hospitals Trust", "Published 12th March 2024"]
    lines = ["Fen Courier", "News › Health", *head, *PROSE]
    assert extract_one("\n\n".join(lines)).metadata.title == head[0]


def test_a_press_release_headline_over_the_distributors_credit() -> None:
    head = ["Fen Cold Stores opens a freezer hub in Wisbech"]
    head += ["The site adds 31,000 pallet positions and 140 jobs, the company says; it opens in May."]
    head += ["News provided by", "Fen Cold Stores Ltd.", "17 Sep, 2025, 07:00 BST", "Share this article"]
    lines = ["Fen Newswire", "News Releases › Business", *head, *PROSE]
    assert extract_one("\n\n".join(lines)).metadata.title == head[0]


def test_a_match_report_byline_with_the_ground() -> None:
    head = ["Report by Ada Lovell at Fen Drove", "Sat 14 Sep 2024, 17:52"]
    metadata = extract_one(page("Wisbech edge five-goal thriller", PROSE, head=head)).metadata
    assert (metadata.title, metadata.byline) == ("Wisbech edge five-goal thriller", ("Ada Lovell",))


@pytest.mark.parametrize(
    ("footer", "publisher"),
    [
        ("© 2021 Fenland Courier. All rights reserved.", "Fenland Courier"),
        ("© Copyright 2021 Fenland Courier. Part of Marsh Newspapers Ltd.", "Fenland Courier"),
        ("Copyright 2021 Fen Media Group Ltd", "Fen Media Group"),
        ("Copyright © 2021. All rights reserved.", None),
        ("© Fenland Courier 2021", "Fenland Courier"),
        ("© Fenland Courier 1899 - 2021, all rights reserved", "Fenland Courier"),
        ("© 2021 Fenland Courier, a division of Marsh Newspapers LLC", "Fenland Courier"),
        ("The Fenland Courier is part of Marsh Newspapers plc. Registered here.", "The Fenland Courier"),
        ("Fenland Quarterly is published three times a year by the Fenland Trust.", "Fenland Quarterly"),
        ("© 2024 Fenland 99.5. All rights reserved.", "Fenland 99.5"),
        ("The project is part of a wider plan to rebuild the bank.", None),
        # The footer's links and the notice in one block (HTML); a credit inside a caption is no notice.
        ("About us Contact us © 2021 Fen Media Group Ltd. All rights reserved.", "Fen Media Group"),
        ("The eastern bank at dawn. Photo © Tom Reeve", None),
        ("Published by Fenland Courier Ltd, part of Marsh Media Group", "Fenland Courier"),
        ("© Copyright 2009 The Fenland Courier, a Marsh Media Group publication.", "The Fenland Courier"),
        ("© 2024 Fen Media Limited or its affiliated companies. All rights reserved.", "Fen Media"),
        ("© RIPRODUZIONE RISERVATA", None),
        ("© 2021 Fenland Courier - All rights reservedNot associated with Marsh Media", "Fenland Courier"),
        ("copyright Fenland Courier 2021 - ISSN: 2283-5474", "Fenland Courier"),
        ("© Fenland Courier Pty Ltd. All rights reserved.", "Fenland Courier"),
        ("© The Fenland Courier, a Marsh Media Newspaper", "The Fenland Courier"),
        # Legal forms in more languages; a closing full stop ends the name, not the form.
        ("© 2024 Fenland Media s.r.o. Všechna práva vyhrazena.", "Fenland Media"),
        ("© 2024 Ediciones del Fen S.L. Todos los derechos reservados.", "Ediciones del Fen"),
        ("© 2023 Fenvik Medier AS. Alle rettigheter reservert.", "Fenvik Medier"),
        ("© Uitgeverij Fenland B.V. Alle rechten voorbehouden", "Uitgeverij Fenland"),
        ("© Wydawnictwo Fenland sp. z o.o.", "Wydawnictwo Fenland"),
        # The address after the name is no part of it; a legal form after a comma still goes.
        (
            "© 2023 The Fenland Review, Cois Cuain, Rossaveel, Co. Galway. All rights reserved.",
            "The Fenland Review",
        ),
        ("© 2024 Fenland Media, Inc. All rights reserved.", "Fenland Media"),
        ("© Copyright 2001-2025. This site is part of Fen Media's network.", None),
        (
            "All rights reserved © 2021 Fenland Courier is a registered Trademark of Marsh Inc.",
            "Fenland Courier",
        ),
    ],
)
def test_copyright_holder_is_the_fallback_publisher(footer: str, publisher: str | None) -> None:
    text = "\n\n".join(["River wall to be rebuilt before winter", *PROSE, "Share this article", footer])
    assert extract_one(text).metadata.publisher == publisher


def test_lines_layout_title_suffix_is_publisher() -> None:
    lines = ["River wall to be rebuilt | Fenland Courier", "Home", "News", "River wall to be rebuilt", *PROSE]
    extraction = extract_one("\n".join(lines) + "\n")
    assert extraction.metadata.title == "River wall to be rebuilt"
    assert extraction.metadata.publisher == "Fenland Courier"
    assert extraction.body == "\n\n".join(PROSE)


# Teaser rails above the article whose summaries read as prose (glued or not to their headline).
RAIL = [
    "Weather",
    "Fog warning for the fens tonightDrivers are asked to take care on the A47 after dark, the council said.",
    "Sugar beet harvest starts early after the dry summer, with growers expecting a record crop this year.",
    "Sport",
    "Town beat the league leaders in a cup tie that went to penalties at the end of a wet evening.",
    "Bus timetable changes on Monday will cut the late service to the villages, the operator confirmed.",
]


def test_lines_layout_nothing_above_the_printed_headline_is_kept() -> None:
    lines = ["River wall to be rebuilt before winter | Fenland Courier", "Home", "News", *RAIL]
    lines += ["River wall to be rebuilt before winter", "By Ada Lovell", *PROSE, *FOOTER]
    extraction = extract_one("\n".join(lines) + "\n")
    assert extraction.body == "\n\n".join(PROSE)
    reasons = {r.text: r.reason for r in extraction.removed}
    assert reasons[RAIL[1]] != "title" and reasons["River wall to be rebuilt before winter"] == "title"


def test_a_copy_of_the_headline_below_the_article_is_a_link_not_the_headline() -> None:
    # The page prints a longer headline; the <title>'s short one appears only in "Most read".
    lines = ["River wall to be rebuilt | Fenland Courier", "Home", "News"]
    lines += ["Council votes to rebuild the crumbling river wall before winter floods", "By Ada Lovell"]
    lines += [*PROSE, "Most read", "River wall to be rebuilt", "Market town plans new cycle route"]
    assert extract_one("\n".join(lines) + "\n").body == "\n\n".join(PROSE)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            f"{label} Drainage board says the pump station upgrade will protect more homes this winter.",
            "related_link",
        )
        for label in ("Read more:", "RELATED:", "See also:", "Watch:")
    ]
    + [
        (
            "Workers repair the old river wall near the lock on Monday morning. (Image: Fenland Courier)",
            "caption_credit",
        ),
        ("Engineers inspect the patched wall at the eastern bank. (FC photo/Tom Reeve)", "caption_credit"),
        (
            "The eastern bank of the river seen from the lock gates last winter. Credit: Drainage Board",
            "caption_credit",
        ),
        (
            "Engineers inspect the patched wall near the lock. (Kiri Walsh / Fenland Courier)",
            "caption_credit",
        ),
        (
            "Engineers inspect the patched wall near the lock. Photograph: Kiri Walsh for the Courier",
            "caption_credit",
        ),
        ("Tags: flooding, river wall, county council", "related_link"),
        ("alovell@fenlandcourier.example", "contact_email"),
        ("Get the latest Fenland news sent straight to your inbox", "newsletter_prompt"),
        ("Download the Fenland Courier app for breaking news alerts.", "app_promo"),
        ("Was this article helpful?", "feedback_widget"),
        ("Other Sections▼", "expander"),
        ("Tagged: flooding, river wall, county council", "related_link"),
        ("Read next: Why the fens flood every winter", "related_link"),
        ("Spotted a mistake? Report an error", "feedback_widget"),
        ("2 of 5", "gallery_counter"),
        ("Advertisement 2", "advertisement_label"),
        ("Have you registered with us yet?", "paywall_prompt"),
        ("This advertisement has not loaded yet, but your article continues below.", "advertisement_label"),
        ("The eastern bank seen from the lock gates. (Tom Reeve/Fenland Courier)", "caption_credit"),
        ("© 2015 The Fenland Courier. All rights reserved. For personal use only.", "copyright_notice"),
        ("ADVERTISEMENT", "advertisement_label"),
        ("Register now for free to keep reading, and get our daily briefing by email.", "paywall_prompt"),
        ("You have read 2 of your 3 free articles this month.", "paywall_prompt"),
        ("Reporting like this depends on you. Subscribe today for as little as $1.", "paywall_prompt"),
        (
            "Get the day's top stories straight to your inbox. Sign up for the Courier Daily newsletter.",
            "newsletter_prompt",
        ),
        ("Got a story? Email newsdesk@fenlandcourier.example or send us a message.", "news_tip_prompt"),
        ("Have a tip about flooding in your street? Contact our newsroom securely.", "news_tip_prompt"),
        (
            "This article contains affiliate links. If you buy through them we may earn a commission.",
            "affiliate_disclosure",
        ),
        (
            "This article was supplied by Fen Press Agency and is republished under licence.",
            "syndication_credit",
        ),
        (
            "Reporting by Ada Lovell; additional reporting by Tom Reeve; editing by Kiri Walsh",
            "syndication_credit",
        ),
        ("Republish this story", "syndication_credit"),
        ("View this post on Instagram", "social_embed"),
        ("A post shared by Fenland Courier (@fenlandcourier)", "social_embed"),
        (
            "Reference: Lovell, A. & Reeve, T. (2024). Winter floods in the fens. Fen Hydrology 12, 44-51.",
            "citation_line",
        ),
        ("Welcome to the discussion.", "comment_rules"),
        (
            "Keep it Clean. Please avoid obscene, vulgar, lewd, racist or sexually-oriented language.",
            "comment_rules",
        ),
        ("Lesen Sie auch: Deichbau beginnt im Herbst", "related_link"),
        ("Lire aussi : les digues seront renforcées avant l'hiver", "related_link"),
        ("Anzeige", "advertisement_label"),
        ("Lees ook: Nieuwe fietsbrug pas in 2025 klaar", "related_link"),
        ("Läs också: Bron öppnar i maj", "related_link"),
        ("Themen:    Deichbau    Hochwasser    Gemeinderat", "related_link"),
        ("Temas: Inundaciones, Concejo municipal", "related_link"),
        ("Advertentie", "advertisement_label"),
        ("Article continues below", "advertisement_label"),
        ("Story continues below the advertisement", "advertisement_label"),
        (
            "This article was delivered by Fen Press Agency (FPA) and is published unedited.",
            "syndication_credit",
        ),
        (
            "This story was written under the Fen News Partnership and may be reproduced by other titles.",
            "syndication_credit",
        ),
        ("This article appears in print under the headline “A wall against winter”", "print_edition"),
        (
            "Cite this article: Lovell A. “River wall to be rebuilt”. Fenland Life, 18 March 2025.",
            "citation_line",
        ),
        ("Your work email", "newsletter_prompt"),
        ("SOURCE Fenland Drainage Board, Inc.", "syndication_credit"),
        ("Photographs by Tom Reeve", "caption_credit"),
        ("Photo by Tom Reeve/Fen Pictures", "caption_credit"),
        ("Free weekly newsletter", "newsletter_prompt"),
        ("Privacy Notice: Newsletters may contain info about charities and online ads.", "newsletter_prompt"),
        ("Your video will play after this ad", "advertisement_label"),
        ("FEATURED PARTNER OFFERS", "advertisement_label"),
        ("Also on Fenland Courier: River wall vote - as it happened", "related_link"),
        ("You might also like: The 25 best Sunday lunches in the fens, ranked", "related_link"),
        ("This audio is auto-generated. Please let us know if you have feedback.", "feedback_widget"),
        ("You can unsubscribe at any time. See our privacy notice.", "newsletter_prompt"),
        (
            "If you would like to submit a letter of up to 250 words, email letters@fenland.example",
            "news_tip_prompt",
        ),
        ("Workers inspect the old wall near the lock.(Fenland Courier: Tom Reeve)", "caption_credit"),
        ("Workers inspect the old wall near the lock. Tom Reeve/Fenland Courier", "caption_credit"),
        ("This article is for subscribers.", "paywall_prompt"),
        ("Keep reading with unlimited digital access to the Courier.", "paywall_prompt"),
        ("Then $15.99 per month. Cancel anytime.", "paywall_prompt"),
        ("Enter your email", "newsletter_prompt"),
        ("By signing up you agree to our privacy policy.", "newsletter_prompt"),
        ("4 / 14", "gallery_counter"),
        ("Next image", "gallery_counter"),
        ("Have your say", "feedback_widget"),
        ("Compartilhe", "share_button"),
        ("Was this answer helpful?", "feedback_widget"),
        ("Media Contact:", "contact_email"),
        ("Write to Ada Lovell at alovell@fenlandcourier.example", "contact_email"),
        ("Donate today", "donation_appeal"),
        ("Our answers are for general guidance only and do not constitute legal advice.", "disclaimer"),
        ("This story was generated in part by the Courier's automated results system.", "disclaimer"),
        ("Got a consumer problem?", "news_tip_prompt"),
        ("POLL", "poll_widget"),
        ("Read more", "related_link"),
        ("Explore more on these topics", "related_link"),
        ("Media caption,", "caption_credit"),
        ("Image caption Workers on the river wall near the lock on Monday morning", "caption_credit"),
        ("Image copyright Fenland Courier", "caption_credit"),
        ("Ada and Tom on the river wall in 2014Credit: Fenland Courier", "caption_credit"),
        ("Source: county council budget papers. Graphic: Courier data desk", "caption_credit"),
        ("Ada, 38, is said to be devastated by the newsCredit: Fenland Courier/Tom Reeve", "caption_credit"),
        (
            "The eastern bank at dawn, where the new wall will stand. Tom Reeve for the Fenland Courier",
            "caption_credit",
        ),
        (
            "Are you affected by the closure? Share your experiences by emailing tips@fenland.example.",
            "news_tip_prompt",
        ),
        (
            "Email us at tips@fenlandcourier.example or call 01234 567890. We pay for videos too.",
            "news_tip_prompt",
        ),
        (
            "Local Democracy Reporting is public interest journalism funded through the News Fund.",
            "syndication_credit",
        ),
        ("DOWNLOAD NOW", "newsletter_prompt"),
        ("Sign up", "newsletter_prompt"),
        ("Abonnés Cet article est réservé aux abonnés.", "paywall_prompt"),
        ("Do you have a tribute to share? Email news@fenlandcourier.example", "news_tip_prompt"),
        ("Have you got photos of the flood? Send them to us.", "news_tip_prompt"),
        ("You have read 1 of 3 free articles this month.", "paywall_prompt"),
        ("Already registered? Log in", "paywall_prompt"),
        ("(With inputs from agencies)", "syndication_credit"),
        ("The views expressed by our contributors are their own and not those of the Courier.", "disclaimer"),
        ("📲 Flood news as it happens – follow the Fenland Courier channel on WhatsApp.", "app_promo"),
        ("Warning: some viewers may find this footage disturbing.", "video_player"),
        ("Video: Fenland Courier", "video_player"),
        ("By submitting this form, you agree to our terms and privacy policy.", "newsletter_prompt"),
        ("Fill out the form below to get the printable checklist.", "newsletter_prompt"),
        ("Te puede interesar: Concejo aprueba el presupuesto del puerto", "related_link"),
        ("READ | Fen towns warned of a water infrastructure backlog", "related_link"),
        ("LISTEN | Ada Lovell on The Breakfast Show", "related_link"),
        ("Key event", "related_link"),
        ("Embedded post", "social_embed"),
        ("Vous avez repéré une erreur ? Écrivez à la rédaction", "feedback_widget"),
        ("Abonnez-vous pour lire la suite — 1 € le premier mois, sans engagement.", "paywall_prompt"),
        ("Dit artikel is gratis voor geregistreerde lezers. Nog geen account?", "paywall_prompt"),
        (
            "La passerelle relie le bourg au quartier des Granges. Photo L’Écho des Fens/H. Lovell",
            "caption_credit",
        ),
        ("Las opiniones vertidas en esta columna son responsabilidad de su autor.", "disclaimer"),
        ("Numérique 1 € le premier mois", "paywall_prompt"),
        ("SUBSCRIBE NOW", "newsletter_prompt"),
        ("1 FenBet — Bet £20 Get £20 — 18+ T&Cs apply", "gambling_promo"),
        ("When the fun stops, stop.", "gambling_promo"),
        (
            "Polls are not scientific and reflect only the opinions of readers who chose to take part.",
            "poll_widget",
        ),
        ("Appeared in the March 5, 2021, print edition as 'Wall Work Begins'.", "print_edition"),
        ("Share this:", "share_button"),
        ("Continua após a publicidade", "advertisement_label"),
        (
            "Linha de produção da fábrica, na segunda-feira — Foto: Marcelo Trindade/Fen Courier",
            "caption_credit",
        ),
        (
            "Vista aérea del embalse, que registra su cota más baja de la década. | JOSÉ MANUEL CALVO",
            "caption_credit",
        ),
        ("Get the Fenland Courier daily briefing", "newsletter_prompt"),
        ("The fens' news in your inbox every weekday at 7am.", "newsletter_prompt"),
        ("Our reporting is free to read because readers like you choose to support it.", "donation_appeal"),
        ("Before you go…", "donation_appeal"),
        (
            "This page is for information purposes only and does not constitute investment advice.",
            "disclaimer",
        ),
        ("Features · 4 min read", "reading_time"),
        ("For the latest news, weather, sports, and streaming video, head to KFEN 7.", "app_promo"),
        ("As an Amazon Associate I earn from qualifying purchases.", "affiliate_disclosure"),
        ("This post may contain affiliate links.", "affiliate_disclosure"),
        ("Image 2 of 5", "gallery_counter"),
        ("This article appears in the Winter 2023 issue of Fen Quarterly. Subscribe today.", "print_edition"),
        ("Contact me with news and offers from other Marsh Media brands", "newsletter_prompt"),
        ("By submitting your information you agree to the Terms & Conditions.", "newsletter_prompt"),
        ("Reader Interactions", "comment_rules"),
        ("Pin this recipe for later!", "recipe_widget"),
        ("Tried this recipe? Tag @fencook on Instagram!", "recipe_widget"),
        ("This article appears in Issue 118, Winter 2023", "print_edition"),
        ("Prep Time 25 minutes", "recipe_widget"),
        ("Troops at the Fen Drove base on Tuesday [File: Fen Wire]", "caption_credit"),
        ("Il ponte visto dalla riva destra (foto Archivio QdM)", "caption_credit"),
        ("Video caption: Ambulances queued along the service road", "caption_credit"),
        ("Thank you for subscribing!", "newsletter_prompt"),
        ("Invalid Email", "newsletter_prompt"),
        ("Calories: 342kcal | Carbohydrates: 41g | Protein: 4g", "recipe_widget"),
        ("PARTNER CONTENT", "advertisement_label"),
        ("This interview appears in Fen Quarterly Issue 38. Buy the issue or subscribe.", "print_edition"),
        ("Material on this page is protected by copyright.", "copyright_notice"),
        ("View at Amazon", "shopping_widget"),
        ("See all tablet deals", "shopping_widget"),
        ("Prices last updated on Tuesday", "shopping_widget"),
        ("Read 38 replies", "social_embed"),
        ("@FenlandCourier", "social_embed"),
        (
            "Fen Media may earn a commission on purchases made through links on this page.",
            "affiliate_disclosure",
        ),
        ("Check rates", "shopping_widget"),
        ("on Fenbank’s secure site", "shopping_widget"),
        ("Scroll down for video", "video_player"),
        ("Mute", "video_player"),
        ("ENDS", "end_marker"),
        ("Tom Reeve/Fen Pictures", "caption_credit"),
        ("Instagram/adalovell", "caption_credit"),
        (
            "The wall above Fen Drove was built in 1958 and holds back the river. Photo / Tom Reeve",
            "caption_credit",
        ),
        ("0:00 / 0:38", "video_player"),
        ("* * *", "section_break"),
        ("Fen Wire's Tom Reeve contributed to this report.", "syndication_credit"),
        ("Il vous reste 71 % de cet article à lire. La suite est réservée aux abonnés.", "paywall_prompt"),
        ("Déjà abonné ? Se connecter", "paywall_prompt"),
        ("Have your say on the vote in the comments below.", "comment_rules"),
        ("Comments are powered by Fenchat.", "comment_rules"),
        ("Poll: Will you still be farming in five years' time?", "poll_widget"),
        ("Take our 2-minute quiz: Are you a night owl or an early bird?", "poll_widget"),
        ("This article is for general information only and is not medical advice.", "disclaimer"),
        ("Newsletters may contain information about charities and online ads.", "newsletter_prompt"),
        ("Dieser Text wurde mit einer synthetischen Stimme vertont.", "feedback_widget"),
        ("Umfrage", "poll_widget"),
        ("Diese Umfrage ist nicht repräsentativ. Bisher 1.287 Teilnehmer.", "poll_widget"),
        (
            "Die wichtigsten Nachrichten aus Fenland jeden Morgen kostenlos in Ihr Postfach.",
            "newsletter_prompt",
        ),
        ("Mehr zum Thema", "related_link"),
        ("Lesezeit: 3 Min.", "reading_time"),
        ("Lesedauer: 4 Min.", "reading_time"),
        ("Posted at 11:40", "post_time"),
        ("Ein Mitarbeiter prüft einen Hydranten. Bildrechte: RMW/Tobias Enge", "caption_credit"),
        ("Externer Inhalt: An dieser Stelle finden Sie eine Grafik von Datawrapper.", "embed_consent"),
        ("Inhalt laden", "embed_consent"),
        ("Sendung: RMW Eins, Regionalnachrichten, 07:30 Uhr", "print_edition"),
        ("CONTINUA DEPOIS DA PUBLICIDADE", "advertisement_label"),
        ("CONTENU PARTENAIRE", "advertisement_label"),
        ("Você leu 3 de 5 matérias gratuitas deste mês.", "paywall_prompt"),
        ("Assine agora", "paywall_prompt"),
        ("Assinar agora", "paywall_prompt"),
        ("SHOP THE LOOK", "shopping_widget"),
        ("Article content", "advertisement_label"),
        ("Share this article in your social network", "share_button"),
        ("MATCH ODDS", "gambling_promo"),
        ("3 mins to read", "reading_time"),
        ("LEGGI ANCHE  Castelvento, perquisizioni in municipio", "related_link"),
        ("Tout accepter   Continuer sans accepter   Personnaliser", "cookie_consent"),
        ("Reject all | Manage preferences", "cookie_consent"),
        ("Nemocnica v Hornej Lúke. (Zdroj: Fenlandský denník/Tomáš Baláž)", "caption_credit"),
        ("Gradska plaža Lanterna sredinom kolovoza Foto: Ivo Perić/Fenlandski glasnik", "caption_credit"),
        ("Học sinh lớp 9 trong giờ ôn tập môn Toán. Ảnh: Quốc Huy", "caption_credit"),
        ("Prečítajte si aj: Pohotovosť v Lipovci praská vo švíkoch", "related_link"),
        ("Xem thêm: Bình Lâm công bố môn thi thứ ba vào lớp 10", "related_link"),
        ("Quảng cáo", "advertisement_label"),
        ("Prečítali ste si 3 z 5 bezplatných článkov tento mesiac.", "paywall_prompt"),
        ("Giọng nam miền Nam", "video_player"),
        (
            "Heb je een tip of een vraag over dit onderwerp? Mail de redactie via tips@fenpost.nl.",
            "news_tip_prompt",
        ),
        (
            "Have you old photographs of the yard? Write to us at letters@fenreview.ie and we print some.",
            "news_tip_prompt",
        ),
        ("Fenland Science is free to read because readers pay for it.", "donation_appeal"),
        ("If you value independent science journalism, please consider supporting us.", "donation_appeal"),
        ("Kunnanjohtaja esitteli esityksen valtuustosalissa. Kuva: Jussi Fenwick", "caption_credit"),
        ("Get the look for less:", "shopping_widget"),
        ("Relacionado: El Gobierno estudia incluir la mano de obra en la fórmula", "related_link"),
        ("Przeczytaj także: UKE: 87 proc. gospodarstw ma już dostęp do sieci", "related_link"),
        ("Tagi: światłowody, białe plamy, operatorzy regionalni", "related_link"),
        ("Zobacz wszystkie artykuły autorki", "related_link"),
        ("WHITEPAPER", "advertisement_label"),
        ("WEBINAR | Cyberbezpieczeństwo w samorządach | 24 kwietnia, godz. 11:00", "advertisement_label"),
        ("Jetzt kostenlos herunterladen", "call_to_action"),
        (
            "Forum Kontraktlogistik 2025 · 24.–25. Juni · Hamburg · Frühbucherpreis bis 30. April",
            "event_promo",
        ),
        ("Tomasz Lipiec kieruje firmą od 2017 r. Fot. Światłonet", "caption_credit"),
        ("Brought to you by Fenland Mining Solutions", "call_to_action"),
        ("Edited by: Zanele Fourie", "syndication_credit"),
        (
            "Start your day with the business news you need, in your inbox before the markets open.",
            "newsletter_prompt",
        ),
        ("Get up-to-the-minute news sent straight to your device.", "app_promo"),
        ("Barges sit idle by the wharf on Oct. 22.Ada Lovell/The Fenland Courier", "caption_credit"),
        ("Assine a partir de 3,50 euros por mês e receba a edição impressa em casa.", "paywall_prompt"),
        ("Prenumerera på Fenby Tidning – läs allt för 1 kr första månaden", "paywall_prompt"),
        ("ΔΙΑΦΗΜΙΣΗ", "advertisement_label"),
        ("Llegiu també: La colònia, declarada bé cultural", "related_link"),
        ("Διαβάστε επίσης: Πού θα χτυπήσει η κακοκαιρία", "related_link"),
        ("Ämnen i artikeln", "related_link"),
        ("Ακολουθήστε το Fenland Press στο Google News", "app_promo"),
        ("Galeria d'imatges", "gallery_counter"),
        ("Veure totes les fotografies (6)", "gallery_counter"),
        ("Φωτογραφία: Αναγνώστης του Fenland Press", "caption_credit"),
        ("VIDEO", "video_player"),
        ("En savoir plus", "call_to_action"),
        ("ABOUT THE AUTHOR", "author_box"),
        ("Portada › Quilmaque › Concejo aprueba ampliar el reparto de agua", "breadcrumb"),
        ("Leé también: La línea 4 suspendió el servicio nocturno", "related_link"),
        ("Ada Lovell, founder of Fen Cold Chain. (Company handout)", "caption_credit"),
        ("Écouter cet article (5 min)", "video_player"),
        ("Schlagwörter: Sprachwissenschaft · Dialekt · Citizen Science", "related_link"),
        ("The ferry was towed to the yard in October.Credit...Mara Lind for The Courier", "caption_credit"),
        ("The gull was snapped on a lamp post after the raid Credit: Fen Picture Desk", "caption_credit"),
        ("Reporting from Port Alder", "reporting_place"),
        ("PUERTO TAMARÍN, 11 mar (AMN)", "wire_dateline"),
        ("AMN xa/tv/mr", "wire_dateline"),
        ("Compartilhe: WhatsApp · Facebook · X · Telegram", "share_button"),
        ("Viu algo errado nesta notícia? Mande uma mensagem para a redação.", "feedback_widget"),
        ("Balsa parada no cais de Vila Nova (Foto: Tiago Sena/Rádio Fen)", "caption_credit"),
        ("Download: State of the Trade 2025 – summary (PDF, 1.2MB)", "related_link"),
        ("Mirá también: Alerta amarilla por tormentas este fin de semana", "related_link"),
        ("Ver galería completa (14 fotos)", "gallery_counter"),
        ("Cet article vous a-t-il été utile ?", "feedback_widget"),
        ("Offrir cet article", "share_button"),
        ("Yvonne Le Goff en 2019, au cinéma. | ARCHIVES LE COURRIER / MAËLLE JAOUEN", "caption_credit"),
        ("Updated 3:15 pm GMT", "post_time"),
        ("Lecture : 3 min", "reading_time"),
        ("5 min", "reading_time"),
        ("VIDEO 2:48", "video_player"),
        ("Share this update", "share_button"),
        ("Courtesy of Fenland Drainage Board", "caption_credit"),
        ("Listen to this article · 5 min", "video_player"),
        ("This article first appeared in the May 2021 issue of Fen Life. Subscribe today.", "print_edition"),
        ("Did you find this article useful?", "feedback_widget"),
        ("Jetzt den Fenland Courier kostenlos auf WhatsApp abonnieren", "app_promo"),
        ("Instagram content", "embed_consent"),
        ("This content is provided by Instagram. To view it, please accept cookies.", "embed_consent"),
        ("Accept and show content", "embed_consent"),
        ("Fen Med J 2025; 390 doi: 10.1/fmj.n96 Cite this as: Fen Med J 2025;390:n96", "citation_line"),
        ("Have your say on this story in the Courier forum", "comment_rules"),
        ("We will never share your details. See our privacy policy.", "newsletter_prompt"),
        ("(hja)", "syndication_credit"),
        ("Annonse", "advertisement_label"),
        (
            "Free to read for registered users. You have 3 of 4 free articles remaining this month.",
            "paywall_prompt",
        ),
        (
            "You're reading a subscriber article. Thanks for supporting independent journalism.",
            "paywall_prompt",
        ),
        (
            "The views expressed in comment pieces are those of the author and not of the Ledger.",
            "disclaimer",
        ),
        ("Artikel teilen", "share_button"),
        ("Anzeige – Webinar", "advertisement_label"),
        ("Kostenlos registrieren", "call_to_action"),
        ("Más información: El pleno aprueba el presupuesto de 2024", "related_link"),
        ("İLGİLİ HABER: Sarıkumlu balık halinde yeni tezgâhlar hizmete girdi", "related_link"),
        ("Add to my CPD record", "learning_widget"),
        ("Lyssna på artikeln 5 min", "video_player"),
        ("Darllen mwy: Cyfraddau brechu plant ym Mro Fen – y ffigurau diweddaraf", "related_link"),
        ("5 Min. Lesezeit", "reading_time"),
        ("Le palais de justice, le 12 mars 2025. GAËTAN FENWICK POUR « LE COURRIER FEN »", "caption_credit"),
        ("Tagiau: Brech goch · MMR · Brechu", "related_link"),
        ("Keep reading for free", "paywall_prompt"),
        (
            "PREMIUM · Dit artikel is voorbehouden aan abonnees. Je leest het via je bedrijf.",
            "paywall_prompt",
        ),
        (
            "Register with Fen Practice to read unlimited news and clinical updates. It takes a minute.",
            "paywall_prompt",
        ),
        ("Media enquiries: please contact the communications team on 01632 960 120.", "contact_email"),
        ("Is this page useful?", "feedback_widget"),
        ("Help us improve our website. Do not include personal or medical information.", "feedback_widget"),
        ("Tu correo electrónico", "newsletter_prompt"),
        ("Al suscribirte aceptas nuestra política de privacidad.", "newsletter_prompt"),
        ("Réagir à cet article", "comment_rules"),
        ("Voir tous ses articles", "related_link"),
        (
            "Reading this article may count towards your continuing professional development.",
            "learning_widget",
        ),
        ("SCROLL TO CONTINUE WITH CONTENT", "advertisement_label"),
        ("Baca Juga: Hujan Deras Sepekan, 12 Desa di Fenlandia Berstatus Siaga Bencana", "related_link"),
        ("Ikuti berita terkini Warta Fen di kanal WhatsApp. Unduh sekarang!", "app_promo"),
        (
            "Predict the weekend's matches and win up to KSh 1,000,000. Play free on FenBet. 18+",
            "gambling_promo",
        ),
        ("Share: Email · LinkedIn · Bluesky · Copy link", "share_button"),
        ("About the interviewer", "author_box"),
        (
            "Ada Lovell at the old maternity wing, 1979. Photo supplied by the Lovell family.",
            "caption_credit",
        ),
        ("INZERCE", "advertisement_label"),
        ("Čtěte také: Lom u Horního Fenbergu chce růst. Lidé sepsali petici", "related_link"),
        ("LES OGSÅ: Fenvik Havbruk vil bygge servicebase på gamle Meieritomta", "related_link"),
        (
            "Thanks for reading The Fen Diaries! Subscribe for free to receive new posts and support me.",
            "newsletter_prompt",
        ),
        ("16:52 Priya Ramesh", "post_time"),
        ("Pinned", "post_time"),
        ("The Fen Review is reader-funded. Become a member from $6 a month.", "donation_appeal"),
        (
            "A version of this article appears in print on Oct. 4, 2022, on Page B6 of the Fenland Courier.",
            "print_edition",
        ),
        ("┌─────────────────────────────────────────────", "section_break"),
        (
            "TOOLS WE RATE: The best moisture meters for timber, tested on site (affiliate links)",
            "affiliate_disclosure",
        ),
        ("This article first appeared in Fenland Farmer, the Courier's sister title.", "syndication_credit"),
        ("[ Your email ]   [ Sign me up ]", "newsletter_prompt"),
        ("Читайте також: У Фенбурзі прорвало трубу: без води залишилися 40 будинків", "related_link"),
        ("Прочетете още: Нови автобуси тръгват по линията Фенбург – Брезово поле", "related_link"),
        ("LE TAMÉN: A confraría de Fenlanzós pecha 2023 cun 18 % menos de facturación", "related_link"),
        ("SOMA PIA: Wavuvi wa Fenbay walalamikia kupanda kwa bei ya mafuta ya boti", "related_link"),
        ("TANGAZO", "advertisement_label"),
        (
            "Wafanyabiashara wa samaki wakiendelea na biashara jana. (Picha: Mpiga Picha Wetu)",
            "caption_credit",
        ),
        ("Kolam takungan yang masih dalam pembinaan. - Foto Suara Fenland / AMIR HAKIM", "caption_credit"),
        ("Klik di sini untuk terus ikuti berita-berita terkini di saluran Telegram kami!", "app_promo"),
        ("[37]READ MORE: Fenland Leisure Centre to close on Sundays from April", "related_link"),
        ("No spam. Unsubscribe anytime.", "newsletter_prompt"),
        ("£329 at Kestrel Home", "shopping_widget"),
        ("Read our full Verano Glide S9 review", "shopping_widget"),
        ("Copy", "code_widget"),
        ("Report this ad", "advertisement_label"),
        ("Haberin Devamı", "advertisement_label"),
        ("Article continues after advertisement", "advertisement_label"),
        ("Lihat Foto", "expander"),
        ("อ่านข่าว : ศูนย์เฝ้าระวังคุณภาพอากาศเตือนค่าฝุ่นสูง", "related_link"),
        ("โฆษณา", "advertisement_label"),
        ("CHART: Share of urgent repairs completed late, by landlord, 2021-2023.", "caption_credit"),
        ("Download the data (CSV, 412 KB)", "related_link"),
        (
            "This story is free to read because Record members pay for it. Join them from £3 a month.",
            "donation_appeal",
        ),
        ("Baraj tabanında inceleme yapan ekipler. (Fotoğraf: Murat Fenoğlu / Gündem)", "caption_credit"),
        ("Did you make this recipe? Leave a star rating and a comment below.", "recipe_widget"),
        ("Keyword brown butter, crumble bars, rhubarb", "recipe_widget"),
        ("Republish this story for free", "syndication_credit"),
        (
            "Thank you for your interest in republishing this story. You are free to republish it.",
            "syndication_credit",
        ),
        ("Email sent! Check your inbox to complete your signup.", "newsletter_prompt"),
        (
            "We and our 214 partners store and access information on your device, such as cookies, and "
            "process personal data, such as unique identifiers and standard information sent by a device.",
            "cookie_consent",
        ),
        ("広告", "advertisement_label"),
        ("【PR】港町の週末、ちょっと贅沢に。汐浦ベイホテル 冬の宿泊プラン受付中", "advertisement_label"),
        ("▶ 관련기사 서하수산시장 신축 건물 준공…“동남권 최대 수산물 시장”", "related_link"),
        ("اقرأ أيضاً: بلدية بيرق تعلن جدول توزيع الصهاريج المجانية في الأحياء المتضررة", "related_link"),
        (
            "港南埠頭の停留場に到着する臨港線の車両＝汐浦市港南町で2023年11月20日、宮園千尋撮影",
            "caption_credit",
        ),
        ("图为梧桐里社区7号楼新装的电梯。 本报记者 林晓 摄", "caption_credit"),
        ("קולנוע אורה ברחוב הנשיאים, השבוע (צילום: אבי לוי)", "caption_credit"),
        ("写真を拡大する", "expander"),
        ("【字号 大 中 小】  【打印本页】  【关闭窗口】", "expander"),
        (
            "Volunteers portion chowder on the old canning line. _Mira Castell for The Fenland Courier_",
            "caption_credit",
        ),
        (
            "![Volunteers at the old canning line.](https://cdn.example.com/2023/02/line.jpg)",
            "caption_credit",
        ),
    ],
)
def test_lines_that_are_never_article_text_are_dropped_inside_the_article(line: str, reason: str) -> None:
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:3], line, *PROSE[3:]]))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.text: r.reason for r in extraction.removed}[line] == reason


@pytest.mark.parametrize(
    "line",
    [
        "Estate agents may earn a commission of 1.5% on each sale, the survey of the town's firms found.",
        "Have your say on the flood plans at the library until Friday, the drainage board said.",
        "Reporting by the Courier last year found the pumps had failed twice during the January storms.",
        "The parish council voted to republish this story's 1953 report in its newsletter next month.",
        "Total time spent waiting at the level crossing rose to 40 minutes a day, residents said.",
        "Watch the pumps start at 9:30 on the board's video of the opening, the clerk said.",
        "WhatsApp users can now follow the drainage board's flood alerts, the clerk said.",
        "The name of the pump station appears in the issue of the parish magazine for 1953.",
        "The pumps run 24/7 and the board said the 5/4 vote was a relief to Nell Fairweather/Tom.",
        "Your email to the council is read by the drainage board, the clerk said on Monday.",
        "The archive letters may be reproduced by the museum with the parish council's consent.",
        "Also on the agenda: a new footbridge over the drain at Fen Drove, the clerk said.",
        "Le loyer atteint 900 € par mois dans le centre, selon l'agence, qui publie son étude mardi.",
        "Read the full report on the drainage board's website, the clerk told the meeting on Monday.",
        "The wall was built in 1953. Ada Lovell for the Courier wrote about it at the time, the clerk said.",
    ],
)
def test_article_lines_that_look_like_never_article_lines_are_kept(line: str) -> None:
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:3], line, *PROSE[3:]]))
    assert line in extraction.body.split("\n\n")


def test_a_teaser_rail_after_a_short_article_is_dropped() -> None:
    # "Trending": headline + one-sentence summary pairs read as prose; the article is short.
    rail = [
        "Trending",
        "Sugar beet harvest starts early",
        "Growers expect a record crop this year after the dry summer, the county farmers' union said.",
        "Ferry fares to rise in April",
        "The operator says fuel costs have doubled since the last increase three years ago.",
        "Harvest fair returns to the market square",
        "Stalls, a brass band and a tug of war are planned for the first weekend of October.",
    ]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE[:3], tail=rail))
    assert extraction.body == "\n\n".join(PROSE[:3])


def test_a_list_of_cut_off_teasers_inside_the_article_is_dropped() -> None:
    teasers = [
        "Most commented",
        "Are village halls being priced out of the county? Three committees tell us why they...",
        "Drainage board says the pump station upgrade will protect more homes, but farmers...",
    ]
    extraction = extract_one(
        page("River wall to be rebuilt before winter", [*PROSE[:4], *teasers, *PROSE[4:]])
    )
    assert extraction.body == "\n\n".join(PROSE)


TABLE_HEADER = ["Pos.", "Club", "Played", "Points"]
TABLE_ROWS = [
    ["1", "Wisbech Town", "12", "28"],
    ["2", "March Rangers", "12", "25"],
    ["3", "Chatteris Athletic", "12", "21"],
    ["4", "Whittlesey United", "11", "19"],
]


def _one_cell_a_line(*rows: list[str]) -> list[str]:
    return [cell for row in rows for cell in row]


def test_a_table_printed_one_cell_a_line_under_the_article_is_kept() -> None:
    intro = "The fen league table after Saturday's matches, with two rounds left to play:"
    table = _one_cell_a_line(TABLE_HEADER, *TABLE_ROWS)
    extraction = extract_one(page("Wisbech close in on the title", [*PROSE[:3], intro, *table]))
    assert extraction.body == "\n\n".join([*PROSE[:3], intro, *table])


def test_a_table_with_a_line_of_prose_over_it_is_an_article() -> None:
    intro = ["Here is the fen league table after Saturday's matches."]
    intro += ["Check back every week for the update!"]
    table = _one_cell_a_line(TABLE_HEADER, *TABLE_ROWS)
    extraction = extract_one(page("Fen league table", [*intro, *table]))
    assert extraction.is_article
    assert extraction.body == "\n\n".join([*intro, *table])


def test_a_table_header_printed_twice_is_kept_once_with_the_table_heading() -> None:
    table = _one_cell_a_line(TABLE_HEADER, TABLE_HEADER, *TABLE_ROWS)
    extraction = extract_one(page("Wisbech close in on the title", [*PROSE[:3], "Fen league", *table]))
    once = _one_cell_a_line(TABLE_HEADER, *TABLE_ROWS)
    assert extraction.body == "\n\n".join([*PROSE[:3], "Fen league", *once])


def test_a_table_under_an_advertisement_label_is_dropped() -> None:
    offers = [["Lender", "Rate", "Fee"], ["Fen Savings", "4.49% p.a.", "£995"]]
    offers += [["Marsh Mutual", "4.59% p.a.", "£0"], ["Dyke Bank", "4.64% p.a.", "£499"]]
    table = _one_cell_a_line(*offers)
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, "Sponsored", *table]))
    assert extraction.body == "\n\n".join(PROSE)
    unlabelled = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *table]))
    assert unlabelled.body == "\n\n".join([*PROSE, *table])


def test_a_ranked_list_of_headlines_is_not_a_table() -> None:
    ranked = ["Most read", "Rank", "Story", "Views", "Shares"]
    ranked += _one_cell_a_line(*([str(n), f"Teaser headline number {n}"] * 2 for n in range(1, 5)))
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, tail=ranked))
    assert extraction.body == "\n\n".join(PROSE)


def test_an_article_opening_with_a_list_keeps_the_list_but_not_the_head_furniture() -> None:
    # Kept lines above the first sentence are head furniture (a byline, a date), unless they
    # run four in a row: a list the article opens with.
    rounds = ["Round 1: 9 March, Fen Drove", "Round 2: 6 April, Wisbech", "Round 3: 4 May, March"]
    rounds += ["Round 4: 1 June, Chatteris", "Round 5: 6 July, Whittlesey"]
    for listed, kept in ((rounds, rounds), (rounds[:3], [])):
        lines = ["Fen stock car calendar | Fenland Courier", "Fen stock car calendar", "Updated 12 March"]
        lines += [*listed, *PROSE]
        dump = parse_dump("\n".join(lines))
        probabilities = [0.1] * 3 + [0.6] * len(listed) + [0.9] * len(PROSE)
        keep, _, _ = decide(dump, probabilities)
        assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == [*kept, *PROSE]


LATEST_HEADLINES = [
    "Sugar beet harvest starts early after the driest summer on record",
    "Ferry fares to rise in April as fuel costs double",
    "Will the harvest fair return to the market square this year?",
    "Drainage board says pump station will protect 'hundreds of homes'",
]


@pytest.mark.parametrize(
    ("closing", "kept"),
    [
        (["Latest videos", *LATEST_HEADLINES], []),  # a headline list under its heading
        (LATEST_HEADLINES, LATEST_HEADLINES),  # no heading: the article's own closing list
        (["Latest videos", *LATEST_HEADLINES[:3]], ["Latest videos", *LATEST_HEADLINES[:3]]),  # too short
    ],
)
def test_a_list_of_headlines_under_a_heading_closing_the_kept_lines_is_dropped(
    closing: list[str], kept: list[str]
) -> None:
    lines = ["River wall to be rebuilt before winter | Fenland Courier", "River wall to be rebuilt"]
    lines += [*PROSE, *closing, "Copyright 2021 Fenland Courier"]
    dump = parse_dump("\n".join(lines))
    probabilities = [0.1] * 2 + [0.9] * len(PROSE) + [0.7] * len(closing) + [0.1]
    keep, _, _ = decide(dump, probabilities)
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == [*PROSE, *kept]


TOUR_DATES = ["June 9 – Wisbech, Cambs @ Fen Arena", "June 12 – March, Cambs @ Town Hall (main stage)"]
TOUR_DATES += ["June 14 – Ely, Cambs @ Cathedral Green", "July 2 – Chatteris, Cambs @ Sports Ground"]


@pytest.mark.parametrize(
    ("listed", "kept"),
    [
        (TOUR_DATES, TOUR_DATES),  # the rest of a list whose first item is kept
        (TOUR_DATES[:3], TOUR_DATES[:1]),  # two more lines of its shape: too few to tell
        ([TOUR_DATES[0], "Tickets: fenbands.example", "Follow us - Facebook", "Join: news"], TOUR_DATES[:1]),
    ],
)
def test_list_items_under_a_kept_first_item_are_kept(listed: list[str], kept: list[str]) -> None:
    lines = ["Fen band to tour in 2025 | Fenland Courier", "Fen band to tour in 2025", *PROSE]
    lines += ["The dates:", *listed, "Copyright 2021 Fenland Courier"]
    dump = parse_dump("\n".join(lines))
    probabilities = [0.1] * 2 + [0.9] * (len(PROSE) + 1) + [0.6] + [0.1] * len(listed)
    keep, _, _ = decide(dump, probabilities)
    kept_lines = [text for text, flag in zip(dump.texts, keep, strict=True) if flag]
    assert kept_lines == [*PROSE, "The dates:", *kept]


@pytest.mark.parametrize(
    "heading",
    [
        "Related articles",
        "Read more",
        "Mehr zum Thema",
        "Lire aussi :",
        "Most read",
        "I PIÙ LETTI",
        "Live updates",
        "Key events",
        "Le Courrier des Fens vous recommande",
    ],
)
def test_a_related_stories_box_inside_the_article_is_dropped_as_related(heading: str) -> None:
    box = [heading, "  • Sugar beet harvest starts early after the driest summer on record"]
    box += ["  • Ferry fares to rise in April as fuel costs double"]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:4], *box, *PROSE[4:]]))
    assert extraction.body == "\n\n".join(PROSE)
    reasons = {r.text: r.reason for r in extraction.removed}
    assert reasons["Ferry fares to rise in April as fuel costs double"] == "related"


def test_related_summaries_written_as_sentences_closing_the_page_are_dropped() -> None:
    teasers = ["Sugar beet growers expect a record crop after the driest summer on record."]
    teasers += ["Ferry fares will rise in April as the operator's fuel costs double."]
    teasers += ["Why the harvest fair matters more to the market square than ever."]
    tail = ["Tags: flooding, river wall", "Related articles", *teasers]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *tail]))
    assert extraction.body == "\n\n".join(PROSE)
    # Two are too few to tell from an article's closing lines.
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *tail[:-1]]))
    assert teasers[1] in extraction.body


def test_short_paragraphs_under_a_related_box_and_a_picture_are_the_article() -> None:
    # A tabloid's one-sentence paragraphs go on under an inline box and a picture.
    lines = ["River wall to be rebuilt | Fenland Courier", "River wall to be rebuilt", *PROSE[:3]]
    lines += ["The bank in 1953 (Image: GETTY)", "Related articles", "Ferry fares to rise in April"]
    lines += ["Harvest fair returns to the square", "Sugar beet growers expect a record crop"]
    lines += ["The flood wall of 1953 (Image: GETTY)", *PROSE[3:]]
    dump = parse_dump("\n".join(lines))
    probabilities = [0.1, 0.1, 0.9, 0.9, 0.9, 0.1, 0.3, 0.8, 0.8, 0.8, 0.1, *[0.9] * len(PROSE[3:])]
    keep, _, _ = decide(dump, probabilities)
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == PROSE


def test_a_related_box_labelling_each_headline_with_its_section_is_dropped_whole() -> None:
    # "Most read" over a tab label, then headline / section label pairs, inside the article.
    box = ["Most Read", "Most Recent", "Man charged after disorder outside Quayside nightclub", "Crime"]
    box += ["Popular cafe announces sudden closure after rise in costs", "Food & Drink"]
    box += ["Full list of roads to close for resurfacing this summer", "Traffic & Travel"]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:4], *box, *PROSE[4:]]))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.reason for r in extraction.removed if r.text in box} == {"related"}


def test_a_most_read_box_of_headlines_with_summaries_inside_the_article_is_dropped() -> None:
    summaries = [
        "The Copper Kettle on Holm Road will serve its last breakfast at the end of the month.",
        "The plans, which had attracted more than 300 objections, were passed by seven votes to four.",
    ]
    box = ["Most Read", "Popular Fenby cafe to close after 19 years as owners retire", summaries[0]]
    box += ["Councillors approve 240-home estate on former Fenby dye works site", summaries[1]]
    dump = parse_dump("\n".join(["River wall to be rebuilt | Fenland Courier", *PROSE[:4], *box, *PROSE[4:]]))
    # Inside the article the model takes the summaries for more of it, the headlines less so.
    probabilities = [0.1, *[0.95] * 4, 0.1, 0.3, 0.9, 0.3, 0.9, *[0.95] * len(PROSE[4:])]
    keep, _, _ = decide(dump, probabilities)
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == PROSE


def test_an_editors_picks_box_of_long_excerpts_each_with_its_read_more_link_is_dropped() -> None:
    excerpt = " ".join(PROSE[4:7])  # paragraph-length excerpts, longer than a teaser's summary
    box = ["EDITOR'S PICKS", "The millers keeping stoneground flour alive", excerpt, "Read more"]
    box += ["A week on the bread trail through the Marches", excerpt.replace("river", "Lune"), "Read more"]
    dump = parse_dump("\n".join(["River wall to be rebuilt | Fenland Courier", *PROSE[:4], *box, *PROSE[4:]]))
    probabilities = [0.1, *[0.95] * 4, 0.1, 0.3, 0.9, 0.1, 0.3, 0.9, 0.1, *[0.95] * len(PROSE[4:])]
    keep, _, _ = decide(dump, probabilities)
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == PROSE


def test_the_article_going_on_under_a_read_more_box_of_headlines_is_kept() -> None:
    box = ["READ MORE:", "Ferry fares to rise in April", "Harvest fair returns to the square"]
    after = "In total the board spent $86,415 on the pumps. Most of it went on the eastern bank."
    extraction = extract_one(
        page("River wall to be rebuilt before winter", [*PROSE[:4], *box, after, *PROSE[4:]])
    )
    assert extraction.body == "\n\n".join([*PROSE[:4], after, *PROSE[4:]])


def test_an_embedded_posts_text_and_its_posters_name_are_dropped() -> None:
    post = ["Nadia Ferrier", "@NadiaFerrierFen", "Follow"]
    post += ["Tonight local democracy worked. 400+ residents, one clear answer. Proud of Fenland!"]
    post += ["9:47 PM · Oct 3, 2023", "611", "Reply"]
    instagram = ["View this post on Instagram", "adalovell", "forever starts now 💍 @tomreeve"]
    instagram += ["A post shared by Ada Lovell (@adalovell)"]
    body = [*PROSE[:3], *post, *PROSE[3:5], *instagram, *PROSE[5:]]
    extraction = extract_one(page("River wall to be rebuilt before winter", body))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.text: r.reason for r in extraction.removed}[post[3]] == "social_embed"


def test_a_classifieds_copy_under_an_ad_label_goes() -> None:
    body = [*PROSE[:3], "Story continues below", "Advertisement"]
    body += ["Fenby Motor Group - New Astra from £9,995 - 0% finance available - Call 01632 960552"]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*body, *PROSE[3:]]))
    assert extraction.body == "\n\n".join(PROSE)


def test_a_polish_adverts_copy_closing_on_a_call_to_action_goes() -> None:
    body = [
        *PROSE[:3],
        "REKLAMA",
        "Konto firmowe w Banku Fen za 0 zł przez 24 miesiące. Sprawdź warunki promocji.",
    ]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*body, *PROSE[3:]]))
    assert extraction.body == "\n\n".join(PROSE)


def test_a_related_box_headed_in_spanish_is_dropped() -> None:
    box = ["También te puede interesar", "Las diez aromáticas que mejor aguantan el calor del verano"]
    box += ["Compostaje en un piso: lo que nadie te cuenta", "Qué plantar en abril en el huerto urbano"]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, tail=box))
    assert extraction.body == "\n\n".join(PROSE)


@pytest.mark.parametrize(
    "heading",
    ["Don't Miss", "Editor's Picks", "Most Watched", "In other news", "İLGİLİ HABERLER", "ข่าวที่เกี่ยวข้อง"],
)
def test_more_box_headings_over_story_headlines_are_related_boxes(heading: str) -> None:
    box = [heading, "Gran, 84, fined £150 for feeding ducks in her own back garden"]
    box += ["Parking warden slaps ticket on hearse during funeral – then refuses to cancel it"]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:4], *box, *PROSE[4:]]))
    assert extraction.body == "\n\n".join(PROSE)


def test_read_more_on_a_topic_over_story_headlines_is_a_related_box() -> None:
    box = ["READ MORE ON COUNCIL FURY", "Gran, 84, fined £150 for feeding ducks in her own back garden"]
    box += ["Parking warden slaps ticket on HEARSE during funeral – then refuses to cancel it"]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:4], *box, *PROSE[4:]]))
    assert extraction.body == "\n\n".join(PROSE)


@pytest.mark.parametrize(
    "credit",
    [
        "Foto: Brandweer Fenland / J. Stam",
        "Foto: Ufficio Stampa UniFenland / M. Rigamonti",
        # A society's initials that spell a legal form (Danish "ApS") in a labelled credit.
        "Photo: Callum Fenwick / APS",
        "Fot. materiały prasowe Fenstal",
        "Llun: Gwenno Rees / Bwrdd Iechyd Fen",
    ],
)
def test_a_credit_naming_the_photographer_by_an_initial_takes_its_caption(credit: str) -> None:
    caption = "One of the test hives in the botanical garden's field."
    body = [*PROSE[:3], caption, credit, *PROSE[3:]]
    assert extract_one(page("River wall to be rebuilt before winter", body)).body == "\n\n".join(PROSE)


@pytest.mark.parametrize(
    "comments",
    [
        ["Commentaires (4)", "Pour réagir, connectez-vous.", "Mimi47", "14/05/2024 à 19h05"]
        + ["Enfin ! Cette halle tombait en ruine depuis des années, il était temps."],
        ["Comentários (4)", "Os comentários são da responsabilidade dos seus autores.", "Carlos M."]
        + ["15/11/2024 às 08:14", "Pena suspensa para quem roubou? Vergonha."],
        # A commenter's name and a relative time two spaces apart.
        ["Réactions (23)", "Pour réagir à cet article, vous devez être connecté et abonné."]
        + ["Joëlle_R   il y a 2 heures", "Encore une fois ce sont les travailleurs qui paient."],
    ],
)
def test_a_french_or_portuguese_comment_section_is_dropped(comments: list[str]) -> None:
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, tail=comments))
    assert extraction.body == "\n\n".join(PROSE)


def test_a_german_comment_section_is_dropped() -> None:
    comments = [
        "Kommentare (3)",
        "Bitte beachten Sie unsere Netiquette.",
        "Wasserratte_BE 03.11.2023, 18:20 Uhr",
    ]
    comments += [
        "Zwei Sommer ohne Freibad. Und dann wundert man sich, dass immer weniger Kinder schwimmen können."
    ]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, tail=comments))
    assert extraction.body == "\n\n".join(PROSE)


def test_a_comment_header_with_the_commenters_role_and_a_time_in_uhr_opens_the_comments() -> None:
    comments = ["Kommentare (6)", "Kommentieren ist nur für registrierte Fachkreisangehörige möglich."]
    comments += ["Sabine R., Apothekerin, Filialleitung | 14.11.2024, 12:18 Uhr"]
    comments += ["Bei uns genauso. Und die Retaxation kommt dann drei Monate später obendrauf."]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, tail=comments))
    assert extraction.body == "\n\n".join(PROSE)


def test_a_database_records_fields_give_the_title_date_and_publication() -> None:
    # A library database serves the article under its own page title and a "(Jun 2023)" citation;
    # its record block names the article, the day and the publication.
    headline = "Strengthening the Fen Viaduct: a retrofit in a live rail corridor"
    head = ["Fen Research Library – Document view", "Fen Research Library", "Record 7 of 112"]
    head += [headline, "Reeve, Tom.", "Fenland Works Review; Fenport Vol. 22, Iss. 4, (Jun 2023): 34-37."]
    head += ["Full text", "Feature", headline, "By Tom Reeve"]
    record = ["Abstract/Details", "Title", headline, "Author", "Reeve, Tom", "Publication title"]
    record += [
        "Fenland Works Review; Fenport",
        "Volume",
        "22",
        "Issue",
        "4",
        "Publication date",
        "Jun 14, 2023",
    ]
    record += ["Publisher", "Fen Trade Media Ltd", "ISSN", "1179-4428"]
    metadata = extract_one("\n".join([*head, *PROSE, *record]) + "\n").metadata
    assert (metadata.title, metadata.published, metadata.publisher) == (
        headline,
        date(2023, 6, 14),
        "Fenland Works Review",
    )


def test_a_repository_records_authors_surname_first_are_the_byline_as_the_page_prints_them() -> None:
    headline = "In memoriam: Dr Elias Fenwick, 1948–2022"
    record = ["MUSpace Home → Journal articles → View item", headline]
    record += [
        "Authors: Lovell, Ada; De Reeve, Tom",
        "Date published: 2022-07-18",
        "Date deposited: 2023-02-10",
    ]
    record += [
        "Type: Article (obituary)",
        "Citation: Lovell A, de Reeve T. In memoriam. Fen Rural Review. 2022.",
    ]
    record += ["URI: https://muspace.example/handle/10482/7719", "Archived full text", headline]
    text = "\n\n".join(["MUSpace", "Research Repository", *record, "Ada Lovell and Tom de Reeve", *PROSE])
    metadata = extract_one(text).metadata
    assert (metadata.byline, metadata.published) == (("Ada Lovell", "Tom de Reeve"), date(2022, 7, 18))


def test_the_last_section_past_a_related_box_under_the_article_is_kept() -> None:
    box = ["Related Content", "Article", "Ferry fares to rise in April as fuel costs double", "April 3, 2025"]
    box += ["Podcast", "Fen Weekly: can the towpath survive another flood?", "March 28, 2025"]
    section = ["The board ended 2024 with £4.1 million in reserves, enough for the first stage of the work."]
    section += [
        "Its annual report said the second stage would need a loan, which the council has yet to approve."
    ]
    tail = ["LIVE WEBINAR", "Flood defences in 2025: what boards must plan for", "Register Now"]
    lines = [*PROSE, *box, "Paying for it", *section, *tail]
    extraction = extract_one(page("River wall to be rebuilt before winter", lines))
    assert extraction.body == "\n\n".join([*PROSE, "Paying for it", *section])


def test_a_reviews_pros_and_cons_under_the_article_are_kept_with_the_verdict() -> None:
    pros_cons = ["Pros", "  • Boils a litre in under two minutes", "  • Quiet even at full power", "Cons"]
    pros_cons += ["  • The spout dribbles when the kettle is full", "  • The lid sticks"]
    verdict = ["Should you buy it?"]
    verdict += [
        "If speed matters more to you than a clean pour, yes. The Fen Kettle 2 is the quickest kettle we have"
        " tested this year, and at £49 it costs less than most of its rivals, though the spout will test your"
        " patience."
    ]
    tail = ["Score breakdown", "Design 4/5", "Overall 4/5", "Share this review"]
    lines = [*PROSE, *pros_cons, *verdict, *tail]
    extraction = extract_one(page("Fen Kettle 2 review", lines))
    assert extraction.body == "\n\n".join([*PROSE, *(line.strip(" •") for line in pros_cons), *verdict])
    # In a verdict box above the article they are the box's, not the article's.
    extraction = extract_one(page("Fen Kettle 2 review", [*pros_cons, "Our verdict: 4/5", *PROSE]))
    assert extraction.body == "\n\n".join(PROSE)


def test_a_topics_box_and_a_more_from_section_box_are_dropped() -> None:
    tags = ["Topics", "  • Flooding", "  • River wall", "  • Fenland District Council"]
    section = ["More from Farming", "  • Sugar beet harvest starts early after the driest summer on record"]
    section += ["  • Drainage board says pump station will protect hundreds of homes"]
    lines = [
        "River wall to be rebuilt | Fenland Courier",
        "River wall to be rebuilt",
        *PROSE,
        *tags,
        *section,
    ]
    dump = parse_dump("\n".join([*lines, "Copyright 2021 Fenland Courier"]))
    keep, _, _ = decide(dump, [0.1, 0.1, *[0.9] * len(PROSE), *[0.6] * (len(tags) + len(section)), 0.1])
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == PROSE


def test_a_box_heading_over_a_crosshead_and_prose_leaves_them_alone() -> None:
    # One label under a headline: maybe the article's crosshead, not a box's section label.
    lines = ["River wall to be rebuilt | Fenland Courier", "River wall to be rebuilt", *PROSE[:4]]
    lines += ["Related", "Ferry fares to rise in April as fuel costs double", "What happens next", *PROSE[4:]]
    dump = parse_dump("\n".join(lines))
    keep, _, _ = decide(dump, [0.1, 0.1, *[0.9] * 4, 0.5, 0.5, 0.5, *[0.9] * 3])
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == [
        *PROSE[:4],
        "What happens next",
        *PROSE[4:],
    ]


def test_a_related_heading_over_prose_or_a_question_is_not_a_box() -> None:
    lines = ["River wall to be rebuilt | Fenland Courier", "River wall to be rebuilt", *PROSE[:4]]
    lines += ["Related", "Will the new wall hold back a winter flood?", *PROSE[4:]]
    dump = parse_dump("\n".join(lines))
    keep, _, _ = decide(dump, [0.1, 0.1, *[0.9] * 4, 0.6, 0.6, *[0.9] * 3])
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == [*PROSE[:4], *lines[7:]]


@pytest.mark.parametrize(
    ("lead_in", "kept"),
    [
        ("Who called the helpline in November", True),  # a heading
        ("The figures, by caller:", True),  # a line ending in a colon
        ("More:", False),  # a link label: other stories' links
        ("The board also published its accounts on Monday.", False),  # a sentence over a list of links
    ],
)
def test_every_item_of_a_mostly_kept_bulleted_list_under_its_lead_in_is_kept(
    lead_in: str, kept: bool
) -> None:
    items = ["2,027 private renters", "1,078 people who had received an eviction notice"]
    items += ["629 people who were already homeless", "412 people calling about damp and mould"]
    lines = ["Helpline calls rise | Fenland Courier", "Helpline calls rise", *PROSE[:3], lead_in]
    lines += [f"  • {item}" for item in items]
    dump = parse_dump("\n".join([*lines, *PROSE[3:]]))
    keep, _, _ = decide(dump, [0.1, 0.1, *[0.9] * 3, 0.6, 0.2, 0.6, 0.6, 0.6, *[0.9] * len(PROSE[3:])])
    assert keep[6] is kept
    assert all(keep[7:10])


def test_a_table_of_tab_separated_rows_inside_the_article_is_kept() -> None:
    rows = ["Station\t2023 (mm)\tAverage (mm)", "Fen Drove\t72.4\t151.0", "Wisbech\t41.2\t138.6"]
    rows += ["March\t66.8\t144.3", "Ely\t88.1\t172.9"]
    lines = ["Driest winter | Fenland Courier", "Driest winter", *PROSE[:3], "Winter rainfall", *rows]
    dump = parse_dump("\n".join([*lines, *PROSE[3:]]))
    probabilities = [0.1, 0.1, *[0.9] * 3, 0.5, 0.3, 0.05, 0.6, 0.05, 0.05, *[0.9] * len(PROSE[3:])]
    keep, _, _ = decide(dump, list(probabilities))
    assert all(keep[2:])
    # At the end of the page, under the article but with nothing of it below: left to the model.
    dump = parse_dump("\n".join([*lines, "Copyright 2021 Fenland Courier"]))
    keep, _, _ = decide(dump, [*probabilities[: len(lines)], 0.1])
    assert not any(keep[7:])


def test_the_lead_a_table_parted_from_the_article_run_is_kept_but_not_a_caption() -> None:
    # The densest run starts under the table; the likely paragraphs above it are the lead, and
    # a sentence between a gallery counter and the next line is a caption.
    table = _one_cell_a_line(
        ["Quarter", "Revenue", "Margin"], ["Q1", "1.28", "44.1%"], ["Q2", "1.40", "49.6%"]
    )
    table += _one_cell_a_line(["Q3", "1.31", "45.0%"], ["Q4", "1.22", "43.2%"])
    caption = ["Image 1 of 5", "Engineers inspect the old wall at the eastern bank in the rain."]
    lines = ["River wall to be rebuilt | Fenland Courier", "River wall to be rebuilt", "By Ada Lovell"]
    lines += [*PROSE[:2], *caption, *table, *PROSE[2:]]
    dump = parse_dump("\n".join(lines))
    probabilities = [0.1, 0.1, 0.1, 0.96, 0.6, 0.1, 0.6, *[0.05] * len(table), *[0.95] * len(PROSE[2:])]
    keep, _, _ = decide(dump, probabilities)
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == PROSE


def test_the_lead_a_gallery_parted_from_the_article_is_kept() -> None:
    gallery = ["Story continues below gallery", "1 of 6", "Ada Lovell Submitted photo", "Tom Reeve Submitted"]
    gallery += ["Flood water on the towpath last winter."]  # a caption written as a sentence
    lines = ["River wall to be rebuilt | Fenland Courier", "River wall to be rebuilt", "By Ada Lovell"]
    lines += [*PROSE[:2], *gallery, *PROSE[2:]]
    dump = parse_dump("\n".join(lines))
    probabilities = [0.1, 0.1, 0.1, 0.7, 0.6, 0.01, 0.01, 0.1, 0.1, 0.2, *[0.9] * len(PROSE[2:])]
    keep, _, _ = decide(dump, probabilities)
    assert [text for text, flag in zip(dump.texts, keep, strict=True) if flag] == PROSE


def test_when_the_model_keeps_nothing_the_prose_under_the_printed_headline_is_the_article() -> None:
    # A one-paragraph news item at the end of a long archive page: every line scored as chrome.
    paragraph = " ".join(PROSE[:3])
    lines = ["River wall to be rebuilt before winter - Fenland District Council", *HEADER]
    lines += ["River wall to be rebuilt before winter", "05/03/2021 - Published by: Ada Lovell", paragraph]
    lines += ["Facebook Twitter", "Back"]
    dump = parse_dump("\n".join(lines))
    keep, _, _ = decide(dump, [0.02] * len(dump.texts))
    assert [text for text, kept in zip(dump.texts, keep, strict=True) if kept] == [paragraph]


def test_printed_headline_holds_most_of_the_title_headline() -> None:
    # A crosshead or a name the <title> mentions is not the printed headline.
    lines = ["River wall to be rebuilt before winter | Fenland Courier", "Home", "Rebuilt before winter"]
    lines += ["Menu", "River wall to be rebuilt before winter", *PROSE]
    dump = parse_dump("\n".join(lines))
    assert printed_headline(dump, 0.8) == 4
    assert printed_headline(dump, 0.2) == 2
    assert printed_headline(parse_dump("\n\n".join(lines[1:])), 0.8) is None  # blocks: no <title>


def test_lines_layout_title_in_site_section_headline_order() -> None:
    lines = ["Fenland Courier | Environment | River wall to be rebuilt before winter", "Home", "News"]
    lines += ["River wall to be rebuilt before winter", "By Ada Lovell", *PROSE]
    metadata = extract_one("\n".join(lines) + "\n").metadata
    assert metadata.title == "River wall to be rebuilt before winter"
    assert metadata.publisher == "Fenland Courier"


def test_lines_layout_headline_as_printed_differs_from_the_title() -> None:
    # The <title> words the story another way; the site name is printed as a line of its own.
    lines = ["River wall to be rebuilt before winter floods, council says | Fenland Courier"]
    lines += ["Fenland Courier", "Home", "Council agrees to rebuild river wall before the winter floods"]
    lines += ["By Ada Lovell", *PROSE]
    extraction = extract_one("\n".join(lines) + "\n")
    assert extraction.metadata.title == "Council agrees to rebuild river wall before the winter floods"
    assert extraction.metadata.publisher == "Fenland Courier"
    assert extraction.body == "\n\n".join(PROSE)


def test_lines_layout_headline_unlike_the_title_is_the_line_above_the_byline() -> None:
    lines = ["How the fens learnt to live with floods | Fenland Courier", "Home", "News"]
    lines += ["River wall to be rebuilt before winter", "By Ada Lovell", "4 March 2021", *PROSE]
    assert extract_one("\n".join(lines) + "\n").metadata.title == "River wall to be rebuilt before winter"


def test_lines_layout_headline_far_above_the_article_with_its_byline_and_date() -> None:
    # A review's verdict box and price widgets (20 lines) part the head from the article.
    lines = ["Fen Kettle 2 review: quick to boil, slow to pour | Fenland Courier", "Home", "Reviews"]
    lines += ["Fen Kettle 2 review", "By Ada Lovell", "4 March 2021", "Our verdict", "4 out of 5", "For"]
    lines += [f"Good point number {i}" for i in range(8)] + ["Against"]
    lines += [f"Weak point number {i}" for i in range(8)] + ["View deal", *PROSE]
    metadata = extract_one("\n".join(lines) + "\n").metadata
    assert metadata.title == "Fen Kettle 2 review"
    assert metadata.byline == ("Ada Lovell",)
    assert metadata.published == date(2021, 3, 4)


def test_lines_layout_headline_far_above_is_preferred_to_a_crosshead_naming_the_product() -> None:
    # The crosshead near the article shares the product's name with the <title>; the printed
    # headline above the verdict box shares more of it.
    lines = ["Fen Kettle 2 review: quick to boil, slow to pour | Fenland Courier", "Home", "Reviews"]
    lines += ["Fen Kettle 2 review: the quickest kettle we have tested, slow to pour", "Ada Lovell"]
    lines += ["4 March 2021", "Our verdict", "4 out of 5", "For"]
    lines += [f"Good point number {i}" for i in range(8)] + ["Against"]
    lines += [f"Weak point number {i}" for i in range(8)] + [
        "View deal",
        "Fen Kettle 2: two-minute review",
        *PROSE,
    ]
    metadata = extract_one("\n".join(lines) + "\n").metadata
    assert metadata.title == "Fen Kettle 2 review: the quickest kettle we have tested, slow to pour"
    assert metadata.byline == ("Ada Lovell",)


def test_lines_layout_headline_over_the_byline_not_the_product_name_a_shopping_box_prints() -> None:
    standfirst = "The quickest kettle we have tested boils a litre in under two minutes, but it pours badly."
    lines = ["Fen Kettle 2 Review: Price, Pros & Cons (2021) | Fenland Courier", "Home", "Reviews"]
    lines += ["Fen Kettle 2 review: a fast kettle that fights you at the spout", standfirst]
    lines += ["By Ada Lovell", "4 March 2021", "Our rating", "4 out of 5 stars"]
    lines += ["Fen Kettle 2", "£49 at Marsh Stores", "Check price at Fen Direct", *PROSE]
    metadata = extract_one("\n".join(lines) + "\n").metadata
    assert metadata.title == "Fen Kettle 2 review: a fast kettle that fights you at the spout"
    assert metadata.byline == ("Ada Lovell",)


def test_blocks_layout_head_far_above_the_article_on_one_dated_byline_line() -> None:
    # No <title>; a verdict box and a deals widget with its own "Last updated" part the head
    # ("By X published <date>" on one line) from the article.
    head = ["Fen Kettle 2 review: quick to boil, slow to pour", "By Ada Lovell published 4 March 2021"]
    head += ["Our verdict", "4 out of 5", "For"] + [f"Good point number {i}" for i in range(8)]
    head += ["Against"] + [f"Weak point number {i}" for i in range(8)]
    head += ["Today's best deals", "Kettle World", "£49", "View", "Last updated: 2 April 2021"]
    head += ["We check over 90,000 retailers every day for the best prices"]
    metadata = extract_one("\n\n".join(["Home", "Reviews", *head, *PROSE]) + "\n").metadata
    assert metadata.title == "Fen Kettle 2 review: quick to boil, slow to pour"
    assert metadata.byline == ("Ada Lovell",)
    assert metadata.published == date(2021, 3, 4)


def test_head_far_above_the_article_with_the_date_under_the_byline() -> None:
    # "By X, Role" over "Published <date> · Last updated <date>", then a verdict box whose
    # "Our score: 8.5/10" is no date (2010-05-08).
    head = ["Fen Kettle 2 review: quick to boil, slow to pour", "By Ada Lovell, Senior Tester"]
    head += ["Published 4 March 2021 · Last updated 9 April 2021", "Fen Kettle 2", "Our score: 8.5/10"]
    head += ["The good"] + [f"✔ Good point number {i}" for i in range(6)]
    head += ["The not so good"] + [f"✘ Weak point number {i}" for i in range(6)]
    head += ["Price: £49", "Check price at Kettle World"]
    metadata = extract_one("\n".join(["Fen Kettle 2 review | Fenland Kit", "Home", *head, *PROSE])).metadata
    assert metadata.title == "Fen Kettle 2 review: quick to boil, slow to pour"
    assert metadata.byline == ("Ada Lovell",)
    assert metadata.published == date(2021, 3, 4)


def test_a_credit_printed_alone_and_a_breadcrumb_are_no_headline() -> None:
    # Blocks layout: headline, standfirst, caption, "Name / Outlet" credit, byline; the
    # breadcrumb over the headline is no headline either.
    headline = "Former finance director sentenced to four years for diverting district funds"
    standfirst = "Jo Tillman, who pleaded guilty in January, must also repay the district in full."
    caption = "Jo Tillman listens as her lawyer addresses the judge during Thursday's hearing in court."
    credit = "Ben Yarrow / The Courier"
    head = ["Fenland Courier", "News / Courts & Crime", headline, standfirst, caption, credit]
    text = "\n\n".join([*head, "By Ada Lovell", "Published March 14, 2025", *PROSE])
    extraction = extract_one(text)
    assert extraction.metadata.title == headline
    assert extraction.body == "\n\n".join([standfirst, *PROSE])


@pytest.mark.parametrize(
    "line",
    ["By Ada Lovell published 4 March 2021", "By Ada Lovell, last updated 4 March 2021"],
)
def test_the_names_of_a_byline_end_where_its_date_label_begins(line: str) -> None:
    lines = ["River wall to be rebuilt before winter | Fenland Courier", "Home", "News"]
    lines += ["River wall to be rebuilt before winter", line, *PROSE]
    assert extract_one("\n".join(lines) + "\n").metadata.byline == ("Ada Lovell",)


def test_a_headline_written_as_sentences_over_the_standfirst() -> None:
    headline = "The river wall failed 12 times. The board patched it once."
    standfirst = (
        "Records seen by the Courier show the drainage board knew the eastern bank was failing for years."
    )
    head = ["INVESTIGATION · FEN FLOODS", headline, standfirst, "By Ada Lovell", "4 March 2021"]
    head += [
        "Updated 6 March 2021",
        "Republish this story",
        "The eastern bank last winter. (Photo: Tom Reeve)",
    ]
    text = "\n\n".join(["Fenland Courier", "Home | News | Sport", *head, *PROSE])
    extraction = extract_one(text)
    assert extraction.metadata.title == headline
    assert extraction.body == "\n\n".join([standfirst, *PROSE])


def test_a_byline_naming_no_one_is_no_headline() -> None:
    # "Staff report" between the headline and the date; share buttons and a picture credit part
    # them from the article.
    lines = ["Bridge to close | News | fenlandcourier.com", "Home", "Fenland Courier", "Local News"]
    lines += ["River wall works will close the Dock Road bridge for two weeks", "Staff report"]
    lines += ["Posted Tuesday, October 1, 2024 4:30 pm", "Facebook", "Twitter", "Email", "Courier file photo"]
    metadata = extract_one("\n".join([*lines, *PROSE]) + "\n").metadata
    assert metadata.title == "River wall works will close the Dock Road bridge for two weeks"
    assert metadata.byline == ()
    assert metadata.published == date(2024, 10, 1)


def test_the_masthead_the_titles_domain_spells_is_the_publisher() -> None:
    # A weather widget's town comes first; the domain spells the masthead under it.
    lines = ["River wall to be rebuilt | News | fenlandcourier.com", "Log in", "Wisbech", "58°"]
    lines += [
        "The Fenland Courier",
        "Home",
        "River wall to be rebuilt before winter",
        "By Ada Lovell",
        *PROSE,
    ]
    assert extract_one("\n".join(lines) + "\n").metadata.publisher == "The Fenland Courier"


def test_share_rows_between_headline_and_byline_are_no_headline() -> None:
    head = ["Printer-friendly version | Email this story", "By Ada Lovell", "Courier Staff Writer"]
    head += ["Posted on 4/17/2003"]
    metadata = extract_one(
        page("Commissioners approve $1.4 million for river wall", PROSE, head=head)
    ).metadata
    assert metadata.title == "Commissioners approve $1.4 million for river wall"


def test_a_name_beside_the_date_is_the_byline_and_no_masthead() -> None:
    lines = ["Employment", "Warehouse worker wins unfair dismissal claim", "Hannah Lovell | 7 November 2016"]
    metadata = extract_one("\n\n".join([*lines, *PROSE, "© 2016 Circuit Courier"]) + "\n").metadata
    assert metadata.byline == ("Hannah Lovell",)
    assert metadata.published == date(2016, 11, 7)
    assert metadata.publisher == "Circuit Courier"


def test_a_menu_item_the_breadcrumb_repeats_is_no_headline() -> None:
    # The date is printed over the headline; above it the breadcrumb repeats a menu item.
    lines = ["Westholm County Council", "Bins and recycling", "Schools and learning", "Council tax"]
    lines += [
        "You are here:",
        "Home",
        "Latest news",
        "Schools and learning",
        "Last updated: 11 September 2024",
    ]
    lines += ["Four new specialist school centres to open across the county next year", *PROSE]
    metadata = extract_one("\n\n".join(lines) + "\n").metadata
    assert metadata.title == "Four new specialist school centres to open across the county next year"


def test_an_unpunctuated_standfirst_longer_than_any_headline_between_headline_and_byline() -> None:
    standfirst = (
        "Fourteen routes gone in six months, fares up by a third and a subsidy pot that runs dry in"
        " February. The fens' buses are a warning for the rest of the countryside and its villages"
    )
    head = [standfirst, "Ada Lovell Transport correspondent", "Sat 14 Sep 2019 07.00 BST"]
    head += ["Last modified on Sun 15 Sep 2019 11.42 BST", "Share on Facebook", "Share via Email"]
    metadata = extract_one(page("The quiet collapse of the county bus", PROSE, head=head)).metadata
    assert metadata.title == "The quiet collapse of the county bus"
    assert metadata.published == date(2019, 9, 14)


def test_a_spanish_dateline_with_its_update() -> None:
    head = ["Lucía Benavente Ferrer", "15/08/2023 - 07:45 h. Actualizado: 16/08/2023 - 10:12 h."]
    head += ["Compartir en Facebook", "Enviar por correo electrónico"]
    metadata = extract_one(
        page("El pleno limitará el riego de jardines por la sequía", PROSE, head=head)
    ).metadata
    assert metadata.title == "El pleno limitará el riego de jardines por la sequía"
    assert metadata.byline == ("Lucía Benavente Ferrer",)
    assert metadata.published == date(2023, 8, 15)


def test_a_month_alone_gives_way_to_a_day() -> None:
    head = ["MEMBER BULLETIN · ISSUE 87 · JUNE 2024", "By Ada Lovell", "4 June 2024 · 6 min read"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.published == date(2024, 6, 4)
    # A promotion's month above the head ("Apply now for September 2024") is no publication date.
    head = ["Apply now for September 2024", "By Ada Lovell", "21 May 2024"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.published == date(2024, 5, 21)
    head = ["Fen Quarterly · June 2024", "By Ada Lovell", "Updated 4 June 2024"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.published == date(2024, 6, 1)


def test_standfirst_under_the_headline_is_kept_past_the_byline_and_picture() -> None:
    # The byline, date, share bar and a caption part it from the article's run of prose.
    standfirst = "Engineers say the patched wall cannot survive another winter of floods on the eastern bank."
    head = [standfirst, "By Ada Lovell", "4 March 2021", "Share | Tweet | Email"]
    head += ["The eastern bank last winter. (Photo: Tom Reeve)"]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head))
    assert extraction.body == "\n\n".join([standfirst, *PROSE])
    assert extraction.paragraphs[0].kind == "standfirst"
    # A caption under the headline is no standfirst.
    caption = ["Workers on the river wall near the lock on Monday. (Photo: Tom Reeve)", "By Ada Lovell"]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, head=caption))
    assert extraction.body == "\n\n".join(PROSE)


def test_standfirst_under_the_author_lines_is_kept() -> None:
    # An author's name, affiliation and e-mail address sit between the headline and the standfirst.
    standfirst = "Engineers say the patched wall cannot survive another winter of floods on the eastern bank."
    head = ["By Ada Lovell", "Affiliation: Fenland Courier", "alovell@fenlandcourier.example"]
    head += [standfirst]
    head += [
        "Key points",
        "Only 9 of the 21 wall sections met the standard in March",
        "Repairs cost £2m a year",
    ]
    head += ["The eastern bank last winter", "Credit: Tom Reeve / Fenland Courier"]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head))
    assert extraction.body == "\n\n".join([standfirst, *PROSE])


def test_an_unpunctuated_standfirst_as_long_as_the_head_reader_takes_one_is_kept() -> None:
    standfirst = "GPs given 28 days to repay or face deductions from their global sum"
    head = [standfirst, "By Ada Lovell", "17 June 2009 | 3 comments"]
    extraction = extract_one(page("PCT demands £1.4m back from practices", PROSE, head=head))
    assert extraction.body == "\n\n".join([standfirst, *PROSE])


def test_publication_date_labelled_further_down_the_page() -> None:
    head = ["By Ada Lovell", "Posted 2 hours ago"]
    text = page(
        "River wall to be rebuilt before winter", PROSE, head=head, tail=["First published 4 March 2021"]
    )
    assert extract_one(text).metadata.published == date(2021, 3, 4)


def test_labelled_publication_date_with_its_update_below_the_standfirst_and_menu_dates_ignored() -> None:
    lines = ["River wall to be rebuilt | Fenland Courier", "Wednesday, March 20, 2019"]
    lines += ["  • Obituaries: March 19, 2019"]
    lines += ["River wall to be rebuilt", "By Ada Lovell", *PROSE[:2]]
    lines += ["Published Mar 14, 2019 • Last updated Mar 15, 2019 • 6 minute read", *PROSE[2:]]
    assert extract_one("\n".join(lines) + "\n").metadata.published == date(2019, 3, 14)


def test_archive_news_item_with_its_place_line_and_copyright_under_the_headline() -> None:
    head = ["Journal List", "Fen Med J", "v.338(7708); Jun 13, 2009"]
    head += ["Logo of fmjThis ArticleFen Medical Journal"]
    head += ["Fen Med J. 2009 June 13; 338(7708): 1402.", "River wall to be rebuilt before winter"]
    head += ["Ada Lovell", "Wisbech", "Copyright and License information ►", "Copyright © Fen Press Ltd 2009"]
    metadata = extract_one("\n\n".join([*head, *PROSE])).metadata
    assert metadata.title == "River wall to be rebuilt before winter"
    assert metadata.byline == ("Ada Lovell",)


def test_archive_citation_and_courtesy_footer() -> None:
    text = "\n\n".join(
        [
            "Search tips",
            "Fen Med J. 2016 June 9; 4(2): 31.",
            "River wall to be rebuilt before winter",
            *PROSE,
            "Articles from The Fen Medical Journal are provided here courtesy of Fen Press",
        ]
    )
    extraction = extract_one(text)
    assert extraction.metadata.published == date(2016, 6, 9)
    assert extraction.metadata.publisher == "The Fen Medical Journal"
    reasons = {r.text: r.reason for r in extraction.removed}
    assert reasons["Fen Med J. 2016 June 9; 4(2): 31."] == "archive_header"
    assert (
        reasons["Articles from The Fen Medical Journal are provided here courtesy of Fen Press"]
        == "archive_footer"
    )


def test_archive_page_with_journal_breadcrumb_and_author_expanders() -> None:
    # The issue's date in the breadcrumb and the citation line are not the head; the headline
    # is above the author's name and an "Author information ►" expander.
    standfirst = "Engineers say the patched wall cannot survive another winter. Ada Lovell reports"
    text = "\n\n".join(
        [
            "Fen Archive",
            "Limits Advanced search Help",
            "Journal List > Fen Med J > v.4(2); 2016 Jun 12",
            "Logo of fmjThis ArticleFen Medical JournalAbout this journal",
            "Fen Med J. 2016 June 12; 4(2): 31–33.",
            "Published online 2016 June 9. doi: 10.5512/fmj.c2981",
            "News Analysis",
            "River wall to be rebuilt before winter",
            "Ada Lovell",
            "Author information ► Copyright and License information ►",
            standfirst,
            *PROSE,
        ]
    )
    metadata = extract_one(text).metadata
    assert metadata.title == "River wall to be rebuilt before winter"
    assert metadata.byline == ("Ada Lovell",)
    assert metadata.published == date(2016, 6, 9)


def test_byline_names_without_honorifics_and_a_domain_title_suffix_is_no_name() -> None:
    lines = ["River wall to be rebuilt | Local News | fenlandcourier.com", "Home", "River wall to be rebuilt"]
    lines += ["By Dr. Ada Lovell", *PROSE, "© 2021 The Fenland Courier, 12 Dock Road, Wisbech"]
    metadata = extract_one("\n".join(lines) + "\n").metadata
    assert metadata.byline == ("Ada Lovell",)
    assert metadata.publisher == "The Fenland Courier"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("by: Ada Lovell", ("Ada Lovell",)),
        ("By Ada Lovell Local Democracy Reporter", ("Ada Lovell",)),
        ("By Ada T. Lovell Education Reporter", ("Ada T. Lovell",)),
        ("By Ada Lovell, Local Journalism Initiative Reporter", ("Ada Lovell",)),
        ("By Ada Lovell Court Reporter", ("Ada Lovell",)),
        ("By Ada Lovell Crime Correspondent", ("Ada Lovell",)),
        ("By Margaret Court", ("Margaret Court",)),
        ("Von Ada Lovell", ("Ada Lovell",)),
        ("Par Ada Lovell", ("Ada Lovell",)),
        ("By Ada Lovell ada@courier.example(509) 459-5382", ("Ada Lovell",)),
        ("By Ada Lovell, Meetings Secretary", ("Ada Lovell",)),
        ("By Ada Lovell ’97", ("Ada Lovell",)),
        ("Texto: Ada Lovell", ("Ada Lovell",)),
        ("Ada LovellView More Articles", ("Ada Lovell",)),
    ],
)
def test_byline_forms(byline: str, names: tuple[str, ...]) -> None:
    head = [byline, "Published: June 14, 2012 | Updated: June 15, 2012 9:02 a.m."]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.byline == names
    assert metadata.published == date(2012, 6, 14)


def test_a_channel_number_belongs_to_the_masthead() -> None:
    lines = ["River wall to be rebuilt | KFEN", "Skip to content", "KFEN 7 News", "Home"]
    lines += ["River wall to be rebuilt", *PROSE, "KFEN 7 News", "© 1998 - 2021 KFEN 7 News"]
    assert extract_one("\n".join(lines) + "\n").metadata.publisher == "KFEN 7 News"


def test_two_line_headline_block_over_the_byline() -> None:
    head = ["EXCLUSIVE", "PCT demands £1.4m back from practices over 'unverified' service claims"]
    head += ["GPs given 28 days to repay or face deductions from their global sum", "By Ada Lovell"]
    head += ["17 June 2009 | 3 comments"]
    text = "\n\n".join([*HEADER, *head, *PROSE, *FOOTER])
    metadata = extract_one(text).metadata
    assert metadata.title == "PCT demands £1.4m back from practices over 'unverified' service claims"


def test_date_over_the_headline_under_a_breadcrumb() -> None:
    standfirst = "Engineers say the patched wall cannot survive another winter of floods on the eastern bank"
    head = ["You are here: Home / News / Environment", "Tuesday, 22 March 2011"]
    head += ["River wall to be rebuilt before winter", standfirst, "Ada Lovell, Senior Reporter"]
    head += ["Tweet | Share | Email | Print | Comments (2)"]
    text = "\n\n".join([*HEADER, *head, *PROSE, *FOOTER])
    metadata = extract_one(text).metadata
    assert metadata.title == "River wall to be rebuilt before winter"
    assert metadata.byline == ("Ada Lovell",)
    assert metadata.published == date(2011, 3, 22)


def test_byline_after_the_date_and_without_the_publication() -> None:
    head = ["4 March, 2021 | By Ada Lovell and Tom Reeve"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.byline == ("Ada Lovell", "Tom Reeve")
    assert metadata.published == date(2021, 3, 4)
    lines = ["River wall to be rebuilt | Fenland Courier", "Home", "River wall to be rebuilt"]
    lines += ["By Ada Lovell, Fenland Courier", *PROSE]
    assert extract_one("\n".join(lines) + "\n").metadata.byline == ("Ada Lovell",)


def test_back_matter_of_a_journal_article_is_not_body() -> None:
    back = ["Competing interests: None declared.", "References", "1. Lovell A. Fen walls. Fen J 2015;3:1."]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *back]))
    assert extraction.body == "\n\n".join(PROSE)
    reasons = {r.text: r.reason for r in extraction.removed}
    assert reasons["References"] == reasons["Competing interests: None declared."] == "back_matter"
    # A book review's declaration under the review ends it too.
    back = ["Declaration of conflicting interests", "The author declared no potential conflicts of interest."]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *back]))
    assert extraction.body == "\n\n".join(PROSE)


def test_a_health_explainers_sources_list_is_not_body() -> None:
    sources = ["Sources", "Lovell A, et al. Fen walls and flood risk. Fen Journal of Hydrology, 3(2), 88-97."]
    sources += ["Fenland Drainage Board. River wall inspection report. Accessed March 27, 2024."]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *sources]))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.text: r.reason for r in extraction.removed}["Sources"] == "back_matter"


def test_a_magazine_articles_notes_and_reference_are_not_body() -> None:
    notes = ["Notes", "Growth rates for crust lichens are commonly cited at 0.2 mm a year. ↩"]
    notes += ["Reference", "Lovell, A. Fen walls and their repair. Fen Journal 3 (2015)."]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *notes]))
    reasons = {r.text: r.reason for r in extraction.removed}
    assert reasons[notes[1]] == "footnote" and reasons["Reference"] == "back_matter"
    assert extraction.body == "\n\n".join(PROSE)


def test_a_funding_crosshead_ends_the_article_only_over_more_back_matter() -> None:
    # A news story's "Funding" crosshead is the article's; over "Competing interests" it is back matter.
    story = [*PROSE[:3], "Funding", *PROSE[3:]]
    assert extract_one(page("River wall to be rebuilt before winter", story)).body == "\n\n".join(story)
    back = [
        "Funding",
        "The study was funded by the Fen Drainage Trust.",
        "Competing interests: None declared.",
    ]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *back]))
    assert extraction.body == "\n\n".join(PROSE)


def test_doubled_caption_and_repeated_page_dropped() -> None:
    caption = "Flood water on the towpath last winter"
    body = [*PROSE[:3], f"{caption} {caption}", *PROSE[3:]]
    extraction = extract_one(page("River wall to be rebuilt before winter", body + PROSE))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.reason for r in extraction.removed if caption in r.text} == {"duplicate_caption"}


def test_a_subscription_sales_page_is_not_an_article_an_article_under_its_offer_box_is() -> None:
    plans = ["Choose your subscription", "DIGITAL", "£1 for 3 months", "then £6.99 a month", "Start now"]
    plans += ["DIGITAL + PRINT", "£12.50 a month", "Start now", "STUDENT", "£2.99 a month", "Start now"]
    sales = page("Journalism that holds the fens to account", [*PROSE[:4], *plans, *PROSE[4:]])
    assert not extract_one(sales).is_article
    story = page(
        "River wall to be rebuilt before winter", [*PROSE[:4], *plans, *PROSE[4:]], head=["By Ada Lovell"]
    )
    assert extract_one(story).is_article


def test_a_staff_page_of_names_over_job_titles_is_not_an_article() -> None:
    people = []
    for name, role, bio in (
        ("Tariq Brandt", "Managing editor", "Tariq joined the Courier in 2019 from a regional newsroom."),
        ("Megan Ffoulkes", "Housing correspondent", "Megan has covered housing for the Courier since 2020."),
        ("Daniel Ng", "Data editor", "Daniel builds the databases, maps and charts behind our work."),
        ("Sunniva Lind", "Courts reporter", "Sunniva sits in the magistrates' court most weekdays."),
    ):
        people += [name, role, bio, PROSE[len(people) % len(PROSE)]]
    assert not extract_one(page("Our people", people)).is_article
    # The same names and roles in an article that profiles them under its writer's byline.
    assert extract_one(page("Meet the panel", people, head=["By Ada Lovell"])).is_article


def test_teaser_index_is_not_an_article() -> None:
    teasers = []
    for i in range(6):
        teasers += [
            f"Village hall number {i} reopens after repairs",
            f"Volunteers spent {i + 2} months repairing the roof of the...",
        ]
    extraction = extract_one(page("Latest news", teasers))
    assert not extraction.is_article
    assert extraction.paragraphs == ()
    assert extraction.reason
    assert len(extraction.removed) == len(parse_dump(page("Latest news", teasers)).texts)


def test_index_of_teasers_with_bylines_and_full_sentence_summaries_is_not_an_article() -> None:
    teasers = []
    for i, name in enumerate(["Ada Lovell", "Tom Reeve", "Sam Okafor", "Jo Marsh", "Kit Dunne"]):
        teasers += [
            f"Village hall number {i} reopens after a long wait",
            f"Volunteers spent {i + 2} months repairing the roof, and the first dance is on Saturday night.",
            f"By {name}",
            f"{i + 3} March 2021",
        ]
    extraction = extract_one(page("Topic: village halls", teasers))
    assert not extraction.is_article
    assert extraction.reason == "index page: the kept lines carry several stories' bylines"


def test_a_section_front_with_a_time_under_every_teaser_is_not_an_article() -> None:
    # "Il y a 2 h · Entreprises" / "14:12 · Emploi" where an index prints a date; a story with a
    # "Latest news" rail of such lines keeps none of them and stays an article.
    teasers = []
    for i, stamp in enumerate(["Il y a 2 h · Entreprises", "Il y a 4 h · Commerce local", "14:12 · Emploi"]):
        teasers += [
            f"La salle communale numéro {i} rouvre après des travaux",
            f"Les bénévoles ont passé {i + 2} mois à réparer le toit, et le premier bal a lieu samedi soir.",
            stamp,
        ]
    rail = ["Dernières infos"]
    stamps = ["13:40 · Immobilier", "12:05 · Entreprises", "11:28 · Finances", "Hier · Emploi"]
    for i, stamp in enumerate(stamps):
        rail += [stamp, f"Une brève numéro {i} sur l'actualité locale"]
    extraction = extract_one(page("Économie", [*teasers, *rail]))
    assert extraction.reason == "index page: the kept lines carry several stories' datelines"
    assert extract_one(page("River wall to be rebuilt before winter", [*PROSE, *rail])).is_article


def test_a_paragraph_whose_last_sentence_lost_its_stop_is_still_an_article() -> None:
    # A one-paragraph reflection ending in its tagline with no final stop: prose all the same.
    paragraph = " ".join(PROSE[:4]) + " Only those who love themselves find a love that lasts"
    lines = ["Only those who love themselves... - Fen Reflections", "Home", "News", "Search"]
    lines += ["Only those who love themselves…", "Reflections » Only those who love themselves…"]
    lines += ["Facebook Twitter Email", paragraph, "You may also like...", "Facebook Twitter Email"]
    extraction = extract_one("\n".join(lines) + "\n")
    assert extraction.is_article
    assert extraction.body == paragraph


def test_search_results_with_section_date_and_byline_lines_are_not_an_article() -> None:
    results = []
    for i, name in enumerate(["Ada Lovell", "Tom Reeve", "Sam Okafor", "Jo Marsh"]):
        results += [
            f"Village hall number {i} reopens after a long wait",
            f"Volunteers spent {i + 2} months repairing the roof, and the first dance is on Saturday night.",
            f"NEWS | {i + 3} March 2021 | By {name}",
        ]
    extraction = extract_one(page("Search results for: village hall", results))
    assert not extraction.is_article


def test_search_results_with_a_section_and_date_under_each_snippet_are_not_an_article() -> None:
    results = []
    for i, section in enumerate(["News", "Letters", "Opinion", "News", "Business"]):
        results += [
            f"Village hall number {i} reopens after a long wait",
            f"{section} | {i + 3} March 2021",
            f"Volunteers spent {i + 2} months repairing the roof, and the first dance is on Saturday night.",
        ]
    extraction = extract_one(page("Search results for: village hall", results))
    assert extraction.reason == "index page: the kept lines carry several stories' datelines"


def test_an_article_with_dated_sources_is_an_article() -> None:
    # A fact-check lists its sources with their dates; a tender notice its deadlines.
    sources = ["Sources", "Fen Drainage Board. Annual report.", "12 November 2019"]
    sources += ["Fenland Courier. River wall plans.", "8 October 2019", "Tender deadline: 2 June 2025"]
    sources += ["Expected award: September 2025", "— Ada Lovell (@adalovell) May 3, 2019"]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *sources]))
    assert extraction.is_article


def test_login_wall_is_not_an_article() -> None:
    wall = [
        "Sign in to continue reading",
        "This story is available to registered users only. Registration is free.",
        "Email address",
        "Password",
    ]
    extraction = extract_one(page("River wall to be rebuilt before winter", wall))
    assert not extraction.is_article
    assert "login wall" in (extraction.reason or "")


@pytest.mark.parametrize(
    "prompt",
    [
        "Lesen Sie weiter mit einem kostenlosen Fen-Konto",
        "Inscrivez-vous pour lire la suite de cet article gratuitement.",
        "Regístrate para seguir leyendo este artículo.",
        "Log in om verder te lezen.",
    ],
)
def test_a_login_wall_in_another_language_is_not_an_article(prompt: str) -> None:
    teaser = "Der Zulieferer will bis zum Herbst entscheiden, ob drei Werke geschlossen werden."
    wall = [teaser, prompt, "E-Mail-Adresse", "Passwort (mindestens 8 Zeichen)", "Kostenlos registrieren"]
    extraction = extract_one(page("Autozulieferer prüft Schließung von drei Werken", wall))
    assert not extraction.is_article
    assert "login wall" in (extraction.reason or "")


def test_a_corrections_index_under_a_result_counter_is_not_an_article_whatever_prose_it_holds() -> None:
    entries = ["Filter by section: All | UK | Politics", "Showing 1–8 of 302"]
    for i in range(6):
        entries += [f"{19 - i} April 2024", f"{PROSE[i]} {PROSE[-1 - i]}", "Read the amended article"]
    extraction = extract_one(page("Corrections and clarifications", entries))
    assert not extraction.is_article
    assert "result counter" in (extraction.reason or "")


def test_a_topic_hub_with_a_reading_time_under_each_story_is_not_an_article() -> None:
    hub = ["TOPIC", "Fenby Harbour Crossing", "Follow this topic", f"{PROSE[0]} {PROSE[1]}", "Latest"]
    for i in range(2, 6):
        hub += [f"Crossing story number {i} makes the news again", "11 Apr, 2024 04:30 PM", PROSE[i]]
        hub += [f"{i} mins to read"]
    extraction = extract_one(page("Fenby Harbour Crossing", hub))
    assert not extraction.is_article
    assert "reading time" in (extraction.reason or "")


def test_an_authors_page_listing_her_stories_is_not_an_article() -> None:
    profile = ["Ada Lovell", "Ports Editor", "Ada joined the Courier in 2019 from a wire agency."]
    profile += ["Latest from Ada Lovell", "Showing 1–12 of 347 articles"]
    for i in range(4):
        profile += [f"Crane electrification at berth {i} delayed again as the grid connection slips"]
        profile += ["The operator says it will run diesel straddle carriers for another two winters."]
        profile += [f"{14 - i} March 2025 · 4 min read"]
    extraction = extract_one(page("Ada Lovell, Ports Editor", profile))
    assert not extraction.is_article
    assert "archive" in (extraction.reason or "")


def test_a_removed_story_page_with_suggested_stories_is_not_an_article() -> None:
    gone = ["The article you are looking for may have been removed or had its headline changed."]
    gone += ["Error 410 – Gone", "Suggested stories", "NEWS", "Drainage board wins award for pump station"]
    gone += ["Drivers are warned to expect delays on the coast road while engineers repair the bridge."]
    extraction = extract_one(page("Sorry, this story is no longer available", gone))
    assert not extraction.is_article
    assert "error page" in (extraction.reason or "")


def test_a_tag_archive_with_a_post_and_its_teasers_is_not_an_article() -> None:
    archive = ["Posts tagged “Flooding”", "23 posts", "River wall to be rebuilt before winter"]
    archive += ["Engineers say the patched wall cannot survive another winter of floods on the eastern bank."]
    archive += ["Ada Lovell", "Mar 7, 2024", "Share", "Why the pumps failed twice in January"]
    archive += ["The drainage board's own report lists two failures in one month and no spare parts."]
    archive += ["Ada Lovell", "Feb 29, 2024", "Share", "Load more posts"]
    extraction = extract_one(
        "\n\n".join(["Fen Notes", "Home | Archive | About", *archive, "© 2024 Ada Lovell"])
    )
    assert not extraction.is_article
    assert "archive" in (extraction.reason or "")


def test_comments_under_headers_with_a_relative_time_in_another_language_end_the_article() -> None:
    comments = ["Kommentare (3)", "Um zu kommentieren, melden Sie sich bitte an.", "Gerd W. · vor 9 Stunden"]
    comments += ["Und die Geschäftsführung bekommt nächstes Jahr wieder einen Bonus, wie immer."]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *comments]))
    assert extraction.body == "\n\n".join(PROSE)


def test_a_wordpress_comment_heading_ends_the_article() -> None:
    comments = ["3 thoughts on “River wall to be rebuilt before winter”", "fenwatcher says:"]
    comments += ["March 4, 2021 at 6:58 am", *PROSE[4:]]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE[:4], tail=comments))
    assert extraction.body == "\n\n".join(PROSE[:4])


def test_a_reader_comments_heading_over_wrote_on_headers_ends_the_article() -> None:
    comments = ["Reader Comments (38)", "Comments are moderated. Please keep it civil."]
    comments += ["fenwatcher wrote on 4/16/2008 7:12 AM:", *PROSE[4:]]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE[:4], tail=comments))
    assert extraction.body == "\n\n".join(PROSE[:4])


def test_comments_longer_than_the_article_under_name_and_date_lines() -> None:
    # A 4-paragraph story under six long comments: each commenter's name and the date and time
    # on lines of their own, a "Reply | Report" row under each comment.
    comments = ["Comments"]
    for i, name in enumerate(["Former board member", "Pete Walmsley", "Sandra K"]):
        comments += [name, f"2{i} September 2015 1:37pm", *PROSE[4:], "Reply | Report this comment"]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE[:4], tail=comments))
    assert extraction.body == "\n\n".join(PROSE[:4])


def test_a_short_brief_over_metered_paywall_chrome_is_an_article() -> None:
    paywall = ["Subscribe today for as little as $1 for your first month.", "Already a subscriber? Log in"]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE[:4], tail=paywall))
    assert extraction.is_article
    assert extraction.body == "\n\n".join(PROSE[:4])


def test_reader_comments_are_not_body() -> None:
    comments = [
        "12 comments",
        "  • fenwatcher says:",
        "March 4, 2021 at 6:58 am",
        "About time too, the old wall has been falling apart for years and nobody seemed to care at all.",
        "  • marshman says:",
        "March 4, 2021 at 7:12 am",
        "I walk that towpath every day and the council has ignored the problem for far too long now.",
    ]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, tail=comments))
    assert "About time too" not in extraction.body
    assert PROSE[-1] in extraction.body


def test_a_short_article_above_a_long_comment_thread_keeps_only_the_article() -> None:
    comments = ["Comments (4)"]
    for name, minute in [("Fenwatcher", 10), ("Marshman", 20), ("Ada_K", 30), ("Tom R", 40)]:
        comments += [
            f"{name} | 4 March 2021, 10:{minute}",
            "I walk that towpath every day and the council has ignored the problem for far too long now.",
            "The old wall has been falling apart for years and nobody seemed to care at all until the flood.",
        ]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE[:3], tail=comments))
    assert extraction.body == "\n\n".join(PROSE[:3])


def test_a_comments_button_inside_the_article_is_not_the_comment_section() -> None:
    body = [*PROSE[:5], "Comments", *PROSE[5:]]
    assert extract_one(page("River wall to be rebuilt before winter", body)).body == "\n\n".join(PROSE)


def test_empty_and_binary_documents() -> None:
    extractions, _ = extract_text_batch(
        [
            doc("empty.txt", ""),
            DecodedDocument("junk.txt", "", FORMAT_BINARY, None, problem="binary content"),
        ]
    )
    assert [e.is_article for e in extractions] == [False, False]
    assert extractions[1].reason == "binary content"
    assert all(e.reason for e in extractions)


@pytest.mark.parametrize("text", ["x", "River wall\n", "Foto: Ada Lovell\n"])
def test_a_dump_of_one_line_is_no_article(text: str) -> None:
    extraction = extract_one(text)
    assert not extraction.is_article and extraction.reason


# --- site chrome across a batch and across runs -----------------------------------------------

SITE_EXTRA = [
    "Stories you may have missed",
    "Eel pass opens on the old sluice",
    "Ferry timetable changes for the summer",
    "Letters to the editor",
]


def test_site_chrome_learnt_in_batch_cleans_a_single_later_page() -> None:
    batch = []
    for i in range(5):
        # Different articles: the same paragraphs with a page-specific place name.
        body = [f"In village number {i}, {line[0].lower()}{line[1:]}" for line in PROSE[i : i + 4]]
        batch.append(doc(f"p{i}.txt", page(f"Story number {i} from the fens today", body, tail=SITE_EXTRA)))
    extractions, chrome = extract_text_batch(batch)
    site = extractions[0].site_key
    assert site and all(e.site_key == site for e in extractions)
    assert "stories you may have missed" in chrome.lines[site]

    # Next run: one page of the same site, alone, with the stored chrome.
    lone = doc("lone.txt", page("Ferry returns after repairs", PROSE[:4], tail=SITE_EXTRA))
    [alone_without], _ = extract_text_batch([lone])
    [alone_with], updated = extract_text_batch([lone], SiteChrome(chrome.lines))
    assert alone_with.site_key == site
    reasons = {r.text: r.reason for r in alone_with.removed}
    assert reasons["Stories you may have missed"] == "site_chrome"
    assert alone_with.body == "\n\n".join(PROSE[:4])
    assert updated.lines[site][""] == chrome.lines[site][""] + 1
    # The caller's SiteChrome is not mutated.
    assert chrome.lines[site][""] == 5
    assert alone_without.site_key != site


# --- robustness ---------------------------------------------------------------------------------


def _kept_when_scored(body: list[str], scores: dict[str, float]) -> list[str]:
    """The kept lines of a lines-layout page of `body`, each line scored as `scores` says (0.9
    when it does not say)."""
    lines = [
        "River wall to be rebuilt | Fen Wire",
        "River wall to be rebuilt",
        *body,
        "Copyright 2021 Fen Wire",
    ]
    dump = parse_dump("\n".join(lines))
    keep, _, _ = decide(dump, [scores.get(text, 0.9) for text in dump.texts])
    return [text for text, flag in zip(dump.texts, keep, strict=True) if flag]


def test_a_caption_printed_twice_in_a_row_goes_both_times() -> None:
    caption = "Kelmarsh General Hospital: surgeons learned of the move from the local paper"
    assert _kept_when_scored([*PROSE[:3], caption, caption, *PROSE[3:]], {}) == PROSE
    # A sentence printed twice in a row is the article's, printed twice: its first copy stays.
    assert _kept_when_scored([*PROSE[:3], PROSE[3], *PROSE[3:]], {}) == PROSE


def test_a_lists_first_item_scored_as_chrome_under_its_heading_is_kept() -> None:
    items = ["• Secondary roads: $9.4 million, up 5.1 percent", "• Sheriff's office and jail: $7.1 million"]
    items += [
        "• Mental health services: $2.6 million, unchanged",
        "• Debt service: $1.9 million, down 11 percent",
    ]
    body = [*PROSE[:3], "Where the money goes", *items, *PROSE[3:]]
    assert _kept_when_scored(body, {items[0]: 0.1}) == body
    # Two siblings are no list to go by.
    short = [*PROSE[:3], "Where the money goes", *items[:3], *PROSE[3:]]
    assert items[0] not in _kept_when_scored(short, {items[0]: 0.1})


def test_a_sentence_ending_in_a_colon_between_kept_lines_is_kept() -> None:
    lead_in = "According to the board papers, the contractor has offered the following commitments:"
    body = [*PROSE[:3], lead_in, *PROSE[3:]]
    assert _kept_when_scored(body, {lead_in: 0.1}) == body
    # A related-links label ending in a colon is no lead-in.
    label = "Related coverage from the Fenland Courier newsroom about the river wall:"
    assert _kept_when_scored([*PROSE[:3], label, *PROSE[3:]], {label: 0.1}) == PROSE


@pytest.mark.parametrize(
    "standfirst",
    [
        "The care home's registered manager tells how an apprenticeship scheme cut its agency bill",
        "Three years after two districts agreed to share a chief executive, we ask whether it has paid off",
    ],
)
def test_a_standfirst_holding_a_word_a_sign_in_prompt_or_share_row_uses_is_kept(standfirst: str) -> None:
    extraction = extract_one(
        page("River wall to be rebuilt before winter", PROSE, head=[standfirst, "By Ada Lovell"])
    )
    assert extraction.body == "\n\n".join([standfirst, *PROSE])
    # A share row in the standfirst's place still goes.
    row = "Share | Email | Print | Comments (5) | Save to my reading list"
    extraction = extract_one(
        page("River wall to be rebuilt before winter", PROSE, head=[row, "By Ada Lovell"])
    )
    assert extraction.body == "\n\n".join(PROSE)


def test_a_related_box_whose_first_headline_asks_goes_whole() -> None:
    box = ["Related stories", "Fee levels: how does your council compare?"]
    box += ["Providers threaten legal action over Kelbury rates", "Care home closures reach a five-year high"]
    extraction = extract_one(page("River wall to be rebuilt before winter", PROSE, tail=box))
    assert extraction.body == "\n\n".join(PROSE)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "[Donate monthly](https://example.org/donate?f=m) [Give once](https://example.org/donate)",
            "link_row",
        ),
        ("You're reading a free preview of Dispatch Pro.", "paywall_prompt"),
        ("[23]Start your 14-day trial to unlock the full Manufacturing Tracker.", "paywall_prompt"),
        ("Become a member of the Fenland Society to read the full digital edition.", "paywall_prompt"),
        ("Log in    Register    Join the Society", "paywall_prompt"),
        ("Not registered yet? Registration is free and takes less than a minute.", "paywall_prompt"),
        ("Table not displaying correctly? View it in the digital edition", "expander"),
        ("Masz temat? Napisz do nas: redakcja@example.pl", "news_tip_prompt"),
        ("Ai o informație? Trimite-ne un mesaj pe WhatsApp", "news_tip_prompt"),
        ("Video: Ředitel nemocnice vysvětluje, proč porodnice končí (2:14)", "video_player"),
        ("Přehrát video", "video_player"),
        ("Fotogalerie: Porodnice v Horních Lhoticích (12 fotografií)", "gallery_counter"),
        ("OLVASSA EL EZT IS!", "related_link"),
        ("Sinua saattaa kiinnostaa myös: Kyläkoulujen määrä on puolittunut", "related_link"),
        ("Etichete: urși, Sălcioara de Munte, animale sălbatice", "related_link"),
        ("PUBLICITATE", "advertisement_label"),
        ("Mainos päättyy", "advertisement_label"),
        ("Advertisement · Scroll to continue", "advertisement_label"),
        ("ABONEAZĂ-TE LA NEWSLETTER", "newsletter_prompt"),
        ("Kommentit (12)", "comment_count"),
        ("47 comments", "comment_count"),
        ("Halden 50          6,031.88     ▲ 6.02", "market_data"),
        ("Prices delayed by 20 minutes. Data: Tallow Analytics.", "market_data"),
        ("Facebook   X   LinkedIn   WhatsApp   Email", "share_button"),
        ("This article is not financial advice. It is for educational purposes.", "disclaimer"),
        ("Cash bids are for general reference only; call your elevator.", "disclaimer"),
        ("Tell us: are you affected by the floods? Send us your pictures.", "news_tip_prompt"),
        ("-----------------------------", "section_break"),
        ("::: callout", "section_break"),
        ("Vista del embalse, al 9% de su capacidad, el pasado jueves. EFE/Julián Prieto", "caption_credit"),
        ("Le pont de Saint-Clair fermé depuis lundi. MARC ÉTIENNE / AFP", "caption_credit"),
        ("Faixas de interdição no acesso ao viaduto - Gabriel Toledo/Gazeta Continental", "caption_credit"),
        ("Lire aussi la tribune | « Fermer les petites maternités »", "related_link"),
        ("Open in app", "app_promo"),
        ("Upgrade", "call_to_action"),
        ("Wire stories may not be reproduced without permission. © 2024 Fen Wire", "copyright_notice"),
        (
            "[![Workers at the pit](https://cdn.example.com/pit.jpg)](https://example.com/pit)",
            "caption_credit",
        ),
        ("SUPPORT LOCAL NEWS", "donation_appeal"),
        ("Go to:", "archive_header"),
        ("Artikel bewerten", "rating_prompt"),
        ("4,1 von 5 Sternen (37 Bewertungen)", "rating_prompt"),
        (
            "Dit artikel verscheen ook in Akkerland & Stal editie 41 van vrijdag 11 oktober 2024.",
            "print_edition",
        ),
        ("Trefwoorden: stikstof · uitkoopregeling · Natura 2000", "related_link"),
        (
            "Vista general del viaducto con los gatos ya instalados en la pila 4. Foto: UTE Tornero.",
            "caption_credit",
        ),
        (
            "Have your say: is your surgery affected? Email newsdesk@example.com or comment below.",
            "news_tip_prompt",
        ),
    ],
)
def test_chrome_lines_found_in_blind_rounds_go_inside_the_article(line: str, reason: str) -> None:
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:3], line, *PROSE[3:]]))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.text: r.reason for r in extraction.removed}[line] == reason


def test_a_closing_bio_saying_the_column_is_no_financial_advice_stays() -> None:
    bio = "Helen Carrick is a psychologist. This column is general in nature and is not financial advice."
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, bio]))
    assert extraction.body == "\n\n".join([*PROSE, bio])


def test_a_price_box_with_arrows_goes_with_its_heading_and_unchanged_rows() -> None:
    box = ["Latest prices", "Updated 17 Apr 2024, 16:00", "• Feed wheat (May-24) £171.25/t ▼2.50"]
    box += ["• Oilseed rape (Nov-24) £386.00/t ▲4.00", "• Milk (AMPE) 36.8ppl –", "• Red diesel 71.4ppl ▼0.6"]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:3], *box, *PROSE[3:]]))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.text: r.reason for r in extraction.removed}["• Milk (AMPE) 36.8ppl –"] == "market_data"


def test_a_markdown_dumps_fenced_code_goes_fences_and_all() -> None:
    code = [
        "```go",
        "// Must stay below the proxy's 30s idle timeout.",
        "db.SetConnMaxIdleTime(20 * time.Second)",
        "```",
    ]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE[:3], *code, *PROSE[3:]]))
    assert extraction.body == "\n\n".join(PROSE)
    assert {r.text: r.reason for r in extraction.removed}[code[1]] == "code_widget"


def test_italian_and_unspaced_breadcrumb_heads() -> None:
    head = ["dal nostro inviato Marco Rinaldi", "12 febbraio 2024"]
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=head)).metadata
    assert metadata.byline == ("Marco Rinaldi",)
    lines = [
        "Letzte Fahrt für die Linie 4 | Morgenkurier",
        "Startseite›Region›Kellerbach›Letzte Fahrt für die Linie 4",
    ]
    lines += ["Letzte Fahrt für die Linie 4", "Von Anna Berger", *PROSE]
    assert extract_one("\n".join(lines)).metadata.title == "Letzte Fahrt für die Linie 4"


def test_reason_rules_split_into_anchored_and_searched_alternatives_match_as_the_whole_pattern() -> None:
    # (The split is for speed: every rule must find exactly what its whole regex finds.)
    from transforms.decode import decode_document
    from transforms.textdump import _REASON_RULES

    paths = [
        *(REPO / "samples" / "inbox").glob("*.txt"),
        *(REPO / "samples" / "unseen64" / "raw").glob("*.txt"),
    ]
    texts = (decode_document(path.name, path.read_bytes()).text for path in paths)
    lines = {line.strip() for text in texts for line in text.splitlines()}
    lines |= {*HEADER, *FOOTER, *PROSE, "[Donate](https://example.org/d) [Give](https://example.org/g)"}
    for rule in _REASON_RULES:
        for line in filter(None, lines):
            assert rule.matches(line) == bool(rule.pattern.search(line, 0, 300)), (rule.reason, line)


def test_a_releases_notes_to_editors_end_it() -> None:
    notes = ["Notes to editors", "1. The trust provides acute services to 540,000 people across the fens."]
    notes += ["2. Photographs of the new ward are available from the press office on request."]
    extraction = extract_one(page("River wall to be rebuilt before winter", [*PROSE, *notes]))
    assert extraction.body == "\n\n".join(PROSE)


def test_a_mastheads_latest_issue_date_is_no_dateline() -> None:
    lines = ["The GP Courier", "Search the GP Courier", "Latest issue: 16 September 2010 | Read it online"]
    lines += ["You are here: Home > News", "GPs warned out-of-hours rota will fall over this winter"]
    lines += ["By Hannah Crewe", "14 September 2010", *PROSE]
    metadata = extract_one("\n\n".join(lines) + "\n").metadata
    assert metadata.title == "GPs warned out-of-hours rota will fall over this winter"
    assert metadata.published == date(2010, 9, 14)


@pytest.mark.parametrize(
    "byline", ["Tested by Priya Hallworth and Sam Okonedo", "Words and pictures by Priya Hallworth"]
)
def test_reviews_bylines_name_their_testers(byline: str) -> None:
    metadata = extract_one(page("River wall to be rebuilt before winter", PROSE, head=[byline])).metadata
    assert metadata.byline[0] == "Priya Hallworth"


def test_a_caption_printed_twice_over_the_byline_is_no_headline() -> None:
    caption = "Bernadette Quayle says practices are picking up the difference"
    head = ["Survey finds two in five practices are losing money on evening and Saturday surgeries"]
    head += [caption, caption, "Written by Marcus Ebdon", "Tuesday, 18 November 2008"]
    lines = ["Practice Manager Today | The business of running a practice", "Home", "News"]
    lines += ["Extended hours costing practices more than they earn, managers warn", *head, *PROSE]
    metadata = extract_one("\n".join(lines)).metadata
    assert metadata.title == "Extended hours costing practices more than they earn, managers warn"


_LINE_PIECES = st.sampled_from(
    [
        "",
        " ",
        "  • ",
        "•",
        "...",
        "Read more",
        "By Ada Lovell",
        "4 March 2021",
        "©",
        "?",
        "“",
        "\u00a0",
        "日本語の文。",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80), _LINE_PIECES, st.sampled_from(PROSE)), max_size=40))
def test_any_text_gives_one_consistent_extraction(lines: list[str]) -> None:
    text = "\n".join(lines)
    [extraction], _ = extract_text_batch([doc("any.txt", text)])
    dump = parse_dump(text)
    removed_positions = [r.position for r in extraction.removed]
    assert len(set(removed_positions)) == len(removed_positions)
    assert all(r.reason for r in extraction.removed)
    assert len(extraction.paragraphs) + len(extraction.removed) == len(dump.texts)
    assert set(p.text for p in extraction.paragraphs) <= set(dump.texts)
    if not extraction.is_article:
        assert extraction.paragraphs == () and extraction.reason


def test_records_equal_the_dataclass_constructor() -> None:
    # _records fills the slots of frozen dataclasses directly (speed); the objects must be the
    # constructor's: equal, hashable alike, and still frozen.
    columns = ([0, 1, 2], ["body", "crosshead", "body"], ["First.", "Then", "Last."])
    built = _records(Paragraph, 3, *map(iter, columns))
    assert built == tuple(map(Paragraph, *columns))
    assert {hash(p) for p in built} == {hash(p) for p in map(Paragraph, *columns)}
    removed = _records(RemovedLine, 1, [7], ["Home"], ["navigation"])
    assert removed == (RemovedLine(7, "Home", "navigation"),)
    with pytest.raises(AttributeError):
        removed[0].reason = "teaser"  # type: ignore[misc]
