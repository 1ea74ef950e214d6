"""Rules added after measuring the second everyday set (tests/dates/data/broad_everyday2.tsv): each on
sentences written for the rule, against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import extract_dates


def found(text: str, published: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value, m.mod) for m in extract_dates(text, dt.date.fromisoformat(published))]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "voici" is "il y a"; a hedge may stand before the count; a round count is APPROX
        ("Le moulin a été racheté voici trois ans.", "2025-03-12", [("voici trois ans", "2022", None)]),
        (
            "La halle a brûlé il y a tout juste un an.",
            "2024-06-03",
            [("il y a tout juste un an", "2023", None)],
        ),
        (
            "Le club est né il y a près de deux ans.",
            "2025-03-12",
            [("il y a près de deux ans", "2023", None)],
        ),
        (
            "La coopérative a été fondée il y a une trentaine d'années.",
            "2025-03-12",
            [("il y a une trentaine d'années", "1995", "APPROX")],
        ),
        (
            "Les résultats tomberont dans une dizaine de jours.",
            "2025-03-12",
            [("dans une dizaine de jours", "2025-03-22", "APPROX")],
        ),
        # "il y a deux ans que", "voici trois mois que": a duration, not a date
        ("Il y a deux ans que la piscine attend sa rénovation.", "2025-03-12", []),
        ("Voici trois mois que le pont est fermé.", "2025-03-12", []),
    ],
)
def test_counted_from_the_publication(text: str, published: str, expected: list) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("À l'heure actuelle, le réseau dessert douze communes.", "PRESENT_REF"),
        ("Par le passé, le canal servait au transport du bois.", "PAST_REF"),
        ("À l'avenir, les permis seront délivrés en ligne.", "FUTURE_REF"),
        ("La commune sera reliée au tram dans un proche avenir.", "FUTURE_REF"),
        ("Les tarifs seront revus dans les mois qui viennent.", "FUTURE_REF"),
    ],
)
def test_vague_references(text: str, value: str) -> None:
    assert [v for _, v, _ in found(text, "2025-03-12")] == [value]


def test_the_noun_avenir_is_not_a_reference() -> None:
    assert found("Les élus débattront de l'avenir de la fonderie.", "2025-03-12") == []
    assert found("Le maire s'inquiète à l'avenir du port.", "2025-03-12") == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Les commandes du trimestre précédent ont reculé.", "2025-05-20", "2025-Q1"),
        ("La production reprendra au prochain trimestre.", "2025-05-20", "2025-Q3"),
        ("Les embauches se poursuivront au prochain semestre.", "2025-05-20", "2025-H2"),
    ],
)
def test_quarters_counted_from_the_publication(text: str, published: str, expected: str) -> None:
    assert [v for _, v, _ in found(text, published)] == [expected]


def test_a_decade_named_with_decennie() -> None:
    assert found("L'industrie textile a décliné durant la décennie 1980.", "2025-03-12") == [
        ("la décennie 1980", "198X", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # with the article, the event of that year's day
        ("Le bal de la Saint-Jean aura lieu sur la place.", [("la Saint-Jean", "2025-06-24", None)]),
        ("Le discours du Nouvel An sera retransmis en direct.", [("Nouvel An", "2026-01-01", None)]),
        # a locution, not a noun: the day itself
        ("La déchetterie fermera plus tôt en raison de Noël.", [("Noël", "2025-12-25", None)]),
        ("Les ventes progressent à l'approche de Pâques.", [("Pâques", "2025-04-20", None)]),
        # without article, a kind of thing
        ("Le village de Noël s'installe sur le parvis.", []),
        ("Les œufs de Pâques seront cachés dans le parc.", []),
    ],
)
def test_holidays_after_a_noun(text: str, expected: list) -> None:
    assert found(text, "2025-03-12") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aujourd'hui s'achève la semaine de l'emploi à Varenne.", "2025-03-12"),
        ("Aujourd'hui débute la collecte des encombrants.", "2025-03-12"),
        ("Aujourd'hui, un foyer sur deux possède un vélo.", "PRESENT_REF"),
        ("Aujourd'hui reste le jour le plus chargé de la semaine.", "PRESENT_REF"),
    ],
)
def test_today_before_an_inverted_subject(text: str, expected: str) -> None:
    assert [v for t, v, _ in found(text, "2025-03-12") if t.lower().startswith("aujourd")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La liste électorale est arrêtée le 28.02.", [("28.02", "2025-02-28", None)]),
        ("Le vote est prévu au 07.04.", [("07.04", "2025-04-07", None)]),
        ("Le prix du litre passe le 1.85 euro.", []),
        ("La cote atteint au 12.10 m le niveau d'alerte.", []),
    ],
)
def test_a_day_and_month_written_with_a_dot(text: str, expected: list) -> None:
    assert found(text, "2025-03-12") == expected


@pytest.mark.parametrize(
    ("text", "published", "surface", "expected"),
    [
        # no tense: a month nine or more ahead is last year's
        ("Les ventes de décembre dépassent les prévisions.", "2026-02-04", "décembre", "2025-12"),
        # a future tense still reads ahead
        ("Les soldes de décembre seront avancés.", "2026-02-04", "décembre", "2026-12"),
        # no tense, an agenda's "en novembre": ahead
        ("Rendez-vous en novembre pour la prochaine édition.", "2026-02-04", "novembre", "2026-11"),
        # no tense and a month close ahead: this year
        ("Le bilan d'avril dépasse les prévisions.", "2026-02-04", "avril", "2026-04"),
    ],
)
def test_year_of_a_month_without_tense(text: str, published: str, surface: str, expected: str) -> None:
    assert [v for t, v, _ in found(text, published) if t == surface] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La digue a été bâtie en 1998 puis rehaussée dix ans plus tard.",
            [("1998", "1998"), ("dix ans plus tard", "2008")],
        ),
        (
            "La ligne a ouvert en septembre 2021 et a été prolongée six mois plus tard.",
            [("septembre 2021", "2021-09"), ("six mois plus tard", "2022-03")],
        ),
        # a year cannot anchor a count of months
        ("Le projet a été lancé en 2020 et abandonné trois mois plus tard.", [("2020", "2020")]),
    ],
)
def test_a_shift_counted_from_a_year_or_a_month(text: str, expected: list) -> None:
    assert [(t, v) for t, v, _ in found(text, "2025-03-12")] == expected


def test_the_noun_avenir_after_a_verb_of_thought() -> None:
    assert found("Les habitants sont invités à réfléchir à l'avenir.", "2025-03-12") == []
    assert found("Il faut penser à l'avenir.", "2025-03-12") == []


@pytest.mark.parametrize(
    "text",
    [
        "La route du 19 Mars 1962 sera refaite.",
        "Un accident a eu lieu avenue du 8 mai 1945.",
        "Les jeux respectent la norme NF EN 1176.",
        "Le laboratoire applique la norme ISO 1996.",
    ],
)
def test_names_and_standards_are_not_dates(text: str) -> None:
    assert found(text, "2025-03-12") == []


def test_the_same_dates_outside_a_name_stay_dates() -> None:
    assert found("Le cessez-le-feu a été signé le 19 mars 1962.", "2025-03-12") == [
        ("19 mars 1962", "1962-03-19", None)
    ]
    assert found("En 1996, la commune a adhéré au syndicat.", "2025-03-12") == [("1996", "1996", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les premiers colis partiront en semaine 16.", [("semaine 16", "2025-W16", None)]),
        ("L'audit est programmé pour la semaine 3 de 2026.", [("semaine 3 de 2026", "2026-W03", None)]),
        # a programme's own weeks, a working week, week 53 of a 52-week year: no calendar week
        ("La semaine 2 du stage porte sur la sécurité.", []),
        ("Le personnel travaille la semaine 35 heures.", []),
        ("La collecte est prévue en semaine 53.", []),
    ],
)
def test_a_week_named_by_its_number(text: str, expected: list) -> None:
    assert found(text, "2025-03-12") == expected


def test_the_same_day_years_or_months_ago() -> None:
    assert found("Il y a deux ans jour pour jour, le barrage cédait.", "2025-03-12") == [
        ("Il y a deux ans jour pour jour", "2023-03-12", None)
    ]
    assert found("Il y a six mois jour pour jour, la mine fermait.", "2025-03-12") == [
        ("Il y a six mois jour pour jour", "2024-09-12", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le jury se réunit aujourd'hui à huis clos.", "2025-03-12"),
        ("La délégation se rend aujourd'hui à Bréhal.", "2025-03-12"),
        ("Le forum s'ouvre aujourd'hui au parc des expositions.", "2025-03-12"),
        ("Le hameau se trouve aujourd'hui dans le périmètre du parc.", "PRESENT_REF"),
        ("La commune se situe aujourd'hui en zone inondable.", "PRESENT_REF"),
    ],
)
def test_today_after_a_reflexive_verb(text: str, expected: str) -> None:
    assert [v for t, v, _ in found(text, "2025-03-12") if t.lower().startswith("aujourd")] == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the half is not over at the publication: a past tense speaks of last year's
        ("Au second semestre, la marge s'est redressée.", "2025-09-18", "2024-H2"),
        ("Au premier semestre, les commandes ont reculé.", "2025-03-12", "2024-H1"),
        # over: this year's
        ("Au premier semestre, les commandes ont reculé.", "2025-09-18", "2025-H1"),
    ],
)
def test_a_past_half_not_yet_over(text: str, published: str, expected: str) -> None:
    assert [v for _, v, _ in found(text, published)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Il y a trois semaines de délai pour déposer un recours.",
        "Voici deux ans de travail réunis dans un rapport.",
        "Il y a une dizaine de jours de retard sur le chantier.",
    ],
)
def test_there_is_a_duration_of_is_not_a_date(text: str) -> None:
    assert found(text, "2025-03-12") == []


def test_ago_followed_by_de_cela_stays_a_date() -> None:
    assert found("Il y a quatre ans de cela, le port a été dragué.", "2025-03-12") == [
        ("Il y a quatre ans", "2021", None)
    ]
