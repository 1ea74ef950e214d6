"""The keyphrase rules for press releases (issue 26): no dates or amounts, nothing seen only in the
dateline or the contact block, no cut-off names or phrases, names kept whole, and one-word candidates
weighed by how common they are in French. Sentences, names and places are invented for these tests."""

from __future__ import annotations

import pandas as pd

from pipeline.keywords import candidates_frame, keyphrase_candidates, rank_keyphrases, title_span
from pipeline.keywords.commonness import common_noun_rank, word_rank
from pipeline.keywords.ranking import specificity_weight
from pipeline.keywords.title import title_topic
from pipeline.keywords.zones import boilerplate_spans

RELEASE = (
    "## Communiqué de presse\n\n"
    "_Brignolles, le 3 février 2025_\n\n"
    "La coopérative Vignerons du Caramy inaugure une unité de méthanisation. L'unité de méthanisation "
    "traitera les marcs de raisin de quarante domaines à partir de mars 2025, pour un coût de 12 millions "
    "d'euros. M. Firmin Aubanel, président de la coopérative, salue un projet attendu. Firmin a rappelé "
    "que le Premier Ministre Awa Diallo avait visité le site.\n\n"
    "## Contact presse\n\n"
    "Coopérative Vignerons du Caramy\n"
    "BP 214\n"
    "83170 BRIGNOLLES Cedex\n"
    "presse@caramy-vignerons.example\n"
)


def surfaces(nlp, text: str, title: str | None = None) -> dict[str, object]:
    return {c.surface: c for c in keyphrase_candidates(nlp(text), title=title)}


def test_dates_amounts_and_times_are_not_keyphrases(nlp):
    found = surfaces(
        nlp,
        "Le 14 avril 2026, la société Orvalis a annoncé 40 millions d'euros pour son usine de recyclage. "
        "Le chantier débutera en juin 2026 à 9h30 et coûtera 3 milliards FCFA.",
    )
    assert "usine de recyclage" in found
    assert not {"avril 2026", "juin 2026", "millions d'euros", "milliards FCFA", "9h30"} & set(found)


def test_dateline_and_contact_block_are_boilerplate(nlp):
    found = surfaces(nlp, RELEASE)
    assert "unité de méthanisation" in found
    assert not any(s.lower().startswith("brignolles") for s in found)  # dateline and postal city only
    spans = [RELEASE[a:b] for a, b in boilerplate_spans(RELEASE)]
    assert spans[0].startswith("_Brignolles, le 3 février 2025")
    assert spans[-1].startswith("## Contact presse") and spans[-1].endswith("example\n")


def test_a_city_of_the_body_stays_even_if_it_is_the_dateline_city(nlp):
    text = "Brignolles, le 3 février 2025 - La ville de Brignolles ouvre une médiathèque à Brignolles."
    assert "Brignolles" in surfaces(nlp, text)


def test_a_dateline_in_the_middle_of_prose_is_no_boilerplate():
    text = "Lors du procès de la société Orvalis, le 3 mars 2019, les juges ont entendu dix témoins."
    assert boilerplate_spans(text) == []


def test_markdown_dateline_is_not_the_title():
    text = "_Brignolles, le 3 février 2025_\n\nLa coopérative inaugure une unité de méthanisation."
    assert title_span(text) is None


def test_metadata_title_marks_candidates_in_title(nlp):
    found = surfaces(nlp, RELEASE, title="Une unité de méthanisation pour les vignerons du Caramy")
    assert found["unité de méthanisation"].in_title
    assert not found["marcs de raisin"].in_title


def test_names_lose_courtesy_titles_and_roles_and_absorb_first_names(nlp):
    found = surfaces(nlp, RELEASE)
    assert "Firmin Aubanel" in found and "Awa Diallo" in found
    assert found["Firmin Aubanel"].frequency == 2  # "Firmin a rappelé" counts for the full name
    assert "Firmin" not in found
    assert not any(s.startswith("M. ") for s in found)


def test_a_particle_in_capitals_stays_inside_the_name(nlp):
    found = surfaces(nlp, "Le navigateur Yann LE GOFF a remporté la course.")
    assert "Yann LE GOFF" in found


def test_participle_before_its_complement_ends_no_phrase(nlp):
    found = surfaces(nlp, "Le port accueille un terminal destiné à l'exportation des céréales.")
    assert "terminal" in found and "terminal destiné" not in found


def test_markup_and_web_addresses_leave_no_fragment(nlp):
    found = surfaces(
        nlp,
        "Nous recevrons [Clarisse Vernet](https://exemple.org/wiki/Clarisse_Vernet), qui a révélé "
        "l'affaire _Ombrelune_. Le dossier _Ombrelune_ reste ouvert.",
    )
    assert "Clarisse Vernet" in found and "Ombrelune" in found
    assert not any("_" in s or "http" in s for s in found)


def test_a_phrase_only_seen_inside_a_longer_one_is_a_fragment(nlp):
    text = (
        "Le Salon international de la céramique ancienne ouvre ses portes. Le Salon international de la "
        "céramique ancienne accueille cent exposants."
    )
    found = surfaces(nlp, text)
    assert found["Salon international de la céramique"].container_share == 1.0
    assert found["Salon international de la céramique ancienne"].container_share == 0.0


def test_word_ranks_follow_general_french_frequency(nlp):
    assert 0 < word_rank(nlp.vocab, "pays") < word_rank(nlp.vocab, "compostage")
    assert common_noun_rank(nlp.vocab, "Président", True) == word_rank(nlp.vocab, "président")
    assert common_noun_rank(nlp.vocab, "Marseille", True) == 0  # a real name: no penalty


def test_specificity_weight_is_monotone_and_neutral_without_evidence():
    w = specificity_weight(pd.Series([0, 5, 300, 3_000, 200_000]))
    assert w.iloc[0] == 1.0 and w.iloc[-1] == 1.0
    assert w.iloc[1] <= w.iloc[2] <= w.iloc[3] <= w.iloc[4]
    assert w.iloc[1] < 1.0


def test_a_specific_word_outranks_a_common_one(nlp):
    text = (
        "La coopérative défend le compostage des déchets. Le pays attend. Le compostage protège les "
        "sols, dit le pays."
    )
    ranked = rank_keyphrases(candidates_frame("cp", keyphrase_candidates(nlp(text))), top_k=10)
    top = list(ranked["keyword"])
    assert top.index("compostage") < top.index("pays")


def test_a_name_as_the_complement_of_a_noun_is_no_fragment(nlp):
    text = "Le conflit du Val-Sombre a repris. Les médiateurs du conflit du Val-Sombre se réunissent."
    found = surfaces(nlp, text)
    assert found["Val-Sombre"].container_share == 0.0
    assert found["conflit"].container_share == 1.0  # the bare head noun is the fragment


def test_the_frame_of_an_official_title_is_not_its_topic(nlp):
    framed = "Communiqué du ministère de la Mer, en date du 3 mai 2025, sur la pêche côtière en Bretagne."
    assert title_topic(framed) == "la pêche côtière en Bretagne."
    assert title_topic("Une unité de méthanisation à Brignolles") == "Une unité de méthanisation à Brignolles"
    found = surfaces(nlp, "Le ministère de la Mer soutient la pêche côtière.", title=framed)
    assert found["pêche côtière"].in_title and not found["ministère de la Mer"].in_title


def test_groupe_is_filler_alone_but_heads_a_phrase(nlp):
    found = surfaces(nlp, "Le groupe a racheté une filiale. Le groupe de travail sur la sécheresse siège.")
    assert "groupe" not in found and "groupe de travail" in found


def test_a_body_named_with_a_complement_in_a_is_one_phrase(nlp):
    found = surfaces(nlp, "Le Comité de soutien à Mathis Carrel a salué la décision de la cour.")
    assert "Comité de soutien à Mathis Carrel" in found and "Mathis Carrel" in found
    assert "France à Bruxelles" not in surfaces(nlp, "Le vote de la France à Bruxelles a surpris.")


def test_the_dateline_and_contact_lines_do_not_count_as_repetitions(nlp):
    # The town and the coopérative's name come back in the dateline and contact block of every release of
    # the publisher; only the body's mentions count, so the publisher is not ranked above the topic the
    # body repeats.
    text = (
        "Saint-Maximin, le 3 février 2025 - La coopérative Vignerons du Caramy inaugure une unité de "
        "méthanisation à Saint-Maximin. L'unité de méthanisation traitera les marcs de raisin.\n\n"
        "## Contact presse\n\nCoopérative Vignerons du Caramy\nSaint-Maximin\npresse@caramy.example\n"
    )
    found = surfaces(nlp, text)
    assert found["Saint-Maximin"].frequency == 1  # the body's mention only, not the dateline's
    assert found["unité de méthanisation"].frequency == 2
    assert found["Vignerons du Caramy"].frequency == 1


def test_a_hyphenated_locution_is_no_keyphrase(nlp):
    text = (
        "La régie des eaux de Cormelles change ses compteurs, c'est-à-dire les appareils qui mesurent la "
        "consommation. Au-delà des compteurs, la régie rénove les canalisations."
    )
    found = {s.lower() for s in surfaces(nlp, text)}
    assert "compteurs" in found
    assert not {"est-à-dire", "c'est-à-dire", "au-delà"} & found
