"""`pipeline report` on damaged or unwritable outputs: one line, no traceback, the previous report kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.report.test_report import make_run

runner = CliRunner()


def test_a_truncated_parquet_table_is_one_line(tmp_path: Path) -> None:
    out = make_run(tmp_path / "out", hostile=False)
    (out / "report.html").write_text("<p>rapport précédent</p>")
    entities = out / "entities.parquet"
    entities.write_bytes(entities.read_bytes()[: entities.stat().st_size // 2])
    result = runner.invoke(app, ["report", str(out)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "cannot read the tables in" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert (out / "report.html").read_text() == "<p>rapport précédent</p>"


def test_a_read_only_folder_is_one_line_and_the_previous_report_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = make_run(tmp_path / "out", hostile=False)
    (out / "report.html").write_text("<p>rapport précédent</p>")
    real_write = Path.write_text

    def read_only(self: Path, *args: object, **kwargs: object) -> int:
        if self.name.endswith(".partial"):  # what a read-only folder (or a full disk) refuses
            raise PermissionError(13, "Permission denied", str(self))
        return real_write(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", read_only)
    result = runner.invoke(app, ["report", str(out)])
    assert result.exit_code == 1
    assert "Permission denied" in result.output and "previous report is intact" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert (out / "report.html").read_text() == "<p>rapport précédent</p>"


def test_report_on_a_file_says_so(tmp_path: Path) -> None:
    target = tmp_path / "documents.csv"
    target.write_text("doc_id\n")
    result = runner.invoke(app, ["report", str(target)])
    assert result.exit_code == 1 and "is a file, not the output folder" in result.output
