"""Handlers of the everyday tail: "à la rentrée", "la semaine du 10 mars", "le trimestre dernier".

Kept apart from the calendar and period handlers: each reads one expression of agendas and releases
that the main grammar has no family for, and turns it into an ordinary expression (a month, a day
read as its week, a quarter), so the resolution rules are the shared ones.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS_FULL, WEEKDAYS
from .model import Expr
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
    r"(?:\ba|\bdes|\bdepuis|\bavant|\bapres|\bpour|\bd'ici|\bjusqu'a|\blors\s+de|\bvers)\s*$"
)


def h_rentree(m: re.Match[str], v: View) -> list[Expr]:
    """ "à la rentrée", "la rentrée 2026": September (of the year written, else chosen by the tense)."""
    if not (m.group("det") or m.group("y")):
        return []  # "fournitures de rentrée": a kind of thing
    if not m.group("y") and not _RENTREE_TIME_BEFORE.search(v.before(m.start(), 20)):
        return []  # "la rentrée reportée": the return itself, an event, not a time of the year
    if _RENTREE_NOT_DATE_AFTER.match(v.fold, m.end()) or _RENTREE_VERB_BEFORE.search(v.before(m.start(), 20)):
        return []
    y = int(m.group("y")) if m.group("y") else None
    return [Expr("cal", m.start(), m.end(), year=y, month=9)]


def h_week_of(m: re.Match[str], v: View) -> list[Expr]:
    """ "la semaine du 10 mars": the day, whose year allows for the week being under way (unit "weekof")."""
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
            unit="weekof",
        )
    ]


def h_rel_quarter(m: re.Match[str], v: View) -> list[Expr]:
    """ "le trimestre dernier", "ce semestre": counted from the publication date's quarter or half."""
    if v.published is None:
        return []
    unit = m.group("u1") or m.group("u2")
    rel = m.group("rel") or ""
    off = -1 if rel.startswith(("dern", "pass")) else 1 if rel.startswith("proch") else 0
    size = 3 if unit == "trimestre" else 6
    index = (v.published.year * 12 + v.published.month - 1) // size + off
    y, part = divmod(index, 12 // size)
    label = f"Q{part + 1}" if size == 3 else f"H{part + 1}"
    return [Expr("quarter", m.start(), m.end(), year=y, quarter=label)]
