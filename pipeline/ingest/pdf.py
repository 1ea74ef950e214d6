"""PDF: the text layer through pypdf, paragraphs re-joined, running headers and footers dropped."""

from __future__ import annotations

import datetime as dt
import io
import re

from ..header import find_dateline, usable_title
from .base import Extracted, IngestError, quiet

MIN_LETTERS = 20  # fewer letters than a short sentence: no text layer worth the name


def extract_pdf(raw: bytes) -> Extracted:
    from pypdf import PdfReader

    try:
        with quiet("pypdf"):
            reader = PdfReader(io.BytesIO(raw))
            if reader.is_encrypted and not _decrypts(reader):
                raise IngestError("encrypted", "PDF is password-protected: save an unprotected copy first")
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata
            title = usable_title(info.title) if info else None
            created = _creation_date(info)
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many kinds (KeyError, ValueError ...) on damaged files
        raise IngestError(
            "damaged", f"PDF cannot be read ({type(exc).__name__}): the file may be damaged"
        ) from None
    if sum(c.isalpha() for page in pages for c in page) < MIN_LETTERS:
        raise IngestError("no_text_layer", "PDF has no text layer (a scan?): run OCR on it first")
    blank = [str(i) for i, page in enumerate(pages, start=1) if not any(c.isalpha() for c in page)]
    warnings = (f"PDF page(s) {', '.join(blank)} have no text layer (scanned?): their content is missing",)
    body = unwrap_lines("\n".join(strip_running_lines(pages)))
    return Extracted("pdf", body, {"title": title} if title else {}, created, warnings if blank else ())


def _decrypts(reader: object) -> bool:
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # a missing crypto backend also means "cannot open"
        return False


def _creation_date(info: object) -> dt.date | None:
    try:
        created = getattr(info, "creation_date", None)
    except Exception:  # a malformed date string is no date
        return None
    return created.date() if isinstance(created, dt.datetime) else None


def strip_running_lines(pages: list[str]) -> list[str]:
    """Drop headers and footers: a first or last line repeated on every page (digits aside)."""
    if len(pages) < 2:
        return pages
    split = [[line for line in page.splitlines() if line.strip()] for page in pages]

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split()).lower())

    texted = [lines for lines in split if lines]  # scanned pages have no lines to compare
    running = set()
    for pick in (0, -1):
        keys = {key(lines[pick]) for lines in texted}
        if len(keys) == 1 and len(texted) >= 2:
            running |= keys
    return ["\n".join(line for line in lines if key(line) not in running) for lines in split]


def unwrap_lines(text: str) -> str:
    """Re-join the lines a PDF broke a paragraph into; headings, bullets and datelines stay apart."""
    lines = [line.strip() for line in text.splitlines()]
    lengths = sorted(len(line) for line in lines if line)
    width = lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0
    out: list[str] = []
    previous = ""  # the last physical line, whose length says whether it was wrapped
    for line in lines:
        if out and out[-1] and line and _continues(previous, line, width):
            joint = "" if previous.endswith("-") and previous[-2:-1].isalpha() else " "
            out[-1] += joint + line
        else:
            out.append(line)
        previous = line
    return "\n".join(out)


def _continues(previous: str, line: str, width: int) -> bool:
    if previous[-1] in '.!?…:;»"”' or re.match(r"[-•–—·*▪●◦]\s|\d{1,2}[.)]\s", line):
        return False
    if find_dateline(previous):
        return False
    if line[0].islower():
        return True
    return len(previous) >= 0.7 * width and (previous[-1].isalnum() or previous[-1] in ",’'-(")
