"""Exact and near-duplicate articles in a batch: MinHash/LSH candidates, confirmed exactly.

A syndicated copy keeps the body but gets a new headline, other chrome and maybe a dropped
paragraph or a few edited words, so bodies (already cleaned of chrome) are compared and titles
are not. MinHash over word shingles with an LSH index finds candidate pairs without comparing
all pairs; each candidate is then confirmed with the exact overlap of the two shingle sets, so
a false LSH collision never becomes a link.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from transforms.model import DuplicateLink

_WORD = re.compile(r"\w+")

SHINGLE_WORDS = 5  # long enough that two articles on one topic share few shingles
NUM_PERM = 64
LSH_THRESHOLD = 0.5  # Jaccard at which LSH starts proposing pairs; well under the link threshold
# A pair is linked when this share of the smaller body's shingles is also in the larger one
# (containment, so a copy that dropped a paragraph still scores high)...
MIN_CONTAINMENT = 0.8
# ...and the smaller body is not a mere fragment (a teaser or a one-paragraph brief) of the other.
MIN_SIZE_RATIO = 0.5
# Bodies read again per call of the reader: a call may scan the whole staged corpus (a few seconds
# at 100k articles), and these bodies' shingle hashes are in memory together (~40 MB).
REREAD_BODIES = 10_000
_ROLLING_BASE = np.uint64(1_000_003)
_SPREAD = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio)
# datasketch chooses the permutations (its "affine32" scheme: h -> a * fmix32(h) + b mod 2^32) and
# the LSH bands for the threshold; signatures and band lookups are computed here in numpy and plain
# dicts, which gives the same values and candidates without datasketch's per-value Python calls.
_SCHEME = "affine32"
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=_SCHEME).permutations.astype(np.uint32)
_BANDS = tuple((4 * start, 4 * end) for start, end in MinHashLSH(LSH_THRESHOLD, NUM_PERM).hashranges)
# Every byte stays but for the ASCII characters that are not word characters, which become spaces.
_ASCII_NON_WORD_TO_SPACE = bytes(
    byte if byte >= 0x80 or chr(byte).isalnum() or chr(byte) == "_" else ord(" ") for byte in range(256)
)
# Bodies by name, in the order asked: how candidate pairs are confirmed without keeping the corpus.
BodyReader = Callable[[list[str]], list[str]]
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


def _normalised(body: str) -> str:
    return " ".join(body.split())


def _words(text: str) -> list[bytes]:
    """`_WORD.findall(text)`, each word UTF-8 encoded, found faster: ASCII characters that are not
    word characters become spaces and the text is split there, in C; the few pieces holding other
    characters than ASCII ones are split by the pattern (a word never runs over such a space)."""
    raw = text.encode()
    pieces = raw.translate(_ASCII_NON_WORD_TO_SPACE).split()
    if raw.isascii():
        return pieces
    words: list[bytes] = []
    for piece in pieces:
        if piece.isascii():
            words.append(piece)
        else:
            words.extend(word.encode() for word in _WORD.findall(piece.decode()))
    return words


def _shingles(body: str, vocabulary: dict[bytes, int]) -> np.ndarray:
    """Sorted distinct 32-bit hashes of the body's lower-cased word n-grams.

    Words become ids from `vocabulary` (shared by the batch, assigned in order of appearance so
    runs are reproducible) and n-grams are combined in numpy, which keeps 100k-article batches
    to seconds rather than minutes.
    """
    words = _words(body.lower())
    if not words:
        return np.empty(0, dtype=np.uint32)
    # New words get the next ids in order of first appearance (dict.fromkeys keeps that order).
    new = [w for w in dict.fromkeys(words) if w not in vocabulary]
    vocabulary.update(zip(new, range(len(vocabulary), len(vocabulary) + len(new)), strict=True))
    word_hashes = np.fromiter(map(vocabulary.__getitem__, words), dtype=np.uint64, count=len(words))
    # Spread the small sequential ids over 64 bits before combining them.
    word_hashes = (word_hashes + np.uint64(1)) * _SPREAD
    width = min(SHINGLE_WORDS, len(words))
    combined = np.zeros(len(words) - width + 1, dtype=np.uint64)
    for offset in range(width):
        # uint64 arithmetic wraps, which is what a polynomial rolling hash wants.
        combined = combined * _ROLLING_BASE + word_hashes[offset : offset + len(combined)]
    hashes = np.sort((combined >> np.uint64(32)).astype(np.uint32))
    # np.unique, without its overhead on arrays this small.
    distinct = np.empty(len(hashes), dtype=bool)
    distinct[0] = True
    np.not_equal(hashes[1:], hashes[:-1], out=distinct[1:])
    return hashes[distinct]


def _signature(hashes: np.ndarray) -> bytes:
    """The MinHash signature of non-empty shingle hashes, as bytes: what
    `MinHash(num_perm=NUM_PERM, hashfunc=identity).update_batch(hashes)` holds in `hashvalues`."""
    shift1, multiplier1, shift2, multiplier2, shift3 = _FMIX32
    mixed = hashes ^ (hashes >> shift1)
    mixed *= multiplier1
    mixed ^= mixed >> shift2
    mixed *= multiplier2
    mixed ^= mixed >> shift3
    a, b = _PERMUTATIONS
    # One row per permutation, so that each minimum runs over contiguous memory.
    permuted = np.multiply.outer(a, mixed)
    permuted += b[:, None]
    return permuted.min(axis=1).tobytes()


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Containment of the smaller set in the larger, 0 when the sizes are too different."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not len(small) or len(small) < MIN_SIZE_RATIO * len(large):
        return 0.0
    return len(np.intersect1d(small, large, assume_unique=True)) / len(small)


class _RereadShingles:
    """Overlaps of pairs of items, their bodies read again by name a chunk of pairs at a time."""

    def __init__(self, names: Sequence[str], read_bodies: BodyReader, vocabulary: dict[bytes, int]) -> None:
        self._names = names
        self._read_bodies = read_bodies
        self._vocabulary = vocabulary  # the first pass's: the same words get the same ids again

    def overlaps(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        scores: list[float] = []
        start = 0
        while start < len(pairs):
            # One read per REREAD_BODIES distinct bodies: each read may scan the whole corpus.
            wanted: set[int] = set()
            end = start
            while end < len(pairs) and (end == start or len(wanted) + 2 <= REREAD_BODIES):
                wanted.update(pairs[end])
                end += 1
            ordered = sorted(wanted)
            bodies = self._read_bodies([self._names[index] for index in ordered])
            shingles = {
                index: _shingles(_normalised(body), self._vocabulary)
                for index, body in zip(ordered, bodies, strict=True)
            }
            del bodies
            scores += [_overlap(shingles[a], shingles[b]) for a, b in pairs[start:end]]
            start = end
        return scores


class _Groups:
    """Union-find over item indices; the root of a group is its member with the first name."""

    def __init__(self, names: Sequence[str]) -> None:
        self._names = names
        self._parent = list(range(len(names)))

    def find(self, i: int) -> int:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            first, other = (ri, rj) if self._names[ri] <= self._names[rj] else (rj, ri)
            self._parent[other] = first


def _band_pairs(signatures: np.ndarray) -> np.ndarray:
    """Pairs (i, j), i < j, of rows of `signatures` that agree on every value of at least one LSH band.

    Each band's rows are sorted by its values and the runs of equal rows give its pairs: the same
    candidates as an LSH index queried item by item, in arrays of a few bytes per item.
    """
    pairs = []
    for start, end in _BANDS:
        band = signatures[:, start // 4 : end // 4]
        order = np.lexsort(band.T[::-1])
        ordered = band[order]
        same_as_previous = np.r_[False, (ordered[1:] == ordered[:-1]).all(axis=1)]
        # A run of equal rows starts where a row differs from the one before it.
        run_starts = np.flatnonzero(~same_as_previous)
        run_lengths = np.diff(np.r_[run_starts, len(order)])
        for run_start, length in zip(run_starts[run_lengths > 1], run_lengths[run_lengths > 1], strict=True):
            members = np.sort(order[run_start : run_start + length])
            first, second = np.triu_indices(length, k=1)
            pairs.append(np.column_stack((members[first], members[second])))
    if not pairs:
        return np.empty((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(pairs), axis=0)


def find_duplicates(
    items: Iterable[tuple[str, str, str]], read_bodies: BodyReader | None = None
) -> list[DuplicateLink]:
    """Link every exact or near copy in `items` = (name, title, body) to its group's original.

    The original is the group member whose name sorts first. Items with an empty body are
    ignored. Links come out sorted by the copy's name.

    `items` is read once, as a stream, keeping a digest and a 256-byte MinHash signature per
    distinct body; the few candidate pairs are then confirmed on their bodies, which
    `read_bodies(names)` returns again (in the order asked; a chunk at a time), so a run's
    corpus never has to be in memory, as text or as shingles. Without `read_bodies`, `items`
    are kept and read from memory.
    """
    if read_bodies is None:
        items = list(items)
        bodies_by_name = {name: body for name, _title, body in items}

        def read_bodies(names: list[str]) -> list[str]:
            return [bodies_by_name[name] for name in names]

    names: list[str] = []
    digests: list[bytes | None] = []  # of the whitespace-normalised text; None for a wordless body
    first_with_digest: dict[bytes, int] = {}
    distinct: list[int] = []  # the first item with each distinct text, in order
    signatures = bytearray()  # theirs, NUM_PERM uint32 each
    vocabulary: dict[bytes, int] = {}
    links_to_make: list[tuple[int, int]] = []  # exact copies: (first item with the text, copy)
    for index, (name, _title, body) in enumerate(items):
        names.append(name)
        # A body without a single word (empty, or punctuation left by cleaning) is ignored.
        text = _normalised(body) if _WORD.search(body) else ""
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest() if text else None
        digests.append(digest)
        if digest is None:
            continue
        # Exact copies: identical text once whitespace is normalised. Only the first item with
        # each distinct text goes through MinHash.
        if digest in first_with_digest:
            links_to_make.append((first_with_digest[digest], index))
            continue
        first_with_digest[digest] = index
        distinct.append(index)
        signatures += _signature(_shingles(text, vocabulary))

    bodies = _RereadShingles(names, read_bodies, vocabulary)
    candidates = np.asarray(distinct, dtype=np.int64)[
        _band_pairs(np.frombuffer(signatures, dtype=np.uint32).reshape(len(distinct), NUM_PERM))
    ].tolist()
    scores = bodies.overlaps(candidates)
    links_to_make += [
        pair for pair, score in zip(candidates, scores, strict=True) if score >= MIN_CONTAINMENT
    ]

    groups = _Groups(names)
    for first, other in links_to_make:
        groups.union(first, other)
    exact: dict[int, int] = {}  # index -> root
    near: list[tuple[int, int]] = []  # (index, root) to score against each other
    for index in range(len(names)):
        root = groups.find(index)
        if root == index or digests[index] is None:
            continue
        if digests[index] == digests[root]:
            exact[index] = root
        else:
            near.append((index, root))
    similarities = bodies.overlaps(
        [(first_with_digest[digests[i]], first_with_digest[digests[root]]) for i, root in near]
    )
    links = [DuplicateLink(names[i], names[root], "exact", 1.0) for i, root in exact.items()]
    links += [
        DuplicateLink(names[i], names[root], "near", round(similarity, 4))
        for (i, root), similarity in zip(near, similarities, strict=True)
    ]
    return sorted(links, key=lambda link: link.name)
