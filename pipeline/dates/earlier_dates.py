"""What the dates already resolved lend to the next one: a year for "en février", a day for "la veille".

Kept apart from the per-kind rules of `normalise.py` because it is the only state of the pass: the
resolver records each result in `done` (and the dates with a written year in `anchors`), and these
lookups read them back, nearest first, within the sentence or the document.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import Expr
from .resolve import Context, Tense
from .view import View


@dataclass
class Resolved:
    """A resolved value, with what later expressions may borrow from it (its year, its day)."""

    value: str
    granularity: str
    year: int | None = None  # the calendar year the value names, for later context
    date: dt.date | None = None  # the day the value names, for "le lendemain", "le même jour"
    explicit: bool = False  # the year was written (or follows from a relative year)


# "créée en 1998", "née en 1970", "depuis 2015": a year describing something else than the clause's event
_DESCRIPTIVE_YEAR = re.compile(
    r"(?:\bdepuis|\bdès|\b[a-zàâçéèêëîïôûùüÿœ]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|t|te|ts|tes)\s+en)\s*$"
)


# "la loi n° 2023-1196 du 18 décembre 2023", "l'arrêté du 2 mars": the date names a legal text, not the
# time of the clause; with a publication date, the year-less dates after it take their year from that.
_LEGAL_TEXT_BEFORE = re.compile(
    r"\b(?:loi|decret|arrete|ordonnance|circulaire|directive|reglement|deliberation)s?\b"
    r"(?:\s+(?:n°|no|nº)\s*[\w./-]+|\s+[a-z]+){0,3}\s+(?:du|en\s+date\s+du)\s*$"
)


class EarlierDates:
    """Lookups into the dates resolved before an expression; the state is filled by `Resolver`."""

    v: View
    ctx: Context
    P: dt.date | None
    done: list[tuple[Expr, Resolved]]
    anchors: list[tuple[Expr, Resolved]]  # the dates whose year is written, resolved before the rest

    def tense(self, e: Expr) -> Tense:
        return self.ctx.tense(e.start, e.end)

    def sentence_year(self, e: Expr, tense: Tense, window: int = 160) -> int | None:
        """The year of the closest explicit-year date before e in the same sentence ("en 97 (en janvier
        ...)", "l'an prochain, ... en février"). A year that only describes something else ("créée en
        1998", "depuis 2015") gives no year; with no verb tense to confirm it, only a close one does."""
        s0, _ = self.ctx.sentence(e.start)
        for prev, res in reversed(self.done):
            if prev.end > e.start:
                continue
            if prev.end < s0 or e.start - prev.end > window:
                break
            if not res.explicit or res.year is None:
                continue
            if _DESCRIPTIVE_YEAR.search(self.v.low[max(0, prev.start - 30) : prev.start]):
                continue
            if self.P is not None and _LEGAL_TEXT_BEFORE.search(
                self.v.fold[max(0, prev.start - 60) : prev.start]
            ):
                continue
            if (
                self.P is not None
                and res.year != self.P.year
                and tense.direction == 0
                and e.start - prev.end > 60
            ):
                continue
            return res.year
        return None

    def document_year(self, e: Expr, month: int | None) -> int | None:
        """No publication date: the year of the closest full date of the document (same month first)."""
        best: tuple[int, int, int] | None = None  # (same month?, distance, year)
        for prev, res in self.anchors:
            if prev is e or res.year is None or not res.explicit or res.granularity not in ("day", "month"):
                continue
            same = 0 if month is not None and res.value[5:7] == f"{month:02d}" else 1
            dist = abs(prev.start - e.start)
            key = (same, dist, res.year)
            if best is None or key < best:
                best = key
        return best[2] if best else None

    def previous_day(self, e: Expr, window: int = 600) -> dt.date | None:
        for prev, res in reversed(self.done):
            if prev.end <= e.start and e.start - prev.end <= window and res.date is not None:
                return res.date
        return None

    def previous_day_in_sentence(self, e: Expr) -> dt.date | None:
        s0, _ = self.ctx.sentence(e.start)
        for prev, res in reversed(self.done):
            if prev.end <= e.start and prev.start >= s0 and res.date is not None:
                return res.date
        return None

    def year_for(self, e: Expr, month: int | None, tense: Tense) -> int | None:
        """Year of a year-less expression from the context: the sentence, or the document when there is
        no publication date. None when the publication date should decide."""
        y = self.sentence_year(e, tense)
        # "adopté en 2022, entrera en vigueur en juillet": the future cannot lie in 2022
        if (
            y is not None
            and self.P is not None
            and tense.strong
            and (tense.direction > 0 and y < self.P.year or tense.direction < 0 and y > self.P.year)
        ):
            y = None
        # "le budget 2025 a été adopté en décembre" read in March 2025: the month would lie in the future
        if (
            y is not None
            and self.P is not None
            and month is not None
            and tense.strong
            and y == self.P.year
            and (tense.direction < 0 and month > self.P.month or tense.direction > 0 and month < self.P.month)
        ):
            y = None
        if y is None and self.P is None:
            y = self.document_year(e, month)
        return y
