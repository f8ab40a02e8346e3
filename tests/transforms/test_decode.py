import gzip

import pytest

from transforms.decode import decode_document


def test_utf8_text_dump_is_text():
    doc = decode_document("a.txt", "Headline\n\nBody line with café.\n".encode())
    assert (doc.format, doc.encoding, doc.problem) == ("text", "utf-8", None)
    assert "café" in doc.text


def test_cp1252_bytes_decode_with_curly_quotes_and_pound():
    doc = decode_document("a.txt", "He said \u201cit costs \u00a35\u201d.".encode("cp1252"))
    assert doc.encoding == "cp1252"
    assert doc.text == "He said \u201cit costs \u00a35\u201d."


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig"])
def test_bom_decides_encoding(codec):
    doc = decode_document("a.txt", "Zoë wrote this.\r\nSecond line.".encode(codec))
    assert doc.format == "text"
    assert doc.text == "Zoë wrote this.\nSecond line."


def test_cr_and_crlf_line_ends_become_newlines():
    assert decode_document("a.txt", b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_and_whitespace_only(data):
    doc = decode_document("a.txt", data)
    assert doc.format == "empty" and doc.problem


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04rest", "zip"),
    ],
)
def test_binary_signatures(data, kind):
    doc = decode_document("x.txt", data)
    assert doc.format == "binary" and kind in doc.problem


def test_control_character_junk_is_binary():
    assert decode_document("x.txt", bytes(range(0, 32)) * 50).format == "binary"


def test_html_by_suffix_and_by_sniffing():
    page = b"<!DOCTYPE html><html><body><p>Hi</p></body></html>"
    assert decode_document("page.htm", page).format == "html"
    assert decode_document("page.txt", page).format == "html"


def test_html_meta_charset_is_honoured():
    page = '<html><head><meta charset="koi8-r"></head><body><p>Привет</p></body></html>'
    doc = decode_document("p.html", page.encode("koi8-r"))
    assert doc.encoding == "koi8-r" and "Привет" in doc.text


def test_gzip_is_decompressed_and_named_by_inner_suffix():
    doc = decode_document("p.html.gz", gzip.compress(b"<html><body><p>x</p></body></html>", mtime=0))
    assert doc.format == "html" and "<p>x</p>" in doc.text


def test_truncated_gzip_is_reported_not_raised():
    data = gzip.compress(b"<html>" + b"x" * 5000 + b"</html>", mtime=0)
    doc = decode_document("p.html.gz", data[: len(data) // 2])
    assert doc.format == "binary" and "gzip" in doc.problem


def test_size_limit():
    doc = decode_document("big.txt", b"a" * 101, max_bytes=100)
    assert doc.format == "binary" and "100" in doc.problem


def test_gzip_bomb_is_capped():
    doc = decode_document("bomb.txt.gz", gzip.compress(b"a" * 10_000, mtime=0), max_bytes=1000)
    assert doc.format == "binary" and "decompressed" in doc.problem


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Bystřecké lnárny končí. O práci přijde 286 lidí, výroba míří do Srbska.", "cp1250"),
        ("Kıyıbaşı Spor şampiyonluğu kutladı; taraftarlar gece yarısına kadar şarkı söyledi.", "cp1254"),
        ("Le café où l'on reçoit les élèves ferme à Noël, déplore la maîtresse.", "cp1252"),
        ("Ośrodek w Brzezince dostał światłowód, mówi wójt gminy.", "cp1250"),
    ],
)
def test_a_file_in_a_single_byte_code_page_is_read_in_the_one_its_letters_fit(text: str, codec: str) -> None:
    doc = decode_document("page.txt", (text + "\n").encode(codec))
    assert (doc.encoding, doc.text.strip()) == (codec, text)
