"""Where a distributed run reads and writes: local paths and fsspec URLs (file://, s3://, gs:// ...).

Every worker opens the same `Location`s (a filesystem object and a path, both picklable), so a run's
corpus and outputs must be reachable from every worker: a shared filesystem mounted at the same path, or
an object store. On a local path (or file://) the output folder keeps the local run's guarantees: an
exclusive lock and an atomic publish of everything at the end. An object store has neither rename nor
locks, so there a run writes under a fresh prefix OUT/run-<UTC time>-<id>/ (its manifest.json naming
it, with the schema version and options) and marks it complete with a _SUCCESS object holding the same
manifest, then points OUT/_LATEST at it, the marker written last: readers take the run _LATEST names
(or the newest run prefix that has _SUCCESS) and ignore the others.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem

from ...corpus import CorpusError, Entry, doc_id_of, is_document_name, mark_duplicate_ids, scan_corpus
from ...export import MANIFEST, OutputFolder, write_csv_chunks

SUCCESS = "_SUCCESS"
LATEST = "_LATEST"


@dataclass(frozen=True)
class Location:
    """A folder or file as (filesystem, absolute path in it): what a task needs to reach it anywhere."""

    fs: Any  # fsspec.AbstractFileSystem
    path: str

    @classmethod
    def parse(cls, url: str | Path) -> Location:
        fs, path = fsspec.core.url_to_fs(str(url))
        return cls(fs, path.rstrip("/") or "/")

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, LocalFileSystem)

    @property
    def url(self) -> str:
        """The path on a local disk, else the full URL (s3://bucket/key)."""
        return self.path if self.is_local else self.fs.unstrip_protocol(self.path)

    def child(self, *names: str) -> Location:
        return Location(self.fs, "/".join([self.path.rstrip("/"), *names]))

    def exists(self) -> bool:
        return bool(self.fs.exists(self.path))


def list_documents(corpus: Location) -> list[str]:
    """The corpus documents as paths relative to `corpus`, sorted: the same files a local run reads."""
    return [e.path for e in list_corpus(corpus) if e.status is None]


def list_corpus(corpus: Location) -> list[Entry]:
    """The corpus listing (documents, and what is listed but not read) as a local run makes it."""
    if corpus.is_local:
        return scan_corpus(Path(corpus.path))
    if not corpus.fs.exists(corpus.path):
        raise CorpusError(f"corpus folder not found: {corpus.url}")
    if not corpus.fs.isdir(corpus.path):
        raise CorpusError(f"corpus path is not a folder: {corpus.url}")
    prefix = corpus.path.rstrip("/") + "/"
    found = []
    for name in corpus.fs.find(corpus.path):
        rel = PurePosixPath(str(name)[len(prefix) :] if str(name).startswith(prefix) else str(name))
        if any(part.startswith(".") for part in rel.parts):
            continue
        if is_document_name(rel.name):
            found.append(Entry(rel.as_posix(), doc_id_of(rel.as_posix())))
    return mark_duplicate_ids(found)


# ----------------------------------------------------------------------------- part files
def part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def write_part(folder: Location, index: int, table: pa.Table) -> None:
    """One part file of a dataset folder. Rewriting it (a retried task) gives the same bytes' content."""
    folder.fs.makedirs(folder.path, exist_ok=True)
    with folder.fs.open(folder.child(part_name(index)).path, "wb") as fh:
        pq.write_table(table, fh)


def read_part(folder: Location, index: int, columns: list[str] | None = None) -> pa.Table:
    with folder.fs.open(folder.child(part_name(index)).path, "rb") as fh:
        return pq.read_table(fh, columns=columns)


def part_indices(folder: Location) -> list[int]:
    names = [PurePosixPath(str(p)).name for p in folder.fs.ls(folder.path, detail=False)]
    return sorted(int(n[5:-8]) for n in names if n.startswith("part-") and n.endswith(".parquet"))


def iter_parts(folder: Location, columns: list[str] | None = None) -> Iterator[pa.Table]:
    for index in part_indices(folder):
        yield read_part(folder, index, columns)


def read_dataset(folder: Location, columns: list[str] | None = None) -> pa.Table:
    """Every part of a dataset folder as one table (for the steps that need it whole)."""
    return pa.concat_tables(list(iter_parts(folder, columns)))


def write_text(folder: Location, name: str, text: str) -> None:
    """An analysed text, byte for byte what a local run writes (UTF-8, line ends untouched)."""
    target = folder.child(*PurePosixPath(name).parts)
    folder.fs.makedirs(target.path.rsplit("/", 1)[0], exist_ok=True)
    folder.fs.pipe_file(target.path, text.encode("utf-8"))


def write_csv_parts(chunks: Iterable[Any], target: Location, flavor: str) -> None:
    """One CSV file from the parts of a dataset, header once (export.write_csv_chunks)."""
    target.fs.makedirs(target.path.rsplit("/", 1)[0], exist_ok=True)
    with target.fs.open(target.path, "wb") as raw:
        write_csv_chunks(chunks, raw, flavor)


# ----------------------------------------------------------------------------- the output folder
class Output:
    """OUT during a run: `tables` (final outputs are written there), `work` (scratch), then `publish`."""

    root: Location
    staging: Location
    work: Location

    def final(self, name: str) -> str:
        """Where an output will be once published."""
        raise NotImplementedError

    def publish(self, summary: dict[str, Any]) -> None:
        raise NotImplementedError


class LocalOutput(Output):
    """A local OUT: the local run's lock, staging folder and atomic publish (export.OutputFolder)."""

    def __init__(self, root: Location, folder: OutputFolder, work: Path) -> None:
        assert folder.staging is not None
        self.root, self.folder = root, folder
        self.staging = Location(root.fs, str(folder.staging))
        self.work = Location(root.fs, str(work))

    def final(self, name: str) -> str:
        return str(Path(self.root.path) / name)

    def publish(self, summary: dict[str, Any]) -> None:
        self.folder.publish(summary)  # OUT/manifest.json, then the switch to this generation


class StoreOutput(Output):
    """OUT on an object store: a fresh run prefix, completed by _SUCCESS (then OUT/_LATEST names it)."""

    def __init__(self, root: Location) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        self.root = root
        self.name = f"run-{stamp}-{uuid.uuid4().hex[:8]}"
        self.staging = root.child(self.name)
        self.work = self.staging.child("_work")
        self.published = False

    def final(self, name: str) -> str:
        return self.staging.child(name).url

    def publish(self, summary: dict[str, Any]) -> None:
        if self.work.exists():
            self.work.fs.rm(self.work.path, recursive=True)
        body = json.dumps({"generation": self.name, **summary}, indent=2, default=str).encode()
        self.root.fs.pipe_file(self.staging.child(MANIFEST).path, body)
        self.root.fs.pipe_file(self.staging.child(SUCCESS).path, body)
        self.root.fs.pipe_file(self.root.child(LATEST).path, (self.name + "\n").encode())  # last: names it
        self.published = True


@contextlib.contextmanager
def open_output(root: Location, wait: bool = False) -> Iterator[Output]:
    """The output folder of one run; on any error nothing of this run becomes visible as complete."""
    if root.is_local:
        with OutputFolder(Path(root.path), wait=wait) as folder:
            work = Path(tempfile.mkdtemp(prefix=".dask-work-", dir=root.path))
            try:
                yield LocalOutput(root, folder, work)
            finally:
                shutil.rmtree(work, ignore_errors=True)
        return
    output = StoreOutput(root)
    try:
        yield output
    finally:
        if not output.published:
            with contextlib.suppress(Exception):  # best effort: an incomplete prefix has no _SUCCESS anyway
                output.staging.fs.rm(output.staging.path, recursive=True)


def latest_run(root: Location) -> Location | None:
    """The completed run an object-store OUT points to (None before the first complete run)."""
    try:
        name = root.fs.cat_file(root.child(LATEST).path).decode().strip()
    except FileNotFoundError:
        return None
    run = root.child(name)
    return run if run.fs.exists(run.child(SUCCESS).path) else None


__all__ = [
    "Location",
    "Output",
    "latest_run",
    "list_corpus",
    "list_documents",
    "open_output",
    "read_dataset",
    "read_part",
    "write_csv_parts",
    "write_part",
    "write_text",
]
