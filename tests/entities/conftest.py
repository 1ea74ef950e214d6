"""What the entity tests share: the gazetteer, loaded once, and `run`, which extracts the entities of a
French sentence and checks the mention contract (each mention's text is the document's text at its
offsets) on every output."""

from __future__ import annotations

import pytest

from pipeline.canonical import load_gazetteer
from pipeline.entities import EntityMention, extract_entities


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="session")
def run(nlp, gazetteer):
    def _run(text: str) -> list[EntityMention]:
        doc = nlp(text)
        mentions = extract_entities(doc, gazetteer)
        for m in mentions:
            assert doc.text[m.start : m.end] == m.text
        return mentions

    return _run
