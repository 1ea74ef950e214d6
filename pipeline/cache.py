"""Per-document analysis cache: content hash -> the rows of the per-document pass.

An entry is keyed by the SHA-256 of the file's bytes under a folder named by the settings'
fingerprint (pipeline, model, taxonomy and gazetteer versions, thresholds), so any change of those
re-analyses everything and a renamed file does not. Rows are stored without doc_id and path, which
are filled in on load. Entries are written atomically and carry a checksum; a corrupted entry is
treated as missing and recomputed.

An entry is one JSON line of header ({"format", "checksum"}) then the rows as JSON, whose bytes the
checksum covers as written: checking an entry costs a hash, not a second serialisation. Dates are
{"__date__": "YYYY-MM-DD"} objects. The parent process writes an entry for every document analysed
while the workers run, so this is kept to two C-level calls (json.dumps, sha256).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .tables import DOCUMENTS, Rows

FORMAT = 2
_IDENTITY = ("doc_id", "path")  # every row has doc_id; documents rows also path


class AnalysisCache:
    def __init__(self, root: Path, fingerprint: str) -> None:
        self.folder = root / fingerprint
        self.hits = 0
        self.misses = 0

    def _path(self, content_hash: str) -> Path:
        return self.folder / content_hash[:2] / f"{content_hash}.json"

    def get(self, content_hash: str, doc_id: str, path: str) -> Rows | None:
        """The cached rows with this document's id and path, or None (absent or corrupted)."""
        try:
            header_line, _, body = self._path(content_hash).read_bytes().partition(b"\n")
            header = json.loads(header_line)
            if header.get("format") != FORMAT or header.get("checksum") != hashlib.sha256(body).hexdigest():
                raise ValueError("checksum")
            rows: Rows = json.loads(body, object_hook=_decode)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        for items in rows.values():
            for row in items:
                row["doc_id"] = doc_id
        for row in rows.get(DOCUMENTS.name, []):
            row["path"] = path
        return rows

    def put(self, content_hash: str, rows: Rows) -> None:
        stored = {table: [_without_identity(row) for row in items] for table, items in rows.items()}
        body = json.dumps(stored, ensure_ascii=False, default=_encode).encode()
        header = json.dumps({"format": FORMAT, "checksum": hashlib.sha256(body).hexdigest()}).encode()
        target = self._path(content_hash)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(header + b"\n" + body)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


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
