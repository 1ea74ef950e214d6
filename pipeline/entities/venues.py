"""Venues named by where something takes place: "les répétitions auront lieu au Studio X" names a place
(LOC), whatever head noun ("Studio", "Centre", "Théâtre") made it a body elsewhere."""

from __future__ import annotations

import re

from .context import Context
from .records import Mention

# a form of "avoir lieu" or "se tenir", up to a few words of time ("le samedi", "chaque soir"), then
# the preposition of the venue, right before the name
_TAKES_PLACE = re.compile(
    r"\b(?:(?:a|ont|aura|auront|avait|avaient|aurait|auraient|avoir|ait|aient|ayant)\s+lieu"
    r"|se\s+(?:tiendra|tiendront|tient|tiennent|tenait|tenaient|tiendrait|tiendraient|tiendrait)"
    r"|s['’](?:est|sont)\s+tenue?s?)"
    r"(?:\s+(?:le|les|ce|chaque|tous|toutes)\s+[a-zéû]+(?:\s+(?:soir|matin|après-midi|midi))?)?"
    r"\s+(?:au|à\s+la|à\s+l['’]|dans\s+la|dans\s+le|dans\s+l['’])\s*$"
)


def venues_where_things_take_place(ctx: Context, mentions: list[Mention]) -> None:
    """An ORG right after "avoir lieu au", "se tiendra à la" is the venue (LOC)."""
    for m in mentions:
        if m.label != "ORG":
            continue
        line_start = ctx.text.rfind("\n", 0, m.start) + 1
        if _TAKES_PLACE.search(ctx.text[max(line_start, m.start - 80) : m.start]):
            m.label = "LOC"
