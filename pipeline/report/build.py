"""From the tables of a run to the report's content: plain dataclasses and dicts, then one Jinja template.

Everything taken from documents reaches the HTML through Jinja's autoescaping or displaCy's escaping
(plus markupsafe.escape for the attributes we add to displaCy's spans), never as raw markup.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import charts
from .data import RunTables, load_tables

TOP_ENTITIES = 20  # per label
DOCS_PER_LIST = 25  # documents listed under an entity or a theme before "and N more"
COMENTION_TOP = 20  # entities in the co-mention heatmap
COMENTION_PAIRS = 30
SIMILAR_PAIRS = 500
SKIPPED_ROWS = 100
TOP_SOURCES = 15
TOP_KEYWORDS = 40
MAX_TEXT_CHARS = 60_000  # a longer text is cut on its page (the file stays small; texts/ has it whole)
LABEL_NAMES = {"PER": "People", "ORG": "Organisations", "LOC": "Places", "MISC": "Other (events, laws, …)"}
SPAN_LABELS = ("PER", "ORG", "LOC", "MISC", "DATE")
UNKNOWN = "(unknown)"

# displaCy's entity template, shortened: classes instead of inline styles (1,000 pages must stay small),
# a link to the entity's entry when it has one, the canonical name or date value as a tooltip.
ENT_TEMPLATE = '<{tag} class="e e-{cls}"{attrs}>{text}<b>{label}</b></{tag}>'


def anchor(prefix: str, key: str) -> str:
    """An HTML id for a document or entity: readable, unique, safe in a URL fragment and a CSS selector."""
    if re.fullmatch(r"[A-Za-z0-9_-]{1,60}", key):
        return f"{prefix}-{key}"
    ascii_ = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_).strip("-").lower()[:40]
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{slug}-{digest}" if slug else f"{prefix}-{digest}"


def safe_url(url: str) -> str | None:
    """Only http(s) addresses become links: a javascript: or data: URL in front matter stays text."""
    return url if re.match(r"https?://[^\s\"'<>]+$", url.strip(), re.I) else None


def _month(value: Any) -> str | None:
    return None if value is None or pd.isna(value) else f"{value.year:04d}-{value.month:02d}"


def _day(value: Any) -> str:
    return "" if value is None or pd.isna(value) else value.strftime("%Y-%m-%d")


def month_bins(months: list[str]) -> tuple[list[str], dict[str, str]]:
    """Every month between the first and last (gaps included); quarters past 48 months, years past 120."""
    if not months:
        return [], {}
    first, last = min(months), max(months)
    y, m = int(first[:4]), int(first[5:7])
    every = []
    while f"{y:04d}-{m:02d}" <= last:
        every.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if len(every) <= 48:
        return every, {x: x for x in every}
    if len(every) <= 120:
        key = {x: f"{x[:4]}-Q{(int(x[5:7]) - 1) // 3 + 1}" for x in every}
    else:
        key = {x: x[:4] for x in every}
    return list(dict.fromkeys(key.values())), key


@dataclass
class DocRef:
    doc_id: str
    anchor: str
    title: str
    published: str = ""
    has_page: bool = True


@dataclass
class Listing:
    """A list cut to a readable length, with how many were left out."""

    items: list[Any]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def listing(items: list[Any], limit: int) -> Listing:
    return Listing(items[:limit], len(items))


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


class ReportBuilder:
    def __init__(self, tables: RunTables) -> None:
        self.t = tables
        docs = tables.get("documents")
        self.docs = docs
        self.ok = docs[docs["status"] == "ok"] if "status" in docs.columns else docs
        self.refs: dict[str, DocRef] = {}
        for row in docs.itertuples(index=False):
            doc_id = str(row.doc_id)
            title = str(getattr(row, "title", "") or "").strip() or doc_id
            status = str(getattr(row, "status", "ok"))
            self.refs[doc_id] = DocRef(
                doc_id, anchor("doc", doc_id), title, _day(getattr(row, "published", None)), status == "ok"
            )
        self.entity_anchor: dict[str, str] = {}

    # ------------------------------------------------------------------ sections
    def glance(self) -> dict[str, Any]:
        docs, ok = self.docs, self.ok
        published = ok["published"] if "published" in ok.columns else pd.Series([], dtype="datetime64[ns]")
        months = [m for m in map(_month, published) if m]
        bins, key = month_bins(months)
        per_bin = Counter(key[m] for m in months)
        charts_: dict[str, Markup | None] = {"months": None, "sources": None}
        if bins:
            charts_["months"] = Markup(
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
        sources = Counter(
            (str(s).strip() or UNKNOWN) for s in (ok["source"] if "source" in ok.columns else [])
        )
        top_sources = sources.most_common(TOP_SOURCES)
        if len(sources) > TOP_SOURCES:
            top_sources.append(
                (
                    f"{len(sources) - TOP_SOURCES} other sources",
                    sum(sources.values()) - sum(v for _, v in top_sources),
                )
            )
        if top_sources and not (len(sources) == 1 and UNKNOWN in sources):
            labels, values = zip(*top_sources, strict=True)
            charts_["sources"] = Markup(
                charts.bar_chart(
                    labels,
                    values,
                    prefix="c-sources",
                    title="Documents per source",
                    horizontal=True,
                    xlabel="documents",
                )
            )
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
            Counter(str(x) or UNKNOWN for x in ok["language"]).most_common()
            if "language" in ok.columns
            else []
        )
        pub_source = Counter(
            str(x) or "unknown" for x in ok.get("published_source", pd.Series([], dtype=str))
        )
        ents = self.t.get("entities")
        return {
            "files": len(docs),
            "analysed": len(ok),
            "skipped": listing(skipped_rows, SKIPPED_ROWS),
            "skipped_by_status": Counter(r["status"] for r in skipped_rows).most_common(),
            "first": min(months) if months else "",
            "last": max(months) if months else "",
            "first_day": _day(published.min()) if months else "",
            "last_day": _day(published.max()) if months else "",
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
            "distinct_entities": len(self.t.get("entity_summary"))
            if self.t.has("entity_summary")
            else (ents["canonical"].nunique() if "canonical" in ents.columns else 0),
            "dates": len(self.t.get("dates")),
            "quotes": len(self.t.get("quotes")) if self.t.has("quotes") else None,
            "contacts": len(self.t.get("contacts")),
            "chars": int(ok["n_chars"].sum()) if "n_chars" in ok.columns else 0,
            "charts": charts_,
        }

    def themes(self) -> dict[str, Any]:
        themes = self.t.get("themes")
        if themes.empty or "theme" not in themes.columns:
            return {"rows": [], "chart": None, "keywords": self.top_keywords()}
        themes = themes[themes["doc_id"].isin(self.refs)]
        label_of = (
            {r.theme: (r.label or r.theme) for r in themes.itertuples()} if "label" in themes.columns else {}
        )
        month_of = {
            d: _month(v) for d, v in zip(self.ok["doc_id"], self.ok.get("published", []), strict=False)
        }
        months = [m for m in month_of.values() if m]
        bins, key = month_bins(months)
        order = themes.groupby("theme")["doc_id"].nunique().sort_values(ascending=False)
        rows = []
        for theme, n in order.items():
            sub = themes[themes["theme"] == theme].sort_values("score", ascending=False)
            refs = [self.refs[d] for d in sub["doc_id"] if d in self.refs]
            rows.append(
                {
                    "theme": theme,
                    "label": label_of.get(theme, theme),
                    "documents": int(n),
                    "docs": listing(refs, DOCS_PER_LIST),
                }
            )
        chart = None
        if rows:
            cols = [*bins, "undated"] if any(m is None for m in month_of.values()) else list(bins)
            index = {c: i for i, c in enumerate(cols)}
            matrix = np.zeros((len(rows), len(cols)))
            for i, row in enumerate(rows):
                for doc_id in set(themes.loc[themes["theme"] == row["theme"], "doc_id"]):
                    m = month_of.get(doc_id)
                    matrix[i, index[key[m] if m else "undated"]] += 1
            chart = Markup(
                charts.heatmap(
                    matrix,
                    [f"{r['label']} ({r['documents']})" for r in rows],
                    cols,
                    prefix="c-themes",
                    title="Documents per theme and month of publication",
                    colorbar_label="documents",
                )
            )
        return {"rows": rows, "chart": chart, "keywords": self.top_keywords()}

    def top_keywords(self) -> list[tuple[str, int]]:
        """Keyphrases in the most documents (compared on the lemma, shown in their most common form)."""
        kw = self.t.get("keywords")
        if kw.empty or "keyword" not in kw.columns:
            return []
        col = "lemma" if "lemma" in kw.columns else "keyword"
        docs: dict[str, set[str]] = defaultdict(set)
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        for doc_id, lemma, keyword in zip(kw["doc_id"], kw[col], kw["keyword"], strict=True):
            if lemma:
                docs[lemma].add(doc_id)
                forms[lemma][keyword.lower()] += 1
        ranked = sorted(docs, key=lambda k: (-len(docs[k]), k))[:TOP_KEYWORDS]
        return [(forms[k].most_common(1)[0][0], len(docs[k])) for k in ranked]

    def entities(self) -> dict[str, Any]:
        ents = self.t.get("entities")
        if ents.empty or "canonical" not in ents.columns:
            return {"labels": [], "comention": None, "pairs": [], "speakers": self.speakers()}
        ents = ents[ents["doc_id"].isin(self.refs)].copy()
        ents["canonical"] = ents["canonical"].where(ents["canonical"] != "", ents.get("text", ""))
        ents["key"] = ents["canonical"] + "\x1f" + ents["label"]
        summary = self._summary(ents)
        per_entity_docs = (
            ents.groupby(["key", "doc_id"])
            .size()
            .reset_index(name="n")
            .sort_values(["key", "n"], ascending=[True, False])
        )
        docs_of: dict[str, list[DocRef]] = defaultdict(list)
        for key, doc_id in zip(per_entity_docs["key"], per_entity_docs["doc_id"], strict=True):
            docs_of[key].append(self.refs[doc_id])
        labels = []
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
                    _day(r.get("first_published")),
                    _day(r.get("last_published")),
                    str(r.get("country", "")),
                    str(r.get("surface_forms", "")),
                    listing(docs_of.get(key, []), DOCS_PER_LIST),
                )
                self.entity_anchor[key] = row.anchor
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
        comention, pairs = self._comentions(ents, summary)
        return {
            "labels": labels,
            "comention": comention,
            "pairs": pairs,
            "speakers": self.speakers(),
            "has_country": any(r.country for g in labels for r in g["rows"]),
        }

    def _summary(self, ents: pd.DataFrame) -> pd.DataFrame:
        """entity_summary when the run wrote it (joined on canonical and label), else from mentions."""
        computed = (
            ents.groupby(["canonical", "label"])
            .agg(documents=("doc_id", "nunique"), mentions=("doc_id", "size"))
            .reset_index()
        )
        table = self.t.get("entity_summary")
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
        self, ents: pd.DataFrame, summary: pd.DataFrame
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
                "a_anchor": self.entity_anchor.get(keys[i]),
                "b": names[j],
                "b_label": labels[j],
                "b_anchor": self.entity_anchor.get(keys[j]),
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

    def speakers(self) -> list[tuple[str, int]]:
        quotes = self.t.get("quotes")
        if quotes.empty:
            return []
        col = next((c for c in ("speaker_canonical", "speaker") if c in quotes.columns), None)
        if col is None:
            return []
        names = quotes[col].where(quotes[col] != "", quotes.get("speaker", ""))
        return [(str(k), int(v)) for k, v in Counter(n for n in names if n).most_common(15)]

    def similarity(self) -> list[dict[str, Any]]:
        sim = self.t.get("similar_documents")
        if sim.empty or "similar_doc_id" not in sim.columns:
            return []
        th = self.t.get("themes")
        label = (
            dict(zip(th["theme"], th["label"], strict=True)) if {"theme", "label"} <= set(th.columns) else {}
        )
        best: dict[tuple[str, str], dict[str, Any]] = {}
        for r in sim.to_dict("records"):
            a, b = str(r["doc_id"]), str(r["similar_doc_id"])
            if a == b or a not in self.refs or b not in self.refs:
                continue
            pair = (a, b) if a < b else (b, a)
            if pair not in best or r["score"] > best[pair]["score"]:
                best[pair] = {
                    "a": self.refs[pair[0]],
                    "b": self.refs[pair[1]],
                    "score": float(r["score"]),
                    "themes": [label.get(t) or t for t in _split(r.get("shared_themes", ""))],
                    "keywords": _split(r.get("shared_keywords", "")),
                    "entities": _split(r.get("shared_entities", "")),
                }
        rows = sorted(best.values(), key=lambda x: (-x["score"], x["a"].doc_id, x["b"].doc_id))
        return rows[:SIMILAR_PAIRS] if rows else []

    # ------------------------------------------------------------------ document pages
    def pages(self) -> list[DocPage]:
        names = ("entities", "dates", "keywords", "themes", "similar_documents", "quotes", "contacts")
        by_doc = {name: _group(self.t.get(name)) for name in names}
        th = self.t.get("themes")
        theme_label = dict(zip(th["theme"], th["label"], strict=True)) if "label" in th.columns else {}
        pages = []
        for row in self.ok.to_dict("records"):
            doc_id = str(row["doc_id"])
            text = self.t.text(doc_id)
            ents, dates = by_doc["entities"].get(doc_id, []), by_doc["dates"].get(doc_id, [])
            markup, truncated = (None, 0) if text is None else self.highlight(text, ents, dates)
            themes = sorted(by_doc["themes"].get(doc_id, []), key=lambda r: -float(r.get("score", 0)))
            kws = sorted(by_doc["keywords"].get(doc_id, []), key=lambda r: r.get("rank", 0))
            sims = sorted(by_doc["similar_documents"].get(doc_id, []), key=lambda r: r.get("rank", 0))
            quotes = sorted(by_doc["quotes"].get(doc_id, []), key=lambda r: r.get("start", 0))
            url = str(row.get("url", ""))
            pages.append(
                DocPage(
                    ref=self.refs[doc_id],
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
                            "label": str(r.get("label") or theme_label.get(r["theme"], r["theme"])),
                            "score": float(r.get("score", 0)),
                            "evidence": str(r.get("evidence", "")),
                        }
                        for r in themes
                    ],
                    keywords=[str(r.get("keyword", "")) for r in kws],
                    similar=[
                        {"ref": self.refs[str(r["similar_doc_id"])], "score": float(r.get("score", 0))}
                        for r in sims
                        if str(r.get("similar_doc_id")) in self.refs
                    ],
                    entities=self._doc_entities(ents),
                    dates=[
                        {"text": str(r.get("text", "")), "value": _date_value(r)}
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
        for before, after in zip(pages, pages[1:], strict=False):
            before.next, after.prev = after.ref, before.ref
        return pages

    def _doc_entities(self, ents: list[dict[str, Any]]) -> list[dict[str, Any]]:
        counts = Counter((r.get("canonical") or r.get("text", ""), str(r.get("label", ""))) for r in ents)
        return [
            {"canonical": c, "label": lab, "n": n, "anchor": self.entity_anchor.get(f"{c}\x1f{lab}")}
            for (c, lab), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]

    def highlight(
        self, text: str, ents: list[dict[str, Any]], dates: list[dict[str, Any]]
    ) -> tuple[Markup, int]:
        """The analysed text with entity and date spans, rendered by displaCy in manual mode."""
        from spacy import displacy

        truncated = max(0, len(text) - MAX_TEXT_CHARS)
        text = text[:MAX_TEXT_CHARS]
        spans: list[dict[str, Any]] = []
        for r in ents:
            canonical = r.get("canonical") or r.get("text", "")
            key = f"{canonical}\x1f{r['label']}"
            tip = canonical + (f" · {r['role']}" if r.get("role") else "")
            spans.append(self._span(r, str(r["label"]), tip, self.entity_anchor.get(key)))
        for r in dates:
            spans.append(self._span(r, "DATE", _date_value(r), None))
        spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
        spans.sort(key=lambda s: (s["start"], -(s["end"] - s["start"])))
        kept: list[dict[str, Any]] = []
        for s in spans:  # displaCy's ent style cannot nest: the earlier, longer span wins
            if not kept or s["start"] >= kept[-1]["end"]:
                kept.append(s)
        html = displacy.render(
            {"text": text, "ents": kept, "title": None},
            style="ent",
            manual=True,
            page=False,
            jupyter=False,
            options={"template": ENT_TEMPLATE},
        )
        return Markup(html.strip()), truncated

    @staticmethod
    def _span(r: dict[str, Any], label: str, tip: str, href: str | None) -> dict[str, Any]:
        cls = label if label in SPAN_LABELS else "OTHER"
        attrs = f' title="{escape(tip)}"' + (f' href="#{escape(href)}"' if href else "")
        return {
            "start": int(r["start"]),
            "end": int(r["end"]),
            "label": re.sub(r"[^A-Za-z0-9_]", "", label)[:12] or "X",
            "params": {"tag": "a" if href else "mark", "cls": cls, "attrs": attrs},
        }


def _date_value(r: dict[str, Any]) -> str:
    value = str(r.get("value", ""))
    if r.get("end_value"):
        value += f" → {r['end_value']}"
    if r.get("mod"):
        value += f" ({r['mod']})"
    return value


def _split(value: Any) -> list[str]:
    return [x.strip() for x in str(value or "").split(";") if x.strip()]


def _group(frame: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """Rows per document as plain dicts (per-row pandas access is too slow for 1,000 pages)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not frame.empty and "doc_id" in frame.columns:
        for row in frame.to_dict("records"):
            groups[str(row["doc_id"])].append(row)
    return groups


PAGES_ID = "report-pages"
_PAGES = re.compile(
    rf'<script type="application/octet-stream" id="{PAGES_ID}"[^>]*>([A-Za-z0-9+/=\s]*)</script>'
)


def pack_pages(pages: dict[str, str]) -> str:
    """Document pages {id: markup} as gzip-compressed JSON in base64: inert, ASCII, a third of the size.

    Base64 cannot close the <script> block that holds it, whatever the documents contain.
    """
    raw = json.dumps(pages, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")


def read_pages(html: str) -> dict[str, str]:
    """The document pages of a report, {page id: markup} (what the page's script unpacks)."""
    match = _PAGES.search(html)
    if match is None:
        return {}
    return dict(json.loads(gzip.decompress(base64.b64decode(match.group(1)))))


def _asset(name: str) -> str:
    return resources.files("pipeline.report").joinpath("templates", name).read_text(encoding="utf-8")


def render(out_dir: Path) -> str:
    """The whole report as one HTML string."""
    tables = load_tables(out_dir)
    builder = ReportBuilder(tables)
    glance = builder.glance()
    themes = builder.themes()
    entities = builder.entities()  # before pages(): fills the entity anchors the pages link to
    similar = builder.similarity()
    pages = builder.pages()
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    env = Environment(
        loader=PackageLoader("pipeline.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = lambda v: f"{int(v):,}".replace(",", "\u202f")
    page = env.get_template("page.html.j2")
    limits = {
        "docs_per_list": DOCS_PER_LIST,
        "similar": SIMILAR_PAIRS,
        "top": TOP_ENTITIES,
        "max_text": MAX_TEXT_CHARS,
    }
    blob = pack_pages({p.ref.anchor: page.render(p=p, limits=limits).strip() for p in pages})
    template = env.get_template("report.html.j2")
    return template.render(
        out_dir=str(out_dir),
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        glance=glance,
        themes=themes,
        entities=entities,
        similar=similar,
        pages_blob=blob,
        index_rows=_index_rows(builder, pages),
        css=Markup(_asset("report.css")),
        script=Markup(script),
        script_hash=digest,
        limits=limits,
    )


def _index_rows(builder: ReportBuilder, pages: list[DocPage]) -> list[dict[str, Any]]:
    by_id = {p.ref.doc_id: p for p in pages}
    rows = []
    for row in builder.docs.to_dict("records"):
        doc_id = str(row["doc_id"])
        page = by_id.get(doc_id)
        rows.append(
            {
                "ref": builder.refs[doc_id],
                "source": str(row.get("source", "")),
                "status": str(row.get("status", "ok")),
                "entities": sum(e["n"] for e in page.entities) if page else 0,
                "themes": ", ".join(t["label"] for t in page.themes[:3]) if page else "",
                "page": page is not None,
            }
        )
    return rows
