"""Entity benchmark: the pipeline's entities table against a gold set in the common benchmark format.

    python benchmarks/entities.py ../shared/benchmarks/seeds
    python benchmarks/entities.py ../shared/benchmarks/hipe2020-fr [--jobs 1] [--json]
    python benchmarks/entities.py ../shared/benchmarks/press-real --errors   # + every error by family

What it does, in one run:
1. runs the real pipeline (`pipeline.core.run`) on DATASET/docs into a temporary folder, reads
   entities.parquet (corpus-unified canonicals) and turns it into score.py's prediction format;
2. parses the same texts with the project's spaCy pipeline (`load_nlp`) and scores raw
   fr_core_news_md `doc.ents` as the baseline, and times the entity stage (`extract_entities`) alone;
3. scores both with DATASET/../score.py (strict and overlap P/R/F1 per label, ALL and PER+LOC+ORG,
   canonical accuracy) and prints the targets of issue 12.
Prediction files are written to benchmarks/out/ so that `python3 score.py entities DATASET PRED` gives
the same numbers (the command is printed).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LABELS = ("PER", "LOC", "ORG", "MISC")
TARGETS = {"seeds_f1": 0.90, "seeds_canonical": 0.95, "gain_f1": 0.08, "max_recall_loss": 0.02}


def pipeline_predictions(dataset: Path, jobs: int) -> tuple[dict[str, list[dict]], float, dict[str, str]]:
    """Run pipeline.core.run on DATASET/docs; return predictions, seconds and the analysed texts."""
    from pipeline.core import run

    with tempfile.TemporaryDirectory(prefix="bench-entities-") as tmp:
        out = Path(tmp) / "out"
        started = time.perf_counter()
        run(dataset / "docs", out, formats=("parquet",), jobs=jobs)
        seconds = time.perf_counter() - started
        entities = pd.read_parquet(out / "entities.parquet")
        texts = {p.stem: p.read_text(encoding="utf-8") for p in (out / "texts").glob("*.txt")}
    preds: dict[str, list[dict]] = {}
    for row in entities.itertuples(index=False):
        preds.setdefault(str(row.doc_id), []).append(
            {"start": int(row.start), "end": int(row.end), "label": row.label, "canonical": row.canonical}
        )
    return preds, seconds, texts


def baseline_and_timing(docs: dict[str, dict]) -> tuple[dict[str, list[dict]], dict[str, float]]:
    """Raw fr_core_news_md doc.ents as predictions, and the time of spaCy and of the entity stage."""
    from pipeline.canonical import load_gazetteer
    from pipeline.entities import extract_entities
    from pipeline.nlp import load_nlp

    nlp = load_nlp()
    gazetteer = load_gazetteer()
    names = list(docs)
    started = time.perf_counter()
    parsed = list(nlp.pipe(docs[n]["text"] for n in names))
    spacy_s = time.perf_counter() - started
    extract_entities(parsed[0], gazetteer) if parsed else None  # warm-up: lexicon tables, regexes
    started = time.perf_counter()
    for doc in parsed:
        extract_entities(doc, gazetteer)
    stage_s = time.perf_counter() - started
    raw = {
        n: [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents]
        for n, doc in zip(names, parsed, strict=True)
    }
    words = sum(sum(not t.is_space and not t.is_punct for t in doc) for doc in parsed)
    n = max(len(parsed), 1)
    timing = {
        "docs": len(parsed),
        "words": words,
        "spacy_ms_per_doc": 1000 * spacy_s / n,
        "entity_stage_ms_per_doc": 1000 * stage_s / n,
        "entity_stage_share_of_spacy": stage_s / spacy_s if spacy_s else 0.0,
        "spacy_words_per_s": words / spacy_s if spacy_s else 0.0,
    }
    return raw, timing


def write_jsonl(path: Path, preds: dict[str, list[dict]], names: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for name in names:
            fh.write(json.dumps({"doc": name, "entities": preds.get(name, [])}, ensure_ascii=False) + "\n")


def _row(name: str, res: dict, with_canonical: bool = True) -> str:
    s, o = res["strict"], res["overlap"]
    canon = res["canonical_accuracy"] if with_canonical else None
    return (
        f"{name:28s} {s['ALL']['p']:.3f} {s['ALL']['r']:.3f} {s['ALL']['f']:.3f}   "
        f"{s['PER+LOC+ORG']['p']:.3f} {s['PER+LOC+ORG']['r']:.3f} {s['PER+LOC+ORG']['f']:.3f}   "
        f"{o['ALL']['f']:.3f} {o['PER+LOC+ORG']['f']:.3f}   "
        + (f"{canon:.3f}" if canon is not None else "  n/a")
    )


def error_families(
    gold: dict[str, dict], preds: dict[str, list[dict]], docs: dict[str, dict]
) -> list[tuple[str, str, str]]:
    """(family, document, detail) of every error: a prediction with the gold's span and another label
    (TYPE gold->predicted), one overlapping a gold span of its label or not (BOUND), one overlapping
    nothing (SPURIOUS label), a gold entity nothing overlaps (MISSED label), and a strict match whose
    canonical differs (CANONICAL)."""
    out: list[tuple[str, str, str]] = []
    for doc, g in sorted(gold.items()):
        want = g.get("entities") or []
        got = preds.get(doc, [])
        strict = {(e["start"], e["end"], e["label"]): e for e in want}
        for p in got:
            key = (p["start"], p["end"], p["label"])
            text = docs[doc]["text"][p["start"] : p["end"]] if doc in docs else ""
            if key in strict:
                canon = strict[key].get("canonical")
                if canon is not None and canon != p.get("canonical"):
                    out.append(
                        ("CANONICAL", doc, f"{text!r}: gold {canon!r}, predicted {p.get('canonical')!r}")
                    )
                continue
            same = [e for e in want if (e["start"], e["end"]) == (p["start"], p["end"])]
            overlap = [e for e in want if e["start"] < p["end"] and p["start"] < e["end"]]
            if same:
                out.append((f"TYPE {same[0]['label']}->{p['label']}", doc, repr(text)))
            elif overlap:
                gold_spans = "; ".join(f"{e.get('text', '')!r}/{e['label']}" for e in overlap)
                out.append(("BOUND", doc, f"{text!r}/{p['label']} | gold {gold_spans}"))
            else:
                out.append((f"SPURIOUS {p['label']}", doc, repr(text)))
        for e in want:
            if not any(e["start"] < p["end"] and p["start"] < e["end"] for p in got):
                out.append((f"MISSED {e['label']}", doc, repr(e.get("text", ""))))
    return out


def print_errors(gold: dict[str, dict], preds: dict[str, list[dict]], docs: dict[str, dict]) -> None:
    """Every error, grouped by family, the largest family first."""
    errors = error_families(gold, preds, docs)
    families: dict[str, list[tuple[str, str]]] = {}
    for family, doc, detail in errors:
        families.setdefault(family, []).append((doc, detail))
    for family, items in sorted(families.items(), key=lambda kv: -len(kv[1])):
        print(f"== {family}: {len(items)}")
        for doc, detail in items:
            print(f"   {doc} {detail}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dataset", type=Path, help="a benchmark folder with docs/ and gold.jsonl")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for pipeline.core.run (default 1)")
    ap.add_argument("--json", action="store_true", help="print every figure as JSON")
    ap.add_argument(
        "--errors", action="store_true", help="also list every error by family (to read, not to copy)"
    )
    ap.add_argument("--scorer", type=Path, help="score.py to use (default: beside DATASET, else ../shared's)")
    args = ap.parse_args(argv)
    dataset = args.dataset.resolve()
    scorer_path = args.scorer or dataset.parent / "score.py"
    if not scorer_path.exists():  # the project's own sets under tests/data use ../shared's scorer
        scorer_path = ROOT.parent / "shared" / "benchmarks" / "score.py"
    sys.path.insert(0, str(scorer_path.resolve().parent))
    import score  # the reference scorer

    gold = score.read_jsonl(dataset)
    docs = score.read_docs(dataset)
    names = sorted(docs)

    preds, run_s, texts = pipeline_predictions(dataset, args.jobs)
    mismatched = [n for n in names if n in texts and texts[n] != docs[n]["text"]]
    if mismatched:
        print(
            f"warning: {len(mismatched)} analysed texts differ from the gold text (offsets may not line up): "
            f"{', '.join(mismatched[:5])}",
            file=sys.stderr,
        )
    raw, timing = baseline_and_timing(docs)

    out_dir = ROOT / "benchmarks" / "out"
    pred_path = out_dir / f"entities-{dataset.name}.jsonl"
    raw_path = out_dir / f"entities-{dataset.name}-raw-md.jsonl"
    write_jsonl(pred_path, preds, names)
    write_jsonl(raw_path, raw, names)
    ours = score.score_entities(gold, score.read_predictions(pred_path, "entities"))
    base = score.score_entities(gold, score.read_predictions(raw_path, "entities"))

    gain = ours["strict"]["PER+LOC+ORG"]["f"] - base["strict"]["PER+LOC+ORG"]["f"]
    recall_change = ours["strict"]["PER+LOC+ORG"]["r"] - base["strict"]["PER+LOC+ORG"]["r"]
    report = {
        "dataset": str(dataset),
        "pipeline": ours,
        "raw_md": base,
        "gain_strict_f1_per_loc_org": gain,
        "recall_change_per_loc_org": recall_change,
        "timing": {**timing, "pipeline_run_s": run_s},
    }
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    if args.errors:
        print_errors(gold, preds, docs)

    print(
        f"dataset {dataset.name}: {len(names)} docs, "
        f"{sum(len(g.get('entities') or []) for g in gold.values())} gold entities"
    )
    print(f"{'':28s} strict ALL          strict PER+LOC+ORG    overlap F1    canonical")
    print(f"{'system':28s} P     R     F1      P     R     F1      ALL   P+L+O   accuracy")
    print(_row("raw fr_core_news_md", base, with_canonical=False))
    print(_row("pipeline (entities table)", ours))
    print("per label, strict P/R/F1 (pipeline | raw md):")
    for lab in LABELS:
        a, b = ours["strict"][lab], base["strict"][lab]
        print(
            f"  {lab:5s} {a['p']:.3f} {a['r']:.3f} {a['f']:.3f} "
            f"(tp {a['tp']}, pred {a['pred']}, gold {a['gold']})   |   {b['p']:.3f} {b['r']:.3f} {b['f']:.3f}"
        )
    print(
        "per label, overlap F1 (pipeline | raw md): "
        + ", ".join(
            f"{lab} {ours['overlap'][lab]['f']:.3f} | {base['overlap'][lab]['f']:.3f}" for lab in LABELS
        )
    )
    if ours["canonical_accuracy"] is not None:
        print(
            f"canonical accuracy {ours['canonical_accuracy']:.3f} over {ours['canonical_n']} "
            "strictly matched gold entities with a canonical"
        )
    print(
        f"speed: spaCy {timing['spacy_ms_per_doc']:.1f} ms/doc ({timing['spacy_words_per_s']:.0f} words/s); "
        f"entity stage {timing['entity_stage_ms_per_doc']:.1f} ms/doc "
        f"(+{100 * timing['entity_stage_share_of_spacy']:.0f}% on top of spaCy); "
        f"whole pipeline.core.run {run_s:.1f} s"
    )
    print(f"strict PER+LOC+ORG: F1 {gain:+.3f} over raw md, recall {recall_change:+.3f}")
    if dataset.name == "seeds":
        ok_f1 = ours["strict"]["ALL"]["f"] >= TARGETS["seeds_f1"]
        ok_canon = (ours["canonical_accuracy"] or 0) >= TARGETS["seeds_canonical"]
        print(
            f"target seeds strict F1 >= {TARGETS['seeds_f1']}: {'met' if ok_f1 else 'NOT met'}; "
            f"canonical accuracy >= {TARGETS['seeds_canonical']}: {'met' if ok_canon else 'NOT met'}"
        )
    else:
        ok_gain = gain >= TARGETS["gain_f1"]
        ok_recall = recall_change >= -TARGETS["max_recall_loss"]
        print(
            f"target strict F1 PER+LOC+ORG >= raw md + {TARGETS['gain_f1']}: "
            f"{'met' if ok_gain else 'NOT met'}; "
            f"recall loss <= {TARGETS['max_recall_loss']}: {'met' if ok_recall else 'NOT met'}"
        )
    rel = lambda p: Path("..") / p.relative_to(ROOT.parent) if p.is_relative_to(ROOT.parent) else p  # noqa: E731
    print(
        f"same figures with the reference scorer: python3 {rel(scorer_path)} entities "
        f"{rel(dataset)} {pred_path.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
