"""The tuned model gives what the stock model gives: same lemmas, same entities, no parser."""

from __future__ import annotations

from spacy.lang.fr.lemmatizer import FrenchLemmatizer

TEXT = (
    "Les ministres des Affaires étrangères se sont réunis à Bruxelles le 3 mars. "
    "Les négociations engagées portaient sur les sanctions économiques et les accords commerciaux ; "
    "elles reprendront lorsque les délégations auront consulté leurs gouvernements respectifs.\n"
    "Contact presse : service de communication"
)


def test_no_parser_and_line_breaks_start_sentences(nlp):
    assert "parser" not in nlp.pipe_names
    doc = nlp(TEXT)
    starts = [s.text.split()[0] for s in doc.sents if s.text.strip()]
    assert starts[-1] == "Contact"  # a line of its own, no final punctuation before it


def test_encoders_use_numpy_blas_not_blis(nlp):
    """The two CNN encoders (the shared tok2vec and the NER's own) are where the time goes."""
    encoders = [nlp.get_pipe("tok2vec").model, nlp.get_pipe("ner").model.get_ref("tok2vec")]
    for encoder in encoders:
        layers = list(encoder.walk())
        assert len(layers) > 10
        assert all(type(n.ops).__name__ == "NumpyOps" and n.ops.use_blis is False for n in layers)


def test_set_index_lemmatizer_gives_the_stock_lemmas(nlp):
    ours = nlp.get_pipe("lemmatizer")
    assert all(isinstance(v, frozenset) for v in ours.lookups.get_table("lemma_index").values())
    stock = FrenchLemmatizer(nlp.vocab, None, mode="rule")
    stock.initialize(lookups=_lookups_from_disk())
    assert all(isinstance(v, list) for v in stock.lookups.get_table("lemma_index").values())
    doc = nlp(TEXT)
    expected = [stock.lemmatize(t)[0] for t in doc]
    assert [t.lemma_ for t in doc] == expected
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["réunis"] == "réunir" and lemmas["négociations"] == "négociation"
    assert lemmas["économiques"] == "économique" and lemmas["reprendront"] == "reprendre"


def _lookups_from_disk():
    from pipeline.entities import _model_lookups

    return _model_lookups()


def test_whitespace_tokens_keep_the_space_pos(nlp):
    """The attribute-ruler rules kept are the ones that give whitespace tokens POS SPACE."""
    doc = nlp("Communiqué de presse\n\nLe ministre  a annoncé un plan.\n")
    spaces = [t for t in doc if t.is_space]
    assert len(spaces) >= 2
    assert all(t.pos_ == "SPACE" for t in spaces)
    assert all(t.pos_ != "SPACE" for t in doc if not t.is_space)
    assert {t.pos_ for t in doc if t.text in ("ministre", "plan")} == {"NOUN"}
