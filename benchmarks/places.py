"""Places benchmark: country accuracy (ISO 3166-1 alpha-2) of LOC entities against hand-written gold.

    python benchmarks/places.py ../shared/benchmarks/seeds       # gold: tests/data/places/seeds.gold.jsonl
    python benchmarks/places.py tests/data/places/world          # a text with 57 places, gold beside it

Gold records list the document's LOC spans with their country (null for continents and regions that
span countries), annotated per ../shared/gold/GUIDELINES.md, Places. Two measures:
- country accuracy on the gold LOC spans: pipeline.places.country_code(span text) equals the gold
  country (None == None counts as right). This is the target (>= 0.95).
- end to end: the real pipeline runs on DATASET/docs (pipeline.core.run); among gold places that its
  entities table has as a LOC with the same span, the share whose country is right. The table's
  `country` column is used when the run writes one; until then country_code(canonical or text).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import load_scorer, read_table, run_pipeline  # noqa: E402

from pipeline.places import country_code  # noqa: E402

SHARED_BENCHMARKS = ROOT.parent / "shared" / "benchmarks"


def scorer_for(dataset: Path) -> Any:
    """score.py beside the dataset folder, else the shared one (for the project's own test folders)."""
    if (dataset.parent / "score.py").exists():
        return load_scorer(dataset)
    return load_scorer(SHARED_BENCHMARKS / "seeds")


def gold_path_for(dataset: Path, score: Any) -> Path:
    own = dataset / "gold.jsonl"
    if own.exists() and any("places" in rec for rec in score.read_jsonl(own).values()):
        return own
    return ROOT / "tests" / "data" / "places" / f"{dataset.name}.gold.jsonl"


def span_accuracy(gold: dict[str, dict]) -> tuple[int, int, list[str]]:
    ok = n = 0
    errors: list[str] = []
    for doc, rec in gold.items():
        for place in rec.get("places") or []:
            n += 1
            got = country_code(place["text"])
            if got == place["country"]:
                ok += 1
            else:
                errors.append(f"{doc}: {place['text']!r} -> {got} (gold {place['country']})")
    return ok, n, errors


def end_to_end(dataset: Path, gold: dict[str, dict]) -> tuple[int, int, int, bool]:
    """(right, found, gold places, whether the entities table has a country column)."""
    out = run_pipeline(dataset)
    frame = read_table(out, "entities")
    has_column = "country" in frame.columns
    predicted: dict[tuple[str, int, int], str | None] = {}
    for row in frame.to_dict("records"):
        if row.get("label") != "LOC":
            continue
        if has_column:
            value = row.get("country")
            country = value if isinstance(value, str) and value else None
        else:
            country = country_code(row.get("canonical") or row["text"])
        predicted[(row["doc_id"], int(row["start"]), int(row["end"]))] = country
    ok = found = n = 0
    for doc, rec in gold.items():
        for place in rec.get("places") or []:
            n += 1
            key = (doc, place["start"], place["end"])
            if key in predicted:
                found += 1
                ok += predicted[key] == place["country"]
    return ok, found, n, has_column


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dataset", type=Path)
    ap.add_argument("--gold", type=Path, help="gold places jsonl (default: see the module doc)")
    ap.add_argument("--no-run", action="store_true", help="only the span measure, without pipeline.core.run")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    dataset = args.dataset.resolve()
    score = scorer_for(dataset)
    gold_path = args.gold or gold_path_for(dataset, score)
    gold = score.read_jsonl(gold_path)
    ok, n, errors = span_accuracy(gold)
    print(f"docs {len(gold)}  gold LOC places {n}  (gold: {gold_path})")
    print(f"country accuracy on gold LOC spans {ok / n if n else 0:.3f} ({ok}/{n})")
    for line in errors if args.verbose else errors[:10]:
        print("  " + line)
    if not args.no_run:
        right, found, total, has_column = end_to_end(dataset, gold)
        source = "its country column" if has_column else "country_code(canonical), no country column yet"
        print(
            f"end to end: pipeline LOC entities at the gold span {found}/{total}; country right "
            f"{right / found if found else 0:.3f} ({right}/{found}; {source})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
