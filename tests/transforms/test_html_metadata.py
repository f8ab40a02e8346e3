"""Tests for transforms.html_metadata: source precedence on hand-built evidence."""

from __future__ import annotations

import json
from datetime import date

from transforms.html_metadata import PageEvidence, extract_metadata


def _evidence(**fields: object) -> PageEvidence:
    evidence = PageEvidence()
    for key, value in fields.items():
        setattr(evidence, key, value)
    return evidence


def test_json_ld_graph_article_wins_and_date_published_beats_date_modified() -> None:
    blob = json.dumps(
        {
            "@graph": [
                {"@type": "WebSite", "name": "Site"},
                {
                    "@type": ["NewsArticle"],
                    "headline": "Bridge reopens",
                    "dateModified": "2020-02-02",
                    "datePublished": "2020-01-01T08:00:00+00:00",
                    "author": {"name": "Ann Lee"},
                    "publisher": {"@type": "Organization", "name": "Daily Example"},
                },
            ]
        }
    )
    evidence = _evidence(json_ld=[blob], times=[("2020-02-02", "Updated 2 Feb")])
    evidence.add_meta({"property": "og:site_name", "content": "Example"})
    meta = extract_metadata(evidence)
    assert meta.title == "Bridge reopens"
    assert meta.published == date(2020, 1, 1)
    assert meta.byline == ("Ann Lee",)
    assert meta.publisher == "Daily Example"


def test_broken_json_ld_falls_back_to_meta_tags() -> None:
    evidence = _evidence(json_ld=["{not json", "[]"], title_tag="Bridge reopens - Daily Example")
    for attrs in (
        {"property": "article:published_time", "content": "2019-05-06T10:00:00Z"},
        {"name": "author", "content": "https://example.com/staff/ann"},  # a URL is not a name
        {"name": "author", "content": "Ann Lee"},
        {"property": "og:site_name", "content": "Daily Example"},
        {"property": "og:url", "content": "https://example.com/bridge"},
    ):
        evidence.add_meta(attrs)
    meta = extract_metadata(evidence)
    assert meta.title == "Bridge reopens"
    assert meta.published == date(2019, 5, 6)
    assert meta.byline == ("Ann Lee",)
    assert meta.canonical_url == "https://example.com/bridge"


def test_canonical_link_beats_og_url_and_language_is_primary_subtag() -> None:
    evidence = _evidence(html_lang="pt-BR")
    evidence.add_link({"rel": "canonical", "href": "https://example.com/a"})
    evidence.add_meta({"property": "og:url", "content": "https://example.com/b"})
    meta = extract_metadata(evidence)
    assert meta.canonical_url == "https://example.com/a"
    assert meta.language == "pt"


def test_logo_h1_loses_to_declared_title() -> None:
    evidence = _evidence(headline="Daily Example", title_tag="Bridge reopens after repairs | Daily Example")
    evidence.add_meta({"property": "og:site_name", "content": "Daily Example"})
    assert extract_metadata(evidence).title == "Bridge reopens after repairs"


def test_visible_dateline_and_byline_text_are_last_resorts() -> None:
    meta = extract_metadata(
        _evidence(byline_texts=["By Ann Lee and Bob Roe"], dateline_texts=["9 July 2021"])
    )
    assert meta.byline == ("Ann Lee", "Bob Roe")
    assert meta.published == date(2021, 7, 9)


def test_a_cms_author_meta_names_the_author_before_the_visible_byline_text() -> None:
    byline_texts = ["By Ann Lee Highlands and Islands Reporter"]
    meta = extract_metadata(_evidence(meta={"bx:author": ["Ann Lee"]}, byline_texts=byline_texts))
    assert meta.byline == ("Ann Lee",)
    app_banner = {"smartbanner:author": ["Fen Digital Media"]}
    assert extract_metadata(_evidence(meta=app_banner)).byline == ()


def test_a_utc_stamp_in_the_next_day_gives_way_to_the_printed_local_date_and_time() -> None:
    blob = json.dumps({"@type": "NewsArticle", "datePublished": "2024-10-04T03:52:11.000Z"})
    printed = "Published: Oct. 3, 2024 at 11:52 PM EDT"
    meta = extract_metadata(_evidence(json_ld=[blob], dateline_texts=["October 4, 2024", printed]))
    assert meta.published == date(2024, 10, 3)
    # A date without a time may be the masthead's "today"; a local stamp is what the page says.
    assert extract_metadata(_evidence(json_ld=[blob], dateline_texts=["October 3, 2024"])).published == date(
        2024, 10, 4
    )
    local = json.dumps({"@type": "NewsArticle", "datePublished": "2024-10-04T03:52:11-04:00"})
    assert extract_metadata(_evidence(json_ld=[local], dateline_texts=[printed])).published == date(
        2024, 10, 4
    )


def test_a_time_elements_utc_stamp_gives_way_to_the_local_date_it_prints() -> None:
    times = [("2024-10-08T23:01:00Z", "9 October 2024")]
    assert extract_metadata(_evidence(times=times)).published == date(2024, 10, 9)
    # The Dublin Core terms date names it too.
    assert extract_metadata(_evidence(meta={"dcterms.date": ["2024-10-09"]})).published == date(2024, 10, 9)


def test_a_utc_stamp_gives_way_to_a_time_element_stamping_the_same_instant_in_the_sites_zone() -> None:
    blob = json.dumps({"@type": "NewsArticle", "datePublished": "2024-08-18T23:30:12+00:00"})
    local = [("2024-08-19T09:30:12+10:00", "19 August 2024")]
    assert extract_metadata(_evidence(json_ld=[blob], times=local)).published == date(2024, 8, 19)
    # Another instant, or the same UTC stamp again, says nothing of the local date.
    later = [("2024-08-21T12:14:40+10:00", "21 August 2024")]
    assert extract_metadata(_evidence(json_ld=[blob], times=later)).published == date(2024, 8, 18)
    same = [("2024-08-18T23:30:12Z", "18 August 2024")]
    assert extract_metadata(_evidence(json_ld=[blob], times=same)).published == date(2024, 8, 18)


def test_citation_authors_printed_surname_first() -> None:
    evidence = _evidence(title_tag="Seabirds starve as prey dives deeper")
    evidence.add_meta({"name": "citation_author", "content": "Babatunde-Hart, Ines"})
    assert extract_metadata(evidence).byline == ("Ines Babatunde-Hart",)
    # Two words before the comma: a name and its role, as printed.
    evidence = _evidence(title_tag="Seabirds starve as prey dives deeper")
    evidence.add_meta({"name": "author", "content": "Ines Babatunde-Hart, Reporter"})
    assert extract_metadata(evidence).byline == ("Ines Babatunde-Hart",)


def test_a_journals_online_date_is_the_first_publication_not_the_issue_date() -> None:
    evidence = _evidence(title_tag="Cats get fewer antibiotics")
    evidence.add_meta({"name": "citation_publication_date", "content": "2023/03/01"})
    evidence.add_meta({"name": "citation_online_date", "content": "2023/02/03"})
    assert extract_metadata(evidence).published == date(2023, 2, 3)


def _yoast_graph(organisation: str) -> str:
    """A Yoast-style graph: the article names its publisher and author by @id references."""
    return json.dumps(
        {
            "@graph": [
                {
                    "@type": "NewsArticle",
                    "headline": "Ferry closure confirmed",
                    "datePublished": "2024-03-04T06:30:00+00:00",
                    "author": {"@id": "https://example.org/#/schema/person/1"},
                    "publisher": {"@id": "https://example.org/#organization"},
                },
                {"@type": "Organization", "@id": "https://example.org/#organization", "name": organisation},
                {"@type": "Person", "@id": "https://example.org/#/schema/person/1", "name": "Tamsin Oduya"},
            ]
        }
    )


def test_a_graphs_references_name_the_author_and_the_publisher_the_site_name_agrees_with() -> None:
    evidence = _evidence(json_ld=[_yoast_graph("The Marrowby Ledger")])
    evidence.add_meta({"property": "og:site_name", "content": "Marrowby Ledger"})
    meta = extract_metadata(evidence)
    assert meta.byline == ("Tamsin Oduya",)
    assert meta.publisher == "The Marrowby Ledger"
    # An organisation that is the publication's owner gives way to the site name.
    evidence = _evidence(json_ld=[_yoast_graph("Marlowe Business Media")])
    evidence.add_meta({"property": "og:site_name", "content": "Cold Chain Today"})
    assert extract_metadata(evidence).publisher == "Cold Chain Today"


def test_the_article_object_at_the_canonical_url_is_the_pages_own() -> None:
    def article(headline: str, url: str, published: str, author: str) -> str:
        return json.dumps(
            {
                "@type": "NewsArticle",
                "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                "headline": headline,
                "datePublished": published,
                "author": [{"@type": "Person", "name": author}],
            }
        )

    related = article("Record dividend", "https://example.com/retail/dividend", "2025-02-11", "Annika Rowe")
    own = article(
        "Robot warehouse stalls", "https://example.com/retail/robots", "2025-03-03", "Corentin Lund"
    )
    evidence = _evidence(json_ld=[related, own])
    evidence.add_link({"rel": "canonical", "href": "https://example.com/retail/robots/"})
    meta = extract_metadata(evidence)
    assert (meta.title, meta.published, meta.byline) == (
        "Robot warehouse stalls",
        date(2025, 3, 3),
        ("Corentin Lund",),
    )


def test_a_site_signing_its_pages_with_its_own_name_names_no_writer() -> None:
    evidence = _evidence(title_tag="Harbrook in administration | News | Cold Store Bulletin")
    evidence.add_meta({"name": "author", "content": "Cold Store Bulletin"})
    evidence.byline_texts = ["By Tobias Wren, deputy editor"]
    assert extract_metadata(evidence).byline == ("Tobias Wren",)


def test_a_kicker_glued_before_the_headline_in_the_h1_is_no_part_of_the_title() -> None:
    evidence = _evidence(
        json_ld=[json.dumps({"@type": "NewsArticle", "headline": "Maternity ward to close in March"})],
        headline="Klinikum HallerbrückMaternity ward to close in March",
    )
    assert extract_metadata(evidence).title == "Maternity ward to close in March"
    # A quotation before a colon opens the headline: it stays.
    evidence.headline = "‘The fog never gets easier’: Maternity ward to close in March"
    assert extract_metadata(evidence).title == evidence.headline


def test_a_newsroom_account_as_author_gives_way_to_the_visible_byline() -> None:
    evidence = _evidence(byline_texts=["By Helen Ashcombe"])
    evidence.add_meta({"name": "author", "content": "Surgery Weekly newsdesk"})
    assert extract_metadata(evidence).byline == ("Helen Ashcombe",)


def test_an_organisation_as_json_ld_author_names_no_one() -> None:
    blob = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "Embankment to be moved inland",
            "author": {"@type": "Organization", "name": "Department for Rivers, Coast and Rural Affairs"},
        }
    )
    assert extract_metadata(_evidence(json_ld=[blob])).byline == ()
