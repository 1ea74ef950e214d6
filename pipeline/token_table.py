"""Token attributes of a Doc as plain lists, read in bulk.

`doc[i]` and `for t in doc` build a new spaCy Token object for every access, and its string
attributes are decoded again each time: on press releases that costs more than the rules that read
them. One `Doc.to_array` call gives the hashes and flags of every token; strings and morphology are
then looked up once per distinct hash, through caches shared by every document of the run. The
per-document pass builds one table per document and passes it to the documents row and to every
extractor.
"""

from __future__ import annotations

from operator import add

import numpy
from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    LIKE_NUM,
    LOWER,
    MORPH,
    ORTH,
    POS,
    SENT_START,
    SPACY,
)
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, MorphAnalysis

from .token_strings import cached_map, decode

_COLUMNS = [ORTH, LOWER, POS, SPACY, SENT_START, MORPH, IS_PUNCT, IS_SPACE, LIKE_NUM, IS_ALPHA, IDX]
_WHITESPACE = ("", " ")
_MORPH: dict[str, dict[int, list[str]]] = {}  # field -> morphology hash -> MorphAnalysis.get(field)


def token_table(doc: Doc) -> TokenTable:
    """The TokenTable of `doc`. The per-document pass builds it once and hands it to every stage
    (registry.Context.tokens); an extractor called on its own builds its own."""
    array = doc.to_array(_COLUMNS) if len(doc) else numpy.zeros((0, len(_COLUMNS)), dtype="uint64")
    return TokenTable(doc, array)


class TokenTable:
    """Attributes of every token: `words[i]` is doc[i].text, `lower[i]` its lower_, `pos[i]` its pos_,
    `idx[i]` its idx; `spaced`, `punct`, `space`, `num`, `alpha` are 0/1 for whitespace_ == " ",
    is_punct, is_space, like_num, is_alpha. The lists may be shared: read them, never modify them."""

    def __init__(self, doc: Doc, array: numpy.ndarray) -> None:
        """`array`: doc.to_array(_COLUMNS)."""
        self.doc = doc
        self.n = n = len(doc)
        orth, lower, pos, spacy, _, morph, punct, space, num, alpha, _ = array.T.tolist()
        strings = doc.vocab.strings
        self.words: list[str] = decode(strings, orth)
        self.lower: list[str] = decode(strings, lower)
        self.pos: list[str] = list(map(POS_NAMES.__getitem__, pos))
        self.spaced, self.punct, self.space, self.num, self.alpha = spacy, punct, space, num, alpha
        self.morph_ids: list[int] = morph
        self.text = "".join(map(add, self.words, map(_WHITESPACE.__getitem__, spacy)))  # doc.text
        self.idx: list[int] = array[:, 10].tolist()
        # the sentences of doc.sents: token 0, then every token with is_sent_start
        starts = array[:, 4] == 1
        if n:
            starts[0] = True
        self.sentence_starts: list[int] = numpy.flatnonzero(starts).tolist()  # first token of each
        self.sentence_of: list[int] = (numpy.cumsum(starts) - 1).tolist()  # sentence of each token
        ends = [*self.sentence_starts[1:], n]
        self.sentences = list(zip(self.sentence_starts, ends, strict=True)) if n else []  # (start, end)
        self._morph: dict[str, list[list[str]]] = {}

    def morph(self, field: str) -> list[list[str]]:
        """token.morph.get(field, []) of each token."""
        if field not in self._morph:
            vocab, cache = self.doc.vocab, _MORPH.setdefault(field, {})
            self._morph[field] = cached_map(
                cache, self.morph_ids, lambda h: MorphAnalysis.from_id(vocab, h).get(field, [])
            )
        return self._morph[field]
