"""The French words attribution is written with: verbs of saying (with their forms, as the model's
lemmas are unreliable on inflected verbs), role nouns and what goes around them, pronouns and
fillers. Role nouns, role adjectives, courtesy titles and time words are shared with the entity rules
(pipeline/french_words.py); the lists here add the few words only quotes need."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.french_words import (
    COURTESY_TITLES,
    DAY_TIMES,
    ROLE_ADJECTIVES,
    ROLE_NOUNS,
    WEEKDAYS,
    pairs,
    words,
)


def _in_order(text: str) -> list[str]:
    return text.split()


# Verbs of saying used in French reported speech (regular -er verbs: forms are generated). The order
# counts: a form two verbs share goes to the first.
_ER_VERBS = _in_order(
    """
    affirmer ajouter alerter annoncer assurer avouer commenter confier confirmer considérer constater
    déclarer déplorer dénoncer détailler estimer expliquer exprimer féliciter indiquer insister juger
    lancer marteler noter nuancer observer penser plaider préciser proclamer raconter rappeler regretter
    relever répliquer résumer rétorquer saluer signaler souligner témoigner espérer interroger inquiéter
    répéter glisser réclamer demander exiger rapporter
    """
)
_IRREGULAR = {
    "dire": "dit dite dits disent disait disaient dira diront",
    "écrire": "écrit écrite écrivent écrivait",
    "répondre": "répond répondu répondent répondait",
    "reconnaître": "reconnaît reconnait reconnaissent reconnu reconnue reconnaissait",
    "admettre": "admet admettent admis admise admettait",
    "promettre": "promet promettent promis promise",
    "conclure": "conclut concluent conclu conclue concluait",
    "poursuivre": "poursuit poursuivent poursuivi poursuivie poursuivait",
    "reprendre": "reprend reprennent repris reprise reprenait",
    "prévenir": "prévient préviennent prévenu prévenue prévenait",
    "avertir": "avertit avertissent averti avertie avertissait",
    "réagir": "réagit réagissent réagi réagie réagissait",
    "réjouir": "réjouit réjouissent réjoui réjouie réjouis réjouies",
    "soutenir": "soutient soutiennent soutenu soutenue soutenait",
    "prédire": "prédit prédisent",
    "décrire": "décrit décrite décrivent décrivait",
    "rappeler": "rappelle rappellent rappellera",
    "espérer": "espère espèrent",
    "considérer": "considère considèrent",
    "marteler": "martèle martèlent",
    "répéter": "répète répètent",
    "inquiéter": "inquiète inquiètent",
}


def _er_forms(inf: str) -> Iterator[str]:
    stem = inf[:-2]
    past = stem + ("e" if stem.endswith("g") else "")
    simple = stem[:-1] + "ç" if stem.endswith("c") else past
    yield from (inf, stem + "e", stem + "ent", stem + "é", stem + "ée", stem + "és", stem + "ées")
    yield from (
        simple + "a",
        stem + "èrent",
        past + "ait",
        past + "aient",
        inf + "a",
        inf + "ont",
        inf + "ait",
    )


def _saying_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for inf in _ER_VERBS:
        for form in _er_forms(inf):
            forms.setdefault(form, inf)
    for inf, extra in _IRREGULAR.items():
        forms[inf] = inf
        for form in extra.split():
            forms[form] = inf
    return forms


SAYING_FORMS = _saying_forms()  # verb form -> infinitive
# Forms of "faire" that make a verb of saying with "valoir" or "savoir" ("a fait valoir que ...").
FAIRE_FORMS = words("fait font faisait faisaient fera feront faire")

# Lemmas of verbs that report words, a stance or a wish ("a défendu « ... »", "souhaite « ... »",
# "appelle à « ... »"): recognised through the model's lemma when the form is not in SAYING_FORMS, so
# any tense or person counts. Verbs of saying proper are here too, for their forms the list lacks.
SPEECH_LEMMAS = words(
    """
    accuser admettre affirmer ajouter alerter annoncer appeler applaudir assurer attester avertir
    avouer citer commenter condamner confier confirmer conseiller constater critiquer déclarer défendre
    décrire demander démentir dénoncer déplorer détailler dire écrire encourager espérer estimer évoquer
    exhorter exiger expliquer exprimer faire-valoir féliciter fustiger implorer indiquer insister interpeller
    inviter jurer juger lancer louer marteler mentionner noter nuancer objecter observer plaider
    préciser préconiser prévenir proclamer promettre proposer qualifier raconter rappeler rassurer
    réaffirmer réagir réclamer recommander reconnaître regretter réitérer relever remercier répéter
    répliquer répondre résumer rétorquer revendiquer saluer signaler souhaiter souligner soutenir
    suggérer supplier témoigner vanter
    """
)
# Words between a verb and a quotation that is its object: "exprime son « ... »", "appelle à « ... »".
OBJECT_LINKS = words("à au aux de d' du des le la l' les un une son sa ses leur leurs notre nos votre")
# Nouns whose complement says whose words follow a colon: "Réaction du maire : « ... »".
SPEECH_NOUNS = words(
    """
    allocution appel commentaire déclaration discours intervention message mot mots paroles propos
    réaction réponse témoignage termes
    """
)
# First- and second-person words: quoted text holding one is someone's words.
SPEAKING_PERSONS = words("je j' me m' moi mon ma mes nous notre nos vous votre vos")
# Clitics that may open a quotation whose subject stands before the mark: "X « se félicite de ... »".
VERB_CLITICS = words("se s' ne n' y en lui leur le la l' les")

# Role nouns (both genders -> the masculine form used to compare roles): the shared ones, plus
# functions that speak in press releases but that the entity rules need not know.
ROLE_PAIRS = ROLE_NOUNS | pairs(
    """
    négociateur négociatrice=négociateur dirigeant dirigeante=dirigeant médiateur médiatrice=médiateur
    défenseur défenseure=défenseur haut-représentant haute-représentante=haut-représentant
    présidente-directrice=président-directeur président-directeur proviseur proviseure=proviseur
    inspecteur inspectrice=inspecteur commandante=commandant
    élu élue=élu adjoint adjointe=adjoint chercheur chercheuse=chercheur entraîneur entraîneuse=entraîneur
    sélectionneur sélectionneuse=sélectionneur joueur joueuse=joueur nageur nageuse=nageur coureur
    coureuse=coureur athlète syndicaliste militant militante=militant auteur autrice=auteur
    auteure=auteur coauteur coautrice=coauteur co-auteur co-autrice=co-auteur économiste chargé
    chargée=chargé réalisateur réalisatrice=réalisateur cinéaste artiste écrivain écrivaine=écrivain
    comédien comédienne=comédien acteur actrice=acteur chanteur chanteuse=chanteur musicien
    musicienne=musicien romancier romancière=romancier poète poétesse=poète lauréat lauréate=lauréat
    avocat avocate=avocat magistrat magistrate=magistrat journaliste enseignant enseignante=enseignant
    agriculteur agricultrice=agriculteur éleveur éleveuse=éleveur médecin infirmier infirmière=infirmier
    pharmacien pharmacienne=pharmacien pédiatre urgentiste infectiologue épidémiologiste psychiatre
    psychologue sociologue historien historienne=historien politologue climatologue associé
    associée=associé attaquant attaquante=attaquant gardien gardienne=gardien capitaine buteur
    buteuse=buteur ailier ailière=ailier arbitre footballeur footballeuse=footballeur rugbyman cycliste
    skieur skieuse=skieur boxeur boxeuse=boxeur conservateur conservatrice=conservateur moniteur
    monitrice=moniteur logisticien logisticienne=logisticien doctorant doctorante=doctorant vigneron
    vigneronne=vigneron viticulteur viticultrice=viticulteur œnologue hydrologue glaciologue
    océanographe géographe mère père soigneur soigneuse=soigneur vétérinaire archéologue chirurgien
    chirurgienne=chirurgien urologue cardiologue anesthésiste radiologue cancérologue oncologue
    neurologue gynécologue sage-femme kinésithérapeute
    """
)
# People who speak as witnesses rather than for an office: "Une habitante du quartier raconte : « ... »".
# Speakers when a verb of saying has them as subject; never the antecedent of a later pronoun.
WITNESS_PAIRS = pairs(
    """
    patient patiente=patient habitant habitante=habitant riverain riveraine=riverain bénévole
    usager usagère=usager salarié salariée=salarié client cliente=client étudiant étudiante=étudiant
    lycéen lycéenne=lycéen commerçant commerçante=commerçant résident résidente=résident
    manifestant manifestante=manifestant visiteur visiteuse=visiteur spectateur spectatrice=spectateur
    """
)
WITNESSES = frozenset(WITNESS_PAIRS.values())
ROLE_PAIRS = ROLE_PAIRS | WITNESS_PAIRS
ROLE_ADJ = ROLE_ADJECTIVES
ROLE_PREFIX = words(
    "actuel actuelle ancien ancienne futur future haut haute nouveau nouvel nouvelle premier première"
)


def role_key(word: str) -> str | None:
    """The masculine singular of a role noun ("présidentes" -> "président"), None if not one."""
    if word in ROLE_PAIRS:
        return ROLE_PAIRS[word]
    if word[-1:] in ("s", "x") and word[:-1] in ROLE_PAIRS:
        return ROLE_PAIRS[word[:-1]]
    return None


# Generic role nouns and the functions they stand for: "l'élu" after the mayor was quoted is the mayor.
GENERIC_ROLES = {
    "élu": words("maire adjoint député sénateur conseiller président vice-président"),
    "dirigeant": words(
        "président président-directeur directeur pdg patron gérant fondateur cofondateur administrateur"
    ),
}
# Roles whose holder speaks for the body even when unnamed: "une porte-parole de la préfecture".
SPOKESPERSONS = words("porte-parole représentant")
# Role nouns that say what a person does rather than name an office: "le chercheur" may be the person
# just named with other words ("Jean Roy, écologue"); "le ministre" never is.
PROFESSIONS = words(
    """
    chercheur entraîneur sélectionneur joueur nageur coureur athlète syndicaliste militant auteur
    coauteur co-auteur économiste réalisateur cinéaste artiste écrivain comédien acteur chanteur
    musicien romancier poète lauréat avocat magistrat journaliste enseignant agriculteur éleveur
    médecin infirmier pharmacien pédiatre urgentiste infectiologue épidémiologiste psychiatre
    psychologue sociologue historien politologue climatologue attaquant gardien capitaine buteur ailier
    arbitre footballeur rugbyman cycliste skieur boxeur moniteur logisticien doctorant vigneron
    viticulteur œnologue hydrologue glaciologue océanographe géographe mère père soigneur vétérinaire
    archéologue chirurgien urologue cardiologue anesthésiste radiologue cancérologue oncologue
    neurologue gynécologue sage-femme kinésithérapeute
    """
)
# Professions of physicians, and the titles that name one: "le docteur Jean Roy" -> "le chirurgien".
PHYSICIANS = words(
    "médecin chirurgien urologue cardiologue anesthésiste radiologue cancérologue oncologue neurologue "
    "gynécologue pédiatre urgentiste psychiatre"
)
DOCTOR_TITLES = words("docteur docteure dr dre")
# Role abbreviations and the role heads they stand for: "le PDG" after "X, président-directeur général".
ROLE_ABBREVIATIONS = {"pdg": "président-directeur général"}
FEMININE_ROLES = frozenset(k for k, v in ROLE_PAIRS.items() if k != v)
ROLE_DETS = words("ce cette l' la le les leur leurs notre sa ses son un une votre")
TITLES = COURTESY_TITLES | words("docteur maître professeur")
PRONOUNS = {
    "il": ("Masc", "Sing"),
    "elle": ("Fem", "Sing"),
    "ils": ("Masc", "Plur"),
    "elles": ("Fem", "Plur"),
    "-il": ("Masc", "Sing"),
    "-elle": ("Fem", "Sing"),
    "-ils": ("Masc", "Plur"),
    "-elles": ("Fem", "Plur"),
}
# Common nouns that name a body speaking as one ("la direction a répondu que « ... »").
BODY_NOUNS = words(
    """
    association collectif commission compagnie direction entreprise fédération gouvernement groupe
    intersyndicale interprofession coopérative mairie ministère municipalité préfecture rectorat société
    syndicat tribunal cour parquet gendarmerie police
    """
)
# Things that bear words no one is quoted saying: "une banderole proclamant « ... »" (singular forms).
SIGN_NOUNS = words(
    """
    affiche affichette banderole bannière écriteau inscription message panneau pancarte pancarte
    slogan t-shirt tee-shirt tract
    """
)
# Object pronouns between a quotation and its verb: "« ... », leur a-t-elle dit", "nous a confié X".
OBJECT_CLITICS = words("lui leur nous vous me m' te t'")
# Stressed pronouns after "selon", "pour", "d'après": "Selon elle, « ... »", "« ... », selon lui".
STRESSED_PRONOUNS = {
    "lui": ("Masc", "Sing"),
    "elle": ("Fem", "Sing"),
    "eux": ("Masc", "Plur"),
    "elles": ("Fem", "Plur"),
}
# Nouns of a moment or an occasion after "à", "au": "a souligné la ministre à l'issue du Conseil"
# ends the role at "à", the rest tells when she spoke.
CIRCUMSTANCE_NOUNS = words(
    """
    issue occasion cours terme lendemain veille sortie fin début moment micro tribune suite lors
    approche arrivée départ
    """
)
CLITICS = frozenset(["s'", "se", "n'", "ne", "l'", "y", "en", "lui", "leur", "-t"])
# Words between a verb of saying and its subject: "a déclaré, pour sa part, X".
FILLER_SEQS = (
    ("pour", "sa", "part"),
    ("pour", "leur", "part"),
    ("de", "son", "côté"),
    ("de", "leur", "côté"),
    ("quant", "à", "lui"),
    ("quant", "à", "elle"),
    ("à", "son", "tour"),
    ("à", "leur", "tour"),
    ("par", "ailleurs"),
    ("en", "outre"),
    ("d'", "ailleurs"),
    ("lui", "aussi"),
    ("elle", "aussi"),
)
ROLE_ADP = words("au auprès aux chargé chargée chargées chargés chez d' de des du en pour à")
# Words that name what follows them: a quoted text right after one of these is a title or a term.
NAMING = words(
    """
    appelé appelée baptisé baptisée baptisées baptisés dit dite dites dits dénommé dénommée intitulé
    intitulée intitulées intitulés nommé nommée surnommé surnommée
    """
)
# Participles that give a person a role: "Jeanne Roy nommée directrice", "Jean Roy, élu président".
# Verbs whose object wins a prize: "le jury a couronné X", "le prix a été décerné à X" -> "la lauréate".
AWARDING = words(
    "couronné couronnée couronne récompensé récompensée distingué distinguée distingue primé primée décerné "
    "décernée"
)
APPOINTING = words("nommé nommée élu élue désigné désignée promu promue reconduit reconduite")
TIME_WORDS = WEEKDAYS | DAY_TIMES | words("ce cet cette dernier dernière même")
ALL_MARKS = frozenset('«»“”"')
EMPHASIS = frozenset(["*", "**", "_", "__"])  # markdown emphasis around quotation marks
GUILLEMET_OR_LINE_END = re.compile("[«“»”\n]")
# Phrases that introduce a speaker before or after a quotation ("selon X", "pour reprendre les mots de
# X"), longest first; "pour X" only before one.
SOURCE_PREPS = tuple(
    tuple(seq.split())
    for seq in (
        "pour reprendre les mots de",
        "pour reprendre les termes de",
        "pour reprendre les propos de",
        "pour reprendre l' expression de",
        "selon les mots de",
        "selon les termes de",
        "selon les propos de",
        "selon l' expression de",
        "pour citer",
        "dixit",
        "selon",
        "d' après",
        "d'après",
    )
)
# Documents whose author is the speaker after "selon" / "d'après": "selon un communiqué de la mairie".
DOCUMENT_NOUNS = words("communiqué déclaration message note courrier lettre")
DOCUMENT_DETS = words("un une le la son sa leur")
# Nouns of one's own words after a possessive: "« ... », selon ses mots" (the person spoken of).
OWN_WORDS = words("mots termes propos propres")
INTRO_PREPS = SOURCE_PREPS + (("pour",), ("aux", "yeux", "de"))
