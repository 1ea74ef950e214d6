"""Roles as written around a speaker's name: "la Directrice générale de l'UNESCO", "le Premier
ministre", "ministre de l'Economie, des Finances ...". A role is kept as written; its head noun with
its role adjectives ("directeur général") and its gender let a later bare role ("le directeur") or
pronoun find the person it names.
"""

from __future__ import annotations

from .context import Context
from .records import Mention
from .words import (
    ALL_MARKS,
    CIRCUMSTANCE_NOUNS,
    FEMININE_ROLES,
    ROLE_ABBREVIATIONS,
    ROLE_ADJ,
    ROLE_ADP,
    ROLE_DETS,
    ROLE_PAIRS,
    ROLE_PREFIX,
    TITLES,
    role_key,
)


def role_at(ctx: Context, i: int, limit: int) -> tuple[int, int, int, str | None] | None:
    """A role noun phrase at i: (start, end, noun index, gender)."""
    j, det = i, None
    if ctx.low(j) in ROLE_DETS:
        det, j = j, ctx.nxt(j + 1)
    if det is not None and ctx.num[j]:  # "les deux ministres"
        j = ctx.nxt(j + 1)
    for _ in range(2):  # "le Premier ministre", "la nouvelle présidente"
        if ctx.low(j) in ROLE_PREFIX:
            j = ctx.nxt(j + 1)
    if j >= limit or role_key(ctx.low(j)) is None:
        return None
    end = role_extent(ctx, j + 1, limit)
    gender = None
    if det is not None and ctx.low(det) in ("la", "sa", "cette", "une"):
        gender = "Fem"
    elif det is not None and ctx.low(det) in ("le", "son", "ce", "un"):
        gender = "Masc"
    if ctx.low(j) in FEMININE_ROLES or ctx.low(j)[:-1] in FEMININE_ROLES:
        gender = "Fem"
    elif gender is None:
        gender = role_gender(ctx, j, "")
    return i, end, j, gender


def role_extent(ctx: Context, j: int, limit: int, allow_noun_start: bool = False) -> int:
    """Extend a role over adjectives, participles, nouns and "de/du/à ..." complements."""
    k = j
    depth = 0
    while k < limit:
        text, pos = ctx.words[k], ctx.pos[k]
        low = ctx.low(k)
        if "\n" in text or text in ALL_MARKS:
            break
        if k in ctx.mention_at and ctx.mention_at[k].label == "PER":
            break
        if ctx.first_name(k) and ctx.pos[k - 1] not in ("ADP", "DET") and ctx.bare_name(k):
            break  # "le président Obama": the name, not part of the role
        if text == "(":
            depth += 1
            k += 1
            continue
        if text == ")":
            if depth == 0:
                break
            depth -= 1
            k += 1
            continue
        if ctx.space[k] or low in ROLE_ADJ:
            k += 1
            continue
        if text == "-" and glued(ctx, k):
            k += 1  # "sapeurs-pompiers" split by the tokenizer: one word
            continue
        if text == ",":
            nxt = ctx.nxt(k + 1)
            if ctx.low(nxt) in ("des", "de", "du", "d'", "et") and not (
                ctx.low(nxt) == "et" and ctx.nxt(nxt + 1) in ctx.mention_at
            ):
                k = nxt
                continue
            break
        if ctx.punct[k] or ctx.finite(k) or pos in ("PRON", "SCONJ"):
            break
        if pos == "CCONJ":
            nxt = ctx.nxt(k + 1)
            if ctx.pos[nxt] in ("ADP", "DET") if nxt < ctx.n else False:
                k += 1
                continue
            if ctx.pos[nxt] == "ADJ" if nxt < ctx.n else False:
                k += 1
                continue
            if low == "et" and role_key(ctx.low(nxt)):  # "président et cofondateur de X"
                k += 1
                continue
            break
        if pos == "ADP" and low not in ROLE_ADP:
            break
        if low in ("à", "au", "aux") and circumstance(ctx, k):
            break
        if pos in ("ADJ", "NOUN", "PROPN", "ADP", "DET", "NUM", "X") or (
            pos == "VERB" and "Part" in ctx.verb_form[k]
        ):
            if (
                pos == "VERB"
                and low not in ROLE_ADP
                and ctx.low(k - 1) not in ROLE_PAIRS
                and not low.startswith(("chargé", "délégué", "nommé", "élu"))
            ):
                break
            k += 1
            continue
        break
    while k > j and (ctx.pos[k - 1] in ("ADP", "DET", "CCONJ") or ctx.is_space(k - 1)):
        k -= 1
    return k


def glued(ctx: Context, k: int) -> bool:
    """The hyphen at k joins two words with no space around it ("sapeurs-pompiers")."""
    start = ctx.starts[k]
    return (
        ctx.has(k + 1)
        and ctx.alpha[k - 1]
        and ctx.alpha[k + 1]
        and ctx.starts[k - 1] + len(ctx.words[k - 1]) == start
        and ctx.starts[k + 1] == start + 1
    )


def circumstance(ctx: Context, k: int) -> bool:
    """ "à l'issue de", "au cours de", "au micro de": when or where the words were said, not the role."""
    n = ctx.nxt(k + 1)
    if ctx.low(n) in ("l'", "la", "le", "les"):
        n = ctx.nxt(n + 1)
    return ctx.has(n) and ctx.low(n) in CIRCUMSTANCE_NOUNS


def role_gender(ctx: Context, noun: int, role: str) -> str | None:
    """The gender a role noun or its adjectives show ("directrice", "ministre déléguée")."""
    if ctx.low(noun) in FEMININE_ROLES:
        return "Fem"
    for k in range(noun + 1, min(noun + 3, ctx.n)):
        if ctx.pos[k] in ("ADJ", "VERB") and ctx.tokens.morph("Gender")[k]:
            return ctx.tokens.morph("Gender")[k][0]
        if ctx.pos[k] not in ("ADJ", "VERB"):
            break
    return None


def role_body(ctx: Context, start: int, end: int) -> Mention | None:
    """The body a role names ("Directrice générale de l'UNESCO"), after the role's own words. A place
    that completes another noun ("porte-parole de la préfecture de la Creuse") is not that body."""
    while start < end and ctx.low(start) in ROLE_ADJ:
        start += 1
    for k in range(start, end):
        m = ctx.mention_at.get(k)
        if m is None or m.label not in ("ORG", "LOC", "PER"):
            continue
        if m.label == "LOC" and any(ctx.pos[n] == "NOUN" for n in range(start, k)):
            return None
        return m
    return None


def possessor_body(ctx: Context, i: int) -> Mention | None:
    """ "Le CROSS Étel a donné l'alerte. Selon son directeur adjoint, « ... »": a role after a possessive
    belongs to the organisation last named, in its sentence or the one before."""
    if ctx.low(i) not in ("son", "sa", "leur"):
        return None
    sent = ctx.sentence_of[i]
    for m in reversed(ctx.mentions):
        if m.start >= ctx.starts[i]:
            continue
        if ctx.sentence_of[ctx.tok(m.start)] < sent - 1:
            return None
        return m if m.label == "ORG" else None
    return None


def role_head(ctx: Context, noun: int) -> str:
    head = role_key(ctx.low(noun)) or ctx.low(noun)
    if head in ROLE_ABBREVIATIONS:  # "le PDG": the role it abbreviates
        return ROLE_ABBREVIATIONS[head]
    k = noun + 1
    if ctx.words[k : k + 1] == ["-"] and glued(ctx, k) and role_key(ctx.low(k + 1)):
        head, k = head + "-" + role_key(ctx.low(k + 1)), k + 2  # "président-directeur" split in three
    while k < ctx.n and ctx.low(k) in ROLE_ADJ:
        head += " " + ROLE_ADJ[ctx.low(k)]
        k += 1
    return head


def plural_role(ctx: Context, noun: int) -> bool:
    low = ctx.low(noun)
    return ctx.tokens.morph("Number")[noun] == ["Plur"] or (low not in ROLE_PAIRS and bool(role_key(low)))


def skip_titles(ctx: Context, j: int, limit: int) -> int:
    """Past courtesy titles before a name ("M.", "la Dr"), which are not part of the speaker."""
    while j < limit and ctx.low(j) in TITLES:
        j = ctx.nxt(j + 1)
    if ctx.low(j) in ("le", "la") and ctx.low(ctx.nxt(j + 1)) in TITLES:
        j = skip_titles(ctx, ctx.nxt(j + 1), limit)
    return j
