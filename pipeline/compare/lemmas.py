"""The per-document counts `pipeline compare` needs and the model alone can give: content lemmas.

Kept by the per-document pass (registry entry "lemmas", table lemma_counts, cached like every
extractor's rows) so that comparing parts of the corpus never runs spaCy again. Also the front-matter
keys of a document (table front_matter), so that a corpus can be split on any key its files carry.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc

from ..token_strings import decode
from ..token_table import TokenTable

CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})  # not AUX, DET, PRON, ADP, NUM ...
_WORD = re.compile(r"[^\W\d_][\w'’-]*")  # starts with a letter; no abbreviation point ("m.", "cf.")


@dataclass(frozen=True)
class LemmaCount:
    lemma: str
    count: int


@dataclass(frozen=True)
class FrontMatterValue:
    key: str
    value: str


def content_lemmas(doc: Doc, tokens: TokenTable) -> list[LemmaCount]:
    """Lower-cased lemmas of the content words (nouns, names, adjectives, verbs that are not stop
    words: words of two characters at least, abbreviations left out), with their counts, most frequent
    first (ties in text order)."""
    lemma_ids, stop = doc.to_array(["LEMMA", "IS_STOP"]).T.tolist() if len(doc) else ([], [])
    lemmas = decode(doc.vocab.strings, lemma_ids)
    counts: Counter[str] = Counter()
    for lemma, pos, is_stop, word in zip(lemmas, tokens.pos, stop, tokens.lower, strict=True):
        if pos not in CONTENT_POS or is_stop:
            continue
        lemma = (lemma or word).lower()
        if len(lemma) > 1 and _WORD.fullmatch(lemma):
            counts[lemma] += 1
    return [LemmaCount(lemma, n) for lemma, n in counts.most_common()]


def front_matter(metadata: Mapping[str, str]) -> list[FrontMatterValue]:
    """Every front-matter key with a value, keys as reading.py lower-cased them."""
    return [FrontMatterValue(k, v) for k, v in metadata.items() if v != ""]
