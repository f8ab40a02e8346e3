"""The inbox seam: which files there are, and their bytes."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from transforms.decode import decode_document
from transforms.model import FORMAT_UNREADABLE, DecodedDocument


@dataclass(frozen=True, slots=True)
class InboxFile:
    path: Path  # absolute path as found in the inbox (not resolved through links)
    relative: str  # POSIX path relative to the inbox: the document's identity
    problem: str | None = None  # why it will not be read (e.g. a link leaving the inbox)


@dataclass(frozen=True, slots=True)
class FileBytes:
    data: bytes | None
    sha256: str | None
    size: int | None
    problem: str | None


def scan_inbox(inbox: Path) -> list[InboxFile]:
    """Every regular file under `inbox`, sorted by relative path; hidden files are skipped.

    Symbolic links are listed but never followed out of the inbox.
    """
    root = inbox.resolve()
    found: list[InboxFile] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            if filename.startswith("."):
                continue
            path = Path(dirpath) / filename
            relative = path.relative_to(root).as_posix()
            problem = None
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root):
                    problem = "symbolic link pointing outside the inbox (not followed)"
                elif not target.is_file():
                    problem = "symbolic link to something that is not a file"
            elif not stat.S_ISREG(path.lstat().st_mode):
                problem = "not a regular file (named pipe, socket or device)"
            found.append(InboxFile(path, relative, problem))
    found.sort(key=lambda f: f.relative)
    return found


def read_file(file: InboxFile, max_bytes: int) -> FileBytes:
    """The file's bytes and hash, or why they could not be had."""
    if file.problem:
        return FileBytes(None, None, None, file.problem)
    try:
        size = file.path.stat().st_size
        if size > max_bytes:
            return FileBytes(None, None, size, f"file of {size} bytes is over the {max_bytes}-byte limit")
        data = file.path.read_bytes()
    except OSError as exc:
        return FileBytes(None, None, None, f"unreadable: {exc.strerror or exc}")
    return FileBytes(data, hashlib.sha256(data).hexdigest(), len(data), None)


def load_document(file: InboxFile, max_bytes: int) -> tuple[FileBytes, DecodedDocument]:
    """The file's bytes and their decoding; a file that cannot be read is an unreadable document."""
    raw = read_file(file, max_bytes)
    name = file.relative.rsplit("/", 1)[-1]
    if raw.data is None:
        return raw, DecodedDocument(name, "", FORMAT_UNREADABLE, None, raw.problem)
    return raw, decode_document(name, raw.data, max_bytes)


def fingerprint(file: InboxFile, max_bytes: int) -> str | None:
    """sha256 of the file's bytes, None when they cannot be read."""
    return read_file(file, max_bytes).sha256


@dataclass(frozen=True, slots=True)
class ChangePlan:
    to_extract: list[InboxFile]  # new or changed files
    kept: list[str]  # unchanged paths whose published rows are carried over
    deleted: list[str]  # published paths no longer in the inbox


def plan_changes(
    files: Sequence[InboxFile], hashes: dict[str, str | None], published: dict[str, str | None]
) -> ChangePlan:
    """Which files to extract: those not published with the same bytes (unreadable ones always)."""
    to_extract, kept = [], []
    for file in files:
        digest = hashes[file.relative]
        if digest is not None and published.get(file.relative) == digest:
            kept.append(file.relative)
        else:
            to_extract.append(file)
    seen = {f.relative for f in files}
    return ChangePlan(to_extract, kept, sorted(p for p in published if p not in seen))
