"""The xlsx workbook: one sheet per table, for analysts who live in Excel or LibreOffice.

Text cells are always stored as text, never as formulas: a cell that starts like a formula gets
Excel's own "quote prefix" flag (shown as typed, kept as text if edited). Publication dates are
real date cells; TimeML values (2019-05, 201X ...) stay text so no day is invented.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
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

from ..tables import TABLES
from .formats import FORMULA_STARTS

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
    _make_reproducible(path)


# Written into the workbook's properties and its zip entries instead of the time of the run, so that the
# same tables always give the same bytes (a workbook can be checksummed, diffed and cached like the CSVs).
FIXED_TIME = dt.datetime(2000, 1, 1)
_CORE = "docProps/core.xml"
_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _make_reproducible(path: Path) -> None:
    """Rewrite the saved zip with fixed entry times and fixed created/modified properties (openpyxl
    stamps both with the current time); the entries and their content are otherwise unchanged."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            if name == _CORE:
                data = _W3CDTF.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    os.replace(tmp, path)


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


def write_table_workbook(name: str, table: pa.Table, path: Path) -> None:
    """A workbook of one sheet (a table written apart from a run's, e.g. `pipeline compare`)."""
    workbook = Workbook(write_only=True)
    _sheet(workbook, name, table.column_names, (list(r.values()) for r in table.to_pylist()), table.num_rows)
    workbook.save(path)
    _make_reproducible(path)
