"""Families of errors read off the seventh held-out themes set (tests/data/themes/heldout7), each shown on
releases written for these tests (invented people, bodies and places):

- schools shut by a storm (or a strike, an epidemic) and school buses stopped are not education;
- the verb "former" is as often "to form" (fog, ice, a queue forms) as "to train": no cue of education;
- the examination of a request, a file or a bill, and a medical examination, are not exams;
- a bird's migration and an animal set free are not society's migrants and freedoms;
- a drug maker ("laboratoire pharmaceutique") or a medical analysis laboratory is not research.
"""

from __future__ import annotations

from pipeline.themes import load_taxonomy, score_themes, tag_themes

EDUCATION, ENVIRONMENT = "medtop:05000000", "medtop:06000000"
SCIENCE, SOCIETY, WEATHER = "medtop:13000000", "medtop:14000000", "medtop:17000000"


def _subjects(nlp, text: str) -> list[str]:
    return [s.theme for s in tag_themes(nlp(text), load_taxonomy()) if s.level == 1]


def _evidence(nlp, text: str, theme: str) -> list[str]:
    found = {s.theme: s for s in score_themes(nlp(text), load_taxonomy())}
    return found[theme].evidence.split("; ") if theme in found else []


STORM = (
    "Tempête Ondine : vigilance rouge vent violent sur le littoral\n\n"
    "Quimperlé, le 3 février — Météo-France annonce des rafales de 150 km/h sur la côte dans la nuit de "
    "mardi à mercredi, avec de fortes pluies et des vagues de huit mètres. Des bancs de brouillard "
    "pourront se former dans les vallées au lever du jour.\n\n"
    "Le préfet a ordonné la fermeture des écoles mercredi et les transports scolaires ne circuleront "
    "pas. Le ramassage scolaire reprendra jeudi si le vent faiblit.\n\n"
    "Les habitants sont invités à rentrer le mobilier de jardin et à éviter le bord de mer pendant la "
    "tempête. Les températures resteront douces, autour de 12 degrés."
)


def test_schools_shut_by_a_storm_are_not_education(nlp):
    subjects = _subjects(nlp, STORM)
    assert subjects[0] == WEATHER and EDUCATION not in subjects
    education = _evidence(nlp, STORM, EDUCATION)
    assert "école" not in education and "scolaire" not in education


def test_fog_that_forms_is_no_training(nlp):
    found = {s.theme: s.evidence.split("; ") for s in score_themes(nlp(STORM), load_taxonomy())}
    assert "former" not in found.get("education_sensibilisation", [])


def test_the_examination_of_a_request_or_a_bill_is_not_an_exam(nlp):
    text = (
        "La commission des finances a repris l'examen du projet de loi sur les collectivités locales, "
        "tandis que la préfecture poursuit l'examen des dossiers de subvention. Chaque candidat passera "
        "aussi un examen médical avant son embauche."
    )
    assert "examens" not in _evidence(nlp, text, EDUCATION)


CRANE = (
    "Une grue cendrée relâchée au lac de Brennelière\n\n"
    "Le centre de soins pour la faune sauvage de Brennelière a relâché jeudi une grue cendrée trouvée "
    "épuisée en novembre. Cet oiseau migrateur s'était arrêté en pleine migration automnale, une patte "
    "blessée par une clôture.\n\n"
    "Après deux mois de soins, l'oiseau a pu retrouver la liberté au bord du lac, une zone humide "
    "protégée où hivernent chaque année des milliers de grues. Le suivi de la biodiversité du site "
    "montre le retour de plusieurs espèces protégées.\n\n"
    "Les soigneurs rappellent qu'il ne faut pas nourrir les oiseaux sauvages."
)


def test_a_bird_migration_and_its_release_are_the_environment_not_society(nlp):
    subjects = _subjects(nlp, CRANE)
    assert subjects[0] == ENVIRONMENT and SOCIETY not in subjects
    society = _evidence(nlp, CRANE, SOCIETY)
    assert "migration" not in society and "liberté" not in society


def test_people_who_migrate_still_speak_for_society(nlp):
    text = (
        "L'association Horizons Partagés accompagne les familles de réfugiés arrivées cet hiver. La "
        "migration forcée laisse des traces : l'équipe aide chaque famille à retrouver un logement."
    )
    assert "migration" in _evidence(nlp, text, SOCIETY)


def test_a_drug_maker_or_an_analysis_laboratory_is_not_research(nlp):
    text = (
        "Le laboratoire pharmaceutique Vérandel rappelle un collyre vendu en pharmacie ; les patients "
        "peuvent faire vérifier leur traitement auprès d'un laboratoire d'analyses médicales ou de leur "
        "médecin."
    )
    assert "laboratoire" not in _evidence(nlp, text, SCIENCE)
    research = "Les chercheurs du laboratoire de physique des matériaux de Grenoble publient leurs mesures."
    assert "laboratoire" in _evidence(nlp, research, SCIENCE)
