"""The title line, where news and press releases state their topic (the in_title feature): the header
module's title_span, with the keyword vocabulary's header words -- a line of only generic nouns and
short words ("Communiqué de presse") heads the release but is not its title."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import header
from ..french import fold
from .vocabulary import HEADER_WORDS

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_MARKUP = str.maketrans({"_": " ", "*": " "})


def title_span(text: str, max_lines: int = 3) -> tuple[int, int] | None:
    """(start, end) of the title line of `text`, None when it opens with body prose (header.title_span)."""
    # Markdown emphasis around a dateline ("_Paris, le 5 mars 2015_") would hide it: blanked, offsets kept.
    head = text[:2000].translate(_MARKUP)
    return header.title_span(head, max_lines, header_words=HEADER_WORDS)


def _folded_words(text: str) -> tuple[str, ...]:
    return tuple(fold(w).replace("’", "'") for w in _WORD.findall(text))


def title_ngrams(title: str | None, max_words: int = 12) -> set[tuple[str, ...]]:
    """Every run of words of a metadata title, folded: what in_metadata_title looks phrases up in."""
    words = _folded_words(title or "")
    return {words[i:j] for i in range(len(words)) for j in range(i + 1, min(len(words), i + max_words) + 1)}


def in_metadata_title(surfaces: Iterable[str], ngrams: set[tuple[str, ...]]) -> bool:
    """Whether one of a candidate's surface forms is written in the title (case and accents aside)."""
    return bool(ngrams) and any(_folded_words(s) in ngrams for s in surfaces)
