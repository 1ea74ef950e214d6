"""Kill runs at random points and check that nothing a crash leaves can mix runs or block the next one.

    python benchmarks/fault_injection.py [--kills 50] [--docs 32] [--jobs 2] [--seed 0] [--keep DIR]

A small corpus (the shipped releases, cut and numbered, so that 32 documents start 2 worker processes)
is run once cleanly per option set (formats, top-k, similar-k, CSV flavour: each a different set of
outputs) to record the digest of its outputs. Then, --kills times: a run with a random option set
(half of them with --force, which loads the model, runs the workers and rewrites the cache) is
SIGKILLed after a random delay drawn over the whole length of such a run (a run that ends before its
delay is not counted as a kill); then

- the outputs must be exactly one complete set: the one before the killed run, or the killed run's
  own (it may have published just before the kill); never a mix, never a missing file;
- no process of the killed run may survive it (its workers and helper die with it);
- the next run (another random option set) must succeed, without waiting, and give its set.

The digest of a set covers every output a user opens (OUT/<name>, through the links, texts/ included)
and the manifest without its generation name and time. Prints one line per kill and a summary; exits
non-zero when a state was inconsistent, an orphan survived or a next run failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VARIANTS: list[list[str]] = [
    ["--format", "csv,parquet"],
    ["--format", "csv,xlsx", "--top-k", "5"],
    ["--format", "parquet", "--similar-k", "2"],
    ["--format", "csv", "--csv-flavor", "excel-fr", "--top-k", "3"],
]
VOLATILE = ("generation", "created")  # manifest fields that differ between two runs of the same set


def make_corpus(target: Path, n_docs: int) -> None:
    """`n_docs` releases from the shipped ones, each cut to about 1,500 characters and numbered."""
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    target.mkdir(parents=True)
    for i in range(n_docs):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        cut = text.rfind("\n", 0, 1500)
        body = text[: cut if cut > 0 else 1500]
        (target / f"communique-{i:03d}.txt").write_text(
            f"{body}\n\nRéférence interne {i}.\n", encoding="utf-8"
        )


def digest(out: Path) -> str | None:
    """The digest of the output set a user sees in `out`; None when a name leads nowhere it should."""
    h = hashlib.sha256()
    try:
        names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    except FileNotFoundError:
        return "empty"
    for name in names:
        path = out / name
        if path.is_symlink() and not path.exists():
            continue  # a link made for the next set before its switch: resolves to nothing, mixes nothing
        h.update(name.encode() + b"\0")
        if name == "manifest.json":
            manifest = json.loads(path.read_text(encoding="utf-8"))
            for key in VOLATILE:
                manifest.pop(key, None)
            h.update(json.dumps(manifest, sort_keys=True).encode())
        elif path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file():
                    h.update(file.relative_to(path).as_posix().encode() + b"\0" + file.read_bytes())
        else:
            h.update(path.read_bytes())
    return h.hexdigest()


def command(corpus: Path, out: Path, variant: list[str], jobs: int, force: bool) -> list[str]:
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--jobs", str(jobs)]
    return [*cmd, "--quiet", *variant, *(["--force"] if force else [])]


def tagged_processes(tag: str) -> list[int]:
    """Processes whose environment carries `tag`: a run and every process it forked."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if tag.encode() in (proc / "environ").read_bytes():
                stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                if stat[0] not in ("Z", "X"):
                    found.append(int(proc.name))
        except OSError:
            continue
    return found


def timed_run(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, cwd=ROOT)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--docs", type=int, default=32)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--keep", type=Path, help="work in this folder and keep it (default: a temporary one)"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = args.keep or Path(tempfile.mkdtemp(prefix="fault-injection-"))
    if work.exists() and args.keep:
        shutil.rmtree(work)
    corpus, out = work / "corpus", work / "out"
    make_corpus(corpus, args.docs)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    references: list[str] = []  # each option set's outputs, from a clean run in its own folder
    durations = {True: 0.0, False: 0.0}  # a forced run, a run from the cache
    for i, variant in enumerate(VARIANTS):
        ref_out = work / f"reference-{i}"
        first = timed_run(command(corpus, ref_out, variant, args.jobs, force=False), env)
        durations[True] = max(durations[True], first)
        durations[False] = max(
            durations[False], timed_run(command(corpus, ref_out, variant, args.jobs, False), env)
        )
        references.append(str(digest(ref_out)))
        print(
            f"reference {i} {' '.join(variant)}: cold {first:.1f} s, cached {durations[False]:.1f} s",
            flush=True,
        )
    if len(set(references)) != len(references):
        print("warning: two option sets give the same outputs", flush=True)
    subprocess.run(command(corpus, out, VARIANTS[0], args.jobs, False), env=env, check=True, cwd=ROOT)
    state = references[0]

    inconsistent = orphans = failed_next = finished_first = 0
    k = 0
    while k < args.kills:
        variant_i = rng.randrange(len(VARIANTS))
        force = rng.random() < 0.5
        delay = rng.uniform(0.0, durations[force])
        started = time.perf_counter()
        tag = f"FAULT_INJECTION_TAG={uuid.uuid4().hex}"
        run_env = {**env, "FAULT_INJECTION_TAG": tag.split("=", 1)[1]}
        proc = subprocess.Popen(
            command(corpus, out, VARIANTS[variant_i], args.jobs, force), env=run_env, cwd=ROOT
        )
        try:
            proc.wait(timeout=delay)
            finished_first += 1  # not a kill: the delays follow the runs' observed length
            durations[force] = 0.5 * durations[force] + 0.5 * (time.perf_counter() - started)
            outcome = f"finished first (exit {proc.returncode}), not counted"
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            k += 1
            outcome = f"killed at {delay:.2f} s"
        left = tagged_processes(tag)
        deadline = time.monotonic() + 10
        while left and time.monotonic() < deadline:
            time.sleep(0.2)
            left = tagged_processes(tag)
        for pid in left:
            orphans += 1
            os.kill(pid, signal.SIGKILL)
        seen = digest(out)
        consistent = seen in (state, references[variant_i])
        inconsistent += not consistent
        next_i = rng.randrange(len(VARIANTS))
        nxt = subprocess.run(
            command(corpus, out, VARIANTS[next_i], args.jobs, False),
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        ok_next = nxt.returncode == 0 and digest(out) == references[next_i]
        failed_next += not ok_next
        state = references[next_i] if ok_next else str(digest(out))
        print(
            f"kill {k:2d}: set {variant_i}{' --force' if force else ''} {outcome}; "
            f"outputs {'consistent' if consistent else 'INCONSISTENT'}; orphans {len(left)}; "
            f"next run {'ok' if ok_next else 'FAILED: ' + nxt.stderr.strip()[-300:]}",
            flush=True,
        )
    print(
        f"{k} kills ({finished_first} more runs finished before their kill): {inconsistent} inconsistent "
        f"states, {orphans} orphan processes, {failed_next} failed next runs",
        flush=True,
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if inconsistent or orphans or failed_next else 0


if __name__ == "__main__":
    sys.exit(main())
