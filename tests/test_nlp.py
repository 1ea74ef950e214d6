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
    """The model package's lemmatizer tables as shipped (lemma_index values are lists, not sets)."""
    import importlib
    from pathlib import Path

    from spacy.lookups import Lookups

    from pipeline.nlp import MODEL_NAME

    package = Path(importlib.import_module(MODEL_NAME).__file__ or "").parent
    path = next(package.glob("*/lemmatizer/lookups/lookups.bin"))
    return Lookups().from_disk(path.parent)


def test_whitespace_tokens_keep_the_space_pos(nlp):
    """The attribute-ruler rules kept are the ones that give whitespace tokens POS SPACE."""
    doc = nlp("Communiqué de presse\n\nLe ministre  a annoncé un plan.\n")
    spaces = [t for t in doc if t.is_space]
    assert len(spaces) >= 2
    assert all(t.pos_ == "SPACE" for t in spaces)
    assert all(t.pos_ != "SPACE" for t in doc if not t.is_space)
    assert {t.pos_ for t in doc if t.text in ("ministre", "plan")} == {"NOUN"}


HYPHENATED = (
    "Le porte-parole de la mairie de Saint-Jean-de-Luz a présenté l'arc-en-ciel d'initiatives, "
    "c'est-à-dire vingt-deux mesures anti-gaspillage ; le sous-préfet s'est entr'ouvert à l'idée. "
    "Détails sur https://www.interieur.gouv.fr/actualites?id=42 et au 01-23-45-67-89."
)


def test_tokenizer_keeps_the_stock_tokens_with_memoised_matches(nlp):
    import spacy

    stock = spacy.blank("fr").tokenizer
    ours = nlp.tokenizer
    assert ours.token_match.__self__.pattern == stock.token_match.__self__.pattern
    assert [t.text for t in ours(HYPHENATED)] == [t.text for t in stock(HYPHENATED)]
    tokens = [t.text for t in ours(HYPHENATED)]
    assert "Saint-Jean-de-Luz" in tokens and "arc-en-ciel" in tokens  # kept whole by token_match
    assert ours.token_match.cache_info().hits > 0  # the second pass found its answers cached
    assert b"(?iu)" in ours.to_bytes()  # spaCy still serialises the pattern of the memoised regex


def test_charset_classes_optimised_once_compile_the_same_program():
    """The memo only changes how long the compile takes: the compiled program is the same."""
    import re

    from spacy.lang.fr.tokenizer_exceptions import _regular_exp

    from pipeline.nlp import charset_classes_optimised_once

    pattern = "(?iu)" + "|".join(f"(?:{m})" for m in _regular_exp[:40])
    re.purge()
    plain = re.compile(pattern)
    original = re._compiler._optimize_charset
    re.purge()
    with charset_classes_optimised_once():
        assert re._compiler._optimize_charset is not original
        memoised = re.compile(pattern)
    assert re._compiler._optimize_charset is original
    assert memoised is not plain and memoised == plain  # Pattern equality compares compiled code
    assert memoised.match("États-Unis") and memoised.match("Premier-ministre")
    assert not memoised.match("États") and not memoised.match("premier ministre")


def test_entity_lexicon_reuses_the_loaded_lemma_tables(nlp):
    """The entity rules' word lists come from the pipeline already in memory, with the same words as
    the tables shipped on disk."""
    from pipeline.entities.lexicon import _model_lookups, is_adjective, is_common_word

    ours = _model_lookups()
    assert ours is nlp.get_pipe("lemmatizer").lookups
    disk = _lookups_from_disk()
    for pos in ("adj", "adv", "noun", "verb"):
        assert set(ours.get_table("lemma_index")[pos]) == set(disk.get_table("lemma_index")[pos])
    assert is_common_word("Économie") and is_adjective("françaises") and not is_common_word("Bruxelles")
