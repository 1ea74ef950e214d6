"""The entity summary: counts, date bounds, surface forms and country of each canonical entity, from
tallies that merge across parts of the corpus."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa

from pipeline.canonical import most_frequent
from pipeline.corpus_pass import entity_summary, tally_entities
from pipeline.tables import ENTITY_SUMMARY


def _entities(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "text", "label", "canonical"])


def summarise(ents: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """The summary of one part holding every mention."""
    published = (
        {} if documents is None else dict(zip(documents["doc_id"], documents["published"], strict=True))
    )
    table = pa.Table.from_pandas(ents.astype({"text": str}), preserve_index=False)
    return entity_summary(tally_entities(0, table, published)).to_pandas(date_as_object=True)


def test_summary_counts_dates_and_surface_forms():
    ents = _entities(
        [
            ("a", 0, 2, "UE", "ORG", "Union européenne"),
            ("a", 5, 7, "UE", "ORG", "Union européenne"),
            ("b", 0, 16, "Union européenne", "ORG", "Union européenne"),
            ("b", 20, 26, "Berlin", "LOC", "Berlin"),
            ("c", 0, 6, "Berlin", "LOC", "Berlin"),
            ("c", 9, 15, "Berlin", "LOC", "Berlin"),
            ("d", 0, 2, "UE", "ORG", "Union européenne"),
        ]
    )
    docs = pd.DataFrame(
        {"doc_id": ["a", "b", "c", "d"], "published": [dt.date(2024, 3, 1), dt.date(2023, 1, 5), None, None]}
    )
    out = summarise(ents, docs)
    assert list(out.columns) == ENTITY_SUMMARY.column_names
    eu, berlin = out.iloc[0], out.iloc[1]
    assert (eu.canonical, eu.documents, eu.mentions) == ("Union européenne", 3, 4)
    assert (eu.first_published, eu.last_published) == (dt.date(2023, 1, 5), dt.date(2024, 3, 1))
    assert eu.surface_forms == "UE; Union européenne"
    assert (berlin.canonical, berlin.documents, berlin.mentions) == ("Berlin", 2, 3)
    assert berlin.first_published == dt.date(2023, 1, 5) and berlin.last_published == dt.date(2023, 1, 5)
    assert out["documents"].dtype == "int32"


def test_summary_sort_order_and_missing_dates():
    ents = _entities(
        [
            ("a", 0, 1, "B", "ORG", "Beta"),
            ("a", 2, 3, "A", "ORG", "Alpha"),
            ("a", 4, 5, "A", "ORG", "Alpha"),
            ("b", 0, 1, "C", "ORG", "Gamma"),
            ("b", 2, 3, "B", "ORG", "Beta"),
        ]
    )
    out = summarise(ents, pd.DataFrame({"doc_id": ["a", "b"], "published": [None, dt.date(2020, 2, 2)]}))
    assert list(out.canonical) == ["Beta", "Alpha", "Gamma"]
    assert out.iloc[1].first_published is None
    assert out.iloc[2].first_published == dt.date(2020, 2, 2)


def test_summary_of_nothing():
    out = summarise(_entities([]), pd.DataFrame({"doc_id": [], "published": []}))
    assert out.empty and "surface_forms" in out.columns


def test_summary_country_is_the_most_frequent_of_the_mentions():
    ents = _entities(
        [
            ("a", 0, 5, "Paris", "LOC", "Paris"),
            ("b", 0, 5, "Paris", "LOC", "Paris"),
            ("c", 0, 5, "Paris", "LOC", "Paris"),
            ("a", 9, 15, "Nivelles", "LOC", "Nivelles"),
            ("b", 9, 15, "Nivelles", "LOC", "Nivelles"),
            ("c", 9, 15, "Nivelles", "LOC", "Nivelles"),
            ("a", 20, 28, "Atlantide", "LOC", "Atlantide"),
        ]
    )
    ents["country"] = ["US", None, "FR", "FR", "BE", "BE", None]
    out = summarise(ents, pd.DataFrame({"doc_id": [], "published": []})).set_index("canonical")
    assert out.loc["Paris", "country"] == "FR"  # a tie, 1 against 1: the smallest code, as pandas' mode
    assert out.loc["Nivelles", "country"] == "BE"  # 2 against 1
    assert pd.isna(out.loc["Atlantide", "country"])
    assert most_frequent({"US": 2, "FR": 2, "BE": 1}) == "FR" and most_frequent({}) is None
    assert summarise(ents.drop(columns="country"), None)["country"].isna().all()
