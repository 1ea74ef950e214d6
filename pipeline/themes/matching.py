"""Cue matching: a document's words against the taxonomy's cue terms.

Matching is forgiving about the things that do not change meaning -- case, accents, hyphens, plural and
feminine endings, conjugation (a word also matches through its lemma: "condamnés" meets the cue
"condamner"), articles and prepositions between words ("protection des données" matches "protection de
vos données") -- and strict about the rest: an all-capitals cue ("IA") matches only that acronym, a
phrase never spans punctuation or a line break.
"""

from __future__ import annotations

import re
from bisect import bisect, bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain, compress, repeat
from operator import is_
from typing import TYPE_CHECKING

from spacy.attrs import LEMMA
from spacy.tokens import Doc

from ..french import fold
from ..keywords.zones import boilerplate_spans
from ..token_strings import decode
from ..token_table import TokenTable, token_table

if TYPE_CHECKING:
    from .taxonomy import Taxonomy

# Words skipped when matching a phrase: articles, prepositions, possessives, "et"/"ou". Matching runs over
# the remaining words, so "protection des données" matches "protection de leurs données"; punctuation and
# line breaks still stop a phrase.
_FUNCTION = """le la les l un une des de du d à au aux en et ou pour par sur dans avec ce cet cette ces
son sa ses leur leurs notre nos votre vos mon ma mes ton ta tes"""
FUNCTION_WORDS = frozenset(_FUNCTION.split())

Word = tuple[str, str, str]  # (normalised word, text as written, normalised lemma)
BARRIER: Word = ("|", "|", "|")
PARAGRAPH: Word = ("|", "\n", "|")  # a line break: a barrier that also starts a new passage


@dataclass(frozen=True)
class Cue:
    """One cue term: its text as written in the taxonomy and its normalised words."""

    text: str
    words: tuple[str, ...]  # normalised content words; a word ending in "*" matches by prefix
    weight: float
    exact_case: bool  # an all-capitals cue ("IA", "RGPD") matches only the same capitals
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        # Cues key the per-document counts: their hash is computed once, not at every match.
        object.__setattr__(self, "_hash", hash((self.text, self.words, self.weight, self.exact_case)))

    def __hash__(self) -> int:
        return self._hash


def _fold(text: str) -> str:
    """fold(), with the typographic apostrophe written "'": words are split and stripped at "'"."""
    return fold(text.replace("\u2019", "'"))


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Case, accents, hyphens, plural and feminine endings folded away: "Données" -> "donné",
    "personnelles" -> "personnel", "réseaux" -> "reseau", "internationaux" -> "international".

    A final "é" keeps its accent, so that a participle is not the noun it looks like without it:
    "financé(es)" -> "financé" but "finance" -> "financ", "marché" -> "marché" but "marche" -> "march",
    "armée" -> "armé" but "arme" -> "arme"."""
    w = _fold(word).replace("-", "").strip("'.")
    acute = word.replace("-", "").strip("'.").lower()
    if len(w) > 3 and w.endswith(("s", "x")):
        w, acute = w[:-1], acute[:-1]
        if w.endswith("eau"):
            pass
        elif w.endswith("au") and len(w) > 4:
            w = w[:-2] + "al"
    if acute.endswith("ée") and len(w) > 3:
        w, acute = w[:-1], acute[:-1]
    if acute.endswith("é") and w.endswith("e"):
        return w[:-1] + "é"
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
        if len(w) > 4 and w[-1] == w[-2] and w[-1] in "lnt":
            w = w[:-1]
    return w


def cue_words(text: str) -> tuple[str, ...]:
    """The normalised content words of a cue as written in the taxonomy."""
    words = []
    for raw in re.split(r"[\s']+", text.replace("\u2019", "'")):
        if not raw:
            continue
        if raw.endswith("*"):
            stem = _fold(raw[:-1]).replace("-", "")
            if stem:
                words.append(stem + "*")
            continue
        w = normalize_word(raw)
        if w and w not in FUNCTION_WORDS and _fold(raw).strip("'") not in FUNCTION_WORDS:
            words.append(w)
    return tuple(words)


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text.strip()


def _glued(text: str, next_text: str) -> bool:
    """Tokens spaCy split inside one written word: around a hyphen ("cyber-sécurité"), or a number and
    capitals ("5G", "4G")."""
    if text == "-" or next_text == "-":
        return True
    return text.isdigit() and next_text.isalpha() and next_text.isupper() and len(next_text) <= 3


def token_lemmas(doc: Doc) -> list[str]:
    """Every token's lemma, read in bulk (strings decoded once per distinct hash)."""
    return decode(doc.vocab.strings, doc.to_array([LEMMA]).tolist()) if len(doc) else []


def boilerplate_tokens(tokens: TokenTable) -> list[tuple[int, int]]:
    """(first, end) token ranges of the release's boilerplate (keywords.zones: dateline, contact lines and
    everything after a contact heading, web addresses): the sender's "Bureau de la communication
    interministérielle" or its address is not what the release discusses. The text is the token
    table's (Doc.text visits every token: slower than the rest of the themes stage)."""
    starts, text = tokens.idx, tokens.text
    return [
        (a, b)
        for a, b in ((bisect_left(starts, lo), bisect_left(starts, hi)) for lo, hi in boilerplate_spans(text))
        if a < b
    ]


def doc_words(
    doc: Doc,
    tokens: TokenTable | None = None,
    lemmas: list[str] | None = None,
    hidden: Sequence[tuple[int, int]] = (),
    ends: list[int] | None = None,
) -> list[Word]:
    """(normalised word, text as written, normalised lemma) for the content words of `doc`, in order;
    punctuation and line breaks become barriers that no phrase crosses (a line break: PARAGRAPH, which
    tells the passages apart; barriers may follow each other). Words that spaCy split are rejoined
    (_glued) and keep their own form as lemma.

    Token attributes come from the document's TokenTable: iterating the Doc builds a Token object per
    token, which cost more than the matching itself (`tokens`: that table when the caller has it; `lemmas`:
    token_lemmas(doc) when the caller has read them). Each (text, lemma) is read once per process.
    `hidden`: token ranges read as barriers (boilerplate_tokens); `ends`: a list that receives each
    token's end in the returned words (word w comes from token bisect(ends, w): its sentence)."""
    if tokens is None:
        tokens = token_table(doc)
    n, texts, spaces = tokens.n, tokens.words, tokens.spaced
    if lemmas is None:
        lemmas = token_lemmas(doc)
    entries = list(map(_TOKENS.get, zip(texts, lemmas, strict=True)))
    if None in entries:
        for i, entry in enumerate(entries):
            if entry is None:
                separator = bool(tokens.space[i] or tokens.punct[i])
                entries[i] = _token_entry(texts[i], lemmas[i], separator)
    # Only a hyphen or a number can be glued to its neighbour: a run of glued tokens is one word.
    start = -1
    hyphens = list(compress(range(n), map("-".__eq__, texts)))
    numbers = compress(range(n), tokens.num)  # like_num: every token of digits among them
    for i in sorted({*numbers, *hyphens, *(k - 1 for k in hyphens)}):
        if i <= start or i < 0 or i + 1 >= n or spaces[i] or not _glued(texts[i], texts[i + 1]):
            continue
        end = i + 1
        while end + 1 < n and not spaces[end] and _glued(texts[end], texts[end + 1]):
            end += 1
        text = "".join(texts[i : end + 1]).strip("-")
        entries[i : end + 1] = [_word_parts(text, text)] + [()] * (end - i)
        start = end
    for a, b in hidden:
        entries[a:b] = [(BARRIER,)] * (b - a)
    if ends is not None:
        ends[:] = accumulate(map(len, entries))
    return list(chain.from_iterable(entries))  # type: ignore[arg-type]


_TOKENS: dict[tuple[str, str], tuple[Word, ...]] = {}  # (text, lemma) -> its words, or a barrier


def _token_entry(text: str, lemma: str, separator: bool) -> tuple[Word, ...]:
    """The words of one token (is_space and is_punct depend on the text alone, so this is remembered)."""
    if len(_TOKENS) > _MAX_REMEMBERED:
        _TOKENS.clear()
    if "\n" in text:
        entry: tuple[Word, ...] = (PARAGRAPH,)
    elif separator:
        entry = (BARRIER,)
    else:
        entry = _word_parts(text, lemma)
    _TOKENS[(text, lemma)] = entry
    return entry


@lru_cache(maxsize=65536)
def _word_parts(text: str, lemma: str) -> tuple[Word, ...]:
    """The content parts of one written word, split after its elisions ("l'IA": "IA"); the lemma goes
    with a word of one part. Cached, as words repeat."""
    parts = []
    for part in re.split(r"(?<=')", text.replace("\u2019", "'")):
        folded = _fold(part).strip("'")
        if folded and folded not in FUNCTION_WORDS and any(c.isalnum() for c in folded):
            word = normalize_word(part)
            parts.append((word, part.strip("'"), word))
    if len(parts) == 1 and lemma and lemma != text:
        word, written, _ = parts[0]
        parts[0] = (word, written, normalize_word(lemma))
    return tuple((w, written, _unaccented_capitals(written) or lemma) for w, written, lemma in parts)


def _unaccented_capitals(written: str) -> str:
    """For a word in capitals written without accents and ending in E ("SECURITE", "SOCIETES"): its
    reading with a final "é", offered in the lemma's place, since capitals often drop the accent that
    normalize_word keeps apart; "" for any other word."""
    if not (written.isupper() and written.isascii()):
        return ""
    low = written.lower()
    low = low[:-1] if low.endswith("s") and len(low) > 3 else low
    return normalize_word(low[:-1] + "é") if low.endswith("e") and len(low) > 3 else ""


@dataclass(frozen=True)
class _Index:
    """Cues by their first word (and prefix cues apart), longest first, so that each word of a document
    is checked against the few cues that can start there."""

    by_first: dict[str, tuple[tuple[int, Cue], ...]]  # first word -> (theme index, cue)
    prefixed: tuple[tuple[str, int, Cue], ...]  # (prefix, theme index, cue) for cues starting "word*"
    # per theme index: its subject's index (a level-2 theme: its parent's), or a number of its own
    family: tuple[int, ...] = ()
    starting: dict[Word, tuple[tuple[int, Cue], ...]] = field(default_factory=dict, compare=False)

    def cues_at(self, word: Word) -> tuple[tuple[int, Cue], ...]:
        """(theme index, cue) of the cues that can start at a word (through its form or its lemma),
        longest first; remembered in `starting` (every word of every document asks)."""
        norm, _, lemma = word
        if norm == "|":
            found: tuple[tuple[int, Cue], ...] = ()
        else:
            options = [(t, c) for p, t, c in self.prefixed if norm.startswith(p)]
            options += self.by_first.get(norm, ())
            if lemma != norm:
                options += [o for o in self.by_first.get(lemma, ()) if o not in options]
            options.sort(key=lambda item: -len(item[1].words))
            found = tuple(options)
        if len(self.starting) > _MAX_REMEMBERED:
            self.starting.clear()
        self.starting[word] = found
        return found


_INDEXES: dict[str, _Index] = {}
NEUTRAL = -1  # the theme index of the taxonomy's neutral phrases (they match, and count for no theme)
_MAX_REMEMBERED = 200_000  # words whose cues an _Index remembers (a bound for very large corpora)


def _index(taxonomy: Taxonomy) -> _Index:
    key = f"{taxonomy.version}:{taxonomy.source}"
    if key not in _INDEXES:
        by_first: dict[str, list[tuple[int, Cue]]] = {}
        prefixed: list[tuple[str, int, Cue]] = []
        listed = [(t, cue) for t, theme in enumerate(taxonomy.themes) for cue in theme.cues]
        for t, cue in listed + [(NEUTRAL, cue) for cue in taxonomy.neutral]:
            first = cue.words[0]
            if first.endswith("*"):
                prefixed.append((first[:-1], t, cue))
            else:
                by_first.setdefault(first, []).append((t, cue))
        longest = lambda item: -len(item[-1].words)  # noqa: E731
        subjects = {s.id: k for k, s in enumerate(taxonomy.subjects)}
        _INDEXES[key] = _Index(
            by_first={w: tuple(sorted(c, key=longest)) for w, c in by_first.items()},
            prefixed=tuple(sorted(prefixed, key=longest)),
            family=tuple(subjects.get(t.parent or t.id, -2 - k) for k, t in enumerate(taxonomy.themes)),
        )
    return _INDEXES[key]


def _word_matches(cue_word: str, word: Word) -> bool:
    if cue_word.endswith("*"):
        return word[0].startswith(cue_word[:-1]) and word[0] != "|"
    return cue_word == word[0] or cue_word == word[2]


def _cue_at(words: list[Word], i: int, cue: Cue) -> bool:
    n = len(cue.words)
    if i + n > len(words):
        return False
    window = words[i : i + n]
    if not all(_word_matches(cw, w) for cw, w in zip(cue.words, window, strict=True)):
        return False
    return not cue.exact_case or window[0][1] == cue.text


_NONE: Counter[Cue] = Counter()  # the shared, never written, counts of a theme without matches


def count_cues(words: list[Word], taxonomy: Taxonomy) -> list[Counter[Cue]]:
    """Occurrences of each cue, per theme (match_cues without the passages)."""
    return match_cues(words, taxonomy)[0]


def match_cues(
    words: list[Word], taxonomy: Taxonomy
) -> tuple[list[Counter[Cue]], list[list[int]], list[list[int]]]:
    """Occurrences of each cue per theme, and per theme the passage (0 for the first line, then one
    more after each line break) and the word index of each match. Within a theme the longest cue
    starting at a word wins and the words it covers are not read again ("données personnelles" does
    not also count "données"). A cue inside a longer phrase of another subject (a level-2 theme belongs to its
    parent's) or of the taxonomy's neutral phrases does not count: "cours d'eau" is the environment,
    not a lesson; "dialogue social" is labour, not diplomacy."""
    index = _index(taxonomy)
    counts: list[Counter[Cue]] = [_NONE] * len(taxonomy.themes)  # a theme's own Counter once it matches
    passages: list[list[int]] = [[] for _ in taxonomy.themes]
    positions: list[list[int]] = [[] for _ in taxonomy.themes]
    free_from = [0] * len(taxonomy.themes)  # per theme: first word not yet covered by a match
    # The cues that can start at each word, looked up in bulk: most words start none, and the loop below
    # visits only those that do.
    options = list(map(index.starting.get, words))
    if None in options:
        options = [index.cues_at(w) if o is None else o for w, o in zip(words, options, strict=True)]
    breaks = list(compress(range(len(words)), map(is_, words, repeat(PARAGRAPH))))
    family = index.family
    cover_end, cover_family, cover_length = 0, NEUTRAL, 0  # the phrase that covers words up to cover_end
    for i in compress(range(len(words)), options):
        passage = bisect(breaks, i)
        done: set[int] = set()
        for t, cue in options[i]:
            if t in done or (t != NEUTRAL and free_from[t] > i):
                continue
            n = len(cue.words)
            # A one-word cue offered here matches by construction.
            if (n > 1 or cue.exact_case) and not _cue_at(words, i, cue):
                continue
            mine = NEUTRAL if t == NEUTRAL else family[t]
            if i + n <= cover_end and n < cover_length and mine != cover_family:
                continue  # inside a longer phrase of another subject, or a neutral one
            if n > 1 and i + n > cover_end:
                cover_end, cover_family, cover_length = i + n, mine, n
            done.add(t)
            if t == NEUTRAL:
                continue
            if counts[t] is _NONE:
                counts[t] = Counter()
            counts[t][cue] += 1
            passages[t].append(passage)
            positions[t].append(i)
            free_from[t] = i + len(cue.words)
    return counts, passages, positions
