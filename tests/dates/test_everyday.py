"""A broad table of everyday French date expressions (agendas, calendars, decisions), each in a
sentence written for the test, resolved against one publication date: Wednesday 12 March 2025.

Each row: the sentence, the words that must be found (the mention must cover them), the value and the
end of a range. The table drives the grammar: a new family of expressions gets rows here first.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import extract_dates

P = dt.date(2025, 3, 12)  # a Wednesday

CASES: list[tuple[str, str, str, str | None]] = [
    # ranges in every form
    ("Le festival se tiendra du 4 au 6 juin.", "4 au 6 juin", "2025-06-04", "2025-06-06"),
    ("L'exposition restera ouverte du 4 juin au 6 juin.", "4 juin au 6 juin", "2025-06-04", "2025-06-06"),
    ("Le salon se tiendra 4 juin au 6 juin à Tours.", "4 juin au 6 juin", "2025-06-04", "2025-06-06"),
    ("Les portes ouvertes auront lieu du quatre au 6 juin.", "quatre au 6 juin", "2025-06-04", "2025-06-06"),
    ("Les relevés ont eu lieu entre le 3 et le 5 mars.", "3 et le 5 mars", "2025-03-03", "2025-03-05"),
    (
        "La semaine du lundi 3 au vendredi 7 a été chargée.",
        "lundi 3 au vendredi 7",
        "2025-03-03",
        "2025-03-07",
    ),
    ("Les inscriptions seront ouvertes du lundi 14 au vendredi 18.", "lundi 14", "2025-04-14", "2025-04-18"),
    ("Le chantier se déroulera de mars à juin 2025.", "mars à juin 2025", "2025-03", "2025-06"),
    ("La saison 2024-2025 a été difficile pour le club.", "2024-2025", "2024", "2025"),
    (
        "La mairie sera fermée du 28 décembre au 3 janvier.",
        "28 décembre au 3 janvier",
        "2025-12-28",
        "2026-01-03",
    ),
    (
        "Les dossiers sont attendus la seconde quinzaine de mai.",
        "quinzaine de mai",
        "2025-05-16",
        "2025-05-31",
    ),
    (
        "Les travaux commenceront dans la première quinzaine de juin.",
        "quinzaine de juin",
        "2025-06-01",
        "2025-06-15",
    ),
    (
        "La collecte aura lieu durant la deuxième quinzaine d'avril.",
        "quinzaine d'avril",
        "2025-04-16",
        "2025-04-30",
    ),
    ("Les résultats du premier trimestre seront publiés en avril.", "premier trimestre", "2025-Q1", None),
    (
        "Le chiffre d'affaires du troisième trimestre 2024 a progressé.",
        "troisième trimestre 2024",
        "2024-Q3",
        None,
    ),
    ("Le projet sera livré au second semestre.", "second semestre", "2025-H2", None),
    ("Le stage se déroulera du 1er au 15 juillet inclus.", "1er au 15 juillet", "2025-07-01", "2025-07-15"),
    (
        "Le dispositif court du 1er janvier 2024 au 31 décembre 2026.",
        "1er janvier 2024",
        "2024-01-01",
        "2026-12-31",
    ),
    ("Le plan couvre la période de 2025 à 2027.", "2025 à 2027", "2025", "2027"),
    ("Les ventes ont chuté entre 2020 et 2023.", "2020 et 2023", "2020", "2023"),
    ("La nuit du 3 au 4 avril, la digue sera surveillée.", "3 au 4 avril", "2025-04-03", "2025-04-04"),
    ("Les candidatures sont ouvertes d'avril à juin.", "avril à juin", "2025-04", "2025-06"),
    ("Le musée sera fermé du 10 au 14 février prochain.", "10 au 14 février", "2026-02-10", "2026-02-14"),
    ("La grève a duré du 2 au 6 mars.", "2 au 6 mars", "2025-03-02", "2025-03-06"),
    ("Le chantier se poursuivra de septembre à décembre.", "septembre à décembre", "2025-09", "2025-12"),
    (
        "Les soldes d'hiver vont du 8 janvier au 4 février 2026.",
        "8 janvier au 4 février 2026",
        "2026-01-08",
        "2026-02-04",
    ),
    # anchored on the publication date or an earlier date
    ("Le conseil se réunira jeudi en huit.", "jeudi en huit", "2025-03-20", None),
    ("La commission statuera lundi en quinze.", "lundi en quinze", "2025-03-31", None),
    (
        "La réunion aura lieu vendredi de la semaine prochaine.",
        "vendredi de la semaine prochaine",
        "2025-03-21",
        None,
    ),
    (
        "Le vote est prévu le dernier lundi du mois prochain.",
        "dernier lundi du mois prochain",
        "2025-04-28",
        None,
    ),
    (
        "Le premier mardi du mois prochain, le club reprendra.",
        "premier mardi du mois prochain",
        "2025-04-01",
        None,
    ),
    ("Le lendemain du 10 mars, les élus ont voté le budget.", "lendemain du 10 mars", "2025-03-11", None),
    ("La veille du 14 juillet, un bal sera organisé.", "veille du 14 juillet", "2025-07-13", None),
    (
        "Le conseil s'est réuni le 10 mars. La veille, les syndicats avaient manifesté.",
        "La veille",
        "2025-03-09",
        None,
    ),
    (
        "Le contrat a été signé le 3 février. Deux jours plus tard, le maire l'a annoncé.",
        "Deux jours plus tard",
        "2025-02-05",
        None,
    ),
    (
        "La plainte a été déposée le 4 février. Le jour suivant, l'enquête a été ouverte.",
        "jour suivant",
        "2025-02-05",
        None,
    ),
    (
        "L'accord a été signé le 6 janvier. Trois semaines après la signature, le chantier a commencé.",
        "Trois semaines après",
        "2025-01-27",
        None,
    ),
    (
        "Le jury s'est réuni le 2 février ; une semaine plus tard, il a rendu son avis.",
        "une semaine plus tard",
        "2025-02-09",
        None,
    ),
    (
        "La vente a eu lieu le 20 janvier et l'acte a été signé dix jours après.",
        "dix jours après",
        "2025-01-30",
        None,
    ),
    (
        "Le dossier a été déposé le 7 février et accepté quinze jours plus tard.",
        "quinze jours plus tard",
        "2025-02-21",
        None,
    ),
    ("Le tribunal a rendu son jugement hier.", "hier", "2025-03-11", None),
    (
        "En 2019, la ville a lancé le projet. L'année suivante, elle l'a abandonné.",
        "L'année suivante",
        "2020",
        None,
    ),
    (
        "En mai 2023, le club a été créé ; le mois suivant, il comptait cent membres.",
        "mois suivant",
        "2023-06",
        None,
    ),
    (
        "Le contrat a été signé le 10 mars. Trois jours auparavant, le maire avait été élu.",
        "Trois jours auparavant",
        "2025-03-07",
        None,
    ),
    (
        "Le contrat a été signé le 10 février. Le surlendemain, il a été publié.",
        "surlendemain",
        "2025-02-12",
        None,
    ),
    ("La décision sera rendue demain matin.", "demain", "2025-03-13", None),
    ("Les négociations reprendront après-demain.", "après-demain", "2025-03-14", None),
    ("L'avant-veille du scrutin du 23 mars, les affiches seront retirées.", "23 mars", "2025-03-23", None),
    ("La réunion aura lieu dans trois jours.", "dans trois jours", "2025-03-15", None),
    ("L'usine a fermé il y a deux jours.", "il y a deux jours", "2025-03-10", None),
    ("Le ministre sera en visite dans quinze jours.", "dans quinze jours", "2025-03-26", None),
    ("Le club a été relégué il y a huit jours.", "il y a huit jours", "2025-03-05", None),
    ("Le bilan sera présenté le mois prochain.", "le mois prochain", "2025-04", None),
    ("Les tarifs augmenteront l'an prochain.", "l'an prochain", "2026", None),
    ("L'association a été créée l'année dernière.", "l'année dernière", "2024", None),
    ("Le marché reprendra le 15 du mois prochain.", "15 du mois prochain", "2025-04-15", None),
    ("Le rapport sera publié dans un mois.", "dans un mois", "2025-04", None),
    # partial forms
    ("Rendez-vous le 21 pour la suite des débats.", "21", "2025-03-21", None),
    ("La braderie aura lieu du 2 au 4, place du Marché.", "2 au 4", "2025-04-02", "2025-04-04"),
    (
        "Les ateliers se tiendront entre le 20 et le 22, à la mairie.",
        "20 et le 22",
        "2025-03-20",
        "2025-03-22",
    ),
    ("La réunion du 3 avril est reportée au 24.", "24", "2025-04-24", None),
    ("Le dossier doit être déposé avant le 21/03.", "21/03", "2025-03-21", None),
    ("La permanence se tiendra le 4/5 en mairie.", "4/5", "2025-05-04", None),
    ("Le marché sera inauguré le 03.04.2025 à midi.", "03.04.2025", "2025-04-03", None),
    ("Date limite de dépôt : 2025/04/15.", "2025/04/15", "2025-04-15", None),
    ("La séance du 18.02.25 a été enregistrée.", "18.02.25", "2025-02-18", None),
    ("La séance du 12 févr. a été reportée.", "12 févr.", "2025-02-12", None),
    ("Le bilan sera publié en oct. par la préfecture.", "oct.", "2025-10", None),
    ("Les magasins seront fermés à noël.", "noël", "2025-12-25", None),
    ("Les vacances de la Toussaint commenceront bientôt.", "Toussaint", "2025-11-01", None),
    ("Le feu d'artifice du 14 juillet sera tiré sur le port.", "14 juillet", "2025-07-14", None),
    ("Le marché de Pâques 2025 sera installé place du Marché.", "Pâques 2025", "2025-04-20", None),
    ("La course aura lieu le lundi de Pâques.", "lundi de Pâques", "2025-04-21", None),
    ("La kermesse se tiendra à la Pentecôte.", "Pentecôte", "2025-06-08", None),
    ("À Noël dernier, la place était illuminée.", "Noël dernier", "2024-12-25", None),
    ("La salle sera rénovée pour la Toussaint prochaine.", "Toussaint prochaine", "2025-11-01", None),
    ("Le pont du 8 mai sera long cette année.", "8 mai", "2025-05-08", None),
    ("Le pont de l'Ascension sera long cette année.", "Ascension", "2025-05-29", None),
    ("Le défilé du 1er mai partira de la gare.", "1er mai", "2025-05-01", None),
    ("LES MAGASINS RESTERONT OUVERTS JUSQU'À NOËL.", "NOËL", "2025-12-25", None),
    ("Le ministre a inauguré lundi la nouvelle école.", "lundi", "2025-03-10", None),
    ("Le ministre inaugurera lundi la nouvelle école.", "lundi", "2025-03-17", None),
    ("La fête des écoles a lieu le 5 avril.", "5 avril", "2025-04-05", None),
    ("Les travaux de voirie débutent lundi.", "lundi", "2025-03-17", None),
    ("La collecte de sang est organisée samedi.", "samedi", "2025-03-15", None),
    ("Mardi dernier, la préfète a visité le chantier.", "Mardi dernier", "2025-03-11", None),
    ("Samedi prochain, la médiathèque ouvrira ses portes.", "Samedi prochain", "2025-03-15", None),
    ("Les élus se retrouveront mercredi prochain.", "mercredi prochain", "2025-03-19", None),
    ("Rendez-vous dimanche 16 mars sur la place.", "dimanche 16 mars", "2025-03-16", None),
    ("Le spectacle aura lieu le jeudi 13/03 à 20h.", "13/03", "2025-03-13", None),
    ("La permanence reprendra le mardi 1er avril.", "mardi 1er avril", "2025-04-01", None),
    ("Les ateliers auront lieu lundi 17 et mardi 18.", "lundi 17", "2025-03-17", None),
    ("Le scrutin se tiendra les dimanches 16 et 23 mars.", "16", "2025-03-16", None),
    ("Le dossier sera traité au cours du mois de mai.", "mois de mai", "2025-05", None),
    ("À la Saint-Jean, un grand feu sera allumé sur la plage.", "Saint-Jean", "2025-06-24", None),
    ("Le ministre sera en visite mardi et mercredi.", "mercredi", "2025-03-19", None),
    ("La ville sera en fête de vendredi à dimanche.", "dimanche", "2025-03-16", None),
    ("Dès lundi, les horaires de la piscine changent.", "lundi", "2025-03-17", None),
    ("La cérémonie aura lieu le 11-Novembre devant le monument.", "11-Novembre", "2025-11-11", None),
    ("Le premier semestre de l'année prochaine sera décisif.", "premier semestre", "2026-H1", None),
    (
        "Le troisième trimestre a été marqué par une hausse des ventes.",
        "troisième trimestre",
        "2024-Q3",
        None,
    ),
    (
        "L'association est née le 3 mai 2019. Un an après, elle comptait cent membres.",
        "Un an après",
        "2020",
        None,
    ),
    ("Les inscriptions enregistrées jusqu'à ce jour dépassent nos attentes.", "ce jour", "2025-03-12", None),
    ("Aujourd'hui, le tribunal a pleinement reconnu ses droits.", "Aujourd'hui", "2025-03-12", None),
    ("La cour juge deux hommes pour le vol commis dans la mairie le 21 juin.", "21 juin", "2024-06-21", None),
    # year of a year-less date
    ("En 2023, le conseil avait adopté le 15 juin une motion.", "15 juin", "2023-06-15", None),
    (
        "Le préfet a signé l'arrêté le 3 février 2022 ; le lendemain, il l'a publié.",
        "le lendemain",
        "2022-02-04",
        None,
    ),
    ("Le budget a été voté en décembre.", "décembre", "2024-12", None),
    ("Les travaux ont commencé le 20 novembre.", "20 novembre", "2024-11-20", None),
    ("Les travaux commenceront le 20 février.", "20 février", "2026-02-20", None),
    ("Les inscriptions seront closes le 5 mars.", "5 mars", "2026-03-05", None),
    ("La réunion du 5 mars a permis d'avancer.", "5 mars", "2025-03-05", None),
    # agendas and deadlines
    ("Les inscriptions sont ouvertes à partir du 1er avril.", "1er avril", "2025-04-01", None),
    ("L'exposition est visible jusqu'au 30 juin.", "30 juin", "2025-06-30", None),
    ("Les dossiers sont à déposer au plus tard le 31 mai.", "31 mai", "2025-05-31", None),
    ("Le règlement s'applique à compter du 1er septembre.", "1er septembre", "2025-09-01", None),
    ("Les résultats seront connus fin mars.", "fin mars", "2025-03", None),
    ("Le chantier débutera début avril.", "début avril", "2025-04", None),
    ("La consultation s'achèvera mi-mai.", "mi-mai", "2025-05", None),
    ("La livraison est attendue courant juin.", "courant juin", "2025-06", None),
    ("La piscine rouvrira à la mi-juin.", "mi-juin", "2025-06", None),
    ("Le dispositif sera étendu fin 2025.", "fin 2025", "2025", None),
    ("Le nouveau plan entrera en vigueur en 2026.", "2026", "2026", None),
    ("Le budget de 2025 a été voté à l'unanimité.", "2025", "2025", None),
    ("Le festival reviendra en janvier prochain.", "janvier prochain", "2026-01", None),
    ("La crue de décembre dernier a marqué les esprits.", "décembre dernier", "2024-12", None),
    ("L'assemblée générale se tiendra le 31 décembre prochain.", "31 décembre prochain", "2025-12-31", None),
    ("Le décret a été publié le 2 janvier dernier.", "2 janvier dernier", "2025-01-02", None),
    ("La rentrée aura lieu au mois de septembre.", "septembre", "2025-09", None),
    ("La conférence aura lieu l'après-midi du 5 avril.", "5 avril", "2025-04-05", None),
    ("La journée du 8 mars a été consacrée aux droits des femmes.", "8 mars", "2025-03-08", None),
    ("Le jeudi 20 mars à 18h, le maire recevra les associations.", "jeudi 20 mars", "2025-03-20", None),
    ("Le tournoi se jouera les 5, 6 et 7 juin.", "5", "2025-06-05", None),
    ("Les journées du patrimoine auront lieu les 20 et 21 septembre.", "21 septembre", "2025-09-21", None),
    ("Le week-end des 5 et 6 avril, la ville fêtera le printemps.", "6 avril", "2025-04-06", None),
    ("Le festival aura lieu la semaine du 14 avril.", "14 avril", "2025-04-14", None),
    ("L'équipe a annoncé aujourd'hui son nouveau projet.", "aujourd'hui", "2025-03-12", None),
    ("La mairie sera fermée le vendredi 2 mai.", "vendredi 2 mai", "2025-05-02", None),
    ("Le délai court jusqu'au 15 avril 2025 inclus.", "15 avril 2025", "2025-04-15", None),
    # decisions
    ("Par arrêté du 4 mars 2025, le préfet a interdit la circulation.", "4 mars 2025", "2025-03-04", None),
    ("La décision n° 2025-123 du 5 février a été annulée.", "5 février", "2025-02-05", None),
    ("La loi n° 2024-582 du 24 juin 2024 est entrée en vigueur.", "24 juin 2024", "2024-06-24", None),
    ("La délibération du 12/02/2025 approuve le budget.", "12/02/2025", "2025-02-12", None),
    ("Le tribunal a rendu son jugement le 7 mars.", "7 mars", "2025-03-07", None),
    ("L'audience est renvoyée au 15 mai.", "15 mai", "2025-05-15", None),
    ("En séance du 10 février, le conseil a voté la subvention.", "10 février", "2025-02-10", None),
    ("Le recours a été rejeté par un arrêt du 18 décembre 2024.", "18 décembre 2024", "2024-12-18", None),
]

# False friends: amounts, counts and clock times are no dates.
NO_DATE = [
    "Les 1800 bénévoles ont été remerciés par la mairie.",
    "Il encourt 2500 euros d'amende.",
    "Il a écopé d'une amende de 1500.",
    "Une subvention exceptionnelle de 1900 a été votée.",
    "L'enveloppe totale atteint 2030 à la fin de la saison.",
    "À 14h30, la séance a repris dans le calme.",
    "Le rendez-vous est fixé à 9 h 45 devant la mairie.",
    "Plus de 2000 personnes ont défilé dans les rues.",
    "La commune compte 1950 habitants et 2024 logements.",
    "Le club a gagné 3 à 1 face à ses voisins.",
    "Le score final est de 21-18 pour les locaux.",
    "Le tarif passe de 1500 à 1800 euros par an.",
    "Les 2025 premiers inscrits recevront un cadeau.",
    "Le projet a reçu 1 500 000 euros de subventions.",
    "Le marché de Noël s'installe sur la place.",
    "Le premier dimanche de l'Avent, la chorale chante.",
    "Le club de Saint-Jean a gagné le derby.",
    "Le nouvel an chinois sera fêté par l'association franco-asiatique.",
    "La version 12.03.25 du logiciel corrige trois failles.",
    "La collecte a lieu le premier lundi de chaque mois.",
    "Appelez le 15 en cas d'urgence.",
    "Le score était de 3/4 à la pause.",
    "L'équipe est passée de 12 à 15 joueurs en deux saisons.",
    "Le siège est situé au 12 avenue des Tilleuls.",
    "Ils ont travaillé pendant trois ans et durant les deux derniers mois sans relâche.",
    "La salle peut accueillir 1200 spectateurs.",
]


def _covering(text: str, words: str):
    at = text.find(words)
    assert at >= 0, words
    return [m for m in extract_dates(text, P) if m.start <= at and at + len(words) <= m.end]


@pytest.mark.parametrize("text, words, value, end_value", CASES)
def test_everyday_expression(text: str, words: str, value: str, end_value: str | None) -> None:
    found = _covering(text, words)
    assert found, [(m.text, m.value) for m in extract_dates(text, P)]
    assert (found[0].value, found[0].end_value) == (value, end_value)


@pytest.mark.parametrize("text", NO_DATE)
def test_false_friends_are_no_dates(text: str) -> None:
    assert [(m.text, m.value) for m in extract_dates(text, P)] == []
