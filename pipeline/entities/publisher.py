"""Whose release it is: the country of the dateline ("Dakar, le 8 mai 2024" -> SN), which names the
generic short forms of the text ("le Gouvernement" of a Senegalese release is Senegal's)."""

from __future__ import annotations

import re

from pipeline.places import country_code, place_index

from .context import Context

_DATELINE = re.compile(
    r"^[\W_]*([A-ZÉÈÀÂÎÔ][\w'’. -]{1,40}?)\s*,\s*(?:le\s+)?"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d{1,2}(?:er)?\s)",
    re.M | re.I,
)
_HEAD_LINES = 15
_ARTICLES = {"du": "du", "au": "du", "le": "du", "des": "des", "aux": "des", "les": "des"}


def publisher_country(ctx: Context) -> str | None:
    """ISO code of the place of the dateline in the first lines, if it is a known place."""
    head = "\n".join(ctx.text.split("\n", _HEAD_LINES)[:_HEAD_LINES])
    for m in _DATELINE.finditer(head):
        code = country_code(m.group(1).strip())
        if code is not None:
            return code
    return None


def of_country(text: str, code: str) -> str | None:
    """ "du Sénégal", "de la Belgique", "de l'Italie", "des Philippines": the country's French short
    name after "de", with the article the text itself writes before it (else a default by its ending)."""
    idx = place_index()
    from babel import Locale

    name = idx.short_names.get(code) or Locale("fr").territories.get(code)
    if not name:
        return None
    name = name.replace("’", "'")
    m = re.search(r"\b(du|au|le|des|aux|les|de la|la|l'|l’|de l'|de l’)\s*" + re.escape(name), text, re.I)
    if m:
        article = m.group(1).lower().replace("’", "'")
        if article in _ARTICLES:
            return f"{_ARTICLES[article]} {name}"
        return f"de l'{name}" if article.endswith("'") else f"de la {name}"
    if name[:1].lower() in "aeiouéèêâîôy":
        return f"de l'{name}"
    return f"de la {name}" if name.endswith("e") else f"de {name}"
