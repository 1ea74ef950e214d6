"""Acronyms a document defines, in either order: "délégation aux affaires européennes (DAE)" and
"la DGE (direction générale des entreprises)". The acronym takes the label of its long form, and
the long form becomes its canonical name (see canonical_names)."""

from __future__ import annotations

import re

from pipeline.places import is_known_place

from .context import Context
from .records import Candidate, Mention
from .shapes import is_acronym
from .words import ALL_PREPS, DETERMINERS, MISC_HEADS, NAME_HEADS, ORG_HEADS

_BRACKETED = re.compile(r"\(\s*([A-Z]{2,6})\s*\)")
# a departmental service's acronym and its département's number: "(SDIS 26)", "(UDAF 2A)"
_BRACKETED_NUMBERED = re.compile(r"\(\s*(([A-Z]{2,6})\s+(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6]))\s*\)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_NOT_INITIALS = ALL_PREPS | DETERMINERS | {"et", "l", "d"}

_AFTER_LONG_FORM = re.compile(r"\s*[\"»”’']?\s*\(\s*([^()\n]{2,20}?)\s*\)")
_ACRONYM_LIKE = re.compile(r"[A-Z][\w.\-]*[A-Z][\w.\-]*")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")


def acronym_definitions(ctx: Context, mentions: list[Mention]) -> dict[str, Mention]:
    """Acronyms a document defines: "LONG FORM (ACR)"; the acronym mention gets the long form's label."""
    defs: dict[str, Mention] = {}
    text = ctx.text
    for m in mentions:
        _take_lower_case_end(ctx, m)
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        rest = text[m.end : m.end + 40]
        mm = _AFTER_LONG_FORM.match(rest)
        if not mm:
            continue
        acr = mm.group(1).rstrip("+")  # "FSE+": the programme after its long form
        if not (is_acronym(acr) or _ACRONYM_LIKE.fullmatch(acr)) or is_acronym(m.text):
            continue
        if len(m.text.split()) < 2:
            continue
        defs.setdefault(acr, m)
        a_start = m.end + mm.start(1)
        inner = by_start.get(a_start)
        if inner is not None and inner.text == acr:
            inner.label = m.label
            inner.cue = inner.cue or m.label
    # "la loi visant à sécuriser ... (SREN)": an acronym closing a phrase headed by a law or plan noun
    for m in mentions:
        if not is_acronym(m.text) or m.text in defs or m.cue or ctx.lookup(m.text):
            continue
        if not text[max(0, m.start - 2) : m.start].strip().endswith("("):
            continue
        k = m.tok_start - 2
        while k >= 0 and m.tok_start - k < 16 and not ctx.is_break(k):
            if ctx.finite[k] or (k < m.tok_start - 2 and ctx.words[k] in (".", ";")):
                break
            if (
                ctx.lower[k] in MISC_HEADS
                and ctx.words[k].islower()
                and k > 0
                and ctx.lower[k - 1] in DETERMINERS
            ):
                m.label = m.cue = "MISC"
                break
            k -= 1
    # "DGE (direction générale des entreprises)": the acronym first, its long form in brackets
    for m in mentions:
        if not is_acronym(m.text) or m.text in defs:
            continue
        mm = _OPEN_BRACKET.match(text[m.end : m.end + 5])
        long = by_start.get(m.end + mm.end()) if mm else None
        if (
            long is not None
            and len(long.text.split()) > 1
            and text[long.end : long.end + 3].lstrip().startswith(")")
        ):
            defs[m.text] = long
            m.label = long.label
            m.cue = m.cue or long.label
    # "« Plan Vallée verte » (PVV)" where the model cut the long form: the capitalised words whose
    # initials spell the acronym are its long form all the same
    for m in mentions:
        if not is_acronym(m.text) or m.text in defs or ctx.text[m.start - 1 : m.start] != "(":
            continue
        found = _long_form_before(ctx.text, m.start - 1, m.text)
        if found is not None and ctx.text[found[0]].isupper():
            s, e = found
            defs[m.text] = Mention(s, e, ctx.text[s:e], m.label, m.cand)
    # "(SDIS 26)" defines "SDIS" too: "le directeur du SDIS" is the same departmental service
    for acr, long in list(defs.items()):
        letters, _, number = acr.partition(" ")
        if number and _BRACKETED_NUMBERED.fullmatch(f"({acr})") and letters not in defs:
            defs[letters] = long
            for m in mentions:
                if m.text == letters and not ctx.lookup(letters):
                    m.label = long.label
                    m.cue = m.cue or long.label
    return defs


_LOWER_END = re.compile(r"((?:\s+[a-zéèêàâîôûç][\w'’\-]*){1,2})\s*\(\s*([A-Z]{2,6})\s*\)")


def _take_lower_case_end(ctx: Context, m: Mention) -> None:
    """ "Mouvement pour un cyclisme crédible (MPCC)" where the model stopped before "crédible": one or two
    lower-case words that end the name before its acronym in brackets are the name's when the
    acronym's letters spell the whole and not the cut name."""
    if m.label not in ("ORG", "MISC") or len(m.text.split()) < 2 or is_acronym(m.text):
        return
    mm = _LOWER_END.match(ctx.text, m.end)
    if not mm or "\n" in mm.group(1):
        return
    acr, whole = mm.group(2), ctx.text[m.start : m.end + len(mm.group(1))]
    if not _spells(_WORD.findall(whole), acr) or _spells(_WORD.findall(m.text), acr):
        return
    span = ctx.token_span(m.start, m.start + len(whole))
    if span is None:
        return
    m.end, m.text, m.tok_end = m.start + len(whole), whole, span[1]


def _spells(words: list[str], acr: str) -> bool:
    """Whether the initials of `words` spell `acr`, a preposition or article giving its letter or not
    ("Mouvement pour un cyclisme crédible" spells "MPCC")."""
    if not words:
        return not acr
    head, rest = words[0], words[1:]
    if head.lower() in _NOT_INITIALS and _spells(rest, acr):
        return True
    return bool(acr) and head[0].upper() == acr[0] and _spells(rest, acr[1:])


def _long_form_before(text: str, bracket: int, acr: str) -> tuple[int, int] | None:
    """Offsets of the words before text[bracket] ("(") whose content initials spell `acr`; a place
    that ends the long form may fall outside the initials ("Centre hospitalier universitaire de
    Brest (CHU)")."""
    words = list(_WORD.finditer(text, max(0, bracket - 120), bracket))
    if not words:
        return None
    end = words[-1].end()
    for cut in range(len(words), max(0, len(words) - 4), -1):
        kept = words[:cut]
        if cut < len(words):
            place = text[words[cut].start() : end]
            of = kept[-1].group().lower()
            if of in ("la", "l") and len(kept) > 1:  # "de la Drôme": the article before the place
                of = kept[-2].group().lower()
                place = text[kept[-1].end() : end].lstrip(" '’")
            if of not in ("de", "du", "d") or not is_known_place(place):
                continue
        content = [w for w in kept if w.group().lower() not in _NOT_INITIALS]
        tail = content[-len(acr) :]
        if len(tail) == len(acr) and "".join(w.group()[0] for w in tail).upper() == acr:
            if "\n" in text[tail[0].start() : bracket]:
                return None
            return tail[0].start(), end
        start = _hyphenated_initials_start(content, acr)
        if start is not None and "\n" not in text[start:bracket]:
            return start, end
    return None


def _hyphenated_initials_start(content: list[re.Match[str]], acr: str) -> int | None:
    """Start of the last words whose parts' initials spell `acr` when a hyphenated name gives one
    letter a part ("Autoroutes Rhône-Cévennes (ARC)"); None when no word is hyphenated."""
    letters = ""
    for w in reversed(content):
        letters = "".join(part[0] for part in w.group().split("-")) + letters
        if len(letters) >= len(acr):
            hyphenated = "-" in w.group() or any("-" in x.group() for x in content[content.index(w) :])
            return w.start() if letters.upper() == acr and hyphenated else None
    return None


def common_noun_acronyms(ctx: Context) -> set[str]:
    """Acronyms the text defines as a common noun phrase, not a name: "zones dangereuses confirmées
    (ZDC)", "très petites entreprises (TPE)" are no entity; "agence de ... (AXY)" is one."""
    out: set[str] = set()
    named: set[str] = set()
    for m in _BRACKETED.finditer(ctx.text):
        acr = m.group(1)
        before = _WORD.findall(ctx.text[max(0, m.start() - 120) : m.start()])
        content = [w for w in before if w.lower() not in _NOT_INITIALS]
        tail = content[-len(acr) :]
        if len(tail) != len(acr) or "".join(w[0] for w in tail).upper() != acr:
            continue
        if all(w.islower() for w in tail) and tail[0] not in NAME_HEADS:
            out.add(acr)
        else:
            named.add(acr)
    return out - named


def bracketed_acronym_candidates(ctx: Context) -> list[Candidate]:
    """ "la Mutualité sociale agricole (MSA)": an acronym in brackets whose letters are the initials of
    the capitalised name before it is that name's acronym, even when the model misses it (the label
    the model gave the whole name, else ORG or MISC by its head noun)."""
    out: list[Candidate] = []
    found_acronyms = [(m, m.group(1)) for m in _BRACKETED.finditer(ctx.text)]
    found_acronyms += [(m, m.group(2)) for m in _BRACKETED_NUMBERED.finditer(ctx.text)]
    for m, acr in found_acronyms:
        found = _long_form_before(ctx.text, m.start(), acr)
        span = ctx.token_span(m.start(1), m.end(1))
        if found is None or span is None or not ctx.text[found[0]].isupper():
            continue
        whole = ctx.token_span(*found)
        label = next((lab for s, e, lab in ctx.ents if whole == (s, e) and lab in ("ORG", "MISC")), None)
        # the model's own name: the acronym is taken as surely as a gazetteer's ("AMIS" is also a word)
        source = "acronym"
        head, *rest = ctx.text[found[0] : found[1]].split()
        head = head.lower()
        if label is None and any(w[:1].isupper() for w in rest):
            # a head noun and a capitalised complement ("Centre hospitalier universitaire de Brest");
            # not "Très Petites Entreprises (TPE)", "Comité technique (CT)": the filters still apply
            label = "ORG" if head in ORG_HEADS else "MISC" if head in MISC_HEADS else None
            source = "pattern"
        if label is not None:
            out.append(Candidate(span[0], span[1], label, source, cue=label, fixed=True))
    return out


def _initials(name: str) -> str:
    """The initials of a name's content words: "Mutualité sociale agricole" -> "MSA"."""
    return "".join(w[0] for w in _WORD.findall(name) if w.lower() not in _NOT_INITIALS).upper()
