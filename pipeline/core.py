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
import pyarrow.compute as pc

from .analysis import KEYWORD_CANDIDATES, Settings, skipped_rows
from .cache import AnalysisCache
from .corpus import find_documents
from .corpus_tables import build_corpus_tables
from .engine import analyse_documents
from .export import CSV_FLAVORS, FORMATS, output_folder, write_outputs
from .nlp import model_version
from .reading import Document, ReadError, read_document
from .tables import PER_DOCUMENT, TABLES, Rows, TableSpec, to_table

ProgressCallback = Callable[[int, int], None]  # (documents done, documents in all)
ROWS_PER_CHUNK = 256
MIN_DOCS_PER_WORKER = 16  # documents whose rows are held as Python dicts before becoming Arrow


@dataclass
class Skipped:
    doc_id: str
    path: str
    status: str
    detail: str


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

    def summary(self) -> str:
        r = self.rows
        line = (
            f"{self.documents} documents ({self.cached} from cache), {len(self.skipped)} skipped; "
            f"{r.get('entities', 0)} entities, {r.get('dates', 0)} dates, {r.get('keywords', 0)} keywords, "
            f"{r.get('themes', 0)} themes; {self.repaired} texts repaired ({self.mojibake} of mojibake); "
            f"{self.seconds:.1f} s -> {self.out_dir}"
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


def _workers(jobs: int | None, total: int) -> int:
    """Worker processes: all cores by default, but none for a handful of documents (start-up costs more)."""
    return max(1, min(jobs or default_jobs(), total // MIN_DOCS_PER_WORKER))


ENGINES = ("local", "dask")
NEEDS_DASK = "the dask engine needs Dask: pip install '.[dask]'"


def is_url(location: Path | str) -> bool:
    """An fsspec URL (s3://bucket/prefix, gs://..., file:///...) rather than a path. Kept as a string:
    Path("s3://bucket") would collapse the "//"."""
    return isinstance(location, str) and "://" in location


def local_folder(location: Path | str) -> Path | None:
    """The local folder a path or a local URL (file://) names; None for a URL of another filesystem (an
    object store), as the dask engine tells them apart."""
    if not is_url(location):
        return Path(location)
    try:
        from fsspec.core import url_to_fs
        from fsspec.implementations.local import LocalFileSystem
    except ModuleNotFoundError:
        raise ValueError(NEEDS_DASK) from None
    fs, path = url_to_fs(str(location))
    return Path(path) if isinstance(fs, LocalFileSystem) else None


def report_folder(out_dir: Path | str, engine: str) -> Path:
    """Where `run --report` writes report.html, known before the run so that an impossible report stops
    it before any analysis: the report reads the tables and every text from a local folder, so an
    object-store --out is refused (make it with `pipeline report` on a local copy of the run prefix)."""
    if not is_url(out_dir):
        return Path(out_dir)
    if engine != "dask":
        raise ValueError(_needs_dask(out_dir))
    folder = local_folder(out_dir)
    if folder is None:
        raise ValueError(
            f"--report needs a local --out (a folder or file://), not {out_dir}: "
            "run `pipeline report` on a local copy of the run's prefix"
        )
    return folder


def _needs_dask(url: Path | str) -> str:
    return f"{url} is a URL: URLs need --engine dask (the local engine takes folders)"


def run(
    corpus_dir: Path | str,
    out_dir: Path | str,
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
    force: bool = False,
    cache_dir: Path | None = None,
    on_progress: ProgressCallback | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
) -> RunResult:
    """Analyse every document of `corpus_dir` and write all tables to `out_dir`.

    engine="dask" runs the same passes on a Dask cluster (`scheduler` address, else a LocalCluster of
    `workers` processes) and accepts fsspec URLs for both folders: see pipeline/distributed/."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if engine == "dask":
        if jobs is not None:
            raise ValueError("--jobs applies to the local engine; the dask engine uses --workers")
        try:
            from .distributed.engine import run_dask
        except ModuleNotFoundError as exc:
            if exc.name not in ("dask", "distributed"):
                raise
            raise ValueError(NEEDS_DASK) from None
        return run_dask(
            corpus_dir,
            out_dir,
            formats=formats,
            csv_flavor=csv_flavor,
            top_k=top_k,
            similar_k=similar_k,
            taxonomy_path=taxonomy_path,
            gazetteer_path=gazetteer_path,
            theme_threshold=theme_threshold,
            scheduler=scheduler,
            workers=workers,
            wait=wait,
            force=force,
            cache_dir=cache_dir,
            on_progress=on_progress,
        )
    if scheduler is not None or workers is not None:
        raise ValueError("--scheduler and --workers apply to --engine dask (the local engine uses --jobs)")
    for location in (corpus_dir, out_dir):
        if is_url(location):
            raise ValueError(_needs_dask(location))
    corpus_dir, out_dir = Path(corpus_dir), Path(out_dir)
    started = time.perf_counter()
    validate_options(formats, csv_flavor)
    paths = find_documents(corpus_dir)
    settings = Settings.load(taxonomy_path, gazetteer_path, theme_threshold)
    result = RunResult(out_dir=out_dir)
    with output_folder(out_dir, wait=wait) as folder:
        cache = AnalysisCache(cache_dir or out_dir / ".cache", settings.fingerprint(model_version()))
        chunks: dict[str, list[pa.Table]] = {name: [] for name in [*PER_DOCUMENT, KEYWORD_CANDIDATES.name]}
        pending: list[Rows] = []
        total, done = len(paths), 0
        corpus_order: dict[str, int] = {}  # doc_id -> position in the corpus

        def add(document: Document | None, rows: Rows) -> None:
            nonlocal done
            row = rows["documents"][0]
            if document is not None and row["status"] != "ok":  # listed but not analysed (its language)
                result.skipped.append(
                    Skipped(document.doc_id, document.path, row["status"], row["status_detail"])
                )
            elif document is not None:
                folder.staged(f"texts/{document.doc_id}.txt").write_text(
                    document.text, encoding="utf-8", newline=""
                )
                result.documents += 1
                result.repaired += document.repaired
                result.mojibake += "mojibake" in document.repairs
            pending.append(rows)
            if len(pending) >= ROWS_PER_CHUNK:
                _flush(pending, chunks)
            done += 1
            if on_progress:
                on_progress(done, total)

        def to_analyse() -> Iterator[Document]:
            """Read every file; cached and unreadable ones are handled here, the rest go to spaCy."""
            for path in paths:
                rel = path.relative_to(corpus_dir)
                corpus_order.setdefault(rel.with_suffix("").as_posix(), len(corpus_order))
                try:
                    document = read_document(path, corpus_dir)
                except ReadError as exc:
                    doc_id = rel.with_suffix("").as_posix()
                    result.skipped.append(Skipped(doc_id, rel.as_posix(), exc.status, str(exc)))
                    add(None, skipped_rows(doc_id, rel.as_posix(), exc))
                    continue
                cached = None if force else cache.get(document.sha256, document.doc_id, document.path)
                if cached is not None:
                    add(document, cached)
                else:
                    yield document

        if on_progress:
            on_progress(0, total)
        for document, rows in analyse_documents(to_analyse(), settings, jobs=_workers(jobs, total)):
            result.analysed += 1
            cache.put(document.sha256, rows)
            add(document, rows)
        result.cached = cache.hits
        _flush(pending, chunks)
        # Rows arrived in an order that depends on the run (cached and unreadable documents as they are
        # read, the others as the model gets through them): the corpus pass gets them in corpus order.
        order = pa.array(list(corpus_order), pa.string())
        per_document = {
            name: _in_corpus_order(pa.concat_tables(tables), order) for name, tables in chunks.items()
        }
        result.skipped.sort(key=lambda s: corpus_order.get(s.doc_id, total))
        tables, matrix = build_corpus_tables(per_document, settings, top_k=top_k, similar_k=similar_k)
        result.files = write_outputs(folder, tables, matrix, formats=formats, csv_flavor=csv_flavor)
        folder.publish()
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
