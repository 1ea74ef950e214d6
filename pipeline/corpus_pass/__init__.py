"""The corpus pass: what depends on other documents, computed from the per-document tables.

Mergeable by construction, so that every engine runs the same functions and only where they run
differs: each part of the corpus (all of it in one process, or one batch of documents per Dask task)
gives small statistics (`PartStats.of`); the statistics are merged in corpus order (`merge_stats`) and
decide the corpus-wide facts (`CorpusFacts`: canonical names, lemma document frequencies); the facts
are applied to each part (`finish_part`: final entities, quotes, keywords and entity-summary tallies);
the merged tallies make the entity summary; similar documents need every document's final features
and run once. No spaCy: adding one document re-runs this pass over cached rows, which is cheap.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from ..settings import Settings
from ..tables import (
    DOCUMENTS,
    ENTITIES,
    ENTITY_SUMMARY,
    KEYWORD_CANDIDATES,
    KEYWORDS,
    SIMILAR_DOCUMENTS,
    TABLES,
    THEMES,
    conform,
)
from .finish import FinishedPart, finish_part, merge_finished
from .similar import similar_table, theme_matrix_of
from .statistics import CorpusFacts, DocumentFrequencies, PartStats, Triple, merge_stats
from .summary import Tallies, entity_summary, merge_tallies, tally_entities

__all__ = [
    "CorpusFacts",
    "DocumentFrequencies",
    "FinishedPart",
    "PartStats",
    "Tallies",
    "Triple",
    "build_corpus_tables",
    "entity_summary",
    "finish_part",
    "merge_finished",
    "merge_stats",
    "merge_tallies",
    "similar_table",
    "tally_entities",
    "theme_matrix_of",
]


def build_corpus_tables(
    per_document: dict[str, pa.Table], settings: Settings, *, top_k: int = 10, similar_k: int = 5
) -> tuple[dict[str, pa.Table], pd.DataFrame]:
    """The corpus pass over one part holding every document: (every exported table, the wide document
    x theme matrix for spreadsheets).

    `per_document`: each per-document table (and the keyphrase candidates), rows grouped by document,
    documents in corpus order: ties between documents (the long form of an acronym, the order of
    surface forms) go to the first, so the order must not depend on the cache or the workers."""
    entities, candidates = per_document[ENTITIES.name], per_document[KEYWORD_CANDIDATES.name]
    facts = CorpusFacts.of(merge_stats(PartStats.of(entities, candidates)), settings.gazetteer)
    documents = per_document[DOCUMENTS.name]
    finished = finish_part(0, per_document, documents, facts, top_k)
    assert finished.tables is not None
    tables = {name: per_document[name] for name in TABLES if name in per_document}
    tables.update(finished.tables)
    tables[ENTITY_SUMMARY.name] = entity_summary(finished.tallies)
    tables[SIMILAR_DOCUMENTS.name] = similar_table(
        tables[KEYWORDS.name], tables[THEMES.name], tables[ENTITIES.name], similar_k
    )
    matrix = theme_matrix_of(documents, tables[THEMES.name], settings.taxonomy)
    return {name: conform(TABLES[name], tables[name]) for name in TABLES}, matrix
