"""Publishers without the front matter's `source:` line: how many does the release itself still give?

    python benchmarks/publishers.py /work/shared/benchmarks/press-real

Copies DATASET/docs into a temporary folder with every front-matter `source:` line removed (title, url,
date and the rest kept), runs the real pipeline on the copy and compares `documents.source` with the
`source:` each original file carried: same, none (empty: the release states no publisher the rules
trust), or other (a different name: printed with the original, since it may be the same body under
another name or a wrong publisher). Documents whose original has no `source:` are counted apart.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from common import read_table, run_pipeline

_FRONT = re.compile(r"\A(---[ \t]*\n)(.*?\n)(---[ \t]*(?:\n|\Z))", re.S)
_SOURCE_LINE = re.compile(r"^source[ \t]*:[ \t]*(.*)\n?", re.M)


def original_source(text: str) -> str | None:
    """The value of the front matter's `source:` line, unquoted."""
    m = _FRONT.match(text)
    found = _SOURCE_LINE.search(m.group(2)) if m else None
    return found.group(1).strip().strip("\"'") or None if found else None


def strip_source_lines(text: str) -> str:
    """The text with every `source:` line of its front matter removed (the body untouched)."""
    m = _FRONT.match(text)
    if not m:
        return text
    return m.group(1) + _SOURCE_LINE.sub("", m.group(2)) + m.group(3) + text[m.end() :]


def copy_without_sources(dataset: Path, target: Path) -> dict[str, str | None]:
    """DATASET/docs/*.txt copied into `target`/docs without their source lines; name -> original source."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    originals: dict[str, str | None] = {}
    for path in sorted((dataset / "docs").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        originals[path.stem] = original_source(text)
        (docs / path.name).write_text(strip_source_lines(text), encoding="utf-8")
    return originals


def detected(folder: Path) -> dict[str, tuple[str | None, str | None]]:
    """doc_id -> (source, source_origin) of a pipeline run on `folder`."""
    out_dir = run_pipeline(folder, jobs=1)
    try:
        frame = read_table(out_dir, "documents")
        return {
            str(row.doc_id): (_value(row.source), _value(row.source_origin))
            for row in frame.itertuples(index=False)
        }
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


def _value(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", type=Path, help="a folder in the common benchmark format")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bench-publishers-"))
    try:
        originals = copy_without_sources(args.dataset, tmp)
        got = detected(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    same = none = other = unsourced = 0
    for name, want in sorted(originals.items()):
        have, origin = got.get(name, (None, None))
        print(f"{name}: {have or '-'} ({origin or 'none'})   front matter: {want or '-'}")
        if want is None:
            unsourced += 1
        elif have is None:
            none += 1
        elif have == want:
            same += 1
        else:
            other += 1
    print(
        f"of {len(originals) - unsourced} documents with a source line: same {same}, none {none}, "
        f"other name {other}" + (f"; {unsourced} had no source line" if unsourced else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
