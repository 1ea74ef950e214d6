"""Clause structure around a verb of saying, which the model's missing parser would give: the
subject of the verb (a pronoun, a relative "qui" and its antecedent, a name, a role or a body), the
subject of the main clause for a pronoun opening a "que" clause, two subjects joined by "et", and the
short complement between a verb and the quotation it takes as its object.
"""

from __future__ import annotations

from .context import Context
from .phrases import noun_phrase
from .records import Mention, Raw
from .roles import role_extent
from .words import BODY_NOUNS, CLITICS, FILLER_SEQS, PRONOUNS

COMPLEMENT_POS = ("DET", "NOUN", "ADJ", "ADP", "PROPN", "NUM")
MAX_COMPLEMENT = 6  # "sur les réseaux sociaux", "dans un message aux supporters"


def relative_antecedent(ctx: Context, qui: int, start: int) -> Raw | None:
    """ "reçus par le directeur, Jean Roy, qui leur a assuré que « ... »": the person or role that
    "qui" follows (past its comma) is the subject of the verb of saying, wherever it stands in the
    sentence -- not the sentence's own subject."""
    k = start
    persons: list[tuple[Raw, int]] = []  # earlier persons and where their phrase ends
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
            return _apposed_to(ctx, persons, k) or raw
        if raw.kind == "PER":
            persons.append((raw, end))
        k = max(end, k + 1)
    return None


def _apposed_to(ctx: Context, persons: list[tuple[Raw, int]], k: int) -> Raw | None:
    """ "Jean Roy, le successeur de Paul Blanc, qui ...": a name that completes a noun in apposition
    to an earlier person is not what "qui" refers to; that person is."""
    de = ctx.prv(k - 1)
    if ctx.low(de) not in ("de", "d'", "du", "des") or ctx.pos[ctx.prv(de - 1)] != "NOUN":
        return None
    for raw, end in reversed(persons):
        comma = ctx.nxt(end)
        if ctx.low(comma) != ",":
            continue
        between = range(ctx.nxt(comma + 1), de)
        if all(ctx.is_space(n) or ctx.pos[n] in COMPLEMENT_POS for n in between):
            return raw
        return None
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


# Verbs that call their object what the quotation says: "a jugé la décision « ... »".
ATTRIBUTE_VERBS = frozenset(["juger", "qualifier", "décrire", "trouver", "considérer", "estimer"])


def verb_before_attribute(ctx: Context, p: int, start: int) -> int:
    """The verb of saying before a short link that ends at p, right before the mark: a verb of
    judgement, its object and the quotation as what it calls it ("a jugé la décision « ... »",
    "décrit comme « ... »", "qualifie le projet de « ... »"), or a verb of saying and the infinitive
    of its own subject's words ("a confié avoir « ... »"); -1 when there is none."""
    if ctx.low(p) in ("avoir", "être"):
        v = ctx.prv(p - 1)
        return v if v >= start and ctx.pos[v] == "VERB" and ctx.saying(v) else -1
    k, link = p, ctx.low(p) in ("comme", "de", "d'")
    if link:
        k = ctx.prv(k - 1)
    n = 0
    while k >= start and n < 4 and ctx.pos[k] in ("DET", "NOUN", "ADJ") and not ctx.is_space(k):
        k, n = ctx.prv(k - 1), n + 1
    if k < start or not (n or link) or ctx.pos[k] != "VERB" or ctx.saying(k) not in ATTRIBUTE_VERBS:
        return -1
    return k


def main_subject(ctx: Context, pron: Raw, k: int, start: int) -> Raw | None:
    """ "La direction a indiqué dans un communiqué qu'elle « reste ouverte ... »": the pronoun that
    opens the clause of a verb of saying is that verb's subject, when it agrees with it -- not the
    last person the text named."""
    que = ctx.prv(k - 1)
    if ctx.low(que) not in ("que", "qu'"):
        return None
    v = ctx.prv(que - 1)
    if ctx.pos[v] != "VERB":
        v = verb_across_complement(ctx, v, start)
    if v < start or ctx.saying(v) is None:
        return None
    subj = subject_before(ctx, v, start)
    if subj is None or subj.kind not in ("PER", "ROLE", "ORG"):
        return None
    if pron.gender and subj.gender and pron.gender != subj.gender:
        return None
    if subj.number != pron.number:
        return None
    return subj


def of_a_body(ctx: Context, stop: int, end: int) -> bool:
    """The words from stop to end only complete a body's noun ("de l'une des laiteries", "de l'usine
    de Vernay"): nouns, determiners, prepositions, a numeral pronoun, no verb or punctuation."""
    words = [k for k in range(stop, end) if not ctx.is_space(k)]
    return 0 < len(words) <= 8 and all(
        ctx.pos[k] in COMPLEMENT_POS or ctx.low(k) in ("un", "une", "l'un", "l'une") for k in words
    )


def coordinated(ctx: Context, k: int, end: int, verb: int, start: int) -> Raw | None:
    """ "La Région et la Chambre de commerce « appellent ... »": two speakers joined by "et" before a
    plural verb speak together; the speaker is the pair as written, with no canonical."""
    et = ctx.prv(k - 1)
    if ctx.low(et) != "et" or ctx.tokens.morph("Number")[verb] != ["Plur"]:
        return None
    j = start
    while j < et:
        np_ = noun_phrase(ctx, j, et)
        if np_ is not None and ctx.nxt(np_[1]) == et and np_[0].kind in ("PER", "ROLE", "ORG", "LOC"):
            return Raw("ROLE", ctx.starts[j], surface=ctx.span(j, end), number="Plur")
        j = max(np_[1], j + 1) if np_ is not None else j + 1
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
    if low == "qui":
        antecedent = relative_antecedent(ctx, g, start)
        if antecedent is not None:
            antecedent.pos = pos
            return antecedent
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
    if best is None or best.kind == "LOC":  # "la direction de la laiterie X": the body, not the place
        best = body_subject(ctx, start, g + 1) or best
    if best is not None:
        best.pos = pos
    return best


def body_subject(ctx: Context, start: int, end: int) -> Raw | None:
    """ "La direction régionale a répondu que « ... »": a body named by a common noun, as written,
    when it opens the clause of the verb of saying (only as a speaker: sentence subjects, the
    antecedents of later pronouns, stay persons and roles)."""
    i = ctx.nxt(start)
    comma = next((k for k in range(i, min(end, i + 8)) if ctx.words[k] == ","), None)
    fronted = comma is not None and not any(ctx.finite(k) for k in range(i, comma))
    if ctx.low(i) not in ("le", "la", "l'", "les") and fronted:
        i = ctx.nxt(comma + 1)  # "Dans un communiqué, la direction ..."
    if ctx.low(i) not in ("le", "la", "l'", "les") or not ctx.has(i + 1):
        return None
    noun = ctx.nxt(i + 1)
    if ctx.low(noun) not in BODY_NOUNS:
        return None
    stop = role_extent(ctx, noun + 1, end)
    if ctx.nxt(stop) < end and of_a_body(ctx, stop, end):
        stop = end  # "la direction de l'une des laiteries"
    if ctx.nxt(stop) < end:
        return None  # more than the body's name before the verb
    gender = "Fem" if ctx.low(i) == "la" else "Masc" if ctx.low(i) == "le" else None
    surface = ctx.span(i, stop)
    body = named_body(ctx, i, noun) if stop <= noun + 1 else None
    return Raw("ROLE", ctx.starts[i], surface=surface, role=None, head=None, body=body, gender=gender)


def named_body(ctx: Context, i: int, noun: int) -> Mention | None:
    """ "Le tribunal correctionnel de Nantes a condamné ... Le tribunal a estimé que « ... »": a bare
    body noun is the last organisation named before whose name opens with that noun."""
    return next(
        (
            m
            for m in reversed(ctx.mentions)
            if m.start < ctx.starts[i] and m.label == "ORG" and m.text.split()[0].lower() == ctx.low(noun)
        ),
        None,
    )
