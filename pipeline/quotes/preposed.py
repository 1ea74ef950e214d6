"""Attribution before a quotation, in the sentence that leads to its opening mark: "X a déclaré :
« ... »", "X a souligné que « ... »", "selon X, « ... »", "comme l'a rappelé X, « ... »", "et
d'ajouter : « ... »" (the last speaker), "Jean Dupont, président de X : « ... »".
"""

from __future__ import annotations

from .clauses import (
    body_subject,
    coordinated,
    main_subject,
    subject_before,
    verb_across_complement,
    verb_before_attribute,
)
from .context import Context
from .phrases import noun_phrase, past_document
from .records import Raw
from .speakers import present_read_as_participle, subject_at
from .verbs import inverted, skip_fillers
from .words import (
    ALL_MARKS,
    EMPHASIS,
    INTRO_PREPS,
    OBJECT_LINKS,
    SIGN_NOUNS,
    SOURCE_PREPS,
    SPEAKING_PERSONS,
    SPEECH_NOUNS,
    STRESSED_PRONOUNS,
    VERB_CLITICS,
)


def preposed(ctx: Context, open_tok: int) -> tuple[Raw, str | None] | None:
    """The introduction before a quotation, in the sentence that leads to the opening mark."""
    p = ctx.prv(open_tok - 1)
    while p >= 0 and (ctx.words[p] == ">" or ctx.words[p] in EMPHASIS):  # block quote, emphasis
        p = ctx.prv(p - 1)
    if p < 0:
        return None
    prev = ctx.low(p)
    start = ctx.sentence_start(p)
    for _a, b in ctx.quoted:  # do not reach back past an earlier quotation
        if b < ctx.starts[p] and ctx.tok(b) >= start:
            start = ctx.tok(b) + 1
    found = (
        object_of_verb(ctx, open_tok, p, start)
        or subject_of_quote(ctx, open_tok, p, start)
        or relative_of_object(ctx, open_tok, p, start)
    )
    if found is not None:
        return found
    if not (prev in (":", ",", "que", "qu'") or ctx.saying(p) or ctx.low(p) in ("-il", "-elle")):
        inside = ctx.words[p] not in (".", "!", "?", "…")  # the quotation is in the sentence's body
        return que_clause(ctx, p, start) or (_named(opened_by_source(ctx, start, p)) if inside else None)
    # "selon X, « ... »", "pour X, « ... »"
    if prev == ",":
        for k in range(start, p):
            for seq in INTRO_PREPS:
                if ctx.low(k) == seq[0] and tuple(ctx.low(k + n) for n in range(len(seq))) == seq:
                    at = past_document(ctx, k + len(seq)) if seq in SOURCE_PREPS else ctx.nxt(k + len(seq))
                    pron = stressed_pronoun(ctx, at, p)
                    if pron is not None:  # "Selon elle, « ... »"
                        return pron, None
                    np_ = noun_phrase(ctx, at, p + 1)
                    if np_ is None and seq in SOURCE_PREPS:  # "Selon la coopérative, « ... »"
                        body = body_subject(ctx, at, p)
                        np_ = None if body is None else (body, p)
                    if np_ is not None and np_[0].kind == "PER" and np_[0].mention is not None:
                        name_end = ctx.tok(np_[0].mention.end - 1) + 1
                        np_ = np_[0], max(np_[1], past_apposition(ctx, name_end, p))
                    if np_ is not None and np_[0].kind in ("PER", "ROLE"):
                        np_ = np_[0], past_relative(ctx, np_[1], p)
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
        if after < p:  # not the object of a verb that has its subject: "X a remercié les habitants :"
            np_ = noun_phrase(ctx, after, p + 1)
            if np_ is not None and np_[0].kind != "PRON" and ctx.nxt(np_[1]) >= p:
                subj = subject_before(ctx, v, start)
                if subj is None or subj.kind not in ("PER", "ROLE", "PRON"):
                    return np_[0], lemma
        if not (after >= p or prev in (":", "que", "qu'")):
            return None
        if thing_says(ctx, v):
            return None
        subj = subject_before(ctx, v, start)
        if subj is not None and subj.kind != "LOC":
            return subj, lemma
        break  # "Interrogée sur X, elle a été claire : « ... »": the sentence's subject, below
    # "Jean Dupont, président de X : « ... »", "Déclaration de la présidente : « ... »"
    if prev == ":":
        said = words_of(ctx, start, p) or colon_subject(ctx, start, p, first_person(ctx, open_tok))
        if said is not None:
            return said, None
        np_ = noun_phrase(ctx, ctx.nxt(start), p + 1)
        if np_ is not None and np_[0].kind not in ("PRON", "LOC") and ctx.nxt(np_[1]) >= p:
            return np_[0], None
    return None


def relative_of_object(ctx: Context, open_tok: int, p: int, start: int) -> tuple[Raw, str | None] | None:
    """ "X a salué un projet qui « rapproche enfin ... »", "X a défendu un plan « indispensable pour
    ... »": the quotation is the relative clause or the epithet of the object of a verb of saying;
    the verb's subject said it (five words at least: shorter ones are scare quotes)."""
    q = ctx.nxt(open_tok + 1)
    while ctx.low(q) in VERB_CLITICS:
        q = ctx.nxt(q + 1)
    inner = ctx.low(p) == "," and ctx.low(q) == "qui" and ctx.finite(ctx.nxt(q + 1))
    if inner:  # "insiste sur la vaccination des enfants, « qui sont les premiers ... »"
        p = ctx.prv(p - 1)
    elif ctx.low(p) == "qui":
        if not ctx.finite(q):
            return None
    elif not (ctx.pos[p] == "NOUN" and ctx.text[ctx.starts[q]].islower() and ctx.pos[q] == "ADJ"):
        return None  # "a défendu un plan « indispensable pour que ... »": the noun's epithet
    close = next((b for a, b in ctx.quoted if a == ctx.starts[open_tok]), None)
    if close is None or sum(ctx.alpha[k] for k in range(q, ctx.tok(close))) < 5:
        return None  # "une annonce qui « rassure »": a scare quote
    for k in range(
        ctx.prv(p - 1) if ctx.low(p) == "qui" else p, max(start, p - (12 if inner else 9)) - 1, -1
    ):
        if ctx.is_space(k) or ctx.pos[k] in ("DET", "NOUN", "ADJ", "ADP", "NUM", "PROPN"):
            continue
        if ctx.pos[k] != "VERB" or ctx.saying(k) is None:
            return None
        subj = subject_before(ctx, k, start)
        if subj is None or subj.kind not in ("PER", "ROLE", "PRON", "ORG"):
            return None
        return subj, ctx.saying(k)
    return None


def que_clause(ctx: Context, p: int, start: int) -> tuple[Raw, str | None] | None:
    """ "X a rappelé que l'objectif restait de « doubler ... »": words quoted inside the clause a verb
    of saying opens with "que" are that verb's subject's."""
    for k in range(p - 1, start, -1):
        if ctx.words[k] in ALL_MARKS or ctx.words[k] in (";", ":") or "\n" in ctx.words[k]:
            return None
        if ctx.low(k) not in ("que", "qu'"):
            continue
        v = ctx.prv(k - 1)
        while v > start and ctx.pos[v] == "ADV":
            v = ctx.prv(v - 1)
        lemma = ctx.saying(v)
        if lemma is None or ctx.pos[v] != "VERB" or ctx.low(v).endswith("ant"):
            return None  # "..., indiquant que « ... »": whose participle it is lies too far back
        subj = subject_before(ctx, v, start)
        if subj is None or subj.kind not in ("PER", "ROLE", "PRON", "ORG"):
            return None
        return subj, lemma
    return None


def thing_says(ctx: Context, v: int) -> bool:
    """ "une banderole proclamant « ... »", "un panneau indiquant « ... »": a present participle right
    after a noun that is no role tells what a thing reads -- a slogan or a sign, not anyone's words."""
    if not ctx.low(v).endswith("ant") or ctx.verb_form[v] != ["Part"]:
        return False
    n = ctx.prv(v - 1)
    return ctx.has(n) and ctx.low(n).rstrip("s") in SIGN_NOUNS


def stressed_pronoun(ctx: Context, k: int, p: int) -> Raw | None:
    """ "lui", "elle", "eux", "elles" right before the comma at p: a pronoun speaker after "selon"."""
    if ctx.low(k) not in STRESSED_PRONOUNS or ctx.nxt(k + 1) < p:
        return None
    gender, number = STRESSED_PRONOUNS[ctx.low(k)]
    return Raw("PRON", ctx.starts[k], gender=gender, number=number)


def past_relative(ctx: Context, end: int, p: int) -> int:
    """ "Pour le préfet, qui a visité le site jeudi, « ... »": a relative clause between the speaker
    and the comma that leads to the quotation."""
    j = ctx.nxt(end)
    if j < p and ctx.low(j) == ",":
        j = ctx.nxt(j + 1)
    elif ctx.low(ctx.prv(end - 1)) != ",":  # the apposition before took its closing comma
        return end
    if j >= p or ctx.low(j) not in ("qui", "dont"):
        return end
    between = range(j, p)
    if any(ctx.words[k] in ALL_MARKS or ctx.words[k] in ".;:!?" or "\n" in ctx.words[k] for k in between):
        return end
    return p if len(between) <= 15 else end


def past_apposition(ctx: Context, end: int, p: int) -> int:
    """ "Selon X, maîtresse de conférences à Y, « ... »": a description of the person named, with no
    verb, between the name and the comma that leads to the quotation, whatever its nouns."""
    j = ctx.nxt(end)
    if j >= p or ctx.low(j) != ",":
        return end
    stop = next(  # "X, chimiste au CNRS, qui n'a pas pris part à l'étude, « ... »": up to the relative
        (k for k in range(j + 1, p) if ctx.low(k) == "," and ctx.low(ctx.nxt(k + 1)) in ("qui", "dont")), p
    )
    between = range(j + 1, stop)
    if any(ctx.finite(k) or ctx.words[k] in ALL_MARKS or ctx.words[k] in ".;:!?" for k in between):
        return end
    return stop if len(between) <= 15 else end


def words_of(ctx: Context, start: int, p: int) -> Raw | None:
    """A noun of speech and whose words they are, before a colon: "Réaction du maire : « ... »",
    "Les mots de Jeanne Roy, ce matin : « ... »"."""
    for k in range(start, p):
        if ctx.low(k) not in SPEECH_NOUNS or ctx.pos[k] != "NOUN":
            continue
        j = ctx.nxt(k + 1)
        while ctx.has(j) and ctx.pos[j] == "ADJ":
            j = ctx.nxt(j + 1)
        if ctx.low(j) not in ("de", "d'", "du", "des"):
            continue
        np_ = noun_phrase(ctx, ctx.nxt(j + 1), p)
        if np_ is None and ctx.low(j) in ("de", "d'"):  # "Réaction de l'intersyndicale : « ... »"
            body = body_subject(ctx, ctx.nxt(j + 1), p)
            np_ = (body, p) if body is not None else None
        if np_ is None or np_[0].kind in ("PRON", "LOC"):
            continue
        if not any(ctx.finite(n) for n in range(np_[1], p)):
            return np_[0]
    return None


def previous_sentence(ctx: Context, open_tok: int, close_tok: int) -> tuple[Raw, str | None] | None:
    """A quotation that opens a sentence of its own, right after a sentence of the same paragraph
    that reports someone speaking: "La maire a rappelé l'histoire du projet. « Nous avons ... »";
    after a sentence ending in a quotation, the same speaker goes on. The quotation must hold a
    finite verb (words, not a name opening the sentence)."""
    p = ctx.prv(open_tok - 1)
    while p >= 0 and ctx.words[p] in EMPHASIS:
        p = ctx.prv(p - 1)
    if p < 0 or ctx.words[p] not in (".", "!", "?") or "\n" in ctx.text[ctx.idx(p) : ctx.idx(open_tok)]:
        return None
    if not any(ctx.finite(k) for k in range(open_tok + 1, close_tok)):
        return None
    start = ctx.sentence_start(p)
    if any(start <= ctx.tok(b) < p and sum(ctx.alpha[ctx.tok(a) : ctx.tok(b)]) > 4 for a, b in ctx.quoted):
        return Raw("GOES_ON", ctx.starts[open_tok]), None  # words quoted just before: the speaker goes on
    for v in range(p - 1, start - 1, -1):
        lemma = ctx.saying(v)
        if lemma is None or not (ctx.finite(v) or ctx.verb_form[v] == ["Part"]):
            continue
        subj = subject_before(ctx, v, start)
        if subj is not None and subj.kind in ("PER", "ROLE", "PRON", "ORG"):
            return subj, lemma
        return None
    found = person_then_own_words(ctx, open_tok, close_tok, start, p)
    if found is None and first_person(ctx, open_tok):  # "Selon lui, le budget ... . « Nous ... »"
        found = _named(opened_by_source(ctx, start, p))
    return found


def opened_by_source(ctx: Context, start: int, limit: int) -> Raw | None:
    """ "Selon lui, le budget doublera", "D'après les syndicats, la hausse reste ...": a sentence
    opened by a source reports that source's words, the quoted ones in it and the first-person ones
    right after it."""
    i = ctx.nxt(start)
    for seq in SOURCE_PREPS:
        if tuple(ctx.low(i + n) for n in range(len(seq))) != seq:
            continue
        k = ctx.nxt(i + len(seq))
        comma = next((c for c in range(k, min(limit, k + 12)) if ctx.words[c] == ","), None)
        if comma is None:
            return None
        found = stressed_pronoun(ctx, k, comma)
        if found is not None:
            return found
        np_ = noun_phrase(ctx, k, comma + 1)
        if np_ is not None and np_[0].kind in ("PER", "ROLE", "ORG") and ctx.nxt(np_[1]) >= comma:
            return np_[0]
        return None
    return None


def _named(raw: Raw | None) -> tuple[Raw, str | None] | None:
    return None if raw is None else (raw, None)


def person_then_own_words(
    ctx: Context, open_tok: int, close_tok: int, start: int, p: int
) -> tuple[Raw, str | None] | None:
    """ "La secrétaire adjointe, Jeanne Roy, reste prudente. « Nous irons ... »": a sentence about a
    named person, then words in the first person: hers. A person by name only (a role or a pronoun
    is too loose without a verb of saying)."""
    if not first_person(ctx, open_tok):
        return None
    subj = fronted_subject(ctx, start, p)
    if subj is None or subj.kind != "PER":
        return None
    subj.pos = ctx.starts[open_tok]
    return subj, None


def colon_subject(ctx: Context, start: int, p: int, pronoun: bool = False) -> Raw | None:
    """The person who is the subject of a sentence ending in a colon: "X a pris la parole : « ... »",
    "Interrogée sur le calendrier, la ministre a été claire : « ... »"; a pronoun ("elle est restée
    prudente : « ... »") only when `pronoun` (the quotation speaks in the first person)."""
    found = fronted_subject(ctx, start, p)
    kinds = ("PER", "ROLE", "PRON") if pronoun else ("PER", "ROLE")
    return found if found is not None and found.kind in kinds else None


def fronted_subject(ctx: Context, start: int, p: int) -> Raw | None:
    """The subject opening the sentence at `start`, or the one past a fronted adverbial or participle
    clause ("Interrogée sur le calendrier, la ministre ...")."""
    i = ctx.nxt(start)
    found = subject_at(ctx, i, p)
    if found is None:
        comma = next((k for k in range(i, min(p, i + 16)) if ctx.words[k] == ","), None)
        if comma is not None and not any(ctx.finite(k) for k in range(i, comma)):
            found = subject_at(ctx, ctx.nxt(comma + 1), p)
    return found


def first_person(ctx: Context, open_tok: int) -> bool:
    """The quotation opened at open_tok holds a first- or second-person word: someone's own words."""
    close = next((b for a, b in ctx.quoted if a == ctx.starts[open_tok]), None)
    if close is None:
        return False
    return any(ctx.low(k) in SPEAKING_PERSONS for k in range(open_tok + 1, ctx.tok(close)))


def object_of_verb(ctx: Context, open_tok: int, p: int, start: int) -> tuple[Raw, str | None] | None:
    """The quotation is the object of the verb before it: "X a défendu « ... »", "X exprime son
    « ... »", "X appelle à « ... »". A verb of saying or stance (by form or lemma) with any speaker
    as subject; another verb only with a person (or a pronoun) as subject ("X souhaite « ... »")."""
    v = p
    if ctx.low(p) in OBJECT_LINKS and ctx.pos[p] in ("DET", "ADP"):
        v = ctx.prv(p - 1)
        if ctx.low(v) in OBJECT_LINKS and ctx.pos[v] == "ADP":  # "appelle à la « ... »"
            v = ctx.prv(v - 1)
    if v >= start and ctx.pos[v] != "VERB" and ctx.pos[ctx.prv(v + 1)] == "ADP":
        v = verb_before_object(ctx, ctx.prv(v + 1), start)
    elif (
        v >= start
        and ctx.pos[v] in ("NOUN", "PROPN", "PRON")
        and ctx.low(ctx.nxt(open_tok + 1))
        in (
            "à",
            "de",
            "d'",
        )
    ):  # "a appelé les habitants « à rester chez eux »": the preposition inside the marks
        v = verb_before_object(ctx, ctx.nxt(open_tok + 1), start, p)
    if v >= start and ctx.pos[v] != "VERB":  # "a salué sur les réseaux sociaux « ... »"
        v = verb_across_complement(ctx, p, start)
    if (
        v < start or ctx.pos[v] != "VERB" or ctx.low(v) in ("avoir", "être")
    ):  # "a jugé la décision « ... »", "a confié avoir « ... »"
        v = verb_before_attribute(ctx, p, start)
    if v < start or ctx.pos[v] != "VERB" or not (ctx.finite(v) or ctx.verb_form[v] == ["Part"]):
        return None
    before = ctx.prv(v - 1)
    while before > start and ctx.pos[before] == "ADV":  # "a également appelé"
        before = ctx.prv(before - 1)
    if (
        ctx.verb_form[v] == ["Part"]
        and ctx.pos[before] != "AUX"
        and not present_read_as_participle(ctx, v)
        and not _opened_by_name(ctx, v, start)
    ):
        return None  # "une réforme saluée « ... »": a participle without its auxiliary
    lemma = ctx.saying(v)
    if lemma is None and not _speech_like(ctx, open_tok):
        return None  # "X dirige « Les Ateliers du Lac »": a name, not words
    subj = subject_before(ctx, v, start)
    if subj is None or subj.kind == "LOC" or (lemma is None and subj.kind == "ORG"):
        return None
    return subj, lemma or ctx.lemma(v)


def _opened_by_name(ctx: Context, v: int, start: int) -> bool:
    """ "qu'Élise Roy décrit comme « ... »": a form the model reads as a participle, right after a
    person's name that opens its clause (or the sentence), is that person's present tense."""
    k = next(
        (k for k, end in ctx.mention_tokens.items() if end == v and ctx.mention_at[k].label == "PER"), None
    )
    if k is None:
        return False
    b = ctx.prv(k - 1)
    return b < start or ctx.low(b) in ("que", "qu'")


def verb_before_object(ctx: Context, link: int, start: int, last: int | None = None) -> int:
    """The verb of saying before its object and the preposition that leads to the quotation: "a
    invité les ministres à « ... »", "a demandé aux maires de « ... »" (-1 if there is none). `last`:
    where to start looking back when the preposition is inside the marks."""
    if ctx.low(link) not in ("à", "de", "d'"):
        return -1
    last = ctx.prv(link - 1) if last is None else last
    for k in range(last, max(start, last - 8) - 1, -1):
        if ctx.is_space(k):
            continue
        if ctx.pos[k] == "VERB":
            return k if ctx.saying(k) else -1
        if ctx.pos[k] not in ("DET", "NOUN", "ADJ", "ADP", "PROPN", "NUM", "PRON"):
            return -1
    return -1


def _speech_like(ctx: Context, open_tok: int) -> bool:
    """The quotation after a verb outside the verbs of saying reads as someone's words, not as a name
    or a description: it holds a finite verb or a first- or second-person word."""
    close = next((b for a, b in ctx.quoted if a == ctx.starts[open_tok]), None)
    if close is None:
        return False
    toks = range(ctx.nxt(open_tok + 1), ctx.tok(close))
    return any(ctx.finite(k) or ctx.low(k) in SPEAKING_PERSONS for k in toks)


def subject_of_quote(ctx: Context, open_tok: int, p: int, start: int) -> tuple[Raw, str | None] | None:
    """The quotation opens on the verb of the name before it: "X « exprime sa gratitude ... »",
    "La ministre « se félicite de ... »"."""
    q = ctx.nxt(open_tok + 1)
    while ctx.low(q) in VERB_CLITICS:
        q = ctx.nxt(q + 1)
    if not ctx.finite(q) or "1" in ctx.tokens.morph("Person")[q] or "2" in ctx.tokens.morph("Person")[q]:
        return None
    close = next((b for a, b in ctx.quoted if a == ctx.starts[open_tok]), None)
    if close is None or sum(ctx.alpha[k] for k in range(q, ctx.tok(close))) < 4:
        return None  # "la ville « respire »": a scare quote
    if ctx.pos[p] not in ("PROPN", "NOUN", "ADJ", "PUNCT", "PRON"):
        return None
    if ctx.low(p) == "il" and ctx.lemma(q) in ("falloir", "agir", "sembler", "paraître", "rester"):
        return None  # "il « faut ... »": impersonal, nobody speaks
    k = start
    while k <= p:
        np_ = noun_phrase(ctx, k, p + 1)
        if np_ is None:
            k += 1
            continue
        raw, end = np_
        if ctx.nxt(end) == open_tok and raw.kind in ("PER", "ROLE", "ORG", "PRON"):
            before = ctx.prv(k - 1)
            if before >= start and ctx.pos[before] == "ADP":
                return None  # "grâce à X « ... »"
            verb = q if ctx.pos[q] == "VERB" else ctx.nxt(q + 1)
            if raw.kind == "PRON":
                raw = main_subject(ctx, raw, k, start) or raw
            else:
                raw = coordinated(ctx, k, end, q, start) or raw
            return raw, ctx.saying(verb) or ctx.lemma(verb)
        k = max(end, k + 1)
    return None
