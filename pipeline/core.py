"""The `run` job as a plain function: corpus folder -> tables in an output folder.

The CLI only parses arguments and calls `run`; everything it does is callable from Python. `run` keeps
the keyword signature scripts outside the project call; it builds one `RunOptions` (validated once)
and hands it to the engine that was asked for (pipeline/engines/).
"""

from __future__ import annotations

from pathlib import Path

from .engines import ProgressCallback, RunResult, Skipped, engine_for
from .export import FORMATS
from .options import RunOptions

__all__ = ["ProgressCallback", "RunOptions", "RunResult", "Skipped", "run", "run_with"]


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
