"""The Dask engine: the local run's two passes as tasks on a `distributed` cluster.

The client only lists the corpus, submits tasks and gathers small reports; documents, rows and tables
never pass through it. Workers read the corpus, analyse batches (one spaCy model per worker process,
kept between tasks), write one Parquet part per batch and table, then run the corpus pass over those
parts with pipeline/corpus_pass/ (the functions the local engine runs on one part). A worker that
dies takes its running tasks with it; the scheduler runs them again on the others (tasks are
idempotent) and the run completes with the same tables.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import math
import pickle
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from distributed import Client, Future, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from ...corpus import require_entries
from ...corpus_pass import merge_finished, merge_stats
from ...export import run_manifest
from ...nlp import model_version
from ...options import RunOptions, default_jobs, load_settings
from ...settings import Settings
from ...tables import SIMILAR_DOCUMENTS, TABLES
from ..result import Counts, ProgressCallback, RunResult
from . import tasks
from .storage import Location, Output, list_corpus, open_output

MAX_DOCS_PER_PART = 256  # one part file per table and batch; also what a worker redoes after a death
TASKS_PER_WORKER = 8  # at least this many batches per worker, so that a slow batch cannot hold a run
FAN_IN = 8  # partial statistics merged by groups of this size, on the workers
WAIT_FOR_WORKERS = 600  # seconds a run waits for the workers it asked for (--workers) to join a cluster


class SettingsPlugin(WorkerPlugin):
    """Ships the run's Settings (taxonomy, gazetteer) to every worker once, including workers that
    join or restart later; tasks then refer to them by key instead of carrying them."""

    def __init__(self, key: str, settings: Settings) -> None:
        self.key, self.settings = key, settings
        self.name = f"pipeline-settings-{key}"

    def setup(self, worker: Any) -> None:
        tasks.install_settings(self.key, self.settings)


def _unregister(client: Client, name: str) -> None:
    """A long-lived cluster should not keep every run's settings."""
    with contextlib.suppress(Exception):
        client.unregister_worker_plugin(name)


def docs_per_part(n_documents: int, n_workers: int) -> int:
    return max(1, min(MAX_DOCS_PER_PART, math.ceil(n_documents / (TASKS_PER_WORKER * max(1, n_workers)))))


@contextlib.contextmanager
def connect(scheduler: str | None, workers: int | None, n_documents: int) -> Iterator[Client]:
    """A client of the given scheduler, or of a LocalCluster of worker processes (one thread each)."""
    if scheduler:
        with Client(scheduler, set_as_default=False) as client:
            client.wait_for_workers(workers or 1, timeout=WAIT_FOR_WORKERS)
            yield client
        return
    n = max(1, min(workers or default_jobs(), max(1, n_documents)))
    with (
        LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: several runs (or clusters) on one machine
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


def run_dask(
    options: RunOptions, on_progress: ProgressCallback | None = None, *, batch_size: int | None = None
) -> RunResult:
    """The run on a Dask cluster: same tables; OUT/<table>.parquet is a folder of part files.

    The corpus and --out may be fsspec URLs. The analysis cache is used when it is on a local path
    (by default OUT/.cache when OUT is local: the same cache as a local run's)."""
    started = time.perf_counter()
    corpus, out = Location.parse(options.corpus), Location.parse(options.out)
    paths = require_entries(
        list_corpus(corpus), corpus.url
    )  # documents, and what is only listed (tasks.analyse_part)
    settings = load_settings(options)
    fingerprint = settings.fingerprint(model_version())
    settings_key = hashlib.sha256(pickle.dumps(settings)).hexdigest()[:16]
    cache_dir = options.cache_dir
    if cache_dir is None and out.is_local:
        cache_dir = Path(out.path) / ".cache"
    formats, wait, force = options.formats, options.wait, options.force
    phases: dict[str, float] = {}
    with (
        open_output(out, wait=wait) as output,
        connect(options.scheduler, options.workers, len(paths)) as client,
        contextlib.ExitStack() as stack,
    ):
        plugin = SettingsPlugin(settings_key, settings)
        client.register_plugin(plugin)
        stack.callback(_unregister, client, plugin.name)
        n_workers = max(1, len(client.scheduler_info()["workers"]))
        size = batch_size or docs_per_part(len(paths), n_workers)
        layout = tasks.Layout(
            tables=output.staging if "parquet" in formats else output.work.child("tables"),
            work=output.work,
            texts=output.staging.child("texts"),
            kept=output.staging,
        )
        batches = [tuple(paths[i : i + size]) for i in range(0, len(paths), size)] or [()]
        jobs = [
            tasks.AnalyseJob(
                i,
                corpus,
                batch,
                layout,
                settings_key,
                fingerprint,
                str(cache_dir) if cache_dir else None,
                force,
            )
            for i, batch in enumerate(batches)
        ]
        run_id = uuid.uuid4().hex[:8]
        t0 = time.perf_counter()
        reports = _analyse(client, jobs, run_id, len(paths), on_progress)
        phases["analysis"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        rows = _corpus_pass(client, layout, len(jobs), run_id, settings_key, options.top_k, options.similar_k)
        for report in reports:
            for name, n in report.rows.items():
                rows[name] = rows.get(name, 0) + n
        phases["corpus"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        files = _write_other_formats(
            client, output, layout, formats, options.csv_flavor, settings_key, run_id
        )
        phases["export"] = time.perf_counter() - t0

        output.staging.fs.makedirs(layout.texts.path, exist_ok=True)
        output.publish(
            {
                **run_manifest(options, fingerprint, rows),
                "documents": sum(r.counts.documents for r in reports),
                "words": sum(r.counts.words for r in reports),
                "rows": rows,
            }
        )
        names = [f"{n}.parquet" for n, spec in TABLES.items() if spec.exported and "parquet" in formats]
        final = [output.final(n) for n in [*names, *files, "texts"]]
    result = RunResult(out_dir=Path(out.path) if out.is_local else output.staging.url)
    result.files = [Path(f) for f in final] if out.is_local else list(final)
    counts = Counts()
    for report in reports:
        counts.add(report.counts)
    result.count(counts)
    result.notes = sorted({note for report in reports for note in report.notes})  # one per distinct cause
    result.rows = {name: rows.get(name, 0) for name in TABLES}
    result.seconds = time.perf_counter() - started
    result.phases = {
        **phases,
        "words": float(counts.words),
        "workers": float(n_workers),
        "task_seconds": sum(r.seconds for r in reports),  # worker time analysing, model loading excepted
        "model_seconds": sum(r.model_seconds for r in reports),
    }
    return result


def _analyse(
    client: Client,
    jobs: Sequence[tasks.AnalyseJob],
    run_id: str,
    total: int,
    on_progress: ProgressCallback | None,
) -> list[tasks.AnalyseReport]:
    """The per-document pass; reports come back as batches finish, in any order."""
    if on_progress:
        on_progress(0, total)
    futures = [
        client.submit(tasks.analyse_part, job, key=f"analyse-{run_id}-{job.part}", retries=1) for job in jobs
    ]
    reports: list[tasks.AnalyseReport] = []
    done = 0
    try:
        for future in as_completed(futures, loop=client.loop):
            report = future.result()
            future.release()  # kept, a finished batch would be redone if its worker died later
            reports.append(report)
            done += len(jobs[report.part].paths)
            if on_progress:
                on_progress(done, total)
    finally:
        client.cancel(futures)  # on success they are done: this releases their results on the workers
    return sorted(reports, key=lambda r: r.part)


def _tree(client: Client, futures: list[Future], merge: Any, name: str) -> Future:
    """Merge partial results on the workers, FAN_IN at a time, keeping their order."""
    level = 0
    while level == 0 or len(futures) > 1:  # at least one merge: its result always has the merged type
        futures = [
            client.submit(merge, *futures[i : i + FAN_IN], key=f"{name}-{level}-{i}")
            for i in range(0, len(futures), FAN_IN)
        ]
        level += 1
    return futures[0]


def _corpus_pass(
    client: Client,
    layout: tasks.Layout,
    n_parts: int,
    run_id: str,
    settings_key: str,
    top_k: int,
    similar_k: int,
) -> dict[str, int]:
    """Canonical names and keyphrase ranks from merged statistics, applied part by part; then the
    entity summary (merged tallies) and the similar pairs."""
    stats = [
        client.submit(tasks.part_stats, layout, i, key=f"stats-{run_id}-{i}", retries=1)
        for i in range(n_parts)
    ]
    merged = _tree(client, stats, merge_stats, f"merge-stats-{run_id}")
    facts = client.submit(tasks.corpus_facts, merged, settings_key, key=f"facts-{run_id}")
    finished = [
        client.submit(tasks.finish_part, layout, i, facts, top_k, key=f"finish-{run_id}-{i}", retries=1)
        for i in range(n_parts)
    ]
    report = _tree(client, finished, merge_finished, f"merge-finished-{run_id}")
    summary = client.submit(tasks.write_entity_summary, layout, report, key=f"summary-{run_id}")
    similar = client.submit(
        tasks.write_similar_documents, layout, similar_k, summary, key=f"similar-{run_id}"
    )
    rows, n_similar = client.gather([summary, similar])
    return {**rows, SIMILAR_DOCUMENTS.name: n_similar}


def _write_other_formats(
    client: Client,
    output: Output,
    layout: tasks.Layout,
    formats: tuple[str, ...],
    flavor: str,
    settings_key: str,
    run_id: str,
) -> list[str]:
    """CSV (one task per table, streaming its parts) and xlsx, written into the staging area."""
    futures, names = [], []
    if "csv" in formats:
        for name, spec in TABLES.items():
            if spec.exported:
                target = output.staging.child(f"{name}.csv")
                futures.append(client.submit(tasks.write_table_csv, layout, name, target, flavor, pure=False))
                names.append(f"{name}.csv")
        target = output.staging.child("doc_theme_matrix.csv")
        futures.append(
            client.submit(tasks.write_theme_matrix_csv, layout, settings_key, target, flavor, pure=False)
        )
        names.append("doc_theme_matrix.csv")
    if "xlsx" in formats:
        target = output.staging.child("tables.xlsx")
        futures.append(client.submit(tasks.write_xlsx, layout, settings_key, target, pure=False))
        names.append("tables.xlsx")
    client.gather(futures)
    return names
