"""What a pronoun or a bare role refers to. Sentence subjects outside quotations and the speakers of
earlier quotes are the antecedents, read in text order; a pronoun takes the last one of its number
and gender, a bare role ("la ministre") the last speaker with the same role head -- never simply the
nearest name. An indefinite role ("un conseiller de la caisse") names someone new, not the body: it
keeps no canonical, unless it is the body's voice ("une porte-parole de la préfecture").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from .context import Context
from .phrases import noun_phrase, person
from .records import Raw, Speaker
from .roles import role_at
from .words import (
    ALL_MARKS,
    APPOINTING,
    AWARDING,
    CLITICS,
    GENERIC_ROLES,
    PHYSICIANS,
    PROFESSIONS,
    ROLE_DETS,
    SPOKESPERSONS,
    STRESSED_PRONOUNS,
    TIME_WORDS,
    WITNESSES,
    role_key,
)

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
        if found is not None and not (found.kind == "ROLE" and (found.head or " ").split()[0] in WITNESSES):
            yield found  # "Un salarié a été blessé. « ... », a-t-il dit": the witness is no antecedent


def named_roles(ctx: Context) -> Iterator[Raw]:
    """Every person the text names with a role outside quotations, wherever the phrase stands ("aux
    côtés du directeur des secours, le colonel Jean Roy"; "le film de la réalisatrice Jeanne Roy"):
    the antecedents of later bare roles only -- a pronoun wants a subject."""
    for sent_start, sent_end in ctx.sentences():
        k = sent_start
        while k < sent_end:
            if any(a <= ctx.starts[k] <= b for a, b in ctx.quoted) or not (
                ctx.low(k) in ROLE_DETS or role_key(ctx.low(k))
            ):
                k += 1
                continue
            found = noun_phrase(ctx, k, sent_end)
            if found is None or found[0].kind != "PER" or not found[0].head:
                k += 1
                continue
            found[0].kind = "NAMED"
            yield found[0]
            k = max(found[1], k + 1)
    yield from appointed(ctx)
    yield from awarded(ctx)


def appointed(ctx: Context) -> Iterator[Raw]:
    """A person's name with the role given after it, without an article: "Jeanne Roy nommée
    directrice du musée", "a nommé Jeanne Roy directrice", "Jean Roy, élu président": antecedents of a
    later "la nouvelle directrice"."""
    for ts, te in ctx.mention_tokens.items():
        m = ctx.mention_at[ts]
        if m.label != "PER" or any(a <= m.start <= b for a, b in ctx.quoted):
            continue
        k = ctx.nxt(te)
        if ctx.low(k) == "," and ctx.low(ctx.nxt(k + 1)) in APPOINTING:
            k = ctx.nxt(k + 1)
        if ctx.low(k) in APPOINTING:
            k = ctx.nxt(k + 1)
        if not ctx.has(k) or ctx.low(k) in ROLE_DETS:
            continue
        role = role_at(ctx, k, ctx.n)
        if role is None:
            continue
        start, end, noun, gender = role
        raw = person(ctx, m, ctx.span(start, end), gender, ts)
        raw.kind, raw.pos = "NAMED", m.start
        yield raw


def awarded(ctx: Context) -> Iterator[Raw]:
    """The person a prize goes to: "le jury a couronné lundi Jeanne Roy", "le prix a été décerné à
    Jean Roy": the antecedent of a later "la lauréate"."""
    for ts in ctx.mention_tokens:
        m = ctx.mention_at[ts]
        if m.label != "PER" or any(a <= m.start <= b for a, b in ctx.quoted):
            continue
        k = ctx.prv(ts - 1)
        while k > 0 and ctx.low(k) in TIME_WORDS:
            k = ctx.prv(k - 1)
        if ctx.low(k) == "à" and ctx.low(ctx.prv(k - 1)) in AWARDING:
            k = ctx.prv(k - 1)  # "décerné à X"
        elif ctx.low(k) not in AWARDING:
            continue
        yield Raw("NAMED", m.start, surface=m.text, mention=m, head="lauréat")


def subject_at(ctx: Context, i: int, limit: int) -> Raw | None:
    """A noun phrase at i that a finite verb follows (past an apposition, clitics and adverbs)."""
    np_ = noun_phrase(ctx, i, limit)
    if np_ is None:
        return None
    raw, end = np_
    j = ctx.nxt(end)
    if ctx.low(j) in ("qui", "dont") and ctx.low(ctx.prv(j - 1)) == ",":
        j = ctx.prv(j - 1)  # "Jean Roy, maire de X, dont la commune ..., accueille": the relative too
    if ctx.low(j) == "," and raw.kind in ("PER", "ROLE") and stressed_aside(ctx, j):
        raw.pos = ctx.starts[i]  # "Jean Roy, lui, part sans regret": the topic is the subject
        return raw
    if ctx.low(j) == ",":  # a relative or an apposition before the verb
        close = next((k for k in range(j + 1, min(limit, j + 25)) if ctx.words[k] == ","), None)
        if close is None:
            return None
        j = ctx.nxt(close + 1)
        second = next((k for k in range(j, min(limit, j + 10)) if ctx.words[k] == ","), None)
        inside = range(j, second or j)
        if second is not None and not any(ctx.finite(k) or ctx.words[k] in ALL_MARKS for k in inside):
            j = ctx.nxt(second + 1)  # "Jeanne Roy, 74 ans, retraitée à Vire, a perdu": two appositions
    while j < limit and (ctx.low(j) in CLITICS or ctx.pos[j] == "ADV"):
        j = ctx.nxt(j + 1)
    if j < limit and (ctx.finite(j) or present_read_as_participle(ctx, j)):
        raw.pos = ctx.starts[i]
        return raw
    return None


def stressed_aside(ctx: Context, comma: int) -> bool:
    """ ", lui," or ", elle," right after a noun phrase: the topic set off, which is the subject."""
    k = ctx.nxt(comma + 1)
    return ctx.low(k) in STRESSED_PRONOUNS and ctx.low(ctx.nxt(k + 1)) == ","


def present_read_as_participle(ctx: Context, j: int) -> bool:
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
    earlier = [(pos, sp) for pos, sp in events if pos < raw.pos]
    if raw.kind == "ROLE":
        return _role(raw, earlier)
    before = [sp for _pos, sp in earlier if sp.kind != "NAMED"]  # only who spoke or acted
    if raw.kind in ("INHERIT", "GOES_ON"):
        return replace(before[-1]) if before else None
    if raw.kind == "ANSWER":  # the person interviewed: the last one named, or who answered before
        found = next((sp for sp in reversed(before) if sp.kind == "PER"), None)
        named = next((sp for _p, sp in reversed(earlier) if sp.kind in ("PER", "NAMED")), None)
        if found is None and named is not None:  # "Nous avons interrogé la directrice, Jeanne Roy."
            found = replace(named, kind="PER")
        return None if found is None else replace(found)
    if raw.kind == "PRON":
        for sp in reversed(before):
            if sp.number != raw.number:
                continue
            if raw.gender and sp.gender and raw.gender != sp.gender:
                continue
            return replace(sp)
        return None
    assert raw.mention is not None
    role, head, gender = raw.role, raw.head, raw.gender
    if role is None and raw.mention.canonical:  # the role the text gave this person before
        given = next(
            (sp for _p, sp in reversed(earlier) if sp.canonical == raw.mention.canonical and sp.role), None
        )
        if given is not None:
            role, head, gender = given.role, given.head, gender or given.gender
    return Speaker(
        raw.mention.text, raw.mention.canonical, role, gender, raw.number, head, raw.kind, raw.doctor
    )


def _role(raw: Raw, earlier: list[tuple[int, Speaker]]) -> Speaker:
    """A bare role: the last person named or heard with that role, else the body it names, else the
    role as written; an indefinite one is someone new."""
    assert raw.surface is not None
    indefinite = raw.surface.split()[0].lower() in ("un", "une")
    if indefinite and (raw.head or "").split(" ")[0] not in SPOKESPERSONS:  # "un conseiller de la caisse"
        return Speaker(raw.surface, None, raw.role, raw.gender, raw.number, raw.head, "ROLE")
    canonical = raw.body.canonical if raw.body is not None and raw.body.label != "LOC" else None
    role = raw.role
    holder = _holder(raw, earlier)
    if holder is not None:
        return Speaker(raw.surface, holder.canonical, holder.role, raw.gender, raw.number, raw.head, "ROLE")
    if raw.body is None and raw.head:
        for _pos, sp in reversed(earlier):
            if (
                sp.head
                and (sp.head + " ").startswith(raw.head + " ")
                and (not raw.gender or not sp.gender or raw.gender == sp.gender)
            ):
                canonical = sp.canonical
                role = sp.role or role
                break
        else:
            found = _generic(raw, earlier)
            if found is not None:
                canonical, role = found.canonical, found.role or role
    return Speaker(raw.surface, canonical, role, raw.gender, raw.number, raw.head, "ROLE")


def _holder(raw: Raw, earlier: list[tuple[int, Speaker]]) -> Speaker | None:
    """ "Jean Roy, président du conseil départemental, ... « ... », a promis le président du
    Département": a role with its body names the person given the same role for the same body
    (the body's word and the role's sharing a stem: Département / départemental, Région / régional)
    within a paragraph's length before it."""
    if raw.body is None or not raw.head:
        return None
    stem = next((w.lower()[:6] for w in raw.body.text.split() if len(w) >= 6), None)
    if stem is None:  # an acronym: "le délégué CGT" after "X, délégué syndical CGT"
        stem = next((w.lower() for w in raw.body.text.split() if len(w) >= 2 and w.isupper()), None)
    if stem is None:
        return None
    words_ = set((raw.role or "").lower().split())
    for pos, sp in reversed(earlier):
        # farther back only when the role as written is all in the person's ("le délégué CGT" after
        # "X, délégué syndical CGT")
        if raw.pos - pos > PARAGRAPH_CHARS and not (sp.role and words_ <= set(sp.role.lower().split())):
            continue
        if (
            sp.kind in ("PER", "NAMED")
            and sp.head
            and sp.role
            and (sp.head + " ").startswith(raw.head + " ")
            and (not raw.gender or not sp.gender or raw.gender == sp.gender)
            and stem in sp.role.lower()
        ):
            return sp
    return None


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
        if raw.head not in PROFESSIONS or sp.kind not in ("PER", "NAMED") or raw.pos - pos > PARAGRAPH_CHARS:
            return None
        if sp.doctor and raw.head in PHYSICIANS:  # "le docteur Jean Roy, chef de service" -> "le chirurgien"
            return sp
        return sp if sp.head is None or sp.head.split()[0] in PROFESSIONS else None
    return None
