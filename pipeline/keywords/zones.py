"""The boilerplate lines of a press release: its dateline ("Brignolles, le 3 février 2025"), its labels and
its contact block ("Contact presse", a postal address, phones, e-mails, "À propos de ..."). Every release of
a publisher repeats them, so a phrase seen only there (the publisher's city, its postal box) is not what
the release is about, however early it comes."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .. import header

# A heading that opens the contact block or the publisher's standard paragraph: all that follows it is
# boilerplate.
_CONTACT_HEADING = re.compile(
    r"^(?:contacts?(?:\s+(?:presse|m[ée]dias?|press))?|relations?\s+(?:presse|m[ée]dias)"
    r"|service\s+(?:de\s+)?presse|(?:pour\s+)?(?:plus\s+d|davantage\s+d)['’]\s*informations?"
    r"|[àa]\s+propos\s+(?:de\s+|d['’]\s*|du\s+|des\s+).{1,80})\W*$",
    re.I,
)
# A line of an address or of contact details.
_CONTACT_LINE = re.compile(
    r"\b\d{5}\s+[A-ZÀ-Ý][\w'’-]+|\bB\.?P\.?\s*\d+|\bCedex\b|\bT[ée]l(?:[ée]phone)?\s*[.:]|@[\w-]+\.\w"
    r"|(?:\+\d{2,3}\s?|\b0)\d(?:[ .-]?\d{2}){4}\b",
    re.I,
)
# What every _CONTACT_LINE match contains (a digit, "@", "Cedex" or "Tél"): a quicker first test.
_CONTACT_HINT = re.compile(r"[\d@]|[cC][eE][dD][eE][xX]|[tT][eéÉE][lL]")
_URL = re.compile(r"(?:https?://|www\.)\S+|\]\([^)\s]+\)")  # web addresses, markdown link targets
_MARKUP = str.maketrans({"_": " ", "*": " ", "#": " ", "=": " "})
_HAS_MARKUP = re.compile(r"[_*#=]")
_BLANK = " \t\r\ufe0f\U0001f4c5\U0001f5d3"  # spaces and the calendar emojis some publishers put first


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the boilerplate of `text`, in text order: a dateline among the
    first lines (up to its date: "Lyon, 3 mai 2024 - Le maire ..." keeps its lead), address and contact
    lines and web addresses anywhere, and everything after a contact heading. The last few texts' spans
    are remembered: the themes and the keyphrases of a document both ask."""
    return list(_spans(text))


@lru_cache(maxsize=4)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    pos = 0
    seen = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        # the same offsets, without markdown emphasis (translate only the lines that have some: it is slow)
        masked = line.translate(_MARKUP) if _HAS_MARKUP.search(line) else line
        plain = masked.strip(_BLANK)
        if not plain:
            continue
        seen += 1
        if _CONTACT_HEADING.match(plain) and seen > 1:
            spans.append((start, len(text)))
            break
        if "http" in line or "www." in line or "](" in line:  # the regex alone is slower
            spans += [(start + m.start(), start + m.end()) for m in _URL.finditer(line)]
        end = _dateline_end(masked) if seen <= header.HEAD_LINES else 0
        if end:
            spans.append((start, start + end))
        elif len(plain) <= 120 and _CONTACT_HINT.search(plain) and _CONTACT_LINE.search(plain):
            spans.append((start, start + len(line)))
    return tuple(_merged(spans))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of `spans` as sorted, disjoint spans (a web address inside a contact line is one)."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _dateline_end(line: str) -> int:
    """Where the dateline that opens `line` ends (0: none). The place before the comma is a name of at
    most four words ("Saint-Denis", "Rennes"), not a clause ("Lors du procès de X, le 3 mai 2009")."""
    m = header.DATED_LINE.match(line)
    if not m:
        return 0
    place = m.group(0).split(",", 1)[0] if "," in m.group(0) else ""
    return m.end() if len(place.split()) <= 4 else 0


def in_spans(offset: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `offset` falls inside one of `spans` (sorted, disjoint; `starts` their start offsets)."""
    k = bisect_right(starts, offset) - 1
    return k >= 0 and offset < spans[k][1]
