"""Shared by the benchmark scripts: run the real pipeline on a dataset in the common benchmark
format (DATASET/docs/*.txt with front matter, DATASET/gold.jsonl) and score with its score.py."""

from __future__ import annotations

import importlib
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def load_scorer(dataset: Path) -> ModuleType:
    """The reference score.py that sits beside the dataset folders (../shared/benchmarks/score.py)."""
    folder = str(dataset.resolve().parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module("score")


def run_pipeline(dataset: Path, out: Path | None = None, **options: Any) -> Path:
    """Run `pipeline.core.run` on DATASET/docs into `out` (a fresh temporary folder by default)."""
    from pipeline.core import run

    out = out or Path(tempfile.mkdtemp(prefix="bench-"))
    options.setdefault("formats", ("parquet",))
    run(dataset / "docs", out, **options)
    return out


def read_table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{name}.parquet")


def by_doc(frame: pd.DataFrame, columns: list[str]) -> dict[str, list[dict[str, Any]]]:
    """{doc_id: [row dicts with `columns`]} with None for missing values, in table order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in frame.itertuples(index=False):
        rec = {c: _plain(getattr(row, c)) for c in columns}
        out.setdefault(row.doc_id, []).append(rec)
    return out


def write_predictions(path: Path, key: str, preds: dict[str, list[Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for doc, items in sorted(preds.items()):
            fh.write(json.dumps({"doc": doc, key: items}, ensure_ascii=False) + "\n")


def _plain(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value
