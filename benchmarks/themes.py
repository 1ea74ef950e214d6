"""Benchmark the themes table against the gold "themes" of a dataset in the common format.

    python benchmarks/themes.py ../shared/benchmarks/seeds
    python benchmarks/themes.py ../shared/benchmarks/seeds --threshold 5 --errors

Runs the real pipeline (pipeline.core.run) on DATASET/docs, reads OUT/themes.parquet and prints micro
precision / recall / F1 of the assigned themes against gold.jsonl (each document's "themes" list), then
per theme. `--threshold` and `--taxonomy` are passed to the pipeline (the taxonomy's own threshold
otherwise); `--sweep` also prints micro-F1 for a range of thresholds from one run's scores (the themes
table only holds assigned themes, so the sweep re-scores the documents directly).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def load_score(dataset: Path):
    folder = str(dataset.resolve().parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import score  # the reference reader beside the dataset folders

    return score


def predict_pipeline(
    dataset: Path, out: Path, taxonomy: Path | None, threshold: float | None
) -> dict[str, set[str]]:
    import pandas as pd

    from pipeline.core import run

    run(dataset / "docs", out, formats=("parquet",), taxonomy_path=taxonomy, theme_threshold=threshold)
    frame = pd.read_parquet(out / "themes.parquet")
    docs = pd.read_parquet(out / "documents.parquet")
    preds: dict[str, set[str]] = {str(d): set() for d in docs["doc_id"]}
    for doc_id, theme in zip(frame["doc_id"], frame["theme"], strict=True):
        preds.setdefault(str(doc_id), set()).add(theme)
    return preds


def micro(gold: dict[str, set[str]], preds: dict[str, set[str]]) -> dict[str, float]:
    tp = sum(len(gold[d] & preds.get(d, set())) for d in gold)
    n_pred = sum(len(preds.get(d, set())) for d in gold)
    n_gold = sum(len(g) for g in gold.values())
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def sweep(dataset: Path, gold: dict[str, set[str]], taxonomy: Path | None, score) -> None:
    from pipeline.nlp import load_nlp
    from pipeline.themes import load_taxonomy, score_themes

    tax = load_taxonomy(taxonomy)
    docs = score.read_docs(dataset)
    names = sorted(docs)
    scored = {
        n: score_themes(d, tax)
        for n, d in zip(names, load_nlp().pipe([docs[n]["text"] for n in names]), strict=True)
    }
    for t in (2, 3, 4, 5, 6, 8):
        preds = {n: {s.theme for s in s_list if s.score >= t} for n, s_list in scored.items()}
        m = micro(gold, preds)
        print(f"  threshold {t:>4}: P {m['p']:.3f} R {m['r']:.3f} micro-F1 {m['f']:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "dataset", type=Path, help="dataset folder (docs/ + gold.jsonl), e.g. ../shared/benchmarks/seeds"
    )
    ap.add_argument("--taxonomy", type=Path, help="a taxonomy file (default: the packaged one)")
    ap.add_argument("--threshold", type=float, help="decision threshold (default: the taxonomy's)")
    ap.add_argument("--errors", action="store_true", help="list false positives and misses per document")
    ap.add_argument("--sweep", action="store_true", help="also print micro-F1 over a range of thresholds")
    ap.add_argument("--out", type=Path, help="keep the pipeline output here")
    args = ap.parse_args(argv)
    dataset: Path = args.dataset
    score = load_score(dataset)
    gold = {d: set(r.get("themes") or []) for d, r in score.read_jsonl(dataset).items()}
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-themes-"))
    preds = predict_pipeline(dataset, out / "run", args.taxonomy, args.threshold)
    m = micro(gold, preds)
    print(f"dataset {dataset}  mode pipeline  output {out / 'run'}")
    print(
        f"docs {len(gold)}  gold themes {m['gold']}  predicted {m['pred']}  "
        f"micro P {m['p']:.3f} R {m['r']:.3f} F1 {m['f']:.3f}  (target micro-F1 >= 0.85)"
    )
    per: Counter[tuple[str, str]] = Counter()
    for d, g in gold.items():
        p = preds.get(d, set())
        for t in g | p:
            per[(t, "tp" if t in g and t in p else "fp" if t in p else "fn")] += 1
    for theme in sorted({t for t, _ in per}):
        tp, fp, fn = per[(theme, "tp")], per[(theme, "fp")], per[(theme, "fn")]
        print(f"  {theme:28s} tp {tp}  fp {fp}  fn {fn}")
    if args.errors:
        for d in sorted(gold):
            p = preds.get(d, set())
            print(f"{d}: false positives {sorted(p - gold[d])}  missed {sorted(gold[d] - p)}")
    if args.sweep:
        sweep(dataset, gold, args.taxonomy, score)
    return 0


if __name__ == "__main__":
    sys.exit(main())
