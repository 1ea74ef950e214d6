"""What the per-document pass hands to the corpus pass: one flat row per candidate, and the mutable
accumulator it is built from while a document's phrases are counted."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

import pandas as pd


@dataclass  # not frozen: a frozen dataclass's __init__ sets each field through object.__setattr__ (slow)
class KeyphraseCandidate:
    """One de-duplicated candidate of one document, flat so that it can be cached as an Arrow row."""

    lemma: str  # de-duplication key: lower-cased lemmas, articles dropped, prepositions normalised
    surface: str  # the most frequent surface form as written (first seen on ties)
    first_offset: int  # character offset of the first occurrence in the analysed text
    first_sentence: int  # index of the sentence of the first occurrence (0 = the first sentence)
    rel_position: float  # first_offset / length of the text, in [0, 1)
    frequency: int  # occurrences outside the dateline and contact lines (alone or inside a longer phrase)
    sentence_count: int  # distinct sentences it occurs in
    in_title: bool  # in the title line (title_span) or the metadata title: where releases state the topic
    n_words: int  # content words (nouns, names, adjectives, numbers)
    is_name: bool  # made of proper names / acronyms / numbers only
    has_name: bool  # contains a proper name ("sonde Hermine", "tournoi de Melbourne")
    is_acronym: bool  # a single all-capitals token ("NASA", "OTAN")
    has_function_word: bool  # contains a preposition ("tournoi de Melbourne")
    head: str  # lemma of the head word (first noun, or the whole name)
    container_share: float  # largest share of its occurrences inside one longer (<= 3 words) candidate
    common_rank: int = 0  # one word: its rank in general French (commonness.py); 0: a name, a phrase, unknown
    has_role: bool = False  # the first person named next to a role ("la maire, Awa Diallo"): the actor
    is_office: bool = False  # several words headed by a role noun ("ministre des sports"): an office


CANDIDATE_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(KeyphraseCandidate))


@dataclass(slots=True)
class Acc:
    """One candidate while its document's phrases are counted (mutable, with what the filters need)."""

    first_offset: int
    first_sentence: int
    n_words: int
    is_name: bool
    has_name: bool
    is_acronym: bool
    has_function_word: bool
    head: str
    words: tuple[str, ...]
    generic: bool  # a single generic noun
    filler: bool  # only time words, quantities, currencies, numbers and adjectives: a date or an amount
    has_role: bool = False  # some occurrence is next to a role noun (words.next_to_role)
    place: bool = False  # one word that the entity recogniser takes for a place (LOC) somewhere
    # The tallies, empty at the first occurrence and kept by `count`:
    surfaces: dict[str, int] = field(default_factory=dict)
    frequency: int = 0
    sentences: set[int] = field(default_factory=set)
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # (sentence, first word, end word) each
    body_frequency: int = 0  # occurrences outside the dateline and contact lines (zones.py)

    def count(self, surface: str, s_idx: int, i: int, j: int) -> None:
        """One more occurrence, written `surface`, of words[i:j] in sentence s_idx."""
        self.surfaces[surface] = self.surfaces.get(surface, 0) + 1
        self.frequency += 1
        self.sentences.add(s_idx)
        self.spans.append((s_idx, i, j))


def candidates_frame(doc_id: str, cands: list[KeyphraseCandidate]) -> pd.DataFrame:
    """Candidates of one document as a DataFrame with a doc_id column (tests, benchmarks)."""
    frame = pd.DataFrame([asdict(c) for c in cands], columns=list(CANDIDATE_COLUMNS))
    frame.insert(0, "doc_id", doc_id)
    return frame
