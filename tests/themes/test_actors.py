"""A minister, a prefect or the State acting in a release about something else (a flood, a farm aid
plan) does not make politics a secondary subject: those cues name who acts (`actors` in the taxonomy),
not what is debated. A council's vote and its opposition still do. Releases written for these tests
(invented bodies, people and places)."""

from __future__ import annotations

import pytest

from pipeline.themes import load_taxonomy, tag_themes
from pipeline.themes.taxonomy import TaxonomyError

DISASTER, ENVIRONMENT, POLITICS = "medtop:03000000", "medtop:06000000", "medtop:11000000"

FLOOD = (
    "Crue de la Sérouanne : 300 habitants évacués à Montbrac\n\n"
    "La Sérouanne est sortie de son lit dans la nuit de samedi à dimanche après des pluies diluviennes. "
    "Le préfet a déclenché le plan d'urgence et ouvert un centre opérationnel à la préfecture. Les "
    "sapeurs-pompiers ont évacué 300 habitants des quartiers bas de Montbrac, dont une vingtaine par "
    "bateau.\n\n"
    "Les secours ont porté assistance à quatre automobilistes bloqués par les eaux. On ne déplore aucun "
    "blessé, mais les dégâts sont importants : caves inondées, routes coupées, un pont endommagé.\n\n"
    "Les services de l'État restent mobilisés et le maire a ouvert le gymnase pour héberger les sinistrés. "
    "Les autorités demandent aux habitants de ne pas s'approcher des berges. Le préfet demandera la "
    "reconnaissance de l'état de catastrophe naturelle dès la décrue.\n\n"
    "La circulation reste interdite sur trois routes départementales."
)

COUNCIL = (
    "La communauté de communes du Haut-Lizet adopte son plan pour l'eau après un vote serré\n\n"
    "Les élus de la communauté de communes du Haut-Lizet ont adopté jeudi, par 22 voix contre 19, le plan "
    "de protection de la ressource en eau. L'opposition a voté contre, dénonçant un texte rédigé sans "
    "concertation, et deux élus de la majorité se sont abstenus.\n\n"
    "Le plan prévoit la protection des zones humides, la restauration des cours d'eau et de leurs berges, "
    "la réduction des pesticides autour des captages et la plantation de haies contre l'érosion des sols. "
    "La biodiversité des rivières, où la truite fario a presque disparu, doit en profiter.\n\n"
    "Le président de l'intercommunalité parle d'un choix politique pour les vingt prochaines années. Le chef "
    "de file de l'opposition annonce qu'il fera campagne sur ce sujet aux prochaines élections "
    "municipales, et demande un référendum local."
)


def _subjects(nlp, text: str) -> list[str]:
    return [s.theme for s in tag_themes(nlp(text), load_taxonomy()) if s.level == 1]


def test_the_prefect_and_the_state_leading_the_rescue_do_not_make_a_flood_political(nlp):
    subjects = _subjects(nlp, FLOOD)
    assert subjects[0] == DISASTER and POLITICS not in subjects


def test_a_council_vote_with_its_opposition_keeps_politics_beside_the_environment(nlp):
    subjects = _subjects(nlp, COUNCIL)
    assert ENVIRONMENT in subjects and POLITICS in subjects


def test_actors_are_cues_of_their_theme(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[themes.x]\nlabel = "X"\ncues = ["maire"]\nactors = ["préfet"]\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match="actors must be cues of the theme"):
        load_taxonomy(bad)
    good = tmp_path / "good.toml"
    good.write_text('[themes.x]\nlabel = "X"\ncues = ["maire", "vote"]\nactors = ["maire"]\n', "utf-8")
    assert load_taxonomy(good).theme("x").actors == frozenset({"maire"})
