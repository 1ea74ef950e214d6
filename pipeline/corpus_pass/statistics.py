"""What a part of the corpus knows about the others: statistics of a part, merged in order.

Canonical names and keyphrase ranks depend on the other documents only through small, additive
statistics, so a part sends these and not its rows:

- canonical names: `canonical.unify_names` depends on a mention only through (text, canonical, label)
  and on corpus-wide counts, so a part sends its distinct triples with counts (in order of first
  occurrence), and the merged vocabulary -- names, not mentions -- goes once through that function,
  weighted by the counts;
- keyphrase ranks: they depend on the other documents only through the number of documents and each
  lemma's document frequency, which are sums over parts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from ..canonical import Gazetteer, unify_names

Triple = tuple[str, str | None, str]  # (text, per-document canonical, label) of a mention
_PAIR = pa.schema([("doc_id", pa.string()), ("lemma", pa.string())])


# ----------------------------------------------------------------------------- statistics of a part
@dataclass
class PartStats:
    """What the corpus pass needs to know about the other parts, for one part or merged ones."""

    triples: dict[Triple, int] = field(default_factory=dict)  # in order of first occurrence
    lemma_docs: Counter[str] = field(default_factory=Counter)  # lemma -> documents having it
    documents: int = 0  # documents with at least one keyphrase candidate

    @classmethod
    def of(cls, entities: pa.Table, candidates: pa.Table) -> PartStats:
        """`entities`: at least text, canonical, label; `candidates`: at least doc_id, lemma."""
        triples: dict[Triple, int] = {}
        for key in zip(
            *(entities.column(c).to_pylist() for c in ("text", "canonical", "label")), strict=True
        ):
            triples[key] = triples.get(key, 0) + 1
        # distinct (document, lemma) pairs, then documents per lemma: in Arrow, not a Python set of
        # millions of tuples
        keys = candidates.select(["doc_id", "lemma"]).cast(_PAIR)
        pairs = keys.group_by(["doc_id", "lemma"]).aggregate([])
        counted = pc.value_counts(pc.drop_null(pairs.column("lemma")))
        lemma_docs = Counter(
            dict(zip(counted.field("values").to_pylist(), counted.field("counts").to_pylist(), strict=True))
        )
        return cls(triples, lemma_docs, pc.count_distinct(keys.column("doc_id")).as_py())


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


@dataclass(frozen=True)
class CorpusFacts:
    """What the merged statistics decide for every part: corpus-wide canonical names and lemma
    document frequencies."""

    canonicals: dict[Triple, str]
    frequencies: DocumentFrequencies

    @classmethod
    def of(cls, stats: PartStats, gazetteer: Gazetteer) -> CorpusFacts:
        return cls(unify_vocabulary(stats.triples, gazetteer), DocumentFrequencies.of(stats))
