import re

import numpy as np
import pytest

from transforms import duplicates
from transforms.duplicates import find_duplicates

# Made-up articles: two on the same topic (a council budget) written independently, so they share
# vocabulary but not sentences.
BUDGET_STORY = [
    "The city council has approved a budget that cuts library opening hours by a fifth from April.",
    "Councillors voted 31 to 18 in favour after a four-hour debate in the town hall on Tuesday night.",
    "The leader of the council said the savings were needed to protect social care for older people.",
    "Opposition members argued that closing libraries early would hit children doing homework hardest.",
    "A petition against the cuts gathered more than six thousand signatures in a fortnight.",
    "The budget also raises parking charges in the town centre by twenty pence an hour.",
    "Officers expect the changes to save about one point two million pounds over two years.",
]
OTHER_BUDGET_STORY = [
    "Library users have protested outside the town hall against plans to reduce opening hours.",
    "Parents said the reading groups held on weekday evenings were a lifeline for their families.",
    "The council says it faces a gap of several million pounds and must make difficult choices.",
    "Campaigners hope volunteers could keep some branches open if staff hours are reduced.",
    "A decision on the final budget is expected at a full council meeting next month.",
]


def _body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def test_exact_copy_links_to_the_first_name_with_similarity_one() -> None:
    links = find_duplicates(
        [
            ("b_copy", "Budget approved", _body(BUDGET_STORY)),
            ("a_original", "Council budget approved", _body(BUDGET_STORY)),
        ]
    )
    assert [(link.name, link.duplicate_of, link.kind, link.similarity) for link in links] == [
        ("b_copy", "a_original", "exact", 1.0)
    ]


def test_near_copy_with_new_headline_dropped_paragraph_and_edits_is_linked() -> None:
    syndicated = BUDGET_STORY[:4] + BUDGET_STORY[5:]  # one paragraph dropped
    syndicated[0] = syndicated[0].replace("a fifth", "20 per cent")
    syndicated[2] = syndicated[2].replace("older people", "elderly residents")
    links = find_duplicates(
        [
            ("site1_0001", "Libraries hit as council budget approved", _body(BUDGET_STORY)),
            ("site2_0042", "Cuts to library hours agreed", _body(syndicated)),
        ]
    )
    assert len(links) == 1
    link = links[0]
    assert (link.name, link.duplicate_of, link.kind) == ("site2_0042", "site1_0001", "near")
    assert 0.8 <= link.similarity < 1.0


def test_different_articles_on_the_same_topic_are_not_linked() -> None:
    items = [
        ("a", "Council budget approved", _body(BUDGET_STORY)),
        ("b", "Library protest", _body(OTHER_BUDGET_STORY)),
    ]
    assert find_duplicates(items) == []


def test_empty_bodies_are_ignored() -> None:
    items = [("a", "Empty", ""), ("b", "Also empty", "  \n\n "), ("c", "Dashes", "—"), ("d", "Dashes", "—")]
    assert find_duplicates(items) == []


def test_group_of_three_links_every_copy_to_the_same_original() -> None:
    body = _body(BUDGET_STORY)
    shorter = _body(BUDGET_STORY[:-1])
    links = find_duplicates([("c", "t", shorter), ("b", "t", body), ("a", "t", body)])
    assert {(link.name, link.duplicate_of, link.kind) for link in links} == {
        ("b", "a", "exact"),
        ("c", "a", "near"),
    }


def test_short_fragment_of_a_longer_article_is_not_a_copy() -> None:
    # A one-paragraph brief quoting the opening of a long article is a different item.
    links = find_duplicates([("a", "t", _body(BUDGET_STORY)), ("b", "t", BUDGET_STORY[0])])
    assert links == []


def test_items_are_streamed_once_and_only_candidates_are_read_again() -> None:
    """The flow streams a run's bodies from the warehouse and keeps no text: bodies are read again
    by name, only those of candidate pairs."""
    syndicated = BUDGET_STORY[:4] + BUDGET_STORY[5:]
    items = [
        ("a_original", "Council budget approved", _body(BUDGET_STORY)),
        ("b_other", "Libraries protest", _body(OTHER_BUDGET_STORY)),
        ("c_copy", "Budget approved", _body(BUDGET_STORY)),
        ("d_syndicated", "Library hours cut", _body(syndicated)),
    ]
    bodies = {name: body for name, _, body in items}
    asked: list[str] = []

    def read_bodies(names: list[str]) -> list[str]:
        asked.extend(names)
        return [bodies[name] for name in names]

    stream = iter(items)
    links = find_duplicates(stream, read_bodies)
    assert [(link.name, link.duplicate_of, link.kind) for link in links] == [
        ("c_copy", "a_original", "exact"),
        ("d_syndicated", "a_original", "near"),
    ]
    assert next(stream, None) is None
    assert set(asked) == {"a_original", "d_syndicated"}


def test_bodies_are_read_again_in_calls_of_at_most_reread_bodies(monkeypatch) -> None:
    monkeypatch.setattr(duplicates, "REREAD_BODIES", 3)
    copies = [(f"copy{i}", "t", _body(BUDGET_STORY[: 6 - i % 2])) for i in range(6)]
    items = [("a_original", "t", _body(BUDGET_STORY)), *copies]
    bodies = {name: body for name, _, body in items}
    calls: list[list[str]] = []

    def read_bodies(names: list[str]) -> list[str]:
        calls.append(names)
        return [bodies[name] for name in names]

    links = find_duplicates(items, read_bodies)
    assert {(link.name, link.duplicate_of) for link in links} == {
        (f"copy{i}", "a_original") for i in range(6)
    }
    assert len(calls) > 1 and max(map(len, calls)) <= 3


def test_band_pairs_are_the_candidates_of_datasketchs_lsh_index() -> None:
    """Candidates come from sorting each band; they must be what MinHashLSH's index proposes."""
    from datasketch import MinHash, MinHashLSH

    from transforms.duplicates import LSH_THRESHOLD, NUM_PERM, _band_pairs

    rng = np.random.default_rng(7)
    signatures = rng.integers(0, 2**32, (300, NUM_PERM), dtype=np.uint64).astype(np.uint32)
    # Plant agreement: copy one band (4 values) or several from an earlier row into later rows.
    for row in range(1, 300, 3):
        source = rng.integers(0, row)
        start, width = rng.integers(0, NUM_PERM // 4 - 2) * 4, 4 * rng.integers(1, 3)
        signatures[row, start : start + width] = signatures[source, start : start + width]
    signatures[50] = signatures[10]  # and one row equal to another in full
    index = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    expected = set()
    for row, values in enumerate(signatures):
        minhash = MinHash(num_perm=NUM_PERM, hashvalues=values.astype(np.uint64), scheme=duplicates._SCHEME)
        expected.update((int(other), row) for other in index.query(minhash))
        index.insert(row, minhash)
    found = {(int(i), int(j)) for i, j in _band_pairs(signatures)}
    assert found == expected
    assert len(found) > 90  # the planted ones, at least


def test_signatures_are_the_ones_datasketch_computes() -> None:
    """Signatures are computed in numpy with datasketch's permutations; they must be its values."""
    from datasketch import MinHash

    from transforms.duplicates import NUM_PERM, _signature

    rng = np.random.default_rng(3)
    for size in (1, 7, 500):
        hashes = np.unique(rng.integers(0, 2**32, size, dtype=np.uint64).astype(np.uint32))
        reference = MinHash(num_perm=NUM_PERM, hashfunc=int, scheme=duplicates._SCHEME)
        reference.update_batch(hashes.tolist())
        assert _signature(hashes) == reference.hashvalues.astype(np.uint32).tobytes()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ascii words, and_underscores 42",
        "caf\u00e9 na\u00efve \u2014 don\u2019t",
        "\u00e9",
        "x\u00b2y",
        "tab\there\x1cfs \u00a0nbsp \u4e2d\u6587 \U0001f600 emoji",
        "--- ...",
        "a\u0301b \u0663\u0664 digits",
    ],
)
def test_words_are_the_pattern_words(text: str) -> None:
    assert duplicates._words(text) == [word.encode() for word in duplicates._WORD.findall(text)]


def test_ascii_characters_split_on_are_exactly_the_non_word_ones() -> None:
    for byte in range(128):
        is_word = re.fullmatch(r"\w", chr(byte)) is not None
        assert duplicates._ASCII_NON_WORD_TO_SPACE[byte] == (byte if is_word else ord(" "))
