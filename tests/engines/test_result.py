"""The run's one-line summary, as an analyst reads it."""

from __future__ import annotations

from pathlib import Path

from pipeline.engines.result import RunResult


def test_summary_counts_agree_with_their_nouns() -> None:
    one = RunResult(
        Path("out"), documents=1, rows={"entities": 1, "dates": 0, "keywords": 2, "themes": 1}, repaired=1
    )
    line = one.summary()
    assert line.startswith("1 document (0 from cache), 0 skipped; 1 entity, 0 dates, 2 keywords, 1 theme; ")
    assert "1 text repaired (0 of mojibake)" in line
    many = RunResult(Path("out"), documents=5, rows={"entities": 142}, repaired=5, mojibake=1).summary()
    assert "5 documents" in many and "142 entities" in many and "5 texts repaired (1 of mojibake)" in many
