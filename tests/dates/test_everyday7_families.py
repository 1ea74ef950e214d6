"""Families read off the seventh everyday held-out set (tests/dates/data/broad_everyday7.tsv), each shown
on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.dates import dated

PUB = dt.date(2027, 10, 20)  # a Wednesday


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    return dated(text, published)


# -- a day in words followed by "prochain" / "dernier" -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Le banquet des anciens aura lieu le douze décembre prochain.",
            [("douze décembre prochain", "2027-12-12")],
        ),
        ("Le marché a été attribué le trois mars dernier.", [("trois mars dernier", "2027-03-03")]),
        ("Rendez-vous le premier février prochain en mairie.", [("premier février prochain", "2028-02-01")]),
    ],
)
def test_written_day_with_prochain_or_dernier(text, found):
    assert values(text) == found


# -- the new date of a moved event or of a judgment: ahead, whatever the auxiliary's tense ------------
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("La cour a mis son arrêt en délibéré au 4 février.", [("4 février", "2028-02-04")]),
        ("Le jugement a été mis en délibéré au 12 janvier.", [("12 janvier", "2028-01-12")]),
        ("Le récital, reporté en mars, se tiendra à l'église.", [("mars", "2028-03")]),
        ("La braderie a été décalée en février à cause des travaux.", [("février", "2028-02")]),
    ],
)
def test_moved_or_deliberated_dates_lie_ahead(text, found):
    assert values(text) == found


def test_moved_in_for_a_reason_is_no_cue():
    found = values("Le match, reporté en raison du gel, s'est finalement joué le 2 mars.")
    assert found == [("2 mars", "2027-03-02")]


# -- the first or last months of a named year: a range of months ----------------------------------------
@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Sur les six premiers mois de l'année, les ventes reculent.",
            [("six premiers mois de l'année", "2027-01..2027-06")],
        ),
        (
            "Les trois derniers mois de 2026 ont été portés par l'export.",
            [("trois derniers mois de 2026", "2026-10..2026-12")],
        ),
        (
            "Au cours des 8 premiers mois de l'année 2025, le trafic a crû.",
            [("8 premiers mois de l'année 2025", "2025-01..2025-08")],
        ),
    ],
)
def test_first_or_last_months_of_a_year(text, found):
    assert values(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Les douze derniers mois ont été difficiles pour la filière.",
        "Les trois premiers mois du contrat sont gratuits.",
    ],
)
def test_months_of_no_named_year_are_durations(text):
    assert values(text) == []


# -- a lone capital letter before a number: a code ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "La locomotive Y 2031 est classée monument historique.",
        "Le bateau-école porte l'immatriculation K 2029 depuis sa refonte.",
        "La rame V 2027 rejoindra le dépôt.",
    ],
)
def test_number_after_a_code_letter_is_no_year(text):
    assert all(text_ not in ("2031", "2029", "2027") for text_, _ in values(text))


def test_year_at_sentence_start_after_a_capital_is_kept():
    assert values("Objectif : A 2030, le réseau sera entièrement rénové.") == [("2030", "2030")]


# -- a verb of the date's own clause beats one across a comma ------------------------------------------
@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Le salon, dont la session d'automne se termine le 28 novembre, a déjà reçu 9 000 visiteurs.",
            [("28 novembre", "2027-11-28")],
        ),
        ("L'exposition s'achève le 3 janvier, a précisé la directrice.", [("3 janvier", "2028-01-03")]),
        ("Le 2 octobre, le conseil a adopté le budget.", [("2 octobre", "2027-10-02")]),
    ],
)
def test_the_dates_own_clause_decides_its_tense(text, found):
    assert values(text) == found
