"""What a pronoun or a bare role refers to. Sentence subjects outside quotations and the speakers of
earlier quotes are the antecedents, read in text order; a pronoun takes the last one of its number
and gender, a bare role ("la ministre") the last speaker with the same role head -- never simply the
nearest name. An indefinite role ("un conseiller de la caisse") names someone new, not the body: it
keeps no canonical.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from .context import Context
from .phrases import noun_phrase
from .records import Raw, Speaker
from .words import ALL_MARKS, CLITICS, GENERIC_ROLES, PROFESSIONS

PARAGRAPH_CHARS = 600  # how far back a profession noun looks for the person it names


def sentence_subjects(ctx: Context) -> Iterator[Raw]:
    """The subject of each sentence outside quotations: the antecedents of later pronouns and roles."""
    for sent_start, sent_end in ctx.sentences():
        i = ctx.nxt(sent_start)
        if i >= sent_end or any(a <= ctx.starts[i] <= b for a, b in ctx.quoted):
            continue
        if ctx.words[i] in ALL_MARKS:
            continue
        found = subject_at(ctx, i, sent_end)
        if found is None:  # a fronted adverbial: "Le 15 juin, la Directrice ... a participé"
            comma = next((k for k in range(i, min(sent_end, i + 16)) if ctx.words[k] == ","), None)
            if comma is not None and not any(ctx.finite(k) for k in range(i, comma)):
                found = subject_at(ctx, ctx.nxt(comma + 1), sent_end)
        if found is not None:
            yield found


def subject_at(ctx: Context, i: int, limit: int) -> Raw | None:
    """A noun phrase at i that a finite verb follows (past an apposition, clitics and adverbs)."""
    np_ = noun_phrase(ctx, i, limit)
    if np_ is None:
        return None
    raw, end = np_
    j = ctx.nxt(end)
    if ctx.low(j) in ("qui", "dont") and ctx.low(ctx.prv(j - 1)) == ",":
        j = ctx.prv(j - 1)  # "Jean Roy, maire de X, dont la commune ..., accueille": the relative too
    if ctx.low(j) == ",":  # a relative or an apposition before the verb
        close = next((k for k in range(j + 1, min(limit, j + 25)) if ctx.words[k] == ","), None)
        if close is None:
            return None
        j = ctx.nxt(close + 1)
    while j < limit and (ctx.low(j) in CLITICS or ctx.pos[j] == "ADV"):
        j = ctx.nxt(j + 1)
    if j < limit and (ctx.finite(j) or _present_read_as_participle(ctx, j)):
        raw.pos = ctx.starts[i]
        return raw
    return None


def _present_read_as_participle(ctx: Context, j: int) -> bool:
    """ "accueille" tagged as a participle by the model: a verb with a present-tense ending."""
    low = ctx.low(j)
    return (
        ctx.pos[j] == "VERB"
        and ctx.verb_form[j] == ["Part"]
        and low.endswith(("e", "ent"))
        and not low.endswith(("ée", "ant"))
    )


def resolve(raw: Raw, events: list[tuple[int, Speaker]]) -> Speaker | None:
    """The speaker `raw` names, given the (position, speaker) antecedents read so far."""
    before = [sp for pos, sp in events if pos < raw.pos]
    if raw.kind in ("INHERIT", "GOES_ON"):
        return replace(before[-1]) if before else None
    if raw.kind == "ANSWER":  # the person interviewed: the last one named, or who answered before
        return next((replace(sp) for sp in reversed(before) if sp.kind == "PER"), None)
    if raw.kind == "PRON":
        for sp in reversed(before):
            if sp.number != raw.number:
                continue
            if raw.gender and sp.gender and raw.gender != sp.gender:
                continue
            return replace(sp)
        return None
    if raw.kind == "ROLE":
        assert raw.surface is not None
        if raw.surface.split()[0].lower() in ("un", "une"):  # "un conseiller de la caisse": someone
            return Speaker(raw.surface, None, raw.role, raw.gender, raw.number, raw.head, "ROLE")
        canonical = raw.body.canonical if raw.body is not None else None
        role = raw.role
        if raw.body is None and raw.head:
            for sp in reversed(before):
                if (
                    sp.head
                    and (sp.head + " ").startswith(raw.head + " ")
                    and (not raw.gender or not sp.gender or raw.gender == sp.gender)
                ):
                    canonical = sp.canonical
                    role = sp.role or role
                    break
            else:
                found = _generic(raw, [(pos, sp) for pos, sp in events if pos < raw.pos])
                if found is not None:
                    canonical, role = found.canonical, found.role or role
        assert raw.surface is not None
        return Speaker(raw.surface, canonical, role, raw.gender, raw.number, raw.head, "ROLE")
    assert raw.mention is not None
    return Speaker(
        raw.mention.text, raw.mention.canonical, raw.role, raw.gender, raw.number, raw.head, raw.kind
    )


def _generic(raw: Raw, before: list[tuple[int, Speaker]]) -> Speaker | None:
    """The person a role noun names when no earlier speaker has that role: a generic noun stands
    for the functions it covers ("l'élu" -> the mayor); a profession ("le chercheur", "la nageuse")
    for the nearest person named just before (within a paragraph's length) whose function the
    text gave in other words ("Jean Roy, écologue, ..."), of the same gender."""
    kinds = GENERIC_ROLES.get(raw.head or "")
    for pos, sp in reversed(before):
        if raw.gender and sp.gender and raw.gender != sp.gender:
            continue
        if kinds:
            if sp.head and sp.head.split()[0] in kinds and sp.canonical:
                return sp
            continue
        if raw.head not in PROFESSIONS or sp.kind != "PER" or raw.pos - pos > PARAGRAPH_CHARS:
            return None
        return sp if sp.head is None or sp.head.split()[0] in PROFESSIONS else None
    return None
