"""One bad file never stops a run (issue 28): a corpus of hostile files through both engines.

Each bad file is listed in the documents table with a status and a one-line reason; the good ones are
analysed; the two engines list the same rows.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from pipeline.core import run

pytestmark = pytest.mark.slow

RELEASE = (
    "Vannes, le 14 février 2024 – Le syndicat mixte du Golfe a présenté le nouveau réseau de bus, "
    "qui desservira douze communes à partir du 2 septembre. « Chaque village aura sa ligne », a déclaré "
    "Gaëlle Kerbrat, sa présidente.\n"
)
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefghi", "bcdefghij", strict=True)
)


def _hostile_corpus(root: Path, outside: Path) -> Path:
    root.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("Données privées du serveur : ne pas publier.\n", encoding="utf-8")
    (root / "bon.txt").write_text(RELEASE, encoding="utf-8")
    (root / "date.md").write_text(f"---\ndate: 2024-13-45\n---\n{RELEASE}", encoding="utf-8")
    (root / "bombe.md").write_text(f"---\n{BOMB}---\n{RELEASE}", encoding="utf-8")
    (root / "double.md").write_text(RELEASE.replace("douze", "treize"), encoding="utf-8")
    (root / "double.txt").write_text(RELEASE.replace("douze", "quinze"), encoding="utf-8")
    (root / "melange.txt").write_bytes(RELEASE.encode() + "Tarif : 2 € le trajet.\n".encode("cp1252"))
    (root / os.fsdecode(b"caf\xe9.txt")).write_text(RELEASE, encoding="utf-8")
    (root / "ferme").mkdir()
    (root / "ferme" / "cp.txt").write_text(RELEASE, encoding="utf-8")
    os.symlink(outside, root / "dehors")
    os.symlink(outside / "secret.txt", root / "lien.txt")
    os.symlink("..", root / "ferme" / "boucle")
    os.symlink(root, root / "racine")
    return root


EXPECTED = {
    "bombe": ("bad_front_matter", "front matter uses YAML aliases (*name): not allowed"),
    "bon": ("ok", None),
    "caf\\xe9.txt": ("bad_file_name", "file name is not valid UTF-8: rename it"),
    "date": ("ok", "front-matter date '2024-13-45' is not a date: ignored"),
    "dehors/": ("outside_corpus", "symbolic link out of the corpus folder: not followed"),
    "double": ("ok", None),
    "double.txt": ("duplicate_id", "same doc_id as double.md (only the extension differs): rename one"),
    "ferme/": ("unreadable", "cannot list the folder: Permission denied"),
    "lien.txt": ("outside_corpus", "symbolic link out of the corpus folder: not followed"),
    "melange": ("ok", "1 invalid UTF-8 byte(s): 1 read as cp1252 letters, 0 replaced by U+FFFD"),
    "racine/": ("linked_folder", "symbolic link to the corpus folder, already read: not followed"),
}


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = _hostile_corpus(tmp_path / "corpus", tmp_path / "ailleurs")
    scandir = os.scandir

    def refuse(path):  # tests may run as root, whom chmod 000 does not stop
        if isinstance(path, str | os.PathLike) and Path(path).name == "ferme":
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    return corpus


def _documents(out: Path) -> pd.DataFrame:
    frame = pd.read_parquet(out / "documents.parquet")
    return frame.sort_values("doc_id").reset_index(drop=True)


def _check(out: Path) -> pd.DataFrame:
    documents = _documents(out)
    found = {
        row.doc_id: (row.status, None if pd.isna(row.status_detail) else row.status_detail)
        for row in documents.itertuples()
    }
    assert found == EXPECTED
    melange = documents.set_index("doc_id").loc["melange"]
    assert "invalid_utf8" in melange["repairs"] and melange["encoding"] == "utf-8"
    assert documents.set_index("doc_id").loc["date", "published"] == pd.Timestamp("2024-02-14").date()
    texts = sorted(p.name for p in (out / "texts").iterdir())
    assert texts == ["bon.txt", "date.txt", "double.txt", "melange.txt"]
    assert "Données privées" not in (out / "entities.csv").read_text(encoding="utf-8")
    return documents


def test_the_local_run_lists_every_bad_file_and_goes_on(hostile: Path, tmp_path: Path) -> None:
    result = run(hostile, tmp_path / "out", formats=("parquet", "csv"), jobs=1)
    assert result.documents == 4 and len(result.skipped) == 7
    _check(tmp_path / "out")


def test_the_dask_run_lists_the_same_rows(hostile: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    local = run(hostile, tmp_path / "local", formats=("parquet", "csv"), jobs=1)
    result = run(hostile, tmp_path / "dask", formats=("parquet", "csv"), engine="dask", workers=1)
    assert result.documents == local.documents == 4
    assert [s.doc_id for s in result.skipped] == [s.doc_id for s in local.skipped]
    pd.testing.assert_frame_equal(_check(tmp_path / "dask"), _check(tmp_path / "local"))
