"""A full disk while the outputs are written: one line, no traceback, the previous outputs intact.

The corpus holds only files that are listed without analysis (empty ones), so no model is loaded."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def test_a_full_disk_while_publishing_is_one_line_and_keeps_the_previous_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "brouillon-vide.txt").write_bytes(b"")
    args = ["run", str(corpus), "--out", str(out), "--jobs", "1", "--quiet"]
    assert runner.invoke(app, args).exit_code == 0
    before = (out / "documents.csv").read_bytes()
    (corpus / "second-brouillon.txt").write_bytes(b"")

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(out / ".generations" / "x" / "dates.csv"))

    monkeypatch.setattr("pipeline.engines.local.write_outputs", full_disk)
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "No space left on device" in result.output and "previous outputs are intact" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert (out / "documents.csv").read_bytes() == before
    assert len(list((out / ".generations").iterdir())) == 1  # the unfinished one is gone
