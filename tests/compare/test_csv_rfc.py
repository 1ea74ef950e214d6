"""The specificities CSV written in Arrow: the same bytes as the project's rfc CSV writer (pandas)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa

from pipeline.compare.csv_rfc import write_rfc_csv
from pipeline.export.formats import write_csv


def test_same_bytes_as_write_csv_on_awkward_cells(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    n = 4_000
    scores = rng.normal(0, 10, n) * 10.0 ** rng.integers(-20, 22, n)
    awkward = [0.0, -0.0, 1.0, 3.0, 1e16, 1e15, 123456789012345.6, 1e-4, 9.99e-5, np.inf, -np.inf]
    scores[: len(awkward) + 1] = [*awkward, np.nan]
    names = np.array(
        [
            "Office des forêts du Haut-Vallon",
            "eau, assainissement",
            'le "plan vélo"',
            "deux\nlignes",
            "retour\rchariot",
            "",
            "  espacé ",
            "=SOMME(A1)",
        ]
    )
    table = pa.table(
        {
            "part": pa.array(names[rng.integers(0, len(names), n)]),
            "label": pa.array([None if i % 7 == 0 else "PER" for i in range(n)], pa.string()),
            "part_freq": pa.array(rng.integers(-(10**9), 10**9, n)),
            "score": scores,
            "rank": pa.array(rng.integers(0, 100, n), pa.int32()),
        }
    )
    write_csv(table, tmp_path / "pandas.csv")
    write_rfc_csv(table, tmp_path / "arrow.csv")
    assert (tmp_path / "arrow.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()


def test_empty_table_is_its_header(tmp_path: Path) -> None:
    table = pa.table({"part": pa.array([], pa.string()), "score": pa.array([], pa.float64())})
    write_csv(table, tmp_path / "pandas.csv")
    write_rfc_csv(table, tmp_path / "arrow.csv")
    assert (
        (tmp_path / "arrow.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes() == b"part,score\r\n"
    )
