"""Attribution forms read off the sixth held-out set's errors (tests/data/quotes/heldout6) together with
the earlier sets' remaining misses. Every sentence here is written for these tests."""

from __future__ import annotations

from tests.quotes.test_extract import run

NINA = ("Nina Colomer", "PER", "Nina Colomer")


def test_a_fronted_participle_clause_before_the_named_subject(nlp) -> None:
    text = (
        "Le conseil municipal de Brévent s'est réuni jeudi. "
        "Questionnée sur le coût du chantier, Nina Colomer est restée évasive. "
        "« Je vous donnerai les chiffres quand les offres seront ouvertes. »"
    )
    [q] = run(nlp, text, NINA)
    assert q.speaker_canonical == "Nina Colomer"


def test_no_first_person_words_no_speaker_from_a_sentence_without_a_verb_of_saying(nlp) -> None:
    text = (
        "Questionnée sur le coût du chantier, Nina Colomer est restée évasive. "
        "« Les offres seront ouvertes en septembre. »"
    )
    assert run(nlp, text, NINA) == []
