"""The analysis cache: round trip, identity filled on load, corruption detected."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import pytest

from pipeline.cache import AnalysisCache, inspect_cache

ROWS = {
    "documents": [
        {"doc_id": "old/id", "path": "old/id.txt", "status": "ok", "published": dt.date(2024, 5, 8)}
    ],
    "entities": [
        {"doc_id": "old/id", "start": 0, "end": 5, "text": "Paris", "label": "LOC", "canonical": "Paris"}
    ],
    "dates": [],
}


def test_round_trip_puts_back_the_current_identity(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path, "fp")
    cache.put("ab" * 32, ROWS)
    rows = cache.get("ab" * 32, "new/id", "new/id.md")
    assert rows is not None
    assert rows["documents"][0] == {**ROWS["documents"][0], "doc_id": "new/id", "path": "new/id.md"}
    assert rows["entities"][0]["doc_id"] == "new/id" and "path" not in rows["entities"][0]
    assert rows["dates"] == []
    assert (cache.hits, cache.misses) == (1, 0)


def test_other_fingerprint_misses(tmp_path: Path) -> None:
    AnalysisCache(tmp_path, "fp1").put("cd" * 32, ROWS)
    assert AnalysisCache(tmp_path, "fp2").get("cd" * 32, "x", "x.txt") is None


def test_corrupted_entries_are_misses(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path, "fp")
    for key, damage in (("01" * 32, b'{"format": 3, "checks'), ("02" * 32, None)):
        cache.put(key, ROWS)
        path = next(tmp_path.rglob(f"{key}.json"))
        if damage is None:  # valid JSON whose rows were edited: the checksum catches it
            path.write_text(path.read_text().replace('"Paris"', '"Lyon"'))
        else:
            path.write_bytes(damage)
        assert cache.get(key, "x", "x.txt") is None
    assert cache.misses == 2


def test_an_entry_copied_under_another_documents_hash_is_rejected(tmp_path: Path) -> None:
    """A copied entry would give one document the rows of another: its checksum binds it to its key."""
    cache = AnalysisCache(tmp_path, "fp")
    cache.put("aa" * 32, ROWS)
    source = next(tmp_path.rglob(f"{'aa' * 32}.json"))
    copy = tmp_path / "fp" / "bb" / f"{'bb' * 32}.json"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(source.read_bytes())
    assert cache.get("bb" * 32, "autre", "autre.txt") is None
    assert cache.get("aa" * 32, "meme", "meme.txt") is not None


def test_an_entry_moved_into_another_settings_folder_is_rejected(tmp_path: Path) -> None:
    AnalysisCache(tmp_path, "fp1").put("cc" * 32, ROWS)
    source = next(tmp_path.rglob(f"{'cc' * 32}.json"))
    target = tmp_path / "fp2" / source.relative_to(tmp_path / "fp1")
    target.parent.mkdir(parents=True)
    target.write_bytes(source.read_bytes())
    assert AnalysisCache(tmp_path, "fp2").get("cc" * 32, "x", "x.txt") is None


def test_a_full_disk_during_a_cache_write_is_a_note_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = AnalysisCache(tmp_path, "fp")
    cache.put("dd" * 32, ROWS)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd: int) -> None:
            self.fh = real_fdopen(fd, "wb")

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("pipeline.cache.os.fdopen", lambda fd, mode: FullDisk(fd))
    cache.put("ee" * 32, ROWS)  # does not raise
    cache.put("ff" * 32, ROWS)
    monkeypatch.undo()
    assert cache.get("dd" * 32, "x", "x.txt") is not None  # what was there is intact
    assert cache.get("ee" * 32, "x", "x.txt") is None
    assert not list(tmp_path.rglob(".tmp-*"))
    (note,) = [n for n in cache.notes() if "could not be written" in n]
    assert "No space left on device" in note and "\n" not in note


def test_a_run_says_when_unused_entries_outnumber_used_ones(tmp_path: Path) -> None:
    old = AnalysisCache(tmp_path, "fp")
    for key in ("10", "11", "12", "14"):
        old.put(key * 32, ROWS)
    run = AnalysisCache(tmp_path, "fp")
    run.put("13" * 32, ROWS)
    assert run.get("10" * 32, "x", "x.txt") is not None
    (note,) = run.notes()
    assert "3 entries no document of this corpus uses" in note and "pipeline cache --prune" in note
    run.get("11" * 32, "x", "x.txt")
    assert run.notes() == []  # 3 used, 2 unused


def test_pruning_keeps_used_entries_and_other_settings_unless_asked(tmp_path: Path) -> None:
    for key in ("20", "21", "22"):
        AnalysisCache(tmp_path, "fp").put(key * 32, ROWS)
    AnalysisCache(tmp_path, "autres").put("23" * 32, ROWS)
    used = {"20" * 32}
    report = inspect_cache(tmp_path, "fp", used)
    assert (report.current.used, report.current.unused, report.others["autres"].unused) == (1, 2, 1)
    assert report.removed == 0 and len(list(tmp_path.rglob("*.json"))) == 4
    report = inspect_cache(tmp_path, "fp", used, prune=True)
    assert report.removed == 2
    assert sorted(p.stem for p in tmp_path.rglob("*.json")) == ["20" * 32, "23" * 32]
    inspect_cache(tmp_path, "fp", used, prune=True, other_settings=True)
    assert [p.stem for p in tmp_path.rglob("*.json")] == ["20" * 32]
