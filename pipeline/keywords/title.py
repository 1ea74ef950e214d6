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
    # Markdown emphasis around a dateline ("_Paris, le 5 avril 2024_") would hide it: blanked, offsets kept.
    head = text[:2000].translate(_MARKUP)
    return header.title_span(head, max_lines, header_words=HEADER_WORDS)


def _folded_words(text: str) -> tuple[str, ...]:
    return tuple(fold(w).replace("’", "'") for w in _WORD.findall(text))


# The frame of an official communication's title: who speaks, in what form, when -- then "sur" and the
# topic ("Communiqué du ministère de ..., en date du 3 mai 2024, sur la sécheresse").
_FRAME = re.compile(
    r"^\W*(?:communiqu[ée]s?|d[ée]clarations?|discours|entretiens?|interview|allocution|intervention"
    r"|message|lettre|conf[ée]rence\s+de\s+presse|point\s+de\s+presse|compte[\s-]rendu|tribune)\b.*?\ssur\s",
    re.I | re.S,
)


def title_topic(title: str) -> str:
    """The part of a title that states the topic: after the frame of an official communication, if any."""
    frame = _FRAME.match(title)
    return title[frame.end() :] if frame else title


def title_ngrams(title: str | None, max_words: int = 12) -> set[tuple[str, ...]]:
    """Every run of words of a metadata title's topic (title_topic), folded: what in_metadata_title looks
    phrases up in."""
    words = _folded_words(title_topic(title or ""))
    return {words[i:j] for i in range(len(words)) for j in range(i + 1, min(len(words), i + max_words) + 1)}


def in_metadata_title(surfaces: Iterable[str], ngrams: set[tuple[str, ...]]) -> bool:
    """Whether one of a candidate's surface forms is written in the title (case and accents aside)."""
    return bool(ngrams) and any(_folded_words(s) in ngrams for s in surfaces)
