"""What adding one press release to a large corpus costs, against analysing a one-document corpus.

    python benchmarks/incremental.py ../shared/benchmarks [--docs 500] [--runs 3]

Builds a corpus of at least --docs distinct documents from the benchmark folders' docs (each copy with a
unique first line, so no two share a content hash), runs it once to fill the cache, then times whole
`pipeline run` processes (model load included), median of --runs, each into its own output folder state:
- one-document corpus into a fresh output folder: the baseline;
- the large corpus plus one new document, re-run with the cache of the previous run;
- the large corpus re-run with no change (the spaCy model must not be loaded at all).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from common import build_corpus, measure

NEW_DOC = (
    "Paris, le {n} mars 2024 - Le ministère de la Transition écologique a présenté aujourd'hui un plan de "
    "rénovation énergétique des écoles, doté de {n} millions d'euros, en lien avec les régions.\n"
)


def run_cmd(corpus: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pipeline",
        "run",
        str(corpus),
        "--out",
        str(out),
        "--format",
        "csv,parquet",
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", type=Path, help="folder holding benchmark datasets (DATASET/docs/*.txt)")
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="incremental-"))
    try:
        corpus = work / "corpus"
        words = build_corpus(args.sources, corpus, min_docs=args.docs)
        n_docs = len(list(corpus.iterdir()))
        print(f"corpus: {n_docs} documents, {words} words")
        out = work / "out"
        seconds, _ = measure(run_cmd(corpus, out))
        print(f"first full run (fills the cache): {seconds:.1f} s")

        one, add, same = [], [], []
        for i in range(args.runs):
            single = work / f"single-{i}"
            single.mkdir()
            (single / "new.txt").write_text(NEW_DOC.format(n=100 + i), encoding="utf-8")
            one.append(measure(run_cmd(single, work / f"single-out-{i}"))[0])
            (corpus / f"zz-new-{i}.txt").write_text(NEW_DOC.format(n=200 + i), encoding="utf-8")
            add.append(measure(run_cmd(corpus, out))[0])
            same.append(measure(run_cmd(corpus, out))[0])
        m_one, m_add, m_same = (statistics.median(x) for x in (one, add, same))
        print(
            f"one-document corpus, fresh output: median {m_one:.2f} s ({', '.join(f'{x:.2f}' for x in one)})"
        )
        print(f"{n_docs}+1 documents, one added: median {m_add:.2f} s ({', '.join(f'{x:.2f}' for x in add)})")
        print(
            f"{n_docs}+1 documents, no change: median {m_same:.2f} s ({', '.join(f'{x:.2f}' for x in same)})"
        )
        print(f"ratio add-one / one-document corpus: {m_add / m_one:.2f}x (target <= 1.5)")
        print(f"ratio no-change / one-document corpus: {m_same / m_one:.2f}x")
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from pipeline.core import run
        from pipeline.nlp import load_nlp

        result = run(corpus, out, formats=("parquet",))
        loaded = load_nlp.cache_info().currsize > 0
        print(f"no-change re-run in-process: {result.analysed} documents analysed, model loaded: {loaded}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
