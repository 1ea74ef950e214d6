"""Where candidate names come from, besides the gazetteer: spaCy's entities cut where a name cannot
continue, names headed by an institution or event noun completed with their complements, events
named after a place ("l'accord de Paris"), and lower-case official bodies ("direction générale des
entreprises (DGE)") that the model, trained on Wikipedia, does not tag."""

from __future__ import annotations

import re

from ..canonical import LABELS
from ..places import country_code, country_name, is_known_place
from .complements import complement_end
from .context import Context
from .records import Candidate
from .shapes import is_acronym, is_cap, is_title, is_upper_word
from .words import (
    ALL_PREPS,
    BODY_HEADS,
    COMPLEMENT_PREPS,
    CUE_NOUNS,
    DETERMINERS,
    DETERMINERS_OR_PREPS,
    EVENTS_OF_PLACE,
    FACILITY_HEADS,
    HONORIFICS,
    LEADING_FUNCTION_WORDS,
    MISC_HEADS,
    MONTHS,
    NAME_HEADS,
    NAMED_FEATURE_HEADS,
    PLURAL_ORG_HEADS,
    REGION_ADJECTIVES,
    RESERVE_ADJECTIVES,
    ROLE_HEADS,
    SITE_HEADS,
    STRONG_BODY_STARTS,
)

_YEAR = re.compile(r"(?:19|20)\d\d")
_QUOTES_OPEN = ("«", "“", '"')
_QUOTES_CLOSE = ("»", "”", '"')
_BEFORE_BODY = DETERMINERS | LEADING_FUNCTION_WORDS | COMPLEMENT_PREPS | {",", "et"}
_CONTINUES_AFTER_COMMA = COMPLEMENT_PREPS | {"et"}


def _cut_before(ctx: Context, i: int, start: int, end: int, label: str) -> bool:
    """True when a name cannot run from token i-1 into token i (i inside the model span)."""
    words, lower = ctx.words, ctx.lower
    text, low = words[i], lower[i]
    if text == ",":
        if label in ("PER", "LOC"):
            return True
        return i + 1 >= end or lower[i + 1] not in _CONTINUES_AFTER_COMMA
    # "Durand Mademoiselle Lebrun": an honorific starts another name
    if low in HONORIFICS and i > start and is_cap(text) and i + 1 < end and is_cap(words[i + 1]):
        return True
    # old "&" for "et" ("Perse & de l'Inde"), "et" between two people or places
    if low == "&" and i + 1 < end and lower[i + 1] in DETERMINERS_OR_PREPS:
        return True
    if low == "et" and label in ("PER", "LOC") and i + 1 < end and is_cap(words[i + 1]):
        return True
    # "Accord sur ... entre les gouvernements X et Y": the parties are not part of the name
    if low == "entre" and label != "PER":
        return True
    # "Fondation X et de l'association Y": a second name announced by its cue noun
    if low in ("et", ",") and any(
        lower[k] in CUE_NOUNS and words[k].islower() for k in range(i + 1, min(i + 4, end))
    ):
        return True
    # "Fête des vignerons en Bourgogne": a place after "en/à/au" is not part of the name
    if low in ("en", "à", "au", "aux") and label != "PER" and i + 1 < end and is_cap(words[i + 1]):
        return True
    # "Sénat belge en 2019": a date after "en" is not part of the name
    if low == "en" and i + 1 < end and (ctx.num[i + 1] or lower[i + 1] in MONTHS):
        return True
    # upper-case headline word glued to a name: "BELGIQUE Chambre des représentants", "Dupont LYON"
    prev = words[i - 1]
    if i > start and is_upper_word(prev) and is_title(text) and ctx.initial[i - 1]:
        return True
    if (
        i > start
        and is_title(prev)
        and is_upper_word(text)
        and i + 1 == end
        and label != "PER"
        and (ctx.pos[i - 1] != "PROPN" or is_known_place(text))  # "Marie DURAND" is one name
    ):
        return True
    # a finite verb, an auxiliary or a pronoun is not part of a name ("Il a signé")
    return text.islower() and (ctx.pos[i] in ("AUX", "PRON") or ctx.finite[i])


# kinds of street and square whose name may take "de/du/des/de la": "place du Marché", "rue des Écoles"
_STREETS = frozenset(
    ("rue", "place", "avenue", "boulevard", "quai", "allée", "impasse", "esplanade", "square")
)
# "la rivière Kouilou": a river's kind noun and its name, when the name is no known place (not "le
# fleuve Sénégal", which the place lists know as a country)
_RIVERS = frozenset(("rivière", "fleuve"))
_STREET_LINKS = frozenset(("de", "du", "des", "d'", "d’"))
# sites and named features whose name takes "de/du/des/de la" and keeps its kind noun ("le château de
# Vauclair", "le col du Pradel", "les gorges de la Vézère"), unlike a place named after "de" ("l'île
# d'Ouessant", "la gare de Morteau", "l'aéroport de Paris-Orly")
_NAMED_SITES = _STREETS | SITE_HEADS | NAMED_FEATURE_HEADS


def _site_head_end(lower: list[str], i: int) -> int | None:
    """End of the kind noun of a site starting at token i: "col", "place", "réserve naturelle"."""
    if lower[i] in _NAMED_SITES:
        return i + 1
    if lower[i] != "réserve":
        return None
    j = i + 1
    while j < len(lower) and lower[j] in RESERVE_ADJECTIVES:
        j += 1
    return j if j > i + 1 else None


def _street_start(ctx: Context, c: Candidate) -> int | None:
    """Start of "place de la Bastille" when the model found only "Bastille": a lower-case street word,
    de/du/des [la/l'] right before the name, itself after an article or a preposition (not a postal
    line "12, rue de la Paix"); not a country or region ("la place de la France en Europe"), but a town may
    name a street ("rue de Lyon")."""
    lower, words = ctx.lower, ctx.words
    site = _site_head_end(lower, c.start)
    if site is not None and c.end - site > 1 and lower[site] in _STREET_LINKS:
        name = site + 1 + (lower[site + 1] in ("la", "l'", "l’"))
        if name < c.end:  # the model's span already holds the street word: "place de la Bastille"
            return _street_start(ctx, Candidate(name, c.end, c.label, c.source))
    k = c.start - 1
    if k >= 0 and lower[k] in ("la", "l'", "l’") and k > 0 and lower[k - 1] in ("de", "d'", "d’"):
        k -= 1
    if k < 1 or lower[k] not in _STREET_LINKS or c.label == "PER" or not is_cap(words[c.start]):
        return None
    head = k - 1
    while head > 1 and lower[head] in RESERVE_ADJECTIVES:
        head -= 1  # "la réserve naturelle nationale des X"
    if _site_head_end(lower, head) != k or not words[head].islower() or head == 0:
        return None
    name = ctx.span_text(c.start, c.end)
    if lower[head - 1] not in DETERMINERS_OR_PREPS | {"et"} or country_name(name) is not None:
        return None
    if is_known_place(name) and country_code(name) is None:
        return None  # a region or continent ("la place de l'Europe dans le monde")
    if any(ctx.is_break(j) for j in range(head + 1, c.start + 1)):
        return None
    return head


def _join_head_and_name(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """ "Groupe hospitalier" + "Saint-Aubert", "Centre hospitalier" + "Sainte-Marthe": a body's head
    and adjectives and the name right after them, which the model cut in two, are one body (ORG)."""
    words, lower = ctx.words, ctx.lower
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: c.start):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == c.start
            and prev.end - prev.start >= 2
            and lower[prev.start] in NAME_HEADS
            and is_title(words[prev.start])
            and all(words[k].islower() and ctx.pos[k] == "ADJ" for k in range(prev.start + 1, prev.end))
            and c.label in ("LOC", "PER")
            and c.end - c.start <= 3
            and all(is_cap(words[k]) or words[k] == "-" for k in range(c.start, c.end))
            and not ctx.is_break(c.start)
        ):
            prev.end, prev.label, prev.cue = c.end, "ORG", "ORG"
            continue
        out.append(c)
    return out


def model_candidates(ctx: Context) -> list[Candidate]:
    """spaCy's entities, cut where a name cannot continue: line breaks, colons, brackets, quotes,
    contacts, a comma in a person or place, "et/&" between names, a case change in a headline."""
    words, lower, n = ctx.words, ctx.lower, ctx.n
    out: list[Candidate] = []
    for ent_start, ent_end, ent_label in ctx.ents:
        label = ent_label if ent_label in LABELS else "MISC"
        start = ent_start
        for i in range(ent_start, ent_end + 1):
            if i == ent_end or ctx.is_break(i):
                if i > start:
                    out.append(Candidate(start, i, label, "model"))
                start = i + 1
            elif i > start and _cut_before(ctx, i, start, ent_end, label):
                out.append(Candidate(start, i, label, "model"))
                start = i
                if lower[i] in ("en", "à", "au", "aux") and label != "PER":
                    label = "LOC"
    for c in out:  # "France 2030", "Horizon 2020", "Paris 2024": a programme or event named with its year
        if (
            c.label != "PER"
            and c.end < n
            and _YEAR.fullmatch(words[c.end])
            and ctx.spaced[c.end - 1]
            and lower[c.end - 1] not in MONTHS
            and not (c.end + 1 < n and lower[c.end + 1] in MONTHS)
        ):
            c.end += 1
            c.label = c.cue = "MISC"
    for c in out:  # « Numérique inclusif »: a name between quotes runs to the closing quote
        if c.label in ("MISC", "ORG") and c.start > 0 and words[c.start - 1] in _QUOTES_OPEN:
            k = c.end
            while k < n and k - c.start < 10 and words[k] not in _QUOTES_CLOSE:
                if ctx.is_break(k) or (ctx.punct[k] and words[k] not in ("'", "’", "-")) or ctx.finite[k]:
                    break
                k += 1
            if k < n and words[k] in _QUOTES_CLOSE:
                c.end = k
    for c in out:  # "Centre Léo Dupuis", "salle Marie Curie": a venue named after a person, or a
        k = c.start - 1  # lower-case venue word and its name ("le cinéma Lux Palace", "rue Kościuszki")
        if (
            k >= 0
            and (lower[k] in FACILITY_HEADS or (lower[k] in _RIVERS and c.label == "LOC"))
            and (
                (c.label == "PER" and (is_title(words[k]) or words[k].islower()))
                or (
                    c.label in ("LOC", "MISC")
                    and words[k].islower()
                    and is_cap(words[c.start])
                    and (not is_known_place(ctx.span_text(c.start, c.end)) or lower[k] in _STREETS)
                )
            )
        ):
            if words[k].islower() and not (
                k == 0
                or lower[k - 1] in DETERMINERS
                or ctx.is_break(k - 1)
                or (words[k - 1] == "," and k > 1 and not ctx.num[k - 2])  # "à l'accueil, rue X"
            ):
                continue
            c.start, c.label, c.cue, c.keep_lower, c.fixed = k, "LOC", "LOC", words[k].islower(), True
    out = _join_head_and_name(ctx, out)
    for c in out:  # "place de la Bastille", "rue du Port": a street named with an article
        k = _street_start(ctx, c)
        if k is not None:
            c.start, c.label, c.cue, c.keep_lower, c.fixed = k, "LOC", "LOC", True, True
    for c in out:  # "Suisse romande", "Europe centrale": a place and its regional adjective
        if c.label == "LOC" and c.end < n and lower[c.end] in REGION_ADJECTIVES and words[c.end].islower():
            c.end += 1
    return out


def head_candidates(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """Names headed by an institution/event noun, completed with their complements.

    A model span that starts with such a head is extended ("Dialogue de haut" -> "Dialogue de haut
    niveau"); a capitalised head inside a sentence with at least one complement is a new candidate
    ("Stratégie du Conseil de l'Europe pour les droits de l'enfant").
    """
    words, lower, pos = ctx.words, ctx.lower, ctx.pos
    out: list[Candidate] = []
    starts = {c.start: c for c in cands}
    for c in cands:
        i = c.start
        while i < c.end - 1 and (lower[i] in DETERMINERS or lower[i] in LEADING_FUNCTION_WORDS):
            i += 1
        if lower[i] in NAME_HEADS and is_cap(words[i]) and (c.end - i > 1 or not ctx.initial[i]):
            end = complement_end(ctx, i)
            if end > c.end:
                label = "MISC" if lower[i] in MISC_HEADS else "ORG"
                out.append(
                    Candidate(i, end, label, "pattern", cue=label, char_end=_glued_paren_end(ctx, end))
                )
    for i, low in enumerate(lower):
        if low not in NAME_HEADS or not is_title(words[i]) or i in starts:
            continue
        if ctx.initial[i] and not _whole_line_name(ctx, i):
            continue
        if i > 0 and is_cap(words[i - 1]) and not ctx.initial[i - 1] and lower[i - 1] not in DETERMINERS:
            continue
        end = complement_end(ctx, i)
        complemented = end > i + 1 and any(
            is_cap(words[k]) or pos[k] in ("NOUN", "PROPN") for k in range(i + 1, end)
        )
        if low in PLURAL_ORG_HEADS and not any(is_cap(words[k]) for k in range(i + 1, end)):
            continue  # "les Moulins de la région": a plural noun written with a capital, no company
        if complemented and (end - i >= 3 or pos[i + 1] == "ADJ"):
            label = "MISC" if low in MISC_HEADS else "ORG"
            out.append(Candidate(i, end, label, "pattern", cue=label, char_end=_glued_paren_end(ctx, end)))
    return out


def _whole_line_name(ctx: Context, i: int) -> bool:
    """A line that is one name headed by token i, with a capitalised complement: "Collectif de défense de
    Marie Durand" heading a contact block (a sentence would go on after the name)."""
    if i > 0 and "\n" not in ctx.words[i - 1] and not ctx._is_marker(i - 1):
        return False
    end = complement_end(ctx, i)
    line_ends = end >= ctx.n or "\n" in ctx.words[end] or ctx.words[end].isspace()
    return line_ends and end - i >= 3 and any(is_cap(ctx.words[k]) for k in range(i + 1, end))


def event_candidates(ctx: Context) -> list[Candidate]:
    """ "le sommet de Séoul", "l'accord de Paris": an event or act named after the place of the
    model's LOC right after "de" is one MISC name, as the guidelines want for named summits."""
    lower = ctx.lower
    out: list[Candidate] = []
    for ent_start, ent_end, ent_label in ctx.ents:
        i = ent_start - 2
        if ent_label != "LOC" or i < 1 or lower[i + 1] not in ("de", "d'", "d’"):
            continue
        if lower[i] in EVENTS_OF_PLACE and ctx.words[i].islower() and lower[i - 1] in DETERMINERS:
            out.append(Candidate(i, ent_end, "MISC", "pattern", cue="MISC", keep_lower=True))
    return out


# a festival's name after the lower-case word, which may join two names by one of these: "le festival
# Jazz en Brière", "le festival Rock en Seine" (a town after "à" is the festival's place, not its name)
_FESTIVAL_LINKS = frozenset(("en", "sur", "de", "des", "du"))


def festival_candidates(ctx: Context) -> list[Candidate]:
    """ "le festival Jazz en Brière": the capitalised name after a lower-case "festival", with a second
    capitalised part after "en/sur/de", is one MISC name (the model cuts it at "en" and types the
    second part LOC)."""
    words, lower = ctx.words, ctx.lower
    out: list[Candidate] = []
    for i in range(1, ctx.n - 1):
        if lower[i - 1] not in ("festival", "festivals") or not words[i - 1].islower():
            continue
        end = i
        while end < ctx.n and is_cap(words[end]) and not ctx.is_break(end):
            end += 1
        if end == i:
            continue
        link = end
        if link + 1 < ctx.n and lower[link] in _FESTIVAL_LINKS and words[link].islower():
            k = link + 1
            while k < ctx.n and is_cap(words[k]) and not ctx.is_break(k):
                k += 1
            if k > link + 1:
                end = k
        if end - i >= 2:
            out.append(Candidate(i, end, "MISC", "pattern", cue="MISC", fixed=True))
    return out


def _glued_paren_end(ctx: Context, end: int) -> int | None:
    """ "durable(voir" is one token: the name ends before the bracket."""
    pos = ctx.words[end - 1].find("(", 1)
    return ctx.idx[end - 1] + pos if pos > 0 else None


def _acronym_after(ctx: Context, end: int) -> tuple[int, int] | None:
    """Token range of "(ACRONYM)" right after `end`, if any ("(DAE)", "(DG TRADE)")."""
    words = ctx.words
    if end < ctx.n and words[end] == "(":
        k = end + 1
        while k < ctx.n and k - end <= 3 and words[k] != ")":
            k += 1
        if k < ctx.n and words[k] == ")" and k > end + 1:
            inner = ctx.span_text(end + 1, k)
            if is_acronym(inner) or (
                k - (end + 1) == 1 and sum(ch.isupper() for ch in inner) >= 2 and inner[:1].isupper()
            ):
                return end + 1, k
    return None


def body_candidates(ctx: Context) -> list[Candidate]:
    """Lower-case official bodies: "délégation aux affaires européennes (DAE)",
    "direction générale des entreprises", "ministère de l'Économie"."""
    words, lower = ctx.words, ctx.lower
    out: list[Candidate] = []
    for i, low in enumerate(lower):
        is_body = low in BODY_HEADS
        if not (is_body or low in MISC_HEADS) or not words[i].islower():
            continue
        # "la DGE (direction générale des entreprises)": a long form given after its acronym
        reverse = i > 1 and words[i - 1] == "(" and is_acronym(words[i - 2])
        if i > 0 and lower[i - 1] not in _BEFORE_BODY and not reverse:
            continue
        end = complement_end(ctx, i, with_a=is_body)
        if end <= i + 1 or not any(lower[k] in ALL_PREPS for k in range(i, end)):
            continue
        if reverse and not (end < ctx.n and words[end] == ")"):
            continue
        pair = tuple(lower[i : i + 2])
        strong = is_body and any(pair[: len(s)] == s for s in STRONG_BODY_STARTS)
        if low == "ministère" and not any(is_cap(words[k]) for k in range(i + 1, end)):
            strong = False
        after = _acronym_after(ctx, end)
        if strong or reverse or after:
            label = "ORG" if is_body else "MISC"
            out.append(Candidate(i, end, label, "body", cue=label, keep_lower=True))
            # the acronym itself, which the model may miss
            if reverse:
                out.append(Candidate(i - 2, i - 1, label, "acronym", cue=label, fixed=True))
            elif after:
                out.append(Candidate(after[0], after[1], label, "acronym", cue=label, fixed=True))
    return out


_LONG_FORM = re.compile(
    r"\b(?:République|Royaume|Grand-Duché|Grand Duché|Principauté|Sultanat|Émirat|Etat|État|"
    r"Confédération|Fédération|Commonwealth|Union)\b"
)
_WORD_END = re.compile(r"[\w'’-]+")


def country_long_forms(ctx: Context) -> list[Candidate]:
    """Official long forms of countries ("République de Pologne", "Royaume du Maroc"): one
    LOC span, whatever the model cut, when the place data know the whole form as a country."""
    out: list[Candidate] = []
    text = ctx.text
    for m in _LONG_FORM.finditer(text):
        ends = [w.end() for w in _WORD_END.finditer(text, m.start(), min(len(text), m.start() + 90))]
        for end in reversed(ends[1:8]):
            chunk = text[m.start() : end]
            if "\n" in chunk or country_name(chunk) is None:
                continue
            span = ctx.token_span(m.start(), end)
            # "président de la République tunisienne" is a role, not a place (GUIDELINES)
            # ("président de la République de Pologne": the role stops before a country named with "de")
            if span is not None and not (
                not any(w in ("de", "du", "d'", "d’", "des") for w in ctx.lower[span[0] : span[1]])
                and any(ctx.lower[k] in ROLE_HEADS for k in range(max(0, span[0] - 3), span[0]))
            ):
                out.append(Candidate(*span, "LOC", "pattern", cue="LOC", fixed=True))
            break
    for start, end, label in ctx.ents:  # "Sierra" of "Sierra Leone": the whole country name
        if label == "LOC" and end < ctx.n and country_name(ctx.span_text(start, end)) is None:
            for stop in (end + 1, end + 2):
                if stop <= ctx.n and country_name(ctx.span_text(start, stop)) is not None:
                    out.append(Candidate(start, stop, "LOC", "pattern", cue="LOC", fixed=True))
                    break
    return out


def plural_head_candidates(ctx: Context) -> list[Candidate]:
    """ "les Moulins Vallée d'Eure", "des Ateliers Morvan Frères": a plural company head after "les/des"
    and the capitalised name set beside it, without "de", are one company (ORG)."""
    words, lower, n = ctx.words, ctx.lower, ctx.n
    out: list[Candidate] = []
    for i, low in enumerate(lower):
        if (
            low not in PLURAL_ORG_HEADS
            or not is_title(words[i])
            or i == 0
            or lower[i - 1] not in ("les", "des")
        ):
            continue
        j = i + 1
        while j < n and not ctx.is_break(j):
            if is_cap(words[j]) and not ctx.punct[j]:
                j += 1
            elif lower[j] in ("d'", "d’", "de", "du") and j + 1 < n and is_cap(words[j + 1]) and j > i + 1:
                j += 2
            else:
                break
        if j > i + 1:
            out.append(Candidate(i, j, "ORG", "pattern", cue="ORG"))
    return out
