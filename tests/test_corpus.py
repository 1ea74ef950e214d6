from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.corpus import CorpusError, doc_id_for, find_documents, scan_corpus


def test_documents_found_recursively_with_ids(tmp_path: Path) -> None:
    (tmp_path / "2024" / "mars").mkdir(parents=True)
    (tmp_path / "2024" / "mars" / "cp.md").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "README.md").write_text("x")
    (tmp_path / "notes.pdf").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.txt").write_text("x")
    found = find_documents(tmp_path)
    assert [doc_id_for(p, tmp_path) for p in found] == ["2024/mars/cp", "a"]


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        find_documents(tmp_path / "absent")


# --- what a corpus folder can hold that is not a document (issue 28) -----------------------------


def _listing(root: Path) -> dict[str, tuple[str | None, str]]:
    return {e.path: (e.status, e.doc_id) for e in scan_corpus(root)}


def test_a_link_loop_neither_hangs_nor_multiplies_documents(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "cp.txt").write_text("Communiqué.")
    os.symlink("..", tmp_path / "2024" / "boucle")
    os.symlink(tmp_path, tmp_path / "racine")
    assert _listing(tmp_path) == {
        "2024/boucle": ("linked_folder", "2024/boucle/"),
        "2024/cp.txt": (None, "2024/cp"),
        "racine": ("linked_folder", "racine/"),
    }


def test_links_out_of_the_corpus_are_never_followed(tmp_path: Path) -> None:
    outside, corpus = tmp_path / "ailleurs", tmp_path / "corpus"
    outside.mkdir()
    corpus.mkdir()
    (outside / "secret.txt").write_text("Mot de passe du serveur.")
    os.symlink(outside, corpus / "dossier")
    os.symlink(outside / "secret.txt", corpus / "lien.txt")
    os.symlink(tmp_path / "absent.txt", corpus / "casse.txt")
    assert find_documents(corpus) == []
    assert _listing(corpus) == {
        "casse.txt": ("broken_link", "casse.txt"),
        "dossier": ("outside_corpus", "dossier/"),
        "lien.txt": ("outside_corpus", "lien.txt"),
    }


def test_a_link_inside_the_corpus_is_read_once_under_the_real_folder_name(tmp_path: Path) -> None:
    (tmp_path / "zone").mkdir()
    (tmp_path / "zone" / "cp.md").write_text("Communiqué.")
    os.symlink(tmp_path / "zone", tmp_path / "alias")  # sorts before the real folder
    os.symlink(tmp_path / "zone" / "cp.md", tmp_path / "copie.md")  # a file link inside: read
    assert _listing(tmp_path) == {
        "alias": ("linked_folder", "alias/"),
        "copie.md": (None, "copie"),
        "zone/cp.md": (None, "zone/cp"),
    }


def test_a_file_name_that_is_not_utf8_is_listed(tmp_path: Path) -> None:
    (tmp_path / "bon.txt").write_text("Communiqué.")
    (tmp_path / os.fsdecode(b"r\xe9sum\xe9.txt")).write_text("Communiqué.")
    (tmp_path / os.fsdecode(b"dossier-\xe9t\xe9")).mkdir()
    listing = scan_corpus(tmp_path)
    assert [(e.path, e.status) for e in listing] == [
        ("bon.txt", None),
        ("dossier-\\xe9t\\xe9", "bad_file_name"),
        ("r\\xe9sum\\xe9.txt", "bad_file_name"),
    ]
    for entry in listing:
        entry.path.encode("utf-8")  # printable: it can go into a table


def test_an_unreadable_subfolder_is_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ferme").mkdir()
    (tmp_path / "ferme" / "cp.txt").write_text("Communiqué.")
    (tmp_path / "ouvert.txt").write_text("Communiqué.")
    scandir = os.scandir

    def refuse(path):  # the tests may run as root, whom chmod 000 does not stop
        if isinstance(path, str | os.PathLike) and Path(path).name == "ferme":
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    listing = scan_corpus(tmp_path)
    assert [(e.path, e.doc_id, e.status) for e in listing] == [
        ("ferme", "ferme/", "unreadable"),
        ("ouvert.txt", "ouvert", None),
    ]
    assert listing[0].detail == "cannot list the folder: Permission denied"


def test_txt_and_md_of_one_name_keep_doc_ids_unique(tmp_path: Path) -> None:
    for name in ("note.txt", "note.md", "autre.txt"):
        (tmp_path / name).write_text("Communiqué.")
    listing = scan_corpus(tmp_path)
    assert [(e.path, e.doc_id, e.status) for e in listing] == [
        ("autre.txt", "autre", None),
        ("note.md", "note", None),
        ("note.txt", "note.txt", "duplicate_id"),
    ]
    assert "note.md" in (listing[2].detail or "")
    assert find_documents(tmp_path) == [tmp_path / "autre.txt", tmp_path / "note.md"]
