"""The per-document pass: rows for every table, and a vocabulary that does not grow with the corpus."""

from __future__ import annotations

from pipeline.analysis import Settings, analyse_batch
from pipeline.reading import Document

TEXT = (
    "Paris, le 3 mars 2025 – La ministre Élodie Vantrebourg a reçu à Quimperlé les représentants de "
    "la société Zorblatex, spécialisée dans le recyclage des plastiques.\n"
    "« Ce partenariat créera 120 emplois d'ici 2027 », a déclaré Mme Vantrebourg."
)


def test_rows_for_every_table_and_new_words_forgotten(nlp):
    strings_before = len(nlp.vocab.strings)
    [(document, rows)] = list(analyse_batch([Document("a", TEXT, "a.txt")], nlp, Settings.load()))
    assert document.doc_id == "a" and rows["documents"][0]["status"] == "ok"
    assert {"Élodie Vantrebourg", "Zorblatex"} <= {e["text"] for e in rows["entities"]}
    assert "2025-03-03" in {d["value"] for d in rows["dates"]}
    assert rows["quotes"] and rows["quotes"][0]["speaker_canonical"] == "Élodie Vantrebourg"
    # The words new to the model's vocabulary ("Vantrebourg", "Zorblatex") were added for the
    # document only: a worker analysing an archive does not keep every name it ever met.
    assert len(nlp.vocab.strings) == strings_before
    assert "Zorblatex" not in nlp.vocab.strings


def test_token_and_sentence_counts_leave_out_blank_lines(nlp):
    [(_, rows)] = list(
        analyse_batch([Document("b", "Titre\n\nPremière phrase. Deuxième phrase.\n\n")], nlp, Settings.load())
    )
    row = rows["documents"][0]
    assert (row["n_tokens"], row["n_sentences"]) == (7, 3)
