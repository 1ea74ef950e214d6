"""Score every table the gold of a dataset covers, from one real pipeline run.

    python benchmarks/evaluate.py ../shared/benchmarks/seeds

Runs `pipeline.core.run` on DATASET/docs, converts the tables to score.py's prediction format and
prints score.py's own figures for entities (strict/overlap P/R/F1, canonical accuracy), dates (P_ext,
P_date, DATE recall, value-correct, value exact) and keyphrases (F@5, F@10) when the gold has them,
and themes (score.py `themes`: the level-1 IPTC qcodes against the gold key `iptc`, the level-2 themes
against the gold key `themes`).
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from common import (
    date_predictions,
    entity_predictions,
    keyphrase_predictions,
    load_scorer,
    read_gold,
    run_pipeline,
    theme_scores,
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", type=Path, help="a folder in the common benchmark format (docs/, gold.jsonl)")
    ap.add_argument("--jobs", type=int, help="worker processes of the pipeline run (default: all cores)")
    ap.add_argument("--scorer", type=Path, help="score.py to use (default: beside DATASET, else ../shared's)")
    args = ap.parse_args()
    score = load_scorer(args.dataset, args.scorer)
    gold = read_gold(args.dataset)
    out = run_pipeline(args.dataset, jobs=args.jobs)
    try:
        print(f"{args.dataset.name}: {len(gold)} documents")
        if any("entities" in g for g in gold.values()):
            res = score.score_entities(gold, entity_predictions(out))
            if res["canonical_accuracy"] is not None:
                print(f"entities canonical accuracy {res['canonical_accuracy']:.3f} (n={res['canonical_n']})")
            for mode in ("strict", "overlap"):
                for group, r in res[mode].items():
                    print(
                        f"entities {mode:8s} {group:12s} P {r['p']:.3f} R {r['r']:.3f} F1 {r['f']:.3f} "
                        f"(tp {r['tp']}, pred {r['pred']}, gold {r['gold']})"
                    )
        if any("dates" in g for g in gold.values()):
            r = score.score_dates(gold, date_predictions(out))
            print(
                f"dates P_ext {r['p_ext']:.3f} P_date {r['p_date']:.3f} DATE recall {r['date_recall']:.3f} "
                f"({r['date_found']}/{r['gold_date']}) value-correct {r['value_correct']:.3f} "
                f"({r['value_correct_n']}/{r['gold_date']}) value exact {r['value_exact']:.3f} "
                f"({r['value_exact_n']}/{r['gold_date']})"
            )
        if any("keyphrases" in g for g in gold.values()):
            r = score.score_keyphrases(gold, keyphrase_predictions(out))
            print(
                f"keyphrases F@5 {r['F@5']:.3f} F@10 {r['F@10']:.3f} P@5 {r['P@5']:.3f} R@10 {r['R@10']:.3f}"
            )
        for key, r in theme_scores(score, gold, out).items():
            print(
                f"themes {key}: micro P {r['p']:.3f} R {r['r']:.3f} F1 {r['f']:.3f} "
                f"(tp {r['tp']}, pred {r['pred']}, gold {r['gold']}) documents without a theme "
                f"{r['docs_without_theme']}"
            )
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
