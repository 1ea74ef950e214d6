"""Build a benchmark folder (docs/NAME.txt, gold.jsonl) from hand-marked releases.

    python benchmarks/marked_gold.py tests/data/entities/other_publishers

Each DATASET/marked/NAME.txt is a release with front matter whose entities are written inline as
`{{surface|LABEL}}` or `{{surface|LABEL|canonical}}` (canonical defaults to the surface). Marking in
place is why: offsets are computed, never typed, and the analysed text (pipeline.reading) is checked
to be the marked body without its marks, so every gold span satisfies text[start:end] == surface.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MARK = re.compile(r"\{\{([^|{}]+)\|(PER|ORG|LOC|MISC)(?:\|([^{}]+))?\}\}")


def unmark(body: str) -> tuple[str, list[dict[str, object]]]:
    """The body without marks, and its entities with offsets into it."""
    out: list[str] = []
    entities: list[dict[str, object]] = []
    pos = 0
    size = 0
    for m in MARK.finditer(body):
        out.append(body[pos : m.start()])
        size += m.start() - pos
        surface, label, canonical = m.group(1), m.group(2), m.group(3) or m.group(1)
        entities.append(
            {
                "start": size,
                "end": size + len(surface),
                "text": surface,
                "label": label,
                "canonical": canonical,
            }
        )
        out.append(surface)
        size += len(surface)
        pos = m.end()
    out.append(body[pos:])
    return "".join(out), entities


def build(dataset: Path) -> int:
    """Write DATASET/docs and DATASET/gold.jsonl; return the number of documents."""
    from pipeline.reading import document_from_bytes

    docs = dataset / "docs"
    docs.mkdir(exist_ok=True)
    records = []
    for path in sorted((dataset / "marked").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        head, sep, body = raw.partition("\n---\n")
        text, entities = unmark(body)
        (docs / path.name).write_text(head + sep + text, encoding="utf-8")
        doc = document_from_bytes((docs / path.name).read_bytes(), path.stem)
        if doc.text != text:
            raise SystemExit(f"{path.name}: the analysed text differs from the unmarked body")
        if "{{" in text or "}}" in text:
            raise SystemExit(f"{path.name}: a mark is malformed")
        published = doc.metadata.get("date")
        records.append(
            {"doc": path.stem, "published": str(published) if published else None, "entities": entities}
        )
    with (dataset / "gold.jsonl").open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(records)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", type=Path)
    args = ap.parse_args()
    print(f"{build(args.dataset)} documents written to {args.dataset}")


if __name__ == "__main__":
    main()
