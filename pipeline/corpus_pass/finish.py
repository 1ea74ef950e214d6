"""Applying the corpus facts to one part: each extractor's corpus function (registry.EXTRACTORS) gives
its final table (entities and quotes with corpus-wide canonical names, keywords ranked with corpus
document frequencies), and the part's share of the entity summary is tallied."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from ..registry import EXTRACTORS, PartTables
from ..tables import ENTITIES, conform
from .statistics import CorpusFacts
from .summary import Tallies, merge_tallies, tally_entities


@dataclass
class FinishedPart:
    """The tables `finish_part` made (None in a merged report, whose tables stay with their parts),
    their row counts and the entity-summary tallies, for one part or merged ones."""

    tables: dict[str, pa.Table] | None
    rows: dict[str, int]
    tallies: Tallies


def finish_part(
    part: int, raw: dict[str, pa.Table], documents: pa.Table, facts: CorpusFacts, top_k: int
) -> FinishedPart:
    """The part's final tables: each extractor's corpus function (registry.EXTRACTORS, in order) on the
    part's per-document tables `raw`; `documents` holds at least doc_id and published."""
    state = PartTables(raw, {}, facts, top_k)
    tables = {}
    for extractor in EXTRACTORS:
        if extractor.finish is not None:
            spec = extractor.finished or extractor.table
            state.final[spec.name] = extractor.finish(state)
            tables[spec.name] = conform(spec, state.final[spec.name])
    published = dict(
        zip(documents.column("doc_id").to_pylist(), documents.column("published").to_pylist(), strict=True)
    )
    # tallied in the rows' original order: ties between surface forms go to the first seen
    tallies = tally_entities(part, state.final[ENTITIES.name], published)
    return FinishedPart(tables, {name: t.num_rows for name, t in tables.items()}, tallies)


def merge_finished(*parts: FinishedPart) -> FinishedPart:
    rows: dict[str, int] = {}
    for part in parts:
        for name, n in part.rows.items():
            rows[name] = rows.get(name, 0) + n
    return FinishedPart(None, rows, merge_tallies(*(p.tallies for p in parts)))
