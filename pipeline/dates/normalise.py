"""From unresolved expressions to TimeML values: one rule per expression kind, applied in text order.

In text order because a year-less date borrows its year from the dates before it and "la veille"
leans on the previous day (those lookups are in `earlier_dates.py`); the calendar arithmetic, the
tense reading and the choice of a year from the publication date are in `resolve.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .anchored import AnchoredKinds
from .earlier_dates import Resolved
from .lexicon import HOLIDAYS_FIXED
from .model import DateMention, Expr
from .resolve import (
    Context,
    Tense,
    add_months,
    choose_day_year,
    choose_holiday,
    choose_month_year,
    choose_season_year,
    choose_weekday,
    choose_weekday_day,
    fmt_day,
    holiday_date,
    iso_week,
    nth_weekday,
    nth_weekday_of_season,
    safe_date,
)
from .view import View

# Every value the pass may emit; anything else (a bug, an impossible date) is dropped, not written.
VALUE_RE = re.compile(
    r"(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?|\d{3}X|\d{2}XX|(?:\d{4}|XXXX)-(?:SP|SU|FA|WI|Q[1-4]|H[12])"
    r"|\d{4}-W\d{2}(?:-WE)?|XXXX-WXX-[1-7]|PRESENT_REF|PAST_REF|FUTURE_REF"
)


_QUARTER_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}


def _cal_value(y: int | None, mo: int | None, d: int | None) -> tuple[str, str]:
    """(value, granularity) of a calendar date whose missing parts are left out (XXXX for the year)."""
    ys = f"{y:04d}" if y is not None else "XXXX"
    if mo is None:
        return ys, "year"
    if d is None:
        return f"{ys}-{mo:02d}", "month"
    return f"{ys}-{mo:02d}-{d:02d}", "day"


# "Aujourd'hui s'ouvre le salon": a verb then its subject's determiner right after "aujourd'hui"
_INVERTED_VERB = re.compile(
    r"\s+(?:(?:s'|se\s+)([a-z]{3,})|([a-z]{3,}(?:e|ent)))\s+(?:le|la|les|l'|un|une|des)\b"
)


class Resolver(AnchoredKinds):
    """Resolves the selected expressions in text order, so that each can lean on the dates before it."""

    def __init__(self, v: View, exprs: list[Expr]) -> None:
        self.v = v
        self.ctx = Context(v.text, v.low, v.published)
        self.P = v.published
        self.exprs = exprs
        self.done: list[tuple[Expr, Resolved]] = []

    # -- kinds -------------------------------------------------------------------------------
    def resolve(self, e: Expr) -> Resolved | None:
        fn = getattr(self, "r_" + e.kind)
        return fn(e)

    def r_cal(self, e: Expr) -> Resolved | None:
        if e.unit in ("weekof", "weekendof"):  # "la semaine du 10 mars", "le week-end du 21 mars"
            return self.week_of(e)
        if e.year is not None:
            if e.day is not None and e.month is not None and not safe_date(e.year, e.month, e.day):
                return None
            val, gran = _cal_value(e.year, e.month, e.day)
            d = safe_date(e.year, e.month, e.day) if e.day and e.month else None
            return Resolved(val, gran, e.year, d, explicit=True)
        tense = Tense(e.rel, True) if e.rel else self.tense(e)
        y = None if e.rel else self.year_for(e, e.month, tense)
        if y is not None:
            val, gran = _cal_value(y, e.month, e.day)
            d = safe_date(y, e.month, e.day) if e.day and e.month else None
            if e.day and e.month and d is None:
                return None
            return Resolved(val, gran, y, d, explicit=True)
        if self.P is None:
            val, gran = _cal_value(None, e.month, e.day)
            return Resolved(val, gran)
        if e.month is not None and e.day is not None:
            d = choose_day_year(e.month, e.day, self.P, tense, e.weekday)
            if d is None:
                return None
            return Resolved(fmt_day(d), "day", d.year, d)
        if e.month is not None:
            # "les chiffres de novembre": a month naming what was measured in it (not "en novembre")
            of_noun = bool(re.search(r"[a-z]{3,}s?\s+(?:de|d')\s*$", self.v.before(e.start, 25)))
            y = choose_month_year(e.month, self.P, tense, e.rel, of_noun)
            return Resolved(f"{y:04d}-{e.month:02d}", "month", y)
        return None

    def r_weekday(self, e: Expr) -> Resolved | None:
        if e.unit in ("enhuit", "week"):
            return self.weekday_in_weeks(e)
        if e.day is None and self.done:  # "mardi et mercredi", "de vendredi à dimanche": the days follow
            prev, res = self.done[-1]
            gap = self.v.fold[prev.end : e.start]
            if (
                prev.kind == "weekday"
                and res.date is not None
                and re.fullmatch(r"\s*(?:,|et|ou|a|au|puis)\s*", gap)
            ):
                d = res.date + dt.timedelta(days=((e.weekday or 1) - res.date.isoweekday()) % 7 or 7)
                return Resolved(fmt_day(d), "day", d.year, d)
        tense = self.tense(e)
        if self.P is None:
            return Resolved(f"XXXX-WXX-{e.weekday}", "day")
        d = None
        if e.day is not None:
            d = choose_weekday_day(e.weekday or 1, e.day, self.P, tense)
        if d is None:
            d = choose_weekday(e.weekday or 1, self.P, tense, e.rel)
        if d is None:
            return None
        return Resolved(fmt_day(d), "day", d.year, d)

    def r_relday(self, e: Expr) -> Resolved:
        if self.P is None:
            return Resolved("PAST_REF" if e.offset < 0 else "FUTURE_REF", "ref")
        d = self.P + dt.timedelta(days=e.offset)
        return Resolved(fmt_day(d), "day", d.year, d)

    def r_today(self, e: Expr) -> Resolved:
        """ "aujourd'hui" is the publication day when it dates an event, "nowadays" otherwise."""
        if self.P is None:
            return Resolved("PRESENT_REF", "ref")
        before = self.v.before(e.start, 30)
        if e.weekday is not None or self._dated_event(e, before):
            return Resolved(fmt_day(self.P), "day", self.P.year, self.P)
        return Resolved("PRESENT_REF", "ref")

    # Verbs of state: "est aujourd'hui", "fait aujourd'hui partie" speak of nowadays, not of the day.
    _STATIVE = frozenset(
        [
            "est", "sont", "reste", "restent", "demeure", "demeurent", "represente", "representent",
            "constitue", "constituent", "compte", "comptent", "devient", "deviennent", "semble",
            "semblent", "existe", "existent", "touche", "touchent", "dispose", "disposent",
            "concerne", "concernent", "emploie", "emploient", "vit", "vivent", "fait", "font", "a",
            "ont",
        ]
    )  # fmt: skip

    def _dated_event(self, e: Expr, before: str) -> bool:
        if re.search(r"a\s+(?:partir|compter)\s+d'\s*$", before):
            return True  # "à compter d'aujourd'hui": the day a rule starts
        if re.search(r"(?:d'|jusqu'a\s+|jusqu'|depuis\s+|a\s+ce\s+jour\s+|comme\s+)\s*$", before):
            return False
        # "Aujourd'hui s'ouvre le salon", "aujourd'hui débute la campagne": the subject after its verb
        inverted = _INVERTED_VERB.match(self.v.fold, e.end)
        if inverted and (inverted.group(1) or inverted.group(2)) not in self._STATIVE:
            return True
        if re.search(r"(?:des|a\s+partir\s+d'|c'est)\s*$", before):
            return True  # "dès aujourd'hui", "c'est aujourd'hui que ..."
        t = self.tense(e)
        if t.direction != 0 and t.strong:
            return True
        prev = re.findall(r"[\w'-]+", before)
        if prev:
            w = re.sub(r"^(?:s|se|n|l|qu)'", "", prev[-1])  # "s'ouvre aujourd'hui"
            reflexive = prev[-1].startswith("s'") or len(prev) > 1 and prev[-2] == "se"
            if reflexive and w in self._STATIVE_REFLEXIVE:
                return False
            if w not in self._STATIVE and re.fullmatch(r"[a-z]{3,}(?:e|ent)", w):
                return True  # "lance aujourd'hui", "présentent aujourd'hui": a news present
            if reflexive and re.fullmatch(r"[a-z]{3,}", w):
                return True  # "se réunit aujourd'hui", "se rend aujourd'hui": an event of the day
        return False

    # "se situe aujourd'hui", "se trouve aujourd'hui": where or how something is, nowadays
    _STATIVE_REFLEXIVE = frozenset(["situe", "situent", "trouve", "trouvent", "compose", "composent",
                                    "porte", "portent", "vend", "vendent", "fait", "font"])  # fmt: skip

    def r_anchor(self, e: Expr) -> Resolved | None:
        if e.base is not None:  # "le lendemain du 20 mars"
            based = self.resolve(e.base)
            if based is None or based.date is None:
                return None
            d = based.date + dt.timedelta(days=e.offset)
            return Resolved(fmt_day(d), "day", d.year, d, explicit=based.explicit)
        if e.of_event:
            # "au lendemain de la démission": the date of the clause, not the day after it; with no
            # date in the clause, only a vague reference in the direction of the tense
            base = self.previous_day_in_sentence(e)
            off = 0
            if base is None:
                t = self.tense(e)
                if t.direction or self.P is None:
                    return Resolved({-1: "PAST_REF", 1: "FUTURE_REF"}.get(t.direction, "PRESENT_REF"), "ref")
                base = self.P
        else:
            base = self.previous_day(e) or self.P
            off = e.offset
        if base is None:
            return Resolved(
                "PAST_REF" if e.offset < 0 else "FUTURE_REF" if e.offset > 0 else "PRESENT_REF", "ref"
            )
        d = base + dt.timedelta(days=off)
        return Resolved(fmt_day(d), "day", d.year, d)

    def r_relyear(self, e: Expr) -> Resolved:
        anchored = self.anchored_period(e)
        if anchored is not None:
            return anchored
        if self.P is None:
            return Resolved({-1: "PAST_REF", 1: "FUTURE_REF"}.get(e.offset, "PRESENT_REF"), "ref")
        y = self.P.year + e.offset
        if e.unit == "bare":  # "en début d'année, les tarifs augmenteront" read in November: next year's
            t = self.tense(e)
            if t.strong and e.mod == "START" and t.direction > 0 and self.P.month >= 7:
                y += 1
            elif t.strong and e.mod == "END" and t.direction < 0 and self.P.month <= 4:
                y -= 1
        return Resolved(f"{y:04d}", "year", y, explicit=True)

    def r_relmonth(self, e: Expr) -> Resolved:
        anchored = self.anchored_period(e)
        if anchored is not None:
            return anchored
        if self.P is None:
            return Resolved({-1: "PAST_REF", 1: "FUTURE_REF"}.get(e.offset, "PRESENT_REF"), "ref")
        y, mo = add_months(self.P.year, self.P.month, e.offset)
        return Resolved(f"{y:04d}-{mo:02d}", "month", y, explicit=True)

    def r_relweek(self, e: Expr) -> Resolved:
        if e.unit == "weekend" and self.P is not None:  # "le premier week-end d'avril"
            d = self.P + dt.timedelta(weeks=e.offset)
            return Resolved(iso_week(d) + "-WE", "week", d.year)
        anchored = self.anchored_period(e)
        if anchored is not None:
            return anchored
        if self.P is None:
            return Resolved({-1: "PAST_REF", 1: "FUTURE_REF"}.get(e.offset, "PRESENT_REF"), "ref")
        d = self.P + dt.timedelta(weeks=e.offset)
        return Resolved(iso_week(d), "week", d.year)

    def r_weekend(self, e: Expr) -> Resolved:
        if self.P is None:
            return Resolved({-1: "PAST_REF", 1: "FUTURE_REF"}.get(e.offset, "PRESENT_REF"), "ref")
        return self.weekend(e)

    def r_ago(self, e: Expr) -> Resolved:
        if self.P is None:
            return Resolved("PAST_REF" if e.offset < 0 else "FUTURE_REF", "ref")
        n = e.offset
        if e.unit == "year":
            y = self.P.year + n
            return Resolved(f"{y:04d}", "year", y)
        if e.unit == "month":
            y, mo = add_months(self.P.year, self.P.month, n)
            return Resolved(f"{y:04d}-{mo:02d}", "month", y)
        if e.unit == "week":
            d = self.P + dt.timedelta(weeks=n)
            return Resolved(iso_week(d), "week", d.year)
        d = self.P + dt.timedelta(days=n)
        return Resolved(fmt_day(d), "day", d.year, d)

    def r_ref(self, e: Expr) -> Resolved:
        return Resolved(e.ref or "PRESENT_REF", "ref")

    def r_desormais(self, e: Expr) -> Resolved:
        # French TimeBank dates "désormais" at the publication day (GUIDELINES: allowed, not required).
        if self.P is None:
            return Resolved("PRESENT_REF", "ref")
        return Resolved(fmt_day(self.P), "day", self.P.year)

    def r_decade(self, e: Expr) -> Resolved:
        return Resolved(e.decade or "XXXX", "decade")

    def r_century(self, e: Expr) -> Resolved:
        return Resolved(f"{(e.century or 1) - 1:02d}XX", "century")

    def r_season(self, e: Expr) -> Resolved:
        s = e.season or "SU"
        if e.year is not None:
            return Resolved(f"{e.year:04d}-{s}", "season", e.year, explicit=True)
        if e.habitual or e.generic and self.tense(e).direction == 0:
            return Resolved(f"XXXX-{s}", "season")
        tense = self.tense(e)
        y = self.year_for(e, None, tense)
        if y is not None:
            return Resolved(f"{y:04d}-{s}", "season", y, explicit=True)
        if self.P is None:
            return Resolved(f"XXXX-{s}", "season")
        y = choose_season_year(s, self.P, tense, e.rel)
        return Resolved(f"{y:04d}-{s}", "season", y)

    def r_quarter(self, e: Expr) -> Resolved:
        q = e.quarter or "Q1"
        if e.year is not None:
            return Resolved(f"{e.year:04d}-{q}", "quarter", e.year, explicit=True)
        tense = self.tense(e)
        y = self.year_for(e, None, tense)
        if y is None and self.P is not None:
            # "le troisième trimestre a été marqué" in March, "au premier semestre, les ventes ont
            # progressé" in March (the half is not over): last year's; "le premier trimestre sera" in
            # November: next year's
            first, last = _QUARTER_MONTHS[q]
            y = self.P.year
            if tense.strong and tense.direction < 0 and last > self.P.month:
                y -= 1
            elif tense.strong and tense.direction > 0 and last < self.P.month:
                y += 1
        if y is None:
            return Resolved(f"XXXX-{q}", "quarter")
        return Resolved(f"{y:04d}-{q}", "quarter", y)

    def r_holiday(self, e: Expr) -> Resolved | None:
        name = e.holiday or ""
        if e.year is not None:
            d = holiday_date(name, e.year)
        else:
            tense = Tense(e.rel, True) if e.rel else self.tense(e)
            y = None if e.rel else self.year_for(e, None, tense)
            if y is not None:
                d = holiday_date(name, y)
            elif self.P is None:
                d = None
            else:
                d = choose_holiday(name, self.P, tense)
        if d is None:
            if name in HOLIDAYS_FIXED:
                mo, dd = HOLIDAYS_FIXED[name]
                return Resolved(f"XXXX-{mo:02d}-{dd:02d}", "day")
            return None
        d = d + dt.timedelta(days=e.offset)
        if e.unit == "week":
            return Resolved(iso_week(d), "week", d.year, explicit=e.year is not None)
        return Resolved(fmt_day(d), "day", d.year, d, explicit=e.year is not None)

    def r_ordwd(self, e: Expr) -> Resolved | None:
        tense = self.tense(e)
        y = e.year
        if y is None:
            y = self.year_for(e, e.month, tense)
        if y is None and self.P is not None:
            if e.month is not None:
                y = choose_month_year(e.month, self.P, tense, 0)
            else:
                y = choose_season_year(e.season or "SP", self.P, tense, 0)
        if y is None:
            return None
        if e.month is not None:
            d = nth_weekday(y, e.month, e.weekday or 1, e.ordinal or 1)
        else:
            d = nth_weekday_of_season(y, e.season or "SP", e.weekday or 1, e.ordinal or 1)
        if d is None:
            return None
        return Resolved(fmt_day(d), "day", d.year, d)

    # -- driver ------------------------------------------------------------------------------
    def run(self) -> list[DateMention]:
        # Pass 1: expressions whose year is written, so year-less ones can borrow from any of them.
        first: dict[int, Resolved] = {}
        for i, e in enumerate(self.exprs):
            if e.kind == "cal" and e.year is not None and e.end_expr is None:
                r = self.r_cal(e)
                if r:
                    first[i] = r
        self.anchors = [(self.exprs[i], r) for i, r in first.items()]
        out: list[DateMention] = []
        for i, e in enumerate(self.exprs):
            res = first.get(i)
            end_value = None
            try:
                if res is None and e.end_expr is not None:
                    res, end_value = self.resolve_range(e)
                elif res is None:
                    res = self.resolve(e)
            except (ValueError, OverflowError):  # a date outside the calendar (year 0, 10000)
                continue
            if (
                res is None
                or not VALUE_RE.fullmatch(res.value)
                or end_value
                and not VALUE_RE.fullmatch(end_value)
            ):
                continue
            self.done.append((e, res))
            value = res.value
            if e.dici:
                end_value = value
                value = fmt_day(self.P) if self.P else "PRESENT_REF"
            out.append(DateMention(e.start, e.end, self.v.text[e.start : e.end], value, end_value,
                                   res.granularity, e.mod))  # fmt: skip
        return out

    def resolve_range(self, e: Expr) -> tuple[Resolved | None, str | None]:
        """Resolve the end first (it usually carries the year), then give the start the same year, one
        less when the range crosses New Year ("du 30 décembre au 2 janvier 2024")."""
        end = e.end_expr
        assert end is not None
        if e.kind == "bareday":  # "du 2 au 4"
            r_start = self.r_bareday(e)
            return (r_start, self.range_end_day(r_start, end)) if r_start else (None, None)
        if e.kind == "weekday":  # "du lundi 3 au vendredi 7"
            r_start = self.r_weekday(replace(e, end_expr=None))
            return (r_start, self.range_end_day(r_start, end)) if r_start else (None, None)
        if end.year is None and e.year is not None:  # "du 20 avril 2020 au 3 mai"
            wraps = e.month is not None and end.month is not None and e.month > end.month
            end = replace(end, year=e.year + 1 if wraps else e.year)
        r_end = self.r_cal(end) if end.kind == "cal" else self.resolve(end)
        if r_end is None:
            return None, None
        y = e.year
        if y is None and r_end.year is not None:
            y = r_end.year
            if e.month is not None and end.month is not None and e.month > end.month:
                y -= 1
        start_e = replace(e, end_expr=None, year=y)
        if y is None:
            val, gran = _cal_value(None, e.month, e.day)
            return Resolved(val, gran), r_end.value
        r_start = self.r_cal(start_e)
        if r_start is None:
            return None, None
        r_start.explicit = r_end.explicit
        return r_start, r_end.value
