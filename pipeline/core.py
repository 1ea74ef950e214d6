"""The `run` job as a plain function: corpus folder -> tables in an output folder.

The CLI only parses arguments and calls `run`; everything it does is callable from Python.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from .analysis import KEYWORD_CANDIDATES, Rows, Settings, analyse_batch, skipped_rows
from .corpus import find_documents
from .corpus_tables import build_corpus_tables
from .export import CSV_FLAVORS, FORMATS, output_folder, write_outputs
from .reading import Document, ReadError, read_document
from .tables import PER_DOCUMENT, TABLES, TableSpec, to_table

ProgressCallback = Callable[[int, int], None]  # (documents done, documents in all)
ROWS_PER_CHUNK = 256  # documents whose rows are held as Python dicts before becoming Arrow


@dataclass
class Skipped:
    doc_id: str
    path: str
    status: str
    detail: str


@dataclass
class RunResult:
    out_dir: Path
    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    repaired: int = 0
    mojibake: int = 0
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        r = self.rows
        line = (
            f"{self.documents} documents analysed, {len(self.skipped)} skipped; "
            f"{r.get('entities', 0)} entities, {r.get('dates', 0)} dates, {r.get('keywords', 0)} keywords, "
            f"{r.get('themes', 0)} themes; {self.repaired} texts repaired ({self.mojibake} of mojibake); {self.seconds:.1f} s -> {self.out_dir}"
        )
        return "\n".join([line] + [f"skipped {s.path}: {s.detail}" for s in self.skipped])


def validate_options(formats: tuple[str, ...], csv_flavor: str) -> None:
    allowed = (*FORMATS, "xlsx")
    unknown = [f for f in formats if f not in allowed]
    if unknown or not formats:
        raise ValueError(f"unknown format {', '.join(unknown) or '(none)'}: choose from {', '.join(allowed)}")
    if csv_flavor not in CSV_FLAVORS:
        raise ValueError(f"unknown CSV flavour {csv_flavor!r}: choose one of {', '.join(CSV_FLAVORS)}")


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run(
    corpus_dir: Path,
    out_dir: Path,
    *,
    formats: tuple[str, ...] = FORMATS,
    csv_flavor: str = "rfc",
    top_k: int = 10,
    similar_k: int = 5,
    taxonomy_path: Path | None = None,
    gazetteer_path: Path | None = None,
    theme_threshold: float | None = None,
    jobs: int | None = None,
    wait: bool = False,
    on_progress: ProgressCallback | None = None,
) -> RunResult:
    """Analyse every document of `corpus_dir` and write all tables to `out_dir`."""
    started = time.perf_counter()
    validate_options(formats, csv_flavor)
    paths = find_documents(corpus_dir)
    settings = Settings.load(taxonomy_path, gazetteer_path, theme_threshold)
    result = RunResult(out_dir=out_dir)
    with output_folder(out_dir, wait=wait) as folder:
        chunks: dict[str, list[pa.Table]] = {name: [] for name in [*PER_DOCUMENT, KEYWORD_CANDIDATES.name]}
        pending: list[Rows] = []
        total, done = len(paths), 0
        if on_progress:
            on_progress(0, total)

        def readable() -> Iterator[Document]:
            nonlocal done
            for path in paths:
                try:
                    yield read_document(path, corpus_dir)
                except ReadError as exc:
                    rel = path.relative_to(corpus_dir)
                    doc_id = rel.with_suffix("").as_posix()
                    result.skipped.append(Skipped(doc_id, rel.as_posix(), exc.status, str(exc)))
                    pending.append(skipped_rows(doc_id, rel.as_posix(), exc))
                    done += 1

        if paths:
            from .nlp import load_nlp

            n_process = max(1, min(jobs or default_jobs(), total // 8 or 1))
            for document, rows in analyse_batch(readable(), load_nlp(), settings, n_process=n_process):
                folder.staged(f"texts/{document.doc_id}.txt").write_text(document.text, encoding="utf-8", newline="")
                result.repaired += document.repaired
                result.mojibake += "mojibake" in document.repairs
                result.documents += 1
                pending.append(rows)
                if len(pending) >= ROWS_PER_CHUNK:
                    _flush(pending, chunks)
                done += 1
                if on_progress:
                    on_progress(done, total)
        _flush(pending, chunks)
        per_document = {name: pa.concat_tables(tables) for name, tables in chunks.items()}
        tables, matrix = build_corpus_tables(per_document, settings, top_k=top_k, similar_k=similar_k)
        result.files = write_outputs(folder, tables, matrix, formats=formats, csv_flavor=csv_flavor)
        folder.publish()
    result.rows = {name: t.num_rows for name, t in tables.items()}
    result.seconds = time.perf_counter() - started
    return result


def _spec(name: str) -> TableSpec:
    return KEYWORD_CANDIDATES if name == KEYWORD_CANDIDATES.name else TABLES[name]


def _flush(pending: list[Rows], chunks: dict[str, list[pa.Table]]) -> None:
    """Turn buffered row dicts into Arrow tables (compact) and empty the buffer."""
    for name in chunks:
        spec = _spec(name)
        chunks[name].append(to_table(spec, _rows_of(pending, name)))
    pending.clear()


def _rows_of(pending: list[Rows], name: str) -> Iterator[dict]:
    for rows in pending:
        yield from rows.get(name, [])
