"""Mentions completed with what the rest of the document says: a name found once is found everywhere
(the model is not consistent), a short form repeats the head of a longer name ("la Commission" after
"Commission européenne"), and "Chili-Pérou" is two places when each is named on its own."""

from __future__ import annotations

import re
from bisect import bisect_right

from pipeline.canonical import capitalise, clean_surface, normalize_key

from .context import Context
from .labels import is_park_body
from .records import Candidate, Mention
from .shapes import is_acronym, is_cap, is_title
from .words import (
    COMPLEMENT_PREPS,
    INDEFINITE_DETERMINERS,
    NAME_HEADS,
    ORG_HEADS,
    PURPOSE_HEADS,
    PURPOSE_NOT_FIRST,
    PURPOSE_STOPS,
)

_HYPHEN = re.compile(r"\s+[-–]\s+|(?<=[a-zé])[-–](?=[A-ZÉ])")
_NOT_BEFORE_NAME = re.compile(r"[\w@.-]")  # a name found again does not follow one of these
_NOT_AFTER_NAME = re.compile(r"[\w@-]")


def _find_names(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    r"""(start, end, name) of the names written in `text`: what the regex
    `(?<![\w@.-])(?:name1|name2|...)(?![\w@-])` with the longest names first finds, found with
    str.find (a regex of each document's names would be compiled for that document alone)."""
    found: dict[int, str] = {}  # start -> the longest name that can start there
    for name in sorted(names, key=len, reverse=True):
        i = text.find(name)
        while i != -1:
            if (
                i not in found
                and not (i and _NOT_BEFORE_NAME.match(text, i - 1))
                and not _NOT_AFTER_NAME.match(text, i + len(name))
            ):
                found[i] = name
            i = text.find(name, i + 1)
    out: list[tuple[int, int, str]] = []
    end = 0
    for i in sorted(found):  # leftmost first, without overlap, as a regex scan goes
        if i >= end:
            end = i + len(found[i])
            out.append((i, end, found[i]))
    return out


def propagate(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """A name found once is found everywhere in the document (the model is not consistent)."""
    words = ctx.words
    names: dict[str, Mention] = {}
    for m in mentions:
        if len(m.text) >= 2 and is_cap(m.text) and "\n" not in m.text:
            names.setdefault(m.text, m)
    if not names:
        return mentions
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in taken]
    out = list(mentions)
    replaced: set[tuple[int, int]] = set()
    for s, e, name in _find_names(ctx.text, list(names)):
        k = bisect_right(starts, e) - 1
        inner = [(ts, te) for ts, te in taken[max(0, k - 3) : k + 2] if s < te and ts < e]
        if inner and not (" " in name and all(s <= ts and te <= e and te - ts < e - s for ts, te in inner)):
            continue
        span = ctx.token_span(s, e)
        if span is None or any(ctx.contact[t] for t in range(*span)):
            continue
        first, end = span
        src = names[name]
        if ctx.initial[first] and ctx.common_initial(first, src.label) and not inner:
            continue  # a name cut at a sentence-initial common word ("Avenir" of "Avenir Santé") is whole
        if first > 0 and is_cap(words[first - 1]) and not ctx.initial[first - 1]:
            continue  # part of a longer capitalised name
        if end < ctx.n and is_title(words[end]):
            continue
        if first > 0 and ctx.lower[first - 1] in INDEFINITE_DETERMINERS and is_acronym(name):
            continue  # "dans un CHU", "chaque CCI": the kind of body, not the one the text names
        cand = Candidate(first, end, src.label, "propagated")
        out.append(Mention(s, e, name, src.label, cand, tok_start=first, tok_end=end, cue=src.cue))
        replaced.update(inner)
    if replaced:
        out = [m for m in out if (m.start, m.end) not in replaced]
    return sorted(out, key=lambda m: m.start)


# "l'aéroport de Paris-Orly", "la gare de Lille-Europe": a facility named by two places is one name
_FACILITY_BEFORE = re.compile(
    r"\b(?:aéroports?|aérodromes?|gares?|ports?|stades?|hippodromes?|circuits?|campus) (?:de |d'|d’|du )?$",
    re.I,
)


def split_hyphenated(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """ "Chili-Pérou" is two places when each part is also named on its own in the document."""
    names = {normalize_key(m.text) for m in mentions} | ctx.mention_keys
    out: list[Mention] = []
    for m in mentions:
        parts = _HYPHEN.split(m.text)
        if (
            m.label in ("LOC", "MISC")
            and not _FACILITY_BEFORE.search(ctx.text, max(0, m.start - 40), m.start)
            and len(parts) == 2
            and all(is_cap(p) and len(p) > 2 for p in parts)
            and (parts[0] == parts[1] or all(normalize_key(p) in names for p in parts))
        ):
            pos = m.start
            for p in parts:
                s = ctx.text.index(p, pos)
                out.append(Mention(s, s + len(p), p, "LOC", m.cand, tok_start=m.tok_start, tok_end=m.tok_end))
                pos = s + len(p)
            continue
        out.append(m)
    return out


def short_form_mentions(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """A capitalised head noun inside a sentence that repeats the head of a longer name of the
    document ("la Commission" after "Commission européenne") is a mention of that name."""
    words = ctx.words
    heads: dict[str, str] = {}
    for m in mentions:
        w = m.text.split()
        if len(w) > 1 and (w[0].lower() in NAME_HEADS or is_park_body(w)) and m.label in ("ORG", "MISC"):
            heads.setdefault(w[0], m.label)  # "le Parc" after "Parc naturel régional du Vexin"
    gaz_heads: dict[str, str] = {}
    for m in mentions:
        entry = ctx.lookup(m.text)
        if entry is not None:
            for name in entry.names:
                w = name.split()
                if len(w) > 1 and w[0].lower() in NAME_HEADS:
                    gaz_heads.setdefault(w[0], entry.label)
    taken = [(m.start, m.end) for m in mentions]
    out = list(mentions)
    if heads or gaz_heads:
        for i, word in enumerate(words):
            label = heads.get(word) or gaz_heads.get(word)
            if label is None or ctx.initial[i] or not is_title(word):
                continue
            if i + 1 < ctx.n and (is_cap(words[i + 1]) or ctx.pos[i + 1] == "ADJ"):
                continue
            if i + 2 < ctx.n and ctx.lower[i + 1] in COMPLEMENT_PREPS and words[i + 2].islower():
                continue  # "le Comité de pilotage": the head with a complement of its own is another group
            s, e = ctx.idx[i], ctx.end_char(i)
            if any(s < te and ts < e for ts, te in taken):
                continue
            cand = Candidate(i, i + 1, label, "short", cue=label)
            out.append(Mention(s, e, word, label, cand, tok_start=i, tok_end=i + 1, cue=label))
    out += _lower_case_short_forms(ctx, mentions, taken)
    return sorted(out, key=lambda m: m.start)


_SHORT_FORM_END = re.compile(r"\s+(?:à|au|aux|pour|en|sur)\s+")
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:le|la|du|au)\s+|\bl['’])$", re.I)


def _lower_case_short_forms(
    ctx: Context, mentions: list[Mention], taken: list[tuple[int, int]]
) -> list[Mention]:
    """ "le comité de soutien" after "Comité de soutien à Marie Durand": the name's head and its first
    complement, written with a definite article, is a mention of the body the document names."""
    out: list[Mention] = []
    for m in mentions:
        first = m.text.split(" ", 1)[0].lower()
        if m.label != "ORG" or first not in ORG_HEADS:
            continue
        cut = _SHORT_FORM_END.search(m.text)
        short = m.text[: cut.start()] if cut else ""
        if len(re.split(r"[\s'’]+", short)) < 3 or not short.split()[-1].islower():
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(short) + r"(?!\w)(?!\s+(?:à|au|aux|pour|en|sur)\s)", re.I)
        for hit in pattern.finditer(ctx.text):
            s, e = hit.span()
            if any(s < te and ts < e for ts, te in taken) or not _ARTICLE_BEFORE.search(
                ctx.text[max(0, s - 4) : s]
            ):
                continue
            span = ctx.token_span(s, e)
            if span is None:
                continue
            cand = Candidate(*span, "ORG", "short", cue="ORG", keep_lower=True)
            short_form = Mention(
                s, e, hit.group(), "ORG", cand, tok_start=span[0], tok_end=span[1], cue="ORG"
            )
            short_form.canonical = m.canonical or capitalise(clean_surface(m.text))
            out.append(short_form)
            taken.append((s, e))
    return out


_PURPOSE = re.compile(
    r" pour (?:la |le |les |l'|l’)((?:[a-zà-ÿœæ]+)(?: [a-zà-ÿœæ]+){0,4})(?=\s*[,.;:()]|\s*$)", re.M
)


def purpose_complements(ctx: Context, mentions: list[Mention]) -> None:
    """ "la Fondation Cerval pour la musique,", "le Fonds Hassan II pour le développement économique et
    social,": a body's head and proper name, then "pour" + a purpose in lower case that runs to the end
    of the clause, is one name (a purpose that goes on with "de/à ..." is the sentence's, not the name's)."""
    for m in mentions:
        words = m.text.split()
        if m.label != "ORG" or len(words) < 2 or words[0].lower() not in PURPOSE_HEADS:
            continue
        if not is_title(words[0]):
            continue
        if not all(w[0].isupper() for w in words[1:]):
            continue  # "Fondation Cerval", "Fonds Hassan II"
        p = _PURPOSE.match(ctx.text, m.end)
        purpose = p.group(1).split() if p else []
        if not purpose or purpose[0] in PURPOSE_NOT_FIRST or any(w in PURPOSE_STOPS for w in purpose):
            continue
        span = ctx.token_span(m.start, p.end())
        if span is None:
            continue
        m.end, m.text = p.end(), ctx.text[m.start : p.end()]
        m.tok_start, m.tok_end = span
