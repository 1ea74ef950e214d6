"""`canonical`: the best name the document itself knows for each mention, in this order: the long
form of an acronym it defines (or the gazetteer's name for that body), the gazetteer, the full name
of a person named by surname, the longer name a short form abbreviates ("la Commission" ->
"Commission européenne"), else the mention as written. The corpus pass (pipeline.canonical) then
unifies these across documents."""

from __future__ import annotations

import re

from pipeline.canonical import GazetteerEntry, capitalise, clean_surface, normal_case_name, normalize_key
from pipeline.places import country_name, is_known_place

from .context import Context
from .lexicon import is_common_word
from .publisher import of_country, publisher_country
from .records import Mention
from .shapes import is_title
from .words import FACILITY_HEADS, NAMED_FEATURE_HEADS, RESERVE_ADJECTIVES, SITE_HEADS

_WORD_SEPARATORS = re.compile(r"[\s'’,-]+")


def _content_words(text: str) -> set[str]:
    words = _WORD_SEPARATORS.split(normalize_key(text))
    return {w.rstrip("sx") for w in words if len(w) > 3}


def _same_name(long_form: str, entry: GazetteerEntry) -> bool:
    """A document's long form names the gazetteer body when it shares most of its content words with
    one of its names ("services européens pour l'action extérieure" ~ "Service européen pour ...")."""
    mine = _content_words(long_form)
    for name in entry.names:
        theirs = _content_words(name)
        if mine and theirs and len(mine & theirs) / len(mine | theirs) >= 0.5:
            return True
    return False


def assign_canonicals(ctx: Context, mentions: list[Mention], defs: dict[str, Mention]) -> None:
    """The best name known inside the document for every mention."""
    gaz = ctx.gaz
    # 1. an acronym the document defines: its long form (the gazetteer's name for the same body when
    #    the document's long form is a variant of it); 2. the gazetteer
    acronym_names: dict[str, str] = {}
    for acr, long in defs.items():
        entry = ctx.lookup(long.text) or ctx.lookup(acr)
        if entry is not None and not _same_name(long.text, entry):
            entry = ctx.lookup(long.text)  # "CPI (Conférence des présidents d'université)" is not the ICC
        acronym_names[acr] = entry.canonical if entry else capitalise(clean_surface(long.text))
        if long.canonical is None:
            long.canonical = acronym_names[acr]
    for m in mentions:
        if m.canonical is not None:
            continue
        if m.text in acronym_names:
            m.canonical = acronym_names[m.text]
            continue
        entry = ctx.lookup(m.text)
        if entry is not None:
            m.canonical = entry.canonical
    # 3. people: a surname or a shorter name after the full name; a first name alone when one person
    #    of the document has it ("Marie" after "Marie Durand")
    people = [m for m in mentions if m.label == "PER"]
    firsts = {o.text.split()[0] for o in people if len(o.text.split()) > 1}
    for m in mentions:  # the first name of a person of the document is that person, not a thing
        if m.label == "MISC" and not m.cue and m.canonical is None and m.text in firsts:
            m.label = "PER"
            people.append(m)
    for m in people:
        if m.canonical is not None:
            continue
        words = m.text.split()
        for other in people:
            ow = other.text.split()
            if len(ow) > len(words) and ow[-len(words) :] == words:
                m.canonical = clean_surface(other.text)
                break
        if m.canonical is None and len(words) == 1:
            full = {
                clean_surface(o.text)
                for o in people
                if len(o.text.split()) > 1 and o.text.split()[0] == words[0]
            }
            if len(full) == 1:
                m.canonical = full.pop()
    # countries in any form ("Royaume du Maroc", "Confédération suisse") -> short name
    for m in mentions:
        if m.label == "LOC" and m.canonical is None:
            m.canonical = country_name(m.text)
    _generic_short_forms(ctx, mentions)
    # 4. short forms: a prefix of a longer name with the same label ("Forum sur l'eau",
    #    "Commission" after "Commission européenne"); a head word naming a gazetteer body present
    longer = [(m, normalize_key(m.text)) for m in mentions if len(m.text.split()) > 1]
    for idx, m in enumerate(mentions):
        if m.canonical is not None or m.label == "PER":
            continue
        prefix = normalize_key(m.text) + " "
        candidates = [
            o
            for o, key in longer
            if o is not m
            and o.label == m.label
            and len(o.text) > len(m.text)
            and key.startswith(prefix)
            and o.text[len(m.text) :].strip()[:1].islower()
        ]
        if candidates:
            # the longest; among equals the nearest mention
            best = max(candidates, key=lambda o: (len(o.text), -abs(o.start - m.start)))
            m.canonical = best.canonical or capitalise(clean_surface(best.text))
            continue
        if len(m.text.split()) == 1 and is_title(m.text):
            bodies = {b.canonical for b in gaz.starting_with(m.text)}
            present = bodies and [
                o for o in mentions[:idx][::-1] + mentions[idx + 1 :] if o.canonical in bodies
            ]
            if present:
                m.canonical = present[0].canonical
    for m in mentions:
        if m.canonical is None:
            text = clean_surface(m.text)
            head = text.split()[0].lower()
            words = text.split()
            venue = m.label == "LOC" and (
                head in FACILITY_HEADS
                or head in SITE_HEADS
                or (head in NAMED_FEATURE_HEADS and len(words) > 2 and words[1] in ("de", "du", "des"))
                or (head == "réserve" and len(words) > 2 and words[1] in RESERVE_ADJECTIVES)
            )  # "centre X" -> "Centre X", "col du Pradel" -> "Col du Pradel" ("mont Aiguille" as written)
            m.canonical = capitalise(text) if m.label in ("ORG", "MISC") or venue else text
            if _DISEASE.fullmatch(m.canonical):
                m.canonical = m.canonical.upper()  # "Covid-19" -> "COVID-19", the WHO's name
        if m.label == "PER":
            m.canonical = normal_case_name(m.canonical)  # "Jean DUPONT" -> "Jean Dupont"
    # a name in a capitals headline takes the spelling of the text: "FRANCE 2030" -> "France 2030"
    mixed = {normalize_key(m.text): m.canonical for m in mentions if not m.text.isupper()}
    for m in mentions:
        if m.text.isupper() and m.canonical == clean_surface(m.text) and normalize_key(m.text) in mixed:
            m.canonical = mixed[normalize_key(m.text)]
    # a body's name in a capitals letterhead: "COUR D'APPEL DE RIOM" -> "Cour d'appel de Riom"
    for m in mentions:
        multi = len(m.text.split()) > 1
        if m.label == "ORG" and m.text.isupper() and multi and m.canonical == clean_surface(m.text):
            m.canonical = official_case(m.canonical)
    # the long form of a multi-word name followed by its short forms: make prefixes agree
    for m in mentions:
        if m.label in ("ORG", "MISC") and m.canonical == capitalise(clean_surface(m.text)):
            entry = ctx.lookup(m.canonical)
            if entry is not None:
                m.canonical = entry.canonical


# diseases whose official name is an acronym with a number, often written in title case
_DISEASE = re.compile(r"(?i)(?:covid|sras|sars|mers)-\d{1,2}")

_FUNCTION_WORDS = frozenset(
    ["de", "du", "des", "d", "la", "le", "les", "l", "et", "à", "au", "aux", "en", "pour", "sur"]
)


def official_case(name: str) -> str:
    """A capitals name in official case: first word capitalised, function and common words in lower
    case, places and unknown words capitalised, short unknown words kept as acronyms ("ARS")."""
    out: list[str] = []
    for n, word in enumerate(name.split()):
        parts = re.split(r"([-'’,;])", word)
        fixed: list[str] = []
        for part in parts:
            low = part.lower()
            if not part.isalpha():
                fixed.append(part)
            elif low in _FUNCTION_WORDS:
                fixed.append(low)
            elif len(part) > 2 and (is_known_place(word) or is_known_place(part)):
                fixed.append(part.capitalize())
            elif is_common_word(low):
                fixed.append(low)
            elif len(part) <= 4:
                fixed.append(part)
            else:
                fixed.append(part.capitalize())
        text = "".join(fixed)
        out.append(capitalise(text) if n == 0 else text)
    return _ministry_case(" ".join(out))


_MINISTRY_DOMAIN = re.compile(r"(^Ministère |\bet |, )(de la |de l'|de l’|du |des |de |d'|d’)(\w)")


def _ministry_case(name: str) -> str:
    """French official style capitalises each domain of a ministry: "Ministère de l'Agriculture et
    de la Souveraineté alimentaire", "Ministère de l'Europe et des Affaires étrangères"."""
    if not name.startswith("Ministère "):
        return name
    return _MINISTRY_DOMAIN.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), name)


_GENERIC = {"gouvernement": "Gouvernement"}  # short forms that name the publisher's own body


def _generic_short_forms(ctx: Context, mentions: list[Mention]) -> None:
    """ "le Gouvernement" is the body the document names in full ("Gouvernement du Chili"), else the
    publisher's (the dateline's country), never a foreign body of the gazetteer; French by default."""
    country: list[str | None] | None = None
    for m in mentions:
        head = _GENERIC.get(m.text.lower())
        if head is None or m.label != "ORG":
            continue
        named = [clean_surface(o.text) for o in mentions if o is not m and _names_a_country(o.text, head)]
        if named:
            m.canonical = max(set(named), key=named.count)
            continue
        if country is None:
            country = [publisher_country(ctx)]  # once per document, when a short form needs it
        code = country[0]
        if code is not None and code != "FR":
            of = of_country(ctx.text, code)
            if of:
                m.canonical = f"{head} {of}"


_OF_COUNTRY = re.compile(
    r"\S+ (?:du|de la|de l['’]|d['’]|des|de) ?[A-Z\u00c0-\u00dd]\S*(?: \S+)?|\S+ [a-zé]+"
)


def _names_a_country(text: str, head: str) -> bool:
    """ "Gouvernement du Chili", "Gouvernement chilien": the head with a country, not "Gouvernement
    pour ..."."""
    if not normalize_key(text).startswith(head.lower() + " ") or not _OF_COUNTRY.fullmatch(text):
        return False
    tail = text.split(" ", 1)[1]
    return country_name(tail.split(" ", 1)[-1].lstrip("'’")) is not None or tail.islower()
