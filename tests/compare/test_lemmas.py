"""The per-document pass keeps content-lemma counts and the front matter (the model, on written text)."""

from __future__ import annotations

from pipeline.analysis import Settings, analyse_batch
from pipeline.reading import document_from_text

TEXT = (
    "Brestavel, le 4 avril 2025 – Les pompiers de Brestavel ont évacué trois écoles. "
    "Les pompiers interviendront encore demain, car les écoles restent fermées après l'incendie.\n"
    "Le maire a remercié les pompiers pour leur rapidité."
)


def test_content_lemmas_are_counted_without_stop_words(nlp) -> None:
    document = document_from_text(TEXT, "d1", {"source": "Mairie de Brestavel", "ministere": "Intérieur"})
    [(_, rows)] = list(analyse_batch([document], nlp, Settings.load()))
    counts = {r["lemma"]: r["count"] for r in rows["lemma_counts"]}
    assert counts["pompier"] == 3  # plural forms counted under their lemma
    assert counts["école"] == 2
    assert counts.get("évacuer") == 1  # verbs by their infinitive
    assert not {"le", "les", "de", "ont", "avoir", "être", "car", "leur", "pour"} & set(counts)
    assert all(r["doc_id"] == "d1" for r in rows["lemma_counts"])
    front = {r["key"]: r["value"] for r in rows["front_matter"]}
    assert front == {"source": "Mairie de Brestavel", "ministere": "Intérieur"}


def test_abbreviations_and_numbers_are_not_content_lemmas(nlp) -> None:
    text = "M. Gaspard Lerouvel a inauguré le 12e salon du livre de Brestavel avec Mme Irène Salbot."
    [(_, rows)] = list(analyse_batch([document_from_text(text, "d2")], nlp, Settings.load()))
    lemmas = {r["lemma"] for r in rows["lemma_counts"]}
    assert "salon" in lemmas and "livre" in lemmas
    assert not {"m.", "12e"} & lemmas
