"""Sports clubs as French releases write them: the club is a body (ORG), not its town.

- An abbreviation of a club's legal form or a club word before its town or name: "AS Beaufort",
  "FC Montrelais", "RC Vernon-sur-Loire", "Olympique de Valcourt", "Real Saragosse".
- A club word and its town's adjective in lower case: "le Stade morlaisien", "le Racing lavallois".

The model reads the town inside such names and calls the whole a place; the pattern gives the span
and the label, and the club's acronym defined after it follows (acronyms.py).
"""

from __future__ import annotations

import re

from .context import Context
from .records import Candidate
from .shapes import is_cap
from .words import CLUB_ABBREVIATIONS, CLUB_WORDS, NOT_DEMONYMS

_DEMONYM_CLUB_WORDS = CLUB_WORDS | {"stade"}  # "Stade rennais", "Racing lavallois"
_DEMONYM = re.compile(r"[a-zéèëêîïôç-]{3,}(?:ais|ois|ain|ien|in)(?:e|s|es)?")
_OF = frozenset(("de", "du", "d'", "d’"))
_MAX_NAME_TOKENS = 6


def _name_end(ctx: Context, k: int) -> int:
    """End of the club's own name from token k: capitalised words, hyphens, "de" + a capital."""
    words, n = ctx.words, ctx.n
    end = k
    while end < n and end - k < _MAX_NAME_TOKENS and not ctx.is_break(end):
        w = words[end]
        capital_next = end + 1 < n and is_cap(words[end + 1])
        glued_dash = w == "-" and not ctx.spaced[end - 1]
        if not (is_cap(w) and not ctx.punct[end]) and not (
            capital_next and (glued_dash or ctx.lower[end] in _OF)
        ):
            break
        end += 1
    return end


def club_candidates(ctx: Context) -> list[Candidate]:
    """Clubs named by a club abbreviation or word and their town or name, or their town's adjective."""
    words, lower, n = ctx.words, ctx.lower, ctx.n
    out: list[Candidate] = []
    for i in range(n - 1):
        w = words[i]
        word_form = lower[i] in _DEMONYM_CLUB_WORDS and w[:1].isupper() and w[1:].islower()
        if not (w in CLUB_ABBREVIATIONS or word_form) or ctx.is_break(i + 1):
            continue
        nxt = words[i + 1]
        if (
            lower[i] in _DEMONYM_CLUB_WORDS
            and nxt.islower()
            and _DEMONYM.fullmatch(nxt)
            and nxt not in NOT_DEMONYMS
        ):
            out.append(Candidate(i, i + 2, "ORG", "pattern", cue="ORG", fixed=True))
            continue
        if lower[i] == "stade":
            continue  # "stade Jean-Leroy", "Stade de la Meinau": a venue (LOC), the other rules' affair
        k = i + 1
        if lower[i] in CLUB_WORDS and lower[k] in _OF:
            k += 1  # "Olympique de Valcourt"
        end = _name_end(ctx, k) if k < n and is_cap(words[k]) and not words[k].isupper() else k
        if end > k:
            out.append(Candidate(i, end, "ORG", "pattern", cue="ORG", fixed=True))
    return out
