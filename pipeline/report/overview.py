"""The corpus at a glance: counts, documents per month and per source, skipped files, encoding repairs.

The first thing a reader checks is whether the run saw what it should have (every file, the right
period, the expected publishers, few repairs), so this section reports the input side of the run.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd
from markupsafe import Markup

from . import charts
from .common import Context, day_of, listing, month_bins, month_of

SKIPPED_ROWS = 100
TOP_SOURCES = 15
UNKNOWN = "(unknown)"


def glance(ctx: Context) -> dict[str, Any]:
    """The overview section's content (the template's `glance`)."""
    docs, ok, tables = ctx.docs, ctx.ok, ctx.tables
    published = ok["published"] if "published" in ok.columns else pd.Series([], dtype="datetime64[ns]")
    months = [m for m in map(month_of, published) if m]
    sources = Counter((str(s).strip() or UNKNOWN) for s in (ok["source"] if "source" in ok.columns else []))
    charts_ = {"months": _months_chart(months), "sources": _sources_chart(sources)}
    repairs: Counter[str] = Counter()
    for value in ok.get("repairs", pd.Series([], dtype=str)):
        for kind in str(value).split(","):
            if kind.strip():
                repairs[kind.strip()] += 1
    encodings = Counter(str(e) or UNKNOWN for e in ok.get("encoding", pd.Series([], dtype=str)))
    skipped = docs[docs["status"] != "ok"] if "status" in docs.columns else docs.iloc[0:0]
    skipped_rows = [
        {
            "path": str(r.get("path", "")) or str(r["doc_id"]),
            "status": str(r["status"]),
            "detail": str(r.get("status_detail", "")),
        }
        for r in skipped.to_dict("records")
    ]
    languages = (
        Counter(str(x) or UNKNOWN for x in ok["language"]).most_common() if "language" in ok.columns else []
    )
    pub_source = Counter(str(x) or "unknown" for x in ok.get("published_source", pd.Series([], dtype=str)))
    ents = tables.get("entities")
    return {
        "files": len(docs),
        "analysed": len(ok),
        "skipped": listing(skipped_rows, SKIPPED_ROWS),
        "skipped_by_status": Counter(r["status"] for r in skipped_rows).most_common(),
        "first": min(months) if months else "",
        "last": max(months) if months else "",
        "first_day": day_of(published.min()) if months else "",
        "last_day": day_of(published.max()) if months else "",
        "undated": int(len(ok) - len(months)),
        "published_source": pub_source.most_common(),
        "n_sources": len([s for s in sources if s != UNKNOWN]),
        "sources": sources.most_common(),
        "repaired": int(ok["repaired"].sum()) if "repaired" in ok.columns else 0,
        "repaired_chars": int(ok["repaired_chars"].sum()) if "repaired_chars" in ok.columns else 0,
        "repairs": repairs.most_common(),
        "encodings": encodings.most_common(),
        "bom": int(ok["had_bom"].sum()) if "had_bom" in ok.columns else 0,
        "languages": languages,
        "mentions": len(ents),
        "distinct_entities": len(tables.get("entity_summary"))
        if tables.has("entity_summary")
        else (ents["canonical"].nunique() if "canonical" in ents.columns else 0),
        "dates": len(tables.get("dates")),
        "quotes": len(tables.get("quotes")) if tables.has("quotes") else None,
        "contacts": len(tables.get("contacts")),
        "chars": int(ok["n_chars"].sum()) if "n_chars" in ok.columns else 0,
        "charts": charts_,
    }


def _months_chart(months: list[str]) -> Markup | None:
    """Documents per month (per quarter or year over long spans); None when no document is dated."""
    bins, key = month_bins(months)
    if not bins:
        return None
    per_bin = Counter(key[m] for m in months)
    return Markup(
        charts.bar_chart(
            bins,
            [per_bin[b] for b in bins],
            prefix="c-months",
            title="Documents per month of publication"
            if bins[0].count("-") == 1 and "Q" not in bins[0]
            else "Documents per period of publication",
            xlabel="documents",
        )
    )


def _sources_chart(sources: Counter[str]) -> Markup | None:
    """The TOP_SOURCES largest sources and the rest as one bar; None when no document names a source."""
    top_sources = sources.most_common(TOP_SOURCES)
    if len(sources) > TOP_SOURCES:
        top_sources.append(
            (
                f"{len(sources) - TOP_SOURCES} other sources",
                sum(sources.values()) - sum(v for _, v in top_sources),
            )
        )
    if not top_sources or (len(sources) == 1 and UNKNOWN in sources):
        return None
    labels, values = zip(*top_sources, strict=True)
    return Markup(
        charts.bar_chart(
            labels,
            values,
            prefix="c-sources",
            title="Documents per source",
            horizontal=True,
            xlabel="documents",
        )
    )
