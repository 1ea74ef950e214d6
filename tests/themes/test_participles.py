"""A final "é" is not a mute "e": participles and nouns that differ only by that accent stay apart, and a
word in capitals written without accents still meets its accented cue. Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.themes import load_taxonomy, normalize_word, score_themes

ECONOMY, SECURITY = "medtop:04000000", "securite"


@pytest.mark.parametrize(
    ("participle", "noun"), [("financés", "finance"), ("marché", "marche"), ("armée", "arme")]
)
def test_a_final_acute_is_kept_apart(participle, noun):
    assert normalize_word(participle) != normalize_word(noun)


@pytest.mark.parametrize(("a", "b"), [("financées", "financé"), ("Données", "donnée"), ("musées", "musée")])
def test_inflections_of_an_acute_word_still_meet(a, b):
    assert normalize_word(a) == normalize_word(b)


def test_a_participle_does_not_count_for_the_noun_cue(nlp):
    taxonomy = load_taxonomy()
    text = "Les ateliers du centre social de Lormière sont financés par la commune et ses bénévoles."
    economy = {s.theme: s for s in score_themes(nlp(text), taxonomy)}.get(ECONOMY)
    assert economy is None or "finance" not in economy.evidence.split("; ")
    text = "La finance verte attire les banques de Lormière."
    assert "finance" in {s.theme: s for s in score_themes(nlp(text), taxonomy)}[ECONOMY].evidence.split("; ")


def test_capitals_without_accents_meet_accented_cues(nlp, tmp_path):
    mine = tmp_path / "t.toml"
    mine.write_text('[themes.securite]\nlabel = "Sécurité"\nstrong = ["sécurité"]\n', encoding="utf-8")
    taxonomy = load_taxonomy(mine)
    for text in ("ALERTE SECURITE : LES CONSIGNES", "Alerte sécurité : les consignes"):
        scores = {s.theme: s for s in score_themes(nlp(text), taxonomy)}
        assert scores[SECURITY].evidence == "sécurité"
