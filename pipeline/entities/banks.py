"""Regional banks of the French cooperative networks: "la Caisse d'Épargne Normandie", "le Crédit
agricole Alpes Provence", "la Banque Populaire Grand Ouest" name one bank (ORG), whose region the model
reads as a place (LOC) or cuts off."""

from __future__ import annotations

import re

from ..places import is_known_place
from .context import Context
from .records import Candidate

# a network's name, then the region's capitalised words ("Bretagne Pays de Loire", "Midi-Pyrénées")
_REGIONAL_BANK = re.compile(
    r"\b(?:Caisse d['’][ÉE]pargne|Cr[ée]dit [Aa]gricole|Banque [Pp]opulaire|Cr[ée]dit [Mm]utuel)"
    r"(?P<region>(?: (?:(?:de|du|des) |d['’])?[A-ZÀ-Ý][^\W\d_]*(?:-[^\W\d_]+)*)+)"
)


def regional_bank_candidates(ctx: Context) -> list[Candidate]:
    """The bank of a network and its region, when a word of the region is a known place."""
    out: list[Candidate] = []
    for m in _REGIONAL_BANK.finditer(ctx.text):
        region = m.group("region").replace("’", "'").replace("d'", " ").replace("-", " ").split()
        if not any(is_known_place(w) for w in region if w[0].isupper()):
            continue  # "Midi-Pyrénées", "Bretagne Pays de Loire", "Alpes Provence"
        span = ctx.token_span(m.start(), m.end())
        if span is None or any(ctx.is_break(k) for k in range(span[0] + 1, span[1])):
            continue
        out.append(Candidate(span[0], span[1], "ORG", "pattern", cue="ORG", fixed=True))
    return out
