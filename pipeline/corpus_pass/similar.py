"""Similar documents and the document x theme matrix, from final tables."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..similarity import similar_documents
from ..tables import SIMILAR_DOCUMENTS, conform, frame_of, table_of
from ..themes import Taxonomy, theme_matrix


def similar_table(keywords: pa.Table, themes: pa.Table, entities: pa.Table, k: int) -> pa.Table:
    """Similar pairs need every document's features at once: the one step held in one process, on the
    keywords and themes (a few rows per document) and the entities' canonical names.

    Themes are the finer ones (level 2) when there are any: the 17 broad subjects, one to three per
    release, say little about which releases are alike and would make every pair of a large corpus
    share one (the time of the step grows with the square of a feature's documents)."""
    if "level" in themes.column_names and pc.any(pc.equal(themes.column("level"), 2)).as_py():
        themes = themes.filter(pc.equal(themes.column("level"), 2))
    similar = similar_documents(frame_of(keywords), frame_of(themes), frame_of(entities), k=k)
    return conform(SIMILAR_DOCUMENTS, table_of(SIMILAR_DOCUMENTS, similar))


def theme_matrix_of(documents: pa.Table, themes: pa.Table, taxonomy: Taxonomy) -> pd.DataFrame:
    """The wide document x theme matrix of some documents (those analysed), in doc_id order."""
    frame = documents.select(["doc_id", "status"]).to_pandas()
    ok_ids = sorted(frame.loc[frame["status"] == "ok", "doc_id"])
    return theme_matrix(frame_of(themes), ok_ids, taxonomy)
