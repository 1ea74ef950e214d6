"""Entity rules read off the seventh held-out set (a water utility, a Swiss canton, a hospital
foundation in Senegal, a ferry company, a farm cooperative group, a regional TV channel), on French
sentences written for these tests: every person, company and body below is invented; places are real."""

from __future__ import annotations

from tests.support.entities import pairs


def test_plural_company_heads_name_a_body_with_their_complement(run):
    got = pairs(
        run(
            "La coque a été assemblée par les Chantiers du Ponant à Saint-Nazaire. La farine vient "
            "des Moulins du Val de Loire, et les rails des Forges de Basse-Indre."
        )
    )
    assert ("Chantiers du Ponant", "ORG") in got
    assert ("Saint-Nazaire", "LOC") in got
    assert ("Moulins du Val de Loire", "ORG") in got
    assert ("Forges de Basse-Indre", "ORG") in got


def test_a_plural_head_that_is_a_town_alone_stays_a_place(run):
    got = pairs(run("Moulins et Vichy ont signé la convention. Elle est née à Moulins en 1980."))
    assert got.count(("Moulins", "LOC")) == 2
    assert ("Vichy", "LOC") in got


def test_the_name_a_programme_is_given_in_guillemets_is_misc(run):
    got = pairs(run("La nouvelle émission, baptisée « Salut la Loire », sera diffusée chaque matin."))
    assert ("Salut la Loire", "MISC") in got


def test_a_religious_sister_title_is_no_person(run):
    got = pairs(run("« Nous avons tenu bon », a déclaré Sœur Anne-Marie Diouf, responsable du dispensaire."))
    assert ("Anne-Marie Diouf", "PER") in got
    assert not any(text == "Sœur" for text, _ in got)


def test_a_town_after_a_venue_or_listed_before_a_place_is_no_person(run):
    # the model reads both towns as persons here; "Nioro du Rip" is a real Senegalese town
    got = pairs(
        run("Une assemblée se tiendra vendredi à la salle polyvalente de Melle pour expliquer les travaux.")
    )
    assert ("Melle", "LOC") in got
    got = pairs(
        run(
            "« Un enfant de Nioro du Rip ou de Kaffrine doit pouvoir être soigné près de chez lui », a "
            "déclaré Aïssatou Sow."
        )
    )
    assert ("Nioro du Rip", "LOC") in got
    assert ("Aïssatou Sow", "PER") in got


def test_a_person_after_de_stays_a_person(run):
    got = pairs(run("Le livre de Jean Martin et de Lyon a paru. La maison de Balzac est ouverte."))
    assert ("Jean Martin", "PER") in got
    assert ("Balzac", "PER") in got


def test_a_plural_company_head_and_the_name_beside_it_are_one_company(run):
    got = pairs(run("La farine est produite par les Moulins Val de Saône, filiale du groupe depuis 2015."))
    assert ("Moulins Val de Saône", "ORG") in got


def test_plural_nouns_written_with_a_capital_are_no_company(run):
    got = pairs(run("Les Chantiers et les Moulins de la région ferment. Il visite les Moulins de Paris."))
    assert not any(text.startswith("Chantiers") for text, _ in got)
    assert ("Moulins de Paris", "ORG") in got
