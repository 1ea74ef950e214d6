"""A person's function, written next to the name and kept out of the span: "le ministre de la
Culture, M. X" and "Anne Durand, ministre de la Culture". Ministerial portfolios ("ministre de
l'Économie") are found here too: their capitalised words are not entities."""

from __future__ import annotations

from pipeline.canonical import clean_surface
from pipeline.places import is_known_place

from .complements import complement_end
from .context import Context
from .lexicon import is_common_word
from .records import Candidate, Mention
from .shapes import is_cap
from .words import (
    ALL_PREPS,
    COMPLEMENT_PREPS,
    DETERMINERS,
    HONORIFICS,
    PORTFOLIO_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)


def role_after(ctx: Context, m: Mention) -> str | None:
    """ "Anne Durand, ministre de la Culture, ..." -> "ministre de la Culture, ..."."""
    k = m.tok_end
    if k < ctx.n and ctx.words[k] == ",":
        k += 1
    if k < ctx.n and ctx.lower[k] in ("le", "la", "l'"):
        k += 1
    if k >= ctx.n or ctx.lower[k] not in ROLE_HEADS or is_cap(ctx.words[k]) and ctx.pos[k] == "PROPN":
        return None
    end = role_end(ctx, k)
    return clean_surface(ctx.span_text(k, end).rstrip(" ,")) or None


def role_end(ctx: Context, k: int) -> int:
    """End of a function phrase starting at role head k (its modifiers and complements)."""
    lower, n = ctx.lower, ctx.n
    j = k + 1
    while True:
        while j < n and (
            lower[j] in ROLE_MODIFIERS
            or lower[j] in ROLE_HEADS
            or (ctx.pos[j] == "ADJ" and ctx.words[j].islower())
        ):
            j += 1
        if j < n and lower[j] in ("chargé", "chargée", "auprès"):
            j += 1
        # "commissaire européen au marché intérieur"
        end = complement_end(ctx, j - 1, with_a=True) if j < n and lower[j] in ALL_PREPS else j
        j = max(j, end)
        if j + 1 < n and lower[j] == "et" and lower[j + 1] in ROLE_HEADS:
            j += 2
            continue
        break
    return j


def role_before(ctx: Context, m: Mention) -> str | None:
    """Function and honorifics just before the name: "le ministre de la Culture, M. X" ->
    "ministre de la Culture; M."; "le président chinois, Xi Jinping" -> "président chinois"."""
    words, lower = ctx.words, ctx.lower
    k = m.tok_start - 1
    honorifics: list[int] = []
    while k >= 0 and lower[k] in HONORIFICS:
        honorifics.append(k)
        k -= 1
    parts: list[str] = []
    e = k - 1 if k >= 0 and words[k] == "," else k
    for j in range(e, max(-1, e - 14), -1):
        if ctx.is_break(j) or (ctx.punct[j] and j != e and words[j] != ","):
            break
        if lower[j] in ROLE_HEADS and (j == 0 or lower[j - 1] in DETERMINERS or ctx.punct[j - 1]):
            if role_end(ctx, j) >= e + 1:
                parts.append(clean_surface(ctx.span_text(j, e + 1)))
            break
    if honorifics:
        parts.append(clean_surface(ctx.span_text(min(honorifics), max(honorifics) + 1)))
    return "; ".join(parts) or None


def portfolio_spans(ctx: Context) -> list[tuple[int, int]]:
    """Token ranges of ministerial complements: "ministre de la Culture, des Sports et de ..."."""
    out = []
    for i, low in enumerate(ctx.lower):
        if low in PORTFOLIO_HEADS and low not in ("délégué", "déléguée", "président", "présidente"):
            end = role_end(ctx, i)
            if end > i + 1:
                out.append((i + 1, end))
    return out


def portfolio_place(ctx: Context, c: Candidate) -> None:
    """ "ministre du Commerce et de l'Industrie de Norvège": a candidate inside a portfolio that runs
    from a capitalised portfolio word to the minister's country keeps the country only (LOC)."""
    lower, words = ctx.lower, ctx.words
    for k in range(c.start + 1, c.end):
        if lower[k - 1] not in COMPLEMENT_PREPS or not is_cap(words[k]):
            continue
        if not is_known_place(ctx.span_text(k, c.end)):
            continue
        head = [
            t for t in range(c.start, k) if lower[t] not in COMPLEMENT_PREPS and lower[t] not in DETERMINERS
        ]
        if head and all(is_common_word(lower[t]) and not is_known_place(words[t]) for t in head):
            c.start, c.label, c.cue = k, "LOC", "LOC"
        return
