"""Keyphrase ranking invariants, on candidates built here (no spaCy analysis)."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.keywords import (
    CANDIDATE_COLUMNS,
    KeyphraseCandidate,
    candidates_frame,
    rank_keyphrases,
    rank_with_frequencies,
)


# ----------------------------------------------------------------------------- ranking
def cand(lemma: str, frequency: int = 1, offset: int = 0, **kw) -> KeyphraseCandidate:
    values = dict(
        lemma=lemma,
        surface=lemma,
        first_offset=offset,
        first_sentence=0,
        rel_position=0.0,
        frequency=frequency,
        sentence_count=frequency,
        in_title=False,
        n_words=len(lemma.split()),
        is_name=False,
        has_name=False,
        is_acronym=False,
        has_function_word=" de " in f" {lemma} ",
        head=lemma.split()[0],
        container_share=0.0,
    )
    values.update(kw)
    return KeyphraseCandidate(**values)


def frame(docs: dict[str, list[KeyphraseCandidate]]) -> pd.DataFrame:
    return pd.concat([candidates_frame(d, c) for d, c in docs.items()], ignore_index=True)


def test_rank_columns_top_k_and_consecutive_ranks():
    corpus = frame(
        {"a": [cand(f"mot{i}", frequency=i + 1, offset=i) for i in range(30)], "b": [cand("seul")]}
    )
    out = rank_keyphrases(corpus, top_k=7)
    assert list(out.columns) == ["doc_id", "rank", "keyword", "lemma", "score"]
    assert out.groupby("doc_id").size().to_dict() == {"a": 7, "b": 1}
    for _, g in out.groupby("doc_id"):
        assert list(g["rank"]) == list(range(1, len(g) + 1))
        assert g["score"].is_monotonic_decreasing
    assert list(out[out.doc_id == "a"]["lemma"][:3]) == ["mot29", "mot28", "mot27"]  # frequency first


def test_rank_is_deterministic_and_independent_of_row_order():
    docs = {d: [cand(f"w{j}", frequency=1 + j % 3, offset=j) for j in range(12)] for d in "xyz"}
    corpus = frame(docs)
    expected = rank_keyphrases(corpus, top_k=5)
    rows = list(range(len(corpus)))
    random.Random(7).shuffle(rows)
    shuffled = rank_keyphrases(corpus.iloc[rows].reset_index(drop=True), top_k=5)
    pd.testing.assert_frame_equal(expected, shuffled)
    # Equal scores: the earlier phrase first, then the lemma.
    tied = rank_keyphrases(frame({"d": [cand("b", offset=5), cand("a", offset=5), cand("c", offset=1)]}))
    assert list(tied["lemma"]) == ["c", "a", "b"]


def test_rank_keeps_one_row_per_lemma_and_folded_surface():
    corpus = frame(
        {"d": [cand("x", 2), cand("x", 2), cand("y", 1, surface="Élan"), cand("z", 1, surface="elan")]}
    )
    out = rank_keyphrases(corpus)
    assert list(out["lemma"]).count("x") == 1
    assert len([k for k in out["keyword"] if k.lower() in ("élan", "elan")]) == 1


def test_one_document_corpus_and_title_and_fragments():
    corpus = frame(
        {
            "seul": [
                cand("corps", 2, offset=50),
                cand("titre", 2, offset=0, in_title=True),
                cand("fragment", 2, offset=60, container_share=1.0),
                cand("nom", 2, offset=70, is_name=True, has_name=True),
            ]
        }
    )
    out = rank_keyphrases(corpus)
    assert list(out["lemma"]) == ["titre", "nom", "corps", "fragment"]
    assert (out["score"] > 0).all()


def test_document_frequency_lowers_what_every_document_has():
    docs = {d: [cand("commun", 3, offset=0), cand(f"propre{d}", 3, offset=10)] for d in "abcd"}
    out = rank_keyphrases(frame(docs))
    assert (out[out["rank"] == 1]["lemma"].str.startswith("propre")).all()


def test_a_phrase_in_nearly_every_document_of_a_corpus_sinks_below_the_topics():
    # The publisher's city in all six releases, more frequent and in the title: still below the topic.
    docs = {d: [cand("brignolles", 3, in_title=True), cand(f"sujet{d}", 2, offset=10)] for d in "abcdef"}
    out = rank_keyphrases(frame(docs))
    assert (out[out["rank"] == 1]["lemma"].str.startswith("sujet")).all()
    few = {d: [cand("brignolles", 3, in_title=True), cand(f"sujet{d}", 2, offset=10)] for d in "abc"}
    out = rank_keyphrases(frame(few))  # three documents: too few to call anything boilerplate
    assert (out[out["rank"] == 1]["lemma"] == "brignolles").all()


def test_a_common_word_weighs_less_than_a_rare_one():
    out = rank_keyphrases(frame({"a": [cand("pays", 3, common_rank=150), cand("compostage", 2, offset=5)]}))
    assert list(out["lemma"]) == ["compostage", "pays"]


def test_ranking_parts_with_corpus_frequencies_equals_ranking_the_corpus():
    docs = {
        f"d{i}": [cand("commun", 2, offset=0), cand(f"propre{i}", 2, offset=9), cand("rare", 1 + i % 2)]
        for i in range(6)
    }
    corpus = frame(docs)
    whole = rank_keyphrases(corpus, top_k=3)
    df = corpus.drop_duplicates(["doc_id", "lemma"]).groupby("lemma").size().to_dict()
    parts = [
        rank_with_frequencies(corpus[corpus.doc_id.isin(p)], 6, df, 3)
        for p in (["d0", "d1"], ["d2", "d3", "d4", "d5"])
    ]
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), whole)


def test_rank_needs_only_the_core_columns():
    minimal = pd.DataFrame(
        {
            "doc_id": ["d", "d"],
            "lemma": ["a", "b"],
            "surface": ["A", "B"],
            "frequency": [1, 3],
            "first_offset": [0, 5],
        }
    )
    assert list(rank_keyphrases(minimal)["keyword"]) == ["B", "A"]
    with pytest.raises(ValueError, match="lemma"):
        rank_keyphrases(minimal.drop(columns="lemma"))


def test_rank_empty_input():
    out = rank_keyphrases(pd.DataFrame(columns=["doc_id", *CANDIDATE_COLUMNS]))
    assert out.empty and list(out.columns) == ["doc_id", "rank", "keyword", "lemma", "score"]
    assert rank_keyphrases(frame({"d": [cand("a")]}), top_k=0).empty


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["d1", "d2", "d3"]),
            st.sampled_from(["alpha", "beta", "gamma", "delta", "alpha beta", "gamma de delta"]),
            st.integers(1, 6),
            st.booleans(),
            st.floats(0, 1),
            st.integers(0, 500),
        ),
        max_size=40,
    ),
    st.integers(1, 5),
)
def test_rank_invariants(rows, top_k):
    docs: dict[str, list[KeyphraseCandidate]] = {}
    for doc_id, lemma, freq, title, share, offset in rows:
        docs.setdefault(doc_id, []).append(cand(lemma, freq, offset, in_title=title, container_share=share))
    corpus = frame(docs) if docs else pd.DataFrame(columns=["doc_id", *CANDIDATE_COLUMNS])
    out = rank_keyphrases(corpus, top_k=top_k)
    assert (out.groupby("doc_id").size() <= top_k).all()
    for doc_id, g in out.groupby("doc_id"):
        assert g["lemma"].is_unique
        assert list(g["rank"]) == list(range(1, len(g) + 1))
        assert g["score"].is_monotonic_decreasing
        assert set(g["lemma"]) <= {c.lemma for c in docs[doc_id]}
    pd.testing.assert_frame_equal(out, rank_keyphrases(corpus, top_k=top_k))


def test_a_word_never_seen_outside_its_phrase_weighs_less_than_one_mostly_inside():
    fragment = cand("cime", 3, container_share=1.0)
    mostly_inside = cand("glacier", 3, offset=4, container_share=0.7)
    out = rank_keyphrases(frame({"a": [fragment, mostly_inside]}))
    assert list(out["lemma"]) == ["glacier", "cime"]
    assert out["score"].iloc[0] > 2 * out["score"].iloc[1]


@pytest.mark.parametrize("high", [3, 1 << 20, 1 << 62])
def test_sorting_packed_keys_gives_the_order_of_lexsort(high):
    # Keys that fit in 63 bits are packed into one and sorted stably; wider ones go through np.lexsort:
    # the same positions either way, ties kept in their order.
    from pipeline.keywords.ranking import _sorted_by

    rng = np.random.default_rng(7)
    keys = [rng.integers(0, high, 5000), rng.integers(0, 40, 5000), rng.integers(0, 3, 5000)]
    assert np.array_equal(_sorted_by(*keys), np.lexsort(tuple(reversed(keys))))


# ----------------------------------------------------------------------------- redundancy
def test_a_run_of_words_of_a_better_phrase_gives_its_slot_to_the_next_topic():
    # "frelon" scores above "apiculteur" on its own, but "frelon asiatique", ranked first, says it
    # already: the next topic gets its slot, and "frelon" comes last, after every new topic.
    doc = [
        cand("frelon asiatique", 12, offset=0, n_words=2),
        cand("frelon", 9, offset=1),
        cand("apiculteur", 4, offset=2),
        cand("piège", 3, offset=3),
    ]
    top2 = rank_keyphrases(frame({"a": doc}), top_k=2)
    assert list(top2["lemma"]) == ["frelon asiatique", "apiculteur"]
    everything = rank_keyphrases(frame({"a": doc}), top_k=10)
    assert list(everything["lemma"]) == ["frelon asiatique", "apiculteur", "piège", "frelon"]
    assert everything["score"].is_monotonic_decreasing


def test_a_shorter_word_run_is_redundant_only_on_word_bounds():
    # "port" is not a run of words of "portail numérique": both stay in the top 2.
    doc = [cand("portail numérique", 5, offset=0, n_words=2), cand("port", 6, offset=1)]
    out = rank_keyphrases(frame({"a": doc}), top_k=2)
    assert set(out["lemma"]) == {"portail numérique", "port"}


def test_the_full_phrase_takes_the_slot_of_a_word_mostly_seen_inside_it():
    # "agence" is nearly always "agence de bassin" (container share 0.8): the full phrase takes its
    # slot, with its score; "agence" is pushed out of the top 2.
    doc = [
        cand("agence", 20, offset=0, container_share=0.8),
        cand("crue", 5, offset=1),
        cand("agence de bassin", 4, offset=2, n_words=2),
        cand("digue", 1, offset=3),
    ]
    out = rank_keyphrases(frame({"a": doc}), top_k=2)
    assert list(out["lemma"]) == ["agence de bassin", "crue"]
    assert out["score"].is_monotonic_decreasing


def test_a_word_often_seen_alone_keeps_its_slot_beside_the_longer_phrase():
    # "crue" is seen alone most of the time (share 0.2): "crue centennale" is another keyphrase, not a
    # replacement; the rule only drops "crue" when it comes after the phrase that contains it.
    doc = [
        cand("crue", 8, offset=0, container_share=0.2),
        cand("crue centennale", 4, offset=1, n_words=2),
        cand("digue", 1, offset=2),
    ]
    out = rank_keyphrases(frame({"a": doc}), top_k=2)
    assert list(out["lemma"]) == ["crue", "crue centennale"]


def test_a_noun_of_the_release_frame_weighs_less_than_its_topic():
    # "volet" and "programme" say how the release is organised, "reboisement" what it is about: with the
    # same counts the topic comes first, and a frame noun inside a phrase is not weighed down.
    doc = [
        cand("volet", 4, offset=0),
        cand("programme", 4, offset=1),
        cand("reboisement", 4, offset=2),
        cand("programme de reboisement", 4, offset=3, n_words=2),
    ]
    out = rank_keyphrases(frame({"a": doc}))
    assert list(out["lemma"])[:2] == ["reboisement", "programme de reboisement"]
    scores = dict(zip(out["lemma"], out["score"], strict=True))
    assert scores["volet"] == pytest.approx(scores["reboisement"] / 2)


def test_a_common_noun_with_a_capital_weighs_less_than_the_same_rank_lower_case():
    # "Tribunal" (its lower-case form is the frequent one: common_rank > 0) stands for "Tribunal
    # administratif"; a real name (common_rank 0) and a lower-case noun of the same rank are not touched.
    doc = [
        cand("tribunal", 4, offset=0, surface="Tribunal", is_name=True, common_rank=3000),
        cand("incinérateur", 4, offset=1, common_rank=3000),
        cand("vaubreuil", 4, offset=2, surface="Vaubreuil", is_name=True, common_rank=0),
    ]
    scores = dict(zip(*rank_keyphrases(frame({"a": doc}))[["lemma", "score"]].T.values, strict=True))
    assert scores["tribunal"] == pytest.approx(0.3 * scores["incinérateur"])
    assert scores["vaubreuil"] > scores["incinérateur"]


def test_codes_of_arrow_strings_sort_as_python_does():
    from pipeline.keywords.ranking import _codes

    words = ["été", "zone", None, "Éole", "eau", "œuvre", "zone", "été", "ça", "Zèbre", "e"]
    plain = pd.Series(words, dtype=object)
    codes, uniques = _codes(plain)
    assert uniques == sorted({w for w in words if w is not None})
    assert codes[words.index(None)] == len(uniques)  # missing last
    for series in (
        pd.Series(words, dtype=pd.ArrowDtype(pa.string())),
        pd.Series(words, dtype="string[pyarrow]"),
    ):
        assert series.dtype.storage == "pyarrow"  # the Arrow path is the one taken
        arrow_codes, arrow_uniques = _codes(series)
        assert arrow_uniques == uniques and arrow_codes.tolist() == codes.tolist()
