"""Words and their roles: tokens are grouped into written words (spaCy splits hyphenated compounds) and
each word gets one role letter, so that phrase shapes can be matched as regular expressions over a
string (see phrases.py)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from ..french_words import COURTESY_TITLES, ROLE_ADJECTIVES, ROLE_NOUNS
from .tokens import Tokens
from .vocabulary import (
    ARTICLES,
    CURRENCIES,
    GENERIC_NOUNS,
    NAME_LINKS,
    NOUN_SUFFIXES,
    PREPOSITION_KEYS,
    PREPOSITIONS,
)

# The role letters, one per word:
#   N noun, G generic noun (GENERIC_NOUNS), P proper name / acronym, A adjective (or past participle),
#   M number, E preposition (F: "à"), D article after a preposition, L link inside a name, x anything else.


@lru_cache(maxsize=65536)
def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and text[0].isalnum()


_NEVER_NAMES = ("DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PRON", "AUX", "SPACE")


def _is_name_token(t: Tokens, i: int, sent_start: int) -> bool:
    """A proper-name token: tagged PROPN, an acronym, or a capitalised word inside a named entity."""
    pos = t.pos[i]
    return pos not in _NEVER_NAMES and _is_name_word(t.text[i], pos, bool(t.ent_type[i]), i == sent_start)


@lru_cache(maxsize=65536)
def _is_name_word(text: str, pos: str, in_entity: bool, sent_start: bool) -> bool:
    """_is_name_token on the only values it reads, for a POS it has let through (cached: it runs on
    every token, and words repeat)."""
    if not any(c.isalnum() for c in text):
        return False
    if is_acronym(text) or (any(c.isdigit() for c in text) and any(c.isupper() for c in text)):
        return True
    if pos == "PROPN":
        # A capitalised first word that the entity recogniser does not take is an ordinary word tagged
        # PROPN because of its capital ("Déjà", "Permet").
        return (text[0].isupper() or text[0].isdigit()) and not (sent_start and not in_entity)
    return in_entity and text[0].isupper() and not sent_start


def _is_nounish(t: Tokens, i: int, lo: int, hi: int) -> bool:
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
    return t.lower[i].endswith(NOUN_SUFFIXES) and "Part" not in verb_form


class Words(NamedTuple):
    """The words of one sentence -- a word is one token, or a compound that spaCy split at its hyphens
    ("beaux-arts", "Sables-d'Olonne") -- as columns: one object per sentence, not one per word."""

    roles: str  # one role letter per word (see the role letters above)
    keys: list[str]  # the lemma used in the de-duplication key (_unit_key)
    starts: list[int]  # character offsets of the word in the document
    ends: list[int]
    iobs: list[str]  # entity IOB tag of the first token
    places: list[bool]  # the first token is in a place entity (LOC)
    governing: frozenset[int]  # participles followed by their complement ("destiné à"): no phrase ends there


def _joins(t: Tokens, i: int, start: int) -> bool:
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


def _word_bounds(t: Tokens, lo: int, hi: int) -> list[int]:
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


def _is_past_participle(t: Tokens, i: int) -> bool:
    """Post-nominal participles modify the noun like adjectives ("emplois menacés", "fin programmée");
    after an auxiliary they are verbs ("a fait faillite")."""
    return t.pos[i] == "VERB" and "Part" in t.verb_form[i] and "Past" in t.tense[i] and t.prev_pos(i) != "AUX"


def _compound_role(t: Tokens, lo: int, hi: int, sent_start: int) -> str:
    parts = [k for k in range(lo, hi) if t.text[k][:1].isalnum()]
    if not parts:
        return "x"
    if all(t.like_num[k] or t.text[k].replace(",", "").replace(".", "").isdigit() for k in parts):
        return "M"
    capitalised = [k for k in parts if t.text[k][:1].isupper() and k != sent_start]
    if capitalised or any(_is_name_token(t, k, sent_start) for k in parts[1:]):
        return "P"
    return "N"


def _word_role(t: Tokens, i: int, lo: int, hi: int) -> str:
    """The role of the one-token word i of the sentence tokens lo..hi (this runs on every token)."""
    text = t.text[i]
    pos = t.pos[i]
    low = t.lower[i]
    if t.is_space[i] or "\n" in text:
        return "x"
    if low in COURTESY_TITLES:
        return "x"  # "M. Nikol Pachinian" is "Nikol Pachinian"
    if _is_name_token(t, i, lo):
        return "P"
    if low in NAME_LINKS and lo < i < hi - 1 and t.text[i + 1][:1].isupper():
        return "L"
    if pos == "DET" and low in ARTICLES:
        return "D"
    if t.like_num[i] or pos == "NUM":
        return "M"
    # (the tests on `pos` spare the calls that could only say no)
    if pos == "NOUN" and text[:1].isalpha():
        return "x" if i + 1 < hi and t.lower[i + 1] in _INDEFINITE and t.prev_pos(i) != "DET" else "N"
    if pos in ("VERB", "ADJ") and _is_nounish(t, i, lo, hi):
        return "N"
    if (pos == "ADJ" and text[:1].isalpha()) or (pos == "VERB" and _is_past_participle(t, i)):
        return "A"
    if pos == "ADP" and low in PREPOSITIONS:
        return "E"
    if pos == "ADP" and low == "à":
        return "F"
    return "x"


# A word tagged NOUN right before "un"/"une" and after no article is a verb of a headline-style
# sentence that the tagger read as a noun ("Le Département vote un plan", "La ville lance une
# consultation"): a noun takes its complement through a preposition, not an article.
_INDEFINITE = frozenset({"un", "une"})
_PARTICLE = re.compile("(?<=P)E(?=P)")
_BETWEEN_NAMES = re.compile("(?<=P)x(?=P)")
_CAPITAL_PARTICLES = frozenset({"LE", "LA", "DE", "DU", "DES", "DI", "DA", "VAN", "VON", "BEN", "EL"})
_ROLE_ADJECTIVES = frozenset(ROLE_ADJECTIVES) | {"premier", "première"}


def _titles_and_particles(t: Tokens, firsts: list[int], bounds: list[int], roles: list[str]) -> None:
    """Two things capitals hide from the name rules: a role written with a capital before a name is a
    common noun ("le Premier Ministre Awa Diallo": the name is "Awa Diallo"), and a particle in
    capitals inside a name in capitals links it ("Jean LE GALL")."""
    last = len(roles) - 1
    lower = [t.lower[a] for a in firsts]
    for k, role in enumerate(roles):
        if bounds[k + 1] - bounds[k] != 1:
            continue
        low = lower[k]
        if role == "P" and low in ROLE_NOUNS:
            roles[k] = "N"
        elif role == "P" and low in _ROLE_ADJECTIVES and _next_to_role(lower, k):
            roles[k] = "A"  # "Premier Ministre", "Secrétaire Général", not "Premier League"
        elif 0 < k < last and t.text[firsts[k]] in _CAPITAL_PARTICLES and roles[k - 1] == roles[k + 1] == "P":
            roles[k] = "L"


def _next_to_role(lower: list[str], k: int) -> bool:
    return (k > 0 and lower[k - 1] in ROLE_NOUNS) or (k + 1 < len(lower) and lower[k + 1] in ROLE_NOUNS)


_ROLE_WORDS = frozenset(ROLE_NOUNS)
_ROLE_REACH = 6  # words walked back from a name to its role: "la secrétaire générale de la Commission,"


def introduced_by_role(words: Words, i: int, j: int) -> bool:
    """Whether the name of words[i:j] is introduced by a role: followed by an apposition with a role
    noun ("Awa Diallo, éleveuse et présidente de ..."), or after one, with its adjectives, complement,
    a comma and a courtesy title in between ("le préfet Paul Roux", "la directrice générale de
    l'agence, Mme Awa Diallo"). The people a release names with their role are its actors, the ones an
    indexer keeps."""
    keys, roles = words.keys, words.roles
    if j < len(keys) and keys[j] == ",":  # an apposition: "Awa Diallo, éleveuse et présidente de ..."
        for b in range(j + 1, min(j + 1 + _ROLE_REACH, len(keys))):
            if keys[b] in _ROLE_WORDS:
                return True
            if roles[b] not in "NGPAEFDLM" and keys[b] not in ARTICLES and keys[b] != "et":
                break
    k = i - 1
    if k >= 0 and keys[k] in COURTESY_TITLES:
        k -= 1
    if k >= 0 and keys[k] == ",":
        k -= 1
    for b in range(k, max(k - _ROLE_REACH, -1), -1):
        if keys[b] in _ROLE_WORDS:
            return True
        if roles[b] not in "NGPAEDLM":
            return False
    return False


def sentence_words(t: Tokens, lo: int, hi: int) -> Words:
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
    # "en" inside an entity between two names links them: "Jazz en Causses", "Nuits en Bastide".
    for between in _BETWEEN_NAMES.finditer("".join(roles)):
        k = between.start()
        if t.lower[firsts[k]] == "en" and iob[firsts[k]] == "I" and iob[firsts[k + 1]] == "I":
            roles[k] = "L"
    _titles_and_particles(t, firsts, bounds, roles)
    keys = [_unit_key(t, a, b, role) for (a, b), role in zip(pairwise(bounds), roles, strict=True)]
    # Generic nouns head their own phrase ("niveau de vie", "fin programmée") but never stand next to
    # another noun: "aura lieu lundi" gives no "lieu lundi".
    # A currency is generic too, even written as a code ("FCFA", "USD").
    for k, role in enumerate(roles):
        generic = keys[k] in GENERIC_NOUNS or t.lower[firsts[k]] in GENERIC_NOUNS
        if (role == "N" and generic) or (role == "P" and keys[k] in CURRENCIES):
            roles[k] = "G"
    idx, text = t.idx, t.text
    starts = [idx[a] for a in firsts]
    ends = [idx[b - 1] + len(text[b - 1]) for b in bounds[1:]]
    for k, (a, b) in enumerate(pairwise(bounds)):
        if b - a == 1 and _MARKUP.search(text[a]):
            _trim_markup(text[a], k, roles, keys, starts, ends)
    governing = frozenset(
        k
        for k in range(len(firsts) - 1)
        if roles[k] == "A" and t.pos[firsts[k]] == "VERB" and t.lower[firsts[k + 1]] in GOVERNED
    )
    iobs = [iob[a] for a in firsts]
    places = [ent_type[a] == "LOC" for a in firsts]
    return Words(
        roles="".join(roles),
        keys=keys,
        starts=starts,
        ends=ends,
        iobs=iobs,
        places=places,
        governing=governing,
    )


# Prepositions that open a participle's complement: "un terminal destiné à", "un rapport établi par".
_GOVERNED = "à au aux par en de du des d' d’ pour dans sur avec contre entre vers"
GOVERNED = frozenset(_GOVERNED.split())


# Markdown around a word: emphasis ("_Ombrelune_."), a link's brackets and target ("Dupont](https://...").
_MARKUP = re.compile(r"^[_*\[]+|[_*]+\.?$|\]\(.*$|\]$")


def _trim_markup(
    word: str, k: int, roles: list[str], keys: list[str], starts: list[int], ends: list[int]
) -> None:
    """Markdown glued to a word by the tokenizer ("_Ombrelune_.", "Dupont](https://exemple.org") is not
    part of it: the word's bounds and key leave it out; a word of markup only has no role."""
    core = _MARKUP.sub("", word)
    if not core:
        roles[k] = "x"
        return
    lead = len(word) - len(word.lstrip("_*["))
    starts[k] += lead
    ends[k] = starts[k] + len(core)
    if roles[k] in "PM":
        keys[k] = core.lower().replace("\u2019", "'")


def _unit_key(t: Tokens, lo: int, hi: int, role: str) -> str:
    """The lemma of the word of tokens lo..hi-1 used in the de-duplication key."""
    if hi - lo > 1 or role in "PML":
        written = "".join([t.text[k] + t.whitespace[k] for k in range(lo, hi)])
        return written.strip().lower().replace("\u2019", "'")
    if role in "EF":
        return PREPOSITION_KEYS.get(t.lower[lo], t.lower[lo])
    return (t.lemma[lo] or t.text[lo]).lower()
