"""Similar documents: for each document, the k documents that share the most specific keyphrases,
canonical entities and themes with it, and what they share.

Each document is three sparse vectors -- its keyphrase lemmas (weighted by rank), its canonical
entities (weighted by log mentions) and its themes (weighted by score) -- each feature weighted by its
inverse document frequency, so that what every document has says little. The similarity is a weighted
sum of the three cosines, in [0, 1]. It is computed document by document through an inverted index
(feature -> documents having it): memory grows with the corpus, never with its square, and the output has
at most k rows per document.

A feature more than MAX_DOCUMENTS documents have is a corpus stop-word, as in Lucene's MoreLikeThis
(maxDocFreq) or scikit-learn's max_df: it stays in its documents' norms and in what a pair is shown to
share, but no pair is matched on it. The pairs scored then grow with the corpus, not with its square (a
name or a theme in a fixed share of 50,000 releases would pair each of them with thousands of others, ties
that say nothing of which are alike); on a corpus where no feature is that common, nothing changes.
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
NONZERO = 1e-12  # a score at most this is float noise, not a similarity
MAX_DOCUMENTS = 1000  # a feature more documents have is not matched on (2 % of a 50,000-release archive)
ROUND_ONE_BY_ONE = 32  # fewer tied candidates than this are rounded one by one, more once per distinct score
# Postings at least this long are added with np.add.at, which numpy >= 1.25 runs on a fast path: about 1.5
# times faster than `scores[ix] += v` on long index arrays, slower on short ones. Same sums, bit for bit
# (a posting holds a document once, so both add each product once, in the same order).
ADD_AT = 64


@dataclass
class _Block:
    """One kind of feature: per-document unit vectors and the inverted index over them."""

    weight: float
    vectors: list[dict[str, float]]  # per document index: feature -> normalised weight
    postings: dict[str, tuple[np.ndarray, np.ndarray]]  # feature -> (document indices, weights)


def _block(weight: float, raw: list[dict[str, float]], max_documents: int = MAX_DOCUMENTS) -> _Block:
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
    # Only the features two documents or more have, and not too many, are matched on.
    lists: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for i, vec in enumerate(vectors):
        for f, w in vec.items():
            if 1 < df[f] <= max_documents:
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
    for doc_id, rank, lemma in zip(
        keywords["doc_id"].tolist(), keywords["rank"].tolist(), keywords["lemma"].tolist(), strict=True
    ):
        i = index.get(str(doc_id))
        if i is not None and isinstance(lemma, str) and lemma:
            # Rank 1 weighs 1, rank 10 about 0.5: the top of the list is what the document is about.
            w = 1.0 / (1.0 + math.log(max(int(rank), 1)))
            out[i][lemma] = max(out[i].get(lemma, 0.0), w)
    return out


def _entity_vectors(entities: pd.DataFrame, index: dict[str, int]) -> list[dict[str, float]]:
    out: list[dict[str, float]] = [{} for _ in index]
    if entities is None or not len(entities) or "canonical" not in entities:
        return out
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for doc_id, canonical in zip(entities["doc_id"].tolist(), entities["canonical"].tolist(), strict=True):
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
    for doc_id, theme, score in zip(
        themes["doc_id"].tolist(), themes["theme"].tolist(), scores.tolist(), strict=True
    ):
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
    common = a.keys() & b.keys()
    if len(common) < 2 and limit > 0:
        return "".join((names or {}).get(f, f) for f in common)
    ordered = sorted(common, key=lambda f: (-(a[f] * b[f]), f))
    return "; ".join((names or {}).get(f, f) for f in ordered[:limit])


def _surfaces(keywords: pd.DataFrame, index: dict[str, int]) -> list[dict[str, str]]:
    """Per document: keyphrase lemma -> the keyphrase as written, so shared keyphrases read naturally
    ("intelligence artificielle", not the lemma "intelligence artificiel")."""
    out: list[dict[str, str]] = [{} for _ in index]
    if keywords is None or not len(keywords) or "keyword" not in keywords:
        return out
    for doc_id, lemma, keyword in zip(
        keywords["doc_id"].tolist(), keywords["lemma"].tolist(), keywords["keyword"].tolist(), strict=True
    ):
        i = index.get(str(doc_id))
        if i is not None and isinstance(lemma, str) and isinstance(keyword, str):
            out[i].setdefault(lemma, keyword)
    return out


def _most_similar(blocks: list[_Block], n: int, k: int) -> list[tuple[list[int], list[float]]]:
    """Per document, (documents, scores) of its k most similar ones, best first.

    A document's score for i is the sum, over i's features in order (blocks in order, each vector in its
    order), of weight * w_i * w_j, each product added to the sum of the previous ones: the scores array is
    filled posting by posting. The documents of the postings reached that score above NONZERO are the
    candidates, ordered by score rounded to 12 decimals, then id (the index order of sorted ids). Only
    what was reached is read and reset, so a document costs its postings, not the corpus."""
    scores = np.zeros(n, dtype=np.float64)
    stamp = np.zeros(n, dtype=np.int64)  # scratch for the distinct documents of the postings reached
    out: list[tuple[list[int], list[float]]] = []
    for i in range(n):
        reached: list[np.ndarray] = []
        for block in blocks:
            weight, postings = block.weight, block.postings
            for f, w in block.vectors[i].items():
                posting = postings.get(f)
                if posting is not None:
                    documents, weights = posting
                    if len(documents) >= ADD_AT:
                        np.add.at(scores, documents, weight * w * weights)
                    else:
                        scores[documents] += weight * w * weights
                    reached.append(documents)
        if not reached:
            out.append(([], []))
            continue
        if len(reached) == 1:
            candidates = reached[0]
        else:
            # Each document once, without sorting: the position of its last occurrence wins the stamp.
            every = np.concatenate(reached)
            positions = np.arange(len(every))
            stamp[every] = positions
            candidates = every[stamp[every] == positions]
        scores[i] = 0.0
        values = scores[candidates]
        scores[candidates] = 0.0
        out.append(_best(candidates, values, k))
    return out


def _best(candidates: np.ndarray, values: np.ndarray, k: int) -> tuple[list[int], list[float]]:
    """The k best of some documents (each once) and their scores."""
    keep = values > NONZERO
    candidates, values = candidates[keep], values[keep]
    if not len(candidates):
        return [], []
    if len(candidates) > k:
        # At least the k-th highest score, as partitioning every candidate keeps them.
        kth = np.partition(values, len(values) - k)[len(values) - k]
        keep = values >= kth
        candidates, values = candidates[keep], values[keep]
    # Score rounded to 12 decimals (Python's round), descending, then id: one lexsort, ties included.
    if len(values) <= ROUND_ONE_BY_ONE:
        rounded = np.array([round(v, 12) for v in values.tolist()])
    else:
        distinct, inverse = np.unique(values, return_inverse=True)
        rounded = np.array([round(v, 12) for v in distinct.tolist()])[inverse]
    order = np.lexsort((candidates, -rounded))[:k]
    return candidates[order].tolist(), values[order].tolist()


def similar_documents(
    keywords: pd.DataFrame,
    themes: pd.DataFrame,
    entities: pd.DataFrame,
    k: int = 5,
    max_documents: int = MAX_DOCUMENTS,
) -> pd.DataFrame:
    """For each document, its top k most similar documents.

    keywords: doc_id, rank, lemma (the keywords table); themes: doc_id, theme, score; entities: doc_id,
    canonical (one row per mention). Returns doc_id, rank (1 = most similar), similar_doc_id, score in
    [0, 1], and the shared themes, keyphrases and canonical entities ("; "-joined). Pairs that share
    nothing are not listed; ties are broken by similar_doc_id. Keyphrases are matched on their lemma and
    written in shared_keywords as the document (doc_id) writes them. A feature more than max_documents
    documents have is not matched on (it still counts in the norms and is listed among what a pair shares).
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
        "keywords": _block(BLOCK_WEIGHTS["keywords"], _keyword_vectors(keywords, index), max_documents),
        "entities": _block(BLOCK_WEIGHTS["entities"], _entity_vectors(entities, index), max_documents),
        "themes": _block(BLOCK_WEIGHTS["themes"], _theme_vectors(themes, index), max_documents),
    }
    surfaces = _surfaces(keywords, index)
    themes_of, keywords_of, entities_of = (blocks[b].vectors for b in ("themes", "keywords", "entities"))
    columns: dict[str, list] = {c: [] for c in SIMILAR_COLUMNS}
    for i, (similar, scores) in enumerate(_most_similar(list(blocks.values()), len(ids), k)):
        for rank, (j, score) in enumerate(zip(similar, scores, strict=True), start=1):
            columns["doc_id"].append(ids[i])
            columns["rank"].append(rank)
            columns["similar_doc_id"].append(ids[j])
            columns["score"].append(round(min(score, 1.0), 4))
            columns["shared_themes"].append(_shared(themes_of[i], themes_of[j]))
            columns["shared_keywords"].append(_shared(keywords_of[i], keywords_of[j], surfaces[i]))
            columns["shared_entities"].append(_shared(entities_of[i], entities_of[j]))
    out = pd.DataFrame(columns if columns["doc_id"] else [], columns=SIMILAR_COLUMNS)
    out["rank"] = out["rank"].astype("int64")
    out["score"] = out["score"].astype("float64")
    return out
