"""Which label a name gets: general cues first (its head noun, a lower-case cue noun before it,
"Inc."-like tails), then agreement inside the document (one label per name; names listed together
share the label most of them have). Overlapping candidates are settled here too."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from spacy.lang.fr.stop_words import STOP_WORDS

from pipeline.canonical import normalize_key
from pipeline.places import country_code, is_known_place

from .context import Context
from .lexicon import is_adjective, is_common_word
from .records import Candidate, Mention
from .shapes import is_acronym, is_cap, is_title
from .words import (
    ENGLISH_ORG_TAIL_STEMS,
    KIND_ACRONYMS,
    LEAGUE_COMPETITIONS,
    MISC_CUES,
    MISC_HEADS,
    ORG_CUES,
    ORG_HEADS,
    PARK_BODY_WORDS,
    PLURAL_ORG_HEADS,
)

_APOSTROPHE = re.compile(r"['’]")
_RANK = {
    "gazetteer": 0,
    "body": 1,
    "pattern": 1,
    "venue": 1,
    "acronym": 1,
    "social": 1,
    "quoted": 1,
    "dateline": 1,
    "model": 2,
    "short": 3,
}


def cue_label(ctx: Context, c: Candidate) -> str | None:
    """Label from general cues: the head noun, a lower-case cue noun just before, English tails."""
    head = ctx.lower[c.start]
    first = ctx.words[c.start]
    if c.end - c.start > 1 or is_title(first):
        if head == "fonds" and _funding_programme(ctx.lower[c.start + 1 : c.end]):
            return "MISC"
        if head in MISC_HEADS and is_cap(first) or _league_competition(ctx, c):
            return "MISC"
        if (
            (head in ORG_HEADS or head in PLURAL_ORG_HEADS)
            and is_cap(first)
            and head not in ("haut", "haute")
            and not _port_town(ctx, c)
            and (c.end - c.start > 1 or head not in PLURAL_ORG_HEADS)  # "à Moulins": the town
        ):
            return "ORG"  # "Port Atlantique Vendée", the port's authority; not the town "Port Moresby"
        if head in ("haut", "haute") and c.end - c.start > 1 and ctx.lower[c.start + 1] in ORG_HEADS:
            return "ORG"
        if is_park_body(ctx.words[c.start : c.end]):
            return "ORG"
        if head in KIND_ACRONYMS and c.end - c.start > 1 and is_cap(ctx.words[c.start + 1]):
            return "ORG"  # "la SARL Vernoux", "la SCOP Terres Vives": a company by its legal form
    if c.end - c.start > 1 and ctx.lower[c.end - 1].strip(".") in ENGLISH_ORG_TAIL_STEMS:
        return "ORG"
    if _COMPANY_ROLE.search(ctx.text, max(0, ctx.idx[c.start] - 45), ctx.idx[c.start]) and not is_known_place(
        ctx.span_text(c.start, c.end)
    ):
        return "ORG"  # "PDG de Nexaltis", "cofondatrice d'Algovia": a company, not a place
    if _PUBLISHED_AT.search(ctx.text, max(0, ctx.idx[c.start] - 50), ctx.idx[c.start]) and not is_known_place(
        ctx.span_text(c.start, c.end)
    ):
        return "ORG"  # "paru chez Norlande", "traduit en anglais chez Halcyon": a publishing house
    if (
        c.label == "LOC"
        and (
            _AGENT.search(ctx.text, max(0, ctx.idx[c.start] - 40), ctx.idx[c.start])
            or _ACTION_BY.search(ctx.text, max(0, ctx.idx[c.start] - 40), ctx.idx[c.start])
        )
        and not is_known_place(ctx.span_text(c.start, c.end))
    ):
        return "ORG"  # "les vols opérés par Aérovia", "un café tenu par la Maison Berthet": the agent
    return preceding_cue(ctx, c.start)


# the agent of a passive participle ("exploité par", "tenue par la"), not a place one goes through
# (a river or a road "traverse", "borde", "longe" a place; "passer par" has no participle)
_AGENT = re.compile(
    r"\b(?!(?:ainsi|aussi|ici|parmi|travers|bord|arros|baign|long|entour|domin|sépar|survol|irrigu|limit|"
    r"desservi|pass)\w*\s)\w{2,}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites)\s+par\s+"
    r"(?:le |la |les |l'|l’)?$",
    re.I,
)


# the agent of a company's act named by a noun: "la construction par Voltaris de 900 bornes", "le
# rachat par Nexaltis", "l'exploitation par la Maison Berthet"
_ACTION_BY = re.compile(
    r"\b(?:rachat|acquisition|construction|reprise|exploitation|gestion|financement|installation|"
    r"livraison|fabrication|commercialisation|distribution)\s+par\s+(?:le |la |les |l'|l’)?$",
    re.I,
)


_COMPANY_ROLE = re.compile(
    r"\b(?:PDG|P\.-?D\.?G\.?|CEO|président-directeur général|présidente-directrice générale|"
    r"directeur général|directrice générale|directeur financier|directrice financière|"
    r"co-?fondat(?:eur|rice)|fondat(?:eur|rice))\s+(?:de |d'|d’|du )$",
    re.I,
)


# a book published, translated or reissued "chez" a house: the name after "chez" is the publisher
_PUBLISHED_AT = re.compile(
    r"\b(?:publiée?s?|parue?s?|éditée?s?|rééditée?s?|traduite?s?|para[iî]t|para[iî]tra|paraissent)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+chez\s+$",
    re.I,
)


def is_park_body(words: list[str]) -> bool:
    """ "Parc national des Cévennes", "Parc naturel régional du Vexin": a park written with a capital and
    its kind is the public body that runs it (ORG); "le parc national" in lower case is the area."""
    return len(words) > 1 and words[0] == "Parc" and words[1] in PARK_BODY_WORDS


def _port_town(ctx: Context, c: Candidate) -> bool:
    """A town whose name starts with "Port" ("Port Moresby"), not a port's authority."""
    return ctx.lower[c.start] == "port" and is_known_place(ctx.span_text(c.start, c.end))


def _league_competition(ctx: Context, c: Candidate) -> bool:
    """ "Ligue des champions", "Ligue 1", "Ligue B": a competition (MISC); "Ligue contre le cancer" is a
    body."""
    if ctx.lower[c.start] != "ligue" or c.end - c.start < 2:
        return False
    division = ctx.words[c.start + 1]
    if ctx.num[c.start + 1] or (len(division) == 1 and division.isupper()):
        return True
    return any(w in LEAGUE_COMPETITIONS for w in ctx.lower[c.start + 1 : c.end])


def _funding_programme(rest: list[str]) -> bool:
    """ "Fonds social européen", "Fonds européen de développement régional", "Fonds de cohésion":
    a European funding programme (MISC), not a body like the "Fonds européen d'investissement"."""
    if any(w in ("investissement", "monétaire", "mondial", "international") for w in rest):
        return False
    return "européen" in rest[:2] or rest[:2] == ["de", "cohésion"]


def _previous_words(text: str, start: int) -> list[str]:
    """The (at most two) words just before `start`, nearest first ("start-up" is one word)."""
    if not text[start - 1 : start].isspace():
        return []
    window = text[max(0, start - 60) : start]
    words: list[str] = []
    for part in reversed(window.split()[-2:]):
        word = _APOSTROPHE.split(part)[-1]
        if not word.replace("-", "").isalpha():
            break
        words.append(word)
    return words


def preceding_cue(ctx: Context, tok: int) -> str | None:
    """The label a lower-case cue noun just before token `tok` announces: "le projet X" -> MISC,
    "la start-up X", "le groupe industriel X" -> ORG (one adjective may come in between)."""
    previous = _previous_words(ctx.text, ctx.idx[tok])
    if not previous:
        return None
    if len(previous) > 1 and previous[0] in ("le", "la", "les"):
        previous = previous[1:]  # "l'entreprise les Grands Moulins X": the cue before the article
    last, before = previous[0], (previous[1] if len(previous) > 1 else None)
    words = [last]
    if before and last.islower() and is_adjective(last) and last not in STOP_WORDS:
        words.append(before)  # "le groupe industriel X"
    m = _CUE_OF_KIND.search(ctx.text, max(0, ctx.idx[tok] - 60), ctx.idx[tok])
    if m and is_common_word(m.group(2)) and (m.group(3) is None or is_adjective(m.group(3))):
        # "le cabinet d'ingénierie X", "le fabricant de jouets X", "le fabricant de remontées mécaniques X"
        words.append(m.group(1))
    for word in words:
        if word.isupper() and word.lower() in ("ong", "pme"):
            word = word.lower()  # "l'ONG Médecins du Monde"
        if word.islower():
            if word in MISC_CUES:
                return "MISC"
            if word in ORG_CUES or word.rstrip("s") in ORG_CUES:
                return "ORG"
    return None


_CUE_OF_KIND = re.compile(
    r"\b([a-zéèêàç-]+)\s+(?:d'|d’|de\s+|des\s+)([a-zéèêàçôûîï-]{3,})(?:\s+([a-zéèêàçôûîï-]{3,}))?\s+$"
)


def resolve_overlaps(cands: list[Candidate], bounds: dict[int, tuple[int, int]]) -> list[Candidate]:
    """Keep non-overlapping spans: the longest first (a name contains the names it is built on:
    "Conférence générale de l'UNESCO"), then gazetteer and pattern spans before the model's."""

    def key(c: Candidate) -> tuple:
        s, e = bounds[id(c)]
        return (-(e - s), _RANK.get(c.source.split("+")[0], 2), s)

    kept: list[Candidate] = []
    starts: list[int] = []  # the kept spans, disjoint, in text order: their ends are in order too
    ends: list[int] = []
    for c in sorted(cands, key=key):
        s, e = bounds[id(c)]
        k = bisect_left(starts, e)  # the kept spans starting before e are starts[:k]
        if k and ends[k - 1] > s:
            continue
        kept.append(c)
        starts.insert(k, s)
        ends.insert(k, e)
    return sorted(kept, key=lambda c: bounds[id(c)][0])


def harmonise_labels(ctx: Context, mentions: list[Mention]) -> None:
    """One label per name in a document: a cue or the gazetteer wins, else the majority."""
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        by_key.setdefault(normalize_key(m.text), []).append(m)
    for group in by_key.values():
        if len(group) == 1:  # the rules below, for one mention
            m = group[0]
            if m.cue and not ctx.lookup(m.text):
                m.label = m.cue
            continue
        fixed = [m.label for m in group if ctx.lookup(m.text)]
        cued = Counter(m.cue for m in group if m.cue)
        if fixed:
            label = fixed[0]
        elif cued:
            label = cued.most_common(1)[0][0]
        else:
            counts = Counter(m.label for m in group)
            best = counts.most_common()
            if len(best) > 1 and best[0][1] == best[1][1]:
                # a tie: the mention written inside a sentence and in mixed case is the better witness
                inside = [m for m in group if not ctx.initial[m.tok_start] and not m.text.isupper()]
                label = inside[0].label if inside else best[0][0]
            else:
                label = best[0][0]
        for m in group:
            # a venue is a place where one goes and a body where it acts: each mention keeps its own
            m.label = m.cue if m.cand.source == "venue" and m.cue else label


def label_enumerations(ctx: Context, mentions: list[Mention]) -> None:
    """Names listed together ("Thales, Safran, ONERA et Dassault") share the label most of them have."""
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions):
            gap = ctx.text[mentions[j].end : mentions[j + 1].start]
            if gap.strip() in (",", "et", ", et", "&") and "\n" not in gap:
                j += 1
            else:
                break
        group = mentions[i : j + 1]
        first_cue = preceding_cue(ctx, group[0].tok_start) if j > i and group[0].tok_start < ctx.n else None
        if j > i and first_cue:  # "les start-up Hugging Face et Pasqal": the cue covers the list
            for m in group:
                if not ctx.lookup(m.text):
                    m.label = m.cue = first_cue
        elif j - i >= 2:
            counts = Counter(m.label for m in group)
            label, n = counts.most_common(1)[0]
            if n >= 2 and n > len(group) / 2:
                for m in group:
                    if (
                        not m.cue
                        and m.label != label
                        and m.label in ("MISC", "ORG")
                        and label in ("MISC", "ORG")
                    ):
                        m.label = label
        i = j + 1


_ACRONYM_LETTERS = re.compile(r"[A-Z]{2,7}")


def acronym_labels(ctx: Context, mentions: list[Mention], defined: set[str]) -> None:
    """An acronym the document does not define, that names no place and that no cue types, is a body:
    press releases write agencies, companies and associations by their acronyms ("la DGX", "NMA")."""
    for m in mentions:
        if (
            m.label in ("MISC", "LOC")
            and not m.cue
            and m.text not in defined
            and is_acronym(m.text)
            and _ACRONYM_LETTERS.fullmatch(m.text)
            and ctx.lookup(m.text) is None
            and not is_known_place(m.text)
        ):
            m.label = "ORG"
        elif m.label == "MISC" and not m.cue and ctx.lookup(m.text) is None and country_code(m.text):
            m.label = "LOC"  # "ÉPINAL" in a dateline, "Valence": a known town or country is a place


# lower-case venues whose "de" + name is the town they are in ("la salle des fêtes de Nanteuil")
_TOWN_VENUES = frozenset(
    [
        "salle",
        "gymnase",
        "stade",
        "gare",
        "mairie",
        "médiathèque",
        "bibliothèque",
        "église",
        "marché",
        "halle",
        "piscine",
        "port",
        "aéroport",
    ]
)
_VENUE_TAILS = frozenset(["des", "fêtes", "polyvalente", "municipale", "municipal", "communale", "communal"])
_OF_WORDS = frozenset(("de", "d'", "d’"))


def _venue_before(ctx: Context, k: int) -> bool:
    """Tokens before k read "<venue> [des fêtes | polyvalente ...] de" in lower case."""
    if k < 2 or ctx.lower[k - 1] not in _OF_WORDS:
        return False
    j = k - 2
    while j >= 0 and ctx.lower[j] in _VENUE_TAILS and ctx.words[j].islower():
        j -= 1
    return j >= 0 and ctx.lower[j] in _TOWN_VENUES and ctx.words[j].islower()


def _town_shape(ctx: Context, m: Mention) -> bool:
    """One word, or a name joined by a lower-case "du/de/sur/en" ("Nioro du Rip"), not two given names."""
    n = m.tok_end - m.tok_start
    inner = ctx.lower[m.tok_start + 1 : m.tok_end - 1]
    return n == 1 or any(w in ("du", "de", "des", "sur", "en", "lès", "lez") for w in inner)


def places_read_as_persons(ctx: Context, mentions: list[Mention]) -> None:
    """A "person" in a town's shape that is a town by its context: after "<venue> de" ("la salle des
    fêtes de Nanteuil"), or after "de" with a place listed after it ("de Nioro du Rip ou de Kolda")."""
    for i, m in enumerate(mentions):
        if m.label != "PER" or m.cue or not _town_shape(ctx, m) or m.tok_start < 1:
            continue
        if _venue_before(ctx, m.tok_start):
            m.label = m.cue = "LOC"
            continue
        if ctx.lower[m.tok_start - 1] not in _OF_WORDS or i + 1 >= len(mentions):
            continue
        nxt = mentions[i + 1]
        gap = ctx.text[m.end : nxt.start].split()
        if nxt.label == "LOC" and gap in (
            ["ou", "de"],
            ["et", "de"],
            [",", "de"],
            ["ou", "d'"],
            ["et", "d'"],
        ):
            m.label = m.cue = "LOC"
