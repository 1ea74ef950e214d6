"""The `run` job as a plain function: corpus folder -> tables in an output folder.

The CLI only parses arguments and calls `run`; everything it does is callable from Python. `run` keeps
the keyword signature scripts outside the project call; it builds one `RunOptions` (validated once)
and hands it to the engine that was asked for (pipeline/engines/).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .engines import ProgressCallback, RunResult, Skipped, engine_for
from .export import FORMATS
from .options import RunOptions

if TYPE_CHECKING:
    from .cache import CacheReport

__all__ = ["ProgressCallback", "RunOptions", "RunResult", "Skipped", "cache", "run", "run_with"]


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
    entities_path: Path | None = None,
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
    `workers` processes) and accepts fsspec URLs for both folders: see pipeline/engines/dask/."""
    options = RunOptions(
        corpus=corpus_dir,
        out=out_dir,
        formats=formats,
        csv_flavor=csv_flavor,
        top_k=top_k,
        similar_k=similar_k,
        taxonomy_path=taxonomy_path,
        gazetteer_path=gazetteer_path,
        entities_path=entities_path,
        theme_threshold=theme_threshold,
        engine=engine,
        jobs=jobs,
        scheduler=scheduler,
        workers=workers,
        wait=wait,
        force=force,
        cache_dir=cache_dir,
    )
    return run_with(options, on_progress)


def run_with(options: RunOptions, on_progress: ProgressCallback | None = None) -> RunResult:
    """Run with options already built (the CLI builds them from its arguments)."""
    return engine_for(options.engine)(options, on_progress)


def cache(
    out_dir: Path | str,
    corpus_dir: Path | str = "corpus",
    *,
    cache_dir: Path | None = None,
    prune: bool = False,
    other_settings: bool = False,
) -> CacheReport:
    """The analysis cache of `out_dir` (or `cache_dir`): its size, and the entries no document of
    `corpus_dir` uses under the settings of the latest run (OUT/manifest.json; the default settings
    before any run). `prune` removes those; `other_settings` also the entries of other settings.
    Pruning holds the output folder's lock, so it never runs during a run."""
    import hashlib

    from .cache import inspect_cache
    from .corpus import find_documents
    from .export import OutputError, read_manifest
    from .export.lock import LockBusy, RunLock

    out = Path(out_dir)
    root = Path(cache_dir) if cache_dir is not None else out / ".cache"
    fingerprint = read_manifest(out).get("cache_fingerprint")
    if not isinstance(fingerprint, str):
        from .nlp import model_version
        from .options import load_settings

        fingerprint = load_settings(RunOptions(corpus_dir, out_dir)).fingerprint(model_version())
    if not root.is_dir():  # a mistyped folder is said, not shown as an empty cache
        raise OutputError(f"no analysis cache in {root}: run `pipeline run --out {out}` first")
    documents = find_documents(Path(corpus_dir))
    if prune and not documents:
        raise OutputError(f"no documents in {corpus_dir}: --prune would remove every entry of {root}")
    used = {hashlib.sha256(p.read_bytes()).hexdigest() for p in documents}
    if not prune:
        return inspect_cache(root, fingerprint, used)
    lock = RunLock(out, wait=False)
    try:
        lock.acquire()
    except LockBusy as exc:
        raise OutputError(
            f"a run ({exc}) is writing to {out}: prune the cache once it has finished"
        ) from None
    except OSError as exc:
        raise OutputError(f"cannot lock {out}: {exc.strerror or exc}") from None
    try:
        return inspect_cache(root, fingerprint, used, prune=True, other_settings=other_settings)
    finally:
        lock.release()
