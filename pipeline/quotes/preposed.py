"""Attribution before a quotation, in the sentence that leads to its opening mark: "X a déclaré :
« ... »", "X a souligné que « ... »", "selon X, « ... »", "comme l'a rappelé X, « ... »", "et
d'ajouter : « ... »" (the last speaker), "Jean Dupont, président de X : « ... »".
"""

from __future__ import annotations

from .context import Context
from .phrases import noun_phrase
from .records import Raw
from .verbs import inverted, skip_fillers
from .words import CLITICS, FILLER_SEQS, INTRO_PREPS, PRONOUNS


def preposed(ctx: Context, open_tok: int) -> tuple[Raw, str | None] | None:
    """The introduction before a quotation, in the sentence that leads to the opening mark."""
    p = ctx.prv(open_tok - 1)
    if p < 0:
        return None
    prev = ctx.low(p)
    if not (prev in (":", ",", "que", "qu'") or ctx.saying(p) or ctx.low(p) in ("-il", "-elle")):
        return None
    start = ctx.sentence_start(p)
    for _a, b in ctx.quoted:  # do not reach back past an earlier quotation
        if b < ctx.starts[p] and ctx.tok(b) >= start:
            start = ctx.tok(b) + 1
    # "selon X, « ... »", "pour X, « ... »"
    if prev == ",":
        for k in range(start, p):
            for seq in INTRO_PREPS:
                if ctx.low(k) == seq[0] and tuple(ctx.low(k + n) for n in range(len(seq))) == seq:
                    np_ = noun_phrase(ctx, ctx.nxt(k + len(seq)), p + 1)
                    if np_ is not None and np_[0].kind != "PRON" and ctx.nxt(np_[1]) >= p:
                        if seq == ("pour",) and np_[0].kind == "LOC":
                            continue
                        return np_[0], None
    # nearest verb of saying before the mark
    for v in range(p, start - 1, -1):
        lemma = ctx.saying(v)
        if lemma is None:
            continue
        group_end = inverted(ctx, v + 1, None)
        after = skip_fillers(ctx, group_end[0], p + 1)
        if group_end[1] is not None:
            return group_end[1], lemma
        # inverted subject: "comme l'a rappelé X, « ... »"
        if after < p:
            np_ = noun_phrase(ctx, after, p + 1)
            if np_ is not None and np_[0].kind != "PRON" and ctx.nxt(np_[1]) >= p:
                return np_[0], lemma
        if not (after >= p or prev in (":", "que", "qu'")):
            return None
        subj = subject_before(ctx, v, start)
        if subj is not None:
            return subj, lemma
        return None
    # "Jean Dupont, président de X : « ... »"
    if prev == ":":
        np_ = noun_phrase(ctx, ctx.nxt(start), p + 1)
        if np_ is not None and np_[0].kind != "PRON" and ctx.nxt(np_[1]) >= p:
            return np_[0], None
    return None


def subject_before(ctx: Context, v: int, start: int) -> Raw | None:
    """The subject of the verb of saying at v: a pronoun, "qui", "de + infinitive", or a name/role."""
    g = v - 1
    while g >= start:
        if ctx.is_space(g):
            g -= 1
            continue
        low = ctx.low(g)
        if ctx.pos[g] == "AUX" or low in CLITICS or (ctx.pos[g] == "ADV" and low not in ("comme",)):
            g -= 1
            continue
        matched = False
        for seq in FILLER_SEQS:
            n = len(seq)
            if seq[-1] == low and tuple(ctx.low(g - n + 1 + k) for k in range(n)) == seq:
                g -= n
                matched = True
                break
        if not matched:
            break
    if g < start and ctx.verb_form[v] != ["Inf"]:
        return None
    low = ctx.low(g)
    pos = ctx.starts[v]
    if low in PRONOUNS:
        gender, number = PRONOUNS[low]
        return Raw("PRON", pos, gender=gender, number=number)
    if low in ("qui",) or (ctx.verb_form[v] == ["Inf"] and low in ("de", "d'")):
        return Raw("INHERIT", pos)
    best: Raw | None = None
    k = start
    while k <= g:
        np_ = noun_phrase(ctx, k, g + 1)
        if np_ is None:
            k += 1
            continue
        raw, end = np_
        before = ctx.prv(k - 1)
        governed = before >= start and ctx.pos[before] == "ADP"
        if raw.kind != "PRON" and not governed:
            best = raw
        k = max(end, k + 1)
    if best is not None:
        best.pos = pos
    return best
