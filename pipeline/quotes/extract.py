"""`extract_quotes`: one document's quotations with their speakers, the steps in order.

Quoted spans become candidates; each is attributed as written (postposed.py, preposed.py); a
candidate with no attribution of its own next to an attributed one shares it; then the attributed
quotes and the sentence subjects are read in text order, so that a pronoun or a bare role is
resolved against what the text said before it (speakers.py). Last, titles, terms and scare quotes are
dropped: the guidelines keep reported speech only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from pipeline.token_table import TokenTable, token_table

from .clauses import verb_across_complement, verb_before_attribute
from .context import Context
from .postposed import byline, echo, incise_inside, postposed, signature
from .preposed import preposed, previous_sentence, verb_before_object
from .records import Candidate, Quote, Raw, Speaker
from .speakers import named_roles, resolve, sentence_subjects
from .words import EMPHASIS, NAMING

# What opens an interview answer before its quotation: "R :", "Réponse :", a dash.
ANSWER_LABEL = re.compile(r"(?:R|Rép|Réponse)\s*\.?\s*:|[—–-]")


def extract_quotes(
    doc: Doc, entities: Sequence[Any] = (), *, tokens: TokenTable | None = None
) -> list[Quote]:
    """Quotations of one document with their speakers. `entities`: mentions with start, end,
    text, label and canonical (pipeline.entities.EntityMention or alike); spaCy's own PER/ORG
    entities fill in where a name has no mention. `tokens`: the doc's TokenTable when the caller has
    built it already (else token_table(doc))."""
    ctx = Context(doc, entities, token_table(doc) if tokens is None else tokens)
    cands: list[Candidate] = []
    for a, b in ctx.quoted:
        cand = _candidate(ctx, a, b)
        if cand is not None:
            cands.append(cand)
    for cand in cands:
        _attribute(ctx, cand)
    for k, cand in enumerate(cands):  # "« Q1 » indique le journal. « Q2 »": Q2 goes on only after a speaker
        if cand.raw is not None and cand.raw.kind == "GOES_ON" and (k == 0 or cands[k - 1].raw is None):
            cand.raw = None
    _chain(ctx, cands)
    _next_paragraph(ctx, cands)
    items: list[tuple[int, int, Any]] = [(c.raw.pos, 1, c) for c in cands if c.raw is not None]
    items += [(raw.pos, 0, raw) for raw in sentence_subjects(ctx)]
    if any(c.raw.kind in ("ROLE", "ANSWER") for c in cands if c.raw is not None):  # only they need it
        items += [(raw.pos, 0, raw) for raw in named_roles(ctx)]
    events: list[tuple[int, Speaker]] = []  # (position, speaker): the antecedents so far
    quotes: list[Quote] = []
    for _pos, _kind, item in sorted(items, key=lambda x: (x[0], x[1])):
        if isinstance(item, Raw):
            sp = resolve(item, events)
            if sp is not None:
                events.append((item.pos, sp))
            continue
        assert item.raw is not None
        sp = resolve(item.raw, events)
        if sp is None:
            continue
        events.append((item.raw.pos, sp))
        for s, e in item.parts:
            if _keep(ctx, item, s, e):
                quotes.append(Quote(s, e, ctx.text[s:e], sp.surface, sp.canonical, sp.role, item.verb))
    return sorted(quotes, key=lambda q: q.start)


def _candidate(ctx: Context, a: int, b: int) -> Candidate | None:
    s, e = a + 1, b
    while s < e and ctx.text[s].isspace():
        s += 1
    while e > s and ctx.text[e - 1].isspace():
        e -= 1
    if e <= s:
        return None
    return Candidate(a, b, s, e, parts=[(s, e)])


def _keep(ctx: Context, cand: Candidate, s: int, e: int) -> bool:
    """Reported speech, not a title, a term or a scare quote."""
    toks = [i for i in range(ctx.tok(s), ctx.tok(e - 1) + 1) if ctx.starts[i] >= s]
    words = sum(1 for i in toks if ctx.alpha[i] or ctx.num[i])
    has_verb = any(ctx.finite(i) for i in toks)
    if words == 0 or (words <= 4 and not has_verb):
        return False
    if has_verb:
        return True
    p = ctx.prv(ctx.tok(cand.open_at) - 1)
    while ctx.has(p) and ctx.words[p] in EMPHASIS:  # "**Question ?**" above an answer
        p = ctx.prv(p - 1)
    if not ctx.has(p):
        return True
    if ctx.pos[p] in ("DET", "ADP") and words >= 5 and _object_of_a_verb(ctx, p, s, e):
        return True
    if words >= 5 and cand.verb is not None and ctx.low(ctx.tok(s)) in ("à", "de", "d'"):
        return True  # "a appelé les habitants « à rester chez eux »": the verb's complement
    if words >= 5 and ctx.text[s].islower() and verb_across_complement(ctx, p, ctx.sentence_start(p)) >= 0:
        return True  # "a salué sur les réseaux sociaux « une excellente nouvelle pour ... »"
    if words >= 5 and ctx.text[s].islower() and verb_before_attribute(ctx, p, ctx.sentence_start(p)) >= 0:
        return True  # "a jugé la décision « incompréhensible après ... »", "décrit comme « ... »"
    if words >= 5 and ctx.text[s].islower() and cand.incise:
        return True  # "des délais « bien plus longs que prévu », a regretté X": the incise says whose
    naming = ctx.low(p) in NAMING and ctx.pos[ctx.prv(p - 1)] != "AUX"  # "s'est dit « ... »" speaks
    return not (ctx.pos[p] in ("DET", "ADP", "NOUN", "PROPN", "ADJ", "NUM") or naming)


def _object_of_a_verb(ctx: Context, p: int, s: int, e: int) -> bool:
    """Words in lower case that a verb takes as its object ("exprime son « immense gratitude ... »"),
    not a title ("a présenté le « Plan Climat des Territoires »")."""
    first = next((ch for ch in ctx.text[s:e] if ch.isalpha()), "")
    v = ctx.prv(p - 1)
    link = p if ctx.pos[p] == "ADP" else v
    if ctx.pos[v] in ("DET", "ADP"):  # "appelle à la « ... »"
        v = ctx.prv(v - 1)
    if not first.islower() or not ctx.has(v):
        return False
    return ctx.pos[v] == "VERB" or verb_before_object(ctx, link, 0) >= 0  # "invite X à « ... »"


def _attribute(ctx: Context, cand: Candidate) -> None:
    close_tok = ctx.tok(cand.close_at)
    while ctx.words[ctx.nxt(close_tok + 1)] in EMPHASIS if ctx.has(ctx.nxt(close_tok + 1)) else False:
        close_tok = ctx.nxt(close_tok + 1)  # « ... »**, a déclaré X: markdown emphasis around the marks
    open_tok = ctx.tok(cand.open_at)
    inner = incise_inside(ctx, cand)
    if inner is not None:
        return
    after = ctx.nxt(close_tok + 1)
    post = None
    if "\n" not in ctx.text[ctx.idx(close_tok) : ctx.idx(after)]:
        post = postposed(ctx, after, allow_comma=True)
    if post is not None:
        cand.raw, cand.verb, cand.incise = post[0], post[1], True
        return
    pre = preposed(ctx, open_tok)
    if pre is not None:
        cand.raw, cand.verb = pre
        return
    sig = signature(ctx, close_tok)
    if sig is not None:
        cand.raw = sig
        return
    named = (
        echo(ctx, close_tok) or _named(byline(ctx, close_tok)) or previous_sentence(ctx, open_tok, close_tok)
    )
    if named is not None:
        cand.raw, cand.verb = named
    elif _answers_a_question(ctx, cand):
        cand.raw = Raw("ANSWER", cand.open_at)


def _answers_a_question(ctx: Context, cand: Candidate) -> bool:
    """An interview: a quotation that is a paragraph of its own right after a paragraph that asks a
    question (« ... » under "**Pourquoi ... ?**") is the answer of the person interviewed."""
    text = ctx.text
    line_start = text.rfind("\n", 0, cand.open_at) + 1
    line_end = text.find("\n", cand.close_at)
    line_end = len(text) if line_end == -1 else line_end
    label = text[line_start : cand.open_at].strip(" *_>")
    if (label and not ANSWER_LABEL.fullmatch(label)) or text[cand.close_at + 1 : line_end].strip(" .*_"):
        return False  # the paragraph holds the quotation alone, or after "R :", "Réponse :", a dash
    before = text[:line_start].rstrip()
    question = before[before.rfind("\n") + 1 :].strip(" *_")
    return question.endswith("?") and not any(mark in question for mark in "«»“”")


def _chain(ctx: Context, cands: list[Candidate]) -> None:
    """A quotation with no attribution of its own right after or before an attributed one
    (« P1 » « P2 », a déclaré X) shares its speaker."""
    for k, c in enumerate(cands):
        if c.raw is not None:
            continue
        for other, gap in (
            (cands[k - 1] if k else None, lambda o, c=c: ctx.text[o.close_at + 1 : c.open_at]),
            (
                cands[k + 1] if k + 1 < len(cands) else None,
                lambda o, c=c: ctx.text[c.close_at + 1 : o.open_at],
            ),
        ):
            if other is not None and other.raw is not None and not gap(other).strip():
                c.raw, c.verb = replace(other.raw), other.verb
                break


def _next_paragraph(ctx: Context, cands: list[Candidate]) -> None:
    """A paragraph that is a quotation and nothing else, with no attribution of its own, right under
    a paragraph made of an attributed quotation and its one-sentence incise (« Q1 », a confié X.
    / « Q2 »): the speaker goes on, as in an interview answer over two paragraphs."""
    text = ctx.text
    for k in range(1, len(cands)):
        c, o = cands[k], cands[k - 1]
        if c.raw is not None or o.raw is None:
            continue
        line_start = text.rfind("\n", 0, c.open_at) + 1
        line_end = text.find("\n", c.close_at)
        line_end = len(text) if line_end == -1 else line_end
        if text[line_start : c.open_at].strip() or text[c.close_at + 1 : line_end].strip(" ."):
            continue
        rest, _, between = text[o.close_at + 1 : line_start].partition("\n")
        if between.strip():
            continue  # another paragraph between them
        rest = rest.strip()
        if any(rest[n] in ".!?" and rest[n + 1 :].strip() for n in range(len(rest))):
            continue  # the paragraph above goes on after the incise: another sentence, maybe another speaker
        c.raw, c.verb = replace(o.raw), None


def _named(raw: Raw | None) -> tuple[Raw, str | None] | None:
    """A speaker named without a verb of saying."""
    return None if raw is None else (raw, None)
