"""The regex grammar of French calendar expressions, compiled once at import.

Every pattern runs on `lexicon.fold(text)` (lower case, no accents, ASCII apostrophes and dashes),
which has the same length as the text, so match offsets are text offsets. Each family is one
compiled pattern with named groups; its handler (`calendar_handlers.py`, `period_handlers.py`) turns
a match into an unresolved expression and applies the checks that regexes express badly (is "2019" a
year or a quantity here?). `extract.py` lists which pattern goes with which handler.
"""

from __future__ import annotations

import re

from .lexicon import (
    DECADE_WORDS,
    HOLIDAYS_EASTER,
    HOLIDAYS_FIXED,
    HOLIDAYS_SUNDAYS,
    HOLIDAYS_WEEKDAYS,
    MONTHS_ABBR,
    MONTHS_FULL,
    NUMBER_WORDS,
    ORDINAL_CENTURIES,
    WEEKDAYS,
)


def alt(words) -> str:
    """A regex alternation of literal words, longest first (so "lundi de paques" beats "lundi")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


# ---------------------------------------------------------------------------- building blocks
S1 = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"  # at least one space, at most one line break
MONTH_FULL_ALT = alt(MONTHS_FULL)
MONTH_ABBR_ALT = alt(MONTHS_ABBR)
WD_ALT = alt(WEEKDAYS)
HOLIDAY_ALT = alt([*HOLIDAYS_FIXED, *HOLIDAYS_EASTER, *HOLIDAYS_SUNDAYS, *HOLIDAYS_WEEKDAYS])
NUMWORD_ALT = alt(NUMBER_WORDS)
ANY_MONTH = rf"(?:(?:{MONTH_FULL_ALT})(?!\w)|(?:{MONTH_ABBR_ALT})(?:\.|(?!\w)))"


def month(name: str) -> str:
    """A month name, or an abbreviation (the extractor checks an abbreviation has a day or a year)."""
    return rf"(?P<{name}>(?:{MONTH_FULL_ALT})(?!\w)|(?:{MONTH_ABBR_ALT})(?:\.|(?!\w)))"


def month_full(name: str) -> str:
    return rf"(?P<{name}>(?:{MONTH_FULL_ALT}))(?!\w)"


def day(name: str) -> str:
    return rf"(?P<{name}>1er|1re|1ere|1°|premier|[12][0-9]|3[01]|0?[1-9])(?![\d\w])"


DAY_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
    "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18,
    "dix-neuf": 19, "vingt": 20, "vingt-et-un": 21, "vingt et un": 21, "vingt-deux": 22, "vingt-trois": 23,
    "vingt-quatre": 24, "vingt-cinq": 25, "vingt-six": 26, "vingt-sept": 27, "vingt-huit": 28,
    "vingt-neuf": 29, "trente": 30, "trente et un": 31, "trente-et-un": 31,
}  # fmt: skip  # days written in words in a range ("du quatre au six juin"); "sept" is the month


def dayw(name: str) -> str:
    """A day in digits or in words (ranges only: "du quatre au 6 juin")."""
    return rf"(?P<{name}>1er|1re|1ere|1°|premier|[12][0-9]|3[01]|0?[1-9]|{alt(DAY_WORDS)})(?![\d\w-])"


DAY_ANON = r"(?:1er|1re|1ere|1°|premier|[12][0-9]|3[01]|0?[1-9])(?![\d\w])"


def year(name: str) -> str:
    """A four-digit year 1000-2099 not glued to other digits ("1.500", "2,5", "2019/790" are refused)."""
    return rf"(?P<{name}>1[0-9]{{3}}|20[0-9]{{2}})(?!\d)(?![.,]\d)"


def yy(name: str) -> str:
    return rf"(?P<{name}>'?[0-9]{{2}})(?!\d)(?![.,]\d)"


def weekday(name: str) -> str:
    return rf"(?P<{name}>{WD_ALT})(?!\w)"


LB = r"(?<![\w.,/$€£-])"  # left boundary of a number or a word: not inside another number or word
_DE = r"(?:\s+de\s+la\s+|\s+de\s+l'|\s+du\s+|\s+des\s+|\s+de\s+|\s+d')"
# Modifiers written before the date ("fin octobre 2019", "début des années 60", "vers 2030").
MOD = (
    r"(?P<mod>(?:(?:la|le)\s+)?(?:debut|fin|milieu|courant)(?:" + _DE + r"|\s+)"
    r"|mi-\s*|mi\s+"
    r"|vers\s+(?:la\s+fin|le\s+debut|le\s+milieu)" + _DE + r"|vers\s+"
    r"|aux\s+alentours" + _DE + r"|autour" + _DE + r"|aux\s+environs" + _DE + r")"
)

# ---------------------------------------------------------------------------- families
NUMERIC = re.compile(
    r"(?<![\w.,/:-])(?P<d>1er|0?[1-9]|[12]\d|3[01])(?P<sep>[/.-])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
    r"(?P<y>(?:1[89]|20)\d{2}|\d{2})(?!\w)(?![.,/:-]\d)"
)
ISO = re.compile(
    r"(?<![\w.,/:-])(?P<y>(?:1[89]|20)\d{2})(?P<sep>[-/.])(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?![\d])(?![.,/-]\d)"
)
# "Mai 8, 2024", "Mercredi, Mai 8, 2024" (English word order with French names, seen in web releases).
ENGLISH_ORDER = re.compile(
    rf"(?<!\w)(?:{weekday('wd')}\s*,?\s*)?{month_full('m')}\s+{day('d')}\s*,\s*{year('y')}"
)
FULL = re.compile(
    rf"{LB}(?:{weekday('wd')}\s*,?{S1}|(?P<wda>lun|mar|mer|jeu|ven|sam|dim)\.?\s+)?"
    rf"{day('d')}(?:{S1}|-)(?:de\s+)?{month('m')}"
    rf"(?:,?{S1}(?:de\s+l'an(?:nee)?\s+)?{year('y')}|{S1}{yy('yy')}|\s+(?P<rel>dernier|prochain|passe)(?!\w))?"
)
WD_ABBR_DOT = r"(?:lun|mar|mer|jeu|ven|sam|dim)\."  # "du lun. 17 au ven. 21 mars"
RANGE_DAYS = re.compile(
    rf"(?<![\w.,/-])(?:(?P<pre>du|des|depuis\s+le|entre\s+le|entre|de)\s+)?"
    rf"(?:(?:{weekday('wd1')}|{WD_ABBR_DOT})\s+)?{dayw('d1')}"
    rf"(?:{S1}{month('m1')}(?:{S1}{year('y1')})?)?"
    rf"{S1}(?P<mid>au|a|jusqu'au|et\s+le|et)\s+(?:(?:{weekday('wd2')}|{WD_ABBR_DOT})\s+)?{dayw('d2')}{S1}{month('m2')}"
    rf"(?:,?{S1}{year('y2')}|\s+(?P<rel>prochains?|derniers?)(?!\w))?"
)
RANGE_DAYS_SHORT = re.compile(
    rf"{LB}{day('d1')}\s*(?:-|au\s|/)\s*{day('d2')}{S1}{month('m2')}(?:,?{S1}{year('y2')})?"
)
RANGE_MONTHS = re.compile(
    rf"(?<!\w)(?P<pre>de|d'|entre|du\s+mois\s+de|du\s+mois\s+d')\s*{month_full('m1')}(?:{S1}{year('y1')})?"
    rf"{S1}(?P<mid>a|au\s+mois\s+de|au\s+mois\s+d'|jusqu'a|jusqu'en|et)\s*{month_full('m2')}(?:{S1}{year('y2')})?"
)
RANGE_MONTHS_DASH = re.compile(rf"(?<!\w){month_full('m1')}\s*-\s*{month_full('m2')}(?:{S1}{year('y2')})?")
RANGE_YEARS = re.compile(
    rf"(?<![\w.,/$€£-])(?:(?P<pre>de|entre|du|depuis|periode|annees|exercices|saisons|editions)\s+)?{year('y1')}"
    rf"(?:\s*(?P<dash>[-/])\s*|{S1}(?P<mid>a|au|et|jusqu'a|jusqu'en){S1})"
    r"(?P<y2>1[0-9]{3}|20[0-9]{2}|[0-9]{2})(?![\d\w])(?![.,/-]\d)"
)
LIST_DAYS = re.compile(
    rf"(?<!\w)(?P<pre>les|le|des|aux)\s+(?:(?:{WD_ALT})s?\s+)?(?P<days>{DAY_ANON}(?:\s*,\s*{DAY_ANON})*\s+(?:et|ou)\s+(?:le\s+)?{DAY_ANON})"
    rf"{S1}{month('m')}(?:,?{S1}{year('y')})?"
)
DAY_IN_LIST = re.compile(DAY_ANON)
MONTH_YEAR = re.compile(
    rf"(?<!\w){MOD}?(?:(?P<mo>mois)\s+(?:de\s+|d'))?{month('m')}{S1}(?:de\s+l'an(?:nee)?\s+)?"
    rf"(?:{year('y')}|{yy('yy')})"
)
MONTH_BARE = re.compile(
    rf"(?<![\w-]){MOD}?(?:(?P<mo>mois)\s+(?:de\s+|d'))?{month_full('m')}"
    r"(?:\s+(?P<rel>prochain|dernier|passe|precedent|suivant|qui\s+vient)"
    r"|\s+(?:de\s+)?(?P<yrel>cette\s+annee|l'annee\s+(?:prochaine|derniere|passee|en\s+cours)"
    r"|l'an\s+(?:prochain|dernier|passe)))?(?!\w)"
)
YEAR = re.compile(
    rf"(?<![\w.,/$€£:-]){MOD}?(?:(?P<an>l'an|l'annee|annee|an)\s+)?{year('y')}(?![\w])(?!\s*[/-]\s*\d)"
)
YEAR_2 = re.compile(rf"(?<![\w])(?P<pre>en|depuis|des|jusqu'en|l'an)\s+{yy('yy')}(?![\w])")
DECADE = re.compile(
    rf"(?<![\w]){MOD}?(?P<det>(?:les|des|aux|dans\s+les|depuis\s+les|fin\s+des|debut\s+des)\s+)?"
    r"(?P<word>annees|(?:la\s+)?decennie)\s+"
    rf"(?P<dec>(?:19|20)[0-9]0|'?[0-9]0|{alt(DECADE_WORDS)})(?![\w])"
)
CENTURY = re.compile(
    rf"(?<![\w]){MOD}?(?:(?P<det>le|du|au|ce)\s+)?"
    rf"(?:(?P<c>[ivxlc]+|\d{{1,2}})(?:e|eme|er|ieme)|(?P<cw>{alt(ORDINAL_CENTURIES)}))\s+(?:siecle(?![\w])|s\.)"
)
SEASON = re.compile(
    rf"(?<![\w]){MOD}?(?:(?P<det>l'|le|cet|ce|cette)\s*)?(?P<s>printemps|ete|automne|hiver)(?![\w])"
    rf"(?:{S1}(?:{year('y')}|{yy('yy')}(?![\w])|(?P<rel>prochain|dernier|passe|precedent|suivant)(?![\w])))?"
)
SEASON_MONTHS = re.compile(
    r"(?<![\w])(?P<det>les\s+)?mois\s+(?:d'|du\s+)(?P<s>ete|hiver|automne|printemps)(?![\w])"
)
SEASON_PAIR = re.compile(
    r"(?<![\w])(?P<s1>ete|hiver|printemps|automne)\s+comme\s+(?P<s2>ete|hiver|printemps|automne)(?![\w])"
)
QUARTER = re.compile(
    r"(?<![\w])(?P<o>premier|1er|deuxieme|2e|2eme|second|troisieme|3e|3eme|quatrieme|4e|4eme|dernier)\s+"
    rf"(?P<u>trimestre|semestre|trim\.|sem\.)(?:\s+(?:de\s+l'annee\s+|de\s+)?{year('y')}"
    r"|\s+(?:de\s+)?(?P<yrel>cette\s+annee|l'annee\s+(?:prochaine|derniere|passee|en\s+cours)"
    r"|l'an\s+(?:prochain|dernier|passe)))?(?![\w])"
)
QUARTER_SHORT = re.compile(rf"(?<![\w])(?P<u>[tqs])(?P<n>[1-4])\s*[- ]?\s*{year('y')}")
HOLIDAY = re.compile(
    rf"(?<![\w])(?:(?P<det>cette|la|le|l')\s*)?"
    r"(?:(?P<pfx>fete|jour|dimanche|lundi|jeudi|week-end|weekend|pont|veille|lendemain|vacances|semaine)"
    r"(?:\s+de\s+la\s+|\s+de\s+l'|\s+de\s+|\s+du\s+|\s+d'))?\s*"
    rf"(?P<h>{HOLIDAY_ALT})(?![\w-])(?:{S1}{year('y')}|\s+(?P<rel>prochaine?|derniere?|passee?)(?!\w))?"
)
ORDINAL_WEEKDAY = re.compile(
    r"(?<![\w])(?:le\s+)?(?P<o>premier|1er|deuxieme|2e|second|troisieme|3e|quatrieme|4e|dernier)\s+"
    rf"{weekday('wd')}\s+(?:du\s+mois\s+)?(?:de\s+|d'|du\s+)"
    rf"(?:{month_full('m')}(?:{S1}{year('y')})?|(?:l')?(?P<s>printemps|ete|automne|hiver)(?![\w])(?:{S1}{year('sy')})?)"
)
WEEKDAY = re.compile(
    rf"(?<![\w-])(?:(?P<det>ce|cet|ce\s+meme)\s+)?{weekday('wd')}"
    rf"(?:{S1}{day('d')}(?!\s*(?:h\b|:\s*\d|/\d|heures?\b|{ANY_MONTH})))?"
    r"(?:\s+(?P<rel>dernier|prochain|passe|precedent|suivant|qui\s+vient)(?![\w]))?"
)
_N = rf"(?:\d{{1,3}}|{NUMWORD_ALT})"
# "il y a tout juste un an", "voici près de deux ans": a hedge between the preposition and the count.
_HEDGE = r"(?:(?:tout\s+)?juste\s+|exactement\s+|environ\s+|pres\s+de\s+|presque\s+|a\s+peine\s+|bientot\s+)?"
# "une vingtaine d'années": a round count (APPROX).
_ABOUT = (
    r"une\s+(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine)\s+(?:de|d')"
)
RELATIVE = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<hier>avant-hier|hier)"
    r"|(?P<auj>aujourd'hui|aujourd hui)(?:,?\s+" + weekday("aujwd") + r")?"
    r"|(?P<dem>apres-demain|demain)"
    r"|(?P<veille>(?:la\s+|l')(?:avant-)?veille)(?P<veille_de>\s+(?:de|du|des|d')(?!\w))?"
    r"|(?P<lend>(?:le\s+)?(?:sur)?lendemain)(?P<lend_de>\s+(?:de|du|des|d')(?!\w))?"
    r"|(?P<meme>(?:le|ce)\s+meme\s+jour|le\s+jour\s+meme|ce\s+jour-la|ce\s+jour\s+la)"
    r"|(?P<cejour>ce\s+jour)(?![\w-]|\s+(?:la|ou|de|du|d'|des|ni|et|meme|feries?|chomes?|j)\b)"
    r"|(?P<nowadays>de\s+nos\s+jours)"
    r"|(?P<yrel>cette\s+annee(?:-ci)?|l'annee\s+en\s+cours|l'annee\s+courante"
    r"|l'an(?:nee)?\s+(?:derniere?|passee?|prochaine?|precedente?|suivante?|d'avant|d'apres))"
    r"|(?P<wrel>cette\s+semaine|la\s+semaine\s+(?:derniere|passee|prochaine|precedente|suivante|d'avant|d'apres))"
    r"|(?P<mrel>ce\s+mois(?:-ci)?|(?:le\s+|(?<=du\s)|(?<=au\s))mois\s+(?:dernier|passe|prochain|precedent|suivant|en\s+cours))"
    r"|(?P<werel>ce\s+week-?end|le\s+week-?end\s+(?:dernier|passe|prochain))"
    r"|(?P<ago>(?:il\s+y\s+a|voici)\s+"
    + _HEDGE
    + r"(?P<agon>"
    + _N
    + r"|"
    + _ABOUT
    + r"|quelques|plusieurs|peu\s+de|pres\s+d'un|plus\s+d'un)(?:\s+|(?<='))"
    r"(?P<agou>ans?|annees?|mois|semaines?|jours?|decennies?|siecles?)(?!\s+qu|\s+(?:d'|de\s+)(?!cela\b|ca\b))"
    r"(?P<jpj>\s+jour\s+pour\s+jour)?"
    r")"
    r"|(?P<inn>(?P<innp>dans|d'ici)\s+"
    + _HEDGE
    + r"(?P<innn>"
    + _N
    + r"|"
    + _ABOUT
    + r"|quelques|plusieurs)(?:\s+|(?<='))(?P<innu>ans?|annees?|mois|semaines?|jours?)"
    r"(?!\s+(?:de|d'|du|des)\b))"
    r"|(?P<fut>(?:les\s+)?(?:annees|mois|semaines|jours|decennies)\s+(?:a\s+venir|qui\s+viennent)"
    r"|les\s+prochaines\s+(?:annees|semaines|decennies)|les\s+prochains\s+(?:mois|jours)"
    r"|dans\s+un\s+(?:avenir\s+proche|proche\s+avenir|futur\s+proche)"
    r"|a\s+l'avenir(?!\s+(?:de|d'|du|des)\b))"
    r"|(?P<now>a\s+l'heure\s+actuelle)"
    r"|(?P<past>par\s+le\s+passe|autrefois|jadis|naguere)"
    r"|(?P<des>desormais)"
    r")(?![\w])"
)
# A modifier on a relative period: "la fin de l'année", "début du mois prochain", "fin de cette année".
MOD_RELATIVE = re.compile(
    r"(?<![\w])(?P<mod>(?:(?:la|le)\s+)?(?:debut|fin|milieu)|mi)\s*-?\s*(?:de\s+l'|de\s+la\s+|de\s+|du\s+|d')\s*"
    r"(?:(?P<this>cette\s+|ce\s+))?(?P<u>annee|an|mois|semaine)"
    r"(?:\s+(?P<rel>prochaine?|derniere?|passee?|en\s+cours|courante?))?(?![\w])"
)
DICI = re.compile(r"d'ici(?:\s+(?:a|au|a\s+la|le|la|l'|les|en))?\s*$")

# ---------------------------------------------------------------------------- anchored and partial forms
_REL_WORD = r"(?P<rel>prochaine?|derniere?|passee?|en\s+cours)"
# "du lundi 3 au vendredi 7": weekdays with day numbers and no month.
RANGE_WEEKDAYS = re.compile(
    rf"(?<!\w)(?P<pre>du|de)\s+{weekday('wd1')}\s+{day('d1')}\s+(?P<mid>au|a|jusqu'au)\s+{weekday('wd2')}\s+{day('d2')}"
    rf"(?!\s*(?:h\b|:|heures?\b|{ANY_MONTH}|[.,]\d))"
)
# "la seconde quinzaine de mai": a range of days.
QUINZAINE = re.compile(
    r"(?<![\w])(?:(?:la|une|cette)\s+)?(?P<o>premiere|1re|1ere|seconde|deuxieme|2e|2eme|derniere)\s+quinzaine\s+"
    rf"(?:de\s+|d'|du\s+mois\s+de\s+|du\s+mois\s+d')?{month_full('m')}(?:{S1}{year('y')})?"
)
# "jeudi en huit", "lundi en quinze", "demain en huit": a week or two after the coming day.
EN_HUIT = re.compile(
    rf"(?<![\w-])(?:{weekday('wd')}|(?P<auj>aujourd'hui|demain))\s+en\s+(?P<n>huit|quinze)(?!\w)"
)
# "vendredi de la semaine prochaine", "lundi de cette semaine".
WEEKDAY_OF_WEEK = re.compile(
    rf"(?<![\w-])(?:le\s+)?{weekday('wd')}\s+(?:de\s+)?(?:la\s+semaine\s+(?P<rel>prochaine|derniere|passee)|cette\s+semaine)(?!\w)"
)
# "le dernier lundi du mois prochain", "le premier mardi de ce mois".
ORDINAL_WEEKDAY_REL = re.compile(
    r"(?<![\w])(?:le\s+)?(?P<o>premier|1er|deuxieme|2e|second|troisieme|3e|quatrieme|4e|dernier)\s+"
    rf"{weekday('wd')}\s+(?:du\s+mois\s+{_REL_WORD}|de\s+ce\s+mois(?:-ci)?)(?!\w)"
)
# "le 15 du mois prochain", "le 5 de ce mois", "le 12 courant" (of the current month).
DAY_OF_REL_MONTH = re.compile(
    rf"(?<![\w.,/-]){day('d')}\s+(?:du\s+mois\s+{_REL_WORD}|de\s+ce\s+mois(?:-ci)?|courant)(?!\w)"
)
# "deux jours plus tard", "trois semaines après", "une semaine auparavant", "le jour suivant".
SHIFT = re.compile(
    rf"(?<![\w-])(?:(?P<n>\d{{1,2}}|{NUMWORD_ALT}|quelques)\s+(?P<u>jours?|semaines?|mois|ans?|annees?)"
    r"\s+(?P<dir>plus\s+tard|apres|auparavant|plus\s+tot|avant)"
    r"|(?P<jour>le\s+jour\s+(?:suivant|d'apres|precedent|d'avant)))(?!\w)"
)
# "21/03", "le 4/5", "le 30.09": a day and a month, no year (the handler asks for a date word before it).
NUMERIC_DM = re.compile(
    r"(?<![\w.,/:-])(?P<d>0?[1-9]|[12]\d|3[01])(?P<sep>[/.])(?P<m>0?[1-9]|1[0-2])"
    r"(?![\w/]|[.,]\d|\s*(?:%|€|\$|h\b))"
)
# A bare day number ends here: not a number, an amount, a percentage, a time ("14h") or a date part.
END_OF_BARE_DAY = r"(?![\d\w°%€$-]|[.,]\d|\s*(?:[/:]|h\b))"
# "le 21", "au 24": a bare day (the handler reads what follows: a noun makes it a number).
BARE_DAY = re.compile(
    r"(?<![\w-])(?P<pre>le|au|du|jusqu'au|des|depuis\s+le|a\s+partir\s+du|a\s+compter\s+du|avant\s+le|apres\s+le)"
    r"\s+(?P<d>1er|[12]\d|3[01]|0?[1-9])" + END_OF_BARE_DAY
)
# "du 2 au 4", "entre le 10 et le 12": a range of bare days.
RANGE_BARE_DAYS = re.compile(
    r"(?<![\w-])(?P<pre>du|entre\s+le)\s+(?P<d1>1er|[12]\d|3[01]|0?[1-9])\s+(?P<mid>au|et\s+le|jusqu'au)\s+"
    r"(?P<d>[12]\d|3[01]|0?[1-9])" + END_OF_BARE_DAY
)
# "en oct.", "fin sept.": a month abbreviation with its dot and a date word before it.
MONTH_ABBR_DOT = re.compile(
    rf"(?<!\w)(?P<pre>en|debut|fin|mi-|courant|depuis|jusqu'en)\s*(?P<m>{MONTH_ABBR_ALT})\.(?!\d)"
)
# "le lendemain du 20 mars", "la veille de Noël", "trois jours après le 4 mai": a shift of the next date.
BEFORE_NEXT_DATE = re.compile(r"\s*(?:de\s+la\s+|de\s+l'|du\s+|de\s+|d'|des\s+|le\s+|la\s+|l')?$")

# ---------------------------------------------------------------------------- everyday tail
# "à la rentrée", "la rentrée 2026", "depuis la rentrée scolaire": September of a year.
RENTREE = re.compile(
    rf"(?<![\w])(?P<det>la\s+|l')?(?P<next>prochaine\s+)?rentree(?:\s+(?:scolaire|universitaire|des\s+classes))?"
    rf"(?:{S1}{year('y')})?(?![\w])"
)
# "la semaine du 10 mars": the day that names the week.
WEEK_OF = re.compile(
    rf"(?<![\w])(?:(?:la|cette)\s+)?(?:semaine|(?P<we>week-?end))\s+du\s+(?:{weekday('wd')}\s+)?{day('d')}{S1}"
    rf"{month_full('m')}"
    rf"(?:{S1}{year('y')})?"
)
# "le trimestre dernier", "ce semestre", "au prochain trimestre": a quarter or half counted from now.
REL_QUARTER = re.compile(
    r"(?<![\w])(?:(?P<this>ce|cet)\s+(?P<u1>trimestre|semestre)(?:-ci)?"
    r"|(?:le|du|au)\s+(?P<u2>trimestre|semestre)\s+(?P<rel>dernier|passe|prochain|en\s+cours|precedent)"
    r"|(?:le|du|au)\s+(?P<rel2>prochain)\s+(?P<u3>trimestre|semestre)"
    r"|(?:debut|fin|milieu|courant)\s+(?:du|de\s+ce)\s+(?P<u4>trimestre|semestre)"
    r"(?!\s+(?:dernier|passe|prochain|precedent|suivant)))(?![\w-])"
)
# "du 17/03 au 21/03", "du 17 au 21/03/2025": a range of numeric dates.
_DD = r"(?:1er|0?[1-9]|[12]\d|3[01])"
_MM = r"(?:0?[1-9]|1[0-2])"
NUMERIC_RANGE = re.compile(
    rf"(?<![\w-])(?P<pre>du|entre\s+le)\s+(?P<d1>{_DD})(?:/(?P<m1>{_MM})(?:/(?P<y1>(?:19|20)\d{{2}}))?)?"
    rf"\s+(?P<mid>au|et\s+le|jusqu'au)\s+(?P<d2>{_DD})/(?P<m2>{_MM})(?:/(?P<y2>(?:19|20)\d{{2}}|\d{{2}}))?"
    r"(?![\w/]|[.,]\d)"
)
# "en semaine 14", "la semaine 14 de 2026": an ISO week named by its number.
WEEK_NUMBER = re.compile(
    r"(?<![\w])(?:en|la|de\s+la|pour\s+la|des\s+la|a\s+partir\s+de\s+la)\s+(?P<w>semaine)\s+(?:n°\s*|no\s*)?"
    rf"(?P<n>[1-9]|[1-4]\d|5[0-3])(?![\d\w]|[.,]\d)(?:\s+(?:de\s+)?{year('y')})?"
)
