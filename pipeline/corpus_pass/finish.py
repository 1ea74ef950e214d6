"""Applying the corpus facts to one part: its final entities and quotes (corpus-wide canonical names),
its keywords (ranked with corpus document frequencies) and its share of the entity summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa

from ..keywords import rank_with_frequencies
from ..tables import ENTITIES, KEYWORD_CANDIDATES, KEYWORDS, QUOTES, TABLES, conform
from .statistics import CorpusFacts, apply_canonicals
from .summary import Tallies, merge_tallies, tally_entities

if TYPE_CHECKING:
    from ..registry import PartTables


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
    from ..registry import EXTRACTORS, PartTables

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


def canonical_entities(part: PartTables) -> pa.Table:
    """Entities with their corpus-wide canonical names."""
    entities = part.raw[ENTITIES.name]
    return apply_canonicals(entities, part.facts.canonicals) if entities.num_rows else entities


def renamed_quotes(part: PartTables) -> pa.Table:
    """Quote speakers follow their entity to its corpus-wide canonical name (after `canonical_entities`)."""
    raw_entities, quotes = part.raw[ENTITIES.name], part.raw[QUOTES.name]
    if not raw_entities.num_rows:
        return quotes
    frame = frame_of(quotes)
    unified = pd.Series(part.final[ENTITIES.name].column("canonical").to_pylist(), dtype=object)
    frame["speaker_canonical"] = renamed_speakers(frame, frame_of(raw_entities), unified)
    return table_of(QUOTES.name, frame)


def ranked_keywords(part: PartTables) -> pa.Table:
    """The top keyphrases of each document, ranked with the corpus' document frequencies."""
    frequencies = part.facts.frequencies
    candidates = frame_of(part.raw[KEYWORD_CANDIDATES.name])
    ranked = rank_with_frequencies(candidates, frequencies.documents, frequencies.shared, part.top_k)
    return table_of(KEYWORDS.name, ranked)


def merge_finished(*parts: FinishedPart) -> FinishedPart:
    rows: dict[str, int] = {}
    for part in parts:
        for name, n in part.rows.items():
            rows[name] = rows.get(name, 0) + n
    return FinishedPart(None, rows, merge_tallies(*(p.tallies for p in parts)))


def renamed_speakers(quotes: pd.DataFrame, entities: pd.DataFrame, unified: pd.Series) -> pd.Series:
    """Quote speakers follow their entity to its corpus-wide canonical name."""
    mapping: dict[tuple[str, str], str] = {}
    for doc_id, before, after in zip(entities["doc_id"], entities["canonical"], unified, strict=True):
        mapping.setdefault((doc_id, before), after)
    return pd.Series(
        [mapping.get((d, c), c) for d, c in zip(quotes["doc_id"], quotes["speaker_canonical"], strict=True)],
        index=quotes.index,
        dtype=object,
    )


def frame_of(table: pa.Table) -> pd.DataFrame:
    # Dates stay datetime.date objects (not Timestamps) so they round-trip to Arrow date32.
    return table.to_pandas(date_as_object=True)


def table_of(name: str, frame: pd.DataFrame) -> pa.Table:
    spec = TABLES[name]
    frame = frame.reindex(columns=spec.column_names)
    return pa.Table.from_pandas(frame, schema=spec.schema, preserve_index=False)
