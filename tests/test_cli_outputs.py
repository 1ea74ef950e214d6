"""The CLI's messages and the outputs' documentation: brackets kept, --out a file, `pipeline cache`,
every exported table listed where users look, the changelog naming the schema version."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cache import AnalysisCache
from pipeline.cli import app
from pipeline.tables import SCHEMA_VERSION, TABLES
from tests.support.paths import ROOT

runner = CliRunner()


def test_brackets_in_a_message_and_a_file_name_are_kept(tmp_path: Path) -> None:
    missing = tmp_path / "[brouillon] communiqués"
    result = runner.invoke(app, ["run", str(missing), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "[brouillon] communiqués" in result.output


def test_out_pointing_to_a_file_says_so(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("colonne\n")
    result = runner.invoke(app, ["run", str(ROOT / "corpus"), "--out", str(target), "--jobs", "1"])
    assert result.exit_code == 1 and "is a file, not a folder" in result.output
    assert target.read_text() == "colonne\n"


def _cache_fixture(tmp_path: Path) -> tuple[Path, Path, str]:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "fete-des-lanternes.txt").write_text("Saint-Aubertin, le 3 mai. La fête des lanternes revient.")
    (corpus / "pont-neuf.txt").write_text("Valmorge, le 9 juin. Le pont de la Lisière rouvre.")
    used = [hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(corpus.iterdir())]
    out.mkdir()
    (out / "manifest.json").write_text(json.dumps({"cache_fingerprint": "reglages1"}))
    rows = {"documents": [{"doc_id": "x", "path": "x.txt", "status": "ok"}]}
    for key in (*used, "0" * 64, "1" * 64, "2" * 64):
        AnalysisCache(out / ".cache", "reglages1").put(key, rows)
    AnalysisCache(out / ".cache", "reglages0").put("3" * 64, rows)
    return corpus, out, used[0]


def test_cache_command_shows_sizes_and_prunes_what_the_corpus_does_not_use(tmp_path: Path) -> None:
    corpus, out, _ = _cache_fixture(tmp_path)
    shown = runner.invoke(app, ["cache", str(out), "--corpus", str(corpus)])
    assert shown.exit_code == 0, shown.output
    assert "2 entries used by the corpus" in shown.output and "3 unused" in shown.output
    assert "other settings (reglages0): 1 entries" in shown.output
    assert len(list((out / ".cache").rglob("*.json"))) == 6  # showing removes nothing
    pruned = runner.invoke(app, ["cache", str(out), "--corpus", str(corpus), "--prune"])
    assert pruned.exit_code == 0 and "removed 3 entries" in pruned.output
    assert len(list((out / ".cache" / "reglages1").rglob("*.json"))) == 2
    assert len(list((out / ".cache" / "reglages0").rglob("*.json"))) == 1  # other settings kept
    runner.invoke(app, ["cache", str(out), "--corpus", str(corpus), "--prune", "--other-settings"])
    assert not (out / ".cache" / "reglages0").exists()
    assert len(list((out / ".cache" / "reglages1").rglob("*.json"))) == 2


def test_every_exported_table_is_listed_in_run_help_and_both_readmes() -> None:
    help_text = re.sub(r"\s+", " ", runner.invoke(app, ["run", "--help"], terminal_width=200).output)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    outputs_section = readme.split("## Outputs", 1)[1].split("\n## ", 1)[0]
    outputs_readme = (ROOT / "outputs" / "README.md").read_text(encoding="utf-8")
    for name, spec in TABLES.items():
        if spec.exported:
            assert re.search(rf"\b{name}\b", help_text), f"{name} not in run --help"
            assert f"| {name} |" in outputs_section, f"{name} not in README's outputs table"
            assert re.search(rf"\b{name}\b", outputs_readme), f"{name} not in outputs/README.md"


def test_readme_has_a_changelog_naming_the_schema_version_and_the_manifest() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    changelog = readme.split("## Changelog", 1)[1].split("\n## ", 1)[0]
    assert f"schema version {SCHEMA_VERSION}" in changelog
    assert "manifest.json" in readme.split("## Outputs", 1)[1].split("\n## ", 1)[0]
    nothing_lost = readme.split("## Nothing lost", 1)[1].split("\n## ", 1)[0]
    for proof in (
        "tests/export/test_generations.py",
        "tests/export/test_lock.py",
        "benchmarks/fault_injection.py",
    ):
        assert proof in nothing_lost
