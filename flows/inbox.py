"""The inbox seam: which files there are, and their bytes."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from transforms.decode import decode_document
from transforms.model import FORMAT_UNREADABLE, DecodedDocument

# A file modified this close to the moment it was listed may be modified again within the same
# timestamp tick (2 s on FAT, a clock tick on others) without its mtime changing ("racy" in git's
# words): its size and mtime are not trusted to stand for its bytes on the next run.
RACY_WINDOW_NS = 2_000_000_000


@dataclass(frozen=True, slots=True)
class InboxFile:
    path: Path  # absolute path as found in the inbox (not resolved through links)
    relative: str  # POSIX path relative to the inbox: the document's identity
    problem: str | None = None  # why it will not be read (e.g. a link leaving the inbox)
    # What the listing saw of a regular file (None for links and problems): with the path, the
    # pre-check that lets an unchanged file go unread.
    size: int | None = None
    mtime_ns: int | None = None


@dataclass(frozen=True, slots=True)
class FileBytes:
    data: bytes | None
    sha256: str | None
    size: int | None
    problem: str | None


def scan_inbox(inbox: Path) -> list[InboxFile]:
    """Every regular file under `inbox`, sorted by relative path; hidden files are skipped.

    Symbolic links are listed but never followed out of the inbox. One `lstat` per file, taken
    before any read of it, so a change after the listing shows in the next one.
    """
    root = inbox.resolve()
    found: list[InboxFile] = []
    folders = [(root, "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                # folder / name, not Path(entry.path): parsing 100k whole paths costs seconds
                path, relative = folder / entry.name, prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.append((path, relative + "/"))
                elif entry.is_symlink():
                    found.append(InboxFile(path, relative, _link_problem(path, root)))
                else:
                    found.append(_listed_file(path, relative, entry.stat(follow_symlinks=False)))
    found.sort(key=lambda f: f.relative)
    return found


def _link_problem(path: Path, root: Path) -> str | None:
    target = path.resolve()
    if not target.is_relative_to(root):
        return "symbolic link pointing outside the inbox (not followed)"
    if not target.is_file():
        return "symbolic link to something that is not a file"
    return None


def _listed_file(path: Path, relative: str, info: os.stat_result) -> InboxFile:
    if not stat.S_ISREG(info.st_mode):
        return InboxFile(path, relative, "not a regular file (named pipe, socket or device)")
    return InboxFile(path, relative, None, info.st_size, info.st_mtime_ns)


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


def current_digests(
    files: Sequence[InboxFile],
    published: Mapping[str, str | None],
    published_stats: Mapping[str, tuple[int, int]],
    max_bytes: int,
) -> tuple[dict[str, str | None], int]:
    """Each file's sha256 as far as deciding whether to extract it needs; and how many files were read.

    A published file whose size and mtime are what they were at the last publish (`published_stats`,
    path -> (size, mtime_ns)) keeps its published digest without being read, as make and rsync
    assume; give no stats to hash every published file. A file not published before is not read
    (None): it is extracted whatever its bytes.
    """
    digests: dict[str, str | None] = {}
    read = 0
    for file in files:
        known = published.get(file.relative)
        if known is None:
            digests[file.relative] = None
        elif file.size is not None and published_stats.get(file.relative) == (file.size, file.mtime_ns):
            digests[file.relative] = known
        else:
            digests[file.relative] = fingerprint(file, max_bytes)
            read += 1
    return digests, read


def trusted_stats(files: Sequence[InboxFile], listed_at_ns: int) -> list[tuple[str, int, int]]:
    """(path, size, mtime_ns) of the regular files whose stats may stand for their bytes next time.

    `listed_at_ns` is the wall clock just before the listing: a file modified within
    RACY_WINDOW_NS of it (or in the future) is left out, so the next run reads it.
    """
    settled_before = listed_at_ns - RACY_WINDOW_NS
    return [
        (file.relative, file.size, file.mtime_ns)
        for file in files
        if file.size is not None and file.mtime_ns is not None and file.mtime_ns < settled_before
    ]


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
