"""Entity rules read off the sixth held-out set (a regional nature park, a research lab, a mountain
rescue unit, a wine interprofession, an airport, a cultural institute abroad), on French sentences
written for these tests: every person, company and body below is invented; places are real."""

from __future__ import annotations

from pipeline.entities import EntityMention
from tests.support.entities import pairs


def canon(mentions: list[EntityMention], text: str) -> str:
    return next(m.canonical for m in mentions if m.text == text)


def test_passes_gorges_and_sites_named_after_de_keep_their_kind_noun(run):
    ms = run(
        "Les randonneurs ont dormi au refuge sous le col du Pradel, puis ont rejoint les gorges de la "
        "Vézère. La fête aura lieu au château de Vauclair, près de l'aéroport de Rodez-Marcillac."
    )
    got = pairs(ms)
    for name in (
        "col du Pradel",
        "gorges de la Vézère",
        "château de Vauclair",
        "Rodez-Marcillac",  # an airport is named by its places, as "Paris-Orly"
    ):
        assert (name, "LOC") in got
    assert canon(ms, "col du Pradel") == "Col du Pradel"
    assert canon(ms, "château de Vauclair") == "Château de Vauclair"


def test_a_massif_named_after_de_keeps_massif_but_an_island_does_not(run):
    got = pairs(run("Un incendie a parcouru le massif de la Vanoise. Le ferry dessert l'île d'Ouessant."))
    assert ("massif de la Vanoise", "LOC") in got
    assert ("Ouessant", "LOC") in got


def test_a_lower_case_venue_word_before_its_name_is_part_of_it(run):
    got = pairs(
        run(
            "Le film sera projeté au cinéma Lux Palace. Inscriptions à l'accueil, rue Kościuszki, "
            "jusqu'au 3 mai."
        )
    )
    assert ("cinéma Lux Palace", "LOC") in got
    assert ("rue Kościuszki", "LOC") in got


def test_a_park_with_a_capital_and_its_kind_is_a_body_and_its_short_form_follows(run):
    ms = run(
        "Le Parc naturel régional du Vexin ouvre une maison d'accueil. La présidente du Parc, Anne Lory, a "
        "remercié les agents du Parc national de la Vanoise. Créé en 2001, le Parc compte 90 communes."
    )
    got = pairs(ms)
    assert ("Parc naturel régional du Vexin", "ORG") in got
    assert ("Parc national de la Vanoise", "ORG") in got
    assert [m.canonical for m in ms if m.text == "Parc"] == ["Parc naturel régional du Vexin"] * 2


def test_conservatories_and_groupings_are_bodies(run):
    got = pairs(
        run(
            "Les relevés seront validés par le Conservatoire botanique alpin.\n\n"
            "Contact : Groupement de gendarmerie départementale de la Savoie – 04 79 00 00 00"
        )
    )
    assert ("Conservatoire botanique alpin", "ORG") in got
    assert ("Groupement de gendarmerie départementale de la Savoie", "ORG") in got


def test_a_body_the_gazetteer_knows_ends_before_a_topic_after_sur_or_pour(run):
    got = pairs(
        run(
            "Le projet suit les règles de la Commission européenne sur les aides d'État. L'Agence européenne "
            "pour la sécurité fluviale a donné son accord."
        )
    )
    assert ("Commission européenne", "ORG") in got
    assert ("Agence européenne pour la sécurité fluviale", "ORG") in got


def test_roman_ordinals_are_no_names(run):
    texts = [m.text for m in run("Une conférence sur les peintres de Lyon au XIXe siècle et au XXIe siècle.")]
    assert texts == ["Lyon"]


def test_meetings_named_rencontres_and_colloquium_titles_are_misc(run):
    got = pairs(
        run(
            "Le festival s'ouvre avec les Rencontres de la photographie africaine. Les travaux seront "
            "présentés lors du colloque « Rivières et villes », le 3 juin."
        )
    )
    assert ("Rencontres de la photographie africaine", "MISC") in got
    assert ("Rivières et villes", "MISC") in got


def test_a_diplomatic_post_with_its_state_and_seat_is_one_body(run):
    ms = run(
        "L'ambassade de Suède en Tunisie et le consulat général de Belgique à Lille organisent un concert. "
        "L'Ambassade royale du Danemark a publié un avis."
    )
    got = pairs(ms)
    assert ("ambassade de Suède en Tunisie", "ORG") in got
    assert ("consulat général de Belgique à Lille", "ORG") in got
    assert ("Ambassade royale du Danemark", "ORG") in got
    assert canon(ms, "consulat général de Belgique à Lille") == "Consulat général de Belgique à Lille"


def test_an_acronym_and_de_a_town_the_place_lists_lack_is_one_body(run):
    ms = run(
        "# Trois secours ce week-end : le PGHM de Modane appelle à la vigilance\n\n"
        "Depuis samedi, le Peloton de gendarmerie de haute montagne (PGHM) est intervenu trois fois. "
        "« Nous avons signé », déclare Paul Lacaze, PDG de Nexaltis."
    )
    assert ("PGHM de Modane", "ORG") in pairs(ms)
    assert ("Modane", "LOC") not in pairs(ms)[:2]
    assert "PDG de Nexaltis" not in [m.text for m in ms]


def test_the_town_of_a_full_dateline_is_a_place_even_when_the_place_lists_lack_it(run):
    ms = run(
        "COMMUNIQUÉ DE PRESSE\n\nFlorac, le 14 avril 2026\n\n"
        "# Biodiversité : la commune invite les habitants à compter les chouettes\n"
    )
    assert pairs(ms) == [("Florac", "LOC")]
    assert pairs(run("Communiqué, le 3 mai 2026\n\nLe conseil a voté.\n")) == []


def test_the_agent_of_a_passive_participle_is_a_body_not_a_place(run):
    got = pairs(
        run(
            "Le café est tenu par la Maison Berthet depuis 1990. La ville est traversée par la Durance et "
            "le train passe par Valence."
        )
    )
    assert ("Maison Berthet", "ORG") in got
    assert ("Durance", "LOC") in got and ("Valence", "LOC") in got


def test_acronyms_of_a_kind_of_unit_or_legal_form_are_no_names(run):
    got = pairs(
        run(
            "Le Laboratoire de physique des plasmas (UMR 7154) et la SARL Vernoux ont signé. Une SARL peut "
            "aussi candidater."
        )
    )
    assert ("Laboratoire de physique des plasmas", "ORG") in got
    assert ("SARL Vernoux", "ORG") in got
    assert not any(text in ("UMR", "SARL") for text, _ in got)
