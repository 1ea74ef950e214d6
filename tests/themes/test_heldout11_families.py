"""Families of errors read off the eleventh held-out themes set (tests/data/themes/heldout11), each shown
on releases written for these tests (invented people, bodies and places):

- mountain hazards (an avalanche, a rock fall, a mudslide) are disasters and emergencies, not only the
  weather that caused them;
- trade across borders and the trader's business (exporters, importers, sales "à l'export", a
  "négociant", orders) are the economy;
- homelessness and emergency shelter ("hébergement d'urgence", "sans-abri", outreach rounds, a food
  bank) and loneliness ("isolement social", "solitude", "lien social") are society: the longer phrases
  hide health's and disasters' "urgence", the economy's "banque" and labour's "travailleurs";
- a reform of a workforce's hours or bonuses and a labour dispute's negotiation meeting are labour, not
  politics' "réforme";
- the verb "finance" (a plan that pays for something) is not the economy's "finance".
"""

from __future__ import annotations

from pipeline.themes import load_taxonomy, score_themes, tag_themes

CRIME, DISASTER, ECONOMY = "medtop:02000000", "medtop:03000000", "medtop:04000000"
HEALTH, LABOUR, POLITICS = "medtop:07000000", "medtop:09000000", "medtop:11000000"
SOCIETY, WEATHER = "medtop:14000000", "medtop:17000000"


def _subjects(nlp, text: str) -> list[str]:
    return [s.theme for s in tag_themes(nlp(text), load_taxonomy()) if s.level == 1]


def _evidence(nlp, text: str, theme: str) -> list[str]:
    found = {s.theme: s for s in score_themes(nlp(text), load_taxonomy())}
    return found[theme].evidence.split("; ") if theme in found else []


ROCK_FALL = (
    "Route du col fermée après un éboulement\n\n"
    "Briançon, le 3 avril — Un éboulement a coupé la route du col de l'Izoard dans la nuit de mardi. "
    "Les géologues craignent d'autres chutes de pierres après le dégel ; une avalanche avait déjà "
    "enseveli la chaussée en février. Aucun automobiliste n'a été touché."
)


def test_mountain_hazards_are_disasters(nlp):
    assert _subjects(nlp, ROCK_FALL)[0] == DISASTER
    assert {"éboulement", "avalanche"} <= set(_evidence(nlp, ROCK_FALL, DISASTER))


COGNAC_FRAUD = (
    "Faux cognac : deux négociants condamnés\n\n"
    "Angoulême, le 12 mai — Le tribunal correctionnel a condamné deux négociants pour escroquerie et "
    "tromperie : ils vendaient de l'eau-de-vie ordinaire sous une appellation prestigieuse. Le parquet "
    "avait requis de la prison ferme.\n\n"
    "Les maisons de la région disent avoir perdu des commandes : les importateurs asiatiques ont "
    "suspendu leurs achats et les ventes à l'export ont reculé de 9 %. Le négoce local craint une "
    "baisse durable des prix."
)


def test_trade_across_borders_is_the_economy(nlp):
    subjects = _subjects(nlp, COGNAC_FRAUD)
    assert {CRIME, ECONOMY} <= set(subjects)
    economy = _evidence(nlp, COGNAC_FRAUD, ECONOMY)
    assert "importateurs" in economy and "à l'export" in economy


NIGHT_SHELTER = (
    "Un nouvel accueil de nuit pour les sans-abri à Nancy\n\n"
    "Nancy, le 2 décembre — Le Collectif Lanterne ouvre un centre d'hébergement d'urgence de 80 lits "
    "pour les personnes sans domicile. Ses maraudes distribuent des repas fournis par la banque "
    "alimentaire. Un médecin bénévole passe le jeudi soir."
)


def test_emergency_shelter_is_society_not_health(nlp):
    assert _subjects(nlp, NIGHT_SHELTER) == [SOCIETY]
    assert "urgence" not in _evidence(nlp, NIGHT_SHELTER, DISASTER)
    assert "banque" not in _evidence(nlp, NIGHT_SHELTER, ECONOMY)


LONELY = (
    "Des visites pour rompre la solitude des aînés\n\n"
    "Tours, le 8 janvier — Le centre communal d'action sociale lance des visites de bénévoles chez les "
    "personnes isolées. La solitude touche un retraité sur quatre ; recréer du lien social passe par "
    "des goûters et des sorties."
)


def test_loneliness_is_society(nlp):
    assert _subjects(nlp, LONELY)[0] == SOCIETY
    assert {"solitude", "lien social"} <= set(_evidence(nlp, LONELY, SOCIETY))


BUS_DRIVERS = (
    "Les chauffeurs de bus de Toulon en grève\n\n"
    "Toulon, le 6 mars — Les conducteurs du réseau de bus sont en grève depuis lundi contre la réforme "
    "des horaires décidée par la direction, qui allonge leurs journées et supprime une prime de "
    "pénibilité. Le syndicat majoritaire demande le retrait du projet ; une réunion de négociation "
    "est prévue vendredi."
)


def test_a_reform_of_working_hours_is_labour_not_politics(nlp):
    subjects = _subjects(nlp, BUS_DRIVERS)
    assert subjects[0] == LABOUR and POLITICS not in subjects
    assert "réforme" not in _evidence(nlp, BUS_DRIVERS, POLITICS)


PENSION_BILL = (
    "Le gouvernement présente sa réforme des retraites\n\n"
    "Paris, le 10 janvier — Le Premier ministre a présenté la réforme des retraites, qui sera débattue "
    "à l'Assemblée nationale en février. Les syndicats annoncent une journée de grève."
)


def test_a_government_reform_is_still_politics(nlp):
    assert POLITICS in _subjects(nlp, PENSION_BILL)
    assert "réforme" in _evidence(nlp, PENSION_BILL, POLITICS)


REPAIR_PLAN = (
    "Un plan pour les cafés de village\n\n"
    "Rodez, le 4 juin — Le plan finance l'ouverture de cafés associatifs dans les villages et les "
    "animations des bénévoles pour les habitants isolés."
)


def test_the_verb_finance_is_not_the_economy(nlp):
    assert "finance" not in _evidence(nlp, REPAIR_PLAN, ECONOMY)
