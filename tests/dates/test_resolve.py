"""Resolution: publication date, tense, "dernier"/"prochain", context years, reference dates.

Sentences written for the test; publication date Tuesday 12 March 2024 unless stated.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import extract_dates
from pipeline.dates.lexicon import lower
from pipeline.dates.resolve import Context, easter, iso_week, nth_weekday, two_digit_year

P = dt.date(2024, 3, 12)  # a Tuesday


def values(text: str, published: dt.date | None = P) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_dates(text, published)]


# ---------------------------------------------------------------------------- tense
@pytest.mark.parametrize(
    "text, value",
    [
        ("La conférence a eu lieu le 20 novembre à Genève.", "2023-11-20"),
        ("La conférence aura lieu le 20 novembre à Genève.", "2024-11-20"),
        ("La délégation s'est rendue à Rome le 2 décembre.", "2023-12-02"),
        ("La délégation va se rendre à Rome le 2 décembre.", "2024-12-02"),
        ("Le dépôt des dossiers est prévu le 28 février.", "2025-02-28"),
        ("Elle est arrivée le 28 février à Paris.", "2024-02-28"),
    ],
)
def test_yearless_day_follows_the_tense(text: str, value: str) -> None:
    assert values(text)[0][1] == value


def test_weak_cue_does_not_move_a_date_by_a_year() -> None:
    # an imparfait near the date ("devait") is too weak to send "2 avril" to last year
    assert values("La remise du rapport devait intervenir le 2 avril.") == [("2 avril", "2024-04-02")]


def test_no_tense_prefers_the_nearest_date_with_a_future_prior() -> None:
    assert values("Élections municipales : premier tour le 10 mars.") == [("10 mars", "2024-03-10")]
    assert values("Journée portes ouvertes : 7 octobre.") == [("7 octobre", "2024-10-07")]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Il a été élu le 6 mai dernier.", "2023-05-06"),
        ("Il a été élu le 10 mars dernier.", "2024-03-10"),
        ("Il reviendra le 6 mai prochain.", "2024-05-06"),
        ("Les résultats de décembre dernier étaient bons.", "2023-12"),
        ("Le vote aura lieu en janvier prochain.", "2025-01"),
        ("Le vote aura lieu en juin prochain.", "2024-06"),
        ("L'hiver dernier fut doux.", "2023-WI"),
    ],
)
def test_dernier_prochain(text: str, value: str) -> None:
    assert values(text)[0][1] == value


def test_months_keep_the_publication_year_unless_the_tense_is_clear() -> None:
    assert values("En novembre, le conseil a adopté le plan.") == [("novembre", "2023-11")]
    assert values("En novembre, le conseil adoptera le plan.") == [("novembre", "2024-11")]
    assert values("Les soldes de juillet attirent les foules.") == [("juillet", "2024-07")]


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("Le maire a signé mardi le permis.", P, "2024-03-12"),  # the publication's own weekday
        ("Le maire a signé jeudi le permis.", P, "2024-03-07"),
        ("Le maire signera jeudi le permis.", P, "2024-03-14"),
        ("Concert gratuit samedi au parc.", dt.date(2024, 3, 11), "2024-03-09"),  # nearest: 2 days back
        ("Concert gratuit samedi au parc.", dt.date(2024, 3, 13), "2024-03-16"),  # 4 back, 3 ahead
        ("Concert gratuit samedi au parc.", dt.date(2024, 3, 14), "2024-03-16"),
        ("Très décevante samedi, l'équipe doit réagir.", dt.date(2024, 3, 18), "2024-03-16"),
    ],
)
def test_weekdays(text: str, published: dt.date, value: str) -> None:
    assert values(text, published)[0][1] == value


def test_a_written_weekday_chooses_the_year_of_a_yearless_date() -> None:
    # 7 June is a Saturday in 2025, not in 2024
    assert values("Rendez-vous le samedi 7 juin pour la fête du quartier.") == [
        ("samedi 7 juin", "2025-06-07")
    ]


def test_tense_cues() -> None:
    def tense(text: str, word: str) -> int:
        i = text.index(word)
        return Context(text, lower(text), P).tense(i, i + len(word)).direction

    assert tense("Le ministre a annoncé lundi un plan.", "lundi") == -1
    assert tense("Le ministre annoncera lundi un plan.", "lundi") == 1
    assert tense("Le ministre va annoncer lundi un plan.", "lundi") == 1
    assert tense("Les ministres se sont réunis lundi.", "lundi") == -1
    assert tense("Le ministre annonce lundi un plan.", "lundi") == 0
    assert tense("Les élèves étaient en classe lundi.", "lundi") == -1
    assert tense("Le maire a déjà signé lundi le permis.", "lundi") == -1
    assert tense("Le maire a un avis sur lundi.", "lundi") == 0


# ---------------------------------------------------------------------------- context years
def test_yearless_date_takes_the_year_written_before_it_in_the_sentence() -> None:
    text = "En 2018, la France a lancé sa stratégie ; le 29 mars, le président l'a présentée."
    assert values(text) == [("2018", "2018"), ("29 mars", "2018-03-29")]


def test_a_year_describing_something_else_gives_no_year() -> None:
    text = "Créée en 1998, l'association organise le 15 juin sa fête annuelle."
    assert values(text) == [("1998", "1998"), ("15 juin", "2024-06-15")]


def test_relative_year_gives_its_year_to_the_sentence() -> None:
    text = "Le congrès de l'an prochain se tiendra à Lille, sans doute en février."
    assert values(text) == [("l'an prochain", "2025"), ("février", "2025-02")]


def test_context_year_is_ignored_when_the_tense_contradicts_it() -> None:
    text = "Le texte, adopté en 2022, entrera en vigueur en juillet."
    assert values(text) == [("2022", "2022"), ("juillet", "2024-07")]


def test_no_publication_date_borrows_the_year_of_a_full_date_of_the_document() -> None:
    text = (
        "Les ministres ont annoncé le 3 octobre la création d'un fonds.\n\n"
        "Le fonds a été présenté lors du forum des 3 et 4 octobre 2022 à Dakar."
    )
    assert values(text, None) == [
        ("3 octobre", "2022-10-03"),
        ("3", "2022-10-03"),
        ("4 octobre 2022", "2022-10-04"),
    ]


def test_no_publication_date_prefers_the_closest_dated_month() -> None:
    text = "La réunion du 14 juin a préparé le forum, créé en 2017, qui se tiendra fin novembre 2021."
    assert values(text, None)[0] == ("14 juin", "2021-06-14")


def test_unknown_year_after_all_context() -> None:
    assert values("La réunion du 14 juin a permis d'avancer.", None) == [("14 juin", "XXXX-06-14")]
    assert values("Les musées sont gratuits en juillet.", None) == [("juillet", "XXXX-07")]


def test_no_publication_date_relative_dates_are_vague() -> None:
    text = "Hier, le ministre a parlé. Demain, il signera. L'an dernier, rien. Samedi, une fête."
    assert values(text, None) == [
        ("Hier", "PAST_REF"),
        ("Demain", "FUTURE_REF"),
        ("L'an dernier", "PAST_REF"),
        ("Samedi", "XXXX-WXX-6"),
    ]


# ---------------------------------------------------------------------------- calendar helpers
@pytest.mark.parametrize(
    "year, day",
    [(2000, dt.date(2000, 4, 23)), (2019, dt.date(2019, 4, 21)), (2024, dt.date(2024, 3, 31)),
     (2025, dt.date(2025, 4, 20)), (1999, dt.date(1999, 4, 4))],
)  # fmt: skip
def test_easter(year: int, day: dt.date) -> None:
    assert easter(year) == day


def test_easter_holidays() -> None:
    assert values("L'Ascension 2024 tombe un jeudi.") == [("L'Ascension 2024", "2024-05-09")]
    assert values("La Pentecôte 2024 sera fériée.") == [("La Pentecôte 2024", "2024-05-19")]


def test_iso_weeks_across_new_year() -> None:
    assert iso_week(dt.date(2021, 1, 2)) == "2020-W53"
    assert values("Le comité s'est réuni cette semaine.", dt.date(2021, 1, 2)) == [
        ("cette semaine", "2020-W53")
    ]


def test_nth_weekday() -> None:
    assert nth_weekday(2024, 9, 1, 1) == dt.date(2024, 9, 2)
    assert nth_weekday(2024, 10, 7, -1) == dt.date(2024, 10, 27)
    assert nth_weekday(2024, 2, 4, 5) == dt.date(2024, 2, 29)
    assert nth_weekday(2024, 2, 5, 5) is None


def test_two_digit_year_pivot() -> None:
    assert two_digit_year(97, dt.date(1999, 1, 1)) == 1997
    assert two_digit_year(5, dt.date(1999, 1, 1)) == 2005
    assert two_digit_year(30, dt.date(2024, 1, 1)) == 2030
    assert two_digit_year(45, dt.date(2024, 1, 1)) == 1945
