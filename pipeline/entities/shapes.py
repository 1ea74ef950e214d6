"""The written shape of a token or a name: capital, title case, capitals only, letters at all.

Pure functions of a string, cached: the same words are tested many times in one document and again in
the next one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline import canonical

_LETTER = re.compile(r"[^\W\d_]")


is_acronym = lru_cache(maxsize=65536)(canonical.is_acronym)  # "UE", "G7", "DG TRADE"


@lru_cache(maxsize=65536)
def is_cap(text: str) -> bool:
    """The first letter is a capital ("Paris", "«Union", "2030 Horizon"; not "iPhone")."""
    m = _LETTER.search(text)
    return m is not None and m.group().isupper()


@lru_cache(maxsize=65536)
def is_title(text: str) -> bool:
    """Initial capital followed by lower case ("Budget"), not an acronym."""
    return is_cap(text) and not is_acronym(text) and any(ch.islower() for ch in text)


@lru_cache(maxsize=65536)
def has_letter(text: str) -> bool:
    return bool(_LETTER.search(text))


def is_upper_word(text: str) -> bool:
    """A word in capitals of three letters or more ("BELGIQUE", "PHOTO")."""
    return len(text) >= 3 and text.isupper() and sum(ch.isalpha() for ch in text) >= 3
