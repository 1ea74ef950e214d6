"""Entity rules for families of errors seen across publishers (listed companies, regulators,
ministries, local authorities, research bodies, festivals), on French sentences written for these
tests: every person, company and body below is invented; towns are real."""

from __future__ import annotations

import pytest

from pipeline.entities import EntityMention
from pipeline.entities.acronyms import _long_form_before
from pipeline.entities.canonical_names import official_case
from tests.support.entities import pairs


def texts(mentions: list[EntityMention]) -> list[str]:
    return [m.text for m in mentions]


def test_hashtags_after_a_social_line_are_not_entities(run):
    ms = run("Contact presse : Lise Carrouge\nSuivez-nous sur LinkedIn #Talvane #Innovation\n")
    assert ("LinkedIn", "ORG") in pairs(ms)
    assert "Talvane" not in texts(ms) and "Innovation" not in texts(ms)


def test_securities_and_registry_codes_are_not_entities(run):
    ms = run(
        "Bervane est cotée sur Euronext Paris (compartiment C, code ISIN : FR0012345678).\n"
        "Bervane SA, RCS Nantes 512 345 678, SIRET 51234567800021.\n"
    )
    found = texts(ms)
    assert "Euronext Paris" in found
    assert not {"ISIN", "FR0012345678", "SIRET", "51234567800021"} & set(found)


def test_a_street_after_a_building_name_is_no_entity_but_the_town_is(run):
    ms = run("Adresse : Hôtel de Région, 12, avenue du Président-Mazeran – 35000 Rennes\n")
    found = texts(ms)
    assert not any("Mazeran" in t for t in found)
    assert ("Rennes", "LOC") in pairs(ms)


def test_a_town_after_a_street_in_a_sentence_stays_a_place(run):
    ms = run("L'atelier s'est installé au 8 rue Basse à Quimperlé en 2021.")
    assert ("Quimperlé", "LOC") in pairs(ms)


def test_two_bodies_joined_by_et_du_stay_two(run):
    ms = run(
        "L'étude associe des chercheurs de l'Université de Valmorin et du Muséum régional d'Histoire "
        "naturelle de Nantes."
    )
    found = texts(ms)
    assert "Université de Valmorin" in found
    assert not any("Valmorin et du" in t for t in found)


def test_a_ministry_with_two_domains_stays_one_name(run):
    ms = run("Le ministère de l'Agriculture et de la Pêche a publié un décret hier.")
    assert any(t.endswith("Agriculture et de la Pêche") for t in texts(ms))


def test_a_union_with_an_adjective_is_a_body_not_a_country(run):
    ms = run("La ministre a reçu la Confédération viticole et la Fédération brassicole.")
    assert ("Confédération viticole", "ORG") in pairs(ms)


def test_bracketed_acronym_of_a_body_is_found_with_its_long_form(run):
    ms = run("La préfète a reçu la Mutualité sociale agricole (MSA) puis les élus. La MSA paiera en mai.")
    acronyms = [m for m in ms if m.text == "MSA"]
    assert len(acronyms) == 2
    assert all(m.label == "ORG" and m.canonical == "Mutualité sociale agricole" for m in acronyms)


def test_common_words_in_capitals_before_an_acronym_are_no_name(run):
    ms = run("Les prix Coût, Assurance et Fret (CAF) ont augmenté de 8 % en un an.")
    assert "CAF" not in texts(ms)


def test_the_long_form_of_an_acronym_is_read_back_from_its_initials():
    text = "ces actions sous le nom de « Plan Kerhervé pour la Cornouaille » (PKC)."
    start, end = _long_form_before(text, text.index("("), "PKC")
    assert text[start:end] == "Plan Kerhervé pour la Cornouaille"
    assert _long_form_before(text, text.index("("), "PKX") is None


def test_airport_named_by_two_places_is_not_split(run):
    ms = run(
        "Les vols de nuit sont interdits à l'aéroport de Paris-Orly. Le trafic de Paris et d'Orly a baissé."
    )
    assert ("Paris-Orly", "LOC") in pairs(ms)


def test_seat_of_a_local_authority_is_a_building(run):
    ms = run("Réunis à l'Hôtel du Département, les élus ont voté le budget du Département de l'Ain.")
    assert ("Hôtel du Département", "LOC") in pairs(ms)


def test_a_towns_grouping_is_a_body(run):
    ms = run("Le projet est soutenu par Rennes Métropole et par Vannes Agglomération depuis 2022.")
    assert ("Rennes Métropole", "ORG") in pairs(ms)
    assert ("Vannes Agglomération", "ORG") in pairs(ms)


@pytest.mark.parametrize(
    ("caps", "official"),
    [
        (
            "MINISTÈRE DE LA TRANSITION ÉCOLOGIQUE ET DE LA COHÉSION DES TERRITOIRES",
            "Ministère de la Transition écologique et de la Cohésion des territoires",
        ),
        (
            "MINISTÈRE DU TRAVAIL, DE LA SANTÉ ET DES SOLIDARITÉS",
            "Ministère du Travail, de la Santé et des Solidarités",
        ),
        ("COUR D'APPEL DE RIOM", "Cour d'appel de Riom"),
    ],
)
def test_a_ministry_in_capitals_takes_its_official_case(caps, official):
    assert official_case(caps) == official


def test_a_ministers_country_after_the_portfolio_is_the_place_alone(run):
    ms = run(
        "Le ministre du Commerce et de l'Industrie de Norvège, Eirik Halvorsen, est arrivé à Nantes. "
        "La ministre de la Culture de Belgique l'accompagnait."
    )
    found = pairs(ms)
    assert ("Norvège", "LOC") in found and ("Belgique", "LOC") in found
    assert not any(t.startswith(("Industrie", "Culture")) for t, _ in found)


def test_a_stock_index_is_a_misc_name(run):
    ms = run("Talvane fait partie de l'indice SBF 120 depuis 2019 ; l'indice des prix a progressé.")
    assert ("SBF 120", "MISC") in pairs(ms)
    assert not any("prix" in t for t in texts(ms))


def test_a_company_kind_before_its_name_makes_it_a_body(run):
    ms = run("Le transporteur de fret Cargovia Europe et l'équipementier Valdrane Systems ont signé.")
    assert ("Cargovia Europe", "ORG") in pairs(ms)


def test_a_museum_keeps_its_lower_case_head_place_or_body_by_its_position(run):
    ms = run(
        "Une exposition au musée des Beaux-Arts de Valence. Le musée des Beaux-Arts de Valence "
        "présente 80 œuvres, dont vingt prêtées par le musée de la Photographie de Bièvres."
    )
    museums = [(m.text, m.label, m.canonical) for m in ms if m.text.startswith("musée")]
    assert museums == [
        ("musée des Beaux-Arts de Valence", "LOC", "Musée des Beaux-Arts de Valence"),
        ("musée des Beaux-Arts de Valence", "ORG", "Musée des Beaux-Arts de Valence"),
        ("musée de la Photographie de Bièvres", "ORG", "Musée de la Photographie de Bièvres"),
    ]


def test_an_acronym_defined_after_a_body_named_with_its_town(run):
    ms = run(
        "Le Centre hospitalier universitaire de Brest (CHU) a renforcé ses équipes. Le directeur du "
        "CHU, Paul Kerdraon, a salué leur travail."
    )
    chu = [m for m in ms if m.text == "CHU"]
    assert len(chu) == 2
    assert all(m.label == "ORG" and m.canonical == "Centre hospitalier universitaire de Brest" for m in chu)


def test_an_acronym_alone_after_its_body_and_town_is_that_body_not_the_kind(run):
    ms = run(
        "Le CHU de Vannes réalise une greffe. Le CHU rejoint ainsi les centres de Lyon. Dans un CHU, "
        "les délais sont plus longs."
    )
    chu = [m for m in ms if m.text == "CHU"]
    assert [(m.label, m.canonical) for m in chu] == [("ORG", "CHU de Vannes")]


def test_a_town_that_is_also_a_dictionary_word_stays_a_place_in_a_list_of_towns(run):
    ms = run("Des ateliers auront lieu à Saint-Malo, à Dinard et à Cancale ; les prix Coût et Fret montent.")
    assert ("Cancale", "LOC") in pairs(ms)
    assert "Coût" not in texts(ms)


def test_european_funding_programmes_are_misc_and_funds_that_are_bodies_org(run):
    ms = run(
        "Le projet est cofinancé par le Fonds européen de développement régional (FEDER) et par le "
        "Fonds social européen (FSE+). Le Fonds monétaire international a publié une note."
    )
    found = pairs(ms)
    assert ("Fonds européen de développement régional", "MISC") in found
    assert ("FEDER", "MISC") in found and ("Fonds social européen", "MISC") in found
    assert ("FSE", "MISC") in found
    assert ("Fonds monétaire international", "ORG") in found


def test_press_pages_and_bare_units_are_not_bodies(run):
    ms = run(
        "Les visuels sont téléchargeables sur l'Espace presse du site.\n\n"
        "Contact presse : Direction de la communication de l'UVHC – 03 27 00 00 00\n"
    )
    found = texts(ms)
    assert "Espace presse" not in found and "Direction" not in found


def test_a_studio_is_a_body(run):
    ms = run("Les photographies ont été réalisées par Studio Orcival pour la Ville de Lille.")
    assert ("Studio Orcival", "ORG") in pairs(ms)


def test_an_ngo_named_by_a_plural_noun_after_its_cue(run):
    ms = run("L'ONG Médecins du Monde et l'association Ingénieurs du Littoral ont signé la charte.")
    found = pairs(ms)
    assert ("Médecins du Monde", "ORG") in found


def test_a_chair_named_in_guillemets_is_misc(run):
    ms = run("Les deux écoles lancent la chaire « Littoraux Durables » avec la Région Normandie.")
    assert ("Littoraux Durables", "MISC") in pairs(ms)


def test_a_university_written_in_lower_case_is_one_body(run):
    ms = run("L'université de Franche-Comté (UFC) et l'académie de Grenoble ont signé une convention.")
    found = [(m.text, m.label, m.canonical) for m in ms]
    assert ("université de Franche-Comté", "ORG", "Université de Franche-Comté") in found
    assert ("UFC", "ORG", "Université de Franche-Comté") in found
    assert ("académie de Grenoble", "ORG", "Académie de Grenoble") in found


def test_a_venue_named_after_a_person_keeps_its_lower_case_head(run):
    ms = run("Les rames rouleront au pas boulevard Léon-Malfreyt, près du stade Marcel-Cerdan.")
    found = [(m.text, m.label, m.canonical) for m in ms]
    assert ("boulevard Léon-Malfreyt", "LOC", "Boulevard Léon-Malfreyt") in found
    assert ("stade Marcel-Cerdan", "LOC", "Stade Marcel-Cerdan") in found


def test_a_grouping_named_by_several_words_or_a_university_after_its_town(run):
    ms = run(
        "Le tramway est financé par Clermont Auvergne Métropole. Le jury réunit des professeurs de "
        "Nantes Université et d'Aix-Marseille Université. Il a salué Lucie Martin Métropole hier."
    )
    found = pairs(ms)
    assert ("Clermont Auvergne Métropole", "ORG") in found
    assert ("Nantes Université", "ORG") in found and ("Aix-Marseille Université", "ORG") in found
    assert ("Lucie Martin Métropole", "ORG") not in found


def test_a_professional_order_runs_through_a_compound_noun_to_its_region(run):
    ms = run("Des bénévoles de l'Ordre des experts-comptables des Pays de la Loire aideront les lauréats.")
    assert ("Ordre des experts-comptables des Pays de la Loire", "ORG") in pairs(ms)


def test_a_community_of_states_or_of_towns_is_a_body(run):
    ms = run(
        "La France soutient la médiation de la Communauté d'Afrique de l'Est (CAE) et de la "
        "Communauté de communes du Pays de Redon."
    )
    found = pairs(ms)
    assert ("Communauté d'Afrique de l'Est", "ORG") in found and ("CAE", "ORG") in found
    assert ("Communauté de communes du Pays de Redon", "ORG") in found


def test_a_disease_named_by_an_acronym_takes_its_official_capitals(run):
    ms = run("Depuis la crise du Covid-19, la COVID-19 reste surveillée par les hôpitaux de Nancy.")
    assert {m.canonical for m in ms if m.label == "MISC"} == {"COVID-19"}


def test_the_company_of_a_chief_executive_is_a_body_not_a_place(run):
    ms = run(
        "« Nous avons signé avec deux grands clients », déclare Bruno Lacaze, PDG de Nexaltis. "
        "Nexaltis ouvrira un bureau à Montréal. Paul Roux est directeur général de Lyon."
    )
    found = pairs(ms)
    assert [label for text, label in found if text == "Nexaltis"] == ["ORG", "ORG"]
    assert ("Montréal", "LOC") in found and ("Lyon", "LOC") in found


def test_a_body_ends_before_a_headline_verb_the_tagger_read_as_a_noun(run):
    ms = run(
        "La Chambre d'agriculture de la Dordogne alerte sur la pénurie de fourrage. "
        "Le Syndicat des eaux de la Vienne prévient les abonnés."
    )
    found = pairs(ms)
    assert ("Chambre d'agriculture de la Dordogne", "ORG") in found
    assert ("Syndicat des eaux de la Vienne", "ORG") in found
    assert not [t for t, _ in found if "fourrage" in t or "abonnés" in t]


def test_a_street_named_with_an_article_is_one_place_but_not_a_postal_line_nor_a_country(run):
    ms = run(
        "Le rassemblement partira de la place de la Fontaine-Rouge à midi, puis rejoindra la rue des "
        "Tanneurs et la place du Marché. La place de la France en Europe reste à définir.\n"
        "Adresse : 8, rue de la Gare, 21000 Dijon"
    )
    found = [(m.text, m.label, m.canonical) for m in ms]
    assert ("place de la Fontaine-Rouge", "LOC", "Place de la Fontaine-Rouge") in found
    assert ("rue des Tanneurs", "LOC", "Rue des Tanneurs") in found
    assert ("place du Marché", "LOC", "Place du Marché") in found
    assert ("France", "LOC", "France") in found
    assert not [m for m in ms if "Gare" in m.text]


def test_a_bodys_head_and_adjective_keep_the_saints_name_the_model_cut_off(run):
    ms = run(
        "Le Groupe hospitalier Sainte-Odile ouvre une maternité à Colmar. Le Groupe hospitalier "
        "Sainte-Odile emploie 900 personnes."
    )
    found = pairs(ms)
    assert found.count(("Groupe hospitalier Sainte-Odile", "ORG")) == 2
    assert ("Sainte-Odile", "LOC") not in found and ("Colmar", "LOC") in found
