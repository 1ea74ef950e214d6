"""The output folder of a run: an exclusive lock, a new generation folder, and one switch to publish it.

A run writes everything into OUT/.generations/<id>/ (its staging folder). Users open the same paths as
ever, OUT/<table>.csv, OUT/texts/, OUT/manifest.json: each is a symbolic link to .current/<name>, and
OUT/.current is a link to the published generation. Publishing replaces .current with one rename, so a
reader who resolves a path gets the whole previous run or the whole new one, never a mix (a SIGKILL
at any point leaves one of the two); older generations are then removed. Links to outputs the new run
did not write (tables.xlsx without --format xlsx) are removed, and so is a report.html of the previous
run (it describes the tables it was made from; `run --report` writes a new one).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import uuid
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from .lock import LockBusy, RunLock

GENERATIONS = ".generations"
CURRENT = ".current"
MANIFEST = "manifest.json"
STALE_AFTER_RUN = ("report.html",)  # made from a run's tables by `pipeline report`: stale once they change


class OutputError(Exception):
    """The output folder cannot be used (not writable, locked by another run)."""


def _cannot_write(out_dir: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write to output folder {out_dir}: {exc.strerror or exc}")


class OutputBusy(OutputError):
    """Another live run holds the output folder's lock."""


class OutputFolder:
    """OUT_DIR under an exclusive lock; files are staged in a new generation and published together."""

    def __init__(self, out_dir: Path, wait: bool = False) -> None:
        self.out_dir = out_dir
        self.wait = wait
        self.staging: Path | None = None
        self.generation = ""
        self.notes: list[str] = []  # said to the user at the end of the run
        self._lock: RunLock | None = None

    def __enter__(self) -> OutputFolder:
        if self.out_dir.exists() and not self.out_dir.is_dir():
            raise OutputError(f"--out {self.out_dir} is a file, not a folder: give a folder for the outputs")
        lock = RunLock(self.out_dir, wait=self.wait)
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        except LockBusy as exc:
            raise OutputBusy(
                f"another run is writing to {self.out_dir} ({exc}); wait for it to finish (or use --wait)"
            ) from None
        except OSError as exc:
            raise _cannot_write(self.out_dir, exc) from None
        self._lock = lock
        self.notes += lock.notes
        try:
            self._remove_unpublished()
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
            self.generation = f"{stamp}-{uuid.uuid4().hex[:8]}"
            self.staging = self.out_dir / GENERATIONS / self.generation
            self.staging.mkdir(parents=True)
        except OSError as exc:
            self.__exit__(None, None, None)
            raise _cannot_write(self.out_dir, exc) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.staging is not None and self.staging.name != self.current():
            shutil.rmtree(self.staging, ignore_errors=True)
        self.staging = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def current(self) -> str | None:
        """The name of the published generation (None before the first run of this layout)."""
        try:
            return Path(os.readlink(self.out_dir / CURRENT)).name
        except OSError:
            return None

    def _remove_unpublished(self) -> None:
        """Generations of killed runs and older ones, and the staging folders of earlier versions."""
        keep = self.current()
        generations = self.out_dir / GENERATIONS
        old = [*generations.glob("*")] if generations.is_dir() else []
        for stale in (
            *old,
            *self.out_dir.glob(".staging-*"),
            *self.out_dir.glob(".old-*"),
            *self.out_dir.glob(".dask-work-*"),
        ):
            if stale.name != keep:
                shutil.rmtree(stale, ignore_errors=True)
        for temp in self.out_dir.glob(".link-*"):
            temp.unlink(missing_ok=True)

    def staged(self, name: str) -> Path:
        assert self.staging is not None, "use OutputFolder as a context manager"
        path = self.staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def carry_current(self, replaced: Collection[str]) -> dict[str, Any]:
        """Stage every output of the published generation but `replaced` (hard links: nothing is
        copied where the file system allows them), for a command that adds a table to a run's outputs
        (`pipeline compare`): its generation keeps the run's tables. Returns the published manifest
        without its generation and file list."""
        assert self.staging is not None
        current = self.current()
        source = self.out_dir / GENERATIONS / current if current else None
        if source is None or not source.is_dir():
            return {}
        for entry in source.iterdir():
            if entry.name in replaced or entry.name == MANIFEST:
                continue
            if entry.is_dir():
                shutil.copytree(entry, self.staging / entry.name, copy_function=_link_or_copy)
            else:
                _link_or_copy(entry, self.staging / entry.name)
        return {k: v for k, v in read_manifest(source).items() if k not in ("generation", "files")}

    def publish(
        self, manifest: dict[str, Any] | None = None, *, stale: Collection[str] = STALE_AFTER_RUN
    ) -> None:
        """Write manifest.json, link every output name to .current/<name>, switch .current to this
        generation (one rename: the moment the new outputs appear), then tidy up. `stale`: outputs made
        from the earlier tables that the switch removes (a run's: report.html)."""
        assert self.staging is not None
        body = {"generation": self.generation, **(manifest or {})}
        body["files"] = sorted(p.name for p in self.staging.iterdir() if p.name != MANIFEST)
        self.staged(MANIFEST).write_text(json.dumps(body, indent=2, default=str) + "\n", encoding="utf-8")
        names = sorted(p.name for p in self.staging.iterdir())
        for name in names:
            self._link(name, f"{CURRENT}/{name}")
        for name in stale:
            (self.out_dir / name).unlink(missing_ok=True)
        self._link(CURRENT, f"{GENERATIONS}/{self.generation}")  # the switch
        for entry in self.out_dir.iterdir():  # links to outputs this run did not write
            if entry.is_symlink() and os.readlink(entry).startswith(f"{CURRENT}/") and not entry.exists():
                entry.unlink()
        self._remove_unpublished()

    def _link(self, name: str, target: str) -> None:
        """Make OUT/name a link to `target`, replacing what was there in one rename (a folder of an
        earlier version's layout is moved aside first and removed)."""
        path = self.out_dir / name
        if path.is_symlink() and os.readlink(path) == target:
            return
        temp = self.out_dir / f".link-{uuid.uuid4().hex[:8]}"
        os.symlink(target, temp)
        aside = None
        if path.is_dir() and not path.is_symlink():
            aside = self.out_dir / f".old-{uuid.uuid4().hex[:8]}"
            os.replace(path, aside)
        os.replace(temp, path)
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True)


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest.json of an output folder (or of one of its generations); {} when it has none or it
    cannot be read."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _link_or_copy(source: Path | str, target: Path | str) -> None:
    """A hard link to `source`, or a copy where the file system has none."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def published_generation(out_dir: Path) -> Path | None:
    """The folder of the published generation of OUT_DIR, if any."""
    link = out_dir / CURRENT
    return link.resolve() if link.is_symlink() and link.exists() else None


@contextlib.contextmanager
def output_folder(out_dir: Path, wait: bool = False) -> Iterator[OutputFolder]:
    with OutputFolder(out_dir, wait=wait) as folder:
        yield folder
