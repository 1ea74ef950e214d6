"""The specificities table: each part's items with Lafon's score and their rank.

From merged counts (counts.py): T and t are the occurrences of every item of the type in the corpus and
in the part (all items, before the --min-freq cut), F the item's occurrences in the corpus; items seen
fewer than `min_freq` times in the corpus are left out. While items x parts of a type stays under
FULL_TABLE, every part gets a row for every item, absent ones too ("what the others say and this part
does not"): the whole table TXM shows. Beyond (an archive split by month has hundreds of parts and a
vocabulary of a hundred thousand lemmas), only the specific rows are kept: |score| >= BANALITY (TXM's
banality threshold: P <= 1 %), absences included -- so that the table grows with what is remarkable, not
with items x parts.

Everything runs on integer codes (CodedCounts): sizes and frequencies are bincounts, ranks and the
table's order integer sorts, and the names are taken once, for the rows written.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..tables import SPECIFICITIES
from .counts import ITEM_TYPES, CodedCounts, codes, distinct, sum_by_key
from .hypergeom import specificity

BANALITY = 2.0  # beyond FULL_TABLE, rows with |score| below this are left out
FULL_TABLE = 1_000_000  # items x parts of a type up to which every pair gets its row
_KINDS = tuple(sorted(ITEM_TYPES))  # item types in the table's order


@dataclass
class _Block:
    """The rows of one item type: parts as codes into the table's sorted part names, items as
    codes into `items` / `labels` (the type's kept items)."""

    kind: int
    part: np.ndarray
    item: np.ndarray
    f: np.ndarray
    F: np.ndarray
    t: np.ndarray
    T: int
    score: np.ndarray
    rank: np.ndarray
    items: pa.Array
    labels: pa.Array


def specificities(counts: pa.Table, field: str, *, min_freq: int = 2) -> pa.Table:
    """The specificities table (tables.SPECIFICITIES) of merged counts (COUNTS rows): rows by part,
    item type (in alphabetical order, as the table is sorted) and rank."""
    coded = []
    for item_type in _KINDS:
        rows = counts.filter(pc.equal(counts.column("item_type"), item_type))
        if rows.num_rows:
            part, part_names = codes(rows.column("part"))
            item, item_names = codes(rows.column("item"))
            label, label_names = codes(rows.column("label"))
            part, item, label = (v.astype(np.int64) for v in (part, item, label))
            count = rows.column("count").to_numpy().astype(np.int64)
            coded.append(
                CodedCounts(item_type, part, item, label, count, part_names, item_names, label_names)
            )
    return specificities_of(coded, field, min_freq=min_freq)


def specificities_of(coded: list[CodedCounts], field: str, *, min_freq: int = 2) -> pa.Table:
    """`specificities` of counts as integer codes (count_codes), one CodedCounts per item type."""
    names = (
        pa.concat_arrays([c.part_names.cast(pa.string()) for c in coded])
        if coded
        else pa.array([], pa.string())
    )
    part_names = pc.unique(names).sort() if len(names) else names  # the parts in alphabetical order
    blocks = []
    for c in sorted(coded, key=lambda c: c.item_type):
        if c.item_type == "keyword":
            c = _with_top_form(c)
        part = pc.index_in(c.part_names, value_set=part_names).to_numpy()[c.part]
        block = _of_type(c, part, len(part_names), min_freq)
        if block is not None:
            blocks.append(block)
    if not blocks:
        return SPECIFICITIES.schema.empty_table()
    return _table(blocks, field, part_names)


def _table(blocks: list[_Block], field: str, part_names: pa.Array) -> pa.Table:
    """The blocks' rows in one table: parts in alphabetical order, then item type, then rank."""

    def joined(values: list[np.ndarray]) -> np.ndarray:
        return np.concatenate(values)

    part = joined([b.part for b in blocks])
    kind = joined([np.full(b.f.size, b.kind, np.int64) for b in blocks])
    rank = joined([b.rank for b in blocks]).astype(np.int64)
    order = np.argsort((part * len(_KINDS) + kind) * (int(rank.max()) + 1) + rank, kind="stable")
    offsets = np.cumsum([0, *(len(b.items) for b in blocks)])[:-1]
    item = joined([b.item + o for b, o in zip(blocks, offsets, strict=True)])[order]
    items = pa.concat_arrays([b.items.cast(pa.string()) for b in blocks])
    labels = pa.concat_arrays([b.labels.cast(pa.string()) for b in blocks])
    f = joined([b.f for b in blocks])[order]
    F = joined([b.F[b.item] for b in blocks])[order]
    t = joined([b.t[b.part] for b in blocks])[order]
    T = joined([np.full(b.f.size, b.T, np.int64) for b in blocks])[order]
    n = order.size
    return pa.table(
        {
            "field": pa.repeat(field, n).cast(pa.string()),
            "part": part_names.take(pa.array(part[order])),
            "item_type": pa.array(_KINDS).take(pa.array(kind[order])),
            "item": items.take(pa.array(item)),
            "label": labels.take(pa.array(item)),
            "part_freq": pa.array(f, pa.int64()),
            "corpus_freq": pa.array(F, pa.int64()),
            "part_size": pa.array(t, pa.int64()),
            "corpus_size": pa.array(T, pa.int64()),
            "expected": pa.array(F * t / T),
            "score": pa.array(joined([b.score for b in blocks])[order]),
            "rank": pa.array(rank[order], pa.int32()),
        }
    ).cast(SPECIFICITIES.schema)


def _of_type(c: CodedCounts, part_code: np.ndarray, n_parts: int, min_freq: int) -> _Block | None:
    # (item, label) pairs: the item of the table (an entity is its name and its label)
    n_labels = len(c.label_names)
    pairs, item_of_row = distinct(c.item * n_labels + c.label, len(c.item_names) * n_labels)
    count = c.count
    t = np.bincount(part_code, weights=count, minlength=n_parts).astype(np.int64)
    T = int(t.sum())
    F_all = np.bincount(item_of_row, weights=count, minlength=pairs.size).astype(np.int64)
    kept_items = F_all >= min_freq
    if not kept_items.any():
        return None
    renumber = np.cumsum(kept_items) - 1
    kept_rows = kept_items[item_of_row]
    item_index, part_index, f = renumber[item_of_row[kept_rows]], part_code[kept_rows], count[kept_rows]
    F, pairs = F_all[kept_items], pairs[kept_items]
    items = c.item_names.take(pa.array(pairs // n_labels))
    labels = c.label_names.take(pa.array(pairs % n_labels))
    present = t > 0  # parts without an item of this type get no row of it
    every = F.size * int(present.sum()) <= FULL_TABLE
    absent_items, absent_parts = _absences(F, t, T, item_index, part_index, every)
    item_index = np.concatenate([item_index, absent_items])
    part_index = np.concatenate([part_index, absent_parts])
    f = np.concatenate([f, np.zeros(absent_items.size, dtype=np.int64)])
    score = specificity(f, F[item_index], t[part_index], T, banal=None if every else BANALITY)
    if not every:
        specific = ~np.isnan(score)
        specific[specific] = np.abs(score[specific]) >= BANALITY
        item_index, part_index, f, score = (
            item_index[specific],
            part_index[specific],
            f[specific],
            score[specific],
        )
    rank = _ranks(part_index, score, f, item_index, items)
    return _Block(_KINDS.index(c.item_type), part_index, item_index, f, F, t, T, score, rank, items, labels)


def _absences(
    F: np.ndarray, t: np.ndarray, T: int, item_index: np.ndarray, part_index: np.ndarray, every: bool
) -> tuple[np.ndarray, np.ndarray]:
    """(item, part) pairs absent from the counts: all of them (`every`), else those whose score,
    log10 P(X = 0), is <= -BANALITY; parts holding no item of the type have none.

    P(X = 0) falls as F grows, so for each part the items to check are those with F above a threshold
    found among the distinct values of F (few: a Zipf law's)."""
    present_keys = part_index * F.size + item_index
    if every:
        absent = np.zeros(F.size * t.size, dtype=bool)
        absent.reshape(t.size, F.size)[t > 0] = True
        absent[present_keys] = False
        missing = np.flatnonzero(absent)
        return missing % F.size, missing // F.size
    values = np.unique(F)
    present = np.sort(present_keys)
    by_frequency = np.argsort(-F, kind="stable")
    sorted_F = F[by_frequency]
    out_items, out_parts = [], []
    for j, size in enumerate(t):
        if size >= T or size == 0:  # one part: no item can be absent from it
            continue
        possible = values <= T - size  # a larger F cannot be absent from the part: P(X = 0) = 0
        zero = np.full(values.size, -np.inf)
        zero[possible] = specificity(0, values[possible], size, T)
        low = values[zero <= -BANALITY]
        if not low.size:
            continue
        candidates = by_frequency[: np.searchsorted(-sorted_F, -low.min(), side="right")]
        keys = j * F.size + candidates
        at = np.minimum(np.searchsorted(present, keys), max(present.size - 1, 0))
        keep = candidates[present[at] != keys] if present.size else candidates
        out_items.append(keep.astype(np.int64))
        out_parts.append(np.full(keep.size, j, dtype=np.int64))
    if not out_items:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(out_items), np.concatenate(out_parts)


def _ranks(
    part_index: np.ndarray, score: np.ndarray, f: np.ndarray, item_index: np.ndarray, names: pa.Array
) -> np.ndarray:
    """Rank within each part: highest score first, then the more frequent, then the item's name."""
    name_rank = pc.rank(names, sort_keys="ascending", tiebreaker="dense").to_numpy()[item_index]
    # the two tie-breaks in one integer key: higher f first, then the name
    tie = (int(f.max(initial=0)) - f) * (len(names) + 1) + name_rank
    order = np.lexsort((tie, -score, part_index))
    sorted_parts = part_index[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_parts)) + 1]
    first = np.repeat(starts, np.diff(np.r_[starts, order.size]))
    rank = np.empty(order.size, dtype=np.int32)
    rank[order] = np.arange(order.size) - first + 1
    return rank


def _with_top_form(c: CodedCounts) -> CodedCounts:
    """Keyphrases counted per written form -> per lemma, labelled with the form most frequent in the
    corpus (ties: the first in alphabetical order)."""
    n_labels, n_items = len(c.label_names), len(c.item_names)
    pairs, pair = distinct(c.item * n_labels + c.label, n_items * n_labels)
    total = np.bincount(pair, weights=c.count, minlength=pairs.size)
    item, label = pairs // n_labels, pairs % n_labels
    label_rank = pc.rank(c.label_names, sort_keys="ascending", tiebreaker="dense").to_numpy()
    order = np.lexsort((label_rank[label], -total, item))
    first = order[np.r_[True, np.diff(item[order]) != 0]]
    top = np.zeros(n_items, dtype=np.int64)
    top[item[first]] = label[first]
    keys, summed = sum_by_key(c.part * n_items + c.item, c.count, len(c.part_names) * n_items)
    items = keys % n_items
    return CodedCounts(
        c.item_type, keys // n_items, items, top[items], summed, c.part_names, c.item_names, c.label_names
    )
