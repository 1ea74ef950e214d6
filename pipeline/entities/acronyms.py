"""Acronyms a document defines, in either order: "délégation aux affaires européennes (DAE)" and
"la DGE (direction générale des entreprises)". The acronym takes the label of its long form, and
the long form becomes its canonical name (see canonical_names)."""

from __future__ import annotations

import re

from .context import Context
from .records import Mention
from .shapes import is_acronym
from .words import ALL_PREPS, DETERMINERS, MISC_HEADS, NAME_HEADS

_BRACKETED = re.compile(r"\(\s*([A-Z]{2,6})\s*\)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_NOT_INITIALS = ALL_PREPS | DETERMINERS | {"et", "l", "d"}

_AFTER_LONG_FORM = re.compile(r"\s*[\"»”’']?\s*\(\s*([^()\n]{2,20}?)\s*\)")
_ACRONYM_LIKE = re.compile(r"[A-Z][\w.\-]*[A-Z][\w.\-]*")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")


def acronym_definitions(ctx: Context, mentions: list[Mention]) -> dict[str, Mention]:
    """Acronyms a document defines: "LONG FORM (ACR)"; the acronym mention gets the long form's label."""
    defs: dict[str, Mention] = {}
    by_start = {m.start: m for m in mentions}
    text = ctx.text
    for m in mentions:
        rest = text[m.end : m.end + 40]
        mm = _AFTER_LONG_FORM.match(rest)
        if not mm:
            continue
        acr = mm.group(1)
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
    return defs


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
