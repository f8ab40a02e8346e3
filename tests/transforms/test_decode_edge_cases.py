"""decode_document on inputs the first version got wrong (issue 9: bad inputs)."""

import gzip

import pytest

from transforms.decode import decode_document


@pytest.mark.parametrize("charset", ["base64", "rot13", "hex", "zlib", "uu", "idna", "punycode", "undefined"])
def test_declared_charset_that_is_no_text_encoding_falls_back_to_the_bytes(charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>Café naïve</p></body></html>'
    doc = decode_document("p.html", page.encode("utf-8"))
    assert (doc.format, doc.encoding) == ("html", "utf-8")
    assert "Café naïve" in doc.text


def test_every_member_of_a_multi_member_gzip_is_read():
    doc = decode_document("a.txt.gz", gzip.compress(b"first line\n") + gzip.compress(b"second line\n"))
    assert doc.text == "first line\nsecond line\n"


def test_multi_member_gzip_is_capped_as_a_whole():
    data = gzip.compress(b"a" * 600) + gzip.compress(b"b" * 600)
    doc = decode_document("a.txt.gz", data, max_bytes=1000)
    assert doc.format == "binary" and "decompressed" in doc.problem


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text_not_binary(codec):
    doc = decode_document("a.txt", "Zoë wrote about the café.\nSecond line.".encode(codec))
    assert (doc.format, doc.encoding) == ("text", codec)
    assert doc.text == "Zoë wrote about the café.\nSecond line."


def test_utf8_with_one_broken_byte_stays_utf8():
    data = "Zoë wrote about the café in Malmö.\n".encode() + b"\xff" + "Naïve line.".encode()
    doc = decode_document("a.txt", data)
    assert doc.encoding == "utf-8"
    assert "Zoë wrote about the café in Malmö." in doc.text and "Naïve line." in doc.text


def test_cp1252_text_is_not_mistaken_for_broken_utf8():
    doc = decode_document("a.txt", "Zoë wrote about the café: “£5”.".encode("cp1252"))
    assert doc.encoding == "cp1252" and doc.text == "Zoë wrote about the café: “£5”."
