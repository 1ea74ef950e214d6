"""The atomic, locked output folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.export import OutputError, OutputFolder


def test_publish_replaces_files_and_folders(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with OutputFolder(out) as folder:
        folder.staged("texts/a.txt").write_text("old")
        folder.staged("documents.csv").write_text("old")
        folder.publish()
    with OutputFolder(out) as folder:
        folder.staged("texts/b.txt").write_text("new")
        folder.staged("documents.csv").write_text("new")
        folder.publish()
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["b.txt"]
    assert (out / "documents.csv").read_text() == "new"
    assert not [p for p in out.iterdir() if p.name.startswith((".staging", ".old"))]


def test_unpublished_staging_leaves_previous_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with OutputFolder(out) as folder:
        folder.staged("documents.csv").write_text("previous")
        folder.publish()
    with pytest.raises(RuntimeError), OutputFolder(out) as folder:
        folder.staged("documents.csv").write_text("half")
        raise RuntimeError("interrupted")
    assert (out / "documents.csv").read_text() == "previous"


def test_second_writer_is_refused_while_locked(tmp_path: Path) -> None:
    with OutputFolder(tmp_path / "out"), pytest.raises(OutputError, match="another run"):
        OutputFolder(tmp_path / "out").__enter__()


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot write"):
        OutputFolder(blocker / "out").__enter__()
