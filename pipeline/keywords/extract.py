"""The per-document pass: every candidate phrase of one document with its in-document features. It
needs nothing from the rest of the corpus, so it runs (and is cached) document by document."""

from __future__ import annotations

import re
from operator import attrgetter

from spacy.tokens import Doc

from ..token_table import TokenTable
from .candidate import Acc, KeyphraseCandidate
from .commonness import common_noun_rank
from .filters import (
    container_shares,
    drop_class_nouns,
    first_actor,
    merge_first_names,
    merge_short_names,
    too_short,
)
from .phrases import Shape, phrase_spans
from .quoted import add_title, quoted_titles
from .title import in_metadata_title, title_ngrams, title_span
from .tokens import read_tokens
from .vocabulary import ROLE_HEADS, TIME_AND_QUANTITY
from .words import Words, introduced_by_role, is_acronym, sentence_words
from .zones import boilerplate_spans, in_spans


def keyphrase_candidates(
    doc: Doc, *, tokens: TokenTable | None = None, title: str | None = None
) -> list[KeyphraseCandidate]:
    """All candidate phrases of one document with their in-document features (sorted by first offset).

    `tokens`: the document's TokenTable when the caller has built it already (else it is read here);
    `title`: the release's title from its metadata, when it has one (a phrase in it is in the title as
    much as one in the title line of the text)."""
    columns, text = read_tokens(doc, tokens)
    text_len = max(len(text), 1)
    # Sentence bounds only: iterating a Span builds a Token object per token.
    sents = [(s.start, s.end) for s in doc.sents]
    sents = [(lo, hi) for lo, hi in sents if not all(columns.is_space[lo:hi])]
    titled = title_ngrams(title)
    line = title_span(text)
    title_sents = {k for k, (lo, _) in enumerate(sents) if line and line[0] <= columns.idx[lo] < line[1]}
    zones = boilerplate_spans(text)
    zone_starts = [lo for lo, _ in zones]
    acc: dict[str, Acc] = {}
    for s_idx, (lo, hi) in enumerate(sents):
        words = sentence_words(columns, lo, hi)
        for i, j, shape in phrase_spans(words):
            if j - 1 in words.governing:
                continue  # cut before the participle's complement: "terminal destiné (à ...)"
            a = _add(acc, words, i, j, shape, s_idx, text)
            if not zones or not in_spans(words.starts[i], zones, zone_starts):
                a.body_frequency += 1
        for i, j in quoted_titles(columns, lo, hi, words):
            a = add_title(acc, words, i, j, s_idx, text)
            if not zones or not in_spans(words.starts[i], zones, zone_starts):
                a.body_frequency += 1
    # Only in the dateline or the contact block: the publisher's, not the topic (and no full name that a
    # bare first name or surname of the body could be merged into).
    for key in [k for k, a in acc.items() if not a.body_frequency]:
        del acc[key]
    merge_short_names(acc)
    merge_first_names(acc)
    drop_class_nouns(acc)
    first_actor(acc)
    shares = container_shares(acc)
    out = []
    for key, a in acc.items():
        surface = max(a.surfaces, key=a.surfaces.__getitem__)  # the first seen on ties
        if (a.n_words == 1 and a.generic) or a.filler or too_short(surface, a.is_acronym, a.is_name):
            continue
        out.append(
            KeyphraseCandidate(
                lemma=key,
                surface=surface,
                first_offset=a.first_offset,
                first_sentence=a.first_sentence,
                rel_position=round(a.first_offset / text_len, 6),
                # Repetition is the topic; the dateline and contact lines repeat the publisher's town
                # and name in every release, so occurrences there are not counted.
                frequency=a.body_frequency,
                sentence_count=len(a.sentences),
                in_title=not a.sentences.isdisjoint(title_sents) or in_metadata_title(a.surfaces, titled),
                n_words=a.n_words,
                is_name=a.is_name,
                has_name=a.has_name,
                is_acronym=a.is_acronym,
                has_function_word=a.has_function_word,
                head=a.head,
                container_share=round(shares[key], 6) if key in shares else 0.0,
                common_rank=common_noun_rank(doc.vocab, surface, a.is_name) if a.n_words == 1 else 0,
                has_role=a.has_role,
                is_office=a.n_words > 1 and a.head in ROLE_HEADS,
            )
        )
    out.sort(key=attrgetter("first_offset", "lemma"))
    return out


def _add(acc: dict[str, Acc], words: Words, i: int, j: int, shape: Shape, s_idx: int, text: str) -> Acc:
    """Count the phrase of words[i:j] (sentence s_idx) in its candidate, made on its first occurrence."""
    keys = words.keys
    key = " ".join([keys[i + k] for k in shape.key_at]) if shape.has_article else " ".join(keys[i:j])
    surface = text[words.starts[i] : words.ends[j - 1]]
    a = acc.get(key)
    if a is None:
        a = acc[key] = Acc(
            first_offset=words.starts[i],
            first_sentence=s_idx,
            n_words=shape.n_words,
            is_name=shape.is_name,
            has_name=shape.has_name,
            is_acronym=j - i == 1 and is_acronym(surface),
            has_function_word=shape.has_function_word,
            head=key if shape.head_at is None else keys[i + shape.head_at],
            words=tuple([keys[i + k] for k in shape.word_at]),
            generic=shape.generic,
            filler=_is_filler(words, i, j) or _measured(words, i, j),
        )
    if j - i == 1 and words.places[i]:
        a.place = True
    if shape.is_name and shape.n_words >= 2 and not a.has_role and introduced_by_role(words, i, j):
        a.has_role = True
    a.count(surface, s_idx, i, j)
    return a


def _measured(words: Words, i: int, j: int) -> bool:
    """A phrase whose last complement is a number and a date or an amount ("plan de 210 millions
    d'euros", "site de 22 000 mètres carrés", "investissement de 2025"): the thing measured is the
    keyphrase (its head is a candidate of its own), the measure is not. So with a count in digits
    before a noun ("fermeture de 27 agences", "recrutement de 40 soignants"): an event of the headline,
    whose head and counted noun are candidates of their own."""
    roles = words.roles
    for k in range(i + 1, j - 1):
        if roles[k] in "EF":
            m = k + 2 if roles[k + 1] == "D" else k + 1
            if m < j and roles[m] == "M" and _is_filler(words, m, j):
                return True
            if m + 1 < j and roles[m] == "M" and words.keys[m].replace(" ", "").isdigit():
                return True
    return False


_CLOCK = re.compile(r"\d{1,2}\s?h(?:\s?\d{2})?")  # a time of day: "15h", "16h45"


def _is_filler(words: Words, i: int, j: int) -> bool:
    """A date or an amount: every content word of words[i:j] is a time word, a quantity, a currency, a
    number or an adjective, and one at least is a time word or a quantity ("avril 2024", "millions
    d'euros", "dernières heures")."""
    content = [(words.roles[k], words.keys[k]) for k in range(i, j) if words.roles[k] in "NGPAM"]
    measured = False
    for role, key in content:
        if key in TIME_AND_QUANTITY or _CLOCK.fullmatch(key):
            measured = True
        elif role not in "AM":
            return False
    return measured
