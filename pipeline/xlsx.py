"""The xlsx workbook: one sheet per table, for analysts who live in Excel or LibreOffice.

Text cells are always stored as text, never as formulas: a cell that starts like a formula gets
Excel's own "quote prefix" flag (shown as typed, kept as text if edited). Publication dates are
real date cells; TimeML values (2019-05, 201X ...) stay text so no day is invented.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .export import FORMULA_STARTS
from .tables import TABLES

MAX_WIDTH = 60
WIDTH_SAMPLE = 2000
_BOLD = Font(bold=True)


def write_workbook(tables: dict[str, pa.Table], theme_matrix: pd.DataFrame, path: Path) -> None:
    workbook = Workbook(write_only=True)
    for name, table in tables.items():
        if TABLES[name].exported:
            _sheet(
                workbook,
                name,
                table.column_names,
                (list(r.values()) for r in table.to_pylist()),
                table.num_rows,
            )
    _sheet(
        workbook,
        "doc_theme_matrix",
        [str(c) for c in theme_matrix.columns],
        (list(r) for r in theme_matrix.itertuples(index=False)),
        len(theme_matrix),
    )
    workbook.save(path)


def _sheet(
    workbook: Workbook, name: str, header: list[str], rows: Iterable[Sequence[Any]], n_rows: int
) -> None:
    ws: Worksheet = workbook.create_sheet(title=name[:31])
    ws.freeze_panes = "A2"
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE))  # write-only sheets need widths before the first row
    widths = [len(h) for h in header]
    for values in sample:
        for i, v in enumerate(values):
            if v is not None:
                widths[i] = max(widths[i], len(str(v)))
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(w, 6) + 2, MAX_WIDTH)
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(header), 1))}{n_rows + 1}"
    head = []
    for h in header:
        c = WriteOnlyCell(ws, value=h)
        c.font = _BOLD
        head.append(c)
    ws.append(head)
    for values in chain(sample, rows):
        ws.append([_cell(ws, v) for v in values])


def _cell(ws: Worksheet, value: Any) -> WriteOnlyCell:
    if isinstance(value, float) and value != value:
        value = None
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever it starts with
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell
