"""The header of a press release: the first lines, where its title and dateline ("Paris, le 12 mars
2024") are written.

Three stages read them, for different ends, and each keeps the rule its tables were built with:

* ingest names corpus files and detects duplicates: `find_dateline` needs the date itself (DATELINE:
  the whole line is a dateline, French month names or dd/mm/yyyy), `infer_title` the first line that is
  neither a label ("Communiqué de presse") nor a dateline;
* the publication date (pipeline/dates/publication.py) finds dates with the date grammar on folded
  text and asks only whether what precedes one is a dateline's lead (`dateline_lead`);
* keyphrases ask where the title line is (`title_span`): a line that merely opens like a dateline
  (DATED_LINE: any word as the month) is skipped, and so is a line of header words.

The patterns share their pieces where they agree; where they differ the difference is named below.
This module reads only text: it imports neither spaCy nor the date grammar.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Iterator

HEAD_LINES = 10  # a dateline or a title sits in the first lines of a release, never further down
MAX_TITLE_CHARS = 150

# ----------------------------------------------------------------------------- datelines
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
# The place of a dateline and what follows it up to the date: "Paris, le ", "Saint-Denis, ".
_AFTER_PLACE = r",\s*(?:le\s+)?"
_PLACE_AS_WRITTEN = r"[A-ZÀ-ÖØ-Þ][\w'’ .-]{0,40}?"  # a capital first
_PLACE_FOLDED = r"[a-z][a-z' .-]{1,40}(?:\([a-z0-9 .-]+\))?\s*"  # lower case; "Saint-Denis (93)"

# A whole dateline, in the text as written: "Paris, le 12 mars 2024", "Saint-Denis, 3 mai 2023",
# "Le 1er juin 2024", "Publié le 04/04/2024", or a line holding only a date; then nothing, or a separator
# and the lead ("Lyon, le ... – Le maire"). Groups: day, month, year or nday, nmonth, nyear.
DATELINE = re.compile(
    rf"^\s*(?:(?i:publi[ée]|diffus[ée])\s+le\s+|{_PLACE_AS_WRITTEN}{_AFTER_PLACE}|(?i:le)\s+)?"
    + _DATE
    + r"\s*(?:$|[-–—:.,|]|\(|\s[-–—]\s)"
)
# The lead of a dateline alone, in folded text (pipeline/dates/lexicon.fold), the date excluded: the
# publication date is read by the date grammar, which knows more date shapes than DATELINE.
DATELINE_LEAD_FOLDED = re.compile(rf"^[\s*_#>]*{_PLACE_FOLDED}{_AFTER_PLACE}$")  # "**Paris, le ": Markdown
# A line that opens like a dateline, looser than DATELINE: any place-like words, "le" or "du", a weekday
# and any word as the month ("Paris, le 12 mars 2024", "Lyon, du lundi 3 oct. 2022"); what follows does
# not matter. Enough to tell a dateline from a title, whose date is never needed.
DATED_LINE = re.compile(
    r"^\W*(?:[^\W\d][\w'\- ]{0,40},\s*)?"  # a place and a comma: "Paris, "
    r"(?:(?:le|du)\s+)?(?:[^\W\d]+\.?\s+)?"  # "le", a weekday
    r"\d{1,2}(?:er)?\s+[^\W\d]+\.?\s+\d{4}\b"  # "12 mars 2024"
)


def find_dateline(text: str) -> dt.date | None:
    """The date of a dateline in the first lines ("Paris, le 12 mars 2024"), if any and valid."""
    for line in _head(text):
        m = DATELINE.match(line)
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


# A date in a URL's path: ".../2015-03-05-visite.html", ".../2024/05/10/titre", "/20240510-..." is not read
# (eight digits are too often an identifier).
_URL_DATE = re.compile(r"(?<![\d])((?:19|20)\d{2})([-/_])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?!\d)")


def url_date(url: str) -> dt.date | None:
    """The date written in a URL's path, if one is (a publication date, as blogs and newsrooms write)."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.I)
    for m in _URL_DATE.finditer(path):
        try:
            return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
    return None


def dateline_lead(folded: str, written: str) -> bool:
    """Whether the text before a date is a dateline's lead: `folded` matches DATELINE_LEAD_FOLDED and
    `written` (the same text as written) starts its place with a capital and has at most five words."""
    return bool(DATELINE_LEAD_FOLDED.match(folded)) and _is_place(written)


def _is_place(before: str) -> bool:
    """The part of a dateline before the comma: a capitalised place name of a few words."""
    place = before.rsplit(",", 1)[0].strip().lstrip("*_#> ")
    words = re.sub(r"\([^)]*\)", " ", place).split()
    return bool(words) and len(words) <= 5 and place[:1].isupper()


# ----------------------------------------------------------------------------- titles
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
_MAX_TITLE_WORDS = 30


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


def title_span(text: str, max_lines: int = 3, *, header_words: Collection[str]) -> tuple[int, int] | None:
    """(start, end) of the title: the first of the first `max_lines` non-empty lines that reads as a
    headline -- at most 30 words, no final full stop, not a dateline (DATED_LINE) and not only
    `header_words` and words of one or two letters ("Communiqué de presse"). None when the text opens
    with body prose."""
    pos = 0
    seen = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > max_lines:
            return None
        words = re.findall(r"[^\W\d_][\w'\-]*", stripped)
        if len(stripped.split()) > _MAX_TITLE_WORDS or stripped.endswith((".", ";", ",")):
            return None  # body prose first: no title
        if DATED_LINE.match(stripped) or all(w.lower() in header_words or len(w) < 3 for w in words):
            continue
        return (start + line.index(stripped[0]), start + len(line.rstrip()))
    return None


def _head(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()][:HEAD_LINES]
