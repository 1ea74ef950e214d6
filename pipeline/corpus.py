"""The corpus folder: which files are documents, and their ids."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

DOCUMENT_SUFFIXES = (".txt", ".md")


class CorpusError(Exception):
    """The corpus as a whole cannot be read (missing folder, not a folder)."""


def find_documents(root: Path) -> list[Path]:
    """Every .txt/.md file under `root`, sorted, skipping hidden files and folders and README files."""
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus path is not a folder: {root}")
    return sorted(_walk(root, root), key=lambda p: p.relative_to(root).as_posix())


def _walk(folder: Path, root: Path) -> Iterator[Path]:
    for path in folder.iterdir():
        if path.name.startswith("."):
            continue
        if path.is_dir():
            yield from _walk(path, root)
        elif path.suffix.lower() in DOCUMENT_SUFFIXES and path.stem.upper() != "README":
            yield path


def doc_id_for(path: Path, root: Path) -> str:
    return path.relative_to(root).with_suffix("").as_posix()
