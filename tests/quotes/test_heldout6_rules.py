"""Attribution forms read off the sixth held-out set's errors (tests/data/quotes/heldout6) together with
the earlier sets' remaining misses. Every sentence here is written for these tests."""

from __future__ import annotations

from tests.quotes.test_extract import run
from tests.quotes.test_heldout_rules import said

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


PAUL = ("Paul Guérin", "PER", "Paul Guérin")


def test_first_person_words_after_a_sentence_opened_by_selon(nlp) -> None:
    text = (
        "Le trésorier de l'association, Paul Guérin, a présenté les comptes de l'année. "
        "Selon lui, les dons ont reculé de 12 % depuis janvier. "
        "« Nous devrons réduire nos activités d'été si rien ne change. »"
    )
    [q] = run(nlp, text, PAUL)
    assert q.speaker_canonical == "Paul Guérin"


def test_words_quoted_inside_a_sentence_opened_by_d_apres(nlp) -> None:
    text = (
        "La réforme des rythmes scolaires entre en vigueur en septembre. D'après Nina Colomer, la mesure "
        "reste « une source d'inquiétude pour toutes les familles du quartier »."
    )
    [q] = run(nlp, text, NINA)
    assert q.speaker_canonical == "Nina Colomer" and q.text.startswith("une source")


def test_a_sentence_opened_by_a_source_that_is_no_speaker(nlp) -> None:
    text = (
        "Paul Guérin a présenté les travaux. Selon le calendrier prévu, le chantier s'achèvera en juin. "
        "« Nous serons prêts pour la rentrée. »"
    )
    assert run(nlp, text, PAUL) == []  # a schedule says nothing; Paul Guérin is two sentences back


def test_third_person_words_after_a_selon_sentence_stay_unattributed(nlp) -> None:
    text = (
        "Le trésorier, Paul Guérin, a présenté les comptes. Selon lui, les dons ont reculé. "
        "« Les comptes seront publiés en juin sur le site. »"
    )
    assert run(nlp, text, PAUL) == []


def test_a_paragraph_that_goes_on_to_a_verb_does_not_sign_the_quote_above(nlp) -> None:
    text = (
        "« Oui, nous rouvrirons la piscine dès le mois de juin. »\n\n"
        "La maire de Brévent, Nina Colomer, qui préside le syndicat des eaux, salue "
        "« un chantier mené sans retard ni surcoût ».\n"
    )
    assert said(run(nlp, text, NINA)) == [("un chantier mené sans retard ni surcoût", "Nina Colomer")]


def test_a_name_and_role_alone_on_the_line_still_sign_the_quote(nlp) -> None:
    text = "« Oui, nous rouvrirons la piscine dès le mois de juin. »\nNina Colomer, maire de Brévent\n"
    [(words, speaker)] = said(run(nlp, text, NINA))
    assert words.endswith("juin.") and speaker == "Nina Colomer"


def test_interview_answers_are_the_words_of_the_person_interviewed(nlp) -> None:
    text = (
        "La nouvelle directrice du musée, Nina Colomer, a répondu à nos questions.\n\n"
        "**Pourquoi fermer les salles pendant six mois ?**\n\n"
        "« Les toitures fuient depuis des années et nous ne pouvons plus exposer les tableaux. »\n\n"
        "**Combien coûteront les travaux ?**\n\n"
        "« Un peu plus de quatre millions d'euros, financés aux deux tiers par la Région. »\n"
    )
    quotes = said(run(nlp, text, NINA))
    assert [speaker for _, speaker in quotes] == ["Nina Colomer", "Nina Colomer"]


def test_a_quote_paragraph_after_a_statement_is_no_answer(nlp) -> None:
    text = (
        "La nouvelle directrice du musée, Nina Colomer, a présenté le chantier.\n\n"
        "Les salles fermeront pendant six mois.\n\n"
        "« Les toitures fuient depuis des années et les tableaux souffrent. »\n"
    )
    assert run(nlp, text, NINA) == []


def test_an_answer_with_nobody_named_before_has_no_speaker(nlp) -> None:
    text = "**Pourquoi fermer les salles ?**\n\n« Les toitures fuient depuis des années. »\n"
    assert run(nlp, text) == []
