"""What every input kind's extraction returns, and how it fails."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field


class IngestError(Exception):
    """An input that cannot be added (or a corpus that cannot be written): one line for the user."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Extracted:
    """Body text plus the metadata the file itself declares (title, date as ISO, url, source ...)."""

    kind: str  # text, html, mhtml, pdf, docx
    body: str
    metadata: dict[str, str] = field(default_factory=dict)
    fallback_date: dt.date | None = None  # weaker than a dateline (a PDF's creation date)
    warnings: tuple[str, ...] = ()


@contextlib.contextmanager
def quiet(*loggers: str) -> Iterator[None]:
    """Libraries log every oddity of a damaged file; the user gets our one line instead."""
    saved = [(logging.getLogger(name), logging.getLogger(name).level) for name in loggers]
    for logger, _ in saved:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)
