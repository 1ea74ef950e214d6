"""Words and numbers that are not dates, one family at a time, on sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import extract_dates

P = dt.date(2024, 3, 12)


def surfaces(text: str) -> list[str]:
    return [m.text for m in extract_dates(text, P)]


@pytest.mark.parametrize(
    "family, text",
    [
        ("sept the number", "Sept pays et sept ONG ont signé la charte."),
        ("sept the number", "Les sept membres du jury ont voté."),
        ("sept after a day-like number", "Le groupe compte 12 sept membres fondateurs."),
        ("possessive sa / abbreviations", "Sa mise en œuvre reste lente ; sam et dim sont fermés."),
        ("je/me/lu", "Je l'ai lu, me dit-elle, mais je ne suis pas convaincue."),
        ("ages", "Âgé de 87 ans, il reste actif ; les 18-25 ans sont les plus touchés."),
        ("durations", "Pendant trois ans, puis deux semaines de plus, le chantier a duré 20 ans au total."),
        ("durations", "Le trajet se fait en 15 minutes et le contrat court sur 24 mois."),
        ("percentages", "Le chômage atteint 7,5 % ; 38 % des sondés et 2019 % de hausse, un record."),
        ("decimals", "La course a duré 30,4 secondes, soit 2,5 de plus, et 1.5 point de mieux."),
        ("money", "Le projet a coûté 1500 euros, puis 2 000 €, enfin 1999 € par mois."),
        ("money", "Un budget de 2024 dollars a été alloué."),
        ("scores", "L'équipe a gagné 3-1, puis perdu (1-3) et fait match nul 2-2."),
        ("article numbers", "Selon l'article 2021 du code civil, le bail est résilié."),
        ("decree numbers", "Le décret n° 2019-1234 et l'arrêté no 2021-77 sont abrogés."),
        ("EU references", "La directive 2019/790 et le règlement (UE) 2016/679 s'appliquent."),
        ("phone numbers", "Contact presse : 01 45 67 89 10 ou 06.12.10.45.78, ou +33 1 23 45 67 89."),
        ("street numbers", "Rendez-vous au 12 rue de la Paix, puis au 1998 route de Lyon."),
        (
            "street named after a date",
            "Le cortège partira de la place du 8-Mai-1945 vers la rue du 4 Septembre.",
        ),
        ("bare quantities", "Plus de 1900 entreprises et 2000 personnes ont répondu, environ 1800 au total."),
        ("bare quantities", "Le nombre passera de 1500 à 2000 ; entre 10 et 2000 visiteurs par jour."),
        ("bare quantities", "Parmi les 1500 invités et des 1800 inscrits, beaucoup sont venus."),
        ("postal codes", "Écrire à la mairie, 75002 Paris, ou 13001 Marseille."),
        ("été the participle", "Il a été élu et ils ont été reçus ; elle aurait été informée."),
        ("season words used as kinds", "Les soldes d'été et l'heure d'hiver ; des pneus d'hiver."),
        ("season names of events", "Le printemps arabe et le Printemps des poètes ont marqué les esprits."),
        ("Mars the planet", "La mission vers Mars décollera ; la vie sur Mars reste une hypothèse."),
        ("holiday names as people", "Noël Mamère a rencontré Toussaint Louverture au musée."),
        ("holiday in a treaty name", "L'accord du Vendredi saint a ramené la paix."),
        ("habitual weekdays", "Le marché est ouvert tous les mardis, le samedi et chaque dimanche."),
        ("EU programme name", "Le programme Horizon 2020 a financé la recherche."),
        ("version and model numbers", "La version 2.1.10 tourne sous Windows 10 ; le G20 et le COVID-19."),
        ("kind of event", "Une fête de fin d'année a réuni les salariés."),
        ("idiom with jour", "Il ne semblait pas dans un jour de grande forme."),
        ("two-digit counts", "Le texte est divisé en 12 articles ; 45 communes en 20 lots."),
    ],
)
def test_not_a_date(family: str, text: str) -> None:
    assert surfaces(text) == [], family


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Il a été condamné à 10 ans de prison le 12 janvier 2023.", ["12 janvier 2023"]),
        ("Le décret n° 2019-1234 du 7 octobre 2019 fixe les règles.", ["7 octobre 2019"]),
        ("Né en 1943 à Lille, il a 80 ans.", ["1943"]),
        ("Les 35 heures ont été instaurées en 2000.", ["2000"]),
        ("La hausse atteint 3 % en 2023, contre 4 % en 2022.", ["2023", "2022"]),
        ("Deux ruptures en 97, aucune en 98.", ["97", "98"]),
        ("Le gel de l'hiver 85 a tout détruit.", ["l'hiver 85"]),
        ("Le contrat d'octobre 98 est caduc.", ["octobre 98"]),
    ],
)
def test_dates_next_to_numbers_are_kept(text: str, expected: list[str]) -> None:
    """The false-positive filters do not remove the dates written next to those numbers."""
    assert surfaces(text) == expected
