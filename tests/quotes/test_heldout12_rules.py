"""Attribution forms read off the twelfth held-out set's errors (tests/data/quotes/heldout12): the
present of an -er verb of saying that the model tags as a participle, a complement after the speaker
of an incise inside a quote, "a-t-on appris auprès de X", "selon la police", role nouns of zoos and
digs, two appositions or ", lui," between a subject and its verb, an interview answer after "R :"
with the person interviewed named as an object, a role given after a name without an article ("a
nommé X directrice"), a role after a possessive that belongs to the organisation named before, and
the last word of a body's name that is no person's name. Every sentence here is written for these
tests."""

from __future__ import annotations

from tests.quotes.test_extract import run

ODILE = ("Odile Mercadier", "PER", "Odile Mercadier")
LOIC = ("Loïc Bertheau", "PER", "Loïc Bertheau")
MAELLE = ("Maëlle Costa", "PER", "Maëlle Costa")


def said(quotes) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_canonical or q.speaker) for q in quotes]


def test_a_present_tense_incise_with_a_relative_after_the_name(nlp) -> None:
    text = (
        "« Les inscriptions ferment vendredi soir à minuit », lance le trésorier de l'amicale, "
        "Loïc Bertheau, qui rappelle que la cotisation reste à dix euros."
    )
    [q] = run(nlp, text, LOIC)
    assert (q.speaker_canonical, q.verb) == ("Loïc Bertheau", "lancer")


def test_a_participle_without_auxiliary_is_still_no_incise(nlp) -> None:
    text = "« Le marché couvert rouvre ses portes », largement saluée par les commerçants du quartier."
    assert run(nlp, text) == []


def test_an_incise_inside_the_quote_with_a_complement_after_the_speaker(nlp) -> None:
    text = (
        "« Le chantier a pris trois mois de retard, reconnaît la directrice du port, Odile Mercadier, "
        "dans un entretien. Les quais seront livrés en mai. »"
    )
    assert said(run(nlp, text, ODILE)) == [
        ("Le chantier a pris trois mois de retard", "Odile Mercadier"),
        ("Les quais seront livrés en mai.", "Odile Mercadier"),
    ]


def test_learned_from_a_source(nlp) -> None:
    text = (
        "« Le magasin rouvrira lundi, une fois les travaux terminés », a-t-on appris auprès de la "
        "direction de l'enseigne."
    )
    [q] = run(nlp, text)
    assert (q.speaker, q.verb) == ("la direction de l'enseigne", "apprendre")
    text = "« Le pont sera fermé tout le week-end », apprend-on auprès du maire, Loïc Bertheau."
    [q] = run(nlp, text, LOIC)
    assert q.speaker_canonical == "Loïc Bertheau"


def test_selon_the_police(nlp) -> None:
    text = "Selon la police, « trois cents personnes ont défilé dans le calme jusqu'à la mairie »."
    [q] = run(nlp, text)
    assert q.speaker == "la police"


def test_zoo_and_dig_role_nouns(nlp) -> None:
    [q] = run(nlp, "« L'otarie mange de nouveau depuis mardi », observe une soigneuse du parc.")
    assert q.speaker == "une soigneuse du parc"
    [q] = run(nlp, "« Ces tessons datent du IIe siècle », précise l'archéologue chargée du site.")
    assert q.speaker == "l'archéologue chargée du site"


def test_two_appositions_between_the_subject_and_its_verb(nlp) -> None:
    text = (
        "Maëlle Costa, présidente de l'association, a remercié les donateurs. Odile Mercadier, "
        "68 ans, ancienne institutrice, a coupé le ruban. « Nous attendions cette salle depuis dix "
        "ans », raconte-t-elle."
    )
    [q] = run(nlp, text, MAELLE, ODILE)
    assert q.speaker_canonical == "Odile Mercadier"


def test_a_stressed_pronoun_sets_off_the_subject(nlp) -> None:
    text = (
        "Paul Guérin a salué les bénévoles. Loïc Bertheau, lui, part à la retraite. "
        "« J'ai passé vingt ans sur ce chantier », confie-t-il."
    )
    [q] = run(nlp, text, ("Paul Guérin", "PER", "Paul Guérin"), LOIC)
    assert q.speaker_canonical == "Loïc Bertheau"


def test_an_answer_after_a_label_from_the_person_interviewed(nlp) -> None:
    text = (
        "Le club de basket quitte le gymnase Jean-Macé. Nous avons rencontré sa présidente, Odile "
        "Mercadier.\n\nQ : Pourquoi ce déménagement ?\n\nR : « Le gymnase était devenu trop petit pour "
        "nos trois cents licenciés. »\n\nQuestion : Et la suite ?\n\nRéponse : « Nous jouerons à "
        "Rezé dès le mois de septembre. »"
    )
    assert said(run(nlp, text, ODILE)) == [
        ("Le gymnase était devenu trop petit pour nos trois cents licenciés.", "Odile Mercadier"),
        ("Nous jouerons à Rezé dès le mois de septembre.", "Odile Mercadier"),
    ]


def test_a_label_is_no_answer_without_a_question(nlp) -> None:
    text = "Nous avons rencontré Odile Mercadier.\n\nR : « Le gymnase était devenu trop petit. »"
    assert run(nlp, text, ODILE) == []


def test_a_role_given_after_the_name_without_an_article(nlp) -> None:
    text = (
        "Le conseil a nommé Odile Mercadier directrice du conservatoire. Elle remplace Loïc Bertheau. "
        "« Je veux ouvrir les classes aux adultes dès la rentrée », a déclaré la nouvelle directrice."
    )
    [q] = run(nlp, text, ODILE, LOIC)
    assert q.speaker_canonical == "Odile Mercadier"


def test_a_possessive_role_speaks_for_the_body_named_before(nlp) -> None:
    body = ("Compagnie des Eaux du Vivarais", "ORG", "Compagnie des Eaux du Vivarais")
    text = (
        "La Compagnie des Eaux du Vivarais a coupé l'eau mardi. Selon son directeur technique, « la "
        "canalisation principale a cédé sous la pression du gel »."
    )
    [q] = run(nlp, text, body)
    assert (q.speaker, q.speaker_canonical) == ("son directeur technique", "Compagnie des Eaux du Vivarais")
    text = "Loïc Bertheau a écrit au journal. Selon son directeur, « la lettre ignore deux faits décisifs »."
    [q] = run(nlp, text, LOIC)
    assert (q.speaker, q.speaker_canonical) == ("son directeur", None)


def test_the_last_word_of_a_body_is_no_person(nlp) -> None:
    body = ("Nantes Métropole", "ORG", "Nantes Métropole")
    text = (
        "Les chercheurs de Nantes Métropole ont fouillé la place. Nous avons interrogé la responsable "
        "des fouilles, Odile Mercadier.\n\nQ : Que cherchiez-vous ?\n\nR : « Une villa romaine, que les "
        "archives situaient sous la place. »"
    )
    [q] = run(nlp, text, body, ODILE)
    assert q.speaker_canonical == "Odile Mercadier"
