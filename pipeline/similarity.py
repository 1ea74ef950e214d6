"""Similar documents: for each document, the k documents that share the most specific keyphrases,
canonical entities and themes with it, and what they share.

Each document is three sparse vectors -- its keyphrase lemmas (weighted by rank), its canonical
entities (weighted by log mentions) and its themes (weighted by score) -- each feature weighted by its
inverse document frequency, so that what every document has says little. The similarity is a weighted
sum of the three cosines, in [0, 1]. It is computed document by document through an inverted index
(feature -> documents having it): memory grows with the corpus, never with its square, and the output has
at most k rows per document.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["similar_documents", "BLOCK_WEIGHTS", "SIMILAR_COLUMNS"]

SIMILAR_COLUMNS = [
    "doc_id",
    "rank",
    "similar_doc_id",
    "score",
    "shared_themes",
    "shared_keywords",
    "shared_entities",
]
# What two documents sharing the same things means: specific keyphrases and named entities say more than
# broad themes, which many documents of a corpus on one policy field share.
BLOCK_WEIGHTS = {"keywords": 0.4, "entities": 0.35, "themes": 0.25}


@dataclass
class _Block:
    """One kind of feature: per-document unit vectors and the inverted index over them."""

    weight: float
    vectors: list[dict[str, float]]  # per document index: feature -> normalised weight
    postings: dict[str, tuple[np.ndarray, np.ndarray]]  # feature -> (document indices, weights)


def _block(weight: float, raw: list[dict[str, float]]) -> _Block:
    n = len(raw)
    df: dict[str, int] = defaultdict(int)
    for vec in raw:
        for f in vec:
            df[f] += 1
    vectors: list[dict[str, float]] = []
    for vec in raw:
        # Features of one document only cannot be shared, but they still count in its norm.
        weighted = {f: w * (math.log((1 + n) / (1 + df[f])) + 1.0) for f, w in vec.items() if w > 0}
        norm = math.sqrt(sum(w * w for w in weighted.values()))
        vectors.append({f: w / norm for f, w in weighted.items()} if norm else {})
    lists: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for i, vec in enumerate(vectors):
        for f, w in vec.items():
            if df[f] > 1:
                lists[f][0].append(i)
                lists[f][1].append(w)
    postings = {
        f: (np.asarray(ix, dtype=np.int64), np.asarray(ws, dtype=np.float64)) for f, (ix, ws) in lists.items()
    }
    return _Block(weight, vectors, postings)


def _keyword_vectors(keywords: pd.DataFrame, index: dict[str, int]) -> list[dict[str, float]]:
    out: list[dict[str, float]] = [{} for _ in index]
    if keywords is None or not len(keywords):
        return out
    for row in keywords.itertuples(index=False):
        i = index.get(str(row.doc_id))
        if i is not None and isinstance(row.lemma, str) and row.lemma:
            # Rank 1 weighs 1, rank 10 about 0.5: the top of the list is what the document is about.
            w = 1.0 / (1.0 + math.log(max(int(row.rank), 1)))
            out[i][row.lemma] = max(out[i].get(row.lemma, 0.0), w)
    return out


def _entity_vectors(entities: pd.DataFrame, index: dict[str, int]) -> list[dict[str, float]]:
    out: list[dict[str, float]] = [{} for _ in index]
    if entities is None or not len(entities) or "canonical" not in entities:
        return out
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for doc_id, canonical in zip(entities["doc_id"], entities["canonical"], strict=True):
        i = index.get(str(doc_id))
        if i is not None and isinstance(canonical, str) and canonical.strip():
            counts[(i, canonical.strip())] += 1
    for (i, canonical), n in counts.items():
        out[i][canonical] = 1.0 + math.log(n)
    return out


def _theme_vectors(themes: pd.DataFrame, index: dict[str, int]) -> list[dict[str, float]]:
    out: list[dict[str, float]] = [{} for _ in index]
    if themes is None or not len(themes):
        return out
    scores = themes["score"] if "score" in themes else pd.Series(1.0, index=themes.index)
    for doc_id, theme, score in zip(themes["doc_id"], themes["theme"], scores, strict=True):
        i = index.get(str(doc_id))
        if i is not None and isinstance(theme, str):
            # Damped: a theme discussed at length and one well above the threshold are both "the topic".
            out[i][theme] = math.log1p(max(float(score), 0.0)) or 1.0
    return out


def _ordered_ids(*frames: pd.DataFrame | None) -> list[str]:
    ids: set[str] = set()
    for frame in frames:
        if frame is not None and len(frame) and "doc_id" in frame:
            ids.update(str(d) for d in frame["doc_id"].unique())
    return sorted(ids)


def _shared(
    a: dict[str, float], b: dict[str, float], names: dict[str, str] | None = None, limit: int = 10
) -> str:
    """Features both documents have, the most important for the pair first, written with `names` (the
    first document's keyphrase as written, for a lemma) when given."""
    common = sorted(set(a) & set(b), key=lambda f: (-(a[f] * b[f]), f))
    return "; ".join((names or {}).get(f, f) for f in common[:limit])


def _surfaces(keywords: pd.DataFrame, index: dict[str, int]) -> list[dict[str, str]]:
    """Per document: keyphrase lemma -> the keyphrase as written, so shared keyphrases read naturally
    ("intelligence artificielle", not the lemma "intelligence artificiel")."""
    out: list[dict[str, str]] = [{} for _ in index]
    if keywords is None or not len(keywords) or "keyword" not in keywords:
        return out
    for doc_id, lemma, keyword in zip(
        keywords["doc_id"], keywords["lemma"], keywords["keyword"], strict=True
    ):
        i = index.get(str(doc_id))
        if i is not None and isinstance(lemma, str) and isinstance(keyword, str):
            out[i].setdefault(lemma, keyword)
    return out


def similar_documents(
    keywords: pd.DataFrame, themes: pd.DataFrame, entities: pd.DataFrame, k: int = 5
) -> pd.DataFrame:
    """For each document, its top k most similar documents.

    keywords: doc_id, rank, lemma (the keywords table); themes: doc_id, theme, score; entities: doc_id,
    canonical (one row per mention). Returns doc_id, rank (1 = most similar), similar_doc_id, score in
    [0, 1], and the shared themes, keyphrases and canonical entities ("; "-joined). Pairs that share
    nothing are not listed; ties are broken by similar_doc_id. Keyphrases are matched on their lemma and
    written in shared_keywords as the document (doc_id) writes them.
    """
    ids = _ordered_ids(keywords, themes, entities)
    if len(ids) < 2 or k <= 0:
        return pd.DataFrame(
            {
                c: pd.Series(dtype="int64" if c == "rank" else "float64" if c == "score" else "object")
                for c in SIMILAR_COLUMNS
            }
        )
    index = {d: i for i, d in enumerate(ids)}
    blocks = {
        "keywords": _block(BLOCK_WEIGHTS["keywords"], _keyword_vectors(keywords, index)),
        "entities": _block(BLOCK_WEIGHTS["entities"], _entity_vectors(entities, index)),
        "themes": _block(BLOCK_WEIGHTS["themes"], _theme_vectors(themes, index)),
    }
    surfaces = _surfaces(keywords, index)
    n = len(ids)
    rows = []
    scores = np.zeros(n, dtype=np.float64)
    for i, doc_id in enumerate(ids):
        scores[:] = 0.0
        for block in blocks.values():
            for f, w in block.vectors[i].items():
                posting = block.postings.get(f)
                if posting is not None:
                    scores[posting[0]] += block.weight * w * posting[1]
        scores[i] = 0.0
        candidates = np.flatnonzero(scores > 1e-12)
        if not len(candidates):
            continue
        if len(candidates) > k:
            # Keep every document tied with the k-th best, then order by (-score, id) for determinism.
            kth = np.partition(scores[candidates], len(candidates) - k)[len(candidates) - k]
            candidates = candidates[scores[candidates] >= kth]
        ranked = sorted(candidates.tolist(), key=lambda j: (-round(float(scores[j]), 12), ids[j]))[:k]
        for rank, j in enumerate(ranked, start=1):
            rows.append(
                {
                    "doc_id": doc_id,
                    "rank": rank,
                    "similar_doc_id": ids[j],
                    "score": round(min(float(scores[j]), 1.0), 4),
                    "shared_themes": _shared(blocks["themes"].vectors[i], blocks["themes"].vectors[j]),
                    "shared_keywords": _shared(
                        blocks["keywords"].vectors[i], blocks["keywords"].vectors[j], surfaces[i]
                    ),
                    "shared_entities": _shared(blocks["entities"].vectors[i], blocks["entities"].vectors[j]),
                }
            )
    out = pd.DataFrame(rows, columns=SIMILAR_COLUMNS)
    out["rank"] = out["rank"].astype("int64")
    out["score"] = out["score"].astype("float64")
    return out
