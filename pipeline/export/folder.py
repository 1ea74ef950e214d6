"""The output folder of a run: an exclusive lock, a staging folder, and one publish at the end.

Everything is first written to a staging folder inside OUT_DIR, then moved into place with
os.replace, so an interrupted run leaves the previous outputs complete.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


class OutputError(Exception):
    """The output folder cannot be used (not writable, locked by another run)."""


class OutputFolder:
    """OUT_DIR under an exclusive lock; files are staged and published together by `publish`."""

    def __init__(self, out_dir: Path, wait: bool = False) -> None:
        self.out_dir = out_dir
        self.wait = wait
        self.staging: Path | None = None
        self._lock_file: int | None = None

    def __enter__(self) -> OutputFolder:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self._lock_file = os.open(self.out_dir / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(
                f"cannot write to output folder {self.out_dir}: {exc.strerror or exc}"
            ) from None
        try:
            fcntl.flock(self._lock_file, fcntl.LOCK_EX | (0 if self.wait else fcntl.LOCK_NB))
        except BlockingIOError:
            os.close(self._lock_file)
            self._lock_file = None
            raise OutputError(
                f"another run is writing to {self.out_dir}; wait for it to finish (or use --wait)"
            ) from None
        for stale in (*self.out_dir.glob(".staging-*"), *self.out_dir.glob(".old-*")):
            shutil.rmtree(stale, ignore_errors=True)  # left by a killed run: we hold the lock, nobody uses it
        try:
            self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.out_dir))
        except OSError as exc:
            self.__exit__(None, None, None)
            raise OutputError(
                f"cannot write to output folder {self.out_dir}: {exc.strerror or exc}"
            ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            os.close(self._lock_file)
            self._lock_file = None

    def staged(self, name: str) -> Path:
        assert self.staging is not None, "use OutputFolder as a context manager"
        path = self.staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def publish(self) -> None:
        """Move every staged entry into OUT_DIR; a staged folder replaces the old one whole."""
        assert self.staging is not None
        for entry in sorted(self.staging.iterdir()):
            target = self.out_dir / entry.name
            if entry.is_dir() or target.is_dir():
                # A folder replaces whatever was there (and is replaced whole): a Dask run writes
                # <table>.parquet as a folder of part files where a local run writes one file.
                old = None
                if target.exists() or target.is_symlink():
                    old = Path(tempfile.mkdtemp(prefix=".old-", dir=self.out_dir))
                    os.replace(target, old / entry.name)
                os.replace(entry, target)
                if old is not None:
                    shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(entry, target)


@contextlib.contextmanager
def output_folder(out_dir: Path, wait: bool = False) -> Iterator[OutputFolder]:
    with OutputFolder(out_dir, wait=wait) as folder:
        yield folder
