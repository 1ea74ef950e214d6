"""The corpus pass: document frequencies over the documents ranked together, one score per candidate,
and the top keyphrases of each document. Separate from extraction because it needs the whole corpus
(or, distributed, the frequencies of the whole corpus)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..french import fold
from ..tables import KEYWORDS
from .vocabulary import FRAME_NOUNS

_RANK_COLUMNS = KEYWORDS.column_names  # the keywords table (tables.py)
_RANK_DTYPES = {"rank": "int64", "score": "float64"}  # others: object

# Ranking weights (see docs and rank_keyphrases). Round values, chosen on the dev part of WikiNews-fr as a
# whole and checked on its two halves; each one is a known regularity of news writing.
TITLE_WEIGHT = 3.0  # an occurrence in the title counts as much as three more occurrences
NAME_WEIGHT = 0.5  # proper names and designations ("sonde Hermine") are 1.5 times as likely
LENGTH_DECAY = 0.8  # each extra word: a longer phrase is rarer and must earn its rank
CONTAINED_PENALTY = 0.3  # a word that seldom occurs outside one short phrase ("Aiguille" in "pic Aiguille")
CONTAINED_SHARE = 0.6  # ... inside it at least this share of the time
FRAGMENT_PENALTY = 0.1  # a word never seen outside that phrase ("Aiguille"): a cut-off piece, not a keyphrase
IDF_EXPONENT = 0.5  # damped: in a small corpus one shared word must not sink a topic
# Specificity of a one-word candidate against general French (commonness.py): a word among the COMMON
# most frequent weighs COMMON_FLOOR, one beyond the SPECIFIC most frequent weighs 1, log-linear between.
# SPECIFIC was 1,000 until the third held-out set: the everyday nouns of ranks 1,000-2,000 ("station",
# "patients", "musée", "phase") fill releases of every kind; at 2,000, F@5 rose on the three held-out sets
# and press-real, and WikiNews-fr moved by 0.001 (3,000 lowered F@10 on WikiNews-fr and the new set).
COMMON, SPECIFIC, COMMON_FLOOR = 100, 2_000, 0.3
# A phrase in UBIQUITY_SHARE of the documents of a corpus of UBIQUITY_MIN_DOCS or more: UBIQUITY_PENALTY.
UBIQUITY_SHARE, UBIQUITY_MIN_DOCS, UBIQUITY_PENALTY = 0.8, 5, 0.2
# A capitalised word whose lower-case form is the more frequent in general French (commonness.py): a
# common noun with a capital ("Tribunal", "Ministre", "Région") stands for a longer name or a role
# ("Tribunal administratif", "Région Occitanie"), which is the keyphrase; alone it weighs CAPITALISED_COMMON.
CAPITALISED_COMMON = 0.3
FRAME_WEIGHT = 0.5  # a noun of the release's own frame alone ("plan", "volet": vocabulary.FRAME_NOUNS)
# A phrase of several words headed by a role noun ("ministre des sports", "porte-parole de la police"):
# the person is the keyphrase, not the office; alone ("président", "ministre") news readers keep it.
ROLE_HEAD_WEIGHT = 0.5
ROLE_WEIGHT = 1.0  # a person named with a role ("la maire, Awa Diallo"): once is enough to be an actor


def candidate_scores(candidates: pd.DataFrame, idf: pd.Series) -> pd.Series:
    """score = frequency x title x name x length x containment x idf x role (all multiplicative, >= 0).

    frequency: occurrences in the document (TF, the strongest single signal on news);
    title: 1 + TITLE_WEIGHT when the phrase occurs in the title line (FirstPhrases: position matters);
    name: 1 + NAME_WEIGHT for names, acronyms and noun + name designations without a preposition;
    length: LENGTH_DECAY ** (words - 1);
    containment: containment_weight of the share of its occurrences inside one longer phrase (of <= 3
    words for a word; filters.container_shares): the longer phrase is the keyphrase, its fragments are
    not;
    specificity: specificity_weight of a one-word candidate's rank in general French, and
    CAPITALISED_COMMON for a common noun written with a capital;
    idf: (ln((1 + N) / (1 + df)) + 1) ** IDF_EXPONENT over the N documents ranked together (1 when N = 1);
    role: 1 + ROLE_WEIGHT for the first person the release names with a role (filters.first_actor),
    ROLE_HEAD_WEIGHT for an office (is_office: "ministre des sports").
    """
    c = candidates
    common = c["common_rank"].astype(float)
    name_like = (c["is_name"].astype(bool) & (common == 0)) | (
        c["has_name"].astype(bool) & ~c["has_function_word"].astype(bool) & (c["n_words"] > 1)
    )
    words = c["n_words"].clip(lower=1).astype(float)
    capitalised_common = c["is_name"].astype(bool) & (common > 0) & (c["n_words"] == 1)
    return (
        c["frequency"].astype(float)
        * (1.0 + TITLE_WEIGHT * c["in_title"].astype(float))
        * (1.0 + NAME_WEIGHT * name_like.astype(float))
        * LENGTH_DECAY ** (words - 1.0)
        * containment_weight(c["container_share"].astype(float), c["n_words"])
        * specificity_weight(common)
        * (1.0 - (1.0 - CAPITALISED_COMMON) * capitalised_common.astype(float))
        * idf**IDF_EXPONENT
        * (1.0 + ROLE_WEIGHT * c["has_role"].astype(float))
        * (1.0 - (1.0 - ROLE_HEAD_WEIGHT) * c["is_office"].astype(float))
    )


def containment_weight(share: pd.Series, n_words: pd.Series) -> pd.Series:
    """CONTAINED_PENALTY for a candidate mostly seen inside one longer phrase (share >= CONTAINED_SHARE),
    FRAGMENT_PENALTY for a word never seen outside it; 1 otherwise."""
    weight = pd.Series(1.0, index=share.index)
    weight = weight.mask(share >= CONTAINED_SHARE, CONTAINED_PENALTY)
    return weight.mask((share >= 1.0) & (n_words == 1), FRAGMENT_PENALTY)


def ubiquity_weight(document_frequency: float, n_docs: int) -> float:
    """UBIQUITY_PENALTY for a phrase in at least UBIQUITY_SHARE of the documents of a corpus of at least
    UBIQUITY_MIN_DOCS: what (nearly) every release repeats -- the publisher, its city, its slogan -- is
    not what one of them is about; 1 otherwise. IDF alone is damped too much to push it out."""
    if n_docs < UBIQUITY_MIN_DOCS or document_frequency < UBIQUITY_SHARE * n_docs:
        return 1.0
    return UBIQUITY_PENALTY


def specificity_weight(common_rank: pd.Series) -> pd.Series:
    """COMMON_FLOOR .. 1 from a one-word candidate's rank in general French (0: no evidence, 1): "pays"
    or "retour" fill any release; a rarer word ("sécheresse") names what this one is about."""
    lo, hi = math.log(COMMON), math.log(SPECIFIC)
    rank = common_rank.astype(float)
    scaled = ((np.log(rank.clip(lower=1.0)) - lo) / (hi - lo)).clip(COMMON_FLOOR, 1.0)
    return scaled.where(rank > 0, 1.0)


REDUNDANCY_WALK = 10  # choices walked per document by the redundancy rule (at least top_k)

# Neutral values for ranking features missing from candidate rows (cached by an older version).
_NEUTRAL: dict[str, object] = {
    "in_title": False,
    "is_name": False,
    "has_name": False,
    "has_function_word": False,
    "n_words": 1,
    "container_share": 0.0,
    "common_rank": 0,
    "has_role": False,
    "is_office": False,
}


def rank_keyphrases(candidates: pd.DataFrame, top_k: int = 10) -> pd.DataFrame:
    """The top_k keyphrases of each document: columns doc_id, rank (1-based), keyword, lemma, score.

    `candidates`: KeyphraseCandidate fields plus doc_id, for every document of the corpus. Document
    frequencies are counted over the distinct doc_ids present. Deterministic: ties are broken by first
    offset, then lemma; one row per lemma and per accent/case-folded surface form.
    """
    if candidates is None or len(candidates) == 0:
        return rank_with_frequencies(candidates, 0, {}, top_k)
    ids = candidates["doc_id"].astype(str) if "doc_id" in candidates else None
    if ids is None or "lemma" not in candidates:
        return rank_with_frequencies(candidates, 0, {}, top_k)  # raises the missing-column error
    doc_freq = pd.DataFrame({"d": ids, "l": candidates["lemma"]}).drop_duplicates().groupby("l").size()
    return rank_with_frequencies(candidates, ids.nunique(), doc_freq.to_dict(), top_k)


def rank_with_frequencies(
    candidates: pd.DataFrame | None, n_docs: int, document_frequency: Mapping[str, int], top_k: int = 10
) -> pd.DataFrame:
    """rank_keyphrases for some documents of a corpus whose size and lemma document frequencies are known
    (a distributed corpus pass ranks its parts with the frequencies of the whole corpus)."""
    if candidates is None or len(candidates) == 0 or top_k <= 0:
        return pd.DataFrame({c: pd.Series(dtype=_RANK_DTYPES.get(c, "object")) for c in _RANK_COLUMNS})
    missing = {"doc_id", "lemma", "surface", "frequency", "first_offset"} - set(candidates.columns)
    if missing:
        raise ValueError(f"keyphrase candidates lack column(s) {', '.join(sorted(missing))}")
    ids = candidates["doc_id"].astype(str)
    # Sorting and de-duplicating on integer codes that keep the strings' order (factorize(sort=True)):
    # the same order as sorting the strings. String columns are never reordered: a corpus has millions of
    # candidate rows, and gathering strings costs more than the sorts; `rows` maps each working position
    # to its input row, and strings are read through it at the end.
    doc, _ = _codes(ids)
    lemma, lemmas = _codes(candidates["lemma"])
    offset = candidates["first_offset"].to_numpy()
    order = _sorted_by(doc, offset, lemma)  # by document, first offset, lemma
    rows = order[_first_of_each(doc[order] * (lemma.max() + 1) + lemma[order])]  # one row per lemma
    doc, lemma = doc[rows], lemma[rows]
    features = pd.DataFrame({c: _column(candidates, c, rows) for c in _SCORE_COLUMNS})
    # Per distinct lemma, not per row (a corpus has millions of candidates and far fewer lemmas): the
    # same numbers, computed once each (a missing lemma, coded last, is in one document).
    frequencies = [float(document_frequency.get(x, 1)) for x in lemmas] + [1.0]
    logs = {f: math.log((1.0 + n_docs) / (1.0 + f)) for f in set(frequencies)}
    idf = pd.Series(np.array([logs[f] + 1.0 for f in frequencies], dtype=float)[lemma])
    ubiquities = {f: ubiquity_weight(f, n_docs) for f in logs}
    ubiquity = np.array([ubiquities[f] for f in frequencies])[lemma]
    frame = np.array([FRAME_WEIGHT if x in FRAME_NOUNS else 1.0 for x in lemmas] + [1.0])[lemma]
    score = (candidate_scores(features, idf) * ubiquity * frame).round(6).to_numpy()
    # By document, best score, then first offset and lemma: the rows are in that last order already,
    # so a stable sort on (document, score) is enough.
    best_first = np.unique(-score, return_inverse=True)[1].reshape(-1)
    order = np.argsort(doc * (int(best_first.max()) + 1) + best_first, kind="stable")
    # Lemmatiser variants (surfaces equal but for case and accents): one row. Surfaces coded once over the
    # input rows, each distinct surface folded once, compared as integer codes.
    surface_codes, distinct = pd.factorize(candidates["surface"].to_numpy())
    folded = pd.factorize(np.array([fold(s) for s in distinct.tolist()] + [""], dtype=object))[0][
        surface_codes[rows[order]]
    ]
    kept = order[_first_of_each(doc[order] * (folded.max() + 1) + folded)]  # lemmatiser variants: one row
    shares = features["container_share"].to_numpy(dtype=float)
    names = [*lemmas, ""]  # the lemma of each code (a missing lemma is coded last)
    kept, kept_score = _without_redundancy(kept, doc[kept], (lemma, names), shares, score, top_k)
    doc = doc[kept]
    starts = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1]])  # each document's first kept row
    rank = np.arange(len(kept)) - np.repeat(starts, np.diff(np.r_[starts, len(kept)])) + 1
    top = rank <= top_k
    chosen = rows[kept[top]]  # input rows
    out = pd.DataFrame(
        {
            "doc_id": ids.to_numpy(dtype=object)[chosen],
            "rank": rank[top].astype("int64"),
            "keyword": candidates["surface"].to_numpy(dtype=object)[chosen],
            "lemma": candidates["lemma"].to_numpy(dtype=object)[chosen],
            "score": kept_score[top].astype("float64"),
        },
        columns=_RANK_COLUMNS,
    )
    return out


def _without_redundancy(
    kept: np.ndarray,
    doc: np.ndarray,
    lemmas: tuple[np.ndarray, list[str]],
    shares: np.ndarray,
    score: np.ndarray,
    top_k: int,
) -> tuple[np.ndarray, np.ndarray]:
    """`kept` (rows grouped by document, best first) with each document's top_k slots given to phrases
    that say something new (a containment rule, the cheap form of MMR's redundancy term):

    - a candidate whose lemma is a run of words of a better phrase already chosen repeats it and moves
      after the top_k ("moustique" after "moustique tigre", "Salon européen" after "Salon européen de
      la céramique ancienne");
    - a longer phrase that contains a chosen one mostly seen inside a longer phrase (container_share >=
      CONTAINED_SHARE: "Agence", nearly always "Agence de bassin") takes that one's slot: the
      full phrase is what the short one stood for.

    Measured on press-real, WikiNews-fr and the held-out set (tests/data/keywords/heldout): F@5 up on
    all three, F@10 not lower. Only a document's first max(top_k, REDUNDANCY_WALK) choices are walked,
    so that its top 5 is the same whether 5 or 10 keyphrases are asked for.

    Returns the reordered rows and their scores, still decreasing within a document: the full phrase
    keeps the score of the slot it takes, and a repeated phrase's score is capped by the ones before it."""
    walk = max(top_k, REDUNDANCY_WALK)
    codes, names = lemmas  # each row's lemma code, and the lemma of each code
    starts = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1]])
    # Each document's first 3 x walk rows only, read into lists at once: a walk is a dozen steps.
    taken = np.minimum(np.diff(np.r_[starts, len(doc)]), 3 * walk)
    first = np.cumsum(taken) - taken  # where each document's rows start in the lists
    at = np.repeat(starts - first, taken) + np.arange(int(taken.sum()))  # their positions in `kept`
    rows = kept[at]
    word_at, inside_at = codes[rows].tolist(), (shares[rows] >= CONTAINED_SHARE).tolist()
    scores, rows = score[rows].tolist(), rows.tolist()
    out, out_score = kept.copy(), score[kept]
    padded_of: dict[int, str] = {}  # lemma code -> the lemma with a space either side (word bounds)
    for lo, w0, n in zip(starts.tolist(), first.tolist(), taken.tolist(), strict=True):
        chosen: list[int] = []  # indices into the lists
        slots: list[float] = []  # each chosen slot's score: its first occupant's
        padded: list[str] = []
        joined = ""  # the chosen padded lemmas joined by "|": one substring test against all of them
        fragments: list[int] = []  # slots whose phrase is mostly seen inside a longer one
        later: list[int] = []
        end = w0 + n
        for i in range(w0, w0 + n):
            if len(chosen) >= walk:
                end = i
                break
            pad = padded_of.get(word_at[i])
            if pad is None:
                pad = padded_of[word_at[i]] = f" {names[word_at[i]]} "
            if pad in joined:
                later.append(i)
                continue
            k = next((k for k in fragments if padded[k] in pad), -1) if fragments else -1
            if k < 0:
                k = len(chosen)
                chosen.append(i)
                padded.append(pad)
                slots.append(scores[i])
                joined += "|" + pad
            else:  # the full phrase takes the slot (and the score) of the fragment it contains
                later.append(chosen[k])
                chosen[k], padded[k] = i, pad
                fragments.remove(k)
                joined = "|".join(padded)
            if inside_at[i]:
                fragments.append(k)
        if not later:
            continue
        floor = slots[-1]
        for i in later:  # a repeated phrase is capped by the ones before it
            floor = min(floor, scores[i])
            slots.append(floor)
        out[lo : lo + end - w0] = [rows[i] for i in chosen + later]
        out_score[lo : lo + end - w0] = slots
    return out, out_score


# The candidate columns candidate_scores reads (plus container_share, read by the redundancy rule).
_SCORE_COLUMNS = ("frequency", "in_title", "is_name", "has_name", "has_function_word", "n_words")
_SCORE_COLUMNS += ("container_share", "common_rank", "has_role", "is_office")


def _column(candidates: pd.DataFrame, name: str, rows: np.ndarray) -> np.ndarray:
    """One ranking feature at `rows`, or its neutral value when the rows (cached by an older version)
    lack it."""
    if name in candidates.columns:
        return candidates[name].to_numpy()[rows]
    return np.full(len(rows), _NEUTRAL[name])


def _codes(values: pd.Series) -> tuple[np.ndarray, list]:
    """Integer codes in the values' sort order, missing values last (as pandas sorts them), and the
    distinct values they code."""
    if getattr(values.dtype, "storage", None) == "pyarrow":  # pandas' Arrow-backed strings
        arrow = pa.array(values.array)  # through __arrow_array__: the Arrow data itself
        if isinstance(arrow, pa.ChunkedArray):
            arrow = arrow.combine_chunks()
        if pa.types.is_string(arrow.type) or pa.types.is_large_string(arrow.type):
            return _arrow_codes(arrow)
    codes, uniques = pd.factorize(values, sort=True)
    return np.where(codes < 0, len(uniques), codes).astype(np.int64), list(uniques)


def _arrow_codes(values: pa.Array) -> tuple[np.ndarray, list]:
    """_codes of Arrow strings, encoded and sorted by Arrow: the distinct strings are sorted in C++
    (UTF-8 byte order is code-point order, Python's), not compared as Python objects (half the time on
    the 4 million candidate rows of 50,000 releases)."""
    encoded = pc.dictionary_encode(values)
    order = pc.sort_indices(encoded.dictionary).to_numpy()
    rank = np.empty(len(order) + 1, dtype=np.int64)
    rank[order] = np.arange(len(order))
    rank[len(order)] = len(order)  # a missing value, coded last
    indices = encoded.indices.fill_null(len(order)).to_numpy(zero_copy_only=False).astype(np.int64)
    return rank[indices], encoded.dictionary.take(pa.array(order)).to_pylist()


def _sorted_by(*keys: np.ndarray) -> np.ndarray:
    """Positions that sort non-negative integer keys (the first the most significant), ties in their
    order: one stable sort of a packed key when the keys fit in 63 bits, else np.lexsort."""
    bits = [max(int(k.max()), 1).bit_length() if len(k) else 1 for k in keys]
    if sum(bits) > 63 or any(len(k) and int(k.min()) < 0 for k in keys):
        return np.lexsort(tuple(reversed(keys)))
    packed = np.zeros(len(keys[0]), dtype=np.int64)
    for key, width in zip(keys, bits, strict=True):
        packed = (packed << width) | key.astype(np.int64)
    return np.argsort(packed, kind="stable")


def _first_of_each(keys: np.ndarray) -> np.ndarray:
    """Positions of the first occurrence of each key, in their order (pandas' duplicated(keep="first"))."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    _, first = np.unique(keys, return_index=True)
    return np.sort(first)
