"""Entity rules for releases of publishers the dev set lacks (local authorities, companies, agencies,
courts, UN agencies), on sentences written for these tests: every person, company and town below is
invented or general knowledge. The last test scores the invented set tests/data/entities/other_publishers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.entities import EntityMention
from pipeline.entities.canonical_names import official_case
from tests.support.entities import pairs

DATA = Path(__file__).resolve().parents[1] / "data" / "entities" / "other_publishers"


def canon(mentions: list[EntityMention], text: str) -> str:
    return next(m.canonical for m in mentions if m.text == text)


def test_local_authorities_are_bodies_and_their_short_form_follows(run):
    ms = run(
        "Le chantier est financé par la Ville de Brévannes, la Région Bourgogne-Franche-Comté et le "
        "Département de Loire-Atlantique. La Région versera 2 millions d'euros."
    )
    found = pairs(ms)
    assert ("Ville de Brévannes", "ORG") in found
    assert ("Région Bourgogne-Franche-Comté", "ORG") in found
    assert ("Département de Loire-Atlantique", "ORG") in found
    assert canon(ms, "Région") == "Région Bourgogne-Franche-Comté"


def test_letterhead_in_capitals_gets_official_case():
    assert official_case("COUR D'APPEL DE RIOM") == "Cour d'appel de Riom"
    assert official_case("VILLE DE SAINT-MALO") == "Ville de Saint-Malo"
    assert official_case("TRIBUNAL JUDICIAIRE DE NEVERS") == "Tribunal judiciaire de Nevers"


def test_coordinated_complements_stay_in_one_name(run):
    ms = run(
        "Les travaux ont été menés avec l'Institut national de recherche pour la forêt, la chasse et la "
        "pêche (INRFCP) et l'Institut technique et scientifique de la vigne et du vin."
    )
    found = pairs(ms)
    assert ("Institut national de recherche pour la forêt, la chasse et la pêche", "ORG") in found
    assert ("Institut technique et scientifique de la vigne et du vin", "ORG") in found
    assert canon(ms, "INRFCP") == "Institut national de recherche pour la forêt, la chasse et la pêche"


def test_a_coordination_stops_at_a_verb_or_another_body(run):
    found = pairs(
        run("L'Agence de l'eau et la commune ont signé. Une unité de l'Université de Morlange et du CNRS.")
    )
    assert ("Agence de l'eau", "ORG") in found
    assert ("Université de Morlange", "ORG") in found
    assert ("CNRS", "ORG") in found


def test_an_apposition_or_a_new_phrase_is_no_list_of_complements(run):
    found = pairs(
        run(
            "Selon l'Agence européenne pour la sécurité fluviale, le trafic sur le Rhin a progressé. "
            "Il faut tester, avec l'Institut technique de la vigne et du vin, des programmes de taille."
        )
    )
    assert ("Agence européenne pour la sécurité fluviale", "ORG") in found
    assert ("Institut technique de la vigne et du vin", "ORG") in found


def test_a_kind_of_company_before_the_name_makes_it_a_body(run):
    found = pairs(
        run(
            "L'atelier a été conçu par le cabinet d'ingénierie Vernoux Conseil. Les déchets seront "
            "recyclés par la coentreprise Kalio Nord, créée avec le fabricant de jouets Pimbelle."
        )
    )
    assert ("Kalio Nord", "ORG") in found
    assert ("Pimbelle", "ORG") in found


def test_courts_in_lower_case_are_bodies_named_by_their_seat(run):
    ms = run(
        "Le procureur de la République près le tribunal judiciaire de Montbrison communique. Un "
        "recours est possible devant la cour d'appel de Douai. La cour d'appel a confirmé le jugement."
    )
    assert ("tribunal judiciaire de Montbrison", "ORG") in pairs(ms)
    assert canon(ms, "cour d'appel de Douai") == "Cour d'appel de Douai"
    assert "République" not in [m.text for m in ms]


def test_a_known_place_keeps_its_lower_case_words(run):
    found = pairs(
        run(
            "La conférence se tiendra aux Émirats arabes unis, à l'invitation du président de la "
            "République française."
        )
    )
    assert ("Émirats arabes unis", "LOC") in found
    assert not any(text.startswith("République") for text, _ in found)


def test_initial_participles_and_list_labels_are_no_names(run):
    texts = [
        m.text
        for m in run(
            "Réunis en séance ce jeudi, les élus ont voté.\n\nPasseuses : Chloé Marchal, Inès Vidal\n"
        )
    ]
    assert texts == ["Chloé Marchal", "Inès Vidal"]


def test_a_service_named_by_acronym_and_territory_is_one_body(run):
    found = pairs(
        run("Contact presse\nARS Occitanie – Service communication\n\nLa DREAL Bretagne a rendu son avis.\n")
    )
    assert ("ARS Occitanie", "ORG") in found
    assert ("DREAL Bretagne", "ORG") in found
    assert not any("–" in text for text, _ in found)


def test_an_acronym_with_its_territory_takes_the_long_form_it_abbreviates(run):
    ms = run(
        "La Chambre de commerce et d'industrie Bretagne (CCI Bretagne) lance un fonds. La CCI Bretagne "
        "compte 90 000 membres. Le CHU de Nantes recrute. La Métropole Rouen Normandie paie."
    )
    assert canon(ms, "CCI Bretagne") == "Chambre de commerce et d'industrie Bretagne"
    assert ("CHU de Nantes", "ORG") in pairs(ms)
    assert ("Métropole Rouen Normandie", "ORG") in pairs(ms)


def test_a_word_in_capitals_is_no_acronym_of_a_body(run):
    assert pairs(run("MONTAUBAN On annonce la fermeture du pont de la Garenne.")) == [("MONTAUBAN", "LOC")]


def test_the_dateline_town_is_a_place(run):
    found = pairs(run("COMMUNIQUÉ DE PRESSE\n\nValence, le 13 novembre 2025\n\nLe parquet communique.\n"))
    assert found == [("Valence", "LOC")]


def test_a_headline_verb_ends_the_name(run):
    found = pairs(run("# Santé : l'Autorité de la concurrence sanctionne trois grossistes pour une entente"))
    assert ("Autorité de la concurrence", "ORG") in found


def test_defined_agency_with_its_region(run):
    ms = run(
        "L'Agence régionale de santé Nouvelle-Aquitaine (ARS) active le plan. L'ARS Nouvelle-Aquitaine "
        "rappelle les gestes qui sauvent."
    )
    assert ("Agence régionale de santé Nouvelle-Aquitaine", "ORG") in pairs(ms)
    assert ("ARS Nouvelle-Aquitaine", "ORG") in pairs(ms)
    assert (
        canon(ms, "ARS")
        == canon(ms, "ARS Nouvelle-Aquitaine")
        == "Agence régionale de santé Nouvelle-Aquitaine"
    )


def test_plans_and_reports_in_guillemets_are_misc(run):
    found = pairs(
        run("Le groupe présentera le plan « Cap Horizon 2030 » et son rapport annuel « Terres fragiles ».")
        + run("Les élus ont adopté, par 40 voix contre 12, le plan « Écoles 2032 ». Il sera financé.")
    )
    assert ("Cap Horizon 2030", "MISC") in found
    assert ("Terres fragiles", "MISC") in found
    assert ("Écoles 2032", "MISC") in found


def test_contact_block_units_labels_and_streets_are_boilerplate(run):
    ms = run(
        "Contact presse :\nService de presse\nTél. : 01 55 00 00 00\n"
        "Direction de la communication – Université de Morlange\n"
        "15, rue de l'Hôtel-Dieu – 86073 Poitiers Cedex 9\n"
        "Suivez-nous sur X, Bluesky et Mastodon\n"
    )
    assert pairs(ms) == [
        ("Université de Morlange", "ORG"),
        ("Poitiers", "LOC"),
        ("X", "ORG"),
        ("Bluesky", "ORG"),
        ("Mastodon", "ORG"),
    ]


def test_the_town_of_a_postal_line_stays_a_place(run):
    found = pairs(
        run("Contact presse\n2, avenue des Tilleuls – 87042 Limoges Cedex\nTél. : 05 55 00 00 00\n")
    )
    assert found == [("Limoges", "LOC")]


def test_about_line_makes_the_publisher_a_body(run):
    ms = run(
        "# Norvane : un chiffre d'affaires record\n\nNorvane publie ses comptes annuels.\n\n"
        "À propos de Norvane\nNorvane fabrique des pompes à chaleur."
    )
    assert {label for text, label in pairs(ms) if text == "Norvane"} == {"ORG"}


def test_un_agencies_from_the_gazetteer(run):
    ms = run("Le PAM et le HCR ont lancé un appel commun à Genève.")
    assert canon(ms, "PAM") == "Programme alimentaire mondial"
    assert ("HCR", "ORG") in pairs(ms)


@pytest.mark.slow
def test_other_publishers_set_stays_above_its_floor(tmp_path):
    """The invented set of 14 releases scored by the reference scorer (strict F1 0.791 before the
    rules of this file, 0.89 after): a floor, so that later rules cannot quietly undo them."""
    import pandas as pd

    from pipeline.core import run as run_pipeline

    scorer = Path(__file__).resolve().parents[3] / "shared" / "benchmarks" / "score.py"
    if not scorer.exists():
        pytest.skip("the reference scorer (../shared/benchmarks/score.py) is not here")
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_ref", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    run_pipeline(DATA / "docs", tmp_path, formats=("parquet",), jobs=1)
    frame = pd.read_parquet(tmp_path / "entities.parquet")
    preds: dict[str, list[dict]] = {}
    for row in frame.itertuples(index=False):
        preds.setdefault(str(row.doc_id), []).append(
            {
                "start": int(row.start),
                "end": int(row.end),
                "text": row.text,
                "label": row.label,
                "canonical": row.canonical,
            }
        )
    gold = {
        json.loads(line)["doc"]: json.loads(line) for line in (DATA / "gold.jsonl").open(encoding="utf-8")
    }
    res = score.score_entities(gold, preds)
    assert res["strict"]["ALL"]["f"] >= 0.85
    assert res["strict"]["ALL"]["p"] >= 0.85
    assert res["canonical_accuracy"] >= 0.95
