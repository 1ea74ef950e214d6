"""Themes over time (documents per theme per month, the documents of each theme) and the top keyphrases.

Themes are shown by level 1 (the subjects) with level 2 inside: each subject's row is followed by the
rows of its level-2 themes.

Both answer "what is the corpus about": themes are the fixed taxonomy, keyphrases what the documents
themselves repeat, so they share one section of the report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import numpy as np
import pandas as pd
from markupsafe import Markup

from . import charts
from .common import DOCS_PER_LIST, Context, listing, month_bins, month_of
from .data import RunTables

TOP_KEYWORDS = 40


def themes(ctx: Context) -> dict[str, Any]:
    """The themes section's content (the template's `themes`)."""
    themes = ctx.tables.get("themes")
    if themes.empty or "theme" not in themes.columns:
        return {"rows": [], "chart": None, "keywords": top_keywords(ctx.tables)}
    themes = themes[themes["doc_id"].isin(ctx.refs)]
    label_of = (
        {r.theme: (r.label or r.theme) for r in themes.itertuples()} if "label" in themes.columns else {}
    )
    doc_month = {d: month_of(v) for d, v in zip(ctx.ok["doc_id"], ctx.ok.get("published", []), strict=False)}
    rows = []
    for theme, n, level in _ordered(themes):
        sub = themes[themes["theme"] == theme].sort_values("score", ascending=False)
        refs = [ctx.refs[d] for d in sub["doc_id"] if d in ctx.refs]
        rows.append(
            {
                "theme": theme,
                "label": label_of.get(theme, theme),
                "level": level,
                "documents": int(n),
                "docs": listing(refs, DOCS_PER_LIST),
            }
        )
    chart = _chart(themes, rows, doc_month) if rows else None
    return {"rows": rows, "chart": chart, "keywords": top_keywords(ctx.tables)}


def _ordered(themes: pd.DataFrame) -> list[tuple[str, int, int]]:
    """(theme, documents, level) by level 1 with level 2 inside: each level-1 subject (most documents
    first) followed by its level-2 themes, then the level-2 themes whose parent no document has (or
    every theme, for a one-level taxonomy or a run without levels)."""
    counts = themes.groupby("theme")["doc_id"].nunique().sort_values(ascending=False, kind="stable")
    if "level" not in themes.columns or "parent" not in themes.columns:
        return [(t, int(n), 2) for t, n in counts.items()]
    first = themes.drop_duplicates("theme").set_index("theme")
    level = {t: int(first.at[t, "level"]) for t in counts.index}
    parent = {t: str(first.at[t, "parent"] or "") for t in counts.index}
    out: list[tuple[str, int, int]] = []
    for subject in (t for t in counts.index if level[t] == 1):
        out.append((subject, int(counts[subject]), 1))
        out += [(t, int(counts[t]), 2) for t in counts.index if level[t] == 2 and parent[t] == subject]
    placed = {t for t, _, _ in out}
    return out + [(t, int(counts[t]), 2) for t in counts.index if t not in placed]


def _chart(themes: pd.DataFrame, rows: list[dict[str, Any]], doc_month: dict[str, str | None]) -> Markup:
    """A heatmap of documents per theme (rows) and month (columns), with an "undated" column if needed."""
    months = [m for m in doc_month.values() if m]
    bins, key = month_bins(months)
    cols = [*bins, "undated"] if any(m is None for m in doc_month.values()) else list(bins)
    index = {c: i for i, c in enumerate(cols)}
    matrix = np.zeros((len(rows), len(cols)))
    for i, row in enumerate(rows):
        for doc_id in set(themes.loc[themes["theme"] == row["theme"], "doc_id"]):
            m = doc_month.get(doc_id)
            matrix[i, index[key[m] if m else "undated"]] += 1
    return Markup(
        charts.heatmap(
            matrix,
            [_row_label(r) for r in rows],
            cols,
            prefix="c-themes",
            title="Documents per subject (level 1, with its level-2 themes below it) and month",
            colorbar_label="documents",
        )
    )


def _row_label(row: dict[str, Any]) -> str:
    """A chart row: subjects flush left, their level-2 themes indented under them."""
    text = f"{row['label']} ({row['documents']})"
    return text if row.get("level", 2) == 1 else f"   · {text}"


def top_keywords(tables: RunTables) -> list[tuple[str, int]]:
    """Keyphrases in the most documents (compared on the lemma, shown in their most common form as
    written: names keep their capitals)."""
    kw = tables.get("keywords")
    if kw.empty or "keyword" not in kw.columns:
        return []
    col = "lemma" if "lemma" in kw.columns else "keyword"
    docs: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for doc_id, lemma, keyword in zip(kw["doc_id"], kw[col], kw["keyword"], strict=True):
        if lemma:
            docs[lemma].add(doc_id)
            forms[lemma][keyword] += 1
    ranked = sorted(docs, key=lambda k: (-len(docs[k]), k))[:TOP_KEYWORDS]
    return [(forms[k].most_common(1)[0][0], len(docs[k])) for k in ranked]
