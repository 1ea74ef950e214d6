"""Attribution forms read off the thirteenth held-out set's errors (tests/data/quotes/heldout13): the
body an impersonal "on" got the words from ("indique-t-on au ministère", "précise-t-on à la mairie"),
the author of a document after "selon" / "d'après" ("selon un communiqué de la mairie"), the person a
prize went to as the antecedent of "la lauréate", medical professions as role nouns, and "le
chirurgien" naming the person introduced as "le docteur X". Every sentence here is written for these
tests."""

from __future__ import annotations

from tests.quotes.test_extract import run

ROMAIN = ("Romain Guéguen", "PER", "Romain Guéguen")
ALICE = ("Alice Ferrand", "PER", "Alice Ferrand")
OSCAR = ("Oscar Millet", "PER", "Oscar Millet")


def said(quotes) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker_canonical or q.speaker, q.verb) for q in quotes]


def test_an_impersonal_on_and_the_body_it_asked(nlp) -> None:
    text = (
        "La ministre des Sports, Alice Ferrand, a présenté le plan. « Les premiers chèques seront "
        "envoyés en avril », précise-t-on au ministère."
    )
    assert said(run(nlp, text, ALICE)) == [
        ("Les premiers chèques seront envoyés en avril", "le ministère", "préciser")
    ]
    text = "« La piscine rouvrira mardi matin », indique-t-on à la mairie de Quimperlé."
    assert said(run(nlp, text)) == [("La piscine rouvrira mardi matin", "la mairie de Quimperlé", "indiquer")]
    text = "« Les épreuves sont maintenues », a-t-on confirmé au rectorat."
    assert said(run(nlp, text)) == [("Les épreuves sont maintenues", "le rectorat", "confirmer")]


def test_the_author_of_a_document_after_selon(nlp) -> None:
    text = "Selon un communiqué de la mairie, « la fête du port est reportée au mois de septembre »."
    assert said(run(nlp, text)) == [("la fête du port est reportée au mois de septembre", "la mairie", None)]
    text = "« La fête du port est reportée au mois de septembre », selon un communiqué de la mairie."
    assert said(run(nlp, text)) == [("La fête du port est reportée au mois de septembre", "la mairie", None)]
    text = "D'après une déclaration de Romain Guéguen, président du comité, « la course partira de Lorient »."
    assert said(run(nlp, text, ROMAIN)) == [("la course partira de Lorient", "Romain Guéguen", None)]


def test_a_document_without_its_author_names_no_one(nlp) -> None:
    text = "Selon un communiqué, « la fête du port est reportée au mois de septembre »."
    assert run(nlp, text) == []


def test_the_laureate_is_the_person_the_prize_went_to(nlp) -> None:
    text = (
        "Le jury du prix de la Nouvelle a distingué vendredi Alice Ferrand pour son recueil. Son "
        "président, Oscar Millet, évoque « un texte d'une grande liberté, drôle et cruel à la fois ». "
        "Très émue, la lauréate a remercié son éditeur : « Sans lui, ces nouvelles dormiraient encore "
        "dans un tiroir. »"
    )
    quotes = run(nlp, text, ALICE, OSCAR)
    assert [q.speaker_canonical for q in quotes] == ["Oscar Millet", "Alice Ferrand"]
    text = (
        "Le prix des Embruns a été décerné à Romain Guéguen. « Je ne m'y attendais pas du tout », a "
        "réagi le lauréat."
    )
    [q] = run(nlp, text, ROMAIN)
    assert (q.speaker, q.speaker_canonical) == ("le lauréat", "Romain Guéguen")


def test_a_medical_profession_is_a_role_noun(nlp) -> None:
    text = "L'anesthésiste veut rassurer les familles : « Le patient ne sent absolument rien. »"
    [q] = run(nlp, text)
    assert (q.speaker, q.speaker_role) == ("L'anesthésiste", "anesthésiste")


def test_the_surgeon_is_the_doctor_named_before(nlp) -> None:
    text = (
        "Le docteur Romain Guéguen, responsable du pôle de cardiologie, a opéré le premier patient "
        "lundi. Le chirurgien tient à rassurer : « Nous avons répété cette intervention pendant six mois. »"
    )
    [q] = run(nlp, text, ROMAIN)
    assert (q.speaker, q.speaker_canonical) == ("Le chirurgien", "Romain Guéguen")


def test_a_lawyer_is_not_the_doctor_named_before(nlp) -> None:
    text = (
        "Le docteur Romain Guéguen, responsable du pôle de cardiologie, a porté plainte lundi. "
        "« Nous irons jusqu'au bout de cette procédure », a prévenu l'avocat."
    )
    [q] = run(nlp, text, ROMAIN)
    assert q.speaker_canonical is None
