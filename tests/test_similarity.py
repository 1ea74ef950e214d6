"""Similar documents: who is similar to whom, what they share, ordering, and linear size."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from pipeline.similarity import SIMILAR_COLUMNS, similar_documents


def keywords(rows: dict[str, list[str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"doc_id": d, "rank": r, "keyword": k, "lemma": k, "score": 10.0 - r}
            for d, ks in rows.items()
            for r, k in enumerate(ks, 1)
        ],
        columns=["doc_id", "rank", "keyword", "lemma", "score"],
    )


def themes(rows: dict[str, list[str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"doc_id": d, "theme": t, "label": t, "score": 6.0, "hits": 3, "evidence": ""}
            for d, ts in rows.items()
            for t in ts
        ],
        columns=["doc_id", "theme", "label", "score", "hits", "evidence"],
    )


def entities(rows: dict[str, list[str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"doc_id": d, "canonical": e, "label": "ORG"} for d, es in rows.items() for e in es],
        columns=["doc_id", "canonical", "label"],
    )


@pytest.fixture
def corpus():
    kw = keywords(
        {
            "ia1": ["intelligence artificielle", "règlement", "risque"],
            "ia2": ["intelligence artificielle", "risque", "modèle"],
            "sante": ["hôpital", "télémédecine", "patient"],
            "sante2": ["hôpital", "patient", "urgence"],
            "seul": ["festival", "musique"],
        }
    )
    th = themes(
        {
            "ia1": ["intelligence_artificielle", "regulation_gouvernance"],
            "ia2": ["intelligence_artificielle", "securite"],
            "sante": ["sante"],
            "sante2": ["sante", "securite"],
        }
    )
    ents = entities(
        {
            "ia1": ["Commission européenne", "Commission européenne", "Union européenne"],
            "ia2": ["Commission européenne", "OCDE"],
            "sante": ["Ministère de la Santé"],
            "sante2": ["Ministère de la Santé", "ANSSI"],
        }
    )
    return kw, th, ents


def test_most_similar_and_what_is_shared(corpus):
    out = similar_documents(*corpus, k=5)
    assert list(out.columns) == SIMILAR_COLUMNS
    top = out[out["rank"] == 1].set_index("doc_id")["similar_doc_id"].to_dict()
    assert top == {"ia1": "ia2", "ia2": "ia1", "sante": "sante2", "sante2": "sante"}
    pair = out[(out.doc_id == "ia1") & (out.similar_doc_id == "ia2")].iloc[0]
    assert pair.shared_themes == "intelligence_artificielle"
    assert set(pair.shared_keywords.split("; ")) == {"intelligence artificielle", "risque"}
    assert pair.shared_entities == "Commission européenne"
    assert "seul" not in set(out["doc_id"]) | set(out["similar_doc_id"])  # shares nothing with anyone


def test_scores_are_bounded_symmetric_and_ordered(corpus):
    out = similar_documents(*corpus, k=5)
    assert ((out["score"] > 0) & (out["score"] <= 1)).all()
    scores = {(r.doc_id, r.similar_doc_id): r.score for r in out.itertuples()}
    for (a, b), s in scores.items():
        assert scores[(b, a)] == pytest.approx(s, abs=1e-4)
        assert a != b
    for _, g in out.groupby("doc_id"):
        assert list(g["rank"]) == list(range(1, len(g) + 1))
        assert g["score"].is_monotonic_decreasing


def test_identical_documents_score_one():
    kw = keywords({"a": ["x", "y"], "b": ["x", "y"]})
    th = themes({"a": ["sante"], "b": ["sante"]})
    ents = entities({"a": ["OMS"], "b": ["OMS"]})
    out = similar_documents(kw, th, ents, k=3)
    assert out["score"].tolist() == [1.0, 1.0]


def test_a_feature_every_document_has_weighs_less():
    # A keyword every document has must weigh less than an entity only two documents share.
    kw = keywords({d: ["commun"] for d in "abcd"})
    ents = entities({"a": ["Rare"], "b": ["Rare"]})
    out = similar_documents(kw, themes({}), ents, k=3)
    assert out[out.doc_id == "a"].iloc[0].similar_doc_id == "b"
    assert out[out.doc_id == "c"].iloc[0].score < out[out.doc_id == "a"].iloc[0].score


def test_k_ties_and_determinism():
    kw = keywords({d: ["même"] for d in ["d3", "d1", "d2", "d0"]})
    out = similar_documents(kw, themes({}), entities({}), k=2)
    assert out.groupby("doc_id").size().max() == 2
    assert list(out[out.doc_id == "d3"]["similar_doc_id"]) == ["d0", "d1"]  # ties: by document id
    pd.testing.assert_frame_equal(
        out, similar_documents(kw.sample(frac=1, random_state=3), themes({}), entities({}), k=2)
    )


def test_shared_keyphrases_are_matched_on_lemma_and_written_as_in_the_document():
    kw = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "rank": [1, 1],
            "keyword": ["intelligence artificielle", "Intelligence Artificielle"],
            "lemma": ["intelligence artificiel", "intelligence artificiel"],
            "score": [5.0, 5.0],
        }
    )
    out = similar_documents(kw, themes({}), entities({}), k=1).set_index("doc_id")
    assert out.loc["a", "shared_keywords"] == "intelligence artificielle"
    assert out.loc["b", "shared_keywords"] == "Intelligence Artificielle"


def test_empty_and_tiny_inputs():
    empty = similar_documents(keywords({}), themes({}), entities({}), k=5)
    assert empty.empty and list(empty.columns) == SIMILAR_COLUMNS
    assert similar_documents(keywords({"a": ["x"]}), themes({}), entities({}), k=5).empty
    assert similar_documents(keywords({"a": ["x"], "b": ["x"]}), themes({}), entities({}), k=0).empty
    no_canonical = pd.DataFrame({"doc_id": ["a", "b"], "label": ["ORG", "ORG"]})
    assert len(similar_documents(keywords({"a": ["x"], "b": ["x"]}), themes({}), no_canonical, k=5)) == 2


def test_output_grows_linearly_with_the_corpus():
    rng = random.Random(11)
    vocabulary = [f"mot{i}" for i in range(400)]
    names = [f"org{i}" for i in range(150)]
    theme_ids = ["sante", "securite", "environnement", "intelligence_artificielle"]
    n = 3000
    kw = keywords({f"d{i}": rng.sample(vocabulary, 10) for i in range(n)})
    th = themes({f"d{i}": rng.sample(theme_ids, 2) for i in range(n)})
    ents = entities({f"d{i}": rng.sample(names, 4) for i in range(n)})
    out = similar_documents(kw, th, ents, k=5)
    assert len(out) == 5 * n  # k rows per document, never n x n (its time: benchmarks/corpus_pass.py)


def reference(
    kw: pd.DataFrame, th: pd.DataFrame, ents: pd.DataFrame, k: int, max_documents: int = 1000
) -> pd.DataFrame:
    """The specification, scored the plain way: every document against every other on the features at
    most max_documents documents have, candidates sorted in Python by (score rounded to 12 decimals,
    descending; id)."""
    from pipeline import similarity as s

    ids = s._ordered_ids(kw, th, ents)
    index = {d: i for i, d in enumerate(ids)}
    vectors_of = {
        "keywords": s._keyword_vectors(kw, index),
        "entities": s._entity_vectors(ents, index),
        "themes": s._theme_vectors(th, index),
    }
    blocks = {name: s._block(s.BLOCK_WEIGHTS[name], raw, len(ids)) for name, raw in vectors_of.items()}
    documents_having: dict[tuple[str, str], int] = {}
    for name, block in blocks.items():
        for vector in block.vectors:
            for f in vector:
                documents_having[(name, f)] = documents_having.get((name, f), 0) + 1
    surfaces = s._surfaces(kw, index)
    rows = []
    scores = np.zeros(len(ids))
    for i, doc_id in enumerate(ids):
        scores[:] = 0.0
        for name, block in blocks.items():
            for f, w in block.vectors[i].items():
                posting = block.postings.get(f)
                if posting is not None and documents_having[(name, f)] <= max_documents:
                    scores[posting[0]] += block.weight * w * posting[1]
        scores[i] = 0.0
        candidates = np.flatnonzero(scores > 1e-12)
        if len(candidates) > k:
            kth = np.partition(scores[candidates], len(candidates) - k)[len(candidates) - k]
            candidates = candidates[scores[candidates] >= kth]
        ranked = sorted(candidates.tolist(), key=lambda j: (-round(float(scores[j]), 12), ids[j]))[:k]
        for rank, j in enumerate(ranked, start=1):
            vectors = {name: block.vectors for name, block in blocks.items()}
            rows.append(
                {
                    "doc_id": doc_id,
                    "rank": rank,
                    "similar_doc_id": ids[j],
                    "score": round(min(float(scores[j]), 1.0), 4),
                    "shared_themes": s._shared(vectors["themes"][i], vectors["themes"][j]),
                    "shared_keywords": s._shared(vectors["keywords"][i], vectors["keywords"][j], surfaces[i]),
                    "shared_entities": s._shared(vectors["entities"][i], vectors["entities"][j]),
                }
            )
    out = pd.DataFrame(rows, columns=SIMILAR_COLUMNS)
    return out.astype({"rank": "int64", "score": "float64"})


KEYPHRASES = [
    "transition énergétique",
    "rénovation des écoles",
    "intelligence artificielle",
    "données personnelles",
    "logement social",
    "santé mentale",
    "formation professionnelle",
    "patrimoine culturel",
    "mobilité douce",
    "cybersécurité",
]
NAMES = ["France", "Paris", "Union européenne", "Ministère de la Culture", "CNIL", "Élisabeth Borne", "Lyon"]
THEMES = ["sante", "securite", "environnement", "intelligence_artificielle"]


def tied_corpus(seed: int, n: int = 60) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Releases with few features drawn from small vocabularies: many share exactly the same theme
    (single-theme vectors tie exactly), the same lone name ("France" and nothing else) or are copies."""
    rng = random.Random(seed)
    kw_rows, th_rows, en_rows = {}, {}, {}
    for d in range(n):
        doc = f"cp{d:03d}"
        if d and rng.random() < 0.15:  # a copy of an earlier release
            src = f"cp{rng.randrange(d):03d}"
            kw_rows[doc], th_rows[doc], en_rows[doc] = kw_rows[src], th_rows[src], en_rows[src]
            continue
        kw_rows[doc] = rng.sample(KEYPHRASES, rng.choice([0, 0, 1, 2, 3]))
        th_rows[doc] = rng.sample(THEMES, rng.choice([0, 1, 1, 1, 2]))
        en_rows[doc] = [rng.choice(NAMES) for _ in range(rng.choice([0, 1, 1, 2, 4]))]
    ordered = sorted(kw_rows, key=lambda _: rng.random())  # rows in no particular document order
    return (
        keywords({d: kw_rows[d] for d in ordered}),
        themes({d: th_rows[d] for d in ordered}),
        entities({d: en_rows[d] for d in ordered}),
    )


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("k", [1, 3, 5])
def test_same_rows_as_scoring_every_pair(seed, k):
    corpus = tied_corpus(seed)
    pd.testing.assert_frame_equal(similar_documents(*corpus, k=k), reference(*corpus, k=k), check_exact=True)


def test_ties_on_a_theme_go_to_the_smallest_ids_after_what_is_really_shared():
    # Twenty releases about health only, two of them also naming the CNIL: those two first, then the
    # smallest ids among the eighteen that share nothing but the theme (all exactly 0.25).
    docs = [f"s{d:02d}" for d in range(20)]
    th = themes({d: ["sante"] for d in reversed(docs)})
    ents = entities({"s07": ["CNIL"], "s13": ["CNIL"]})
    out = similar_documents(keywords({}), th, ents, k=4)
    assert list(out[out.doc_id == "s07"]["similar_doc_id"]) == ["s13", "s00", "s01", "s02"]
    assert list(out[out.doc_id == "s00"]["similar_doc_id"]) == ["s01", "s02", "s03", "s04"]
    assert out[(out.doc_id == "s00")]["score"].tolist() == [0.25] * 4
    pd.testing.assert_frame_equal(out, reference(keywords({}), th, ents, k=4), check_exact=True)


def test_a_name_many_releases_share_does_not_hide_a_closer_one():
    # "France" is in every release, a rare keyphrase in three: the k-th best comes from the rare
    # keyphrase, and every release tied on "France" alone ranks after, smallest ids first.
    docs = [f"f{d:02d}" for d in range(12)]
    ents = entities({d: ["France"] for d in docs})
    kw = keywords(
        {"f05": ["rénovation des écoles"], "f09": ["rénovation des écoles"], "f11": ["rénovation des écoles"]}
    )
    out = similar_documents(kw, themes({}), ents, k=3)
    assert list(out[out.doc_id == "f09"]["similar_doc_id"]) == ["f05", "f11", "f00"]
    pd.testing.assert_frame_equal(out, reference(kw, themes({}), ents, k=3), check_exact=True)


@pytest.mark.parametrize("seed", range(2))
def test_long_postings_give_the_same_rows_as_scoring_every_pair(seed):
    """Postings of ADD_AT documents or more are added by np.add.at: the same sums, bit for bit."""
    from pipeline.similarity import ADD_AT

    corpus = tied_corpus(seed, n=5 * ADD_AT)
    assert corpus[1]["theme"].value_counts().max() >= ADD_AT  # the long-posting path is taken
    pd.testing.assert_frame_equal(similar_documents(*corpus, k=5), reference(*corpus, k=5), check_exact=True)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("max_documents", [3, 8, 15])
def test_features_too_many_documents_have_are_not_matched_on(seed, max_documents):
    corpus = tied_corpus(seed)
    out = similar_documents(*corpus, k=3, max_documents=max_documents)
    expected = reference(*corpus, k=3, max_documents=max_documents)
    pd.testing.assert_frame_equal(out, expected, check_exact=True)
    # The cap changes who is paired: releases tied on a common theme or name alone are no longer listed.
    uncapped = similar_documents(*corpus, k=3)
    pairs, uncapped_pairs = (set(zip(t.doc_id, t.similar_doc_id, strict=True)) for t in (out, uncapped))
    assert pairs != uncapped_pairs


def test_a_name_in_every_release_pairs_none_but_is_still_shown_and_weighed():
    # "France" in all ten releases, more than the cap of five: only the two releases that also share a
    # rare keyphrase are paired, France is among what they share but adds nothing to their score.
    docs = [f"r{d}" for d in range(10)]
    ents = entities({d: ["France"] for d in docs})
    kw = keywords({"r2": ["rénovation des écoles"], "r6": ["rénovation des écoles"]})
    capped = similar_documents(kw, themes({}), ents, k=3, max_documents=5)
    assert sorted(zip(capped.doc_id, capped.similar_doc_id, strict=True)) == [("r2", "r6"), ("r6", "r2")]
    assert set(capped.shared_entities) == {"France"}
    assert set(capped.shared_keywords) == {"rénovation des écoles"}
    # Matched on the keyphrase alone: 0.4 x cos(keyphrases) = 0.4, where France's entity block would add 0.35.
    assert capped.score.tolist() == [0.4, 0.4]
    exact = similar_documents(kw, themes({}), ents, k=3)  # 10 releases: under the default cap
    assert exact[exact.doc_id == "r2"].score.iloc[0] == pytest.approx(0.75)


def test_the_cap_is_the_one_the_data_dictionary_gives():
    from pipeline.similarity import MAX_DOCUMENTS
    from pipeline.tables import SIMILAR_DOCUMENTS

    (score,) = [c for c in SIMILAR_DOCUMENTS.columns if c.name == "score"]
    assert f"features of over {MAX_DOCUMENTS:,} documents" in score.doc
