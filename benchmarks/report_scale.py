"""Scale of the HTML report: a 1,000-document corpus gives a file under 15 MB that opens in under 3 s.

    python benchmarks/report_scale.py ../shared/benchmarks [--docs 1000] [--out DIR] [--runs 5]

Builds a corpus of real French text from the benchmark folders' docs/ (copies, each with a unique first
line, its own publication date over three years, a publisher out of six; some saved in cp1252 so the
repair counts are not empty, one in a hundred carrying hostile HTML), runs the real pipeline
(`pipeline.core.run`) on it, builds the report with `pipeline.report.build_report`, then opens the file
in headless Chromium (/usr/bin/chromium) --runs times and reports the median time from navigation to
the load event, the time to open a document page, and every JavaScript error. With --out DIR the run's
tables are kept there and reused by the next call (delete DIR to analyse again).

Exit status 1 when a limit is broken or the page raised a JavaScript error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.report import build_report  # noqa: E402
from tests.support.browser import CHROMIUM, Browser, chromium_missing  # noqa: E402

MAX_BYTES = 15_000_000
MAX_OPEN_S = 3.0
PUBLISHERS = (
    "Ministère de l'Économie",
    "Ministère de la Culture",
    "Préfecture de région",
    "Agence du numérique",
    "Conseil régional",
    "Ville de Lyon",
)
HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="alert(1)"> <b>gras</b>\n'
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def build_corpus(sources: Path, target: Path, n_docs: int) -> None:
    """n_docs files made of the benchmark docs, with front matter spread over 36 months."""
    texts = [
        (f"{p.parent.parent.name}-{p.stem}", _FRONT.sub("", p.read_text(encoding="utf-8")))
        for p in sorted(sources.glob("*/docs/*.txt"))
    ]
    if not texts:
        raise SystemExit(f"no */docs/*.txt under {sources}")
    target.mkdir(parents=True)
    start = dt.date(2023, 1, 1)
    for i in range(n_docs):
        name, text = texts[i % len(texts)]
        day = start + dt.timedelta(days=(i * 37) % (3 * 365))
        body = f"Communiqué n° {i} ({name})\n" + (HOSTILE if i % 100 == 7 else "") + text
        front = f"---\ndate: {day.isoformat()}\nsource: {PUBLISHERS[i % len(PUBLISHERS)]}\n---\n"
        path = target / f"cp{i:04d}.txt"
        if i % 40 == 3:  # a legacy encoding: the reader decodes it, the report counts it
            path.write_bytes((front + body).encode("cp1252", errors="replace"))
        else:
            path.write_text(front + body, encoding="utf-8")


def analysed(sources: Path, out: Path, n_docs: int) -> Path:
    if (out / "documents.parquet").exists():
        print(f"reusing the run in {out}", flush=True)
        return out
    from pipeline.core import run

    corpus = Path(tempfile.mkdtemp(prefix="report-scale-corpus-"))
    build_corpus(sources, corpus / "c", n_docs)
    started = time.perf_counter()
    result = run(corpus / "c", out, formats=("parquet",))
    print(f"pipeline run: {result.summary()} ({time.perf_counter() - started:.0f} s)", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", type=Path, help="folder holding */docs/*.txt (the shared benchmarks folder)")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=None, help="keep (and reuse) the run's tables here")
    ap.add_argument("--runs", type=int, default=5, help="page loads to take the median of")
    ap.add_argument("--screenshots", type=Path, default=ROOT / "benchmarks" / "out" / "report-scale")
    args = ap.parse_args()

    out = analysed(args.sources, args.out or Path(tempfile.mkdtemp(prefix="report-scale-out-")), args.docs)
    started = time.perf_counter()
    html = build_report(out, out / "report.html")
    build_s = time.perf_counter() - started
    size = html.stat().st_size
    print(f"report: {html} {size / 1e6:.2f} MB built in {build_s:.1f} s")

    missing = chromium_missing()
    if missing:
        raise SystemExit(f"cannot measure the open time: {missing}")
    args.screenshots.mkdir(parents=True, exist_ok=True)
    loads, frames, first_doc, next_doc, errors = [], [], [], [], []
    for i in range(args.runs):
        with Browser() as browser:  # a new profile each time: no warm cache across runs
            t = browser.open(html)
            loads.append(t.load_s)
            frames.append(t.first_frame_s)
            if i == 0:
                browser.screenshot(args.screenshots / "overview.png")
            first_doc.append(browser.open_first_document())  # unpacks the pages: the first visit costs more
            if i == 0:
                browser.screenshot(args.screenshots / "document.png")
            last = browser.evaluate(
                "Array.from(document.querySelectorAll('#doc-index a.doc-link')).pop().hash"
            )
            next_doc.append(browser.go(last[1:]))
            browser.go("documents")
            if i == 0:
                browser.screenshot(args.screenshots / "index.png")
            errors += browser.errors
    load_s = statistics.median(loads)
    print(f"chromium: {CHROMIUM}; {args.runs} cold loads of file://{html}")
    print("| metric | value | limit |\n|---|---|---|")
    print(f"| documents | {args.docs} | |")
    print(f"| file size | {size / 1e6:.2f} MB | < {MAX_BYTES / 1e6:.2f} MB |")
    print(f"| open (navigation -> load event), median | {load_s:.2f} s | < {MAX_OPEN_S:.0f} s |")
    print(f"| open, all runs | {', '.join(f'{x:.2f}' for x in loads)} s | |")
    print(f"| navigation -> first painted frame, median | {statistics.median(frames):.2f} s | |")
    first_ms = statistics.median(first_doc) * 1000
    print(f"| first document page opened (unpacks all pages), median | {first_ms:.0f} ms | |")
    print(f"| another document page opened, median | {statistics.median(next_doc) * 1000:.0f} ms | |")
    print(f"| JavaScript errors, requests, CSP violations | {len(errors)} | 0 |")
    for e in errors[:10]:
        print(f"  error: {e}")
    print(f"screenshots: {args.screenshots}")
    failed = size >= MAX_BYTES or load_s >= MAX_OPEN_S or errors
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
