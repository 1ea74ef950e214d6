"""Keyphrase candidates (one rule per test, on French sentences written for it), and one press release
ranked end to end."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from pipeline.keywords import (
    KeyphraseCandidate,
    candidates_frame,
    keyphrase_candidates,
    rank_keyphrases,
    title_span,
)


def cands(nlp, text: str) -> dict[str, KeyphraseCandidate]:
    return {c.lemma: c for c in keyphrase_candidates(nlp(text))}


def surfaces(nlp, text: str) -> set[str]:
    return {c.surface for c in keyphrase_candidates(nlp(text))}


# ----------------------------------------------------------------------------- candidate extraction
def test_phrase_with_a_function_word_and_its_parts(nlp):
    found = cands(nlp, "La joueuse américaine a remporté le tournoi de Melbourne pour la septième fois.")
    assert found["tournoi de melbourne"].surface == "tournoi de Melbourne"
    assert found["tournoi de melbourne"].has_function_word
    assert {"tournoi", "melbourne", "joueur américain"} <= set(found)  # head word, the name, NOUN ADJ


def test_preposition_article_and_number_inside_a_phrase(nlp):
    found = surfaces(nlp, "L'inondation est due à la rupture des deux digues de la rivière.")
    assert "rupture des deux digues" in found
    assert "inondation" in found


def test_names_with_numbers(nlp):
    found = cands(nlp, "La fusée Vega 6 a décollé de Guyane avec la sonde Hermine.")
    assert found["vega 6"].surface == "Vega 6" and found["vega 6"].is_name
    assert found["fusée vega 6"].has_name and not found["fusée vega 6"].is_name
    assert "sonde hermine" in found


def test_number_and_capitals_split_by_the_tokenizer_are_one_word(nlp):
    found = cands(nlp, "Le déploiement de la 5G commence dans les zones rurales.")
    assert found["5g"].surface == "5G"
    assert "g" not in found and "gramme" not in found


def test_acronyms(nlp):
    found = cands(nlp, "L'OTAN et la NASA ont signé un accord de coopération avec l'ONU.")
    for key in ("otan", "nasa", "onu"):
        assert found[key].is_acronym and found[key].is_name
    assert not found["accord de coopération"].is_acronym


def test_a_name_is_never_cut(nlp):
    found = cands(nlp, "L'ONG Open Water Alliance publie un rapport accablant.")
    assert "open water alliance" in found
    assert not {"water", "open", "alliance", "open water", "water alliance"} & set(found)


def test_surname_and_initials_count_for_the_full_name(nlp):
    found = cands(nlp, "Léa Vasseur a gagné la finale. Vasseur a ensuite remercié le public.")
    assert found["léa vasseur"].frequency == 2 and "vasseur" not in found
    found = cands(nlp, "Barack Obama a parlé longuement. Le discours de B. Obama a duré une heure.")
    assert found["barack obama"].frequency == 2 and "b. obama" not in found


def test_hyphenated_compound_is_one_word(nlp):
    found = cands(nlp, "Le musée des beaux-arts de Montréal ouvre une nouvelle salle.")
    assert "musée des beaux-arts de Montréal" in {c.surface for c in found.values()}
    assert "beaux-arts" in found
    assert "art" not in found and "arts" not in found


def test_generic_nouns_are_not_keyphrases_on_their_own(nlp):
    found = cands(nlp, "La réunion aura lieu lundi à Lyon.")
    assert "réunion" in found and "lyon" in found
    assert not {"lieu", "lundi", "lieu lundi"} & set(found)
    assert "niveau de vie" in cands(nlp, "Le niveau de vie des ménages baisse depuis deux ans.")


def test_participle_after_an_auxiliary_is_a_verb(nlp):
    found = cands(nlp, "Une banque espagnole a fait faillite. Les emplois menacés sont nombreux.")
    assert "faire faillite" not in found and "faillite" in found
    assert "emploi menacer" in found or "emploi menacé" in found  # post-nominal participle: an adjective


def test_candidates_are_deduplicated_by_lemma(nlp):
    found = cands(nlp, "Les compagnies aériennes sont fragiles. Une compagnie aérienne a fait faillite.")
    assert found["compagnie aérien"].frequency == 2
    assert found["compagnie aérien"].surface in {"compagnies aériennes", "compagnie aérienne"}
    assert len([k for k in found if k.startswith("compagnie")]) == 2  # "compagnie" and "compagnie aérien"


def test_a_word_only_seen_inside_a_phrase_is_marked(nlp):
    found = cands(
        nlp, "La vigilance orange est déclenchée. La vigilance orange concerne trente départements."
    )
    assert found["vigilance"].container_share == 1.0
    assert found["vigilance orange"].container_share == 0.0


def test_title_line_and_in_title(nlp):
    doc = nlp(
        "Télécoms : la 5G arrive dans les campagnes\nLe déploiement de la 5G commence dans les villages."
    )
    found = {c.lemma: c for c in keyphrase_candidates(doc)}
    assert found["5g"].in_title and found["campagne"].in_title
    assert not found["déploiement"].in_title and not found["village"].in_title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Un titre sans point\nLe corps du texte. La suite.", "Un titre sans point"),
        ("Le numérique fait partie de nos vies. Mais pas seulement.\nSuite.", None),  # prose first
        (
            "Communiqué de presse\n\nParis, le 12 mars 2024\nLa France lance un plan 5G\nTexte.",
            "La France lance un plan 5G",
        ),
        (
            "\n\n  Sensibilisation du public aux risques en ligne  \n\nTexte.",
            "Sensibilisation du public aux risques en ligne",
        ),
    ],
)
def test_title_span(text, title):
    span = title_span(text)
    assert (text[span[0] : span[1]] if span else None) == title


def test_candidates_are_flat_and_ordered(nlp):
    hints = typing.get_type_hints(KeyphraseCandidate)
    assert all(hints[f.name] in (str, int, float, bool) for f in dataclasses.fields(KeyphraseCandidate))
    found = keyphrase_candidates(
        nlp("La Commission européenne présente un plan pour les centres de données.")
    )
    offsets = [c.first_offset for c in found]
    assert offsets == sorted(offsets) and found
    assert keyphrase_candidates(nlp("")) == []


# ----------------------------------------------------------------------------- end to end
def test_press_release_keyphrases(nlp):
    text = (
        "Centres de données : un appel à projets pour réduire leur consommation d'énergie\n"
        "Le ministère chargé du numérique lance un appel à projets doté de 50 millions d'euros pour les "
        "centres de données. Les centres de données consomment une part croissante de l'électricité. "
        "Les projets retenus devront réduire la consommation d'énergie des serveurs et récupérer la chaleur. "
        "L'Arcep publiera chaque année un bilan de la consommation d'énergie des centres de données."
    )
    out = rank_keyphrases(candidates_frame("cp", keyphrase_candidates(nlp(text))), top_k=5)
    top = [k.lower() for k in out["keyword"]]
    assert "centres de données" in top
    assert any("consommation" in k for k in top)
    assert len(top) == 5
