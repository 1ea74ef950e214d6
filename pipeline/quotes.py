"""Quotations and who said them: the quotes table.

A press release is built around reported speech ("« ... », a déclaré Bruno Le Maire, ministre de
l'Economie"). This module finds text in quotation marks (« », “ ”, straight quotes after ftfy),
keeps what is reported speech and attributes it to a speaker, following the gold guidelines
(Quotations): no quote for titles or names in marks (« Processus d'Hiroshima »), for scare quotes of
one to four words, or for quoted words that the text attributes to nobody.

The fr_core_news_md pipeline runs without its parser, so attribution uses POS, morphology, lemmas,
entity mentions and sentence boundaries, with general French reporting patterns:
- incise after the quote: « ... », a déclaré X / déclare X / a-t-il ajouté / selon X;
- an incise inside the quote: « ..., a expliqué X. ... » (two quotes, one speaker);
- introduction before the quote: X a déclaré : « ... »; X a souligné que « ... »; selon X, « ... »;
  pour X, « ... »; comme l'a rappelé X, « ... »; et d'ajouter : « ... » (the last speaker);
- a quote paragraph followed by a signature line ("Annick Salaün, directrice générale de ...");
- quotes spanning paragraphs (each new paragraph reopening « without closing the previous one).
A pronoun speaker ("Elle a souligné que ...") or a bare role ("la ministre") is resolved from the
text's own attributions -- the subjects of earlier sentences and earlier quotes, with gender
agreement -- never simply to the nearest name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from operator import methodcaller
from typing import Any

from spacy.tokens import Doc

from .token_table import token_table


@dataclass(frozen=True)
class Quote:
    """One quotation: offsets index the analysed text; `text == doc.text[start:end]`."""

    start: int
    end: int
    text: str  # the quoted words without the marks
    speaker: str | None  # as written: a name, a role ("la Directrice générale"), or a pronoun's antecedent
    speaker_canonical: str | None  # canonical of the entity mention the speaker is, else None
    speaker_role: str | None  # role as written ("ministre délégué chargé du Numérique")
    verb: str | None  # lemma of the verb of saying (déclarer, souligner ...); None for "selon X"


# ----------------------------------------------------------------------------- lexicons
def _words(text: str) -> list[str]:
    return text.split()


def _pairs(text: str) -> dict[str, str]:
    """ "présidente=président ministre" -> {"présidente": "président", "ministre": "ministre"}."""
    out: dict[str, str] = {}
    for item in text.split():
        key, _, value = item.partition("=")
        out[key] = value or key
    return out


# Verbs of saying used in French reported speech (regular -er verbs: forms are generated).
_ER_VERBS = _words(
    """
    affirmer ajouter alerter annoncer assurer avouer commenter confier confirmer considérer constater
    déclarer déplorer dénoncer détailler estimer expliquer exprimer féliciter indiquer insister juger
    lancer marteler noter nuancer observer penser plaider préciser proclamer raconter rappeler regretter
    relever répliquer résumer rétorquer saluer signaler souligner témoigner espérer interroger inquiéter
    répéter glisser
    """
)
_IRREGULAR = {
    "dire": "dit dite dits disent disait disaient dira diront",
    "écrire": "écrit écrite écrivent écrivait",
    "répondre": "répond répondu répondent répondait",
    "reconnaître": "reconnaît reconnait reconnaissent reconnu reconnue reconnaissait",
    "admettre": "admet admettent admis admise admettait",
    "promettre": "promet promettent promis promise",
    "conclure": "conclut concluent conclu conclue concluait",
    "poursuivre": "poursuit poursuivent poursuivi poursuivie poursuivait",
    "reprendre": "reprend reprennent repris reprise reprenait",
    "prévenir": "prévient préviennent prévenu prévenue prévenait",
    "avertir": "avertit avertissent averti avertie avertissait",
    "réagir": "réagit réagissent réagi réagie réagissait",
    "réjouir": "réjouit réjouissent réjoui réjouie réjouis réjouies",
    "soutenir": "soutient soutiennent soutenu soutenue soutenait",
    "prédire": "prédit prédisent",
    "rappeler": "rappelle rappellent rappellera",
    "espérer": "espère espèrent",
    "considérer": "considère considèrent",
    "marteler": "martèle martèlent",
    "répéter": "répète répètent",
    "inquiéter": "inquiète inquiètent",
}


def _er_forms(inf: str) -> Iterator[str]:
    stem = inf[:-2]
    past = stem + ("e" if stem.endswith("g") else "")
    simple = stem[:-1] + "ç" if stem.endswith("c") else past
    yield from (inf, stem + "e", stem + "ent", stem + "é", stem + "ée", stem + "és", stem + "ées")
    yield from (
        simple + "a",
        stem + "èrent",
        past + "ait",
        past + "aient",
        inf + "a",
        inf + "ont",
        inf + "ait",
    )


def _saying_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for inf in _ER_VERBS:
        for form in _er_forms(inf):
            forms.setdefault(form, inf)
    for inf, extra in _IRREGULAR.items():
        forms[inf] = inf
        for form in extra.split():
            forms[form] = inf
    return forms


SAYING_FORMS = _saying_forms()

# Role nouns (both genders -> the masculine form used to compare roles).
_ROLE_PAIRS = _pairs(
    """
    ministre président présidente=président vice-président vice-présidente=vice-président directeur
    directrice=directeur secrétaire sous-secrétaire commissaire haut-commissaire porte-parole ambassadeur
    ambassadrice=ambassadeur conseiller conseillère=conseiller délégué déléguée=délégué chef cheffe=chef
    responsable fondateur fondatrice=fondateur cofondateur cofondatrice=cofondateur préfet préfète=préfet
    maire député députée=député sénateur sénatrice=sénateur représentant représentante=représentant
    rapporteur rapporteure=rapporteur coordinateur coordinatrice=coordinateur chancelier
    chancelière=chancelier gouverneur gouverneure=gouverneur administrateur administratrice=administrateur
    procureur procureure=procureur négociateur négociatrice=négociateur envoyé envoyée=envoyé dirigeant
    dirigeante=dirigeant pdg médiateur médiatrice=médiateur défenseur défenseure=défenseur
    haut-représentant haute-représentante=haut-représentant présidente-directrice=président-directeur
    président-directeur patron patronne=patron recteur rectrice=recteur doyen doyenne=doyen proviseur
    proviseure=proviseur inspecteur inspectrice=inspecteur gérant gérante=gérant trésorier
    trésorière=trésorier commandant commandante=commandant capitaine
    """
)
_ROLE_ADJ = _pairs(
    """
    général générale=général adjoint adjointe=adjoint exécutif exécutive=exécutif délégué déléguée=délégué
    permanent permanente=permanent spécial spéciale=spécial
    """
)
_ROLE_PREFIX = frozenset(
    _words(
        """
    actuel actuelle ancien ancienne futur future haut haute nouveau nouvel nouvelle premier première
    """
    )
)


def _role_key(word: str) -> str | None:
    """The masculine singular of a role noun ("présidentes" -> "président"), None if not one."""
    if word in _ROLE_PAIRS:
        return _ROLE_PAIRS[word]
    if word[-1:] in ("s", "x") and word[:-1] in _ROLE_PAIRS:
        return _ROLE_PAIRS[word[:-1]]
    return None


_FEMININE_ROLES = frozenset(k for k, v in _ROLE_PAIRS.items() if k != v)
_ROLE_DETS = frozenset(
    _words(
        """
    ce cette l' la le les leur leurs notre sa ses son votre
    """
    )
)
_TITLES = frozenset(
    _words(
        """
    docteur dr m. madame maître me mlle mm. mme mmes monsieur pr professeur s.e.
    """
    )
)
_PRONOUNS = {
    "il": ("Masc", "Sing"),
    "elle": ("Fem", "Sing"),
    "ils": ("Masc", "Plur"),
    "elles": ("Fem", "Plur"),
    "-il": ("Masc", "Sing"),
    "-elle": ("Fem", "Sing"),
    "-ils": ("Masc", "Plur"),
    "-elles": ("Fem", "Plur"),
}
_CLITICS = frozenset(["s'", "se", "n'", "ne", "l'", "y", "en", "lui", "leur", "-t"])
_FILLER_SEQS = (
    ("pour", "sa", "part"),
    ("pour", "leur", "part"),
    ("de", "son", "côté"),
    ("de", "leur", "côté"),
    ("quant", "à", "lui"),
    ("quant", "à", "elle"),
    ("à", "son", "tour"),
    ("à", "leur", "tour"),
    ("par", "ailleurs"),
    ("en", "outre"),
    ("d'", "ailleurs"),
    ("lui", "aussi"),
    ("elle", "aussi"),
)
_ROLE_ADP = frozenset(
    _words(
        """
    au auprès aux chargé chargée chargées chargés d' de des du en pour à
    """
    )
)
# Words that name what follows them: a quoted text right after one of these is a title or a term.
_NAMING = frozenset(
    _words(
        """
    appelé appelée baptisé baptisée baptisées baptisés dit dite dites dits dénommé dénommée intitulé
    intitulée intitulées intitulés nommé nommée surnommé surnommée
    """
    )
)
_TIME_WORDS = frozenset(
    _words(
        """
        lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui demain matin soir midi
        après-midi ce cet cette dernier dernière même
        """
    )
)
_ALL_MARKS = frozenset('«»“”"')
_GUILLEMET_OR_LINE_END = re.compile("[«“»”\n]")
_INTRO_PREPS = (("selon",), ("d'", "après"), ("d'après",), ("pour",), ("aux", "yeux", "de"))


# ----------------------------------------------------------------------------- internal records
@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    label: str
    canonical: str | None


@dataclass
class _Speaker:
    """A resolved speaker, also the antecedent that later pronouns and bare roles refer to."""

    surface: str
    canonical: str | None
    role: str | None
    gender: str | None
    number: str
    head: str | None  # the role's head ("directeur général"), to match "le directeur" later
    kind: str  # PER, ROLE, ORG, LOC


@dataclass
class _Raw:
    """A speaker as written, before pronouns and bare roles are resolved."""

    kind: str  # PER ORG LOC ROLE PRON INHERIT
    pos: int  # where the attribution is: resolution only looks before it
    surface: str | None = None
    mention: _Mention | None = None
    role: str | None = None
    head: str | None = None
    body: _Mention | None = None  # the body a role names ("de l'UNESCO")
    gender: str | None = None
    number: str = "Sing"


@dataclass
class _Candidate:
    open_at: int  # index of the opening mark
    close_at: int  # index of the closing mark
    start: int  # content, trimmed
    end: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    raw: _Raw | None = None
    verb: str | None = None


# ----------------------------------------------------------------------------- quotation marks
def find_quoted_spans(text: str) -> list[tuple[int, int]]:
    """(open mark index, close mark index) of every balanced quotation, outermost only.

    « » may nest and may span paragraphs in the French way (a new paragraph reopens « without
    the previous one closing). A quotation still open at a paragraph that does not reopen it is
    dropped. Straight quotes pair up within a paragraph, outside « » quotations.
    """
    spans: list[tuple[int, int]] = []
    spans += _pair_guillemets(text)
    inside = [(a, b) for a, b in spans]
    for a, b in _pair_straight(text):
        if not any(x <= a <= y for x, y in inside):
            spans.append((a, b))
    return sorted(spans)


def _pair_guillemets(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    depth, opened, skip = 0, -1, 0
    n = len(text)
    for mark in _GUILLEMET_OR_LINE_END.finditer(text):  # the only characters that count
        i = mark.start()
        if i < skip:
            continue
        ch = text[i]
        if ch in "«“":
            if depth == 0:
                depth, opened = 1, i
            else:
                depth += 1
        elif ch in "»”" and depth:
            depth -= 1
            if depth == 0:
                out.append((opened, i))
        elif ch == "\n" and depth:
            j = i
            while j < n and text[j].isspace():
                j += 1
            blank = text.count("\n", i, j) > 1
            if j < n and text[j] in "«“":
                skip = j + 1  # a reopening mark: the same quotation goes on
                continue
            line_end = text[max(opened, text.rfind("\n", 0, i)) : i].rstrip()
            if blank or not line_end or line_end[-1] in ".!?:;»”":
                depth, opened = 0, -1  # never closed: not a quotation
    return out


def _pair_straight(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        marks = [offset + m.start() for m in re.finditer('"', para)]
        k = 0
        while k + 1 < len(marks):
            a, b = marks[k], marks[k + 1]
            before = text[a - 1] if a else " "
            after = text[b + 1] if b + 1 < len(text) else " "
            if (
                (before.isspace() or before in "([:'-—–")
                and not text[a + 1 : a + 2].isspace()
                and (after.isspace() or after in ".,;:!?)]-—–")
            ):
                out.append((a, b))
                k += 2
            else:
                k += 1
        offset += len(para) + 1
    return out


# ----------------------------------------------------------------------------- the extractor
def extract_quotes(doc: Doc, entities: Sequence[Any] = ()) -> list[Quote]:
    """Quotations of one document with their speakers. `entities`: mentions with start, end,
    text, label and canonical (pipeline.entities.EntityMention or alike); spaCy's own PER/ORG
    entities fill in where a name has no mention."""
    return _Extractor(doc, entities).run()


class _Extractor:
    def __init__(self, doc: Doc, entities: Sequence[Any]) -> None:
        self.doc = doc
        # token attributes as lists, indexed like the Doc (spaCy Token objects are slow to build)
        tokens = token_table(doc)
        self.n = tokens.n
        self.text = tokens.text
        self.starts = tokens.idx
        self.words, self.pos, self.lower = tokens.words, tokens.pos, tokens.lower
        self.lows = list(map(methodcaller("replace", "’", "'"), tokens.lower))
        self.space, self.punct, self.alpha, self.num = tokens.space, tokens.punct, tokens.alpha, tokens.num
        self.spaced = tokens.spaced
        self.verb_form = tokens.morph("VerbForm")
        self.tokens = tokens
        # sentences from the sentence starts, as doc.sents gives them (spaCy's own objects when
        # the doc has no sentence boundaries, which raise the same error, or custom sentence hooks)
        self.own_sentences = not (
            doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks
        ) and doc.has_annotation("SENT_START")
        self.sentence_starts, self.sentence_of = tokens.sentence_starts, tokens.sentence_of
        self.mentions = self._mentions(entities)
        self.mention_at: dict[int, _Mention] = {}
        self.mention_tokens: dict[int, int] = {}  # mention start token -> end token (exclusive)
        for m in self.mentions:
            ts, te = self._tok(m.start), self._tok(m.end - 1) + 1
            if m.label == "PER":  # a first name the mention left out ("Claire" + "Dumont")
                k = ts
                while k > 0 and self._first_name(k - 1):
                    k -= 1
                if k < ts:
                    ts = k
                    m = replace(m, start=self.starts[k], text=self.text[self.starts[k] : m.end])
            if ts not in self.mention_at or self.mention_at[ts].label != "PER":
                self.mention_at[ts] = m
                self.mention_tokens[ts] = te
        self.events: list[tuple[int, _Speaker]] = []
        self.quoted = find_quoted_spans(self.text)

    # -- setup
    def _mentions(self, entities: Sequence[Any]) -> list[_Mention]:
        out: list[_Mention] = []
        for e in entities:
            if hasattr(e, "start_char"):  # a spaCy Span: token offsets, label_ is the name
                label, start, end = e.label_, e.start_char, e.end_char
            else:
                label, start, end = getattr(e, "label", None), int(e.start), int(e.end)
            if label not in ("PER", "ORG", "LOC"):
                continue
            out.append(_Mention(start, end, self.text[start:end], label, getattr(e, "canonical", None)))
        for ent in self.doc.ents:  # fallback names, no canonical
            k = ent.start
            while k < ent.end - 1 and (self.lower[k] in _TITLES or self.punct[k] or _role_key(self.lower[k])):
                k += 1  # "M. Jean Dupont" -> "Jean Dupont"
            start = self.starts[k]
            if ent.label_ in ("PER", "ORG") and not any(
                m.start < ent.end_char and start < m.end for m in out
            ):
                out.append(_Mention(start, ent.end_char, self.text[start : ent.end_char], ent.label_, None))
        return sorted(out, key=lambda m: m.start)

    def _tok(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def _bare_name(self, k: int) -> _Mention | None:
        """A capitalised name the model did not tag, right after a role ("le président Obama")."""
        if k in self.mention_at or not self._first_name(k):
            return None
        e = k + 1
        while e < self.n and self._first_name(e) and e - k < 3:
            e += 1
        if e < self.n and self.pos[e] == "PROPN" and self.words[e][:1].isupper() and e - k < 3:
            e += 1
        start, end = self.starts[k], self.starts[e - 1] + len(self.words[e - 1])
        return _Mention(start, end, self.text[start:end], "PER", None)

    def _first_name(self, k: int) -> bool:
        text, low = self.words[k], self.lower[k]
        return bool(
            self.pos[k] == "PROPN"
            and self.alpha[k]
            and text[:1].isupper()
            and text[1:].islower()
            and low not in _ROLE_PAIRS
            and low not in _TITLES
            and self.spaced[k]
        )

    # -- token helpers
    def _sentences(self) -> list[tuple[int, int]]:
        """(start, end) token range of each sentence of doc.sents."""
        if not self.own_sentences:
            return [(sent.start, sent.end) for sent in self.doc.sents]
        return self.tokens.sentences

    def _sentence_start(self, i: int) -> int:
        """doc[i].sent.start"""
        if not self.own_sentences:
            return self.doc[i].sent.start
        return self.sentence_starts[self.sentence_of[i]]

    def has(self, i: int) -> bool:
        """Token i exists."""
        return 0 <= i < self.n

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def idx(self, i: int) -> int:
        """Character offset of token i (the text's length past the end)."""
        return self.starts[i] if 0 <= i < self.n else len(self.text)

    def is_space(self, i: int) -> bool:
        return 0 <= i < self.n and bool(self.space[i] or not self.words[i].strip())

    def nxt(self, i: int) -> int:
        while self.is_space(i):
            i += 1
        return i

    def prv(self, i: int) -> int:
        while i >= 0 and self.is_space(i):
            i -= 1
        return i

    def finite(self, i: int) -> bool:
        return 0 <= i < self.n and self.pos[i] in ("VERB", "AUX") and "Fin" in self.verb_form[i]

    def saying(self, i: int) -> str | None:
        if not 0 <= i < self.n or self.pos[i] in ("DET", "ADP", "PROPN"):
            return None
        lemma = SAYING_FORMS.get(self.lows[i])
        if lemma and self.has(i - 1) and self.pos[i - 1] == "DET":
            return None  # "l'estime", "la remarque": a noun
        return lemma

    # -- main
    def run(self) -> list[Quote]:
        cands: list[_Candidate] = []
        for a, b in self.quoted:
            cand = self._candidate(a, b)
            if cand is not None:
                cands.append(cand)
        for cand in cands:
            self._attribute(cand)
        self._chain(cands)
        items: list[tuple[int, int, Any]] = [(c.raw.pos, 1, c) for c in cands if c.raw is not None]
        items += [(raw.pos, 0, raw) for raw in self._sentence_subjects()]
        quotes: list[Quote] = []
        for _pos, _kind, item in sorted(items, key=lambda x: (x[0], x[1])):
            if isinstance(item, _Raw):
                sp = self._resolve(item)
                if sp is not None:
                    self.events.append((item.pos, sp))
                continue
            assert item.raw is not None
            sp = self._resolve(item.raw)
            if sp is None:
                continue
            self.events.append((item.raw.pos, sp))
            for s, e in item.parts:
                if self._keep(item, s, e):
                    quotes.append(Quote(s, e, self.text[s:e], sp.surface, sp.canonical, sp.role, item.verb))
        return sorted(quotes, key=lambda q: q.start)

    # -- candidates and filters
    def _candidate(self, a: int, b: int) -> _Candidate | None:
        s, e = a + 1, b
        while s < e and self.text[s].isspace():
            s += 1
        while e > s and self.text[e - 1].isspace():
            e -= 1
        if e <= s:
            return None
        return _Candidate(a, b, s, e, parts=[(s, e)])

    def _keep(self, cand: _Candidate, s: int, e: int) -> bool:
        """Reported speech, not a title, a term or a scare quote."""
        toks = [i for i in range(self._tok(s), self._tok(e - 1) + 1) if self.starts[i] >= s]
        words = sum(1 for i in toks if self.alpha[i] or self.num[i])
        has_verb = any(self.finite(i) for i in toks)
        if words == 0 or (words <= 4 and not has_verb):
            return False
        if has_verb:
            return True
        p = self.prv(self._tok(cand.open_at) - 1)
        if not self.has(p):
            return True
        return not (self.pos[p] in ("DET", "ADP", "NOUN", "PROPN", "ADJ", "NUM") or self.low(p) in _NAMING)

    # -- attribution
    def _attribute(self, cand: _Candidate) -> None:
        close_tok = self._tok(cand.close_at)
        open_tok = self._tok(cand.open_at)
        inner = self._incise_inside(cand)
        if inner is not None:
            return
        after = self.nxt(close_tok + 1)
        post = None
        if "\n" not in self.text[self.idx(close_tok) : self.idx(after)]:
            post = self._postposed(after, allow_comma=True)
        if post is not None:
            cand.raw, cand.verb = post[0], post[1]
            return
        pre = self._preposed(open_tok)
        if pre is not None:
            cand.raw, cand.verb = pre
            return
        sig = self._signature(close_tok)
        if sig is not None:
            cand.raw = sig

    def _incise_inside(self, cand: _Candidate) -> _Candidate | None:
        """« Q1, a expliqué X. Q2 »: split around the incise."""
        first, last = self._tok(cand.start), self._tok(cand.end - 1)
        for i in range(first + 1, last):
            if self.words[i] != ",":
                continue
            found = self._postposed(self.nxt(i + 1), allow_comma=False, limit=last + 1)
            if found is None:
                continue
            raw, verb, stop = found
            j = self.nxt(stop)
            if j > last or self.words[j] not in ".,;":
                continue
            part1 = (cand.start, self.starts[i])
            rest = self.starts[j] + 1
            while rest < cand.end and self.text[rest].isspace():
                rest += 1
            cand.parts = [part1] + ([(rest, cand.end)] if rest < cand.end else [])
            cand.raw, cand.verb = raw, verb
            return cand
        return None

    def _verb_group(self, i: int, limit: int) -> tuple[int, _Raw | None, int] | None:
        """At i: [s'] [aux] [-t-il] [adverbs] VERB [-t-il]. -> (verb index, inverted pronoun, next)."""
        j, pron = i, None
        if self.low(j) in ("s'", "se"):
            j += 1
        if j < limit and self.pos[j] == "AUX" and self.saying(j) is None:
            j += 1
        j, pron = self._inverted(j, pron)
        j = self._skip_fillers(j, limit)
        if j >= limit or self.saying(j) is None:
            return None
        verb = j
        j, pron = self._inverted(j + 1, pron)
        return verb, pron, j

    def _inverted(self, j: int, pron: _Raw | None) -> tuple[int, _Raw | None]:
        """An inverted subject pronoun after a verb: "a-t-il", "explique-t-elle", "ont-elles"."""
        k, hyphen = j, False
        while self.low(k) in ("-t", "-", "t", "-t-"):
            k, hyphen = k + 1, True
        low = self.low(k)
        if low.startswith("-") or (hyphen and low in _PRONOUNS):
            key = low if low.startswith("-") else "-" + low
            if key in _PRONOUNS:
                gender, number = _PRONOUNS[key]
                return k + 1, _Raw("PRON", self.starts[k], gender=gender, number=number)
        return j, pron

    def _skip_fillers(self, j: int, limit: int) -> int:
        while j < limit:
            j = self.nxt(j)
            low = self.low(j)
            for seq in _FILLER_SEQS:
                if seq[0] == low and tuple(self.low(j + k) for k in range(len(seq))) == seq:
                    j += len(seq)
                    break
            else:
                if self.has(j) and self.pos[j] == "ADV" and self.saying(j) is None and j < limit:
                    j += 1
                    continue
                return j
        return j

    def _postposed(
        self, i: int, allow_comma: bool, limit: int | None = None
    ) -> tuple[_Raw, str | None, int] | None:
        """The incise after a quotation: ", a déclaré X", ", a-t-il ajouté", ", selon X"."""
        limit = self.n if limit is None else limit
        if allow_comma and self.low(i) in (",", "—", "–", "-"):
            i = self.nxt(i + 1)
        if i >= limit:
            return None
        if self.low(i) == "selon" or (self.low(i) == "d'" and self.low(i + 1) == "après"):
            j = i + (1 if self.low(i) == "selon" else 2)
            np_ = self._np(self.nxt(j), limit)
            if np_ is None or np_[0].kind == "PRON":
                return None
            return np_[0], None, np_[1]
        group = self._verb_group(i, limit)
        if group is None:
            return None
        verb, pron, j = group
        lemma = self.saying(verb)
        if pron is not None:
            return pron, lemma, j
        j = self._skip_fillers(j, limit)
        np_ = self._np(j, limit) or self._np_after_circumstance(j, limit)
        if np_ is None or np_[0].kind == "PRON":
            return None
        return np_[0], lemma, np_[1]

    def _np_after_circumstance(self, j: int, limit: int) -> tuple[_Raw, int] | None:
        """The inverted subject after a time or a short complement: ", a déclaré mardi soir X",
        ", a déclaré à la presse X"."""
        k = j
        while k < limit and (self.low(k) in _TIME_WORDS or self.is_space(k)):
            k += 1
        if k > j:
            found = self._np(k, limit)
            if found is not None:
                return found
        if not self.has(k) or self.pos[k] != "ADP":
            return None
        for n in range(k + 1, min(limit, k + 6)):
            if self.punct[n] or self.finite(n):
                return None
            found = self._np(n, limit)
            if found is not None and n > k + 1:
                return found
        return None

    def _preposed(self, open_tok: int) -> tuple[_Raw, str | None] | None:
        """The introduction before a quotation, in the sentence that leads to the opening mark."""
        p = self.prv(open_tok - 1)
        if p < 0:
            return None
        prev = self.low(p)
        if not (prev in (":", ",", "que", "qu'") or self.saying(p) or self.low(p) in ("-il", "-elle")):
            return None
        start = self._sentence_start(p)
        for _a, b in self.quoted:  # do not reach back past an earlier quotation
            if b < self.starts[p] and self._tok(b) >= start:
                start = self._tok(b) + 1
        # "selon X, « ... »", "pour X, « ... »"
        if prev == ",":
            for k in range(start, p):
                for seq in _INTRO_PREPS:
                    if self.low(k) == seq[0] and tuple(self.low(k + n) for n in range(len(seq))) == seq:
                        np_ = self._np(self.nxt(k + len(seq)), p + 1)
                        if np_ is not None and np_[0].kind != "PRON" and self.nxt(np_[1]) >= p:
                            if seq == ("pour",) and np_[0].kind == "LOC":
                                continue
                            return np_[0], None
        # nearest verb of saying before the mark
        for v in range(p, start - 1, -1):
            lemma = self.saying(v)
            if lemma is None:
                continue
            group_end = self._inverted(v + 1, None)
            after = self._skip_fillers(group_end[0], p + 1)
            if group_end[1] is not None:
                return group_end[1], lemma
            # inverted subject: "comme l'a rappelé X, « ... »"
            if after < p:
                np_ = self._np(after, p + 1)
                if np_ is not None and np_[0].kind != "PRON" and self.nxt(np_[1]) >= p:
                    return np_[0], lemma
            if not (after >= p or prev in (":", "que", "qu'")):
                return None
            subj = self._subject_before(v, start)
            if subj is not None:
                return subj, lemma
            return None
        # "Jean Dupont, président de X : « ... »"
        if prev == ":":
            np_ = self._np(self.nxt(start), p + 1)
            if np_ is not None and np_[0].kind != "PRON" and self.nxt(np_[1]) >= p:
                return np_[0], None
        return None

    def _subject_before(self, v: int, start: int) -> _Raw | None:
        """The subject of the verb of saying at v: a pronoun, "qui", "de + infinitive", or a name/role."""
        g = v - 1
        while g >= start:
            if self.is_space(g):
                g -= 1
                continue
            low = self.low(g)
            if self.pos[g] == "AUX" or low in _CLITICS or (self.pos[g] == "ADV" and low not in ("comme",)):
                g -= 1
                continue
            matched = False
            for seq in _FILLER_SEQS:
                n = len(seq)
                if seq[-1] == low and tuple(self.low(g - n + 1 + k) for k in range(n)) == seq:
                    g -= n
                    matched = True
                    break
            if not matched:
                break
        if g < start and self.verb_form[v] != ["Inf"]:
            return None
        low = self.low(g)
        pos = self.starts[v]
        if low in _PRONOUNS:
            gender, number = _PRONOUNS[low]
            return _Raw("PRON", pos, gender=gender, number=number)
        if low in ("qui",) or (self.verb_form[v] == ["Inf"] and low in ("de", "d'")):
            return _Raw("INHERIT", pos)
        best: _Raw | None = None
        k = start
        while k <= g:
            np_ = self._np(k, g + 1)
            if np_ is None:
                k += 1
                continue
            raw, end = np_
            before = self.prv(k - 1)
            governed = before >= start and self.pos[before] == "ADP"
            if raw.kind != "PRON" and not governed:
                best = raw
            k = max(end, k + 1)
        if best is not None:
            best.pos = pos
        return best

    def _signature(self, close_tok: int) -> _Raw | None:
        """« ... »\\nAnnick Salaün, directrice générale de ...: the line after the quote signs it."""
        j = self.nxt(close_tok + 1)
        if j >= self.n or "\n" not in self.text[self.idx(close_tok) : self.idx(j)]:
            return None
        if self.low(j) in ("—", "–", "-"):
            j = self.nxt(j + 1)
        np_ = self._np(j, self.n)
        if np_ is None or np_[0].kind not in ("PER",):
            return None
        raw, end = np_
        line_end = self.text.find("\n", self.starts[j])
        if line_end == -1:
            line_end = len(self.text)
        if self.idx(self.nxt(end)) < line_end and self.finite(self.nxt(end)):
            return None
        return raw

    def _chain(self, cands: list[_Candidate]) -> None:
        """A quotation with no attribution of its own right after or before an attributed one
        (« P1 » « P2 », a déclaré X) shares its speaker."""
        for k, c in enumerate(cands):
            if c.raw is not None:
                continue
            for other, gap in (
                (cands[k - 1] if k else None, lambda o, c=c: self.text[o.close_at + 1 : c.open_at]),
                (
                    cands[k + 1] if k + 1 < len(cands) else None,
                    lambda o, c=c: self.text[c.close_at + 1 : o.open_at],
                ),
            ):
                if other is not None and other.raw is not None and not gap(other).strip():
                    c.raw, c.verb = replace(other.raw), other.verb
                    break

    # -- noun phrases that can speak
    def _np(self, i: int, limit: int) -> tuple[_Raw, int] | None:
        """A speaker at token i: a pronoun, [role] [title] name [, role], a role, or a body."""
        i = self.nxt(i)
        if i >= limit or not self.has(i):
            return None
        low = self.low(i)
        gender: str | None
        if low in ("il", "elle", "ils", "elles"):
            gender, number = _PRONOUNS[low]
            return _Raw("PRON", self.starts[i], gender=gender, number=number), i + 1
        role = self._role(i, limit)
        if role is not None:
            r_start, r_end, noun, gender = role
            first = self.nxt(r_start + 1) if self.low(r_start) in _ROLE_DETS else r_start
            j = self.nxt(r_end)
            comma = self.low(j) == ","
            if comma:
                j = self.nxt(j + 1)
            j = self._skip_titles(j, limit)
            m = self.mention_at.get(j)
            if m is None and j < limit and not comma and self._bare_name(j):
                m = self._bare_name(j)
            if m is not None and m.label == "PER" and j < limit:
                end = self._tok(m.end - 1) + 1
                if comma and self.low(self.nxt(end)) == ",":
                    end = self.nxt(end) + 1
                role_text = self._span(first, r_end)
                return self._person(m, role_text, gender, i), end
            body = self._body(noun + 1, r_end)
            return (
                _Raw(
                    "ROLE",
                    self.starts[i],
                    surface=self._span(r_start, r_end),
                    role=self._span(first, r_end),
                    head=self._head(noun),
                    body=body,
                    gender=gender,
                    number="Plur" if self._plural(noun) else "Sing",
                ),
                r_end,
            )
        named = self._noun_then_name(i, limit)
        if named is not None:
            return named
        j = self._skip_titles(i, limit)
        gender = None
        for k in range(i, j):
            if self.low(k) in ("mme", "madame", "mlle", "mmes"):
                gender = "Fem"
            elif self.low(k) in ("m.", "monsieur", "mm."):
                gender = "Masc"
        det = None
        if self.low(j) in ("le", "la", "l'", "les"):
            det = j
            j = self.nxt(j + 1)
        m = self.mention_at.get(j)
        if m is None or j >= limit:
            return None
        end = self.mention_tokens[j]
        if m.label == "PER":
            if det is not None:
                return None
            appos, after = self._apposition(end, limit)
            return self._person(m, appos, gender, i), after
        if det is not None:
            gender = "Fem" if self.low(det) == "la" else "Masc" if self.low(det) == "le" else None
        return _Raw(m.label, self.starts[i], surface=m.text, mention=m, gender=gender), end

    def _noun_then_name(self, i: int, limit: int) -> tuple[_Raw, int] | None:
        """ "La rectrice de l'académie, Anne Vidal, ...": a function outside the role lexicon, then a name."""
        if self.low(i) not in _ROLE_DETS or self.pos[self.nxt(i + 1)] != "NOUN":
            return None
        noun = self.nxt(i + 1)
        end = self._role_extent(noun + 1, limit)
        j = self.nxt(end)
        if self.low(j) != ",":
            return None
        j = self._skip_titles(self.nxt(j + 1), limit)
        m = self.mention_at.get(j)
        if m is None or m.label != "PER" or j >= limit:
            return None
        stop = self.mention_tokens[j]
        if self.low(self.nxt(stop)) != ",":
            return None
        gender = (
            "Fem"
            if self.low(i) in ("la", "sa", "cette")
            else "Masc"
            if self.low(i) in ("le", "son", "ce")
            else None
        )
        return self._person(m, self._span(noun, end), gender, i), self.nxt(stop) + 1

    def _person(self, m: _Mention, role: str | None, gender: str | None, i: int) -> _Raw:
        head = None
        if role:
            first = self._tok(self.text.find(role, m.start if m.start < self.starts[i] else self.starts[i]))
            head = self._head(first) if _role_key(self.low(first)) else None
            if gender is None:
                gender = self._role_gender(first, role)
        return _Raw("PER", self.starts[i], surface=m.text, mention=m, role=role, head=head, gender=gender)

    def _role_gender(self, noun: int, role: str) -> str | None:
        if self.low(noun) in _FEMININE_ROLES:
            return "Fem"
        for k in range(noun + 1, min(noun + 3, self.n)):
            if self.pos[k] in ("ADJ", "VERB") and self.tokens.morph("Gender")[k]:
                return self.tokens.morph("Gender")[k][0]
            if self.pos[k] not in ("ADJ", "VERB"):
                break
        return None

    def _skip_titles(self, j: int, limit: int) -> int:
        while j < limit and self.low(j) in _TITLES:
            j = self.nxt(j + 1)
        if self.low(j) in ("le", "la") and self.low(self.nxt(j + 1)) in _TITLES:
            j = self._skip_titles(self.nxt(j + 1), limit)
        return j

    def _apposition(self, end: int, limit: int) -> tuple[str | None, int]:
        """ ", ministre de l'Economie, des Finances ..." after a name: the role as written."""
        j = self.nxt(end)
        if j >= limit or self.low(j) != ",":
            return None, end
        k = self.nxt(j + 1)
        if not self.has(k) or self.pos[k] not in ("NOUN", "ADJ", "PROPN") or self.finite(k):
            return None, end
        if k in self.mention_at and self.mention_at[k].label == "PER":
            return None, end
        stop = self._role_extent(k, limit, allow_noun_start=True)
        if stop <= k:
            return None, end
        after = stop
        if self.low(self.nxt(stop)) == ",":
            after = self.nxt(stop) + 1
        return self._span(k, stop), after

    def _role(self, i: int, limit: int) -> tuple[int, int, int, str | None] | None:
        """A role noun phrase at i: (start, end, noun index, gender)."""
        j, det = i, None
        if self.low(j) in _ROLE_DETS:
            det, j = j, self.nxt(j + 1)
        if det is not None and self.num[j]:  # "les deux ministres"
            j = self.nxt(j + 1)
        for _ in range(2):  # "le Premier ministre", "la nouvelle présidente"
            if self.low(j) in _ROLE_PREFIX:
                j = self.nxt(j + 1)
        if j >= limit or _role_key(self.low(j)) is None:
            return None
        end = self._role_extent(j + 1, limit)
        gender = None
        if det is not None and self.low(det) in ("la", "sa", "cette"):
            gender = "Fem"
        elif det is not None and self.low(det) in ("le", "son", "ce"):
            gender = "Masc"
        if self.low(j) in _FEMININE_ROLES or self.low(j)[:-1] in _FEMININE_ROLES:
            gender = "Fem"
        elif gender is None:
            gender = self._role_gender(j, "")
        return i, end, j, gender

    def _role_extent(self, j: int, limit: int, allow_noun_start: bool = False) -> int:
        """Extend a role over adjectives, participles, nouns and "de/du/à ..." complements."""
        k = j
        depth = 0
        while k < limit:
            text, pos = self.words[k], self.pos[k]
            low = self.low(k)
            if "\n" in text or text in _ALL_MARKS:
                break
            if k in self.mention_at and self.mention_at[k].label == "PER":
                break
            if self._first_name(k) and self.pos[k - 1] not in ("ADP", "DET") and self._bare_name(k):
                break  # "le président Obama": the name, not part of the role
            if text == "(":
                depth += 1
                k += 1
                continue
            if text == ")":
                if depth == 0:
                    break
                depth -= 1
                k += 1
                continue
            if self.space[k] or low in _ROLE_ADJ:
                k += 1
                continue
            if text == ",":
                nxt = self.nxt(k + 1)
                if self.low(nxt) in ("des", "de", "du", "d'", "et") and not (
                    self.low(nxt) == "et" and self.nxt(nxt + 1) in self.mention_at
                ):
                    k = nxt
                    continue
                break
            if self.punct[k] or self.finite(k) or pos in ("PRON", "SCONJ"):
                break
            if pos == "CCONJ":
                nxt = self.nxt(k + 1)
                if self.pos[nxt] in ("ADP", "DET") if nxt < self.n else False:
                    k += 1
                    continue
                if self.pos[nxt] == "ADJ" if nxt < self.n else False:
                    k += 1
                    continue
                break
            if pos == "ADP" and low not in _ROLE_ADP:
                break
            if pos in ("ADJ", "NOUN", "PROPN", "ADP", "DET", "NUM", "X") or (
                pos == "VERB" and "Part" in self.verb_form[k]
            ):
                if (
                    pos == "VERB"
                    and low not in _ROLE_ADP
                    and self.low(k - 1) not in _ROLE_PAIRS
                    and not low.startswith(("chargé", "délégué", "nommé", "élu"))
                ):
                    break
                k += 1
                continue
            break
        while k > j and (self.pos[k - 1] in ("ADP", "DET", "CCONJ") or self.is_space(k - 1)):
            k -= 1
        return k

    def _body(self, start: int, end: int) -> _Mention | None:
        """The body a role names ("Directrice générale de l'UNESCO"), after the role's own words."""
        while start < end and self.low(start) in _ROLE_ADJ:
            start += 1
        for k in range(start, end):
            m = self.mention_at.get(k)
            if m is not None and m.label in ("ORG", "LOC", "PER"):
                return m
        return None

    def _head(self, noun: int) -> str:
        head = _role_key(self.low(noun)) or self.low(noun)
        k = noun + 1
        while k < self.n and self.low(k) in _ROLE_ADJ:
            head += " " + _ROLE_ADJ[self.low(k)]
            k += 1
        return head

    def _plural(self, noun: int) -> bool:
        low = self.low(noun)
        return self.tokens.morph("Number")[noun] == ["Plur"] or (
            low not in _ROLE_PAIRS and bool(_role_key(low))
        )

    def _span(self, a: int, b: int) -> str:
        return self.text[self.starts[a] : self.starts[b - 1] + len(self.words[b - 1])]

    # -- sentence subjects: what later pronouns and bare roles refer to
    def _sentence_subjects(self) -> Iterator[_Raw]:
        for sent_start, sent_end in self._sentences():
            i = self.nxt(sent_start)
            if i >= sent_end or any(a <= self.starts[i] <= b for a, b in self.quoted):
                continue
            if self.words[i] in _ALL_MARKS:
                continue
            found = self._subject_at(i, sent_end)
            if found is None:  # a fronted adverbial: "Le 15 juin, la Directrice ... a participé"
                comma = next((k for k in range(i, min(sent_end, i + 16)) if self.words[k] == ","), None)
                if comma is not None and not any(self.finite(k) for k in range(i, comma)):
                    found = self._subject_at(self.nxt(comma + 1), sent_end)
            if found is not None:
                yield found

    def _subject_at(self, i: int, limit: int) -> _Raw | None:
        np_ = self._np(i, limit)
        if np_ is None:
            return None
        raw, end = np_
        j = self.nxt(end)
        if self.low(j) == ",":  # a relative or an apposition before the verb
            close = next((k for k in range(j + 1, min(limit, j + 25)) if self.words[k] == ","), None)
            if close is None:
                return None
            j = self.nxt(close + 1)
        while j < limit and (self.low(j) in _CLITICS or self.pos[j] == "ADV"):
            j = self.nxt(j + 1)
        if j < limit and self.finite(j):
            raw.pos = self.starts[i]
            return raw
        return None

    # -- resolution
    def _resolve(self, raw: _Raw) -> _Speaker | None:
        before = [sp for pos, sp in self.events if pos < raw.pos]
        if raw.kind == "INHERIT":
            return replace(before[-1]) if before else None
        if raw.kind == "PRON":
            for sp in reversed(before):
                if sp.number != raw.number:
                    continue
                if raw.gender and sp.gender and raw.gender != sp.gender:
                    continue
                return replace(sp)
            return None
        if raw.kind == "ROLE":
            canonical = raw.body.canonical if raw.body is not None else None
            role = raw.role
            if raw.body is None and raw.head:
                for sp in reversed(before):
                    if (
                        sp.head
                        and (sp.head + " ").startswith(raw.head + " ")
                        and (not raw.gender or not sp.gender or raw.gender == sp.gender)
                    ):
                        canonical = sp.canonical
                        role = sp.role or role
                        break
            assert raw.surface is not None
            return _Speaker(raw.surface, canonical, role, raw.gender, raw.number, raw.head, "ROLE")
        assert raw.mention is not None
        return _Speaker(
            raw.mention.text, raw.mention.canonical, raw.role, raw.gender, raw.number, raw.head, raw.kind
        )
