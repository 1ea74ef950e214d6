"""Clause structure around a verb of saying, which the model's missing parser would give: the
antecedent of a relative "qui" that speaks, and the short complement between a verb and the quotation
it takes as its object.
"""

from __future__ import annotations

from .context import Context
from .phrases import noun_phrase
from .records import Raw

COMPLEMENT_POS = ("DET", "NOUN", "ADJ", "ADP", "PROPN", "NUM")
MAX_COMPLEMENT = 6  # "sur les réseaux sociaux", "dans un message aux supporters"


def relative_antecedent(ctx: Context, qui: int, start: int) -> Raw | None:
    """ "reçus par le directeur, Jean Roy, qui leur a assuré que « ... »": the person or role that
    "qui" follows (past its comma) is the subject of the verb of saying, wherever it stands in the
    sentence -- not the sentence's own subject."""
    k = start
    while k < qui:
        np_ = noun_phrase(ctx, k, qui)
        if np_ is None:
            k += 1
            continue
        raw, end = np_
        after = ctx.nxt(end)
        if ctx.low(after) == "," and ctx.nxt(after + 1) == qui:
            after = qui
        if after == qui and raw.kind in ("PER", "ROLE"):
            return raw
        k = max(end, k + 1)
    return None


def verb_across_complement(ctx: Context, p: int, start: int) -> int:
    """The verb of saying whose object the quotation is, past a short prepositional complement that
    ends at p, right before the mark: "a salué sur les réseaux sociaux « ... »", "a déclaré devant la
    presse « ... »". The complement opens with a preposition right after the verb (or its adverbs)
    and holds only nouns and their words; -1 when there is no such verb."""
    k = p
    while k >= max(start, p - MAX_COMPLEMENT):
        if ctx.is_space(k):
            return -1
        if ctx.pos[k] not in COMPLEMENT_POS:
            break
        k = ctx.prv(k - 1)
    if k < start or k == p or ctx.pos[ctx.nxt(k + 1)] != "ADP":
        return -1
    v = k
    while v > start and ctx.pos[v] == "ADV":
        v = ctx.prv(v - 1)
    if ctx.pos[v] != "VERB" or ctx.saying(v) is None:
        return -1
    return v
