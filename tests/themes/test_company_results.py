"""A company's annual results are the economy, not politics: the vocabulary of results and shareholders
counts for the economy, and "conseil d'administration" speaks for no subject. A release written for this
test (invented company and people)."""

from __future__ import annotations

from pipeline.themes import load_taxonomy, score_themes, tag_themes

ECONOMY, POLITICS = "medtop:04000000", "medtop:11000000"

RESULTS = (
    "Société Brunelle : résultats annuels 2024\n\n"
    "Le conseil d'administration de la Société Brunelle, spécialiste des emballages en carton, a arrêté les "
    "comptes de l'exercice. Le résultat net progresse de 12 % et la marge opérationnelle atteint 9 %. "
    "L'endettement recule grâce à la cession d'une filiale en Europe centrale.\n"
    "Le conseil proposera aux actionnaires un dividende de 1,40 euro par action. La direction prévoit une "
    "rentabilité stable l'an prochain, portée par de nouveaux clients dans l'agroalimentaire."
)


def test_results_are_the_economy_and_not_politics(nlp):
    taxonomy = load_taxonomy()
    doc = nlp(RESULTS)
    subjects = [s.theme for s in tag_themes(doc, taxonomy) if s.level == 1]
    assert subjects == [ECONOMY]
    economy = {s.theme: s for s in score_themes(doc, taxonomy)}[ECONOMY].evidence.split("; ")
    assert {"résultat net", "dividende", "actionnaires"} <= set(economy)
    politics = {s.theme: s for s in score_themes(doc, taxonomy)}.get(POLITICS)
    assert politics is None or "administration" not in politics.evidence.split("; ")
