"""Every output table's schema, in one place: column names, Arrow types and meanings.

The writers, the empty tables and the data dictionary (docs/data-dictionary.md, `dictionary.py`) are
all generated from `TABLES`, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pyarrow as pa

# Raised whenever a column of an exported table is added, removed, renamed or changes meaning; written to
# OUT/manifest.json so that saved pivots and scripts can tell (README, "Changelog").
SCHEMA_VERSION = 1

Rows = dict[str, list[dict[str, Any]]]  # table name -> rows of one document (the per-document pass's output)


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    doc: str
    nullable: bool = True


@dataclass(frozen=True)
class TableSpec:
    name: str
    doc: str
    columns: tuple[Column, ...]
    sort_by: tuple[str, ...]  # row order of the written table; "-name" sorts descending
    per_document: bool  # filled by the per-document pass (cached) rather than the corpus pass
    exported: bool = True

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns])

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> Column:
    return Column(name, type_, doc, nullable)


S, I32, I64, F64, B, D = pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()

DOC_ID = _c(
    "doc_id", S, "Document id: path under the corpus folder, without extension. Joins every table.", False
)
START = _c("start", I32, "Start offset (code points) in the analysed text OUT_DIR/texts/<doc_id>.txt.", False)
END = _c("end", I32, "End offset, exclusive: text[start:end] == the `text` column.", False)

DOCUMENTS = TableSpec(
    "documents",
    "One row per corpus file, analysed or skipped.",
    (
        DOC_ID,
        _c("path", S, "File path relative to the corpus folder.", False),
        _c(
            "status",
            S,
            "ok, or why the file was not analysed: empty, binary, undecodable, unreadable (a file, or a "
            "folder: doc_id ends with /), too_large (over 2,000,000 characters), bad_front_matter (not "
            "YAML, YAML aliases, too deep or too long), not_french (another language: listed, not given "
            "to the French model), duplicate_id (x.txt beside x.md: the first by name is analysed, this "
            "one is listed under its path with extension), bad_file_name (not UTF-8), outside_corpus "
            "(a symbolic link out of the corpus folder), linked_folder (a link to a folder already "
            "read), broken_link.",
            False,
        ),
        _c(
            "status_detail",
            S,
            "One-line explanation when status is not ok; for an analysed file, what was wrong but did "
            "not stop it (a front-matter date that is not a date, invalid UTF-8 bytes).",
        ),
        _c(
            "title",
            S,
            "Front-matter title, else the headline: the first line of the text that reads like one.",
        ),
        _c("source", S, "Publisher: front-matter source, else the one the release states; else empty."),
        _c(
            "source_origin",
            S,
            "Where `source` comes from: front_matter, url (front-matter url or a 'Source :' address whose "
            "host is a publisher's of pipeline/data/publishers.toml), signature ('Communiqué du ministère "
            "de ...', a letterhead, 'Source : <name>', 'À propos de X', a contact block or last line naming "
            "an organisation), or empty.",
        ),
        _c("url", S, "Front-matter url."),
        _c(
            "published",
            D,
            "Publication date: front-matter date, else the date the front-matter title states ('..., en "
            "date du 13 septembre 2020'), else one in the front-matter url, else the header lines ('Paris, "
            "le ...', 'Publié le ...', 'Date de publication : ...'); empty when none gives it.",
        ),
        _c(
            "published_source",
            S,
            "Where `published` comes from: front_matter, title, url, text, or empty when unknown.",
        ),
        _c("language", S, "Detected language (ISO 639-1), by py3langid."),
        _c("language_confidence", F64, "Confidence of the detected language, in [0, 1]."),
        _c("encoding", S, "Encoding the bytes were decoded from (utf-8, utf-16, cp1252 ...)."),
        _c("had_bom", B, "The file started with a byte-order mark."),
        _c("repaired", B, "ftfy or line-end normalisation changed the text."),
        _c(
            "repairs",
            S,
            "What was repaired, comma-separated: mojibake, uncurl_quotes, line_breaks, invalid_utf8 (a "
            "mostly UTF-8 file's invalid bytes read as cp1252 letters or U+FFFD) ...",
        ),
        _c("repaired_chars", I32, "Characters removed or replaced by the repair."),
        _c("n_chars", I32, "Length of the analysed text in code points."),
        _c("n_tokens", I32, "spaCy tokens (punctuation included, whitespace excluded)."),
        _c("n_sentences", I32, "Sentences (a heading or a line of its own counts as one)."),
        _c("sha256", S, "SHA-256 of the raw file bytes (cache key, duplicate detection)."),
    ),
    ("doc_id",),
    per_document=True,
)

ENTITIES = TableSpec(
    "entities",
    "One row per named-entity mention (PER, ORG, LOC, MISC).",
    (
        DOC_ID,
        START,
        END,
        _c(
            "text",
            S,
            "The mention as written: the name only, without determiner, title or punctuation.",
            False,
        ),
        _c(
            "label",
            S,
            "PER (person), ORG (organisation), LOC (place), MISC (event, law, programme ...).",
            False,
        ),
        _c(
            "canonical",
            S,
            "One name per real-world entity across the corpus: joins entity_summary.canonical.",
            False,
        ),
        _c(
            "role",
            S,
            "Title or function written next to the name, kept out of the span (M., ministre de ...).",
        ),
        _c("sentence", I32, "0-based index of the sentence holding the mention."),
        _c(
            "country",
            S,
            "LOC only: ISO 3166-1 alpha-2 code of the country (Paris -> FR); empty for continents, "
            "regions spanning countries and unknown places.",
        ),
    ),
    ("doc_id", "start"),
    per_document=True,
)

QUOTES = TableSpec(
    "quotes",
    "One row per quotation: reported speech in quotation marks attributed to a speaker.",
    (
        DOC_ID,
        START,
        END,
        _c("text", S, "The quoted words, without the quotation marks.", False),
        _c(
            "speaker",
            S,
            "Who the text says spoke, as written: a name, a role ('la Directrice générale'), or "
            "the name a pronoun refers to.",
        ),
        _c(
            "speaker_canonical",
            S,
            "The speaker's canonical entity (joins entities.canonical), or the body a role names.",
        ),
        _c("speaker_role", S, "The speaker's role as written ('ministre délégué chargé du Numérique')."),
        _c("verb", S, "Lemma of the verb of saying (déclarer, souligner ...); empty for 'selon X'."),
    ),
    ("doc_id", "start"),
    per_document=True,
)

CONTACTS = TableSpec(
    "contacts",
    "E-mail addresses, URLs, phone numbers, hashtags and handles found in the text (never entities).",
    (
        DOC_ID,
        START,
        END,
        _c("text", S, "The contact as written.", False),
        _c("kind", S, "email, url, phone, hashtag or handle.", False),
    ),
    ("doc_id", "start"),
    per_document=True,
)

DATES = TableSpec(
    "dates",
    "One row per calendar expression (TimeML DATE), normalised against the publication date.",
    (
        DOC_ID,
        START,
        END,
        _c("text", S, "The expression as written (range words included: 'du 20 au 24 avril').", False),
        _c(
            "value",
            S,
            "TimeML value at the granularity written: day 2024-03-12, month 2024-03, year 2024, decade "
            "201X, century 19XX, season 2024-SU (SP, SU, FA, WI), quarter 2025-Q1 (Q1-Q4) or half-year "
            "2025-H1 (semestre), week 2024-W19, week-end 2024-W19-WE, XXXX-05-15 (year unknown), "
            "XXXX-WXX-1 (a weekday, no publication date), PRESENT_REF, PAST_REF, FUTURE_REF. A range "
            "holds its first day, month or year here and its last in end_value. Text, never a "
            "spreadsheet date: a day is never invented.",
            False,
        ),
        _c(
            "end_value",
            S,
            "End of a range, same shapes as value: 'du 20 au 24 avril 2020' -> 2020-04-24, 'de mars à "
            "juin 2025' -> 2025-06, '2024-2025' -> 2025, 'la seconde quinzaine de mai' -> 2025-05-16 to "
            '2025-05-31, "d\'ici 2030" -> from the publication day to 2030; else empty.',
        ),
        _c(
            "granularity",
            S,
            "day, month, year, decade, century, season, quarter (quarters and half-years), week or ref "
            "(vague).",
            False,
        ),
        _c("mod", S, "START (début), END (fin), MID (mi-), APPROX (vers), else empty."),
    ),
    ("doc_id", "start"),
    per_document=True,
)

THEMES = TableSpec(
    "themes",
    "One row per theme assigned to a document: its level-1 subjects (1 to 3 for a document of 50 words or "
    "more, IPTC Media Topics by default), then its finer level-2 themes (evidence above the threshold).",
    (
        DOC_ID,
        _c(
            "theme",
            S,
            "Theme id from the taxonomy: an IPTC qcode at level 1 (medtop:11000000), a slug at level 2 "
            "(joins doc_theme_matrix columns).",
            False,
        ),
        _c("label", S, "French label of the theme.", False),
        _c("level", I32, "1 for a broad subject, 2 for a finer theme.", False),
        _c("parent", S, "Level 2: the id of the level-1 subject it sits under; empty at level 1.", False),
        _c("weak", B, "Level 1: kept as the strongest subject although none reached the threshold.", False),
        _c("score", F64, "Strength of the evidence; assigned when >= the threshold.", False),
        _c("hits", I32, "Cue occurrences (and, level 1, word-vector votes) found in the document.", False),
        _c(
            "evidence",
            S,
            "Distinct cue terms found, most frequent first, then (level 1) [level-2 themes] and ~words "
            "near the subject in the model's vectors; '; '-separated.",
            False,
        ),
    ),
    ("doc_id", "level", "theme"),
    per_document=True,
)

KEYWORDS = TableSpec(
    "keywords",
    "Top keyphrases per document (--top-k, default 10), ranked with corpus document frequencies.",
    (
        DOC_ID,
        _c("rank", I32, "1 = most representative keyphrase of the document.", False),
        _c("keyword", S, "Keyphrase as written in the text.", False),
        _c("lemma", S, "Lemmatised, lower-cased form: compare keyphrases across documents on this.", False),
        _c("score", F64, "Ranking score (higher is better; comparable within a document).", False),
    ),
    ("doc_id", "rank"),
    per_document=False,
)

ENTITY_SUMMARY = TableSpec(
    "entity_summary",
    "One row per canonical entity of the corpus, in most documents first: the table to pivot on.",
    (
        _c("canonical", S, "Canonical name (joins entities.canonical).", False),
        _c("label", S, "PER, ORG, LOC or MISC.", False),
        _c("documents", I32, "Documents mentioning it.", False),
        _c("mentions", I32, "Mentions in the whole corpus.", False),
        _c("first_published", D, "Earliest publication date among those documents."),
        _c("last_published", D, "Latest publication date among those documents."),
        _c("surface_forms", S, "Distinct forms seen, '; '-separated, most frequent first.", False),
        _c("country", S, "LOC only: ISO 3166-1 alpha-2 country code (see entities.country)."),
    ),
    ("-documents", "-mentions", "canonical", "label"),
    per_document=False,
)

SIMILAR_DOCUMENTS = TableSpec(
    "similar_documents",
    "For each document, its most similar documents (--similar-k, default 5) and what they share.",
    (
        DOC_ID,
        _c("rank", I32, "1 = most similar.", False),
        _c("similar_doc_id", S, "The other document (joins documents.doc_id).", False),
        _c("score", F64, "Similarity in [0, 1]; features of over 1,000 documents are not matched.", False),
        _c("shared_themes", S, "Theme ids both documents have, '; '-separated."),
        _c(
            "shared_keywords",
            S,
            "Keyphrases both documents have (matched on lemma, written as in doc_id), '; '-separated.",
        ),
        _c("shared_entities", S, "Canonical entities both documents mention, '; '-separated."),
    ),
    ("doc_id", "rank"),
    per_document=False,
)

KEYWORD_CANDIDATES = TableSpec(
    "keyword_candidates",
    "Keyphrase candidates with their in-document features (internal: ranked in the corpus pass). "
    "Its columns are the fields of keywords.KeyphraseCandidate (a test checks they agree).",
    (
        DOC_ID,
        _c("lemma", S, "De-duplication key: lower-cased lemmas, articles dropped."),
        _c("surface", S, "The most frequent surface form as written (first seen on ties)."),
        _c("first_offset", I64, "Offset of the first occurrence in the analysed text."),
        _c("first_sentence", I64, "Sentence of the first occurrence (0 = the first)."),
        _c("rel_position", F64, "first_offset / length of the text, in [0, 1)."),
        _c("frequency", I64, "Occurrences outside the dateline and contact lines."),
        _c("sentence_count", I64, "Distinct sentences it occurs in."),
        _c("in_title", B, "Occurs in the title line."),
        _c("n_words", I64, "Content words (nouns, names, adjectives, numbers)."),
        _c("is_name", B, "Made of proper names, acronyms or numbers only."),
        _c("has_name", B, "Contains a proper name."),
        _c("is_acronym", B, "A single all-capitals token."),
        _c("has_function_word", B, "Contains a preposition."),
        _c("head", S, "Lemma of the head word."),
        _c("container_share", F64, "Largest share of its occurrences inside one longer candidate."),
        _c("common_rank", I64, "One word: its frequency rank in general French (0: a name, a phrase)."),
        _c("has_role", B, "The first person named next to a role noun ('la maire, Awa Diallo')."),
        _c("is_office", B, "Several words headed by a role noun ('ministre des sports')."),
    ),
    ("doc_id",),
    per_document=True,
    exported=False,
)

LEMMA_COUNTS = TableSpec(
    "lemma_counts",
    "Content lemmas of each analysed document with their counts (internal: written as Parquet for "
    "`pipeline compare`, whatever --format).",
    (
        DOC_ID,
        _c(
            "lemma", S, "Lower-cased lemma of a noun, name, adjective or verb that is not a stop word.", False
        ),
        _c("count", I64, "Occurrences in the document.", False),
    ),
    ("doc_id",),
    per_document=True,
    exported=False,
)

FRONT_MATTER = TableSpec(
    "front_matter",
    "Every front-matter key of each analysed document (internal: written as Parquet for "
    "`pipeline compare --by KEY`, whatever --format).",
    (
        DOC_ID,
        _c("key", S, "Front-matter key, lower-cased.", False),
        _c("value", S, "Its value as text.", False),
    ),
    ("doc_id",),
    per_document=True,
    exported=False,
)

# Internal per-document tables that a run keeps in OUT_DIR as <name>.parquet (inputs of `compare`).
KEPT: tuple[TableSpec, ...] = (LEMMA_COUNTS, FRONT_MATTER)

SPECIFICITIES = TableSpec(
    "specificities",
    "Written by `pipeline compare --by FIELD` (or `run --compare-by`): for each part of the corpus (a value "
    "of FIELD) and item, Lafon's hypergeometric specificity (docs/compare.md). Every part x item while "
    "they are under a million pairs per item type; beyond, the rows with |score| >= 2 only.",
    (
        _c(
            "field",
            S,
            "What splits the corpus: a documents column, year, month or a front-matter key.",
            False,
        ),
        _c("part", S, "The value of `field` shared by the part's documents.", False),
        _c(
            "item_type",
            S,
            "lemma, keyword (keyphrase lemma), entity (canonical name) or theme (theme id).",
            False,
        ),
        _c("item", S, "The lemma, keyphrase lemma, canonical entity name or theme id.", False),
        _c(
            "label",
            S,
            "entity: PER, ORG, LOC or MISC (part of the item); theme: its French label; keyword: its most "
            "frequent written form; lemma: empty.",
        ),
        _c(
            "part_freq",
            I64,
            "f: occurrences in the part (lemmas: tokens; keywords: documents ranking it in their top "
            "keyphrases; entities: mentions; themes: documents tagged). 0 = absent from the part.",
            False,
        ),
        _c("corpus_freq", I64, "F: occurrences in the corpus (documents with a value of `field`).", False),
        _c("part_size", I64, "t: occurrences of every item of this type in the part.", False),
        _c("corpus_size", I64, "T: occurrences of every item of this type in the corpus.", False),
        _c("expected", F64, "F * t / T: the part frequency if the item were spread evenly.", False),
        _c(
            "score",
            F64,
            "Specificity: -log10 P(X >= f) when f >= F t / T (over-represented, > 0), else log10 P(X <= f) "
            "(< 0); X hypergeometric. |score| >= 2: P <= 1%.",
            False,
        ),
        _c("rank", I32, "1 = most specific item of this type for the part (highest score).", False),
    ),
    ("field", "part", "item_type", "rank"),
    per_document=False,
)

TABLES: dict[str, TableSpec] = {
    t.name: t
    for t in (
        DOCUMENTS,
        ENTITIES,
        QUOTES,
        CONTACTS,
        DATES,
        KEYWORDS,
        THEMES,
        ENTITY_SUMMARY,
        SIMILAR_DOCUMENTS,
    )
}


def to_table(spec: TableSpec, rows: Iterable[Mapping[str, object]]) -> pa.Table:
    """Rows (dicts) -> an Arrow table with exactly the spec's schema (missing keys become nulls)."""
    names = spec.column_names
    cols: dict[str, list[object]] = {n: [] for n in names}
    for row in rows:
        for n in names:
            cols[n].append(row.get(n))
    return pa.table(
        {n: pa.array(cols[n], type=c.type) for n, c in zip(names, spec.columns, strict=True)},
        schema=spec.schema,
    )


def frame_of(table: pa.Table) -> pd.DataFrame:
    """A table as pandas for the steps written with it; dates stay datetime.date objects (not
    Timestamps) so that they round-trip to Arrow date32."""
    return table.to_pandas(date_as_object=True)


def table_of(spec: TableSpec, frame: pd.DataFrame) -> pa.Table:
    """A pandas frame as an Arrow table of the spec's schema (columns in the spec's order)."""
    return pa.Table.from_pandas(
        frame.reindex(columns=spec.column_names), schema=spec.schema, preserve_index=False
    )


def empty_table(spec: TableSpec) -> pa.Table:
    return spec.schema.empty_table()


def conform(spec: TableSpec, table: pa.Table) -> pa.Table:
    """Cast a table (e.g. from pandas) to the spec's schema, in the spec's column order and sort order."""
    table = table.select(spec.column_names).cast(spec.schema)
    keys = [(c.lstrip("-"), "descending" if c.startswith("-") else "ascending") for c in spec.sort_by]
    return table.sort_by(keys) if table.num_rows else table
