"""Tests for transforms.html: made-up snippets for each rule, robustness, and a corpus F1 floor."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from transforms.evaluation import score_corpus
from transforms.html import extract_html
from transforms.model import FORMAT_HTML, DecodedDocument

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
BENCHMARK = SHARED / "benchmarks" / "scrapinghub"

PROSE = (
    "The council approved the new budget on Tuesday after a long debate about school funding, "
    "road repairs and the future of the central library, which had faced closure."
)


def _extract(html: str):
    return extract_html(DecodedDocument("page.html", html, FORMAT_HTML, "utf-8"))


def _page(article: str, extra: str = "", head: str = "") -> str:
    return f"""<!doctype html><html lang="en-GB"><head><title>Budget approved | Town Gazette</title>{head}
    </head><body>
    <nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
    <div id="cookie-consent"><p>We use cookies to improve your experience on this website, by continuing
    to browse you agree to our use of cookies and our privacy policy.</p></div>
    <main><article><h1>Budget approved after long debate</h1>{article}</article>{extra}</main>
    <footer class="site-footer"><p>Copyright 2020 Town Gazette. All rights reserved. Registered in
    England and Wales, company number 0000000.</p></footer></body></html>"""


ARTICLE = "".join(f"<p>{PROSE} Paragraph {i} adds more detail about the vote.</p>" for i in range(5))


def test_article_paragraphs_kept_in_order_and_chrome_dropped() -> None:
    result = _extract(_page(ARTICLE))
    assert result.is_article and result.method == "html"
    assert [p.text.rsplit("Paragraph ", 1)[1][0] for p in result.paragraphs] == list("01234")
    assert all(p.kind == "body" for p in result.paragraphs)
    assert "cookies" not in result.body and "Copyright" not in result.body and "Home" not in result.body
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons["Budget approved after long debate"] == "title"
    assert 0 < result.confidence <= 1


def test_comments_related_and_share_blocks_are_removed_with_reasons() -> None:
    extra = f"""
    <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
    <section class="comments"><h3>3 comments</h3><div class="comment"><p>{PROSE} I disagree strongly
    with this decision and will say so at the next meeting.</p></div></section>
    <aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Library closure plans
    revealed in full</a></li><li><a href="/b">Road repairs to start next month across town</a></li>
    </ul></aside>"""
    result = _extract(_page(ARTICLE, extra))
    assert (
        "disagree" not in result.body
        and "Library closure" not in result.body
        and "Facebook" not in result.body
    )
    reasons = {r.reason for r in result.removed}
    assert {"comment", "navigation", "cookie_banner"} <= reasons
    assert len(result.paragraphs) == 5


def test_a_test_id_names_what_an_element_with_generated_classes_is() -> None:
    box = """<div class="css-1l5f9gk" data-testid="newsletter-inline"><h3 class="css-4fd6ke">The Gazette
    Brief</h3><p class="css-15oz8na">Council news, explained before breakfast. Every weekday.</p></div>"""
    result = _extract(_page(ARTICLE.replace("</p><p>", f"</p>{box}<p>", 1)))
    assert "Gazette Brief" not in result.body and "before breakfast" not in result.body
    assert len(result.paragraphs) == 5


def test_class_names_in_the_sites_language_are_hints_too() -> None:
    extra = f"""<div class="boletin"><p class="boletin__titulo">Boletín de la mañana</p><p>Las claves del
    día, seleccionadas por nuestra redacción, cada mañana a las 7.00 en tu correo.</p></div>
    <section class="relacionadas"><h2>Noticias relacionadas</h2><p>{PROSE}</p></section>
    <section class="comentarios"><h2>Comentarios (41)</h2><div><p>{PROSE} Cuatro años de sequía y
    ahora se acuerdan.</p></div></section>"""
    result = _extract(_page(ARTICLE, extra))
    assert len(result.paragraphs) == 5
    assert "Boletín" not in result.body and "relacionadas" not in result.body and "sequía" not in result.body


def test_polish_class_names_are_hints_and_autor_leads_a_byline() -> None:
    # A hand-built table layout: the caption, a donation box, related links and comments are
    # named only in Polish ("podpis", "wesprzyj", "powiazane", "komentarze").
    figure = '<div class="podpis">Chór podczas jubileuszu w 2015 r.<br><i>Fot. archiwum</i></div>'
    extra = f"""<div class="wesprzyj"><h4>Wesprzyj lokalne dziennikarstwo</h4><p>{PROSE} Wpłać
    dowolną kwotę.</p></div><div class="powiazane"><h4>Powiązane artykuły</h4><p>{PROSE}</p></div>
    <div class="komentarze"><h4>Komentarze (6)</h4><div class="komentarz"><p>{PROSE} Wielka
    strata.</p></div></div>"""
    byline = '<div class="autor_art">Autor: <a href="/autor.php?id=3">Marek Sadowy</a></div>'
    page = _page(byline + ARTICLE.replace("</p><p>", f"</p>{figure}<p>", 1), extra)
    result = _extract(page)
    assert len(result.paragraphs) == 5
    assert not any(word in result.body for word in ("jubileuszu", "Wesprzyj", "Wpłać", "Powiązane", "strata"))
    assert result.metadata.byline == ("Marek Sadowy",)


def test_a_commenters_name_inside_the_article_container_is_no_byline() -> None:
    # A table layout whose container holds the comments too; the byline is a "firma" span, the
    # commenters' names "com-autor" elements, the caption a "pie-foto" element, the copyright
    # holder a company "S.L.".
    byline = '<p><span class="firma">Por <b>Luis Arjona</b></span> | <span class="lugar">Almendral</span></p>'
    figure = '<div class="pie-foto">La maestra en 2009. <span class="autor-foto">FOTO: ARCHIVO</span></div>'
    comments = """<div class="comentarios"><div class="com-autor"><b>Maribel Gómez</b> - 03/02/2023
    19:30</div><p>Descanse en paz, doña Remedios.</p></div>"""
    footer = '<div class="copyright">&copy; 1979-2023 Diario de Almendral S.L. &middot; C/ Mayor, 14</div>'
    result = _extract(_page(byline + figure + ARTICLE + comments, footer))
    assert result.metadata.byline == ("Luis Arjona",)
    assert "maestra en 2009" not in result.body
    assert result.metadata.publisher == "Diario de Almendral"


def test_a_drupal_teaser_field_is_the_standfirst_and_an_author_cards_role_no_name() -> None:
    # Drupal's "field--name-field-teaser" holds the article's intro, not a related teaser; the
    # author card under the article prints the name over "Redakteurin Betrieb & Markt".
    intro = f"<div class='field field--name-field-teaser field__item'><p>{PROSE} Das Intro.</p></div>"
    card = """<div class="author-teaser"><div class="author-teaser__name"><a href="/a">Jana Reuter</a></div>
    <div class="author-teaser__role">Redakteurin Betrieb &amp; Markt</div></div>"""
    result = _extract(_page(intro + ARTICLE + card))
    assert result.paragraphs[0].text == f"{PROSE} Das Intro."
    assert result.metadata.byline == ("Jana Reuter",)


def test_french_reader_reactions_and_the_mastheads_date_of_the_day() -> None:
    # "Réactions (3)" over "reaction" elements is the comment section; the masthead's
    # "date-jour" prints today's date, the article's "Publié le" its own.
    today = '<div id="date-jour">Mercredi 8 mai 2024</div>'
    infos = '<div class="infos-article">Publié le 07/05/2024 à 18h12 | Mis à jour le 08/05/2024</div>'
    reactions = f"""<div><h2>Réactions (3)</h2><div class="reaction"><div class="reaction-auteur">Posté
    par <b>mireille.b</b></div><div class="reaction-texte">{PROSE} Toutes mes condoléances.</div>
    </div></div>"""
    page = _page(infos + ARTICLE, reactions).replace("<main>", f"{today}<main>")
    result = _extract(page)
    assert result.metadata.published == date(2024, 5, 7)
    assert "condoléances" not in result.body and "Réactions" not in result.body


def test_an_html_escaped_name_in_json_ld_is_unescaped() -> None:
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Budget approved",'
    ld += ' "datePublished": "2024-09-23",'
    ld += ' "publisher": {"@type": "Organization", "name": "Berth &amp; Bunker"}}'
    ld += "</script>"
    assert _extract(_page(ARTICLE, head=ld)).metadata.publisher == "Berth & Bunker"


def test_an_author_cards_bio_under_the_article_is_no_byline() -> None:
    # The byline over the article names two authors; the author cards under it (inside the
    # container) print a bio sentence each, "X ist Redakteurin in ...".
    byline = '<div class="field--name-field-autoren"><span>Von</span><div><a href="/a">Jana Reuter</a></div>'
    byline += '<span>und</span><div><a href="/b">Malte Oswald</a></div></div>'
    cards = '<div class="autorenkarte"><p>Jana Reuter ist Redakteurin in der Lokalredaktion Kranzbach.</p>'
    cards += "<p>Malte Oswald leitet die Lokalredaktion Oberwerth.</p></div>"
    page = _page(ARTICLE + cards).replace("<main>", f"<main>{byline}")
    assert _extract(page).metadata.byline == ("Jana Reuter", "Malte Oswald")


def test_a_hashed_class_holding_ad_is_no_advert_and_an_h2_heads_a_page_with_no_h1() -> None:
    # "css-9fy2ad" on every paragraph of a live feed is a hash, not an advert; a 2009 layout
    # prints its headline in an <h2> (a standfirst there ends its sentence).
    body = "".join(f'<p class="css-9fy2ad">{PROSE} Post {i}.</p>' for i in range(5))
    page = _page(body).replace("<h1>Budget approved after long debate</h1>", "")
    page = page.replace("<article>", "<article><h2>Ferryman and choir stalwart dies at 88</h2>")
    result = _extract(page)
    assert len(result.paragraphs) == 5 and result.metadata.title == "Ferryman and choir stalwart dies at 88"


def test_a_table_layout_with_no_headings_is_headed_by_its_headline_span() -> None:
    body = "".join(f"{PROSE} Paragraph {i}.<br><br>" for i in range(5))
    head = '<span class="headline">Seed merchant who saved the Fenland Red dies at 74</span><br>'
    head += '<span class="byline">By Ada Lovell</span><br>'
    page = _page(f'<table><tr><td>{head}<div class="storytext">{body}</div></td></tr></table>')
    page = page.replace("<h1>Budget approved after long debate</h1>", "")
    result = _extract(page)
    assert result.metadata.title == "Seed merchant who saved the Fenland Red dies at 74"
    assert len(result.paragraphs) == 5


def test_a_paragraph_classed_as_the_teaser_is_the_standfirst() -> None:
    lead = "The valley bridge stays closed far longer than planned after inspectors found cracks."
    result = _extract(_page(f'<p class="ka-teaser"><strong>{lead}</strong></p>{ARTICLE}'))
    assert result.paragraphs[0].text == lead and len(result.paragraphs) == 6


def test_a_visually_hidden_label_and_a_card_group_of_other_stories_are_no_body() -> None:
    inset = '<div class="inset"><span class="nhsuk-u-visually-hidden">Information: </span>'
    inset += f"<p>{PROSE} The inset note.</p></div>"
    cards = '<h2>More news</h2><ul class="nhsuk-card-group">' + "".join(
        f'<li><div class="card"><h3><a href="/n/{i}">Story {i}</a></h3><p>{PROSE} Card {i}.</p></div></li>'
        for i in range(3)
    )
    result = _extract(_page(ARTICLE + inset, extra=cards + "</ul>"))
    kept = [p.text for p in result.paragraphs]
    assert f"{PROSE} The inset note." in kept and not any("Card" in text for text in kept)


def test_a_videos_transcript_box_is_no_body() -> None:
    box = '<section data-testid="transcript"><details><summary>Transcrição do vídeo</summary>'
    box += "".join(f"<p>JORNALISTA: {PROSE} Line {i}.</p>" for i in range(3)) + "</details></section>"
    result = _extract(_page(ARTICLE + box))
    assert len(result.paragraphs) == 5 and not any("JORNALISTA" in p.text for p in result.paragraphs)


def test_an_accordions_questions_in_heading_buttons_are_kept() -> None:
    panes = "".join(
        f'<div class="accordion-pane"><h3><button type="button" aria-expanded="false">{q}</button></h3>'
        f"<p>{PROSE} Answer {i}.</p></div>"
        for i, q in enumerate(["What goes in the green cart?", "When will I get my green cart?"])
    )
    result = _extract(_page(ARTICLE + panes))
    kept = [p.text for p in result.paragraphs]
    assert "What goes in the green cart?" in kept and "When will I get my green cart?" in kept


def test_german_author_and_date_spans_a_kicker_and_a_media_contact_card() -> None:
    head = '<div class="dachzeile">Hollenau · Traditionsbetrieb in Not</div>'
    head += '<div class="artikel-info"><span class="autor">Von <a href="/a/1">Ada Lovell</a> und'
    head += ' <a href="/a/2">Tom Reeve</a></span> | <span class="datum">Veröffentlicht: 14.03.2025,'
    head += " 17:42 Uhr</span></div>"
    contact = '<div class="contact-card"><p><strong>Harriet Lind</strong><br>Media Officer</p></div>'
    page = _page(head + ARTICLE + contact).replace('lang="en-GB"', 'lang="de"')
    result = _extract(page)
    assert result.metadata.byline == ("Ada Lovell", "Tom Reeve")
    assert result.metadata.published == date(2025, 3, 14)
    assert [p.text for p in result.paragraphs] == [p.text for p in _extract(_page(ARTICLE)).paragraphs]


def test_a_related_box_heading_left_over_its_dropped_links_goes() -> None:
    box = '<h3>Read next</h3><ul class="related-links"><li><a href="/a">Library closure plans revealed</a>'
    box += '</li><li><a href="/b">Road repairs to start next month</a></li></ul>'
    result = _extract(_page(ARTICLE.replace("</p><p>", f"</p>{box}<p>", 1)))
    assert "Read next" not in result.body and len(result.paragraphs) == 5
    assert {r.text: r.reason for r in result.removed}["Read next"] == "related"


def test_the_authors_bio_under_the_article_is_kept_her_name_alone_is_not() -> None:
    bio = "<p><em>Ada Lovell is the Gazette's local democracy reporter and covers the town council.</em></p>"
    head = '<div class="byline">By Ada Lovell</div>'
    result = _extract(_page(head + ARTICLE + "<p>Ada Lovell</p>" + bio))
    assert result.metadata.byline == ("Ada Lovell",)
    assert result.paragraphs[-1].text.startswith("Ada Lovell is the Gazette's")
    assert len(result.paragraphs) == 6


def test_a_caption_paragraph_ending_in_its_credit_is_dropped() -> None:
    caption = "<p>Water spills over the Mill Pond dam on Monday morning. Courier photo by Dana Wells</p>"
    result = _extract(_page(ARTICLE.replace("</p><p>", f"</p>{caption}<p>", 1)))
    assert "Dana Wells" not in result.body and len(result.paragraphs) == 5


def test_a_by_line_without_byline_classes_is_the_byline_not_body() -> None:
    byline = '<div class="css-14a9o0v"><span>By <a href="/a">Ada Lovell</a> and Tom Reeve'
    byline += " · 4 March 2021</span></div>"
    result = _extract(_page(byline + ARTICLE))
    assert result.metadata.byline == ("Ada Lovell", "Tom Reeve")
    assert "Lovell" not in result.body and len(result.paragraphs) == 5


def test_dateline_element_before_the_article_gives_the_first_date_not_the_update() -> None:
    head = '<div class="story-date">Friday 10 February 2023, 5:47 pm<br>'
    head += "Last updated: Saturday 11 February 2023</div>"
    html = _page(ARTICLE).replace("<main>", f"<main>{head}")
    assert _extract(html).metadata.published == date(2023, 2, 10)


def test_crossheads_and_list_items_get_their_kinds() -> None:
    article = (
        ARTICLE + "<h2>What happens next</h2><ul><li>Consultation opens in May.</li>"
        "<li>Final vote in June.</li></ul>" + f"<p>{PROSE}</p>"
    )
    kinds = {p.text: p.kind for p in _extract(_page(article)).paragraphs}
    assert kinds["What happens next"] == "crosshead"
    assert kinds["Consultation opens in May."] == "list_item"


def test_metadata_precedence() -> None:
    head = """
    <meta property="og:site_name" content="Town Gazette">
    <meta property="og:title" content="Budget approved after long debate">
    <meta name="author" content="Meta Author">
    <meta property="article:published_time" content="2020-03-05T09:00:00Z">
    <link rel="canonical" href="https://gazette.example/budget">
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
      "headline": "Budget approved after long debate", "dateModified": "2020-04-01",
      "datePublished": "2020-03-04T18:00:00Z", "author": [{"@type": "Person", "name": "Jane Smith"}],
      "publisher": {"@type": "Organization", "name": "The Town Gazette"}}</script>"""
    meta = _extract(_page(ARTICLE, head=head)).metadata
    assert meta.title == "Budget approved after long debate"  # h1, not "<title> | site"
    assert meta.byline == ("Jane Smith",)
    assert meta.published is not None and meta.published.isoformat() == "2020-03-04"  # not dateModified
    assert meta.publisher == "The Town Gazette"
    assert meta.canonical_url == "https://gazette.example/budget"
    assert meta.language == "en"


def test_metadata_falls_back_to_meta_tags_and_time_element() -> None:
    head = '<meta property="og:site_name" content="Town Gazette"><meta property="og:url" content="https://g.example/x">'
    article = (
        '<p class="byline">By Ann Lee and Bob Roe</p><time datetime="2021-07-09">9 July</time>' + ARTICLE
    )
    meta = _extract(_page(article, head=head)).metadata
    assert meta.published is not None and meta.published.isoformat() == "2021-07-09"
    assert meta.publisher == "Town Gazette"
    assert meta.canonical_url == "https://g.example/x"
    assert meta.byline == ("Ann Lee", "Bob Roe")


def test_title_tag_suffix_is_stripped_without_h1() -> None:
    title = "<title>Budget approved after long debate | Town Gazette</title>"
    html = f"<html><head>{title}</head><body>{ARTICLE}</body></html>"
    assert _extract(html).metadata.title == "Budget approved after long debate"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<",
        "<html><body><p>unclosed <b>bold <i>italic</p></div></span>",
        "<div" * 50 + ">text",
        "<script>never closed " + "x" * 1000,
        '<html><head><script type="application/ld+json">{broken json</script></head><p>x</p></html>',
        "\x00\x01 binary-ish <p>\ufffd</p>",
        "<!-- unterminated comment <p>hello</p>",
    ],
)
def test_malformed_markup_never_raises(html: str) -> None:
    result = _extract(html)
    assert result.method == "html"
    assert not result.is_article and result.reason


def test_ten_thousand_nested_elements_do_not_hit_the_recursion_limit() -> None:
    html = "<html><body>" + "<div>" * 10_000 + ARTICLE + "</div>" * 10_000 + "</body></html>"
    result = _extract(html)
    assert len(result.paragraphs) == 5


def test_page_without_article_is_flagged() -> None:
    html = _page('<p><a href="/login">Sign in</a></p><p>Page not found.</p>')
    result = _extract(html)
    assert not result.is_article and result.reason.startswith("no run of article prose")
    assert result.confidence == 0.0


@pytest.mark.shared
@pytest.mark.skipif(not BENCHMARK.is_dir(), reason=f"ScrapingHub benchmark not found at {BENCHMARK}")
def test_scrapinghub_f1_floor() -> None:
    truth_json = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    truth, predicted = {}, {}
    for page_id, record in truth_json.items():
        html = gzip.decompress((BENCHMARK / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        truth[page_id] = record["articleBody"]
        predicted[page_id] = _extract(html).body
    assert score_corpus(truth, predicted).f1 >= 0.965  # the target; measured 0.966


def test_error_page_is_not_an_article_and_has_no_body() -> None:
    html = _page(f"<p>{PROSE}</p>").replace(
        "<title>Budget approved | Town Gazette</title>", "<title>Page not found</title>"
    )
    result = _extract(html)
    assert not result.is_article and result.reason.startswith("page not found")
    assert result.paragraphs == () and result.metadata.title is None
    assert any(line.reason == "not_found" for line in result.removed)


def test_a_removed_story_page_is_not_an_article() -> None:
    html = _page(ARTICLE).replace(
        "<title>Budget approved | Town Gazette</title>", "<title>This story is no longer available</title>"
    )
    assert not _extract(html).is_article


def test_printed_headline_and_inline_author_win_over_rewritten_social_title() -> None:
    head = '<meta property="og:title" content="What the vote means for you">'
    article = (
        '<div class="entry-meta">Posted 2021-07-09 by <span class="author">Ann Lee</span></div>' + ARTICLE
    )
    result = _extract(_page(article, head=head))
    assert result.metadata.title == "Budget approved after long debate"
    assert result.metadata.byline == ("Ann Lee",)
    assert result.metadata.published is not None and result.metadata.published.isoformat() == "2021-07-09"
    assert "Posted" not in result.body


def test_inline_dateline_element_gives_the_date() -> None:
    # Old table layouts print the date in a span of a cell that holds nothing else of note.
    article = (
        '<table><tr><td><span class="byline">By Ann Lee</span><br>'
        '<span class="dateline">Friday, 14 March 2008</span></td></tr></table>' + ARTICLE
    )
    result = _extract(_page(article))
    assert result.metadata.byline == ("Ann Lee",)
    assert result.metadata.published is not None and result.metadata.published.isoformat() == "2008-03-14"


def test_unseen_html_pages_floors() -> None:
    # samples/unseen's HTML pages, written by someone who had not seen this code. First scores:
    # body 0.993; title, byline 7/7, published 6/7 (a date only in a <span class="dateline">,
    # since read), publisher 5/7 (two pages name the publication only in visible text).
    from bench.html_pages import load_html_pages
    from transforms.decode import decode_document

    unseen = Path(__file__).resolve().parents[2] / "samples" / "unseen"
    pages, truth = load_html_pages(unseen / "raw", unseen / "gold.jsonl")
    gold = {r["file"]: r for r in map(json.loads, (unseen / "gold.jsonl").read_text().splitlines()) if r}
    results = {
        name: extract_html(decode_document(name, (unseen / "raw" / name).read_bytes())) for name in pages
    }
    assert len(results) == 8
    assert score_corpus(truth, {name: result.body for name, result in results.items()}).f1 >= 0.97
    articles = {name: result for name, result in results.items() if gold[name]["is_article"]}
    assert all(result.is_article == gold[name]["is_article"] for name, result in results.items())
    for field in ("title", "published"):
        exact = [str(getattr(r.metadata, field) or None) == str(gold[n][field]) for n, r in articles.items()]
        assert sum(exact) / len(exact) >= 0.9, field
    assert all(list(r.metadata.byline) == gold[n]["byline"] for n, r in articles.items())


@pytest.mark.parametrize(
    ("corpus", "pages", "floor"),
    [("unseen5", 10, 0.94), ("unseen8", 10, 0.96), ("unseen9", 5, 0.97), ("unseen10", 5, 0.97)]
    + [("unseen11", 5, 0.96), ("unseen12", 5, 0.96), ("unseen13", 5, 0.96), ("unseen14", 5, 0.96)]
    + [("unseen15", 5, 0.97), ("unseen16", 5, 0.92), ("unseen17", 5, 0.97), ("unseen19", 5, 0.94)]
    + [("unseen22", 5, 0.97), ("unseen23", 5, 0.98), ("unseen24", 5, 0.94), ("unseen25", 5, 0.95)]
    + [("unseen26", 5, 0.98), ("unseen27", 5, 0.97), ("unseen28", 5, 0.98), ("unseen29", 5, 0.98)]
    + [("unseen30", 5, 0.98), ("unseen31", 5, 0.97), ("unseen32", 5, 0.98), ("unseen33", 5, 0.97)]
    + [("unseen34", 5, 0.99), ("unseen35", 5, 0.99), ("unseen36", 5, 0.99), ("unseen37", 5, 0.98)]
    + [("unseen38", 5, 0.97), ("unseen39", 5, 0.98), ("unseen40", 5, 0.99)]
    + [("unseen41", 5, 0.99), ("unseen42", 5, 0.99), ("unseen43", 5, 0.99)]
    + [("unseen44", 5, 0.98), ("unseen45", 5, 0.99), ("unseen46", 5, 0.99)]
    + [("unseen47", 5, 0.96), ("unseen48", 5, 0.975), ("unseen49", 5, 0.99)]
    + [("unseen50", 5, 0.99), ("unseen51", 5, 0.97)]
    + [("unseen52", 5, 0.985), ("unseen53", 5, 0.985)]
    + [("unseen55", 5, 0.985), ("unseen56", 5, 0.99), ("unseen57", 5, 0.95), ("unseen58", 5, 0.97)]
    + [("unseen59", 5, 0.98), ("unseen62", 5, 0.96)]
    + [("unseen63", 5, 0.98), ("unseen64", 5, 0.98), ("unseen66", 5, 0.985)]
    + [("unseen67", 5, 0.98), ("unseen68", 5, 0.985), ("unseen69", 5, 0.975), ("unseen70", 5, 0.99)]
    + [("unseen71", 5, 0.99), ("unseen72", 5, 0.95)],
)
def test_later_blind_html_pages_floors(corpus: str, pages: int, floor: float) -> None:
    # samples/unseen5: 10 HTML pages of a later blind round (WordPress, Next.js, AMP, Drupal, a
    # latin-1 table layout, a split body, a live blog, comments, <div><br> paragraphs, an index).
    # First scores: body 0.950 (trafilatura 0.852), title 9/9, byline 7/9, published 7/9,
    # publisher 7/9; then a caption ending "photo by X" and an unmarked "By X" block were dropped:
    # 0.958. samples/unseen8 (session 7; its other half is text dumps): 10 HTML pages, first 0.966,
    # then a journal article's back matter (References, Funding, ...) was dropped: 0.981.
    # samples/unseen9 (the session's final check, scored once): 5 HTML pages, 0.981, then 0.993
    # with the dumps' never-article lines dropped from HTML too. samples/unseen10 (the last check,
    # scored once): 5 HTML pages, 0.984 (trafilatura 0.889). Session 8: unseen11 0.971, unseen12
    # 0.968 (its wire story keeps "Reporting by X; Editing by Y", three other gold files drop it),
    # unseen13 0.962, then 0.978 (reader comments of a table layout dropped); unseen14 (the last
    # check, scored once) 0.966 (session-start code 0.955), then 0.972. Session 9: unseen15 0.985,
    # metadata 4/4 (scored once; nothing changed for it); unseen16 0.940 (session-start code
    # 0.940): a live match report, a science article's notes list; unseen17 (the last check, scored
    # once) 0.983, as the session-start code. Session 10: unseen19 0.964 (scored once, byline
    # 4/5: a press release's company taken for its author; nothing changed for it). Session 11:
    # unseen22 0.928 (scored once; byline and publisher 4/5), then datelines in list items and
    # unlabelled ones, German comment headers, citation authors surname first: 0.982, 5/5.
    # unseen23 0.973 (scored once, 5/5), then standfirsts in the header block: 0.988.
    # unseen24 (the last check, scored once at 2914a26): 0.943 (session-start code 0.919), 5/5;
    # then German poll, newsletter and audio lines, pull-quote blocks: 0.954. unseen25 (written at
    # the session's end, scored once at c143c1e): 0.965 (session-start code 0.948), publisher 4/5.
    # Session 12: unseen26 0.978 (scored once, byline 3/5), then data-testid hints, Drupal's
    # "Submitted by": 0.993, 5/5. unseen27 0.973 (scored once, byline 3/4), then class names in the
    # site's language ("comentarios", "relacionadas"), a CMS's author meta: 0.988, 4/4; then
    # "excerpt" and "subtítulo" standfirsts: 1.000. unseen28 0.989 (scored once at 86f5f36; the
    # session-start code 0.988), 5/5 on all four. unseen29 (the last check, scored once at
    # b569636) 0.992 (session-start code 0.984), byline 4/5; then a Drupal meta footer's byline: 5/5.
    # Session 13: unseen30 0.979 (scored once at aad906d, as the session-start code), byline 4/5 (a
    # role taken for a second name); then society roles and French paywall offers: 0.984, 5/5.
    # unseen31 0.980 (scored once at 9cf5106, as the session-start code), published 4/5 (a UTC
    # stamp a day ahead of the date its <time> element prints); then 5/5.
    # unseen32 (the last check, scored once at f1abeed) 0.986, 5/5 on all four (session-start
    # code 0.986); nothing changed for it.
    # unseen33 (written at the session's end, scored once at 0be64f9) 0.969 (the session-start
    # code the same), byline 4/5; then an author field named in Italian: 5/5, and a book review's
    # conflict-of-interest declaration as back matter: 0.973.
    # Session 14: unseen34 0.969 (scored once at a6a5b57, the session-start code), byline 4/5 (a
    # Polish "Autor:" lead-in); then Polish and Dutch class names for captions, comments, related
    # and donation boxes: 0.996, 5/5. unseen35 (scored once at 4571ae5, as the session-start
    # code) 0.989, byline and publisher 4/5 (a commenter taken for the author, "S.L."); then
    # commenters no bylines, "firma" bylines, Drupal's teaser field as the standfirst: 1.000, 5/5.
    # unseen36 (the last check, scored once at 935ea61) 0.985 (session-start code 0.976),
    # published 4/5 (a masthead's date of the day); then French "Réactions" and "date-jour": 0.996,
    # 5/5. Left: an author bio paragraph marked "author-bio" (golds differ on author cards).
    # unseen37 (scored once at 11ae022) 0.988 (session-start code 0.982), publisher 4/5 (an
    # HTML-escaped JSON-LD name); then unescaped: 5/5. unseen38 (the last check, scored once at
    # 554b982) 0.978 (session-start code 0.971), byline 4/5 where the session-start code had 5/5
    # (the session's Drupal intro-field rule un-hinted a teaser image, moving the container over
    # the author cards); then an author card's bio no byline: 5/5. Left: a review's verdict box,
    # buy box and spec table in AMP markup. unseen39 (scored once at a3bd87e) 0.883 (session-start
    # code 0.877): a Next.js live blog whose hashed paragraph class "css-9fy2ad" read as an advert,
    # a 2009 page with its headline in an <h2>; then word edges of digits and the <h2>: 0.983, 5/5.
    # unseen40 (session 15, scored once at fedc825) 0.978, published 4/5 (a UTC stamp a day before
    # the local <time>); then a live update's time and author, a membership callout, the <time>'s
    # zone: 0.994, 5/5. Left: an old site's standfirst in <p class="teaser">. unseen41 (session
    # 15, scored once at fb96ad0) 0.999, title 4/5: a 2006 table layout printing its headline in a
    # <span class="headline"> with no <h1> or <h2>; then that span heads such a page: 5/5. unseen42
    # (session 15, scored once at b110368) 0.971, byline and published 4/5 (German "autor" and
    # "datum" spans); then those, an accordion's heading buttons, kickers, contact cards: 0.994, 5/5.
    # unseen43 (session 15, scored once at 5f7650c) 0.990, byline 4/5 ("By X Friday, January 19"),
    # published 4/5; then the weekday, a <p class="ka-teaser"> standfirst: 0.999. Left: a
    # newsletter's web version dated in its pre-header ("Issue 47 · Thursday 12 September 2024").
    # unseen44 (scored once at 52f8a51; session-start code 0.966) 0.970,
    # published 4/5, publisher 3/5; then visually hidden labels and card groups: 0.984. Left: an
    # NHS trust page's "Page last reviewed" date and masthead name, a journal's JSON-LD publisher
    # (the company) against its og:site_name (the journal). unseen45 (scored once at ae7b5e6)
    # 0.994, 5/5 on all four fields; nothing changed for it. unseen46 (the session's last round,
    # scored once at 3a381eb) 0.977; then a video's transcript box: 0.993. Left: a copyright line's
    # "The Harbour Gazette, Port Ellery" (publisher 4/5). unseen47 (written at the session's very
    # end, scored once at 326d199; session-start code 0.964) 0.968, byline 4/5 (a table layout's
    # masthead taken for the author); nothing changed for it. unseen48 (session 16, scored once at
    # a4234f4, the same as the session-start code) 0.975, 5/5 on all four fields; then rating
    # widgets, galleries, embedded tools, "search" hints with a word edge (id="research"): 0.980.
    # Left: a health explainer's references list, which its gold keeps. unseen49 (scored once at
    # a271c36, the same as the session-start code) 0.988, 5/5 on all four fields; then a
    # standfirst in a classed <span> under a headline with no <h1>, a newsletter's sponsor line,
    # a live blog's update counter: 1.000. unseen50 (scored once at 870ee94, the same as the
    # session-start code) 0.987, publisher 4/5 (a copyright line's address); then donation
    # appeals, tip prompts, a summary box's heading, the address cut: 0.998, 5/5 on all four.
    # Left: footnote markers a gold strips from the text ("models.1"; three earlier golds keep
    # "[1]"). unseen51 (scored once at c845a38, the same as the session-start code) 0.976, title
    # and publisher 4/5 (a Blogger post under the blog's <h1>); then the post's heading, Medium's
    # story chrome, press contacts in Spanish: 0.978, 5/5 on all four. Left: a press release's
    # "Forward-looking statements" (earlier golds keep what follows such a heading). unseen52
    # (scored once at c65a3bc, the same as the session-start code) 0.985, 5/5 on all four; then
    # a paywalled story's subscriber sections as the article: 0.993. Left: a Brightspot pull quote
    # classed "Quote", a BLOX related card's summary. unseen53 (written at the session's very end,
    # scored once at f868b82; session-start code 0.920) 0.924, title and byline 4/5 (a Japanese
    # page); then a collapsed "read more" part of the article's body: 0.991. Left: a Japanese
    # closing byline 「（経済部・山岸大輔記者）」 and an ideographic space the gold keeps in the title.
    # unseen54's HTML (0.992, scored once at eb61c42, the session-start code the same) has no
    # floor here: its table-layout page's headline comes out cut short (title 4/5), which this
    # test's all-titles check does not allow. Session 17 (each scored once, the session-start code
    # the same): unseen55 0.987 (Wix spans, <br><br> paragraphs, Gutenberg, Hugo, div paragraphs),
    # unseen56 0.992 (Next.js data, several <article>s, a paywall, a live blog; then a teaser cut
    # short that the page holds in full: 0.995), unseen57 0.952 (AMP, a newsletter's web version,
    # a forum thread, a press office, a university), unseen58 0.968 (long-form features with fact
    # boxes, timelines, tables; then a republish box: 0.974), unseen59 0.979 (Japanese, Korean,
    # Chinese, Russian, Arabic pages; then 0.983); a Hugo heading's permalink "#" went. unseen60
    # (0.737; then a JSON-LD CollectionPage is no article: 0.843) has no floor: its event listing
    # is taken for an article. unseen61 (0.929: a 2003 table layout's headline, a Joomla sidebar as
    # long as the story) has none either; unseen62 0.960, then "Article continues after
    # advertisement": 0.964. Session 18 (first scores with the session-start code): unseen63 0.875
    # (an article only in <noscript>, <br> runs, a 2009 <font> layout), unseen64 0.982 (furniture
    # inside big publishers' containers; two JSON-LD articles), unseen65 0.988 (2007-2012 UK trade
    # press; its WordPress page's headline is an <h2> under the site's <h1>: no floor), unseen66
    # 0.990 (French, German, Spanish, Italian, Dutch); then the <noscript> fallback, graph @id
    # references, the canonical URL's article, table-layout headlines: 0.988, 0.985, 0.990.
    # unseen67 0.984 (generated class names and no semantic tags, a tabloid's "Read more" rows,
    # an aggregator, a body split around a video, comments in the container) and unseen68 0.987
    # (Indian, Singaporean, Philippine, Nigerian, South African sites); then an ARIA heading, a
    # "synopsis" standfirst: 0.988, 0.991. unseen69 0.981 (UK trade press on 2008-2016 CMSs) and
    # unseen70 1.000 (a section front, an <h2> headline, an SEO <title>, a date only in the URL,
    # AMP); then a newsroom account as author, a permalink's date: the same bodies. unseen71
    # 0.993 (a journal archive, a government department, an NHS trust, a professional body, a
    # regulator) and unseen72 0.957 (a newsletter's web version, a LinkedIn-style article, Blogger,
    # Medium, Squarespace), scored as they came; then an organisation as author names no one.
    from bench.html_pages import load_html_pages
    from transforms.decode import decode_document

    unseen = Path(__file__).resolve().parents[2] / "samples" / corpus
    html, truth = load_html_pages(unseen / "raw", unseen / "gold.jsonl")
    results = {
        name: extract_html(decode_document(name, (unseen / "raw" / name).read_bytes())) for name in html
    }
    assert len(results) == pages
    assert score_corpus(truth, {name: result.body for name, result in results.items()}).f1 >= floor
    gold = {r["file"]: r for r in map(json.loads, (unseen / "gold.jsonl").read_text().splitlines()) if r}
    assert all(result.is_article == gold[name]["is_article"] for name, result in results.items())
    articles = {name: result for name, result in results.items() if gold[name]["is_article"]}
    # (Up to whitespace: blocks are whitespace-collapsed, an ideographic space included.)
    assert all(r.metadata.title.split() == gold[n]["title"].split() for n, r in articles.items())


def test_standfirst_class_marks_the_leading_paragraph() -> None:
    article = '<p class="standfirst">Councillors back a 4% rise after a marathon meeting.</p>' + ARTICLE
    paragraphs = _extract(_page(article)).paragraphs
    assert paragraphs[0].kind == "standfirst" and paragraphs[1].kind == "body"


def test_back_matter_of_a_journal_article_is_not_body() -> None:
    back = "<h2>Funding</h2><p>This work was supported by the Town Research Fund.</p><h2>References</h2>"
    back += "<ol><li>Lovell, A. (2010). Budgets in small towns. Gazette Press.</li></ol>"
    result = _extract(_page(ARTICLE + back))
    assert len(result.paragraphs) == 5 and "Research Fund" not in result.body
    assert {r.text: r.reason for r in result.removed}["References"] == "back_matter"


def test_footer_copyright_holder_is_the_publisher_without_meta_tags() -> None:
    # _page's footer: "Copyright 2020 Town Gazette. All rights reserved. ..."; no og:site_name.
    assert _extract(_page(ARTICLE)).metadata.publisher == "Town Gazette"
    site_name = '<meta property="og:site_name" content="The Town Gazette">'
    assert _extract(_page(ARTICLE, head=site_name)).metadata.publisher == "The Town Gazette"


def test_unmarked_byline_and_dateline_just_before_the_article_container() -> None:
    # A table layout: headline, byline and date in font tags above the cell holding the story.
    paragraphs = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(5))
    html = f"""<html><head><title>Budget approved</title></head><body><table>
    <tr><td><font size="5"><b>Budget approved after long debate</b></font><br>
    <font size="1">By Ray Delacroix, Gazette Staff Writer<br>Published Tuesday, March 2, 2004</font></td></tr>
    <tr><td class="story">{paragraphs}</td></tr></table></body></html>"""
    metadata = _extract(html).metadata
    assert metadata.byline == ("Ray Delacroix",)
    assert metadata.published == date(2004, 3, 2)


def test_blocks_that_are_never_article_text_and_an_archive_courtesy_line() -> None:
    # The dump rules' always-drop lines hold for HTML paragraphs too.
    archive = "<p>Fen Med J. 2008 June 14; 336(7657): 1318.</p>"
    footer = "<p>Articles from The Fen Medical Journal are provided here courtesy of Fen Press</p>"
    app = "<p>Download the Town Gazette app for breaking news alerts on your phone.</p>"
    result = _extract(_page(archive + ARTICLE + app + footer))
    assert result.body == _extract(_page(ARTICLE)).body
    assert result.metadata.publisher == "The Fen Medical Journal"


def test_an_author_role_span_and_a_cms_account_are_no_byline_names() -> None:
    byline = (
        '<span class="byline">By <span itemprop="author"><span itemprop="name">Ada Lovell</span></span>'
        '<span class="author-role">, environment reporter</span></span>'
    )
    assert _extract(_page(byline + ARTICLE)).metadata.byline == ("Ada Lovell",)
    account = '<script type="application/ld+json">'
    account += '{"@type": "NewsArticle", "author": {"name": "gazette_comms"}}</script>'
    assert _extract(_page(ARTICLE, head=account)).metadata.byline == ()


def test_a_drupal_submitted_line_after_a_label_names_the_author() -> None:
    submitted = '<div class="node__submitted"><span class="news-type">Society news</span> Submitted by '
    submitted += "<span>Ada Lovell</span> on <time>Fri, 03/05/2024 - 10:00</time></div>"
    assert _extract(_page(submitted + ARTICLE)).metadata.byline == ("Ada Lovell",)


def test_a_drupal_byline_in_the_articles_meta_footer_is_read() -> None:
    meta = '<footer class="node__meta"><div class="node__submitted">Submitted by <a href="/u/ada">Ada'
    meta += " Lovell</a> on Tue, 14/03/2023 - 09:12</div></footer>"
    metadata = _extract(_page(meta + ARTICLE)).metadata
    assert metadata.byline == ("Ada Lovell",)


def test_an_author_field_named_in_italian_over_a_submitted_date_names_the_author() -> None:
    meta = '<div class="node__meta"><div class="field field--name-field-autore field__item">di <a href="/a">'
    meta += 'Chiara Bellotti</a></div><div class="node__submitted"><time datetime="2024-02-07">7 febbraio'
    meta += " 2024</time></div></div>"
    page = _page(ARTICLE).replace("<main><article>", f"<main>{meta}<article>")
    metadata = _extract(page).metadata
    assert (metadata.byline, metadata.published) == (("Chiara Bellotti",), date(2024, 2, 7))


def test_a_share_row_inside_the_story_meta_block_is_no_byline() -> None:
    meta = '<div class="story-meta"><div class="story-meta__author">By <a href="/a">Ada Lovell</a></div>'
    meta += '<div class="story-meta__share"><a href="/x">Post</a><a href="/w">WhatsApp</a></div></div>'
    assert _extract(_page(meta + ARTICLE)).metadata.byline == ("Ada Lovell",)


def test_a_published_line_in_the_text_dates_a_page_without_date_markup() -> None:
    # A table layout: no <time>, meta or JSON-LD date, no dateline class; the text says it.
    dated = _page(
        "<table><tr><td><font size=1>Published: Wednesday, April 16, 2008 12:41 AM CDT</font>"
        "</td></tr></table>" + ARTICLE
    )
    assert _extract(dated).metadata.published == date(2008, 4, 16)
    assert _extract(_page(ARTICLE)).metadata.published is None


def test_a_bare_date_under_the_headline_dates_a_page_without_date_markup() -> None:
    # A magazine's meta row: words by, the date and a reading time in plain <div>s.
    meta = '<div class="c-meta"><div>Words by Ada Lovell</div><div>2 June 2024</div>'
    meta += "<div>18 minute read</div></div>"
    assert _extract(_page(meta + ARTICLE)).metadata.published == date(2024, 6, 2)
    # Further down, a date is the article's subject, not its publication.
    late = ARTICLE + "<p>12 May 2025</p>"
    assert _extract(_page(late)).metadata.published is None


def test_reader_comments_in_a_table_layout_are_dropped() -> None:
    # No comment markup: a "Reader Comments (2)" line over "name wrote on date time:" headers.
    comments = "<br><br>".join(
        [
            "<b>Reader Comments (2)</b>",
            "hollowmom2 wrote on 4/16/2008 7:12 AM:",
            "My kids went there, I went there, my dad went there. Four to three is not a mandate at all.",
            "R. Lindqvist wrote on 4/16/2008 11:54 AM:",
            "The budget is what it is and the board had to choose something, so here we are again.",
        ]
    )
    result = _extract(_page(ARTICLE + f"<table><tr><td>{comments}</td></tr></table>"))
    assert "wrote on" not in result.body and "mandate" not in result.body
    assert result.body.count("Paragraph") == 5


def test_author_names_and_a_published_line_inside_the_article_are_head_not_body() -> None:
    # Hashed class names: nothing marks the byline and dateline blocks but their text.
    head = '<div class="css-1x2y"><span>Ann Lee</span> and <span>Bob Roe</span></div>'
    head += (
        '<div class="css-9z8w"><span>Published March 3, 2023</span><span>Updated March 4, 2023</span></div>'
    )
    standfirst = "<h2>Councillors back a four per cent rise after a marathon meeting on Tuesday night.</h2>"
    authors = json.dumps({"@type": "NewsArticle", "author": [{"name": "Ann Lee"}, {"name": "Bob Roe"}]})
    result = _extract(
        _page(standfirst + head + ARTICLE, head=f'<script type="application/ld+json">{authors}</script>')
    )
    assert result.metadata.byline == ("Ann Lee", "Bob Roe")
    assert "Ann Lee" not in result.body and "Published" not in result.body
    assert result.body.count("Paragraph") == 5


def test_datelines_in_a_list_and_unlabelled_are_head_not_body() -> None:
    # A React site's meta row: the date and its update as list items, one with no label.
    row = "<ul><li><time><span>Feb. 8, 2024, 6:42 p.m. ET</span></time></li>"
    row += "<li><span>Updated </span><time><span>Feb. 9, 2024, 9:15 a.m. ET</span></time></li></ul>"
    assert _extract(_page(row + ARTICLE)).body == _extract(_page(ARTICLE)).body
    # A sentence naming a date is article text; so is an embedded post's sign-off.
    dated = "<p>Council meets on May 4, 2024 to vote on the wall</p>"
    signed = "<p>— Town Gazette (@TownGazette) May 4, 2024</p>"
    body = _extract(_page(ARTICLE + dated + signed)).body
    assert dated[3:-4] in body and signed[3:-4] in body


def test_a_copyright_line_with_a_middle_dot_names_the_publisher() -> None:
    page = _page(ARTICLE).replace(
        "Copyright 2020 Town Gazette. All rights reserved.", "© 2020 Town Gazette · Alle Rechte vorbehalten"
    )
    assert _extract(page).metadata.publisher == "Town Gazette"


def test_a_standfirst_in_the_header_block_above_the_article_is_kept() -> None:
    # The headline and the standfirst in a hero block; the article container starts under them.
    standfirst = "Councillors backed the plan after a long debate about school funding and road repairs."
    html = f"""<html><head><title>Budget approved | Town Gazette</title></head><body>
    <header class="hero"><nav class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a></nav>
    <h1>Budget approved after long debate</h1><p class="td-post-sub-title">{standfirst}</p>
    <ul class="share"><li><a href="#">Facebook</a></li><li><a href="#">Email</a></li></ul></header>
    <div class="post-content">{ARTICLE}</div>
    <aside class="related"><h3>Related</h3><ul><li><a href="/a">Council tax to rise</a></li></ul></aside>
    </body></html>"""
    body = _extract(html).body
    assert body.split("\n\n")[0] == standfirst and body.count(standfirst) == 1
    assert body.split("\n\n", 1)[1] == _extract(_page(ARTICLE)).body


@pytest.mark.parametrize(
    "element",
    [
        '<p class="entry-excerpt">{}</p>',
        '<h2 class="noticia-subtitulo">{}</h2>',
        '<div class="tdb_single_subtitle"><div class="tdb-block-inner"><p>{}</p></div></div>',
    ],
)
def test_excerpts_subtitles_in_other_languages_and_wrapped_subtitles_are_standfirsts(element: str) -> None:
    standfirst = "Councillors backed the plan after a long debate about school funding and road repairs."
    html = f"""<html><head><title>Budget approved | Town Gazette</title></head><body>
    <header class="hero"><h1>Budget approved after long debate</h1>{element.format(standfirst)}
    <div class="byline">By Ada Lovell</div></header><div class="post-content">{ARTICLE}</div></body></html>"""
    assert _extract(html).body.split("\n\n")[0] == standfirst


def test_a_pull_quote_block_is_not_body() -> None:
    quote = '"The council approved the new budget on Tuesday."'
    pull = f'<blockquote class="b-pullquote"><p>{quote}</p></blockquote>'
    result = _extract(_page(ARTICLE + pull + ARTICLE))
    assert "pull_quote" in {r.reason for r in result.removed}
    assert result.body == _extract(_page(ARTICLE + ARTICLE)).body


@pytest.mark.parametrize(
    ("widget", "reason"),
    [
        ('<div class="review-box__score"><span>8.5</span><span>/10</span></div>', "rating"),
        (
            '<div class="recipe-card__rating">\u2605\u2605\u2605\u2605\u2605 '
            "<span>4.8 (212 ratings)</span></div>",
            "rating",
        ),
        (
            '<section class="Gallery_root__9fQ2L">'
            '<h3 class="Gallery_title__Ab7pF">In pictures: the valley</h3>'
            '<figure><img src="a.jpg" alt=""><span>The station in 1937.</span></figure></section>',
            "caption",
        ),
        (
            '<div class="tool-embed">'
            '<p class="tool-embed__title">Calculator: what will your savings earn?</p></div>',
            "related",
        ),
    ],
)
def test_ratings_galleries_and_embedded_tools_are_not_body(widget: str, reason: str) -> None:
    result = _extract(_page(ARTICLE + widget + ARTICLE))
    assert reason in {r.reason for r in result.removed}
    assert result.body == _extract(_page(ARTICLE + ARTICLE)).body


def test_a_heading_whose_id_holds_search_as_a_part_of_a_word_is_kept() -> None:
    heading = '<h2 id="research">What the research shows</h2>'
    result = _extract(_page(ARTICLE + heading + ARTICLE))
    assert "What the research shows" in [p.text for p in result.paragraphs]


def test_a_table_layouts_standfirst_span_under_a_headline_span_is_kept() -> None:
    standfirst = "Some 300 fishermen protested outside the harbour office on Tuesday morning over the ban"
    cell = (
        '<table><tr><td><span class="headline">Fishermen demand support over the longer ban</span><br />'
        f'<span class="sumario">{standfirst}</span></td></tr></table>'
        f'<table class="nota"><tr><td>{ARTICLE}</td></tr></table>'
    )
    html = _page("").replace(
        "<main><article><h1>Budget approved after long debate</h1></article></main>", cell
    )
    result = _extract(html)
    assert result.paragraphs[0].text == standfirst


@pytest.mark.parametrize(
    "line",
    [
        "This week\u2019s newsletter is supported by Fenland Credit Union. Local lending since 1954.",
        "Showing 7 updates \u00b7 Newest first",
    ],
)
def test_a_newsletters_sponsor_line_and_a_live_blogs_counter_are_not_body(line: str) -> None:
    result = _extract(_page(ARTICLE + f"<p>{line}</p>" + ARTICLE))
    assert result.body == _extract(_page(ARTICLE + ARTICLE)).body


@pytest.mark.parametrize(
    ("stamp", "kept"),
    [
        ("16.58", False),
        ("8:30 a.m. Feb. 12", False),
        ("Key event6:48 PM2h ago", False),
        ("You\u2019re all caught up \u00b7 7 updates", False),
        ("4:14 p.m.", True),  # a wire's "The Latest" heads its updates so; annotators keep it
    ],
)
def test_a_live_blogs_post_stamps_are_not_body(stamp: str, kept: bool) -> None:
    result = _extract(_page(ARTICLE + f"<p>{stamp}</p>" + ARTICLE))
    assert (stamp in [p.text for p in result.paragraphs]) == kept


def test_a_block_hidden_from_screen_readers_is_a_pull_quotes_copy() -> None:
    pull = '<div class="css-11dzp0v" aria-hidden="true"><div>\u201cEvery one is a life.\u201d</div></div>'
    result = _extract(_page(ARTICLE + pull + ARTICLE))
    assert result.body == _extract(_page(ARTICLE + ARTICLE)).body


@pytest.mark.parametrize("attribute", ["data-component", "data-module", "data-testid"])
def test_a_component_name_in_a_data_attribute_hints_like_a_class(attribute: str) -> None:
    box = f'<div class="css-19ef4hd" {attribute}="newsletter-cta"><h3>Get Town Daily</h3>'
    box += "<p>Council, courts and business news in five minutes, every weekday.</p></div>"
    result = _extract(_page(ARTICLE + box))
    assert result.body == _extract(_page(ARTICLE)).body


def test_a_summary_boxs_heading_over_the_articles_first_points_is_kept() -> None:
    box = "<section class='css-3ur6ng'><h2>In het kort</h2><ul>"
    box += "".join(f"<li>{PROSE} Point {i} of the summary.</li>" for i in range(3)) + "</ul></section>"
    result = _extract(_page(box + ARTICLE))
    assert [p.text for p in result.paragraphs][0] == "In het kort"


@pytest.mark.parametrize("chrome", ["Member-only story", "Published in", "1.2K", "\u00b7"])
def test_a_publishing_platforms_story_chrome_is_not_body(chrome: str) -> None:
    result = _extract(_page(ARTICLE + f"<p>{chrome}</p>" + ARTICLE))
    assert result.body == _extract(_page(ARTICLE + ARTICLE)).body


def test_a_blogs_name_in_the_h1_gives_way_to_its_posts_heading_and_names_the_publisher() -> None:
    html = (
        "<html><head><title>Fenby Bay Notes: Wharf repairs slip to 2026</title></head><body>"
        "<h1>Fenby Bay Notes</h1><div class='sidebar'><h2>Pages</h2></div>"
        f"<h3 class='post-title'>Wharf repairs slip to 2026</h3><div class='post-body'>{ARTICLE}</div>"
        "</body></html>"
    )
    metadata = _extract(html).metadata
    assert (metadata.title, metadata.publisher) == ("Wharf repairs slip to 2026", "Fenby Bay Notes")


def test_a_paywalled_storys_subscriber_sections_are_the_article_not_a_newsletter_box() -> None:
    first = f"<p>{PROSE} The preview paragraph everyone can read.</p>"
    html = _page(f'<div class="subscriber-preview">{first}</div><div class="subscriber-only">{ARTICLE}</div>')
    assert "The preview paragraph everyone can read." in _extract(html).body


def test_an_article_bodys_collapsed_read_more_part_is_the_article_other_hidden_blocks_are_not() -> None:
    more = f'<div class="article-body-more" style="display:none"><p>{PROSE} The collapsed part.</p></div>'
    hidden = f'<div class="paywall-box" style="display:none"><p>{PROSE} The hidden offer.</p></div>'
    body = _extract(_page(ARTICLE + more + hidden)).body
    assert "The collapsed part." in body and "The hidden offer." not in body


def test_a_headings_permalink_mark_is_not_part_of_the_heading() -> None:
    heading = (
        '<h2 id="the-numbers">The numbers<a class="anchor" aria-hidden="true" href="#the-numbers">#</a></h2>'
    )
    body = _extract(_page(ARTICLE + heading + ARTICLE)).body
    assert "The numbers" in body.split("\n\n") and "The numbers#" not in body


def test_a_paywalls_teaser_cut_short_goes_when_the_page_holds_the_paragraph_in_full() -> None:
    paragraph = f"{PROSE} The full paragraph the paywall fades out."
    teaser = f'<div class="article-fade"><p>{paragraph[:70]}…</p></div>'
    paragraphs = _extract(_page(f"{ARTICLE}{teaser}<p>{paragraph}</p>")).body.split("\n\n")
    assert paragraph in paragraphs and not any(text.endswith("…") for text in paragraphs)


def test_a_page_whose_json_ld_calls_it_a_collection_is_no_article_unless_it_declares_an_article() -> None:
    def json_ld(*types: str) -> str:
        graph = ",".join(f'{{"@type": "{kind}", "name": "Quarry expansion"}}' for kind in types)
        return f'<script type="application/ld+json">{{"@graph": [{graph}]}}</script>'

    assert not _extract(_page(ARTICLE, head=json_ld("CollectionPage", "WebSite"))).is_article
    assert _extract(_page(ARTICLE, head=json_ld("CollectionPage", "NewsArticle"))).is_article


def test_an_article_printed_only_for_browsers_without_javascript_is_read_from_noscript() -> None:
    skeleton = '<div class="skeleton"><div></div><p>Loading article…</p></div>'
    fallback = f"<noscript><article><h1>Budget approved after long debate</h1>{ARTICLE}</article></noscript>"
    tracker = '<noscript><img src="https://pixel.example/p.gif"></noscript>'
    html = (
        f"<html><head><title>Budget approved</title>{tracker}</head><body>{skeleton}{fallback}</body></html>"
    )
    result = _extract(html)
    assert result.is_article
    assert result.body.count(PROSE) == 5
    assert result.metadata.title == "Budget approved after long debate"


def test_a_table_layouts_headline_in_a_big_font_its_dateline_over_it_and_byline_under_it() -> None:
    html = f"""<?xml version="1.0" encoding="UTF-8"?>
    <html><head><title>Harbrook in administration | News | Cold Store Bulletin</title>
    <meta name="author" content="Cold Store Bulletin"></head><body><table><tr><td>
    <font size="1">Home &gt; News</font><br><br>
    <font size="1">17/03/2009 | 10:42 &nbsp; Last updated: 18/03/2009 | 09:15</font><br>
    <font size="5"><b>Harbrook Cold Storage calls in administrators with 340 jobs at risk</b></font><br><br>
    <font size="2">By <b>Tobias Wren</b>, deputy editor</font><br>
    {ARTICLE}</td></tr></table></body></html>"""
    result = _extract(html)
    assert result.metadata.title == "Harbrook Cold Storage calls in administrators with 340 jobs at risk"
    assert result.metadata.published == date(2009, 3, 17)
    assert result.metadata.byline == ("Tobias Wren",)


def test_a_headline_span_named_in_camel_case_is_the_headline() -> None:
    html = f"""<html><head><title>Orrinsburg Courier :: News :: Board votes</title></head><body>
    <span id="lblHeadline" class="StoryHeadline">School board votes 5-2 to close Fenwick Elementary</span>
    <div id="story">{ARTICLE}</div></body></html>"""
    assert _extract(html).metadata.title == "School board votes 5-2 to close Fenwick Elementary"


def test_a_live_blogs_filter_toggle_and_no_javascript_notice_go() -> None:
    toggle = "<p>Show key events only</p><p>Please turn on JavaScript to use this feature</p>"
    result = _extract(_page(toggle + ARTICLE))
    assert "key events" not in result.body and "JavaScript" not in result.body
    assert result.body.count(PROSE) == 5


def test_an_aria_heading_is_the_headline_and_the_logos_home_link_names_the_site() -> None:
    html = f"""<html><head><title>Battery park approved | Voltfront</title></head><body>
    <div class="x1"><a href="/" rel="home"><span>The Voltfront Review</span></a></div>
    <div class="RichText_h__a1"><div role="heading" aria-level="1">Inspector waves through 400MW battery
    park despite fire-service objections</div>
    <div class="_1Sz4g synopsis">The planning inspector dismissed the objections of residents and the fire
    service, who said the site was too close to homes.</div></div>
    <div class="RichText_p__o0aXs">{ARTICLE}</div></body></html>"""
    result = _extract(html)
    assert (
        result.metadata.title == "Inspector waves through 400MW battery park despite fire-service objections"
    )
    assert result.metadata.publisher == "The Voltfront Review"
    assert result.paragraphs[0].kind == "standfirst"


def test_a_permalinks_date_dates_a_page_that_prints_none() -> None:
    head = '<link rel="canonical" href="https://fenmoorlantern.example/2023/05/14/library-reopens/">'
    result = _extract(_page("<p>3 days ago</p>" + ARTICLE, head=head))
    assert result.metadata.published == date(2023, 5, 14)
