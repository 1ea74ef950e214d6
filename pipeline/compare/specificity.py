"""The specificities table: every part x item of each type, with Lafon's score and its rank.

From merged counts (counts.py): T and t are the occurrences of every item of the type in the corpus and
in the part (all items, before the --min-freq cut), F the item's occurrences in the corpus; items seen
fewer than `min_freq` times in the corpus are left out. Items absent from a part get a row too (f = 0,
a negative score): "what the others say that this part does not" is half of a comparison.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..tables import SPECIFICITIES, conform
from .counts import ITEM_TYPES
from .hypergeom import specificity


def specificities(counts: pa.Table, field: str, *, min_freq: int = 2) -> pa.Table:
    """The specificities table (tables.SPECIFICITIES) of merged counts."""
    blocks = [
        _of_type(counts.filter(pc.equal(counts.column("item_type"), item_type)), field, item_type, min_freq)
        for item_type in ITEM_TYPES
    ]
    blocks = [b for b in blocks if b is not None]
    if not blocks:
        return SPECIFICITIES.schema.empty_table()
    return conform(SPECIFICITIES, pa.concat_tables(blocks))


def _of_type(counts: pa.Table, field: str, item_type: str, min_freq: int) -> pa.Table | None:
    if not counts.num_rows:
        return None
    if item_type == "keyword":
        counts = _with_top_form(counts)
    parts = counts.group_by("part", use_threads=False).aggregate([("count", "sum")])
    order = np.argsort(np.array(parts.column("part").to_pylist(), dtype=object), kind="stable")
    part_names = pc.take(parts.column("part"), pa.array(order))
    t = parts.column("count_sum").to_numpy()[order]
    T = int(t.sum())
    items = counts.group_by(["item", "label"], use_threads=False).aggregate([("count", "sum")])
    items = items.filter(pc.greater_equal(items.column("count_sum"), min_freq))
    if not items.num_rows:
        return None
    F = items.column("count_sum").to_numpy()
    n_items, n_parts = items.num_rows, len(t)
    f = np.zeros((n_items, n_parts), dtype=np.int64)
    key = pc.binary_join_element_wise(counts.column("item"), counts.column("label"), "\x1f")
    item_keys = pc.binary_join_element_wise(items.column("item"), items.column("label"), "\x1f")
    row = pc.index_in(key, value_set=item_keys)
    col = pc.index_in(counts.column("part"), value_set=part_names)
    found = pc.is_valid(row).to_numpy(zero_copy_only=False)
    f[
        pc.filter(row, found).to_numpy(),
        pc.filter(col, found).to_numpy(),
    ] = pc.filter(counts.column("count"), found).to_numpy()
    score = specificity(f, F[:, None], t[None, :], T)
    # rank within each part: highest score first, then the more frequent, then the item
    rank = np.empty_like(f, dtype=np.int32)
    names = np.array(items.column("item").to_pylist(), dtype=object)
    by_name = np.argsort(names, kind="stable")
    name_rank = np.empty(n_items, dtype=np.int64)
    name_rank[by_name] = np.arange(n_items)
    for j in range(n_parts):
        order_j = np.lexsort((name_rank, -f[:, j], -score[:, j]))
        rank[order_j, j] = np.arange(1, n_items + 1, dtype=np.int32)
    n = n_items * n_parts
    item_index = np.repeat(np.arange(n_items), n_parts)
    part_index = np.tile(np.arange(n_parts), n_items)
    return pa.table(
        {
            "field": pa.repeat(field, n).cast(pa.string()),
            "part": pc.take(part_names, pa.array(part_index)),
            "item_type": pa.repeat(item_type, n).cast(pa.string()),
            "item": pc.take(items.column("item"), pa.array(item_index)),
            "label": pc.take(items.column("label"), pa.array(item_index)),
            "part_freq": pa.array(f.ravel()),
            "corpus_freq": pa.array(F[item_index]),
            "part_size": pa.array(t[part_index]),
            "corpus_size": pa.repeat(T, n).cast(pa.int64()),
            "expected": pa.array(F[item_index] * t[part_index] / T),
            "score": pa.array(score.ravel()),
            "rank": pa.array(rank.ravel()),
        }
    )


def _with_top_form(counts: pa.Table) -> pa.Table:
    """Keyphrases counted per written form -> per lemma, labelled with the form most frequent in the
    corpus (ties: the first in alphabetical order)."""
    forms = counts.group_by(["item", "label"], use_threads=False).aggregate([("count", "sum")])
    forms = forms.sort_by([("item", "ascending"), ("count_sum", "descending"), ("label", "ascending")])
    items = forms.column("item").to_pylist()
    first = [i for i in range(len(items)) if i == 0 or items[i] != items[i - 1]]
    top = forms.take(pa.array(first, pa.int64()))
    label = pc.take(top.column("label"), pc.index_in(counts.column("item"), value_set=top.column("item")))
    summed = counts.set_column(counts.schema.get_field_index("label"), "label", label)
    summed = summed.group_by(["item_type", "part", "item", "label"], use_threads=False).aggregate(
        [("count", "sum")]
    )
    return summed.rename_columns(["item_type", "part", "item", "label", "count"])
