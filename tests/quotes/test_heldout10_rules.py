"""Attribution forms read off the tenth held-out set's errors (tests/data/quotes/heldout10): role
nouns of museums, mountains and field missions, "rapporter" and "décrire" as verbs of saying, a verb of
judgement with its object before the quotation ("a jugé le projet « ... »", "décrit comme « ... »"),
"a avoué être « ... »", and a body after a noun of speech ("Réaction de la fédération : « ... »").
Every sentence here is written for these tests."""

from __future__ import annotations

from tests.quotes.test_extract import run

LUCIE = ("Lucie Marvaud", "PER", "Lucie Marvaud")
HUGO = ("Hugo Terrasson", "PER", "Hugo Terrasson")
PAUL = ("Paul Girod", "PER", "Paul Girod")


def said(quotes) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_canonical or q.speaker) for q in quotes]


def test_a_curator_is_a_role(nlp) -> None:
    text = "« Nous avons restauré le cadre d'origine en trois mois », "
    text += "explique la conservatrice du musée Lambert."
    [q] = run(nlp, text)
    assert q.speaker == "la conservatrice du musée Lambert" and q.verb == "expliquer"


def test_a_quote_split_by_a_curator_and_his_name(nlp) -> None:
    text = (
        "« Ce portrait était perdu depuis 1914, a expliqué le conservateur du musée, Paul Girod. "
        "Nous l'avons retrouvé chez un antiquaire de Lyon. »"
    )
    quotes = run(nlp, text, PAUL)
    assert said(quotes) == [
        ("Ce portrait était perdu depuis 1914", "Paul Girod"),
        ("Nous l'avons retrouvé chez un antiquaire de Lyon.", "Paul Girod"),
    ]
    assert quotes[0].speaker_role == "conservateur du musée"


def test_instructors_and_logisticians_are_roles(nlp) -> None:
    text = "« La neige tiendra jusqu'au week-end prochain au moins », assure un moniteur de l'école de ski."
    [q] = run(nlp, text)
    assert q.speaker == "un moniteur de l'école de ski"
    text = (
        "« Les réserves d'eau potable tiendront encore deux jours », "
        "rapporte une logisticienne de la mission."
    )
    [q] = run(nlp, text)
    assert q.speaker == "une logisticienne de la mission" and q.verb == "rapporter"


def test_a_verb_of_judgement_then_its_object_before_the_quote(nlp) -> None:
    text = (
        "La maire, Lucie Marvaud, a jugé le projet "
        "« beaucoup trop coûteux pour une commune de cette taille »."
    )
    [q] = run(nlp, text, LUCIE)
    assert (q.speaker_canonical, q.verb) == ("Lucie Marvaud", "juger")
    assert q.text == "beaucoup trop coûteux pour une commune de cette taille"


def test_a_short_judgement_stays_a_scare_quote(nlp) -> None:
    assert run(nlp, "La maire, Lucie Marvaud, a jugé le projet « trop coûteux ».", LUCIE) == []


def test_described_as_after_a_name_opening_a_relative(nlp) -> None:
    text = (
        "Le musée expose un vase de 1890, qu'Hugo Terrasson décrit comme "
        "« la pièce la plus fragile de la collection »."
    )
    [q] = run(nlp, text, HUGO)
    assert (q.speaker_canonical, q.verb) == ("Hugo Terrasson", "décrire")


def test_a_participle_after_a_thing_is_no_speaker(nlp) -> None:
    text = "Un vase de 1890, décrit comme « la pièce la plus fragile de la collection », sera exposé."
    assert run(nlp, text) == []


def test_a_verb_of_saying_then_an_infinitive(nlp) -> None:
    text = "Lucie Marvaud a avoué être « très inquiète pour la suite des négociations avec l'État »."
    [q] = run(nlp, text, LUCIE)
    assert (q.speaker_canonical, q.verb) == ("Lucie Marvaud", "avouer")


def test_a_body_after_a_noun_of_speech_and_a_colon(nlp) -> None:
    text = "Réaction de la fédération : « Nous attendons des actes, pas des promesses de plus. »"
    [q] = run(nlp, text)
    assert q.speaker == "la fédération" and q.text == "Nous attendons des actes, pas des promesses de plus."
