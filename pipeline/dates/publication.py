"""Publication date written near the top of a release.

`find_publication_date` reads, in this order of trust after the front matter's `date:`, the front
matter's `title:` (a date introduced as the release's own: "Communiqué ..., en date du 13 septembre
2020", "..., le 14 octobre 2020."), its `url:` (".../2015-03-05-visite.html", ".../2024/05/10/..."), then
the first lines of the text (`detect_publication_date`), and gives None when none of them says it.

In the text, three shapes count, in this order of trust: a date introduced by a publication word ("Publié le
03/07/2023", "Date de publication : ..."), a dateline ("Paris, le 12 mars 2024"), and a header
line that is little more than a date ("28 aoû 2020", "Mercredi, Mai 8, 2024 - 12:00"). A full date
inside a sentence of the first paragraph is an event date, not the publication date. What a dateline's
lead looks like is pipeline/header.py's (dateline_lead), with the other readers of a release's first lines.
"""

from __future__ import annotations

import datetime as dt
import re

from ..header import dateline_lead, url_date
from . import patterns as P
from .lexicon import fold, month_number
from .resolve import safe_date, two_digit_year

HEAD_CHARS = 1500
HEAD_LINES = 15

_PUBLISHED = re.compile(
    r"\b(?:publie|publiee|publication|mis\s+en\s+ligne|mise\s+en\s+ligne|paru|parution|diffuse|date|"
    r"communique(?:\s+de\s+presse)?(?:\s+du)?|posted|published)\b[^\n]{0,30}$"
)
_UPDATED = re.compile(r"\b(?:mis|mise)\s+a\s+jour\b|\bmodifie\b|\bupdated?\b")
_FILLER = re.compile(
    r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le|du|a|h|communique|de|presse|publie|"
    r"publiee|mis|en|ligne|date|paris|\d{1,2}(?:[:h]\d{2})?)\b|[-|,.:/()\s\d]"
)


def _full_dates(line: str) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of every full date (day, month and year) written in a folded line."""
    out: list[tuple[int, int, dt.date]] = []
    for m in P.ISO.finditer(line):
        d = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            out.append((m.start(), m.end(), d))
    for m in P.NUMERIC.finditer(line):
        ys = m.group("y")
        if len(ys) == 2 and m.group("sep") != "/":
            continue
        y = two_digit_year(int(ys), None) if len(ys) == 2 else int(ys)
        d = safe_date(y, int(m.group("m")), int(m.group("d")))
        if d:
            out.append((m.start(), m.end(), d))
    for m in P.ENGLISH_ORDER.finditer(line):
        mo = month_number(m.group("m"))
        day = int(re.sub(r"\D", "", m.group("d")) or 1)
        d = safe_date(int(m.group("y")), mo, day) if mo else None
        if d:
            out.append((m.start(), m.end(), d))
    for m in P.FULL.finditer(line):
        if not m.group("y"):
            continue
        mo = month_number(m.group("m"))
        raw = m.group("d")
        day = 1 if raw in ("1er", "1re", "1ere", "premier", "1°") else int(raw)
        d = safe_date(int(m.group("y")), mo, day) if mo else None
        if d:
            out.append((m.start(), m.end(), d))
    out.sort()
    return out


def detect_publication_date(text: str) -> dt.date | None:
    """The publication date written near the top of a release, else None."""
    head = fold(text[:HEAD_CHARS])
    found: list[tuple[int, int, dt.date]] = []  # (rank, position, date)
    n_lines = 0
    pos = 0
    for line in head.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        n_lines += 1
        if n_lines > HEAD_LINES:
            break
        for s, e, d in _full_dates(line):
            before = line[:s]
            if _UPDATED.search(before):
                rank = 3
            elif _PUBLISHED.search(before) and not re.search(r"[.!?]\s", before):
                rank = 0 if re.search(r"publi|ligne|paru|posted|date", before) else 2
            elif dateline_lead(before, text[line_start : line_start + s]):
                rank = 1
            else:
                rest = _FILLER.sub(" ", before + " " + line[e:]).split()
                if len(rest) > 3 or rest and re.search(r"[.!?]\s*$", line):
                    continue  # a date with a few header words ("Actualités | ... | Économie"), not a sentence
                rank = 2
            if rank == 2 and len(line.split()) > 12:
                continue
            found.append((rank, line_start + s, d))
    if not found:
        return None
    found.sort(key=lambda t: (t[0], t[1]))
    return found[0][2]


# A title's date is the release's own only when the title introduces it so: "en date du ...",
# "communiqué du ...", "publié le ...", or ", le 14 octobre 2020." closing the title. "Sommet du 12 mars
# 2024" names an event.
_TITLE_CUE = re.compile(
    r"(?:\ben\s+date\s+du|\bcommunique(?:\s+de\s+presse|\s+conjoint)?\s+du|\bpublie(?:e)?\s+le|\bdate\s+du)\s*$"
)
_TITLE_TAIL = re.compile(r"^\s*[.)\]]*\s*$")
_TITLE_TAIL_LEAD = re.compile(r"(?:,|-|\()\s*(?:le\s+)?$")


def title_date(title: str) -> dt.date | None:
    """The publication date a title states ("Communiqué ..., en date du 13 septembre 2020, sur ...",
    "Déclaration conjointe, le 25 octobre 2020."), else None: a date that only names an event is none."""
    line = fold(" ".join(title.split()))
    for s, e, d in _full_dates(line):
        before = line[:s]
        if _TITLE_CUE.search(before):
            return d
        if _TITLE_TAIL.match(line[e:]) and _TITLE_TAIL_LEAD.search(before) and len(before.split()) > 1:
            return d
    return None


def find_publication_date(
    text: str, metadata: dict[str, str] | None = None
) -> tuple[dt.date | None, str | None]:
    """(publication date, where it comes from): front_matter (`date:`), title, url, text, or (None, None)."""
    meta = metadata or {}
    raw = (meta.get("date") or "").strip()
    if raw:
        try:
            return dt.date.fromisoformat(raw[:10]), "front_matter"
        except ValueError:
            pass
    title = meta.get("title") or ""
    found = title_date(title) if title else None
    if found:
        return found, "title"
    found = url_date(meta.get("url") or "")
    if found:
        return found, "url"
    found = detect_publication_date(text)
    return (found, "text") if found else (None, None)
