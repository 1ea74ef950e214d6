"""What every section of the report shares: the run's documents as references, anchors, cut lists, months.

Each section module (overview, themes, entities, similar, pages) is a function of one `Context`, so the
sections can be read, tested and changed one at a time; this module holds only what two or more need.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .data import RunTables

DOCS_PER_LIST = 25  # documents listed under an entity or a theme before "and N more"


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


def month_of(value: Any) -> str | None:
    """The month of a timestamp, "YYYY-MM", None when it is missing (NaT)."""
    return None if value is None or pd.isna(value) else f"{value.year:04d}-{value.month:02d}"


def day_of(value: Any) -> str:
    """The day of a timestamp, "YYYY-MM-DD", "" when it is missing (NaT)."""
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


def date_value(r: dict[str, Any]) -> str:
    """A dates row as shown on a page and in a highlight's tooltip: value, interval end, modifier."""
    value = str(r.get("value", ""))
    if r.get("end_value"):
        value += f" → {r['end_value']}"
    if r.get("mod"):
        value += f" ({r['mod']})"
    return value


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
class Context:
    """The run's tables plus what every section looks up: the analysed documents and a DocRef per id."""

    tables: RunTables
    docs: pd.DataFrame  # every file of the run, skipped ones included
    ok: pd.DataFrame  # the documents that were analysed
    refs: dict[str, DocRef]

    @classmethod
    def of(cls, tables: RunTables) -> Context:
        docs = tables.get("documents")
        ok = docs[docs["status"] == "ok"] if "status" in docs.columns else docs
        refs: dict[str, DocRef] = {}
        for row in docs.itertuples(index=False):
            doc_id = str(row.doc_id)
            title = str(getattr(row, "title", "") or "").strip() or doc_id
            status = str(getattr(row, "status", "ok"))
            refs[doc_id] = DocRef(
                doc_id, anchor("doc", doc_id), title, day_of(getattr(row, "published", None)), status == "ok"
            )
        return cls(tables, docs, ok, refs)
