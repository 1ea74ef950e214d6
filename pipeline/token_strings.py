"""Per-process caches for reading token attributes in bulk (entities, quotes, keywords, themes).

`Doc.to_array` gives string hashes; a StringStore lookup decodes a new Python string each time. A hash
is the hash of its string in every vocabulary, so a hash -> string cache shared by every document of
the run cannot go stale. Caches are emptied when they grow too big and each call fills its own table
first, so one thread emptying a cache never breaks another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from spacy.strings import StringStore

T = TypeVar("T")
CACHE_LIMIT = 1_000_000
_STRINGS: dict[int, str] = {}
_MISSING = object()


def cached_map(cache: dict[int, Any], ids: list[int], compute: Callable[[int], T]) -> list[T]:
    """[compute(h) for h in ids], each distinct h computed once per process."""
    try:
        return list(map(cache.__getitem__, ids))
    except KeyError:  # new ids: compute them once
        if len(cache) > CACHE_LIMIT:
            cache.clear()
        found = {}
        for h in set(ids):
            value = cache.get(h, _MISSING)
            if value is _MISSING:
                value = cache[h] = compute(h)
            found[h] = value
        return list(map(found.__getitem__, ids))


def decode(strings: StringStore, hashes: list[int]) -> list[str]:
    """The strings of `hashes` (as from Doc.to_array), "" for 0 (no value)."""
    return cached_map(_STRINGS, hashes, lambda h: strings[h] if h else "")
