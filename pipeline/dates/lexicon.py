"""French calendar vocabulary: months, weekdays, seasons, holidays, number words.

Every entry is written in *folded* form (lower case, accents stripped, typographic apostrophes,
dashes and spaces made ASCII): the grammar runs on `fold(text)`, which has exactly the length of
`text`, so a match's offsets are offsets into the original text. That makes the grammar accent- and
case-insensitive ("AOÛT", "aout", "Août") without any offset bookkeeping.
"""

from __future__ import annotations

import re
import unicodedata


def _build_tables() -> tuple[dict[int, str], dict[int, str]]:
    """Two str.translate tables: lower case only, and lower case without accents (one char -> one char)."""
    lower: dict[int, str] = {}
    folded: dict[int, str] = {}
    for cp in range(0x250):
        ch = chr(cp)
        lo = ch.lower()
        if len(lo) != 1:
            lo = ch
        base = unicodedata.normalize("NFD", lo)[0]
        if not base.isascii() or unicodedata.category(base).startswith("M"):
            base = lo
        if lo != ch:
            lower[cp] = lo
        if base != ch:
            folded[cp] = base
    same = {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'", "\u2032": "'",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }  # fmt: skip
    for k, v in same.items():
        lower[ord(k)] = v
        folded[ord(k)] = v
    return lower, folded


_LOWER, _FOLD = _build_tables()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_PUNCT = {k: v for k, v in _LOWER.items() if not chr(k).isalpha()}


def _lower_same_length(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_LOWER)


def lower(text: str) -> str:
    """Lower-cased text, accents kept, same length as `text` (used to read verb tenses)."""
    low = _lower_same_length(text)
    return _NON_ASCII.sub(lambda m: _PUNCT.get(ord(m.group()), m.group()), low)


def fold(text: str) -> str:
    """Lower-cased, accent-stripped text of the same length as `text` (used by the date grammar).

    Only the non-ASCII characters go through the table: French text is mostly ASCII. Not
    pipeline.french.fold, on purpose: a decomposition there may change the length ("ﬁ" -> "fi") and
    the grammar's offsets must index the original text, so this table maps one character to one; it
    also makes apostrophes, dashes and spaces ASCII, as the patterns are written.
    """
    low = _lower_same_length(text)
    return _NON_ASCII.sub(lambda m: _FOLD.get(ord(m.group()), m.group()), low)


# --------------------------------------------------------------------------- months
MONTHS_FULL: dict[str, int] = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}  # fmt: skip
# Abbreviations: only read next to a day number or a year ("28 aoû 2020", "12 janv. 2024").
MONTHS_ABBR: dict[str, int] = {
    "janv": 1, "jan": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "jui": 7, "aou": 8,
    "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8,  # English forms seen in web releases ("Feb. 2025")
}  # fmt: skip


def month_number(word: str) -> int | None:
    """1-12 for a folded month name or abbreviation (with or without its dot)."""
    w = word.rstrip(".")
    return MONTHS_FULL.get(w) or MONTHS_ABBR.get(w)


# --------------------------------------------------------------------------- weekdays
WEEKDAYS: dict[str, int] = {
    "lundi": 1,
    "mardi": 2,
    "mercredi": 3,
    "jeudi": 4,
    "vendredi": 5,
    "samedi": 6,
    "dimanche": 7,
}  # ISO numbers
WEEKDAYS_ABBR: dict[str, int] = {"lun": 1, "mar": 2, "mer": 3, "jeu": 4, "ven": 5, "sam": 6, "dim": 7}


def weekday_number(word: str) -> int | None:
    w = word.rstrip(".")
    return WEEKDAYS.get(w) or WEEKDAYS_ABBR.get(w)


# --------------------------------------------------------------------------- seasons
SEASONS: dict[str, str] = {"printemps": "SP", "ete": "SU", "automne": "FA", "hiver": "WI"}
# First day of each season (month, day), used by "le premier dimanche du printemps".
SEASON_START: dict[str, tuple[int, int]] = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 22), "WI": (12, 21)}
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
# Named events that contain a season word but are not a season of a year.
SEASON_NAMES_NOT_DATES = ("printemps arabe", "printemps de prague", "printemps des poetes", "ete indien")

# --------------------------------------------------------------------------- holidays
# Fixed-date holidays: folded name -> (month, day).
HOLIDAYS_FIXED: dict[str, tuple[int, int]] = {
    "noel": (12, 25), "toussaint": (11, 1), "assomption": (8, 15), "armistice": (11, 11),
    "fete nationale": (7, 14), "fete du travail": (5, 1), "nouvel an": (1, 1), "jour de l'an": (1, 1),
    "saint-sylvestre": (12, 31), "saint sylvestre": (12, 31), "epiphanie": (1, 6), "chandeleur": (2, 2),
    "saint-valentin": (2, 14), "saint-jean": (6, 24), "saint jean": (6, 24), "fete de la musique": (6, 21),
    "saint-nicolas": (12, 6), "saint-patrick": (3, 17), "sainte-catherine": (11, 25),
    "saint-martin": (11, 11), "sainte-barbe": (12, 4), "halloween": (10, 31),
    # Belgian, Swiss and Quebec feasts ("le 1er de l'an" is also said in France)
    "1er de l'an": (1, 1), "premier de l'an": (1, 1), "fete nationale belge": (7, 21),
    "fete nationale suisse": (8, 1), "fete nationale du quebec": (6, 24), "fete du canada": (7, 1),
    "saint-jean-baptiste": (6, 24),
    # world and international days (United Nations and WHO observances), named in agendas
    "journee internationale des droits des femmes": (3, 8), "journee internationale des femmes": (3, 8),
    "journee internationale des droits de la femme": (3, 8), "journee internationale de la femme": (3, 8),
    "journee mondiale de l'eau": (3, 22), "journee internationale des forets": (3, 21),
    "journee mondiale de la sante": (4, 7), "journee mondiale de la terre": (4, 22),
    "jour de la terre": (4, 22),
    "journee mondiale du livre": (4, 23), "journee mondiale de l'environnement": (6, 5),
    "journee mondiale des oceans": (6, 8), "journee mondiale du don de sang": (6, 14),
    "journee mondiale de la sante mentale": (10, 10), "journee mondiale de l'alimentation": (10, 16),
    "journee mondiale du refus de la misere": (10, 17),
    "journee internationale des droits de l'enfant": (11, 20),
    "journee internationale pour l'elimination de la violence a l'egard des femmes": (11, 25),
    "journee mondiale de lutte contre le sida": (12, 1), "journee mondiale contre le sida": (12, 1),
    "journee internationale des personnes handicapees": (12, 3), "journee mondiale contre le cancer": (2, 4),
    "journee mondiale des zones humides": (2, 2), "journee mondiale de sensibilisation a l'autisme": (4, 2),
    "journee mondiale de l'autisme": (4, 2), "journee internationale du benevolat": (12, 5),
}  # fmt: skip
# Days counted from the n-th weekday of a month: folded name -> (month, ISO weekday, n, days after it).
HOLIDAYS_WEEKDAYS: dict[str, tuple[int, int, int, int]] = {
    "black friday": (11, 4, 4, 1), "thanksgiving": (11, 4, 4, 0), "cyber monday": (11, 4, 4, 4),
}  # fmt: skip
# Saints' days that also name towns ("à Saint-Martin"): a feast only as "la Saint-Martin" or after a prefix.
SAINTS_NEED_ARTICLE = ("saint jean", "saint-jean", "saint-jean-baptiste", "saint-nicolas", "saint-patrick",
                       "sainte-catherine", "saint-martin", "sainte-barbe")  # fmt: skip
# Holidays that move with Easter: folded name -> days after Easter Sunday.
HOLIDAYS_EASTER: dict[str, int] = {
    "paques": 0, "lundi de paques": 1, "vendredi saint": -2, "mardi gras": -47, "mercredi des cendres": -46,
    "ascension": 39, "pentecote": 49, "lundi de pentecote": 50, "samedi de paques": -1, "samedi saint": -1,
    "jeudi saint": -3, "fete-dieu": 60, "fete dieu": 60,
}  # fmt: skip
# Feasts on the n-th Sunday of a month (-1: the last): folded name -> (month, n). Mothers' day moves to
# the first Sunday of June when Pentecost takes its place (resolve.holiday_date).
HOLIDAYS_SUNDAYS: dict[str, tuple[int, int]] = {
    "fete des meres": (5, -1), "fete des peres": (6, 3), "fete des grands-meres": (3, 1),
    "jeune federal": (9, 3),  # Swiss day of prayer, the third Sunday of September
}  # fmt: skip
# Holiday names that are also common nouns ("l'ascension du mont Blanc"): read only when written with a
# capital or with a word that makes them a day ("jeudi de l'ascension", "pont de l'assomption"). "noël" and
# "toussaint" in lower case are the feasts; capitalised and followed by a capitalised word, a name.
HOLIDAYS_NEED_CAPITAL = ("ascension", "assomption", "armistice", "epiphanie")

# --------------------------------------------------------------------------- numbers
NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "vingt-et-un": 21, "vingt et un": 21,
    "vingt-deux": 22, "vingt-trois": 23, "vingt-quatre": 24, "vingt-cinq": 25, "vingt-six": 26,
    "vingt-sept": 27, "vingt-huit": 28, "vingt-neuf": 29, "trente": 30, "trente et un": 31,
    "trente-et-un": 31, "quarante": 40, "cinquante": 50, "soixante": 60, "soixante-dix": 70,
    "quatre-vingts": 80, "quatre-vingt-dix": 90, "cent": 100,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "1ere": 1, "deuxieme": 2, "second": 2, "seconde": 2,
    "2e": 2, "2eme": 2, "2nd": 2, "2nde": 2, "troisieme": 3, "3e": 3, "3eme": 3, "quatrieme": 4, "4e": 4,
    "4eme": 4, "cinquieme": 5, "5e": 5, "5eme": 5, "dernier": -1, "derniere": -1,
}  # fmt: skip
DECADE_WORDS: dict[str, int] = {
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "soixante-dix": 70,
    "septante": 70, "quatre-vingt": 80, "quatre-vingts": 80, "huitante": 80, "quatre-vingt-dix": 90,
    "nonante": 90,
}  # fmt: skip
ORDINAL_CENTURIES: dict[str, int] = {
    "quinzieme": 15, "seizieme": 16, "dix-septieme": 17, "dix-huitieme": 18, "dix-neuvieme": 19,
    "vingtieme": 20, "vingt et unieme": 21, "vingt-et-unieme": 21, "vingt-deuxieme": 22,
}  # fmt: skip
ROMAN: dict[str, int] = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_to_int(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s):
        v = ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total or None


# --------------------------------------------------------------------------- verbs
# Past participles not ending in "é" ("remis le 28 février", "parue le 3 mai"), a regex in lower case
# with accents; not the forms that are also nouns of events to come ("la remise le 5 juin des prix").
IRREGULAR_PP = (
    r"(?:re|trans|sou|ad|é|com)?mis|(?:re|sur|com)?pris|tenus?"
    r"|(?:rendu|paru|conclu|reçu|survenu|intervenu|écrit|produit|construit)e?s?"
)

# --------------------------------------------------------------------------- units (not dates)
# Words that, written right after a number, make it a quantity rather than a year.
QUANTITY_UNITS = frozenset(
    [
        "%", "€", "$", "£", "euro", "euros", "eur", "dollar", "dollars", "usd", "franc", "francs", "f",
        "fr", "chf", "livre", "livres", "yen", "yuans", "habitant", "habitants", "personne", "personnes",
        "fois", "km", "m", "cm", "mm", "kg", "g", "t", "tonne", "tonnes", "ha", "hectare", "hectares", "mw",
        "kw", "gw", "mwh", "kwh", "gwh", "h", "mn", "min", "heure", "heures", "jour", "jours", "an", "ans",
        "annee", "annees", "mois", "semaine", "semaines", "seconde", "secondes", "minute", "minutes",
        "litre", "litres", "l", "m2", "m3", "km2", "point", "points", "voix", "page", "pages", "mots",
        "octets", "go", "mo", "to", "exemplaires", "places", "lits", "postes", "emplois", "salaries",
        "eleves", "etudiants", "entreprises", "projets", "participants", "membres", "agents", "visiteurs",
        "morts", "victimes", "blesses", "logements", "foyers", "menages", "communes", "pays", "etats",
    ]
)  # fmt: skip
# Words after which a number is a reference, not a year ("article 2021", "n° 2019-1234").
REFERENCE_WORDS = frozenset(
    [
        "n", "no", "num", "numero", "numeros", "article", "articles", "art", "alinea", "decret", "arrete",
        "loi", "ordonnance", "directive", "reglement", "circulaire", "deliberation", "dossier", "contrat",
        "page", "p", "pp", "tome", "vol", "volume", "chapitre", "annexe", "code", "ref", "reference",
        "version", "v", "paragraphe", "section", "point", "item", "ligne", "lot", "rue", "avenue",
        "boulevard", "bd", "route", "chemin", "quai", "place", "bp", "cedex", "cs", "tel", "telephone",
        "fax", "salle", "salles", "bureau", "rd", "rn", "d", "cd", "vol", "bus", "tram", "windows",
    ]
)  # fmt: skip
# Words announcing a quantity ("plus de 2000", "environ 1500").
QUANTITY_CUES = ("plus de", "moins de", "pres de", "environ", "quelque", "sur", "soit", "jusqu'a", "a peine")
# Street words: a date right after one is a street name ("rue du 8-Mai-1945", "place du 11 Novembre").
STREET_WORDS = frozenset(
    [
        "rue", "avenue", "av", "boulevard", "bd", "place", "square", "quai", "allee", "impasse", "cours",
        "pont", "esplanade", "route", "chemin", "parvis", "stade", "lycee", "college", "ecole", "gare",
        "station",
    ]
)  # fmt: skip
