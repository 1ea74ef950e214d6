"""The extractors, in the order they run: each declares its name, the tables it fills, its
per-document function and, when its rows depend on other documents, its corpus function.

The per-document pass (analysis.py) runs `extract` of each in order; the corpus pass
(corpus_pass.finish_part) runs `finish` of those that have one, in the same order; the cache, the
Dask engine and export take their table lists from here and from tables.py (every schema).
Adding an extractor = a module with a function of the `Context`, its table spec in tables.py, and one
entry below.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from .tables import (
    CONTACTS,
    DATES,
    DOCUMENTS,
    ENTITIES,
    FRONT_MATTER,
    KEYWORD_CANDIDATES,
    KEYWORDS,
    LEMMA_COUNTS,
    QUOTES,
    THEMES,
    TableSpec,
    frame_of,
    table_of,
)

if TYPE_CHECKING:  # spaCy is imported where documents are analysed, not by the client of an engine
    from spacy.tokens import Doc

    from .reading import Document
    from .settings import Settings
    from .token_table import TokenTable


@dataclass
class Context:
    """One parsed document as the extractors see it; `found` holds the records of the extractors that
    ran before (quotes read the entities, entities the contacts)."""

    document: Document
    doc: Doc
    tokens: TokenTable  # built once per document, read by every stage
    settings: Settings
    published: Any  # datetime.date | None: the publication date the dates are resolved against
    found: dict[str, Sequence[Any]] = field(default_factory=dict)


@dataclass
class PartTables:
    """One part of the corpus in the corpus pass: `raw` as the per-document pass wrote it, `final` the
    tables the corpus functions made so far."""

    raw: dict[str, pa.Table]
    final: dict[str, pa.Table]
    facts: Any  # corpus_pass.CorpusFacts
    top_k: int


Extract = Callable[[Context], Sequence[Any]]
Finish = Callable[[PartTables], pa.Table]


@dataclass(frozen=True)
class Extractor:
    name: str
    table: TableSpec  # what `extract` fills (records -> rows with doc_id)
    extract: Extract
    finish: Finish | None = None  # its exported table from every part's rows and the corpus facts
    finished: TableSpec | None = None  # the table `finish` writes, when it differs from `table`
    amend: Callable[[list[dict[str, Any]]], None] | None = None  # columns its rows get besides the records'


# The per-document functions import their extractor when first called: the entity and quote stages load
# spaCy's French language data (seconds of regex compiling), which a fully cached run never needs.
def _contacts(ctx: Context) -> Sequence[Any]:
    from .contacts import extract_contacts

    return extract_contacts(ctx.document.text)


def _entities(ctx: Context) -> Sequence[Any]:
    from .entities import extract_entities

    return extract_entities(
        ctx.doc,
        ctx.settings.gazetteer,
        ctx.found["contacts"],
        tokens=ctx.tokens,
        corrections=ctx.settings.corrections,
    )


def _entity_countries(rows: list[dict[str, Any]]) -> None:
    """A place's country code, found in the per-document pass so that the corpus pass needs no gazetteer
    of places."""
    from .places import country_code

    for row in rows:
        row["country"] = country_code(row["canonical"] or row["text"]) if row["label"] == "LOC" else None


def _quotes(ctx: Context) -> Sequence[Any]:
    from .quotes import extract_quotes

    return extract_quotes(ctx.doc, ctx.found["entities"], tokens=ctx.tokens)


def _dates(ctx: Context) -> Sequence[Any]:
    from .dates import extract_dates

    return extract_dates(ctx.document.text, ctx.published)


def _themes(ctx: Context) -> Sequence[Any]:
    from .themes import tag_themes

    return tag_themes(ctx.doc, ctx.settings.taxonomy, ctx.settings.theme_threshold, tokens=ctx.tokens)


def _keywords(ctx: Context) -> Sequence[Any]:
    from .keywords import keyphrase_candidates

    return keyphrase_candidates(ctx.doc, tokens=ctx.tokens, title=ctx.document.metadata.get("title"))


def _lemmas(ctx: Context) -> Sequence[Any]:
    from .compare.lemmas import content_lemmas

    return content_lemmas(ctx.doc, ctx.tokens)


def _front_matter(ctx: Context) -> Sequence[Any]:
    from .compare.lemmas import front_matter

    return front_matter(ctx.document.metadata)


# The corpus functions: what the corpus facts (corpus_pass.CorpusFacts) change in a part's rows.
def _canonical_entities(part: PartTables) -> pa.Table:
    """Entities with their corpus-wide canonical names."""
    from .canonical import apply_canonicals

    entities = part.raw[ENTITIES.name]
    return apply_canonicals(entities, part.facts.canonicals) if entities.num_rows else entities


def _renamed_quotes(part: PartTables) -> pa.Table:
    """Quote speakers follow their entity to its corpus-wide name (after `_canonical_entities`)."""
    import pandas as pd

    from .canonical import renamed_speakers

    raw_entities, quotes = part.raw[ENTITIES.name], part.raw[QUOTES.name]
    if not raw_entities.num_rows:
        return quotes
    frame = frame_of(quotes)
    unified = pd.Series(part.final[ENTITIES.name].column("canonical").to_pylist(), dtype=object)
    frame["speaker_canonical"] = renamed_speakers(frame, frame_of(raw_entities), unified)
    return table_of(QUOTES, frame)


def _ranked_keywords(part: PartTables) -> pa.Table:
    """The top keyphrases of each document, ranked with the corpus' lemma document frequencies."""
    from .keywords import rank_with_frequencies

    frequencies = part.facts.frequencies
    candidates = frame_of(part.raw[KEYWORD_CANDIDATES.name])
    ranked = rank_with_frequencies(candidates, frequencies.documents, frequencies.shared, part.top_k)
    return table_of(KEYWORDS, ranked)


EXTRACTORS: tuple[Extractor, ...] = (
    Extractor("contacts", CONTACTS, _contacts),
    Extractor("entities", ENTITIES, _entities, _canonical_entities, amend=_entity_countries),
    Extractor("quotes", QUOTES, _quotes, _renamed_quotes),
    Extractor("dates", DATES, _dates),
    Extractor("themes", THEMES, _themes),
    Extractor("keywords", KEYWORD_CANDIDATES, _keywords, _ranked_keywords, KEYWORDS),
    Extractor("lemmas", LEMMA_COUNTS, _lemmas),  # for `pipeline compare` (written as Parquet)
    Extractor("front_matter", FRONT_MATTER, _front_matter),  # idem: --by any front-matter key
)

# What the per-document pass returns and the cache keeps: the documents row and each extractor's table.
PASS_TABLES: dict[str, TableSpec] = {DOCUMENTS.name: DOCUMENTS, **{e.table.name: e.table for e in EXTRACTORS}}
# Per-document tables that the corpus pass rewrites (kept raw until then by the Dask engine).
REWRITTEN = tuple(e.table.name for e in EXTRACTORS if e.finish is not None and e.finished is None)
