"""The corpus pass is mergeable: statistics of parts merged in order give the same canonical names,
keyphrase ranks and entity summary as one part holding every row (what lets the Dask engine run it
part by part and the local engine in one piece, with the same functions)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.canonical import load_gazetteer, unify_canonicals
from pipeline.corpus_pass import (
    DocumentFrequencies,
    PartStats,
    entity_summary,
    merge_stats,
    merge_tallies,
    tally_entities,
)
from pipeline.corpus_pass.statistics import unify_vocabulary
from pipeline.keywords import CANDIDATE_COLUMNS, rank_keyphrases, rank_with_frequencies


def _ranked(frame: pd.DataFrame, frequencies: DocumentFrequencies, top_k: int) -> pd.DataFrame:
    return rank_with_frequencies(frame, frequencies.documents, frequencies.shared, top_k)


# Names written for these tests: acronyms with and without their long form, spelling variants, surnames.
NAMES = [
    "ONU",
    "Organisation des Nations unies",
    "ADEME",
    "Agence de la transition écologique",
    "Claire Fontaine",
    "Fontaine",
    "fontaine",
    "Jean Moreau",
    "Moreau",
    "Lyon",
    "LYON",
    "Élysée",
    "Elysee",
    "Conseil d'Etat",
    "Conseil d’État",
]
LABELS = ["PER", "ORG", "LOC", "MISC"]
mention = st.tuples(
    st.sampled_from(NAMES), st.one_of(st.none(), st.sampled_from(NAMES)), st.sampled_from(LABELS)
)


def _split(n: int, cuts: list[int]) -> list[tuple[int, int]]:
    bounds = sorted({0, n, *(c % (n + 1) for c in cuts)})
    return list(zip(bounds, bounds[1:], strict=False))


def _entities(rows: list[tuple[str, str | None, str]], docs: int) -> pa.Table:
    return pa.table(
        {
            "doc_id": [f"d{i % docs:02d}" for i in range(len(rows))],
            "text": [r[0] for r in rows],
            "canonical": [r[1] for r in rows],
            "label": [r[2] for r in rows],
        }
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mention, min_size=1, max_size=40), st.lists(st.integers(0, 40), max_size=4))
def test_canonicals_from_merged_parts_equal_unify_canonicals(rows, cuts) -> None:
    gazetteer = load_gazetteer()
    table = _entities(rows, docs=5)
    expected = unify_canonicals(table.to_pandas(), gazetteer).astype(str).tolist()
    empty = pa.table({"doc_id": pa.array([], pa.string()), "lemma": pa.array([], pa.string())})
    parts = [PartStats.of(table.slice(a, b - a), empty) for a, b in _split(len(rows), cuts)]
    names = unify_vocabulary(merge_stats(*parts).triples, gazetteer)
    assert [names[(r[0], r[1], r[2])] for r in rows] == expected


def test_a_defined_acronym_takes_its_long_form_across_parts() -> None:
    rows = [("ADEME", None, "ORG"), ("ADEME", "Agence de la transition écologique", "ORG")]
    parts = [PartStats.of(_entities(rows[i : i + 1], 1), _no_candidates()) for i in (0, 1)]
    names = unify_vocabulary(merge_stats(*parts).triples, load_gazetteer())
    assert names[rows[0]] == "Agence de la transition écologique"  # part 0 alone would keep "ADEME"


def _no_candidates() -> pa.Table:
    return pa.table({"doc_id": pa.array([], pa.string()), "lemma": pa.array([], pa.string())})


LEMMAS = ["transition énergétique", "énergie", "plan", "Claire Fontaine", "vélo", "sobriété", "plan vélo"]


@st.composite
def candidates(draw) -> pd.DataFrame:
    rows = []
    for d in range(draw(st.integers(1, 6))):
        for lemma in draw(st.lists(st.sampled_from(LEMMAS), min_size=0, max_size=6, unique=True)):
            rows.append(
                {
                    "doc_id": f"doc{d}",
                    "lemma": lemma,
                    "surface": draw(st.sampled_from([lemma, lemma.upper(), lemma.capitalize()])),
                    "first_offset": draw(st.integers(0, 50)),
                    "first_sentence": 0,
                    "rel_position": 0.5,
                    "frequency": draw(st.integers(1, 4)),
                    "sentence_count": 1,
                    "in_title": draw(st.booleans()),
                    "n_words": len(lemma.split()),
                    "is_name": lemma[0].isupper(),
                    "has_name": lemma[0].isupper(),
                    "is_acronym": False,
                    "has_function_word": False,
                    "head": lemma.split()[0],
                    "container_share": draw(st.sampled_from([0.0, 0.5, 1.0])),
                }
            )
    return pd.DataFrame(rows, columns=["doc_id", *CANDIDATE_COLUMNS])


@settings(max_examples=100, deadline=None)
@given(candidates(), st.integers(1, 4), st.integers(1, 5))
def test_keyphrase_ranks_from_parts_equal_ranks_of_the_whole(frame, n_parts, top_k) -> None:
    docs = sorted(frame["doc_id"].unique())
    groups = [frame[frame["doc_id"].isin(docs[i::n_parts])] for i in range(n_parts)]
    no_entities = _entities([], 1)
    stats = merge_stats(
        *(PartStats.of(no_entities, pa.Table.from_pandas(g[["doc_id", "lemma"]])) for g in groups)
    )
    frequencies = DocumentFrequencies.of(stats)
    ranked = [_ranked(g, frequencies, top_k) for g in groups if len(g)]
    ours = pd.concat(ranked, ignore_index=True) if ranked else _ranked(frame, frequencies, top_k)
    expected = rank_keyphrases(frame, top_k=top_k)
    key = ["doc_id", "rank"]
    pd.testing.assert_frame_equal(
        ours.sort_values(key).reset_index(drop=True), expected.sort_values(key).reset_index(drop=True)
    )


@settings(max_examples=100, deadline=None)
@given(st.lists(mention, min_size=1, max_size=30), st.lists(st.integers(0, 30), max_size=3))
def test_entity_summary_from_merged_tallies_equals_the_summary_of_one_part(rows, cuts) -> None:
    # Parts hold whole documents, as batches do: rows are grouped by document first.
    table = _entities(rows, docs=4)
    table = table.take(pa.compute.sort_indices(table, [("doc_id", "ascending")]))
    table = table.set_column(
        2,
        "canonical",
        pa.array(
            [c or t for t, c in zip(table["text"].to_pylist(), table["canonical"].to_pylist(), strict=True)]
        ),
    )
    countries = ["FR", None, "BE", "FR", "CH"]  # mentions of one name can disagree; ties happen
    table = table.append_column("country", pa.array([countries[i % 5] for i in range(len(table))]))
    published = {
        "d00": dt.date(2024, 3, 1),
        "d01": None,
        "d02": dt.date(2023, 12, 31),
        "d03": dt.date(2024, 1, 5),
    }
    doc_ids = table["doc_id"].to_pylist()
    starts = [0] + [i for i in range(1, len(doc_ids)) if doc_ids[i] != doc_ids[i - 1]]
    bounds = sorted({0, len(doc_ids), *(starts[c % len(starts)] for c in cuts)})
    tallies = [
        tally_entities(p, table.slice(a, b - a), published)
        for p, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False))
    ]
    ours = entity_summary(merge_tallies(*tallies))
    expected = entity_summary(tally_entities(0, table, published))
    assert ours.equals(expected)
    assert len(expected) and expected.column("country").null_count < len(expected)
