"""Attribution written after the quoted words: the incise that follows a quotation (« ... », a
déclaré X / a-t-il ajouté / selon X), one inside it (« Q1, a expliqué X. Q2 »: two quotes, one
speaker), a signature line below a quote paragraph ("Annick Salaün, directrice générale de ..."), or the
sentence after it that names whose words they were ("C'est ce qu'a déclaré X", "Ce sont les mots de X"),
or a name alone after a dash or in parentheses ("« ... » (Jeanne Roy, maire de X)").
"""

from __future__ import annotations

from .clauses import body_subject
from .context import Context
from .phrases import noun_phrase, past_document
from .records import Candidate, Raw
from .verbs import skip_fillers, verb_group
from .words import ALL_MARKS, BODY_NOUNS, OWN_WORDS, SOURCE_PREPS, SPEECH_NOUNS, STRESSED_PRONOUNS, TIME_WORDS

ON_TOKENS = ("a", "-t", "t", "-", "-t-", "-on", "on")


def incise_inside(ctx: Context, cand: Candidate) -> Candidate | None:
    """« Q1, a expliqué X. Q2 »: split around the incise."""
    first, last = ctx.tok(cand.start), ctx.tok(cand.end - 1)
    for i in range(first + 1, last):
        if ctx.words[i] != ",":
            continue
        found = postposed(ctx, ctx.nxt(i + 1), allow_comma=False, limit=last + 1)
        if found is None or found[0].kind == "LOC":
            continue  # a place after a comma is part of the quoted sentence, never its speaker
        raw, verb, stop = found
        j = past_complement(ctx, ctx.nxt(stop), last)
        if j > last or ctx.words[j] not in ".,;":
            continue
        part1 = (cand.start, ctx.starts[i])
        rest = ctx.starts[j] + 1
        while rest < cand.end and ctx.text[rest].isspace():
            rest += 1
        cand.parts = [part1] + ([(rest, cand.end)] if rest < cand.end else [])
        cand.raw, cand.verb = raw, verb
        return cand
    return None


def past_complement(ctx: Context, j: int, last: int) -> int:
    """Past a short complement after the speaker of an incise, up to the punctuation that closes the
    incise: "« Q1, explique X, dans un communiqué. Q2 »", "..., a dit X à la presse, ..."."""
    if not ctx.has(j) or ctx.pos[j] != "ADP" or ctx.words[j] in ALL_MARKS:
        return j
    for n in range(j + 1, min(last, j + 6)):
        if ctx.words[n] in ".,;":
            return n
        if ctx.punct[n] or ctx.finite(n) or n in ctx.mention_at and ctx.mention_at[n].label == "PER":
            return j
    return j


def postposed(
    ctx: Context, i: int, allow_comma: bool, limit: int | None = None
) -> tuple[Raw, str | None, int] | None:
    """The incise after a quotation: ", a déclaré X", ", a-t-il ajouté", ", selon X"."""
    limit = ctx.n if limit is None else limit
    if allow_comma and ctx.low(i) in (",", "—", "–", "-"):
        i = ctx.nxt(i + 1)
    if i >= limit:
        return None
    for seq in SOURCE_PREPS:  # "selon X", "pour reprendre les mots de X"
        if ctx.low(i) == seq[0] and tuple(ctx.low(i + k) for k in range(len(seq))) == seq:
            k = past_document(ctx, i + len(seq))  # "selon un communiqué de X": X
            if ctx.low(k) in STRESSED_PRONOUNS and ctx.low(ctx.nxt(k + 1)) in (".", ",", ";", "!"):
                gender, number = STRESSED_PRONOUNS[ctx.low(k)]  # "« ... », selon elle."
                return Raw("PRON", ctx.starts[k], gender=gender, number=number), None, k + 1
            if ctx.low(k) in ("ses", "leurs") and ctx.low(ctx.nxt(k + 1)) in OWN_WORDS:
                number = "Sing" if ctx.low(k) == "ses" else "Plur"  # "« ... », selon ses mots"
                return Raw("PRON", ctx.starts[k], number=number), None, ctx.nxt(k + 1) + 1
            np_ = noun_phrase(ctx, k, limit)
            if np_ is None and k > ctx.nxt(i + len(seq)):  # "selon un communiqué de la mairie"
                stop = _clause_end(ctx, k, limit)
                body = body_subject(ctx, k, stop)
                return None if body is None else (body, None, stop)
            if np_ is None or np_[0].kind in ("PRON", "LOC"):
                return None
            return np_[0], None, np_[1]
    learned = learned_from(ctx, i, limit)
    if learned is not None:
        return learned
    group = verb_group(ctx, i, limit)
    if group is None:
        return None
    verb, pron, j = group
    lemma = ctx.saying(verb)
    if pron is not None:
        return pron, lemma, j
    j = skip_fillers(ctx, j, limit)
    np_ = noun_phrase(ctx, j, limit) or np_after_circumstance(ctx, j, limit) or np_after_aside(ctx, j, limit)
    if np_ is None or np_[0].kind == "PRON":
        return None
    return np_[0], lemma, np_[1]


def learned_from(ctx: Context, i: int, limit: int) -> tuple[Raw, str | None, int] | None:
    """ ", a-t-on appris auprès de la direction", ", apprend-on auprès du maire", ", indique-t-on au
    ministère", ", précise-t-on à la mairie": the source the impersonal "on" got the words from is
    their speaker."""
    k, on = i, False
    while k < min(limit, i + 5) and ctx.low(k) in ON_TOKENS:
        on = on or ctx.low(k) in ("-on", "on")
        k += 1
    lemma = "apprendre" if ctx.low(k) in ("appris", "apprend") else ctx.saying(k)
    if lemma is None:
        return None
    k += 1
    while ctx.low(k) in ON_TOKENS[1:]:
        on = on or ctx.low(k) in ("-on", "on")
        k += 1
    k = ctx.nxt(k)
    if not on:
        return None
    if ctx.low(k) in ("au", "aux") and ctx.low(ctx.nxt(k + 1)) in BODY_NOUNS:
        first = ctx.nxt(k + 1)  # "indique-t-on au ministère": the body, with its article back
        stop = _clause_end(ctx, first, limit)
        article = "le" if ctx.low(k) == "au" else "les"
        return Raw("ROLE", ctx.starts[first], surface=f"{article} {ctx.span(first, stop)}"), lemma, stop
    if ctx.low(k) == "auprès" and ctx.low(ctx.nxt(k + 1)) in ("de", "d'", "du", "des"):
        first = ctx.nxt(ctx.nxt(k + 1) + 1)  # "auprès du maire": the role's own words
    elif ctx.low(k) in ("à", "chez") and lemma != "apprendre":
        first = ctx.nxt(k + 1)  # "précise-t-on à la mairie de X"
    else:
        return None
    np_ = noun_phrase(ctx, first, limit)
    if np_ is None or np_[0].kind in ("PRON", "LOC"):
        stop = _clause_end(ctx, first, limit)  # "auprès de la direction de l'enseigne": a body
        body = body_subject(ctx, first, stop)
        return None if body is None else (body, lemma, stop)
    return np_[0], lemma, np_[1]


def _clause_end(ctx: Context, first: int, limit: int) -> int:
    stop = first
    while stop < limit and ctx.words[stop] not in ".;!?," and "\n" not in ctx.words[stop]:
        stop += 1
    return stop


def np_after_circumstance(ctx: Context, j: int, limit: int) -> tuple[Raw, int] | None:
    """The inverted subject after a time or a short complement: ", a déclaré mardi soir X",
    ", a déclaré à la presse X"."""
    k = j
    while k < limit and (ctx.low(k) in TIME_WORDS or ctx.is_space(k)):
        k += 1
    if k > j:
        found = noun_phrase(ctx, k, limit)
        if found is not None:
            return found
    if not ctx.has(k) or ctx.pos[k] != "ADP":
        return None
    for n in range(k + 1, min(limit, k + 6)):
        if ctx.punct[n] or ctx.finite(n):
            return None
        found = noun_phrase(ctx, n, limit)
        if found is not None and n > k + 1:
            return None if found[0].kind == "LOC" else found  # "à travers l'Europe": a complement
    return None


def np_after_aside(ctx: Context, j: int, limit: int) -> tuple[Raw, int] | None:
    """The inverted subject after a short complement between commas: ", a répondu, en anglais, X",
    ", a lancé, sans attendre, X"."""
    k = ctx.nxt(j + 1)
    if ctx.low(j) != "," or not ctx.has(k) or ctx.pos[k] != "ADP":
        return None
    for n in range(k + 1, min(limit, k + 5)):
        if ctx.words[n] == ",":
            found = noun_phrase(ctx, ctx.nxt(n + 1), limit)
            return None if found is None or found[0].kind in ("PRON", "LOC") else found
        if ctx.punct[n] or ctx.finite(n):
            return None
    return None


def signature(ctx: Context, close_tok: int) -> Raw | None:
    """« ... »\\nAnnick Salaün, directrice générale de ...: the line after the quote signs it."""
    j = ctx.nxt(close_tok + 1)
    if j >= ctx.n or "\n" not in ctx.text[ctx.idx(close_tok) : ctx.idx(j)]:
        return None
    if ctx.low(j) in ("—", "–", "-"):
        j = ctx.nxt(j + 1)
    np_ = noun_phrase(ctx, j, ctx.n)
    if np_ is None or np_[0].kind not in ("PER",):
        return None
    raw, end = np_
    line_end = ctx.text.find("\n", ctx.starts[j])
    if line_end == -1:
        line_end = len(ctx.text)
    k = ctx.nxt(end)
    while ctx.has(k) and ctx.idx(k) < line_end:  # a sentence that goes on to a verb is no signature
        if ctx.finite(k) and ctx.words[k][:1].islower():  # not a place name read as a verb
            return None
        k = ctx.nxt(k + 1)
    return raw


def echo(ctx: Context, close_tok: int) -> tuple[Raw, str | None] | None:
    """« ... ». C'est ce qu'a déclaré X / C'est en ces termes que X s'est exprimé / Ce sont les mots
    de X / Ainsi s'exprimait X: the next sentence of the same paragraph names the speaker."""
    j = ctx.nxt(close_tok + 1)
    if ctx.low(j) in (".", "!"):
        j = ctx.nxt(j + 1)
    if not ctx.has(j) or "\n" in ctx.text[ctx.idx(close_tok) : ctx.idx(j)]:
        return None
    if ctx.low(j) == "ainsi":
        found = postposed(ctx, ctx.nxt(j + 1), allow_comma=False)
        return None if found is None else (found[0], found[1])
    if ctx.low(j) not in ("c'", "ce") or ctx.low(j + 1) not in ("est", "sont", "était", "étaient"):
        return None
    k = ctx.nxt(j + 2)
    if ctx.low(k) in ("les", "des") and ctx.low(k + 1) in SPEECH_NOUNS:
        de = ctx.nxt(k + 2)
        if ctx.low(de) in ("de", "d'", "du"):
            np_ = noun_phrase(ctx, ctx.nxt(de + 1), ctx.n)
            if np_ is not None and np_[0].kind not in ("PRON", "LOC"):
                return np_[0], None
        return None
    que = next((n for n in range(k, min(k + 5, ctx.n)) if ctx.low(n) in ("que", "qu'")), None)
    if que is None:
        return None
    found = postposed(ctx, ctx.nxt(que + 1), allow_comma=False)  # "ce qu'a déclaré X"
    if found is not None:
        return found[0], found[1]
    np_ = noun_phrase(ctx, ctx.nxt(que + 1), ctx.n)  # "en ces termes que X s'est exprimé"
    if np_ is None or np_[0].kind in ("PRON", "LOC"):
        return None
    group = verb_group(ctx, ctx.nxt(np_[1]), ctx.n)
    return None if group is None else (np_[0], ctx.saying(group[0]))


def byline(ctx: Context, close_tok: int) -> Raw | None:
    """« ... » (Jeanne Roy, maire de X) / « ... » — Jeanne Roy: a person's name alone, in parentheses
    or after a dash, closing the sentence or the line."""
    j = ctx.nxt(close_tok + 1)
    if ctx.low(j) == ".":
        j = ctx.nxt(j + 1)
    if ctx.low(j) not in ("(", "—", "–", "-") or "\n" in ctx.text[ctx.idx(close_tok) : ctx.idx(j)]:
        return None
    np_ = noun_phrase(ctx, ctx.nxt(j + 1), ctx.n)
    if np_ is None or np_[0].kind != "PER":
        return None
    end = ctx.nxt(np_[1])
    closing = ")" if ctx.low(j) == "(" else "."
    if ctx.has(end) and ctx.low(end) != closing and "\n" not in ctx.text[ctx.idx(np_[1] - 1) : ctx.idx(end)]:
        return None
    return np_[0]
