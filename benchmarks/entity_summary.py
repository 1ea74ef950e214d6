"""Is the head of the entity summary right? Each of its most mentioned rows against the gold.

    python benchmarks/entity_summary.py ../shared/benchmarks/press-real [--top 20] [--out DIR]

Runs the pipeline on DATASET/docs (or reads the tables of a run in --out when it holds them), takes the
`--top` rows of entity_summary with the most mentions (ties: documents, then canonical), and for each
looks at its mentions in the entities table: the row is right when its canonical is the gold canonical
of at least one gold entity that one of its mentions overlaps with the same label. Prints each row and
the count of right ones (issue 25: every canonical among the 20 most mentioned rows is a gold one).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from common import read_gold, read_table, run_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", type=Path, help="a folder in the common benchmark format (docs/, gold.jsonl)")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--out", type=Path, default=None, help="the output folder of a run of DATASET/docs")
    args = ap.parse_args()
    gold = read_gold(args.dataset)
    out = args.out if args.out and (args.out / "entity_summary.parquet").exists() else None
    out = out or run_pipeline(args.dataset, args.out, jobs=1)
    summary = read_table(out, "entity_summary").sort_values(
        ["mentions", "documents", "canonical"], ascending=[False, False, True]
    )
    entities = read_table(out, "entities")
    right = 0
    for row in summary.head(args.top).itertuples():
        mentions = entities[(entities.canonical == row.canonical) & (entities.label == row.label)]
        golds: set[str] = set()
        for m in mentions.itertuples():
            for g in gold.get(str(m.doc_id), {}).get("entities", []):
                if g["label"] == m.label and g["start"] < m.end and m.start < g["end"]:
                    golds.add(g.get("canonical") or g["text"])
        ok = row.canonical in golds
        right += ok
        shown = "; ".join(sorted(golds)[:3]) or "no gold entity"
        print(f"{'ok ' if ok else 'NO '} {row.mentions:4d} {row.label:4s} {row.canonical}  (gold: {shown})")
    print(f"{right}/{min(args.top, len(summary))} of the most mentioned rows have a gold canonical")


if __name__ == "__main__":
    main()
