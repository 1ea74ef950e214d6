"""The registry and the schemas agree: every per-document table is filled by the documents row or an
extractor, every extractor's table has a schema, and the internal keyphrase-candidate table has the
fields of the records it is made from."""

from __future__ import annotations

import dataclasses

import pyarrow as pa

from pipeline.keywords import KeyphraseCandidate
from pipeline.registry import EXTRACTORS, PASS_TABLES, REWRITTEN
from pipeline.tables import (
    DOCUMENTS,
    ENTITY_SUMMARY,
    KEYWORD_CANDIDATES,
    SIMILAR_DOCUMENTS,
    TABLES,
)

_ARROW = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def test_every_table_is_made_by_one_pass() -> None:
    per_document = {name for name, spec in TABLES.items() if spec.per_document}
    assert per_document <= set(PASS_TABLES) and DOCUMENTS.name in PASS_TABLES
    finished = {(e.finished or e.table).name for e in EXTRACTORS if e.finish is not None}
    corpus_level = {name for name, spec in TABLES.items() if not spec.per_document}
    assert corpus_level == {n for n in finished if not TABLES[n].per_document} | {
        ENTITY_SUMMARY.name,
        SIMILAR_DOCUMENTS.name,
    }
    assert len({e.name for e in EXTRACTORS}) == len(EXTRACTORS)
    assert set(REWRITTEN) == {"entities", "quotes"}  # rewritten in place with corpus-wide names


def test_keyword_candidates_schema_is_the_candidate_record() -> None:
    fields = dataclasses.fields(KeyphraseCandidate)
    assert KEYWORD_CANDIDATES.column_names == ["doc_id", *(f.name for f in fields)]
    hints = {f.name: f.type for f in fields}
    for column in KEYWORD_CANDIDATES.columns[1:]:
        python_type = {"str": str, "int": int, "float": float, "bool": bool}[hints[column.name]]
        assert column.type == _ARROW[python_type], column.name
    assert not KEYWORD_CANDIDATES.exported
