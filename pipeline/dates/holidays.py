"""Days of the feasts and observances: fixed days, Easter-bound feasts, n-th weekdays of a month.

Kept apart from `resolve.py` (the resolution rules): this is calendar arithmetic only.
"""

from __future__ import annotations

import datetime as dt

from .lexicon import HOLIDAYS_EASTER, HOLIDAYS_FIXED, HOLIDAYS_SUNDAYS, HOLIDAYS_WEEKDAYS


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(y: int, m: int, weekday: int, n: int) -> dt.date | None:
    """The n-th (1-based, -1 = last) ISO weekday of month m."""
    if n > 0:
        first = dt.date(y, m, 1)
        d = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        return d if d.month == m else None
    last = dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> dt.date | None:
    if name in HOLIDAYS_FIXED:
        m, d = HOLIDAYS_FIXED[name]
        return dt.date(year, m, d)
    if name in HOLIDAYS_EASTER:
        return easter(year) + dt.timedelta(days=HOLIDAYS_EASTER[name])
    if name in HOLIDAYS_SUNDAYS:
        month, n = HOLIDAYS_SUNDAYS[name]
        d = nth_weekday(year, month, 7, n)
        if d is not None and name == "fete des meres" and d == easter(year) + dt.timedelta(days=49):
            d += dt.timedelta(days=7)  # Pentecost Sunday: the first Sunday of June
        return d
    if name in HOLIDAYS_WEEKDAYS:
        month, weekday, n, shift = HOLIDAYS_WEEKDAYS[name]
        d = nth_weekday(year, month, weekday, n)
        return d + dt.timedelta(days=shift) if d is not None else None
    return None
