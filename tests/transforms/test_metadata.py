from datetime import date

import pytest

from transforms.metadata import parse_date, published_date_in, split_byline, split_title


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 March 2019", date(2019, 3, 4)),
        ("March 4, 2019", date(2019, 3, 4)),
        ("2019-03-04", date(2019, 3, 4)),
        ("2019-03-04T10:32:00Z", date(2019, 3, 4)),
        ("Mon 4 Mar 2019 10:32 GMT", date(2019, 3, 4)),
        ("2007 November 3", date(2007, 11, 3)),
        ("Lancet Weekly. 2011 June 9; 12(3): 44.", date(2011, 6, 9)),
        ("Sept. 5, 2020", date(2020, 9, 5)),
        ("5th of May 2001", date(2001, 5, 5)),
        ("Posted 31/12/2018 at 09:00", date(2018, 12, 31)),
        ("12/31/2018", date(2018, 12, 31)),
        ("June 2010", date(2010, 6, 1)),
        ("First published on: 03-03-2023 at 21:40 IST", date(2023, 3, 3)),
        ("15 de agosto de 2023", date(2023, 8, 15)),
        ("sexta-feira, 22 de outubro de 2010 às 20:13", date(2010, 10, 22)),
        ("1er mai 2020", date(2020, 5, 1)),
        ("15. März 2023", date(2023, 3, 15)),
        ("Martedì 12 aprile 2016", date(2016, 4, 12)),
        ("3 maart 2021", date(2021, 3, 3)),
        ("22 okt. 2022 om 07:45", date(2022, 10, 22)),
        ("março de 2021", date(2021, 3, 1)),
        ("22. 2. 2024 10:14, aktualizováno 22. 2. 2024 13:02", date(2024, 2, 22)),
        ("2024. 02. 22. 14:10", date(2024, 2, 22)),
        ("12 października 2023, 06:00", date(2023, 10, 12)),
        ("22. února 2024", date(2024, 2, 22)),
        ("7. elokuuta 2024", date(2024, 8, 7)),
        ("Sabtu, 17 Agustus 2024", date(2024, 8, 17)),
        ("Yayınlanma: 15 Nisan 2024 Pazartesi 10:42", date(2024, 4, 15)),
        ("15 aprilie 2024", date(2024, 4, 15)),
        ("2024. április 15. 10:42", date(2024, 4, 15)),
        ("3 Chwefror 2025 | Diweddarwyd 5 Chwefror 2025", date(2025, 2, 3)),
        ("16 березня 2024, 09:40", date(2024, 3, 16)),
        ("15 май 2024 г., 10:42 ч.", date(2024, 5, 15)),
        ("Jumatano, Julai 17, 2024 — 06:30", date(2024, 7, 17)),
        ("الثلاثاء ١٢ مارس ٢٠٢٤ - ٠٩:١٥ ص", date(2024, 3, 12)),
        ("18. јула 2023. у 11:42", date(2023, 7, 18)),
        ("Δημοσιεύθηκε: Τρίτη, 3 Οκτωβρίου 2023, 10:15", date(2023, 10, 3)),
        ("प्रकाशित: 8 नवंबर 2023, 07:30 PM IST", date(2023, 11, 8)),
    ],
)
def test_parse_date_formats(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["no date here", "Chapter 42", "31 Febtober 2019", "2019-02-30", "Our score: 8.5/10"]
)
def test_parse_date_rejects_non_dates(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_takes_the_first_date_in_the_line() -> None:
    assert parse_date("First published 2 May 2012, last modified 3 June 2013") == date(2012, 5, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Jane Doe and Ravi Patel, Health Correspondent", ["Jane Doe", "Ravi Patel"]),
        ("Jane Doe in London", ["Jane Doe"]),
        ("Written by Tom Fell | Senior Editor", ["Tom Fell"]),
        ("By Mary-Ann O'Neil & Jean de la Fontaine", ["Mary-Ann O'Neil", "Jean de la Fontaine"]),
        ("By Sam Lee, @samlee", ["Sam Lee"]),
        ("By Staff Reporter", []),
        ("Reporter: Dale Okafor-Reyes", ["Dale Okafor-Reyes"]),
        ("By JANE DOE Associated Wire", ["Jane Doe"]),
        ("Story: Lydia Fenn; Photos: Marcus Bell", ["Lydia Fenn"]),
        ("Posted on 3rd February 2025 by Jude Hall", ["Jude Hall"]),
        ("Reviewed by Thandi Moko", ["Thandi Moko"]),
        ("By Corinne Abernathy, University Communications", ["Corinne Abernathy"]),
        ("Luíza Fontenelle, De Porto Alegre", ["Luíza Fontenelle"]),
        ("Answered by Marguerite Osei-Lindqvist", ["Marguerite Osei-Lindqvist"]),
        ("Show notes by Tomasz Reinholt", ["Tomasz Reinholt"]),
        ("By Ana De Souza", ["Ana De Souza"]),
        ("by Ilse Varga, Tarnwick University", ["Ilse Varga"]),
        ("Tom Davies Associated Press", ["Tom Davies"]),
        ("Propos recueillis par Mathieu Roussillon", ["Mathieu Roussillon"]),
        ("Par Claire Vautrin et Julien Marsac", ["Claire Vautrin", "Julien Marsac"]),
        ("Von Anna Berg und Karl Stein", ["Anna Berg", "Karl Stein"]),
        ("By John E Smith", ["John E Smith"]),
        ("Testo di Chiara Fenucci – Ufficio Stampa e Comunicazione", ["Chiara Fenucci"]),
        ("Rozmawiała: Katarzyna Fenowska", ["Katarzyna Fenowska"]),
        ("Penulis: Rini Fenanti | Editor: Bagus Hartanto", ["Rini Fenanti"]),
        ("By Denise Fenwick-Blaine Friday, January 19, 2024 - 06:00", ["Denise Fenwick-Blaine"]),
        ("By science reporter Declan Fen-Hughes and Mei-Lin Tanaka", ["Declan Fen-Hughes", "Mei-Lin Tanaka"]),
        ("Gan Elin Pritchard", ["Elin Pritchard"]),
        ("Ein Kommentar von Henrike Fenwick", ["Henrike Fenwick"]),
        ("Par Clémence Fenwick-Roy (Montferrand-sur-Lys, envoyée spéciale)", ["Clémence Fenwick-Roy"]),
        ("Per Laia Fenoll i Pep Solà", ["Laia Fenoll", "Pep Solà"]),
        ("Av Henrik Fennqvist och Elin Berg", ["Henrik Fennqvist", "Elin Berg"]),
        ("Per Fennqvist", ["Per Fennqvist"]),
        ("Af Mette Kjær Fenwick og Jonas Riis", ["Mette Kjær Fenwick", "Jonas Riis"]),
        ("Publicat de Ioana Fenescu", ["Ioana Fenescu"]),
        ("Piše: Marina Fenić", ["Marina Fenić"]),
        ("Deur Annelie Fenwick", ["Annelie Fenwick"]),
        ("Avtorica: Tina Fenko", ["Tina Fenko"]),
        ("Rapport ta' Rebekah Fenech", ["Rebekah Fenech"]),
        ("Gan Elin Haf Fenwick, Gohebydd Democratiaeth Leol", ["Elin Haf Fenwick"]),
        ("By Danielle Fenwick and Malik Brandt Keystone Press Service", ["Danielle Fenwick", "Malik Brandt"]),
        ("By Jo Fenwick The Associated Press", ["Jo Fenwick"]),
        ("Автор: Десислава Фенова", ["Десислава Фенова"]),
        ("Mwandishi: Rehema Fenwa, Mbuyuni", ["Rehema Fenwa"]),
        ("بقلم: ريم الصافي", ["ريم الصافي"]),
        ("מאת רותם גלעדי", ["רותם גלעדי"]),
        ("本报记者 林晓 通讯员 周朗", ["林晓", "周朗"]),
        ("文・写真\u3000宮園千尋記者（汐浦支局）", ["宮園千尋"]),
        ("정민재 기자 jmj@example.com", ["정민재"]),
        ("Аутор: Јелена Марковић", ["Јелена Марковић"]),
        ("Συντάκτης: Γιώργος Παπαδάκης", ["Γιώργος Παπαδάκης"]),
        ("लेखक: प्रियंका मिश्रा | संपादित: अनुराग त्रिपाठी", ["प्रियंका मिश्रा"]),
        ("٤ ١٬٢٨٣ دقيقتان للقراءة", []),
        ("엘제이의 리벤지인가, 류화영의 코스프레인가", []),  # a Korean standfirst's two questions
        ("By [Ada Lovell](/authors/ada-lovell/) and [29]Tom Reeve", ["Ada Lovell", "Tom Reeve"]),
        ("", []),
    ],
)
def test_split_byline(text: str, expected: list[str]) -> None:
    assert split_byline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Nell Ashworth December 6, 2017", ["Nell Ashworth"]),
        ("Priya Varma - Nov 19, 2019, 10:31 pm CST", ["Priya Varma"]),
        ("By Omar Haddad | 4 March 2019", ["Omar Haddad"]),
        ("Submitted by Omar Haddad on Fri, 03/05/2024 - 10:00", ["Omar Haddad"]),
        ("By Jane Sun, 4 May 2024", ["Jane Sun"]),
    ],
)
def test_split_byline_stops_at_a_date(text: str, expected: list[str]) -> None:
    assert split_byline(text) == expected


def test_the_section_before_the_site_name_is_not_part_of_the_headline() -> None:
    title = "In Kolvanagar, an old cinema hall gets a second act | Culture News - The Daily Lantern"
    assert split_title(title) == ("In Kolvanagar, an old cinema hall gets a second act", "The Daily Lantern")


def test_first_published_as_a_time_after_the_update_is_the_same_day() -> None:
    assert published_date_in("Updated July 22 2021 - 4:41pm, first published 11:30am") == date(2021, 7, 22)
    assert published_date_in("Updated 16:51 | Published 09:12, 14 November 2019") == date(2019, 11, 14)


def test_a_separator_right_after_a_closing_guillemet_ends_the_headline() -> None:
    # " » - Site": the "»" closes a quotation; the site name follows the last separator.
    title = "Jane Doe : « Une hausse, nous ne pourrons pas l'absorber » - La Revue du Fournil"
    headline = "Jane Doe : « Une hausse, nous ne pourrons pas l'absorber »"
    assert split_title(title) == (headline, "La Revue du Fournil")


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Vilaclara · Dimarts, 18 de març de 2025, 07.00 h · Actualitzat a les 12.35 h", date(2025, 3, 18)),
        ("Donderdag 23 Januarie 2025", date(2025, 1, 23)),
        ("6 ta' Ottubru 2025 | 09:30", date(2025, 10, 6)),
        ("14. oktoober 2025, 17:05", date(2025, 10, 14)),
        ("16. oktobris, 2025 11:42", date(2025, 10, 16)),
        ("Publicerad 9 februari 2025 kl. 21.47 · Uppdaterad 10 februari 2025 kl. 08.12", date(2025, 2, 9)),
    ],
)
def test_a_dateline_after_a_place_and_before_an_update_in_other_languages(line: str, published: date) -> None:
    assert published_date_in(line) == published


def test_a_name_beside_the_date_and_a_reading_time_is_the_byline_whatever_the_given_name() -> None:
    from transforms.metadata import _head_line

    names, found, _ = _head_line("Thandeka Fenwick  ·  12 June 2024  ·  4 min read")
    assert (names, found) == (("Thandeka Fenwick",), date(2024, 6, 12))
