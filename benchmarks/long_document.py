"""One release over spaCy's 1,000,000-character limit through the per-document pass (issue 28).

    python benchmarks/long_document.py [--chars 1000000] [--piece 10000]

The text is an invented French release repeated until it has --chars characters. It is analysed by
`analysis.analyse_batch` (pieces of --piece characters at most, joined into one Doc), and the script
prints its time, the peak memory of the process, the rows found and whether every entity and date
offset indexes the whole text. Before pieces, such a text raised spaCy's E088.
"""

from __future__ import annotations

import argparse
import resource
import time

import common  # noqa: F401  (puts this repository first on sys.path)

import pipeline.analysis as analysis
from pipeline.analysis import Settings, analyse_batch
from pipeline.nlp import load_nlp
from pipeline.reading import document_from_bytes

PARAGRAPH = (
    "Lorient, le {n} mars 2024 – La communauté d'agglomération du Blavet annonce l'ouverture d'une "
    "médiathèque à Plouhinec. « Nous voulons offrir un lieu de lecture à chacun », a déclaré Armelle "
    "Le Guennec, présidente de l'association Lire au Port, le {n} avril. Le budget atteint "
    "{n}00 000 euros.\n\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--piece", type=int, default=analysis.PIECE_CHARS)
    args = parser.parse_args()
    analysis.PIECE_CHARS = args.piece
    text, n = "Ouverture d'une médiathèque\n\n", 0
    while len(text) < args.chars:
        text += PARAGRAPH.format(n=n % 27 + 1)
        n += 1
    nlp = load_nlp()
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    document = document_from_bytes(text.encode("utf-8"), "long", "long.txt")
    started = time.perf_counter()
    [(document, rows)] = list(analyse_batch([document], nlp, Settings.load()))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    spans = [*rows["entities"], *rows["dates"]]
    wrong = sum(document.text[r["start"] : r["end"]] != r["text"] for r in spans)
    print(f"| characters | {len(document.text):,} (spaCy max_length {nlp.max_length:,}) |")
    print(f"| status | {rows['documents'][0]['status']} |")
    print(f"| analysis | {seconds:.1f} s |")
    print(f"| peak memory | {peak:,.0f} MB ({peak - loaded:,.0f} MB over the loaded model) |")
    print(
        f"| rows | {len(rows['entities'])} entities, {len(rows['dates'])} dates, "
        f"{len(rows['quotes'])} quotes |"
    )
    print(
        f"| offsets | {wrong} of {len(spans)} do not index the text; last entity ends at "
        f"{max(r['end'] for r in rows['entities']):,} |"
    )


if __name__ == "__main__":
    main()
