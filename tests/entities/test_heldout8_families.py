"""Entity rules read off the eighth held-out set (a bank's results, a Belgian federal ministry, a
Quebec university, a luxury group, a rugby league club), on French sentences written for these tests:
every person, company and body below is invented; places are real."""

from __future__ import annotations

from tests.support.entities import pairs


def test_a_title_cased_body_of_two_common_words_joined_by_et_is_one_name(run):
    got = pairs(
        run(
            "Le Service public fédéral Emploi et Travail a publié mardi son rapport annuel. "
            "La Fondation Santé et Recherche financera trois projets à Liège."
        )
    )
    assert ("Service public fédéral Emploi et Travail", "ORG") in got
    assert ("Fondation Santé et Recherche", "ORG") in got
    assert ("Liège", "LOC") in got


def test_et_before_another_name_still_ends_the_first_one(run):
    got = pairs(run("La Fondation Lemarchand et Orange ont signé un accord à Nantes."))
    assert not any(text.endswith("et Orange") for text, _ in got)


def test_plural_workshop_heads_name_a_company_with_their_place(run):
    got = pairs(
        run(
            "Le groupe a repris les Papeteries de Clairvaux en 2024. Les flacons viennent des "
            "Verreries du Val d'Orne, près de Rouen."
        )
    )
    assert ("Papeteries de Clairvaux", "ORG") in got
    assert ("Verreries du Val d'Orne", "ORG") in got
    assert ("Rouen", "LOC") in got
