"""Item counts per part of the corpus, from the per-document tables: mergeable by addition.

A part is the set of analysed documents sharing a value of the field the corpus is split on (a
documents column, `year`, `month`, or a front-matter key). `count_items` turns the per-document tables
of any set of documents into (item_type, part, item, label, count) rows; counts of disjoint sets of
documents merge by adding (`merge_counts`), so a Dask part, a batch or the whole corpus give the same
totals. Keyphrases are counted per written form and get their most frequent form only once merged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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
        published = ok.column("published")
        if not pa.types.is_date(published.type):  # a CSV-only run: text, "" for an undated release
            text = pc.cast(published, pa.string())
            published = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
        published = pc.cast(published, pa.date32())
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
                else " (no front matter in this run: no document has any, or the run is of an older version)"
            )
        )
    parts = pa.table(
        {"doc_id": ok.column("doc_id"), "part": pc.utf8_trim_whitespace(values.cast(pa.string()))}
    )
    return parts.filter(pc.fill_null(pc.not_equal(parts.column("part"), ""), False))


@dataclass
class CodedCounts:
    """Counts of one item type per part as integer codes into arrays of names: what `specificities`
    works on (no string is touched per row; names are taken once, for the rows written)."""

    item_type: str
    part: np.ndarray  # code into part_names
    item: np.ndarray  # code into item_names
    label: np.ndarray  # code into label_names
    count: np.ndarray  # int64
    part_names: pa.Array
    item_names: pa.Array
    label_names: pa.Array

    def table(self) -> pa.Table:
        """The (item_type, part, item, label, count) rows of COUNTS."""
        return pa.table(
            {
                "item_type": pa.repeat(self.item_type, self.count.size).cast(pa.string()),
                "part": self.part_names.take(pa.array(self.part)),
                "item": self.item_names.take(pa.array(self.item)),
                "label": self.label_names.take(pa.array(self.label)),
                "count": pa.array(self.count, pa.int64()),
            }
        ).cast(COUNTS)


def count_items(
    tables: Mapping[str, pa.Table], parts: pa.Table, item_types: Iterable[str] = ITEM_TYPES
) -> pa.Table:
    """Counts of each item type in each part, from the per-document tables of `parts`' documents
    (documents without a part are left out), as COUNTS rows."""
    coded = count_codes(tables, parts, item_types)
    return pa.concat_tables([c.table() for c in coded]) if coded else COUNTS.empty_table()


def count_codes(
    tables: Mapping[str, pa.Table], parts: pa.Table, item_types: Iterable[str] = ITEM_TYPES
) -> list[CodedCounts]:
    """`count_items` as integer codes, one CodedCounts per item type found (the types are disjoint).

    Each row gets its part through its document's code, its item and label through their dictionary
    codes (string columns read as dictionaries, `read_table(..., dictionary=...)`, are used as they
    are), and the counts are summed per (part, item, label) with NumPy's bincount on one integer key."""
    part_code, part_names = codes(parts.column("part"))
    out = []
    for item_type in item_types:
        name, item_col, label_col, count_col = SOURCES[item_type]
        table = tables.get(name)
        if table is None or not table.num_rows:
            continue
        doc_code, doc_ids = codes(table.column("doc_id"))
        position = pc.index_in(doc_ids, value_set=parts.column("doc_id")).to_numpy(zero_copy_only=False)
        has_part = ~np.isnan(position)  # index_in gives null (NaN here) for a document without a part
        doc_part = np.full(position.size, -1, dtype=np.int64)  # part of each distinct doc_id
        doc_part[has_part] = part_code[position[has_part].astype(np.int64)]
        item_code, item_names = codes(table.column(item_col))
        named = pc.not_equal(item_names, "").to_numpy(zero_copy_only=False)
        keep = None if has_part.all() and named.all() else (doc_part[doc_code] >= 0) & named[item_code]
        if keep is not None:
            if not keep.any():
                continue
            doc_code, item_code = doc_code[keep], item_code[keep]
        label_code, label_names = codes(table.column(label_col) if label_col else None, table.num_rows)
        counts = table.column(count_col).to_numpy() if count_col else None
        if keep is not None:
            label_code, counts = label_code[keep], None if counts is None else counts[keep]
        # (item, label) pairs: the item alone when there is no label column
        if len(label_names) == 1:
            pair, pair_item, pair_label = item_code, None, None
            n_pairs = len(item_names)
        else:
            n_labels = len(label_names)
            pairs, pair = distinct(
                item_code.astype(np.int64) * n_labels + label_code, len(item_names) * n_labels
            )
            pair_item, pair_label, n_pairs = pairs // n_labels, pairs % n_labels, pairs.size
        # key part x n_pairs + pair: each document's first key, then one gather and one add per row
        keys, summed = sum_by_key((doc_part * n_pairs)[doc_code] + pair, counts, len(part_names) * n_pairs)
        pair = keys % n_pairs
        out.append(
            CodedCounts(
                item_type,
                keys // n_pairs,
                pair if pair_item is None else pair_item[pair],
                np.zeros(pair.size, np.int64) if pair_label is None else pair_label[pair],
                summed,
                part_names,
                item_names,
                label_names,
            )
        )
    return out


_BINS = 1 << 25  # bincount over at most this many keys at once (256 MB of float64 at most)


def sum_by_key(key: np.ndarray, weights: np.ndarray | None, size: int) -> tuple[np.ndarray, np.ndarray]:
    """(distinct keys in increasing order, sum of the weights of each; None: one per key) of keys in
    [0, size): bincount over blocks of _BINS keys; a sort beyond a few blocks or for sparse keys."""
    blocks = -(-size // _BINS)
    if blocks > 8 or not _dense(size, key.size):
        distinct, inverse = np.unique(key, return_inverse=True)
        summed = np.bincount(inverse, weights=weights, minlength=distinct.size)
        return distinct, summed.astype(np.int64)
    zeros = weights is not None and not weights.all()  # a key whose weights sum to 0 is still present
    found, sums = [], []
    for b in range(blocks):
        low = b * _BINS
        if blocks == 1:
            k, w = key, weights
        else:
            inside = (key >= low) & (key < low + _BINS)
            k, w = key[inside] - low, None if weights is None else weights[inside]
        total = np.bincount(k, weights=w, minlength=min(_BINS, size - low))  # float64 with weights
        present = np.flatnonzero(np.bincount(k, minlength=total.size) if zeros else total)
        found.append(present + low)
        sums.append(total[present].astype(np.int64))  # exact: integer sums below 2**53
    return np.concatenate(found), np.concatenate(sums)


def _dense(size: int, rows: int) -> bool:
    """A bincount over `size` keys beats sorting `rows` keys: the keys are not much sparser than the
    rows (keyphrases by month: a million rows in 20 million (part, phrase) keys are sorted)."""
    return size <= max(4 * rows, 1 << 16)


def distinct(key: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(key, return_inverse=True) of keys in [0, size), by a bincount when size allows."""
    if size > _BINS or not _dense(size, key.size):
        return np.unique(key, return_inverse=True)
    present = np.bincount(key, minlength=size) > 0
    renumber = np.cumsum(present) - 1
    return np.flatnonzero(present), renumber[key]


def codes(values: pa.ChunkedArray | pa.Array | None, n: int = 0) -> tuple[np.ndarray, pa.Array]:
    """(code of each value, the values coded: strings, null as ""); no values: n codes 0 of "".

    Codes are the dictionary's indices as they are (int32 mostly): cast before multiplying them.
    Plain strings are encoded chunk by chunk (one dictionary for all chunks: no copy of the strings);
    dictionary chunks with different dictionaries are unified first."""
    if values is None:
        return np.zeros(n, dtype=np.int64), pa.array([""])
    if isinstance(values, pa.ChunkedArray):
        if not pa.types.is_dictionary(values.type):
            values = pc.dictionary_encode(values.cast(pa.string()))
        elif values.num_chunks > 1:
            values = pa.chunked_array(pa.table({"v": values}).unify_dictionaries().column("v").chunks)
        values = values.combine_chunks() if values.num_chunks else pa.array([], values.type)
    if not pa.types.is_dictionary(values.type):
        values = pc.dictionary_encode(values.cast(pa.string()))
    names = pc.fill_null(values.dictionary.cast(pa.string()), "")
    indices = values.indices
    if indices.null_count:  # a null value: code of an extra ""
        indices = pc.fill_null(indices, len(names))
        names = pa.concat_arrays([names, pa.array([""])])
    return indices.to_numpy(), names


def merge_counts(*counts: pa.Table) -> pa.Table:
    """Counts of disjoint sets of documents, added."""
    tables = [c.select(COUNTS.names).cast(COUNTS) for c in counts if c.num_rows]
    if not tables:
        return COUNTS.empty_table()
    return _grouped(pa.concat_tables(tables))


def _grouped(rows: pa.Table) -> pa.Table:
    summed = rows.group_by(_KEYS, use_threads=False).aggregate([("count", "sum")])
    return summed.rename_columns([*_KEYS, "count"]).select(COUNTS.names).cast(COUNTS)
