"""Handlers of a third everyday tail: short forms of agendas and reports ("fin T2", "janv.-févr. 2026",
"le mois écoulé", "toute la semaine", "la dernière semaine de juin", "au siècle dernier",
"l'année scolaire prochaine").

Each turns its expression into an ordinary one (a quarter, a month range, a relative period, a week,
a century, a range of years), so the resolution rules stay the shared ones.
"""

from __future__ import annotations

import datetime as dt
import re

from .holidays import nth_weekday
from .lexicon import MONTHS_FULL, month_number
from .model import Expr
from .patterns import MONTH_ABBR_ALT, MONTH_FULL_ALT, S1, month_full, year
from .resolve import find_cues
from .view import View

# "fin T2", "au T3", "du S1": a quarter or half written short, without its year.
QUARTER_SHORT_BARE = re.compile(
    r"(?<![\w])(?P<pre>fin|debut|mi-|au\s+cours\s+du|au|du|le)\s*(?P<u>[tqs])(?P<n>[1-4])(?![\w-])(?!\s*\d)"
)
# Nouns of results before "du T3" ("le bénéfice du T3"): elsewhere "du T3" may be a tram line or a flat.
_RESULT_NOUNS = re.compile(
    r"\b(?:chiffres?|chiffre\s+d'affaires|benefices?|resultats?|ventes|croissance|marges?|comptes|pertes?"
    r"|commandes|livraisons|activite|production|ebitda|ebe|publication|investissements|objectifs)\b[\w\s']{0,20}$"
)

_RESULT_NOUNS_AFTER = re.compile(
    r"[\s,]+(?:[\w']+\s+){0,3}(?:chiffres?|benefices?|resultats?|ventes|croissance|marges?|comptes|pertes?"
    r"|commandes|livraisons|activite|production)\b"
)


_SIBLING_OR_DEMAND = re.compile(
    r"\b(?:que\s+(?:le|au)\s+[tqs][1-4]\b|demande|chiffres?|ventes|resultats?|croissance|marges?|commandes|benefices?)"
)

_SIBLING_BEFORE = re.compile(r"\b(?:le|du|au)\s+[tqs][1-4]\b[^.]*\bque\s+$")


def h_quarter_short_bare(m: re.Match[str], v: View) -> list[Expr]:
    """ "fin T2", "au T3", "le bénéfice du T3": the quarter of the year the tense chooses."""
    u, n = m.group("u"), int(m.group("n"))
    if u == "s" and n > 2 or not v.text[m.start("u")].isupper():
        return []
    pre = re.sub(r"\s+", " ", m.group("pre"))
    if (
        pre == "le"
        and not _SIBLING_OR_DEMAND.search(v.fold[m.end() : m.end() + 80].split(".")[0])
        and not _SIBLING_BEFORE.search(v.before(m.start(), 50))
    ):
        return []  # "le T3" alone may be a tram line or a flat: a sibling quarter or a trade word decides
    if pre in ("du", "au") and not (
        _RESULT_NOUNS.search(v.before(m.start(), 40)) or _RESULT_NOUNS_AFTER.match(v.after(m.end(), 60))
    ):
        return []
    mod = {"fin": "END", "debut": "START", "mi-": "MID"}.get(pre)
    start = m.start() if mod else m.start("u")
    return [Expr("quarter", start, m.end(), quarter=f"H{n}" if u == "s" else f"Q{n}", mod=mod)]


# "janv.-févr. 2026", "oct.-déc. 2025": two months, one abbreviated at least, and the year.
_MONTH_DOT = rf"(?:{MONTH_FULL_ALT})(?!\w)|(?:{MONTH_ABBR_ALT})\."
RANGE_MONTHS_ABBR = re.compile(
    rf"(?<![\w.])(?P<m1>{_MONTH_DOT})\s*-\s*(?P<m2>{_MONTH_DOT}|(?:{MONTH_ABBR_ALT})(?!\w)){S1}{year('y2')}"
)


def h_range_months_abbr(m: re.Match[str], v: View) -> list[Expr]:
    m1, m2 = month_number(m.group("m1")), month_number(m.group("m2"))
    if not m1 or not m2 or m1 == m2:
        return []
    y2 = int(m.group("y2"))
    end = Expr("cal", m.start("m2"), m.end(), year=y2, month=m2)
    return [Expr("cal", m.start(), m.end(), year=y2 - 1 if m1 > m2 else y2, month=m1, end_expr=end)]


# "le mois écoulé", "l'année écoulée", "la semaine écoulée": the one just over.
ELAPSED = re.compile(r"(?<![\w])(?P<u>(?:le|du|au)\s+mois|l'annee|la\s+semaine)\s+ecoulee?(?![\w])")


def h_elapsed(m: re.Match[str], v: View) -> list[Expr]:
    """The period just over; "l'année écoulée" read in December is the year that ends."""
    u = m.group("u")
    if u.endswith("mois"):  # "le mois écoulé"; "du mois écoulé" from "mois"
        start = m.start() if u.startswith("le") else m.start() + u.index("mois")
        return [Expr("relmonth", start, m.end(), offset=-1)]
    if u.endswith("semaine"):
        return [Expr("relweek", m.start(), m.end(), offset=-1)]
    last = -1 if v.published is None or v.published.month < 12 else 0
    return [Expr("relyear", m.start(), m.end(), offset=last)]


# "toute la semaine", "tout le week-end": this week, when a verb dates it ("sera sur place toute la
# semaine"); in the present ("ouvert toute la semaine") every week.
WHOLE_WEEK = re.compile(
    r"(?<![\w])tout(?P<w>e\s+la\s+semaine|\s+le\s+week-?end)(?![\w-])(?!\s+(?:du|de|des|d')\b)"
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _sentence_tense(v: View, pos: int) -> int:
    """The direction of the first strong tense cue of the sentence around pos (0: none)."""
    starts = [m.end() for m in _SENTENCE_END.finditer(v.text, 0, pos)]
    s0 = starts[-1] if starts else 0
    nxt = _SENTENCE_END.search(v.text, pos)
    s1 = nxt.start() if nxt else len(v.text)
    strong = [c for c in find_cues(v.low, s0, s1) if c.strong and not c.local]
    return strong[0].direction if strong else 0


def h_whole_week(m: re.Match[str], v: View) -> list[Expr]:
    if _sentence_tense(v, m.start()) == 0:
        return []
    start = m.start() + re.search(r"\s(l)", m.group()).start(1)
    kind = "relweek" if "semaine" in m.group("w") else "weekend"
    return [Expr(kind, start, m.end(), offset=0)]


# "la dernière semaine de juin", "la première semaine de septembre 2026": the ISO week that holds
# most of its days in that month.
NTH_WEEK = re.compile(
    r"(?<![\w])(?:la\s+)?(?P<o>premiere|1re|1ere|deuxieme|2e|seconde|troisieme|3e|quatrieme|4e|derniere)\s+"
    rf"semaine\s+(?:de\s+|d'|du\s+mois\s+de\s+|du\s+mois\s+d'){month_full('m')}(?:{S1}{year('y')})?"
)
_NTH = {"premiere": 1, "1re": 1, "1ere": 1, "deuxieme": 2, "2e": 2, "seconde": 2, "troisieme": 3, "3e": 3,
        "quatrieme": 4, "4e": 4, "derniere": -1}  # fmt: skip


def h_nth_week(m: re.Match[str], v: View) -> list[Expr]:
    if v.published is None:
        return []
    mo = MONTHS_FULL[m.group("m")]
    y = int(m.group("y")) if m.group("y") else v.published.year
    first = dt.date(y, mo, 1)
    monday = first - dt.timedelta(days=first.weekday())
    if (monday + dt.timedelta(days=3)).month != mo:  # its Thursday outside the month: not its week
        monday += dt.timedelta(weeks=1)
    mondays = []
    while (monday + dt.timedelta(days=3)).month == mo:
        mondays.append(monday)
        monday += dt.timedelta(weeks=1)
    n = _NTH[m.group("o")]
    if n > len(mondays):
        return []
    chosen = mondays[n - 1] if n > 0 else mondays[-1]
    this_monday = v.published - dt.timedelta(days=v.published.weekday())
    return [Expr("relweek", m.start(), m.end(), offset=(chosen - this_monday).days // 7)]


# "le premier week-end d'avril", "le dernier week-end de juin": the weekend of that month's n-th Saturday.
NTH_WEEKEND = re.compile(
    r"(?<![\w])(?:le\s+)?(?P<o>premier|1er|deuxieme|2e|second|troisieme|3e|quatrieme|4e|dernier)\s+"
    rf"week-?end\s+(?:de\s+|d'|du\s+mois\s+de\s+|du\s+mois\s+d'){month_full('m')}(?:{S1}{year('y')})?"
)
_NTH_M = {"premier": 1, "1er": 1, "deuxieme": 2, "2e": 2, "second": 2, "troisieme": 3, "3e": 3,
          "quatrieme": 4, "4e": 4, "dernier": -1}  # fmt: skip


def h_nth_weekend(m: re.Match[str], v: View) -> list[Expr]:
    if v.published is None or re.match(r"\s+(?:de\s+chaque|de\s+tous)", v.fold[m.end() : m.end() + 16]):
        return []
    y = int(m.group("y")) if m.group("y") else v.published.year
    saturday = nth_weekday(y, MONTHS_FULL[m.group("m")], 6, _NTH_M[m.group("o")])
    if saturday is None:
        return []
    this_monday = v.published - dt.timedelta(days=v.published.weekday())
    return [Expr("relweek", m.start(), m.end(), offset=(saturday - this_monday).days // 7, unit="weekend")]


# "au siècle dernier", "le siècle précédent", "ce siècle": the century counted from the publication.
REL_CENTURY = re.compile(
    r"(?<![\w])(?:(?:au|du|le)\s+siecle\s+(?P<rel>dernier|passe|precedent)|(?P<this>ce)\s+siecle)(?![\w-])"
)


def h_rel_century(m: re.Match[str], v: View) -> list[Expr]:
    if v.published is None:
        return []
    current = v.published.year // 100 + 1  # 2025: the 21st century
    century = current if m.group("this") else current - 1
    start = m.start() if m.group("this") else m.start() + len(m.group().split()[0]) + 1
    return [Expr("century", start, m.end(), century=century)]


# "l'année scolaire prochaine", "la prochaine année universitaire", "l'année scolaire en cours".
SCHOOL_YEAR_REL = re.compile(
    r"(?<![\w])(?:l'annee\s+(?:scolaire|universitaire)\s+(?P<rel>prochaine|derniere|passee|precedente|en\s+cours)"
    r"|la\s+(?P<rel2>prochaine)\s+annee\s+(?:scolaire|universitaire))(?![\w])"
)


def h_school_year_rel(m: re.Match[str], v: View) -> list[Expr]:
    """A school year counted from the one under way (it starts in September): a range of two years."""
    if v.published is None:
        return []
    rel = m.group("rel") or m.group("rel2")
    off = 1 if rel.startswith("proch") else 0 if rel.startswith("en") else -1
    y = v.published.year - (1 if v.published.month < 9 else 0) + off
    end = Expr("cal", m.start(), m.end(), year=y + 1)
    return [Expr("cal", m.start(), m.end(), year=y, end_expr=end)]
