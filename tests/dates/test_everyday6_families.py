"""Families read off the sixth everyday held-out set (tests/dates/data/broad_everyday6.tsv), each shown
on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates.repair import repair
from tests.support.dates import dated

PUB = dt.date(2027, 2, 10)  # a Wednesday
MARCH = dt.date(2027, 3, 2)


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    return dated(text, published)


# -- typing slips: glued or split parts of a date -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("La braderie aura lieu le 20juin place du Marché.", [("20juin", "2027-06-20")]),
        ("Clôture des candidatures le 5 octobre2027.", [("5 octobre2027", "2027-10-05")]),
        ("Les ateliers reprennent le1er mars.", [("1er mars", "2027-03-01")]),
        ("Le colloque se tiendra du 8 au10 avril.", [("du 8 au10 avril", "2027-04-08..2027-04-10")]),
        ("Assemblée générale : jeudi25 mars.", [("jeudi25 mars", "2027-03-25")]),
        ("Vide-greniers le 1 er mai.", [("1 er mai", "2027-05-01")]),
        ("Réouverture le 1ier juillet.", [("1ier juillet", "2027-07-01")]),
        ("Date du conseil : 09 / 03 / 2027.", [("09 / 03 / 2027", "2027-03-09")]),
        ("Atelier le ven.12 mars.", [("ven.12 mars", "2027-03-12")]),
        ("Signature prévue le 3 janv.2028.", [("3 janv.2028", "2028-01-03")]),
    ],
)
def test_typing_slips_are_mended(text, found):
    assert values(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "La salle 12marsupilami est fermée.",  # no month name once the word goes on
        "Le code 4mai2 ne fonctionne plus.",
        "Le rapport 1 er trimestre est paru.",  # a split ordinal without a month
    ],
)
def test_no_slip_repair_inside_other_words(text):
    assert values(text) == []


def test_clean_text_is_not_rewritten():
    assert repair("Le forum aura lieu le 12 mars 2027.") is None


# -- Belgian, Swiss and Quebec feasts ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Les guichets resteront fermés le 1er de l'an.", [("1er de l'an", "2028-01-01")]),
        ("Le défilé de la Saint-Jean-Baptiste partira du parc.", [("la Saint-Jean-Baptiste", "2027-06-24")]),
        ("La fête du Canada sera célébrée au bord du fleuve.", [("La fête du Canada", "2027-07-01")]),
        ("La fête nationale suisse sera fêtée au bord du lac.", [("La fête nationale suisse", "2027-08-01")]),
        ("La fête nationale belge donnera lieu à un défilé.", [("La fête nationale belge", "2027-07-21")]),
        ("Le Jeûne fédéral sera observé dans le canton.", [("Jeûne fédéral", "2027-09-19")]),
        ("La procession de la Fête-Dieu partira de la cathédrale.", [("la Fête-Dieu", "2027-05-27")]),
    ],
)
def test_regional_feasts(text, found):
    assert values(text) == found


def test_first_of_the_year_is_not_read_in_first_of_a_longer_word():
    assert ("1er de l'an", "2028-01-01") not in values("Le 1er de l'année scolaire est chargé.")


# -- non-dates: a year inside a model's name or a building regulation ------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Le garage expose la Mégane 2027 Iconic dans son hall.",
        "Les logements neufs respectent la RE 2020 depuis leur conception.",
        "Le bâtiment a été rénové selon la RT 2012.",
    ],
)
def test_year_in_a_name_or_a_norm_is_no_date(text):
    assert not any(v.startswith(("2027", "2020", "2012")) and len(v) == 4 for _, v in values(text))


# -- tense: a moved event's new date, an obligation, "passé le" ------------------------------------
@pytest.mark.parametrize(
    ("text", "published", "found"),
    [
        ("Le procès a été renvoyé au 12 mai.", PUB, [("12 mai", "2027-05-12")]),
        ("La séance a été reportée au 3 février.", PUB, [("3 février", "2027-02-03")]),
        ("Le concert a été avancé au 20 mars.", PUB, [("20 mars", "2027-03-20")]),
        ("Le formulaire doit être retourné avant le 31 décembre.", MARCH, [("31 décembre", "2027-12-31")]),
        ("Les pièces doivent parvenir au plus tard le 31/12.", MARCH, [("31/12", "2027-12-31")]),
        ("Passé le 30 avril, les inscriptions seront closes.", PUB, [("30 avril", "2027-04-30")]),
        ("Le rapport, publié le 12 janvier, a été salué.", PUB, [("12 janvier", "2027-01-12")]),
    ],
)
def test_tense_of_moved_dates_obligations_and_passe_le(text, published, found):
    assert values(text, published) == found


# -- "le week-end du 13 mars": the weekend of that day ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Le tournoi se jouera le week-end du 13 mars.", [("week-end du 13 mars", "2027-W10-WE")]),
        ("Le week-end du samedi 5 juin 2027, fête.", [("week-end du samedi 5 juin 2027", "2027-W22-WE")]),
        ("La semaine du 15 mars sera chargée.", [("La semaine du 15 mars", "2027-03-15")]),
    ],
)
def test_weekend_of_a_day(text, found):
    assert values(text) == found
