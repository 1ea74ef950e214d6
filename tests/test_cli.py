"""The `run` command end to end on small corpora (Typer's CliRunner, the real model)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.tables import TABLES

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    """One run over the shipped corpus plus the encoding fixtures, shared by the tests below."""
    corpus = tmp_path_factory.mktemp("corpus")
    for path in (ROOT / "corpus").glob("*.txt"):
        shutil.copy(path, corpus / path.name)
    (corpus / "fixtures").mkdir()
    for name in ("mojibake.txt", "cp1252.txt", "bom_crlf.txt", "front_matter.md", "empty.txt", "binary.txt"):
        shutil.copy(ROOT / "tests" / "data" / name, corpus / "fixtures" / name)
    (corpus / "fixtures" / "english.txt").write_text(
        "Brussels, 3 March 2024. The European Commission today adopted a proposal to strengthen cooperation "
        "on artificial intelligence between Member States.\n",
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--format", "csv,parquet,xlsx"])
    assert result.exit_code == 0, result.output
    return out


def test_every_table_in_both_formats(seed_run: Path) -> None:
    for name, spec in TABLES.items():
        if spec.exported:
            parquet = pd.read_parquet(seed_run / f"{name}.parquet")
            csv = pd.read_csv(seed_run / f"{name}.csv", keep_default_na=False)
            assert list(parquet.columns) == spec.column_names == list(csv.columns)
            assert len(parquet) == len(csv)
    assert (seed_run / "doc_theme_matrix.csv").exists() and (seed_run / "tables.xlsx").exists()


def test_offsets_index_the_written_texts(seed_run: Path) -> None:
    checked = 0
    for name in ("entities", "dates", "contacts"):
        frame = pd.read_parquet(seed_run / f"{name}.parquet")
        for row in frame.itertuples():
            text = (seed_run / "texts" / f"{row.doc_id}.txt").read_text(encoding="utf-8")
            assert text[row.start : row.end] == row.text
            checked += 1
        csv = pd.read_csv(seed_run / f"{name}.csv", keep_default_na=False, dtype={"text": str})
        assert csv["text"].tolist() == frame["text"].tolist()
    assert checked > 100


def test_mojibake_seed_is_repaired(seed_run: Path) -> None:
    text = (seed_run / "texts" / "seed004.txt").read_text(encoding="utf-8")
    assert "l'initiative" in text and "à promouvoir" in text and "â€" not in text
    docs = pd.read_parquet(seed_run / "documents.parquet").set_index("doc_id")
    assert "mojibake" in docs.loc["seed004", "repairs"]
    assert docs.loc["fixtures/cp1252", "encoding"] == "cp1252"
    assert bool(docs.loc["fixtures/bom_crlf", "had_bom"])


def test_bad_files_are_listed_not_fatal(seed_run: Path) -> None:
    docs = pd.read_parquet(seed_run / "documents.parquet").set_index("doc_id")
    assert docs.loc["fixtures/empty", "status"] == "empty"
    assert docs.loc["fixtures/binary", "status"] == "binary"
    assert (docs["status"] == "ok").sum() == 9
    assert not (seed_run / "texts" / "fixtures" / "empty.txt").exists()


def test_english_release_is_listed_not_analysed(seed_run: Path) -> None:
    docs = pd.read_parquet(seed_run / "documents.parquet").set_index("doc_id")
    assert docs.loc["fixtures/english", "status"] == "not_french"
    assert docs.loc["fixtures/english", "language"] == "en"
    assert docs.loc["seed002", "language"] == "fr"
    entities = pd.read_parquet(seed_run / "entities.parquet")
    assert "fixtures/english" not in set(entities["doc_id"])


def test_quotes_and_countries(seed_run: Path) -> None:
    quotes = pd.read_parquet(seed_run / "quotes.parquet")
    speakers = set(quotes["speaker_canonical"])
    assert {"Bruno Le Maire", "Jean-Noël Barrot"} <= speakers
    summary = pd.read_parquet(seed_run / "entity_summary.parquet").set_index(["canonical", "label"])
    assert summary.loc[("Paris", "LOC"), "country"] == "FR"
    assert summary.loc[("Londres", "LOC"), "country"] == "GB"


def test_front_matter_gives_metadata(seed_run: Path) -> None:
    docs = pd.read_parquet(seed_run / "documents.parquet").set_index("doc_id")
    row = docs.loc["fixtures/front_matter"]
    assert row["title"] == "Plan numérique" and str(row["published"]) == "2024-03-12"
    assert row["published_source"] == "front_matter"


def test_second_run_uses_the_cache_and_gives_the_same_tables(seed_run: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "seed003.txt", corpus / "a.txt")
    out = tmp_path / "out"
    first = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert first.exit_code == 0, first.output
    before = pd.read_parquet(out / "entities.parquet")
    second = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert "1 from cache" in second.output
    pd.testing.assert_frame_equal(before, pd.read_parquet(out / "entities.parquet"))
    (corpus / "a.txt").unlink()
    shutil.copy(ROOT / "corpus" / "seed000.txt", corpus / "b.txt")
    third = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert "0 from cache" in third.output
    assert set(pd.read_parquet(out / "documents.parquet")["doc_id"]) == {"b"}
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["b.txt"]


def test_missing_corpus_is_one_line_and_nonzero(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "corpus folder not found" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("corpus_url", "out_url", "report"), [(True, False, False), (False, True, False), (False, True, True)]
)
def test_a_url_with_the_local_engine_is_one_line_naming_the_dask_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus_url: bool, out_url: bool, report: bool
) -> None:
    """Path("file:///x") would be the relative folder "file:/x": the URL is refused, nothing written."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Le ministre est à Paris.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = [f"file://{corpus}" if corpus_url else str(corpus), "--out", "s3://seau/t" if out_url else "out"]
    result = runner.invoke(app, ["run", *args, *(["--report"] if report else [])])
    assert result.exit_code != 0
    assert "URLs need --engine dask" in result.output and len(result.output.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]  # neither out/ nor file:/ nor s3:/


@pytest.mark.slow
def test_dask_engine_takes_file_urls_and_writes_the_report(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    corpus, out = tmp_path / "c", tmp_path / "out"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "seed003.txt", corpus / "a.txt")
    args = ["run", f"file://{corpus}", "--out", f"file://{out}", "--engine", "dask", "--workers", "1"]
    result = runner.invoke(app, [*args, "--format", "parquet", "--report"])
    assert result.exit_code == 0, result.output
    assert (out / "entities.parquet").is_dir()  # the Dask layout: a folder of parts
    assert pd.read_parquet(out / "documents.parquet")["doc_id"].tolist() == ["a"]
    assert (out / "texts" / "a.txt").exists() and (out / "report.html").stat().st_size > 0
    assert f"report: {out / 'report.html'}" in result.output


def test_report_into_an_object_store_is_refused_before_the_run(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    (tmp_path / "a.txt").write_text("Le ministre est à Paris.", encoding="utf-8")
    args = ["run", str(tmp_path), "--out", "memory://cli-report/out", "--engine", "dask", "--report"]
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert "--report needs a local --out" in result.output and len(result.output.strip().splitlines()) == 1
    assert not fsspec.filesystem("memory").exists("/cli-report")


def test_unwritable_output_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Le ministre est à Paris.", encoding="utf-8")
    (tmp_path / "file").write_text("x")
    result = runner.invoke(app, ["run", str(tmp_path / "c"), "--out", str(tmp_path / "file" / "out")])
    assert result.exit_code != 0 and "cannot write to output folder" in result.output


def test_bad_format_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(ROOT / "corpus"), "--out", str(tmp_path), "--format", "json"])
    assert result.exit_code != 0 and "unknown format json" in result.output


@pytest.mark.parametrize("command", ["run", "add", "report", "cache", "dictionary"])
def test_every_option_is_in_help_and_readme(command: str) -> None:
    """Each option has help text, is shown by --help and is documented in the README."""
    import typer.main

    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for param in click_command.params:
        for name in getattr(param, "opts", []):
            if name.startswith("--") and name != "--help":
                assert param.help, f"{command} {name} has no help"
                assert name in result.output, f"{command} {name} not in --help"
                assert name in readme, f"{command} {name} not in README.md"


def test_add_reports_each_input_and_exit_code(tmp_path: Path) -> None:
    ingest = ROOT / "tests" / "data" / "ingest"
    corpus = tmp_path / "corpus"
    args = ["add", str(ingest / "communique.html"), str(ingest / "communique.txt"), "--corpus", str(corpus)]
    missing = runner.invoke(app, args)  # a mistyped --corpus does not start a new corpus
    assert missing.exit_code == 1 and "corpus folder not found" in missing.output
    assert "--create" in missing.output
    assert not corpus.exists()
    result = runner.invoke(app, [*args, "--create"])
    assert result.exit_code == 0, result.output
    assert "added as" in result.output and "same text as" in result.output
    assert len(list(corpus.glob("*.md"))) == 1
    bad = runner.invoke(app, ["add", str(ingest / "scan.pdf"), "--corpus", str(corpus)])
    assert bad.exit_code == 1 and "no text layer" in bad.output
    assert len(list(corpus.glob("*.md"))) == 1
    again = runner.invoke(app, args)  # every input already in the corpus: nothing added
    assert again.exit_code == 3 and again.output.count("same text as") == 2


def test_add_from_stdin_with_metadata(tmp_path: Path) -> None:
    text = (
        "Le préfet a présenté mardi à Lyon un plan de rénovation des écoles, doté de trois millions d'euros."
    )
    result = runner.invoke(
        app, ["add", "-", "--corpus", str(tmp_path), "--date", "2024-05-02", "--title", "Écoles"], input=text
    )
    assert result.exit_code == 0, result.output
    written = tmp_path / "2024-05-02-ecoles.md"
    assert written.read_text(encoding="utf-8").startswith("---\n")
    bad = runner.invoke(app, ["add", "-", "--corpus", str(tmp_path), "--date", "2 mai"], input=text)
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
