"""Dates written with English or Spanish month names inside French text: "le 12 March 2025",
"le July 19", "en February 2025", "le Monday 7 April", "le 3 de junio".

Quoted reports, international events and translated releases keep the foreign month. The names that
are also words or first names ("May", "March", "June", "April", "August") need a day or a year.
"""

from __future__ import annotations

import re

from .model import Expr
from .resolve import safe_date
from .view import View

ENGLISH_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
SPANISH_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# English names that are also words or first names: a date only with a day or a year.
_AMBIGUOUS = frozenset(["may", "march", "june", "april", "august"])
FOREIGN_MONTH_WORDS = tuple(ENGLISH_MONTHS) + tuple(SPANISH_MONTHS)

_MONTHS = "|".join(sorted(FOREIGN_MONTH_WORDS, key=len, reverse=True))
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
FOREIGN = re.compile(
    rf"(?<![\w-])(?:(?P<wd>{'|'.join(ENGLISH_WEEKDAYS)}),?\s+)?"
    rf"(?:(?P<d1>{_DAY})\s+(?P<de>de\s+)?(?P<m1>{_MONTHS})"
    rf"|(?P<m2>{_MONTHS})\s+(?P<d2>{_DAY})(?![\d,.]\d)"
    rf"|(?P<m3>{_MONTHS}))"
    r"(?![\w-])(?:,?\s+(?:de\s+|of\s+)?(?P<y>(?:1[89]|20)\d{2}))?(?![\w-])"
)
# "en December", "in January", "depuis October": a bare month after a preposition of time.
_BARE_BEFORE = re.compile(r"(?:\b(?:en|in|depuis|since|until|jusqu'en|d'ici|fin|debut|mi)[\s-]*)$")


def h_foreign(m: re.Match[str], v: View) -> list[Expr]:
    word = m.group("m1") or m.group("m2") or m.group("m3")
    ms = m.start("m1") if m.group("m1") else m.start("m2") if m.group("m2") else m.start("m3")
    english = word in ENGLISH_MONTHS
    month = ENGLISH_MONTHS.get(word) or SPANISH_MONTHS[word]
    if english and not v.text[ms : ms + 1].isupper():
        return []  # an English month is written with a capital: "may", "march" are words
    if english and m.group("de"):
        return []  # "3 de March": no language writes it
    y = int(m.group("y")) if m.group("y") else None
    if not english and m.group("d1") is None and y is None:
        return []  # a Spanish month without its day: a word of a title or a name
    raw_day = m.group("d1") or m.group("d2")
    if raw_day is None:
        if y is None and (word in _AMBIGUOUS or not _BARE_BEFORE.search(v.before(m.start(), 12))):
            return []
        return [Expr("cal", m.start(), m.end(), year=y, month=month)]
    day = int(re.match(r"\d+", raw_day).group())
    if safe_date(2000, month, day) is None:
        return []
    return [Expr("cal", m.start(), m.end(), year=y, month=month, day=day)]
