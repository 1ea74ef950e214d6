"""The body a press release signs with, read where releases put it (pipeline/publisher_of.py rule 3).

Each place is read in this order, and each gives a name only when it is one organisation's, known as
one (`Known`: an ORG entity of the release, a body of the gazetteer, a publisher's name) or headed
by the noun of a body ("Ministère de ...", "Préfecture de ..."):

* the header: "Communiqué du ministère de la Mer, en date du ...", "COMMUNIQUÉ – Préfecture du Var";
* the letterhead: the first lines, before the title, a line that is only a body's name ("VILLE DE
  SAINT-BRÉVIN", "PRÉFET DU CHER" -> Préfecture du Cher); two such lines (a court and its
  prosecutor) are not one publisher;
* a "Source : <name>" line among the last ones;
* the one "À propos de X" heading of the end (two: a joint release, none);
* the first line of the closing contact block ("Contact presse" then the body, or "Service presse de
  la Région ..." / "Agence X – Service communication");
* the one short line of the end that is only an organisation's name (a news agency's "AFP").

A person's name, a place, a social network, a list item ("Partenaires :") or a section heading is never a
signature.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from .canonical import capitalise, clean_surface

__all__ = ["BODY_HEAD", "signature"]

Known = Callable[[str], "str | None"]  # a name -> its canonical name when it names a known body

_FOOT_LINES = 10  # a signature or a contact block sits in the last lines of a release
_SOURCE_LINES = 5  # a "Source :" line is the release's own only at its very end
_LETTERHEAD_LINES = 4  # a letterhead is above the title
_HEADER_LINES = 3  # the title and the lines around it
_MAX_NAME_WORDS = 12
_MAX_LETTERHEAD_WORDS = 8
_PARAGRAPH_WORDS = 20  # a line after a name that is this long is a paragraph: the name was its heading

# Nouns that head the name of a body ("ministère de ...", "Préfecture de ...", "Agence ...").
_BODY_HEADS = (
    "ministère|ministere|présidence|presidence|primature|gouvernement|secrétariat|secretariat|préfecture"
    "|prefecture|sous-préfecture|ambassade|consulat|mairie|ville|commune|région|region|département"
    "|departement|conseil|commission|agence|direction|délégation|delegation|service|cabinet|bureau"
    "|haut-commissariat|haute\\s+autorité|autorité|autorite|office|institut|organisation|fédération"
    "|federation|confédération|syndicat|association|comité|comite|union|fondation|banque|cour|tribunal"
    "|parquet|assemblée|assemblee|sénat|senat|collectivité|centre|observatoire|établissement|caisse"
    "|groupe|société|societe|chambre|académie|academie|université|universite|rectorat|métropole"
)
BODY_HEAD = re.compile(rf"^(?:{_BODY_HEADS})\b", re.I)
_JOINT = re.compile(rf"\s+et\s+(?:du|de\s+la|de\s+l['’]|des|la|le|l['’])\s*(?:{_BODY_HEADS})\b", re.I)

# The header: "Communiqué de presse du ministère de la Pêche", "COMMUNIQUÉ – Préfecture du Var".
_HEADER = re.compile(
    r"^[\W_]*communiqu[ée]s?(?:\s+de\s+presse|\s+officiel)?"
    r"(?:\s+(?:du|de\s+la|de\s+l['’]|des)\s*|\s*[-–—:|]\s*)(?P<body>.+)$",
    re.I,
)
# Where the publisher's name ends in a header: ", en date du", " sur ...", " du 3 mai", " (...)".
_BODY_END = re.compile(
    r"\s*(?:,|:|\(|\s[-–—|]\s|\s(?:en\s+date|sur|relatif|relative|concernant|à\s+propos|au\s+sujet|suite"
    r"|apr[eè]s|à\s+l['’]issue|pour|à\s+la\s+suite|le\s+\d|du\s+\d|en\s+\d)\b)",
    re.I,
)
# "PRÉFET DU CHER", "Préfète de la région Bretagne": the prefecture signs with its prefect's title.
_PREFECT = re.compile(r"^pr[ée]f[eè]te?\s+(?=(?:de|du|des|d['’])\b)", re.I)
# "Source : Préfecture du Var", "**source**: Primature" (not an address: rule 2 reads those).
_SOURCE_NAME_LINE = re.compile(r"^[\W_]*source[\W_]*\s*:\s*[\W_]*(?P<name>[^\d@/:]+?)[\W_]*$", re.I)
_ABOUT = re.compile(
    r"^[\W_]*(?:à|a)\s+propos\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|d['’]\s*|de\s+)(?P<name>.+?)[\W_]*$",
    re.I,
)
_CONTACT_HEADING = re.compile(
    r"^[\W_]*(?:contacts?|relations?)(?:\s+(?:presse|m[ée]dias?))?[\W_]*:?[\W_]*$", re.I
)
# A press office named beside or before its body: "Service presse de la Région X", "X – Service
# communication", "Direction de la communication – X".
_PRESS_OFFICE = re.compile(
    r"^(?:service|direction|bureau|cellule|département|pôle|relations?)\s+(?:de\s+(?:la\s+)?)?"
    r"(?:presse|communication|m[ée]dias?|information)\b(?:\s+\w+)?",
    re.I,
)
_OFFICE_OF = re.compile(
    r"^(?:service|direction|bureau|cellule|pôle)\s+(?:de\s+(?:la\s+)?)?(?:presse|communication)\s+"
    r"(?:de\s+la|de\s+l['’]|du|des|de)\s*(?P<name>.+)$",
    re.I,
)
# The mark of the French State above a letterhead: not the body's name.
_STATE = re.compile(r"^(?:r[ée]publique\s+fran[cç]aise|libert[ée]|[ée]galit[ée]|fraternit[ée])\W*$", re.I)
_DASH = re.compile(r"\s+[-–—|]\s+")
_NOT_A_NAME = re.compile(r"[\d@]|https?:|www\.|[.;!?]$")


def signature(text: str, metadata: Mapping[str, str], known: Known) -> str | None:
    """The body the release signs with, or None when no place names one clearly."""
    for rule in (_header, _letterhead, _source_line, _about, _contact_block, _last_line):
        name = rule(text, metadata, known)
        if name:
            return name
    return None


def _header(text: str, metadata: Mapping[str, str], known: Known) -> str | None:
    """ "Communiqué de presse du ministère de ..." in the title or the first lines."""
    for line in _header_lines(text, metadata):
        m = _HEADER.match(line)
        if m is None:
            continue
        body = _BODY_END.split(m.group("body"), maxsplit=1)[0].strip(" \t*_.")
        if body and not _JOINT.search(body) and (known(body) or BODY_HEAD.match(body)):
            return known(body) or _as_written(body, text)
    return None


def _letterhead(text: str, metadata: Mapping[str, str], known: Known) -> str | None:
    """The one line above the title that is only a body's name."""
    del metadata
    found: list[str] = []
    for line in _first_lines(text):
        value = _cleaned(line)
        if len(value.split()) > _MAX_LETTERHEAD_WORDS:
            break  # the title or the body: the letterhead is above
        if _NOT_A_NAME.search(value) or ":" in value or _STATE.match(value) or _PRESS_OFFICE.match(value):
            continue
        written = _as_written(value, text)
        office = _PREFECT.sub("Préfecture ", written) if written else None
        if known(value) or office and BODY_HEAD.match(office) and len(office.split()) > 1:
            name = known(value) or (office and known(office)) or office
            if name:
                found.append(name)
    return found[0] if len(found) == 1 else None


def _source_line(text: str, metadata: Mapping[str, str], known: Known) -> str | None:
    """ "Source : <name>" among the last lines."""
    del metadata
    for line in reversed(last_lines(text, _SOURCE_LINES)):
        m = _SOURCE_NAME_LINE.match(line)
        if m and _is_name(m.group("name")):
            body = m.group("name").strip()
            if known(body) or BODY_HEAD.match(body):
                return known(body) or _as_written(body, text)
    return None


def _about(text: str, metadata: Mapping[str, str], known: Known) -> str | None:
    """The one "À propos de X" heading of the release, X an organisation's name."""
    del metadata
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    found = set()
    for line in lines[1:]:  # a section of the release, not its title
        m = _ABOUT.match(line)
        if m and _is_name(m.group("name")):
            found.add(known(m.group("name")) or "")
    return found.pop() if len(found) == 1 else None  # an unknown name ("") counts, and makes it unclear


def _contact_block(text: str, metadata: Mapping[str, str], known: Known) -> str | None:
    """The body on the first line of the closing contact block, press office words left out."""
    del metadata
    foot = last_lines(text, _FOOT_LINES)
    for i, line in enumerate(foot[1:], 1):
        if not _CONTACT_HEADING.match(foot[i - 1]):
            continue
        for part in _DASH.split(_cleaned(line)):
            m = _OFFICE_OF.match(part)
            part = m.group("name") if m else part
            if _PRESS_OFFICE.match(part) or not _is_name(part):
                continue
            name = known(part) or (
                _as_written(part, text) if BODY_HEAD.match(part) and len(part.split()) > 1 else None
            )
            if name:
                return name
    return None


def _last_line(text: str, metadata: Mapping[str, str], known: Known) -> str | None:
    """The one short line of the end that is only a known organisation's name ("AFP")."""
    del metadata
    foot = last_lines(text, _FOOT_LINES)
    names = set()
    for i, line in enumerate(foot):
        name = _cleaned(line)
        found = known(name) if _is_name(name) else None
        if found and not _heading_or_item(foot, i):
            names.add(found)
    return names.pop() if len(names) == 1 else None


def _heading_or_item(lines: Sequence[str], i: int) -> bool:
    """Line i is a heading (Markdown, or followed by a paragraph: "Région des Marais" then what it does)
    or an item of a list ("Avec le soutien de :", "Partenaires :"), not a signature."""
    after = lines[i + 1] if i + 1 < len(lines) else ""
    return (
        lines[i].startswith("#")
        or len(after.split()) > _PARAGRAPH_WORDS
        or (i > 0 and _cleaned(lines[i - 1]).endswith(":"))
    )


def _as_written(name: str, text: str) -> str | None:
    """The name in the case the text writes it elsewhere ("VILLE DE SAINT-BRÉVIN" -> "Ville de
    Saint-Brévin", from "la ville de Saint-Brévin"), with a capital; a name in capitals that the text
    never writes otherwise: None (its case cannot be told)."""
    name = clean_surface(name)
    if not name.isupper():
        return capitalise(name)
    words = name.split()
    for start in range(len(words)):  # "Préfecture du Cher": "du Cher" as the text writes it
        rest = " ".join(words[start:])
        for m in re.finditer(re.escape(rest), text, re.I):
            if not m.group().isupper():
                return capitalise(" ".join([*(w.lower() for w in words[:start]), m.group()]))
    return None


def _header_lines(text: str, metadata: Mapping[str, str]) -> list[str]:
    """The front-matter title, then the first three non-empty lines of the text."""
    title = str(metadata.get("title") or "").strip()
    lines = _first_lines(text)[:_HEADER_LINES]
    return [title, *lines] if title else lines


def _first_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n", 20)[:20] if line.strip()][:_LETTERHEAD_LINES]


def last_lines(text: str, count: int) -> list[str]:
    """The last `count` non-empty lines, stripped (where signatures and source lines sit)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return lines[-count:]


def _cleaned(line: str) -> str:
    """A line without Markdown emphasis or heading marks and trailing spaces."""
    return line.strip().strip("#*_>`").strip()


def _is_name(value: str) -> bool:
    """Short enough to be only a name, with nothing of an address, a number or a sentence."""
    words = value.split()
    return 0 < len(words) <= _MAX_NAME_WORDS and not _NOT_A_NAME.search(value)
