"""Similar documents from final tables: which themes they compare."""

from __future__ import annotations

from pipeline.corpus_pass.similar import similar_table
from pipeline.tables import TABLES, to_table


def theme_rows(rows: list[tuple[str, str, int, str]]) -> list[dict]:
    return [
        {"doc_id": d, "theme": t, "label": t, "level": level, "parent": parent, "weak": False, "score": 5.0}
        for d, t, level, parent in rows
    ]


def test_releases_are_compared_on_their_finer_themes_not_on_a_broad_subject_they_share():
    # Three releases under one broad subject; two of them share a finer theme: only those two are alike.
    themes = to_table(
        TABLES["themes"],
        theme_rows(
            [
                ("a", "medtop:11000000", 1, ""),
                ("a", "diplomatie", 2, "medtop:11000000"),
                ("b", "medtop:11000000", 1, ""),
                ("b", "diplomatie", 2, "medtop:11000000"),
                ("c", "medtop:11000000", 1, ""),
                ("c", "collectivites", 2, "medtop:11000000"),
            ]
        ),
    )
    empty = {name: to_table(TABLES[name], []) for name in ("keywords", "entities")}
    pairs = similar_table(empty["keywords"], themes, empty["entities"], k=3).to_pandas()
    assert sorted(zip(pairs.doc_id, pairs.similar_doc_id, strict=True)) == [("a", "b"), ("b", "a")]
    assert set(pairs.shared_themes) == {"diplomatie"}


def test_a_taxonomy_of_one_level_compares_its_themes():
    themes = to_table(TABLES["themes"], theme_rows([("a", "port", 1, ""), ("b", "port", 1, "")]))
    empty = {name: to_table(TABLES[name], []) for name in ("keywords", "entities")}
    pairs = similar_table(empty["keywords"], themes, empty["entities"], k=3).to_pandas()
    assert list(pairs.similar_doc_id) == ["b", "a"]
