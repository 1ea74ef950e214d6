"""Where a run's work happens. An engine is a function `(RunOptions, on_progress) -> RunResult` that
reads the corpus, runs the per-document pass (`analysis.analyse_batch`, through the cache) and the
corpus pass (`corpus_pass`) and publishes the outputs; engines differ only in where those run:

- local: worker processes on this machine, the corpus pass over all rows as one part (local.py);
- dask: tasks on a Dask cluster, the corpus pass part by part with merged statistics (dask/).

Adding an engine = one module here with such a function, and its name in `options.ENGINES`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..options import NEEDS_DASK, RunOptions
from .result import Counts, ProgressCallback, RunResult, Skipped

Engine = Callable[[RunOptions, ProgressCallback | None], RunResult]

__all__ = ["Counts", "Engine", "ProgressCallback", "RunResult", "Skipped", "engine_for"]


def engine_for(name: str) -> Engine:
    """The engine called `name` (imported on demand: Dask is an optional dependency)."""
    if name == "dask":
        try:
            from .dask.engine import run_dask
        except ModuleNotFoundError as exc:
            if exc.name not in ("dask", "distributed"):
                raise
            raise ValueError(NEEDS_DASK) from None
        return run_dask
    from .local import run_local

    return run_local
