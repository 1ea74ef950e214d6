"""Families of errors read off the eighth held-out themes set (tests/data/themes/heldout8), each shown on
releases written for these tests (invented people, bodies and places):

- a takeover or merger cleared by a market regulator ("Autorité de la concurrence", "Autorité des marchés
  financiers") is the economy, not politics' "autorité";
- a job-cut plan negotiated with the unions ("négociations avec les organisations syndicales", "mesures de
  reclassement") is labour, not diplomacy's "négociations" nor politics' "mesures";
- low incomes ("revenus modestes", "faibles revenus") are a social cue, not the economy's "revenus"; an
  ordinary one, so that a passing mention does not keep society as a secondary subject.
"""

from __future__ import annotations

from pipeline.themes import load_taxonomy, score_themes, tag_themes

ECONOMY, LABOUR = "medtop:04000000", "medtop:09000000"
POLITICS, SOCIETY = "medtop:11000000", "medtop:14000000"


def _subjects(nlp, text: str) -> list[str]:
    return [s.theme for s in tag_themes(nlp(text), load_taxonomy()) if s.level == 1]


def _scores(nlp, text: str) -> dict[str, tuple[float, list[str]]]:
    return {s.theme: (s.score, s.evidence.split("; ")) for s in score_themes(nlp(text), load_taxonomy())}


TAKEOVER = (
    "Rachat de Fromageries Aubrac-Lozère par le groupe Laitalp\n\n"
    "Rodez, le 4 juin — Le groupe Laitalp a finalisé le rachat des Fromageries Aubrac-Lozère après le feu "
    "vert de l'Autorité de la concurrence, qui a exigé la cession de deux marques régionales. L'opération "
    "valorise l'entreprise à 210 millions d'euros ; les actionnaires familiaux recevront des actions du "
    "nouvel ensemble.\n\n"
    "La fusion doit dégager 12 millions d'euros de synergies par an. Un plan de sauvegarde de l'emploi "
    "prévoit 95 suppressions de postes au siège de Rodez ; des mesures de reclassement et des départs "
    "volontaires seront proposés. Les négociations avec les organisations syndicales commencent lundi, "
    "et un débrayage est annoncé devant l'usine.\n\n"
    "« Ce rapprochement nous donne les moyens d'exporter », indique Sylvain Marcoux-Delbès, directeur "
    "général de Laitalp, dont le chiffre d'affaires atteindra 900 millions d'euros."
)


def test_a_merger_cleared_by_the_competition_authority_is_not_politics(nlp):
    subjects = _subjects(nlp, TAKEOVER)
    assert set(subjects[:2]) == {ECONOMY, LABOUR} and POLITICS not in subjects
    scores = _scores(nlp, TAKEOVER)
    assert "Autorité de la concurrence" in scores[ECONOMY][1]
    assert "autorités" not in scores.get(POLITICS, (0, []))[1]


def test_job_cut_negotiations_with_unions_are_labour_not_diplomacy(nlp):
    scores = _scores(nlp, TAKEOVER)
    politics = scores.get(POLITICS, (0, []))[1]
    assert "négociations" not in politics and "mesures" not in politics
    assert "négociations" not in scores.get("diplomatie", (0, []))[1]
    labour = scores[LABOUR][1]
    assert "plan de sauvegarde de l'emploi" in labour and "mesures de reclassement" in labour


def test_low_incomes_are_no_economy_cue(nlp):
    text = (
        "La caisse d'allocations familiales de la Sarthe ouvre trois crèches à tarif réduit pour les "
        "familles aux revenus modestes ; les ménages à faibles revenus paieront moins d'un euro de l'heure."
    )
    scores = _scores(nlp, text)
    assert "revenus" not in scores.get(ECONOMY, (0, []))[1]
    assert "revenus modestes" in scores[SOCIETY][1]


def test_a_passing_mention_of_low_incomes_keeps_no_secondary_society(nlp):
    text = (
        "Festival de jazz de Vienne-sur-Rhône : programme de la 12e édition\n\n"
        "Vienne, le 2 mai — Le festival accueillera du 5 au 12 juillet quarante concerts sur trois scènes, "
        "avec le pianiste Oscar Lindqvist, le quintette Les Cuivres du Nord et la chanteuse Inès Borrély. "
        "Une création pour orchestre et chœur ouvrira le festival au théâtre antique.\n\n"
        "Les musiciens de l'école de musique joueront chaque après-midi sur la scène gratuite. "
        "La billetterie ouvre le 15 mai ; des places à cinq euros sont réservées aux spectateurs "
        "aux revenus modestes.\n\n"
        "Les artistes en résidence animeront des ateliers de musique et des répétitions publiques."
    )
    assert SOCIETY not in _subjects(nlp, text)
