"""Similar documents: one ranked list of document pairs with what they share.

The similar_documents table gives each document its nearest neighbours, so a pair can appear from both
sides; the report shows each pair once, with its best score.
"""

from __future__ import annotations

from typing import Any

from .common import Context

SIMILAR_PAIRS = 500


def similarity(ctx: Context) -> list[dict[str, Any]]:
    """The similar section's content: at most SIMILAR_PAIRS pairs, best score first."""
    sim = ctx.tables.get("similar_documents")
    if sim.empty or "similar_doc_id" not in sim.columns:
        return []
    th = ctx.tables.get("themes")
    label = dict(zip(th["theme"], th["label"], strict=True)) if {"theme", "label"} <= set(th.columns) else {}
    refs = ctx.refs
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for r in sim.to_dict("records"):
        a, b = str(r["doc_id"]), str(r["similar_doc_id"])
        if a == b or a not in refs or b not in refs:
            continue
        pair = (a, b) if a < b else (b, a)
        if pair not in best or r["score"] > best[pair]["score"]:
            best[pair] = {
                "a": refs[pair[0]],
                "b": refs[pair[1]],
                "score": float(r["score"]),
                "themes": [label.get(t) or t for t in _split(r.get("shared_themes", ""))],
                "keywords": _split(r.get("shared_keywords", "")),
                "entities": _split(r.get("shared_entities", "")),
            }
    rows = sorted(best.values(), key=lambda x: (-x["score"], x["a"].doc_id, x["b"].doc_id))
    return rows[:SIMILAR_PAIRS] if rows else []


def _split(value: Any) -> list[str]:
    """A "; "-joined cell of the table as a list ("" gives [])."""
    return [x.strip() for x in str(value or "").split(";") if x.strip()]
