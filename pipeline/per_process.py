"""A value built on first use in each process, or adopted ready-made from another (lookups.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


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
