"""Keyphrases: candidates from spaCy's French analysis, ranked by frequency, title, form and corpus IDF.

Two passes, as everywhere in the pipeline:

* ``keyphrase_candidates(doc)`` needs only one document. It groups tokens into words (rejoining the
  hyphenated compounds spaCy splits: "beaux-arts", "Sables-d'Olonne"), gives each word a role (noun,
  name, adjective, number, preposition, article) from its POS tag, morphology and entity label, and
  finds phrases with regular expressions over the role string: ``ADJ? NOUN (ADJ|NAME|NUM)*``, proper
  names with numbers and foreign links ("Vega 6", "Port of Spain"), acronyms, and up to two
  chained ``(de|d'|du|des|contre) (article)? (number)? <phrase>`` or ``à <noun>`` complements
  ("rupture des deux digues", "tournoi de Melbourne", "appel à projets"). Every well-formed
  sub-phrase of a chunk is a candidate -- the head word ("fusée"), the name inside a phrase
  ("Melbourne"), the phrase with its function words -- but a name is never cut ("Open Water Alliance"
  gives no "Rights"). Candidates are merged by lemma (articles
  dropped, prepositions normalised), bare surnames and initialled forms are merged into the full name
  ("Obama", "B. Obama" -> "Barack Obama"), and each carries its in-document features.
  On press releases, what is not a keyphrase never becomes a candidate: dates, amounts, measures and
  times of day ("avril 2024", "millions d'euros", "mètres carrés", "15h30"), also as a complement
  ("plan de 45 millions d'euros"), phrases seen only in the dateline or the contact block (the
  publisher's city and postal box: zones), a phrase ending on a participle whose complement
  follows ("terminal destiné"), markdown and web addresses glued to a word; courtesy titles and
  capitalised roles stay out of names ("M.", "le Premier Ministre"), a bare first name counts for the
  full name (unless the entity recogniser takes it for a place: "Valmont" of "Valmont Commerces"), and
  the release's metadata title counts as its title.
* ``rank_keyphrases(candidates)`` is the corpus pass: it adds document frequencies over the documents
  ranked together (neutral for a one-document corpus) and keeps the ``top_k`` best per document. A
  one-word candidate is weighed by how common the word is in general French (commonness: "pays",
  "action" fill any release), a noun of the release's own frame ("plan", "volet") or a common noun
  written with a capital ("République", "Cour") weighs less alone, and a phrase in nearly every
  document of a corpus is down-weighted. Each top slot goes to a new topic: a run of words of a better
  phrase already chosen ("moustique" after "moustique tigre") moves after the top, and a longer phrase
  takes the slot of a word mostly seen inside it. The first person the release names with a role ("la
  maire, Awa Diallo") is its actor and weighs double, though named once; an office ("ministre des
  sports") weighs half. Occurrences in the dateline and contact lines do not count as repetitions.

Why these features (measured on the WikiNews-fr dev part, see benchmarks/keywords.py): the title carries
the topic in news and press releases (FirstPhrases is the strongest baseline at 5), repetition is the
topic (TF-IDF, YAKE), names are over-represented among reader keyphrases, and a word that only ever
occurs inside one short phrase is a fragment of that phrase (the idea behind TopicRank's grouping, used
here as a penalty). On press releases (press-real dev) the one thing news readers' keyphrases did not
show is that an indexer never keeps the words that fill every release ("pays", "développement",
"action"): a mild prior on the most frequent French words (rank < 2000) helps there and costs nothing
on WikiNews; a stronger one helps press releases more but drops the most frequent words WikiNews
readers keep. A PositionRank graph score, a boost for phrases with a function word
and a first-sentences weight were tried and did not help on either dev part, so they are not used.

Modules, in the order of the per-document pass: tokens (the token columns read), words (tokens grouped
into words, one role letter each), phrases (phrase shapes over the role string), quoted (titles in
guillemets: « Lire en short »), zones (dateline, contact block and web addresses: boilerplate), extract
(candidates counted and merged), filters (rules that need all of a document's occurrences), title (the
title line and the metadata title), commonness (a word's frequency rank in general French); vocabulary
holds the word lists, candidate the row type; ranking is the corpus pass.
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
