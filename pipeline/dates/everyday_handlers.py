"""Handlers of the everyday tail: "à la rentrée", "la semaine du 10 mars", "le trimestre dernier",
"du 17/03 au 21/03".

Kept apart from the calendar and period handlers: each reads one expression of agendas and releases
that the main grammar has no family for, and turns it into an ordinary expression (a month, a day
read as its week, a quarter), so the resolution rules are the shared ones.
"""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import MONTHS_FULL, WEEKDAYS
from .model import Expr
from .resolve import safe_date, two_digit_year
from .view import View, parse_day

# "rentrée" also counts money and returns home: "les rentrées fiscales", "elle est rentrée".
_RENTREE_NOT_DATE_AFTER = re.compile(
    r"\s*(?:d'argent|fiscales?|financieres?|de\s+(?:fonds|recettes|tresorerie|cotisations)|des\s+recettes)\b"
)
_RENTREE_VERB_BEFORE = re.compile(
    r"\b(?:est|sont|suis|es|sommes|etes|etait|etaient|sera|seront|etre|etant|ete|fut|bien|deja|pas)\s+$"
)

# Without a year, the rentrée is a time only after a preposition of time ("à la rentrée", "dès la").
_RENTREE_TIME_BEFORE = re.compile(
    r"(?:\ba|\bdes|\bdepuis|\bavant|\bapres|\bpour|\bd'ici|\bjusqu'a|\blors\s+de|\bvers"
    r"|\b(?:jours?|semaines?|conseils?|reunions?|seances?|date|calendrier|programme|ecole|classes?|periode)\s+de)\s*$"
)


def h_rentree(m: re.Match[str], v: View) -> list[Expr]:
    """ "à la rentrée", "la rentrée 2026": September (of the year written, else chosen by the tense)."""
    if not (m.group("det") or m.group("y")):
        return []  # "fournitures de rentrée": a kind of thing
    if m.group("next") and not m.group("y") and v.published is not None:  # "la prochaine rentrée"
        p = v.published
        return [Expr("cal", m.start(), m.end(), year=p.year + (p.month >= 9), month=9)]
    if not m.group("y") and not _RENTREE_TIME_BEFORE.search(v.before(m.start(), 20)):
        return []  # "la rentrée reportée": the return itself, an event, not a time of the year
    if _RENTREE_NOT_DATE_AFTER.match(v.fold, m.end()) or _RENTREE_VERB_BEFORE.search(v.before(m.start(), 20)):
        return []
    y = int(m.group("y")) if m.group("y") else None
    return [Expr("cal", m.start(), m.end(), year=y, month=9)]


def h_week_of(m: re.Match[str], v: View) -> list[Expr]:
    """ "la semaine du 10 mars": the day, whose year allows for the week being under way (unit "weekof");
    "le week-end du 21 mars": that day's weekend, 2026-W12-WE (unit "weekendof")."""
    wd = WEEKDAYS[m.group("wd")] if m.group("wd") else None
    y = int(m.group("y")) if m.group("y") else None
    return [
        Expr(
            "cal",
            m.start(),
            m.end(),
            year=y,
            month=MONTHS_FULL[m.group("m")],
            day=parse_day(m.group("d")),
            weekday=wd,
            unit="weekendof" if m.group("we") else "weekof",
        )
    ]


def h_rel_quarter(m: re.Match[str], v: View) -> list[Expr]:
    """ "le trimestre dernier", "ce semestre": counted from the publication date's quarter or half."""
    if v.published is None:
        return []
    unit = m.group("u1") or m.group("u2") or m.group("u3") or m.group("u4")  # u4: "début du trimestre"
    rel = m.group("rel") or m.group("rel2") or ""
    off = -1 if rel.startswith(("dern", "pass", "prec")) else 1 if rel.startswith("proch") else 0
    size = 3 if unit == "trimestre" else 6
    index = (v.published.year * 12 + v.published.month - 1) // size + off
    y, part = divmod(index, 12 // size)
    label = f"Q{part + 1}" if size == 3 else f"H{part + 1}"
    return [Expr("quarter", m.start(), m.end(), year=y, quarter=label)]


def h_numeric_range(m: re.Match[str], v: View) -> list[Expr]:
    """ "du 17/03 au 21/03", "du 17 au 21/03/2025": one range, the start taking the end's month or year."""
    if (m.group("pre") == "du") != (m.group("mid") != "et le"):
        return []
    d1, d2 = parse_day(m.group("d1")), parse_day(m.group("d2"))
    m2 = int(m.group("m2"))
    m1 = int(m.group("m1")) if m.group("m1") else m2
    raw_y2 = m.group("y2")
    y2 = (
        None
        if raw_y2 is None
        else int(raw_y2)
        if len(raw_y2) == 4
        else two_digit_year(int(raw_y2), v.published)
    )
    y1 = int(m.group("y1")) if m.group("y1") else None
    if safe_date(2000, m1, d1) is None or safe_date(2000, m2, d2) is None or (m1, d1) == (m2, d2):
        return []
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    end = Expr("cal", m.start("d2"), m.end(), year=y2, month=m2, day=d2)
    return [Expr("cal", m.start(), m.end(), year=y1, month=m1, day=d1, end_expr=end)]


# After a week's number: "la semaine 2 du programme", "la semaine 35 heures" are no calendar weeks.
_NOT_CALENDAR_WEEK = re.compile(r"\s*(?:du|de|d'|des|sur|jours?|heures?|h\b|%)")


def h_week_number(m: re.Match[str], v: View) -> list[Expr]:
    """ "en semaine 14": the ISO week of the publication's year (or of the year written), counted in
    weeks from the publication's week."""
    if v.published is None:
        return []
    if not m.group("y") and _NOT_CALENDAR_WEEK.match(v.fold, m.end()):
        return []
    y = int(m.group("y")) if m.group("y") else v.published.isocalendar()[0]
    try:
        monday = dt.date.fromisocalendar(y, int(m.group("n")), 1)
    except ValueError:
        return []  # week 53 of a year that has 52
    this_monday = v.published - dt.timedelta(days=v.published.isoweekday() - 1)
    return [Expr("relweek", m.start("w"), m.end(), offset=(monday - this_monday).days // 7)]


# "le relevé de 02/2025": a month and its year written in figures.
NUMERIC_MONTH_YEAR = re.compile(
    r"(?<![\w.,/:°-])(?P<m>0[1-9]|1[0-2]|[1-9])/(?P<y>(?:19|20)\d{2})(?![\w/-]|[.,]\d)"
)


def h_numeric_month_year(m: re.Match[str], v: View) -> list[Expr]:
    if re.search(r"(?:n°|nº|\bno\.?|\bn\s?o)\s*$", v.before(m.start(), 6)) or v.prev_bare(m.start()) in (
        "article", "decision", "deliberation", "arrete", "dossier", "reference", "ref", "lot",
    ):  # fmt: skip
        return []  # "la délibération 12/2025": a reference number
    return [Expr("cal", m.start(), m.end(), year=int(m.group("y")), month=int(m.group("m")))]


_MONTH_COUNTS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "onze": 11,
}  # fmt: skip
# "les neuf premiers mois de l'année", "les quatre derniers mois de 2025": part of one named year, a
# range of months ("les douze derniers mois" alone is a duration and stays out).
FIRST_MONTHS = re.compile(
    r"(?<![\w-])(?P<n>" + "|".join(_MONTH_COUNTS) + r"|[2-9]|1[01])\s+(?P<side>premiers|derniers)\s+mois\s+"
    r"(?:de\s+l'annee(?:\s+(?P<y1>(?:19|20)\d{2}))?|de\s+(?P<y2>(?:19|20)\d{2}))(?![\w-])"
)


def h_first_months(m: re.Match[str], v: View) -> list[Expr]:
    """ "les neuf premiers mois de l'année": January to September of that year (the publication's)."""
    raw = m.group("n")
    n = _MONTH_COUNTS.get(raw) or int(raw)
    y_raw = m.group("y1") or m.group("y2")
    y = int(y_raw) if y_raw else v.published.year if v.published else None
    if y is None:
        return []
    first, last = (1, n) if m.group("side") == "premiers" else (13 - n, 12)
    end_e = Expr("cal", m.start(), m.end(), year=y, month=last)
    return [Expr("cal", m.start(), m.end(), year=y, month=first, end_expr=end_e)]
