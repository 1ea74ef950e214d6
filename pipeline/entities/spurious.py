"""Spurious entities of press releases that the general filters (filters.py) let through: amounts'
currencies ("15 milliards FCFA"), postal lines ("88000 ÉPINAL Cedex"), common words of header and
contact lines ("Communiqué de Presse", "Contact Presse"), capitalised common nouns in the official
style of some publishers ("les Collectivités territoriales", "un Rapport mensuel") and working groups
named by what they do ("Comité de pilotage", "Conseil interministériel")."""

from __future__ import annotations

import re

from pipeline.places import is_known_place

from .context import Context
from .labels import preceding_cue
from .lexicon import is_adjective, is_common_word, is_lemma
from .records import Candidate
from .shapes import is_acronym, is_cap
from .words import (
    COMPLEMENT_PREPS,
    CONTACT_LABELS,
    CURRENCIES,
    DETERMINERS,
    GENERIC_COMPLEMENTS,
    IDENTIFIER_LABELS,
    INDEFINITE_DETERMINERS,
    MEETING_ADJECTIVES,
    MISC_HEADS,
    NAME_HEADS,
    ORG_HEADS,
    PLURAL_ORG_HEADS,
    POSTAL_WORDS,
    PRESS_WORDS,
    STREET_WORDS,
    UNIT_HEADS,
)

_MARKDOWN = "#*_>-•|[]() \t"
_HEADING_WORDS = 6  # a header or contact line: a few words, no sentence punctuation


def _line(ctx: Context, k: int) -> str:
    """The line of the text holding token k, without markdown marks around it."""
    text = ctx.text
    start = text.rfind("\n", 0, ctx.idx[k]) + 1
    end = text.find("\n", ctx.idx[k])
    return text[start : end if end != -1 else len(text)].strip(_MARKDOWN)


def _heading_line(ctx: Context, k: int) -> bool:
    """Token k sits on a short line that is not a sentence: a title, a header or a contact line."""
    line = _line(ctx, k)
    return len(line.split()) <= _HEADING_WORDS and not line.rstrip(" *_").endswith((".", ";", ",", "?", "!"))


def _known_name(ctx: Context, text: str) -> bool:
    return ctx.lookup(text) is not None or is_known_place(text)


def _plural_noun(word: str) -> bool:
    """A common noun in the plural ("Collectivités", "Organisations"; not the lemma "Paris")."""
    low = word.lower()
    return low.endswith(("s", "x")) and len(low) > 3 and is_common_word(low) and not is_lemma(low)


def _press_unit(lows: list[str]) -> bool:
    """The publisher's press or communication unit: a unit head whose complement is the press."""
    content = [w for w in lows[1:] if w not in COMPLEMENT_PREPS and w not in DETERMINERS]
    return lows[0] in UNIT_HEADS and bool(content) and content[0] in PRESS_WORDS


def _street_line(ctx: Context, k: int) -> bool:
    """Token k follows a street word that follows a street number ("15, rue de ...", also after a
    building's name: "Hôtel de Région, 4, avenue du Général-Leclerc")."""
    start = ctx.text.rfind("\n", 0, ctx.idx[k]) + 1
    prefix = ctx.text[max(start, ctx.idx[k] - 120) : ctx.idx[k]]
    if not _DIGIT.search(prefix) or not _STREET.search(prefix):
        return False  # no street number or street word just before the token
    before = prefix.lower().replace("’", "'").split()
    if any(w[:1].isdigit() and len(w.strip(",")) == 5 for w in before):
        return False  # "75001 Paris": the town is a place
    line_number = _line(ctx, k)[:1].isdigit()
    for i in range(max(0, len(before) - 4), len(before)):
        if before[i].strip(",.") in STREET_WORDS and (line_number or _street_number(before, i)):
            # the street's name runs on to the token: no comma, dash or "à" in between ("12 rue Haute
            # à Lyon": Lyon is the town)
            between = before[i + 1 :]
            return not any(w in ("à", "au", "-", "–", "—") or w.endswith(",") for w in between)
    return False


def _street_number(words: list[str], i: int) -> bool:
    """The word before words[i] is a street number: "4,", "12 bis", "7-9"."""
    if i >= 1 and words[i - 1] in ("bis", "ter", "quater"):
        i -= 1
    return i >= 1 and bool(_NUMBER.fullmatch(words[i - 1]))


_DIGIT = re.compile(r"\d")
_STREET = re.compile(r"\b(?:" + "|".join(sorted(STREET_WORDS)) + r")\b", re.I)
_NUMBER = re.compile(r"\d{1,4}(?:[-/]\d{1,4})?,?")


# a unit head alone is no name ("Direction de la communication de l'UFC" cut before the acronym);
# "le Département", "la Mission" may be the short form of a body named in full
_BARE_UNITS = frozenset(("direction", "service", "pôle", "cellule"))
_LIST_LINKS = frozenset((",", "et", "de", "d'", "d’", "à", "ou"))


def _listed_after_place(ctx: Context, k: int) -> bool:
    """Token k closes a list whose previous item is a known place the model also tagged LOC."""
    j = k - 1
    while j >= 0 and ctx.lower[j] in _LIST_LINKS and k - j <= 3:
        j -= 1
    if j == k - 1 or j < 0 or not any(ctx.lower[t] in (",", "et", "ou") for t in range(j + 1, k)):
        return False
    return any(e == j + 1 and lab == "LOC" and is_known_place(ctx.span_text(s, e)) for s, e, lab in ctx.ents)


def _after_locative(ctx: Context, k: int) -> bool:
    """Token k follows the preposition "à" inside a sentence ("se tiendra à Conques"), or "au"/"aux"
    when the text writes the town with its article elsewhere, before a comma ("Le Vernet, le 3 mai",
    then "installée au Vernet")."""
    if k == 0 or ctx.initial[k - 1]:
        return False
    if ctx.lower[k - 1] == "à":
        return True
    article = {"au": "Le", "aux": "Les"}.get(ctx.lower[k - 1])
    if article is None:
        return False
    return re.search(rf"\b{article} {re.escape(ctx.words[k])}\s*[,)]", ctx.text) is not None


def _code(word: str) -> bool:
    """A registry or securities code: letters and at least six digits in one word ("FR0000120271")."""
    if len(word) < 7 or word.isalpha():
        return False
    return sum(ch.isdigit() for ch in word) >= 6 and any(ch.isalpha() for ch in word)


# capitalised words joined by hyphens: the shape of a town's name ("Les Contamines-Montjoie"), whatever
# dictionary words it is made of
_HYPHENATED_NAME = re.compile(r"[A-ZÀ-Ý][^\W\d_]+(?:-[A-ZÀ-Ý][^\W\d_]+)+")


def spurious(ctx: Context, c: Candidate, ks: list[int], text: str) -> bool:
    """True for the spurious families above (ks: the candidate's tokens with a letter)."""
    words, lower = ctx.words, ctx.lower
    lows = [lower[k] for k in ks]
    if any(w in POSTAL_WORDS for w in lows) and any(ctx.num[k] for k in range(max(0, c.start - 3), c.end)):
        return True  # "Cedex 9", "BP 1006"
    if lows and all(w in CURRENCIES for w in lows) and not any(ctx.num[k] for k in range(c.start, c.end)):
        return True
    if lows and (lows[0].rstrip(".") in CONTACT_LABELS and len(lows) == 1 or _press_unit(lows)):
        return True  # "Tél", "Service de presse", "Direction de la communication"
    if _street_line(ctx, ks[0]):
        return True  # "42, boulevard Dupleix": a street of a postal address
    if any(w in IDENTIFIER_LABELS for w in lows) or any(_code(words[k]) for k in ks):
        return True  # "code ISIN : FR0000120271", "SIRET": identifiers, not names
    if c.keep_lower:
        return False
    if (
        c.start > 0
        and lower[c.start - 1] in INDEFINITE_DETERMINERS
        and lower[ks[0]] not in NAME_HEADS
        and all(is_common_word(words[k]) and not is_acronym(words[k]) for k in ks)
        and not _known_name(ctx, text)
    ):
        return True  # "chaque Transporteur privé", "un Expert indépendant"
    if len(ks) == 1:
        k = ks[0]
        word = words[k]
        if is_acronym(word) or not is_common_word(word) or _known_name(ctx, text):
            return False
        if _heading_line(ctx, k) or lower[k] in _BARE_UNITS:
            return True  # "Communiqué de Presse", "Contact Presse", "Facebook : Support X", "Direction"
        if c.label in ("MISC", "LOC") and not ctx.initial[k] and lower[k] not in NAME_HEADS:
            # "prix Coût, Assurance et Fret", "réunion Interministérielle", no place; but a town
            # listed after known places is one ("de Dinard et de Cancale"), and so is a town one goes
            # to or is in ("à Conques", "à Tulle": the locative "à" before a capital names a place)
            return not (c.label == "LOC" and (_listed_after_place(ctx, k) or _after_locative(ctx, k)))
        # "les Parties", "les Artisans"
        return c.label in ("ORG", "PER") and _plural_noun(word) and word not in ctx.surnames
    first = lower[ks[0]]
    caps = [k for k in ks if is_cap(words[k])]
    all_common = all(is_common_word(words[k]) for k in caps) and not any(is_acronym(words[k]) for k in ks)
    if not all_common or _known_name(ctx, text):
        return False
    # "Collectivités territoriales", "Organisations de la Société civile", "Gouverneurs de région"
    if (
        _plural_noun(words[ks[0]])
        and first not in MISC_HEADS
        and first.rstrip("sx") not in MISC_HEADS
        and first not in ORG_HEADS  # "les Éditions du Quai Vert": a publisher named so
        # "les Chantiers de l'Atlantique", not "les Chantiers et les Moulins"
        and not (
            first in PLURAL_ORG_HEADS and len(ks) > 1 and lower[ks[1]] in ("de", "du", "des", "d'", "d’")
        )
        and not is_known_place(words[ks[0]])  # "Rennes Métropole": a town, not a plural noun
        and preceding_cue(ctx, c.start) is None  # "l'ONG Médecins du Monde": a body named so
        and not (c.label == "LOC" and _HYPHENATED_NAME.fullmatch(text))  # "Contamines-Montjoie"
    ):
        return True
    # "Comité de pilotage", "Conseil interministériel", "Comités régionaux de pilotage"
    if first in ORG_HEADS or first.rstrip("sx") in ORG_HEADS:
        rest = [k for k in ks[1:] if lower[k] not in COMPLEMENT_PREPS and lower[k] not in DETERMINERS]
        generic = any(lower[k] in GENERIC_COMPLEMENTS or lower[k] in MEETING_ADJECTIVES for k in rest)
        if generic and all(
            lower[k] in GENERIC_COMPLEMENTS or (words[k].islower() and is_adjective(words[k])) for k in rest
        ):
            return True
    return False
