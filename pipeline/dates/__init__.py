"""French date extraction and normalisation (TimeML DATE values) for press releases.

Pure text in, records out: no spaCy, regexes compiled once at import, so the stage runs in a few
milliseconds per document. `extract_dates` finds every calendar expression and resolves it
against the publication date and the context; `detect_publication_date` reads the date written
at the top of a release when the front matter has none.
"""

from __future__ import annotations

import datetime as dt

from .extract import extract as _extract
from .model import GRANULARITIES, MODS, DateMention
from .publication import detect_publication_date, find_publication_date

__all__ = [
    "DateMention",
    "extract_dates",
    "detect_publication_date",
    "find_publication_date",
    "GRANULARITIES",
    "MODS",
]


def extract_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """All calendar expressions of `text` (the analysed text), sorted by start, non-overlapping."""
    if isinstance(published, dt.datetime):
        published = published.date()
    return _extract(text, published)
