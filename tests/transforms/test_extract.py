"""transforms.extract: the one-process path and the two halves an engine runs apart agree.

extract_documents parses each dump once; prepare_documents + extract_prepared (over any slices)
parse in each half. They must give the same extractions and the same learnt chrome. The pages are
made up for these tests (a fictional site, "The Holloway Gazette"), plus the bundled inbox.
"""

from __future__ import annotations

from pathlib import Path

from transforms.decode import decode_document
from transforms.extract import extract_documents, extract_prepared, prepare_documents
from transforms.model import FORMAT_EMPTY, FORMAT_HTML, FORMAT_TEXT, DecodedDocument, SiteChrome
from transforms.sitechrome import chrome_lines

REPO = Path(__file__).resolve().parents[2]

MENU = ["The Holloway Gazette", "Home | News | Sport | Business | Letters", "Sign in | Subscribe"]
FOOTER = [
    "Most read",
    "  • Bus station to close for six weeks of repairs",
    "  • Allotment society marks its centenary",
    "Contact us | Advertise | Privacy notice",
    "© 2024 Holloway Gazette Ltd. All rights reserved.",
]
STORY = [
    "The borough council has agreed to keep the swimming baths on Market Street open for at least"
    " another five years after a campaign by residents.",
    "Swimming clubs told councillors that the nearest other pool was a forty-minute bus ride away and"
    " that children's lessons would stop if the baths closed.",
    "The council will spend the money set aside for demolition on a new roof and a more efficient"
    " boiler instead, the finance committee heard on Tuesday.",
    "A spokeswoman for the campaign said the decision was a relief but that the group would keep"
    " pressing for longer opening hours at weekends.",
]


def gazette_page(number: int) -> str:
    headline = f"Baths saved after campaign, part {number}"
    by = "By Ada Whitlock"
    lines = [*MENU, headline, by, "12 March 2024", *[f"{line} ({number})" for line in STORY], *FOOTER]
    return "\n\n".join(lines) + "\n"


def batch() -> list[DecodedDocument]:
    docs = [DecodedDocument(f"gazette-{n}.txt", gazette_page(n), FORMAT_TEXT, "utf-8") for n in range(5)]
    docs.insert(
        2, DecodedDocument("page.html", "<html><body><p>Short page.</p></body></html>", FORMAT_HTML, "utf-8")
    )
    docs.insert(4, DecodedDocument("blank.txt", "", FORMAT_EMPTY, None, "empty or whitespace-only file"))
    inbox = REPO / "samples" / "inbox"
    if inbox.is_dir():
        docs += [decode_document(path.name, path.read_bytes()) for path in sorted(inbox.iterdir())]
    return docs


def test_extract_documents_equals_the_two_halves_over_any_slices() -> None:
    docs = batch()
    whole = extract_documents(docs)
    prepared, chrome = prepare_documents(docs)
    assert chrome.lines == whole.chrome.lines
    assert extract_prepared(prepared) == whole.extractions
    sliced = [
        e for start in range(0, len(prepared), 3) for e in extract_prepared(prepared[start : start + 3])
    ]
    assert sliced == whole.extractions
    assert [e.name for e in whole.extractions] == [doc.name for doc in docs]
    # The batch exercised what differs between the paths: one site learnt, its chrome applied.
    gazette = [e for e in whole.extractions if e.name.startswith("gazette-")]
    assert all(e.is_article for e in gazette)
    assert len({e.site_key for e in gazette}) == 1
    assert chrome_lines(whole.chrome, gazette[0].site_key)


def test_known_chrome_is_used_the_same_way_by_both_paths() -> None:
    docs = batch()
    learnt = extract_documents(docs).chrome
    lone = [docs[-1], docs[0]]
    whole = extract_documents(lone, SiteChrome(learnt.lines))
    prepared, chrome = prepare_documents(lone, SiteChrome(learnt.lines))
    assert extract_prepared(prepared) == whole.extractions
    assert chrome.lines == whole.chrome.lines
    # The caller's chrome is not changed by either path.
    assert learnt.lines == extract_documents(docs).chrome.lines
