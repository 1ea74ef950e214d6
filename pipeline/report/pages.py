"""A page per analysed document (its metadata, themes, keywords, similar documents, entities, dates,
quotes, contacts and highlighted text) and the rows of the documents index that links to them.

The rows of every table are grouped per document once, as plain dicts: per-row pandas access is too
slow for 1,000 pages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import pandas as pd
from markupsafe import Markup

from .common import Context, DocRef, date_value, safe_url
from .highlight import highlight


@dataclass
class DocPage:
    ref: DocRef
    source: str
    url: str
    link: str | None
    path: str
    encoding: str
    repairs: str
    language: str
    published_source: str
    n_chars: int
    themes: list[dict[str, Any]]
    keywords: list[str]
    similar: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    dates: list[dict[str, str]]
    quotes: list[dict[str, str]]
    contacts: list[dict[str, str]]
    markup: Markup | None
    truncated: int
    prev: DocRef | None = None
    next: DocRef | None = None


def pages(ctx: Context, anchors: dict[str, str]) -> list[DocPage]:
    """The pages in documents-table order, each linked to the previous and next one.

    `anchors` ({entity key: id}, from the entities section) decides which mentions link to an entry.
    """
    names = ("entities", "dates", "keywords", "themes", "similar_documents", "quotes", "contacts")
    by_doc = {name: _group(ctx.tables.get(name)) for name in names}
    th = ctx.tables.get("themes")
    theme_label = dict(zip(th["theme"], th["label"], strict=True)) if "label" in th.columns else {}
    refs = ctx.refs
    result = []
    for row in ctx.ok.to_dict("records"):
        doc_id = str(row["doc_id"])
        text = ctx.tables.text(doc_id)
        ents, dates = by_doc["entities"].get(doc_id, []), by_doc["dates"].get(doc_id, [])
        markup, truncated = (None, 0) if text is None else highlight(text, ents, dates, anchors)
        themes = sorted(  # level-1 subjects first, each level by score
            by_doc["themes"].get(doc_id, []),
            key=lambda r: (int(r.get("level") or 2), -float(r.get("score", 0))),
        )
        kws = sorted(by_doc["keywords"].get(doc_id, []), key=lambda r: r.get("rank", 0))
        sims = sorted(by_doc["similar_documents"].get(doc_id, []), key=lambda r: r.get("rank", 0))
        quotes = sorted(by_doc["quotes"].get(doc_id, []), key=lambda r: r.get("start", 0))
        url = str(row.get("url", ""))
        result.append(
            DocPage(
                ref=refs[doc_id],
                source=str(row.get("source", "")),
                url=url,
                link=safe_url(url),
                path=str(row.get("path", "")),
                encoding=str(row.get("encoding", "")),
                repairs=str(row.get("repairs", "")),
                language=str(row.get("language", "")),
                published_source=str(row.get("published_source", "")),
                n_chars=int(row.get("n_chars", 0) or 0),
                themes=[
                    {
                        "label": str(r.get("label") or theme_label.get(r["theme"], r["theme"]))
                        + (" (weak)" if r.get("weak") in (True,) else ""),
                        "score": float(r.get("score", 0)),
                        "evidence": str(r.get("evidence", "")),
                    }
                    for r in themes
                ],
                keywords=[str(r.get("keyword", "")) for r in kws],
                similar=[
                    {"ref": refs[str(r["similar_doc_id"])], "score": float(r.get("score", 0))}
                    for r in sims
                    if str(r.get("similar_doc_id")) in refs
                ],
                entities=_doc_entities(ents, anchors),
                dates=[
                    {"text": str(r.get("text", "")), "value": date_value(r)}
                    for r in sorted(dates, key=lambda r: r.get("start", 0))
                ],
                quotes=[
                    {
                        "text": str(r.get("text", "")),
                        "speaker": str(r.get("speaker", "") or r.get("speaker_canonical", "")),
                    }
                    for r in quotes
                ],
                contacts=[
                    {"text": str(r.get("text", "")), "kind": str(r.get("kind", ""))}
                    for r in by_doc["contacts"].get(doc_id, [])
                ],
                markup=markup,
                truncated=truncated,
            )
        )
    for before, after in zip(result, result[1:], strict=False):
        before.next, after.prev = after.ref, before.ref
    return result


def index_rows(ctx: Context, pages: list[DocPage]) -> list[dict[str, Any]]:
    """One row per file of the run (skipped ones too) for the documents index."""
    by_id = {p.ref.doc_id: p for p in pages}
    rows = []
    for row in ctx.docs.to_dict("records"):
        doc_id = str(row["doc_id"])
        page = by_id.get(doc_id)
        rows.append(
            {
                "ref": ctx.refs[doc_id],
                "source": str(row.get("source", "")),
                "status": str(row.get("status", "ok")),
                "entities": sum(e["n"] for e in page.entities) if page else 0,
                "themes": ", ".join(t["label"] for t in page.themes[:3]) if page else "",
                "page": page is not None,
            }
        )
    return rows


def _doc_entities(ents: list[dict[str, Any]], anchors: dict[str, str]) -> list[dict[str, Any]]:
    """A document's entities, most mentioned first, each with its entry's anchor when it has one."""
    counts = Counter((r.get("canonical") or r.get("text", ""), str(r.get("label", ""))) for r in ents)
    return [
        {"canonical": c, "label": lab, "n": n, "anchor": anchors.get(f"{c}\x1f{lab}")}
        for (c, lab), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _group(frame: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """Rows per document as plain dicts."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not frame.empty and "doc_id" in frame.columns:
        for row in frame.to_dict("records"):
            groups[str(row["doc_id"])].append(row)
    return groups
