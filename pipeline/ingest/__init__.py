"""`pipeline add`: grow the corpus from .txt/.md, .html/.mhtml, .pdf and .docx files or standard input.

Each input becomes one UTF-8 Markdown file in the corpus root (readable by others, as the umask
allows), front matter first. The front matter holds what the input declares about itself (HTML
metadata, PDF/Word properties, an input's own front matter), overridden by what the user gives on the
command line, completed with the date and title detected in the text's first lines (so the user sees
and can correct what the file is named from). Inputs already in the corpus (same analysed text) are
reported, not added twice; a new version of a release (same title and date, or nearly the same text
under another heading) is added with a warning; bad inputs (too large for the analysis included) are
reported in one line and leave the corpus untouched; one bad input does not stop the others.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..header import clean_title, find_dateline, first_words, infer_title
from ..reading import MAX_BYTES, MAX_CHARS, parse_iso_date
from .base import Extracted, IngestError
from .infer import slugify
from .sources import MAX_CONTAINER_BYTES, MAX_TEXT_BYTES, extract, read_input
from .store import (
    CorpusIndex,
    analysed,
    content_key,
    file_stem,
    identity,
    normalise_body,
    render,
    shingles,
    write_new,
)

__all__ = [
    "MAX_CONTAINER_BYTES",
    "MAX_TEXT_BYTES",
    "AddOutcome",
    "IngestError",
    "add_documents",
]


@dataclass(frozen=True)
class AddOutcome:
    """What happened to one input; `message` is the line to show the user."""

    source: str  # the input as given ("-" for standard input)
    status: str  # "added", "duplicate" (already in the corpus: not written), "rejected" (bad input)
    path: Path | None  # the corpus file written (added) or the existing duplicate
    message: str
    warnings: tuple[str, ...] = ()


def add_documents(
    sources: Sequence[str | Path],
    corpus_dir: Path,
    *,
    date: dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    stdin: BinaryIO | None = None,
    create: bool = True,
) -> list[AddOutcome]:
    """Add each input to `corpus_dir`; options override extracted metadata. A missing corpus folder is
    created on the first write when `create` (the CLI asks for --create: a typo must not start a new
    corpus), else an error.

    Raises IngestError only when the corpus itself is unusable (missing, or its path is a file).
    """
    root = Path(corpus_dir)
    if not create and not root.exists():
        raise IngestError("corpus", f"corpus folder not found: {root} (--create makes it)")
    index = CorpusIndex.load(root)
    overrides = {
        "date": date.isoformat() if date else "",
        "title": clean_title(title or ""),
        "source": clean_title(source or ""),
        "url": (url or "").strip(),
    }
    overrides = {k: v for k, v in overrides.items() if v}
    return [_add_one(str(item), root, index, overrides, stdin) for item in sources]


def _add_one(
    name: str, root: Path, index: CorpusIndex, overrides: dict[str, str], stdin: BinaryIO | None
) -> AddOutcome:
    try:
        raw, suffix = read_input(name, stdin)
        extracted = extract(raw, suffix)
        body = normalise_body(extracted.body)
        metadata = _metadata(extracted, body, overrides)
        data = render(metadata, body)
        if len(data) > MAX_BYTES:
            raise IngestError("too_large", f"the extracted text is over the {MAX_BYTES // 2**20} MB limit")
        metadata, text = analysed(data)
        if len(text) > MAX_CHARS:  # every later run would list it as too_large: refuse it now
            size = f"{len(text):,} characters, over the {MAX_CHARS:,} the analysis takes"
            raise IngestError("too_large", f"the text is {size}")
        detected = _detected(metadata, text)
        if detected != metadata:
            with contextlib.suppress(IngestError):  # a detected title YAML cannot carry: left out
                data, metadata = render(detected, body), detected
    except IngestError as exc:
        return AddOutcome(name, "rejected", None, _one_line(f"not added: {exc}"))
    existing = index.by_content.get(content_key(text))
    if existing is not None:
        return AddOutcome(name, "duplicate", existing, f"not added: same text as {existing}")
    warnings = list(extracted.warnings)
    ident = identity(metadata, text)
    if ident and ident in index.by_identity:
        warnings.append(f"same title and date as {index.by_identity[ident]}: a new version of it?")
    near = index.nearest(shingles(text), exclude=index.by_identity.get(ident) if ident else None)
    if near is not None:
        warnings.append(f"nearly the same text as {near[0]} ({near[1]:.0%} alike): a new version of it?")
    published = parse_iso_date(metadata.get("date", ""))
    label = metadata.get("title") or first_words(text)
    try:
        path = write_new(root, file_stem(published, slugify(label)), data)
    except IngestError as exc:
        return AddOutcome(name, "rejected", None, _one_line(f"not added: {exc}"), tuple(warnings))
    index.register(metadata, text, path)
    undated = "" if published else " (no date found: give one with --date)"
    return AddOutcome(name, "added", path, f"added as {path}{undated}", tuple(warnings))


def _metadata(extracted: Extracted, body: str, overrides: dict[str, str]) -> dict[str, str]:
    """Declared metadata, a PDF's creation date only when the text has no dateline, then the options."""
    metadata = dict(extracted.metadata)
    if "date" not in metadata and extracted.fallback_date and find_dateline(body) is None:
        metadata["date"] = extracted.fallback_date.isoformat()
    return metadata | overrides


def _detected(metadata: dict[str, str], text: str) -> dict[str, str]:
    """The date (dateline) and title (headline) found in the first lines, where the input gave none:
    written into the front matter, where the user sees and can correct them."""
    found = dict(metadata)
    if not parse_iso_date(found.get("date", "")):
        dateline = find_dateline(text)
        if dateline is not None:
            found["date"] = dateline.isoformat()
    if not found.get("title"):
        title = infer_title(text)
        if title:
            found["title"] = clean_title(title)
    return found


def _one_line(message: str) -> str:
    return " ".join(message.split())
