"""The title line of a document: an occurrence there is the strongest position signal of news writing."""

from __future__ import annotations

import re

from .vocabulary import HEADER_WORDS

_DATELINE = re.compile(
    r"^\W*(?:[^\W\d][\w'\- ]{0,40},\s*)?"  # a place and a comma: "Paris, "
    r"(?:(?:le|du)\s+)?(?:[^\W\d]+\.?\s+)?"  # "le", a weekday
    r"\d{1,2}(?:er)?\s+[^\W\d]+\.?\s+\d{4}\b"  # "12 mars 2024"
)
_MAX_TITLE_WORDS = 30


def title_span(text: str, max_lines: int = 3) -> tuple[int, int] | None:
    """(start, end) of the title: the first of the first `max_lines` non-empty lines that reads as a
    headline -- at most 30 words, no final full stop, not a dateline ("Paris, le 12 mars 2024") and not
    only generic words ("Communiqué de presse"). None when the text opens with body prose."""
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
        if _DATELINE.match(stripped) or all(w.lower() in HEADER_WORDS or len(w) < 3 for w in words):
            continue
        return (start + line.index(stripped[0]), start + len(line.rstrip()))
    return None
