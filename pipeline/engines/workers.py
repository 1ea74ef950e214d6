"""Where the per-document pass runs: in this process, or in worker processes on every core.

Workers each hold the spaCy model (loaded once per process, shared copy-on-write after fork) and
return only table rows, which are small: spaCy Docs never cross a process boundary.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice

from ..analysis import analyse_batch
from ..lookups import built_aside
from ..per_process import die_with_parent
from ..reading import Document
from ..settings import Settings
from ..tables import Rows

DOCS_PER_TASK = 4  # small tasks: a worker's transient memory (encoder activations) grows with its batch

_worker_settings: Settings | None = None


def analyse_documents(
    documents: Iterable[Document], settings: Settings, *, jobs: int = 1
) -> Iterator[tuple[Document, Rows]]:
    """(document, rows) in input order. The model is loaded only if there is a document to analyse."""
    it = iter(documents)
    first = next(it, None)
    if first is None:
        return
    docs = chain([first], it)
    from ..nlp import load_nlp

    with built_aside():  # the slow lookup tables, on the core the model load leaves idle
        nlp = load_nlp()  # in the parent before forking: workers share its memory pages
    if jobs <= 1:
        yield from analyse_batch(docs, nlp, settings)
        return
    context = multiprocessing.get_context("fork")
    window: deque[tuple[list[Document], Future[list[Rows]]]] = deque()
    gc.freeze()  # the model's objects stay out of the workers' collections, so their pages stay shared
    try:
        with ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_init_worker, initargs=(settings, os.getpid())
        ) as pool:
            try:
                while batch := list(islice(docs, DOCS_PER_TASK)):
                    window.append((batch, pool.submit(_analyse_in_worker, batch)))
                    while len(window) > 2 * jobs:
                        yield from _collect(window.popleft())
                while window:
                    yield from _collect(window.popleft())
            except BaseException:
                for _, future in window:
                    future.cancel()
                raise
    finally:
        gc.unfreeze()


def _collect(item: tuple[list[Document], Future[list[Rows]]]) -> Iterator[tuple[Document, Rows]]:
    batch, future = item
    yield from zip(batch, future.result(), strict=True)


def _init_worker(settings: Settings, parent: int) -> None:
    from ..nlp import single_threaded_blas

    die_with_parent(parent)  # a SIGKILLed run leaves no worker behind
    global _worker_settings
    _worker_settings = settings
    single_threaded_blas()


def _analyse_in_worker(batch: list[Document]) -> list[Rows]:
    from ..nlp import load_nlp

    assert _worker_settings is not None
    return [rows for _, rows in analyse_batch(batch, load_nlp(), _worker_settings)]
