"""The specificities table of a hand-written run: exact scores, planted items first, absent items."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from pipeline.compare import CompareError, compare, count_items, merge_counts, parts_of, read_table
from pipeline.tables import SPECIFICITIES
from tests.compare.corpus import AGENCE, PREFECTURE, write_run
from tests.compare.oracle import exact_score


@pytest.fixture
def run(tmp_path: Path) -> Path:
    return write_run(tmp_path / "out")


def rows(table: pa.Table, **where: object) -> list[dict[str, object]]:
    return [r for r in table.to_pylist() if all(r[k] == v for k, v in where.items())]


def test_every_score_is_the_exact_one(run: Path) -> None:
    table = compare(run, "source", write=False).table
    assert table.num_rows
    for r in table.to_pylist():
        expected = exact_score(r["part_freq"], r["corpus_freq"], r["part_size"], r["corpus_size"])
        assert r["score"] == pytest.approx(expected, abs=1e-6), r


def test_lemma_counts_and_sizes(run: Path) -> None:
    table = compare(run, "source", write=False).table
    (tempete,) = rows(table, part=PREFECTURE, item_type="lemma", item="tempête")
    # the prefecture: 6 of the corpus's 6 "tempête" among its 25 of 43 content lemmas
    assert (tempete["part_freq"], tempete["corpus_freq"]) == (6, 6)
    assert (tempete["part_size"], tempete["corpus_size"]) == (25, 43)
    assert tempete["score"] > 0


def test_planted_items_come_first_for_their_part(run: Path) -> None:
    table = compare(run, "source", write=False).table
    top = {(r["part"], r["item_type"]): r["item"] for r in rows(table, rank=1)}
    assert top[(PREFECTURE, "lemma")] == "tempête"
    assert top[(AGENCE, "lemma")] == "vaccination"
    assert top[(PREFECTURE, "entity")] == "Lucienne Karadec"
    assert top[(AGENCE, "entity")] == "Centre hospitalier de Brézolles"
    assert top[(PREFECTURE, "keyword")] == "alerte tempête"
    assert top[(AGENCE, "theme")] == "sante"


def test_absent_items_have_a_negative_score(run: Path) -> None:
    table = compare(run, "source", write=False).table
    (absent,) = rows(table, part=AGENCE, item_type="lemma", item="tempête")
    assert absent["part_freq"] == 0
    assert absent["score"] < 0
    assert absent["score"] == pytest.approx(exact_score(0, 6, 18, 43), abs=1e-9)


def test_labels(run: Path) -> None:
    table = compare(run, "source", write=False).table
    (keyword,) = rows(table, part=PREFECTURE, item="alerte tempête")
    assert keyword["label"] in ("alerte tempête", "Alerte tempête")
    (person,) = rows(table, part=PREFECTURE, item="Lucienne Karadec")
    assert person["label"] == "PER"
    (theme,) = rows(table, part=AGENCE, item="sante")
    assert theme["label"] == "Santé"


def test_min_freq_leaves_out_rare_items(run: Path) -> None:
    table = compare(run, "source", min_freq=3, write=False).table
    assert not rows(table, item="alerte")  # twice in the corpus
    assert rows(table, item="tempête")


def test_split_on_month_year_and_front_matter(run: Path) -> None:
    by_month = compare(run, "month", items=("lemma",), write=False)
    assert by_month.documents == {"2023-01": 1, "2023-02": 2, "2023-03": 2}
    with pytest.raises(CompareError, match=r"same one \(2023\).*at least two parts"):
        compare(run, "year", items=("theme",), write=False)  # one part: every score would be 0
    by_service = compare(run, "service", items=("lemma",), write=False)
    assert by_service.documents == {"sécurité": 2, "routes": 1, "santé": 2}
    top = {r["part"]: r["item"] for r in rows(by_service.table, rank=1)}
    assert top["routes"] == "route"


def test_unknown_field_is_refused_with_the_choices(run: Path) -> None:
    with pytest.raises(CompareError, match="service"):
        compare(run, "ministère", write=False)


def test_counts_of_parts_merge_by_addition(run: Path) -> None:
    documents = read_table(run, "documents")
    parts = parts_of(documents, None, "source")
    tables = {name: read_table(run, name) for name in ("lemma_counts", "entities", "keywords", "themes")}
    whole = count_items(tables, parts)
    # the same rows in several chunks (a Dask run's part files, a large file's row groups)
    chunked = {
        name: pa.concat_tables([t.slice(0, 3), t.slice(3, 4), t.slice(7)]) for name, t in tables.items()
    }
    assert count_items(chunked, parts).equals(whole)

    def coded(table: pa.Table) -> pa.Table:  # string columns as dictionaries, one per chunk
        return pa.table(
            {
                c: pc.dictionary_encode(table[c]) if table[c].type == pa.string() else table[c]
                for c in table.column_names
            }
        )

    dictionaries = {
        name: pa.concat_tables([coded(t.slice(0, 3)), coded(t.slice(3))]) for name, t in tables.items()
    }
    assert count_items(dictionaries, parts).equals(whole)
    halves = [parts.slice(0, 2), parts.slice(2)]
    merged = merge_counts(*(count_items(tables, half) for half in halves))
    key = ["item_type", "part", "item", "label"]
    assert merged.sort_by([(k, "ascending") for k in key]).equals(
        whole.sort_by([(k, "ascending") for k in key])
    )


def test_writes_the_table_in_every_format(run: Path) -> None:
    result = compare(run, "source", formats=("csv", "parquet", "xlsx"))
    assert sorted(p.name for p in result.files) == [
        "specificities.csv",
        "specificities.parquet",
        "specificities.xlsx",
    ]
    written = pq.read_table(run / "specificities.parquet")
    assert written.schema.equals(SPECIFICITIES.schema)
    assert written.num_rows == result.table.num_rows


def test_large_tables_keep_only_the_specific_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.compare.specificity as module

    # "cargo" 40 times, all in the port's part; "quai" 3 times, also there only; "mer" everywhere
    counts = pa.table(
        {
            "item_type": ["lemma"] * 5,
            "part": ["port", "port", "port", "mairie", "mairie"],
            "item": ["cargo", "quai", "mer", "mer", "conseil"],
            "label": [""] * 5,
            "count": [40, 3, 57, 100, 100],
        }
    )
    full = module.specificities(counts, "source").to_pylist()
    assert len(full) == 8  # 4 items x 2 parts
    monkeypatch.setattr(module, "FULL_TABLE", 0)
    kept = module.specificities(counts, "source").to_pylist()
    key = ("part", "item", "part_freq", "score")
    assert [tuple(r[k] for k in key) for r in kept] == [
        tuple(r[k] for k in key) for r in full if abs(r["score"]) >= module.BANALITY
    ]
    absent = [(r["part"], r["item"]) for r in kept if r["part_freq"] == 0]
    assert absent == [("mairie", "cargo"), ("port", "conseil")]  # "quai" missing from mairie: banal
    for r in kept:
        expected = exact_score(r["part_freq"], r["corpus_freq"], r["part_size"], r["corpus_size"])
        assert r["score"] == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize("bins", [1, 4])  # more blocks than allowed (sorted), a few blocks (masked)
def test_counts_in_blocks_of_keys_give_the_same_table(
    run: Path, monkeypatch: pytest.MonkeyPatch, bins: int
) -> None:
    import pipeline.compare.counts as module

    whole = compare(run, "source", write=False).table
    monkeypatch.setattr(module, "_BINS", bins)
    assert compare(run, "source", write=False).table.equals(whole)


def test_top_is_the_part_s_best_positive_rows(run: Path) -> None:
    result = compare(run, "source", write=False)
    for part in (PREFECTURE, AGENCE):
        for item_type in ("lemma", "entity", "keyword", "theme"):
            mine = sorted(rows(result.table, part=part, item_type=item_type), key=lambda r: r["rank"])
            assert result.top(part, item_type, 2, positive=False) == mine[:2]
            assert result.top(part, item_type, 3) == [r for r in mine if r["score"] > 0][:3]
    assert result.top("Mairie de Nulle-Part", "lemma", 3) == []
    empty = type(result)(result.field, result.table.slice(0, 0), {}, 0)
    assert empty.top(PREFECTURE, "lemma", 3) == []
