"""The corpus folder: which files are documents, their ids, and what was found but is not read.

Nothing a corpus folder holds stops the listing: a file name that is not UTF-8, a folder that cannot
be listed, a symbolic link out of the corpus or into a folder already read, two files that would
share a doc_id: each is an `Entry` with a status and a one-line reason, listed in the documents
table by both engines. Links are followed only inside the corpus root, and each real folder is read
once, so a link loop can neither hang a run nor multiply its documents.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

DOCUMENT_SUFFIXES = (".txt", ".md")


class CorpusError(Exception):
    """The corpus as a whole cannot be read (missing folder, not a folder)."""


@dataclass(frozen=True)
class Entry:
    """One line of the corpus listing: a document to read (status None), or something listed only."""

    path: str  # relative to the corpus root, POSIX; printable (bytes that are not UTF-8 as \\xNN)
    doc_id: str
    status: str | None = None
    detail: str | None = None


def is_document_name(name: str) -> bool:
    """A .txt/.md file that is not a README (any case)."""
    stem, suffix = os.path.splitext(name)
    return suffix.lower() in DOCUMENT_SUFFIXES and stem.upper() != "README"


def doc_id_of(rel: str) -> str:
    """The doc_id of a document path: relative to the root, without its extension."""
    head, _, name = rel.rpartition("/")
    stem = os.path.splitext(name)[0]
    return f"{head}/{stem}" if head else stem


def scan_corpus(root: Path) -> list[Entry]:
    """Every document and every skipped item under `root`, sorted by path (the corpus order)."""
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus path is not a folder: {root}")
    try:
        os.listdir(root)
    except OSError as exc:
        raise CorpusError(f"cannot list the corpus folder {root}: {exc.strerror or exc}") from None
    walker = _Walker(root.resolve())
    walker.walk(root, "")
    while walker.links:  # links to folders, once the real tree is known: a real folder wins its name
        full, rel = walker.links.pop(0)
        walker.follow(full, rel)
    return mark_duplicate_ids(walker.entries)


def require_entries(entries: list[Entry], root: object) -> list[Entry]:
    """A run's listing, refused when empty: a mistyped or emptied corpus folder must not publish empty
    tables over the previous run's outputs."""
    if not entries:
        raise CorpusError(
            f"no documents (.txt/.md files) in {root}: nothing to analyse, the previous outputs are left "
            "as they were (`pipeline add` turns .html/.pdf/.docx files into corpus documents)"
        )
    return entries


def find_documents(root: Path) -> list[Path]:
    """Every .txt/.md file under `root` that is read as a document, sorted (see `scan_corpus`)."""
    return [root / e.path for e in scan_corpus(root) if e.status is None]


def mark_duplicate_ids(entries: Iterable[Entry]) -> list[Entry]:
    """Sorted by path; of documents sharing a doc_id (x.md and x.txt), the first keeps it and the others
    are listed as duplicate_id under their path (extension included), so doc_id stays unique."""
    out: list[Entry] = []
    first: dict[str, str] = {}
    for entry in sorted(entries, key=lambda e: e.path):
        if entry.status is None and entry.doc_id in first:
            entry = replace(
                entry,
                doc_id=entry.path,
                status="duplicate_id",
                detail=f"same doc_id as {first[entry.doc_id]} (only the extension differs): rename one",
            )
        elif entry.status is None:
            first[entry.doc_id] = entry.path
        out.append(entry)
    return out


def doc_id_for(path: Path, root: Path) -> str:
    return path.relative_to(root).with_suffix("").as_posix()


def printable(name: str) -> tuple[str, bool]:
    """(name with undecodable bytes as \\xNN, whether it was valid UTF-8)."""
    try:
        name.encode("utf-8")
        return name, True
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"), False


class _Walker:
    """A depth-first listing that never leaves `real_root` and reads each real folder once."""

    def __init__(self, real_root: Path) -> None:
        self.real_root = real_root
        self.visited: dict[Path, str] = {real_root: "."}  # real folder -> the path it was read under
        self.entries: list[Entry] = []
        self.links: list[tuple[Path, str]] = []  # links to folders inside the root, followed last

    def skip(self, rel: str, status: str, detail: str, folder: bool = False) -> None:
        self.entries.append(Entry(rel, rel + "/" if folder else rel, status, detail))

    def walk(self, folder: Path, rel: str) -> None:
        try:
            with os.scandir(folder) as it:
                items = sorted(it, key=lambda d: d.name)
        except OSError as exc:
            self.skip(rel, "unreadable", f"cannot list the folder: {exc.strerror or exc}", folder=True)
            return
        for item in items:
            if item.name.startswith("."):
                continue
            name, valid = printable(item.name)
            child = f"{rel}/{name}" if rel else name
            try:
                is_link, is_dir = item.is_symlink(), item.is_dir()  # is_dir follows links
            except OSError:
                is_link, is_dir = False, False
            if not valid:
                if is_dir or is_document_name(name):
                    what = "folder" if is_dir else "file"
                    self.skip(child, "bad_file_name", f"{what} name is not valid UTF-8: rename it", is_dir)
                continue
            if is_link:
                self.link(Path(item.path), child, is_dir)
            elif is_dir:
                self.follow(Path(item.path), child)
            elif is_document_name(name):
                self.entries.append(Entry(child, doc_id_of(child)))

    def link(self, full: Path, rel: str, is_dir: bool) -> None:
        """A symbolic link: followed only to a target inside the corpus root."""
        try:
            target = full.resolve(strict=True)
        except (OSError, RuntimeError):  # missing target, or a loop of links
            if is_document_name(rel):
                self.skip(rel, "broken_link", "symbolic link to nothing")
            return
        if not target.is_relative_to(self.real_root):
            if is_dir or is_document_name(rel):
                detail = "symbolic link out of the corpus folder: not followed"
                self.skip(rel, "outside_corpus", detail, is_dir)
        elif is_dir:
            self.links.append((full, rel))
        elif is_document_name(rel):
            self.entries.append(Entry(rel, doc_id_of(rel)))

    def follow(self, full: Path, rel: str) -> None:
        """Read a folder (a real one, or a link's target inside the root) unless it was read already."""
        target = full.resolve()
        seen = self.visited.get(target)
        if seen is not None:
            where = "the corpus folder" if seen == "." else seen
            self.skip(rel, "linked_folder", f"symbolic link to {where}, already read: not followed", True)
            return
        self.visited[target] = rel
        self.walk(full, rel)
