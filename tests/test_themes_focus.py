"""Level-2 focus rules (pipeline/themes/focus.py) on releases written for these tests: a theme named in
passing, or credited by the words of a sibling theme, is not kept, although its score passes the
threshold; two genuine themes of one release both stay."""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline.themes import load_taxonomy, score_themes, tag_themes
from pipeline.themes.focus import Evidence, focused
from pipeline.themes.matching import Cue, cue_words

# A water-treatment plant: the environment is the subject; the mayor is thanked twice in one paragraph.
STATION = (
    "Valmorin inaugure une station d'épuration qui réduit la pollution de la rivière\n"
    "La nouvelle station d'épuration de Valmorin traite désormais les eaux usées de douze communes. "
    "Elle divise par trois les rejets de phosphore dans la rivière et protège la biodiversité des "
    "zones humides en aval.\n"
    "Les boues seront valorisées en compost, dans une logique d'économie circulaire, et la toiture "
    "accueille des panneaux qui couvrent une partie de la consommation de l'usine. Le projet s'inscrit "
    "dans la transition écologique de la vallée et réduit les émissions de gaz à effet de serre.\n"
    "La directrice de la régie des eaux a remercié le maire de Valmorin pour son soutien, puis le "
    "maire de la commune voisine pour la cession du terrain.\n"
    "Les travaux ont été suivis par un bureau d'études spécialisé dans le traitement de l'eau et la "
    "préservation des milieux aquatiques, face au changement climatique et aux sécheresses."
)

# A school canteen reform: education and food are both what the release is about.
CANTINE = (
    "Cantines scolaires : des repas préparés avec les produits des agriculteurs du département\n"
    "Dès la rentrée, les cantines des écoles et des collèges du département serviront chaque jour "
    "des produits alimentaires achetés aux agriculteurs et aux éleveurs locaux.\n"
    "Les élèves participeront à des ateliers sur l'alimentation et la saisonnalité des récoltes, "
    "animés par leurs enseignants avec des producteurs de la filière agricole.\n"
    "Le conseil départemental finance l'équipement des cuisines et la formation des cuisiniers aux "
    "menus sans gaspillage."
)

# A ransomware attack on a water utility: the cyber-security theme; the words "sécurité", "menace"
# and "attaque" are shared with the defence theme, which has no word of its own here.
RANCON = (
    "Une régie des eaux victime d'un rançongiciel\n"
    "La régie intercommunale des eaux de Brévanne a subi dans la nuit une attaque par "
    "rançongiciel. Les équipes de cybersécurité ont isolé les serveurs touchés et la distribution "
    "d'eau n'a pas été interrompue.\n"
    "La sécurité des installations est assurée, a précisé le directeur, qui a porté plainte. La "
    "menace pèse sur toutes les régies publiques, rappelle l'agence régionale de cybersécurité.\n"
    "Un audit de sécurité sera conduit dans les prochaines semaines et la sécurité des accès à "
    "distance sera renforcée."
)


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def _passed(nlp, taxonomy, text: str) -> dict[str, float]:
    return {s.theme: s.score for s in score_themes(nlp(text), taxonomy) if s.level == 2}


def _kept(nlp, taxonomy, text: str) -> set[str]:
    return {s.theme for s in tag_themes(nlp(text), taxonomy) if s.level == 2}


def test_a_local_official_named_in_passing_is_not_a_theme(nlp, taxonomy):
    passed = _passed(nlp, taxonomy, STATION)
    assert passed["collectivites_territoriales"] >= taxonomy.threshold  # the mentions score enough...
    kept = _kept(nlp, taxonomy, STATION)
    assert "environnement" in kept
    assert "collectivites_territoriales" not in kept  # ...but one word repeated is a mention


def test_two_genuine_themes_both_stay(nlp, taxonomy):
    kept = _kept(nlp, taxonomy, CANTINE)
    assert {"education_sensibilisation", "agriculture_alimentation"} <= kept


def test_a_theme_credited_by_a_siblings_words_is_not_kept(nlp, taxonomy):
    passed = _passed(nlp, taxonomy, RANCON)
    assert passed["securite_defense"] >= taxonomy.threshold
    kept = _kept(nlp, taxonomy, RANCON)
    assert "securite" in kept
    assert "securite_defense" not in kept


def test_a_minor_theme_named_in_the_title_stays(nlp, taxonomy):
    text = CANTINE.replace("Cantines scolaires :", "Numérique et cantines scolaires : une application et")
    titled = "Intelligence artificielle : " + STATION
    assert "intelligence_artificielle" not in _kept(nlp, taxonomy, STATION)
    kept = _kept(nlp, taxonomy, titled + "\nUn outil d'intelligence artificielle prévoit les débits.")
    assert {"environnement", "intelligence_artificielle"} <= kept
    assert "education_sensibilisation" in _kept(nlp, taxonomy, text)


def _evidence(*cues: tuple[str, float, int], passages: tuple[int, ...] = (1, 2)) -> Evidence:
    counts = Counter({Cue(t, cue_words(t), w, False): n for t, w, n in cues})
    return Evidence(counts, frozenset(passages), 3)


def test_siblings_with_words_of_their_own_both_stay():
    details = {
        "a": _evidence(("sommet", 1, 3), ("accord", 1, 2), ("traité", 2, 2)),
        "b": _evidence(("sommet", 1, 3), ("récolte", 2, 2), ("semences", 2, 2)),
    }
    assert focused([("a", 9.0), ("b", 11.0)], details) == {"a", "b"}


def test_of_two_themes_with_the_same_words_the_one_with_more_of_its_own_stays():
    details = {
        "a": _evidence(("sommet", 1, 3), ("alliance", 1, 3), ("traité", 2, 1)),
        "b": _evidence(("sommet", 1, 3), ("alliance", 1, 3), ("visite", 1, 1)),
    }
    assert focused([("a", 8.0), ("b", 7.0)], details) == {"a"}


def test_a_minor_theme_needs_several_words_of_its_own():
    details = {
        "main": _evidence(("récolte", 2, 3), ("semences", 2, 3), ("engrais", 2, 3)),
        "one_word": _evidence(("maire", 2, 2)),
        "two_plain": _evidence(("politique", 1, 3), ("institutions", 1, 1)),
        "broad": _evidence(("formation", 1, 1), ("élèves", 1, 1), ("enseignants", 1, 2)),
        "titled": _evidence(("préfet", 2, 2), passages=(0,)),
    }
    passed = [("main", 18.0), ("one_word", 4.0), ("two_plain", 4.0), ("broad", 4.0), ("titled", 4.0)]
    assert focused(passed, details) == {"main", "broad", "titled"}
    # The same evidence in a document where nothing is stronger is what the document is about.
    assert focused([("one_word", 4.0)], {"one_word": details["one_word"]}) == {"one_word"}
