"""Attribution forms read off the seventh held-out set's errors (tests/data/quotes/heldout7) together
with the earlier sets' remaining misses. Every sentence here is written for these tests."""

from __future__ import annotations

from pipeline.quotes.context import Context
from pipeline.token_table import token_table
from tests.quotes.test_extract import mentions, run
from tests.quotes.test_heldout_rules import said

LOUIS = ("Louis Fabre", "PER", "Louis Fabre")
ODILE = ("Odile Reynaud", "PER", "Odile Reynaud")


# ----------------------------------------------------------------------------- relative "qui"
def test_the_antecedent_of_qui_says_the_words_not_the_sentence_subject(nlp) -> None:
    text = (
        "Les parents d'élèves ont été reçus mardi par l'inspecteur d'académie, Louis Fabre, qui leur a "
        "assuré que « aucune classe ne fermerait à la rentrée prochaine »."
    )
    [q] = run(nlp, text, LOUIS)
    assert q.speaker_canonical == "Louis Fabre" and q.verb == "assurer"


def test_a_role_before_qui_is_the_speaker(nlp) -> None:
    text = "Les commerçants ont rencontré la maire, qui a promis que « les travaux seraient finis en mai »."
    [q] = run(nlp, text)
    assert q.speaker == "la maire"


def test_qui_after_the_sentence_subject_keeps_the_subject(nlp) -> None:
    text = (
        "Odile Reynaud, qui dirige le musée depuis 2019, a rappelé que « la collection a doublé en "
        "cinq ans »."
    )
    [q] = run(nlp, text, ODILE)
    assert q.speaker_canonical == "Odile Reynaud"


def test_qui_after_a_name_completing_an_apposed_noun_refers_to_the_first_person(nlp) -> None:
    text = (
        "En 2019, il avait eu un vif échange avec Louis Fabre, le successeur d'Odile Reynaud, qui lui "
        "avait répondu : « Je resterai tant que le conseil me fera confiance, et pas un jour de moins. »"
    )
    [q] = run(nlp, text, LOUIS, ODILE)
    assert q.speaker_canonical == "Louis Fabre"


def test_qui_after_a_name_governed_by_de_alone_refers_to_that_name(nlp) -> None:
    text = (
        "La maire a reçu la presse aux côtés de Louis Fabre, qui a déclaré : « Le chantier sera terminé "
        "avant l'été, comme prévu dans le contrat. »"
    )
    [q] = run(nlp, text, LOUIS)
    assert q.speaker_canonical == "Louis Fabre"


# ----------------------------------------------------------------------------- verb, complement, quote
def test_a_complement_between_the_verb_of_saying_and_its_quoted_object(nlp) -> None:
    text = (
        "Le gardien, Louis Fabre, a salué sur les réseaux sociaux « une victoire construite par tout le "
        "groupe »."
    )
    [q] = run(nlp, text, LOUIS)
    assert q.speaker_canonical == "Louis Fabre" and q.text.startswith("une victoire")


def test_a_title_after_a_complement_stays_a_title(nlp) -> None:
    text = "Odile Reynaud a présenté devant la presse « La Grande Traversée des océans du Sud »."
    assert run(nlp, text, ODILE) == []


def test_a_complement_after_a_verb_that_does_not_speak(nlp) -> None:
    text = "Odile Reynaud a installé dans le hall « une fresque peinte par les enfants de l'école »."
    assert run(nlp, text, ODILE) == []


# ----------------------------------------------------------------------------- a first name and an age
def test_a_first_name_with_an_age_is_a_person_even_tagged_as_another_name(nlp) -> None:
    text = (
        "« Depuis la fermeture du bureau de poste, je fais vingt kilomètres pour envoyer un colis », "
        "raconte Gisèle, 68 ans, installée à Vernay depuis trente ans."
    )
    [q] = run(nlp, text, ("Gisèle", "MISC", "Gisèle"))
    assert q.speaker == "Gisèle" and q.verb == "raconter"


def test_only_a_short_name_with_an_age_in_apposition_becomes_a_person(nlp) -> None:
    text = "Gisèle, 68 ans, vit à Vernay, 40 ans après l'inondation."
    doc = nlp(text)
    found = mentions(text, ("Gisèle", "MISC", "Gisèle"), ("Vernay", "LOC", "Vernay"))
    ctx = Context(doc, found, token_table(doc))
    got = [(m.text, m.label, m.canonical) for m in ctx.mentions]
    assert got == [("Gisèle", "PER", "Gisèle"), ("Vernay", "LOC", "Vernay")]  # the entity stage's name


# ----------------------------------------------------------------------------- roles
def test_a_generic_noun_for_the_head_of_a_company(nlp) -> None:
    text = (
        "« Nos ventes ont progressé de 8 % malgré la hausse des coûts », commente Louis Fabre, directeur "
        "général de la société. Le dirigeant prévient toutefois que « l'année prochaine sera plus difficile "
        "pour toute la filière »."
    )
    quotes = run(nlp, text, LOUIS)
    assert [q.speaker_canonical for q in quotes] == ["Louis Fabre", "Louis Fabre"]
    assert quotes[1].speaker == "Le dirigeant"


def test_a_writer_named_by_her_profession(nlp) -> None:
    text = '"J\'ai mis six ans à finir ce roman, le soir après le travail", a confié la romancière.'
    [q] = run(nlp, text)
    assert q.speaker == "la romancière"


def test_an_indefinite_role_names_someone_not_the_body(nlp) -> None:
    text = (
        "Une conseillère de la Caisse primaire d'assurance maladie de l'Orne reconnaît que « les délais de "
        "remboursement se sont allongés depuis le printemps »."
    )
    body = ("Caisse primaire d'assurance maladie", "ORG", "Caisse primaire d'assurance maladie")
    [q] = run(nlp, text, body)
    assert q.speaker.startswith("Une conseillère") and q.speaker_canonical is None


def test_a_definite_role_keeps_the_body_it_names(nlp) -> None:
    text = (
        "« Les délais se sont allongés depuis le printemps », reconnaît le directeur de la Caisse d'épargne."
    )
    [q] = run(nlp, text, ("Caisse d'épargne", "ORG", "Caisse d'épargne"))
    assert q.speaker_canonical == "Caisse d'épargne"


# ----------------------------------------------------------------------------- the next paragraph
def test_a_quote_paragraph_under_an_attributed_one_goes_on(nlp) -> None:
    text = (
        "« Nous ouvrirons la piscine en juin, après deux ans de travaux », a annoncé Louis Fabre.\n\n"
        "« Tous les enfants de la commune doivent pouvoir apprendre à nager. »"
    )
    assert [s for _, s in said(run(nlp, text, LOUIS))] == ["Louis Fabre", "Louis Fabre"]


def test_a_narrative_sentence_after_the_incise_stops_the_speaker(nlp) -> None:
    text = (
        "« Nous ouvrirons la piscine en juin, après deux ans de travaux », a annoncé Louis Fabre. Le conseil "
        "votera le budget lundi.\n\n« Tous les enfants de la commune doivent pouvoir apprendre à nager. »"
    )
    assert [s for _, s in said(run(nlp, text, LOUIS))] == ["Louis Fabre"]


def test_a_paragraph_between_stops_the_speaker(nlp) -> None:
    text = (
        "« Nous ouvrirons la piscine en juin, après deux ans de travaux », a annoncé Louis Fabre.\n\n"
        "Le conseil votera le budget lundi.\n\n"
        "« Tous les enfants de la commune doivent pouvoir apprendre à nager. »"
    )
    assert [s for _, s in said(run(nlp, text, LOUIS))] == ["Louis Fabre"]


# ----------------------------------------------------------------------------- who the text named with a role
def test_a_profession_names_the_person_given_it_in_a_complement(nlp) -> None:
    text = (
        "Le grand prix a été remis à « Les Collines rouges », premier film de la réalisatrice Odile "
        "Reynaud. Très émue, la cinéaste a remercié les habitants : « Sans vous, nous n'aurions jamais "
        "pu tourner une seule scène. »"
    )
    [q] = run(nlp, text, ODILE)
    assert q.speaker == "la cinéaste" and q.speaker_canonical == "Odile Reynaud"


def test_a_bare_role_names_a_person_introduced_beside_the_subject(nlp) -> None:
    text = (
        "La maire, Claire Bonnet, a reçu la presse aux côtés du directeur du centre hospitalier, Louis "
        "Fabre. « Les urgences resteront ouvertes tout l'été, de jour comme de nuit », a assuré le "
        "directeur."
    )
    [q] = run(nlp, text, LOUIS, ("Claire Bonnet", "PER", "Claire Bonnet"))
    assert q.speaker_canonical == "Louis Fabre"


def test_a_person_named_beside_the_subject_is_no_antecedent_of_a_pronoun(nlp) -> None:
    text = (
        "La maire, Claire Bonnet, a reçu la presse aux côtés du directeur du centre hospitalier, Louis "
        "Fabre. « Les urgences resteront ouvertes tout l'été, de jour comme de nuit », a-t-elle assuré."
    )
    [q] = run(nlp, text, LOUIS, ("Claire Bonnet", "PER", "Claire Bonnet"))
    assert q.speaker_canonical == "Claire Bonnet"


def test_a_role_with_its_body_names_the_person_given_that_role_before(nlp) -> None:
    text = (
        "Le président du conseil régional, Louis Fabre, a visité le chantier du lycée.\n\n"
        "Louis Fabre a ensuite annoncé une aide aux familles. « Les cantines seront gratuites dès "
        "septembre pour tous les lycéens boursiers », a promis le président de la Région."
    )
    [q] = run(nlp, text, LOUIS, ("Région", "ORG", "Région"))
    assert q.speaker == "le président de la Région" and q.speaker_canonical == "Louis Fabre"


def test_a_role_with_another_body_keeps_that_body(nlp) -> None:
    text = (
        "Le président du conseil régional, Louis Fabre, a visité le chantier du lycée. « Les travaux "
        "finiront en juin », a promis le président de l'Agence de l'eau."
    )
    quotes = run(nlp, text, LOUIS, ("Agence de l'eau", "ORG", "Agence de l'eau"))
    assert [q.speaker_canonical for q in quotes] == ["Agence de l'eau"]


def test_a_place_after_a_role_is_no_canonical(nlp) -> None:
    text = "« Le pont rouvrira avant l'hiver », a indiqué le préfet de la Lozère."
    [q] = run(nlp, text, ("Lozère", "LOC", "Lozère"))
    assert q.speaker == "le préfet de la Lozère" and q.speaker_canonical is None


# ----------------------------------------------------------------------------- the subject of the main clause
def test_a_pronoun_opening_the_clause_of_a_verb_of_saying_is_its_subject(nlp) -> None:
    text = (
        "Odile Reynaud a appelé les salariés à la grève. La direction de l'une des deux usines a répondu "
        "dans un courrier qu'elle « étudiera toutes les offres de reprise sérieuses »."
    )
    [q] = run(nlp, text, ODILE)
    assert q.speaker == "La direction de l'une des deux usines" and q.speaker_canonical is None


def test_a_pronoun_of_another_gender_than_the_subject_keeps_its_antecedent(nlp) -> None:
    text = (
        "Odile Reynaud a appelé les salariés à la grève. Le directeur de l'usine a répondu qu'elle "
        "« refuse le dialogue depuis des mois avec les délégués »."
    )
    [q] = run(nlp, text, ODILE)
    assert q.speaker_canonical == "Odile Reynaud"


def test_two_speakers_joined_by_et_before_a_plural_verb_speak_together(nlp) -> None:
    text = (
        "Le maire, Louis Fabre, et la préfète « demandent aux habitants de limiter leur consommation "
        "d'eau dès ce week-end »."
    )
    [q] = run(nlp, text, LOUIS)
    assert q.speaker == "Le maire, Louis Fabre, et la préfète" and q.speaker_canonical is None


# ------------------------------------------------------------------------ experts, relatives in the marks
def test_a_relative_clause_in_the_marks_after_a_verb_of_saying_and_its_object(nlp) -> None:
    text = (
        "Une pédiatre du centre hospitalier de Vernay, interrogée par l'agence, insiste sur la vaccination "
        "des nourrissons, « qui sont les plus exposés aux formes graves de la maladie »."
    )
    [q] = run(nlp, text, ("Vernay", "LOC", "Vernay"))
    assert q.speaker.startswith("Une pédiatre") and q.verb == "insister"


def test_a_relative_clause_in_the_marks_after_a_verb_that_does_not_speak(nlp) -> None:
    text = (
        "Le musée a acquis deux tableaux du peintre, « qui rejoindront la salle des paysages dès le mois "
        "de mars »."
    )
    assert run(nlp, text) == []
