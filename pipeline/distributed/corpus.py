"""The corpus pass over a partitioned dataset: statistics per part, merged, then applied per part.

`corpus_tables.build_corpus_tables` needs every row in one process. Here each corpus-wide quantity is
split into what a part can compute alone and a merge, so that only small summaries travel:

- canonical names: `canonical.unify_names` (which `unify_canonicals` runs on the mentions) depends on a
  mention only through (text, canonical, label) and on corpus-wide counts, so the parts send their
  distinct triples with counts (in order of first occurrence), and the merged vocabulary -- names, not
  mentions -- goes once through the same function, weighted by the counts;
- keyphrase ranks: `rank_keyphrases` depends on the other documents only through the number of
  documents and each lemma's document frequency, which are sums over parts;
- the entity summary: counts, date bounds and surface-form counts per canonical entity are sums, minima
  and maxima over parts (ties between surface forms are broken by first occurrence, a global row
  position = (part, row)); the country is `canonical.most_frequent` of the merged country counts.

Each function mirrors its single-process counterpart and tests/test_dask_engine.py checks that they give
the same results on the same rows, so the two engines cannot drift apart silently.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pyarrow as pa

from ..canonical import Gazetteer, clean_surface, most_frequent, unify_names
from ..keywords import rank_with_frequencies

Triple = tuple[str, str | None, str]  # (text, per-document canonical, label) of a mention
Position = tuple[int, int]  # (part, row): where a mention is in the concatenated table


# ----------------------------------------------------------------------------- statistics of a part
@dataclass
class PartStats:
    """What the corpus pass needs to know about the other parts, for one part or merged ones."""

    triples: dict[Triple, int] = field(default_factory=dict)  # in order of first occurrence
    lemma_docs: Counter[str] = field(default_factory=Counter)  # lemma -> documents having it
    documents: int = 0  # documents with at least one keyphrase candidate

    @classmethod
    def of(cls, entities: pa.Table, candidates: pa.Table) -> PartStats:
        triples: dict[Triple, int] = {}
        for key in zip(
            *(entities.column(c).to_pylist() for c in ("text", "canonical", "label")), strict=True
        ):
            triples[key] = triples.get(key, 0) + 1
        doc_ids, lemmas = candidates.column("doc_id").to_pylist(), candidates.column("lemma").to_pylist()
        pairs = {(str(d), lemma) for d, lemma in zip(doc_ids, lemmas, strict=True)}
        lemma_docs = Counter(lemma for _, lemma in pairs if lemma is not None)
        return cls(triples, lemma_docs, len({d for d, _ in pairs}))


def merge_stats(*parts: PartStats) -> PartStats:
    """Merge consecutive parts, in order (first occurrences stay first)."""
    out = PartStats()
    for part in parts:
        for key, n in part.triples.items():
            out.triples[key] = out.triples.get(key, 0) + n
        out.lemma_docs.update(part.lemma_docs)
        out.documents += part.documents
    return out


@dataclass(frozen=True)
class DocumentFrequencies:
    """Lemma document frequencies of the whole corpus; a lemma absent from `shared` is in one document."""

    documents: int
    shared: dict[str, int]

    @classmethod
    def of(cls, stats: PartStats) -> DocumentFrequencies:
        return cls(stats.documents, {lemma: n for lemma, n in stats.lemma_docs.items() if n > 1})

    def get(self, lemma: str) -> int:
        return self.shared.get(lemma, 1)


# ----------------------------------------------------------------------------- canonical names
def unify_vocabulary(triples: Mapping[Triple, int], gazetteer: Gazetteer) -> dict[Triple, str]:
    """`canonical.unify_names` on distinct triples weighted by their mention counts: the same names as
    `canonical.unify_canonicals` on the mentions, because `triples` is in order of first occurrence (the
    tie-break of a long form) and the other steps only count."""
    keys = list(triples)
    names = unify_names(
        [t for t, _, _ in keys],
        [c for _, c, _ in keys],
        [lab for _, _, lab in keys],
        [triples[k] for k in keys],
        gazetteer,
    )
    return dict(zip(keys, names, strict=True))


def apply_canonicals(entities: pa.Table, canonicals: Mapping[Triple, str]) -> pa.Table:
    """The part's entities with their corpus-wide canonical names."""
    keys = zip(*(entities.column(c).to_pylist() for c in ("text", "canonical", "label")), strict=True)
    column = pa.array([canonicals[k] for k in keys], type=pa.string())
    return entities.set_column(entities.schema.get_field_index("canonical"), "canonical", column)


# ----------------------------------------------------------------------------- keyphrases
def rank_keyphrases_with(
    candidates: pd.DataFrame, frequencies: DocumentFrequencies, top_k: int
) -> pd.DataFrame:
    """`keywords.rank_keyphrases` for some documents of a corpus whose document frequencies are given."""
    return rank_with_frequencies(candidates, frequencies.documents, frequencies.shared, top_k)


# ----------------------------------------------------------------------------- entity summary
@dataclass
class Tally:
    """One canonical entity in some parts: what `canonical.summarise_entities` reports, mergeable."""

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
        """The most frequent country code of the mentions, as `canonical.summarise_entities` picks it."""
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
