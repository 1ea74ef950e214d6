"""How common a word is in general French, from the order of the model's word vectors: spaCy's French
vectors list their keys by decreasing frequency in the (web) corpus they were trained on, so a key's
position is its frequency rank ("pays" ~190, "sécheresse" ~12 000, "tonnellerie" beyond 100 000).
A one-word keyphrase must be specific: "pays" or "retour" fill every release, "sécheresse" or
"compostage" say what this one is about. The rank is also how a capitalised common noun ("Président",
"Conseil") is told from a name: its lower-case form is the more frequent one."""

from __future__ import annotations

from spacy.vocab import Vocab

MAX_RANK = 100_000  # ranks beyond are all "rare" (and keeping them would cost memory in every worker)
_RANKS: dict[int, dict[int, int]] = {}  # per process: id(vectors) -> string hash -> rank (1-based)


def _ranks(vocab: Vocab) -> dict[int, int]:
    vectors = vocab.vectors
    key = id(vectors)
    ranks = _RANKS.get(key)
    if ranks is None:
        ranks = {}
        for rank, h in enumerate(vectors.key2row, start=1):  # insertion order: by decreasing frequency
            if rank > MAX_RANK:
                break
            ranks[h] = rank
        _RANKS.clear()
        _RANKS[key] = ranks
    return ranks


def word_rank(vocab: Vocab, word: str) -> int:
    """Frequency rank of `word` as written (1 = most frequent), MAX_RANK + 1 when rarer or unknown; 0
    when the model has no vectors (no evidence)."""
    ranks = _ranks(vocab)
    if not ranks:
        return 0
    return ranks.get(vocab.strings[word], MAX_RANK + 1)  # the hash, whether the store holds it or not


def common_noun_rank(vocab: Vocab, surface: str, is_name: bool) -> int:
    """The rank that says how generic a one-word candidate is: its lower-case form's for a common noun;
    for a capitalised word, its lower-case form's when that is more frequent than the capitalised one
    (a common noun with a capital: "Président"), else 0 (a real name: no penalty). A name candidate
    mostly written in lower case ("parc", capitalised only in "Parc national de ...") is a common noun."""
    lower = surface.lower()
    low = word_rank(vocab, lower)
    if not is_name or not low or surface == lower:
        return low
    written = word_rank(vocab, surface)
    return low if low < written else 0
