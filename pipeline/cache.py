"""Per-document analysis cache: content hash -> the rows of the per-document pass.

An entry is keyed by the SHA-256 of the file's bytes under a folder named by the settings'
fingerprint (pipeline, model, taxonomy and gazetteer versions, thresholds), so any change of those
re-analyses everything and a renamed file does not. Rows are stored without doc_id and path, which
are filled in on load. Entries are written atomically and carry a checksum; a corrupted entry is
treated as missing and recomputed.

An entry is one JSON line of header ({"format", "checksum"}) then the rows as JSON, whose bytes the
checksum covers as written: checking an entry costs a hash, not a second serialisation. The checksum
also covers the entry's key (content hash) and the settings fingerprint, so an entry copied under
another document's hash or into another settings folder is rejected, not served.

A failed write (full disk, read-only cache) never stops a run: the document is analysed anyway, the
run says once that the cache was not written, and the next run re-analyses it. Dates are
{"__date__": "YYYY-MM-DD"} objects. The parent process writes an entry for every document analysed
while the workers run, so this is kept to two C-level calls (json.dumps, sha256).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .tables import DOCUMENTS, Rows

FORMAT = 3
_IDENTITY = ("doc_id", "path")  # every row has doc_id; documents rows also path


class AnalysisCache:
    def __init__(self, root: Path, fingerprint: str) -> None:
        self.folder = root / fingerprint
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0
        self.used: set[str] = set()  # content hashes this run read or wrote
        self.write_error: str | None = None  # why the cache could not be written, once it failed

    def _checksum(self, content_hash: str, body: bytes) -> str:
        key = f"{FORMAT}\n{self.fingerprint}\n{content_hash}\n".encode()
        return hashlib.sha256(key + body).hexdigest()

    def _path(self, content_hash: str) -> Path:
        return self.folder / content_hash[:2] / f"{content_hash}.json"

    def get(self, content_hash: str, doc_id: str, path: str) -> Rows | None:
        """The cached rows with this document's id and path, or None (absent or corrupted)."""
        try:
            header_line, _, body = self._path(content_hash).read_bytes().partition(b"\n")
            header = json.loads(header_line)
            if header.get("format") != FORMAT or header.get("checksum") != self._checksum(content_hash, body):
                raise ValueError("checksum")
            rows: Rows = json.loads(body, object_hook=_decode)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(content_hash)
        for items in rows.values():
            for row in items:
                row["doc_id"] = doc_id
        for row in rows.get(DOCUMENTS.name, []):
            row["path"] = path
        return rows

    def put(self, content_hash: str, rows: Rows) -> None:
        """Store the rows; after a failed write (disk full...) the cache is not written to again."""
        self.used.add(content_hash)
        if self.write_error is not None:
            return
        stored = {table: [_without_identity(row) for row in items] for table, items in rows.items()}
        body = json.dumps(stored, ensure_ascii=False, default=_encode).encode()
        header = json.dumps({"format": FORMAT, "checksum": self._checksum(content_hash, body)}).encode()
        target = self._path(content_hash)
        tmp: str | None = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(header + b"\n" + body)
            os.replace(tmp, target)
        except OSError as exc:
            self.write_error = exc.strerror or str(exc)
        finally:
            if tmp is not None and self.write_error is not None:
                Path(tmp).unlink(missing_ok=True)

    def write_note(self) -> str | None:
        """The note of a failed write: a Dask task sends it back with its report (the usage note of
        `notes` needs the whole folder, which the client reads once)."""
        if self.write_error is None:
            return None
        return (
            f"the analysis cache could not be written ({self.write_error}): "
            "the next run re-analyses the documents of this one"
        )

    def notes(self) -> list[str]:
        """What the run should say about the cache: a failed write, unused entries outnumbering used ones."""
        notes = [note] if (note := self.write_note()) else []
        usage = folder_usage(self.folder, self.used)
        if usage.unused > usage.used:
            notes.append(
                f"the cache holds {usage.unused} entries no document of this corpus uses "
                f"({usage.unused_bytes / 1e6:.1f} MB) for {usage.used} used: "
                "`pipeline cache --prune` removes them"
            )
        return notes


@dataclass
class Usage:
    """Entries of one settings folder of the cache, used or not by a corpus."""

    used: int = 0
    unused: int = 0
    used_bytes: int = 0
    unused_bytes: int = 0


def entries(folder: Path) -> Iterator[tuple[str, Path, int]]:
    """(content hash, path, size) of every entry in a settings folder."""
    if not folder.is_dir():
        return
    for path in folder.glob("??/*.json"):
        with contextlib.suppress(OSError):
            yield path.stem, path, path.stat().st_size


def folder_usage(folder: Path, used: set[str]) -> Usage:
    usage = Usage()
    for content_hash, _, size in entries(folder):
        if content_hash in used:
            usage.used += 1
            usage.used_bytes += size
        else:
            usage.unused += 1
            usage.unused_bytes += size
    return usage


def _without_identity(row: dict[str, Any]) -> dict[str, Any]:
    stored = row.copy()
    for key in _IDENTITY:
        stored.pop(key, None)
    return stored


def _encode(value: Any) -> Any:
    """json.dumps calls this for what JSON has no type for: only dates occur in rows."""
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    raise TypeError(f"cannot store {type(value).__name__} in the analysis cache")


def _decode(obj: dict[str, Any]) -> Any:
    """json.loads calls this for every object: a row, or a date written by `_encode`."""
    if "__date__" in obj and len(obj) == 1:
        return dt.date.fromisoformat(obj["__date__"])
    return obj


@dataclass
class CacheReport:
    """What `pipeline cache` found (and removed) in a cache folder, per settings folder."""

    root: Path
    fingerprint: str  # the settings of the latest run: its entries are judged against the corpus
    current: Usage
    others: dict[str, Usage]  # other settings folders (all their entries counted as unused)
    removed: int = 0
    removed_bytes: int = 0

    def lines(self) -> list[str]:
        mb = 1e6
        total = sum(u.used_bytes + u.unused_bytes for u in (self.current, *self.others.values()))
        out = [
            f"cache {self.root}: {total / mb:.1f} MB",
            f"  these settings ({self.fingerprint[:12]}): {self.current.used} entries used by the corpus "
            f"({self.current.used_bytes / mb:.1f} MB), {self.current.unused} unused "
            f"({self.current.unused_bytes / mb:.1f} MB)",
        ]
        for name, usage in sorted(self.others.items()):
            out.append(
                f"  other settings ({name[:12]}): {usage.unused} entries ({usage.unused_bytes / mb:.1f} MB)"
            )
        if self.removed:
            out.append(f"removed {self.removed} entries ({self.removed_bytes / mb:.1f} MB)")
        return out


def inspect_cache(
    root: Path, fingerprint: str, used: set[str], *, prune: bool = False, other_settings: bool = False
) -> CacheReport:
    """Sizes of the cache under `root`; with `prune`, remove the entries of `fingerprint` that no
    document in `used` needs, and with `other_settings` also every entry of other settings folders."""
    current = folder_usage(root / fingerprint, used)
    others = {p.name: folder_usage(p, set()) for p in (root.iterdir() if root.is_dir() else []) if p.is_dir()}
    others.pop(fingerprint, None)
    report = CacheReport(root, fingerprint, current, others)
    if prune:
        for content_hash, path, size in entries(root / fingerprint):
            if content_hash not in used:
                path.unlink(missing_ok=True)
                report.removed += 1
                report.removed_bytes += size
    if prune and other_settings:
        for name, usage in others.items():
            shutil.rmtree(root / name, ignore_errors=True)
            report.removed += usage.unused
            report.removed_bytes += usage.unused_bytes
    return report
