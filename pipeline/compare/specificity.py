"""The specificities table: each part's items with Lafon's score and their rank.

From merged counts (counts.py): T and t are the occurrences of every item of the type in the corpus and
in the part (all items, before the --min-freq cut), F the item's occurrences in the corpus; items seen
fewer than `min_freq` times in the corpus are left out. While items x parts of a type stays under
FULL_TABLE, every part gets a row for every item, absent ones too ("what the others say and this part
does not"): the whole table TXM shows. Beyond (an archive split by month has hundreds of parts and a
vocabulary of a hundred thousand lemmas), only the specific rows are kept: |score| >= BANALITY (TXM's
banality threshold: P <= 1 %), absences included -- so that the table grows with what is remarkable, not
with items x parts."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..tables import SPECIFICITIES
from .counts import ITEM_TYPES, codes
from .hypergeom import specificity

BANALITY = 2.0  # beyond FULL_TABLE, rows with |score| below this are left out
FULL_TABLE = 1_000_000  # items x parts of a type up to which every pair gets its row


def specificities(counts: pa.Table, field: str, *, min_freq: int = 2) -> pa.Table:
    """The specificities table (tables.SPECIFICITIES) of merged counts: rows by part, item type (in
    alphabetical order, as the table is sorted) and rank."""
    blocks = []
    for item_type in sorted(ITEM_TYPES):
        of_type = counts.filter(pc.equal(counts.column("item_type"), item_type))
        block = _of_type(of_type, field, item_type, min_freq) if of_type.num_rows else None
        if block is not None:
            blocks.append(block)
    if not blocks:
        return SPECIFICITIES.schema.empty_table()
    table = pa.concat_tables(blocks)
    # parts in alphabetical order, then item type, then rank: integer keys, one stable sort
    part_order = pc.rank(table.column("part"), sort_keys="ascending", tiebreaker="dense").to_numpy()
    kind = pc.index_in(table.column("item_type"), value_set=pa.array(sorted(ITEM_TYPES))).to_numpy()
    order = np.lexsort((table.column("rank").to_numpy(), kind, part_order))
    return table.take(pa.array(order)).cast(SPECIFICITIES.schema)


def _of_type(counts: pa.Table, field: str, item_type: str, min_freq: int) -> pa.Table | None:
    if item_type == "keyword":
        counts = _with_top_form(counts)
    # integer codes of parts and (item, label) pairs: sizes and frequencies are bincounts
    part_code, part_names = codes(counts.column("part"))
    item_code, item_names = codes(counts.column("item"))
    label_code, label_names = codes(counts.column("label"))
    pairs, item_of_row = np.unique(item_code * len(label_names) + label_code, return_inverse=True)
    count = counts.column("count").to_numpy().astype(np.int64)
    t = np.bincount(part_code, weights=count, minlength=len(part_names)).astype(np.int64)
    T = int(t.sum())
    F_all = np.bincount(item_of_row, weights=count, minlength=pairs.size).astype(np.int64)
    kept_items = F_all >= min_freq
    if not kept_items.any():
        return None
    renumber = np.cumsum(kept_items) - 1
    kept_rows = kept_items[item_of_row]
    item_index, part_index, f = renumber[item_of_row[kept_rows]], part_code[kept_rows], count[kept_rows]
    F, pairs = F_all[kept_items], pairs[kept_items]
    items = item_names.take(pa.array(pairs // len(label_names)))
    labels = label_names.take(pa.array(pairs % len(label_names)))
    every = F.size * t.size <= FULL_TABLE
    absent_items, absent_parts = _absences(F, t, T, item_index, part_index, every)
    item_index = np.concatenate([item_index, absent_items])
    part_index = np.concatenate([part_index, absent_parts])
    f = np.concatenate([f, np.zeros(absent_items.size, dtype=np.int64)])
    score = specificity(f, F[item_index], t[part_index], T)
    if not every:
        specific = np.abs(score) >= BANALITY
        item_index, part_index, f, score = (
            item_index[specific],
            part_index[specific],
            f[specific],
            score[specific],
        )
    rank = _ranks(part_index, score, f, item_index, items)
    n = f.size
    return pa.table(
        {
            "field": pa.repeat(field, n).cast(pa.string()),
            "part": part_names.take(pa.array(part_index)),
            "item_type": pa.repeat(item_type, n).cast(pa.string()),
            "item": items.take(pa.array(item_index)),
            "label": labels.take(pa.array(item_index)),
            "part_freq": pa.array(f, pa.int64()),
            "corpus_freq": pa.array(F[item_index], pa.int64()),
            "part_size": pa.array(t[part_index], pa.int64()),
            "corpus_size": pa.repeat(T, n).cast(pa.int64()),
            "expected": pa.array(F[item_index] * t[part_index] / T),
            "score": pa.array(score),
            "rank": pa.array(rank, pa.int32()),
        }
    )


def _absences(
    F: np.ndarray, t: np.ndarray, T: int, item_index: np.ndarray, part_index: np.ndarray, every: bool
) -> tuple[np.ndarray, np.ndarray]:
    """(item, part) pairs absent from the counts: all of them (`every`), else those whose score,
    log10 P(X = 0), is <= -BANALITY.

    P(X = 0) falls as F grows, so for each part the items to check are those with F above a threshold
    found among the distinct values of F (few: a Zipf law's)."""
    present_keys = part_index * F.size + item_index
    if every:
        absent = np.ones(F.size * t.size, dtype=bool)
        absent[present_keys] = False
        missing = np.flatnonzero(absent)
        return missing % F.size, missing // F.size
    values = np.unique(F)
    present = np.sort(present_keys)
    by_frequency = np.argsort(-F, kind="stable")
    sorted_F = F[by_frequency]
    out_items, out_parts = [], []
    for j, size in enumerate(t):
        if size >= T:  # one part: no item can be absent from it
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
    order = np.lexsort((name_rank, -f, -score, part_index))
    sorted_parts = part_index[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_parts)) + 1]
    first = np.repeat(starts, np.diff(np.r_[starts, order.size]))
    rank = np.empty(order.size, dtype=np.int32)
    rank[order] = np.arange(order.size) - first + 1
    return rank


def _with_top_form(counts: pa.Table) -> pa.Table:
    """Keyphrases counted per written form -> per lemma, labelled with the form most frequent in the
    corpus (ties: the first in alphabetical order)."""
    forms = counts.group_by(["item", "label"], use_threads=False).aggregate([("count", "sum")])
    forms = forms.sort_by([("item", "ascending"), ("count_sum", "descending"), ("label", "ascending")])
    items = forms.column("item")
    first = np.r_[0, np.flatnonzero(pc.not_equal(items[1:], items[:-1]).to_numpy(zero_copy_only=False)) + 1]
    top = forms.take(pa.array(first, pa.int64()))
    label = top.column("label").take(pc.index_in(counts.column("item"), value_set=top.column("item")))
    summed = counts.set_column(counts.schema.get_field_index("label"), "label", label)
    summed = summed.group_by(["item_type", "part", "item", "label"], use_threads=False).aggregate(
        [("count", "sum")]
    )
    return summed.rename_columns(["item_type", "part", "item", "label", "count"])
