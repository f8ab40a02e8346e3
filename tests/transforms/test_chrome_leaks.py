import pytest

from transforms.chrome_leaks import leaked_chrome


@pytest.mark.parametrize(
    "line",
    ["Register now", "Rate this article", "3 stars out of 5", "Have your say", "© 2024 Harbour Gazette Ltd"],
)
def test_chrome_lines_are_caught(line):
    assert leaked_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Readers were asked to register their views with the council before May.",
        "The hotel was rated three stars out of five by inspectors last year.",
        "Have your say on the plans at the library until Friday, the council said.",
    ],
)
def test_article_sentences_are_not(line):
    assert not leaked_chrome(line)
