"""Typing slips around dates, mended before the grammar reads the text, with a map back to its offsets.

Hand-typed releases glue or split the parts of a date: "le1er avril", "12mars", "3 avril2026",
"mardi10 mars", "du 14 au16 mai", "1 er juin", "1ier mai", "02 / 04 / 2026". The grammar expects the
usual spacing, so `repair` returns the text with those slips mended (a space added or dropped) and,
for every character of the mended text, its offset in the original; `extract` reads the mended text
and maps each mention back. Text without such a slip is returned as is (no map), at the cost of one
search.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS_ABBR, MONTHS_FULL, WEEKDAYS, fold

_MONTH = "|".join(sorted(MONTHS_FULL, key=len, reverse=True))
_ABBR = "|".join(sorted(MONTHS_ABBR, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_WEEKDAY_ABBR = r"(?:lun|mar|mer|jeu|ven|sam|dim)\."
_DAY = r"(?:1er|1re|[12]\d|3[01]|0?[1-9])"

# Each slip: a pattern on the folded text whose group "gap" is an empty gap to fill with a space, or
# whose group "drop" is a space or a letter to remove.
_SLIPS = re.compile(
    # a day glued to its month: "12mars", "1eravril"
    rf"(?<![\w.,/]){_DAY}(?P<gap>)(?:{_MONTH})(?![a-z])"
    # a month glued to its year: "avril2026", "fev.2026"
    rf"|(?<![a-z])(?:{_MONTH}|(?:{_ABBR})\.)(?P<gap2>)(?:1[89]|20)\d\d(?!\d)"
    # a word glued to the day that follows it: "le1er avril", "au16 mai", "mardi10 mars", "sam.7 mars"
    rf"|(?<![\w])(?:le|au|du|{_WEEKDAY}|{_WEEKDAY_ABBR})(?P<gap3>){_DAY}(?=\s+(?:{_MONTH})(?![a-z]))"
    # "1 er juin", "1ier mai": the ordinal split or misspelt
    rf"|(?<![\w.,])1(?P<drop> )er(?=\s+(?:{_MONTH})(?![a-z]))"
    rf"|(?<![\w.,])1(?P<drop2>i)er(?=\s+(?:{_MONTH})(?![a-z]))"
    # "02 / 04 / 2026": a numeric date spaced around its slashes
    r"|(?<![\w/])(?P<num>[0-3]?\d\s+/\s+[01]?\d\s+/\s+(?:1[89]|20)\d\d)(?![\w/])"
)


_DIGITS = re.compile(r"\d+")
_SUSPECT_AFTER = re.compile(r"[a-z]|\s+/\s*\d| er\b")


def _slips(f: str):
    """The slips of the folded text, searched only around a number touching a letter or a dot ("12mars",
    "le1er", "sam.7") or followed by " er" or " / ": most numbers of a release stand between spaces."""
    last = -1
    n = len(f)
    for d in _DIGITS.finditer(f):
        s, e = d.start(), d.end()
        before = f[s - 1] if s else " "
        if not (before.isalpha() or before == "." or _SUSPECT_AFTER.match(f, e)):
            continue
        for m in _SLIPS.finditer(f, max(0, s - 12, last), min(n, e + 24)):
            if m.start() >= last:
                last = m.end()
                yield m


def repair(text: str, folded: str | None = None) -> tuple[str, list[int]] | None:
    """(mended text, original offset of each of its characters plus its end), or None if no slip.
    `folded`: fold(text), when the caller has it already."""
    f = fold(text) if folded is None else folded
    if len(f) != len(text):
        return None  # the folded view must be aligned with the text
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the original
    for m in _slips(f):
        for g in ("gap", "gap2", "gap3"):
            if m.group(g) is not None:
                edits.append((m.start(g), m.start(g), " "))
        for g in ("drop", "drop2"):
            if m.group(g) is not None:
                edits.append((m.start(g), m.end(g), ""))
        if m.group("num") is not None:
            for sp in re.finditer(r"\s+", m.group("num")):
                edits.append((m.start("num") + sp.start(), m.start("num") + sp.end(), ""))
    if not edits:
        return None
    edits.sort()
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for s, e, rep in edits:
        if s < pos:
            continue
        out.append(text[pos:s])
        offsets.extend(range(pos, s))
        out.append(rep)
        offsets.extend([s] * len(rep))
        pos = e
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return "".join(out), offsets
