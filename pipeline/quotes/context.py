"""One document as the attribution rules see it: token attributes as plain lists (spaCy Token
objects are slow to build), sentences, the names that can speak, and the quoted spans.

Every rule module takes a `Context` and reads tokens by index through its small helpers (`low`,
`nxt`, `prv`, `finite`, `saying` ...), which answer safely past either end of the document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from operator import methodcaller
from typing import Any

from spacy.tokens import Doc

from pipeline.token_table import TokenTable

from .marks import find_quoted_spans
from .records import Mention
from .words import FAIRE_FORMS, ROLE_DETS, ROLE_PAIRS, SAYING_FORMS, SPEECH_LEMMAS, TITLES, role_key

# "Josiane, 71 ans, ...": an age in apposition says that the name before it is a person's.
AGE_AFTER = re.compile(r",\s*\d{1,3}\s+ans\s*[,.;)]")  # not "Vernay, 40 ans après"


class Context:
    """Per-document token attributes, mentions by token and quoted spans, shared by every rule."""

    def __init__(self, doc: Doc, entities: Sequence[Any], tokens: TokenTable) -> None:
        self.doc = doc
        # token attributes as lists, indexed like the Doc
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
        self.mention_at: dict[int, Mention] = {}
        self.mention_tokens: dict[int, int] = {}  # mention start token -> end token (exclusive)
        for m in self.mentions:
            ts, te = self.tok(m.start), self.tok(m.end - 1) + 1
            if m.label == "PER":  # a first name the mention left out ("Claire" + "Dumont")
                k = ts
                while k > 0 and self.first_name(k - 1) and not self._named_else(k - 1):
                    k -= 1  # not over a place or body named before it ("député de la Loire Jean Roy")
                if k < ts:
                    ts = k
                    m = replace(m, start=self.starts[k], text=self.text[self.starts[k] : m.end])
            if ts not in self.mention_at or self.mention_at[ts].label != "PER":
                self.mention_at[ts] = m
                self.mention_tokens[ts] = te
        self.quoted = find_quoted_spans(self.text)
        self._lemmas: dict[int, str] = {}

    # -- names that can speak
    def _mentions(self, entities: Sequence[Any]) -> list[Mention]:
        out: list[Mention] = []
        for e in entities:
            if hasattr(e, "start_char"):  # a spaCy Span: token offsets, label_ is the name
                label, start, end = e.label_, e.start_char, e.end_char
            else:
                label, start, end = getattr(e, "label", None), int(e.start), int(e.end)
            if label != "PER" and (self._aged(start, end) or self._after_role(start, end)):
                label = "PER"  # a first name the model read as another kind of name
            if label not in ("PER", "ORG", "LOC"):
                continue
            out.append(Mention(start, end, self.text[start:end], label, getattr(e, "canonical", None)))
        for ent in self.doc.ents:  # fallback names, no canonical
            k = ent.start
            while k < ent.end - 1 and (self.lower[k] in TITLES or self.punct[k] or role_key(self.lower[k])):
                k += 1  # "M. Jean Dupont" -> "Jean Dupont"
            start = self.starts[k]
            if self._fronted_participle(k, ent.end):
                continue  # "Contactée, la direction ...": a participle the model read as a name
            if ent.label_ in ("PER", "ORG") and not any(
                m.start < ent.end_char and start < m.end for m in out
            ):
                out.append(Mention(start, ent.end_char, self.text[start : ent.end_char], ent.label_, None))
        for k in range(self.n):  # a first name no stage tagged, with its age: "témoigne Josiane, 71 ans"
            start, end = self.starts[k], self.starts[k] + len(self.words[k])
            if (
                self.pos[k] == "PROPN"
                and self.words[k][:1].isupper()
                and self._aged(start, end)
                and not any(m.start < end and start < m.end for m in out)
            ):
                out.append(Mention(start, end, self.words[k], "PER", None))
        return sorted(out, key=lambda m: m.start)

    def _named_else(self, k: int) -> bool:
        """Token k lies in a mention of a place or a body."""
        at = self.starts[k]
        return any(m.label != "PER" and m.start <= at < m.end for m in self.mentions)

    def _fronted_participle(self, k: int, end: int) -> bool:
        """Tokens k to end are a verb, or one past participle opening its sentence before a comma
        ("Sollicitée, la direction ...", "Interrogé, le maire ..."): no name."""
        if all(self.pos[n] == "VERB" for n in range(k, end)):
            return True
        first = k == 0 or self.sentence_start(k) == k or "\n" in self.words[k - 1]
        return (
            end == k + 1
            and first
            and end < self.n
            and self.words[end] == ","
            and self.lows[k].endswith(("é", "ée", "és", "ées"))
        )

    def _aged(self, start: int, end: int) -> bool:
        """One or two capitalised words followed by an age: a person ("Marc Roy, 54 ans")."""
        words = self.text[start:end].split()
        capitalised = 0 < len(words) <= 2 and all(w[:1].isupper() for w in words)
        return capitalised and bool(AGE_AFTER.match(self.text, end))

    def _after_role(self, start: int, end: int) -> bool:
        """Two or three capitalised words set off by commas right after a role ("le président du groupe
        X, Jean Roy, ..."): a person, whatever the model took the name for."""
        words = self.text[start:end].split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
            return False
        ts = self.tok(start)
        if ts < 2 or self.words[ts - 1] != "," or not self.text[end:].lstrip().startswith((",", ".")):
            return False
        for k in range(ts - 2, max(-1, ts - 9), -1):
            if self.punct[k] or self.pos[k] in ("VERB", "AUX", "PRON"):
                return False
            if role_key(self.lower[k]) and k > 0 and self.lower[k - 1] in ROLE_DETS:
                return True
        return False

    def bare_name(self, k: int) -> Mention | None:
        """A capitalised name the model did not tag, right after a role ("le président Obama")."""
        if k in self.mention_at or not self.first_name(k):
            return None
        if self._named_else(k):
            return None  # the last word of a body's name ("Metz Métropole"), not a person's
        e = k + 1
        while e < self.n and self.first_name(e) and e - k < 3:
            e += 1
        if e < self.n and self.pos[e] == "PROPN" and self.words[e][:1].isupper() and e - k < 3:
            e += 1
        start, end = self.starts[k], self.starts[e - 1] + len(self.words[e - 1])
        return Mention(start, end, self.text[start:end], "PER", None)

    def first_name(self, k: int) -> bool:
        text, low = self.words[k], self.lower[k]
        return bool(
            self.pos[k] == "PROPN"
            and self.alpha[k]
            and text[:1].isupper()
            and text[1:].islower()
            and low not in ROLE_PAIRS
            and low not in TITLES
            and self.spaced[k]
        )

    # -- sentences and offsets
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) token range of each sentence of doc.sents."""
        if not self.own_sentences:
            return [(sent.start, sent.end) for sent in self.doc.sents]
        return self.tokens.sentences

    def sentence_start(self, i: int) -> int:
        """doc[i].sent.start"""
        if not self.own_sentences:
            return self.doc[i].sent.start
        return self.sentence_starts[self.sentence_of[i]]

    def tok(self, char: int) -> int:
        """The token at character offset `char`."""
        return max(0, bisect_right(self.starts, char) - 1)

    def span(self, a: int, b: int) -> str:
        """The text of tokens a to b (exclusive), without the trailing space."""
        return self.text[self.starts[a] : self.starts[b - 1] + len(self.words[b - 1])]

    # -- token helpers: safe past either end of the document
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
        """The infinitive of the verb of saying at i, None if there is none."""
        if not 0 <= i < self.n or self.pos[i] in ("DET", "ADP", "PROPN"):
            return None
        lemma = SAYING_FORMS.get(self.lows[i])
        if lemma is None and self.lows[i] in FAIRE_FORMS and self.low(i + 1) in ("valoir", "savoir"):
            lemma = "faire " + self.low(i + 1)  # "a fait valoir X", "fait savoir la direction"
        if lemma is None and self.pos[i] == "VERB" and self.lemma(i) in SPEECH_LEMMAS:
            lemma = self.lemma(i)  # a form the list lacks, or a verb of stance ("a défendu")
        if (
            lemma is None
            and self.pos[i] == "VERB"
            and self.lemma(i) == "voir"
            and (self.low(self.nxt(i + 1)) == "dans" or self.low(self.prv(i - 1)) == "y")
        ):
            lemma = "voir"  # "voit dans ce projet « ... »", "y voit « ... »": a judgement
        if lemma and self.has(i - 1) and self.pos[i - 1] == "DET":
            return None  # "l'estime", "la remarque": a noun
        return lemma

    def lemma(self, i: int) -> str:
        """The model's lemma of token i (read on demand: few tokens need one)."""
        if not 0 <= i < self.n:
            return ""
        found = self._lemmas.get(i)
        if found is None:
            found = self._lemmas[i] = self.doc[i].lemma_.lower()
        return found
