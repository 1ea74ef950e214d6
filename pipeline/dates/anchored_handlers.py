"""Handlers of the anchored and partial families: weekday ranges without a month, half-months, "jeudi en
huit", "vendredi de la semaine prochaine", "le dernier lundi du mois prochain", "deux jours plus tard",
day/month without a year ("21/03"), bare days ("le 21") and dotted month abbreviations ("en oct.").

Each refuses what only looks like a date: "le 21" before a noun is a number, "3/4" without a date word
before it is a fraction, "deux jours après" after "pendant" is a duration.
"""

from __future__ import annotations

import calendar
import re

from .false_positives import in_street_name
from .lexicon import NUMBER_WORDS, ORDINALS, QUANTITY_UNITS, REFERENCE_WORDS, WEEKDAYS, month_number
from .model import Expr
from .resolve import add_months, safe_date
from .view import View, parse_day, parse_mod

_REL = {"prochain": 1, "prochaine": 1, "dernier": -1, "derniere": -1, "passe": -1, "passee": -1}


def _rel(raw: str | None) -> int:
    return _REL.get(re.sub(r"\s+", " ", raw or ""), 0)


def h_range_weekdays(m: re.Match[str], v: View) -> list[Expr]:
    """ "du lundi 3 au vendredi 7": the month is the one where the 3rd is a Monday (resolved later)."""
    d1, d2 = parse_day(m.group("d1")), parse_day(m.group("d2"))
    wd1, wd2 = WEEKDAYS[m.group("wd1")], WEEKDAYS[m.group("wd2")]
    if d1 == d2 or (wd2 - wd1) % 7 != (d2 - d1) % 7:
        return []  # the weekdays and the days disagree: not one stretch of days
    end = Expr("weekday", m.start("wd2"), m.end(), weekday=wd2, day=d2)
    return [Expr("weekday", m.start(), m.end(), weekday=wd1, day=d1, end_expr=end)]


def h_quinzaine(m: re.Match[str], v: View) -> list[Expr]:
    """ "la seconde quinzaine de mai": the 16th to the last day of May; the first one: 1st to 15th."""
    mo = month_number(m.group("m"))
    if not mo:
        return []
    y = int(m.group("y")) if m.group("y") else None
    first = m.group("o") in ("premiere", "1re", "1ere")
    ref_year = y or (v.published.year if v.published else 2001)
    d1, d2 = (1, 15) if first else (16, calendar.monthrange(ref_year, mo)[1])
    end = Expr("cal", m.start("m"), m.end(), year=y, month=mo, day=d2)
    return [Expr("cal", m.start(), m.end(), year=y, month=mo, day=d1, end_expr=end)]


def h_en_huit(m: re.Match[str], v: View) -> list[Expr]:
    """ "jeudi en huit": a week after the coming Thursday; "en quinze": two weeks."""
    weeks = 7 if m.group("n") == "huit" else 14
    if m.group("auj"):
        extra = 1 if m.group("auj") == "demain" else 0
        return [Expr("relday", m.start(), m.end(), offset=weeks + extra)]
    return [Expr("weekday", m.start(), m.end(), weekday=WEEKDAYS[m.group("wd")], offset=weeks, unit="enhuit")]


def h_weekday_of_week(m: re.Match[str], v: View) -> list[Expr]:
    """ "vendredi de la semaine prochaine": that weekday of the next calendar week."""
    start = m.start("wd")
    return [
        Expr(
            "weekday", start, m.end(), weekday=WEEKDAYS[m.group("wd")], rel=_rel(m.group("rel")), unit="week"
        )
    ]


def h_ordinal_weekday_rel(m: re.Match[str], v: View) -> list[Expr]:
    """ "le dernier lundi du mois prochain": an ordinal weekday of a month counted from the publication."""
    n = ORDINALS.get(m.group("o"))
    if n is None or v.published is None:
        return []
    y, mo = add_months(v.published.year, v.published.month, _rel(m.group("rel")))
    wd = WEEKDAYS[m.group("wd")]
    return [Expr("ordwd", m.start(), m.end(), year=y, month=mo, weekday=wd, ordinal=n)]


def h_day_of_rel_month(m: re.Match[str], v: View) -> list[Expr]:
    """ "le 15 du mois prochain", "le 5 de ce mois"."""
    if v.published is None:
        return []
    y, mo = add_months(v.published.year, v.published.month, _rel(m.group("rel")))
    d = parse_day(m.group("d"))
    if safe_date(y, mo, d) is None:
        return []
    return [Expr("cal", m.start(), m.end(), year=y, month=mo, day=d)]


_UNIT = {"jour": "day", "jours": "day", "semaine": "week", "semaines": "week", "mois": "month", "an": "year",
         "ans": "year", "annee": "year", "annees": "year"}  # fmt: skip
# Before these, "deux jours après" is part of a duration or a count ("pendant deux jours après l'accident").
_DURATION_BEFORE = re.compile(
    r"(?:\bpendant|\bdurant|\bdepuis|\bil\s+y\s+a|\bplus\s+de|\bmoins\s+de|\bpres\s+de|\ben|\bdans|\bpour|\bsur"
    r"|\bsoit|\bdes|\bles|\bces|\bd'|\bde)\s*$"
)


def h_shift(m: re.Match[str], v: View) -> list[Expr]:
    """ "deux jours plus tard", "trois semaines après (la signature)", "le jour suivant": a shift of the
    date before it (or of the date right after it: "deux jours après le 4 mai")."""
    if m.group("jour"):
        back = re.search(r"precedent|d'avant", m.group("jour"))
        return [Expr("shift", m.start(), m.end(), offset=-1 if back else 1, unit="day")]
    raw = re.sub(r"\s+", " ", m.group("n"))
    n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)
    if n is None or n == 0 or _DURATION_BEFORE.search(v.before(m.start(), 16)):
        return []
    direction = m.group("dir")
    sign = 1 if direction in ("apres",) or direction.startswith("plus tard") else -1
    unit = _UNIT[m.group("u")]
    if unit == "day" and n in (8, 15):
        n -= 1  # "huit jours", "quinze jours": one week, two weeks
    return [Expr("shift", m.start(), m.end(), offset=sign * n, unit=unit, ref=re.sub(r"\s+", " ", direction))]


# A date word before "21/03" or "le 4/5" (a fraction or a score has none).
DM_BEFORE = re.compile(
    r"(?:\ble|\bdu|\bau|\bjusqu'au|\bdes|\bavant|\bapres|\bdepuis|\bpartir\s+du|\bcompter\s+du|\bce"
    r"|\b(?:lun|mar|mer|jeu|ven|sam|dim)\.?|" + "|".join(rf"\b{w}" for w in WEEKDAYS) + r")\s*,?\s*$"
)


def h_numeric_dm(m: re.Match[str], v: View) -> list[Expr]:
    """ "avant le 21/03", "jeudi 13/03": a day and a month; the year from the context."""
    d, mo = int(m.group("d")), int(m.group("m"))
    if safe_date(2000, mo, d) is None or not (DM_BEFORE.search(v.before(m.start(), 20)) or _list_item(m, v)):
        return []
    if m.group("sep") == "." and (
        len(m.group("d")) + len(m.group("m")) != 4
        or not re.search(r"\b(?:le|du|au|jusqu'au)\s+$", v.before(m.start(), 12))
        or _unit_word(v, m.end())
    ):
        return []  # "le 30.09" is a date; "le 2.5", "au 12.10 m" are numbers
    return [Expr("cal", m.start(), m.end(), month=mo, day=d)]


# A list item or a table cell that opens on a day and a month: "- 15/09 : lancement", "| 03/03 | Comité".
_ITEM_BEFORE = re.compile(r"(?:^|[\n|;])\s*(?:[-*\u2022\u25ba\u2013]\s*)?$")
_ITEM_AFTER = re.compile(r"\s*(?:[:|]|[\u2013\u2014-]\s)")


def _list_item(m: re.Match[str], v: View) -> bool:
    """ "- 15/09 : lancement": two-digit day and month written with "/" heading an item, then ":" or "|"."""
    return (
        m.group("sep") == "/"
        and len(m.group("d")) == 2
        and len(m.group("m")) == 2
        and bool(_ITEM_BEFORE.search(v.before(m.start(), 12)))
        and bool(_ITEM_AFTER.match(v.after(m.end(), 4)))
    )


def _unit_word(v: View, end: int) -> bool:
    """A unit or a symbol right after a number ("12.10 m", "30.09 %"): a quantity."""
    unit = _UNIT_AFTER.match(v.fold, end)
    return bool(unit and (unit.group(1) or unit.group(2) in QUANTITY_UNITS))


# What may follow a bare day: punctuation, a conjunction, a time of day, "prochain", "inclus" ...
_BARE_AFTER = re.compile(
    r"\s*(?:[,.;:!?)\]»\"]|$|\n|(?:pour|et|ou|inclus|compris|prochain|dernier|matin|soir|midi|apres-midi"
    r"|au|jusqu'au|dans|en|des|ensemble|prochainement)(?!\w)|a\s+(?:\d|partir|compter|midi|minuit))"
)
_UNIT_AFTER = re.compile(r"(?:\s*(?:au|et|-)\s*\d+(?:[.,]\d+)?)?\s*(?:([%€$])|([a-z]+))")
_STREET_AFTER = re.compile(
    r"\s*,?\s*(?:bis\s+|ter\s+)?(?:rue|avenue|av|boulevard|bd|place|quai|allee|impasse|chemin|route|square)\b"
)
_CALL_VERBS = re.compile(
    r"\b(?:appele[rz]?|composez|composer|numero|tel|telephone|chambre|salle|bus|ligne)\W*$"
)


def h_bare_day(m: re.Match[str], v: View) -> list[Expr]:
    """ "le 21", "reporté au 24": a day whose month comes from the context (resolved later)."""
    if not _BARE_AFTER.match(v.fold, m.end()):
        return []
    unit = _UNIT_AFTER.match(v.fold, m.end())
    if unit and (unit.group(1) or unit.group(2)) in QUANTITY_UNITS:
        return []  # "du 10 au 20 %", "de 10 à 20 euros": amounts
    if "d1" not in m.re.groupindex and _STREET_AFTER.match(v.fold, m.end()):
        return []  # "au 12, rue des Tanneurs": a street number ("du 2 au 4, place du Marché" is a range)
    before = v.before(m.start(), 30)
    if re.search(r"\d\s*$", before) or _CALL_VERBS.search(before):
        return []  # "de 10 au 24", "composez le 15"
    if v.prev_bare(m.start()).rstrip(".") in REFERENCE_WORDS or in_street_name(v, m.start("d")):
        return []
    if re.search(r"\b(?:de|entre)\s+\d+\s*$", before):
        return []
    return [Expr("bareday", m.start("d"), m.end(), day=parse_day(m.group("d")))]


def h_range_bare_days(m: re.Match[str], v: View) -> list[Expr]:
    """ "du 2 au 4", "entre le 10 et le 12": bare days (same checks), the end in the start's month."""
    d1, d2 = parse_day(m.group("d1")), parse_day(m.group("d"))
    if (m.group("pre") == "du") != (m.group("mid") != "et le") or d1 == d2 or not h_bare_day(m, v):
        return []
    end = Expr("bareday", m.start("d"), m.end(), day=d2)
    return [Expr("bareday", m.start(), m.end(), day=d1, end_expr=end)]


def h_month_abbr_dot(m: re.Match[str], v: View) -> list[Expr]:
    """ "en oct.", "fin sept.": a dotted abbreviation after a date word is a month."""
    mo = month_number(m.group("m"))
    if not mo:
        return []
    pre = m.group("pre")
    mod = parse_mod(pre) if pre in ("debut", "fin", "mi-") else None
    start = m.start() if mod else m.start("m")
    return [Expr("cal", start, m.end(), month=mo, mod=mod)]
