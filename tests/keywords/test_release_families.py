"""Keyphrase rules for error families seen on the second held-out set (tests/data/keywords/heldout2)
and the first one's remaining errors: a town that names a body is no first name, an amount or a unit is
no keyphrase even as a complement, and a person introduced with a role is one of the release's actors.
Sentences, names and places are invented for these tests."""

from __future__ import annotations

from pipeline.keywords import candidates_frame, keyphrase_candidates, rank_keyphrases


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
    found = surfaces(nlp, "Le musée rappelle la rupture des deux digues lors de la crue de 1910.")
    assert "rupture des deux digues" in found


def test_a_person_named_with_a_role_is_an_actor(nlp):
    text = (
        "La fondation Terres d'Ardoise ouvre un refuge pour chevaux. « Nous voulons sauver ces animaux », "
        "a déclaré la directrice générale de la fondation, Maëlle Kervran. Le refuge a reçu la visite de "
        "Jules Pradier et du préfet Gaston Lemerle."
    )
    found = surfaces(nlp, text)
    assert found["Maëlle Kervran"].has_role  # role, complement and comma before the name
    assert not found["Jules Pradier"].has_role  # no role
    assert not found["Gaston Lemerle"].has_role  # a role, but named after the release's first actor


def test_a_role_after_the_name_counts_and_a_verb_breaks_the_link(nlp):
    found = surfaces(nlp, "Corentin Abgrall, président du club de voile, accueille les régatiers.")
    assert found["Corentin Abgrall"].has_role
    found = surfaces(nlp, "Corentin Abgrall, menuisier à Port-Kerlan et président du club, a parlé.")
    assert found["Corentin Abgrall"].has_role  # the role further in the apposition
    found = surfaces(nlp, "Le président remercie les bénévoles et Corentin Abgrall pour leur travail.")
    assert not found["Corentin Abgrall"].has_role


def test_the_actor_ranks_above_an_earlier_name_mentioned_as_often(nlp):
    text = (
        "Le club de voile de Port-Kerlan inaugure le ponton construit par Yvon Tanguy. « Les régatiers "
        "attendaient ce ponton », explique Corentin Abgrall, président du club."
    )
    frame = candidates_frame("d", keyphrase_candidates(nlp(text)))
    ranked = list(rank_keyphrases(frame, top_k=20)["keyword"])
    assert ranked.index("Corentin Abgrall") < ranked.index("Yvon Tanguy")


def test_en_inside_a_name_links_it(nlp):
    found = surfaces(nlp, "Le festival Les Nuits en Bastide accueille trois concerts cet été.")
    assert "Nuits en Bastide" in found
    assert "Bastide" not in found  # a name is never cut


def test_a_headline_verb_read_as_a_noun_is_no_keyphrase(nlp):
    found = surfaces(nlp, "Le Syndicat des eaux de la Varonne vote un budget de crise")
    assert "budget" in found
    assert not any(s.split()[0] == "vote" for s in found)
    found = surfaces(nlp, "Le vote a eu lieu hier. Le vote une fois acquis, le budget sera appliqué.")
    assert "vote" in found  # after an article it is the noun


def test_a_role_is_no_topic(nlp):
    text = (
        "La ministre des sports inaugure la piscine olympique de Kervallon. La ministre des sports a "
        "salué les nageurs, qui s'entraînent dans la piscine olympique depuis lundi."
    )
    found = surfaces(nlp, text)
    assert found["ministre des sports"].is_office and not found["piscine olympique"].is_office
    frame = candidates_frame("d", keyphrase_candidates(nlp(text)))
    ranked = list(rank_keyphrases(frame, top_k=20)["keyword"])
    assert ranked.index("piscine olympique") < ranked.index("ministre des sports")
