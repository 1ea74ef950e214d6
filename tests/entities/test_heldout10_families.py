"""Entity rules read off the tenth held-out set (a prize jury, a regional gas distributor, a Tunisian
ministry, a motorway operator, a wildlife NGO), on French sentences written for these tests: every
person, company, body, award and title below is invented; places and road numbers are real."""

from __future__ import annotations

from tests.support.entities import pairs


def test_a_network_named_by_two_common_words_joined_by_et_is_one_body(run):
    got = pairs(
        run(
            "Le Réseau Hérisson et Chouette publie son bilan annuel. Fondé à Tours, le Réseau Hérisson "
            "et Chouette compte 800 bénévoles."
        )
    )
    assert got.count(("Réseau Hérisson et Chouette", "ORG")) == 2
    assert not any(text in ("Chouette", "Réseau Hérisson") for text, _ in got)


def test_a_cours_is_a_street_with_its_kind_noun(run):
    mentions = run("Le marché se tiendra sur le cours Lafayette jusqu'en mai. Au cours de l'été, il fermera.")
    assert ("cours Lafayette", "LOC") in pairs(mentions)
    assert "Cours Lafayette" in {m.canonical for m in mentions}


def test_an_award_keeps_its_lower_case_kind_noun_but_not_the_editions_year(run):
    mentions = run(
        "Le prix Marcel-Orsini 2027 a été remis jeudi à Lille. La lauréate du prix Marcel-Orsini recevra "
        "5 000 euros.\n\n**À propos du prix Marcel-Orsini**\nLe prix distingue un essai."
    )
    got = pairs(mentions)
    assert got.count(("prix Marcel-Orsini", "MISC")) == 3
    assert ("Lille", "LOC") in got
    assert {m.canonical for m in mentions if m.label == "MISC"} == {"Prix Marcel-Orsini"}


def test_a_road_by_its_number_is_a_place(run):
    got = pairs(
        run(
            "Le trafic sera dense sur l'A7 et l'A62 samedi. Un accident a coupé la RN 88 près de Mende, "
            "et la D 940 reste fermée."
        )
    )
    for road in ("A7", "A62", "RN 88", "D 940"):
        assert (road, "LOC") in got
    assert ("Mende", "LOC") in got


def test_a_number_after_la_is_not_a_road_without_a_road_letter(run):
    got = pairs(run("Elle a rejoint la B 12 et la salle 4 du conseil. Le quartier A3 est calme."))
    assert not any(text in ("B 12", "A3") for text, _ in got)


def test_an_aircraft_is_not_a_motorway(run):
    # Airbus numbers (A220-A380) are no French motorway's: the road rule leaves them alone.
    got = pairs(run("La compagnie exploitera l'A 321 puis l'A 330 sur la ligne de Brest, par l'A 84."))
    assert not any(label == "LOC" and text in ("A 321", "A 330") for text, label in got)
    assert ("A 84", "LOC") in got


def test_a_title_after_interroge_par_or_a_media_noun_is_a_title(run):
    got = pairs(
        run(
            "Interrogée par Le Courrier du Pays basque, la maire a confirmé le projet. Il l'a redit sur "
            "la radio Vallée Info vendredi. Interrogé par Paul Garnier, il a refusé de répondre."
        )
    )
    assert ("Courrier du Pays basque", "MISC") in got or ("Le Courrier du Pays basque", "MISC") in got
    assert ("Vallée Info", "MISC") in got
    assert ("Paul Garnier", "PER") in got


def test_a_street_named_after_a_town_is_a_street_but_not_in_a_postal_line(run):
    got = pairs(
        run(
            "La galerie ouvrira au printemps sur l'avenue Montaigne, près de la place Vendôme.\n"
            "Siège : 12 bis rue Beaumont – 45000 Orléans"
        )
    )
    assert ("avenue Montaigne", "LOC") in got
    assert ("place Vendôme", "LOC") in got
    assert not any("Beaumont" in text for text, _ in got)


def test_a_region_named_by_a_hyphenated_place_after_its_common_noun_is_whole(run):
    got = pairs(run("Le réseau dessert 90 communes de la région Provence-Alpes-Côte d'Azur."))
    assert ("Provence-Alpes-Côte d'Azur", "LOC") in got
    assert ("Azur", "LOC") not in got


def test_an_acronym_spelled_by_the_parts_of_a_hyphenated_name(run):
    mentions = run(
        "La société Transports Loire-Atlantique-Vendée (TLAV) renforce ses lignes. Le président de TLAV "
        "a présenté le plan à Nantes."
    )
    got = pairs(mentions)
    assert got.count(("TLAV", "ORG")) == 2
    assert {m.canonical for m in mentions if m.text == "TLAV"} == {"Transports Loire-Atlantique-Vendée"}


def test_one_invented_word_after_a_company_noun_is_the_company(run):
    got = pairs(
        run(
            "Filiale du groupe Norvalis, l'entreprise emploie 300 personnes. "
            "Le groupe Nature réunit des élus."
        )
    )
    assert ("Norvalis", "ORG") in got
    assert not any(text == "Nature" for text, _ in got)


def test_a_short_title_in_guillemets_next_to_its_author_is_a_work(run):
    got = pairs(
        run(
            "Le jury couronne « Les Heures claires », de Lina Roux. Il a préféré Lina Roux, pour "
            "« Les Heures claires », à Marc Dubreuil. La compositrice Anna Berg, « Vents du nord », "
            "sera jouée en mai."
        )
    )
    assert got.count(("Les Heures claires", "MISC")) == 2
    assert ("Vents du nord", "MISC") in got


def test_a_quotation_after_a_name_is_no_title(run):
    got = pairs(
        run(
            "« Nous sommes ravis », a déclaré Marc Dubreuil. Pour sa part, Marc Dubreuil, « Un grand "
            "jour ». Lina Roux : « Bravo »."
        )
    )
    assert all(label != "MISC" for _, label in got)
