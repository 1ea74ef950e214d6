"""The report's theme rows: level-1 subjects, each followed by its level-2 themes."""

from __future__ import annotations

import pandas as pd

from pipeline.report.themes import _ordered, _row_label


def test_subjects_come_with_their_themes_inside() -> None:
    rows = pd.DataFrame(
        {
            "doc_id": ["a", "b", "a", "b", "a", "c"],
            "theme": [
                "medtop:16000000",
                "medtop:16000000",
                "securite_defense",
                "medtop:14000000",
                "migrations",
                "vins",
            ],
            "level": [1, 1, 2, 1, 2, 2],
            "parent": ["", "", "medtop:16000000", "", "medtop:14000000", ""],
        }
    )
    order = _ordered(rows)
    assert [t for t, _, _ in order] == [
        "medtop:16000000", "securite_defense", "medtop:14000000", "migrations", "vins",
    ]  # fmt: skip
    assert order[0] == ("medtop:16000000", 2, 1)
    assert _row_label({"label": "Migrations", "documents": 1, "level": 2}).startswith("   · ")


def test_a_run_without_levels_keeps_one_flat_list() -> None:
    rows = pd.DataFrame({"doc_id": ["a", "b", "b"], "theme": ["sante", "sante", "environnement"]})
    assert _ordered(rows) == [("sante", 2, 2), ("environnement", 1, 2)]
