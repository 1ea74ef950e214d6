"""Entity rules read off the ninth held-out set (a Moroccan public agency, a hospital doctors' union, an
orchestra, a mountain town's tourist office, a Luxembourg fund), on French sentences written for these
tests: every person, company and body below is invented; places are real."""

from __future__ import annotations

from tests.support.entities import pairs


def test_a_name_cut_at_a_sentence_initial_common_word_is_whole_when_the_text_writes_it_whole(run):
    got = pairs(
        run(
            "Le cabinet Boréal Conseil a publié son rapport mardi. Les salariés sont inquiets. "
            "Boréal Conseil recrutera dix consultants à Nancy."
        )
    )
    assert got.count(("Boréal Conseil", "ORG")) == 2
    assert ("Conseil", "ORG") not in got
    assert ("Nancy", "LOC") in got


def test_a_sentence_initial_common_word_alone_is_still_no_name(run):
    got = pairs(run("Le groupe Avenir Santé ouvre une clinique. Avenir incertain pour les autres projets."))
    assert ("Avenir Santé", "ORG") in got
    assert not any(text == "Avenir" for text, _ in got)


def test_a_festival_named_by_two_parts_joined_by_en_is_one_misc_name(run):
    got = pairs(
        run(
            "Le quatuor jouera au festival Blues en Vercors le 3 août, puis au festival Lire en Poche "
            "à Gradignan."
        )
    )
    assert ("Blues en Vercors", "MISC") in got
    assert ("Lire en Poche", "MISC") in got
    assert ("Gradignan", "LOC") in got
    assert ("Vercors", "LOC") not in got


def test_a_nature_reserve_keeps_its_kind_noun(run):
    mentions = run(
        "La fréquentation de la réserve naturelle des Hauts de Chartreuse a doublé. Les chamois de la "
        "réserve naturelle nationale de Sixt-Passy sont comptés chaque hiver."
    )
    got = pairs(mentions)
    assert ("réserve naturelle des Hauts de Chartreuse", "LOC") in got
    assert ("réserve naturelle nationale de Sixt-Passy", "LOC") in got
    assert {m.canonical for m in mentions} >= {"Réserve naturelle des Hauts de Chartreuse"}


def test_a_hyphenated_town_of_dictionary_words_is_a_place(run):
    got = pairs(
        run(
            "Les skieurs venus aux Salins-Vergers ont trouvé de la neige. La mairie des Salins-Vergers "
            "est ravie."
        )
    )
    assert got.count(("Salins-Vergers", "LOC")) == 2


def test_a_regional_bank_of_a_cooperative_network_is_one_body(run):
    got = pairs(
        run(
            "Le tournoi est financé par la Caisse d'Épargne Bretagne Pays de Loire. La Caisse d'Épargne "
            "Normandie et le Crédit agricole Alpes Provence soutiennent aussi le club de Vire."
        )
    )
    assert ("Caisse d'Épargne Bretagne Pays de Loire", "ORG") in got
    assert ("Caisse d'Épargne Normandie", "ORG") in got
    assert ("Crédit agricole Alpes Provence", "ORG") in got
    assert ("Vire", "LOC") in got


def test_a_network_bank_without_a_region_is_left_to_the_other_rules(run):
    got = pairs(run("Le Crédit Mutuel a publié ses comptes. La Banque Populaire recrute des conseillers."))
    assert ("Crédit Mutuel", "ORG") in got


def test_a_bank_of_a_network_whose_region_is_hyphenated_is_one_body(run):
    got = pairs(run("Le club remercie la Caisse d'Épargne Midi-Pyrénées, son partenaire depuis 2019."))
    assert ("Caisse d'Épargne Midi-Pyrénées", "ORG") in got


def test_a_body_named_with_its_purpose_after_pour_is_one_name(run):
    got = pairs(
        run(
            "Elle a reçu le soutien de la Fondation Verlaine pour la poésie, qui finance dix bourses. "
            "L'Institut Kervella pour la recherche. Le Fonds Marceau II pour le logement social et "
            "durable (FMLSD) investit à Lille."
        )
    )
    assert ("Fondation Verlaine pour la poésie", "ORG") in got
    assert ("Institut Kervella pour la recherche", "ORG") in got
    assert ("Fonds Marceau II pour le logement social et durable", "ORG") in got


def test_a_purpose_that_goes_on_is_the_sentence_s_not_the_name_s(run):
    got = pairs(
        run(
            "La Fondation Delmas pour la rénovation des églises a versé 2 millions. La région a signé "
            "avec la Fondation Aubrac pour la saison 2027. Un mécène a rejoint l'Association Kerlan pour la "
            "saison prochaine. Elle est soutenue par l'Institut Morvandel pour la première fois."
        )
    )
    assert ("Fondation Delmas", "ORG") in got
    for body in ("Fondation Aubrac", "Association Kerlan", "Institut Morvandel"):
        assert not any(text.startswith(f"{body} pour") for text, _ in got)


def test_the_agent_of_a_company_s_act_named_by_a_noun_is_a_body(run):
    got = pairs(
        run(
            "Le fonds financera la construction par Hydralis de deux centrales solaires. La gestion par "
            "Lyon de ses parcs est saluée."
        )
    )
    assert ("Hydralis", "ORG") in got
    assert ("Lyon", "LOC") in got
