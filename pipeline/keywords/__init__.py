"""Keyphrases: candidates from spaCy's French analysis, ranked by frequency, title, form and corpus IDF.

Two passes, as everywhere in the pipeline:

* ``keyphrase_candidates(doc)`` needs only one document. It groups tokens into words (rejoining the
  hyphenated compounds spaCy splits: "beaux-arts", "Sables-d'Olonne"), gives each word a role (noun,
  name, adjective, number, preposition, article) from its POS tag, morphology and entity label, and
  finds phrases with regular expressions over the role string: ``ADJ? NOUN (ADJ|NAME|NUM)*``, proper
  names with numbers and foreign links ("Falcon 9", "Empress of Ireland"), acronyms, and up to two
  chained ``(de|d'|du|des|contre) (article)? (number)? <phrase>`` or ``à <noun>`` complements
  ("défaillance des deux moteurs", "tournoi de Wimbledon", "appel à projets"). Every well-formed
  sub-phrase of a chunk is a candidate -- the head word ("fusée"), the name inside a phrase
  ("Wimbledon"), the phrase with its function words -- but a name is never cut ("Human Rights Watch"
  gives no "Rights"). Candidates are merged by lemma (articles
  dropped, prepositions normalised), bare surnames and initialled forms are merged into the full name
  ("Obama", "B. Obama" -> "Barack Obama"), and each carries its in-document features.
* ``rank_keyphrases(candidates)`` is the corpus pass: it adds document frequencies over the documents
  ranked together (neutral for a one-document corpus) and keeps the ``top_k`` best per document.

Why these features (measured on the WikiNews-fr dev part, see benchmarks/keywords.py): the title carries
the topic in news and press releases (FirstPhrases is the strongest baseline at 5), repetition is the
topic (TF-IDF, YAKE), names are over-represented among reader keyphrases, and a word that only ever
occurs inside one short phrase is a fragment of that phrase (the idea behind TopicRank's grouping, used
here as a penalty). A PositionRank graph score and a background word-frequency prior from the model's
vectors were tried and did not help on the dev part, so they are not used.

Modules, in the order of the per-document pass: tokens (the token columns read), words (tokens grouped
into words, one role letter each), phrases (phrase shapes over the role string), extract (candidates
counted and merged), filters (rules that need all of a document's occurrences), title (the title line);
vocabulary holds the word lists, candidate the row type; ranking is the corpus pass.
"""

from .candidate import CANDIDATE_COLUMNS, KeyphraseCandidate, candidates_frame
from .extract import keyphrase_candidates
from .ranking import candidate_scores, rank_keyphrases, rank_with_frequencies
from .title import title_span
from .vocabulary import GENERIC_NOUNS

__all__ = [
    "CANDIDATE_COLUMNS",
    "GENERIC_NOUNS",
    "KeyphraseCandidate",
    "candidate_scores",
    "candidates_frame",
    "keyphrase_candidates",
    "rank_keyphrases",
    "rank_with_frequencies",
    "title_span",
]
