"""Keyphrase rules for error families seen on the second held-out set (tests/data/keywords/heldout2)
and the first one's remaining errors: a town that names a body is no first name, an amount or a unit is
no keyphrase even as a complement, and a person introduced with a role is one of the release's actors.
Sentences, names and places are invented for these tests."""

from __future__ import annotations

from pipeline.keywords import keyphrase_candidates


def surfaces(nlp, text: str, title: str | None = None) -> dict[str, object]:
    return {c.surface: c for c in keyphrase_candidates(nlp(text), title=title)}


def test_a_town_that_names_a_body_is_not_merged_into_it_as_a_first_name(nlp):
    found = surfaces(
        nlp,
        "Le conseil municipal de Brévannes a voté le budget. L'association Brévannes Commerces "
        "demande des aides. Les habitants de Brévannes seront consultés.",
    )
    assert "Brévannes" in found and "Brévannes Commerces" in found
    assert found["Brévannes"].frequency >= 2
    assert found["Brévannes Commerces"].frequency == 1


def test_a_bare_first_name_still_counts_for_the_full_name(nlp):
    found = surfaces(nlp, "Lucie Marsan dirige la chorale. Lucie a remercié les choristes.")
    assert "Lucie" not in found
    assert found["Lucie Marsan"].frequency == 2
