"""One accent- and case-insensitive form of French text, so that the keys built by different stages
(theme cues, keyphrase surfaces, canonical names, place names, file names) fold a word the same way.

`fold` lower-cases, decomposes (NFKD: "é" -> "e" + accent, "ﬁ" -> "fi", "²" -> "2") and drops the
combining marks. It is not a full case fold: a compatibility character may decompose to a capital
("ᴬ" -> "A"), and "ß" stays "ß"; callers that need those follow it with casefold() or lower().

Two folds elsewhere differ on purpose and are not this one: pipeline/dates/lexicon.fold keeps the
length of the text (the date grammar's offsets index the original text), and pipeline/places.py folds
only Latin letters (place names in other scripts keep their marks).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold"]

# The combining marks of Latin letters (U+0300-U+036F but the grapheme joiner, which is not a mark): after
# NFKD, a French word's accents are all among them.
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
_LATIN_END = "\u0370"  # below it, no other character is a combining mark


def fold(text: str) -> str:
    """`text` lower-cased, NFKD-decomposed, without combining marks: "Données" -> "donnees". ASCII text
    only needs lower(); the rest is cached (every candidate and word of a corpus is folded, and words
    recur)."""
    if text.isascii():
        return text.lower()
    return _fold(text)


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    latin = _LATIN_MARKS.sub("", decomposed)
    if not latin or max(latin) < _LATIN_END:
        return latin
    return "".join(c for c in decomposed if not unicodedata.combining(c))
