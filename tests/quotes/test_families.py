"""Quotation families beyond the incise and the colon: block quotes, quotes over paragraphs, sources
("selon les termes de X"), verbs found by lemma or by their place next to the quote, the sentence
around a quote, and the refusals that keep them from catching titles, places and scare quotes.
Every sentence here is written for these tests."""

from __future__ import annotations

import json

from pipeline.quotes import find_quoted_spans
from tests.quotes.test_extract import DATA, run

ROSE = ("Rose Aubert", "PER", "Rose Aubert")
PAUL = ("Paul Guérin", "PER", "Paul Guérin")


def said(quotes) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker_canonical or q.speaker, q.verb) for q in quotes]


# ----------------------------------------------------------------------------- block quotes and paragraphs
def test_block_quote_with_marks_over_two_paragraphs_is_one_quote(nlp) -> None:
    text = (
        "Rose Aubert a déclaré :\n\n> « Le marché couvert rouvrira en mai.\n>\n"
        "> Les commerçants retrouveront leurs étals rénovés. »\n\nLa suite du communiqué."
    )
    [q] = run(nlp, text, ROSE)
    assert q.text.startswith("Le marché couvert") and q.text.endswith("leurs étals rénovés.")
    assert (q.speaker, q.verb) == ("Rose Aubert", "déclarer")


def test_block_quote_without_marks_takes_the_introduction(nlp) -> None:
    text = (
        "Paul Guérin a précisé :\n> Les travaux dureront six semaines.\n"
        "> La circulation sera maintenue sur une voie.\n\nFin."
    )
    [q] = run(nlp, text, PAUL)
    assert q.text == "Les travaux dureront six semaines.\n> La circulation sera maintenue sur une voie."
    assert q.speaker == "Paul Guérin"


def test_block_quote_without_marks_holds_the_marks_inside_it() -> None:
    text = "Elle a dit :\n> Nous refusons le « tout-voiture » en ville.\n> Et nous le disons.\n\nFin."
    [(a, b)] = find_quoted_spans(text)
    assert text[a] == ">" and text[a:b].endswith("Et nous le disons.")


def test_block_quote_without_marks_nor_speaker_is_no_quote(nlp) -> None:
    text = "Horaires d'ouverture :\n> Du lundi au vendredi de neuf heures à midi.\n\nFin."
    assert run(nlp, text) == []


def test_quote_closing_a_paragraph_later_is_one_quote(nlp) -> None:
    text = (
        "Rose Aubert a déclaré : « Le budget est voté.\n\n"
        "Il finance la piscine et la médiathèque. » Le conseil se réunira en juin."
    )
    [q] = run(nlp, text, ROSE)
    assert q.text == "Le budget est voté.\n\nIl finance la piscine et la médiathèque."


def test_older_convention_reopens_each_paragraph_with_a_closing_mark() -> None:
    text = "« Premier paragraphe.\n\n» Deuxième paragraphe. » Fin."
    assert find_quoted_spans(text) == [(0, text.rindex("»"))]


def test_a_quote_never_closed_does_not_swallow_the_next_one() -> None:
    text = "« Ouvert sans fin.\n\nUn paragraphe.\n\nUn « vrai » ici."
    assert [text[a + 1 : b].strip() for a, b in find_quoted_spans(text)] == ["vrai"]


# ----------------------------------------------------------------------------- sources
def test_pour_reprendre_les_mots_de_before_the_quote(nlp) -> None:
    text = "Pour reprendre les mots de Rose Aubert, « la forêt appartient à tous ceux qui la protègent »."
    assert said(run(nlp, text, ROSE)) == [
        ("la forêt appartient à tous ceux qui la protègent", "Rose Aubert", None)
    ]


def test_selon_les_termes_de_after_the_quote(nlp) -> None:
    text = "« Les inscriptions ont doublé en deux ans », selon les termes de Paul Guérin, directeur du club."
    [q] = run(nlp, text, PAUL)
    assert (q.speaker, q.speaker_role) == ("Paul Guérin", "directeur du club")


def test_noun_of_speech_before_a_colon(nlp) -> None:
    text = (
        "Réaction de la directrice de l'école, Rose Aubert : "
        "« Nous attendions cette décision depuis longtemps. »"
    )
    assert said(run(nlp, text, ROSE))[0][1] == "Rose Aubert"


# ----------------------------------------------------------------------------- verbs next to the quote
def test_verb_of_stance_found_by_its_lemma(nlp) -> None:
    text = "Paul Guérin a défendu « une politique du logement fondée sur la rénovation des centres-bourgs »."
    assert said(run(nlp, text, PAUL)) == [
        ("une politique du logement fondée sur la rénovation des centres-bourgs", "Paul Guérin", "défendre")
    ]


def test_quote_as_object_through_a_determiner(nlp) -> None:
    text = "Rose Aubert exprime sa « vive inquiétude face à la fermeture annoncée de la maternité »."
    [q] = run(nlp, text, ROSE)
    assert (q.text[:16], q.speaker, q.verb) == ("vive inquiétude ", "Rose Aubert", "exprimer")


def test_any_verb_of_a_person_takes_words_in_lower_case(nlp) -> None:
    text = "Rose Aubert veut « un centre-ville où les enfants peuvent aller seuls à l'école »."
    [q] = run(nlp, text, ROSE)
    assert q.speaker == "Rose Aubert" and q.verb == "vouloir"


def test_quote_after_the_object_of_a_verb_of_saying(nlp) -> None:
    text = "Paul Guérin a invité les associations à « déposer leurs projets avant la fin du mois »."
    [q] = run(nlp, text, PAUL)
    assert (q.text, q.speaker, q.verb) == (
        "déposer leurs projets avant la fin du mois",
        "Paul Guérin",
        "inviter",
    )


def test_no_quote_for_a_title_after_the_object_of_a_verb(nlp) -> None:
    text = "Paul Guérin a confié la gestion du parc à « Les Amis du Bois de la Combe Noire »."
    assert run(nlp, text, PAUL) == []


def test_se_dire_takes_its_attribute_as_words(nlp) -> None:
    text = "Rose Aubert s'est dite « très satisfaite du nombre de familles inscrites cette année »."
    [q] = run(nlp, text, ROSE)
    assert (q.speaker, q.verb) == ("Rose Aubert", "dire")


def test_an_indefinite_role_speaks_for_its_body(nlp) -> None:
    text = "« Les contrôles seront renforcés cet été », a indiqué une porte-parole de la préfecture du Gard."
    [q] = run(nlp, text, ("préfecture du Gard", "ORG", "Préfecture du Gard"))
    assert (q.speaker, q.speaker_canonical) == (
        "une porte-parole de la préfecture du Gard",
        "Préfecture du Gard",
    )


def test_no_quote_for_a_name_after_a_verb_that_does_not_speak(nlp) -> None:
    text = "Rose Aubert dirige « Les Jardins Partagés du Plateau de Saint-Roch » depuis 2019."
    assert run(nlp, text, ROSE) == []


def test_no_quote_for_a_description_after_a_verb_that_does_not_speak(nlp) -> None:
    text = "Rose Aubert présente « une exposition consacrée aux peintres de la vallée de l'Ubaye »."
    assert run(nlp, text, ROSE) == []


def test_quote_opening_on_the_verb_of_the_name_before_it(nlp) -> None:
    text = "Paul Guérin « regrette le départ de la trésorière après douze ans de bénévolat »."
    [q] = run(nlp, text, PAUL)
    assert (q.speaker, q.verb) == ("Paul Guérin", "regretter")


def test_pronoun_before_a_quote_opening_on_its_verb(nlp) -> None:
    text = (
        "Rose Aubert a visité la nouvelle crèche. Elle « salue le travail des équipes qui ont tenu "
        "les délais malgré l'hiver »."
    )
    [q] = run(nlp, text, ROSE)
    assert (q.speaker, q.verb) == ("Rose Aubert", "saluer")


def test_no_quote_for_a_scare_quoted_verb_after_a_name(nlp) -> None:
    text = "Paul Guérin « respire » enfin après la signature du contrat."
    assert run(nlp, text, PAUL) == []


def test_gerund_of_a_verb_of_saying(nlp) -> None:
    text = "Rose Aubert a conclu la réunion en affirmant que « le chantier sera achevé avant les vacances »."
    [q] = run(nlp, text, ROSE)
    assert (q.speaker, q.verb) == ("Rose Aubert", "affirmer")


# ----------------------------------------------------------------------------- commas and places
def test_quote_not_split_at_a_participle_and_a_place(nlp) -> None:
    text = (
        "Paul Guérin a affirmé que « cette passerelle, largement saluée à travers la Provence, "
        "reliera enfin les deux rives »."
    )
    [q] = run(nlp, text, PAUL, ("Provence", "LOC", "Provence"))
    assert q.text.endswith("reliera enfin les deux rives") and q.speaker == "Paul Guérin"


def test_place_before_the_speaker_is_not_the_speaker(nlp) -> None:
    text = "À Montauban, Rose Aubert a déclaré : « Les inscriptions ouvriront lundi prochain. »"
    [q] = run(nlp, text, ROSE, ("Montauban", "LOC", "Montauban"))
    assert q.speaker == "Rose Aubert"


def test_place_before_a_colon_is_not_a_speaker(nlp) -> None:
    text = "Montauban : « Les inscriptions ouvriront lundi prochain à la mairie annexe. »"
    assert run(nlp, text, ("Montauban", "LOC", "Montauban")) == []


# ----------------------------------------------------------------------------- the sentence around the quote
def test_next_sentence_names_the_speaker(nlp) -> None:
    text = "« Nous ouvrirons une deuxième crèche l'an prochain. » C'est ce qu'a annoncé Rose Aubert mardi."
    assert said(run(nlp, text, ROSE))[0][1:] == ("Rose Aubert", "annoncer")


def test_ce_sont_les_mots_de(nlp) -> None:
    text = (
        "« Chaque arbre planté dans la commune protège nos enfants. » "
        "Ce sont les mots de Paul Guérin, président de l'association."
    )
    [q] = run(nlp, text, PAUL)
    assert (q.speaker, q.speaker_role) == ("Paul Guérin", "président de l'association")


def test_quote_after_a_sentence_that_reports_the_speaker(nlp) -> None:
    text = (
        "La maire, Rose Aubert, a salué l'engagement des bénévoles. « Sans eux, la fête n'aurait pas lieu. »"
    )
    [q] = run(nlp, text, ROSE)
    assert (q.speaker, q.verb) == ("Rose Aubert", "saluer")


def test_no_quote_after_a_sentence_where_nobody_speaks(nlp) -> None:
    text = "Rose Aubert a visité le chantier. « Le nouveau gymnase de la ville sera livré en mars. »"
    assert run(nlp, text, ROSE) == []


def test_subject_of_a_sentence_ending_in_a_colon(nlp) -> None:
    text = "Paul Guérin a pris la parole à la fin du conseil : « Nous n'augmenterons pas les impôts. »"
    [q] = run(nlp, text, PAUL)
    assert q.speaker == "Paul Guérin"


def test_no_speaker_for_a_thing_before_a_colon(nlp) -> None:
    text = "Le programme comprend trois volets : « Former les jeunes, accompagner les entreprises, loger. »"
    assert run(nlp, text) == []


def test_name_in_parentheses_after_the_quote(nlp) -> None:
    text = "« La ligne de bus sera prolongée jusqu'au lycée. » (Rose Aubert, adjointe aux transports)"
    [q] = run(nlp, text, ROSE)
    assert (q.speaker, q.verb) == ("Rose Aubert", None)


def test_no_speaker_for_a_name_in_parentheses_that_goes_on(nlp) -> None:
    text = "« La ligne de bus sera prolongée jusqu'au lycée » (Rose Aubert a voté contre ce projet)."
    assert run(nlp, text, ROSE) == []


def test_markdown_emphasis_around_the_marks(nlp) -> None:
    text = "**« Le chantier de la digue commencera en octobre »**, a précisé Paul Guérin."
    [q] = run(nlp, text, PAUL)
    assert (q.text, q.speaker) == ("Le chantier de la digue commencera en octobre", "Paul Guérin")


# ----------------------------------------------------------------------------- fixtures
def test_family_fixtures_are_consistent() -> None:
    folder = DATA / "families"
    texts = {p.stem for p in (folder / "docs").glob("*.txt")}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert rec["doc"] in texts and rec["quotes"]
        for q in rec["quotes"]:
            assert q["end"] - q["start"] == len(q["text"]) and q["speaker"]
