"""Nothing lost: an interrupted run, two runs at once, a corrupted cache entry (issue 14)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.export import OutputFolder
from tests.support.paths import ROOT

runner = CliRunner()

RELEASE = (
    "Lyon, le {n} mars 2024. La région a présenté un plan de {n} millions d'euros pour la rénovation des "
    "lycées, annoncé par la présidente du conseil régional devant la presse.\n"
)


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"cp{i:03d}.txt").write_text(RELEASE.format(n=i + 1), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_killed_run_leaves_previous_outputs_and_the_next_resumes(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path / "c", 2), tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(out), "-q"]).exit_code == 0
    before = pd.read_parquet(out / "documents.parquet")
    shutil.copy(ROOT / "corpus" / "seed004.txt", corpus / "long.txt")
    _corpus(corpus, 60)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "-q", "--jobs", "1"],
        env=env,
    )
    deadline = time.time() + 120
    while time.time() < deadline and len(list((out / ".cache").rglob("*.json"))) < 8:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    cached = len(list((out / ".cache").rglob("*.json")))
    assert 8 <= cached < 61, "the run should have been killed half-way"
    pd.testing.assert_frame_equal(before, pd.read_parquet(out / "documents.parquet"))
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["cp000.txt", "cp001.txt"]
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"({cached} from cache)" in result.output
    assert len(pd.read_parquet(out / "documents.parquet")) == 61
    assert not list(out.glob(".staging-*"))


def test_second_run_on_the_same_output_is_refused(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path / "c", 1), tmp_path / "out"
    with OutputFolder(out):
        result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code != 0 and "another run is writing" in result.output
    assert not (out / "documents.parquet").exists()


@pytest.mark.slow
@pytest.mark.parametrize("damage", [b"", b'{"format": 1, "rows": {"documents": []}}'])
def test_corrupted_cache_entry_is_recomputed(tmp_path: Path, damage: bytes) -> None:
    corpus, out = _corpus(tmp_path / "c", 2), tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(out), "-q"]).exit_code == 0
    before = pd.read_parquet(out / "dates.parquet")
    entry = sorted((out / ".cache").rglob("*.json"))[0]
    entry.write_bytes(damage)
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 0 and "(1 from cache)" in result.output
    pd.testing.assert_frame_equal(before, pd.read_parquet(out / "dates.parquet"))


@pytest.mark.slow
def test_force_reanalyses_everything(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path / "c", 2), tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(out), "-q"]).exit_code == 0
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--force"])
    assert "(0 from cache)" in result.output


@pytest.mark.slow
def test_a_run_with_some_documents_cached_gives_the_tables_of_a_fresh_run(tmp_path: Path) -> None:
    """Cached documents come back before the analysed ones: the corpus pass must not see that order.
    Here "Union européenne" is named once in each document, so which surface form comes first in the
    entity summary is decided by the order of the documents (the corpus order, as the Dask engine)."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "b.txt").write_text(
        "Lyon, le 6 mars 2024. La préfète a réuni les maires du département pour préparer la rentrée "
        "scolaire ; les crédits de l'UE seront versés en avril.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(out), "-q"]).exit_code == 0
    (corpus / "a.txt").write_text(
        "Paris, le 4 mars 2024. Le ministre a présenté au conseil des ministres un plan de soutien aux "
        "agriculteurs, financé en partie par l'Union européenne.\n",
        encoding="utf-8",
    )
    warm = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert warm.exit_code == 0 and "(1 from cache)" in warm.output  # b from the cache, a analysed
    fresh = tmp_path / "fresh"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(fresh), "-q"]).exit_code == 0
    summary = pd.read_parquet(fresh / "entity_summary.parquet").set_index("canonical")
    assert summary.loc["Union européenne", "surface_forms"] == "Union européenne; UE"  # a before b
    names = sorted(p.name for p in fresh.iterdir() if p.suffix in (".csv", ".parquet"))
    assert len(names) == 21  # every table in CSV and Parquet, the theme matrix, compare's two inputs
    assert [n for n in names if (out / n).read_bytes() != (fresh / n).read_bytes()] == []
