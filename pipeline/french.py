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

import unicodedata
from functools import lru_cache

__all__ = ["fold"]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """`text` lower-cased, NFKD-decomposed, without combining marks: "Données" -> "donnees" (cached:
    every candidate and word of a corpus is folded, and words recur)."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))
