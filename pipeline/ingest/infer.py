"""What a press release says about itself in its first lines: dateline, title; and safe file names.

These guesses name the corpus file and detect near-duplicates. They are never written into the
front matter: the analysis reads the same text and makes its own (better informed) guesses.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

HEAD_LINES = 10  # a dateline or a title sits in the first lines of a release, never further down
MAX_TITLE_CHARS = 150
SLUG_CHARS = 60

_MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+"
_DATE = (
    rf"(?i:(?:{_WEEKDAY})?(?P<day>1er|\d{{1,2}})\s+(?P<month>{'|'.join(_MONTHS)})\s+(?P<year>\d{{4}})"
    r"|(?P<nday>\d{1,2})[/.](?P<nmonth>\d{1,2})[/.](?P<nyear>\d{4}))"
)
# "Paris, le 12 mars 2024", "Saint-Denis, 3 mai 2023", "Le 1er juin 2024", "Publié le 04/04/2024",
# or a line holding only a date; then nothing, or a separator and the lead ("Lyon, le ... – Le maire").
_DATELINE = re.compile(
    r"^\s*(?:(?i:publi[ée]|diffus[ée])\s+le\s+|[A-ZÀ-ÖØ-Þ][\w'’ .-]{0,40}?,\s*(?:le\s+)?|(?i:le)\s+)?"
    + _DATE
    + r"\s*(?:$|[-–—:.,|]|\(|\s[-–—]\s)"
)
# Labels that head a release but are not its title.
_LABEL = re.compile(
    r"^(?:communiqu[ée]s?(?:\s+(?:de\s+presse|conjoint|officiel))?|informations?\s+(?:presse|m[ée]dias)"
    r"|dossier\s+de\s+presse|note\s+aux\s+r[ée]dactions|invitation\s+presse|avis\s+aux\s+m[ée]dias"
    r"|contacts?\s+presse|(?:sous\s+)?embargo\b.*|pour\s+diffusion\s+imm[ée]diate)\W*$",
    re.I,
)
# Titles that authoring tools write into PDF and Word metadata when the author set none.
_JUNK_TITLE = re.compile(
    r"^(?:microsoft\s+\w+\s+-\s+.*|.*\.(?:docx?|odt|pdf|rtf|pptx?|indd|txt)|untitled|sans\s+titre"
    r"|document\s*\d*|titre|présentation\s+powerpoint|diapositive\s+\d+)$",
    re.I,
)


def find_dateline(text: str) -> dt.date | None:
    """The date of a dateline in the first lines ("Paris, le 12 mars 2024"), if any and valid."""
    for line in _head(text):
        m = _DATELINE.match(line)
        if m is None:
            continue
        if m.group("day"):
            day = 1 if m.group("day") == "1er" else int(m.group("day"))
            month, year = _MONTHS[m.group("month").lower()], int(m.group("year"))
        else:
            day, month, year = int(m.group("nday")), int(m.group("nmonth")), int(m.group("nyear"))
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def infer_title(text: str) -> str | None:
    """The first line that reads like a headline: not a label, not a dateline, not a paragraph."""
    for candidate in _content_lines(text):
        if len(candidate) > MAX_TITLE_CHARS or (candidate.endswith(".") and len(candidate) > 80):
            return None  # the release opens with its body: no headline to take
        return candidate if any(c.isalpha() for c in candidate) else None
    return None


def first_words(text: str, count: int = 8) -> str:
    """The opening words of the body proper (labels and dateline skipped): a name for an untitled text."""
    for candidate in _content_lines(text):
        return " ".join(candidate.split()[:count])
    return " ".join(text.split()[:count])


def _content_lines(text: str) -> Iterator[str]:
    for line in _head(text):
        candidate = clean_title(line.strip().strip("#*_=").strip())
        if candidate and not _LABEL.match(candidate) and not find_dateline(candidate):
            yield candidate


def usable_title(value: str | None) -> str | None:
    """A title from file metadata, unless it is an authoring tool's placeholder or a bare label."""
    title = clean_title(value or "")
    if len(title) < 3 or _JUNK_TITLE.match(title) or _LABEL.match(title):
        return None
    return title


def clean_title(value: str) -> str:
    """One line, no control characters, collapsed spaces."""
    return " ".join("".join(c if unicodedata.category(c)[0] != "C" else " " for c in value).split())


def slugify(text: str, max_chars: int = SLUG_CHARS) -> str:
    """An ASCII file-name fragment: lowercase letters, digits and single hyphens, bounded length."""
    text = text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)  # é -> e + combining accent, dropped below
    ascii_text = "".join(c if c.isascii() else "" if unicodedata.combining(c) else "-" for c in decomposed)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_chars:
        cut = slug[: max_chars + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_chars]
    return slug.strip("-")


def title_key(title: str) -> str:
    """Titles compare equal whatever their case, spacing, accents or final punctuation."""
    return slugify(title, max_chars=10_000)


def _head(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()][:HEAD_LINES]
