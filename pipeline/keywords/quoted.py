"""Titles in guillemets: the name of an exhibition, a show, a campaign or a programme that a release
quotes (« Dans la tête des abeilles », « Objectif zéro déchet ») is one keyphrase, however its words
parse -- it may open on a preposition or hold a verb-less clause that no phrase shape covers, and its
pieces ("tête des abeilles") are fragments of it."""

from __future__ import annotations

from .candidate import Acc
from .tokens import Tokens
from .words import Words

MAX_TITLE_TOKENS = 8  # longer quoted text is speech, not a title
_OPEN, _CLOSE = ("«", "“", '"'), ("»", "”", '"')
# Tokens that make quoted words a clause or a sentence (speech), not a title: a conjugated verb or an
# auxiliary, a subject or object pronoun, final punctuation.
_SPEECH_POS = ("AUX", "PRON")
_SPEECH_PUNCT = frozenset(".!?…;:,")


def quoted_titles(t: Tokens, lo: int, hi: int, words: Words) -> list[tuple[int, int]]:
    """(first word, end word) of each title in guillemets in the sentence tokens lo..hi with words
    `words`: 2 to MAX_TITLE_TOKENS tokens between the marks, the first capitalised, none a conjugated
    verb, an auxiliary, a pronoun or final punctuation."""
    out = []
    k = lo
    while k < hi:
        if t.text[k] not in _OPEN:
            k += 1
            continue
        end = next((e for e in range(k + 1, min(hi, k + MAX_TITLE_TOKENS + 2)) if t.text[e] in _CLOSE), -1)
        if end < 0:
            k += 1
            continue
        inner = [e for e in range(k + 1, end) if not t.is_space[e]]
        if inner and _is_title(t, inner):
            first = next((w for w, s in enumerate(words.starts) if s == t.idx[inner[0]]), -1)
            last_end = t.idx[inner[-1]] + len(t.text[inner[-1]])
            stop = next((w + 1 for w, e in enumerate(words.ends) if e == last_end), -1)
            if 0 <= first < stop:
                out.append((first, stop))
        k = end + 1
    return out


def _is_title(t: Tokens, inner: list[int]) -> bool:
    if not t.text[inner[0]][:1].isupper() or not any(t.text[e][:1].isalpha() for e in inner):
        return False
    for e in inner:
        if t.pos[e] in _SPEECH_POS or t.text[e] in _SPEECH_PUNCT:
            return False
        if t.pos[e] == "VERB" and "Fin" in t.verb_form[e]:
            return False
    return len(inner) >= 2


def add_title(acc: dict[str, Acc], words: Words, i: int, j: int, s_idx: int, text: str) -> Acc:
    """Count the quoted title of words[i:j] (sentence s_idx) as a name: the candidate the phrase shapes
    made of exactly these words when there is one, else a candidate of its own."""
    for a in acc.values():
        if (s_idx, i, j) in a.spans:
            a.is_name = a.has_name = True
            return a
    key = " ".join(words.keys[i:j])
    surface = text[words.starts[i] : words.ends[j - 1]]
    a = acc.get(key)
    if a is None:
        roles = words.roles[i:j]
        a = acc[key] = Acc(
            first_offset=words.starts[i],
            first_sentence=s_idx,
            n_words=max(1, sum(r in "NGPAM" for r in roles)),
            is_name=True,
            has_name=True,
            is_acronym=False,
            has_function_word=False,
            head=key,
            words=tuple(words.keys[i + k] for k, r in enumerate(roles) if r in "NGPA"),
            generic=False,
            filler=False,
        )
    a.count(surface, s_idx, i, j)
    return a
