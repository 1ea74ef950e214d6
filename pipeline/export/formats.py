"""The file formats of a table: Parquet, and CSV in three flavours (rfc for tools, excel and excel-fr for
spreadsheets, with formula-like cells neutralised)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

CSV_FLAVORS = ("rfc", "excel", "excel-fr")
FORMATS = ("csv", "parquet")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: str) -> str:
    """OWASP CSV-injection defence: a cell a spreadsheet would evaluate is prefixed with an apostrophe."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_frame(table: pa.Table | pd.DataFrame, flavor: str) -> pd.DataFrame:
    if isinstance(table, pa.Table):
        # Integers stay integers when a column has nulls (skipped documents), so that a value is written
        # the same way whatever else is in the table: "12", never "12.0" (a dataset is written part by part).
        frame = table.to_pandas(date_as_object=True, types_mapper=_INTEGERS.get)
    else:
        frame = table.copy()
    if flavor != "rfc":
        words = SPREADSHEET_BOOLEANS[flavor]
        for col in frame.columns:
            if _is_boolean(frame[col]):
                frame[col] = frame[col].map(lambda v: words[v] if isinstance(v, bool | np.bool_) else v)
            elif frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
                frame[col] = frame[col].map(lambda v: neutralise_formula(v) if isinstance(v, str) else v)
    return frame


# How the spreadsheet of each flavour's locale writes a boolean, so that it reads the cell as one (a
# French-locale Excel or LibreOffice reads "True" as text, "VRAI" as a boolean).
SPREADSHEET_BOOLEANS = {"excel": {True: "TRUE", False: "FALSE"}, "excel-fr": {True: "VRAI", False: "FAUX"}}


def _is_boolean(column: pd.Series) -> bool:
    """A boolean column, nulls allowed (a column with nulls comes from Arrow as objects)."""
    if pd.api.types.is_bool_dtype(column):
        return True
    if column.dtype != object:
        return False
    values = column.dropna()
    return len(values) > 0 and all(isinstance(v, bool | np.bool_) for v in values)


_INTEGERS = {
    pa.int8(): pd.Int8Dtype(),
    pa.int16(): pd.Int16Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
}


def csv_options(flavor: str) -> dict[str, object]:
    """pandas.to_csv options of a CSV flavour (encoding included)."""
    if flavor not in CSV_FLAVORS:
        raise ValueError(f"unknown CSV flavour {flavor!r}: choose one of {', '.join(CSV_FLAVORS)}")
    options: dict[str, object] = {"index": False, "lineterminator": "\r\n", "encoding": "utf-8"}
    if flavor != "rfc":
        options["encoding"] = "utf-8-sig"
    if flavor == "excel-fr":
        options.update(sep=";", decimal=",")
    return options


def write_csv(table: pa.Table | pd.DataFrame, path: Path, flavor: str = "rfc") -> None:
    options = csv_options(flavor)
    csv_frame(table, flavor).to_csv(path, **options)


def write_csv_chunks(
    chunks: Iterable[pa.Table | pd.DataFrame], handle: BinaryIO, flavor: str = "rfc"
) -> None:
    """One CSV from consecutive chunks (the part files of a dataset), byte for byte what `write_csv`
    writes for their concatenation: header and byte-order mark once. Nothing is written for no chunk."""
    options = csv_options(flavor)
    text = io.TextIOWrapper(handle, encoding=str(options.pop("encoding")), newline="")
    try:
        for i, chunk in enumerate(chunks):
            csv_frame(chunk, flavor).to_csv(text, header=i == 0, **options)
        text.flush()
    finally:
        text.detach()


def write_parquet(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path)
