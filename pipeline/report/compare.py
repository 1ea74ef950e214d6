"""The comparison section (`report --by FIELD`, `run --compare-by FIELD --report`): for each part of the
corpus, its most specific entities, keyphrases and themes (Lafon's specificities, pipeline/compare/),
and the progression over time of a few items: their frequency per month relative to the corpus's.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from markupsafe import Markup

from ..compare import Comparison, compare, count_items, parts_of, read_table
from ..compare.counts import SOURCES
from . import charts
from .common import month_bins

SHOWN = {"entity": "Entities", "keyword": "Keyphrases", "theme": "Themes"}
TOP_ITEMS = 8  # per part and item type
MAX_PARTS = 30  # the largest parts, when the field has more values
TRACKED = 6  # items in the progression chart


def comparison(out_dir: Path, by: str, track: Sequence[str] = ()) -> dict[str, Any]:
    """The section's content: `parts` (name, documents, top items per type) and the progression chart.

    `track`: items to follow over time (canonical names, keyphrase lemmas or theme ids); by default the
    most specific entity of each of the largest parts."""
    result = compare(out_dir, by, items=tuple(SHOWN), write=False)
    largest = sorted(result.documents, key=lambda p: (-result.documents[p], p))[:MAX_PARTS]
    parts = []
    for part in sorted(largest):
        tops = {item_type: [_shown(r) for r in result.top(part, item_type, TOP_ITEMS)] for item_type in SHOWN}
        parts.append({"name": part, "documents": result.documents[part], "tops": tops})
    chosen = _chosen(result, largest, track)
    return {
        "field": by,
        "parts": parts,
        "more_parts": max(0, len(result.documents) - MAX_PARTS),
        "without_value": result.without_value,
        "types": SHOWN,
        "chart": _progression(Path(out_dir), chosen),
        "tracked": [name for name, _, _ in chosen],
    }


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    name = row["item"] if row["item_type"] == "entity" else (row["label"] or row["item"])
    return {
        "name": name,
        "label": row["label"] if row["item_type"] == "entity" else "",
        "f": row["part_freq"],
        "F": row["corpus_freq"],
        "score": row["score"],
    }


def _chosen(result: Comparison, parts: list[str], track: Sequence[str]) -> list[tuple[str, str, str]]:
    """(shown name, item type, item) of the items to follow."""
    table = result.table
    if track:
        out = []
        for wanted in track:
            hit = table.filter(pc.equal(pc.utf8_lower(table.column("item")), wanted.strip().lower()))
            if hit.num_rows:
                row = hit.slice(0, 1).to_pylist()[0]
                out.append((_shown(row)["name"], row["item_type"], row["item"]))
        return out[:TRACKED]
    out, seen = [], set()
    for part in parts:
        for row in result.top(part, "entity", 1) or result.top(part, "keyword", 1):
            if row["item"] not in seen:
                seen.add(row["item"])
                out.append((_shown(row)["name"], row["item_type"], row["item"]))
    return out[:TRACKED]


def _progression(out_dir: Path, chosen: list[tuple[str, str, str]]) -> Markup | None:
    """Lines of each item's frequency per month (or quarter, year) divided by its corpus frequency."""
    if not chosen:
        return None
    documents = read_table(out_dir, "documents", ["doc_id", "status", "published"])
    if documents is None:
        return None
    months = parts_of(documents, None, "month")
    types = sorted({item_type for _, item_type, _ in chosen})
    tables = {}
    for item_type in types:
        name, item_col, label_col, count_col = SOURCES[item_type]
        columns = ["doc_id", item_col, *(c for c in (label_col, count_col) if c)]
        table = read_table(out_dir, name, columns)
        if table is not None:
            tables[name] = table
    counts = count_items(tables, months, types)
    if not counts.num_rows:
        return None
    bins, key = month_bins(sorted(set(months.column("part").to_pylist())))
    if len(bins) < 2:
        return None
    index = {b: i for i, b in enumerate(bins)}
    series = []
    for shown, item_type, item in chosen:
        of_type = counts.filter(pc.equal(counts.column("item_type"), item_type))
        sizes = _per_bin(of_type, index, key)
        mine = _per_bin(of_type.filter(pc.equal(of_type.column("item"), item)), index, key)
        if not mine.sum() or not sizes.sum():
            continue
        rate = mine.sum() / sizes.sum()
        with np.errstate(divide="ignore", invalid="ignore"):
            relative = np.where(sizes > 0, mine / sizes / rate, np.nan)
        series.append((shown, relative))
    if not series:
        return None
    return Markup(_line_chart(bins, series))


def _per_bin(counts: pa.Table, index: dict[str, int], key: dict[str, str]) -> np.ndarray:
    out = np.zeros(len(index))
    for month, n in zip(counts.column("part").to_pylist(), counts.column("count").to_pylist(), strict=True):
        out[index[key[month]]] += n
    return out


def _line_chart(bins: list[str], series: list[tuple[str, np.ndarray]]) -> str:
    title = "Frequency per period relative to the whole corpus (1 = as often as in the corpus)"
    with matplotlib.rc_context(charts._RC):
        fig = charts._figure(min(12.5, max(6.0, 1.5 + 0.3 * len(bins))), 3.4)
        ax = fig.add_subplot()
        x = np.arange(len(bins))
        for name, values in series:
            ax.plot(x, values, marker="o", markersize=3, linewidth=1.4, label=charts.plain(name, 40))
        ax.axhline(1.0, color="#999999", linewidth=0.8, linestyle="--")
        step = max(1, int(np.ceil(len(bins) / 36)))
        ticks = list(range(0, len(bins), step))
        ax.set_xticks(
            ticks,
            [bins[i] for i in ticks],
            rotation=60 if len(bins) > 8 else 0,
            ha="right" if len(bins) > 8 else "center",
        )
        ax.set_ylabel("relative frequency")
        ax.legend(fontsize=7.5, frameon=False, loc="upper left")
        ax.set_title(charts.plain(title, 120), loc="left")
    return charts.to_svg(fig, "c-compare", title)
