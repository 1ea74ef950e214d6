"""Benchmark the themes table against a dataset's gold, with the reference scorer's `themes` task.

    python benchmarks/themes.py ../shared/benchmarks/press-real            # level 1: gold key iptc
    python benchmarks/themes.py ../shared/benchmarks/seeds --errors        # level 2: gold key themes

Runs the real pipeline (pipeline.core.run) on DATASET/docs and scores with score.py's `themes` task: the
level-1 rows (IPTC qcodes) against the gold key `iptc` when the gold has it, every level-2 row against the
gold key `themes` (the figure that counts: a general theme such as `diplomatie` on a digital-policy
release is a false positive there; the guideline's 13 themes alone are scored too, for information). It
writes the predictions as OUT/pred-iptc.jsonl and OUT/pred-themes.jsonl, so that
`python ../shared/benchmarks/score.py themes DATASET OUT/pred-iptc.jsonl` (or `... --key themes`) gives
the same figures. `--taxonomy` and `--threshold` are passed to the pipeline; `--errors` lists each
document's false positives and misses. `--speed` times the themes stage alone instead (tag_themes on
the dataset's documents, CPU time per document, best of 9 passes after one that fills the per-process
caches): CPU time, because wall time on a shared machine varies several-fold with the load.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import (
    GUIDELINE_THEMES,
    load_scorer,
    read_gold,
    run_pipeline,
    theme_predictions,
    write_predictions,
)


def _report(
    name: str, gold: dict[str, set[str]], preds: dict[str, list[str]], res: dict, errors: bool
) -> None:
    print(
        f"{name}: docs {res['docs']}  micro P {res['p']:.3f} R {res['r']:.3f} F1 {res['f']:.3f}  "
        f"(tp {res['tp']}, pred {res['pred']}, gold {res['gold']})  documents without a theme "
        f"{res['docs_without_theme']}"
    )
    per: Counter[tuple[str, str]] = Counter()
    for d, g in gold.items():
        p = set(preds.get(d, []))
        for t in g | p:
            per[(t, "tp" if t in g and t in p else "fp" if t in p else "fn")] += 1
    for theme in sorted({t for t, _ in per}):
        print(f"  {theme:28s} tp {per[(theme, 'tp')]}  fp {per[(theme, 'fp')]}  fn {per[(theme, 'fn')]}")
    if errors:
        for d in sorted(gold):
            p = set(preds.get(d, []))
            print(f"  {d}: false positives {sorted(p - gold[d])}  missed {sorted(gold[d] - p)}")


def _speed(dataset: Path, taxonomy_path: Path | None) -> int:
    from pipeline.nlp import load_nlp
    from pipeline.themes import load_taxonomy, tag_themes
    from pipeline.token_table import token_table

    nlp, taxonomy = load_nlp(), load_taxonomy(taxonomy_path)
    docs = list(nlp.pipe(p.read_text(encoding="utf-8") for p in sorted((dataset / "docs").glob("*.txt"))))
    tables = [token_table(d) for d in docs]
    best = float("inf")
    for _ in range(10):  # the first pass fills the per-process caches; the best of the other 9 counts
        start = time.process_time()
        for doc, tokens in zip(docs, tables, strict=True):
            tag_themes(doc, taxonomy, tokens=tokens)
        best = min(best, (time.process_time() - start) * 1000 / max(len(docs), 1))
    words = sum(len(d) for d in docs) / max(len(docs), 1)
    print(f"{dataset.name}: {len(docs)} documents, {words:.0f} tokens each: tag_themes {best:.2f} ms CPU/doc")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dataset", type=Path, help="dataset folder (docs/ + gold.jsonl)")
    ap.add_argument("--taxonomy", type=Path, help="a taxonomy file (default: the packaged one)")
    ap.add_argument(
        "--threshold", type=float, help="decision threshold of both levels (default: the taxonomy's)"
    )
    ap.add_argument("--errors", action="store_true", help="list false positives and misses per document")
    ap.add_argument("--out", type=Path, help="keep the pipeline output and the predictions here")
    ap.add_argument("--speed", action="store_true", help="time the themes stage alone (CPU ms per document)")
    args = ap.parse_args(argv)
    if args.speed:
        return _speed(args.dataset, args.taxonomy)
    score = load_scorer(args.dataset)
    gold = read_gold(args.dataset)
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-themes-"))
    run = run_pipeline(
        args.dataset, out / "run", taxonomy_path=args.taxonomy, theme_threshold=args.threshold, jobs=1
    )
    print(f"dataset {args.dataset}  output {run}")
    if any("iptc" in g for g in gold.values()):
        preds = theme_predictions(run, 1)
        write_predictions(out / "pred-iptc.jsonl", "themes", preds)
        wanted = {d: set(g.get("iptc") or []) for d, g in gold.items()}
        res = score.score_themes(gold, preds, key="iptc")
        _report("level 1 (gold key iptc)", wanted, preds, res, args.errors)
    if any("themes" in g for g in gold.values()):
        wanted = {d: set(g.get("themes") or []) for d, g in gold.items()}
        every = theme_predictions(run, 2)
        write_predictions(out / "pred-themes.jsonl", "themes", every)
        res = score.score_themes(gold, every, key="themes")
        _report("level 2, every row (gold key themes)", wanted, every, res, args.errors)
        guideline = theme_predictions(run, 2, GUIDELINE_THEMES)
        res = score.score_themes(gold, guideline, key="themes")
        _report("level 2, the guideline's 13 themes only (for information)", wanted, guideline, res, False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
