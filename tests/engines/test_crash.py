"""A SIGKILLed local run: its worker processes die with it, the lock is free, the outputs are whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from pipeline.export import OutputFolder
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # loads the model in a run of its own

RELEASE = """Valmorge, le {day} mars 2025.

La communauté de communes du Val de Morge lance un appel à projets pour les jardins partagés.
« Nous voulons un jardin dans chaque village », a déclaré Hélène Corbière, présidente de la
communauté, lors de la réunion du conseil. Les dossiers sont attendus avant le 30 avril 2025.
Dossier {n}.
"""


def _tagged(tag: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if (
                proc.name.isdigit()
                and tag.encode() in (proc / "environ").read_bytes()
                and (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
            ):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_killed_run_leaves_no_worker_no_lock_and_the_previous_outputs(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    for n in range(32):  # 32 documents: two worker processes
        (corpus / f"appel-{n:02d}.txt").write_text(RELEASE.format(day=n % 28 + 1, n=n), encoding="utf-8")
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--jobs", "2", "-q"]
    subprocess.run(cmd, check=True, cwd=ROOT, timeout=600)
    before = (out / "documents.csv").read_bytes()
    tag = uuid.uuid4().hex
    proc = subprocess.Popen([*cmd, "--force"], cwd=ROOT, env={**os.environ, "H28_CRASH_TAG": tag})
    deadline = time.monotonic() + 300
    while len(_tagged(tag)) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)  # the run and its two workers (forked once the model is loaded)
    assert proc.poll() is None, "the run ended before its workers were seen"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while _tagged(tag) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = _tagged(tag)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == []
    assert (out / "documents.csv").read_bytes() == before
    with OutputFolder(out) as folder:
        assert folder.notes == []  # free at once: nothing to take over
