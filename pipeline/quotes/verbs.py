"""The verb group of an attribution: [s'] [aux] [-t-il] [adverbs or fillers] VERB [-t-il], as in
"a-t-il ajouté", "s'est réjouie pour sa part", "explique-t-elle". An inverted pronoun is the speaker
as written.
"""

from __future__ import annotations

from .context import Context
from .records import Raw
from .words import FILLER_SEQS, OBJECT_CLITICS, PRONOUNS, SAYING_FORMS


def verb_group(ctx: Context, i: int, limit: int) -> tuple[int, Raw | None, int] | None:
    """At i: [s'] [aux] [-t-il] [adverbs] VERB [-t-il]. -> (verb index, inverted pronoun, next)."""
    j, pron, aux = i, None, False
    if ctx.low(j) in OBJECT_CLITICS and ctx.has(j + 1) and ctx.pos[j + 1] in ("AUX", "VERB"):
        j += 1  # "leur a-t-elle dit", "nous a confié X": the addressee before the verb
    if ctx.low(j) in ("s'", "se"):
        j += 1
    if j < limit and ctx.pos[j] == "AUX" and ctx.saying(j) is None:
        j, aux = j + 1, True
    j, pron = inverted(ctx, j, pron)
    j = skip_fillers(ctx, j, limit)
    if j >= limit or ctx.saying(j) is None:
        return None
    verb = j
    j, pron = inverted(ctx, j + (2 if ctx.saying(j).startswith("faire ") else 1), pron)
    if not aux and pron is None and ctx.verb_form[verb] == ["Part"] and not present_tense(ctx, verb):
        return None  # ", largement saluées par ...": a participle without its auxiliary is no incise
    return verb, pron, j


def present_tense(ctx: Context, i: int) -> bool:
    """The present of an -er verb of saying ("lance", "rappellent"), which the model may tag as a
    participle: no participle ends so."""
    low = ctx.low(i)
    inf = SAYING_FORMS.get(low, "")
    return inf.endswith("er") and low.endswith(("e", "ent")) and not low.endswith("ée")


def inverted(ctx: Context, j: int, pron: Raw | None) -> tuple[int, Raw | None]:
    """An inverted subject pronoun after a verb: "a-t-il", "explique-t-elle", "ont-elles"."""
    k, hyphen = j, False
    while ctx.low(k) in ("-t", "-", "t", "-t-"):
        k, hyphen = k + 1, True
    low = ctx.low(k)
    if low.startswith("-") or (hyphen and low in PRONOUNS):
        key = low if low.startswith("-") else "-" + low
        if key in PRONOUNS:
            gender, number = PRONOUNS[key]
            return k + 1, Raw("PRON", ctx.starts[k], gender=gender, number=number)
    return j, pron


def skip_fillers(ctx: Context, j: int, limit: int) -> int:
    """Past adverbs and fillers ("pour sa part", "de son côté") around a verb of saying."""
    while j < limit:
        j = ctx.nxt(j)
        low = ctx.low(j)
        for seq in FILLER_SEQS:
            if seq[0] == low and tuple(ctx.low(j + k) for k in range(len(seq))) == seq:
                j += len(seq)
                break
        else:
            if ctx.has(j) and ctx.pos[j] == "ADV" and ctx.saying(j) is None and j < limit:
                j += 1
                continue
            return j
    return j
