from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.corpus import CorpusError, doc_id_for, find_documents


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
