"""Entity rules for issue 25 (names, types, spurious words, canonical names, --entities) on French
sentences written for these tests: every name, body and place below is invented or general knowledge."""

from __future__ import annotations

import pytest

from pipeline.canonical import load_gazetteer
from pipeline.entities import EntityMention, extract_entities
from pipeline.entities.corrections import parse_corrections
from tests.support.entities import pairs


@pytest.fixture(scope="module")
def run(nlp):
    gazetteer = load_gazetteer()

    def _run(text: str, corrections: bytes | None = None) -> list[EntityMention]:
        doc = nlp(text)
        fixes = parse_corrections(corrections) if corrections else None
        return extract_entities(doc, gazetteer, corrections=fixes)

    return _run


def canon(mentions: list[EntityMention], text: str) -> str:
    return next(m.canonical for m in mentions if m.text == text)


def test_support_committee_named_after_a_person_is_one_body(run):
    ms = run("Le Comité d'aide à Claire Fontaine a publié un texte.")
    assert pairs(ms) == [("Comité d'aide à Claire Fontaine", "ORG")]


def test_title_cased_body_runs_through_its_complements_and_region(run):
    ms = run(
        "Le ministre a reçu l'Agence nationale pour la Relance des Activités agricoles en Picardie hier."
    )
    assert ("Agence nationale pour la Relance des Activités agricoles en Picardie", "ORG") in pairs(ms)


def test_a_date_ends_a_name(run):
    ms = run("Le texte a été ratifié par le Sénat belge en 2019 puis publié.")
    assert ("Sénat belge", "ORG") in pairs(ms)


def test_a_court_keeps_its_lower_case_complement(run):
    ms = run("Le 3 avril, la Cour d’appel a confirmé la peine de Paul Morand.")
    assert ("Cour d’appel", "ORG") in pairs(ms)


def test_currencies_postal_lines_and_header_words_are_not_entities(run):
    text = (
        "## Communiqué de Presse\n\n"
        "Le projet coûtera 12 milliards FCFA et 3 millions USD à la commune de Valbourg.\n\n"
        "## Contact Presse\n\nAssociation Les Amis du Marais\nBP 214\n51000 REIMS Cedex 4\n"
    )
    texts = [m.text for m in run(text)]
    for word in ("Presse", "FCFA", "USD", "Cedex 4"):
        assert word not in texts


def test_capitalised_common_nouns_of_official_style_are_not_entities(run):
    ms = run(
        "Le préfet réunit les Collectivités territoriales, les Organisations de la Société civile et le "
        "Comité de pilotage avant le Conseil interministériel prévu jeudi."
    )
    assert pairs(ms) == []


def test_undefined_acronym_is_a_body_and_common_noun_acronym_is_none(run):
    ms = run(
        "La délégation comprenait des représentants de KPLM, de TRVX et de SOBEMA. "
        "Il reste 12 zones humides protégées (ZHP) à inventorier."
    )
    assert [(t, lab) for t, lab in pairs(ms) if t != "ZHP"] == [
        ("KPLM", "ORG"),
        ("TRVX", "ORG"),
        ("SOBEMA", "ORG"),
    ]
    assert "ZHP" not in [m.text for m in ms]


def test_social_networks_in_a_contact_block_are_org(run):
    ms = run("Pour nous suivre :\nTwitter : @amis_du_marais\nFacebook : Les Amis du Marais\n")
    assert ("Twitter", "ORG") in pairs(ms)
    assert ("Facebook", "ORG") in pairs(ms)


def test_country_long_form_is_one_place_named_by_its_short_name(run):
    ms = run(
        "Le Royaume du Maroc et la République de Pologne ont signé avec la Confédération suisse "
        "un accord sur les semences."
    )
    assert canon(ms, "Royaume du Maroc") == "Maroc"
    assert canon(ms, "République de Pologne") == "Pologne"
    assert canon(ms, "Confédération suisse") == "Suisse"


def test_people_first_name_and_capitals_surname(run):
    ms = run("Mme Hélène BERTRAND-MOREL a parlé hier. Hélène a remercié les bénévoles de Valbourg.")
    assert canon(ms, "Hélène BERTRAND-MOREL") == "Hélène Bertrand-Morel"
    assert canon(ms, "Hélène") == "Hélène Bertrand-Morel"


def test_generic_government_takes_the_datelines_country(run):
    ms = run("Lomé, le 4 mars 2024\n\nLe Gouvernement annonce une baisse du prix du riz au Togo.")
    assert canon(ms, "Gouvernement") == "Gouvernement du Togo"
    french = run("Paris, le 4 mars 2024\n\nLe Gouvernement annonce une baisse du prix du pain.")
    assert canon(french, "Gouvernement") == "Gouvernement français"


def test_analyst_corrections_are_applied_last(run):
    fixes = """
[[entity]]
canonical = "Régie des eaux de Valbourg"
label = "ORG"
aliases = ["Valbourg Eaux"]

[[entity]]
canonical = "Marais"
label = "NONE"
""".encode()
    ms = run("Valbourg Eaux et Paul Morand ont visité le Marais avec la Régie.", fixes)
    assert ("Valbourg Eaux", "ORG") in pairs(ms)
    assert canon(ms, "Valbourg Eaux") == "Régie des eaux de Valbourg"
    assert "Marais" not in [m.text for m in ms]


def test_venue_named_after_a_person_is_one_place(run):
    ms = run("La réunion se tiendra dans la salle Marcel Dupuis. Le Centre Odile Varenne ouvre lundi.")
    assert ("salle Marcel Dupuis", "LOC") in pairs(ms)
    assert canon(ms, "salle Marcel Dupuis") == "Salle Marcel Dupuis"
    assert ("Centre Odile Varenne", "LOC") in pairs(ms)


def test_an_agreement_stops_before_its_parties(run):
    ms = run("L'Accord sur la coopération des ports entre les gouvernements belge et chilien a été ratifié.")
    assert ("Accord sur la coopération des ports", "MISC") in pairs(ms)


def test_capitals_surname_stays_with_its_first_name(run):
    ms = run("Le Premier ministre Aminata KOULIBALY a présidé la séance.")
    assert ("Aminata KOULIBALY", "PER") in pairs(ms)
    assert canon(ms, "Aminata KOULIBALY") == "Aminata Koulibaly"


def test_cue_noun_before_an_article_types_the_company(run):
    ms = run("À titre d'exemple, l'entreprise les Grandes Huileries de Valbourg (GHV) a baissé ses prix.")
    assert ("Grandes Huileries de Valbourg", "ORG") in pairs(ms)
    assert ("GHV", "ORG") in pairs(ms)


def test_defence_collective_named_after_a_person_is_one_body(run):
    ms = run("Le Collectif de défense de Lucie Marchand appelle à un rassemblement samedi.")
    assert ("Collectif de défense de Lucie Marchand", "ORG") in pairs(ms)


def test_lower_case_short_form_names_the_body_and_working_group_does_not(run):
    ms = run(
        "Le Comité d'aide à Claire Fontaine organise une soirée. Le comité d'aide remercie les donateurs. "
        "Le Comité de pilotage se réunira en juin."
    )
    assert canon(ms, "comité d'aide") == "Comité d'aide à Claire Fontaine"
    assert "Comité" not in [m.text for m in ms]


def test_a_capitalised_common_noun_after_a_determiner_is_no_person(run):
    ms = run("Le ministre demande un point sur les garanties offertes par chaque Transporteur privé agréé.")
    assert "Transporteur" not in [m.text for m in ms]
