"""Dates written out in words: "le quinze août", "le trente et un décembre", "le douze mars deux mille
vingt-cinq", "l'an deux mille", "en mille neuf cent douze".

Deeds, minutes and formal releases spell days and years in words. A day in words is a date only
after an article or a preposition of dates ("le", "du", "au", "jusqu'au") or a weekday, so "les deux
mars" or "trois mai 68" in a list of numbers stay out; a year in words must start with "mil(le)" or
"deux mille" and read 1000-2099.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS_FULL, QUANTITY_UNITS, weekday_number
from .model import Expr
from .patterns import DAY_WORDS, WD_ALT, alt, month_full, year
from .resolve import safe_date
from .view import View

_SMALL = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip
_WORD = rf"(?:{alt(list(_SMALL) + ['cent', 'cents', 'et'])})"
# A year in words: "mil(le) ..." or "deux mille ...", then number words joined by spaces or hyphens.
YEAR_WORDS = rf"(?:(?:deux[\s-]+)?mille|mil)(?:[\s-]+{_WORD})*(?![\w-])"


def words_to_number(words: str) -> int | None:
    """The value of French number words ("mille neuf cent quatre-vingt-dix-sept" -> 1997)."""
    total, current, prev = 0, 0, ""
    for tok in re.split(r"[\s-]+", words.strip()):
        if tok == "et":
            continue
        if tok in ("mil", "mille"):
            total += max(current, 1) * 1000
            current = 0
        elif tok in ("cent", "cents"):
            current = max(current, 1) * 100
        elif tok in ("vingt", "vingts") and prev == "quatre":
            current += 80 - 4  # "quatre-vingt": four twenties
        elif tok in _SMALL:
            current += _SMALL[tok]
        else:
            return None
        prev = tok
    return total + current


def year_in_words(raw: str | None) -> int | None:
    """A year 1000-2099 written in words, else None."""
    if not raw:
        return None
    value = words_to_number(raw)
    return value if value is not None and 1000 <= value <= 2099 else None


_DAY_WORD_ALT = alt([*DAY_WORDS, "premier"])
WRITTEN_DAY = re.compile(
    rf"(?<![\w-])(?:(?P<wd>{WD_ALT})\s+)?(?P<d>{_DAY_WORD_ALT})\s+{month_full('m')}"
    rf"(?:,?\s+(?:{year('y')}|(?P<yw>{YEAR_WORDS}))|\s+(?P<rel>prochain|dernier|passe)(?!\w))?"
)
# Before a day in words: an article or a preposition of dates (the weekday counts as one).
_DAY_CUE = re.compile(r"(?:\ble|\bdu|\bau|\bjusqu'au|\bdepuis\s+le|\bavant\s+le|\bapres\s+le|,)\s*$")


def h_written_day(m: re.Match[str], v: View) -> list[Expr]:
    """ "le quinze août", "dimanche vingt-huit septembre", "le douze mars deux mille vingt-cinq"."""
    raw = re.sub(r"\s+", " ", m.group("d"))
    if raw in DAY_WORDS and not m.group("wd") and not _DAY_CUE.search(v.before(m.start(), 20)):
        return []  # "les deux mars", "trois mai": counts, not days
    d = 1 if raw == "premier" else DAY_WORDS[raw]
    mo = MONTHS_FULL[m.group("m")]
    if m.group("yw") is not None:
        y = year_in_words(m.group("yw"))
        if y is None:
            return [Expr("cal", m.start(), m.end("m"), month=mo, day=d)]
    else:
        y = int(m.group("y")) if m.group("y") else None
    if safe_date(y or 2000, mo, d) is None:
        return []
    wd = weekday_number(m.group("wd")) if m.group("wd") else None
    rel = {"prochain": 1, None: 0}.get(m.group("rel"), -1)  # "le onze novembre prochain"
    return [Expr("cal", m.start(), m.end(), year=y, month=mo, day=d, weekday=wd, rel=rel)]


WRITTEN_YEAR = re.compile(rf"(?<![\w-])(?P<pre>l'an|en|depuis|des)\s+(?P<yw>{YEAR_WORDS})")
# After "en mille neuf cent douze": punctuation, or a word that cannot be counted ("en deux mille
# exemplaires" is a quantity).
_AFTER_YEAR = re.compile(
    r"\s*(?:[,.;:)!?]|$|(?:et|ou|a|au|aux|le|la|les|l'|un|une|pour|puis|par|dans|avec|sur|il|elle|ils|elles"
    r"|on|ce|cette|ces|deja|alors|lorsque|quand|apres|avant|que|qui|se|s'|sa|son|ses)\b)"
)


def h_written_year(m: re.Match[str], v: View) -> list[Expr]:
    """ "l'an deux mille", "en mille neuf cent douze": a year in words after a preposition of dates."""
    y = year_in_words(m.group("yw"))
    if y is None:
        return []
    counted = v.next_word(m.end()) in QUANTITY_UNITS or not _AFTER_YEAR.match(v.fold, m.end())
    if m.group("pre") != "l'an" and counted:
        return []
    start = m.start() if m.group("pre") == "l'an" else m.start("yw")
    return [Expr("cal", start, m.end(), year=y)]
