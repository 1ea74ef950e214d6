"""Attribution forms read off the ninth held-out set's errors (tests/data/quotes/heldout9): a player
named by his position ("le nouvel attaquant"), "Pour X, apposition, qui ..., « ... »", a court as
speaker and its full name, "a fait valoir", and a role with a union's acronym that names the person
given the longer role paragraphs before. Every sentence here is written for these tests."""

from __future__ import annotations

from tests.quotes.test_extract import run

MARC = ("Marc Olivo", "PER", "Marc Olivo")
PAUL = ("Paul Dumas", "PER", "Paul Dumas")
JEAN = ("Jean Colas", "PER", "Jean Colas")
ROCHE = ("Paul Roche", "PER", "Paul Roche")


# ----------------------------------------------------------------------------- sport positions
def test_a_player_named_by_his_position_is_the_player_signed(nlp) -> None:
    text = (
        "Le club a recruté l'attaquant Marc Olivo pour deux saisons. « Je suis heureux de rejoindre "
        "un club aussi ambitieux », a confié le nouvel attaquant."
    )
    [q] = run(nlp, text, MARC)
    assert q.speaker == "le nouvel attaquant" and q.speaker_canonical == "Marc Olivo"
    assert q.verb == "confier"


def test_a_goalkeeper_named_by_her_position_speaks(nlp) -> None:
    text = (
        "Le club a prolongé la gardienne Léa Morin jusqu'en 2028. « Je voulais finir ce que nous avons "
        "commencé ici », a expliqué la gardienne."
    )
    [q] = run(nlp, text, ("Léa Morin", "PER", "Léa Morin"))
    assert q.speaker == "la gardienne" and q.speaker_canonical == "Léa Morin"


# ----------------------------------------------------------------------------- pour X, ..., qui ...
def test_pour_a_person_with_apposition_then_relative_clause(nlp) -> None:
    text = (
        "Pour Paul Dumas, chimiste au CNRS, qui n'a pas pris part à l'étude, « la méthode est robuste "
        "et bien décrite »."
    )
    [q] = run(nlp, text, PAUL, ("CNRS", "ORG", "CNRS"))
    assert q.text == "la méthode est robuste et bien décrite" and q.speaker_canonical == "Paul Dumas"


def test_selon_a_person_with_apposition_then_relative_clause(nlp) -> None:
    text = (
        "Selon Anne Giraud, hydrologue, qui suit la rivière depuis vingt ans, « jamais le niveau n'était "
        "monté aussi vite »."
    )
    [q] = run(nlp, text, ("Anne Giraud", "PER", "Anne Giraud"))
    assert q.speaker_canonical == "Anne Giraud"


# ----------------------------------------------------------------------------- courts
def test_a_court_is_a_body_that_speaks_and_takes_its_full_name(nlp) -> None:
    text = (
        "Le tribunal administratif de Rennes a annulé l'arrêté mardi. Le tribunal a estimé que « la "
        "commune n'avait pas consulté les habitants »."
    )
    [q] = run(nlp, text, ("tribunal administratif de Rennes", "ORG", "Tribunal administratif de Rennes"))
    assert q.speaker == "Le tribunal" and q.speaker_canonical == "Tribunal administratif de Rennes"
    assert q.verb == "estimer"


def test_a_court_named_only_by_its_noun_speaks_as_written(nlp) -> None:
    text = "Dans son arrêt, la cour a jugé que « le licenciement était dépourvu de cause réelle »."
    [q] = run(nlp, text)
    assert q.speaker == "la cour" and q.speaker_canonical is None


# ----------------------------------------------------------------------------- faire valoir
def test_fait_valoir_after_the_quote(nlp) -> None:
    text = "« Mon client est innocent et le prouvera en appel », a fait valoir Jean Colas, avocat du groupe."
    [q] = run(nlp, text, JEAN)
    assert q.speaker_canonical == "Jean Colas" and q.verb == "faire valoir"


def test_fait_valoir_que_before_the_quote(nlp) -> None:
    text = "Jean Colas a fait valoir que « son client avait respecté toutes les règles »."
    [q] = run(nlp, text, JEAN)
    assert q.speaker_canonical == "Jean Colas" and q.verb == "faire valoir"


# ----------------------------------------------------------------------------- a role with an acronym
def test_a_role_with_a_union_acronym_names_its_holder_far_back(nlp) -> None:
    filler = " ".join(["La négociation doit reprendre jeudi au siège régional de l'entreprise."] * 12)
    text = (
        "« Les salaires stagnent depuis quatre ans », a dit Paul Roche, délégué syndical CGT.\n\n"
        f"{filler}\n\n« Nous continuerons tant qu'il le faudra », a prévenu le délégué CGT."
    )
    quotes = run(nlp, text, ROCHE, ("CGT", "ORG", "CGT"))
    assert [q.speaker_canonical for q in quotes] == ["Paul Roche", "Paul Roche"]


# ----------------------------------------------------------------------------- role of a place, then a name
def test_a_place_before_the_name_is_not_a_first_name(nlp) -> None:
    text = "La sénatrice du Gers Anne Pelletier a salué « une bonne nouvelle pour les territoires ruraux »."
    [q] = run(nlp, text, ("Gers", "LOC", "Gers"), ("Anne Pelletier", "PER", "Anne Pelletier"))
    assert q.speaker == "Anne Pelletier" and q.speaker_role == "sénatrice du Gers"


def test_a_first_name_left_out_of_the_mention_is_still_taken(nlp) -> None:
    text = "« Nous irons jusqu'au bout », a déclaré Claire Dumont, maire de Vals."
    [q] = run(nlp, text, ("Dumont", "PER", "Dumont"))
    assert q.speaker == "Claire Dumont"
