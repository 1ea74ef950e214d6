"""Attribution forms read off the eighth held-out set's errors (tests/data/quotes/heldout8): a person
who speaks as a witness (a patient, a resident) named by an indefinite noun, "voir dans X « ... »",
a present tense the model reads as a participle before "à « ... »", a fronted participle the model
reads as a name, and a body whose name the entity stage reads as a place. Every sentence here is
written for these tests."""

from __future__ import annotations

from pipeline.quotes import extract_quotes
from pipeline.quotes.context import Context
from pipeline.quotes.records import Mention
from pipeline.token_table import token_table
from tests.quotes.test_extract import run

PAUL = ("Paul Rivière", "PER", "Paul Rivière")
NADIA = ("Nadia Sorel", "PER", "Nadia Sorel")


# ----------------------------------------------------------------------------- witnesses
def test_an_indefinite_resident_before_a_colon_speaks(nlp) -> None:
    text = (
        "Une habitante du quartier Saint-Roch raconte : « L'eau est montée jusqu'au premier étage en une "
        "heure. Nous avons tout perdu. »"
    )
    [q] = run(nlp, text)
    assert q.speaker == "Une habitante du quartier Saint-Roch" and q.speaker_canonical is None
    assert q.verb == "raconter"


def test_a_witness_noun_keeps_its_participle_complement(nlp) -> None:
    text = "Un riverain interrogé mardi témoigne : « On n'a jamais vu une crue pareille en quarante ans. »"
    [q] = run(nlp, text)
    assert q.speaker == "Un riverain interrogé mardi" and q.verb == "témoigner"


def test_a_patient_after_the_quote_speaks(nlp) -> None:
    text = "« Je suis rentrée chez moi au bout de quatre jours », confie une patiente de la clinique."
    [q] = run(nlp, text)
    assert q.speaker == "une patiente de la clinique"


def test_witnesses_that_a_speaker_thanks_before_a_colon_do_not_speak(nlp) -> None:
    text = "Le maire a remercié les bénévoles : « Sans vous, le marché de Noël n'aurait jamais eu lieu. »"
    [q] = run(nlp, text)
    assert q.speaker == "Le maire"


def test_a_witness_who_is_only_a_subject_is_no_antecedent_of_a_pronoun(nlp) -> None:
    text = (
        "Le directeur de l'usine, Jean Roy, a reçu la presse jeudi. Un salarié a été légèrement blessé "
        "lors de l'incident. « Nous renforcerons les contrôles dès lundi », a-t-il assuré."
    )
    [q] = run(nlp, text, ("Jean Roy", "PER", "Jean Roy"))
    assert q.speaker_canonical == "Jean Roy"


def test_a_witness_who_spoke_is_the_antecedent_of_a_pronoun(nlp) -> None:
    text = (
        "Une habitante du quartier raconte : « L'eau est montée en une heure. » « Nous avons tout "
        "perdu », ajoute-t-elle."
    )
    first, second = run(nlp, text)
    assert first.speaker == second.speaker == "Une habitante du quartier"


def test_plural_witnesses_do_not_answer_a_singular_pronoun(nlp) -> None:
    text = (
        "Les habitants du bourg ont été relogés. « La situation reste difficile pour tout le monde », "
        "a-t-elle reconnu."
    )
    assert run(nlp, text) == []


# ----------------------------------------------------------------------------- voir dans
def test_voir_dans_takes_the_quote_as_its_object(nlp) -> None:
    text = (
        "Le maire, Paul Rivière, voit dans ce classement « la récompense de dix années d'efforts pour le "
        "centre ancien »."
    )
    [q] = run(nlp, text, PAUL)
    assert q.speaker_canonical == "Paul Rivière" and q.verb == "voir"


def test_y_voir_takes_the_quote_as_its_object(nlp) -> None:
    text = (
        "La présidente de l'association, Nadia Sorel, y voit « le signe d'un désengagement de l'État "
        "envers les quartiers »."
    )
    [q] = run(nlp, text, NADIA)
    assert q.speaker_canonical == "Nadia Sorel" and q.verb == "voir"


def test_voir_without_dans_is_no_verb_of_saying(nlp) -> None:
    text = "Les visiteurs ont pu voir « Les Jardins de la Loire », le film tourné par les élèves du lycée."
    assert run(nlp, text) == []


# ----------------------------------------------------------------------------- verb forms and names
def test_a_present_tense_read_as_participle_before_a_quoted_object(nlp) -> None:
    text = (
        "Dans ses recommandations, l'Agence appelle à « accélérer la mise en œuvre de la "
        "directive-cadre sur l'eau dans les bassins agricoles »."
    )
    [q] = run(nlp, text, ("Agence", "ORG", "Agence européenne pour l'environnement"))
    assert q.speaker_canonical == "Agence européenne pour l'environnement" and q.verb == "appeler"


def test_a_participle_without_auxiliary_still_is_no_verb_of_saying(nlp) -> None:
    text = "La réforme, saluée « comme une avancée majeure pour les territoires ruraux », entre en vigueur."
    assert run(nlp, text) == []


def test_a_fronted_participle_is_no_name(nlp) -> None:
    text = (
        "Les salariés ont manifesté devant le siège.\n\nSollicitée, la direction de l'usine répond que "
        "« aucun licenciement n'est envisagé à ce stade du projet »."
    )
    doc = nlp(text)
    ctx = Context(doc, [], token_table(doc))
    assert not any(m.text == "Sollicitée" for m in ctx.mentions)
    [q] = run(nlp, text)
    assert q.speaker == "la direction de l'usine"


def test_a_body_named_with_a_place_is_the_speaker_not_the_place(nlp) -> None:
    text = (
        "Contactée, la direction de la scierie Haut-Jura Bois affirme que « les commandes repartiront "
        "dès le printemps prochain »."
    )
    doc = nlp(text)
    at = text.index("Haut-Jura Bois")
    place = Mention(at, at + len("Haut-Jura Bois"), "Haut-Jura Bois", "LOC", None)
    [q] = extract_quotes(doc, [place])
    assert q.speaker == "la direction de la scierie Haut-Jura Bois" and q.speaker_canonical is None


# ----------------------------------------------------------------------------- roles as written
def test_two_role_nouns_joined_by_et_are_one_role(nlp) -> None:
    text = (
        "« Nous doublerons nos effectifs d'ici deux ans », annonce Lucas Ferrand, directeur général et "
        "cofondateur de Bioteka."
    )
    [q] = run(nlp, text, ("Lucas Ferrand", "PER", "Lucas Ferrand"))
    assert q.speaker_role == "directeur général et cofondateur de Bioteka"


def test_a_partner_at_a_fund_is_a_role(nlp) -> None:
    text = (
        "Pour Margaux Delpech, associée chez Rhône Capital, « cette équipe a trouvé un marché que "
        "personne ne regardait »."
    )
    [q] = run(nlp, text, ("Margaux Delpech", "PER", "Margaux Delpech"))
    assert q.speaker_canonical == "Margaux Delpech" and q.speaker_role == "associée chez Rhône Capital"
