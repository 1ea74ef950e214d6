"""Cues that must not count: inside a longer phrase of another subject or of the taxonomy's neutral
phrases, or in the release's contact block. Sentences and releases written for these tests (invented
names, places and bodies)."""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline.themes import load_taxonomy, score_themes, tag_themes
from pipeline.themes.matching import count_cues, cue_words, doc_words
from pipeline.themes.taxonomy import TaxonomyError

POLITICS, ECONOMY, EDUCATION = "medtop:11000000", "medtop:04000000", "medtop:05000000"
ENVIRONMENT, LABOUR = "medtop:06000000", "medtop:09000000"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def _found(nlp, taxonomy, text: str) -> dict[str, Counter]:
    counts = count_cues(doc_words(nlp(text)), taxonomy)
    return {t.id: c for t, c in zip(taxonomy.themes, counts, strict=True) if c}


def _texts(counter: Counter) -> set[str]:
    return {c.text for c in counter}


def test_a_phrase_of_another_subject_hides_the_cue_inside_it(nlp, taxonomy):
    found = _found(nlp, taxonomy, "Les truites ont disparu de plusieurs cours d'eau du plateau de Ravenne.")
    assert "cours d'eau" in _texts(found[ENVIRONMENT])
    assert EDUCATION not in found  # "cours" is no lesson here
    found = _found(nlp, taxonomy, "Les élèves du lycée suivent trois heures de cours de chimie par semaine.")
    assert "cours" in _texts(found[EDUCATION])


def test_a_labour_phrase_is_not_diplomacy(nlp, taxonomy):
    text = "La direction refuse de rouvrir les négociations annuelles : le dialogue social est rompu."
    found = _found(nlp, taxonomy, text)
    assert {"négociations annuelles", "dialogue social"} <= _texts(found[LABOUR])
    assert POLITICS not in found and "diplomatie" not in found
    found = _found(nlp, taxonomy, "Les deux ministres ont repris les négociations sur la frontière.")
    assert "négociations" in _texts(found[POLITICS])


def test_a_scholarship_is_not_the_stock_exchange(nlp, taxonomy):
    found = _found(nlp, taxonomy, "Deux bourses de thèse seront attribuées aux meilleurs diplômés du master.")
    assert "bourse de thèse" in _texts(found[EDUCATION])
    assert ECONOMY not in found


def test_children_of_one_subject_do_not_hide_each_other(nlp, taxonomy):
    """A level-2 theme's phrase does not hide its parent's own cue: both are the same subject."""
    found = _found(nlp, taxonomy, "Les élus locaux du canton de Mirbel se réuniront ce mardi.")
    assert "élus locaux" in _texts(found["collectivites_territoriales"])
    assert "élus" in _texts(found[POLITICS])


def test_neutral_phrases_count_for_no_theme(nlp, taxonomy):
    text = "La présidente de l'association des amis du moulin de Corbière ouvre la saison."
    assert POLITICS not in _found(nlp, taxonomy, text)
    text = "Le président de la République recevra les maires du Vallonnais."
    assert "président de la République" in _texts(_found(nlp, taxonomy, text)[POLITICS])
    text = "Malgré un environnement économique incertain, les ventes de la société ont progressé."
    assert ENVIRONMENT not in _found(nlp, taxonomy, text)


ARTS = "medtop:01000000"


def test_crops_and_a_new_fund_are_not_the_arts(nlp, taxonomy):
    text = (
        "Le syndicat agricole du Val-Brun réclame la création d'un fonds de secours : l'irrigation des "
        "cultures est suspendue et les grandes cultures du plateau souffrent de la chaleur."
    )
    found = _found(nlp, taxonomy, text)
    assert ARTS not in found
    assert {"irrigation des cultures", "grandes cultures"} <= _texts(found["agriculture_alimentation"])
    budget = _found(nlp, taxonomy, "La ville consacre 2 % de son budget à la culture.")
    assert "culture" in _texts(budget[ARTS])


def test_neutral_phrases_are_checked_and_extended(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('neutral = ["président"]\n[themes.x]\nlabel = "X"\ncues = ["x"]\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match="two content words"):
        load_taxonomy(bad)
    mine = tmp_path / "mine.toml"
    mine.write_text(
        'extends = "default"\nneutral = ["chef de rang"]\n'
        '[themes.salle]\nlabel = "Salle"\ncues = ["salle"]\n',
        encoding="utf-8",
    )
    loaded = load_taxonomy(mine)
    words = {c.words for c in loaded.neutral}
    assert cue_words("chef de rang") in words and cue_words("président de l'association") in words


CONTACT_RELEASE = (
    "Salon du livre jeunesse de Brévannes : 120 auteurs attendus\n\n"
    "Brévannes, le 3 avril 2025\n\n"
    "Le salon du livre jeunesse ouvre ses portes le 12 avril. Cent vingt auteurs et illustrateurs "
    "dédicaceront leurs albums, romans et bandes dessinées. Des lectures de contes, des ateliers d'écriture "
    "et une exposition de dessins originaux sont proposés aux familles. Les écrivains invités rencontreront "
    "aussi les élèves des écoles de la ville pendant trois jours, et un prix littéraire sera remis par un "
    "jury de jeunes lecteurs. La bibliothèque municipale prête ses salles pour les spectacles.\n\n"
    "Contact presse\n\n"
    "Cabinet du maire, service de la communication interministérielle et gouvernementale\n"
    "Ministère de la culture, délégation aux élections, gouvernement, préfecture\n"
    "presse@brevannes-exemple.fr\n"
)


def test_the_contact_block_is_not_what_the_release_discusses(nlp, taxonomy):
    doc = nlp(CONTACT_RELEASE)
    scores = {s.theme: s for s in score_themes(doc, taxonomy)}
    assert POLITICS not in scores or scores[POLITICS].score < 2
    assert "medtop:01000000" in {s.theme for s in tag_themes(doc, taxonomy)}
    # the same words in the body do count
    body = CONTACT_RELEASE.replace("Contact presse\n\n", "")
    scores = {s.theme: s for s in score_themes(nlp(body), taxonomy)}
    assert scores[POLITICS].score >= 4
