"""Quotations: each French quotation form and each refusal, on sentences written for these tests."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.quotes import Quote, extract_quotes, find_quoted_spans
from pipeline.quotes.records import Mention
from tests.support import paths

DATA = paths.DATA / "quotes"


def mentions(text: str, *names: tuple[str, str, str]) -> list[Mention]:
    """(surface, label, canonical) -> a mention at every occurrence of surface."""
    out = []
    for surface, label, canonical in names:
        at = text.find(surface)
        while at != -1:
            out.append(Mention(at, at + len(surface), surface, label, canonical))
            at = text.find(surface, at + 1)
    return sorted(out, key=lambda m: m.start)


def run(nlp, text: str, *names: tuple[str, str, str]) -> list[Quote]:
    doc = nlp(text)
    found = extract_quotes(doc, mentions(text, *names))
    for q in found:
        assert doc.text[q.start : q.end] == q.text
    return found


# ----------------------------------------------------------------------------- quotation marks
def test_marks_nest_and_span_reopened_paragraphs() -> None:
    text = "« Un « deux » trois.\n\n« Quatre cinq. » Fin « ouvert\n\nsans fin."
    spans = find_quoted_spans(text)
    assert spans == [(0, text.index("»", text.index("cinq")))]


def test_straight_quotes_pair_within_a_paragraph() -> None:
    text = 'Il a dit "nous viendrons", puis "demain".\nUn "seul'
    spans = [(a, b) for a, b in find_quoted_spans(text)]
    assert [text[a + 1 : b] for a, b in spans] == ["nous viendrons", "demain"]


# ----------------------------------------------------------------------------- forms
def test_incise_after_the_quote_with_name_and_role(nlp) -> None:
    text = (
        "« Nous investirons deux milliards d'euros dans les réseaux », a déclaré Marc Olivier, "
        "ministre de l'Industrie, des Télécommunications, et des Territoires numériques."
    )
    [q] = run(nlp, text, ("Marc Olivier", "PER", "Marc Olivier"))
    assert q.text == "Nous investirons deux milliards d'euros dans les réseaux"
    assert (q.speaker, q.speaker_canonical, q.verb) == ("Marc Olivier", "Marc Olivier", "déclarer")
    assert q.speaker_role == "ministre de l'Industrie, des Télécommunications, et des Territoires numériques"


def test_quote_before_attribution_without_comma(nlp) -> None:
    text = "« Le réseau sera achevé en 2026. » a affirmé Lucie Martin, présidente du syndicat mixte."
    [q] = run(nlp, text, ("Lucie Martin", "PER", "Lucie Martin"))
    assert q.text == "Le réseau sera achevé en 2026."
    assert (q.speaker, q.verb, q.speaker_role) == ("Lucie Martin", "affirmer", "présidente du syndicat mixte")


def test_introduction_with_colon(nlp) -> None:
    text = "Le préfet de région, Jacques Bernier, a déclaré : « Aucune commune ne sera oubliée. »"
    [q] = run(nlp, text, ("Jacques Bernier", "PER", "Jacques Bernier"))
    assert (q.text, q.speaker, q.speaker_role, q.verb) == (
        "Aucune commune ne sera oubliée.",
        "Jacques Bernier",
        "préfet de région",
        "déclarer",
    )


def test_introduction_with_que(nlp) -> None:
    text = "Sarah Klein estime que « la sobriété numérique commence par la conception des services »."
    [q] = run(nlp, text, ("Sarah Klein", "PER", "Sarah Klein"))
    assert (q.speaker, q.verb) == ("Sarah Klein", "estimer")


def test_selon_before_the_quote(nlp) -> None:
    text = (
        "Selon Omar Haddad, directeur de l'observatoire, « les chiffres confirment une nette amélioration »."
    )
    [q] = run(nlp, text, ("Omar Haddad", "PER", "Omar Haddad"))
    assert q.text == "les chiffres confirment une nette amélioration"
    assert (q.speaker, q.speaker_role, q.verb) == ("Omar Haddad", "directeur de l'observatoire", None)


def test_selon_after_the_quote(nlp) -> None:
    text = "« Le marché devrait doubler d'ici à cinq ans », selon Inès Barre, analyste au cabinet Orbis."
    [q] = run(nlp, text, ("Inès Barre", "PER", "Inès Barre"))
    assert (q.speaker, q.verb) == ("Inès Barre", None)


def test_pour_x_before_the_quote(nlp) -> None:
    text = "Pour Léa Fontaine, maire de Vannes, « chaque habitant doit avoir accès au très haut débit »."
    [q] = run(nlp, text, ("Léa Fontaine", "PER", "Léa Fontaine"), ("Vannes", "LOC", "Vannes"))
    assert q.speaker == "Léa Fontaine"


def test_inverted_subject_after_comme(nlp) -> None:
    text = "Comme l'a rappelé Hugo Lemaire, « la confiance se construit sur la durée »."
    [q] = run(nlp, text, ("Hugo Lemaire", "PER", "Hugo Lemaire"))
    assert (q.speaker, q.verb) == ("Hugo Lemaire", "rappeler")


def test_quote_spanning_paragraphs(nlp) -> None:
    text = (
        "Le directeur, Paul Mercier, a déclaré :\n\n"
        "« Nous avons tenu nos engagements cette année.\n\n"
        "« Nous ferons mieux encore l'an prochain. »\n"
    )
    [q] = run(nlp, text, ("Paul Mercier", "PER", "Paul Mercier"))
    assert q.text.startswith("Nous avons tenu") and q.text.endswith("l'an prochain.")
    assert q.speaker == "Paul Mercier"


def test_pronoun_resolved_from_the_attribution_not_the_nearest_name(nlp) -> None:
    text = (
        "La rectrice de l'académie, Anne Vidal, a inauguré le lycée. Elle était accompagnée de Marie Colin, "
        "architecte du projet. Elle a souligné que « chaque élève disposera d'un ordinateur portable »."
    )
    [q] = run(nlp, text, ("Anne Vidal", "PER", "Anne Vidal"), ("Marie Colin", "PER", "Marie Colin"))
    assert (q.speaker, q.speaker_canonical, q.verb) == ("Anne Vidal", "Anne Vidal", "souligner")


def test_pronoun_agrees_in_gender(nlp) -> None:
    text = (
        "Le président de l'université, Éric Morel, a reçu Julie Faure. "
        "« Nous ouvrirons trois nouveaux masters », a-t-il annoncé."
    )
    [q] = run(nlp, text, ("Éric Morel", "PER", "Éric Morel"), ("Julie Faure", "PER", "Julie Faure"))
    assert (q.speaker, q.verb) == ("Éric Morel", "annoncer")


def test_role_without_name_takes_the_body_it_names(nlp) -> None:
    text = (
        "La Directrice exécutive de l'ONUDI a ouvert la conférence. "
        "La Directrice exécutive a rappelé que « l'industrie doit réduire ses émissions de moitié »."
    )
    [q] = run(nlp, text, ("ONUDI", "ORG", "ONUDI"))
    assert (q.speaker, q.speaker_canonical) == ("La Directrice exécutive", "ONUDI")


def test_bare_role_refers_to_the_named_person_with_that_role(nlp) -> None:
    text = (
        "Le ministre de l'Agriculture, Louis Perrot, a visité la ferme. "
        "« Les agriculteurs sont prêts à innover », a déclaré le ministre."
    )
    [q] = run(nlp, text, ("Louis Perrot", "PER", "Louis Perrot"))
    assert (q.speaker, q.speaker_canonical) == ("le ministre", "Louis Perrot")


def test_incise_inside_the_quote_gives_two_quotes(nlp) -> None:
    text = "« Ce centre est unique en Europe, a expliqué Nadia Roussel. Il ouvrira dès le mois de mars. »"
    quotes = run(nlp, text, ("Nadia Roussel", "PER", "Nadia Roussel"))
    assert [q.text for q in quotes] == ["Ce centre est unique en Europe", "Il ouvrira dès le mois de mars."]
    assert {q.speaker for q in quotes} == {"Nadia Roussel"}


def test_infinitive_continuation_keeps_the_last_speaker(nlp) -> None:
    text = (
        "Yves Garnier a insisté sur la formation : « Personne ne doit rester au bord du chemin. » "
        "Et d'ajouter : « Nous financerons mille places de formation. »"
    )
    quotes = run(nlp, text, ("Yves Garnier", "PER", "Yves Garnier"))
    assert [(q.speaker, q.verb) for q in quotes] == [
        ("Yves Garnier", "insister"),
        ("Yves Garnier", "ajouter"),
    ]


def test_body_as_speaker(nlp) -> None:
    text = "« Les délais de paiement doivent être respectés », indique la Commission dans un communiqué."
    [q] = run(nlp, text, ("Commission", "ORG", "Commission européenne"))
    assert (q.speaker, q.speaker_canonical, q.verb) == ("Commission", "Commission européenne", "indiquer")


def test_straight_quotes_after_ftfy(nlp) -> None:
    text = '"Nous avons besoin de règles claires pour les données", a souligné Théo Blanc.'
    [q] = run(nlp, text, ("Théo Blanc", "PER", "Théo Blanc"))
    assert q.text == "Nous avons besoin de règles claires pour les données"


def test_non_breaking_spaces_inside_the_marks_are_not_quoted(nlp) -> None:
    text = "«\u00a0La réforme entrera en vigueur au printemps\u00a0», a précisé Chloé Renard."
    [q] = run(nlp, text, ("Chloé Renard", "PER", "Chloé Renard"))
    assert q.text == "La réforme entrera en vigueur au printemps"


def test_signature_line_after_the_quote(nlp) -> None:
    text = (
        "« Nous voulons que chaque entreprise du territoire soit accompagnée. »\n"
        "Bastien Leroy, président de la chambre de commerce\n"
    )
    [q] = run(nlp, text, ("Bastien Leroy", "PER", "Bastien Leroy"))
    assert (q.speaker, q.speaker_role) == ("Bastien Leroy", "président de la chambre de commerce")


def test_time_and_complement_between_verb_and_speaker(nlp) -> None:
    text = (
        "« Les inscriptions ouvriront en septembre », a annoncé mardi soir Julie Masson. "
        "« Le calendrier sera tenu », a précisé à la presse Romain Petit, directeur du salon."
    )
    quotes = run(nlp, text, ("Julie Masson", "PER", "Julie Masson"), ("Romain Petit", "PER", "Romain Petit"))
    assert [(q.speaker, q.verb) for q in quotes] == [
        ("Julie Masson", "annoncer"),
        ("Romain Petit", "préciser"),
    ]
    assert quotes[1].speaker_role == "directeur du salon"


def test_incise_between_commas_inside_the_quote(nlp) -> None:
    text = (
        "Le maire de Brest, Alain Guérin, a présenté le budget. "
        "« Nous investirons dans les écoles, a-t-il ajouté, et dans les transports publics. »"
    )
    quotes = run(nlp, text, ("Alain Guérin", "PER", "Alain Guérin"), ("Brest", "LOC", "Brest"))
    assert [q.text for q in quotes] == ["Nous investirons dans les écoles", "et dans les transports publics."]
    assert {q.speaker for q in quotes} == {"Alain Guérin"}


def test_plural_pronoun_takes_a_plural_antecedent(nlp) -> None:
    text = (
        "Les deux présidentes ont signé la charte. « Ce texte nous engage pour dix ans », ont-elles déclaré."
    )
    [q] = run(nlp, text)
    assert q.speaker == "Les deux présidentes"


def test_short_quote_with_a_verb_is_kept(nlp) -> None:
    text = "« Nous sommes prêts », a assuré Karim Saïd."
    [q] = run(nlp, text, ("Karim Saïd", "PER", "Karim Saïd"))
    assert (q.text, q.verb) == ("Nous sommes prêts", "assurer")


def test_speaker_found_by_the_model_when_no_mention_is_given(nlp) -> None:
    text = "« Nous allons recruter cent ingénieurs cette année », a déclaré Thomas Dubois."
    doc = nlp(text)
    [q] = extract_quotes(doc, [])
    assert q.speaker == "Thomas Dubois" and q.speaker_canonical is None
    [q] = extract_quotes(doc, list(doc.ents))  # spaCy spans are mentions too (no canonical)
    assert q.speaker == "Thomas Dubois" and q.speaker_canonical is None


# ----------------------------------------------------------------------------- refusals
def test_no_quote_for_a_title_in_marks(nlp) -> None:
    text = "Les ministres ont appelé au lancement du « Pacte de Lisbonne pour les données ouvertes »."
    assert run(nlp, text) == []


def test_no_quote_for_a_named_work(nlp) -> None:
    text = "Le rapport, intitulé « Des territoires, des réseaux et des habitants », a été remis au ministre."
    assert run(nlp, text) == []


def test_no_quote_for_scare_quotes(nlp) -> None:
    text = "Nadia Roussel a salué une IA « de confiance » et des outils « vraiment sobres »."
    assert run(nlp, text, ("Nadia Roussel", "PER", "Nadia Roussel")) == []


def test_no_quote_without_a_speaker(nlp) -> None:
    text = "L'objectif est de faire de la région « un territoire où chacun peut se former toute sa vie »."
    assert run(nlp, text) == []


def test_no_quote_for_unclosed_marks(nlp) -> None:
    text = "« Une phrase jamais fermée, a déclaré Paul Mercier\n\nUn autre paragraphe sans guillemets."
    assert run(nlp, text, ("Paul Mercier", "PER", "Paul Mercier")) == []


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "«",
                "»",
                '"',
                "“",
                "”",
                " ",
                "\n",
                "\n\n",
                ",",
                ".",
                ":",
                "a déclaré",
                "Elle",
                "il",
                "que",
                "Marc Olivier",
                "la ministre",
                "-t-il",
                "selon",
                "nous avançons",
                "le plan",
                "\u00a0",
            ]
        ),
        max_size=30,
    ).map(" ".join)
)
def test_any_text_gives_well_formed_quotes(nlp, text: str) -> None:
    """Unbalanced marks, empty quotes, marks at the edges: never an error, offsets always index the text."""
    doc = nlp(text)
    for q in extract_quotes(doc, list(doc.ents)):
        assert 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text
        assert q.text == q.text.strip() and q.speaker


# ----------------------------------------------------------------------------- gold files
@pytest.mark.parametrize("gold", ["releases/gold.jsonl", "seeds.gold.jsonl"])
def test_gold_files_are_consistent(gold: str) -> None:
    for line in (DATA / gold).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for q in rec["quotes"]:
            assert q["end"] - q["start"] == len(q["text"])
            assert q["speaker"]
    docs = list((DATA / "releases" / "docs").glob("*.txt"))
    assert len(docs) >= 8


def _benchmark_module():
    import importlib.util

    path = paths.ROOT / "benchmarks" / "quotes.py"
    spec = importlib.util.spec_from_file_location("quotes_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("fixtures", ["releases", "families"])
def test_written_releases_reach_the_targets(nlp, fixtures: str) -> None:
    """benchmarks/quotes.py's measure on the releases written for the tests (`releases`: every kind of
    attribution; `families`: one release per family of issue 25), driven directly."""
    import dataclasses

    entities = pytest.importorskip("pipeline.entities")
    from pipeline.canonical import load_gazetteer
    from pipeline.reading import read_document

    bench = _benchmark_module()
    folder = DATA / fixtures
    gold = {}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        gold[rec["doc"]] = rec
    gazetteer = load_gazetteer()
    pred = {}
    for path in sorted((folder / "docs").glob("*.txt")):
        doc = nlp(read_document(path, folder / "docs").text)
        found = extract_quotes(doc, entities.extract_entities(doc, gazetteer))
        pred[path.stem] = [dataclasses.asdict(q) for q in found]

    def prf(tp: int, n_pred: int, n_gold: int) -> dict:
        p, r = tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0
        return {
            "p": p,
            "r": r,
            "f": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp,
            "pred": n_pred,
            "gold": n_gold,
        }

    res = bench.score_quotes(gold, pred, prf)
    assert res["strict"]["f"] >= 0.9, res["errors"]
    assert res["speaker_accuracy"] >= 0.9, res["errors"]
