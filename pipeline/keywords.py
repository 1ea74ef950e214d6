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
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter
from typing import NamedTuple

import pandas as pd
from spacy.tokens import Doc

from .token_strings import decode
from .token_table import token_table

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


@dataclass  # not frozen: a frozen dataclass's __init__ sets each field through object.__setattr__ (slow)
class KeyphraseCandidate:
    """One de-duplicated candidate of one document, flat so that it can be cached as an Arrow row."""

    lemma: str  # de-duplication key: lower-cased lemmas, articles dropped, prepositions normalised
    surface: str  # the most frequent surface form as written (first seen on ties)
    first_offset: int  # character offset of the first occurrence in the analysed text
    first_sentence: int  # index of the sentence of the first occurrence (0 = the first sentence)
    rel_position: float  # first_offset / length of the text, in [0, 1)
    frequency: int  # occurrences of the phrase (as a phrase or inside a longer one)
    sentence_count: int  # distinct sentences it occurs in
    in_title: bool  # occurs in the title line (see title_span), where news and press releases state the topic
    n_words: int  # content words (nouns, names, adjectives, numbers)
    is_name: bool  # made of proper names / acronyms / numbers only
    has_name: bool  # contains a proper name ("capsule Dragon", "tournoi de Wimbledon")
    is_acronym: bool  # a single all-capitals token ("NASA", "OTAN")
    has_function_word: bool  # contains a preposition ("tournoi de Wimbledon")
    head: str  # lemma of the head word (first noun, or the whole name)
    container_share: float  # largest share of its occurrences inside one longer (<= 3 words) candidate


CANDIDATE_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(KeyphraseCandidate))

# ----------------------------------------------------------------------------- token roles
# One letter per token, so that phrase patterns are regular expressions over a string:
#   N noun, G generic noun (GENERIC_NOUNS), P proper name / acronym, A adjective (or past participle),
#   M number, E preposition, D article after a preposition, L link inside a name, x anything else.
_PREPOSITIONS = {"de", "d'", "d\u2019", "du", "des", "contre"}
_NAME_LINKS = {"of", "&", "and"}  # inside foreign names: "Empress of Ireland", "Sterling & Francine Clark"
_ARTICLES = {"le", "la", "l'", "l\u2019", "les", "un", "une"}
_NOUN_SUFFIXES = ("tion", "sion", "ment", "isme", "iste", "ité", "ance", "ence", "eur", "age", "ure")
# Nouns that are almost never a keyphrase on their own: time units, days, months, vague quantities, words
# of the reporting frame and the nouns of prepositional locutions ("en matière de", "dans le cadre de",
# "au sein de", "mise en œuvre"). They may still occur inside a longer phrase ("niveau de vie", "50 ans").
_GENERIC = """
    an année jour journée mois semaine heure minute seconde fois moment période temps date siècle
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
    septembre octobre novembre décembre matin soir midi nuit veille lendemain
    nombre partie part cas lieu façon manière sorte type chose fait point côté fin début suite cours
    ensemble total reste plupart moitié dizaine centaine millier million milliard trentaine vingtaine
    monsieur madame m. mme mr personne gens homme femme
    article page site source lien photo image version texte communiqué presse information contact
    chose objet effet raison question sujet exemple niveau place rôle compte mesure
    matière égard vue terme faveur occasion cadre sein mise besoin manque lors hauteur
    euro dollar
"""
GENERIC_NOUNS = frozenset(_GENERIC.split())
# Title lines made only of these (and short words) are headers, not titles: "Communiqué de presse".
_HEADER_WORDS = frozenset(_w for _w in (*GENERIC_NOUNS, "communiqué", "presse", "informations")) | {
    "de", "du", "des", "la", "le", "les", "et", "en", "pour"
}  # fmt: skip
# Phrase shapes over roles. A core is a noun phrase (prenominal adjectives, a noun, then adjectives,
# names or numbers) or a name (names, numbers, name links) with optional adjectives; cores are chained
# by a preposition with an optional article and number ("défaillance des deux moteurs").
_CORE = r"(?:A{0,2}(?:NN?|G)[APM]*|P(?:[PM]|LP)*A*)"
_LINK = rf"(?:ED?M?{_CORE}|FN[APM]*)"  # "à" only before a bare noun: "appel à projets", not "à Paris"
_PHRASE = re.compile(rf"{_CORE}{_LINK}{{0,2}}")
_CHUNK = re.compile(rf"{_CORE}{_LINK}*")
_NAME_RUN = re.compile(r"P[PML]*")
_MAX_CONTENT = 7
# A year or version number after a name may be left out: "Vendée Globe 2012-2013", "Ubuntu 12.10".
_YEAR_OR_VERSION = re.compile(r"(?:1[89]|20)\d\d(?:-(?:1[89]|20)?\d\d)?|\d+[.,]\d+(?:[.,]\d+)*")


class _Tokens(NamedTuple):
    """The attributes of a document's tokens that the extraction reads, as columns indexed by token (Doc
    index). Read in bulk with Doc.to_array: Token objects are slow to build and to read, and one Python
    object per token would cost about as much again."""

    text: list[str]
    lower: list[str]
    pos: list[str]  # coarse POS tag name ("NOUN")
    lemma: list[str]
    ent_type: list[str]  # "" outside entities
    ent_iob: list[str]  # "B", "I", "O" or ""
    whitespace: list[str]  # " " or "" after the token
    is_space: list[int]  # 0 / 1 flags
    like_num: list[int]
    idx: list[int]  # character offset in the text
    verb_form: list[list[str]]  # VerbForm values of the morphology
    tense: list[list[str]]

    def prev_pos(self, i: int) -> str:
        """POS of the token before token i in the document ("" for the first one)."""
        return self.pos[i - 1] if i else ""


_IOB = {0: "", 1: "I", 2: "O", 3: "B"}


def _records(doc: Doc) -> tuple[_Tokens, str]:
    """The tokens of `doc` and its text: the document's TokenTable (read once for every stage) and the
    three attributes only keyphrases need (lemma, entity type and IOB)."""
    if not len(doc):
        return _Tokens([], [], [], [], [], [], [], [], [], [], [], []), ""
    table = token_table(doc)
    lemma, ent, iob = doc.to_array(["LEMMA", "ENT_TYPE", "ENT_IOB"]).T.tolist()
    strings = doc.vocab.strings
    tokens = _Tokens(
        text=table.words,
        lower=table.lower,
        pos=table.pos,
        lemma=decode(strings, lemma),
        ent_type=decode(strings, ent),
        ent_iob=[_IOB.get(v, "") for v in iob],
        whitespace=[" " if s else "" for s in table.spaced],
        is_space=table.space,
        like_num=table.num,
        idx=table.idx,
        verb_form=table.morph("VerbForm"),
        tense=table.morph("Tense"),
    )
    return tokens, table.text


@lru_cache(maxsize=65536)
def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and text[0].isalnum()


_NEVER_NAMES = ("DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PRON", "AUX", "SPACE")


def _is_name_token(t: _Tokens, i: int, sent_start: int) -> bool:
    """A proper-name token: tagged PROPN, an acronym, or a capitalised word inside a named entity."""
    pos = t.pos[i]
    return pos not in _NEVER_NAMES and _is_name_word(t.text[i], pos, bool(t.ent_type[i]), i == sent_start)


@lru_cache(maxsize=65536)
def _is_name_word(text: str, pos: str, in_entity: bool, sent_start: bool) -> bool:
    """_is_name_token on the only values it reads, for a POS it has let through (cached: it runs on
    every token, and words repeat)."""
    if not any(c.isalnum() for c in text):
        return False
    if _is_acronym(text) or (any(c.isdigit() for c in text) and any(c.isupper() for c in text)):
        return True
    if pos == "PROPN":
        # A capitalised first word that the entity recogniser does not take is an ordinary word tagged
        # PROPN because of its capital ("Déjà", "Permet").
        return (text[0].isupper() or text[0].isdigit()) and not (sent_start and not in_entity)
    return in_entity and text[0].isupper() and not sent_start


def _is_nounish(t: _Tokens, i: int, lo: int, hi: int) -> bool:
    """VERB/ADJ tags that are nouns in context (token i of the sentence tokens lo..hi): after an article
    and heading their phrase ("les islamistes", "l'armée", "les fortes températures"), or with a noun
    suffix and no verb form."""
    pos = t.pos
    if pos[i] not in ("VERB", "ADJ") or not t.text[i][:1].isalpha():
        return False
    verb_form = t.verb_form[i]
    if "Inf" in verb_form or "Fin" in verb_form:
        return False
    heads_phrase = i + 1 >= hi or pos[i + 1] not in ("NOUN", "PROPN", "ADJ")
    after_article = i > lo and (pos[i - 1] == "DET" or (pos[i - 1] == "ADJ" and t.prev_pos(i - 1) == "DET"))
    if after_article and heads_phrase:
        return True
    return t.lower[i].endswith(_NOUN_SUFFIXES) and "Part" not in verb_form


class _Words(NamedTuple):
    """The words of one sentence -- a word is one token, or a compound that spaCy split at its hyphens
    ("beaux-arts", "Sables-d'Olonne") -- as columns: one object per sentence, not one per word."""

    roles: str  # one role letter per word (see the role letters above)
    keys: list[str]  # the lemma used in the de-duplication key (_unit_key)
    starts: list[int]  # character offsets of the word in the document
    ends: list[int]
    iobs: list[str]  # entity IOB tag of the first token


def _joins(t: _Tokens, i: int, start: int) -> bool:
    """Whether token i continues the compound word of tokens start..i-1: no space between them and a
    hyphen on either side, an elided "d'" inside a hyphenated compound, an English possessive, or capitals
    after a number ("5G")."""
    if t.whitespace[i - 1] or t.is_space[i - 1] or t.is_space[i]:
        return False
    prev, text = t.text[i - 1], t.text[i]
    if prev == "-" and i - start > 1:
        return text[:1].isalnum()
    if text == "-":
        return prev[-1:].isalnum()
    if prev.isdigit() and i - start == 1 and text.isalpha() and text.isupper() and len(text) <= 3:
        return True  # spaCy splits "5G", "3D" like a quantity and its unit
    if prev.endswith(("'", "’")):
        hyphenated = "-" in t.text[start:i]
        return (hyphenated and text[:1].isalpha()) or (t.lower[i] == "s" and prev[:1].isupper())
    return False


def _word_bounds(t: _Tokens, lo: int, hi: int) -> list[int]:
    """Where each word of the sentence tokens lo..hi starts, then hi: word k is tokens bounds[k] to
    bounds[k + 1] - 1. Words are runs of tokens (see _joins), so the neighbours of a word are the tokens
    around it."""
    bounds = [lo]
    start = lo
    whitespace = t.whitespace
    for i in range(lo + 1, hi):
        # Most tokens are followed by a space: test that before calling _joins.
        if whitespace[i - 1] or not _joins(t, i, start):
            if i - start > 1 and t.text[i - 1] == "-":
                bounds.append(i - 1)  # a trailing hyphen ("anti-") is not part of the word
            bounds.append(i)
            start = i
    if hi - start > 1 and t.text[hi - 1] == "-":
        bounds.append(hi - 1)
    bounds.append(hi)
    return bounds


def _is_past_participle(t: _Tokens, i: int) -> bool:
    """Post-nominal participles modify the noun like adjectives ("emplois menacés", "fin programmée");
    after an auxiliary they are verbs ("a fait faillite")."""
    return t.pos[i] == "VERB" and "Part" in t.verb_form[i] and "Past" in t.tense[i] and t.prev_pos(i) != "AUX"


def _compound_role(t: _Tokens, lo: int, hi: int, sent_start: int) -> str:
    parts = [k for k in range(lo, hi) if t.text[k][:1].isalnum()]
    if not parts:
        return "x"
    if all(t.like_num[k] or t.text[k].replace(",", "").replace(".", "").isdigit() for k in parts):
        return "M"
    capitalised = [k for k in parts if t.text[k][:1].isupper() and k != sent_start]
    if capitalised or any(_is_name_token(t, k, sent_start) for k in parts[1:]):
        return "P"
    return "N"


def _word_role(t: _Tokens, i: int, lo: int, hi: int) -> str:
    """The role of the one-token word i of the sentence tokens lo..hi (this runs on every token)."""
    text = t.text[i]
    pos = t.pos[i]
    low = t.lower[i]
    if t.is_space[i] or "\n" in text:
        return "x"
    if _is_name_token(t, i, lo):
        return "P"
    if low in _NAME_LINKS and lo < i < hi - 1 and t.text[i + 1][:1].isupper():
        return "L"
    if pos == "DET" and low in _ARTICLES:
        return "D"
    if t.like_num[i] or pos == "NUM":
        return "M"
    # (the tests on `pos` spare the calls that could only say no)
    if (pos == "NOUN" and text[:1].isalpha()) or (pos in ("VERB", "ADJ") and _is_nounish(t, i, lo, hi)):
        return "N"
    if (pos == "ADJ" and text[:1].isalpha()) or (pos == "VERB" and _is_past_participle(t, i)):
        return "A"
    if pos == "ADP" and low in _PREPOSITIONS:
        return "E"
    if pos == "ADP" and low == "à":
        return "F"
    return "x"


_PARTICLE = re.compile("(?<=P)E(?=P)")


def _words(t: _Tokens, lo: int, hi: int) -> _Words:
    """The words of the sentence tokens lo..hi with their roles (see the role letters above)."""
    bounds = _word_bounds(t, lo, hi)
    firsts = bounds[:-1]  # the first token of each word
    roles = [
        _word_role(t, a, lo, hi) if b - a == 1 else _compound_role(t, a, b, lo) for a, b in pairwise(bounds)
    ]
    # A particle inside a person's name links its two halves: "Nick de Santis", "Charles de Gaulle".
    iob, ent_type = t.ent_iob, t.ent_type
    for particle in _PARTICLE.finditer("".join(roles)):
        k = particle.start()
        if iob[firsts[k]] == "I" and iob[firsts[k + 1]] == "I" and ent_type[firsts[k]] == "PER":
            roles[k] = "L"
    keys = [_unit_key(t, a, b, role) for (a, b), role in zip(pairwise(bounds), roles, strict=True)]
    # Generic nouns head their own phrase ("niveau de vie", "fin programmée") but never stand next to
    # another noun: "aura lieu lundi" gives no "lieu lundi".
    for k, role in enumerate(roles):
        if role == "N" and (keys[k] in GENERIC_NOUNS or t.lower[firsts[k]] in GENERIC_NOUNS):
            roles[k] = "G"
    idx, text = t.idx, t.text
    return _Words(
        roles="".join(roles),
        keys=keys,
        starts=[idx[a] for a in firsts],
        ends=[idx[b - 1] + len(text[b - 1]) for b in bounds[1:]],
        iobs=[iob[a] for a in firsts],
    )


_PREPOSITION_KEYS = {"d'": "de", "d\u2019": "de", "du": "de", "des": "de"}


def _unit_key(t: _Tokens, lo: int, hi: int, role: str) -> str:
    """The lemma of the word of tokens lo..hi-1 used in the de-duplication key."""
    if hi - lo > 1 or role in "PML":
        written = "".join([t.text[k] + t.whitespace[k] for k in range(lo, hi)])
        return written.strip().lower().replace("\u2019", "'")
    if role in "EF":
        return _PREPOSITION_KEYS.get(t.lower[lo], t.lower[lo])
    return (t.lemma[lo] or t.text[lo]).lower()


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Accent- and case-insensitive form, to merge lemmatiser variants of the same word (cached: the
    corpus pass folds every candidate of every document, and phrases recur across documents)."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


# ----------------------------------------------------------------------------- per-document pass
@dataclass(slots=True)
class _Acc:
    surfaces: dict[str, int]
    first_offset: int
    first_sentence: int
    frequency: int
    sentences: set[int]
    n_words: int
    is_name: bool
    has_name: bool
    is_acronym: bool
    has_function_word: bool
    head: str
    words: tuple[str, ...]
    generic: bool  # a single generic noun
    spans: list[tuple[int, int, int]]  # (sentence, first word, end word) of each occurrence


def keyphrase_candidates(doc: Doc) -> list[KeyphraseCandidate]:
    """All candidate phrases of one document with their in-document features (sorted by first offset)."""
    tokens, text = _records(doc)
    text_len = max(len(text), 1)
    # Sentence bounds only: iterating a Span builds a Token object per token.
    sents = [(s.start, s.end) for s in doc.sents]
    sents = [(lo, hi) for lo, hi in sents if not all(tokens.is_space[lo:hi])]
    title = title_span(text)
    title_sents = {k for k, (lo, _) in enumerate(sents) if title and title[0] <= tokens.idx[lo] < title[1]}
    acc: dict[str, _Acc] = {}
    for s_idx, (lo, hi) in enumerate(sents):
        words = _words(tokens, lo, hi)
        for i, j, shape in _phrase_spans(words):
            _add(acc, words, i, j, shape, s_idx, text)
    _merge_short_names(acc)
    shares = _container_shares(acc)
    out = []
    for key, a in acc.items():
        surface = max(a.surfaces, key=a.surfaces.__getitem__)  # the first seen on ties
        if (a.n_words == 1 and a.generic) or _too_short(surface, a.is_acronym, a.is_name):
            continue
        out.append(
            KeyphraseCandidate(
                lemma=key,
                surface=surface,
                first_offset=a.first_offset,
                first_sentence=a.first_sentence,
                rel_position=round(a.first_offset / text_len, 6),
                frequency=a.frequency,
                sentence_count=len(a.sentences),
                in_title=not a.sentences.isdisjoint(title_sents),
                n_words=a.n_words,
                is_name=a.is_name,
                has_name=a.has_name,
                is_acronym=a.is_acronym,
                has_function_word=a.has_function_word,
                head=a.head,
                container_share=round(shares[key], 6) if key in shares else 0.0,
            )
        )
    out.sort(key=attrgetter("first_offset", "lemma"))
    return out


_DATELINE = re.compile(
    r"^\W*(?:[^\W\d][\w'\- ]{0,40},\s*)?"  # a place and a comma: "Paris, "
    r"(?:(?:le|du)\s+)?(?:[^\W\d]+\.?\s+)?"  # "le", a weekday
    r"\d{1,2}(?:er)?\s+[^\W\d]+\.?\s+\d{4}\b"  # "12 mars 2024"
)
_MAX_TITLE_WORDS = 30


def title_span(text: str, max_lines: int = 3) -> tuple[int, int] | None:
    """(start, end) of the title: the first of the first `max_lines` non-empty lines that reads as a
    headline -- at most 30 words, no final full stop, not a dateline ("Paris, le 12 mars 2024") and not
    only generic words ("Communiqué de presse"). None when the text opens with body prose."""
    pos = 0
    seen = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > max_lines:
            return None
        words = re.findall(r"[^\W\d_][\w'\-]*", stripped)
        if len(stripped.split()) > _MAX_TITLE_WORDS or stripped.endswith((".", ";", ",")):
            return None  # body prose first: no title
        if _DATELINE.match(stripped) or all(w.lower() in _HEADER_WORDS or len(w) < 3 for w in words):
            continue
        return (start + line.index(stripped[0]), start + len(line.rstrip()))
    return None


class _Shape(NamedTuple):
    """What the role string of a phrase tells about it (cached: a few hundred shapes make a corpus)."""

    key_at: tuple[int, ...]  # the words of the de-duplication key: all but the articles
    has_article: bool
    word_at: tuple[int, ...]  # nouns, names and adjectives
    head_at: int | None  # the first noun; None for names and phrases without a noun (head: the whole key)
    n_words: int
    is_name: bool
    has_name: bool
    has_function_word: bool
    generic: bool


@lru_cache(maxsize=4096)
def _shape(roles: str) -> _Shape:
    is_name = all(r in "PML" for r in roles)
    noun = re.search("[NG]", roles)
    return _Shape(
        key_at=tuple(k for k, r in enumerate(roles) if r != "D"),
        has_article="D" in roles,
        word_at=tuple(k for k, r in enumerate(roles) if r in "NGPA"),
        head_at=None if is_name or noun is None else noun.start(),
        n_words=sum(r in "NGPAM" for r in roles),
        is_name=is_name,
        has_name="P" in roles,
        has_function_word="E" in roles or "F" in roles,
        generic=roles == "G",
    )


_NAME_AFTER_NAME = re.compile(r"(?<=[PM])P")


def _phrase_spans(words: _Words) -> list[tuple[int, int, _Shape]]:
    """(start, end) word indices and shape of every well-formed phrase of a sentence."""
    roles = words.roles
    # Two names side by side ("la Polonaise Agnieszka Radwanska") are two phrases: cut where the
    # entity recogniser starts a new entity right after a name.
    cuts = [0]
    cuts += [m.start() for m in _NAME_AFTER_NAME.finditer(roles) if words.iobs[m.start()] == "B"]
    cuts.append(len(roles))
    segments = list(zip(cuts[:-1], cuts[1:], strict=True))
    # A name is never split: "Human Rights Watch" gives no "Rights", "Serena Williams" no "Serena".
    inside = [False] * (len(roles) + 1)  # inside[i]: word i continues the name of word i - 1
    for lo, hi in segments:
        for run in _NAME_RUN.finditer(roles, lo, hi):
            for i in range(run.start() + 1, run.end()):
                inside[i] = True
    spans = []
    for lo, hi in segments:
        for chunk in _CHUNK.finditer(roles, lo, hi):
            c_lo, c_hi = chunk.span()
            no_start: tuple[int, ...] = ()
            no_end: tuple[int, ...] = ()
            if True in inside[c_lo : c_hi + 1]:
                no_start = tuple(i - c_lo for i in range(c_lo, c_hi) if inside[i])
                no_end = tuple(
                    j - c_lo
                    for j in range(c_lo + 1, c_hi + 1)
                    if inside[j] and not (roles[j] == "M" and _YEAR_OR_VERSION.fullmatch(words.keys[j]))
                )
            chunk_spans = _chunk_spans(roles[c_lo:c_hi], no_start, no_end)
            spans += [(c_lo + i, c_lo + j, shape) for i, j, shape in chunk_spans]
    return spans


@lru_cache(maxsize=65536)
def _chunk_spans(
    shape: str, no_start: tuple[int, ...], no_end: tuple[int, ...]
) -> tuple[tuple[int, int, _Shape], ...]:
    """(start, end, shape) of the well-formed phrases of one chunk of roles, given the positions inside a
    name where a phrase may not start (`no_start`) or end (`no_end`). Cached: a few hundred chunk shapes
    make most of a corpus."""
    spans = []
    for i in range(len(shape)):
        if shape[i] not in "ANPG" or i in no_start:
            continue
        for j in range(i + 1, len(shape) + 1):
            sub = shape[i:j]
            if sum(c in "NGPAM" for c in sub) > _MAX_CONTENT:
                break
            if j not in no_end and _PHRASE.fullmatch(sub):
                spans.append((i, j, _shape(sub)))
    return tuple(spans)


def _add(acc: dict[str, _Acc], words: _Words, i: int, j: int, shape: _Shape, s_idx: int, text: str) -> None:
    """Count the phrase of words[i:j] (sentence s_idx) in its candidate, made on its first occurrence."""
    keys = words.keys
    key = " ".join([keys[i + k] for k in shape.key_at]) if shape.has_article else " ".join(keys[i:j])
    surface = text[words.starts[i] : words.ends[j - 1]]
    a = acc.get(key)
    if a is None:
        a = acc[key] = _Acc(
            surfaces={},
            first_offset=words.starts[i],
            first_sentence=s_idx,
            frequency=0,
            sentences=set(),
            n_words=shape.n_words,
            is_name=shape.is_name,
            has_name=shape.has_name,
            is_acronym=j - i == 1 and _is_acronym(surface),
            has_function_word=shape.has_function_word,
            head=key if shape.head_at is None else keys[i + shape.head_at],
            words=tuple([keys[i + k] for k in shape.word_at]),
            generic=shape.generic,
            spans=[],
        )
    a.surfaces[surface] = a.surfaces.get(surface, 0) + 1
    a.frequency += 1
    a.sentences.add(s_idx)
    a.spans.append((s_idx, i, j))


def _container_shares(acc: dict[str, _Acc], max_words: int = 3) -> dict[str, float]:
    """For each candidate, the largest share of its occurrences that fall inside one longer candidate of
    at most `max_words` words: 1.0 means it never occurs outside that phrase ("vigilance" in
    "vigilance orange", "Maudit" in "mont Maudit")."""
    by_sentence: dict[int, list[tuple[int, int, str]]] = defaultdict(list)  # the possible containers
    for key, a in acc.items():
        if a.n_words <= max_words:
            for s, i, j in a.spans:
                if j - i > 1:  # a container is longer than the (non-empty) phrase it contains
                    by_sentence[s].append((i, j, key))
    shares: dict[str, float] = {}
    for key, a in acc.items():
        inside: dict[str, int] = {}  # longer candidate -> occurrences of `key` inside it
        for s, i, j in a.spans:
            for i2, j2, other in by_sentence.get(s, ()):
                if i2 <= i and j <= j2 and (j2 - i2) > (j - i) and other != key:
                    inside[other] = inside.get(other, 0) + 1
        if inside:
            shares[key] = max(inside.values()) / a.frequency
    return shares


_SHORT_WORDS = _PREPOSITIONS | _ARTICLES
_WORD_SEPARATORS = re.compile(r"[\s']+")


@lru_cache(maxsize=65536)
def _too_short(surface: str, is_acronym: bool, is_name: bool) -> bool:
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


def _merge_short_names(acc: dict[str, _Acc]) -> None:
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
        target = max(targets, key=lambda b: (b.frequency, -b.first_offset))
        target.frequency += a.frequency
        target.sentences |= a.sentences
        target.spans += a.spans
        if a.first_offset < target.first_offset:
            target.first_offset, target.first_sentence = a.first_offset, a.first_sentence
        del acc[key]


# ----------------------------------------------------------------------------- corpus pass
_RANK_COLUMNS = ["doc_id", "rank", "keyword", "lemma", "score"]
_RANK_DTYPES = ["object", "int64", "object", "object", "float64"]

# Ranking weights (see docs and rank_keyphrases). Round values, chosen on the dev part of WikiNews-fr as a
# whole and checked on its two halves; each one is a known regularity of news writing.
TITLE_WEIGHT = 3.0  # an occurrence in the title counts as much as three more occurrences
NAME_WEIGHT = 0.5  # proper names and designations ("capsule Dragon") are 1.5 times as likely
LENGTH_DECAY = 0.8  # each extra word: a longer phrase is rarer and must earn its rank
CONTAINED_PENALTY = 0.3  # a word that never occurs outside one short phrase ("Maudit" in "mont Maudit")
IDF_EXPONENT = 0.5  # damped: in a small corpus one shared word must not sink a topic


def candidate_scores(candidates: pd.DataFrame, idf: pd.Series) -> pd.Series:
    """score = frequency x title x name x length x containment x idf (all multiplicative, all >= 0).

    frequency: occurrences in the document (TF, the strongest single signal on news);
    title: 1 + TITLE_WEIGHT when the phrase occurs in the title line (FirstPhrases: position matters);
    name: 1 + NAME_WEIGHT for names, acronyms and noun + name designations without a preposition;
    length: LENGTH_DECAY ** (words - 1);
    containment: CONTAINED_PENALTY when every occurrence lies inside one longer phrase of <= 3 words
    (the longer phrase is the keyphrase, its fragments are not);
    idf: (ln((1 + N) / (1 + df)) + 1) ** IDF_EXPONENT over the N documents ranked together (1 when N = 1).
    """
    c = candidates
    name_like = c["is_name"].astype(bool) | (
        c["has_name"].astype(bool) & ~c["has_function_word"].astype(bool)
    )
    words = c["n_words"].clip(lower=1).astype(float)
    return (
        c["frequency"].astype(float)
        * (1.0 + TITLE_WEIGHT * c["in_title"].astype(float))
        * (1.0 + NAME_WEIGHT * name_like.astype(float))
        * LENGTH_DECAY ** (words - 1.0)
        * (1.0 - (1.0 - CONTAINED_PENALTY) * (c["container_share"].astype(float) >= 1.0))
        * idf**IDF_EXPONENT
    )


# Neutral values for ranking features missing from candidate rows (cached by an older version).
_NEUTRAL: dict[str, object] = {
    "in_title": False,
    "is_name": False,
    "has_name": False,
    "has_function_word": False,
    "n_words": 1,
    "container_share": 0.0,
}


def rank_keyphrases(candidates: pd.DataFrame, top_k: int = 10) -> pd.DataFrame:
    """The top_k keyphrases of each document: columns doc_id, rank (1-based), keyword, lemma, score.

    `candidates`: KeyphraseCandidate fields plus doc_id, for every document of the corpus. Document
    frequencies are counted over the distinct doc_ids present. Deterministic: ties are broken by first
    offset, then lemma; one row per lemma and per accent/case-folded surface form.
    """
    if candidates is None or len(candidates) == 0:
        return rank_with_frequencies(candidates, 0, {}, top_k)
    ids = candidates["doc_id"].astype(str) if "doc_id" in candidates else None
    if ids is None or "lemma" not in candidates:
        return rank_with_frequencies(candidates, 0, {}, top_k)  # raises the missing-column error
    doc_freq = pd.DataFrame({"d": ids, "l": candidates["lemma"]}).drop_duplicates().groupby("l").size()
    return rank_with_frequencies(candidates, ids.nunique(), doc_freq.to_dict(), top_k)


def rank_with_frequencies(
    candidates: pd.DataFrame | None, n_docs: int, document_frequency: Mapping[str, int], top_k: int = 10
) -> pd.DataFrame:
    """rank_keyphrases for some documents of a corpus whose size and lemma document frequencies are known
    (a distributed corpus pass ranks its parts with the frequencies of the whole corpus)."""
    if candidates is None or len(candidates) == 0 or top_k <= 0:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(_RANK_COLUMNS, _RANK_DTYPES, strict=True)})
    df = candidates.copy()
    missing = {"doc_id", "lemma", "surface", "frequency", "first_offset"} - set(df.columns)
    if missing:
        raise ValueError(f"keyphrase candidates lack column(s) {', '.join(sorted(missing))}")
    for column, default in _NEUTRAL.items():  # rows cached by an older version lack newer features
        if column not in df.columns:
            df[column] = default
    df["doc_id"] = df["doc_id"].astype(str)
    df = df.sort_values(["doc_id", "first_offset", "lemma"], kind="stable")
    df = df.drop_duplicates(["doc_id", "lemma"], keep="first")
    doc_freq = df["lemma"].map(lambda lemma: document_frequency.get(lemma, 1)).astype(float)
    idf = (((1.0 + n_docs) / (1.0 + doc_freq)).map(math.log) + 1.0).astype(float)
    df["score"] = candidate_scores(df, idf).round(6)
    df = df.sort_values(
        ["doc_id", "score", "first_offset", "lemma"], ascending=[True, False, True, True], kind="stable"
    )
    folded = df["surface"].map(_fold)
    df = df[~pd.DataFrame({"d": df["doc_id"], "f": folded}).duplicated()]
    df["rank"] = df.groupby("doc_id").cumcount() + 1
    df = df[df["rank"] <= top_k]
    out = df.rename(columns={"surface": "keyword"})[_RANK_COLUMNS].reset_index(drop=True)
    out["rank"] = out["rank"].astype("int64")
    out["score"] = out["score"].astype("float64")
    return out


def candidates_frame(doc_id: str, cands: list[KeyphraseCandidate]) -> pd.DataFrame:
    """Candidates of one document as a DataFrame with a doc_id column (tests, benchmarks)."""
    frame = pd.DataFrame([asdict(c) for c in cands], columns=list(CANDIDATE_COLUMNS))
    frame.insert(0, "doc_id", doc_id)
    return frame
