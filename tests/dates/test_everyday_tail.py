"""Rules added after measuring the broad everyday set (benchmarks/everyday.py): each on sentences
written for the rule, against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import extract_dates


def values(text: str, published: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value, m.end_value) for m in extract_dates(text, dt.date.fromisoformat(published))]


def value_of(text: str, published: str, surface: str) -> str:
    found = [v for t, v, _ in values(text, published) if surface in t]
    assert found, values(text, published)
    return found[0]


# ---------------------------------------------------------------------------- year choice
@pytest.mark.parametrize(
    ("text", "published", "surface", "expected"),
    [
        # a deadline in the present looks ahead, even nine months
        ("La carte est valable jusqu'au 30 novembre inclus.", "2026-02-10", "30 novembre", "2026-11-30"),
        ("Le guichet reste ouvert jusqu'au 20 décembre.", "2025-04-02", "20 décembre", "2025-12-20"),
        # a recent past stays nearer than a date almost a year ahead
        ("La grève a duré jusqu'au 20 mars.", "2025-04-02", "20 mars", "2025-03-20"),
        # a weak future cue and a month far behind the publication: next year
        ("Le verdict est attendu en mars.", "2024-10-15", "mars", "2025-03"),
        ("Le verdict est attendu en novembre.", "2024-10-15", "novembre", "2024-11"),
        # a year in the sentence does not put a past event in the future
        ("Le plan 2026 a été voté en novembre.", "2026-02-03", "novembre", "2025-11"),
        ("Le plan 2026 sera voté en novembre.", "2026-02-03", "novembre", "2026-11"),
    ],
)
def test_year_of_a_year_less_date(text: str, published: str, surface: str, expected: str) -> None:
    assert value_of(text, published, surface) == expected
