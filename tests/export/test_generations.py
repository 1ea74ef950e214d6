"""Publishing as generations: users' paths stay, one rename switches every output, stale files go."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.export import MANIFEST, OutputFolder, published_generation
from pipeline.export import folder as folder_module


def _publish(out: Path, files: dict[str, str], manifest: dict | None = None) -> str:
    with OutputFolder(out) as folder:
        for name, text in files.items():
            folder.staged(name).write_text(text, encoding="utf-8")
        folder.publish(manifest)
        return folder.generation


def test_users_paths_are_links_into_the_published_generation(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _publish(out, {"entities.csv": "a\n", "texts/note-aurore.txt": "Texte un"}, {"schema_version": 7})
    assert (out / "entities.csv").is_symlink() and (out / "texts").is_symlink()
    assert (out / "texts" / "note-aurore.txt").read_text(encoding="utf-8") == "Texte un"
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["generation"] == first and manifest["schema_version"] == 7
    assert manifest["files"] == ["entities.csv", "texts"]
    second = _publish(out, {"entities.csv": "b\n", "texts/note-brume.txt": "Texte deux"})
    assert (out / "entities.csv").read_text() == "b\n"
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["note-brume.txt"]
    assert published_generation(out) == (out / ".generations" / second).resolve()
    assert [p.name for p in (out / ".generations").iterdir()] == [second]  # the old one is removed


def test_outputs_the_new_run_did_not_write_are_removed_with_the_old_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _publish(out, {"entities.csv": "a\n", "tables.xlsx": "classeur"})
    (out / "report.html").write_text("<p>rapport de la première passe</p>")
    (out / "mes-notes.txt").write_text("à garder")  # a user's own file is not ours to remove
    _publish(out, {"entities.csv": "b\n"})
    assert not (out / "tables.xlsx").exists() and not (out / "tables.xlsx").is_symlink()
    assert not (out / "report.html").exists()
    assert (out / "mes-notes.txt").read_text() == "à garder"


def test_a_crash_before_the_switch_leaves_the_previous_set_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _publish(out, {"entities.csv": "ancien\n", "texts/note.txt": "ancien texte"})
    real_link = folder_module.OutputFolder._link

    def crash_at_switch(self: OutputFolder, name: str, target: str) -> None:
        if name == folder_module.CURRENT:
            raise KeyboardInterrupt  # stands for a SIGKILL between the links and the switch
        real_link(self, name, target)

    monkeypatch.setattr(folder_module.OutputFolder, "_link", crash_at_switch)
    with pytest.raises(KeyboardInterrupt):
        _publish(out, {"entities.csv": "nouveau\n", "dates.csv": "nouveau\n", "texts/note.txt": "nouveau"})
    assert (out / "entities.csv").read_text() == "ancien\n"
    assert (out / "texts" / "note.txt").read_text() == "ancien texte"
    assert not (
        out / "dates.csv"
    ).exists()  # a link to an output the old set does not have resolves to nothing
    monkeypatch.undo()
    _publish(out, {"entities.csv": "suivant\n"})
    assert (out / "entities.csv").read_text() == "suivant\n"
    assert not (out / "dates.csv").is_symlink()
    assert len(list((out / ".generations").iterdir())) == 1


def test_an_unpublished_generation_of_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _publish(out, {"entities.csv": "a\n"})
    orphan = out / ".generations" / "20240101T000000-deadbeef"
    (orphan / "texts").mkdir(parents=True)
    (out / ".link-0badc0de").symlink_to("nowhere")
    with OutputFolder(out):
        assert not orphan.exists() and not (out / ".link-0badc0de").is_symlink()


def test_an_earlier_versions_plain_files_become_links(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "texts").mkdir(parents=True)
    (out / "texts" / "vieux.txt").write_text("vieux")
    (out / "entities.csv").write_text("vieux\n")
    (out / "entities.parquet").mkdir()  # a Dask run's folder of part files
    _publish(out, {"entities.csv": "neuf\n", "entities.parquet": "neuf", "texts/neuf.txt": "neuf"})
    assert (out / "entities.csv").is_symlink() and (out / "entities.parquet").read_text() == "neuf"
    assert [p.name for p in (out / "texts").iterdir()] == ["neuf.txt"]
    assert not [p for p in out.iterdir() if p.name.startswith((".old-", ".link-", ".staging-"))]


def test_out_pointing_to_a_file_says_so(tmp_path: Path) -> None:
    target = tmp_path / "resultats.csv"
    target.write_text("x")
    with pytest.raises(folder_module.OutputError, match="is a file, not a folder"):
        OutputFolder(target).__enter__()
    assert target.read_text() == "x"


def test_links_are_relative_so_the_folder_can_be_moved(tmp_path: Path) -> None:
    _publish(tmp_path / "out", {"entities.csv": "a\n"})
    os.rename(tmp_path / "out", tmp_path / "ailleurs")
    assert (tmp_path / "ailleurs" / "entities.csv").read_text() == "a\n"
