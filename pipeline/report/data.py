"""The tables of a run, read defensively for the report.

A report must build from whatever a run wrote: Parquet when present, else the CSV files (any of the
three flavours), and columns that other versions add or lack (quotes, country, language) are used when
present and ignored when absent. Text columns come back as str ("" for missing), never NaN.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..tables import TABLES

TABLE_NAMES = tuple(name for name, spec in TABLES.items() if spec.exported)
_NUMERIC = {"start", "end", "rank", "score", "hits", "documents", "mentions", "sentence", "repaired_chars"}
_NUMERIC |= {"n_chars", "n_tokens", "n_sentences"}
_BOOL = {"had_bom", "repaired"}
_DATE = {"published", "first_published", "last_published"}


class ReportError(Exception):
    """The output folder does not hold the tables of a run."""


@dataclass
class RunTables:
    out_dir: Path
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)

    def get(self, name: str) -> pd.DataFrame:
        """The table, or an empty frame when the run did not write it."""
        return self.frames.get(name, pd.DataFrame())

    def has(self, name: str, column: str | None = None) -> bool:
        frame = self.frames.get(name)
        return frame is not None and (column is None or column in frame.columns)

    def text(self, doc_id: str) -> str | None:
        """The analysed text that every offset indexes (OUT/texts/<doc_id>.txt), or None."""
        path = self.out_dir / "texts" / f"{doc_id}.txt"
        try:
            if path.resolve().is_relative_to(self.out_dir.resolve()):
                return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            pass
        return None


def load_tables(out_dir: Path) -> RunTables:
    """Every known table of the run in `out_dir`; raises ReportError when there is no documents table."""
    tables = RunTables(Path(out_dir))
    if not Path(out_dir).exists():  # a mistyped folder: said as such
        raise ReportError(f"no folder {out_dir}: give the output folder of a run (its --out)")
    for name in TABLE_NAMES:
        frame = _read(Path(out_dir), name)
        if frame is not None:
            tables.frames[name] = _normalise(frame)
    if "documents" not in tables.frames:
        raise ReportError(
            f"{out_dir} holds no documents table (documents.parquet or .csv): run `pipeline run` first"
        )
    return tables


def _read(out_dir: Path, name: str) -> pd.DataFrame | None:
    parquet, csv_path = out_dir / f"{name}.parquet", out_dir / f"{name}.csv"
    if parquet.exists():
        return pd.read_parquet(parquet)
    if csv_path.exists():
        return _read_csv(csv_path)
    return None


def _read_csv(path: Path) -> pd.DataFrame:
    """rfc (',' UTF-8), excel (BOM, CRLF) or excel-fr (';' and decimal commas) -- told apart by the header."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header = fh.readline()
    sep = ";" if header.count(";") > header.count(",") else ","
    frame = pd.read_csv(
        path,
        sep=sep,
        encoding="utf-8-sig",
        dtype=str,
        keep_default_na=False,
        quoting=csv.QUOTE_MINIMAL,
    )
    if sep == ";":  # excel-fr writes decimal commas
        for col in frame.columns.intersection(list(_NUMERIC)):
            frame[col] = frame[col].str.replace(",", ".", regex=False)
    for col in frame.columns:  # the excel flavours prefix formula-like text with an apostrophe
        prefixed = frame[col].str.match(r"'[=+\-@\t\r]", na=False)
        frame[col] = frame[col].where(~prefixed, frame[col].str[1:])
    return frame


def _normalise(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for col in frame.columns:
        if col in _NUMERIC:
            frame[col] = pd.to_numeric(frame[col], errors="coerce").fillna(0)
        elif col in _BOOL:
            values = frame[col]
            if values.dtype != bool:
                values = values.astype(str).str.strip().str.lower().isin(["true", "1", "yes", "vrai"])
            frame[col] = values.astype(bool)
        elif col in _DATE:
            frame[col] = pd.to_datetime(frame[col], errors="coerce")
        else:
            frame[col] = frame[col].astype(object).where(frame[col].notna(), "").astype(str)
    for col in ("start", "end", "rank", "hits", "documents", "mentions"):
        if col in frame.columns:
            frame[col] = frame[col].astype(int)
    return frame
