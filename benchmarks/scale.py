"""Words/s of the local engine and of the Dask engine with 1 and 2 workers, in one run, and what that
means for one million press releases on 10 and 100 workers.

    python benchmarks/scale.py ../shared/benchmarks [--words 200000] [--runs 3]

The corpus is the throughput benchmark's (benchmarks/throughput.py `build_corpus`: copies of every
DATASET/docs/*.txt with a unique first line, so nothing is cached). Each run is a whole fresh process
(`pipeline.core.run(..., force=True)` into a new output folder), timed from start to exit: imports, cluster
start-up, model loading and the corpus pass included. The Dask runs start a LocalCluster (worker
processes, one thread each). The per-worker rate for the estimate is the 2-worker Dask run's words
divided by the worker-seconds its batches took (model loading, once per worker, excepted); one press
release is taken as long as the mean of the shipped seed press releases (corpus/*.txt).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from throughput import build_corpus  # noqa: E402  (the same corpus as the throughput benchmark)

RUN = """
import json, sys, time
from pipeline.core import run
started = time.perf_counter()
engine, workers = sys.argv[3], int(sys.argv[4])
options = {"engine": "dask", "workers": workers} if engine == "dask" else {}
result = run(sys.argv[1], sys.argv[2], formats=("parquet",), force=True, **options)
print(json.dumps({"seconds": time.perf_counter() - started, "documents": result.documents,
                  "phases": result.phases}))
"""
RELEASES = 1_000_000


def one_run(corpus: Path, out: Path, engine: str, workers: int) -> dict:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", RUN, str(corpus), str(out), engine, str(workers)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"{engine} x{workers} failed:\n{proc.stderr[-3000:]}")
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    report["wall"] = wall
    return report


def mean_release_words() -> float:
    seeds = sorted((HERE.parent / "corpus").glob("*.txt"))
    return statistics.mean(len(p.read_text(encoding="utf-8").split()) for p in seeds) if seeds else 500.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", type=Path, help="folder holding benchmark datasets (DATASET/docs/*.txt)")
    ap.add_argument("--words", type=int, default=200_000, help="corpus size (throughput.py's default)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each configuration (the median is shown)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="scale-"))
    try:
        corpus = work / "corpus"
        words = build_corpus(args.sources, corpus, args.words)
        n_docs = len(list(corpus.iterdir()))
        print(f"corpus: {n_docs} documents, {words} words")
        configs = [("local", 0), ("dask", 1), ("dask", 2)]
        results: dict[str, list[dict]] = {}
        for i in range(args.runs):
            for engine, workers in configs:
                name = "local" if engine == "local" else f"dask x{workers}"
                report = one_run(corpus, work / f"out-{engine}-{workers}-{i}", engine, workers)
                results.setdefault(name, []).append(report)
        rate, median_run = {}, {}
        for name, reports in results.items():
            median_run[name] = run = sorted(reports, key=lambda r: r["wall"])[len(reports) // 2]
            rate[name] = words / run["wall"]
            line = f"{name:8s} {run['wall']:7.1f} s  {rate[name]:7.0f} words/s"
            phases = run["phases"]
            if phases:
                line += (
                    f"  (analysis {phases['analysis']:.1f} s, corpus pass {phases['corpus']:.1f} s, "
                    f"export {phases['export']:.1f} s)"
                )
            walls = ", ".join(f"{r['wall']:.1f}s" for r in reports)
            print(f"{line}  [runs: {walls}]")
        print(
            f"ratios: dask x1 / local {rate['dask x1'] / rate['local']:.2f}, "
            f"dask x2 / local {rate['dask x2'] / rate['local']:.2f}, "
            f"dask x2 / dask x1 {rate['dask x2'] / rate['dask x1']:.2f}"
        )
        two = median_run["dask x2"]["phases"]
        per_worker = two["words"] / two["task_seconds"]
        release = mean_release_words()
        worker_hours = RELEASES * release / per_worker / 3600
        loading = two["model_seconds"] / two["workers"]
        print(
            f"per-worker rate (dask x2: words / worker-seconds in batches, model loading excepted): "
            f"{per_worker:.0f} words/s; model loading {loading:.1f} s per worker; "
            f"one press release = {release:.0f} words (mean of corpus/*.txt)"
        )
        print(f"{RELEASES:,} press releases: {worker_hours:.0f} worker-hours of analysis")
        for n in (10, 100):
            hours = worker_hours / n
            print(f"  on {n:3d} workers: {hours:6.1f} h wall-clock (analysis; plus start-up and corpus pass)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
