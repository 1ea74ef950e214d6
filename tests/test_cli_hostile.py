"""The CLI as a hurried analyst meets it: mistyped folders, outputs in odd places, URLs, misnamed files,
French-locale spreadsheets. Each bad input is one line, a non-zero exit, and nothing lost. No model."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.compare.corpus import write_run

runner = CliRunner()

RELEASE = (
    "Montferrand-sur-Orge, le 4 juin 2024 — La communauté de communes du Val d'Orge ouvre une nouvelle "
    "ligne de bus entre la gare et le parc d'activités. Le président, M. Gaspard Lenoir, l'a annoncé lundi.\n"
)


def one_line_error(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert "Traceback" not in output
    return lines[0]


def test_dictionary_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["dictionary", "--out", str(tmp_path / "absent" / "dictionnaire.md")])
    assert result.exit_code == 1
    assert "cannot write" in one_line_error(result.output)


def test_output_folder_inside_the_corpus_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "communiqués"
    corpus.mkdir()
    (corpus / "bus.txt").write_text(RELEASE, encoding="utf-8")
    result = runner.invoke(app, ["run", str(corpus), "--out", str(corpus / "sorties"), "-j", "1"])
    assert result.exit_code == 1
    assert "inside the corpus folder" in one_line_error(result.output)
    assert not (corpus / "sorties").exists()


def test_an_empty_corpus_leaves_the_previous_outputs(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    out = write_run(tmp_path / "out")
    before = sorted(p.name for p in out.iterdir())
    result = runner.invoke(app, ["run", str(tmp_path / "vide"), "--out", str(out), "-j", "1", "-q"])
    assert result.exit_code == 1
    assert "no documents" in one_line_error(result.output)
    assert sorted(p.name for p in out.iterdir()) == before


def test_cache_of_a_mistyped_folder_is_an_error_not_an_empty_cache(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "bus.txt").write_text(RELEASE, encoding="utf-8")
    for extra in ([], ["--prune"]):
        args = ["cache", str(tmp_path / "sortis"), "--corpus", str(tmp_path / "corpus"), *extra]
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert "no analysis cache" in one_line_error(result.output)


def test_pruning_against_an_empty_corpus_is_refused(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    entry = tmp_path / "out" / ".cache" / "ab" / "abcdef.json"
    entry.parent.mkdir(parents=True)
    entry.write_text("{}\n", encoding="utf-8")
    result = runner.invoke(
        app, ["cache", str(tmp_path / "out"), "--corpus", str(tmp_path / "vide"), "--prune"]
    )
    assert result.exit_code == 1
    assert "would remove every entry" in one_line_error(result.output)
    assert entry.exists()


def test_compare_writes_its_csv_in_the_runs_flavour(tmp_path: Path) -> None:
    out = write_run(tmp_path / "out")
    (out / "manifest.json").write_text(json.dumps({"options": {"csv_flavor": "excel-fr"}}), encoding="utf-8")
    result = runner.invoke(app, ["compare", str(out), "--by", "source", "-q"])
    assert result.exit_code == 0, result.output
    data = (out / "specificities.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbffield;part;item_type;")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows and all("," in r["expected"] and "." not in r["expected"] for r in rows)  # decimal commas
    result = runner.invoke(app, ["compare", str(out), "--by", "source", "-q", "--csv-flavor", "rfc"])
    assert result.exit_code == 0, result.output
    assert (out / "specificities.csv").read_bytes().startswith(b"field,part,item_type,")


def test_compare_on_one_part_only_says_so(tmp_path: Path) -> None:
    out = write_run(tmp_path / "out")
    for command in (["compare", str(out), "--by", "year"], ["report", str(out), "--by", "year"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1
        assert "at least two parts" in one_line_error(result.output)
    assert not (out / "specificities.csv").exists()


def test_compare_names_the_item_types_as_the_help_does(tmp_path: Path) -> None:
    out = write_run(tmp_path / "out")
    result = runner.invoke(app, ["compare", str(out), "--by", "source", "--items", "lemmas,keywrds"])
    assert result.exit_code == 1
    assert "choose from lemmas, keywords, entities, themes" in one_line_error(result.output)


def test_add_a_web_address_says_there_is_no_network(tmp_path: Path) -> None:
    result = runner.invoke(app, ["add", "https://www.example.org/communique-bus", "-c", str(tmp_path)])
    assert result.exit_code == 1
    assert "web address" in one_line_error(result.output)
    assert list(tmp_path.iterdir()) == []


def test_add_a_pdf_or_docx_that_is_not_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    page = tmp_path / "communique.pdf"  # a download that failed: the server's error page
    page.write_text(f"<html><body><h1>Erreur 404</h1><p>{RELEASE}</p></body></html>", encoding="utf-8")
    word = tmp_path / "communique.docx"
    word.write_text(RELEASE, encoding="utf-8")
    for path, suffix in ((page, ".pdf"), (word, ".docx")):
        result = runner.invoke(app, ["add", str(path), "-c", str(corpus)])
        assert result.exit_code == 1
        assert f"named {suffix} but is not" in one_line_error(result.output)
    assert list(corpus.iterdir()) == []


class _InterruptedImport:
    """A meta-path finder that raises KeyboardInterrupt for one module: a Ctrl-C while it loads."""

    def __init__(self, name: str) -> None:
        self.name = name

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if fullname == self.name:
            raise KeyboardInterrupt


def test_ctrl_c_while_the_run_starts_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "pipeline.core", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_InterruptedImport("pipeline.core"), *sys.meta_path])
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path.parent / "out"), "-q"])
    assert result.exit_code == 130
    assert "interrupted" in one_line_error(result.output)


def test_compare_during_a_run_says_so_at_once_and_writes_nothing(tmp_path: Path) -> None:
    from pipeline.export import OutputFolder

    out = write_run(tmp_path / "out")
    with OutputFolder(out):  # a run writing to the folder (before: compare waited for it unseen, then
        # published specificities of the tables it had read before the run replaced them)
        result = runner.invoke(app, ["compare", str(out), "--by", "source", "-q"])
    assert result.exit_code == 1
    assert "compare once it has finished" in one_line_error(result.output)
    assert not (out / "specificities.csv").exists()


def test_compare_with_no_format_keeps_the_previous_table(tmp_path: Path) -> None:
    out = write_run(tmp_path / "out")
    assert runner.invoke(app, ["compare", str(out), "--by", "source", "-q"]).exit_code == 0
    result = runner.invoke(app, ["compare", str(out), "--by", "source", "-q", "--format", ""])
    assert result.exit_code == 1
    assert "unknown format (none)" in one_line_error(result.output)
    assert (out / "specificities.csv").exists()


def test_a_csv_only_run_with_an_undated_release_splits_by_month(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.export import write_csv

    out = write_run(tmp_path / "out")
    documents = pq.read_table(out / "documents.parquet")
    published = documents.column("published").to_pylist()
    published[0] = None  # a release with no date found: "" in the CSV
    documents = documents.set_column(
        documents.schema.get_field_index("published"), "published", pa.array(published, pa.date32())
    )
    write_csv(documents, out / "documents.csv", "excel-fr")
    (out / "documents.parquet").unlink()  # `run --format csv`
    for command in (
        ["compare", str(out), "--by", "month", "-q"],
        ["report", str(out), "--by", "month", "-q"],
    ):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
    assert (out / "specificities.csv").exists() and (out / "report.html").exists()


def test_help_reflows_each_paragraph_of_a_docstring() -> None:
    result = runner.invoke(app, ["run", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    # one paragraph of the docstring, not the source's line breaks
    assert "quotes, entity_summary and similar_documents (one file per table and format)" in result.output


def test_report_during_a_run_says_so_and_writes_nothing(tmp_path: Path) -> None:
    from pipeline.export import OutputFolder

    out = write_run(tmp_path / "out")
    with OutputFolder(out):  # the run would remove the report written from the tables it replaces
        result = runner.invoke(app, ["report", str(out), "-q"])
    assert result.exit_code == 1
    assert "make the report once it has finished" in one_line_error(result.output)
    assert not (out / "report.html").exists()
    assert runner.invoke(app, ["report", str(out), "-q"]).exit_code == 0  # the lock was released
    elsewhere = tmp_path / "rapport.html"
    with OutputFolder(out):  # a report written elsewhere does not need the folder
        assert runner.invoke(app, ["report", str(out), "--html", str(elsewhere), "-q"]).exit_code == 0
