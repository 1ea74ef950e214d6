"""Phrase shapes over the role string of a sentence: which word spans are well-formed candidates. Role
strings repeat across documents, so the matching is cached per shape."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .words import Words

# Phrase shapes over roles. A core is a noun phrase (prenominal adjectives, a noun, then adjectives,
# names or numbers) or a name (names, numbers, name links) with optional adjectives; cores are chained
# by a preposition with an optional article and number ("rupture des deux digues").
_CORE = r"(?:A{0,2}(?:NN?|G)(?:[APM]|LP)*|P(?:[PM]|LP)*A*)"
_LINK = rf"(?:ED?M?{_CORE}|FN[APM]*)"  # "à" only before a bare noun: "appel à projets", not "à Paris"
# The name of a body whose complement opens with "à" ("Comité de soutien à Jeanne Roux", "Délégation
# générale à la Jeunesse"): a capitalised head with an adjective or a "de" complement, then "à" and a name.
_BODY = r"P(?:A+|ED?N[APM]*)FD?P(?:[PM]|LP)*"
_PHRASE = re.compile(rf"{_BODY}|{_CORE}{_LINK}{{0,2}}")
_CHUNK = re.compile(rf"{_BODY}|{_CORE}{_LINK}*")
_NAME_RUN = re.compile(r"P[PML]*")
_MAX_CONTENT = 7
# A year or version number after a name may be left out: "Vendée Globe 2012-2013", "Ubuntu 12.10".
_YEAR_OR_VERSION = re.compile(r"(?:1[89]|20)\d\d(?:-(?:1[89]|20)?\d\d)?|\d+[.,]\d+(?:[.,]\d+)*")


class Shape(NamedTuple):
    """What the role string of a phrase tells about it (cached: a few hundred shapes make a corpus)."""

    key_at: tuple[int, ...]  # the words of the de-duplication key: all but the articles
    has_article: bool
    word_at: tuple[int, ...]  # nouns, names and adjectives
    head_at: int | None  # the first noun; None for names and phrases without a noun (head: the whole key)
    n_words: int
    is_name: bool
    has_name: bool
    has_function_word: bool
    generic: bool


@lru_cache(maxsize=4096)
def _shape(roles: str) -> Shape:
    is_name = all(r in "PML" for r in roles)
    noun = re.search("[NG]", roles)
    return Shape(
        key_at=tuple(k for k, r in enumerate(roles) if r != "D"),
        has_article="D" in roles,
        word_at=tuple(k for k, r in enumerate(roles) if r in "NGPA"),
        head_at=None if is_name or noun is None else noun.start(),
        n_words=sum(r in "NGPAM" for r in roles),
        is_name=is_name,
        has_name="P" in roles,
        has_function_word="E" in roles or "F" in roles,
        generic=roles == "G",
    )


_NAME_AFTER_NAME = re.compile(r"(?<=[PM])P")


def phrase_spans(words: Words) -> list[tuple[int, int, Shape]]:
    """(start, end) word indices and shape of every well-formed phrase of a sentence."""
    roles = words.roles
    # Two names side by side ("la Polonaise Agnieszka Radwanska") are two phrases: cut where the
    # entity recogniser starts a new entity right after a name.
    cuts = [0]
    cuts += [m.start() for m in _NAME_AFTER_NAME.finditer(roles) if words.iobs[m.start()] == "B"]
    cuts.append(len(roles))
    segments = list(zip(cuts[:-1], cuts[1:], strict=True))
    # A name is never split: "Open Water Alliance" gives no "Water", "Léa Martin" no "Léa".
    inside = [False] * (len(roles) + 1)  # inside[i]: word i continues the name of word i - 1
    for lo, hi in segments:
        for run in _NAME_RUN.finditer(roles, lo, hi):
            for i in range(run.start() + 1, run.end()):
                inside[i] = True
    spans = []
    for lo, hi in segments:
        for chunk in _CHUNK.finditer(roles, lo, hi):
            c_lo, c_hi = chunk.span()
            no_start: tuple[int, ...] = ()
            no_end: tuple[int, ...] = ()
            if True in inside[c_lo : c_hi + 1]:
                no_start = tuple(i - c_lo for i in range(c_lo, c_hi) if inside[i])
                no_end = tuple(
                    j - c_lo
                    for j in range(c_lo + 1, c_hi + 1)
                    if inside[j] and not (roles[j] == "M" and _YEAR_OR_VERSION.fullmatch(words.keys[j]))
                )
            chunk_spans = _chunk_spans(roles[c_lo:c_hi], no_start, no_end)
            spans += [(c_lo + i, c_lo + j, shape) for i, j, shape in chunk_spans]
    return spans


@lru_cache(maxsize=65536)
def _chunk_spans(
    shape: str, no_start: tuple[int, ...], no_end: tuple[int, ...]
) -> tuple[tuple[int, int, Shape], ...]:
    """(start, end, shape) of the well-formed phrases of one chunk of roles, given the positions inside a
    name where a phrase may not start (`no_start`) or end (`no_end`). Cached: a few hundred chunk shapes
    make most of a corpus."""
    spans = []
    for i in range(len(shape)):
        if shape[i] not in "ANPG" or i in no_start:
            continue
        for j in range(i + 1, len(shape) + 1):
            sub = shape[i:j]
            if sum(c in "NGPAM" for c in sub) > _MAX_CONTENT:
                break
            if j not in no_end and _PHRASE.fullmatch(sub):
                spans.append((i, j, _shape(sub)))
    return tuple(spans)
