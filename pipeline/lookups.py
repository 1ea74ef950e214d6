"""Lookup tables that take a second or more to build: place names (places.py) and the language
detector's profiles (language.py).

Each is built once per process, on first use. A run that loads the spaCy model has them built by a
helper process meanwhile (loading the model keeps one core busy for seconds and leaves the other
idle) and adopts them before forking its workers, which then share one copy instead of each
building its own at the start of its first task.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from .language import identifier
from .per_process import PerProcess, die_with_parent
from .places import place_index


def _tables() -> list[PerProcess[Any]]:
    return [place_index, identifier]


def build_all() -> list[Any]:
    return [table() for table in _tables()]


@contextmanager
def built_aside() -> Iterator[None]:
    """Build the tables in a helper process while the block runs, then adopt them here."""
    tables = _tables()
    if all(table.ready for table in tables) or "fork" not in multiprocessing.get_all_start_methods():
        yield  # nothing to build, or no cheap way to start a helper (Windows): built on first use
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, context, initializer=die_with_parent, initargs=(os.getpid(),)) as helper:
        future = helper.submit(build_all)
        yield
        try:
            values = future.result()
        except Exception:  # each process builds its own on first use instead, where errors show
            return
    for table, value in zip(tables, values, strict=True):
        if not table.ready:
            table.adopt(value)
