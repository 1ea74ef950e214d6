"""Families of errors read off the tenth held-out themes set (tests/data/themes/heldout10), each shown on
releases written for these tests (invented people, bodies and places):

- a chamber of trades ("chambre de métiers") is a body, not labour's "métiers", and a firm that
  "emploie" staff (its size; the verb folds onto the noun "emploi") is not labour;
- a prize given for work in another field (research, a craft) is that field's news: the prize's words
  are human interest's actors, which alone do not keep it as a secondary subject (a tribute or a life
  story still does);
- the university where a researcher works is, like the school, where and who: an actor of education;
- consumer issues (a consumer association, retailers' own brands, product recalls, makers and labels)
  are the economy, and the harms of a product to the body (endocrine disruptors, allergens, eczema) and
  the doctors named by their speciality ("pédiatre", "dermatologue") are health;
- a consumer test's laboratory ("tests en laboratoire", "laboratoire indépendant") and a body's
  advisory "comité scientifique" are not research.
"""

from __future__ import annotations

from pipeline.themes import load_taxonomy, score_themes, tag_themes

ECONOMY, EDUCATION, HEALTH = "medtop:04000000", "medtop:05000000", "medtop:07000000"
HUMAN, LABOUR, SCIENCE = "medtop:08000000", "medtop:09000000", "medtop:13000000"


def _subjects(nlp, text: str) -> list[str]:
    return [s.theme for s in tag_themes(nlp(text), load_taxonomy()) if s.level == 1]


def _evidence(nlp, text: str, theme: str) -> list[str]:
    found = {s.theme: s for s in score_themes(nlp(text), load_taxonomy())}
    return found[theme].evidence.split("; ") if theme in found else []


PASTRY_EXAM = (
    "Trois apprentis pâtissiers de Vesoul reçus premiers au CAP\n\n"
    "Vesoul, le 4 juillet — La chambre de métiers de la Haute-Saône félicite trois apprentis pâtissiers "
    "de son centre de formation, reçus premiers de l'académie à l'examen du CAP. Leur enseignement, en "
    "alternance, mêle cours au centre et pratique chez un artisan. La pâtisserie Rochelin, qui emploie "
    "quatre salariés, accueillera l'un d'eux en contrat de professionnalisation à la rentrée."
)


def test_a_chamber_of_trades_and_a_firm_size_are_not_labour(nlp):
    subjects = _subjects(nlp, PASTRY_EXAM)
    assert subjects[0] == EDUCATION and LABOUR not in subjects
    labour = _evidence(nlp, PASTRY_EXAM, LABOUR)
    assert "métiers" not in labour and "emploi" not in labour


JOB_FAIR = (
    "Un forum pour l'emploi des jeunes à Épinal\n\n"
    "Épinal, le 9 mars — Le forum pour l'emploi réunira 60 employeurs qui recrutent. Le chômage des "
    "jeunes reste élevé dans les Vosges et les syndicats demandent des embauches en contrat durable."
)


def test_the_noun_emploi_still_speaks_for_labour(nlp):
    assert _subjects(nlp, JOB_FAIR)[0] == LABOUR
    assert "emploi" in _evidence(nlp, JOB_FAIR, LABOUR)


CHEMISTRY_PRIZE = (
    "Le chimiste Julien Morvanec reçoit la médaille de la Société de chimie\n\n"
    "Rennes, le 14 octobre — Le chimiste Julien Morvanec, chercheur au CNRS, est le lauréat du prix "
    "Antoine-Balard, qui récompense ses recherches sur les catalyseurs au fer. Son laboratoire a montré "
    "qu'ils remplacent le platine dans la synthèse de molécules, une découverte publiée dans une revue "
    "scientifique. Le prix lui sera décerné en décembre ; le chercheur donne aussi un cours à "
    "l'université de Rennes et dirige une équipe de huit doctorants."
)


def test_a_prize_for_research_is_science_not_human_interest(nlp):
    subjects = _subjects(nlp, CHEMISTRY_PRIZE)
    assert subjects == [SCIENCE]
    assert "lauréat" in _evidence(nlp, CHEMISTRY_PRIZE, HUMAN)  # the prize's words still score


TRIBUTE = (
    "Hommage à Odette Lanvaux, centenaire et ancienne résistante\n\n"
    "Quimper, le 3 mai — La ville a rendu hommage samedi à Odette Lanvaux, qui fête son centième "
    "anniversaire. Lauréate en 1946 d'un prix de poésie, elle a raconté son parcours et ses souvenirs "
    "devant les élèves du quartier, émus par son témoignage."
)


def test_a_life_story_with_a_prize_stays_human_interest(nlp):
    assert _subjects(nlp, TRIBUTE)[0] == HUMAN


TOY_TEST = (
    "Jouets d'éveil : l'association Vigie Conso en déconseille cinq\n\n"
    "Nantes, le 20 novembre — L'association de consommateurs Vigie Conso a fait analyser vingt jouets "
    "d'éveil vendus en grande surface par un laboratoire indépendant. Cinq contiennent des perturbateurs "
    "endocriniens ou un vernis allergisant. Ces substances peuvent provoquer de l'eczéma chez l'enfant, "
    "selon la dermatologue Inès Carvalho, membre du comité scientifique de l'association.\n\n"
    "L'association demande un rappel de produits aux fabricants concernés, dont une marque distributeur, "
    "et un étiquetage plus clair. Elle note des prix très variables pour des jouets comparables."
)


def test_a_consumer_test_is_the_economy_and_health_not_research(nlp):
    subjects = _subjects(nlp, TOY_TEST)
    assert set(subjects) == {ECONOMY, HEALTH}
    economy = _evidence(nlp, TOY_TEST, ECONOMY)
    assert "association de consommateurs" in economy and "rappel de produits" in economy
    health = _evidence(nlp, TOY_TEST, HEALTH)
    assert "perturbateurs endocriniens" in health and "dermatologue" in health
    science = _evidence(nlp, TOY_TEST, SCIENCE)
    assert "laboratoire" not in science and "scientifique" not in science


MINERAL = (
    "Une géologue décrit un nouveau minéral découvert dans les Alpes\n\n"
    "Grenoble, le 2 février — La géologue Pauline Astruc, chercheuse à l'université de Grenoble, "
    "décrit dans une revue scientifique un minéral inconnu découvert dans les Alpes. Les analyses "
    "menées par son équipe de recherche et deux étudiants montrent une structure cristalline "
    "jamais observée, qui pourrait renseigner sur l'histoire des Alpes."
)


def test_a_university_where_a_researcher_works_is_no_secondary_education(nlp):
    subjects = _subjects(nlp, MINERAL)
    assert subjects[0] == SCIENCE and EDUCATION not in subjects
