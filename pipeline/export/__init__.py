"""Writing a run's outputs: the tables in every asked format, staged in the output folder and
published together (folder.py), as Parquet and CSV (formats.py) and an xlsx workbook (xlsx.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa

from ..tables import TABLES
from .folder import (
    MANIFEST,
    OutputBusy,
    OutputError,
    OutputFolder,
    output_folder,
    published_generation,
    read_manifest,
)
from .formats import (
    CSV_FLAVORS,
    FORMATS,
    FORMULA_STARTS,
    csv_frame,
    csv_options,
    neutralise_formula,
    write_csv,
    write_csv_chunks,
    write_parquet,
)
from .manifest import run_manifest

__all__ = [
    "CSV_FLAVORS",
    "FORMATS",
    "FORMULA_STARTS",
    "MANIFEST",
    "OutputBusy",
    "OutputError",
    "OutputFolder",
    "csv_frame",
    "csv_options",
    "neutralise_formula",
    "output_folder",
    "published_generation",
    "read_manifest",
    "run_manifest",
    "write_csv",
    "write_csv_chunks",
    "write_outputs",
    "write_parquet",
]


def write_outputs(
    folder: OutputFolder,
    tables: dict[str, pa.Table],
    theme_matrix: pd.DataFrame,
    *,
    formats: tuple[str, ...] = FORMATS,
    csv_flavor: str = "rfc",
) -> list[Path]:
    """Stage every table of a run (the analysed texts are staged as they are read, in texts/).

    Returns the final paths, valid once `folder.publish()` has run."""
    names: list[str] = []
    for name, table in tables.items():
        if not TABLES[name].exported:
            continue
        if "parquet" in formats:
            write_parquet(table, folder.staged(f"{name}.parquet"))
            names.append(f"{name}.parquet")
        if "csv" in formats:
            write_csv(table, folder.staged(f"{name}.csv"), csv_flavor)
            names.append(f"{name}.csv")
    if "csv" in formats:
        write_csv(theme_matrix, folder.staged("doc_theme_matrix.csv"), csv_flavor)
        names.append("doc_theme_matrix.csv")
    if "xlsx" in formats:
        from .xlsx import write_workbook

        write_workbook(tables, theme_matrix, folder.staged("tables.xlsx"))
        names.append("tables.xlsx")
    folder.staged("texts").mkdir(exist_ok=True)
    names.append("texts")
    return [folder.out_dir / n for n in names]
