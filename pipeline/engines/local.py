"""The local engine: the per-document pass on this machine (worker processes on every core), then the
corpus pass over all rows as one part, then the outputs, staged and published at once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from ..cache import AnalysisCache
from ..corpus import require_entries, scan_corpus
from ..corpus_pass import build_corpus_tables
from ..export import OutputError, output_folder, run_manifest, write_outputs, write_parquet
from ..nlp import model_version
from ..options import RunOptions, default_jobs, load_settings
from ..reading import Document, ReadError, read_entry
from ..registry import PASS_TABLES
from ..tables import KEPT, Rows, to_table
from .result import Counts, ProgressCallback, RunResult
from .workers import analyse_documents

ROWS_PER_CHUNK = 256  # documents whose rows are held as Python dicts before becoming Arrow
MIN_DOCS_PER_WORKER = 16


def workers_for(jobs: int | None, total: int) -> int:
    """Worker processes: all cores by default, but none for a handful of documents (start-up costs more)."""
    return max(1, min(jobs or default_jobs(), total // MIN_DOCS_PER_WORKER))


def run_local(options: RunOptions, on_progress: ProgressCallback | None = None) -> RunResult:
    """Analyse and publish; a failed write (full disk...) is one OutputError, the previous outputs intact."""
    try:
        return _run_local(options, on_progress)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise OutputError(
            f"cannot write the outputs to {options.out}: {exc.strerror or exc}{where}; "
            "the previous outputs are intact"
        ) from None


def _run_local(options: RunOptions, on_progress: ProgressCallback | None = None) -> RunResult:
    corpus_dir, out_dir = Path(options.corpus), Path(options.out)
    started = time.perf_counter()
    entries = require_entries(scan_corpus(corpus_dir), corpus_dir)
    settings = load_settings(options)
    result = RunResult(out_dir=out_dir)
    counts = Counts()
    with output_folder(out_dir, wait=options.wait) as folder:
        cache = AnalysisCache(options.cache_dir or out_dir / ".cache", settings.fingerprint(model_version()))
        chunks: dict[str, list[pa.Table]] = {name: [] for name in PASS_TABLES}
        pending: list[Rows] = []
        total, done = len(entries), 0
        corpus_order: dict[str, int] = {}  # doc_id -> position in the corpus

        def add(document: Document | None, rows: Rows) -> None:
            nonlocal done
            if document is not None and counts.analysed(document, rows):
                folder.staged(f"texts/{document.doc_id}.txt").write_text(
                    document.text, encoding="utf-8", newline=""
                )
            pending.append(rows)
            if len(pending) >= ROWS_PER_CHUNK:
                _flush(pending, chunks)
            done += 1
            if on_progress:
                on_progress(done, total)

        def to_analyse() -> Iterator[Document]:
            """Read every file; cached and unreadable ones are handled here, the rest go to spaCy."""
            for entry in entries:
                corpus_order.setdefault(entry.doc_id, len(corpus_order))
                try:
                    document = read_entry(entry, corpus_dir)
                except ReadError as exc:
                    add(None, counts.unreadable(entry.doc_id, entry.path, exc))
                    continue
                cached = None if options.force else cache.get(document.sha256, document.doc_id, document.path)
                if cached is not None:
                    add(document, cached)
                else:
                    yield document

        if on_progress:
            on_progress(0, total)
        for document, rows in analyse_documents(
            to_analyse(), settings, jobs=workers_for(options.jobs, total)
        ):
            result.analysed += 1
            cache.put(document.sha256, rows)
            add(document, rows)
        counts.cached = cache.hits
        _flush(pending, chunks)
        # Rows arrived in an order that depends on the run (cached and unreadable documents as they are
        # read, the others as the model gets through them): the corpus pass gets them in corpus order.
        order = pa.array(list(corpus_order), pa.string())
        per_document = {
            name: _in_corpus_order(pa.concat_tables(tables), order) for name, tables in chunks.items()
        }
        counts.skipped.sort(key=lambda s: corpus_order.get(s.doc_id, total))
        tables, matrix = build_corpus_tables(
            per_document, settings, top_k=options.top_k, similar_k=options.similar_k
        )
        result.files = write_outputs(
            folder, tables, matrix, formats=options.formats, csv_flavor=options.csv_flavor
        )
        for spec in KEPT:  # the inputs of `pipeline compare`, whatever the formats
            write_parquet(per_document[spec.name], folder.staged(f"{spec.name}.parquet"))
        rows = {name: t.num_rows for name, t in tables.items()}
        folder.publish(run_manifest(options, cache.fingerprint, rows))
        result.notes = [*folder.notes, *cache.notes()]
    result.count(counts)
    result.rows = {name: t.num_rows for name, t in tables.items()}
    result.seconds = time.perf_counter() - started
    return result


def _in_corpus_order(table: pa.Table, doc_ids: pa.Array) -> pa.Table:
    """The rows grouped by document, documents in the order of `doc_ids`, each one's rows in their order
    (a stable sort): what a cold run, a warm one and any number of workers all give."""
    if table.num_rows < 2:
        return table
    position = pc.index_in(table.column("doc_id"), value_set=doc_ids)
    return table.take(pc.sort_indices(position))


def _flush(pending: list[Rows], chunks: dict[str, list[pa.Table]]) -> None:
    """Turn buffered row dicts into Arrow tables (compact) and empty the buffer."""
    for name in chunks:
        chunks[name].append(
            to_table(PASS_TABLES[name], (row for rows in pending for row in rows.get(name, [])))
        )
    pending.clear()
