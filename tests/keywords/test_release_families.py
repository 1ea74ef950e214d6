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


def test_a_measure_is_no_keyphrase_even_as_a_complement(nlp):
    found = surfaces(
        nlp,
        "La commune de Varennes-le-Haut adopte un plan de 45 millions d'euros pour ses écoles. "
        "La nouvelle médiathèque, d'une surface de 3 200 mètres carrés, ouvrira ses portes. "
        "La laiterie a collecté 80 millions de litres.",
    )
    assert "plan" in found and "médiathèque" in found
    assert not {"plan de 45 millions d'euros", "surface de 3 200 mètres carrés", "mètres carrés"} & set(found)
    assert not {"litres", "millions de litres"} & set(found)


def test_a_number_that_is_no_measure_stays_in_the_phrase(nlp):
    found = surfaces(nlp, "Le musée rappelle la défaillance des deux moteurs lors du vol d'essai.")
    assert "défaillance des deux moteurs" in found
