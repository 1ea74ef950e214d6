"""Time of the corpus pass alone against the number of documents: is it near-linear?

    python benchmarks/corpus_pass.py corpus [--sizes 2500,10000,50000] [--seed 0] [--full-length]
                                             [--clock wall|cpu]

DATA is a folder of French releases to vary (the shipped corpus/, or ../shared/benchmarks): they are
analysed once with the real per-document pass, then for each size N the per-document tables of N
synthetic releases are generated in memory (benchmarks/synthetic.py: names, dates, keyphrases and
themes varied, short releases unless --full-length), as a no-change re-run holds its cached rows, and
only the corpus pass (`corpus_pass.build_corpus_tables`, the local engine's: one part) is timed. Its
steps are timed by wrapping the functions it calls (part statistics, canonical names, keyphrase
ranking, entity summary, similar documents, theme matrix); "other" is the rest (conforming the
tables). The last columns compare time(N) / time(first size) with N / first size: equal for a linear
pass.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import gc
import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from synthetic import SyntheticArchive, describe

import pipeline.corpus_pass as corpus_pass
from pipeline.corpus_pass import build_corpus_tables, finish, statistics

# What build_corpus_tables runs, by where it finds it, and the column titles: each is wrapped to add its
# time to its step. Keyphrase ranking and canonical names are the corpus functions of their extractors
# (registry.EXTRACTORS, as corpus_pass.finish holds them).
STEPS = {
    "statistics": "statistics",  # PartStats.of + merge_stats: names and lemma document frequencies
    "canonical": "canonical",  # CorpusFacts.of (name unification) + entities' corpus function
    "keyphrases": "keyphrases",  # keywords' corpus function: ranking
    "summary": "summary",  # tally_entities + entity_summary
    "similar": "similar",
    "themes": "themes",  # theme matrix
}
_EXTRACTOR_STEPS = {"entities": "canonical", "keywords": "keyphrases", "quotes": "canonical"}


# Wall-clock time by default; --clock cpu counts this process's CPU time instead, which other work on a
# busy machine disturbs less (the corpus pass runs in one thread).
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
clock = CLOCKS["wall"]


def _timer(step: str, function: Callable, seconds: dict[str, float]) -> Callable:
    @functools.wraps(function)
    def timed(*args, **kwargs):
        started = clock()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[step] = seconds.get(step, 0.0) + clock() - started

    return timed


@contextmanager
def timed_steps(seconds: dict[str, float]) -> Iterator[None]:
    """Wrap each step where the corpus pass finds it, for the duration of the block."""
    patches = [
        (statistics.PartStats, "of", "statistics", True),
        (statistics.CorpusFacts, "of", "canonical", True),
        (corpus_pass, "merge_stats", "statistics", False),
        (finish, "tally_entities", "summary", False),
        (corpus_pass, "entity_summary", "summary", False),
        (corpus_pass, "similar_table", "similar", False),
        (corpus_pass, "theme_matrix_of", "themes", False),
    ]
    saved = [(owner, name, owner.__dict__[name]) for owner, name, _, _ in patches]
    for owner, name, step, is_classmethod in patches:
        timed = _timer(step, getattr(owner, name), seconds)
        setattr(owner, name, staticmethod(timed) if is_classmethod else timed)
    extractors = finish.EXTRACTORS
    finish.EXTRACTORS = tuple(
        dataclasses.replace(e, finish=_timer(_EXTRACTOR_STEPS[e.name], e.finish, seconds)) if e.finish else e
        for e in extractors
    )
    try:
        yield
    finally:
        finish.EXTRACTORS = extractors
        for owner, name, original in saved:
            setattr(owner, name, original)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="folder of French releases to vary (the shipped corpus/)")
    ap.add_argument("--sizes", default="2500,10000,50000", help="comma-separated numbers of documents")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--full-length", action="store_true", help="whole releases instead of short ones")
    ap.add_argument("--top-k", type=int, default=10)
    ap.add_argument("--similar-k", type=int, default=5)
    ap.add_argument("--describe", action="store_true", help="print each generated archive's statistics")
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="wall", help="wall-clock or CPU time")
    args = ap.parse_args()
    global clock
    clock = CLOCKS[args.clock]
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    archive = SyntheticArchive(args.data)
    print(f"{len(archive.texts)} releases analysed from {args.data}")
    header = f"{'N':>7} {'total s':>8} " + " ".join(f"{t:>10}" for t in STEPS.values())
    print(header + f" {'other':>7} {'t/t0':>6} {'N/N0':>6}")
    runs: list[tuple[int, float, dict[str, float]]] = []
    for n in sizes:
        per_document = archive.tables(n, args.seed, short=not args.full_length)
        if args.describe:
            print(describe(per_document))
        gc.collect()
        seconds: dict[str, float] = {}
        with timed_steps(seconds):
            started = clock()
            build_corpus_tables(per_document, archive.settings, top_k=args.top_k, similar_k=args.similar_k)
            total = clock() - started
        del per_document
        seconds["other"] = total - sum(seconds.values())
        runs.append((n, total, seconds))
        n0, total0, _ = runs[0]
        steps = " ".join(f"{seconds[name]:10.2f}" if name in seconds else f"{'-':>10}" for name in STEPS)
        print(
            f"{n:7d} {total:8.2f} {steps} {seconds['other']:7.2f} {total / total0:6.2f} {n / n0:6.2f}",
            flush=True,
        )
    if len(runs) > 1:
        # Per step, how its time grows against the number of documents: near N / N0 is linear.
        n0, total0, seconds0 = runs[0]
        print(f"\ntime(N) / time({n0}) per step (linear: N / {n0})")
        print(
            f"{'N':>7} {'N/N0':>8} {'total':>8} " + " ".join(f"{t:>10}" for t in [*STEPS.values(), "other"])
        )
        for n, total, seconds in runs[1:]:
            ratios = " ".join(
                f"{seconds[name] / seconds0[name]:10.1f}"
                if seconds0.get(name) and name in seconds
                else f"{'-':>10}"
                for name in [*STEPS, "other"]
            )
            print(f"{n:7d} {n / n0:8.1f} {total / total0:8.1f} {ratios}")
        # The same as an exponent: time grows as N ** e between the first size and N (1.0: linear, 2.0:
        # quadratic), easier to compare across sizes than ratios.
        print(f"\ngrowth exponent e in time ~ N ** e, from {n0} (linear: 1.00)")
        print(f"{'N':>7} {'':>8} {'total':>8} " + " ".join(f"{t:>10}" for t in [*STEPS.values(), "other"]))
        for n, total, seconds in runs[1:]:
            exponents = " ".join(
                f"{math.log(seconds[name] / seconds0[name]) / math.log(n / n0):10.2f}"
                if seconds0.get(name) and seconds.get(name)
                else f"{'-':>10}"
                for name in [*STEPS, "other"]
            )
            print(f"{n:7d} {'':>8} {math.log(total / total0) / math.log(n / n0):8.2f} {exponents}")


if __name__ == "__main__":
    main()
