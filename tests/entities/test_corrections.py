"""The --entities file: the gazetteer's format, a label of NONE for never an entity (no model needed)."""

from __future__ import annotations

import pytest

from pipeline.canonical import normal_case_name
from pipeline.entities.corrections import NEVER, parse_corrections
from pipeline.settings import Settings


def test_parse_names_and_aliases_with_any_case():
    fixes = parse_corrections(
        b'[[entity]]\ncanonical = "Office des forets de Valbourg"\nlabel = "ORG"\naliases = ["OFV"]\n'
        b'[[entity]]\ncanonical = "Contact presse"\nlabel = "NONE"\n'
    )
    assert fixes.get("office des forêts de valbourg").label == "ORG"
    assert fixes.get("OFV").canonical == "Office des forets de Valbourg"
    assert fixes.get("CONTACT PRESSE").label == NEVER
    assert fixes.get("Valbourg") is None


@pytest.mark.parametrize(
    "content, message",
    [
        (b'[[entity]]\ncanonical = "X"\nlabel = "PLACE"\n', "'label'"),
        (b'[[entity]]\nlabel = "ORG"\n', "'canonical'"),
        (b'[[entity]]\ncanonical = "X"\nlabel = "ORG"\ncolour = 1\n', "unknown key"),
        (b"[[entity]\n", "not valid TOML"),
    ],
)
def test_bad_files_fail_with_one_line(content, message):
    with pytest.raises(ValueError, match=message):
        parse_corrections(content)


def test_corrections_key_the_cache(tmp_path):
    path = tmp_path / "fixes.toml"
    path.write_text('[[entity]]\ncanonical = "Marais"\nlabel = "NONE"\n', encoding="utf-8")
    plain, fixed = Settings.load(), Settings.load(entities_path=path)
    assert plain.fingerprint("m") != fixed.fingerprint("m")
    path.write_text('[[entity]]\ncanonical = "Marais"\nlabel = "LOC"\n', encoding="utf-8")
    assert Settings.load(entities_path=path).fingerprint("m") != fixed.fingerprint("m")


def test_person_names_in_normal_case():
    assert normal_case_name("Jean DUPONT") == "Jean Dupont"
    assert normal_case_name("Noémie LE BRIS-KERGOAT") == "Noémie Le Bris-Kergoat"
    assert normal_case_name("Anne de Villers") == "Anne de Villers"
