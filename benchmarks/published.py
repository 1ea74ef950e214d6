"""Publication dates without the front matter's `date:` line: how many does the header still give?

    python benchmarks/published.py /work/shared/benchmarks/press-real
    python benchmarks/published.py /work/shared/benchmarks/press-real --direct

Copies DATASET/docs into a temporary folder with every front-matter `date:` line removed (title, url
and the rest kept), runs the real pipeline on the copy (or, with --direct, reads each copy with
pipeline.reading and calls pipeline.dates.find_publication_date, which is what the pipeline does) and
counts the documents whose `documents.published` equals the gold's `published`. A document whose gold
has no publication date must come out empty: a filled one is reported as guessed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from common import read_gold, read_table, run_pipeline

_FRONT = re.compile(r"\A(---[ \t]*\n)(.*?\n)(---[ \t]*(?:\n|\Z))", re.S)
_DATE_LINE = re.compile(r"^date[ \t]*:.*\n?", re.M)


def strip_date_lines(text: str) -> str:
    """The text with every `date:` line of its front matter removed (the body untouched)."""
    m = _FRONT.match(text)
    if not m:
        return text
    return m.group(1) + _DATE_LINE.sub("", m.group(2)) + m.group(3) + text[m.end() :]


def copy_without_dates(dataset: Path, target: Path) -> int:
    """DATASET/docs/*.txt copied into `target`/docs without their date lines; returns the count."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    n = 0
    for path in sorted((dataset / "docs").glob("*.txt")):
        (docs / path.name).write_text(strip_date_lines(path.read_text(encoding="utf-8")), encoding="utf-8")
        n += 1
    return n


def published_direct(folder: Path) -> dict[str, str | None]:
    from pipeline.dates import find_publication_date
    from pipeline.reading import read_document

    out: dict[str, str | None] = {}
    for path in sorted((folder / "docs").glob("*.txt")):
        doc = read_document(path, folder / "docs")
        found, _ = find_publication_date(doc.text, doc.metadata)
        out[path.stem] = found.isoformat() if found else None
    return out


def published_pipeline(folder: Path) -> dict[str, str | None]:
    out_dir = run_pipeline(folder, jobs=1)
    try:
        frame = read_table(out_dir, "documents")
        return {
            str(row.doc_id): (row.published.isoformat() if row.published is not None else None)
            for row in frame.itertuples(index=False)
        }
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", type=Path, help="a folder in the common benchmark format")
    ap.add_argument("--direct", action="store_true", help="call find_publication_date, no pipeline run")
    args = ap.parse_args(argv)
    gold = read_gold(args.dataset)
    tmp = Path(tempfile.mkdtemp(prefix="bench-published-"))
    try:
        n = copy_without_dates(args.dataset, tmp)
        got = published_direct(tmp) if args.direct else published_pipeline(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    right = guessed = 0
    for name, g in sorted(gold.items()):
        want, have = g.get("published"), got.get(Path(name).stem, got.get(name))
        if want is None and have is not None:
            guessed += 1
        if want == have:
            right += 1
        else:
            print(f"{name}: gold {want}  got {have}")
    print(
        f"published equal to the gold without date lines: {right}/{len(gold)} ({n} documents); "
        f"filled where the gold has none: {guessed}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
