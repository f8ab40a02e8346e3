"""Bytes of an input file -> DecodedDocument: gzip, binary sniffing, encoding, format, line ends.

Never raises on any input: whatever cannot be used becomes a DecodedDocument with a problem.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections import Counter

from transforms.model import FORMAT_BINARY, FORMAT_EMPTY, FORMAT_HTML, FORMAT_TEXT, DecodedDocument
from transforms.rules import load_json

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
GZIP_MAGIC = b"\x1f\x8b"

# Signatures of common binary formats dropped into inboxes by mistake.
_BINARY_MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "zip archive",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x7fELF": "executable",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_SNIFF = re.compile(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LINE_ENDS = re.compile(r"\r\n?")
_CODE_PAGES = {
    codec: tuple(frozenset(letters) for letters in languages.values())
    for codec, languages in load_json("decode_codepages.json")["codepages"].items()
}


def _gunzip(data: bytes, max_bytes: int) -> tuple[bytes | None, str | None]:
    """Every member of a gzip file (concatenated members are valid gzip), capped at `max_bytes`."""
    out = b""
    while True:
        decompressor = zlib.decompressobj(wbits=31)
        try:
            out += decompressor.decompress(data, max_bytes + 1 - len(out))
        except zlib.error as exc:
            return None, f"corrupt gzip ({exc})"
        if len(out) > max_bytes:
            return None, f"larger than {max_bytes} bytes once decompressed"
        if not decompressor.eof:
            return None, "truncated gzip"
        data = decompressor.unused_data
        # Anything after the last member that is not another member is padding, as gzip(1) treats it.
        if not data.startswith(GZIP_MAGIC):
            return out, None


def _utf16_without_bom(sample: bytes) -> str | None:
    """utf-16-le/be when the bytes look like mostly-ASCII text in UTF-16 (NUL every other byte)."""
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even_nuls, odd_nuls = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if odd_nuls >= 0.9 * pairs and even_nuls <= 0.1 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.9 * pairs and odd_nuls <= 0.1 * pairs:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken sequences (a truncated copy, one bad byte), not a single-byte codepage.

    Single-byte text (cp1252, latin-1) almost never forms valid multi-byte UTF-8 sequences, so
    more valid non-ASCII characters than broken sequences means UTF-8 with damage.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid_non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - broken
    return valid_non_ascii > broken


def _decodes(codec: str) -> bool:
    """Whether `codec` is a text encoding Python can decode bytes with (not base64, rot13, idna...)."""
    try:
        b"".decode(codec, errors="replace")
        b"a".decode(codec, errors="replace")
    except (LookupError, UnicodeError, ValueError):
        return False
    return True


def _encoding_of(data: bytes, is_html: bool) -> tuple[str, bytes]:
    """The codec to decode with and the bytes without BOM."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, data[len(bom) :]
    if is_html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace").lower()
            try:
                codec = codecs.lookup(name).name
            except LookupError:
                codec = ""
            # Pages often declare latin-1 while serving UTF-8; trust the bytes when they are valid UTF-8.
            # A declared name may also be a Python codec that is no text encoding (base64, rot13).
            trusted = codec and codec not in ("utf-8", "ascii", "latin-1", "iso8859-1", "cp1252")
            if trusted and _decodes(codec):
                return codec, data
    utf16 = _utf16_without_bom(data[:4096])
    if utf16:
        return utf16, data
    try:
        data.decode("utf-8")
        return "utf-8", data
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return "utf-8", data
    return _code_page_of(data), data


def _code_page_of(data: bytes) -> str:
    """The single-byte code page whose languages explain most of the text's non-ASCII letters
    (rules/decode_codepages.json); latin-1 when none decodes the bytes."""
    best, best_share = "latin-1", -1.0
    for codec, alphabets in _CODE_PAGES.items():
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = Counter(char for char in text.lower() if char > "\x7f" and char.isalpha())
        total = sum(letters.values())
        share = max(
            (sum(count for char, count in letters.items() if char in alphabet) / total if total else 1.0)
            for alphabet in alphabets
        )
        if share > best_share:  # (the first code page wins ties: cp1252)
            best, best_share = codec, share
    return best


def decode_document(name: str, data: bytes, max_bytes: int = 20_000_000) -> DecodedDocument:
    """Decode one input file's bytes. `name` is used for its suffix (.gz, .html, .htm)."""
    lower = name.lower()
    if len(data) > max_bytes:
        return DecodedDocument(name, "", FORMAT_BINARY, None, f"file larger than {max_bytes} bytes")
    if data.startswith(GZIP_MAGIC):
        data, problem = _gunzip(data, max_bytes)
        if data is None:
            return DecodedDocument(name, "", FORMAT_BINARY, None, problem)
        lower = lower.removesuffix(".gz")
    elif lower.endswith(".gz"):
        return DecodedDocument(name, "", FORMAT_BINARY, None, "named .gz but not gzip data")
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return DecodedDocument(name, "", FORMAT_BINARY, None, f"binary file ({kind})")
    if not data.strip():
        return DecodedDocument(name, "", FORMAT_EMPTY, None, "empty or whitespace-only file")

    head = data[:4096]
    named_html = lower.endswith(HTML_SUFFIXES)
    codec, payload = _encoding_of(data, named_html or b"<" in head)
    try:
        text = payload.decode(codec, errors="replace")
    except UnicodeError:  # a declared codec that fails on these bytes despite "replace" (punycode)
        codec, payload = _encoding_of(data, is_html=False)
        text = payload.decode(codec, errors="replace")
    sample = text[:4096]
    # NUL-free binary still shows as a high share of control characters, so does UTF-16 that is not text.
    if sample and len(_CONTROL.findall(sample)) > len(sample) * 0.05:
        return DecodedDocument(name, "", FORMAT_BINARY, None, "binary content (control characters)")
    if "\r" in text:  # (most files have none: no regex pass over them)
        text = _LINE_ENDS.sub("\n", text)
    if not text.strip():
        return DecodedDocument(name, "", FORMAT_EMPTY, codec, "empty or whitespace-only file")
    is_html = named_html or bool(_HTML_SNIFF.search(sample))
    return DecodedDocument(name, text, FORMAT_HTML if is_html else FORMAT_TEXT, codec)
