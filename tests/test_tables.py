"""Schemas live in one place; the data dictionary is generated from them and kept in docs/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa

from pipeline.dictionary import data_dictionary
from pipeline.tables import DATES, DOCUMENTS, TABLES, conform, empty_table, to_table

ROOT = Path(__file__).resolve().parents[1]


def test_every_column_is_documented() -> None:
    for spec in TABLES.values():
        for column in spec.columns:
            assert len(column.doc) > 10, f"{spec.name}.{column.name} has no meaning in the dictionary"


def test_docs_data_dictionary_is_current() -> None:
    written = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert written.strip() == data_dictionary().strip(), (
        "run: python -m pipeline dictionary -o docs/data-dictionary.md"
    )


def test_dictionary_names_every_exported_column() -> None:
    text = data_dictionary()
    for spec in TABLES.values():
        if spec.exported:
            assert f"## {spec.name}" in text
            for column in spec.columns:
                assert f"| {column.name} | {column.type} |" in text


def test_rows_become_the_exact_schema_empty_or_not() -> None:
    rows = [
        {"doc_id": "a", "start": 3, "end": 9, "text": "12 mars", "value": "2024-03-12", "granularity": "day"}
    ]
    table = to_table(DATES, rows)
    assert table.schema == DATES.schema == empty_table(DATES).schema
    assert table.column("end_value").to_pylist() == [None]


def test_conform_casts_and_sorts() -> None:
    raw = pa.table({"doc_id": ["b", "a"], "path": ["b.txt", "a.txt"], "status": ["ok", "ok"]})
    raw = raw.append_column("published", pa.array([dt.date(2024, 1, 2), None]))
    full = to_table(DOCUMENTS, raw.to_pylist())
    table = conform(DOCUMENTS, full)
    assert table.column("doc_id").to_pylist() == ["a", "b"]
    assert table.schema.field("published").type == pa.date32()
