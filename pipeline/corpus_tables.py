"""The corpus pass: what depends on other documents, computed from the per-document tables.

Cheap by design (no spaCy): canonical names unified across documents, keyphrases ranked with
corpus document frequencies, the entity summary, the document x theme matrix and similar pairs.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from .analysis import KEYWORD_CANDIDATES, Settings
from .canonical import summarise_entities, unify_canonicals
from .keywords import rank_keyphrases
from .similarity import similar_documents
from .tables import ENTITIES, ENTITY_SUMMARY, KEYWORDS, QUOTES, SIMILAR_DOCUMENTS, TABLES, conform
from .themes import theme_matrix


def build_corpus_tables(
    per_document: dict[str, pa.Table], settings: Settings, *, top_k: int = 10, similar_k: int = 5
) -> tuple[dict[str, pa.Table], pd.DataFrame]:
    """(every exported table, the wide document x theme matrix for spreadsheets).

    `per_document`: each table's rows grouped by document, documents in corpus order (the order of
    `corpus.find_documents`), as `core.run` and the Dask engine give them: ties between documents (the
    long form of an acronym, the order of surface forms) go to the first, so the order must not depend
    on which documents came from the cache or from which worker."""
    frames = {name: _frame(table) for name, table in per_document.items()}
    documents, entities, themes = frames["documents"], frames["entities"], frames["themes"]
    quotes = frames["quotes"]
    if len(entities):
        unified = unify_canonicals(entities, settings.gazetteer).astype(str)
        quotes["speaker_canonical"] = _renamed(quotes, entities, unified)
        entities["canonical"] = unified
    keywords = rank_keyphrases(frames[KEYWORD_CANDIDATES.name], top_k=top_k)
    summary = summarise_entities(entities, documents)
    similar = similar_documents(keywords, themes, entities, k=similar_k)
    ok_ids = sorted(documents.loc[documents["status"] == "ok", "doc_id"])
    matrix = theme_matrix(themes, ok_ids, settings.taxonomy)

    tables = {name: per_document[name] for name in TABLES if name in per_document}
    tables[ENTITIES.name] = _table(ENTITIES.name, entities)
    tables[QUOTES.name] = _table(QUOTES.name, quotes)
    tables[KEYWORDS.name] = _table(KEYWORDS.name, keywords)
    tables[ENTITY_SUMMARY.name] = _table(ENTITY_SUMMARY.name, summary)
    tables[SIMILAR_DOCUMENTS.name] = _table(SIMILAR_DOCUMENTS.name, similar)
    return {name: conform(TABLES[name], tables[name]) for name in TABLES}, matrix


def _renamed(quotes: pd.DataFrame, entities: pd.DataFrame, unified: pd.Series) -> pd.Series:
    """Quote speakers follow their entity to its corpus-wide canonical name."""
    mapping: dict[tuple[str, str], str] = {}
    for doc_id, before, after in zip(entities["doc_id"], entities["canonical"], unified, strict=True):
        mapping.setdefault((doc_id, before), after)
    return pd.Series(
        [mapping.get((d, c), c) for d, c in zip(quotes["doc_id"], quotes["speaker_canonical"], strict=True)],
        index=quotes.index,
        dtype=object,
    )


def _frame(table: pa.Table) -> pd.DataFrame:
    # Dates stay datetime.date objects (not Timestamps) so they round-trip to Arrow date32.
    return table.to_pandas(date_as_object=True)


def _table(name: str, frame: pd.DataFrame) -> pa.Table:
    spec = TABLES[name]
    frame = frame.reindex(columns=spec.column_names)
    return pa.Table.from_pandas(frame, schema=spec.schema, preserve_index=False)
