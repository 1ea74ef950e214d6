"""Entity rules read off the fifth held-out set (a fire service, a football club, a diocese, a port, a
publisher, a mutual insurer), on French sentences written for these tests: every person, club,
company and body below is invented; towns are real."""

from __future__ import annotations

from tests.support.entities import pairs


def test_clubs_named_by_an_abbreviation_or_a_club_word_are_bodies(run):
    ms = run(
        "Formé au Real Valmonte, l'entraîneur a dirigé l'AS Pontmoreau-Loire puis l'Olympique de Varennes. "
        "Il a battu le FC Saint-Aurel en finale."
    )
    got = pairs(ms)
    for name in ("Real Valmonte", "AS Pontmoreau-Loire", "Olympique de Varennes", "FC Saint-Aurel"):
        assert (name, "ORG") in got


def test_a_club_word_and_its_towns_adjective_is_a_club_but_a_stade_with_a_name_is_a_venue(run):
    ms = run(
        "Le milieu de terrain a rejoint le Stade lavallois en 2022. "
        "Le match amical aura lieu au stade Jean-Corbière de Vendôme."
    )
    got = pairs(ms)
    assert ("Stade lavallois", "ORG") in got
    assert ("Stade lavallois", "LOC") not in got
    assert not any(label == "ORG" and "Corbière" in text for text, label in got)


def test_a_clubs_acronym_follows_its_long_form(run):
    ms = run(
        "L'Olympique Vendôme-Marigny (OVM) annonce l'arrivée de Sergio Valdés. "
        "Le président de l'OVM, Patrice Delorme-Ancel, a salué ce choix."
    )
    got = pairs(ms)
    assert ("Olympique Vendôme-Marigny", "ORG") in got
    assert ("OVM", "ORG") in got


def test_league_competitions_are_misc_and_leagues_as_bodies_are_org(run):
    got = pairs(
        run(
            "Le club jouera la Ligue des champions la saison prochaine, et la Ligue contre les maladies "
            "rares financera un nouveau laboratoire à Grenoble."
        )
    )
    assert ("Ligue des champions", "MISC") in got
    assert ("Ligue B", "MISC") in pairs(run("Promue cette saison, l'équipe disputera la Ligue B à Fribourg."))
    assert ("Ligue contre les maladies rares", "ORG") in got


def test_mutual_insurers_and_publishing_houses_are_bodies(run):
    got = pairs(
        run(
            "Réunie le 17 mars, l'assemblée générale de la Mutuelle Coopérative des Causses a approuvé "
            "les comptes. Les Éditions du Pont Rouge publieront le roman en mai."
        )
    )
    assert ("Mutuelle Coopérative des Causses", "ORG") in got
    assert ("Éditions du Pont Rouge", "ORG") in got


def test_the_house_a_book_is_published_at_is_a_body(run):
    got = pairs(
        run("Son premier roman, paru chez Malvérane en 2019, sera traduit en anglais chez Brancourt-Viel.")
    )
    assert ("Malvérane", "ORG") in got
    assert ("Brancourt-Viel", "ORG") in got


def test_a_kind_noun_with_an_adjective_after_its_complement_announces_a_company(run):
    got = pairs(run("Parmi les nouveaux adhérents figure le fabricant de remontées mécaniques Altèque."))
    assert ("Altèque", "ORG") in got


def test_a_sentence_initial_kind_noun_opening_an_apposition_is_no_name(run):
    ms = run(
        "Mutuelle régie par le code de la mutualité, la Mutuelle Solidaire du Vercors emploie 300 salariés.\n"
        "Association à but non lucratif, le Groupe hospitalier Sainte-Odile gère deux cliniques."
    )
    texts = [m.text for m in ms]
    assert not any(t.startswith("Mutuelle régie") for t in texts)
    assert not any(t.startswith("Association à but") for t in texts)
    assert "Mutuelle Solidaire du Vercors" in texts


def test_a_site_or_a_feature_named_in_apposition_keeps_its_kind_noun(run):
    got = pairs(
        run(
            "Les pèlerins marcheront jusqu'à l'abbatiale Saint-Aurélien, puis longeront la mer Noire "
            "avant de rejoindre l'île d'Yeu."
        )
    )
    assert ("abbatiale Saint-Aurélien", "LOC") in got
    assert ("mer Noire", "LOC") in got
    assert ("Yeu", "LOC") in got  # after "de", the name is the place's own


def test_a_town_named_like_a_common_noun_after_the_locative_a_is_a_place(run):
    got = pairs(run("Le pèlerinage diocésain se tiendra les 17 et 18 mai à Conques, puis à Tulle."))
    assert ("Conques", "LOC") in got


def test_a_port_named_with_a_capital_is_its_authority_but_a_port_town_stays_a_place(run):
    got = pairs(
        run(
            "Port Océane Charente a traité 2 millions de tonnes en 2025. Le cargo a ensuite rejoint "
            "Port Moresby."
        )
    )
    assert ("Port Océane Charente", "ORG") in got
    assert ("Port Moresby", "LOC") in got


def test_a_diocese_named_by_its_seat_is_a_body(run):
    got = pairs(run("Contact : service communication du diocèse de Mende – Claire Bastide"))
    assert ("diocèse de Mende", "ORG") in got


def test_a_departmental_acronym_with_its_number_is_defined_by_its_long_form(run):
    ms = run(
        "Le Service départemental d'incendie et de secours de la Lozère (SDIS 48) reste mobilisé, a "
        "indiqué le directeur départemental du SDIS.\n\nContact presse : SDIS 48 – Julie Vernet"
    )
    long = "Service départemental d'incendie et de secours de la Lozère"
    got = [(m.text, m.label, m.canonical) for m in ms]
    assert (long, "ORG", long) in got
    assert ("SDIS 48", "ORG", long) in got
    assert ("SDIS", "ORG", long) in got
