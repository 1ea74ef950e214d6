"""Noun phrases that can speak: a pronoun, [role] [title] name [, role], a role alone, or a body
("la Commission européenne"). Each gives a `Raw` speaker, resolved later against the text's own
attributions.
"""

from __future__ import annotations

from .context import Context
from .records import Mention, Raw
from .roles import (
    plural_role,
    possessor_body,
    role_at,
    role_body,
    role_extent,
    role_gender,
    role_head,
    skip_titles,
)
from .words import (
    ALL_MARKS,
    DOCTOR_TITLES,
    DOCUMENT_DETS,
    DOCUMENT_NOUNS,
    PRONOUNS,
    ROLE_DETS,
    TITLES,
    role_key,
)


def noun_phrase(ctx: Context, i: int, limit: int) -> tuple[Raw, int] | None:
    """A speaker at token i: a pronoun, [role] [title] name [, role], a role, or a body."""
    i = ctx.nxt(i)
    if i >= limit or not ctx.has(i):
        return None
    low = ctx.low(i)
    gender: str | None
    if low in ("il", "elle", "ils", "elles"):
        gender, number = PRONOUNS[low]
        return Raw("PRON", ctx.starts[i], gender=gender, number=number), i + 1
    role = role_at(ctx, i, limit)
    if role is not None:
        r_start, r_end, noun, gender = role
        first = ctx.nxt(r_start + 1) if ctx.low(r_start) in ROLE_DETS else r_start
        j = ctx.nxt(r_end)
        comma = ctx.low(j) == ","
        if comma:
            j = ctx.nxt(j + 1)
        j = skip_titles(ctx, j, limit)
        if comma:
            j = past_rank(ctx, j, limit)  # "..., le colonel Jean Roy,"
        m = ctx.mention_at.get(j)
        if m is None and j < limit and not comma and ctx.bare_name(j):
            m = ctx.bare_name(j)
        if m is not None and m.label == "PER" and j < limit:
            end = ctx.tok(m.end - 1) + 1
            if comma and ctx.low(ctx.nxt(end)) == ",":
                end = ctx.nxt(end) + 1
            role_text = ctx.span(first, r_end)
            return person(ctx, m, role_text, gender, i), end
        named = name_after_role(ctx, r_end, limit)
        if named is not None:  # "Le coordinateur ... des Nations unies pour la région, Jean Roy, ..."
            m, end, comma_at = named
            return person(ctx, m, ctx.span(first, comma_at), gender, i), end
        body = role_body(ctx, noun + 1, r_end) or possessor_body(ctx, i)
        return (
            Raw(
                "ROLE",
                ctx.starts[i],
                surface=ctx.span(r_start, r_end),
                role=ctx.span(first, r_end),
                head=role_head(ctx, noun),
                body=body,
                gender=gender,
                number="Plur" if plural_role(ctx, noun) else "Sing",
            ),
            r_end,
        )
    named = noun_then_name(ctx, i, limit) or noun_before_name(ctx, i, limit)
    if named is not None:
        return named
    j = skip_titles(ctx, i, limit)
    gender = None
    for k in range(i, j):
        if ctx.low(k) in ("mme", "madame", "mlle", "mmes"):
            gender = "Fem"
        elif ctx.low(k) in ("m.", "monsieur", "mm."):
            gender = "Masc"
    det = None
    if ctx.low(j) in ("le", "la", "l'", "les"):
        det = j
        j = ctx.nxt(j + 1)
    m = ctx.mention_at.get(j)
    if m is None or j >= limit:
        return None
    end = ctx.mention_tokens[j]
    if m.label == "PER":
        if det is not None:
            return None
        appos, after = apposition(ctx, end, limit)
        raw = person(ctx, m, appos, gender, i)
        raw.doctor = any(ctx.low(k) in DOCTOR_TITLES for k in range(i, j))
        return raw, after
    if det is not None:
        gender = "Fem" if ctx.low(det) == "la" else "Masc" if ctx.low(det) == "le" else None
    return Raw(m.label, ctx.starts[i], surface=m.text, mention=m, gender=gender), end


def name_after_role(ctx: Context, r_end: int, limit: int) -> tuple[Mention, int, int] | None:
    """A person's name between commas a few words after the role's end, when the role's complement
    runs on in words the role rules do not follow ("... des Nations unies pour la région, Jean Roy,"):
    (mention, end past the closing comma, the comma after the role)."""
    for k in range(r_end, min(limit, r_end + 10)):
        if ctx.finite(k) or ctx.words[k] in ALL_MARKS or "\n" in ctx.words[k]:
            return None
        if k in ctx.mention_at and ctx.mention_at[k].label == "PER":
            return None
        if ctx.words[k] == ",":
            j = skip_titles(ctx, ctx.nxt(k + 1), limit)
            m = ctx.mention_at.get(j)
            if m is None or m.label != "PER" or j >= limit:
                return None
            stop = ctx.mention_tokens[j]
            after = ctx.nxt(stop)
            if ctx.low(after) == ",":
                return m, after + 1, k
            if after >= limit or ctx.low(after) in (".", ";", "!", ")"):
                return m, stop, k  # "..., précise la cofondatrice et présidente de X, Jeanne Roy."
            return None
        if ctx.punct[k]:
            return None
    return None


def past_rank(ctx: Context, j: int, limit: int) -> int:
    """Past "le colonel", "la générale" before a person's name: a rank or a title, not a role."""
    n = ctx.nxt(j + 1)
    if ctx.low(j) in ("le", "la", "l'") and ctx.has(n) and ctx.pos[n] == "NOUN" and n < limit:
        m = ctx.mention_at.get(ctx.nxt(n + 1))
        if m is not None and m.label == "PER":
            return ctx.nxt(n + 1)
    return j


def noun_before_name(ctx: Context, i: int, limit: int) -> tuple[Raw, int] | None:
    """ "L'ancienne internationale Jeanne Roy", "le colonel Jean Roy": a determiner, a noun outside
    the role lexicon (with its adjectives) and a person's name right after it."""
    if ctx.low(i) not in ROLE_DETS:
        return None
    first = k = ctx.nxt(i + 1)
    while k < min(limit, first + 3) and ctx.has(k) and ctx.pos[k] in ("ADJ", "NOUN"):
        k = ctx.nxt(k + 1)  # "l'ancienne internationale" is two adjectives for the model
    m = ctx.mention_at.get(k)
    if k == first or m is None or m.label != "PER" or k >= limit:
        return None
    if any(ctx.low(n) in TITLES for n in range(first, k)):
        return None  # "le docteur Jeanne Roy": a courtesy title, whose article tells no gender
    end = ctx.mention_tokens[k]
    gender = "Fem" if ctx.low(i) in ("la", "sa", "cette", "une") else None
    gender = "Masc" if ctx.low(i) in ("le", "son", "ce", "un") else gender
    appos, after = apposition(ctx, end, limit)
    return person(ctx, m, appos or ctx.span(first, k), gender, i), after


def noun_then_name(ctx: Context, i: int, limit: int) -> tuple[Raw, int] | None:
    """ "La rectrice de l'académie, Anne Vidal, ...": a function outside the role lexicon, then a name."""
    if ctx.low(i) not in ROLE_DETS or ctx.pos[ctx.nxt(i + 1)] != "NOUN":
        return None
    noun = ctx.nxt(i + 1)
    end = role_extent(ctx, noun + 1, limit)
    j = ctx.nxt(end)
    if ctx.low(j) != ",":
        return None
    j = skip_titles(ctx, ctx.nxt(j + 1), limit)
    m = ctx.mention_at.get(j)
    if m is None or m.label != "PER" or j >= limit:
        return None
    stop = ctx.mention_tokens[j]
    if ctx.low(ctx.nxt(stop)) != ",":
        return None
    gender = (
        "Fem"
        if ctx.low(i) in ("la", "sa", "cette")
        else "Masc"
        if ctx.low(i) in ("le", "son", "ce")
        else None
    )
    return person(ctx, m, ctx.span(noun, end), gender, i), ctx.nxt(stop) + 1


def person(ctx: Context, m: Mention, role: str | None, gender: str | None, i: int) -> Raw:
    """A named speaker with its role as written; the role's head and gender let later bare roles and
    pronouns refer to it."""
    head = None
    if role:
        first = ctx.tok(ctx.text.find(role, m.start if m.start < ctx.starts[i] else ctx.starts[i]))
        head = role_head(ctx, first) if role_key(ctx.low(first)) else None
        if gender is None:
            gender = role_gender(ctx, first, role)
    return Raw("PER", ctx.starts[i], surface=m.text, mention=m, role=role, head=head, gender=gender)


def apposition(ctx: Context, end: int, limit: int) -> tuple[str | None, int]:
    """ ", ministre de l'Economie, des Finances ..." after a name: the role as written."""
    j = ctx.nxt(end)
    if j >= limit or ctx.low(j) != ",":
        return None, end
    k = ctx.nxt(j + 1)
    noun = role_key(ctx.low(k)) is not None  # "associée chez X", which the model may read as a verb
    if not ctx.has(k) or (ctx.pos[k] not in ("NOUN", "ADJ", "PROPN") and not noun) or ctx.finite(k):
        return None, end
    if k in ctx.mention_at and ctx.mention_at[k].label == "PER":
        return None, end
    stop = role_extent(ctx, k + 1 if noun else k, limit, allow_noun_start=True)
    if stop <= k:
        return None, end
    after = stop
    if ctx.low(ctx.nxt(stop)) == ",":
        after = ctx.nxt(stop) + 1
    return ctx.span(k, stop), after


def past_document(ctx: Context, i: int) -> int:
    """ "selon un communiqué de la mairie", "d'après une déclaration du syndicat": past the document
    to the body or person who issued it (its author speaks); i itself when there is none."""
    i = ctx.nxt(i)
    noun = ctx.nxt(i + 1)
    if ctx.low(i) not in DOCUMENT_DETS or ctx.low(noun) not in DOCUMENT_NOUNS:
        return i
    de = ctx.nxt(noun + 1)
    return ctx.nxt(de + 1) if ctx.low(de) in ("de", "d'") else i
