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

import pandas as pd
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

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


@dataclass(frozen=True)
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


class _Tok:
    """The attributes of one spaCy token that the extraction reads (Token properties are slow to access:
    they are read in bulk with Doc.to_array)."""

    __slots__ = (
        "i", "idx", "text", "lower_", "pos_", "lemma_", "ent_type_", "ent_iob_", "whitespace_", "is_space",
        "like_num", "verb_form", "tense", "prev_pos",
    )  # fmt: skip

    def __init__(self, **values: object) -> None:
        for name, value in values.items():
            setattr(self, name, value)


_ATTRS = [
    "ORTH",
    "LOWER",
    "POS",
    "LEMMA",
    "ENT_TYPE",
    "ENT_IOB",
    "MORPH",
    "SPACY",
    "IS_SPACE",
    "LIKE_NUM",
    "IDX",
]
_IOB = {0: "", 1: "I", 2: "O", 3: "B"}


@lru_cache(maxsize=4096)
def _morph_features(morph: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(VerbForm values, Tense values) of a morphology string such as "Tense=Past|VerbForm=Part"."""
    feats = dict(f.split("=", 1) for f in morph.split("|") if "=" in f)
    return tuple(feats.get("VerbForm", "").split(",")), tuple(feats.get("Tense", "").split(","))


def _records(doc: Doc) -> list[_Tok]:
    strings = doc.vocab.strings
    out: list[_Tok] = []
    prev = ""
    for i, row in enumerate(doc.to_array(_ATTRS).tolist() if len(doc) else []):
        orth, lower, pos, lemma, ent, iob, morph, space, is_space, like_num, idx = row
        verb_form, tense = _morph_features(strings[morph] if morph else "")
        pos_ = POS_NAMES.get(pos, "")
        text = strings[orth]
        out.append(
            _Tok(
                i=i,
                idx=idx,
                text=text,
                lower_=strings[lower],
                pos_=pos_,
                lemma_=strings[lemma] if lemma else "",
                ent_type_=strings[ent] if ent else "",
                ent_iob_=_IOB.get(iob, ""),
                whitespace_=" " if space else "",
                is_space=bool(is_space),
                like_num=bool(like_num),
                verb_form=verb_form,
                tense=tense,
                prev_pos=prev,
            )  # fmt: skip
        )
        prev = pos_
    return out


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and text[0].isalnum()


def _is_name_token(tok: _Tok, sent_start: bool) -> bool:
    """A proper-name token: tagged PROPN, an acronym, or a capitalised word inside a named entity."""
    text = tok.text
    if not any(c.isalnum() for c in text):
        return False
    if tok.pos_ in ("DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PRON", "AUX", "SPACE"):
        return False
    if _is_acronym(text) or (any(c.isdigit() for c in text) and any(c.isupper() for c in text)):
        return True
    if tok.pos_ == "PROPN":
        # A capitalised first word that the entity recogniser does not take is an ordinary word tagged
        # PROPN because of its capital ("Déjà", "Permet").
        return (text[0].isupper() or text[0].isdigit()) and not (sent_start and not tok.ent_type_)
    return bool(tok.ent_type_) and text[0].isupper() and not sent_start


def _is_nounish(tok: _Tok, prev: _Tok | None, nxt: _Tok | None) -> bool:
    """VERB/ADJ tags that are nouns in context: after an article and heading their phrase ("les
    islamistes", "l'armée", "les fortes températures"), or with a noun suffix and no verb form."""
    if tok.pos_ not in ("VERB", "ADJ") or not tok.text[:1].isalpha():
        return False
    verb_form = tok.verb_form
    if "Inf" in verb_form or "Fin" in verb_form:
        return False
    heads_phrase = nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ")
    after_article = prev is not None and (
        prev.pos_ == "DET" or (prev.pos_ == "ADJ" and prev.prev_pos == "DET")
    )
    if after_article and heads_phrase:
        return True
    return tok.lower_.endswith(_NOUN_SUFFIXES) and "Part" not in verb_form


@dataclass(frozen=True)
class _Unit:
    """A word: one token, or a compound that spaCy split at its hyphens ("beaux-arts", "Sables-d'Olonne")."""

    tokens: tuple[_Tok, ...]
    role: str
    key: str

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        return self.tokens[-1].idx + len(self.tokens[-1].text)


def _joins(prev: _Tok, tok: _Tok, current: list[_Tok]) -> bool:
    """Whether `tok` continues the compound word `current` (ending with `prev`): no space between them and
    a hyphen on either side, an elided "d'" inside a hyphenated compound, an English possessive, or
    capitals after a number ("5G")."""
    if prev.whitespace_ or prev.is_space or tok.is_space:
        return False
    if prev.text == "-" and len(current) > 1:
        return tok.text[:1].isalnum()
    if tok.text == "-":
        return prev.text[-1:].isalnum()
    if (
        prev.text.isdigit()
        and len(current) == 1
        and tok.text.isalpha()
        and tok.text.isupper()
        and len(tok.text) <= 3
    ):
        return True  # spaCy splits "5G", "3D" like a quantity and its unit
    if prev.text.endswith(("'", "’")):
        hyphenated = any(t.text == "-" for t in current)
        return (hyphenated and tok.text[:1].isalpha()) or (tok.lower_ == "s" and prev.text[:1].isupper())
    return False


def _group(tokens: list[_Tok]) -> list[list[_Tok]]:
    groups: list[list[_Tok]] = []
    for tok in tokens:
        if groups and _joins(groups[-1][-1], tok, groups[-1]):
            groups[-1].append(tok)
        else:
            groups.append([tok])
    # A trailing hyphen ("anti-") is not part of the word.
    out = []
    for g in groups:
        while len(g) > 1 and g[-1].text == "-":
            out.append(g[:-1])
            g = [g[-1]]
        out.append(g)
    return out


def _is_past_participle(tok: _Tok) -> bool:
    """Post-nominal participles modify the noun like adjectives ("emplois menacés", "fin programmée");
    after an auxiliary they are verbs ("a fait faillite")."""
    return tok.pos_ == "VERB" and "Part" in tok.verb_form and "Past" in tok.tense and tok.prev_pos != "AUX"


def _compound_role(toks: list[_Tok], sent_start: int) -> str:
    parts = [t for t in toks if t.text[:1].isalnum()]
    if not parts:
        return "x"
    if all(t.like_num or t.text.replace(",", "").replace(".", "").isdigit() for t in parts):
        return "M"
    capitalised = [t for t in parts if t.text[:1].isupper() and t.i != sent_start]
    if capitalised or any(_is_name_token(t, t.i == sent_start) for t in parts[1:]):
        return "P"
    return "N"


def _units(tokens: list[_Tok], sent_start: int) -> list[_Unit]:
    """The words of one sentence with their roles (see the role letters above)."""
    groups = _group(tokens)
    roles: list[str] = []
    for k, g in enumerate(groups):
        tok = g[0]
        prev = groups[k - 1][-1] if k else None
        nxt = groups[k + 1][0] if k + 1 < len(groups) else None
        low = tok.lower_
        if len(g) > 1:
            roles.append(_compound_role(g, sent_start))
        elif tok.is_space or "\n" in tok.text:
            roles.append("x")
        elif _is_name_token(tok, tok.i == sent_start):
            roles.append("P")
        elif low in _NAME_LINKS and prev is not None and nxt is not None and nxt.text[:1].isupper():
            roles.append("L")
        elif tok.pos_ == "DET" and low in _ARTICLES:
            roles.append("D")
        elif tok.like_num or tok.pos_ == "NUM":
            roles.append("M")
        elif (tok.pos_ == "NOUN" and tok.text[:1].isalpha()) or _is_nounish(tok, prev, nxt):
            roles.append("N")
        elif (tok.pos_ == "ADJ" and tok.text[:1].isalpha()) or _is_past_participle(tok):
            roles.append("A")
        elif tok.pos_ == "ADP" and low in _PREPOSITIONS:
            roles.append("E")
        elif tok.pos_ == "ADP" and low == "à":
            roles.append("F")
        else:
            roles.append("x")
    # A particle inside a person's name links its two halves: "Nick de Santis", "Charles de Gaulle".
    for k in range(1, len(groups) - 1):
        if (
            roles[k] == "E"
            and roles[k - 1] == "P"
            and roles[k + 1] == "P"
            and groups[k][0].ent_iob_ == "I"
            and groups[k + 1][0].ent_iob_ == "I"
            and groups[k][0].ent_type_ == "PER"
        ):
            roles[k] = "L"
    units = [_Unit(tuple(g), r, _unit_key(g, r)) for g, r in zip(groups, roles, strict=True)]
    # Generic nouns head their own phrase ("niveau de vie", "fin programmée") but never stand next to
    # another noun: "aura lieu lundi" gives no "lieu lundi".
    return [
        _Unit(u.tokens, "G", u.key)
        if u.role == "N" and (u.key in GENERIC_NOUNS or u.tokens[0].lower_ in GENERIC_NOUNS)
        else u
        for u in units
    ]


def _unit_key(toks: list[_Tok], role: str) -> str:
    """The lemma used in the de-duplication key."""
    if len(toks) > 1 or role in "PML":
        return "".join(t.text + t.whitespace_ for t in toks).strip().lower().replace("\u2019", "'")
    tok = toks[0]
    if role in "EF":
        return {"d'": "de", "d\u2019": "de", "du": "de", "des": "de"}.get(tok.lower_, tok.lower_)
    return (tok.lemma_ or tok.text).lower()


def _fold(text: str) -> str:
    """Accent- and case-insensitive form, to merge lemmatiser variants of the same word."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


# ----------------------------------------------------------------------------- per-document pass
@dataclass
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
    spans: list[tuple[int, int, int]]  # (sentence, first unit, end unit) of each occurrence


def keyphrase_candidates(doc: Doc) -> list[KeyphraseCandidate]:
    """All candidate phrases of one document with their in-document features (sorted by first offset)."""
    text = doc.text  # built on each access: read it once
    text_len = max(len(text), 1)
    sents = [s for s in doc.sents if any(not t.is_space for t in s)]
    title = title_span(text)
    title_sents = {k for k, s in enumerate(sents) if title and title[0] <= s.start_char < title[1]}
    acc: dict[str, _Acc] = {}
    records = _records(doc)
    for s_idx, sent in enumerate(sents):
        units = _units(records[sent.start : sent.end], sent.start)
        roles = "".join(u.role for u in units)
        for i, j in _phrase_spans(units, roles):
            _add(acc, units[i:j], roles[i:j], s_idx, i, text)
    _merge_short_names(acc)
    shares = _container_shares(acc)
    out = []
    for key, a in acc.items():
        surface = max(a.surfaces.items(), key=lambda kv: kv[1])[0]
        if (a.n_words == 1 and a.generic) or _too_short(a, surface):
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
                in_title=bool(a.sentences & title_sents),
                n_words=a.n_words,
                is_name=a.is_name,
                has_name=a.has_name,
                is_acronym=a.is_acronym,
                has_function_word=a.has_function_word,
                head=a.head,
                container_share=round(shares.get(key, 0.0), 6),
            )
        )
    out.sort(key=lambda c: (c.first_offset, c.lemma))
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


def _phrase_spans(units: list[_Unit], roles: str) -> list[tuple[int, int]]:
    """(start, end) unit indices of every well-formed phrase of a sentence."""
    # Two names side by side ("la Polonaise Agnieszka Radwanska") are two phrases: cut where the
    # entity recogniser starts a new entity right after a name.
    cuts = [0]
    cuts += [
        i
        for i in range(1, len(roles))
        if roles[i] == "P" and roles[i - 1] in "PM" and units[i].tokens[0].ent_iob_ == "B"
    ]
    cuts.append(len(roles))
    segments = list(zip(cuts[:-1], cuts[1:], strict=True))
    # A name is never split: "Human Rights Watch" gives no "Rights", "Serena Williams" no "Serena".
    inside = [False] * (len(roles) + 1)  # inside[i]: unit i continues the name of unit i - 1
    for lo, hi in segments:
        for run in _NAME_RUN.finditer(roles, lo, hi):
            for i in range(run.start() + 1, run.end()):
                inside[i] = True
    spans = []
    for lo, hi in segments:
        for chunk in _CHUNK.finditer(roles, lo, hi):
            c_lo, c_hi = chunk.span()
            for i in range(c_lo, c_hi):
                if roles[i] not in "ANPG" or inside[i]:
                    continue
                for j in range(i + 1, c_hi + 1):
                    shape = roles[i:j]
                    if sum(c in "NGPAM" for c in shape) > _MAX_CONTENT:
                        break
                    ends_ok = not inside[j] or (roles[j] == "M" and _YEAR_OR_VERSION.fullmatch(units[j].key))
                    if ends_ok and _PHRASE.fullmatch(shape):
                        spans.append((i, j))
    return spans


def _add(acc: dict[str, _Acc], units: list[_Unit], shape: str, s_idx: int, i: int, text: str) -> None:
    key = " ".join([u.key for u, r in zip(units, shape, strict=True) if r != "D"])
    surface = text[units[0].start : units[-1].end]
    a = acc.get(key)
    if a is None:
        content = [u for u, r in zip(units, shape, strict=True) if r in "NGPAM"]
        nouns = [u.key for u, r in zip(units, shape, strict=True) if r in "NG"]
        is_name = all(r in "PML" for r in shape)
        a = acc[key] = _Acc(
            surfaces={},
            first_offset=units[0].start,
            first_sentence=s_idx,
            frequency=0,
            sentences=set(),
            n_words=len(content),
            is_name=is_name,
            has_name="P" in shape,
            is_acronym=len(units) == 1 and _is_acronym(surface),
            has_function_word="E" in shape or "F" in shape,
            head=key if is_name or not nouns else nouns[0],
            words=tuple(u.key for u, r in zip(units, shape, strict=True) if r in "NGPA"),
            generic=shape == "G",
            spans=[],
        )
    a.surfaces[surface] = a.surfaces.get(surface, 0) + 1
    a.frequency += 1
    a.sentences.add(s_idx)
    a.spans.append((s_idx, i, i + len(units)))


def _container_shares(acc: dict[str, _Acc], max_words: int = 3) -> dict[str, float]:
    """For each candidate, the largest share of its occurrences that fall inside one longer candidate of
    at most `max_words` words: 1.0 means it never occurs outside that phrase ("vigilance" in
    "vigilance orange", "Maudit" in "mont Maudit")."""
    by_sentence: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for key, a in acc.items():
        if a.n_words <= max_words:
            for s, i, j in a.spans:
                by_sentence[s].append((i, j, key))
    shares: dict[str, float] = {}
    for key, a in acc.items():
        inside: dict[str, int] = defaultdict(int)
        for s, i, j in a.spans:
            for i2, j2, other in by_sentence[s]:
                if other != key and i2 <= i and j <= j2 and (j2 - i2) > (j - i):
                    inside[other] += 1
        if inside:
            shares[key] = max(inside.values()) / a.frequency
    return shares


def _too_short(a: _Acc, surface: str) -> bool:
    """Units and initials ("h", "kg", "C.") are not keyphrases: a candidate needs a word of 3+ letters as
    written, or, for a name or acronym, one of 2+ letters or digits ("5G", "UE")."""
    if a.is_acronym:
        return False
    words = [w for w in re.split(r"[\s']+", surface) if w.lower() not in _PREPOSITIONS | _ARTICLES]
    if any(sum(ch.isalpha() for ch in w) >= 3 for w in words):
        return False
    return not (a.is_name and any(sum(ch.isalnum() for ch in w) >= 2 for w in words))


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
