"""Writes a held-out set's gold.jsonl from the keyphrases its make_gold.py lists by hand: one row per
document, with the publication date its docs/NAME.txt front matter gives."""

from __future__ import annotations

import json
from pathlib import Path


def published(docs: Path, name: str) -> str:
    for line in (docs / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("date:"):
            return line.split(":", 1)[1].strip()
    raise ValueError(f"{name}: no date line")


def write_gold(folder: Path, gold: dict[str, list[list[str]]]) -> None:
    with (folder / "gold.jsonl").open("w", encoding="utf-8") as handle:
        for name, keyphrases in gold.items():
            row = {"doc": name, "published": published(folder / "docs", name), "keyphrases": keyphrases}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
