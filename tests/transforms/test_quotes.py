import json
import re
import string
from pathlib import Path

import pytest

from transforms import quotes
from transforms.model import Paragraph, Quote
from transforms.quotes import extract_quotes

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SHARED_GOLD = SHARED / "samples" / "gold.jsonl"
BUNDLED_GOLD = Path(__file__).resolve().parents[2] / "samples" / "gold.jsonl"


def _quotes(*texts: str, byline: tuple[str, ...] = ()) -> list[Quote]:
    return list(extract_quotes([Paragraph(i, "body", t) for i, t in enumerate(texts)], byline))


def _pairs(*texts: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in _quotes(*texts)]


def test_named_speaker_offsets_and_role_from_appositive() -> None:
    text = "Maria Keller, director of the Northgate Carers' Forum, said the plan was \u2018far too timid'."
    [quote] = _quotes(text)
    assert (quote.speaker, quote.text, quote.resolution) == ("Maria Keller", "far too timid", "named")
    assert text[quote.start : quote.end] == quote.text
    assert (quote.speaker_role, quote.speaker_org) == ("director", "Northgate Carers' Forum")


def test_pronoun_surname_and_follow_on_resolve_to_the_full_name() -> None:
    quotes = _quotes(
        "Dr Owen Tarrant, a GP in Fernley, said practices were struggling.",
        "He said: \u2018We can't keep absorbing the cost of the PCT's decisions.'",
        "\u2018Something has to give,\u2019 Dr Tarrant said.",
        "\u2018Patients will notice within a year.\u2019",
    )
    assert [(q.speaker, q.resolution) for q in quotes] == [
        ("Owen Tarrant", "pronoun"),
        ("Owen Tarrant", "surname"),
        ("Owen Tarrant", "follow_on"),
    ]
    # Apostrophes inside words (can't, PCT's) do not end the quote.
    assert quotes[0].text == "We can't keep absorbing the cost of the PCT's decisions."
    assert quotes[1].text == "Something has to give,"


def test_pronoun_goes_to_the_latest_speaker_not_the_first() -> None:
    pairs = _pairs(
        "Ruth Abbey, who runs the clinic, said demand had doubled.",
        "But Councillor Simon Fray disagreed. \u201cThe figures don't show that,\u201d he said.",
    )
    assert pairs == [("Simon Fray", "The figures don't show that,")]


def test_unnamed_sources_become_descriptions() -> None:
    pairs = _pairs(
        'A Transport Ministry spokeswoman said: "We are reviewing every option."',
        "A spokesman for the harbour board added: 'No decision has been taken yet.'",
        "\u201cIt was chaos,\u201d one local resident said.",
    )
    assert pairs == [
        ("Transport Ministry spokeswoman", "We are reviewing every option."),
        ("harbour board spokesman", "No decision has been taken yet."),
        ("local resident", "It was chaos,"),
    ]


def test_quote_split_by_its_attribution_gives_two_quotes() -> None:
    pairs = _pairs(
        "\u201cIf the money arrives,\u201d Dana Whitlock, chair of the trust, told the meeting, "
        "\u201cwe can open the ward by spring.\u201d"
    )
    assert pairs == [
        ("Dana Whitlock", "If the money arrives,"),
        ("Dana Whitlock", "we can open the ward by spring."),
    ]


def test_inverted_attribution_and_sentence_after_the_quote() -> None:
    pairs = _pairs(
        "The scheme had been rushed, said Professor Lena Ortiz. \u2018Nobody asked the nurses.\u2019",
        "\u201cWe were never consulted.\u201d Mr Harry Bloom said.",
    )
    assert pairs == [("Lena Ortiz", "Nobody asked the nurses."), ("Harry Bloom", "We were never consulted.")]


def test_job_in_lower_case_before_the_name_after_the_verb() -> None:
    pairs = _pairs(
        "\u201cNobody wants a strike,\u201d said union president Luis Aranda.",
        "\u201cWe will appeal,\u201d said county spokesman Bob Hale.",
    )
    assert pairs == [("Luis Aranda", "Nobody wants a strike,"), ("Bob Hale", "We will appeal,")]


def test_name_with_two_appositives_before_the_verb() -> None:
    pairs = _pairs(
        "Sarah Blenkin, head of Moorside Primary, one of the pilot schools, said the change "
        "had been \u201cquietly transformative\u201d."
    )
    assert pairs == [("Sarah Blenkin", "quietly transformative")]


def test_speech_verbs_and_an_elided_article_before_a_job_in_romance_languages() -> None:
    italian = "L’ingegnera Chiara Montaldi, responsabile della viabilità, ha spiegato che le lesioni sono"
    italian += " «compatibili con un cedimento della fondazione»."
    assert _pairs(italian) == [("Chiara Montaldi", "compatibili con un cedimento della fondazione")]
    spanish = "«No hay otra manera de llegar a septiembre», dijo Adela Montcada en Madrid."
    assert _pairs(spanish) == [("Adela Montcada", "No hay otra manera de llegar a septiembre")]
    # French guillemets spaced from the words, a pronoun after the verb.
    french = ["« Cette fois, j'ai tout monté à l'étage », a déclaré Jane Doe."]
    french += ["« Nous ne sommes pas prêts », poursuit-elle."]
    assert _pairs(*french) == [
        ("Jane Doe", "Cette fois, j'ai tout monté à l'étage"),
        ("Jane Doe", "Nous ne sommes pas prêts"),
    ]
    # A conjunction before the next verb is no speaker.
    conjunction = "Le directeur, Jean Dupont, a reconnu que la situation est « la pire de la décennie » et a"
    conjunction += " ajouté que des camions ont été envoyés."
    assert _pairs(conjunction) == [("Jean Dupont", "la pire de la décennie")]


def test_german_quotes_open_low_and_a_compound_job_before_the_name_is_not_part_of_it() -> None:
    german = "„Wir haben zwei Verhandlungsrunden hinter uns“, sagte GVD-Verhandlungsführerin Dilara Kaymaz."
    assert _pairs(german) == [("Dilara Kaymaz", "Wir haben zwei Verhandlungsrunden hinter uns")]
    job = "„Ein ganzer Tag ohne Bahn trifft vor allem Pendler“, sagte Abteilungsleiter Ole Brandt."
    assert _pairs(job) == [("Ole Brandt", "Ein ganzer Tag ohne Bahn trifft vor allem Pendler")]
    # "sagt sie": the pronoun after the verb is the speaker named before.
    pronoun = "Spediteurin Sabine Kaymaz rechnet mit Mehrkosten. „Das bezahlt mir kein Kunde“, sagt sie."
    assert _pairs(pronoun) == [("Sabine Kaymaz", "Das bezahlt mir kein Kunde")]


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        (
            "Installateur Fatima Dekker ziet kansen. ‘Nu komen we één keer per jaar langs’, zegt Dekker.",
            "Fatima Dekker",
            "Nu komen we één keer per jaar langs",
        ),
        (
            "„Była wymagająca, ale sprawiedliwa” – wspomina Agnieszka Nowak, która śpiewała w chórze.",
            "Agnieszka Nowak",
            "Była wymagająca, ale sprawiedliwa",
        ),
        (
            "“We'd like to see it kept standing,” said Coun Stewart Pike.",
            "Stewart Pike",
            "We'd like to see it kept standing,",
        ),
        (
            "“Two hours is the difference between calm and panic,” said Ir Farid Yusof, the project lead.",
            "Farid Yusof",
            "Two hours is the difference between calm and panic,",
        ),
        (
            "«Vi gir oss ikke. Dette er ikke over,» sier Arne Kvalvik.",
            "Arne Kvalvik",
            "Vi gir oss ikke. Dette er ikke over,",
        ),
        (
            "„Lom tu živí spoustu rodin,“ dodala Jitka Machalová z Podskalí.",
            "Jitka Machalová",
            "Lom tu živí spoustu rodin,",
        ),
    ],
)
def test_dutch_and_polish_speech_verbs_and_an_engineers_and_a_councillors_titles(
    text: str, speaker: str, quote: str
) -> None:
    assert _pairs(text) == [(speaker, quote)]


def test_a_priests_and_a_council_chairs_titles_are_no_part_of_their_names() -> None:
    assert _pairs("“Tuesday was sacred,” said Fr Eamon Tierney.") == [
        ("Eamon Tierney", "Tuesday was sacred,")
    ]
    chair = "“We have talked about this since 2014,” said Cathaoirleach Niamh Gallagher."
    assert _pairs(chair) == [("Niamh Gallagher", "We have talked about this since 2014,")]


def test_a_described_subject_named_after_a_comma_and_a_bracket_after_the_name() -> None:
    after = '"We have 300 engineers out," said the company\'s operations director, Alasdair Feeney.'
    assert _pairs(after) == [("Alasdair Feeney", "We have 300 engineers out,")]
    before = "Cllr Priya Atwal (Lib Dem, Fen North), who voted against, said the committee was put"
    before += ' in "an impossible position" by the lack of a plan.'
    assert _pairs(before) == [("Priya Atwal", "an impossible position")]


def test_quoted_term_between_an_article_and_a_noun_is_not_speech() -> None:
    pairs = _pairs(
        "Erik Sandvik said the forum wanted a \u201cconnect and manage\u201d approach to the grid.",
        "Ms Reed said the plan was \u201cfar too slow\u201d and would be fought.",
    )
    assert pairs == [("Reed", "far too slow")]


def test_organisation_with_commas_in_its_name() -> None:
    pairs = _pairs(
        'A spokesman for the Department for Children, Schools and Families said: "We welcome it."',
        'A spokeswoman for the council, which runs the scheme, said: "No decision has been taken."',
    )
    assert pairs == [
        ("Department for Children, Schools and Families spokesman", "We welcome it."),
        ("council spokeswoman", "No decision has been taken."),
    ]


def test_given_name_after_the_full_name_resolves_to_it() -> None:
    # Tabloid style: "Maureen said" after "Maureen Tolley, 71, ..." (the only Maureen).
    pairs = _pairs(
        "Maureen Tolley, 71, bought the card from a newsagent in the village.",
        "\u2018I nearly put it in the recycling,\u2019 Maureen said.",
    )
    assert pairs == [("Maureen Tolley", "I nearly put it in the recycling,")]


def test_a_club_named_like_a_person_is_not_a_given_name_reference() -> None:
    pairs = _pairs(
        "Kinross Rovers beat Dunmore Athletic 2-1 on Saturday.",
        "Dunmore boss Gordon Pirie was left to rue his side's missed chances. "
        "\u2018We should have been three up at half-time,\u2019 he said.",
    )
    assert pairs == [("Gordon Pirie", "We should have been three up at half-time,")]


def test_organisation_and_lower_case_job_before_the_name_after_the_verb() -> None:
    pairs = _pairs("\u2018That\u2019s what he does,\u2019 said Rovers manager Stevie McAllister.")
    assert pairs == [("Stevie McAllister", "That\u2019s what he does,")]


def test_portfolio_before_the_name_is_not_part_of_it() -> None:
    pairs = _pairs("Minister for Housing Declan Furlong said: \u201cThat has to end this year.\u201d")
    assert pairs == [("Declan Furlong", "That has to end this year.")]


def test_an_organisation_after_of_is_not_a_portfolio() -> None:
    pairs = _pairs(
        "Professor Daniel Hurst of the Centre for Urban Wildlife, who was not involved, said more "
        "data was needed. \u201cIt\u2019s a careful piece of work,\u201d he said."
    )
    assert pairs == [("Daniel Hurst", "It\u2019s a careful piece of work,")]


def test_given_name_that_is_also_a_word_before_a_surname() -> None:
    pairs = _pairs(
        "Bill Haroldsen, whose family has grown apples for four generations, was an early customer.",
        '"I was skeptical, I\'ll admit it," Haroldsen said.',
    )
    assert pairs == [("Bill Haroldsen", "I was skeptical, I'll admit it,")]


@pytest.mark.parametrize(
    "descriptor", ["Mother-of-two", "Co-author", "Newsagent", "Pensioner", "Principal", "Cr", "Forecaster"]
)
def test_descriptor_before_the_name_is_not_part_of_it(descriptor: str) -> None:
    pairs = _pairs(f"{descriptor} Harjit Sandhu said: \u201cThe whole street is buzzing.\u201d")
    assert pairs == [("Harjit Sandhu", "The whole street is buzzing.")]


def test_a_name_opening_a_sentence_is_a_person_when_a_pronoun_follows() -> None:
    # "Marlene" is no known given name; the "she" after it shows a person, not a place.
    pairs = _pairs(
        "Edwin Halloway founded the plant in 1931. \u201cIt was hard,\u201d he said.",
        "Marlene Dufresne has worked there for 33 years. \u201cThere were three shifts,\u201d she said.",
    )
    assert pairs == [("Edwin Halloway", "It was hard,"), ("Marlene Dufresne", "There were three shifts,")]


def test_a_job_then_the_name_between_commas_opens_the_sentence() -> None:
    # "he" is the chair named in the previous paragraph, not the survey respondent quoted before.
    pairs = _pairs(
        'One respondent described the market as "a race to the bottom".',
        "The network's chair, Graham Oyelaran, blamed the booking websites. "
        '"Pharmacists are professionals, not casual labour," he said.',
    )
    assert pairs[-1] == ("Graham Oyelaran", "Pharmacists are professionals, not casual labour,")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("«No tenemos otra opción», explicó la alcaldesa Marta Ibáñez.", "Marta Ibáñez"),
        ("« Nous n\u2019avons pas le choix », explique le maire Jean Dupont.", "Jean Dupont"),
        ('"Non abbiamo scelta", ha detto il sindaco Marco Rossi.', "Marco Rossi"),
        ("«Não temos escolha», disse o presidente da câmara, João Silva.", "João Silva"),
        ("«No hay otra», dijo la ministra de Sanidad, Carolina Darias, en Madrid.", "Carolina Darias"),
    ],
)
def test_a_role_after_another_languages_article_goes_before_the_name(text: str, speaker: str) -> None:
    [(name, _)] = _pairs(text)
    assert name == speaker


def test_a_given_name_a_particle_and_a_surname_are_one_name_and_the_surname_resolves_to_it() -> None:
    pairs = _pairs(
        "Pieter van Wyk runs the depot. \u201cWe lost a week,\u201d he said.",
        "\u201eWir m\u00fcssen handeln\u201c, sagte Ursula von der Leyen.",
        "\u201cNobody called us,\u201d Van Wyk added.",
    )
    assert pairs == [
        ("Pieter van Wyk", "We lost a week,"),
        ("Ursula von der Leyen", "Wir m\u00fcssen handeln"),
        ("Pieter van Wyk", "Nobody called us,"),
    ]


def test_a_particle_after_two_names_or_a_word_is_a_preposition() -> None:
    pairs = _pairs(
        "\u201cWe hebben de palen,\u201d zei Marieke Oosterbroek van Kreekhoek Energie.",
        "Originaire de Rennes, Sophie Marchal dit: \u00ab Je refuse du monde. \u00bb",
    )
    assert pairs == [
        ("Marieke Oosterbroek", "We hebben de palen,"),
        ("Sophie Marchal", "Je refuse du monde."),
    ]


@pytest.mark.parametrize(
    ("texts", "speaker"),
    [
        (
            ["\u201cNiemand vindt dit leuk,\u201d zei sportwethouder Marjolein Tuinstra."],
            "Marjolein Tuinstra",
        ),
        (["Burgemeester Ria Bakema was boos.", "\u201cWij gaan ons beraden,\u201d zegt ze."], "Ria Bakema"),
        (["\u00abVaig obrir la primera caixa\u00bb, recorda Jordi Casademunt."], "Jordi Casademunt"),
        (
            ["Oskar Lindfors gjorde tre m\u00e5l. \u201dJag bara sk\u00f6t\u201d, s\u00e4ger han."],
            "Oskar Lindfors",
        ),
        (["Mette Hansen er vred. \u00bbVi har ikke f\u00e5et svar\u00ab, siger hun."], "Mette Hansen"),
        (["\u201eHat évig dolgoztam ezért\u201d \u2013 mondta Fenyvesi Lajos."], "Fenyvesi Lajos"),
        (["\u201cDebit air naik sangat cepat,\u201d kata Heru Wibisono."], "Heru Wibisono"),
        (["\u201eSrpanj nam je bio dobar\u201c, rekao je Dražen Lulić."], "Dražen Lulić"),
    ],
)
def test_verbs_pronouns_jobs_and_quote_marks_of_other_languages(texts: list[str], speaker: str) -> None:
    [(name, _)] = _pairs(*texts)
    assert name == speaker


def test_the_end_of_a_longer_name_given_before_is_that_person() -> None:
    pairs = _pairs(
        "Efraín Solís Manzanero, biólogo del centro, habló ayer con los pescadores.",
        "\u00abLa veda no es un capricho\u00bb, dijo Solís Manzanero.",
    )
    assert pairs == [("Efraín Solís Manzanero", "La veda no es un capricho")]


def test_a_paragraph_opened_by_a_dash_is_a_quote_up_to_its_attribution_and_goes_on_below() -> None:
    pairs = _pairs(
        "Oskar Lindfors gjorde tre mål i derbyt.",
        "\u2013 Jag vet inte vad som hände. Jag bara sköt, och sen låg jag under laget, säger Lindfors.",
        "\u2013 Nu ska vi förbereda kvalet.",
    )
    assert pairs == [
        ("Oskar Lindfors", "Jag vet inte vad som hände. Jag bara sköt, och sen låg jag under laget,"),
        ("Oskar Lindfors", "Nu ska vi förbereda kvalet."),
    ]


def test_a_dash_list_under_no_quote_is_no_speech() -> None:
    assert _pairs("The results in brief:", "\u2013 Sales rose 4%, to £2.1bn.", "\u2013 Costs fell.") == []


def test_a_conjunction_opening_the_sentence_is_no_part_of_the_name() -> None:
    assert quotes._person_from_run("Quan Jordi Casademunt") == ("name", ("Jordi", "Casademunt"), ("Quan",))


def test_the_spokeswoman_is_the_one_described_before() -> None:
    pairs = _pairs(
        "A Harlan Grain spokeswoman said the cooperative was \u201cdevastated\u201d.",
        "Mayor Jo Pike said the town would help.",
        "\u201cOur focus is on the families,\u201d the spokeswoman said.",
    )
    assert pairs == [
        ("Harlan Grain spokeswoman", "devastated"),
        ("Harlan Grain spokeswoman", "Our focus is on the families,"),
    ]


def test_nested_quote_is_part_of_the_outer_span() -> None:
    [quote] = _quotes('Jo Pratt said: \u2018The letter asked, "Who pays?". Nobody answered.\u2019')
    assert quote.text == 'The letter asked, "Who pays?". Nobody answered.'


def test_multi_paragraph_quote_runs_to_the_end_of_its_paragraph() -> None:
    pairs = _pairs(
        'Alan Crewe told the inquiry: "The pumps failed twice that week.',
        '"After the second failure we stopped using them."',
    )
    assert pairs == [
        ("Alan Crewe", "The pumps failed twice that week."),
        ("Alan Crewe", "After the second failure we stopped using them."),
    ]


def test_scare_quotes_titles_and_document_phrases_are_not_speech() -> None:
    pairs = _pairs(
        "The plan covers the so-called 'back-room' services and a new 'hub' model.",
        "The review, titled \u2018Care Nearer Home\u2019, was published on Monday.",
        "Inspectors rated the unit as 'requires improvement' in their report.",
        "Eva Lind said she accepted the board's ruling that there was no risk of \u2018market failure\u2019.",
        "A survey found most staff felt 'undervalued and ignored'.",
        "The practice was advised to \u2018review its rota urgently\u2019.",
    )
    assert pairs == []


def test_short_partial_quote_of_speech_counts() -> None:
    pairs = _pairs("Eva Lind said the union wanted an \u2018urgent meeting\u2019 with ministers.")
    assert pairs == [("Eva Lind", "urgent meeting")]


def test_plural_possessive_inside_a_quote_does_not_close_it() -> None:
    [quote] = _quotes("'The patients' needs come first,' said Nina Shah.")
    assert quote.text == "The patients' needs come first,"


def test_byline_author_is_never_the_speaker() -> None:
    quotes = _quotes(
        "Mark Ellery reports from the conference.",
        "'This is the busiest winter we have seen,' he said.",
        byline=("Mark Ellery",),
    )
    assert quotes == []


def test_no_quotes_in_plain_text_and_empty_input() -> None:
    assert _pairs("The trust's board met on Tuesday and didn't vote.") == []
    assert extract_quotes([]) == ()


def _gold_f1(path: Path) -> float:
    hits = predicted = expected = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not record.get("is_article", True):
            continue
        texts = [t for t in (record.get("body") or "").split("\n\n") if t.strip()]
        got = [(q.speaker, " ".join(q.text.split())) for q in _quotes(*texts, byline=tuple(record["byline"]))]
        gold = [(q["speaker"], " ".join(q["text"].split())) for q in record.get("quotes") or []]
        expected += len(gold)
        predicted += len(got)
        for pair in got:
            if pair in gold:
                gold.remove(pair)
                hits += 1
    precision, recall = hits / max(predicted, 1), hits / max(expected, 1)
    return 2 * precision * recall / (precision + recall) if hits else 0.0


@pytest.mark.shared
def test_shared_samples_f1() -> None:
    if not SHARED_GOLD.is_file():
        pytest.skip(f"{SHARED_GOLD} absent (../shared is not part of a clone)")
    assert _gold_f1(SHARED_GOLD) >= 0.93


def test_bundled_samples_f1() -> None:
    if not BUNDLED_GOLD.is_file():
        pytest.skip(f"{BUNDLED_GOLD} absent")
    assert _gold_f1(BUNDLED_GOLD) >= 0.93


@pytest.mark.parametrize(
    ("corpus", "floor"),
    [
        ("unseen", 0.93),
        ("unseen2", 0.86),
        ("unseen3", 0.82),
        ("unseen4", 0.82),
        ("unseen5", 0.82),
        ("unseen6", 0.86),
        ("unseen7", 0.89),
        ("unseen8", 0.83),
        ("unseen9", 0.89),
        ("unseen10", 0.92),
        ("unseen11", 0.87),
        ("unseen12", 0.72),
        ("unseen13", 0.85),
        ("unseen14", 0.77),
        ("unseen15", 0.72),
        ("unseen16", 0.72),
        ("unseen17", 0.81),
        ("unseen18", 0.74),
        ("unseen19", 0.86),
        ("unseen20", 0.81),
        ("unseen21", 0.79),
        ("unseen22", 0.83),
        ("unseen23", 0.8),
        ("unseen24", 0.78),
        ("unseen25", 0.86),
        ("unseen26", 0.84),
        ("unseen27", 0.74),
        ("unseen28", 0.77),
        ("unseen29", 0.82),
        ("unseen30", 0.8),
        ("unseen31", 0.85),
        ("unseen32", 0.74),
        ("unseen33", 0.7),
        ("unseen34", 0.7),
        ("unseen35", 0.63),
        ("unseen36", 0.55),
        ("unseen37", 0.69),
        ("unseen38", 0.67),
        ("unseen39", 0.7),
        ("unseen40", 0.63),
        ("unseen41", 0.64),
        ("unseen42", 0.78),
        ("unseen43", 0.64),
        ("unseen44", 0.7),
        ("unseen45", 0.68),
        ("unseen46", 0.48),
        ("unseen47", 0.57),
        ("unseen48", 0.75),
        ("unseen49", 0.8),
        ("unseen50", 0.75),
        ("unseen51", 0.68),
        ("unseen52", 0.8),
        ("unseen53", 0.77),
        ("unseen54", 0.74),
        ("unseen55", 0.74),
        ("unseen56", 0.8),
        ("unseen57", 0.7),
        ("unseen58", 0.7),
        ("unseen59", 0.24),
        ("unseen60", 0.77),
        ("unseen61", 0.76),
        ("unseen62", 0.88),
        # Session 18's rounds, scored as they came (no quote rule changed): French guillemets with
        # spaces inside, Finnish dash-led speech and Czech quotes keep unseen66 and unseen64 low.
        ("unseen63", 0.85),
        ("unseen64", 0.73),
        ("unseen65", 0.85),
        ("unseen66", 0.55),
        ("unseen67", 0.84),
        ("unseen68", 0.78),
        ("unseen69", 0.74),
        ("unseen70", 0.73),
        ("unseen71", 0.83),
        ("unseen72", 0.64),
    ],
)
def test_blind_corpora_f1(corpus: str, floor: float) -> None:
    # Written by helpers that never saw this code (samples/README.md); first scores 0.912, 0.768
    # and 0.842 (unseen3, not tuned on), 0.769 (unseen4, then 0.847: a club taken for a person's
    # given name, an organisation or portfolio before a name), 0.846 (unseen5's HTML pages, not
    # tuned on), 0.873 (unseen6, the final check; 0.882 once an organisation after "of" was no
    # longer a portfolio), 0.869 (unseen7, session 7; 0.944 once "Its chef, X, arrived" made X the
    # subject and "the spokeswoman" the one described before), 0.845 (unseen8; 0.856 with more job
    # words: "Forecaster X said"), 0.874 (unseen9, the session's final check, scored once), 0.932
    # (unseen10, the last check, scored once; then "Cr" and "Principal" before names: 0.913 and
    # 0.948), 0.892 and 0.743 (unseen11 and unseen12, session 8: German and French quotes are not
    # read, "spokeswoman for X" is written out where the rules say "X spokeswoman"), 0.871 (unseen13:
    # Spanish and Portuguese quotes not read), 0.791 (unseen14, scored once: single curly marks
    # that are also apostrophes, "Captain"/"Cllr" titles, speakers named as "the 21-year-old"); the rules
    # fixed on the first two since: 0.956, 0.886. 0.748 (unseen15, session 9: German quotes),
    # 0.743 (unseen16), 0.836 (unseen17, scored once), 0.762 (unseen18, scored once), 0.883
    # (unseen19, session 10, scored once), 0.836 (unseen20, scored once), 0.813 (unseen21, the last check),
    # 0.845 (unseen22, session 11, scored once; code unchanged), 0.821 (unseen23, scored once),
    # 0.807 (unseen24, the last check), 0.887 (unseen25, written at the session's end), 0.865
    # (unseen26, session 12, scored once), 0.728 (unseen27: Italian and French quotes not read;
    # then French, Spanish, Italian, Portuguese and German speech verbs: 0.765), 0.730 (unseen28;
    # then "said the company's director, X" and a bracket after a name: 0.797), 0.847 (unseen29,
    # the last check, scored once), 0.818 (unseen30, session 13, scored once: German „…“ quotes were
    # not read; then they are, with German compound job titles before names: 0.847), 0.852
    # (unseen31, scored once; then German quotes and conjunctions in other languages: 0.885), 0.651
    # (unseen32, the last check, scored once; then "sagt sie", "Fr" and "Cathaoirleach": 0.763),
    # 0.721 (unseen33, written at the session's end, scored once; nothing changed for it), 0.688
    # (unseen34, session 14, scored once: Dutch and Polish quotes not read; then they are, with
    # Dutch and Polish job titles before names and "Ir" as a title: 0.728), 0.631 (unseen35,
    # scored once; then "Coun" as a title: 0.658), 0.561 (unseen36, the last check, scored once;
    # nothing changed for it: Spanish, German and French speakers named after the quote), 0.695
    # (unseen37, scored once; nothing changed for it), 0.679 (unseen38, the last check, scored once),
    # 0.709 (unseen39, written at the session's very end), 0.639 (unseen40, session 15, scored
    # once: Norwegian, Czech and Spanish speakers named after the verb and an aside are not read;
    # then Scandinavian and Czech speech verbs: 0.655), 0.643 (unseen41, scored once), 0.780
    # (unseen42, scored once), 0.641 (unseen43, scored once), 0.704 (unseen44), 0.683
    # (unseen45), 0.483 (unseen46, the last round: German, Spanish, Polish and Welsh speakers
    # named after the quote), 0.571 (unseen47, written at the session's very end), 0.698
    # (unseen48, session 16: Dutch, Catalan, Swedish and Greek speakers; then their verbs,
    # pronouns and quote marks: 0.754), 0.742 (unseen49; then the end of a longer name given
    # before: 0.828), 0.623 (unseen50; then dash-led quotes, Finnish, Romanian and Turkish verbs:
    # 0.765), 0.671 (unseen51; then Hungarian, Croatian, Indonesian and Vietnamese verbs: 0.693),
    # 0.795 (unseen52, written at the session's end; then 0.816), 0.774 (unseen53, then 0.788),
    # 0.723 (unseen54, then 0.746); session 17, nothing changed for quotes: 0.741, 0.810, 0.702,
    # 0.702, 0.248 (unseen59: Russian, Serbian, Greek, Hindi, Japanese, Korean, Chinese and
    # Arabic speech verbs are not read), 0.772, 0.761, 0.885.
    assert _gold_f1(BUNDLED_GOLD.parent / corpus / "gold.jsonl") >= floor


def test_lower_casing_keeps_offsets_and_word_boundaries_except_for_the_case_fold_oddities() -> None:
    """What the fast speech-verb and document-noun checks rely on, over all of Unicode."""
    everything = "".join(map(chr, range(0x110000)))
    word = re.compile(r"\w")
    changed = [
        c
        for c in everything
        if c.lower() != c and (len(c.lower()) != 1 or bool(word.match(c)) != bool(word.match(c.lower())))
    ]
    ascii_alike = set(re.findall("[a-z]", everything, re.IGNORECASE)) - set(string.ascii_letters)
    assert {*changed, *ascii_alike} == set(quotes._CASE_FOLD_ODDITIES)
    for oddity in quotes._CASE_FOLD_ODDITIES:
        assert re.fullmatch(oddity.translate(quotes._ASCII_FOLD), oddity, re.IGNORECASE)


@pytest.mark.parametrize(
    "text",
    [
        "Unsaid things, she SAID, and Pointed \t out what the chief Added; according  to him.",
        "The \u017fpokesman \u017faid no, then \u212aept on: he points out.",
        "addsaid said_ said1 _said sai d \u00e9said said\u00e9 Said.",
        "\u00e9 said \u00e9-said \u00e9\u00e9 told, \u00c9told",
        "He said_ x; she SAID. Pointed\x1c\x1dout, chimed\x0b in; goes\r\non, went on-",
        "",
    ],
)
def test_speech_verb_search_matches_the_plain_pattern(text: str) -> None:
    expected = [(m.span(), m[0].lower()) for m in quotes._SPEECH_VERB.finditer(text)]
    assert [(m.span(), m[0].lower()) for m in quotes._speech_verbs(text)] == expected


@pytest.mark.parametrize("verbs", [quotes._SPEECH_VERBS, ("pointed", "pointed out", "points out", "point")])
def test_speech_verb_tree_matches_the_longest_verb_like_the_alternation(verbs: tuple[str, ...]) -> None:
    tree = re.compile(rf"\b{quotes._phrase_tree(verbs)}\b")
    alternation = re.compile(rf"\b(?:{quotes._alternation(verbs)})\b")
    for verb in verbs:
        for text in (verb, f"{verb}s", f"{verb} out.", f"x {verb}\t\tout", f"{verb}-on"):
            text = text.replace(" ", "  ")
            assert [m.span() for m in tree.finditer(text)] == [m.span() for m in alternation.finditer(text)]


@pytest.mark.parametrize(
    "segment",
    ["", "  ", "word", "he said ,", "x -- ' ", "a - b", "no words ,,, - ", "O'Brien\u2019s -"]
    + ["caf\u00e9 said\n", "\n", "-'-", "word ,,-,", "Dr Jo X, 54,", "the mayor \u2014 "],
)
def test_trailing_word_matches_the_plain_search(segment: str) -> None:
    expected = quotes._TRAILING_WORD.search(segment)
    got = quotes._trailing_word(segment)
    assert (got and (got.span(), got.span(1))) == (expected and (expected.span(), expected.span(1)))


def test_runs_of_two_capitalised_words_are_those_of_the_plain_run_pattern() -> None:
    text = "U.S officials and Anglo-French Ltd met O'Neil, Dr Jo Ann X.Y and \u00c9mile Zola-Smith's Co  Ltd."
    text += " In A B, Pat-Lee Q met Jo."
    runs = [m.span() for m in quotes._CAPITAL_RUN.finditer(text) if " " in m[0]]
    assert [m.span() for m in quotes._CAPITAL_RUN_OF_TWO.finditer(text)] == runs


@pytest.mark.parametrize("text", ["Dr. Smith", "He met J. Smith", "x\n.", "Ltd.", ".", "A.", "the St\n. x"])
def test_abbreviation_check_matches_the_plain_pattern(text: str) -> None:
    for end in range(len(text) + 1):
        expected = quotes._ABBREVIATION_BEFORE.search(text, max(0, end - quotes._LOOKBEHIND), end)
        assert quotes._abbreviation_before(text, end) == bool(expected)


@pytest.mark.parametrize(("verb", "names"), [("said", []), ("\u017faid", []), ("big", ["Jo Smith"])])
def test_opening_names_stop_at_a_speech_verb_as_the_pattern_reads_it(verb: str, names: list[str]) -> None:
    assert [m.text for m in quotes._opening_names(f"Then {verb} Dr Jo Smith went home.")] == names


def test_ascii_word_characters_and_spaces_are_the_unicode_ones_on_ascii_text() -> None:
    """What the ASCII speech-verb pattern relies on."""
    for c in map(chr, range(128)):
        assert bool(re.match(r"\w", c)) == bool(re.match(r"\w", c, re.ASCII))
        assert bool(re.match(r"\s", c)) == bool(re.match(quotes._ASCII_SPACE, c, re.ASCII))


def test_speech_verbs_are_lower_case_and_start_with_an_ascii_letter() -> None:
    """The fast speech-verb search assumes it (see `_SPEECH_VERB_LOWER` and `_SPEECH_VERB_START`)."""
    assert all(verb == verb.lower() and verb[0].isascii() for verb in quotes._SPEECH_VERBS)


@pytest.mark.parametrize("text", ["", " - ", "one", "one two", "don't stop", "a b c", "\u2019twas - it ..."])
def test_word_threshold_matches_the_word_count(text: str) -> None:
    for n in range(1, 5):
        assert quotes._has_words(text, n) == (quotes._word_count(text) >= n)


def test_surname_resolves_to_a_full_name_given_only_after_the_last_quote() -> None:
    pairs = _pairs(
        "\u201cWe will win the cup this year,\u201d Okafor said.",
        "The club meets again in May.",
        "Ngozi Okafor, who has coached the team since 2019, plans to stay.",
    )
    assert pairs == [("Ngozi Okafor", "We will win the cup this year,")]
    # ...and a byline name met there is still never a speaker.
    quotes_with_author = _quotes(
        "\u201cWe will win the cup this year,\u201d Okafor said.",
        "Ngozi Okafor reported from Lagos.",
        byline=("Ngozi Okafor",),
    )
    assert [q.speaker for q in quotes_with_author] == []
