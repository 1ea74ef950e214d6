"""Benchmark the keywords table on a keyphrase dataset in the common format (../shared/benchmarks/README.md).

    python benchmarks/keywords.py ../shared/benchmarks/wikinews-fr
    python benchmarks/keywords.py ../shared/benchmarks/wikinews-fr --errors

Runs the real pipeline (pipeline.core.run) on DATASET/docs -- the documents are one corpus, so document
frequencies are counted over them, as for a user's corpus -- reads OUT/keywords.parquet, writes the ranked
keyphrases in score.py's prediction format and scores them with score.py's own `score_keyphrases`
(French Snowball stemming, exact match, macro-average, k = 5 and 10). `--direct` skips the pipeline and
calls keyphrase_candidates + rank_keyphrases on the documents parsed with pipeline.nlp (quick iteration,
and it times the keyphrase stage alone).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ANCHORS = """Anchors on wikinews-fr dev (README, same protocol): pke MultipartiteRank F@5 0.297 F@10 0.342;
pke FirstPhrases F@5 0.328 F@10 0.331; textacy YAKE 0.260 / 0.331; pke TfIdf 0.274 / 0.326; pke TopicRank
0.264 / 0.323. Targets: F@5 >= 0.35, F@10 >= 0.38."""


def load_score(dataset: Path):
    """score.py beside the dataset folder, else the shared one (for the project's sets under tests/data)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import load_scorer

    return load_scorer(dataset)


def predict_pipeline(dataset: Path, out: Path, top_k: int) -> dict[str, list[str]]:
    """Run pipeline.core.run on DATASET/docs and read the keywords table back, in rank order."""
    import pandas as pd

    from pipeline.core import run

    run(dataset / "docs", out, formats=("parquet",), top_k=top_k)
    frame = pd.read_parquet(out / "keywords.parquet").sort_values(["doc_id", "rank"])
    return {str(d): list(g["keyword"]) for d, g in frame.groupby("doc_id", sort=True)}


def predict_direct(dataset: Path, top_k: int) -> tuple[dict[str, list[str]], float]:
    """(predictions, ms per document of the keyphrase stage alone, after spaCy). Documents are read as
    the pipeline reads them (front matter, ftfy), and their metadata title is passed on."""
    import pandas as pd

    from pipeline.keywords import candidates_frame, keyphrase_candidates, rank_keyphrases
    from pipeline.nlp import load_nlp
    from pipeline.reading import read_document

    nlp = load_nlp()
    root = dataset / "docs"
    docs = {p.stem: read_document(p, root) for p in sorted(root.glob("*.txt"))}
    names = sorted(docs)
    parsed = list(nlp.pipe([docs[n].text for n in names], batch_size=16))
    t0 = time.perf_counter()
    frames = [
        candidates_frame(n, keyphrase_candidates(d, title=docs[n].metadata.get("title")))
        for n, d in zip(names, parsed, strict=True)
    ]
    ranked = rank_keyphrases(pd.concat(frames, ignore_index=True), top_k=top_k)
    ms = 1000 * (time.perf_counter() - t0) / max(len(names), 1)
    preds = {str(d): list(g.sort_values("rank")["keyword"]) for d, g in ranked.groupby("doc_id", sort=True)}
    return preds, ms


def print_errors(gold: dict, preds: dict[str, list[str]], score) -> None:
    """Per document: predictions (* = matches a gold keyphrase) and the gold keyphrases missed."""
    for name, g in sorted(gold.items()):
        gold_sets = [{score.normalize_keyphrase(v) for v in kp} for kp in g["keyphrases"]]
        shown, found = [], set()
        for p in preds.get(name, []):
            stem = score.normalize_keyphrase(p)
            hit = next((i for i, s in enumerate(gold_sets) if stem in s and i not in found), None)
            if hit is not None:
                found.add(hit)
            shown.append(("*" if hit is not None else "") + p)
        missed = [kp[0] for i, kp in enumerate(g["keyphrases"]) if i not in found]
        print(f"{name}: {' | '.join(shown)}\n    missed: {'; '.join(missed)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "dataset",
        type=Path,
        help="dataset folder (docs/ + gold.jsonl), e.g. ../shared/benchmarks/wikinews-fr",
    )
    ap.add_argument("--top-k", type=int, default=10, help="keyphrases per document (default 10)")
    ap.add_argument(
        "--direct", action="store_true", help="call the extractor directly instead of pipeline.core.run"
    )
    ap.add_argument("--errors", action="store_true", help="print each document's keyphrases against the gold")
    ap.add_argument("--out", type=Path, help="keep the pipeline output and the predictions here")
    args = ap.parse_args(argv)
    dataset: Path = args.dataset
    score = load_score(dataset)
    gold = score.read_jsonl(dataset)

    out = args.out or Path(tempfile.mkdtemp(prefix="bench-keywords-"))
    out.mkdir(parents=True, exist_ok=True)
    ms = None
    if args.direct:
        preds, ms = predict_direct(dataset, args.top_k)
        mode = "direct"
    else:
        preds, mode = predict_pipeline(dataset, out / "run", args.top_k), "pipeline"
    pred_path = out / "keyphrases.pred.jsonl"
    with open(pred_path, "w", encoding="utf-8") as fh:
        for name in sorted(preds):
            fh.write(json.dumps({"doc": name, "keyphrases": preds[name]}, ensure_ascii=False) + "\n")
    res = score.score_keyphrases(gold, score.read_predictions(pred_path, "keyphrases"))
    if args.errors:
        print_errors(gold, preds, score)
    print(f"dataset {dataset}  mode {mode}  predictions {pred_path}")
    print(
        f"docs {res['docs']}  P@5 {res['P@5']:.3f} R@5 {res['R@5']:.3f} F@5 {res['F@5']:.3f}  "
        f"P@10 {res['P@10']:.3f} R@10 {res['R@10']:.3f} F@10 {res['F@10']:.3f}"
    )
    if ms is not None:
        print(f"keyphrase stage alone (candidates + ranking, after spaCy): {ms:.1f} ms/doc")
    print(ANCHORS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
