"""The entity summary, mergeable: per canonical entity, counts, date bounds and surface-form counts are
sums, minima and maxima over parts; ties between surface forms go to the first occurrence, a global row
position (part, row); the country is `canonical.most_frequent` of the merged country counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from ..canonical import clean_surface, most_frequent
from ..tables import ENTITY_SUMMARY, conform, to_table

Position = tuple[int, int]  # (part, row): where a mention is in the concatenated table


@dataclass
class Tally:
    """One canonical entity in some parts: its row of the entity summary, mergeable."""

    documents: int = 0
    mentions: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    forms: dict[str, tuple[int, Position]] = field(default_factory=dict)  # form -> (count, first seen)
    countries: Counter[str] = field(default_factory=Counter)  # the mentions' country codes

    def add(self, other: Tally) -> None:
        self.documents += other.documents
        self.mentions += other.mentions
        self.first = _bound(min, self.first, other.first)
        self.last = _bound(max, self.last, other.last)
        for form, (n, pos) in other.forms.items():
            mine = self.forms.get(form)
            self.forms[form] = (n, pos) if mine is None else (mine[0] + n, min(mine[1], pos))
        self.countries.update(other.countries)

    @property
    def country(self) -> str | None:
        """The most frequent country code of the mentions, the smallest on ties."""
        return most_frequent(self.countries)


def _bound(pick: Any, a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else pick(a, b)


Tallies = dict[tuple[str, str], Tally]


def tally_entities(part: int, entities: pa.Table, published: Mapping[str, dt.date | None]) -> Tallies:
    """The part's contribution to the entity summary; `entities` in the part's original row order."""
    tallies: Tallies = {}
    seen_docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    names = ("doc_id", "text", "canonical", "label")
    columns = [entities.column(c).to_pylist() for c in names]
    columns.append(
        entities.column("country").to_pylist()
        if "country" in entities.column_names
        else [None] * len(entities)
    )
    for row, (doc_id, text, canonical, label, country) in enumerate(zip(*columns, strict=True)):
        key = (canonical, label)
        tally = tallies.setdefault(key, Tally())
        tally.mentions += 1
        if doc_id not in seen_docs[key]:
            seen_docs[key].add(doc_id)
            tally.documents += 1
            date = published.get(doc_id)
            tally.first = _bound(min, tally.first, date)
            tally.last = _bound(max, tally.last, date)
        form = clean_surface(text)
        n, pos = tally.forms.get(form, (0, (part, row)))
        tally.forms[form] = (n + 1, pos)
        if country is not None:
            tally.countries[country] += 1
    return tallies


def merge_tallies(*parts: Tallies) -> Tallies:
    out: Tallies = {}
    for tallies in parts:
        for key, tally in tallies.items():
            out.setdefault(key, Tally()).add(tally)
    return out


def summary_rows(tallies: Tallies) -> Iterable[dict[str, Any]]:
    for (canonical, label), t in tallies.items():
        yield {
            "canonical": canonical,
            "label": label,
            "documents": t.documents,
            "mentions": t.mentions,
            "first_published": t.first,
            "last_published": t.last,
            "surface_forms": "; ".join(sorted(t.forms, key=lambda f: (-t.forms[f][0], t.forms[f][1]))),
            "country": t.country,
        }


def entity_summary(tallies: Tallies) -> pa.Table:
    """The entity_summary table of the merged tallies, in the table's row order."""
    return conform(ENTITY_SUMMARY, to_table(ENTITY_SUMMARY, summary_rows(tallies)))
