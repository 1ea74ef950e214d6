"""Families of errors read off the twelfth held-out themes set (tests/data/themes/heldout12), each shown
on releases written for these tests (invented people, bodies and places):

- offences of office and of business (an official "mis en examen", favouritism, "prise illégale
  d'intérêts", influence peddling, embezzlement, an investigating judge) are crime: "mis en examen" is
  not education's exams;
- a public contract ("marchés publics", "l'attribution des marchés") is not the economy's market;
- pets and their shows (a dog or cat show, a kennel club, agility) are daily life and leisure, and an
  exhibition centre ("parc des expositions") is a venue, not the arts' exhibition.
"""

from __future__ import annotations

from pipeline.themes import load_taxonomy, score_themes, tag_themes

ARTS, CRIME, ECONOMY = "medtop:01000000", "medtop:02000000", "medtop:04000000"
EDUCATION, LEISURE, POLITICS = "medtop:05000000", "medtop:10000000", "medtop:11000000"


def _subjects(nlp, text: str) -> list[str]:
    return [s.theme for s in tag_themes(nlp(text), load_taxonomy()) if s.level == 1]


def _evidence(nlp, text: str, theme: str) -> list[str]:
    found = {s.theme: s for s in score_themes(nlp(text), load_taxonomy())}
    return found[theme].evidence.split("; ") if theme in found else []


CHARGED_OFFICIAL = (
    "Le président du syndicat des eaux mis en examen\n\n"
    "Tours, le 4 mars — Le président du syndicat intercommunal des eaux de la Brenne, élu depuis 2014, "
    "a été mis en examen pour détournement de fonds et trafic d'influence. Le juge d'instruction "
    "s'intéresse à l'attribution des marchés publics de canalisations depuis six ans.\n\n"
    "L'élu dénonce une cabale politique. Une information judiciaire pour favoritisme vise aussi deux "
    "anciens vice-présidents."
)


def test_offences_of_office_are_crime_not_exams(nlp):
    subjects = _subjects(nlp, CHARGED_OFFICIAL)
    assert CRIME in subjects and EDUCATION not in subjects
    crime = _evidence(nlp, CHARGED_OFFICIAL, CRIME)
    assert {"mis en examen", "favoritisme", "trafic d'influence", "détournement de fonds"} <= set(crime)
    assert not any("examen" in e for e in _evidence(nlp, CHARGED_OFFICIAL, EDUCATION))


def test_a_public_contract_is_not_the_market(nlp):
    assert "marché" not in _evidence(nlp, CHARGED_OFFICIAL, ECONOMY)
    assert ECONOMY not in _subjects(nlp, CHARGED_OFFICIAL)


CAT_SHOW = (
    "Trois cents chats au parc des expositions de Brive\n\n"
    "Brive, le 9 novembre — Le Cercle félin du Limousin tient dimanche son exposition féline au parc des "
    "expositions : trois cents chats de quarante races seront jugés sur leur pelage et leur port. Les "
    "propriétaires d'animaux de compagnie pourront rencontrer des éleveurs et un refuge proposera des "
    "chatons à l'adoption. Entrée libre pour les enfants."
)


def test_a_pet_show_is_leisure_not_the_arts(nlp):
    subjects = _subjects(nlp, CAT_SHOW)
    assert subjects[0] == LEISURE
    assert ARTS not in subjects
    assert "exposition" not in _evidence(nlp, CAT_SHOW, ARTS)


CAR_FAIR = (
    "Le salon de l'occasion revient au parc des expositions\n\n"
    "Metz, le 2 février — Deux cents concessionnaires exposent 1 500 voitures d'occasion ce week-end au "
    "parc des expositions. Les visiteurs pourront comparer les prix et obtenir un crédit sur place."
)


def test_an_exhibition_centre_is_a_venue(nlp):
    assert ARTS not in _subjects(nlp, CAR_FAIR)
    assert "exposition" not in _evidence(nlp, CAR_FAIR, ARTS)
