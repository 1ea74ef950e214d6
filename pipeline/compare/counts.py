"""Item counts per part of the corpus, from the per-document tables: mergeable by addition.

A part is the set of analysed documents sharing a value of the field the corpus is split on (a
documents column, `year`, `month`, or a front-matter key). `count_items` turns the per-document tables
of any set of documents into (item_type, part, item, label, count) rows; counts of disjoint sets of
documents merge by adding (`merge_counts`), so a Dask part, a batch or the whole corpus give the same
totals. Keyphrases are counted per written form and get their most frequent form only once merged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

ITEM_TYPES = ("lemma", "keyword", "entity", "theme")
DATE_FIELDS = ("year", "month")
COUNTS = pa.schema(
    [
        ("item_type", pa.string()),
        ("part", pa.string()),
        ("item", pa.string()),
        ("label", pa.string()),
        ("count", pa.int64()),
    ]
)
_KEYS = ["item_type", "part", "item", "label"]
# item type -> (table, item column, label column or None, count column or None = one per row)
SOURCES: dict[str, tuple[str, str, str | None, str | None]] = {
    "lemma": ("lemma_counts", "lemma", None, "count"),
    "keyword": ("keywords", "lemma", "keyword", None),
    "entity": ("entities", "canonical", "label", None),
    "theme": ("themes", "theme", "label", None),
}


class CompareError(ValueError):
    """The corpus cannot be split as asked (unknown field, no part, missing tables)."""


def parts_of(documents: pa.Table, front_matter: pa.Table | None, by: str) -> pa.Table:
    """(doc_id, part) of every analysed document with a value of `by`: a documents column, `year` or
    `month` (of `published`), else a front-matter key (case-insensitive)."""
    ok = documents.filter(pc.equal(documents.column("status"), "ok"))
    key = by.strip().lower()
    if key in DATE_FIELDS and "published" in ok.column_names:
        published = pc.cast(ok.column("published"), pa.date32())
        fmt = "%Y" if key == "year" else "%Y-%m"
        values = pc.strftime(pc.cast(published, pa.timestamp("s")), format=fmt)
    elif key in ok.column_names:
        values = pc.cast(ok.column(key), pa.string())
    elif (
        front_matter is not None
        and front_matter.num_rows
        and key in set(front_matter.column("key").to_pylist())
    ):
        rows = front_matter.filter(pc.equal(front_matter.column("key"), key))
        index = pc.index_in(ok.column("doc_id"), value_set=rows.column("doc_id"))
        values = pc.take(rows.column("value"), index)
    else:
        keys = sorted(set(front_matter.column("key").to_pylist())) if front_matter is not None else []
        raise CompareError(
            f"no field {by!r}: use year, month, a documents column ({', '.join(documents.column_names)})"
            + (
                f" or a front-matter key ({', '.join(keys)})"
                if keys
                else " (the documents carry no front matter)"
            )
        )
    parts = pa.table(
        {"doc_id": ok.column("doc_id"), "part": pc.utf8_trim_whitespace(values.cast(pa.string()))}
    )
    return parts.filter(pc.fill_null(pc.not_equal(parts.column("part"), ""), False))


def count_items(
    tables: Mapping[str, pa.Table], parts: pa.Table, item_types: Iterable[str] = ITEM_TYPES
) -> pa.Table:
    """Counts of each item type in each part, from the per-document tables of `parts`' documents
    (documents without a part are left out).

    Rows are grouped on one integer key (part, item and label codes from dictionary encoding): on
    millions of lemma rows that is several times faster than grouping on three string columns; string
    columns read as dictionaries (`read_table(..., dictionary=...)`) are used through their codes."""
    part_code, part_names = codes(parts.column("part"))
    out = []
    for item_type in item_types:
        name, item_col, label_col, count_col = SOURCES[item_type]
        table = tables.get(name)
        if table is None or not table.num_rows:
            continue
        doc_code, doc_ids = codes(table.column("doc_id"))
        position = pc.fill_null(pc.index_in(doc_ids, value_set=parts.column("doc_id")), -1).to_numpy()
        item_code, item_names = codes(table.column(item_col))
        named = pc.not_equal(item_names, "").to_numpy(zero_copy_only=False)
        row_position = position[doc_code]
        keep = (row_position >= 0) & named[item_code]
        if not keep.any():
            continue
        part = part_code[row_position[keep]]
        item = item_code[keep]
        label_code, label_names = codes(table.column(label_col) if label_col else None, table.num_rows)
        label = label_code[keep]
        if count_col:
            counts = table.column(count_col).to_numpy().astype(np.int64)[keep]
        else:
            counts = np.ones(part.size, dtype=np.int64)
        n_items, n_labels = len(item_names), len(label_names)
        key = (part * n_items + item) * n_labels + label
        summed = (
            pa.table({"key": key, "count": counts})
            .group_by("key", use_threads=False)
            .aggregate([("count", "sum")])
        )
        key = summed.column("key").to_numpy()
        out.append(
            pa.table(
                {
                    "item_type": pa.repeat(item_type, len(key)).cast(pa.string()),
                    "part": part_names.take(pa.array(key // (n_items * n_labels))),
                    "item": item_names.take(pa.array(key // n_labels % n_items)),
                    "label": label_names.take(pa.array(key % n_labels)),
                    "count": summed.column("count_sum"),
                }
            ).cast(COUNTS)
        )
    return pa.concat_tables(out) if out else COUNTS.empty_table()  # item types are disjoint


def codes(values: pa.ChunkedArray | pa.Array | None, n: int = 0) -> tuple[np.ndarray, pa.Array]:
    """(code of each value, the values coded: strings, null as ""); no values: n codes 0 of ""."""
    if values is None:
        return np.zeros(n, dtype=np.int64), pa.array([""])
    if isinstance(values, pa.ChunkedArray):
        if pa.types.is_dictionary(values.type) and values.num_chunks > 1:
            values = pa.chunked_array(pa.table({"v": values}).unify_dictionaries().column("v").chunks)
        values = values.combine_chunks()  # one array, one dictionary
    if not pa.types.is_dictionary(values.type):
        values = pc.dictionary_encode(values.cast(pa.string()))
    names = pc.fill_null(values.dictionary.cast(pa.string()), "")
    indices = values.indices
    if indices.null_count:  # a null value: code of an extra ""
        indices = pc.fill_null(indices, len(names))
        names = pa.concat_arrays([names, pa.array([""])])
    return indices.to_numpy().astype(np.int64), names


def merge_counts(*counts: pa.Table) -> pa.Table:
    """Counts of disjoint sets of documents, added."""
    tables = [c.select(COUNTS.names).cast(COUNTS) for c in counts if c.num_rows]
    if not tables:
        return COUNTS.empty_table()
    return _grouped(pa.concat_tables(tables))


def _grouped(rows: pa.Table) -> pa.Table:
    summed = rows.group_by(_KEYS, use_threads=False).aggregate([("count", "sum")])
    return summed.rename_columns([*_KEYS, "count"]).select(COUNTS.names).cast(COUNTS)
