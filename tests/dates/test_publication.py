"""Publication date written at the top of a release (headers written for the test)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import detect_publication_date, find_publication_date
from pipeline.dates.publication import title_date
from pipeline.header import url_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rennes, le 12 mars 2024\n\nLa métropole lance un appel à projets.", dt.date(2024, 3, 12)),
        (
            "COMMUNIQUÉ DE PRESSE\nLyon (Rhône), le 4 février 2022 –\nLa région annonce...",
            dt.date(2022, 2, 4),
        ),
        ("Bruxelles, 5 décembre 2023\nLa Commission a adopté...", dt.date(2023, 12, 5)),
        ("Titre de l'actualité\nPublié le 03/07/2023\nLe texte commence.", dt.date(2023, 7, 3)),
        ("Date de publication : 2023-11-05\n\nTexte.", dt.date(2023, 11, 5)),
        ("Communiqué de presse du 14 novembre 2022\nTexte.", dt.date(2022, 11, 14)),
        ("Un titre\n\nMercredi, Mai 8, 2024 - 12:00\n\nLe corps du texte.", dt.date(2024, 5, 8)),
        (
            "Un titre\n\n14 fév 2021\n\nUn autre titre\n\nLe 3 mars, la ministre a parlé.",
            dt.date(2021, 2, 14),
        ),
        ("ACTUALITÉS | 21.10.2019 | Économie\nTexte.", dt.date(2019, 10, 21)),
        (
            "# Le titre\n\n**Quimper, le 4 mars 2025** – La communauté de communes lance un appel.",
            dt.date(2025, 3, 4),
        ),
        (
            "_Vannes, le 2 juin 2021_ La ville accueille le congrès régional des maires ruraux.",
            dt.date(2021, 6, 2),
        ),
        ("Un titre\nen date du 9 avril 2022\nLe texte.", dt.date(2022, 4, 9)),
        ("Date de publication : 9 avril 2022\nLe texte.", dt.date(2022, 4, 9)),
    ],
)
def test_publication_date_forms(text: str, expected: dt.date) -> None:
    assert detect_publication_date(text) == expected


def test_publication_wins_over_update() -> None:
    text = "Mis à jour le 05/07/2023\nPublié le 03/07/2023\nTexte."
    assert detect_publication_date(text) == dt.date(2023, 7, 3)


def test_update_date_when_nothing_else() -> None:
    assert detect_publication_date("Un titre\nMis à jour le 05/07/2023\nTexte.") == dt.date(2023, 7, 5)


@pytest.mark.parametrize(
    "text",
    [
        "Le 15 juin 2023, le ministre a inauguré le salon de l'agriculture, qui se tiendra jusqu'au 20 juin.",
        "Sommet du 12 mars 2024 : les conclusions de la présidence\nLe texte.",
        "Texte sans date. En 2019, 2000 personnes ont manifesté.",
        "Le salon ouvrira le 15 juin.\nVenez nombreux.",
        "La ministre se rendra à Brest le 4 mars 2025.\nLe texte.",
        "Un titre\nLors du second procès du préfet, le 27 février 2009, la défense a plaidé.",
        "",
    ],
)
def test_no_publication_date(text: str) -> None:
    """An event date inside a sentence or a title (even after a comma, like a dateline), a year alone, a
    year-less date: not a publication date."""
    assert detect_publication_date(text) is None


def test_only_the_top_of_the_text_is_read() -> None:
    body = "Un paragraphe sans date.\n" * 40
    assert detect_publication_date(body + "Paris, le 12 mars 2024\n") is None


# ---------------------------------------------------------------------------- front matter: title and url
@pytest.mark.parametrize(
    "title, expected",
    [
        ("Communiqué de la préfecture, en date du 3 avril 2021, sur la sécheresse.", dt.date(2021, 4, 3)),
        ("Communiqué de presse du 7 juin 2019 : la ville recrute", dt.date(2019, 6, 7)),
        ("Déclaration commune des maires de la vallée, le 2 février 2022.", dt.date(2022, 2, 2)),
        ("Note aux rédactions (18/11/2023)", dt.date(2023, 11, 18)),
        ("Sommet des régions du 12 mars 2024", None),
        ("Le festival aura lieu le 5 juin 2024 à Vannes", None),
        ("La mairie recrute", None),
    ],
)
def test_title_date(title: str, expected: dt.date | None) -> None:
    assert title_date(title) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://exemple.org/blog/fr/2016-03-12-assemblee.html", dt.date(2016, 3, 12)),
        ("https://www.ville-exemple.fr/actualites/2023/11/05/budget", dt.date(2023, 11, 5)),
        ("https://www.exemple.gouv.fr/discours", None),
        ("https://2019-10-02.exemple.fr/page", None),
        ("https://exemple.fr/article/20231105123", None),
    ],
)
def test_url_date(url: str, expected: dt.date | None) -> None:
    assert url_date(url) == expected


def test_order_of_trust() -> None:
    text = "Rennes, le 10 mars 2016\n\nLe comité se réunira."
    meta = {"title": "Assemblée générale", "url": "https://exemple.org/2016-03-12-ag.html"}
    assert find_publication_date(text, meta) == (dt.date(2016, 3, 12), "url")
    meta_title = {**meta, "title": "Communiqué, en date du 11 mars 2016, sur l'assemblée"}
    assert find_publication_date(text, meta_title) == (dt.date(2016, 3, 11), "title")
    assert find_publication_date(text, {**meta_title, "date": "2016-03-09"}) == (
        dt.date(2016, 3, 9),
        "front_matter",
    )
    assert find_publication_date(text, {"title": "Assemblée générale"}) == (dt.date(2016, 3, 10), "text")
    assert find_publication_date("Le comité se réunira le 3 mai 2016.", {"title": "Assemblée"}) == (
        None,
        None,
    )
