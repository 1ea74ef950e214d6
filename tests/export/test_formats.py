"""CSV flavours and Parquet schemas."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.export import neutralise_formula, write_csv, write_parquet
from pipeline.tables import DOCUMENTS, ENTITIES, THEMES, empty_table, to_table

HOSTILE = ['=HYPERLINK("http://x","clic")', "+33 1 40 00 00 00", "-- tiret", "@handle", "Élysée"]


def _entities():
    rows = [
        {
            "doc_id": "d",
            "start": i,
            "end": i + len(t),
            "text": t,
            "label": "MISC",
            "canonical": t,
            "sentence": 0,
        }
        for i, t in enumerate(HOSTILE)
    ]
    return to_table(ENTITIES, rows)


def test_rfc_writes_values_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    write_csv(_entities(), path, "rfc")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, keep_default_na=False)
    assert back["text"].tolist() == HOSTILE
    assert back["start"].dtype.kind == "i"


@pytest.mark.parametrize(("flavor", "sep"), [("excel", ","), ("excel-fr", ";")])
def test_excel_flavours_neutralise_formulas(tmp_path: Path, flavor: str, sep: str) -> None:
    path = tmp_path / "e.csv"
    write_csv(_entities(), path, flavor)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=sep))
    texts = [r["text"] for r in rows]
    assert all(not t.startswith(("=", "+", "-", "@")) for t in texts)
    assert [t[1:] if t.startswith("'") else t for t in texts] == HOSTILE
    assert rows[0]["start"] == "0"  # numbers stay numbers


def test_excel_fr_uses_decimal_comma(tmp_path: Path) -> None:
    table = to_table(
        THEMES,
        [
            {
                "doc_id": "d",
                "theme": "sante",
                "label": "Santé",
                "level": 2,
                "parent": "medtop:07000000",
                "weak": False,
                "score": 2.5,
                "hits": 3,
                "evidence": "vaccin",
            }
        ],
    )
    path = tmp_path / "t.csv"
    write_csv(table, path, "excel-fr")
    assert ";medtop:07000000;" in (text := path.read_text(encoding="utf-8-sig"))
    assert ";2,5;3;vaccin" in text


@pytest.mark.parametrize(
    ("flavor", "sep", "true", "false"), [("excel", ",", "TRUE", "FALSE"), ("excel-fr", ";", "VRAI", "FAUX")]
)
def test_excel_flavours_write_booleans_as_the_spreadsheet_reads_them(
    tmp_path: Path, flavor: str, sep: str, true: str, false: str
) -> None:
    """A French-locale spreadsheet reads "True" as text: a filter on the column would not work."""
    rows = [
        {"doc_id": "a", "path": "a.txt", "status": "ok", "had_bom": True, "repaired": False},
        {"doc_id": "b", "path": "b.txt", "status": "empty"},  # no value: an empty cell
    ]
    path = tmp_path / "d.csv"
    write_csv(to_table(DOCUMENTS, rows), path, flavor)
    back = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=sep))
    assert (back[0]["had_bom"], back[0]["repaired"]) == (true, false)
    assert back[1]["had_bom"] == ""
    write_csv(to_table(DOCUMENTS, rows), path, "rfc")  # tools keep Python's spelling
    assert next(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))["had_bom"] == "True"


def test_neutralise_formula_leaves_plain_text() -> None:
    assert neutralise_formula("Paris") == "Paris"
    assert neutralise_formula("\tx") == "'\tx"


def test_parquet_schema_same_for_empty_and_full(tmp_path: Path) -> None:
    write_parquet(empty_table(ENTITIES), tmp_path / "a.parquet")
    write_parquet(_entities(), tmp_path / "b.parquet")
    assert pq.read_schema(tmp_path / "a.parquet") == pq.read_schema(tmp_path / "b.parquet")


def test_documents_empty_schema_has_dates() -> None:
    assert str(empty_table(DOCUMENTS).schema.field("published").type) == "date32[day]"
