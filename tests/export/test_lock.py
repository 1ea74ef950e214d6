"""The output folder's lock: held by one live run, never by the orphans of a killed one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.export import OutputError, OutputFolder
from pipeline.export.lock import process_start
from tests.support.paths import ROOT

HOLD = """
import fcntl, json, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)
os.pwrite(fd, sys.argv[2].encode(), 0)
print("held", flush=True)
time.sleep(60)
"""


def _holder(lock: Path, holder: dict) -> subprocess.Popen[str]:
    """A process that holds `lock` with `holder` written in it (as an orphan of a dead run would)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock), json.dumps(holder)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_lock_held_for_a_dead_run_is_taken_over_with_a_message(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    orphan = _holder(out / ".lock", {"pid": _dead_pid(), "start": "1", "host": os.uname().nodename})
    try:
        with OutputFolder(out) as folder:
            assert any("took over the lock" in note for note in folder.notes)
            with pytest.raises(OutputError, match="another run"):  # and now it is ours
                OutputFolder(out).__enter__()
    finally:
        orphan.kill()
        orphan.wait()


def test_a_lock_held_by_a_live_run_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        start = process_start(live.pid)
        holder = _holder(out / ".lock", {"pid": live.pid, "start": start, "host": os.uname().nodename})
        try:
            with pytest.raises(OutputError, match=f"another run is writing .* \\(pid {live.pid} "):
                OutputFolder(out).__enter__()
        finally:
            holder.kill()
            holder.wait()
    finally:
        live.kill()
        live.wait()


def test_a_forked_child_does_not_keep_the_lock_of_a_killed_run(tmp_path: Path) -> None:
    """The run forks (a worker), then is SIGKILLed: the next run gets the lock at once, no take-over."""
    out = tmp_path / "out"
    script = textwrap.dedent(
        f"""
        import os, signal, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from pipeline.export import OutputFolder
        folder = OutputFolder(Path({str(out)!r})).__enter__()
        child = os.fork()
        if child == 0:
            os.close(1), os.close(2)  # not the test's pipe: it reads until every writer is gone
            time.sleep(60)
            os._exit(0)
        print(child, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    child = int(proc.stdout.strip())
    try:
        assert process_start(child) is not None  # the orphan still runs
        with OutputFolder(out) as folder:
            assert folder.notes == []
    finally:
        os.kill(child, signal.SIGKILL)


def test_workers_and_helpers_die_with_their_parent(tmp_path: Path) -> None:
    """A pool worker armed with die_with_parent ends when the run that forked it is SIGKILLed."""
    script = textwrap.dedent(
        f"""
        import multiprocessing, os, signal, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from concurrent.futures import ProcessPoolExecutor
        from pipeline.per_process import die_with_parent
        pool = ProcessPoolExecutor(1, multiprocessing.get_context("fork"),
                                   initializer=die_with_parent, initargs=(os.getpid(),))
        print(pool.submit(os.getpid).result(), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    worker = int(proc.stdout.strip())
    deadline = time.monotonic() + 10
    while process_start(worker) is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = process_start(worker) is not None
    if alive:
        os.kill(worker, signal.SIGKILL)
    assert not alive
