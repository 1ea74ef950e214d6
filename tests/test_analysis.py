"""The per-document pass: rows for every table, and a vocabulary that does not grow with the corpus."""

from __future__ import annotations

import pytest

from pipeline import analysis
from pipeline.analysis import Settings, analyse_batch, pieces
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


# --- texts over spaCy's max_length: analysed in pieces, offsets into the whole text (issue 28) -----

PARAGRAPH = (
    "Quimper, le {n} mai 2024 – La communauté de communes du Haut-Odet a inauguré la médiathèque "
    "Anne Le Goarnec à Briec. « Ce lieu doit être ouvert à tous », a déclaré Yannick Prigent, "
    "son président.\n"
)


def test_pieces_join_back_into_the_text_and_cut_at_line_ends() -> None:
    text = "".join(PARAGRAPH.format(n=i % 28 + 1) for i in range(40))
    assert pieces(text, max_length=len(text)) == [text]  # within the limit: as it is
    cut = pieces(text, max_length=1000, size=1000)
    assert "".join(cut) == text and len(cut) > 5
    assert all(len(p) <= 1000 and p.endswith("\n") for p in cut[:-1])
    one_line = "mot " * 1000  # no line end: cut after a space, never inside a word
    assert all(p.endswith(" ") for p in pieces(one_line, 100, 300)[:-1])


def test_a_text_over_the_model_limit_is_analysed_in_pieces(nlp, monkeypatch) -> None:
    text = "Médiathèque de Briec\n\n" + "".join(PARAGRAPH.format(n=i % 28 + 1) for i in range(30))
    document = Document("long", text, "long.txt")
    [(_, whole)] = list(analyse_batch([document], nlp, Settings.load()))
    monkeypatch.setattr(nlp, "max_length", 2000)  # the text is over it: pieces of 1,000 characters
    monkeypatch.setattr(analysis, "PIECE_CHARS", 1000)
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    [(_, pieced)] = list(analyse_batch([document], nlp, Settings.load()))
    assert pieced["documents"][0]["status"] == "ok"
    assert pieced["documents"][0]["n_tokens"] == whole["documents"][0]["n_tokens"]
    for table in ("entities", "dates", "quotes"):
        assert pieced[table] == whole[table], table
    last = max(pieced["entities"], key=lambda e: e["start"])
    assert last["start"] > len(text) - len(PARAGRAPH) and text[last["start"] : last["end"]] == last["text"]
