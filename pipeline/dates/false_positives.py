"""Checks that refuse what looks like a date but is not, shared by several handler families.

A four-digit number is a year, a quantity ("2000 personnes", "1 500"), a code ("n°2019", "2020/418")
or part of a name ("rue du 8-Mai-1945", "l'accord du Vendredi saint"); these checks read the words
around a match. Checks that protect a single family live next to its handler.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS_FULL, QUANTITY_CUES, QUANTITY_UNITS, REFERENCE_WORDS, STREET_WORDS
from .view import View

# "au cours du mois de mai", "en cours": the idiom, not the street ("cours Mirabeau")
_STREET_BEFORE = re.compile(
    r"(?:(?:^|\s)(?<!\bau\s)(?<!\ben\s)(?:" + "|".join(STREET_WORDS) + r")"
    r"|'(?:avenue|allee|impasse|esplanade))"  # "de l'avenue du 8-Mai"
    r"\.?\s+(?:du|de\s+la|des|de|d')?\s*$"
)


def in_street_name(v: View, start: int) -> bool:
    """ "rue du 8-Mai-1945", "place du 11 Novembre": a date right after a street word names the street."""
    m = _STREET_BEFORE.search(v.before(start, 30))
    if m and re.search(r"\bpont\b", m.group()) and not re.search(r"[A-Z]", v.text[start : start + 16]):
        return (
            False  # "le pont du 8 mai": the long week-end; a bridge's name is capitalised ("pont du 8-Mai")
        )
    return bool(m)


# The day and month written before a year or a month ("8 mai " before "1945", "8 " before "mai 1945").
_DATE_PARTS_BEFORE = re.compile(r"(?:(?:1er|\d{1,2})[ -]+)?(?:(?:" + "|".join(MONTHS_FULL) + r")[ -]+)?$")


def in_street_date(v: View, start: int) -> bool:
    """ "route du 8 Mai 1945": a part of a date whose whole names a street."""
    parts = _DATE_PARTS_BEFORE.search(v.fold[max(0, start - 16) : start])
    return in_street_name(v, start - len(parts.group()) if parts else start)


def after_agreement(v: View, start: int) -> bool:
    """ "l'accord du Vendredi saint": a name of a treaty, not a date."""
    return bool(re.search(r"\baccords?\s+(?:du|de)\s+$", v.before(start, 20)))


def number_glued(v: View, start: int, end: int) -> bool:
    """A number written inside a longer number or code: "1 500", "2 000 000", "2020/418", "n°2019"."""
    before = v.fold[max(0, start - 3) : start]
    after = v.fold[end : end + 4]
    if re.search(r"\d[ .]$", before) or re.match(r"[ .]\d{3}(?!\d)", after):
        return True
    return bool(re.search(r"[\d/]$", before))


def after_code_letter(v: View, start: int) -> bool:
    """ "la rame Z 2026", "le modèle X 2030": a lone capital letter inside a sentence makes the number a
    code (a sentence may open on a capital "A 2026 ..." typed for "À")."""
    m = re.search(r"(\S)\s+[A-Z] $", v.text[max(0, start - 16) : start])
    return bool(m) and m.group(1) not in '.!?:;»"(-–—'


def is_quantity(v: View, start: int, end: int, strict: bool) -> bool:
    """Is the number at [start, end) a quantity, a reference or a code rather than a year?

    strict: no date word introduces the number, so a following plural noun is enough to refuse it.
    """
    if number_glued(v, start, end) or after_code_letter(v, start):
        return True
    nxt = v.next_word(end)
    if nxt in QUANTITY_UNITS or nxt in STREET_WORDS:
        return True
    if re.match(r"\s*(?:%|€|\$|£|‰|pour\s*cent|km|kg)", v.fold[end : end + 10]):
        return True
    prev = v.prev_words(start, 2)
    if v.prev_bare(start).rstrip(".") in REFERENCE_WORDS:
        return True
    if prev and re.fullmatch(r"n°|no|nº", prev[-1]):
        return True
    if re.search(r"(?:n°|nº|\bno\.?)\s*$", v.before(start, 6)):
        return True
    before = v.before(start, 14)
    if any(before.endswith(c + " ") for c in QUANTITY_CUES):
        return True
    if _AMOUNT_BEFORE.search(v.before(start, 40)):
        return True  # "une amende de 1500", "l'enveloppe atteint 2500": an amount
    if re.search(r"[€$£]\s*$", before):
        return True
    return bool(strict and re.fullmatch(r"[a-z]{3,}[sx]", nxt) and nxt not in _FUNCTION_WORDS_S)


# Nouns of amounts after an indefinite article ("une amende de 1500"; "le budget de 2025" is a year's) and
# verbs of amounts: the number after them is a quantity, never a year.
_AMOUNT_BEFORE = re.compile(
    r"\b(?:(?:un|une|d'un|d'une)\s+(?:[a-z]+\s+)?(?:amende|somme|montant|budget|prix|cout|total|enveloppe|subvention|dotation|capacite|effectif"
    r"|population|salaire|loyer|indemnite|pret|credits?|dette|pertes?|benefice|hausse|baisse|augmentation"
    r"|reduction|economies?|investissement|facture|tarif|cotisation|prime|don|cheque|caution|rancon"
    r"|chiffre\s+d'affaires)s?(?:\s+[a-z]+)?\s+(?:de|d'environ|d'un\s+montant\s+de|de\s+plus\s+de)"
    r"|atteint|atteignent|atteindra|atteindront|totalise|totalisent|s'eleve\s+a|s'elevent\s+a"
    r"|s'elevera\s+a|chiffre\s+a|estime\s+a|evalue\s+a)\s*$"
)
_FUNCTION_WORDS_S = frozenset(
    [
        "dans", "sans", "sous", "vers", "apres", "depuis", "tous", "toutes", "plus", "moins", "avons",
        "avez", "sont", "etaient", "fois", "alors", "ainsi", "chez", "puis", "jamais", "toujours", "pres",
        "hors", "selon", "malgre", "parmi", "leurs", "nous", "vous", "ils", "elles", "mais", "ans",
    ]
)  # fmt: skip


def in_quantity_range(v: View, start: int, end: int) -> bool:
    """ "passer de 1500 à 2000", "entre 10 et 2000": the other end of "de N à M" is no year near this one."""
    before, after = v.before(start, 30), v.after(end, 30)
    other = None
    if re.search(r"\b(?:de|entre)\s+$", before):
        m = re.match(r"\s+(?:a|et)\s+(\d[\d .,]*\d|\d)", after)
        other = m.group(1) if m else None
    else:
        m = re.search(r"\b(?:de|entre)\s+(\d[\d .,]*\d|\d)\s+(?:a|et)\s+$", before)
        other = m.group(1) if m else None
    if other is None:
        return False
    if not re.fullmatch(r"\d{4}", other):
        return True
    return abs(int(other) - int(v.fold[start:end])) > 100


def quoted_alone(v: View, start: int, end: int) -> bool:
    """ "« Mercredi »": a word alone between quotes is a title, not a date."""
    return bool(re.search(r"[«\"“]\s*$", v.text[max(0, start - 3) : start])) and bool(
        re.match(r"\s*[»\"”]", v.text[end : end + 3])
    )
