"""Resolution of the anchored and partial kinds: shifts of another date ("deux jours plus tard", "le
lendemain du 20 mars"), bare days ("le 21"), weekdays counted in weeks ("jeudi en huit", "vendredi de
la semaine prochaine") and weekday ranges without a month ("du lundi 3 au vendredi 7").

A mixin of `normalise.Resolver`: it reads the dates resolved before an expression (`EarlierDates`) and
the publication date; kept apart so that each module stays one concern.
"""

from __future__ import annotations

import datetime as dt
import re

from .earlier_dates import EarlierDates, Resolved
from .model import Expr
from .resolve import _by_tense, add_months, choose_day_year, fmt_day, iso_week, safe_date


def shift_date(d: dt.date, n: int, unit: str | None) -> tuple[str, str, dt.date | None, int]:
    """(value, granularity, day or None, year) of `d` moved by n units, at the unit's granularity."""
    if unit == "week":
        d = d + dt.timedelta(weeks=n)
    elif unit in ("month", "year"):
        y, mo = add_months(d.year, d.month, n if unit == "month" else 12 * n)
        if unit == "year":
            return f"{y:04d}", "year", None, y
        return f"{y:04d}-{mo:02d}", "month", None, y
    else:
        d = d + dt.timedelta(days=n)
    return fmt_day(d), "day", d, d.year


class AnchoredKinds(EarlierDates):
    """r_shift, r_bareday and the weekday rules that count in weeks."""

    def resolve(self, e: Expr) -> Resolved | None:  # provided by Resolver
        raise NotImplementedError

    def base_day(self, e: Expr) -> Resolved | None:
        """The date a shift or an anchor leans on: its own `base` ("du 20 mars"), else the day before it."""
        if e.base is not None:
            return self.resolve(e.base)
        d = self.previous_day(e)
        return Resolved(fmt_day(d), "day", d.year, d) if d else None

    def r_shift(self, e: Expr) -> Resolved | None:
        base = self.base_day(e)
        if (
            e.base is None
            and e.ref in ("apres", "avant")
            and re.match(r"\s*\w", self.v.fold[e.end : e.end + 3])
        ):
            # "six ans après sa victoire": the event named after it is the anchor; a date of the same
            # sentence is the clause's own date, not the event's, so only an earlier sentence's counts
            s0, _ = self.ctx.sentence(e.start)
            before = [prev for prev, res in self.done if prev.end <= e.start and res.date is not None]
            if not before or before[-1].end > s0:
                return None
        if e.base is None and e.unit in ("month", "year"):
            period = self.previous_period(e)
            if period is not None:  # "signé en 2019 et renouvelé trois ans plus tard"
                y, mo = period
                if e.unit == "year":
                    return Resolved(f"{y + e.offset:04d}", "year", y + e.offset, None, explicit=True)
                if mo is not None:
                    y, mo = add_months(y, mo, e.offset)
                    return Resolved(f"{y:04d}-{mo:02d}", "month", y, None, explicit=True)
        if base is None or base.date is None:
            return None  # "deux jours plus tard" with no date before it: nothing to count from
        value, gran, d, y = shift_date(base.date, e.offset, e.unit)
        return Resolved(value, gran, y, d, explicit=base.explicit)

    def previous_period(self, e: Expr, window: int = 600) -> tuple[int, int | None] | None:
        """Year and month (None for a bare year) of the closest calendar date before a shift counted in
        months or years; None when that date is a day (`base_day` counts from it) or not calendar."""
        for prev, res in reversed(self.done):
            if prev.end > e.start:
                continue
            if e.start - prev.end > window:
                return None
            found = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", res.value)
            if res.date is not None or not found:
                return None
            return int(found.group(1)), int(found.group(2)) if found.group(2) else None
        return None

    def r_bareday(self, e: Expr) -> Resolved | None:
        """ "le 21": the month (and year) of the closest date before it in the paragraph, else the month
        around the publication date that agrees with the tense."""
        day = e.day or 1
        for prev, res in reversed(self.done):
            if prev.end > e.start or e.start - prev.end > 300 or "\n\n" in self.v.text[prev.end : e.start]:
                break
            if res.granularity in ("day", "month") and res.value[:4].isdigit() and len(res.value) >= 7:
                y, mo = int(res.value[:4]), int(res.value[5:7])
                d = safe_date(y, mo, day)
                if d is None:
                    return None
                t = self.tense(e)
                if self.P is not None and t.strong and (d - self.P).days * t.direction < 0:
                    break  # "présenté le 5 février, sera voté le 25" read in March: not February's 25th
                return Resolved(fmt_day(d), "day", y, d, explicit=res.explicit)
        if self.P is None:
            return None
        cands = []
        for k in (-1, 0, 1):
            y, mo = add_months(self.P.year, self.P.month, k)
            d = safe_date(y, mo, day)
            if d is not None:
                cands.append(d)
        if not cands:
            return None
        d = _by_tense(cands, self.P, self.tense(e))
        return Resolved(fmt_day(d), "day", d.year, d)

    def anchored_period(self, e: Expr) -> Resolved | None:
        """ "l'année suivante", "le mois précédent", "la semaine d'après": counted from the date before
        it in the text (within a few sentences), not from the publication; None when there is none."""
        if e.unit != "anchored":
            return None
        for prev, res in reversed(self.done):
            if prev.end > e.start:
                continue
            if e.start - prev.end > 600 or not res.value[:4].isdigit():
                return None
            y = int(res.value[:4])
            if e.kind == "relyear":
                return Resolved(f"{y + e.offset:04d}", "year", y + e.offset, explicit=True)
            if e.kind == "relmonth" and res.value[4:5] == "-" and res.value[5:7].isdigit():
                y, mo = add_months(y, int(res.value[5:7]), e.offset)
                return Resolved(f"{y:04d}-{mo:02d}", "month", y, explicit=True)
            if e.kind == "relweek" and res.date is not None:
                d = res.date + dt.timedelta(weeks=e.offset)
                return Resolved(iso_week(d), "week", d.year)
            return None
        return None

    def weekday_in_weeks(self, e: Expr) -> Resolved | None:
        """ "jeudi en huit" (the coming Thursday, then a week), "vendredi de la semaine prochaine"."""
        if self.P is None:
            return None
        wd = e.weekday or 1
        if e.unit == "enhuit":
            d = self.P + dt.timedelta(days=(wd - self.P.isoweekday()) % 7 + e.offset)
        else:
            monday = self.P - dt.timedelta(days=self.P.isoweekday() - 1)
            d = monday + dt.timedelta(weeks=e.rel, days=wd - 1)
        return Resolved(fmt_day(d), "day", d.year, d)

    def week_of(self, e: Expr) -> Resolved | None:
        """ "la semaine du 10 mars": the day that names the week (as the project's tests want), its year
        chosen so that a week that has begun still lies ahead ("sera consacrée" read on the 12th)."""
        if e.month is None or e.day is None:
            return None
        y = e.year
        if y is None:
            y = self.year_for(e, e.month, self.tense(e))
        if y is not None:
            d = safe_date(y, e.month, e.day)
        elif self.P is None:
            return Resolved(f"XXXX-{e.month:02d}-{e.day:02d}", "day")
        else:
            d = choose_day_year(e.month, e.day, self.P - dt.timedelta(days=6), self.tense(e), e.weekday)
        if d is None:
            return None
        if e.unit == "weekendof":
            return Resolved(iso_week(d) + "-WE", "week", d.year, explicit=e.year is not None)
        return Resolved(fmt_day(d), "day", d.year, d, explicit=e.year is not None)

    def weekend(self, e: Expr) -> Resolved:
        """ "ce week-end" (the coming one, or the one just past in a past sentence read on a weekday),
        "le week-end prochain" (the weekend of "samedi prochain"), "le week-end dernier"."""
        assert self.P is not None
        weekday = self.P.isoweekday() <= 5
        if e.offset == 0 and weekday and self.tense(e).direction < 0:
            d = self.P - dt.timedelta(weeks=1)
        elif e.offset > 0 and weekday:
            d = self.P
        else:
            d = self.P + dt.timedelta(weeks=e.offset)
        return Resolved(iso_week(d) + "-WE", "week", d.year)

    def range_end_day(self, start: Resolved, end: Expr) -> str | None:
        """The end of "du lundi 3 au vendredi 7", "du 2 au 4": the first day so numbered after the start."""
        if start.date is None or end.day is None:
            return None
        d = start.date
        for k in (0, 1):
            y, mo = add_months(d.year, d.month, k)
            cand = safe_date(y, mo, end.day)
            if cand is not None and cand > d:
                return fmt_day(cand)
        return None
