"""Rules added after measuring the broad everyday set (benchmarks/everyday.py): each on sentences
written for the rule, against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import extract_dates


def values(text: str, published: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value, m.end_value) for m in extract_dates(text, dt.date.fromisoformat(published))]


def value_of(text: str, published: str, surface: str) -> str:
    found = [v for t, v, _ in values(text, published) if surface in t]
    assert found, values(text, published)
    return found[0]


# ---------------------------------------------------------------------------- year choice
@pytest.mark.parametrize(
    ("text", "published", "surface", "expected"),
    [
        # a deadline in the present looks ahead, even nine months
        ("La carte est valable jusqu'au 30 novembre inclus.", "2026-02-10", "30 novembre", "2026-11-30"),
        ("Le guichet reste ouvert jusqu'au 20 décembre.", "2025-04-02", "20 décembre", "2025-12-20"),
        # a recent past stays nearer than a date almost a year ahead
        ("La grève a duré jusqu'au 20 mars.", "2025-04-02", "20 mars", "2025-03-20"),
        # a weak future cue and a month far behind the publication: next year
        ("Le verdict est attendu en mars.", "2024-10-15", "mars", "2025-03"),
        ("Le verdict est attendu en novembre.", "2024-10-15", "novembre", "2024-11"),
        # a year in the sentence does not put a past event in the future
        ("Le plan 2026 a été voté en novembre.", "2026-02-03", "novembre", "2025-11"),
        ("Le plan 2026 sera voté en novembre.", "2026-02-03", "novembre", "2026-11"),
    ],
)
def test_year_of_a_year_less_date(text: str, published: str, surface: str, expected: str) -> None:
    assert value_of(text, published, surface) == expected


# ---------------------------------------------------------------------------- everyday tail
@pytest.mark.parametrize(
    ("text", "published", "surface", "expected"),
    [
        ("Le nouveau réfectoire ouvrira à la rentrée.", "2026-04-20", "rentrée", "2026-09"),
        ("Les horaires changent dès la rentrée 2027.", "2026-04-20", "rentrée 2027", "2027-09"),
        ("Depuis la rentrée, la cantine sert des repas bio.", "2026-11-04", "rentrée", "2026-09"),
        ("Le bureau d'études sera recruté pour la rentrée scolaire.", "2026-11-04", "rentrée", "2027-09"),
        # the week under way still lies ahead
        ("Les auditions auront lieu la semaine du 19 octobre.", "2026-10-21", "semaine", "2026-10-19"),
        ("Les auditions auront lieu la semaine du 12 octobre.", "2026-10-21", "semaine", "2027-10-12"),
        ("Les auditions ont eu lieu la semaine du 12 octobre.", "2026-10-21", "semaine", "2026-10-12"),
        ("Les marges du trimestre dernier ont reculé.", "2026-05-12", "trimestre", "2026-Q1"),
        ("Les marges du trimestre dernier ont reculé.", "2026-02-12", "trimestre", "2025-Q4"),
        ("Les embauches de ce semestre dépassent les prévisions.", "2026-08-03", "semestre", "2026-H2"),
        ("Le site sera livré au trimestre prochain.", "2026-11-30", "trimestre", "2027-Q1"),
        ("Le compte rendu a été signé le 9 courant.", "2026-06-18", "9 courant", "2026-06-09"),
        ("Le dossier sera clos le 1er/07/2026.", "2026-06-18", "1er/07/2026", "2026-07-01"),
        ("Les cotisations du 2e trim. 2026 sont appelées.", "2026-06-18", "trim", "2026-Q2"),
        ("La délibération est approuvée ce jour par le bureau.", "2026-06-18", "ce jour", "2026-06-18"),
        ("De nos jours, les marchés se paient par carte.", "2026-06-18", "nos jours", "PRESENT_REF"),
        ("Un accord est espéré dans les prochains jours.", "2026-06-18", "prochains jours", "FUTURE_REF"),
    ],
)
def test_everyday_tail(text: str, published: str, surface: str, expected: str) -> None:
    assert value_of(text, published, surface) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a Tuesday: the weekend just past in a past sentence, the coming one otherwise
        ("Ce week-end, la brocante a attiré 4 000 visiteurs.", "2026-06-16", "2026-W24-WE"),
        ("Ce week-end, la brocante attirera des milliers de visiteurs.", "2026-06-16", "2026-W25-WE"),
        # "le week-end prochain" is the weekend of "samedi prochain": on a Thursday, the coming one
        ("Le tournoi se jouera le week-end prochain.", "2026-06-18", "2026-W25-WE"),
        ("Le tournoi se jouera le week-end prochain.", "2026-06-20", "2026-W26-WE"),
        ("Le week-end dernier, trois feux ont été maîtrisés.", "2026-06-18", "2026-W24-WE"),
    ],
)
def test_weekends(text: str, published: str, expected: str) -> None:
    assert value_of(text, published, "week-end") == expected


@pytest.mark.parametrize(
    "text",
    [
        "GYMNASTIQUE : LA RENTRÉE REPORTÉE.",
        "Les rentrées fiscales de la rentrée... ",
        "Elle est rentrée de mission hier soir.",
        "Les fournitures de rentrée coûtent plus cher.",
        "En ce jour de fête, le marché est ouvert.",
    ],
)
def test_rentree_and_ce_jour_that_are_no_dates(text: str) -> None:
    found = [t for t, _, _ in values(text, "2026-06-18")]
    assert not any("entr" in t or "ce jour" in t.lower() for t in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les vitrines resteront décorées jusqu'à la Saint-Nicolas.", "2026-12-06"),
        ("Un bal sera donné pour la Sainte-Catherine.", "2026-11-25"),
        ("La foire aux oies se tient à la Saint-Martin.", "2026-11-11"),
    ],
)
def test_saints_days_with_their_article(text: str, expected: str) -> None:
    assert [v for _, v, _ in values(text, "2026-06-18")] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "La délégation s'est rendue à Saint-Martin en juillet.",
        "Le collège Saint-Nicolas recrute un professeur.",
        "Le siège se trouve au 14, rue des Carmes.",
        "Rendez-vous au 3 bis avenue Foch.",
    ],
)
def test_towns_and_street_numbers_are_no_days(text: str) -> None:
    found = [t for t, _, _ in values(text, "2026-06-18")]
    assert not any("Saint" in t or t.strip() in ("14", "3") for t in found), found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Les rencontres se tiendront du 8 au 10 juin prochain.",
            "2026-02-02",
            [("2026-06-08", "2026-06-10")],
        ),
        ("Le forum s'est tenu du 2 au 4 octobre dernier.", "2026-02-02", [("2025-10-02", "2025-10-04")]),
        ("Fermeture du lun. 9 au sam. 14 février.", "2026-02-02", [("2026-02-09", "2026-02-14")]),
    ],
)
def test_ranges_with_prochain_and_abbreviated_weekdays(
    text: str, published: str, expected: list[tuple[str, str]]
) -> None:
    assert [(v, e) for _, v, e in values(text, published)] == expected


@pytest.mark.parametrize(
    ("text", "published", "surface", "expected"),
    [
        # a participle right before its date reports the past, whatever the main verb says
        ("Le schéma, adopté le 9 décembre, sera révisé en juin.", "2026-02-02", "9 décembre", "2025-12-09"),
        (
            "La pétition lancée le 28 janvier dépassera vite les objectifs.",
            "2026-02-02",
            "28 janvier",
            "2026-01-28",
        ),
        # participles that announce, and nouns after a determiner, leave the future alone
        (
            "Le concert, reporté au 20 janvier, aura lieu au gymnase.",
            "2026-02-02",
            "20 janvier",
            "2027-01-20",
        ),
        ("La cour rendra son délibéré le 12 janvier.", "2026-02-02", "12 janvier", "2027-01-12"),
        ("Le pont sera inauguré le 4 mai.", "2026-02-02", "4 mai", "2026-05-04"),
        # a bare day does not borrow a month that the tense contradicts
        ("Le budget, présenté le 6 janvier, sera voté le 24.", "2026-02-02", "24", "2026-02-24"),
        ("Le budget a été présenté le 6 janvier et voté le 24.", "2026-02-02", "24", "2026-01-24"),
    ],
)
def test_participles_and_borrowed_months(text: str, published: str, surface: str, expected: str) -> None:
    assert value_of(text, published, surface) == expected


@pytest.mark.parametrize(
    "text", ["La départementale D 2026 sera coupée.", "Rendez-vous salle 2026 au deuxième étage."]
)
def test_room_and_road_numbers_are_no_years(text: str) -> None:
    assert values(text, "2026-02-02") == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("En début d'année, les loyers augmenteront.", "2026-10-07", "2027"),
        ("En début d'année, les loyers ont augmenté.", "2026-10-07", "2026"),
        ("En fin d'année, les ventes ont bondi.", "2026-02-03", "2025"),
        ("En fin d'année, les ventes devraient bondir.", "2026-02-03", "2026"),
        ("Au début de cette année, les ventes ont chuté.", "2026-10-07", "2026"),
    ],
)
def test_start_or_end_of_an_unnamed_year_by_tense(text: str, published: str, expected: str) -> None:
    assert [v for _, v, _ in values(text, published)] == [expected]


@pytest.mark.parametrize(
    "text", ["Tous les 1er mai, les syndicats défilent.", "Chaque 14 juillet, un bal est donné sur le port."]
)
def test_a_day_repeated_every_year_is_a_set(text: str) -> None:
    assert values(text, "2026-02-03") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Bilan publié en Feb. 2026.", "2026-02"), ("Accord signé le 3 Aug 2025.", "2025-08-03")],
)
def test_english_month_abbreviations(text: str, expected: str) -> None:
    assert [v for _, v, _ in values(text, "2026-03-01")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("En octobre et novembre 2023, la digue a cédé deux fois.", ["2023-10", "2023-11"]),
        ("Stages du 6 au 10 et du 13 au 17 juillet.", ["2026-07-06", "2026-07-13"]),
        ("Permanences le 7, le 14 et le 21 mai 2027.", ["2027-05-07", "2027-05-14", "2027-05-21"]),
    ],
)
def test_coordinated_dates_share_the_month_or_year_written_last(text: str, expected: list[str]) -> None:
    assert [v for _, v, _ in values(text, "2026-03-01")] == expected


@pytest.mark.parametrize(
    "text", ["La ligne de bus 2026 dessert le lycée.", "Le poste tourne sous Windows 2000."]
)
def test_line_and_product_numbers_are_no_years(text: str) -> None:
    assert values(text, "2026-03-01") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Du 6/07 au 10/07, stage de voile.", [("2026-07-06", "2026-07-10")]),
        ("Du 6 au 10/07/2026, stage de voile.", [("2026-07-06", "2026-07-10")]),
        ("Fermeture du 29/12 au 02/01/2027.", [("2026-12-29", "2027-01-02")]),
    ],
)
def test_numeric_ranges(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(v, e) for _, v, e in values(text, "2026-03-01")] == expected


@pytest.mark.parametrize(
    "text", ["Les loyers passent du 10 au 15 % du revenu.", "La note passe du 12 au 14 points."]
)
def test_bare_day_ranges_before_a_unit_are_amounts(text: str) -> None:
    assert values(text, "2026-03-01") == []
