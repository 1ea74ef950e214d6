"""Specificities: what each part of the corpus (a publisher, a year, any front-matter key) says more, or
less, than the others -- Lafon's hypergeometric score, as TXM reports it (docs/compare.md).

`hypergeom` (exact tails in log space), `counts` (item counts per part, mergeable by addition),
`specificity` (the table), `run` (`compare(out_dir, by)`: read a run's tables, score, write),
`lemmas` (the per-document content-lemma counts the per-document pass keeps for it).
"""

from __future__ import annotations

from .counts import ITEM_TYPES, CompareError, count_items, merge_counts, parts_of
from .hypergeom import specificity
from .run import Comparison, compare, read_table, summary
from .specificity import specificities

__all__ = [
    "ITEM_TYPES",
    "CompareError",
    "Comparison",
    "compare",
    "count_items",
    "merge_counts",
    "parts_of",
    "read_table",
    "specificities",
    "specificity",
    "summary",
]
