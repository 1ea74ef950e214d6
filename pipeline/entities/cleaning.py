"""Span clean-up, following the annotation guidelines: no determiner, elision or preposition in
front, no honorific or function (those go to `role`), no trailing punctuation or function word, no
sentence-initial common word glued to the name ("Suivre OpenData.eu")."""

from __future__ import annotations

from spacy.lang.fr.stop_words import STOP_WORDS

from pipeline.canonical import clean_surface
from pipeline.places import is_known_place

from .context import Context
from .lexicon import is_common_word
from .records import Candidate
from .shapes import has_letter, is_acronym, is_cap, is_title
from .words import (
    COMPLEMENT_PREPS,
    DETERMINERS,
    DETERMINERS_OR_PREPS,
    FACILITY_HEADS,
    GENERIC,
    HONORIFICS,
    LEADING_FUNCTION_WORDS,
    MISC_CUES,
    MONTHS,
    NAME_HEADS,
    OPENERS,
    ORG_CUES,
    ORG_HEADS,
    OTHER_PREPS,
    PLACE_KIND_HEADS,
    PORTFOLIO_HEADS,
    POSTAL_WORDS,
    REGION_ADJECTIVES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SITE_HEADS,
)

_TRAIL = " \t\n\r.,;:!?)]}»\"“”'’*-–—/\\|&_+=•<>^"
_LEAD = " \t\n\r([{«\"“”'’*-–—/\\|&_+=•.,;:<>^"
_STREET_HEADS = frozenset(("rue", "place", "avenue", "boulevard", "quai", "cours"))
_BEFORE_PLACE_NAME = COMPLEMENT_PREPS | {"l'", "l’", "la", "le"}


def _street_of_town_name(ctx: Context, k: int) -> bool:
    """ "la place Vendôme", "l'avenue Montaigne": a town's name may name a street written after an
    article (not in a postal line: "103 bis rue Belleville")."""
    return ctx.lower[k] in _STREET_HEADS and k > 0 and ctx.lower[k - 1] in ("la", "l'", "l’", "le")


def _programme_year(ctx: Context, start: int, k: int) -> bool:
    """ "le programme Forêt Vive 2030": a year ends the name of a programme the text announces by a
    lower-case kind noun, even when the model typed the name a place."""
    return (
        len(ctx.words[k]) == 4
        and ctx.words[k][:2] in ("19", "20")
        and ctx.words[k].isdigit()
        and start > 0
        and ctx.lower[start - 1] in MISC_CUES
        and ctx.words[start - 1].islower()
    )


def _kind_of_place(ctx: Context, c: Candidate) -> bool:
    """The span is a kind of place in lower case and its name: a site, whatever its name ("abbatiale
    Sainte-Foy", "château de Vauclair"), or an area or natural feature named by an adjective or a name
    in apposition ("mer Noire", "lac Léman"); after "de" the name is the place ("île d'Ouessant")."""
    head, words = ctx.lower[c.start], ctx.words
    if head in SITE_HEADS:
        return any(is_cap(words[k]) for k in range(c.start + 1, c.end))
    return head in PLACE_KIND_HEADS and is_cap(words[c.start + 1])


def _strip_role_prefix(ctx: Context, c: Candidate) -> tuple[str | None, bool]:
    """Remove honorifics and a leading function from the span; returns (role text, complement?).

    "M. Jean Dupont" -> role "M."; "Directeur général de l'OMS" -> "OMS", role "Directeur
    générale", complement=True; "Président de la République" -> nothing left.
    """
    words, lower = ctx.words, ctx.lower
    role_start = c.start
    complement = False
    portfolio = False
    i = c.start
    changed = True
    while changed and i < c.end:
        changed = False
        low = lower[i]
        if low in HONORIFICS or (low in ("s.", "s") and i + 1 < c.end and lower[i + 1] in ("e.", "e")):
            i += 2 if low in ("s.", "s") and lower[i + 1] in ("e.", "e") else 1
            changed = True
            continue
        if (
            low in ("sa", "son")
            and i + 1 < c.end
            and lower[i + 1] in ("majesté", "excellence", "altesse", "sainteté")
        ):
            i += 2
            changed = True
            continue
        if low in ROLE_HEADS and not (
            low in ("premier", "première") and not (i + 1 < c.end and lower[i + 1] == "ministre")
        ):
            if low in PORTFOLIO_HEADS:
                portfolio = True
            i += 1
            while (
                i < c.end
                and (lower[i] in ROLE_MODIFIERS or lower[i] in ROLE_HEADS)
                and not (
                    is_cap(words[i]) and i + 1 < c.end and is_cap(words[i + 1]) and lower[i] not in ROLE_HEADS
                )
            ):
                i += 1
            changed = True
            # complement: "de l'", "du", "des" ... then lower-case words up to the first capital
            if i < c.end and (lower[i] in COMPLEMENT_PREPS or lower[i] in OTHER_PREPS):
                complement = True
                while i < c.end and not (is_cap(words[i]) and lower[i] not in DETERMINERS):
                    i += 1
            continue
    if i == role_start:
        return None, False
    role = clean_surface(ctx.span_text(role_start, i).strip(" ,")) or None
    c.start = i
    c.role = role
    if portfolio and complement:
        c.source = c.source + "+portfolio"
    return role, complement


_VERB_OBJECTS = frozenset(
    ["le", "la", "les", "un", "une", "ses", "son", "sa", "leur", "leurs", "ce", "cette", "ces"]
)
_NOT_VERBS = frozenset(
    [
        "de",
        "du",
        "des",
        "d'",
        "d’",
        "à",
        "au",
        "aux",
        "pour",
        "sur",
        "en",
        "et",
        "ou",
        "par",
        "avec",
        "entre",
        "contre",
        "dans",
    ]
)


def clean(ctx: Context, c: Candidate) -> list[Candidate]:
    """Apply the span rules to one candidate; returns 0 or 1 candidate."""
    words, lower = ctx.words, ctx.lower
    if c.fixed:
        return [c]
    # leading determiners, elisions, prepositions, function words, quotes, markers
    changed = True
    role_complement = False
    while changed and c.start < c.end:
        changed = False
        s = c.start
        text, low = words[s], lower[s]
        if (
            low in ("le", "la", "les", "l'", "l’")
            and text[:1].isupper()
            and not ctx.initial[s]
            and s > 0
            and words[s - 1] not in OPENERS
            and c.end - s > 1
            and is_cap(words[s + 1])
        ):
            break  # a capital article inside a sentence is part of the name: "La Poste", "Le Maire"
        leading = (
            low in DETERMINERS
            or low in LEADING_FUNCTION_WORDS
            or (ctx.punct[s] and s + 1 < c.end)
            or ctx.space[s]
            or (not has_letter(text) and not any(ch.isdigit() for ch in text))
            or (c.label == "LOC" and ctx.num[s] and len(text) == 5 and s + 1 < c.end)  # "87042 Limoges"
        )
        if leading and (low in ("l'", "l’", "d'", "d’") or not (text[:1].isupper() and c.end - s == 1)):
            c.start += 1
            changed = True
            continue
        if low in ("de", "du", "des") and c.label == "PER" and c.end - s > 1 and is_cap(words[s + 1]):
            break  # particle of a person's name: "de Gaulle"
        # a lower-case cue noun in front of a name: "l'association Data for Good", "la société X"
        if (
            (low in ORG_CUES or low in MISC_CUES)
            and text.islower()
            and c.end - s > 1
            and is_cap(words[s + 1])
        ):
            c.start += 1
            c.cue = "ORG" if low in ORG_CUES else "MISC"
            changed = True
            continue
        # a generic noun in front of a name: "États du G7" -> "G7"
        if low in GENERIC and c.end - s > 2 and lower[s + 1] in COMPLEMENT_PREPS:
            c.start += 2
            changed = True
            continue
        role, complement = _strip_role_prefix(ctx, c)
        if role is not None:
            role_complement = role_complement or complement
            if c.label not in ("PER",) and not complement and c.start < c.end and is_cap(words[c.start]):
                c.label, c.cue = "PER", "PER"
            elif (
                c.label == "PER"
                and complement
                and (
                    c.start >= c.end
                    or lower[c.start - 1] not in ("de", "d'", "d’")
                    or is_acronym(words[c.start])
                )
            ):
                c.label = "ORG"  # "président du Mozilla Institute"; not "général de Gaulle"
            changed = True
            continue
        # a sentence-initial common word in front of a name: "Suivre OpenData.eu", "Selon Radio-X",
        # "Visitez l'Europe"; a capitalised pronoun or adverb ("Il a ...", "Notre ...")
        if (
            c.end - s > 1
            and low not in NAME_HEADS
            and not (c.label == "PER" and ctx.pos[s] == "PROPN" and is_cap(words[s + 1]))
            and (
                ctx.common_initial(s, c.label)
                or (low in STOP_WORDS and is_title(text) and low not in DETERMINERS)
                or (ctx.initial[s] and is_common_word(low) and lower[s + 1] in DETERMINERS_OR_PREPS)
            )
        ):
            c.start += 1
            changed = True
            # the name proper starts at the next capital; lower-case words in between are not a name
            while c.start < c.end and not is_cap(words[c.start]) and c.label in ("PER", "LOC", "MISC", "ORG"):
                if lower[c.start] in DETERMINERS or not words[c.start].islower():
                    break
                c.start += 1
            continue
    if c.start >= c.end:
        return []
    # "stade Marcel-Michelin", "boulevard Léon-Blum": a venue named after a person, head and name
    if (
        c.label == "LOC"
        and not c.keep_lower
        and c.end - c.start > 1
        and lower[c.start] in FACILITY_HEADS
        and words[c.start].islower()
        and is_cap(words[c.start + 1])
        and (not is_known_place(ctx.span_text(c.start + 1, c.end)) or _street_of_town_name(ctx, c.start))
    ):
        c.keep_lower = True
    # "abbatiale Sainte-Foy", "mer Noire": the kind of place is part of the name ("île d'Ouessant" is
    # "Ouessant", below)
    if c.label == "LOC" and c.end - c.start > 1 and words[c.start].islower() and _kind_of_place(ctx, c):
        c.keep_lower = True
    # "port de Londres", "ville de Berne": the place is the name after the common noun
    if c.label in ("LOC", "PER") and not c.keep_lower and words[c.start].islower():
        # "région Provence-Alpes-Côte d'Azur": a known place right after the noun is whole
        known = (
            c.end - c.start > 1
            and lower[c.start] not in FACILITY_HEADS  # "place Vendôme" is a square, not the town
            and is_cap(words[c.start + 1])
            and is_known_place(ctx.span_text(c.start + 1, c.end))
        )
        for k in range(c.start + 1, c.end):
            if known or (is_cap(words[k]) and lower[k - 1] in _BEFORE_PLACE_NAME):
                c.start = k
                break
    # "Autorité de la concurrence sanctionne trois distributeurs": a lower-case word before a numeral
    # or a determiner is a verb (a headline the tagger misread); the name ends before it
    if c.source == "model" and c.label in ("ORG", "MISC"):
        for k in range(c.start + 2, c.end - 1):
            if (
                words[k].islower()
                and lower[k] not in _NOT_VERBS
                and (ctx.num[k + 1] or lower[k + 1] in _VERB_OBJECTS)
            ):
                c.end, c.char_end = k, None
                break
    # trailing punctuation, determiners, prepositions, conjunctions, role words, numbers
    while c.end > c.start:
        e = c.end - 1
        text, low = words[e], lower[e]
        if (
            ctx.punct[e]
            or ctx.space[e]
            or low in DETERMINERS
            or low in LEADING_FUNCTION_WORDS
            or low in COMPLEMENT_PREPS
            or low in ("&", "qui", "que", "dont")
            or (low in POSTAL_WORDS and c.end - c.start > 1)  # "87042 Limoges Cedex": the town stays
            or (
                low in ROLE_HEADS
                and c.label != "PER"
                and c.end - c.start > 1
                and lower[e - 1] not in DETERMINERS
                and low not in ("général", "premier", "première")
            )
            or (
                c.label in ("PER", "LOC")
                and (ctx.num[e] or low in MONTHS)
                and c.end - c.start > 1
                and not _programme_year(ctx, c.start, e)
            )
            or (
                c.label in ("PER", "LOC")
                and text.islower()
                and c.end - c.start > 1
                and len(text) < 12
                and low not in REGION_ADJECTIVES
                and not (lower[c.start] in ORG_HEADS and is_cap(words[c.start]))  # "Cour d'appel"
            )
        ):
            c.end -= 1
            c.char_end = None
            continue
        break
    if c.start >= c.end:
        return []
    return [c]


def char_bounds(ctx: Context, c: Candidate) -> tuple[int, int]:
    """Character offsets after trimming punctuation and spaces at both ends."""
    start = ctx.idx[c.start]
    end = c.char_end if c.char_end is not None else ctx.end_char(c.end - 1)
    text = ctx.text
    while start < end and text[start] in _LEAD:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        # keep the dot of an abbreviation inside the name ("St."), not a final one
        end -= 1
    return start, end
