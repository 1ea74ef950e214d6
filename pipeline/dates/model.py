"""Records of the date stage: the public `DateMention` and the internal unresolved `Expr`."""

from __future__ import annotations

from dataclasses import dataclass

GRANULARITIES = ("day", "month", "year", "decade", "century", "season", "quarter", "week", "ref")
MODS = ("START", "END", "MID", "APPROX")


@dataclass(frozen=True)
class DateMention:
    """One calendar expression of the analysed text, with its TimeML-style value."""

    start: int  # code-point offsets into the text, end exclusive: text[start:end] == self.text
    end: int
    text: str
    value: str  # 2024-03-12, 2024-03, 2024, 201X, 2024-SU, 2024-W19, XXXX-05-15, PRESENT_REF ...
    end_value: str | None  # end of a range ("du 20 au 24 avril 2020" -> 2020-04-24), else None
    granularity: str  # day, month, year, decade, century, season, quarter, week, ref
    mod: str | None  # START, END, MID, APPROX or None


@dataclass
class Expr:
    """A matched expression before resolution: what the words say, not yet what date they mean.

    kind: cal (year/month/day parts, any may be missing), weekday, relday (hier...), today
    (aujourd'hui), anchor (la veille, le lendemain, le même jour: relative to the previous date),
    relyear / relmonth / relweek / weekend (cette année, le mois dernier...), ago / inn (il y a
    deux ans, dans trois mois), ref (a fixed vague value), desormais, decade, century, season,
    quarter, holiday, ordwd (le premier dimanche du printemps), shift (deux jours plus tard: `offset`
    `unit`s from the date before it, or from `base`), bareday (le 21: the month from the context).
    """

    kind: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    two_digit: bool = False  # the year was written with two digits ("en 97")
    rel: int = 0  # -1 dernier/passé, +1 prochain, 0 none / this
    offset: int = 0  # days, years, months, weeks (kind-dependent)
    unit: str | None = None  # year, month, week, day (ago / inn / shift); enhuit, week (weekday); anchored
    season: str | None = None  # SP, SU, FA, WI
    quarter: str | None = None  # Q1..Q4, H1, H2
    decade: str | None = None  # 196X
    century: int | None = None  # 19 for "XIXe siècle"
    holiday: str | None = None
    ordinal: int | None = None
    ref: str | None = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    mod: str | None = None
    generic: bool = False  # "en été": the season in general, unless a verb tense dates it
    habitual: bool = False  # "les mois d'été", "été comme hiver": never one particular year
    of_event: bool = False  # "au lendemain de <event>": the clause's date, not the next day
    end_expr: Expr | None = None  # range end
    dici: bool = False  # "d'ici ...": a range from the publication date to the target
    base: Expr | None = None  # "le lendemain du 20 mars", "deux jours après le 4 mai": the date shifted
