"""Families read off the fifth everyday held-out set (tests/dates/data/broad_everyday5.tsv), each shown
on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.dates import dated

PUB = dt.date(2025, 11, 19)  # a Wednesday, ISO week 47


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    return dated(text, published)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Vendredi 21 : soirée jeux à la ludothèque.", "Vendredi 21", "2025-11-21"),
        ("Mardi 25 : conférence sur la biodiversité.", "Mardi 25", "2025-11-25"),
    ],
)
def test_agenda_weekday_and_day_before_a_colon(text, span, value):
    assert (span, value) in values(text)


def test_weekday_and_clock_time_keeps_the_weekday_alone():
    assert values("Samedi 22:30, feu d'artifice.") == [("Samedi", "2025-11-22")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("- 04/12 : réunion des délégués", [("04/12", "2025-12-04")]),
        ("| 10/12 | Assemblée générale | amphi B |", [("10/12", "2025-12-10")]),
        ("• 08/01 – reprise ; • 15/01 : examens", [("08/01", "2026-01-08"), ("15/01", "2026-01-15")]),
    ],
)
def test_day_and_month_heading_a_list_item(text, found):
    assert values(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Le taux de réussite est de 10/12 au concours.",
        "- 3/4 : part des adhérents satisfaits",
        "Il a noté l'exposé 15/20 : bon travail.",
    ],
)
def test_fractions_and_marks_are_no_list_dates(text):
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Le T3 a bénéficié d'une forte demande.", [("T3", "2025-Q3")]),
        ("Le T1 sera moins bon que le T2.", [("T1", "2026-Q1"), ("T2", "2026-Q2")]),
        ("Les objectifs du S1 sont atteints.", [("S1", "2025-H1")]),
    ],
)
def test_short_quarter_with_article(text, found):
    assert values(text) == found


@pytest.mark.parametrize("text", ["Le T2 desservira la nouvelle gare.", "Ils louent un T4 en ville."])
def test_tram_lines_and_flats_are_no_quarters(text):
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Il y a un siècle, la digue était construite.", "Il y a un siècle", "1925"),
        ("Il y a trois décennies, la ville comptait deux usines.", "Il y a trois décennies", "1995"),
        ("Il y a soixante ans, la première pierre était posée.", "Il y a soixante ans", "1965"),
    ],
)
def test_counted_centuries_decades_and_tens_ago(text, span, value):
    assert (span, value) in values(text)


def test_uncounted_decades_ago_stay_vague():
    assert all(v == "PAST_REF" for _, v in values("Il y a plusieurs décennies, le port était actif."))


def test_month_after_du_and_au():
    assert ("mois dernier", "2025-10") in values("Le bilan du mois dernier est publié.")
    assert ("mois prochain", "2025-12") in values("La décision est reportée au mois prochain.")


def test_next_season_when_it_has_begun():
    # read in mid-November, autumn has begun: the next one is the following year's
    assert ("l'automne prochain", "2026-FA") in values("Le gymnase rouvrira à l'automne prochain.")
    assert ("l'hiver prochain", "2025-WI") in values("Le refuge sera gardé l'hiver prochain.")


def test_from_today_is_the_day():
    assert ("aujourd'hui", "2025-11-19") in values("Les tarifs s'appliquent à compter d'aujourd'hui.")
    assert ("aujourd'hui", "2025-11-19") in values("La vente est ouverte à partir d'aujourd'hui.")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Le contrat de ville 2024/2030 a été signé.", "2024/2030", "2024..2030"),
        ("Les comptes des exercices 2021 à 2023 ont été certifiés.", "2021 à 2023", "2021..2023"),
        ("Les éditions 2018 à 2020 ont attiré 9 000 visiteurs.", "2018 à 2020", "2018..2020"),
    ],
)
def test_year_ranges_named_by_a_plan_or_plural_noun(text, span, value):
    assert (span, value) in values(text)


def test_fraction_of_years_without_plan_stays_out():
    assert values("Le ratio 2024/2030 est publié.") == []


def test_access_code_is_no_year():
    assert values("Digicode de l'immeuble : 1984.") == []
    assert ("1804", "1804") in values("Le Code civil de 1804 a été plusieurs fois réformé.")
