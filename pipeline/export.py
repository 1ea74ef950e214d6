"""Writing the tables: Parquet, CSV flavours, analysed texts; atomically, under a lock.

Everything is first written to a staging folder inside OUT_DIR, then moved into place with
os.replace, so an interrupted run leaves the previous outputs complete.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

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
    if isinstance(table, pa.Table):
        # Integers stay integers when a column has nulls (skipped documents), so that a value is written
        # the same way whatever else is in the table: "12", never "12.0" (a dataset is written part by part).
        frame = table.to_pandas(date_as_object=True, types_mapper=_INTEGERS.get)
    else:
        frame = table.copy()
    if flavor != "rfc":
        for col in frame.columns:
            if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
                frame[col] = frame[col].map(lambda v: neutralise_formula(v) if isinstance(v, str) else v)
    return frame


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
        for stale in (*self.out_dir.glob(".staging-*"), *self.out_dir.glob(".old-*")):
            shutil.rmtree(stale, ignore_errors=True)  # left by a killed run: we hold the lock, nobody uses it
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
            if entry.is_dir() or target.is_dir():
                # A folder replaces whatever was there (and is replaced whole): a Dask run writes
                # <table>.parquet as a folder of part files where a local run writes one file.
                old = None
                if target.exists() or target.is_symlink():
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
