"""Word-vector evidence for the level-1 subjects, derived from the taxonomy itself.

Each subject gets a centroid: the mean of the model's word vectors over the words of its label,
description and cues, and those of its level-2 children. A document word (noun, verb or adjective, read
through its lemma) speaks for the subject whose centroid is nearest when it is at least as near as the
median of that subject's own words (the subject's `floor`): words the cue lists never name ("magistrat",
"moisson", "attaquant") still count, and a word equally near every subject counts for none. No labelled
data sets anything here: the centroids and floors come from the taxonomy's text and the model's vectors.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

import numpy as np
from spacy.vocab import Vocab

from ..token_table import TokenTable
from .matching import FUNCTION_WORDS
from .taxonomy import Taxonomy

CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
MARGIN = 0.02  # a word must be nearer its best subject than the next one by this much
_MAX_REMEMBERED = 200_000  # lemmas whose vote is remembered (a bound for very large corpora)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Words too general to speak for a subject (they sit near every centroid of press-release vocabulary).
_GENERAL_WORDS = """être avoir faire dire aller pouvoir devoir vouloir falloir mettre prendre donner tenir
    venir
    permettre rendre nouveau nouvelle grand grande général générale national nationale public publique
    premier dernier autre même tout tous toute toutes ensemble cadre question sujet suite jour année mois
    semaine ans fois temps place point part partie lieu état service services travail situation
    communiqué presse monsieur madame président présidente"""
_GENERAL = frozenset(_GENERAL_WORDS.split())


@dataclass(frozen=True)
class SubjectVectors:
    ids: tuple[str, ...]  # level-1 theme ids, in taxonomy order
    centroids: np.ndarray  # (subjects, dimensions), unit rows
    floors: np.ndarray  # (subjects,): the similarity a word needs to speak for each subject
    votes: dict[str, int] = field(default_factory=dict, compare=False)  # lemma -> subject index or -1

    def vote(self, lemma: str, vocab: Vocab) -> int:
        """The index of the subject `lemma` speaks for, -1 for none (remembered: words repeat)."""
        found = self.votes.get(lemma)
        if found is None:
            if len(self.votes) > _MAX_REMEMBERED:
                self.votes.clear()
            found = self.votes[lemma] = self._vote(lemma, vocab)
        return found

    def _vote(self, lemma: str, vocab: Vocab) -> int:
        v = _vector(vocab, lemma)
        if v is None:
            return -1
        sims = self.centroids @ v
        order = np.argsort(-sims)
        best = int(order[0])
        runner_up = float(sims[order[1]]) if len(order) > 1 else -1.0
        return best if sims[best] >= self.floors[best] and sims[best] - runner_up >= MARGIN else -1


_CACHE: dict[tuple[str, str, int], SubjectVectors | None] = {}


def _unit(vector: np.ndarray) -> np.ndarray | None:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else None


def _vector(vocab: Vocab, word: str) -> np.ndarray | None:
    if not vocab.has_vector(word):
        return None
    return _unit(np.asarray(vocab.get_vector(word), dtype=np.float32))


def _theme_words(taxonomy: Taxonomy, subject_id: str) -> list[str]:
    themes = [taxonomy.theme(subject_id), *taxonomy.children(subject_id)]
    text = " ".join(" ".join([t.label, t.description, *(c.text.rstrip("*") for c in t.cues)]) for t in themes)
    words = [w.lower() for w in _WORD.findall(text)]
    return [w for w in dict.fromkeys(words) if len(w) > 2 and w not in FUNCTION_WORDS and w not in _GENERAL]


def subject_vectors(taxonomy: Taxonomy, vocab: Vocab) -> SubjectVectors | None:
    """The centroids and floors of the taxonomy's level-1 subjects (None without subjects or vectors);
    computed once per taxonomy and vocabulary."""
    key = (taxonomy.version, taxonomy.source, id(vocab))
    if key in _CACHE:
        return _CACHE[key]
    ids, centroids, own = [], [], []
    for subject in taxonomy.subjects:
        vectors = [
            v for v in (_vector(vocab, w) for w in _theme_words(taxonomy, subject.id)) if v is not None
        ]
        centre = _unit(np.mean(vectors, axis=0)) if vectors else None
        if centre is None:
            continue
        ids.append(subject.id)
        centroids.append(centre)
        own.append(np.array(vectors))
    found = None
    if ids:
        matrix = np.array(centroids)
        floors = np.array(
            [float(np.median(words @ centre)) for words, centre in zip(own, matrix, strict=True)]
        )
        found = SubjectVectors(tuple(ids), matrix, floors)
    _CACHE[key] = found
    return found


def content_lemmas(tokens: TokenTable, lemmas: list[str]) -> Counter[str]:
    """Occurrences of the lower-cased lemmas of the document's nouns, verbs and adjectives (`lemmas`:
    every token's lemma, as matching.token_lemmas reads them); counted in bulk, each distinct lemma then
    checked once."""
    counts = Counter(compress(lemmas, map(CONTENT_POS.__contains__, tokens.pos)))
    out: Counter[str] = Counter()
    for lemma, n in counts.items():
        usable = _usable(lemma)
        if usable:
            out[usable] += n
    return out


@lru_cache(maxsize=65536)
def _usable(lemma: str) -> str:
    """The lower-cased lemma when it can speak for a subject, else ""."""
    lower = lemma.lower()
    ok = len(lower) > 2 and bool(_WORD.fullmatch(lower)) and lower not in FUNCTION_WORDS | _GENERAL
    return lower if ok else ""


def vector_votes(lemmas: Counter[str], vectors: SubjectVectors, vocab: Vocab) -> dict[str, Counter[str]]:
    """Per subject id: the document lemmas that speak for it, with their occurrences."""
    votes: dict[str, Counter[str]] = {}
    for lemma, n in lemmas.items():
        best = vectors.vote(lemma, vocab)
        if best >= 0:
            subject = vectors.ids[best]
            if subject not in votes:
                votes[subject] = Counter()
            votes[subject][lemma] = n
    return votes


def nearest_subject(lemmas: Counter[str], vectors: SubjectVectors, vocab: Vocab) -> tuple[str, float] | None:
    """The subject whose centroid is nearest the document's (occurrence-weighted mean of its content
    lemmas' vectors), with that similarity: the last resort when no cue and no word vote speaks."""
    total = np.zeros(vectors.centroids.shape[1], dtype=np.float32)
    for lemma, n in lemmas.items():
        v = _vector(vocab, lemma)
        if v is not None:
            total += n * v
    centre = _unit(total)
    if centre is None:
        return None
    sims = vectors.centroids @ centre
    best = int(np.argmax(sims))
    return vectors.ids[best], float(sims[best])
