"""Each family of calendar expressions, on sentences written for the test (none from the gold sets).

The publication date of most tests is Tuesday 12 March 2024.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import DateMention, extract_dates

P = dt.date(2024, 3, 12)  # a Tuesday


def rows(text: str, published: dt.date | None = P) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.text, m.value, m.end_value, m.mod) for m in extract_dates(text, published)]


def one(text: str, published: dt.date | None = P) -> DateMention:
    found = extract_dates(text, published)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------------------- full dates
@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("La loi a été promulguée le 6 janvier 1978.", "6 janvier 1978", "1978-01-06"),
        ("Le traité entre en vigueur le 1er janvier 2025.", "1er janvier 2025", "2025-01-01"),
        ("Le vote aura lieu le premier juillet 2026.", "premier juillet 2026", "2026-07-01"),
        ("Signé à Berlin le 9 novembre 1989, l'accord fut historique.", "9 novembre 1989", "1989-11-09"),
        ("Le salon ouvrira le mercredi 8 mai 2024 à 9h.", "mercredi 8 mai 2024", "2024-05-08"),
        ("Réunion prévue le jeudi, 16 mai 2024.", "jeudi, 16 mai 2024", "2024-05-16"),
        ("Le colloque se tient le 5 fevrier 2024 à Lyon.", "5 fevrier 2024", "2024-02-05"),  # no accent
        ("Clôture des inscriptions le 31 decembre 2023.", "31 decembre 2023", "2023-12-31"),
        ("Le rapport du 14 aout 2022 le confirme.", "14 aout 2022", "2022-08-14"),
    ],
)
def test_full_dates(text: str, surface: str, value: str) -> None:
    m = one(text)
    assert (m.text, m.value, m.granularity, m.end_value) == (surface, value, "day", None)
    assert text[m.start : m.end] == surface


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("Mise en ligne : 12/03/2024", "12/03/2024", "2024-03-12"),
        ("Version du 05.11.2023 du règlement.", "05.11.2023", "2023-11-05"),
        ("Document daté du 2023-11-05 à Paris.", "2023-11-05", "2023-11-05"),
        ("Il est né le 3/4/85 à Rennes.", "3/4/85", "1985-04-03"),
        ("Échéance : 30-06-2025.", "30-06-2025", "2025-06-30"),
    ],
)
def test_numeric_dates(text: str, surface: str, value: str) -> None:
    m = one(text)
    assert (m.text, m.value, m.granularity) == (surface, value, "day")


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("Parution\n\n14 fév 2021\n\nLe conseil régional a voté le budget.", "14 fév 2021", "2021-02-14"),
        ("Mis en ligne le 3 janv. 2022 par la rédaction.", "3 janv. 2022", "2022-01-03"),
        ("Actualité du 21 oct 2019", "21 oct 2019", "2019-10-21"),
        ("Publié le 12 sept. 2023", "12 sept. 2023", "2023-09-12"),
        ("Vendredi, Juin 14, 2024 - 09:30", "Vendredi, Juin 14, 2024", "2024-06-14"),
        ("Novembre 3, 2022", "Novembre 3, 2022", "2022-11-03"),
        ("SAMEDI 15 JUIN 2024 : JOURNÉE PORTES OUVERTES", "SAMEDI 15 JUIN 2024", "2024-06-15"),
        ("FÊTE DE LA SCIENCE LE 7 OCTOBRE", "7 OCTOBRE", "2024-10-07"),
    ],
)
def test_press_release_forms(text: str, surface: str, value: str) -> None:
    """Abbreviated months with or without a dot, English word order, upper-case headings."""
    m = one(text)
    assert (m.text, m.value) == (surface, value)


def test_dateline_is_a_date_mention() -> None:
    assert rows("Lyon, le 4 février 2022 – La région lance un appel à projets.") == [
        ("4 février 2022", "2022-02-04", None, None)
    ]


# ---------------------------------------------------------------------------- year-less days and months
def test_yearless_day_takes_the_publication_year() -> None:
    assert rows("Le ministre inaugurera le salon le 15 avril.") == [("15 avril", "2024-04-15", None, None)]


def test_yearless_day_span_drops_the_article() -> None:
    m = one("Elle a signé le 3 mars à Bruxelles.")
    assert m.text == "3 mars"


def test_months_at_month_granularity() -> None:
    assert rows("Les travaux commenceront en juin et dureront jusqu'en septembre 2025.") == [
        ("juin", "2024-06", None, None),
        ("septembre 2025", "2025-09", None, None),
    ]
    assert one("Les chiffres de janvier 2023 sont publiés.").granularity == "month"


def test_month_with_relative_year_words() -> None:
    assert rows("Nous sommes en février de cette année.") == [
        ("février de cette année", "2024-02", None, None)
    ]


def test_mois_de() -> None:
    assert rows("Les résultats seront connus au mois de juin.") == [("mois de juin", "2024-06", None, None)]


# ---------------------------------------------------------------------------- weekdays
def test_weekdays_resolved_by_tense() -> None:
    text = "Lundi, le préfet a signé l'arrêté. Jeudi, le conseil municipal votera le budget."
    assert rows(text) == [("Lundi", "2024-03-11", None, None), ("Jeudi", "2024-03-14", None, None)]


def test_weekday_with_day_number_and_no_month() -> None:
    # 5 October 2024 is the nearest Saturday the 5th after March 2024
    assert rows("La fête aura lieu le samedi 5 à la salle polyvalente.") == [
        ("samedi 5", "2024-10-05", None, None)
    ]


def test_weekday_dernier_prochain() -> None:
    assert rows("Vendredi dernier, la ville a fêté ses cent ans; mardi prochain, elle vote.") == [
        ("Vendredi dernier", "2024-03-08", None, None),
        ("mardi prochain", "2024-03-19", None, None),
    ]


def test_weekday_in_uppercase_heading() -> None:
    assert rows("LA MAIRIE SERA FERMÉE SAMEDI") == [("SAMEDI", "2024-03-16", None, None)]


# ---------------------------------------------------------------------------- years, decades, centuries
def test_years() -> None:
    assert rows("Le directeur, né en 1965, a rejoint le groupe en 1992 et le quittera en 2027.") == [
        ("1965", "1965", None, None),
        ("1992", "1992", None, None),
        ("2027", "2027", None, None),
    ]


def test_year_with_an_annee() -> None:
    assert rows("En l'an 2000, rien ne s'est passé; l'année 2001 fut plus agitée.") == [
        ("l'an 2000", "2000", None, None),
        ("l'année 2001", "2001", None, None),
    ]


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("Les années 2010 ont vu naître les plateformes.", "Les années 2010", "201X"),
        ("Dans les années 80, la cassette régnait.", "les années 80", "198X"),
        ("Le mouvement est né dans les années soixante.", "les années soixante", "196X"),
        ("Les années 2000 ont commencé par une crise.", "Les années 2000", "200X"),
    ],
)
def test_decades(text: str, surface: str, value: str) -> None:
    m = one(text)
    assert (m.text, m.value, m.granularity) == (surface, value, "decade")


def test_centuries() -> None:
    assert rows("Au XXIe siècle, les villes grandissent; à la fin du XIXe siècle, le rail arrivait.") == [
        ("XXIe siècle", "20XX", None, None),
        ("la fin du XIXe siècle", "18XX", None, "END"),
    ]
    assert one("Une église du XVe siècle.").granularity == "century"


# ---------------------------------------------------------------------- seasons, quarters, holidays
def test_seasons() -> None:
    text = (
        "Cet été, les concerts reprennent. L'hiver 2022 a été rude. "
        "À l'automne prochain, un plan sera présenté."
    )
    assert rows(text) == [
        ("Cet été", "2024-SU", None, None),
        ("L'hiver 2022", "2022-WI", None, None),
        ("l'automne prochain", "2024-FA", None, None),
    ]
    # read in March, the coming spring is this year's; the summer "dernier" read in July is last year's
    assert rows("Au printemps prochain, le parc rouvrira.")[0][1] == "2024-SP"
    assert rows("L'été dernier, la sécheresse a frappé.", dt.date(2024, 7, 10))[0][1] == "2023-SU"


def test_season_two_digit_year() -> None:
    assert rows("Le gel de l'hiver 85 a marqué les esprits.") == [("l'hiver 85", "1985-WI", None, None)]


def test_generic_seasons_have_no_year() -> None:
    assert rows("Les glaciers fondent en été. Printemps comme automne, la forêt change.") == [
        ("été", "XXXX-SU", None, None),
        ("Printemps", "XXXX-SP", None, None),
        ("automne", "XXXX-FA", None, None),
    ]


def test_quarters_and_semesters() -> None:
    text = (
        "Au premier trimestre 2024, les ventes ont progressé. Au second semestre, elles baisseront. T3 2023."
    )
    assert rows(text) == [
        ("premier trimestre 2024", "2024-Q1", None, None),
        ("second semestre", "2024-H2", None, None),
        ("T3 2023", "2023-Q3", None, None),
    ]


def test_holidays() -> None:
    text = (
        "À Noël 2023, la ville a illuminé le port. Le lundi de Pâques 2025 sera férié. "
        "La veille de Noël 2022."
    )
    assert rows(text) == [
        ("Noël 2023", "2023-12-25", None, None),
        ("lundi de Pâques 2025", "2025-04-21", None, None),
        ("La veille de Noël 2022", "2022-12-24", None, None),
    ]


def test_holiday_without_year_follows_the_tense() -> None:
    assert rows("La Toussaint sera l'occasion de se recueillir.") == [
        ("La Toussaint", "2024-11-01", None, None)
    ]
    assert rows("Cette fête de Pentecôte a réuni le village.") == [
        ("Cette fête de Pentecôte", "2023-05-28", None, None)
    ]


def test_ordinal_weekday_of_a_month_or_season() -> None:
    assert rows("Le premier lundi de septembre, la rentrée aura lieu.") == [
        ("Le premier lundi de septembre", "2024-09-02", None, None)
    ]
    assert rows("Le dernier dimanche d'octobre 2023, on a reculé les horloges.") == [
        ("Le dernier dimanche d'octobre 2023", "2023-10-29", None, None)
    ]
    # spring starts on 20 March: the first Sunday of spring 2025 is 23 March
    assert one("Le premier dimanche du printemps 2025 est retenu.").value == "2025-03-23"


# ---------------------------------------------------------------------------- modifiers
@pytest.mark.parametrize(
    "text, surface, value, mod",
    [
        ("Début 2025, le dispositif sera étendu.", "Début 2025", "2025", "START"),
        ("Fin octobre 2019, le forum s'est tenu.", "Fin octobre 2019", "2019-10", "END"),
        ("Une évaluation aura lieu mi-mars.", "mi-mars", "2024-03", "MID"),
        ("Le chantier s'achèvera à la mi-2026.", "mi-2026", "2026", "MID"),
        ("Vers 2030, la moitié des voitures seront électriques.", "Vers 2030", "2030", "APPROX"),
        ("Au début des années 90, tout a changé.", "début des années 90", "199X", "START"),
        ("Un bilan sera publié à la fin de l'année.", "la fin de l'année", "2024", "END"),
        ("Au milieu des années 1990, le web est arrivé.", "milieu des années 1990", "199X", "MID"),
        ("Aux alentours de 2040, la population culminera.", "Aux alentours de 2040", "2040", "APPROX"),
        (
            "Au début du mois prochain, la commission rendra son avis.",
            "début du mois prochain",
            "2024-04",
            "START",
        ),
    ],
)
def test_modifiers(text: str, surface: str, value: str, mod: str) -> None:
    m = one(text)
    assert (m.text, m.value, m.mod) == (surface, value, mod)


# ---------------------------------------------------------------------------- relative dates
@pytest.mark.parametrize(
    "text, surface, value, granularity",
    [
        ("Le maire a inauguré hier la médiathèque.", "hier", "2024-03-11", "day"),
        ("Avant-hier, la ministre était à Lille.", "Avant-hier", "2024-03-10", "day"),
        ("Le texte sera examiné demain au Sénat.", "demain", "2024-03-13", "day"),
        ("Le verdict tombera après-demain.", "après-demain", "2024-03-14", "day"),
        ("Cette année, le budget augmente.", "Cette année", "2024", "year"),
        ("L'an dernier, la récolte avait été mauvaise.", "L'an dernier", "2023", "year"),
        ("L'année prochaine, le tarif sera stable.", "L'année prochaine", "2025", "year"),
        ("L'année dernière, il pleuvait.", "L'année dernière", "2023", "year"),
        ("La semaine dernière, le comité s'est réuni.", "La semaine dernière", "2024-W10", "week"),
        ("Le comité se réunira la semaine prochaine.", "la semaine prochaine", "2024-W12", "week"),
        ("Un journal a publié cette semaine la liste.", "cette semaine", "2024-W11", "week"),
        ("Le mois dernier, les ventes ont chuté.", "Le mois dernier", "2024-02", "month"),
        ("Ce week-end, la ville fait la fête.", "Ce week-end", "2024-W11-WE", "week"),
        ("Il y a deux ans, la France lançait sa stratégie.", "Il y a deux ans", "2022", "year"),
        ("Il y a trois mois, le projet a démarré.", "Il y a trois mois", "2023-12", "month"),
        ("Il y a 10 jours, la crue a commencé.", "Il y a 10 jours", "2024-03-02", "day"),
        ("Dans deux ans, le réseau sera évalué.", "Dans deux ans", "2026", "year"),
        ("Il y a quelques mois, la loi a été votée.", "Il y a quelques mois", "PAST_REF", "ref"),
        ("Les années à venir seront décisives.", "Les années à venir", "FUTURE_REF", "ref"),
        ("Dans les prochains mois, un décret paraîtra.", "les prochains mois", "FUTURE_REF", "ref"),
    ],
)
def test_relative_dates(text: str, surface: str, value: str, granularity: str) -> None:
    m = one(text)
    assert (m.text, m.value, m.granularity) == (surface, value, granularity)


def test_relative_dates_anchored_on_the_previous_date() -> None:
    text = (
        "Le conseil s'est réuni le 5 mars. Le lendemain, il a publié un avis. "
        "La veille, les syndicats avaient défilé."
    )
    assert rows(text) == [
        ("5 mars", "2024-03-05", None, None),
        ("Le lendemain", "2024-03-06", None, None),
        ("La veille", "2024-03-05", None, None),
    ]
    text = "La cérémonie a eu lieu le samedi 2 mars. Le même jour, un concert était donné."
    assert rows(text)[1] == ("Le même jour", "2024-03-02", None, None)


def test_au_lendemain_de_an_event_is_the_clause_date() -> None:
    text = "Le ministre démissionnait hier, au lendemain de la publication du rapport."
    assert rows(text) == [("hier", "2024-03-11", None, None), ("lendemain", "2024-03-11", None, None)]


def test_aujourd_hui_event_or_nowadays() -> None:
    assert rows("Le gouvernement présente aujourd'hui son plan de relance.") == [
        ("aujourd'hui", "2024-03-12", None, None)
    ]
    assert rows("Aujourd'hui, le numérique est partout dans nos vies.") == [
        ("Aujourd'hui", "PRESENT_REF", None, None)
    ]
    assert rows("La séance se tiendra aujourd'hui vendredi.", dt.date(2024, 3, 15)) == [
        ("aujourd'hui vendredi", "2024-03-15", None, None)
    ]
    assert rows("Le numérique fait aujourd'hui partie de nos vies.", None) == [
        ("aujourd'hui", "PRESENT_REF", None, None)
    ]


def test_desormais_and_d_ici() -> None:
    assert rows("Désormais, les dossiers se déposent en ligne.") == [("Désormais", "2024-03-12", None, None)]
    assert rows("Réduire les émissions de 55 % d'ici 2030.") == [("d'ici 2030", "2024-03-12", "2030", None)]
    assert rows("Le texte sera voté d'ici le 30 juin.") == [
        ("d'ici le 30 juin", "2024-03-12", "2024-06-30", None)
    ]
    assert rows("D'ici deux ans, toutes les communes seront raccordées.") == [
        ("D'ici deux ans", "2024-03-12", "2026", None)
    ]


# ---------------------------------------------------------------------------- ranges and lists
@pytest.mark.parametrize(
    "text, surface, value, end_value",
    [
        ("Le festival a lieu du 20 au 24 avril 2020.", "du 20 au 24 avril 2020", "2020-04-20", "2020-04-24"),
        (
            "Du 28 juin au 2 juillet 2024, on danse.",
            "Du 28 juin au 2 juillet 2024",
            "2024-06-28",
            "2024-07-02",
        ),
        (
            "Fermé du 30 décembre 2023 au 2 janvier 2024.",
            "du 30 décembre 2023 au 2 janvier 2024",
            "2023-12-30",
            "2024-01-02",
        ),
        (
            "Du lundi 3 au vendredi 7 juin, les bureaux ferment.",
            "Du lundi 3 au vendredi 7 juin",
            "2024-06-03",
            "2024-06-07",
        ),
        (
            "Entre le 15 et le 20 mars, des contrôles seront menés.",
            "Entre le 15 et le 20 mars",
            "2024-03-15",
            "2024-03-20",
        ),
        ("Inscriptions ouvertes de janvier à mars 2025.", "de janvier à mars 2025", "2025-01", "2025-03"),
        ("Le recensement de mars-avril 2021 est publié.", "mars-avril 2021", "2021-03", "2021-04"),
        ("Sur la période 2021-2027, l'Union investira.", "2021-2027", "2021", "2027"),
        ("Entre 2015 et 2020, les émissions ont baissé.", "Entre 2015 et 2020", "2015", "2020"),
        ("La saison 2023-24 commence.", "2023-24", "2023", "2024"),
        ("Un stage du 10-14 juillet 2023.", "10-14 juillet 2023", "2023-07-10", "2023-07-14"),
    ],
)
def test_ranges_are_one_row(text: str, surface: str, value: str, end_value: str) -> None:
    m = one(text)
    assert (m.text, m.value, m.end_value) == (surface, value, end_value)


def test_range_end_takes_the_year_of_its_start() -> None:
    assert rows("Le musée a exposé la collection du 20 avril 2020 au 3 mai.") == [
        ("du 20 avril 2020 au 3 mai", "2020-04-20", "2020-05-03", None)
    ]
    assert rows("Fermeture de novembre à février 2025.") == [
        ("de novembre à février 2025", "2024-11", "2025-02", None)
    ]


def test_year_less_range_takes_one_year() -> None:
    assert rows("Le salon s'est tenu du 20 au 24 avril.", dt.date(2020, 8, 28)) == [
        ("du 20 au 24 avril", "2020-04-20", "2020-04-24", None)
    ]


def test_lists_are_one_row_per_day() -> None:
    assert rows("Le sommet s'est tenu les 1er et 2 novembre 2023 à Londres.") == [
        ("1er", "2023-11-01", None, None),
        ("2 novembre 2023", "2023-11-02", None, None),
    ]
    assert rows("Les 12, 13 et 14 avril, le festival accueillera le public.") == [
        ("12", "2024-04-12", None, None),
        ("13", "2024-04-13", None, None),
        ("14 avril", "2024-04-14", None, None),
    ]


# ---------------------------------------------------------------------------- two-digit years
def test_two_digit_years_in_date_context() -> None:
    text = "Deux ruptures en 97 (en janvier et en octobre), aucune en 98."
    assert rows(text, dt.date(1999, 7, 29)) == [
        ("97", "1997", None, None),
        ("janvier", "1997-01", None, None),
        ("octobre", "1997-10", None, None),
        ("98", "1998", None, None),
    ]
    assert rows("Le contrat date d'octobre 98.", dt.date(1999, 5, 23)) == [
        ("octobre 98", "1998-10", None, None)
    ]


def test_mentions_are_sorted_and_do_not_overlap() -> None:
    text = "Le 6 mai dernier, puis du 20 au 24 avril 2020, et les 1er et 2 novembre 2023, enfin mi-mars."
    found = extract_dates(text, P)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert all(text[m.start : m.end] == m.text for m in found)
