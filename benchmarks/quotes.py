"""Quote benchmark: quotation span P/R/F1 and speaker accuracy against hand-written gold.

    python benchmarks/quotes.py ../shared/benchmarks/seeds          # gold: tests/data/quotes/seeds.gold.jsonl
    python benchmarks/quotes.py tests/data/quotes/releases          # gold: the folder's gold.jsonl
    python benchmarks/quotes.py tests/data/quotes/families          # one invented release per family

DATASET is a folder in the common benchmark format (docs/NAME.txt with front matter). Gold quotes come
from DATASET/gold.jsonl when its records carry "quotes", else from tests/data/quotes/<folder>.gold.jsonl
(or --gold). The real pipeline runs on DATASET/docs (pipeline.core.run) and its quotes table is scored;
while the quotes table is not wired into the run (no quotes.parquet), the script says so and drives
pipeline.quotes.extract_quotes over the same analysed texts with pipeline.entities mentions instead.

score.py's own quotes task (a predicted quote matches a gold one when it overlaps more than half of it;
speaker compared case-insensitively) is printed first; `--predictions FILE` writes the predictions in
its format, for `score.py quotes DATASET FILE`. This script's finer figures follow:
- span P/R/F1 strict (same start and end, one-to-one) and overlap (spans overlap, one-to-one, greedy);
- speaker accuracy: among gold quotes overlapped by a predicted quote, the share whose speaker is the
  same: the canonical when there is one, else the speaker as written (case, accents, determiners and
  spacing ignored).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import by_doc, load_scorer, read_table, run_pipeline, write_predictions  # noqa: E402

SHARED_BENCHMARKS = ROOT.parent / "shared" / "benchmarks"


def scorer_for(dataset: Path) -> Any:
    """score.py beside the dataset folder, else the shared one (for the project's own test folders)."""
    if (dataset.parent / "score.py").exists():
        return load_scorer(dataset)
    return load_scorer(SHARED_BENCHMARKS / "seeds")


COLUMNS = ["start", "end", "text", "speaker", "speaker_canonical", "speaker_role", "verb"]


def speaker_key(q: dict[str, Any]) -> str:
    """Who a quote is attributed to, for comparison: canonical first, else the surface."""
    name = q.get("speaker_canonical") or q.get("speaker") or ""
    name = unicodedata.normalize("NFKD", name.replace("’", "'"))
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()
    for det in ("le ", "la ", "les ", "l'"):
        if name.startswith(det):
            name = name[len(det) :]
    return " ".join(name.split())


def score_quotes(gold: dict[str, dict], pred: dict[str, list], prf: Any) -> dict[str, Any]:
    n_gold = n_pred = strict = overlap = speaker_ok = speaker_n = 0
    errors: list[str] = []
    for doc, g in gold.items():
        gq = sorted(g.get("quotes") or [], key=lambda q: q["start"])
        pq = sorted(pred.get(doc) or [], key=lambda q: q["start"])
        n_gold += len(gq)
        n_pred += len(pq)
        strict += len({(q["start"], q["end"]) for q in gq} & {(q["start"], q["end"]) for q in pq})
        used: set[int] = set()
        for p in pq:
            for i, t in enumerate(gq):
                if i not in used and p["start"] < t["end"] and t["start"] < p["end"]:
                    used.add(i)
                    overlap += 1
                    speaker_n += 1
                    same = speaker_key(p) == speaker_key(t)
                    speaker_ok += same
                    if not same:
                        errors.append(
                            f"{doc}: speaker {p.get('speaker')!r}/{p.get('speaker_canonical')!r} "
                            f"for gold {t.get('speaker')!r}/{t.get('speaker_canonical')!r}: "
                            f"{t['text'][:50]!r}"
                        )
                    break
            else:
                errors.append(f"{doc}: extra quote {p['text'][:70]!r}")
        errors += [f"{doc}: missed quote {t['text'][:70]!r}" for i, t in enumerate(gq) if i not in used]
    return {
        "strict": prf(strict, n_pred, n_gold),
        "overlap": prf(overlap, n_pred, n_gold),
        "speaker_accuracy": speaker_ok / speaker_n if speaker_n else 0.0,
        "speaker_n": speaker_n,
        "speaker_ok": speaker_ok,
        "errors": errors,
    }


def predictions_from_run(dataset: Path) -> dict[str, list] | None:
    out = run_pipeline(dataset)
    if not (out / "quotes.parquet").exists():
        return None
    return by_doc(read_table(out, "quotes"), COLUMNS)


def predictions_direct(dataset: Path) -> dict[str, list]:
    """The extractor over the analysed texts, with the entity stage's mentions (until wired)."""
    import dataclasses

    from pipeline.canonical import load_gazetteer
    from pipeline.entities import extract_entities
    from pipeline.nlp import load_nlp
    from pipeline.quotes import extract_quotes
    from pipeline.reading import read_document

    nlp, gazetteer = load_nlp(), load_gazetteer()
    preds: dict[str, list] = {}
    for path in sorted((dataset / "docs").glob("*.txt")):
        document = read_document(path, dataset / "docs")
        doc = nlp(document.text)
        quotes = extract_quotes(doc, extract_entities(doc, gazetteer))
        preds[path.stem] = [dataclasses.asdict(q) for q in quotes]
    return preds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dataset", type=Path)
    ap.add_argument("--gold", type=Path, help="gold quotes jsonl (default: see the module doc)")
    ap.add_argument("--direct", action="store_true", help="drive the extractor directly, without core.run")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error")
    ap.add_argument("--predictions", type=Path, help="write the predictions for score.py quotes here")
    args = ap.parse_args(argv)
    dataset = args.dataset.resolve()
    score = scorer_for(dataset)
    gold_path = args.gold
    if gold_path is None:
        own = score.read_jsonl(dataset)
        if any("quotes" in rec for rec in own.values()):
            gold_path = dataset / "gold.jsonl"
        else:
            gold_path = ROOT / "tests" / "data" / "quotes" / f"{dataset.name}.gold.jsonl"
    gold = score.read_jsonl(gold_path)
    pred = None if args.direct else predictions_from_run(dataset)
    if pred is None:
        if not args.direct:
            print("note: the run wrote no quotes table yet; scoring pipeline.quotes.extract_quotes directly")
        pred = predictions_direct(dataset)
    pred = {doc: quotes for doc, quotes in pred.items() if doc in gold}
    if args.predictions is not None:
        write_predictions(args.predictions, "quotes", pred)
    if hasattr(score, "score_quotes"):
        r = score.score_quotes(gold, pred)
        print(
            f"score.py quotes P {r['p']:.3f} R {r['r']:.3f} F1 {r['f']:.3f} (tp {r['tp']}, pred {r['pred']}, "
            f"gold {r['gold']})  speaker accuracy {r['speaker_accuracy']:.3f}"
        )
    res = score_quotes(gold, pred, score._prf)
    n_gold, n_pred = res["strict"]["gold"], res["strict"]["pred"]
    print(f"docs {len(gold)}  gold quotes {n_gold}  predicted {n_pred}  (gold: {gold_path})")
    for mode in ("strict", "overlap"):
        r = res[mode]
        print(f"{mode:8s} quote span P {r['p']:.3f} R {r['r']:.3f} F1 {r['f']:.3f}  (tp {r['tp']})")
    ok, n = res["speaker_ok"], res["speaker_n"]
    print(f"speaker accuracy {res['speaker_accuracy']:.3f} ({ok}/{n} overlapped gold quotes)")
    for line in res["errors"] if args.verbose else res["errors"][:10]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
