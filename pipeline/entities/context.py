"""One document as the rules see it: token attributes read in bulk, sentences, contacts, mixed case.

The rules index token attributes by position (`ctx.words[i]`, `ctx.lower[i]`, `ctx.pos[i]` ...) in
plain lists read once per document (see tokens.py); spaCy Token objects are never built.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.lang.fr.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.canonical import Gazetteer, GazetteerEntry, normalize_key
from pipeline.contacts import Contact, extract_contacts
from pipeline.token_table import TokenTable, token_table

from .lexicon import is_common_word, is_lemma
from .shapes import has_letter, is_acronym
from .words import LEADING_FUNCTION_WORDS, NAME_HEADS, SPLIT_CHARS

_LIST_NUMBER = re.compile(r"\d{1,3}[.)]|[a-z]\)")


class Context:
    """Per-document features shared by every rule."""

    def __init__(
        self,
        doc: Doc,
        gazetteer: Gazetteer,
        contacts: list[Contact] | None = None,
        tokens: TokenTable | None = None,
    ) -> None:
        self.doc = doc
        self.gaz = gazetteer
        self.n = n = len(doc)
        tokens = tokens or token_table(doc)
        self.words = words = tokens.words  # token texts
        self.lower, self.pos, self.idx, self.text = tokens.lower, tokens.pos, tokens.idx, tokens.text
        self.spaced = tokens.spaced  # 1 when a space follows the token
        self.punct, self.space, self.num = tokens.punct, tokens.space, tokens.num
        self.finite = ["Fin" in forms for forms in tokens.morph("VerbForm")]
        self.ents = [(e.start, e.end, e.label_) for e in doc.ents]

        self.sentences = tokens.sentences  # token ranges of doc.sents
        self.sent_index = tokens.sentence_of  # sentence of each token
        self.sent_starts = [self.idx[a] for a, _ in self.sentences]  # character offsets
        # the first word of a sentence, after punctuation, list numbers and markdown
        self.initial = [False] * n
        for a, b in tokens.sentences:
            for i in range(a, b):
                if not self._is_marker(i):
                    self.initial[i] = True
                    break

        self.contact = [False] * n
        for c in extract_contacts(self.text) if contacts is None else contacts:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self.contact[i] = True
        # names the model finds written in mixed case: "PARIS" in a dateline is the "Paris" of the text
        ent_texts = [self.span_text(s, e) for s, e, _ in self.ents]
        self.mention_keys = {normalize_key(t) for t in ent_texts if not t.isupper()}
        # last words of the people the model names in full: "Curie" after "Marie Curie"
        self.surnames = {words[e - 1] for s, e, label in self.ents if label == "PER" and e - s > 1}

        # asked for by few rules: computed on first use
        self._gaz_cache: dict[str, GazetteerEntry | None] = {}
        self._lower_words: set[str] | None = None
        self._upper_sentence: dict[int, bool] = {}

    def _is_marker(self, i: int) -> bool:
        """Tokens that may precede the first word of a line: punctuation, list numbers, markdown."""
        t = self.words[i]
        return bool(self.space[i] or self.punct[i] or not has_letter(t) or _LIST_NUMBER.fullmatch(t))

    def written_in_lower_case(self, word: str) -> bool:
        """Some token of the document is `word` written in lower case."""
        if self._lower_words is None:
            self._lower_words = set(filter(str.islower, self.words))
        return word in self._lower_words

    def upper_sentence(self, k: int) -> bool:
        """Sentence k is written in capitals only (a headline): two words or more, no lower-case word."""
        if k not in self._upper_sentence:
            a, b = self.sentences[k]
            upper_words, lower_seen = 0, False
            for t in self.words[a:b]:
                if t.isupper():
                    upper_words += len(t) >= 2
                elif t != t.upper():
                    lower_seen = True
            self._upper_sentence[k] = upper_words >= 2 and not lower_seen
        return self._upper_sentence[k]

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range of the characters start:end, None unless both ends are token boundaries
        (doc.char_span(start, end) in its strict mode)."""
        first = bisect_left(self.idx, start)
        if first == self.n or self.idx[first] != start:
            return None
        last = bisect_right(self.idx, end - 1) - 1  # the token holding the last character
        if last < 0 or self.end_char(last) != end:
            return None
        return first, last + 1

    def end_char(self, i: int) -> int:
        """Character offset just after token i."""
        return self.idx[i] + len(self.words[i])

    def span_text(self, start: int, end: int) -> str:
        """doc[start:end].text"""
        return self.text[self.idx[start] : self.end_char(end - 1)] if end > start else ""

    def lookup(self, text: str) -> GazetteerEntry | None:
        """Gazetteer.lookup, remembered for the document (the same names are looked up again)."""
        if text not in self._gaz_cache:
            self._gaz_cache[text] = self.gaz.lookup(text)
        return self._gaz_cache[text]

    def written_in_mixed_case(self, text: str) -> bool:
        """The text also writes these words in lower or mixed case ("FRANCE 2030" and "France 2030")."""
        pattern = r"(?<!\w)" + re.escape(text) + r"(?!\w)"
        return any(not m.group().isupper() for m in re.finditer(pattern, self.text, re.IGNORECASE))

    def is_break(self, i: int) -> bool:
        """A token no name runs across: line breaks, colons, brackets, quotes, contacts."""
        t = self.words[i]
        if "\n" in t or self.contact[i]:
            return True
        if t in ("–", "—", "-") and i > 0 and self.spaced[i - 1] and self.spaced[i]:
            return True  # "Université de Morlange – Service communication": a spaced dash parts two names
        return bool(self.punct[i]) and any(ch in SPLIT_CHARS for ch in t)

    def common_initial(self, i: int, label: str | None = None) -> bool:
        """A sentence-initial capital on a common word ("Budget", "Contact", "Hier").

        A word tagged as a proper noun counts when the document also writes it in lower case, or
        when it is a dictionary word taken for a person or body ("Budget" as PER); places keep the
        benefit of the doubt ("Paris", plural of "pari").
        """
        text, low = self.words[i], self.lower[i]
        if not self.initial[i] or is_acronym(text) or low in NAME_HEADS:
            return False
        if self.lookup(text):
            return False
        if low in STOP_WORDS or low in LEADING_FUNCTION_WORDS:
            return True
        if not is_common_word(text):
            return False
        if self.pos[i] != "PROPN" or self.written_in_lower_case(low):
            return True
        return label in ("PER", "ORG", "MISC") and is_lemma(text)
