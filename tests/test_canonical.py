"""The gazetteer file and the corpus-level canonical unification."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline.canonical import (
    DEFAULT_PATH,
    Gazetteer,
    load_gazetteer,
    normalize_key,
    unify_canonicals,
    unify_names,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


# ----------------------------------------------------------------------------- the data file
def test_default_gazetteer_loads_with_a_content_hash(gazetteer):
    assert isinstance(gazetteer, Gazetteer)
    assert re.fullmatch(r"[0-9a-f]{16}", gazetteer.version)
    assert len(gazetteer.entries) >= 50
    assert load_gazetteer(DEFAULT_PATH).version == gazetteer.version


def test_every_entry_names_its_official_source(gazetteer):
    for entry in gazetteer.entries:
        assert entry.source.startswith("https://"), entry.canonical
        assert entry.label in ("PER", "ORG", "LOC", "MISC")


def test_the_file_documents_itself_at_its_top():
    head = DEFAULT_PATH.read_text(encoding="utf-8").split("\n[[entity]]")[0]
    for word in ("How to extend", "source", "aliases", "canonical", "docs/gazetteer.md"):
        assert word in head


def test_user_documentation_exists():
    text = (ROOT / "docs" / "gazetteer.md").read_text(encoding="utf-8")
    assert "[[entity]]" in text and "--gazetteer" in text


def test_lookup_ignores_case_accents_apostrophes_and_spacing(gazetteer):
    assert gazetteer.lookup("UE").canonical == "Union européenne"
    assert gazetteer.lookup("union  europeenne").canonical == "Union européenne"
    assert gazetteer.lookup("Nations Unies").canonical == "Organisation des Nations unies"
    assert gazetteer.lookup("Conseil d’Etat").canonical == "Conseil d'État"


def test_acronyms_match_their_exact_case(gazetteer):
    assert gazetteer.lookup("ue") is None
    assert gazetteer.lookup("Onu") is None


def test_normalize_key():
    assert normalize_key("L’Élysée  ") == normalize_key("l'elysee")
    assert normalize_key("Saint - Denis") == "saint-denis"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "gaz.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = '[[entity]]\ncanonical = "Agence X"\nlabel = "ORG"\naliases = ["AX"]\nsource = "https://x.example"\n'


def test_a_user_file_replaces_the_default(tmp_path):
    gaz = load_gazetteer(_write(tmp_path, GOOD))
    assert gaz.lookup("AX").canonical == "Agence X"
    assert gaz.lookup("UE") is None


def test_the_version_changes_with_the_content(tmp_path):
    first = load_gazetteer(_write(tmp_path, GOOD)).version
    second = load_gazetteer(_write(tmp_path, GOOD.replace("Agence X", "Agence Y"))).version
    assert first != second


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[[entity]\n", "not valid TOML"),
        ('[[entity]]\ncanonical = "A"\nlabel = "ORG"\n', "source"),
        ('[[entity]]\ncanonical = "A"\nlabel = "XYZ"\nsource = "https://a.example"\n', "label"),
        ('[[entity]]\nlabel = "ORG"\nsource = "https://a.example"\n', "canonical"),
        (
            '[[entity]]\ncanonical = "A"\nlabel = "ORG"\naliases = "B"\nsource = "https://a.example"\n',
            "aliases",
        ),
        (GOOD + GOOD.replace("Agence X", "Agence Z"), "already names"),
        (
            '[[entity]]\ncanonical = "A"\nlabel = "ORG"\nsource = "https://a.example"\nurl = "x"\n',
            "unknown key",
        ),
    ],
)
def test_a_bad_file_raises_one_line_naming_the_file(tmp_path, body, message):
    path = _write(tmp_path, body)
    with pytest.raises(ValueError) as err:
        load_gazetteer(path)
    text = str(err.value)
    assert str(path) in text and message in text and "\n" not in text


def test_a_missing_file_raises_value_error(tmp_path):
    with pytest.raises(ValueError, match="cannot be read"):
        load_gazetteer(tmp_path / "nope.toml")


# ----------------------------------------------------------------------------- corpus pass
def _entities(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "text", "label", "canonical"])


def test_an_acronym_defined_in_one_document_names_it_in_the_others(gazetteer):
    ents = _entities(
        [
            ("a", 0, 3, "AMN", "ORG", "Agence maritime nationale"),
            ("b", 10, 13, "AMN", "ORG", "AMN"),
            ("b", 20, 23, "XYZ", "ORG", "XYZ"),
        ]
    )
    assert list(unify_canonicals(ents, gazetteer)) == [
        "Agence maritime nationale",
        "Agence maritime nationale",
        "XYZ",
    ]


def test_spelling_variants_take_the_most_frequent_spelling(gazetteer):
    ents = _entities(
        [
            ("a", 0, 5, "Etat de Vaud", "ORG", "Etat de Vaud"),
            ("b", 0, 5, "État de Vaud", "ORG", "État de Vaud"),
            ("c", 0, 5, "État de Vaud", "ORG", "État de Vaud"),
        ]
    )
    assert set(unify_canonicals(ents, gazetteer)) == {"État de Vaud"}


def test_a_surname_joins_the_one_full_name(gazetteer):
    ents = _entities(
        [
            ("a", 0, 5, "Ada Lovelace", "PER", "Ada Lovelace"),
            ("b", 0, 5, "Lovelace", "PER", "Lovelace"),
            ("b", 9, 12, "Lovelace", "LOC", "Lovelace"),
        ]
    )
    assert list(unify_canonicals(ents, gazetteer)) == ["Ada Lovelace", "Ada Lovelace", "Lovelace"]


def test_an_ambiguous_surname_stays(gazetteer):
    ents = _entities(
        [
            ("a", 0, 5, "Jean Martin", "PER", "Jean Martin"),
            ("b", 0, 5, "Paul Martin", "PER", "Paul Martin"),
            ("c", 0, 5, "Martin", "PER", "Martin"),
        ]
    )
    assert unify_canonicals(ents, gazetteer).iloc[2] == "Martin"


def test_gazetteer_aliases_are_unified(gazetteer):
    ents = _entities([("a", 0, 2, "UE", "ORG", "UE"), ("b", 0, 5, "Union européenne", "ORG", None)])
    assert set(unify_canonicals(ents, gazetteer)) == {"Union européenne"}


def test_unify_keeps_the_index(gazetteer):
    ents = _entities([("a", 0, 2, "UE", "ORG", "UE")]).set_index(pd.Index([7]))
    assert list(unify_canonicals(ents, gazetteer).index) == [7]
    assert unify_canonicals(ents.iloc[0:0], gazetteer).empty


# ----------------------------------------------------------------------------- summary
def test_a_document_definition_is_not_overridden_by_the_gazetteer(gazetteer):
    ents = _entities(
        [("a", 0, 3, "CPI", "ORG", "Conférence des présidents d'université"), ("b", 0, 3, "CPI", "ORG", None)]
    )
    out = list(unify_canonicals(ents, gazetteer))
    assert out[0] == "Conférence des présidents d'université"
    assert out[1] == "Conférence des présidents d'université"  # defined elsewhere in the corpus


def test_a_weight_counts_as_that_many_mentions(gazetteer):
    """The Dask engine unifies distinct names weighted by their mentions: same answer as the mentions."""
    text = ["Etat de Vaud", "État de Vaud", "ONU", "ONU", "ONU"]
    canonical = ["Etat de Vaud", None, "Office national unifié", "Organisation des nations unies", None]
    label = ["ORG"] * 5
    mentions = [3, 2, 1, 2, 4]
    items = zip(text, canonical, label, mentions, strict=True)
    expanded = _entities([("a", 0, 1, t, lab, c) for t, c, lab, n in items for _ in range(n)])
    per_mention = list(unify_canonicals(expanded, gazetteer))
    firsts = [sum(mentions[:i]) for i in range(len(mentions))]
    weighted = unify_names(text, canonical, label, mentions, gazetteer)
    assert weighted == [per_mention[i] for i in firsts]
    assert weighted[:2] == ["Etat de Vaud", "Etat de Vaud"]  # 3 mentions against 2
    assert weighted[4] == "Organisation des Nations unies"  # the long form of 2 mentions against 1
    once = unify_names(text, canonical, label, [1] * 5, gazetteer)
    assert once[:2] == ["État de Vaud"] * 2 and once[4] == "Office national unifié"  # tie: first seen
