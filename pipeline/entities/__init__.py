"""Entities an analyst can trust: spaCy's NER output cleaned, completed and named canonically.

fr_core_news_md is trained on Wikipedia; on press releases it tags determiners and titles into names
("la France", "M. Jean Dupont", "Directeur général de l'OMS"), headings and sentence-initial
capitals as entities ("Contact", "Activités"), contacts as places, spans across line breaks, and it
misses lower-case official bodies ("direction générale des ... (DG...)"). This package keeps the
model's spans as candidates and applies general French rules (no rule knows any document):

- spans follow the guidelines: no determiner, elision or preposition in front, no honorific or
  function (those go to `role`), no trailing punctuation, no line break, no e-mail/URL/phone inside;
- spurious entities are dropped: section headings and sentence-initial common words, function words,
  month and weekday names, demonyms ("les Suédois"), roles without a name ("Président de la
  République"), ministerial portfolios ("ministre de l'Économie");
- missing ones are added: names headed by an institution or event noun completed with their
  complements ("Comité consultatif de haut niveau sur la pêche durable"), lower-case official bodies
  ("délégation aux affaires européennes (DAE)"), gazetteer names;
- labels follow general cues (head nouns, a cue noun before the name, the gazetteer, the long form
  of an acronym, agreement with the other mentions of the same name in the document);
- `canonical` is the best name known inside the document: gazetteer, acronym defined in the text,
  short form of a longer name ("la Commission" -> "Commission européenne"), full name of a person.

Modules, in the order a document goes through them:
- context: the document's token attributes (pipeline/token_table.py), sentences, contacts;
- candidates, gazetteer_matches, complements: where candidate names come from and where they end;
- cleaning, filters: the span rules and what can never be an entity;
- spurious: currencies, postal and header words, capitalised common nouns, working groups;
- labels, document_mentions, acronyms, publisher, canonical_names, roles: what the whole document says;
- corrections: the analyst's `--entities FILE`, applied last;
- extract: `extract_entities` and the `EntityMention` record, putting the others together;
- words, lexicon, shapes, records: French word classes, spaCy's lemma tables, the written shape of a
  word, the records passed between the rules.
"""

from .extract import EntityMention, extract_entities
from .lexicon import is_common_word

__all__ = [
    "EntityMention",
    "extract_entities",
    "is_common_word",
]
