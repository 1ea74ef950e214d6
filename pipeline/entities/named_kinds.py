"""Names of three kinds the model gets wrong in French releases, each shown by its context.

- An award named after a person or a word, with its lower-case kind noun: "le prix Lucie-Armand",
  "du trophée Jean-Dupuy" is one MISC name, kind noun included (canonical with a capital); the
  edition's year after it ("le prix X 2026 récompense") is not part of the name.
- A road by its number: "l'A9", "l'autoroute A 61", "la RN 145", "la N 7", "la D 940" (LOC); the
  filters would take "A9" for a word of a headline and "145" for a number.
- One invented word after a lower-case company noun: "filiale du groupe Vialis" (ORG).
- A short title in guillemets next to its author ("« Les Heures claires », de Lina Roux") (MISC).
- A newspaper, radio or channel by its title after a verb of interview or a media noun: "interrogé
  par Le Courrier de Vendôme", "sur la radio Info Trafic" (MISC, as titles), unless it is a person.
"""

from __future__ import annotations

import re

from pipeline.places import is_known_place

from .context import Context
from .lexicon import is_adjective, is_common_word
from .records import Candidate, Mention
from .shapes import is_cap, is_title

_AWARDS = frozenset(("prix", "trophée", "médaille"))
_AWARD_BEFORE = frozenset(("le", "du", "au", "ce", "son", "leur", "notre", "la", "de", "d'", "d’"))
_YEAR = re.compile(r"(?:19|20)\d\d")


def award_names(ctx: Context, cands: list[Candidate]) -> None:
    """Extend a name right after a lower-case award noun (itself after a determiner) over that noun."""
    words, lower = ctx.words, ctx.lower
    for c in cands:
        k = c.start if lower[c.start] in _AWARDS else c.start - 1  # the model's span may hold the noun
        if k < 1 or lower[k] not in _AWARDS or not words[k].islower() or lower[k - 1] not in _AWARD_BEFORE:
            continue
        if k + 1 >= c.end or not is_cap(words[k + 1]) or ctx.is_break(k + 1) or ctx.is_break(k):
            continue
        end = c.end
        if end - k > 2 and _YEAR.fullmatch(words[end - 1]):
            end -= 1  # "le prix X 2026": the edition, not the name
        c.start, c.end, c.label, c.cue, c.keep_lower, c.fixed = k, end, "MISC", "MISC", True, True


# French motorways are A1-A89 and a few of three digits (A104, A480, A837); not the 200s and 300s, which
# are aircraft ("l'A320", "l'A350").
_MOTORWAY_NUMBER = r"(?:[1-9]\d?|[14-9]\d\d)"
_MOTORWAY = re.compile(rf"A{_MOTORWAY_NUMBER}")
_MOTORWAY_SPACED = re.compile(_MOTORWAY_NUMBER)
_ROAD_LETTERS = frozenset(("A", "RN", "RD", "N", "D"))
_ROAD_NOUNS = frozenset(("autoroute", "route", "nationale", "départementale"))


def road_candidates(ctx: Context) -> list[Candidate]:
    """ "l'A9", "la RN 145", "l'autoroute A 61": a road by its number, after an article or its kind."""
    words, lower, n = ctx.words, ctx.lower, ctx.n
    out: list[Candidate] = []
    for i in range(1, n):
        before = lower[i - 1]
        cued = before in _ROAD_NOUNS or (before in ("l'", "l’") and words[i][:1] == "A") or before == "la"
        if not cued or ctx.is_break(i):
            continue
        if _MOTORWAY.fullmatch(words[i]) and before != "la":
            out.append(Candidate(i, i + 1, "LOC", "road", cue="LOC", fixed=True))
        elif (
            words[i] in _ROAD_LETTERS
            and i + 1 < n
            and words[i + 1].isdigit()
            and len(words[i + 1]) <= 4
            and ctx.spaced[i]
            and (before != "la" or words[i] != "A")
            and (words[i] != "A" or _MOTORWAY_SPACED.fullmatch(words[i + 1]) is not None)
        ):
            out.append(Candidate(i, i + 2, "LOC", "road", cue="LOC", fixed=True))
    return out


_INTERVIEWED = re.compile(r"\b(?:interrogée?s?|interviewée?s?|citée?s?)\s+par\s+(?:l[ea]s?\s+|l['’])?$", re.I)
_MEDIA_NOUN = re.compile(r"\b(?:radio|quotidien|hebdomadaire|magazine|journal|mensuel)\s+$", re.I)


def media_titles(ctx: Context, mentions: list[Mention]) -> None:
    """A title after "interrogé par" or a lower-case media noun is a title (MISC), not a place or body;
    a person ("interrogé par Jean Martin") and an acronym ("par l'AFP", an agency) keep theirs."""
    for m in mentions:
        if m.label in ("PER", "MISC") or m.text.isupper():
            continue
        before = ctx.text[max(0, m.start - 40) : m.start]
        if _INTERVIEWED.search(before) or _MEDIA_NOUN.search(before):
            m.label = m.cue = "MISC"


_COMPANY_NOUNS = frozenset(
    ("groupe", "société", "entreprise", "filiale", "start-up", "startup", "holding", "firme", "enseigne")
)


def company_word_candidates(ctx: Context) -> list[Candidate]:
    """ "filiale du groupe Vialis", "la société Orvanne": one invented word after a lower-case company
    noun is the company (ORG), though the model sees no name; not a dictionary word ("le groupe Nature")
    nor a place ("l'entreprise Lyon ...")."""
    words, lower, n = ctx.words, ctx.lower, ctx.n
    out: list[Candidate] = []
    for i in range(2, n - 1):
        k = i + 1
        if lower[i] not in _COMPANY_NOUNS or not words[i].islower() or lower[i - 1] not in _AWARD_BEFORE:
            continue
        w = words[k]
        if not is_title(w) or ctx.is_break(k) or (k + 1 < n and is_cap(words[k + 1])):
            continue
        if is_common_word(w) or is_adjective(w) or is_known_place(w) or "-" in w:
            continue
        out.append(Candidate(k, k + 1, "ORG", "pattern", cue="ORG"))
    return out


_MAX_TITLE_TOKENS = 7
_OF = frozenset(("de", "d'", "d’"))
_TITLE_STOPS = frozenset((".", ";", "!", "?", ",", ":"))


def _person_ends(ctx: Context) -> tuple[set[int], set[int]]:
    """Token starts and ends of the model's persons."""
    people = [(s, e) for s, e, label in ctx.ents if label == "PER"]
    return {s for s, _ in people}, {e for _, e in people}


def work_title_candidates(ctx: Context) -> list[Candidate]:
    """A short capitalised title in guillemets next to its author: "« Les Heures claires », de Lina
    Roux", "Lina Roux, pour « Les Heures claires »" (a book, a work: MISC). A quotation is longer, or
    says something: it holds a verb or a clause's punctuation."""
    words, lower, n = ctx.words, ctx.lower, ctx.n
    starts, ends = _person_ends(ctx)
    out: list[Candidate] = []
    for i, w in enumerate(words):
        if w not in ("«", "“") or i + 1 >= n or not is_title(words[i + 1]):
            continue
        close = next((e for e in range(i + 2, min(n, i + 2 + _MAX_TITLE_TOKENS)) if words[e] in "»”"), None)
        if close is None or any(
            ctx.is_break(t) or ctx.finite[t] or words[t] in _TITLE_STOPS for t in range(i + 1, close)
        ):
            continue
        after = close + 1
        comma_after = after < n and words[after] == ","
        by_after = comma_after and after + 2 < n and lower[after + 1] in _OF and after + 2 in starts
        pour = i > 0 and lower[i - 1] == "pour"
        k = i - 1 - pour
        # "Lina Roux, « Les Heures claires », paru ...": an apposition, not "Lina Roux, « Merci »."
        by_before = k > 0 and words[k] == "," and k in ends and (pour or comma_after)
        if by_after or by_before:
            out.append(Candidate(i + 1, close, "MISC", "quoted", cue="MISC", fixed=True))
    return out
