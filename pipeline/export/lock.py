"""One run at a time per output folder: OUT/.lock, an flock that names its holder (pid and start time).

The kernel drops an flock when every process holding it has died. Forked children (the model's
workers, the lookup helper) would inherit it, so they close it right after the fork
(`os.register_at_fork`) and die with their parent (per_process.die_with_parent). Should a lock still be
held by processes of a run whose main process is dead (pid gone, or reused by a process started at
another time), the next run takes it over with a message: the lock file is renamed away, under a
short guard lock so that two new runs cannot both take it, and a fresh one is locked.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

_HELD: set[int] = set()  # lock descriptors of this process: closed in forked children
POLL_SECONDS = 0.5


class LockBusy(Exception):
    """Another live run holds the lock."""


def _close_in_child() -> None:
    for fd in list(_HELD):
        with contextlib.suppress(OSError):
            os.close(fd)  # the parent's lock stays: it belongs to the parent's descriptor too
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_in_child)


def process_start(pid: int) -> str | None:
    """When process `pid` started (clock ticks since boot, /proc), or None when there is no such
    process or it is a zombie (dead, not yet reaped by its parent)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return None if fields[0] in ("Z", "X") else fields[19]


@dataclass(frozen=True)
class Holder:
    pid: int
    start: str | None
    host: str

    @classmethod
    def me(cls) -> Holder:
        return cls(os.getpid(), process_start(os.getpid()), socket.gethostname())

    def dead(self) -> bool:
        """True only when sure: same host, and the pid is gone or now names another process."""
        if self.host != socket.gethostname():
            return False
        if Path("/proc/self/stat").exists():
            return process_start(self.pid) is None or process_start(self.pid) != self.start
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False

    def describe(self) -> str:
        return f"pid {self.pid} on {self.host}"


def _read_holder(fd: int) -> Holder | None:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"null")
        return Holder(int(data["pid"]), data.get("start"), str(data["host"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class RunLock:
    """OUT/.lock held by this process; `notes` says when the lock of a dead run was taken over."""

    def __init__(self, folder: Path, wait: bool = False) -> None:
        self.path = folder / ".lock"
        self.guard = folder / ".lock.takeover"
        self.wait = wait
        self.fd: int | None = None
        self.notes: list[str] = []

    def acquire(self) -> None:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_holder(fd)
                if holder is not None and holder.dead() and self._take_over(fd, holder):
                    os.close(fd)
                    continue
                os.close(fd)
                if not self.wait:
                    raise LockBusy(holder.describe() if holder else "another process") from None
                time.sleep(POLL_SECONDS)
                continue
            if not self._still_at_path(fd):  # taken over and renamed away between open and flock
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            h = Holder.me()
            os.pwrite(fd, json.dumps({"pid": h.pid, "start": h.start, "host": h.host}).encode(), 0)
            self.fd = fd
            _HELD.add(fd)
            return

    def _still_at_path(self, fd: int) -> bool:
        try:
            return os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def _take_over(self, fd: int, holder: Holder) -> bool:
        """Rename away a lock file whose holder is dead (its orphans keep the old file, not the lock)."""
        guard = os.open(self.guard, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(guard, fcntl.LOCK_EX)
            if not self._still_at_path(fd):
                return True  # another run took it over first: try again with the new file
            aside = self.path.with_name(f".lock.dead-{uuid.uuid4().hex[:8]}")
            os.rename(self.path, aside)
            aside.unlink(missing_ok=True)
        finally:
            os.close(guard)
        self.notes.append(
            f"took over the lock of a run that was killed ({holder.describe()}); "
            "its unfinished outputs were discarded, the previous ones are intact"
        )
        return True

    def release(self) -> None:
        if self.fd is None:
            return
        _HELD.discard(self.fd)
        with contextlib.suppress(OSError):
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None
