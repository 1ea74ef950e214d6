"""The workbook stores text as text (never formulas) and publication dates as date cells."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import openpyxl
import pandas as pd

from pipeline.export.xlsx import FIXED_TIME, write_workbook
from pipeline.tables import DATES, DOCUMENTS, TABLES, empty_table, to_table

HOSTILE = ['=HYPERLINK("http://evil","clic")', "+33 1 40 00 00 00", "-- tiret", "@handle"]


def _tables() -> dict:
    tables = {name: empty_table(spec) for name, spec in TABLES.items()}
    tables["documents"] = to_table(
        DOCUMENTS,
        [
            {
                "doc_id": f"d{i}",
                "path": f"d{i}.txt",
                "status": "ok",
                "title": t,
                "published": dt.date(2024, 3, i + 1),
            }
            for i, t in enumerate([*HOSTILE, "Déclaration à l'Élysée"])
        ],
    )
    tables["dates"] = to_table(
        DATES,
        [
            {
                "doc_id": "d0",
                "start": 0,
                "end": 8,
                "text": "mai 2019",
                "value": "2019-05",
                "granularity": "month",
            }
        ],
    )
    return tables


def test_workbook_cells(tmp_path: Path) -> None:
    path = tmp_path / "tables.xlsx"
    matrix = pd.DataFrame({"doc_id": ["d0"], "sante": [1.5]})
    write_workbook(_tables(), matrix, path)
    wb = openpyxl.load_workbook(path)
    assert "documents" in wb.sheetnames and "doc_theme_matrix" in wb.sheetnames
    ws = wb["documents"]
    header = [c.value for c in ws[1]]
    title_col, published_col = header.index("title") + 1, header.index("published") + 1
    titles = [ws.cell(row=r, column=title_col) for r in range(2, 7)]
    assert [c.value for c in titles] == [*HOSTILE, "Déclaration à l'Élysée"]
    assert all(c.data_type == "s" for c in titles)  # text, not formula ("f")
    assert all(c.quotePrefix for c in titles[:4])
    published = ws.cell(row=2, column=published_col)
    assert published.is_date and published.value.date() == dt.date(2024, 3, 1)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    value_col = [c.value for c in wb["dates"][1]].index("value") + 1
    assert wb["dates"].cell(row=2, column=value_col).value == "2019-05"  # TimeML value stays text
    assert wb["doc_theme_matrix"].cell(row=2, column=2).value == 1.5


def test_the_same_tables_give_the_same_bytes(tmp_path: Path) -> None:
    """openpyxl stamps the workbook and its zip entries with the time of writing: fixed here, so that a
    re-run with nothing new writes a byte-identical workbook."""
    matrix = pd.DataFrame({"doc_id": ["d0"], "sante": [1.5]})
    write_workbook(_tables(), matrix, tmp_path / "a.xlsx")
    time.sleep(2.1)  # zip entry times have a two-second resolution: cross at least one tick
    write_workbook(_tables(), matrix, tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    assert openpyxl.load_workbook(tmp_path / "b.xlsx").properties.modified == FIXED_TIME
