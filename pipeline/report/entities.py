"""The top canonical entities per label, the entities mentioned together, and the most quoted speakers.

`entities()` also returns the anchors of the entities it lists: the document pages link a mention to its
entity's entry only when the entry exists, so the pages are built after this section.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from markupsafe import Markup

from . import charts
from .common import DOCS_PER_LIST, Context, DocRef, Listing, anchor, day_of, listing
from .data import RunTables

TOP_ENTITIES = 20  # per label
COMENTION_TOP = 20  # entities in the co-mention heatmap
COMENTION_PAIRS = 30
LABEL_NAMES = {"PER": "People", "ORG": "Organisations", "LOC": "Places", "MISC": "Other (events, laws, …)"}


@dataclass
class EntityRow:
    key: str
    canonical: str
    label: str
    anchor: str
    documents: int
    mentions: int
    first: str
    last: str
    country: str
    surface_forms: str
    docs: Listing = field(default_factory=lambda: Listing([], 0))


def entities(ctx: Context) -> tuple[dict[str, Any], dict[str, str]]:
    """The entities section's content (the template's `entities`) and {entity key: anchor} of its rows.

    An entity key is "canonical\\x1fLABEL".
    """
    ents = ctx.tables.get("entities")
    if ents.empty or "canonical" not in ents.columns:
        return {"labels": [], "comention": None, "pairs": [], "speakers": speakers(ctx.tables)}, {}
    ents = ents[ents["doc_id"].isin(ctx.refs)].copy()
    ents["canonical"] = ents["canonical"].where(ents["canonical"] != "", ents.get("text", ""))
    ents["key"] = ents["canonical"] + "\x1f" + ents["label"]
    summary = _summary(ctx.tables, ents)
    docs_of = _docs_of(ctx, ents)
    anchors: dict[str, str] = {}
    labels: list[dict[str, Any]] = []
    label_order = [x for x in LABEL_NAMES if x in set(summary["label"])]
    label_order += sorted(set(summary["label"]) - set(label_order))
    for label in label_order:
        sub = summary[summary["label"] == label].sort_values(
            ["documents", "mentions", "canonical"], ascending=[False, False, True]
        )
        rows = []
        for r in sub.head(TOP_ENTITIES).to_dict("records"):
            key = f"{r['canonical']}\x1f{label}"
            row = EntityRow(
                key,
                r["canonical"],
                label,
                anchor("ent", key),
                int(r["documents"]),
                int(r["mentions"]),
                day_of(r.get("first_published")),
                day_of(r.get("last_published")),
                str(r.get("country", "")),
                str(r.get("surface_forms", "")),
                listing(docs_of.get(key, []), DOCS_PER_LIST),
            )
            anchors[key] = row.anchor
            rows.append(row)
        labels.append(
            {
                "label": label,
                "name": LABEL_NAMES.get(label, label),
                "total": len(sub),
                "rows": rows,
                "peak": max((r.documents for r in rows), default=1),
                "has_country": any(r.country for r in rows),
            }
        )
    comention, pairs = _comentions(ents, summary, anchors)
    section = {
        "labels": labels,
        "comention": comention,
        "pairs": pairs,
        "speakers": speakers(ctx.tables),
        "has_country": any(r.country for g in labels for r in g["rows"]),
    }
    return section, anchors


def _docs_of(ctx: Context, ents: pd.DataFrame) -> dict[str, list[DocRef]]:
    """The documents of each entity key, those that mention it most first."""
    per_entity_docs = (
        ents.groupby(["key", "doc_id"])
        .size()
        .reset_index(name="n")
        .sort_values(["key", "n"], ascending=[True, False])
    )
    docs_of: dict[str, list[DocRef]] = defaultdict(list)
    for key, doc_id in zip(per_entity_docs["key"], per_entity_docs["doc_id"], strict=True):
        docs_of[key].append(ctx.refs[doc_id])
    return docs_of


def _summary(tables: RunTables, ents: pd.DataFrame) -> pd.DataFrame:
    """entity_summary when the run wrote it (joined on canonical and label), else from mentions."""
    computed = (
        ents.groupby(["canonical", "label"])
        .agg(documents=("doc_id", "nunique"), mentions=("doc_id", "size"))
        .reset_index()
    )
    table = tables.get("entity_summary")
    if table.empty or not {"canonical", "label"} <= set(table.columns):
        return computed
    extra = [
        c for c in ("first_published", "last_published", "surface_forms", "country") if c in table.columns
    ]
    return computed.merge(
        table[["canonical", "label", *extra]].drop_duplicates(["canonical", "label"]),
        on=["canonical", "label"],
        how="left",
    ).fillna({c: "" for c in ("surface_forms", "country")})


def _comentions(
    ents: pd.DataFrame, summary: pd.DataFrame, anchors: dict[str, str]
) -> tuple[Markup | None, list[dict[str, Any]]]:
    """Documents where two entities both appear: a heatmap of the top ones, a ranked list of pairs."""
    ranked = summary.sort_values(["documents", "mentions", "canonical"], ascending=[False, False, True])
    keys = [f"{c}\x1f{lab}" for c, lab in zip(ranked["canonical"], ranked["label"], strict=True)][:100]
    if len(keys) < 2:
        return None, []
    incidence = pd.crosstab(ents["doc_id"], ents["key"]).reindex(columns=keys, fill_value=0).clip(upper=1)
    x = incidence.to_numpy(dtype=np.int64)
    together = x.T @ x
    names = [k.split("\x1f")[0] for k in keys]
    labels = [k.split("\x1f")[1] for k in keys]
    pairs = []
    for i, j in zip(*np.triu_indices(len(keys), k=1), strict=True):
        if together[i, j]:
            pairs.append((int(together[i, j]), i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    shown_pairs = [
        {
            "a": names[i],
            "a_label": labels[i],
            "a_anchor": anchors.get(keys[i]),
            "b": names[j],
            "b_label": labels[j],
            "b_anchor": anchors.get(keys[j]),
            "documents": n,
        }
        for n, i, j in pairs[:COMENTION_PAIRS]
    ]
    top = min(COMENTION_TOP, len(keys))
    matrix = together[:top, :top].astype(float)
    np.fill_diagonal(matrix, 0)
    if not matrix.any():
        return None, shown_pairs
    tick = [f"{names[i]} ({labels[i]})" for i in range(top)]
    chart = charts.heatmap(
        matrix,
        tick,
        tick,
        prefix="c-comention",
        cmap="Purples",
        title=f"Documents mentioning both (the {top} entities found in most documents)",
        colorbar_label="documents in common",
    )
    return Markup(chart), shown_pairs


def speakers(tables: RunTables) -> list[tuple[str, int]]:
    """The 15 most quoted speakers (canonical name when the quotes table has one)."""
    quotes = tables.get("quotes")
    if quotes.empty:
        return []
    col = next((c for c in ("speaker_canonical", "speaker") if c in quotes.columns), None)
    if col is None:
        return []
    names = quotes[col].where(quotes[col] != "", quotes.get("speaker", ""))
    return [(str(k), int(v)) for k, v in Counter(n for n in names if n).most_common(15)]
