"""Families of errors read off the thirteenth held-out themes set (tests/data/themes/heldout13), each shown
on releases written for these tests (invented people, bodies and places):

- insolvency proceedings ("liquidation judiciaire", "redressement judiciaire", the "tribunal de commerce"
  and its officers) are the economy, not crime;
- doping and sport's own disciplinary bodies (an anti-doping test, the Tribunal arbitral du sport) are
  sport, and a lawyer or a hearing is who acts, not a crime of its own;
- workplace elections and staff bodies (a "CSE", "élections professionnelles", "élus titulaires") are
  labour, not politics;
- water as a resource (a water table, water restrictions) is the environment, a drought is the weather,
  and a household cutting its water use is not the economy's consumption;
- phrases that speak for no subject: "faire état de" (not the State), a colonial army or a war of
  conquest told as history (not a conflict), a town's tourist office (not the tourism industry); the
  foreign ministry that coordinates an aid team is who acts, not diplomacy.
"""

from __future__ import annotations

from pipeline.themes import load_taxonomy, score_themes, tag_themes

CRIME, DISASTER, ECONOMY = "medtop:02000000", "medtop:03000000", "medtop:04000000"
ENVIRONMENT, LABOUR, POLITICS = "medtop:06000000", "medtop:09000000", "medtop:11000000"
SPORT, CONFLICT, WEATHER = "medtop:15000000", "medtop:16000000", "medtop:17000000"


def _subjects(nlp, text: str) -> list[str]:
    return [s.theme for s in tag_themes(nlp(text), load_taxonomy()) if s.level == 1]


def _evidence(nlp, text: str, theme: str) -> list[str]:
    found = {s.theme: s for s in score_themes(nlp(text), load_taxonomy())}
    return found[theme].evidence.split("; ") if theme in found else []


BAKERY_CHAIN = (
    "La chaîne de boulangeries Pain Doré en redressement judiciaire\n\n"
    "Rouen, le 6 mai — Le tribunal de commerce de Rouen a placé en redressement judiciaire la société "
    "Pain Doré, qui exploite vingt boulangeries en Normandie. Son chiffre d'affaires a reculé de 15 % "
    "avec la hausse du prix de la farine et de l'énergie. Un administrateur judiciaire a six mois pour "
    "trouver une offre de reprise ou un plan de continuation ; faute de quoi, la liquidation judiciaire "
    "sera prononcée. Les 140 salariés restent payés pendant la période d'observation."
)


def test_insolvency_proceedings_are_the_economy_not_crime(nlp):
    subjects = _subjects(nlp, BAKERY_CHAIN)
    assert ECONOMY in subjects and CRIME not in subjects
    economy = _evidence(nlp, BAKERY_CHAIN, ECONOMY)
    assert {"tribunal de commerce", "redressement judiciaire", "liquidation judiciaire"} <= set(economy)
    assert "tribunal" not in _evidence(nlp, BAKERY_CHAIN, CRIME)


SWIMMER_BAN = (
    "Dopage : la nageuse Inès Morvan conteste sa suspension\n\n"
    "Brest, le 2 septembre — La nageuse Inès Morvan a saisi le Tribunal arbitral du sport après sa "
    "suspension de deux ans pour un contrôle positif lors des championnats de France. Son avocat "
    "plaide une contamination alimentaire. L'audience devant le TAS aura lieu en novembre ; d'ici là, "
    "la championne ne peut pas s'aligner en compétition ni s'entraîner avec son club."
)


def test_doping_and_sports_arbitration_are_sport_not_crime(nlp):
    subjects = _subjects(nlp, SWIMMER_BAN)
    assert subjects[0] == SPORT and CRIME not in subjects
    sport = _evidence(nlp, SWIMMER_BAN, SPORT)
    assert {"dopage", "Tribunal arbitral du sport", "contrôle positif"} <= set(sport)
    assert "tribunal" not in _evidence(nlp, SWIMMER_BAN, CRIME)


WORKS_COUNCIL = (
    "Élections professionnelles chez Verrerie Lanvaux\n\n"
    "Cognac, le 20 novembre — Les 900 salariés de la Verrerie Lanvaux ont renouvelé leur comité social "
    "et économique. FO obtient 12 des 22 élus titulaires et devient le premier syndicat de l'usine. Le "
    "nouveau CSE négociera dès janvier l'accord d'intéressement et les salaires ; le délégué syndical "
    "réclame aussi des embauches sur la ligne de nuit."
)


def test_workplace_elections_are_labour_not_politics(nlp):
    subjects = _subjects(nlp, WORKS_COUNCIL)
    assert subjects == [LABOUR]
    labour = _evidence(nlp, WORKS_COUNCIL, LABOUR)
    assert {"élections professionnelles", "comité social et économique", "élus titulaires"} <= set(labour)
    assert "élection" not in _evidence(nlp, WORKS_COUNCIL, POLITICS)


DRY_SUMMER = (
    "Sécheresse : les nappes au plus bas dans le Gers\n\n"
    "Auch, le 1er août — Sans pluie depuis juin et après deux vagues de fortes chaleurs, la nappe "
    "phréatique du Gers est à son plus bas niveau depuis 2003. Le préfet impose des restrictions d'eau : "
    "remplir les piscines et laver les voitures est interdit. Les habitants sont invités à réduire leur "
    "consommation et à protéger la ressource en eau des rivières, où les poissons souffrent."
)


def test_water_resources_are_the_environment_and_a_drought_the_weather(nlp):
    subjects = _subjects(nlp, DRY_SUMMER)
    assert ENVIRONMENT in subjects and WEATHER in subjects and ECONOMY not in subjects
    assert {"nappe phréatique", "restrictions d'eau"} <= set(_evidence(nlp, DRY_SUMMER, ENVIRONMENT))
    assert "sécheresse" in _evidence(nlp, DRY_SUMMER, WEATHER)
    assert "consommation" not in _evidence(nlp, DRY_SUMMER, ECONOMY)


FLOOD_AID = (
    "Inondations au Pérou : une équipe de la Croix-Verte d'Annecy sur place\n\n"
    "Annecy, le 14 mars — Après les inondations qui ont frappé le nord du Pérou, l'association "
    "Croix-Verte d'Annecy envoie douze secouristes et des pompes. Le dernier bilan fait état de 60 morts "
    "et de milliers de sinistrés. Le ministère des Affaires étrangères a coordonné le départ avec les "
    "autorités de Lima. Les secouristes apportent des tentes et des kits d'eau potable."
)


def test_faire_etat_is_not_the_state_and_the_ministry_is_who_acts(nlp):
    assert "État" not in _evidence(nlp, FLOOD_AID, POLITICS)
    assert _subjects(nlp, FLOOD_AID) == [DISASTER]


MASKS_RETURNED = (
    "Le musée de Vierzon rend trois masques au Cameroun\n\n"
    "Vierzon, le 5 octobre — Le musée municipal de Vierzon rendra au Cameroun trois masques rapportés en "
    "1901 par un officier de l'armée coloniale pendant une guerre de conquête. Les conservateurs ont "
    "retracé leur provenance dans les archives ; les œuvres seront exposées une dernière fois au musée. "
    "L'office de tourisme organise des visites guidées de l'exposition jusqu'au départ des masques."
)


def test_colonial_history_is_no_conflict_and_a_tourist_office_no_industry(nlp):
    subjects = _subjects(nlp, MASKS_RETURNED)
    assert CONFLICT not in subjects and ECONOMY not in subjects
    assert not {"armée", "guerre"} & set(_evidence(nlp, MASKS_RETURNED, CONFLICT))
    assert "tourisme" not in _evidence(nlp, MASKS_RETURNED, ECONOMY)
