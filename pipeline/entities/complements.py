"""How far a name goes after its head noun: adjectives, then "de/du/des ...", "pour/sur ...", "à ..."
complements ("Comité consultatif de haut niveau sur la pêche durable"). Names, bodies and roles all
end where these rules say their nominal group ends."""

from __future__ import annotations

from pipeline.places import is_known_place

from .context import Context
from .lexicon import is_common_word, is_lemma
from .shapes import is_acronym, is_cap
from .words import (
    A_LOCUTIONS,
    A_PREPS,
    COMPLEMENT_PREPS,
    CUE_NOUNS,
    DETERMINERS,
    ENGLISH_ORG_TAILS,
    FACILITY_HEADS,
    LEADING_FUNCTION_WORDS,
    MONTHS,
    NAME_HEADS,
    ORG_HEADS,
    OTHER_PREPS,
    PLURAL_ORG_HEADS,
    WEEKDAYS,
)

_GROUP_ENDERS = frozenset(("VERB", "AUX", "PRON", "SCONJ", "CCONJ", "ADV"))
# nouns whose complement is a person or a cause: "Collectif de défense de Marie Durand", "Comité
# d'aide à Paul Martin"
SUPPORT_NOUNS = frozenset(("soutien", "solidarité", "défense", "libération", "hommage", "amis", "aide"))


def _capitalised_common(ctx: Context, k: int) -> bool:
    """A common word written with a capital inside a name ("Relance", "Paix"), not a name head."""
    return is_cap(ctx.words[k]) and ctx.lower[k] not in NAME_HEADS and is_common_word(ctx.words[k])


def _title_cased(ctx: Context, i: int, end: int) -> bool:
    """The name headed by token i is written in title case so far ("Centre National d'Actions")."""
    return is_cap(ctx.words[i]) and any(_capitalised_common(ctx, k) for k in range(i + 1, end))


_VERB_OBJECTS = frozenset(
    ["le", "la", "les", "un", "une", "ses", "son", "sa", "leur", "leurs", "ce", "cette", "ces"]
)
_ARTICLES = frozenset(("le", "la", "l'", "l’"))


def _glued_hyphen(ctx: Context, k: int) -> bool:
    """Token k is a hyphen with no space on either side, between two capitalised words."""
    return (
        not ctx.spaced[k - 1]
        and not ctx.spaced[k]
        and k + 1 < ctx.n
        and is_cap(ctx.words[k - 1])
        and is_cap(ctx.words[k + 1])
    )


# after "et du", a capitalised head starts a second name: "l'Université de Morlange et du Muséum ..."
_SECOND_NAME_HEADS = (
    NAME_HEADS
    | FACILITY_HEADS
    | frozenset(
        ("muséum", "conservatoire", "archives", "opéra", "orchestre", "caisse", "mutualité", "établissement")
    )
)


def _lower_compound(ctx: Context, k: int) -> bool:
    """Token k is the glued hyphen of a lower-case compound noun ("experts-comptables")."""
    return (
        not ctx.spaced[k - 1]
        and not ctx.spaced[k]
        and k + 1 < ctx.n
        and ctx.words[k - 1].isalpha()
        and ctx.words[k - 1].islower()
        and ctx.words[k + 1].isalpha()
        and ctx.words[k + 1].islower()
    )


def _coordinated_noun(ctx: Context, k: int) -> int:
    """ ", l'alimentation" / "et l'environnement" at token k: the end of that article + lower-case noun
    group when it is one more complement of the name, else k. Not when a verb follows ("l'Agence de
    l'eau et la région ont signé") nor when the noun heads another name ("et la société ...")."""
    lower, n = ctx.lower, ctx.n
    if lower[k] not in (",", "et") or k + 2 >= n or lower[k + 1] not in _ARTICLES:
        return k
    a = k + 2
    if not ctx.words[a].islower() or lower[a] in CUE_NOUNS or lower[a] in NAME_HEADS or ctx.pos[a] != "NOUN":
        return k
    end = np_end(ctx, a, False)
    if end == a or (end < n and (ctx.pos[end] in ("VERB", "AUX") or lower[end] in ("qui", "que"))):
        return k
    if lower[k] == "," and not _list_goes_on(ctx, end):
        return k  # ", le trafic en mer ...": an apposition or a new clause, not "A, B et C"
    return end


def _list_goes_on(ctx: Context, k: int) -> bool:
    """A comma item of a name's list of complements is followed by another item or closes the name."""
    return k >= ctx.n or ctx.lower[k] in (",", "et", "(", ")") or ctx.is_break(k)


def _name_word(ctx: Context, k: int) -> bool:
    """Token k is a capitalised word inside a sentence that is no common word written with a capital
    ("Dordogne", not "Relance"): a proper name whatever its tag."""
    return is_cap(ctx.words[k]) and not ctx.initial[k] and not is_common_word(ctx.words[k])


def np_end(ctx: Context, j: int, allow_cap: bool) -> int:
    """End of a nominal group starting at j: (ADJ|NOUN|PROPN)+ within the line, else j."""
    words, lower, pos = ctx.words, ctx.lower, ctx.pos
    k = j
    while k < ctx.n and k - j < 8:
        text = words[k]
        if text == "-" and k > j and (_glued_hyphen(ctx, k) or _lower_compound(ctx, k)):
            k += 1  # "Nouvelle-Aquitaine", "experts-comptables" split by the tokenizer: one word
            continue
        if ctx.is_break(k) or ctx.punct[k] or ctx.space[k] or ctx.contact[k]:
            break
        low = lower[k]
        # "l'Autorité de la concurrence sanctionne trois ...": a word before a numeral or a
        # determiner is a verb the tagger took for a noun (headlines), not part of the name
        if k > j and text.islower() and k + 1 < ctx.n and (ctx.num[k + 1] or lower[k + 1] in _VERB_OBJECTS):
            break
        if low in MONTHS or low in WEEKDAYS or ctx.num[k]:
            break  # "en 2016", "de mai": a date is no complement of a name
        if (
            low in DETERMINERS
            or low in LEADING_FUNCTION_WORDS
            or low in COMPLEMENT_PREPS
            or low in ("qui", "que")
        ):
            break
        # verbs, pronouns, adverbs end the group; adjectives in -ique/-ale/-elle that the tagger
        # takes for verbs do not ("transition énergétique")
        if (
            pos[k] in _GROUP_ENDERS
            and not (is_cap(text) or "(" in text)
            and not (pos[k] == "VERB" and low.endswith(("ique", "ale", "elle")))
        ):
            break
        if k == j and is_cap(text) and not allow_cap:
            break
        # "de Lucie Marchand appelle": after a proper noun, only an adjective goes on ("Nations unies");
        # also after a capitalised name the tagger read as a noun ("de la Dordogne alerte sur ...": a
        # headline verb taken for a noun)
        if k > j and text.islower() and pos[k] != "ADJ" and (pos[k - 1] == "PROPN" or _name_word(ctx, k - 1)):
            break
        if "(" in text[1:]:
            return k + 1
        k += 1
    return k


def complement_end(ctx: Context, i: int, with_a: bool = False) -> int:
    """End (exclusive) of the name headed by token i: head, adjectives, then its complements.

    de/du/des/d' + [le/la/les/l'] + nominal group (capitals allowed: "des Nations Unies");
    pour/sur/en/contre + [definite article] + lower-case nominal group ("sur la pêche durable",
    but not "sur le Plan ..." nor "sur des questions"); ", du/des ..." and "et de/des ..." coordinations;
    with_a: also à/au/aux + lower-case nominal group (bodies and roles: "délégation aux affaires ...").
    """
    words, lower, pos, n = ctx.words, ctx.lower, ctx.pos, ctx.n
    j = i + 1
    while (
        j < n
        and not ctx.is_break(j)
        and (
            (pos[j] == "ADJ" and lower[j] not in DETERMINERS)
            or (lower[j] == "et" and j > i + 1 and pos[j - 1] == "ADJ" and j + 1 < n and pos[j + 1] == "ADJ")
            or (lower[j] in ("haut", "haute") and j + 1 < n and pos[j + 1] == "NOUN")
            or (is_cap(words[j]) and pos[j] in ("PROPN", "ADJ", "NOUN") and lower[j] in ENGLISH_ORG_TAILS)
        )
    ):
        j += 1
    end = j
    articled = False  # the last complement had an article ("pour l'alimentation"): a list may follow
    while j < n and j - i < 24:
        k = j
        if articled and end == j:
            k2 = _coordinated_noun(ctx, k)
            if k2 > k:
                j = end = k2
                continue
        coordinated = lower[k] in (",", "et")
        if lower[k] == "," and k + 1 < n and lower[k + 1] == "et":
            k += 1
        if lower[k] in (",", "et") and k + 1 < n and lower[k + 1] in COMPLEMENT_PREPS and end == j:
            k += 1
        low = lower[k] if k < n else ""
        # "Comité d'aide à Paul Martin", "Agence ... en Bretagne" (a name in title case)
        if (
            (low in A_PREPS or low == "en")
            and k + 1 < n
            and is_cap(words[k + 1])
            and not ctx.is_break(k + 1)
            # "les Chantiers de l'Atlantique à Saint-Nazaire": the town is where the company works
            and not (lower[i] in PLURAL_ORG_HEADS and is_known_place(words[k + 1]))
            and (
                lower[end - 1] in SUPPORT_NOUNS
                or _title_cased(ctx, i, end)
                or (low in A_PREPS and _capitalised_common(ctx, k + 1) and is_lemma(words[k + 1]))
            )
        ):
            k2 = np_end(ctx, k + 1, True)
            if k2 > k + 1:
                j = end = k2
                continue
        if low in COMPLEMENT_PREPS:
            k += 1
            articled = k < n and lower[k] in ("le", "la", "les", "l'", "l’")
            if articled:
                k += 1
            if k < n and k > j + 2 and lower[k] in CUE_NOUNS:
                break  # "... et de l'association Y": another name begins
            if (
                coordinated
                and k < n
                and (is_acronym(words[k]) or (is_cap(words[k]) and lower[k] in _SECOND_NAME_HEADS))
            ):
                break  # "l'Université de Morlange et du CNRS": two bodies
            k2 = np_end(ctx, k, True)
            if k2 == k:
                break
            if lower[j] == "," and words[k].islower() and not _list_goes_on(ctx, k2):
                break  # "avec l'Institut ..., des programmes de sélection": no list, another phrase
            j = end = k2
            if words[k2 - 1].endswith("(") or "(" in words[k2 - 1][1:]:
                break
            continue
        if low in A_PREPS and with_a:
            k += 1
            if k < n and lower[k] in ("la", "l'", "l’"):
                k += 1
            if k < n and lower[k] in A_LOCUTIONS:
                break
            k2 = np_end(ctx, k, False)
            if k2 == k:
                break
            j = end = k2
            continue
        if low in OTHER_PREPS:
            # a bare institution noun takes "pour" ("Fondation pour ..."), not "sur/en/à": in "le
            # Conseil sur la directive" the complement belongs to the verb
            if end == i + 1 and lower[i] in ORG_HEADS and (low != "pour" or lower[i] == "gouvernement"):
                break
            # "la Commission européenne sur les aides d'État": a body the gazetteer knows is complete
            if end - i > 1 and ctx.lookup(ctx.span_text(i, end)) is not None:
                break
            k += 1
            if k < n and lower[k] in ("des", "un", "une", "ce", "cette", "ces", "son", "sa", "ses"):
                break
            articled = k < n and lower[k] in ("le", "la", "les", "l'", "l’")
            if articled:
                k += 1
            # "Agence nationale pour la Relance ...": a capitalised common word continues a name
            allow_cap = k < n and is_cap(words[i]) and _capitalised_common(ctx, k)
            k2 = np_end(ctx, k, allow_cap)
            if k2 == k:
                break
            j = end = k2
            if "(" in words[k2 - 1][1:]:
                break
            continue
        break
    return end
