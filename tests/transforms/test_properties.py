"""Properties of decoding and extraction over generated inputs (hypothesis).

Decoding never raises on any bytes under any name; extraction never raises on any text or
HTML-ish document, gives the same result for the same batch, and keeps the gold format's
promise for text dumps: every body paragraph is one line of the dump.
"""

from __future__ import annotations

import gzip

from hypothesis import HealthCheck, Phase, event, example, find, given, settings
from hypothesis import strategies as st

from transforms.blocks import BULLET_PREFIX
from transforms.decode import decode_document
from transforms.extract import extract_documents
from transforms.model import FORMAT_BINARY, FORMAT_EMPTY, FORMAT_HTML, FORMAT_TEXT, DecodedDocument

# No example database: the suite leaves no .hypothesis/ folder in the working tree.
PROPERTY = settings(
    max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

# Made-up vocabulary for prose-shaped lines: function words keep the shape of real sentences.
# fmt: off
WORDS = (
    "the", "a", "of", "to", "and", "in", "for", "on", "with", "that", "said", "would", "council",
    "residents", "plan", "new", "homes", "town", "after", "concerns", "about", "traffic", "school",
    "budget", "year", "members", "meeting", "board", "report", "funding", "local", "staff", "hospital",
    "week", "told", "by", "it", "was", "is", "has", "been", "will", "their", "from", "at", "this",
    "more", "than", "people",
)
# fmt: on
SUFFIXES = [".txt", ".html", ".htm", ".gz", ".html.gz", ".txt.gz", "", ".HTML", ".xhtml", ".dat"]


@st.composite
def file_names(draw: st.DrawFn) -> str:
    stem = draw(st.text(min_size=0, max_size=20))
    return stem + draw(st.sampled_from(SUFFIXES))


@st.composite
def tricky_bytes(draw: st.DrawFn) -> bytes:
    """Arbitrary bytes, often behind a prefix that steers decoding into one of its branches."""
    body = draw(st.binary(max_size=3000))
    prefix = draw(
        st.sampled_from(
            [
                b"",
                b"\x1f\x8b",  # gzip magic without a valid stream
                b"\xef\xbb\xbf",
                b"\xff\xfe",
                b"\xfe\xff",
                b"\xff\xfe\x00\x00",
                b"<html><head><meta charset=",
                b"<!doctype html>",
                b"\x89PNG",
                b"%PDF",
            ]
        )
    )
    data = prefix + body
    if draw(st.booleans()):
        data = gzip.compress(data, mtime=0)
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]  # truncated
    return data


@given(name=file_names(), data=tricky_bytes(), max_bytes=st.integers(1, 5000))
@example(
    name="p.html", data=b'<html><head><meta charset="base64"></head><body>x</body></html>', max_bytes=10**6
)
@example(
    name="p.html", data=b'<html><head><meta charset="idna"></head><body>\xe9</body></html>', max_bytes=10**6
)
@example(name="p.html", data=b'<meta charset="punycode"><p>caf\xe9</p>', max_bytes=10**6)
@example(name="p.html", data=b'<meta charset="undefined"><p>x</p>', max_bytes=10**6)
@example(name="a.txt.gz", data=gzip.compress(b"one\n") + gzip.compress(b"two\n") + b"\x1f\x8b", max_bytes=100)
@PROPERTY
def test_decode_never_raises_and_states_a_problem_when_it_gives_no_text(name, data, max_bytes):
    doc = decode_document(name, data, max_bytes)
    assert isinstance(doc, DecodedDocument) and doc.name == name
    assert doc.format in (FORMAT_TEXT, FORMAT_HTML, FORMAT_BINARY, FORMAT_EMPTY)
    assert "\r" not in doc.text
    if doc.format in (FORMAT_BINARY, FORMAT_EMPTY):
        assert doc.text == "" and doc.problem
    else:
        assert doc.text.strip() and doc.problem is None and doc.encoding


@given(text=st.text(max_size=4000), name=file_names())
@PROPERTY
def test_decode_round_trips_any_utf8_text(text, name):
    """Any text saved as UTF-8 comes back, line ends normalised, unless it is empty or binary-looking."""
    doc = decode_document(name, text.encode("utf-8"))
    if doc.format in (FORMAT_TEXT, FORMAT_HTML) and not name.lower().endswith(".gz"):
        expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        assert doc.text == expected


# --- extraction -------------------------------------------------------------------------------


@st.composite
def prose_lines(draw: st.DrawFn) -> str:
    sentences = draw(
        st.lists(st.lists(st.sampled_from(WORDS), min_size=6, max_size=25), min_size=1, max_size=3)
    )
    return " ".join(" ".join(words).capitalize() + "." for words in sentences)


def dump_lines() -> st.SearchStrategy[str]:
    """Lines a page dump is made of: prose, menus, bullets, blanks, and arbitrary unicode."""
    menu = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(lambda w: " ".join(w).title())
    return st.one_of(
        prose_lines(),
        prose_lines(),
        menu,
        menu.map(lambda m: BULLET_PREFIX + m),
        prose_lines().map(lambda p: BULLET_PREFIX + p),
        st.just(""),
        st.sampled_from(["   ", "\t", "\u00a0", "\u2028", "•", "  •", "...", "© 2024", "Share | Tweet"]),
        st.text(max_size=120),
        prose_lines().map(lambda p: "  \t" + p + " \u00a0"),  # indented, trailing spaces
    )


text_dumps = st.lists(dump_lines(), min_size=0, max_size=40).map("\n".join)


def as_text(text: str, index: int = 0) -> DecodedDocument:
    return DecodedDocument(f"dump-{index}.txt", text, FORMAT_TEXT, "utf-8")


def line_forms(text: str) -> set[str]:
    """What textdump may turn a line of `text` into: the stripped line, or a bullet line's item text.

    (blocks.parse_dump splits on "\\n" only, strips each line with str.strip(), and removes the
    "  • " list prefix of bullet lines.)
    """
    forms = set()
    for raw in text.split("\n"):
        stripped = raw.strip()
        forms.add(stripped)
        if stripped.startswith("•") and raw.startswith(BULLET_PREFIX):
            forms.add(stripped[1:].lstrip())
    return forms


@given(texts=st.lists(text_dumps, min_size=1, max_size=4))
@PROPERTY
def test_text_extraction_never_raises_and_every_paragraph_is_a_line_of_its_dump(texts):
    docs = [as_text(text, i) for i, text in enumerate(texts)]
    result = extract_documents(docs)
    assert [e.name for e in result.extractions] == [d.name for d in docs]
    for doc, extraction in zip(docs, result.extractions, strict=True):
        forms = line_forms(doc.text)
        for paragraph in extraction.paragraphs:
            assert paragraph.text and paragraph.text in forms
        assert extraction.is_article == bool(extraction.paragraphs)
        event("article" if extraction.is_article else "not an article")  # --hypothesis-show-statistics
        assert extraction.is_article or extraction.reason


def test_generated_dumps_include_articles():
    """The paragraph property above is not vacuous: the dump strategy does produce articles."""
    found = find(
        text_dumps,
        lambda text: extract_documents([as_text(text)]).extractions[0].is_article,
        settings=settings(max_examples=200, deadline=None, database=None, phases=[Phase.generate]),
    )
    assert extract_documents([as_text(found)]).extractions[0].paragraphs


@given(text=st.text(max_size=3000), fmt=st.sampled_from([FORMAT_TEXT, FORMAT_HTML]))
@PROPERTY
def test_extraction_never_raises_on_arbitrary_text(text, fmt):
    [extraction] = extract_documents([DecodedDocument("x", text, fmt, "utf-8")]).extractions
    assert extraction.is_article or extraction.reason


@st.composite
def html_ish(draw: st.DrawFn) -> str:
    """Tag soup: nested known and unknown tags, attributes, entities, comments, unclosed tags."""
    tags = ["p", "div", "span", "article", "main", "nav", "script", "style", "a", "h1", "li", "ul",
            "table", "td", "br", "header", "footer", "noscript", "figure", "x-widget", "svg"]  # fmt: skip
    leaf = st.one_of(
        prose_lines(),
        st.text(max_size=60),
        st.sampled_from(
            ["&amp;", "&nbsp;", "&#8217;", "&bogus;", "&#xFFFFFF;", "<!-- c -->", "<![CDATA[x]]>", "<"]
        ),
    )

    def wrap(children: st.SearchStrategy[list[str]]) -> st.SearchStrategy[str]:
        return st.tuples(
            st.sampled_from(tags),
            st.sampled_from(["", ' class="content"', ' id="nav"', " hidden", ' class="byline"', " x='<'"]),
            children,
            st.booleans(),
        ).map(lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else ""))

    body = draw(st.recursive(leaf, lambda inner: wrap(st.lists(inner, max_size=5)), max_leaves=40))
    head = draw(st.sampled_from(["", "<!DOCTYPE html><html><head><title>T</title></head><body>", "<html>"]))
    return head + body


@given(pages=st.lists(html_ish(), min_size=1, max_size=3))
@PROPERTY
def test_html_extraction_never_raises(pages):
    docs = [DecodedDocument(f"p{i}.html", page, FORMAT_HTML, "utf-8") for i, page in enumerate(pages)]
    for extraction in extract_documents(docs).extractions:
        assert extraction.is_article or extraction.reason


@given(texts=st.lists(text_dumps, min_size=1, max_size=3), pages=st.lists(html_ish(), max_size=2))
@PROPERTY
def test_extraction_is_deterministic(texts, pages):
    docs = [as_text(text, i) for i, text in enumerate(texts)]
    docs += [DecodedDocument(f"p{i}.html", page, FORMAT_HTML, "utf-8") for i, page in enumerate(pages)]
    first, second = extract_documents(docs), extract_documents(docs)
    assert first.extractions == second.extractions
    assert first.chrome == second.chrome


@given(name=file_names(), data=tricky_bytes())
@PROPERTY
def test_decode_then_extract_never_raises(name, data):
    doc = decode_document(name, data, 10_000)
    [extraction] = extract_documents([doc]).extractions
    assert extraction.is_article or extraction.reason
