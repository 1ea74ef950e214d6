"""From text to DateMention records: run the grammar's families, keep the best non-overlapping
matches, attach "d'ici", resolve.

The families (pattern, handler, priority) are listed here; the handlers that read a match are in
`calendar_handlers.py` and `period_handlers.py`, the resolution in `normalise.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from . import patterns as P
from .anchored_handlers import (
    h_bare_day,
    h_day_of_rel_month,
    h_en_huit,
    h_month_abbr_dot,
    h_numeric_dm,
    h_ordinal_weekday_rel,
    h_quinzaine,
    h_range_bare_days,
    h_range_weekdays,
    h_shift,
    h_weekday_of_week,
)
from .calendar_handlers import (
    h_english,
    h_full,
    h_iso,
    h_list,
    h_month,
    h_month_year,
    h_numeric,
    h_range_days,
    h_range_days_short,
    h_range_months,
    h_range_years,
    h_year,
    h_year2,
)
from .everyday_handlers import (
    FIRST_MONTHS,
    NUMERIC_MONTH_YEAR,
    h_first_months,
    h_numeric_month_year,
    h_numeric_range,
    h_rel_quarter,
    h_rentree,
    h_week_number,
    h_week_of,
)
from .foreign import FOREIGN, FOREIGN_MONTH_WORDS, h_foreign
from .lexicon import (
    HOLIDAYS_EASTER,
    HOLIDAYS_FIXED,
    HOLIDAYS_SUNDAYS,
    HOLIDAYS_WEEKDAYS,
    MONTHS_ABBR,
    MONTHS_FULL,
    WEEKDAYS,
    fold,
    lower,
)
from .model import DateMention, Expr
from .normalise import Resolver
from .period_handlers import (
    h_century,
    h_decade,
    h_holiday,
    h_mod_relative,
    h_ordinal_weekday,
    h_quarter,
    h_quarter_short,
    h_relative,
    h_season,
    h_season_months,
    h_season_pair,
    h_weekday,
)
from .repair import repair
from .tail_handlers import (
    ELAPSED,
    NTH_WEEK,
    NTH_WEEKEND,
    QUARTER_SHORT_BARE,
    RANGE_MONTHS_ABBR,
    REL_CENTURY,
    SCHOOL_YEAR_REL,
    WHOLE_WEEK,
    h_elapsed,
    h_nth_week,
    h_nth_weekend,
    h_quarter_short_bare,
    h_range_months_abbr,
    h_rel_century,
    h_school_year_rel,
    h_whole_week,
)
from .view import Handler, View
from .written import WRITTEN_DAY, WRITTEN_YEAR, h_written_day, h_written_year

# Priority: lower wins between overlapping matches of the same length.
FAMILIES: list[tuple[re.Pattern[str], Handler, int, str]] = [
    # (pattern, handler, priority: lower wins between equally long overlapping matches, trigger category)
    (P.ISO, h_iso, 0, "d"),
    (P.NUMERIC, h_numeric, 0, "d"),
    (P.ENGLISH_ORDER, h_english, 0, "m"),
    (FOREIGN, h_foreign, 0, "f"),
    (P.RANGE_DAYS, h_range_days, 1, "m"),
    (P.LIST_DAYS, h_list, 1, "m"),
    (P.RANGE_DAYS_SHORT, h_range_days_short, 1, "m"),
    (P.RANGE_MONTHS, h_range_months, 1, "m"),
    (P.RANGE_MONTHS_DASH, h_range_months, 1, "m"),
    (P.RANGE_YEARS, h_range_years, 1, "d"),
    (P.RANGE_WEEKDAYS, h_range_weekdays, 1, "w"),
    (P.QUINZAINE, h_quinzaine, 1, "m"),
    (P.WEEK_OF, h_week_of, 1, "m"),
    (P.WEEK_NUMBER, h_week_number, 3, "r"),
    (P.NUMERIC_RANGE, h_numeric_range, 0, "d"),
    (NUMERIC_MONTH_YEAR, h_numeric_month_year, 0, "d"),
    (P.HOLIDAY, h_holiday, 2, "h"),
    (P.EN_HUIT, h_en_huit, 2, "w"),
    (P.WEEKDAY_OF_WEEK, h_weekday_of_week, 2, "w"),
    (P.ORDINAL_WEEKDAY_REL, h_ordinal_weekday_rel, 2, "w"),
    (P.DAY_OF_REL_MONTH, h_day_of_rel_month, 2, "r"),
    (P.SHIFT, h_shift, 4, "r"),
    (P.ORDINAL_WEEKDAY, h_ordinal_weekday, 2, "w"),
    (P.FULL, h_full, 3, "m"),
    (WRITTEN_DAY, h_written_day, 3, "m"),
    (WRITTEN_YEAR, h_written_year, 6, "y"),
    (RANGE_MONTHS_ABBR, h_range_months_abbr, 1, "m"),
    (NTH_WEEK, h_nth_week, 1, "m"),
    (NTH_WEEKEND, h_nth_weekend, 1, "m"),
    (QUARTER_SHORT_BARE, h_quarter_short_bare, 3, "d"),
    (ELAPSED, h_elapsed, 4, "r"),
    (WHOLE_WEEK, h_whole_week, 4, "r"),
    (REL_CENTURY, h_rel_century, 3, "r"),
    (SCHOOL_YEAR_REL, h_school_year_rel, 3, "r"),
    (P.MONTH_YEAR, h_month_year, 3, "m"),
    (P.QUARTER, h_quarter, 3, "q"),
    (P.QUARTER_SHORT, h_quarter_short, 3, "d"),
    (P.REL_QUARTER, h_rel_quarter, 3, "q"),
    (P.RENTREE, h_rentree, 3, "e"),
    (FIRST_MONTHS, h_first_months, 2, "r"),
    (P.DECADE, h_decade, 3, "r"),
    (P.CENTURY, h_century, 3, "r"),
    (P.MOD_RELATIVE, h_mod_relative, 3, "r"),
    (P.SEASON_PAIR, h_season_pair, 3, "s"),
    (P.SEASON_MONTHS, h_season_months, 3, "s"),
    (P.SEASON, h_season, 4, "s"),
    (P.RELATIVE, h_relative, 4, "r"),
    (P.WEEKDAY, h_weekday, 5, "w"),
    (P.MONTH_BARE, h_month, 5, "m"),
    (P.NUMERIC_DM, h_numeric_dm, 5, "d"),
    (P.MONTH_ABBR_DOT, h_month_abbr_dot, 5, "m"),
    (P.YEAR, h_year, 6, "d"),
    (P.BARE_DAY, h_bare_day, 7, "d"),
    (P.RANGE_BARE_DAYS, h_range_bare_days, 7, "d"),
    (P.YEAR_2, h_year2, 6, "d"),
]


@dataclass
class Candidate:
    """One kept-or-dropped match: overlap selection keeps or drops its expressions together."""

    start: int
    end: int
    priority: int
    exprs: list[Expr]


def roman(n: int) -> str:
    """Lower-case roman numeral of 1-39."""
    tens, units = divmod(n, 10)
    ones = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
    return "x" * tens + ones[units]


# Every expression of the grammar contains one of these: the families only run around them, which
# keeps the stage fast on long releases whose paragraphs hold no date.
def _trigger_words() -> dict[str, tuple[str, ...]]:
    """Word -> trigger categories. Every match of a family contains a word of its category, so a
    family only runs in the windows around those words: most paragraphs of a release hold no date."""
    cats: dict[str, set[str]] = {}

    def add(cat: str, words) -> None:
        for w in words:
            cats.setdefault(w, set()).add(cat)

    add("m", list(MONTHS_FULL) + list(MONTHS_ABBR))
    add("w", list(WEEKDAYS) + ["huit", "quinze"])
    add("s", ("printemps", "ete", "automne", "hiver"))
    add("f", FOREIGN_MONTH_WORDS)
    holidays = [*HOLIDAYS_FIXED, *HOLIDAYS_EASTER, *HOLIDAYS_SUNDAYS, *HOLIDAYS_WEEKDAYS]
    add("h", {re.findall(r"[a-z]+", name)[0] for name in holidays})  # "1er de l'an": "er"
    add("q", ("trimestre", "trimestres", "semestre", "semestres", "trim", "sem"))
    add("e", ("rentree",))
    add("y", ("mil", "mille"))
    # "XVe s.": no "siècle" to trigger the family, so the roman ordinals do
    romans = [roman(n) for n in range(1, 23)]
    add("r", [r + "e" for r in romans] + [r + "eme" for r in romans])
    relative_words = """hier aujourd demain veille lendemain surlendemain jour an ans annee annees semaine
        semaines mois week weekend desormais jours decennie decennies siecle siecles courant actuelle passe
        avenir autrefois jadis naguere"""
    add("r", relative_words.split())
    return {w: tuple(sorted(c)) for w, c in cats.items()}


TRIGGER_WORDS = _trigger_words()
TOKEN = re.compile(r"\d+|[a-z]+")
MARGIN = 60


def segments(f: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger category, windows of the folded text around its words, merged and widened
    to whitespace (so no word or number is cut at a window's edge)."""
    raw: dict[str, list[list[int]]] = {}
    n = len(f)
    for m in TOKEN.finditer(f):
        tok = m.group()
        cats = ("d",) if tok[0].isdigit() else TRIGGER_WORDS.get(tok)
        if not cats:
            continue
        s, e = max(0, m.start() - MARGIN), min(n, m.end() + MARGIN)
        for cat in cats:
            out = raw.setdefault(cat, [])
            if out and s <= out[-1][1]:
                out[-1][1] = max(out[-1][1], e)
            else:
                out.append([s, e])
    result: dict[str, list[tuple[int, int]]] = {}
    for cat, out in raw.items():
        merged: list[tuple[int, int]] = []
        for s, e in out:
            while s > 0 and not f[s - 1].isspace():
                s -= 1
            while e < n and not f[e].isspace():
                e += 1
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        result[cat] = merged
    return result


def candidates(v: View) -> list[Candidate]:
    out: list[Candidate] = []
    segs = segments(v.fold)
    for pattern, handler, prio, cat in FAMILIES:
        for s0, s1 in segs.get(cat, ()):
            for m in pattern.finditer(v.fold, s0, s1):
                exprs = handler(m, v)
                if exprs:
                    s = min(e.start for e in exprs)
                    e_ = max(e.end for e in exprs)
                    out.append(Candidate(s, e_, prio, exprs))
    return out


def select(cands: list[Candidate]) -> list[Expr]:
    """Greedy: longest first, then priority, then leftmost; drop anything overlapping a kept match."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    exprs = [e for c in kept for e in c.exprs]
    exprs.sort(key=lambda e: e.start)
    return exprs


def attach_bases(exprs: list[Expr], v: View) -> list[Expr]:
    """ "le lendemain du 20 mars", "la veille du 14 juillet", "trois jours après le 4 mai": the shift and
    the date right after it become one expression, the shift counted from that date."""
    out: list[Expr] = []
    i = 0
    while i < len(exprs):
        e = exprs[i]
        nxt = exprs[i + 1] if i + 1 < len(exprs) else None
        shifts = (
            e.kind == "anchor"
            and e.of_event
            and e.offset
            or e.kind == "shift"
            and e.ref in ("apres", "avant")
        )
        if (
            shifts
            and nxt is not None
            and nxt.kind in ("cal", "holiday", "weekday")
            and nxt.end_expr is None
            and P.BEFORE_NEXT_DATE.match(v.fold[e.end : nxt.start])
            and (nxt.kind != "cal" or nxt.day is not None)
        ):
            e.base, e.end, e.of_event = nxt, nxt.end, False
            out.append(e)
            i += 2
            continue
        out.append(e)
        i += 1
    return out


_CLAUSE_COORDINATION = re.compile(r"\s*,?\s*et\s+(?:[a-z'-]+\s+){1,3}(?:le|au|jusqu'au)\s+")
_COORDINATION = re.compile(r"\s*(?:,|et|ou|,\s*et|,\s*puis|puis)\s*(?:le\s+)?")


def share_coordinated(exprs: list[Expr], v: View) -> None:
    """ "en mars et avril 2024", "du 2 au 6 et du 9 au 13 juin": a date joined by "et" to the next one
    takes the month or year that only the next one writes."""
    for e, nxt in reversed(list(zip(exprs, exprs[1:], strict=False))):  # from the last: chains
        if nxt.kind != "cal" or nxt.month is None:
            continue
        gap = v.fold[e.end : nxt.start]
        if not _COORDINATION.fullmatch(gap):
            # "débutera le 1er et s'achèvera le 30 juin", "commence le 25 et finit le 3 mai": two
            # clauses, the first day the second's month's (or, when later in the month, the month before)
            if (
                e.kind == "bareday"
                and e.end_expr is None
                and e.day
                and nxt.day is not None
                and e.day != nxt.day
                and _CLAUSE_COORDINATION.fullmatch(gap)
            ):
                e.kind, e.month, e.year = "cal", nxt.month, nxt.year
                if e.day > nxt.day:
                    e.month = nxt.month - 1 or 12
                    e.year = None if nxt.year is None else nxt.year - (nxt.month == 1)
            continue
        if e.kind == "cal" and e.day is None and e.year is None and e.month and nxt.year and nxt.day is None:
            e.year = nxt.year - 1 if e.month > nxt.month else nxt.year
        elif e.kind == "bareday" and e.day is not None and nxt.day is not None:
            e.kind, e.month, e.year = "cal", nxt.month, nxt.year
            if e.end_expr is not None and e.end_expr.kind == "bareday":
                e.end_expr.kind, e.end_expr.month, e.end_expr.year = "cal", nxt.month, nxt.year


def attach_dici(exprs: list[Expr], v: View) -> None:
    """ "d'ici 2030", "d'ici le 30 juin": a range from the publication date to the target."""
    for e in exprs:
        if e.end_expr is not None or e.kind in ("relday", "today", "anchor", "ref", "desormais", "weekday"):
            continue
        m = P.DICI.search(v.fold[max(0, e.start - 20) : e.start])
        if m:
            e.start = max(0, e.start - 20) + m.start()
            e.dici = True


def extract(text: str, published: dt.date | None) -> list[DateMention]:
    """The mentions of `text`; typing slips ("12mars", "le1er avril") are mended first (`repair`) and
    the mentions found in the mended text mapped back to the original offsets."""
    folded = fold(text)
    mended = repair(text, folded)
    if mended is None:
        return _extract(text, folded, published)
    fixed, offsets = mended
    out = []
    for m in _extract(fixed, fold(fixed), published):
        s, e = offsets[m.start], offsets[m.end - 1] + 1
        out.append(replace(m, start=s, end=e, text=text[s:e]))
    return out


def _extract(text: str, folded: str, published: dt.date | None) -> list[DateMention]:
    v = View(text, lower(text), folded, published)
    exprs = attach_bases(select(candidates(v)), v)
    share_coordinated(exprs, v)
    attach_dici(exprs, v)
    mentions = Resolver(v, exprs).run()
    mentions.sort(key=lambda m: m.start)
    # Safety: strictly non-overlapping, offsets inside the text.
    clean: list[DateMention] = []
    last_end = -1
    for m in mentions:
        if m.start >= last_end and 0 <= m.start < m.end <= len(text):
            clean.append(m)
            last_end = m.end
    return clean
