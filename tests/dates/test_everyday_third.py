"""Rules added after measuring the third broad everyday set (broad_everyday3.tsv): each on sentences
written for the rule, against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import extract_dates
from pipeline.dates.written import words_to_number, year_in_words


def values(text: str, published: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value, m.end_value) for m in extract_dates(text, dt.date.fromisoformat(published))]


# ---------------------------------------------------------------------------- dates in words
@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("mille neuf cent quatre-vingt-dix-sept", 1997),
        ("deux mille vingt-quatre", 2024),
        ("mil huit cent soixante et onze", 1871),
        ("deux mille", 2000),
    ],
)
def test_number_words(words: str, number: int) -> None:
    assert words_to_number(words) == number
    assert year_in_words(words) == number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Délibéré à Corvigny, le vingt-deux avril deux mille vingt-six.",
            [("vingt-deux avril deux mille vingt-six", "2026-04-22", None)],
        ),
        ("L'assemblée se réunira le dix-huit juin.", [("dix-huit juin", "2026-06-18", None)]),
        ("Rendez-vous samedi neuf mai au stade.", [("samedi neuf mai", "2026-05-09", None)]),
        (
            "Le moulin a cessé son activité en mille neuf cent trente.",
            [("mille neuf cent trente", "1930", None)],
        ),
        (
            "Le village a reçu l'électricité vers l'an mil neuf cent vingt.",
            [("l'an mil neuf cent vingt", "1920", None)],
        ),
    ],
)
def test_dates_written_in_words(text: str, expected: list) -> None:
    assert values(text, "2026-04-15") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Les deux mai se sont succédé sans incident.",  # a count of months, no article of a day
        "Le tirage atteint en deux mille exemplaires par semaine.",  # a quantity, not a year
    ],
)
def test_words_that_are_no_dates(text: str) -> None:
    found = values(text, "2026-04-15")
    assert not any("deux" in t for t, _, _ in found), found


# ---------------------------------------------------------------------------- short forms
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Arbitrages budgétaires : fin T3.", "2026-04-15", ("fin T3", "2026-Q3", None)),
        ("La marge du T1 s'est redressée.", "2026-04-15", ("T1", "2026-Q1", None)),
        ("Appel d'offres : mars-avr. 2027.", "2026-04-15", ("mars-avr. 2027", "2027-03", "2027-04")),
        ("Fermeture hivernale : déc.-févr. 2027.", "2026-04-15", ("déc.-févr. 2027", "2026-12", "2027-02")),
        ("Mise en service au 1er sem. 2027.", "2026-04-15", ("1er sem. 2027", "2027-H1", None)),
        ("Le retable du XIVe s. a été classé.", "2026-04-15", ("XIVe s.", "13XX", None)),
    ],
)
def test_abbreviated_periods(text: str, published: str, expected: tuple) -> None:
    assert expected in values(text, published)


def test_a_tram_line_or_a_flat_is_no_quarter() -> None:
    assert values("Les voyageurs du T3 patientent. Un T2 du quartier est à louer.", "2026-04-15") == []


# ---------------------------------------------------------------------------- periods of the calendar
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Les recettes du mois écoulé sont stables.", "2026-04-15", ("mois écoulé", "2026-03")),
        ("Le rapport de l'année écoulée a été adopté.", "2026-02-03", ("l'année écoulée", "2025")),
        (
            "La rétrospective de l'année écoulée sera diffusée le 30.",
            "2026-12-04",
            ("l'année écoulée", "2026"),
        ),
        ("Les agents seront mobilisés toute la semaine.", "2026-04-15", ("la semaine", "2026-W16")),
        ("La fête foraine restera installée tout le week-end.", "2026-04-15", ("le week-end", "2026-W16-WE")),
        (
            "Le jury siègera la première semaine de juillet.",
            "2026-04-15",
            ("la première semaine de juillet", "2026-W27"),
        ),
        (
            "Les stages auront lieu la dernière semaine d'août.",
            "2026-04-15",
            ("la dernière semaine d'août", "2026-W35"),
        ),
        ("L'usine a été bâtie au siècle dernier.", "2026-04-15", ("siècle dernier", "19XX")),
        (
            "Le calendrier de l'année scolaire prochaine est connu.",
            "2026-04-15",
            ("l'année scolaire prochaine", "2026"),
        ),
        (
            "Les effectifs de l'année scolaire en cours progressent.",
            "2026-10-01",
            ("l'année scolaire en cours", "2026"),
        ),
    ],
)
def test_calendar_periods(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in [(t, v) for t, v, _ in values(text, published)]


def test_school_year_is_a_range_of_two_years() -> None:
    assert values("Les tarifs de l'année universitaire prochaine baissent.", "2026-10-01") == [
        ("l'année universitaire prochaine", "2027", "2028")
    ]


def test_a_whole_week_in_the_present_is_every_week() -> None:
    assert values("La médiathèque est ouverte toute la semaine.", "2026-04-15") == []


# ---------------------------------------------------------------------------- seasons and rentrée
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("La piscine sera vidée en plein hiver.", "2026-04-15", [("hiver", "2026-WI", None)]),
        (
            "La prochaine rentrée comptera trois classes de plus.",
            "2026-10-01",
            [("La prochaine rentrée", "2027-09", None)],
        ),
        ("La réunion de la rentrée est fixée en conseil.", "2026-04-15", [("la rentrée", "2026-09", None)]),
        ("Le quatuor a joué « L'Hiver » en rappel.", "2026-04-15", []),
    ],
)
def test_seasons_and_rentree(text: str, published: str, expected: list) -> None:
    assert values(text, published) == expected


# ---------------------------------------------------------------------------- feasts
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Un marché aux fleurs est prévu pour la fête des Mères.", "2026-04-15", "2026-05-31"),
        ("Un marché aux fleurs est prévu pour la fête des Mères.", "2023-04-15", "2023-06-04"),  # Pentecost
        ("Les pêcheurs offriront un repas à la fête des Pères.", "2026-04-15", "2026-06-21"),
        ("Le carillon sonnera le samedi saint.", "2026-03-02", "2026-04-04"),
        # no tense: the coming feast, not the one nine months back
        ("Le bal de la Saint-Sylvestre affiche complet.", "2026-04-15", "2026-12-31"),
        (
            "Les guirlandes posées pour Noël restent en place.",
            "2026-01-10",
            "2025-12-25",
        ),  # only weeks behind
    ],
)
def test_feasts(text: str, published: str, expected: str) -> None:
    assert [v for _, v, _ in values(text, published)] == [expected]


# ---------------------------------------------------------------------------- streets and participles
def test_a_street_after_an_elided_article_is_no_date() -> None:
    assert values("Le cortège partira de l'avenue du 11-Novembre.", "2026-04-15") == []
    # "l'école dès octobre": "dès" folds to "des", yet a school is no street here
    assert values("Les ateliers reprendront à l'école dès octobre 27.", "2026-04-15") == [
        ("octobre 27", "2027-10", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le rapport (remis le 12/03) sera publié en juin.", "2026-03-12"),
        ("La note, parue le 2 avril, sera commentée demain.", "2026-04-02"),
    ],
)
def test_an_irregular_past_participle_dates_its_day_in_the_past(text: str, expected: str) -> None:
    assert values(text, "2026-04-15")[0][1] == expected
