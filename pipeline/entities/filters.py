"""What can never be an entity, whatever the model says: contacts, initials, month and weekday
names, headings and sentence-initial common words, upper-case headline words, demonyms ("les
Suédois"), roles without a name, ministerial portfolios ("ministre de la Culture")."""

from __future__ import annotations

import re

from spacy.lang.fr.stop_words import STOP_WORDS

from pipeline.canonical import normalize_key
from pipeline.places import is_known_place

from .context import Context
from .lexicon import is_adjective, is_common_word, is_lemma
from .records import Candidate
from .shapes import has_letter, is_acronym, is_cap, is_upper_word
from .spurious import spurious
from .words import (
    GENERIC,
    HONORIFICS,
    KIND_ACRONYMS,
    MISC_HEADS,
    MONTHS,
    NAME_HEADS,
    PLURAL_ORG_HEADS,
    ROLE_HEADS,
    TIME_WORDS,
    WEEKDAYS,
)

# "XIV", "XIXe" (siècle), "Ier": a well-formed numeral only, so that an acronym of the same letters
# ("CICCI", "LCL") is not taken for one
_ROMAN = re.compile(
    r"(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?:\.|e|er|ère|ème|es)?"
)
_DEMONYM_ENDINGS = ("ain", "and", "ien", "ais", "ois", "ol", "ard", "ite", "ote")


def _event_of_place(ctx: Context, c: Candidate) -> bool:
    """ "sommet de Lisbonne", "accord de Paris": a lower-case event/act noun named after a place."""
    i = c.start
    return (
        c.end - i >= 3
        and ctx.lower[i] in MISC_HEADS
        and ctx.lower[i + 1] in ("de", "d'", "d’")
        and is_cap(ctx.words[i + 2])
    )


def _inflected_common_word(ctx: Context, k: int) -> bool:
    """A sentence- or line-initial participle or plural whose lemma is a common word: "Réunis en
    séance, les élus ...", "Installée dans ...", a list label "Passeuses : ..." (not in the word list
    as written, so common_initial misses it)."""
    token = ctx.doc[k]
    if ctx.lookup(token.text) or is_known_place(token.text) or not is_common_word(token.lemma_):
        return False
    if token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm"):
        return True
    nxt = ctx.words[k + 1] if k + 1 < ctx.n else ""
    return "Plur" in token.morph.get("Number") and nxt == ":"


def _postal_town(ctx: Context, k: int, text: str) -> bool:
    """Token k follows a five-digit postcode and the text is a known place."""
    before = ctx.words[k - 1] if k > 0 else ""
    return len(before) == 5 and before.isdigit() and is_known_place(text)


def never_an_entity(ctx: Context, c: Candidate, text: str) -> bool:
    """The filters: what can never be an entity, whatever the model says."""
    if c.source in ("social", "quoted", "dateline", "road"):
        return False  # "Suivez-nous sur X", "le rapport « Terres fragiles »": names by their context
    words, lower = ctx.words, ctx.lower
    ks = [k for k in range(c.start, c.end) if has_letter(words[k])]  # the tokens with a letter
    if len(text) < 2 or not ks or not has_letter(text):
        return True
    if c.source in ("gazetteer", "acronym"):
        return False
    if any(ctx.contact[k] for k in range(c.start, c.end)):
        return True
    if "@" in text or "http" in text.lower() or "www." in text.lower():
        return True
    first = ks[0]
    if _postal_town(ctx, first, text):
        return False  # "87042 Limoges Cedex": the town of a postal line is a place (not "Limoges" ware)
    if not is_cap(text) and not c.keep_lower and not _event_of_place(ctx, c):
        return True
    key = normalize_key(text)
    if _ROMAN.fullmatch(text) or key in HONORIFICS or key + "." in HONORIFICS:
        return True
    if lower[first] in KIND_ACRONYMS and all(ctx.num[k] for k in range(first + 1, c.end)):
        return True  # "(UMR 7154)", "une SARL": a kind of unit or company, no name
    if (
        _ROMAN.fullmatch(words[first])
        and words[first][-1] in "er"
        and all(words[k].islower() for k in ks[1:])
    ):
        return True  # "XXIe siècle", "IIIe millénaire": an ordinal, not a name
    lows = [lower[k] for k in ks]
    if all(len(words[k].rstrip(".")) == 1 for k in ks):
        return True  # initials only: "S. A. R.", "J. D."
    if all(is_upper_word(words[k]) or len(words[k]) < 3 for k in ks) and not ctx.lookup(text):
        # an upper-case headline: common words are not names ("DERNIÈRES NOUVELLES", "PHOTO",
        # "LE GOUVERNEMENT ANNONCE 500 MILLIONS"); a name of the text in capitals stays ("PARIS")
        long_ks = [k for k in ks if len(words[k]) >= 3]
        if not any(normalize_key(words[k]) in ctx.mention_keys for k in ks) and (
            all(is_lemma(words[k]) or lower[k] in STOP_WORDS or is_adjective(words[k]) for k in long_ks)
            or (len(long_ks) >= 3 and sum(is_common_word(words[k]) for k in long_ks) >= 2)
        ):
            return True
    if (
        len(ks) == 1
        and c.label == "MISC"
        and ctx.upper_sentence(ctx.sent_index[c.start])
        and key not in ctx.mention_keys
        and not ctx.written_in_mixed_case(text)
        and not ctx.lookup(text)
    ):
        return True  # a word of an upper-case headline ("À PROPOS DE ..."), not a name of the text
    if all(w in MONTHS or w in WEEKDAYS or w in TIME_WORDS or w.isdigit() for w in lows):
        return True
    if any(w in MONTHS or w in WEEKDAYS for w in lows) and any(ctx.num[k] for k in range(c.start, c.end)):
        return True
    if spurious(ctx, c, ks, text):
        return True
    if ctx.lookup(text):
        return False
    if len(ks) == 1:
        k = ks[0]
        w, low = words[k], lower[k]
        if low in GENERIC or low in STOP_WORDS or low in ROLE_HEADS or low in HONORIFICS:
            return True
        if is_acronym(w):
            return False
        # sentence-initial capital on a common word; or a heading word tagged as a name
        if ctx.common_initial(first, c.label) and not (c.label == "PER" and w in ctx.surnames):
            return True
        if low in NAME_HEADS and low not in PLURAL_ORG_HEADS and ctx.initial[first]:  # "Moulins et Vichy"
            return True
        if ctx.initial[k] and _inflected_common_word(ctx, k):
            return True
        # demonyms: "les Suédois", "un Américain"
        demonym_form = (low.endswith(("s", "x")) and len(low) > 3) or low.endswith(_DEMONYM_ENDINGS)
        if (ctx.pos[k] != "PROPN" or c.label != "ORG") and demonym_form and is_adjective(low):
            return True
        # a capitalised portfolio inside a ministerial function: "Culture", "Sports"
        if "portfolio" in c.source and is_common_word(low):
            return True
    else:
        if all(lower[k] in GENERIC or lower[k] in STOP_WORDS for k in ks):
            return True
        if "portfolio" in c.source and all(is_common_word(lower[k]) or not is_cap(words[k]) for k in ks):
            return True
        # headings: the only capital is a sentence-initial common word ("Activités prévues")
        caps = [k for k in ks if is_cap(words[k])]
        if (
            caps
            and all(ctx.initial[k] for k in caps)
            and ctx.common_initial(caps[0])
            and not c.keep_lower
            and lower[caps[0]] not in NAME_HEADS
        ):
            return True
        if not caps and not c.keep_lower:
            return True
        if _kicker(ctx, c, ks):
            return True
        if (
            caps == [ks[0]]
            and ctx.initial[ks[0]]
            and lower[ks[0]] in NAME_HEADS
            and _kind_apposition(ctx, ks)
        ):
            return True
    return False


def _kicker(ctx: Context, c: Candidate, ks: list[int]) -> bool:
    """A headline's kicker before a colon: a kind of event and adjectives ("Opération spéciale : les
    pompiers recrutent"), no name of an event."""
    first = ks[0]
    return (
        c.label == "MISC"
        and ctx.initial[first]
        and ctx.lower[first] in MISC_HEADS
        and all(
            ctx.words[k].islower() and (ctx.pos[k] == "ADJ" or is_adjective(ctx.words[k])) for k in ks[1:]
        )
        and c.end < ctx.n
        and ctx.words[c.end] == ":"
    )


def _kind_apposition(ctx: Context, ks: list[int]) -> bool:
    """A sentence-initial kind noun opening an apposition about the publisher ("Mutuelle régie par le
    code de la mutualité, la ...", "Association à but non lucratif, le ..."): a description, no name."""
    nxt = ks[1]
    if ctx.pos[nxt] == "VERB" and ctx.words[nxt].islower() and not ctx.finite[nxt]:
        return True
    return ctx.lower[nxt] == "à" and nxt + 1 < ctx.n and ctx.lower[nxt + 1] == "but"
