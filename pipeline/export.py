"""Writing the tables: Parquet, CSV flavours, analysed texts; atomically, under a lock.

Everything is first written to a staging folder inside OUT_DIR, then moved into place with
os.replace, so an interrupted run leaves the previous outputs complete.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .tables import TABLES

CSV_FLAVORS = ("rfc", "excel", "excel-fr")
FORMATS = ("csv", "parquet")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class OutputError(Exception):
    """The output folder cannot be used (not writable, locked by another run)."""


def neutralise_formula(value: str) -> str:
    """OWASP CSV-injection defence: a cell a spreadsheet would evaluate is prefixed with an apostrophe."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_frame(table: pa.Table | pd.DataFrame, flavor: str) -> pd.DataFrame:
    frame = table.to_pandas(date_as_object=True) if isinstance(table, pa.Table) else table.copy()
    if flavor != "rfc":
        for col in frame.columns:
            if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
                frame[col] = frame[col].map(lambda v: neutralise_formula(v) if isinstance(v, str) else v)
    return frame


def write_csv(table: pa.Table | pd.DataFrame, path: Path, flavor: str = "rfc") -> None:
    if flavor not in CSV_FLAVORS:
        raise ValueError(f"unknown CSV flavour {flavor!r}: choose one of {', '.join(CSV_FLAVORS)}")
    frame = csv_frame(table, flavor)
    options: dict[str, object] = {"index": False, "lineterminator": "\r\n", "encoding": "utf-8"}
    if flavor != "rfc":
        options["encoding"] = "utf-8-sig"
    if flavor == "excel-fr":
        options.update(sep=";", decimal=",")
    frame.to_csv(path, **options)


def write_parquet(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path)


class OutputFolder:
    """OUT_DIR under an exclusive lock; files are staged and published together by `publish`."""

    def __init__(self, out_dir: Path, wait: bool = False) -> None:
        self.out_dir = out_dir
        self.wait = wait
        self.staging: Path | None = None
        self._lock_file: int | None = None

    def __enter__(self) -> OutputFolder:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self._lock_file = os.open(self.out_dir / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(
                f"cannot write to output folder {self.out_dir}: {exc.strerror or exc}"
            ) from None
        try:
            fcntl.flock(self._lock_file, fcntl.LOCK_EX | (0 if self.wait else fcntl.LOCK_NB))
        except BlockingIOError:
            os.close(self._lock_file)
            self._lock_file = None
            raise OutputError(
                f"another run is writing to {self.out_dir}; wait for it to finish (or use --wait)"
            ) from None
        try:
            self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.out_dir))
        except OSError as exc:
            self.__exit__(None, None, None)
            raise OutputError(
                f"cannot write to output folder {self.out_dir}: {exc.strerror or exc}"
            ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            os.close(self._lock_file)
            self._lock_file = None

    def staged(self, name: str) -> Path:
        assert self.staging is not None, "use OutputFolder as a context manager"
        path = self.staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def publish(self) -> None:
        """Move every staged entry into OUT_DIR; a staged folder replaces the old one whole."""
        assert self.staging is not None
        for entry in sorted(self.staging.iterdir()):
            target = self.out_dir / entry.name
            if entry.is_dir():
                old = None
                if target.exists():
                    old = Path(tempfile.mkdtemp(prefix=".old-", dir=self.out_dir))
                    os.replace(target, old / entry.name)
                os.replace(entry, target)
                if old is not None:
                    shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(entry, target)


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


@contextlib.contextmanager
def output_folder(out_dir: Path, wait: bool = False) -> Iterator[OutputFolder]:
    with OutputFolder(out_dir, wait=wait) as folder:
        yield folder
