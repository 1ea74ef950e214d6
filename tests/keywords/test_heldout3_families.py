"""Keyphrase rules for error families seen on the third held-out set (tests/data/keywords/heldout3).
Sentences, names and places are invented for these tests."""

from __future__ import annotations

from pipeline.keywords import candidates_frame, keyphrase_candidates, rank_keyphrases
from pipeline.keywords.commonness import common_noun_rank, word_rank
from pipeline.keywords.ranking import SPECIFIC


def surfaces(nlp, text: str, title: str | None = None) -> dict[str, object]:
    return {c.surface: c for c in keyphrase_candidates(nlp(text), title=title)}


def test_a_name_candidate_written_in_lower_case_is_weighed_as_a_common_noun(nlp):
    assert common_noun_rank(nlp.vocab, "jardin", True) == word_rank(nlp.vocab, "jardin")
    found = surfaces(
        nlp,
        "Le Jardin botanique de Rosmerel rouvre ses serres. Le jardin accueille des scolaires, et le jardin "
        "prête ses graines aux habitants.",
    )
    assert found["jardin"].common_rank == word_rank(nlp.vocab, "jardin") > 0


def test_a_class_noun_before_a_name_leaves_the_name_whole(nlp):
    text = (
        "La coopérative Grain d'Orge rachète un moulin. Selon la fondation Marmion Lescure, le projet est "
        "exemplaire. La coopérative Grain d'Orge emploiera douze salariés."
    )
    found = surfaces(nlp, text)
    assert "Marmion Lescure" in found and "fondation Marmion Lescure" not in found
    assert found["Marmion Lescure"].container_share == 0.0  # no longer a fragment of the longer phrase
    assert "moulin" in found  # other phrases are untouched


def test_a_class_noun_with_a_complement_is_no_apposition(nlp):
    found = surfaces(
        nlp, "La société de chasse de Vaubrun organise une battue. La société de chasse recrute."
    )
    assert "société de chasse" in found


def test_a_count_in_digits_makes_a_headline_event_not_a_keyphrase(nlp):
    found = surfaces(
        nlp,
        "La clinique du Val d'Ysère annonce le recrutement de 40 soignants et l'ouverture de 12 lits. "
        "Ces soignants renforceront le service de gériatrie.",
    )
    assert not {"recrutement de 40 soignants", "ouverture de 12 lits"} & set(found)
    assert {"recrutement", "soignants", "lits", "service de gériatrie"} <= set(found)
    assert "rupture des deux digues" in surfaces(nlp, "On connaît la rupture des deux digues.")


def test_a_title_in_guillemets_is_one_name(nlp):
    text = (
        "La médiathèque de Lorvin lance « Sous les pavés, la plage », un cycle de lectures estivales. "
        "Le programme « Lire en short » revient aussi cet été."
    )
    found = surfaces(nlp, text)
    assert "Lire en short" in found and found["Lire en short"].is_name
    assert found["Lire en short"].container_share == 0.0


def test_quoted_speech_is_no_title(nlp):
    text = "« Nous voulons des trains à l'heure », affirme Lina Berthaud. Elle parle de « vraie urgence »."
    found = surfaces(nlp, text)
    assert not any(s.startswith("Nous") for s in found)
    assert not found.get("vraie urgence") or not found["vraie urgence"].is_name  # lower case: no title


def test_an_everyday_noun_weighs_less_than_the_release_topic_of_the_same_frequency(nlp):
    # "station" (rank ~1,600 in general French) fills releases of every kind; "sentier" (rank ~6,700)
    # names what this one is about: at equal frequency, it goes first though named later.
    assert 1_000 < word_rank(nlp.vocab, "station") < SPECIFIC < word_rank(nlp.vocab, "sentier")
    text = (
        "La station de Brésillac et ses navettes rouvrent le sentier des crêtes. La station balise le "
        "sentier. Le sentier part de la station."
    )
    frame = candidates_frame("d", keyphrase_candidates(nlp(text)))
    top = list(rank_keyphrases(frame, top_k=10)["keyword"])
    assert top.index("sentier") < top.index("station")
