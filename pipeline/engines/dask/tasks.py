"""What runs on the workers: plain functions of picklable arguments, no Dask import.

Every task reads its inputs from part files and writes its outputs as part files, so only small
reports and summaries travel through the scheduler. Tasks are idempotent (a part is always rewritten
whole with the same rows), which is what lets Dask run a task again on another worker when one dies.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ...analysis import analyse_batch
from ...cache import AnalysisCache
from ...corpus import Entry
from ...corpus_pass import (
    CorpusFacts,
    FinishedPart,
    PartStats,
    entity_summary,
    similar_table,
    theme_matrix_of,
)
from ...corpus_pass import (
    finish_part as finish_part_tables,
)
from ...nlp import model_version
from ...reading import Document, ReadError, document_from_bytes
from ...registry import PASS_TABLES, REWRITTEN
from ...settings import Settings
from ...tables import (
    DOCUMENTS,
    ENTITIES,
    ENTITY_SUMMARY,
    KEPT,
    KEYWORD_CANDIDATES,
    KEYWORDS,
    SIMILAR_DOCUMENTS,
    TABLES,
    THEMES,
    Rows,
    conform,
    to_table,
)
from ..result import Counts
from .storage import Location, iter_parts, read_dataset, read_part, write_csv_parts, write_part, write_text

# Per-document tables that the corpus pass rewrites (registry.REWRITTEN) are kept raw in the work folder
# until then. The others are final after the first pass (keyword candidates are internal: work folder).
FINAL_AFTER_ANALYSIS = tuple(name for name in PASS_TABLES if name in TABLES and name not in REWRITTEN)


_KEPT = frozenset(spec.name for spec in KEPT)


def raw(name: str) -> str:
    return f"{name}_raw"


_settings: dict[str, Settings] = {}  # this worker's copies, installed once by the engine's worker plugin


def install_settings(key: str, settings: Settings, keep: int = 4) -> None:
    """A long-lived worker serves many runs: it keeps the settings of the last few only."""
    _settings[key] = settings
    while len(_settings) > keep:
        del _settings[next(iter(_settings))]


def settings_for(key: str) -> Settings:
    try:
        return _settings[key]
    except KeyError:
        raise RuntimeError(
            f"worker has no settings {key}: the run's worker plugin did not reach it"
        ) from None


@dataclass(frozen=True)
class Layout:
    """Where a run's datasets are: `tables/<table>.parquet/` (published), `work/<name>/` (scratch), and
    `kept/<name>.parquet/` (published whatever the formats: the inputs of `pipeline compare`)."""

    tables: Location
    work: Location
    texts: Location
    kept: Location | None = None

    def dataset(self, name: str) -> Location:
        if self.kept is not None and name in _KEPT:
            return self.kept.child(f"{name}.parquet")
        if name in TABLES:
            return self.tables.child(f"{name}.parquet")
        return self.work.child(name)


@dataclass(frozen=True)
class AnalyseJob:
    """One batch of documents: the unit of work, retry and output (one part file per table)."""

    part: int
    corpus: Location
    paths: tuple[Entry, ...]  # the corpus listing's entries, in corpus order
    layout: Layout
    settings_key: str
    fingerprint: str
    cache_root: str | None
    force: bool


@dataclass
class AnalyseReport:
    part: int
    counts: Counts = field(default_factory=Counts)
    seconds: float = 0.0  # the task's time on its worker, loading the model excepted
    model_seconds: float = 0.0  # loading the model (the worker's first batch only)
    rows: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the run should say (a failed cache write)


def analyse_part(job: AnalyseJob) -> AnalyseReport:
    """Read, analyse (or take from the cache) and write one batch: the local run's per-document pass."""
    started = time.perf_counter()
    settings = settings_for(job.settings_key)
    here = settings.fingerprint(model_version())
    if here != job.fingerprint:
        raise RuntimeError(
            f"this worker's pipeline or model ({model_version()}) differs from the client's: "
            "install the same versions on every worker"
        )
    cache = AnalysisCache(Path(job.cache_root), job.fingerprint) if job.cache_root else None
    report = AnalyseReport(job.part)
    counts = report.counts
    rows: list[Rows | None] = [None] * len(job.paths)
    documents: list[Document | None] = [None] * len(job.paths)
    pending: list[int] = []
    for i, entry in enumerate(job.paths):
        doc_id, rel = entry.doc_id, entry.path
        try:
            documents[i] = document = _read(job.corpus, entry)
        except ReadError as exc:
            rows[i] = counts.unreadable(doc_id, rel, exc)
            continue
        rows[i] = None if job.force or cache is None else cache.get(document.sha256, doc_id, rel)
        if rows[i] is None:
            pending.append(i)
    counts.cached = cache.hits if cache else 0
    if pending:
        from ...nlp import load_nlp  # once per worker process (lru_cache), never per task

        loading = time.perf_counter()
        nlp = load_nlp()
        report.model_seconds = time.perf_counter() - loading
        analysed = analyse_batch((documents[i] for i in pending), nlp, settings)  # type: ignore[misc]
        for i, (document, doc_rows) in zip(pending, analysed, strict=True):
            if cache is not None:
                cache.put(document.sha256, doc_rows)
            rows[i] = doc_rows
        if cache is not None and (note := cache.write_note()):
            report.notes.append(note)
    for document, doc_rows in zip(documents, rows, strict=True):
        if document is None or doc_rows is None:
            continue
        if counts.analysed(document, doc_rows):
            write_text(job.layout.texts, f"{document.doc_id}.txt", document.text)
    done = [r for r in rows if r is not None]
    for name, spec in PASS_TABLES.items():
        table = to_table(spec, (row for r in done for row in r.get(name, [])))
        if name in FINAL_AFTER_ANALYSIS:
            table = conform(spec, table)
            report.rows[name] = table.num_rows
        write_part(job.layout.dataset(raw(name) if name in REWRITTEN else name), job.part, table)
    report.seconds = time.perf_counter() - started - report.model_seconds
    return report


def _read(corpus: Location, entry: Entry) -> Document:
    """One document of the listing; an entry listed with a status raises its ReadError."""
    if entry.status is not None:
        raise ReadError(entry.status, entry.detail or entry.status)
    try:
        raw = corpus.fs.cat_file(corpus.child(*PurePosixPath(entry.path).parts).path)
    except OSError as exc:
        raise ReadError("unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    return document_from_bytes(raw, entry.doc_id, entry.path)


# ----------------------------------------------------------------------------- the corpus pass
def part_stats(layout: Layout, part: int) -> PartStats:
    entities = read_part(layout.dataset(raw(ENTITIES.name)), part, ["text", "canonical", "label"])
    candidates = read_part(layout.dataset(KEYWORD_CANDIDATES.name), part, ["doc_id", "lemma"])
    return PartStats.of(entities, candidates)


def corpus_facts(stats: PartStats, settings_key: str) -> CorpusFacts:
    return CorpusFacts.of(stats, settings_for(settings_key).gazetteer)


def finish_part(layout: Layout, part: int, facts: CorpusFacts, top_k: int) -> FinishedPart:
    """The part's final tables (corpus_pass.finish_part), written as part files; the report that
    travels keeps only their row counts and the entity-summary tallies."""
    raw_tables = {
        name: read_part(layout.dataset(raw(name) if name in REWRITTEN else name), part)
        for name in (*REWRITTEN, KEYWORD_CANDIDATES.name)
    }
    documents = read_part(layout.dataset(DOCUMENTS.name), part, ["doc_id", "published"])
    finished = finish_part_tables(part, raw_tables, documents, facts, top_k)
    assert finished.tables is not None
    for name, table in finished.tables.items():
        write_part(layout.dataset(name), part, table)
    return FinishedPart(None, finished.rows, finished.tallies)


def write_entity_summary(layout: Layout, finished: FinishedPart) -> dict[str, int]:
    """The entity summary from the merged tallies; returns the row counts of the whole corpus pass."""
    table = entity_summary(finished.tallies)
    write_part(layout.dataset(ENTITY_SUMMARY.name), 0, table)
    return {**finished.rows, ENTITY_SUMMARY.name: table.num_rows}


def write_similar_documents(layout: Layout, k: int, after: object = None) -> int:
    """Similar pairs need every document's features at once: the whole keywords, themes and entity
    names read here. `after`: a result this step must wait for (every part's final tables written)."""
    table = similar_table(
        read_dataset(layout.dataset(KEYWORDS.name)),
        read_dataset(layout.dataset(THEMES.name)),
        read_dataset(layout.dataset(ENTITIES.name), ["doc_id", "canonical", "label"]),
        k,
    )
    write_part(layout.dataset(SIMILAR_DOCUMENTS.name), 0, table)
    return table.num_rows


# ----------------------------------------------------------------------------- CSV and xlsx
def write_table_csv(layout: Layout, name: str, target: Location, flavor: str) -> None:
    write_csv_parts(iter_parts(layout.dataset(name)), target, flavor)


def write_theme_matrix_csv(layout: Layout, settings_key: str, target: Location, flavor: str) -> None:
    """doc_theme_matrix.csv part by part: each part's documents, in doc_id order within the part."""
    taxonomy = settings_for(settings_key).taxonomy

    def chunks():
        documents, themes = layout.dataset(DOCUMENTS.name), layout.dataset(THEMES.name)
        for docs, part_themes in zip(
            iter_parts(documents, ["doc_id", "status"]), iter_parts(themes), strict=True
        ):
            yield theme_matrix_of(docs, part_themes, taxonomy)

    write_csv_parts(chunks(), target, flavor)


def write_xlsx(layout: Layout, settings_key: str, target: Location) -> None:
    """The workbook needs whole tables (and Excel holds 1,048,576 rows a sheet): for small corpora."""
    from ...export.xlsx import write_workbook

    tables = {name: conform(spec, read_dataset(layout.dataset(name))) for name, spec in TABLES.items()}
    matrix = theme_matrix_of(tables[DOCUMENTS.name], tables[THEMES.name], settings_for(settings_key).taxonomy)
    target.fs.makedirs(target.path.rsplit("/", 1)[0], exist_ok=True)
    if target.is_local:
        write_workbook(tables, matrix, Path(target.path))
        return
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        local = Path(tmp) / "tables.xlsx"
        write_workbook(tables, matrix, local)
        target.fs.put_file(str(local), target.path)
