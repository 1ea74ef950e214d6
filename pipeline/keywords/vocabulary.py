"""Word lists of the keyphrase rules, kept apart from the code so that they can be read and edited as
lists: function words that link or open phrases, and the generic nouns that never make a keyphrase
alone."""

from __future__ import annotations

from ..french_words import ROLE_NOUNS

# Function words: they link the parts of a phrase ("tournoi de Melbourne") or open it (an article after a
# preposition), and are dropped or normalised in the de-duplication key.
PREPOSITIONS = {"de", "d'", "d\u2019", "du", "des", "contre"}
NAME_LINKS = {"of", "&", "and"}  # inside foreign names: "Port of Spain", "Marks & Spencer"
ARTICLES = {"le", "la", "l'", "l\u2019", "les", "un", "une"}
PREPOSITION_KEYS = {"d'": "de", "d\u2019": "de", "du": "de", "des": "de"}  # key of each preposition
NOUN_SUFFIXES = ("tion", "sion", "ment", "isme", "iste", "ité", "ance", "ence", "eur", "age", "ure")
# Nouns that are almost never a keyphrase on their own: time units, days, months, vague quantities, words
# of the reporting frame and the nouns of prepositional locutions ("en matière de", "dans le cadre de",
# "au sein de", "mise en œuvre"), and hyphenated locutions that the compound rejoining makes one word
# ("c'est-à-dire", "au-delà"). They may still occur inside a longer phrase ("niveau de vie", "50 ans").
_GENERIC = """
    an année jour journée mois semaine heure minute seconde fois moment période temps date siècle
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
    septembre octobre novembre décembre matin soir midi nuit veille lendemain
    nombre partie part cas lieu façon manière sorte type chose fait point côté fin début suite cours
    ensemble total reste plupart moitié dizaine centaine millier million milliard trentaine vingtaine
    monsieur madame m. mme mr personne gens homme femme
    article page site source lien photo image version texte communiqué presse information contact
    chose objet effet raison question sujet exemple niveau place rôle compte mesure
    matière égard vue terme faveur occasion cadre sein mise besoin manque lors hauteur
    euro dollar groupe
    est-à-dire c'est-à-dire au-delà vis-à-vis peut-être
"""
GENERIC_NOUNS = frozenset(_GENERIC.split())
# Nouns of a release's own frame: what it announces or does (a plan, its parts, its rules), not what it
# is about. Unlike GENERIC_NOUNS they stay candidates, weighed down (ranking.FRAME_WEIGHT): readers
# almost never keep them alone (2 of 484 WikiNews-fr keyphrases, none of press-real's).
_FRAME = """
    plan volet projet proposition règle dispositif programme initiative démarche objectif enjeu priorité
    étape action soutien
"""
FRAME_NOUNS = frozenset(_FRAME.split())
# Class nouns put before the name of a body as its apposition ("la société Terralia", "l'association
# Vallée Propre"): the name is the keyphrase, the class noun adds nothing (filters.drop_class_nouns).
_CLASS = """
    société entreprise association groupe start-up startup cabinet fondation collectif coopérative
    fédération compagnie enseigne marque opérateur constructeur éditeur firme filiale laboratoire club
    assureur banque
"""
CLASS_NOUNS = frozenset(_CLASS.split())
# Currencies, as codes or words: an amount is never a topic ("50 millions d'euros", "2 milliards FCFA").
_CURRENCIES = "euro eur € dollar usd $ fcfa cfa xof franc chf gbp yen"
CURRENCIES = frozenset(_CURRENCIES.split())
# Time words, quantity nouns and units: a phrase made only of these and numbers is a date, an amount or a
# measure ("avril 2024", "millions d'euros", "dernières heures", "mètres carrés"), never a keyphrase.
_TIME_AND_QUANTITY = """
    an année jour journée mois semaine heure minute seconde fois période siècle
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
    septembre octobre novembre décembre matin soir midi nuit veille lendemain après-midi utc gmt
    nombre dizaine centaine millier million milliard trentaine vingtaine moitié total
    mètre kilomètre km centimètre litre hectolitre hectare tonne kilo kilogramme kg gramme degré watt
    kilowatt mégawatt kwh mwh gwh
"""
TIME_AND_QUANTITY = frozenset(_TIME_AND_QUANTITY.split()) | CURRENCIES
# Title lines made only of these (and short words) are headers, not titles: "Communiqué de presse".
HEADER_WORDS = frozenset(_w for _w in (*GENERIC_NOUNS, "communiqué", "presse", "informations")) | {
    "de", "du", "des", "la", "le", "les", "et", "en", "pour"
}  # fmt: skip
# Role nouns as lemmas and as written: a phrase headed by one names an office ("ministre des sports").
ROLE_HEADS = frozenset(ROLE_NOUNS) | frozenset(ROLE_NOUNS.values())
