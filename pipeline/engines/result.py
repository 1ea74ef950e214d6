"""What a run reports, whichever engine ran it, and the bookkeeping of documents both engines share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import skipped_rows
from ..reading import Document, ReadError
from ..tables import DOCUMENTS, Rows

ProgressCallback = Callable[[int, int], None]  # (documents done, documents in all)
_COUNTED = ("documents", "cached", "repaired", "mojibake")  # what Counts and RunResult both count


@dataclass
class Skipped:
    """A corpus file that was listed but not analysed, and why."""

    doc_id: str
    path: str
    status: str
    detail: str | None


@dataclass
class Counts:
    """Documents of a run or of a part of it, counted the same way by every engine."""

    documents: int = 0
    cached: int = 0
    repaired: int = 0
    mojibake: int = 0
    words: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def unreadable(self, doc_id: str, path: str, error: ReadError) -> Rows:
        """A file that could not be read: listed, with why, and nothing else."""
        self.skipped.append(Skipped(doc_id, path, error.status, str(error)))
        return skipped_rows(doc_id, path, error)

    def analysed(self, document: Document, rows: Rows) -> bool:
        """Count a document whose rows are known; False when it was read but not analysed (its
        language): listed as skipped, and its text is not written."""
        row = rows[DOCUMENTS.name][0]
        if row["status"] != "ok":
            self.skipped.append(
                Skipped(document.doc_id, document.path, row["status"], row.get("status_detail"))
            )
            return False
        self.documents += 1
        self.repaired += document.repaired
        self.mojibake += "mojibake" in document.repairs
        self.words += len(document.text.split())
        return True

    def add(self, other: Counts) -> None:
        for name in (*_COUNTED, "words"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.skipped += other.skipped


@dataclass
class RunResult:
    out_dir: Path | str  # a URL (str) when a Dask run writes to an object store
    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    cached: int = 0
    analysed: int = 0  # documents given to the model in this run (0: the model was not loaded)
    repaired: int = 0
    mojibake: int = 0
    seconds: float = 0.0
    files: list[Path | str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # engine-specific timings and counts
    notes: list[str] = field(default_factory=list)  # what the user should know (cache, a taken-over lock)

    def count(self, counts: Counts) -> None:
        for name in _COUNTED:
            setattr(self, name, getattr(self, name) + getattr(counts, name))
        self.skipped += counts.skipped

    def summary(self) -> str:
        r = self.rows
        line = (
            f"{_count(self.documents, 'document')} ({self.cached} from cache), {len(self.skipped)} skipped; "
            f"{_count(r.get('entities', 0), 'entity', 'entities')}, {_count(r.get('dates', 0), 'date')}, "
            f"{_count(r.get('keywords', 0), 'keyword')}, {_count(r.get('themes', 0), 'theme')}; "
            f"{_count(self.repaired, 'text')} repaired ({self.mojibake} of mojibake); "
            f"{self.seconds:.1f} s -> {self.out_dir}"
        )
        skipped = [f"skipped {s.path}: {s.detail}" for s in self.skipped]
        return "\n".join([line, *skipped, *(f"note: {n}" for n in self.notes)])


def _count(n: int, one: str, many: str | None = None) -> str:
    """'1 document', '2 documents': the summary is read by people."""
    return f"{n} {one if n == 1 else many or one + 's'}"
