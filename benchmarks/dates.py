"""Benchmark the dates table on a dataset in the common format (../shared/benchmarks/README.md).

    python benchmarks/dates.py ../shared/benchmarks/ftib
    python benchmarks/dates.py ../shared/benchmarks/seeds --errors

Runs the real pipeline (pipeline.core.run) on DATASET/docs, reads OUT/dates.parquet, turns it into
score.py's prediction format and scores it with score.py's own `score_dates` (so the numbers are
the reference protocol's). Also times the date stage alone (publication-date detection + extraction,
no spaCy) per document. `--direct` skips the pipeline and calls the extractor on the documents
(publication date = front matter, else detected in the text), for quick iteration.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from pipeline.dates import detect_publication_date, extract_dates  # noqa: E402

ANCHORS = """Anchors on ftib (README), P_ext / DATE recall / value-correct:
  HeidelTime 0.934 / 0.959 / 0.713, ~350-2,900 ms/doc; edsnlp 0.927 / 0.697 / 0.639, ~10 ms/doc;
  dateparser 0.696 / 0.762 / 0.590, ~11 ms/doc."""


def load_score(dataset: Path):
    folder = str(dataset.resolve().parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import score  # the reference scorer beside the dataset folders

    return score


def _published(date: str | None, text: str) -> dt.date | None:
    if date:
        return dt.date.fromisoformat(date)
    return detect_publication_date(text)


def predict_direct(docs: dict[str, dict]) -> dict[str, list[dict[str, Any]]]:
    preds = {}
    for name, d in docs.items():
        mentions = extract_dates(d["text"], _published(d["published"], d["text"]))
        preds[name] = [
            {"start": m.start, "end": m.end, "text": m.text, "value": m.value, "end_value": m.end_value}
            for m in mentions
        ]
    return preds


def predict_pipeline(dataset: Path, out: Path) -> dict[str, list[dict[str, Any]]]:
    """Run pipeline.core.run on DATASET/docs (benchmarks/common.py) and read the dates table back."""
    from common import read_table, run_pipeline

    run_pipeline(dataset, out)
    frame = read_table(out, "dates")
    preds: dict[str, list[dict[str, Any]]] = {}
    for row in frame.itertuples(index=False):
        end_value = row.end_value if isinstance(row.end_value, str) and row.end_value else None
        rec = {"start": int(row.start), "end": int(row.end), "text": row.text, "value": row.value}
        preds.setdefault(row.doc_id, []).append({**rec, "end_value": end_value})
    return preds


def time_stage(docs: dict[str, dict], repeat: int = 5) -> float:
    """Milliseconds per document of the date stage alone (detection + extraction), best of `repeat`."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for d in docs.values():
            extract_dates(d["text"], _published(d["published"], d["text"]))
        best = min(best, time.perf_counter() - t0)
    return 1000 * best / max(len(docs), 1)


def _context(text: str, start: int, end: int) -> str:
    return repr(text[max(0, start - 50) : end + 30])


def print_errors(gold: dict, preds: dict, docs: dict, score) -> None:
    """Missed gold dates, wrong calendar values and predictions overlapping no gold TIMEX3."""
    for name, g in gold.items():
        text = docs[name]["text"]
        p = preds.get(name, [])
        timex = (g.get("dates") or []) + (g.get("other_timex") or [])
        for d in g.get("dates") or []:
            ov = [x for x in p if x["start"] < d["end"] and d["start"] < x["end"]]
            gv = d["value"]
            ok = any(
                score.value_matches(gv, x["value"]) or score.value_matches(gv, x.get("end_value")) for x in ov
            )
            where = _context(text, d["start"], d["end"])
            if not ov:
                print(f"MISS   {name} {d['text']!r} gold={gv}  {where}")
            elif not ok and score._CALENDAR.fullmatch(gv or ""):
                got = [(x["text"], x["value"], x.get("end_value")) for x in ov]
                print(f"VALUE  {name} {d['text']!r} gold={gv} got={got}  {where}")
        for x in p:
            if not any(x["start"] < t["end"] and t["start"] < x["end"] for t in timex):
                print(
                    f"FP     {name} {x['text']!r} value={x['value']}  {_context(text, x['start'], x['end'])}"
                )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "dataset", type=Path, help="dataset folder (docs/ + gold.jsonl), e.g. ../shared/benchmarks/ftib"
    )
    ap.add_argument(
        "--direct", action="store_true", help="call the extractor directly instead of pipeline.core.run"
    )
    ap.add_argument("--errors", action="store_true", help="list misses, wrong values and false positives")
    ap.add_argument("--out", type=Path, help="where to write the predictions (default benchmarks/out/)")
    args = ap.parse_args(argv)
    dataset: Path = args.dataset
    score = load_score(dataset)
    gold = score.read_jsonl(dataset)
    docs = score.read_docs(dataset)

    mode = "direct"
    if not args.direct:
        try:
            import pipeline.core  # noqa: F401

            mode = "pipeline"
        except Exception as exc:  # the backbone may not be importable yet: say so and fall back
            print(
                f"warning: pipeline.core not importable ({exc!r}); driving the extractor directly",
                file=sys.stderr,
            )
    out = args.out or ROOT / "benchmarks" / "out" / f"dates-{dataset.resolve().name}"
    out.mkdir(parents=True, exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix="bench-dates-"))
    preds = predict_pipeline(dataset, run_dir) if mode == "pipeline" else predict_direct(docs)
    pred_path = out / "dates.pred.jsonl"
    with open(pred_path, "w", encoding="utf-8") as fh:
        for name in sorted(preds):
            fh.write(json.dumps({"doc": name, "dates": preds[name]}, ensure_ascii=False) + "\n")
    res = score.score_dates(gold, score.read_predictions(pred_path, "dates"))
    ms = time_stage(docs)
    if args.errors:
        print_errors(gold, preds, docs, score)
    print(f"dataset {dataset}  mode {mode}")
    print(f"same numbers: python3 {dataset.resolve().parent / 'score.py'} dates {dataset} {pred_path}")
    shaped = res["gold_date_calendar_shaped"]
    print(f"docs {res['docs']}  gold DATE {res['gold_date']} (calendar-shaped {shaped})  pred {res['pred']}")
    print(f"P_ext {res['p_ext']:.3f}  P_date {res['p_date']:.3f}  DATE recall {res['date_recall']:.3f}  "
          f"value-correct {res['value_correct']:.3f} ({res['value_correct_n']}/{res['gold_date']})  "
          f"strict-span recall {res['strict_span_recall']:.3f}  "
          f"value exact {res['value_exact']:.3f} ({res['value_exact_n']}/{res['gold_date']})")  # fmt: skip
    print(f"date stage alone: {ms:.2f} ms/doc (detection + extraction, best of 5)")
    print(ANCHORS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
