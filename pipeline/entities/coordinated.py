"""A body named in title case by two common words joined by "et": "SPF Emploi et Travail",
"Fondation Recherche et Innovation", "Direction Climat et Énergie".

The model and the head rules end such a name at "et"; when the name's last word is a common word
written with a capital and "et" is followed by another (no name head, no proper name), the second
word is part of the name.
"""

from __future__ import annotations

from .context import Context
from .lexicon import is_common_word
from .records import Candidate
from .shapes import is_cap
from .words import NAME_HEADS, ORG_HEADS


def _capital_common(ctx: Context, k: int) -> bool:
    w = ctx.words[k]
    return is_cap(w) and not w.isupper() and ctx.lower[k] not in NAME_HEADS and is_common_word(w)


def extend_coordinated_common(ctx: Context, c: Candidate) -> None:
    """Extend an ORG ending in "<Capitalised common> et <Capitalised common>" over the second word."""
    end, n = c.end, ctx.n
    # the model may type such a body LOC ("Réseau Loutre"): its capitalised body head makes it one
    headed = ctx.lower[c.start] in ORG_HEADS and is_cap(ctx.words[c.start]) and c.label != "PER"
    if not (c.label == "ORG" or headed) or end - c.start < 2 or end + 1 >= n:
        return
    if ctx.lower[end] != "et" or ctx.is_break(end) or ctx.is_break(end + 1):
        return
    if not (_capital_common(ctx, end - 1) and _capital_common(ctx, end + 1)):
        return
    if ctx.initial[end - 1] or (end + 2 < n and is_cap(ctx.words[end + 2]) and not ctx.punct[end + 2]):
        return  # "et Transports Martin": a second name begins
    c.end = end + 2
    if headed and c.label != "ORG":
        c.label = c.cue = "ORG"
