"""A value built on first use in each process, or adopted ready-made from another (lookups.py); and
the helper and worker processes' tie to the run that forked them (`die_with_parent`)."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
PR_SET_PDEATHSIG = 1  # linux/prctl.h


class PerProcess(Generic[T]):
    """A value built on first use in each process, or adopted ready-made from another process."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._value: T | None = None

    def __call__(self) -> T:
        if self._value is None:
            self._value = self._build()
        return self._value

    @property
    def ready(self) -> bool:
        return self._value is not None

    def adopt(self, value: T) -> None:
        self._value = value


def die_with_parent(parent: int) -> None:
    """Called first in a forked helper or worker: it dies when `parent` (the run) dies, even by SIGKILL,
    so that no orphan keeps computing or holding the run's files. Linux: the kernel's parent-death
    signal; elsewhere a thread that watches the parent."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    else:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
