"""Keyphrase candidates (one rule per test, on French sentences written for it) and ranking invariants."""

from __future__ import annotations

import dataclasses
import random
import typing

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.keywords import (
    CANDIDATE_COLUMNS,
    KeyphraseCandidate,
    candidates_frame,
    keyphrase_candidates,
    rank_keyphrases,
    rank_with_frequencies,
    title_span,
)


def cands(nlp, text: str) -> dict[str, KeyphraseCandidate]:
    return {c.lemma: c for c in keyphrase_candidates(nlp(text))}


def surfaces(nlp, text: str) -> set[str]:
    return {c.surface for c in keyphrase_candidates(nlp(text))}


# ----------------------------------------------------------------------------- candidate extraction
def test_phrase_with_a_function_word_and_its_parts(nlp):
    found = cands(nlp, "La joueuse américaine a remporté le tournoi de Wimbledon pour la septième fois.")
    assert found["tournoi de wimbledon"].surface == "tournoi de Wimbledon"
    assert found["tournoi de wimbledon"].has_function_word
    assert {"tournoi", "wimbledon", "joueur américain"} <= set(found)  # head word, the name, NOUN ADJ


def test_preposition_article_and_number_inside_a_phrase(nlp):
    found = surfaces(nlp, "L'accident est dû à la défaillance des deux moteurs de l'appareil.")
    assert "défaillance des deux moteurs" in found
    assert "accident" in found


def test_names_with_numbers(nlp):
    found = cands(nlp, "La fusée Falcon 9 a décollé de Floride avec la capsule Dragon.")
    assert found["falcon 9"].surface == "Falcon 9" and found["falcon 9"].is_name
    assert found["fusée falcon 9"].has_name and not found["fusée falcon 9"].is_name
    assert "capsule dragon" in found


def test_number_and_capitals_split_by_the_tokenizer_are_one_word(nlp):
    found = cands(nlp, "Le déploiement de la 5G commence dans les zones rurales.")
    assert found["5g"].surface == "5G"
    assert "g" not in found and "gramme" not in found


def test_acronyms(nlp):
    found = cands(nlp, "L'OTAN et la NASA ont signé un accord de coopération avec l'ONU.")
    for key in ("otan", "nasa", "onu"):
        assert found[key].is_acronym and found[key].is_name
    assert not found["accord de coopération"].is_acronym


def test_a_name_is_never_cut(nlp):
    found = cands(nlp, "L'ONG Human Rights Watch publie un rapport accablant.")
    assert "human rights watch" in found
    assert not {"rights", "human", "watch", "human rights", "rights watch"} & set(found)


def test_surname_and_initials_count_for_the_full_name(nlp):
    found = cands(nlp, "Serena Williams a gagné la finale. Williams a ensuite remercié le public.")
    assert found["serena williams"].frequency == 2 and "williams" not in found
    found = cands(nlp, "Barack Obama a parlé longuement. Le discours de B. Obama a duré une heure.")
    assert found["barack obama"].frequency == 2 and "b. obama" not in found


def test_hyphenated_compound_is_one_word(nlp):
    found = cands(nlp, "Le musée des beaux-arts de Montréal ouvre une nouvelle salle.")
    assert "musée des beaux-arts de Montréal" in {c.surface for c in found.values()}
    assert "beaux-arts" in found
    assert "art" not in found and "arts" not in found


def test_generic_nouns_are_not_keyphrases_on_their_own(nlp):
    found = cands(nlp, "La réunion aura lieu lundi à Lyon.")
    assert "réunion" in found and "lyon" in found
    assert not {"lieu", "lundi", "lieu lundi"} & set(found)
    assert "niveau de vie" in cands(nlp, "Le niveau de vie des ménages baisse depuis deux ans.")


def test_participle_after_an_auxiliary_is_a_verb(nlp):
    found = cands(nlp, "Une banque espagnole a fait faillite. Les emplois menacés sont nombreux.")
    assert "faire faillite" not in found and "faillite" in found
    assert "emploi menacer" in found or "emploi menacé" in found  # post-nominal participle: an adjective


def test_candidates_are_deduplicated_by_lemma(nlp):
    found = cands(nlp, "Les banques espagnoles sont fragiles. Une banque espagnole a fait faillite.")
    assert found["banque espagnol"].frequency == 2
    assert found["banque espagnol"].surface in {"banques espagnoles", "banque espagnole"}
    assert len([k for k in found if k.startswith("banque")]) == 2  # "banque" and "banque espagnol"


def test_a_word_only_seen_inside_a_phrase_is_marked(nlp):
    found = cands(
        nlp, "La vigilance orange est déclenchée. La vigilance orange concerne trente départements."
    )
    assert found["vigilance"].container_share == 1.0
    assert found["vigilance orange"].container_share == 0.0


def test_title_line_and_in_title(nlp):
    doc = nlp(
        "Télécoms : la 5G arrive dans les campagnes\nLe déploiement de la 5G commence dans les villages."
    )
    found = {c.lemma: c for c in keyphrase_candidates(doc)}
    assert found["5g"].in_title and found["campagne"].in_title
    assert not found["déploiement"].in_title and not found["village"].in_title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Un titre sans point\nLe corps du texte. La suite.", "Un titre sans point"),
        ("Le numérique fait partie de nos vies. Mais pas seulement.\nSuite.", None),  # prose first
        (
            "Communiqué de presse\n\nParis, le 12 mars 2024\nLa France lance un plan 5G\nTexte.",
            "La France lance un plan 5G",
        ),
        (
            "\n\n  Sensibilisation du public aux risques en ligne  \n\nTexte.",
            "Sensibilisation du public aux risques en ligne",
        ),
    ],
)
def test_title_span(text, title):
    span = title_span(text)
    assert (text[span[0] : span[1]] if span else None) == title


def test_candidates_are_flat_and_ordered(nlp):
    hints = typing.get_type_hints(KeyphraseCandidate)
    assert all(hints[f.name] in (str, int, float, bool) for f in dataclasses.fields(KeyphraseCandidate))
    found = keyphrase_candidates(
        nlp("La Commission européenne présente un plan pour les centres de données.")
    )
    offsets = [c.first_offset for c in found]
    assert offsets == sorted(offsets) and found
    assert keyphrase_candidates(nlp("")) == []


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


# ----------------------------------------------------------------------------- end to end
def test_press_release_keyphrases(nlp):
    text = (
        "Centres de données : un appel à projets pour réduire leur consommation d'énergie\n"
        "Le ministère chargé du numérique lance un appel à projets doté de 50 millions d'euros pour les "
        "centres de données. Les centres de données consomment une part croissante de l'électricité. "
        "Les projets retenus devront réduire la consommation d'énergie des serveurs et récupérer la chaleur. "
        "L'Arcep publiera chaque année un bilan de la consommation d'énergie des centres de données."
    )
    out = rank_keyphrases(candidates_frame("cp", keyphrase_candidates(nlp(text))), top_k=5)
    top = [k.lower() for k in out["keyword"]]
    assert "centres de données" in top
    assert any("consommation" in k for k in top)
    assert len(top) == 5
