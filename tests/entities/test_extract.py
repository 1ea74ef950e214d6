"""Each clean-up rule of pipeline/entities/ on French sentences written for it.

The sentences are made up for these tests (no document of ../shared is used); each test states what
the rule must produce, so it fails if the rule is removed.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.entities import EntityMention, extract_entities, is_common_word
from pipeline.entities.document_mentions import _find_names
from pipeline.entities.gazetteer_matches import FirstWordSearch, names_regex
from tests.support.entities import pairs


def by_text(mentions: list[EntityMention], text: str) -> EntityMention:
    found = [m for m in mentions if m.text == text]
    assert found, f"{text!r} not in {pairs(mentions)}"
    return found[0]


# ----------------------------------------------------------------------------- spans
def test_determiners_and_elisions_stay_out_of_the_span(run):
    ms = run("La France et l'Allemagne ont signé un accord avec la Belgique.")
    assert pairs(ms) == [("France", "LOC"), ("Allemagne", "LOC"), ("Belgique", "LOC")]


def test_honorifics_go_to_role(run):
    ms = run("M. Jean Dupont a rencontré Mme Claire Martin à Lyon.")
    assert pairs(ms) == [("Jean Dupont", "PER"), ("Claire Martin", "PER"), ("Lyon", "LOC")]
    assert by_text(ms, "Jean Dupont").role == "M."
    assert by_text(ms, "Claire Martin").role == "Mme"


def test_a_function_in_front_of_a_body_is_not_part_of_it(run):
    ms = run("Le Directeur général de l'OMS a ouvert la séance.")
    assert pairs(ms) == [("OMS", "ORG")]


def test_a_function_without_a_name_is_not_an_entity(run):
    assert run("Le Président de la République a reçu les lauréats.") == []


def test_function_after_a_name_is_its_role_and_portfolios_are_not_entities(run):
    ms = run("Paul Durand, ministre de l'Économie, des Finances et de l'Industrie, a annoncé un plan d'aide.")
    assert pairs(ms) == [("Paul Durand", "PER")]
    assert by_text(ms, "Paul Durand").role == "ministre de l'Économie, des Finances et de l'Industrie"


def test_function_before_a_name_is_its_role(run):
    ms = run("Le ministre de la Mer, M. Louis Bernard, a inauguré le port.")
    louis = by_text(ms, "Louis Bernard")
    assert louis.label == "PER"
    assert louis.role == "ministre de la Mer; M."
    assert "Mer" not in [m.text for m in ms]


def test_no_trailing_punctuation(run):
    ms = run("Parmi les intervenants figuraient M. Paul B., ancien conseiller, et Mme Anne C., chercheuse.")
    assert [m.text for m in ms] == ["Paul B", "Anne C"]


def test_no_span_crosses_a_line_break(run):
    ms = run("Rapport de la Banque mondiale\nLe port de Londres accueille la réunion.\nContact\n")
    assert all("\n" not in m.text for m in ms)
    assert ("Banque mondiale", "ORG") in pairs(ms)
    assert ("Londres", "LOC") in pairs(ms)


def test_line_and_colon_split_a_model_span(run):
    ms = run("Équipe du projet Hélios : helios@exemple.org\n\nLe projet Hélios démarre en mai.")
    assert [m.text for m in ms] == ["Hélios", "Hélios"]
    assert {m.label for m in ms} == {"MISC"}


# ----------------------------------------------------------------------------- noise
def test_contacts_are_never_entities(run):
    ms = run("Contact : presse@exemple.fr ou www.exemple.fr, tél. 01 23 45 67 89. Suivez @ExempleFR et #IA.")
    assert ms == []


def test_headings_and_sentence_initial_capitals_are_not_entities(run):
    ms = run(
        "Contact\n\nActivités prévues\n\nRecherche, innovation et formation sont au programme de la journée."
    )
    assert ms == []


def test_upper_case_headline_produces_no_entity(run):
    ms = run(
        "LE GOUVERNEMENT ANNONCE UN NOUVEAU PLAN POUR L'INDUSTRIE\n\n"
        "Paris, le 3 juin 2024 – Le plan a été présenté."
    )
    assert pairs(ms) == [("Paris", "LOC")]


def test_dates_are_not_entities(run):
    ms = run("Mercredi, Mai 8, 2024 - 12:00\n\nLa réunion a eu lieu à Genève.")
    assert pairs(ms) == [("Genève", "LOC")]


def test_demonyms_are_not_places(run):
    assert run("Les Suédois et les Français ont voté. Un Américain a gagné.") == []


@pytest.mark.slow  # the lemma tables come from the loaded model (pipeline.entities.lexicon)
def test_common_word_lexicon():
    assert is_common_word("Recherche") and is_common_word("Economie")  # accent dropped on the capital
    assert not is_common_word("Kowalczyk")


# ----------------------------------------------------------------------------- names the model misses
def test_lower_case_official_bodies_with_their_acronym(run):
    ms = run(
        "La délégation aux affaires européennes (DAE) et la direction générale des infrastructures (DGI) "
        "ont travaillé ensemble."
    )
    assert pairs(ms) == [
        ("délégation aux affaires européennes", "ORG"),
        ("DAE", "ORG"),
        ("direction générale des infrastructures", "ORG"),
        ("DGI", "ORG"),
    ]
    assert by_text(ms, "DGI").canonical == "Direction générale des infrastructures"


def test_acronym_before_its_long_form(run):
    ms = run("La DPN (direction de la protection de la nature) publiera son bilan.")
    assert by_text(ms, "DPN").canonical == "Direction de la protection de la nature"


def test_a_name_headed_by_an_institution_noun_is_completed(run):
    ms = run("Elle siège au Comité consultatif de haut niveau sur la pêche durable depuis mars.")
    assert pairs(ms) == [("Comité consultatif de haut niveau sur la pêche durable", "ORG")]


def test_event_named_after_a_place(run):
    ms = run("Les dirigeants se retrouveront au sommet de Lisbonne en juin.")
    assert pairs(ms) == [("sommet de Lisbonne", "MISC")]
    assert ms[0].canonical == "Sommet de Lisbonne"


def test_programme_named_with_its_year(run):
    ms = run("Le financement provient du plan France 2030 et du programme Horizon Europe.")
    assert pairs(ms) == [("France 2030", "MISC"), ("Horizon Europe", "MISC")]


def test_hyphenated_pair_of_places_is_split(run):
    ms = run(
        "Rencontre Chine-Brésil : les deux pays renforcent leurs liens. La Chine et le Brésil ont signé."
    )
    assert pairs(ms)[:2] == [("Chine", "LOC"), ("Brésil", "LOC")]


def test_a_name_found_once_is_found_everywhere(run):
    ms = run("La Chine et la France se sont engagées. La France et la Chine ont aussi convenu de coopérer.")
    assert pairs(ms) == [("Chine", "LOC"), ("France", "LOC"), ("France", "LOC"), ("Chine", "LOC")]


def test_one_label_per_name_in_a_document(run):
    ms = run("Kyutai a publié un modèle. Le laboratoire Kyutai et Mistral ont annoncé. Kyutai recrute.")
    assert [m.label for m in ms if m.text == "Kyutai"] == ["ORG", "ORG", "ORG"]


# ----------------------------------------------------------------------------- labels
def test_head_nouns_fix_the_label(run):
    ms = run("La ville a accueilli le Forum mondial de l'eau. Le Ministère des Sports a publié un rapport.")
    assert pairs(ms) == [("Forum mondial de l'eau", "MISC"), ("Ministère des Sports", "ORG")]


def test_a_cue_noun_before_the_name_fixes_the_label(run):
    ms = run("Le projet Nautilus a été lancé par la société Ariane Conseil.")
    assert pairs(ms) == [("Nautilus", "MISC"), ("Ariane Conseil", "ORG")]


def test_a_cue_noun_covers_a_list(run):
    ms = run("Parmi eux figurent les start-up Hugging Face et Pasqal.")
    assert pairs(ms) == [("Hugging Face", "ORG"), ("Pasqal", "ORG")]


def test_the_label_of_an_acronym_follows_its_long_form(run):
    ms = run(
        "L'Agence pour la protection des océans (APO) a publié une étude. "
        "L'APO recommande de limiter la pêche."
    )
    assert {m.label for m in ms} == {"ORG"}


# ----------------------------------------------------------------------------- canonical
def test_short_form_takes_the_long_form(run):
    ms = run("La Commission européenne a publié un rapport. La Commission propose de nouvelles règles.")
    assert [m.canonical for m in ms] == ["Commission européenne", "Commission européenne"]


def test_prefix_short_form_takes_the_long_form(run):
    ms = run(
        "Le Forum sur la qualité de l'eau potable aura lieu à Dakar. Ce Forum sur la qualité réunira 40 pays."
    )
    short = by_text(ms, "Forum sur la qualité")
    assert short.canonical == "Forum sur la qualité de l'eau potable"


def test_acronym_defined_in_the_document(run):
    ms = run(
        "L'Agence pour la protection des océans (APO) a publié une étude. "
        "L'APO recommande de limiter la pêche."
    )
    assert [m.canonical for m in ms if m.text == "APO"] == ["Agence pour la protection des océans"] * 2


def test_gazetteer_names(run):
    ms = run("L'UE et l'ONU ont salué l'accord. Les Nations unies ont publié un communiqué.")
    assert [m.canonical for m in ms] == [
        "Union européenne",
        "Organisation des Nations unies",
        "Organisation des Nations unies",
    ]


def test_lower_case_gazetteer_long_form_is_found(run):
    ms = run("Le pays a saisi l'organisation mondiale de la propriété intellectuelle en 2022.")
    assert pairs(ms) == [("organisation mondiale de la propriété intellectuelle", "ORG")]
    assert ms[0].canonical == "Organisation mondiale de la propriété intellectuelle"


def test_surname_takes_the_full_name(run):
    ms = run("Marie Curie a reçu le prix en 1903. Curie a ensuite dirigé un laboratoire.")
    assert [(m.text, m.canonical) for m in ms] == [("Marie Curie", "Marie Curie"), ("Curie", "Marie Curie")]


# ----------------------------------------------------------------------------- contract
def test_sorted_non_overlapping_with_sentence_index(run, nlp, gazetteer):
    text = (
        "COMMUNIQUÉ DE PRESSE\n\nBruxelles, le 4 avril 2024\n\n"
        "La Commission européenne et la BEI financeront "
        "le projet Aurore. M. Karl Weber, directeur de l'Office fédéral de l'énergie, s'est réjoui.\n"
        "Contact : info@aurore.eu"
    )
    doc = nlp(text)
    ms = extract_entities(doc, gazetteer)
    assert ms == sorted(ms, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:], strict=False))
    sents = list(doc.sents)
    for m in ms:
        assert sents[m.sentence].start_char <= m.start < sents[m.sentence].end_char
        assert m.label in ("PER", "ORG", "LOC", "MISC")
        assert m.canonical
    assert by_text(ms, "BEI").canonical == "Banque européenne d'investissement"
    assert by_text(ms, "Karl Weber").role.startswith("M.")


def test_empty_document(nlp, gazetteer):
    assert extract_entities(nlp(""), gazetteer) == []


# ----------------------------------------------------------------------------- more span rules
def test_a_capital_article_inside_a_sentence_belongs_to_the_name(run):
    ms = run("Les partenaires sont Pôle emploi, La Poste et la SNCF. La Belgique a signé.")
    assert ("La Poste", "ORG") in pairs(ms)
    assert "Belgique" in [m.text for m in ms]


def test_a_quoted_title_runs_to_the_closing_quote(run):
    ms = run("Le ministère lance l'appel à projets « Numérique inclusif » pour les communes.")
    assert ("Numérique inclusif", "MISC") in pairs(ms)


def test_an_acronym_closing_a_law_phrase_is_misc(run):
    ms = run("La loi visant à protéger les mineurs en ligne (PMEL) s'appliquera dès 2025.")
    assert ("PMEL", "MISC") in pairs(ms)


def test_a_place_after_a_common_noun(run):
    ms = run("Le port de Londres accueille la réunion.")
    assert pairs(ms) == [("Londres", "LOC")]


def test_a_complement_of_the_verb_is_not_part_of_an_institution(run):
    ms = run("Un accord a été trouvé entre le Parlement européen et le Conseil sur la directive.")
    assert [m.text for m in ms] == ["Parlement européen", "Conseil"]


def test_first_name_and_capitalised_surname_stay_one_person(run):
    ms = run("Contacts pour la presse : Anne DURAND (+32 2 299 00 00), Marc LEBLANC (+32 2 299 00 01)")
    assert pairs(ms) == [("Anne DURAND", "PER"), ("Marc LEBLANC", "PER")]


def test_a_word_of_an_upper_case_headline_is_not_a_name(run):
    ms = run("À PROPOS DE L'AGENCE\nL'agence accompagne les communes de Bretagne.")
    assert pairs(ms) == [("Bretagne", "LOC")]


def test_a_document_definition_wins_over_the_gazetteer(run):
    ms = run("La Conférence des présidents d'université (CPI) a publié un avis. La CPI recommande d'agir.")
    assert {m.canonical for m in ms} == {"Conférence des présidents d'université"}


def test_a_variant_long_form_of_a_gazetteer_body_takes_the_gazetteer_name(run):
    ms = run("Les services européens pour l'action extérieure (SEAE) coordonnent. Le SEAE publie un rapport.")
    assert {m.canonical for m in ms} == {"Service européen pour l'action extérieure"}


# ----------------------------------------------------------------------------- fast name searches
# The gazetteer and the names a document repeats are searched with a prefix-tree regex, str.find and
# a first-word prefilter: they must find exactly what the plain regexes of the rules find, whatever
# the text, the case, the spacing, and the characters a regex takes for another one ignoring case.
_WORDS = ["Union", "union", "UNION", "Unions", "européenne", "Européenne", "européen", "de", "la"]
_WORDS += ["l'", "d’", "Europe", "Conseil", "conseil", "Banque", "ONU", "UE", "U.E.", "G7"]
_WORDS += ["Saint", "ſaint", "ıle", "Île"]
_SEPARATORS = [" ", "  ", "\n", "'", "’", " ' ", "-", ".", "@", ",", "(", "K", "İ", "ẞ", "Σ", "é"]


def _flat_regex(names: list[str], ignore_case: bool) -> re.Pattern:
    """The plain alternation: longest name first, any spacing and apostrophe when case is ignored."""

    def pattern(name: str) -> str:
        if not ignore_case:
            return re.escape(name)
        parts = re.split(r"(\s+|['’])", name)
        return "".join(
            r"\s+" if p.isspace() else r"\s*['’]\s*" if p in ("'", "’") else re.escape(p) for p in parts if p
        )

    alternation = "|".join(pattern(n) for n in sorted(names, key=len, reverse=True))
    if ignore_case:
        return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=150, deadline=None)
@given(
    names=st.lists(
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6
    ),
    text=st.lists(st.sampled_from(_WORDS + _SEPARATORS), max_size=40).map("".join),
)
@example(names=["Union", "Union européenne"], text="l'Union européenne et l'Union")  # the longest
@example(names=["Saint Europe"], text="ſaint Europe")  # "ſ" is an "s" ignoring case, not lower-cased
@example(names=["ſaint Union-UE-G7", "Saint Union-UE", "ſaint Union"], text="Saint Union-UE")  # order
def test_fast_name_searches_find_what_the_plain_regexes_find(names, text):
    names = list(dict.fromkeys(names))
    long_names = [n for n in names if len(n.split()) > 1]
    if long_names:
        search = FirstWordSearch(names_regex(long_names, True, r"\w", r"\w"), long_names)
        assert _spans(search.finditer(text)) == _spans(_flat_regex(long_names, True).finditer(text))
    exact = names_regex(names, False, r"[\w-]", r"[\w-]")
    assert _spans(exact.finditer(text)) == _spans(_flat_regex(names, False).finditer(text))
    repeated = re.compile(
        r"(?<![\w@.-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w@-])"
    )
    assert _find_names(text, names) == [(m.start(), m.end(), m.group()) for m in repeated.finditer(text)]
