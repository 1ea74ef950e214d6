"""Families read off the fourth everyday held-out set (tests/dates/data/broad_everyday4.tsv), each shown
on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.dates import dated

PUB = dt.date(2025, 3, 12)  # a Wednesday, ISO week 11


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    return dated(text, published)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Un forum aura lieu à la Journée mondiale de la santé.", "mondiale de la santé", "2025-04-07"),
        ("La Journée internationale des forêts réunira 80 marcheurs.", "des forêts", "2025-03-21"),
        ("Les boutiques du centre attendent le Black Friday.", "Black Friday", "2025-11-28"),
        ("Le Black Friday 2026 tombera en novembre.", "Black Friday 2026", "2026-11-27"),
        ("Les collectes seront décalées la semaine de Noël.", "semaine de Noël", "2025-W52"),
        ("Le centre sera fermé la semaine de l'Ascension.", "semaine de l'Ascension", "2025-W22"),
    ],
)
def test_observances_and_holiday_weeks(text, span, value):
    assert any(span in t and v == value for t, v in values(text)), values(text)


def test_father_christmas_is_no_date():
    assert values("Le Père Noël arrivera en calèche sur la place.") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("La note de synthèse, datée du 4 February 2025, a été diffusée.", "4 February 2025", "2025-02-04"),
        ("Le salon new-yorkais ouvrira le October 14.", "October 14", "2025-10-14"),
        ("Le fonds a été créé en November 2023.", "November 2023", "2023-11"),
        ("Le bureau rouvrira le Tuesday 8 April.", "Tuesday 8 April", "2025-04-08"),
        ("Les résultats seront publiés en September.", "September", "2025-09"),
        ("La foire de Valence débutera le 12 de octubre.", "12 de octubre", "2025-10-12"),
    ],
)
def test_foreign_month_names(text, span, value):
    assert (span, value) in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "La Première ministre britannique Theresa May a démissionné.",
        "La chanteuse April March se produira au théâtre.",
        "Le film « Mayo » est projeté au ciné-club.",
    ],
)
def test_foreign_month_words_alone_are_no_dates(text):
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("La consommation de 11/2024 a été anormalement élevée.", "11/2024", "2024-11"),
        ("Les subventions porteront sur 2026 et 2027.", "2026", "2026"),
        ("La réhabilitation couvrira la période 2027/2030.", "2027/2030", "2027..2030"),
    ],
)
def test_numeric_month_years_and_year_pairs(text, span, value):
    assert (span, value) in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "La délibération n° 04/2025 a été annulée.",
        "Le rapport compte 40 pages et 2030 notes de bas de page.",
        "Le vol KL 1998 a atterri avec une heure de retard.",
        "Le feuilleton « Dimanche » a été tourné à Brémonde.",
        "La révolution de Juillet est au programme des lycéens.",
        "Le référendum sur 2000 communes a été contesté par 2030 élus.",
    ],
)
def test_codes_counts_and_titles_are_no_dates(text):
    assert values(text) == []


def test_capitalised_month_after_a_time_noun_stays_a_month():
    assert ("Juillet", "2025-07") in values("Les soldes de Juillet commenceront plus tôt.")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Les commandes ont reculé au début du trimestre.", "début du trimestre", "2025-Q1"),
        ("Le bilan sera dressé à la fin du semestre.", "fin du semestre", "2025-H1"),
        ("Le rallye partira le premier week-end de mai.", "le premier week-end de mai", "2025-W18-WE"),
        (
            "La kermesse aura lieu le dernier week-end de juin 2026.",
            "le dernier week-end de juin 2026",
            "2026-W26-WE",
        ),
        ("Jadis, le hameau comptait une école.", "Jadis", "PAST_REF"),
        ("La halle servait autrefois de marché aux grains.", "autrefois", "PAST_REF"),
    ],
)
def test_quarter_parts_nth_weekends_and_past_refs(text, span, value):
    assert (span, value) in values(text)


def test_nth_weekend_of_every_month_is_a_rule():
    assert values("Le club se réunit le premier week-end de chaque mois.") == []


def test_legal_text_date_lends_no_year():
    text = "Le décret n° 2022-410 du 3 mai 2022 s'applique depuis le 1er février."
    assert ("1er février", "2025-02-01") in values(text)


def test_explicit_year_still_lent_outside_legal_texts():
    assert ("5 février", "2022-02-05") in values(
        "Le chantier a démarré le 3 mai 2022 et le 5 février suivant..."
    )


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Les ventes ouvriront le 2 et fermeront le 20 mai.", "2", "2025-05-02"),
        ("Le stage commencera le 27 et finira le 4 janvier 2026.", "27", "2025-12-27"),
    ],
)
def test_bare_day_takes_the_month_of_the_next_clause(text, span, value):
    assert (span, value) in values(text)
