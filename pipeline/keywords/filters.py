"""Candidate filters of one document, run once all its phrases are counted: they need every occurrence
(containment shares, short-name merging) or the final surface form (too-short units and initials)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from .candidate import Acc
from .vocabulary import ARTICLES, CLASS_NOUNS, PREPOSITIONS


def container_shares(acc: dict[str, Acc], max_words: int = 3) -> dict[str, float]:
    """For each candidate, the largest share of its occurrences that fall inside one longer candidate:
    1.0 means it never occurs outside that phrase. A word is measured against phrases of at most
    `max_words` words ("vigilance" in "vigilance rouge", "Aiguille" in "pic Aiguille"); a phrase against
    phrases of any length, since a phrase only ever seen inside a longer one is a cut-off piece of it
    ("Salon international de la céramique" of "Salon international de la céramique ancienne")."""
    by_sentence: dict[int, list[tuple[int, int, str, int, bool]]] = defaultdict(list)  # possible containers
    for key, a in acc.items():
        for s, i, j in a.spans:
            if j - i > 1:  # a container is longer than the (non-empty) phrase it contains
                # a phrase headed by a common noun that takes a complement: "festival de Vallauris"
                linked = a.has_function_word and a.head != key
                by_sentence[s].append((i, j, key, a.n_words, linked))
    shares: dict[str, float] = {}
    for key, a in acc.items():
        limit = max_words if a.n_words == 1 else 1_000
        inside: dict[str, int] = {}  # longer candidate -> occurrences of `key` inside it
        for s, i, j in a.spans:
            for i2, j2, other, n_words, linked in by_sentence.get(s, ()):
                if i2 <= i and j <= j2 and (j2 - i2) > (j - i) and other != key and n_words <= limit:
                    if a.is_name and linked and i2 < i:
                        continue  # a name as a noun's complement is whole ("Vallauris")
                    inside[other] = inside.get(other, 0) + 1
        if inside:
            shares[key] = max(inside.values()) / a.frequency
    return shares


_SHORT_WORDS = PREPOSITIONS | ARTICLES
_WORD_SEPARATORS = re.compile(r"[\s']+")


@lru_cache(maxsize=65536)
def too_short(surface: str, is_acronym: bool, is_name: bool) -> bool:
    """Units and initials ("h", "kg", "C.") are not keyphrases: a candidate needs a word of 3+ letters as
    written, or, for a name or acronym, one of 2+ letters or digits ("5G", "UE")."""
    if is_acronym:
        return False
    words = [w for w in _WORD_SEPARATORS.split(surface) if w.lower() not in _SHORT_WORDS]
    if any(sum(map(str.isalpha, w)) >= 3 for w in words):
        return False
    return not (is_name and any(sum(map(str.isalnum, w)) >= 2 for w in words))


def _is_initial(word: str) -> bool:
    return len(word) <= 3 and word.endswith(".") and word[:1].isalpha()


def merge_short_names(acc: dict[str, Acc]) -> None:
    """A bare surname ("Turing", "Romney") or an initialled form ("B. Obama") is a mention of the full
    name written elsewhere in the document ("Alan Turing", "Barack Obama"): its occurrences count for
    the full name, which takes the earlier first occurrence (a surname in the title puts the full name in
    the title), and it is no candidate of its own."""
    full_names: dict[str, list[str]] = defaultdict(list)
    for key, a in acc.items():
        full = a.is_name and 2 <= len(a.words) <= 4 and not a.has_function_word and not a.is_acronym
        if full and not _is_initial(a.words[0]):
            full_names[a.words[-1]].append(key)
    for key in list(acc):
        a = acc[key]
        if not a.is_name or a.is_acronym or not a.words or a.words[-1] not in full_names:
            continue
        initials = a.words[:-1]
        if key in full_names[a.words[-1]] or not all(_is_initial(w) for w in initials):
            continue
        targets = [
            acc[k] for k in full_names[a.words[-1]] if not initials or acc[k].words[0][:1] == initials[0][:1]
        ]
        if not targets:
            continue
        _merge_into(max(targets, key=lambda b: (b.frequency, -b.first_offset)), a)
        del acc[key]


def merge_first_names(acc: dict[str, Acc]) -> None:
    """A bare first name ("Antoine" for "Antoine Dupuis") is a cut-off mention of the one full name of
    the document that starts with it: its occurrences count for that name, as merge_short_names does
    for surnames. Left alone when two full names share it ("Marie Curie", "Marie Durand"), and when the
    entity recogniser takes it for a place somewhere: then it is the town that names a body ("Valmont" of
    "Valmont Commerces"), a keyphrase in its own right."""
    starting: dict[str, list[str]] = defaultdict(list)
    for key, a in acc.items():
        full = a.is_name and 2 <= len(a.words) <= 3 and not a.has_function_word and not a.is_acronym
        if full and not _is_initial(a.words[0]):
            starting[a.words[0]].append(key)
    for key in list(acc):
        a = acc[key]
        if not a.is_name or a.is_acronym or len(a.words) != 1 or a.n_words != 1 or a.place:
            continue
        fulls = starting.get(a.words[0], [])
        if len(fulls) != 1:
            continue
        _merge_into(acc[fulls[0]], a)
        del acc[key]


def drop_class_nouns(acc: dict[str, Acc]) -> None:
    """A class noun followed by the name of a body ("société Terralia Environnement", "association
    Vallée Propre") is the name with its apposition: the name, a candidate of its own whose occurrences
    are the same, is the keyphrase; the longer phrase is dropped (it would also make the name look like
    a fragment of it)."""
    for key in list(acc):
        a = acc[key]
        if len(a.words) < 2 or a.has_function_word or a.is_name or a.words[0] not in CLASS_NOUNS:
            continue
        name = acc.get(key.split(" ", 1)[1]) if " " in key else None
        if name is not None and name.is_name:
            del acc[key]


def first_actor(acc: dict[str, Acc]) -> None:
    """Only the first person a release names with a role keeps the role flag: the one who speaks for
    it (its president, its director); the people named after them with their roles (a deputy, a
    minister who reacts) are not what it is about."""
    actors = [a for a in acc.values() if a.has_role]
    for a in actors:
        a.has_role = False
    if actors:
        min(actors, key=lambda a: a.first_offset).has_role = True


def _merge_into(target: Acc, a: Acc) -> None:
    """Count the occurrences of `a` for `target`, which takes the earlier first occurrence."""
    target.frequency += a.frequency
    target.sentences |= a.sentences
    target.spans += a.spans
    target.body_frequency += a.body_frequency
    if a.first_offset < target.first_offset:
        target.first_offset, target.first_sentence = a.first_offset, a.first_sentence
