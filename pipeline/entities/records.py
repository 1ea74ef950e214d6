"""The two records the rules pass along: a candidate span in tokens, then a mention in characters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Candidate:
    """A candidate mention in token offsets (end exclusive), with an optional character trim."""

    start: int
    end: int
    label: str
    source: str  # model, pattern, body, gazetteer, acronym, short
    role: str | None = None
    cue: str | None = None  # label given by a cue (stronger than the model's)
    char_end: int | None = None  # end inside the last token ("durable(voir" -> "durable")
    keep_lower: bool = False  # a lower-case official body
    fixed: bool = False  # gazetteer/acronym span: do not trim


@dataclass
class Mention:
    """A kept candidate in character offsets, while labels and canonical names are settled."""

    start: int
    end: int
    text: str
    label: str
    cand: Candidate
    canonical: str | None = None
    tok_start: int = 0
    tok_end: int = 0
    cue: str | None = None
    role: str | None = None
