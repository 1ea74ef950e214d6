"""Time of `pipeline compare` on a large archive whose per-document pass is cached.

    python benchmarks/compare_scale.py [--docs 100000] [--by source,year,month] [--seed 0]
                                        [--keep DIR [--reuse]] [--clock wall|cpu] [--profile N]

Writes the tables `compare` reads -- documents, lemma_counts, entities, keywords, themes -- for N
synthetic releases as Parquet (what a run over a cached archive leaves in OUT_DIR; drawn with NumPy from
seeded Zipf laws: about 150 distinct content lemmas per release from a vocabulary that grows with N,
30 entity mentions, 10 keyphrases, 0-4 themes, 8 publishers of unequal size, dates 2012-2024), then
times `compare(OUT_DIR, by)` for each field, split into reading, counting, scoring and writing (CSV and
Parquet), then the total and the process's CPU seconds for the whole call. Steps and total are wall-clock
seconds by default; `--clock cpu` measures them in this process's CPU time (all its threads), the fair
figure on a shared machine. `--profile N` prints the N costliest functions of each call (cProfile).
The synthetic tables are not French text: only their sizes and frequency laws matter.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import common  # noqa: F401  (puts the repository root on sys.path)
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

import pipeline.compare.run as compare_run
from pipeline.compare import compare

PUBLISHERS = 8
LEMMAS_PER_DOC, MENTIONS_PER_DOC, KEYWORDS_PER_DOC = 150, 30, 10
THEMES = 17
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
clock = CLOCKS["wall"]


def _names(prefix: str, ids: np.ndarray) -> pa.Array:
    """Strings prefix<id> for integer ids, built in Arrow (no Python string per row)."""
    vocabulary = np.unique(ids)
    dictionary = pa.array([f"{prefix}{i}" for i in vocabulary])
    return pa.DictionaryArray.from_arrays(np.searchsorted(vocabulary, ids), dictionary).cast(pa.string())


def _zipf(rng: np.random.Generator, size: int, vocabulary: int, a: float = 1.1) -> np.ndarray:
    return (rng.zipf(a, size) - 1) % vocabulary


def write_tables(out: Path, n: int, seed: int = 0) -> dict[str, int]:
    """The Parquet tables of a run over n synthetic releases; returns their row counts."""
    rng = np.random.default_rng(seed)
    doc_ids = pa.array([f"doc{i:06d}" for i in range(n)])
    weights = 1 / np.arange(1, PUBLISHERS + 1)
    publisher = rng.choice(PUBLISHERS, n, p=weights / weights.sum())
    days = rng.integers(0, 13 * 365, n)
    published = pa.array(np.datetime64("2012-01-01") + days.astype("timedelta64[D]")).cast(pa.date32())
    documents = pa.table(
        {
            "doc_id": doc_ids,
            "status": pa.array(["ok"] * n),
            "source": _names("Publisher ", publisher),
            "published": published,
            "language": pa.array(["fr"] * n),
        }
    )
    vocabulary = 40 * n**0.7  # Heaps: the vocabulary grows slower than the archive

    def per_doc(k: int) -> np.ndarray:
        return np.repeat(np.arange(n), k)

    # lemmas: each publisher favours its own slice of the vocabulary (what specificities find)
    docs = per_doc(LEMMAS_PER_DOC)
    lemma = _zipf(rng, docs.size, int(vocabulary))
    own = rng.random(docs.size) < 0.1
    lemma[own] = int(vocabulary) + publisher[docs[own]] * 1000 + _zipf(rng, int(own.sum()), 1000)
    pairs = np.unique(docs.astype(np.int64) << 32 | lemma, return_counts=True)
    docs, lemma, counts = pairs[0] >> 32, pairs[0] & 0xFFFFFFFF, pairs[1] * rng.integers(1, 4, pairs[1].size)
    lemma_counts = pa.table(
        {"doc_id": doc_ids.take(pa.array(docs)), "lemma": _names("lemme", lemma), "count": counts}
    )
    docs = per_doc(MENTIONS_PER_DOC)
    names = _zipf(rng, docs.size, int(vocabulary / 4))
    entities = pa.table(
        {
            "doc_id": doc_ids.take(pa.array(docs)),
            "canonical": _names("Nom ", names),
            "label": _names("", names % 4).cast(pa.string()),
        }
    )
    docs = per_doc(KEYWORDS_PER_DOC)
    phrases = _zipf(rng, docs.size, int(vocabulary))
    keywords = pa.table(
        {
            "doc_id": doc_ids.take(pa.array(docs)),
            "lemma": _names("expression ", phrases),
            "keyword": _names("Expression ", phrases),
        }
    )
    n_themes = rng.integers(0, 5, n)
    docs = np.repeat(np.arange(n), n_themes)
    theme = _zipf(rng, docs.size, THEMES)
    themes = pa.table(
        {
            "doc_id": doc_ids.take(pa.array(docs)),
            "theme": _names("theme", theme),
            "label": _names("Thème ", theme),
        }
    )
    tables = {
        "documents": documents,
        "lemma_counts": lemma_counts,
        "entities": entities,
        "keywords": keywords,
        "themes": themes,
    }
    for name, table in tables.items():
        pq.write_table(table, out / f"{name}.parquet")
    return {name: t.num_rows for name, t in tables.items()}


@contextmanager
def timed_steps(times: dict[str, float]):
    """Wrap what `compare` calls, adding each one's time to its step."""
    wrapped = {"read_table": "read", "count_codes": "count", "specificities_of": "score", "_write": "write"}
    originals = {name: getattr(compare_run, name) for name in wrapped}

    def wrap(name: str, step: str):
        def timed(*args, **kwargs):
            t0 = clock()
            try:
                return originals[name](*args, **kwargs)
            finally:
                times[step] = times.get(step, 0.0) + clock() - t0

        return timed

    for name, step in wrapped.items():
        setattr(compare_run, name, wrap(name, step))
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(compare_run, name, original)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--by", default="source,year,month")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--keep", type=Path, help="write the tables here (kept) instead of a temporary folder"
    )
    parser.add_argument("--reuse", action="store_true", help="time the tables already in --keep")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall", help="wall-clock or CPU time")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    args = parser.parse_args()
    global clock
    clock = CLOCKS[args.clock]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        if args.reuse and args.keep and (out / "documents.parquet").exists():
            rows = {p.stem: pq.ParquetFile(p).metadata.num_rows for p in sorted(out.glob("*.parquet"))}
            rows.pop("specificities", None)
        else:
            rows = write_tables(out, args.docs, args.seed)
            print(f"tables written in {time.perf_counter() - t0:.1f} s")
        print(f"{rows['documents']:,} releases: " + ", ".join(f"{k} {v:,}" for k, v in rows.items()))
        print(f"steps and total: {args.clock} seconds")
        head = f"{'by':<8}{'parts':>7}{'rows':>12}"
        print(head + "".join(f"{c:>8}" for c in ("read", "count", "score", "write", "total", "cpu")))
        for by in args.by.split(","):
            times: dict[str, float] = {}
            profiler = cProfile.Profile() if args.profile else None
            t0, cpu = clock(), time.process_time()
            with timed_steps(times):
                if profiler:
                    profiler.enable()
                result = compare(out, by)
                if profiler:
                    profiler.disable()
            total, cpu = clock() - t0, time.process_time() - cpu
            print(
                f"{by:<8}{len(result.documents):>7}{result.table.num_rows:>12,}"
                + "".join(f"{times.get(s, 0.0):>8.2f}" for s in ("read", "count", "score", "write"))
                + f"{total:>8.2f}{cpu:>8.2f}"
            )
            if profiler:
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
