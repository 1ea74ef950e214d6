"""Similar documents: who is similar to whom, what they share, ordering, and linear size."""

from __future__ import annotations

import random
import time

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
    started = time.perf_counter()
    out = similar_documents(kw, th, ents, k=5)
    elapsed = time.perf_counter() - started
    assert len(out) == 5 * n  # k rows per document, never n x n
    assert elapsed < 60  # a few seconds on a laptop; generous for a busy shared machine
