"""`pipeline compare` and the report's comparison section on a hand-written run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report.compare import comparison
from tests.compare.corpus import AGENCE, PREFECTURE, write_run

runner = CliRunner()


@pytest.fixture
def run(tmp_path: Path) -> Path:
    return write_run(tmp_path / "out")


def test_compare_command_prints_the_top_items_and_writes_the_table(run: Path) -> None:
    result = runner.invoke(
        app, ["compare", str(run), "--by", "source", "--top", "2", "--items", "lemmas,entities"]
    )
    assert result.exit_code == 0, result.output
    assert f"== source = {PREFECTURE} (3 documents)" in result.output
    prefecture = result.output.split(f"== source = {PREFECTURE}")[1]  # parts in alphabetical order
    assert "lemma: tempête (6/6" in prefecture
    assert "Lucienne Karadec [PER]" in prefecture
    assert "keyword:" not in result.output
    assert (run / "specificities.csv").exists()
    assert (run / "specificities.parquet").exists()


def test_compare_command_refuses_an_unknown_field(run: Path) -> None:
    result = runner.invoke(app, ["compare", str(run), "--by", "ministère"])
    assert result.exit_code == 1
    assert "no field 'ministère'" in result.output
    assert not (run / "specificities.csv").exists()


def test_report_section_lists_each_part_and_follows_items_over_time(run: Path) -> None:
    section = comparison(run, "source")
    by_part = {p["name"]: p for p in section["parts"]}
    assert set(by_part) == {PREFECTURE, AGENCE}
    assert by_part[PREFECTURE]["tops"]["entity"][0]["name"] == "Lucienne Karadec"
    assert by_part[AGENCE]["tops"]["theme"][0]["name"] == "Santé"
    assert section["tracked"] == ["Lucienne Karadec", "Centre hospitalier de Brézolles"]  # largest part first
    assert section["chart"] is not None and "<svg" in section["chart"]


def test_report_section_follows_the_items_asked_for(run: Path) -> None:
    section = comparison(run, "source", track=("campagne de vaccination",))
    assert section["tracked"] == ["campagne de vaccination"]


def test_the_files_written_are_named_with_their_brackets(tmp_path: Path) -> None:
    run = write_run(tmp_path / "[archives] 2025")
    result = runner.invoke(app, ["compare", str(run), "--by", "source", "--items", "themes"])
    assert result.exit_code == 0, result.output
    assert f"{run / 'specificities.csv'}" in result.output.replace("\n", "")


def test_compare_keeps_the_runs_tables_and_manifest_in_its_generation(tmp_path: Path) -> None:
    """A run's outputs are links into its generation: compare publishes a new one, which must hold the
    run's tables (hard links), its manifest's options and its report, beside the specificities."""
    from pipeline.export import output_folder

    tables = write_run(tmp_path / "tables")
    out = tmp_path / "out"
    with output_folder(out) as folder:
        for path in tables.iterdir():
            path.rename(folder.staged(path.name))
        folder.publish({"schema_version": 1, "options": {"top_k": 4}})
    (out / "report.html").write_text("<html></html>", encoding="utf-8")
    for _ in range(2):  # a second compare reads what the first published
        result = runner.invoke(app, ["compare", str(out), "--by", "source", "--items", "lemmas"])
        assert result.exit_code == 0, result.output
    assert (out / "documents.parquet").is_file() and (out / "lemma_counts.parquet").is_file()
    assert (out / "specificities.parquet").is_file() and (out / "report.html").is_file()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["options"] == {"top_k": 4}
    assert {"documents.parquet", "specificities.csv"} <= set(manifest["files"])
