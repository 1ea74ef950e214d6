"""The analysis cache: round trip, identity filled on load, corruption detected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.cache import AnalysisCache

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
    for key, damage in (("01" * 32, b'{"format": 2, "checks'), ("02" * 32, None)):
        cache.put(key, ROWS)
        path = next(tmp_path.rglob(f"{key}.json"))
        if damage is None:  # valid JSON whose rows were edited: the checksum catches it
            path.write_text(path.read_text().replace('"Paris"', '"Lyon"'))
        else:
            path.write_bytes(damage)
        assert cache.get(key, "x", "x.txt") is None
    assert cache.misses == 2
