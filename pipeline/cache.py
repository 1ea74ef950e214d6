"""Per-document analysis cache: content hash -> the rows of the per-document pass.

An entry is keyed by the SHA-256 of the file's bytes under a folder named by the settings'
fingerprint (pipeline, model, taxonomy and gazetteer versions, thresholds), so any change of those
re-analyses everything and a renamed file does not. Rows are stored without doc_id and path, which
are filled in on load. Entries are written atomically and carry a checksum; a corrupted entry is
treated as missing and recomputed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .tables import Rows

FORMAT = 1
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
            raw = self._path(content_hash).read_bytes()
            entry = json.loads(raw)
            body = json.dumps(entry["rows"], sort_keys=True, ensure_ascii=False).encode()
            if entry.get("format") != FORMAT or entry.get("checksum") != hashlib.sha256(body).hexdigest():
                raise ValueError("checksum")
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        rows: Rows = {
            table: [{"doc_id": doc_id, **_decode(r)} for r in items] for table, items in entry["rows"].items()
        }
        for row in rows.get("documents", []):
            row["path"] = path
        return rows

    def put(self, content_hash: str, rows: Rows) -> None:
        stored = {
            table: [{k: _encode(v) for k, v in row.items() if k not in _IDENTITY} for row in items]
            for table, items in rows.items()
        }
        body = json.dumps(stored, sort_keys=True, ensure_ascii=False).encode()
        entry = {"format": FORMAT, "checksum": hashlib.sha256(body).hexdigest(), "rows": stored}
        target = self._path(content_hash)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                # json.dumps, not json.dump: dump streams through the pure-Python encoder, 15x slower
                fh.write(json.dumps(entry, ensure_ascii=False))
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    return value


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    return {
        k: dt.date.fromisoformat(v["__date__"]) if isinstance(v, dict) and "__date__" in v else v
        for k, v in row.items()
    }
