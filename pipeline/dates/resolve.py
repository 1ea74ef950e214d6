"""Resolution of expressions against the publication date and the context.

The publication date anchors every relative or year-less expression; the words around the
expression tell the direction: French verb tenses (passé composé and imparfait look back, futur
and "prévu" look forward), "dernier"/"prochain", "depuis", "jusqu'au", "d'ici". A year-less date
also takes the year of an explicit year written just before it in the same sentence ("en 97 (en
janvier ...)"), and, when the publication date is unknown, the year of the closest full date of
the document ("le 1er novembre" ... "les 1er et 2 novembre 2023").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from .holidays import easter, holiday_date, nth_weekday  # noqa: F401 (re-exported)
from .lexicon import IRREGULAR_PP, SEASON_START

# ---------------------------------------------------------------------------- calendar helpers


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def nth_weekday_of_season(y: int, season: str, weekday: int, n: int) -> dt.date | None:
    m, d = SEASON_START[season]
    start = dt.date(y, m, d)
    if n > 0:
        return start + dt.timedelta(days=(weekday - start.isoweekday()) % 7 + 7 * (n - 1))
    return None


def two_digit_year(yy: int, published: dt.date | None) -> int:
    """'97 -> 1997, '05 -> 2005: the century that puts the year at most ten years after publication."""
    ref = published.year if published else 2030
    y = 2000 + yy if 2000 + yy <= ref + 10 else 1900 + yy
    return y


def fmt_day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


# ---------------------------------------------------------------------------- tense cues
# Each cue: (pattern on the lower-cased text, direction -1 past / +1 future, strong?).
_W = r"[a-zàâäçéèêëîïôöûùüÿœæ]"
# Adverbs that may stand between an auxiliary and its participle ("a déjà signé", "n'a pas encore voté").
_ADV = (
    r"(?:(?:pas|plus|jamais|déjà|bien|aussi|encore|toujours|notamment|également|enfin|alors|ainsi|donc|"
    r"ensuite|finalement|récemment|même|beaucoup|peu|tout|très|trop|vraiment|rien|officiellement|"
    r"longtemps|souvent|largement|clairement|rapidement|[a-zàâçéèêëîïôûùüÿœ]{3,}ment)\s+){0,2}"
)
_PP = rf"(?:été|eu|(?!lieu\b){_W}+(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|erts|ort|eint|aint|oint|ait))"
_MOTION = (
    r"(?:allé|venu|arrivé|parti|né|mort|décédé|tombé|devenu|revenu|entré|sorti|resté|passé|rentré|"
    r"retourné|intervenu|survenu|parvenu|apparu|disparu)(?:e|s|es)?"
)
_NOT_FUTURE = {"extra", "ultra", "contra", "mantra", "tantra", "sutra", "cobra", "aura", "vera", "sierra"}
_NOT_IMPARFAIT = {
    "trait", "extrait", "portrait", "attrait", "souhait", "parfait", "retrait", "bienfait", "forfait",
    "méfait", "distrait", "abstrait", "imparfait", "plait", "plaît", "lait",
}  # fmt: skip
_FUTURE_ENDINGS = re.compile(
    rf"\b{_W}{{2,}}(?:era|eront|erai|erons|erez|ira|iront|dra|dront|tra|tront|vra|vront|ura|uront)\b"
)

_PARTICIPLE_BEFORE_DATE = re.compile(
    rf"\b(?:(?P<aux>{_W}+'?{_W}*)\s+)?(?P<pp>{_W}{{3,}}(?:é|ée|és|ées)|{IRREGULAR_PP})\s+(?:le|en|du|au)\s+"
    r"(?=\d|1er\b|premier\b)"
)
# The word before such a participle that makes it part of a verb the other cues read, and participles
# that announce rather than report ("prévu le 5 mai", "reporté au 12").
_AUX_BEFORE_PARTICIPLE = frozenset(
    [
        "est",
        "sont",
        "sera",
        "seront",
        "serait",
        "seraient",
        "être",
        "été",
        "soit",
        "soient",
        "fut",
        "était",
        "étaient",
        "va",
        "vont",
        "doit",
        "doivent",
        "devrait",
        "devraient",
        "pourra",
        "pourront",
        "a",
        "ont",
        "avait",
        "avaient",
        "aura",
        "auront",
        "se",
        "s'est",
        "le",
        "la",
        "les",
        "l'",
        "un",
        "une",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "ce",
        "cet",
        "cette",
        "du",
        "des",
        "au",
        "aux",
        "d'",
        "mon",
        "ma",
        "notre",
        "votre",
    ]  # fmt: skip
)  # an auxiliary (the verb's own cue decides) or a determiner ("son délibéré le 29 avril": a noun)
_ANNOUNCING_PARTICIPLES = re.compile(
    r"(?:prévu|programm|report|repouss|décal|fix|attend|planifi|envisag|organis|propos|convi|invit|ferm|"
    r"prolong|espér|souhait|avanc|renvoy|ajourn|réserv|dédi|consacr|destin|limit|convoqu|appel|inscrit|délibér)"
)

_CUES: list[tuple[re.Pattern[str], int, bool]] = [
    # passé composé / plus-que-parfait: auxiliary avoir + participle (up to two adverbs between)
    (
        re.compile(
            rf"\b(?:a|ont|avait|avaient|avons|avez|ai|as|eut|eurent|ayant|aurait|auraient)\s+{_ADV}{_PP}\b"
        ),
        -1,
        True,
    ),
    (
        re.compile(rf"\b(?:est|sont|était|étaient|fut|furent|sommes|êtes)\s+(?:{_W}+\s+)??{_MOTION}\b"),
        -1,
        True,
    ),
    (re.compile(rf"\b(?:s'est|se\s+sont|s'était|s'étaient|s'étant)\s+{_ADV}{_PP}\b"), -1, True),
    # the acts someone is tried, convicted or charged for lie in the past ("juge quatre hommes pour
    # l'agression du 3 mai", "condamné pour les faits du 12 juin")
    (
        re.compile(
            r"\b(?:jug(?:e|és?|ées?|ent)|condamn(?:e|és?|ées?|ent)|accus(?:e|és?|ées?|ent)|poursuivie?s?|"
            r"inculpée?s?|mise?s?\s+en\s+examen|soupçonnée?s?)\s+(?:[\w'-]+\s+){0,4}?(?:pour|d'avoir)\b"
        ),
        -1,
        True,
    ),
    # a participle right before its date, with no auxiliary: "le plan, présenté le 5 février, sera voté"
    (_PARTICIPLE_BEFORE_DATE, -1, True),
    # adverbs of the clause ("dernier"/"prochain" count only inside the expression itself: Expr.rel)
    (re.compile(r"\b(?:écoulé|écoulée|récemment|depuis)\b"), -1, True),
    # imparfait (weak: often a state or reported speech)
    (re.compile(rf"\b{_W}{{2,}}(?:ait|aient)\b"), -1, False),
    # futur simple, futur proche, "prévu", "à venir"
    (
        re.compile(
            r"\b(?:sera|seront|serai|serons|serez|aura|auront|aurons|ira|iront|fera|feront|devra|"
            r"devront|pourra|pourront|tiendra|tiendront|viendra|viendront|faudra|verra|verront|saura|"
            r"voudra|aura\s+lieu|auront\s+lieu)\b"
        ),
        1,
        True,
    ),  # fmt: skip
    (_FUTURE_ENDINGS, 1, True),
    (re.compile(rf"\b(?:va|vont|allons|allez)\s+(?:{_W}+\s+)?{_W}+(?:er|ir|re)\b"), 1, True),
    (
        re.compile(
            r"\b(?:prévu|prévue|prévus|prévues|programmé|programmée|programmés|programmées|"
            r"prochainement|à\s+venir|rendez-vous)\b"
        ),
        1,
        True,
    ),  # fmt: skip
    # the present of an agenda announces ("la fête a lieu samedi", "les travaux débutent lundi") (weak)
    (
        re.compile(
            r"\b(?:a\s+lieu|ont\s+lieu|se\s+tien(?:t|nent)|se\s+déroulen?t?|s'ouvren?t?|débuten?t?|"
            r"commencen?t?|reprenn?(?:d|ent)|ouvren?t?|fermen?t?|rouvren?t?|accueillen?t?|s'achèven?t?|"
            r"se\s+terminen?t?|prenn?(?:d|ent)\s+fin|"
            r"(?:est|sont)\s+(?:organisée?s?|programmée?s?|attendue?s?|fermée?s?|ouvertes?|coupée?s?))\b"
        ),
        1,
        False,
    ),
    # conditional, modal, deadlines (weak)
    (re.compile(rf"\b{_W}{{2,}}(?:rait|raient)\b"), 1, False),
    (re.compile(r"\b(?:devrait|devraient|jusqu'au|jusqu'à|d'ici|à\s+partir\s+d[eu]|dès)\b"), 1, False),
    # an obligation ("la déclaration doit être déposée avant le 31/12") and the new date of a moved
    # event ("l'audience a été renvoyée au 9 juin"; the auxiliary's past is the move, not the date)
    (
        re.compile(
            r"\b(?:doit|doivent)\s+(?:être\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}?\s+(?:avant|au\s+plus\s+tard)\b"
        ),
        1,
        False,
    ),
    (
        re.compile(
            r"\b(?:renvoy|report|repouss|décal|avanc|ajourn|fix|délibér)(?:é|ée|és|ées)\s+(?:au|à|en(?=\s+"
            r"(?:\d|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
            r"début|fin|mi-)))\b"
        ),  # "reporté en janvier", "mis en délibéré au 2 juillet"
        1,
        False,
    ),
]


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    direction: int
    strong: bool
    local: bool = False  # a participle before a date: it governs that date only


def find_cues(low: str, pos: int = 0, endpos: int | None = None) -> list[Cue]:
    """Every tense cue of low[pos:endpos] (offsets into `low`), sorted by position."""
    endpos = len(low) if endpos is None else endpos
    cues: list[Cue] = []
    for pattern, direction, strong in _CUES:
        for m in pattern.finditer(low, pos, endpos):
            word = m.group(0)
            if pattern is _FUTURE_ENDINGS and word in _NOT_FUTURE:
                continue
            if pattern is _PARTICIPLE_BEFORE_DATE:
                if m.group("aux") in _AUX_BEFORE_PARTICIPLE or _ANNOUNCING_PARTICIPLES.match(m.group("pp")):
                    continue
                if m.group("aux") is None and m.group("pp") in ("passé", "passée"):
                    continue  # "Passé le 15 avril, ...": a preposition, after that day
                cues.append(Cue(m.start("pp"), m.end(), direction, strong, local=True))
                continue
            if (
                direction == -1
                and not strong
                and (word in _NOT_IMPARFAIT or word.endswith(("rait", "raient")))
            ):
                continue
            cues.append(Cue(m.start(), m.end(), direction, strong))
    cues.sort(key=lambda c: c.start)
    return cues


@dataclass(frozen=True)
class Tense:
    direction: int  # -1 past, +1 future, 0 unknown
    strong: bool


NO_TENSE = Tense(0, False)


class Context:
    """What resolution needs to know about the document: text, sentences, tense cues, publication date.

    Tense cues are read lazily, one sentence at a time: only sentences holding a date that needs
    them are scanned.
    """

    def __init__(self, text: str, low: str, published: dt.date | None) -> None:
        self.text = text
        self.low = low
        self.published = published
        bounds = [0]
        for m in re.finditer(r"[.!?]+[»\"')]*\s+|\n", text):
            bounds.append(m.end())
        self.bounds = bounds
        self._cues: dict[int, list[Cue]] = {}

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.bounds, pos) - 1
        start = self.bounds[i]
        end = self.bounds[i + 1] if i + 1 < len(self.bounds) else len(self.text)
        return start, end

    def cues(self, s0: int, s1: int) -> list[Cue]:
        if s0 not in self._cues:
            self._cues[s0] = find_cues(self.low, s0, s1)
        return self._cues[s0]

    def tense(self, start: int, end: int, max_dist: int = 120) -> Tense:
        """The direction of the cue closest to [start, end) within its sentence and `max_dist` characters
        (cues inside the span count): a verb far away in a long sentence governs something else."""
        s0, s1 = self.sentence(start)
        best: tuple[int, Cue] | None = None
        for cue in self.cues(s0, s1):
            if start <= cue.start < end or cue.start < start < cue.end:  # inside or around the expression
                dist = 0
            elif cue.end <= start:
                dist = start - cue.end
            elif cue.start >= end:
                dist = cue.start - end
            else:
                continue
            if cue.local and dist > 0:
                continue
            if dist > (max_dist if cue.strong else max_dist // 3):
                continue
            # a verb across a comma governs another clause ("la biennale, dont l'édition s'achève le
            # 27 décembre, a attiré ..."): it wins only when no verb of the date's own clause is nearer
            between = self.low[min(end, cue.end) : max(start, cue.start)] if dist else ""
            rank = dist + (30 if "," in between or ";" in between else 0)
            if best is None or rank < best[0] or (rank == best[0] and cue.strong and not best[1].strong):
                best = (rank, cue)
        if best is None:
            return NO_TENSE
        cue = best[1]
        if not cue.strong:  # "resteront ouverts jusqu'à Noël": a verb of the same direction makes it sure
            for other in self.cues(s0, s1):
                near = abs(other.start - start) <= max_dist or abs(other.end - end) <= max_dist
                if other.strong and not other.local and other.direction == cue.direction and near:
                    return Tense(cue.direction, True)
        return Tense(cue.direction, cue.strong)


# ---------------------------------------------------------------------------- year choice


def choose_day_year(
    month: int, day: int, published: dt.date, tense: Tense, weekday: int | None = None
) -> dt.date | None:
    """The year of a year-less day date: the occurrence that agrees with the tense, else the nearest.

    A weekday written with it ("samedi 5 juin") picks the year where that day has that weekday.
    """
    cands = [c for c in (safe_date(published.year + k, month, day) for k in (-1, 0, 1)) if c]
    if weekday is not None:
        matching = [c for c in cands if c.isoweekday() == weekday]
        if matching:
            cands = matching
    if not cands:
        return None
    return _by_tense(cands, published, tense)


def _by_tense(cands: list[dt.date], published: dt.date, tense: Tense) -> dt.date:
    """The candidate on the tense's side of the publication date (a weak cue such as an imparfait
    only within six months), else the nearest."""
    # a weak cue reaches six months; a weak future (a deadline "jusqu'au", an agenda present, a
    # conditional, an obligation) looks up to ten and a half months ahead: "valable jusqu'au 31
    # décembre", "doit être déposée avant le 31/12" read at the start of March
    reach = 10_000 if tense.strong else 320 if tense.direction > 0 else 183
    if tense.direction > 0:
        fut = [c for c in cands if published <= c and (c - published).days <= reach]
        if fut:
            return min(fut)
    elif tense.direction < 0:
        past = [c for c in cands if c <= published and (published - c).days <= reach]
        if past:
            return max(past)
    # No tense: the nearest occurrence, with a prior for the future (releases announce what comes):
    # a past date wins only when clearly closer than the next one.
    return min(cands, key=lambda c: (c - published).days if c >= published else 1.5 * (published - c).days)


def choose_month_year(month: int, published: dt.date, tense: Tense, rel: int, of_noun: bool = False) -> int:
    """The year of a year-less month: the publication year, unless "dernier"/"prochain" or a strong
    tense contradicts it by two months or more ("en décembre, le ministre a annoncé" in January), or a
    weak one by five ("la décision est attendue en février" in November); with no tense, a month nine
    or more ahead that completes a noun ("les ventes de décembre") is last year's."""
    diff = month - published.month
    if rel < 0:
        return published.year if diff < 0 else published.year - 1
    if rel > 0:
        return published.year if diff > 0 else published.year + 1
    if tense.strong and tense.direction < 0 and diff >= 2:
        return published.year - 1
    if tense.strong and tense.direction > 0 and diff <= -2:
        return published.year + 1
    # a weak cue ("est attendue", an imparfait) decides only a month half a year or more away
    if tense.direction < 0 and diff >= 5:
        return published.year - 1
    if tense.direction > 0 and diff <= -5:
        return published.year + 1
    # no tense, a noun's complement: "les chiffres de novembre confirment" read in January is the November
    # just past ("rendez-vous en novembre" stays ahead)
    if of_noun and tense.direction == 0 and diff >= 9:
        return published.year - 1
    return published.year


def choose_weekday(weekday: int, published: dt.date, tense: Tense, rel: int) -> dt.date:
    """The date of a weekday: "dernier" looks back, "prochain" forward, otherwise the tense, otherwise
    the nearest occurrence (the day itself when it is the publication's weekday)."""
    back = (published.isoweekday() - weekday) % 7
    fwd = (weekday - published.isoweekday()) % 7
    if rel < 0:
        return published - dt.timedelta(days=back or 7)
    if rel > 0:
        return published + dt.timedelta(days=fwd or 7)
    if back == 0:
        return published
    if tense.direction < 0:
        return published - dt.timedelta(days=back)
    if tense.direction > 0:
        return published + dt.timedelta(days=fwd)
    return published - dt.timedelta(days=back) if back <= fwd else published + dt.timedelta(days=fwd)


def choose_weekday_day(weekday: int, day: int, published: dt.date, tense: Tense) -> dt.date | None:
    """ "samedi 5" without a month: the nearest month (agreeing with the tense) where the 5th is a
    Saturday."""
    cands = []
    for k in range(-7, 8):
        y, m = add_months(published.year, published.month, k)
        d = safe_date(y, m, day)
        if d and d.isoweekday() == weekday:
            cands.append(d)
    if not cands:
        return None
    if tense.direction > 0:
        fut = [c for c in cands if c >= published]
        if fut:
            return min(fut)
    elif tense.direction < 0:
        past = [c for c in cands if c <= published]
        if past:
            return max(past)
    return min(cands, key=lambda c: abs((c - published).days))


# The middle of each season, (month, day, years after the season's year): winter Y runs from
# December Y into February Y+1, so "l'hiver dernier" read in March 2024 is 2023-WI.
SEASON_MIDDLE = {"SP": (5, 5, 0), "SU": (8, 5, 0), "FA": (11, 5, 0), "WI": (2, 5, 1)}


def choose_season_year(season: str, published: dt.date, tense: Tense, rel: int) -> int:
    """The season's year: "dernier" is the latest whose middle has passed, "prochain" the next one to
    come, a strong tense picks its side of the publication date (within 45 days of slack), otherwise
    the season whose middle is nearest."""
    m, d, shift = SEASON_MIDDLE[season]
    cands = {y: dt.date(y + shift, m, d) for y in (published.year - 2, published.year - 1, published.year,
                                                    published.year + 1)}  # fmt: skip
    slack = dt.timedelta(days=45)
    if rel < 0:
        return max(y for y, mid in cands.items() if mid < published)
    if rel > 0:
        return min(y for y, mid in cands.items() if mid - slack > published)  # not begun yet
    if tense.strong and tense.direction < 0:
        return max(y for y, mid in cands.items() if mid <= published + slack)
    if tense.strong and tense.direction > 0:
        return min(y for y, mid in cands.items() if mid >= published - slack)
    return min(cands, key=lambda y: abs((cands[y] - published).days))


def choose_holiday(name: str, published: dt.date, tense: Tense) -> dt.date | None:
    """The tense's side, else the coming feast unless the last is only weeks behind (a release names a
    feast to announce it: "le concert de la Saint-Sylvestre est complet" read in March)."""
    cands = [d for d in (holiday_date(name, published.year + k) for k in (-1, 0, 1)) if d]
    if not cands:
        return None
    if tense.direction == 0:
        past = [c for c in cands if c < published]
        if not past or (published - max(past)).days > 45:
            return min(c for c in cands if c >= published)
    return _by_tense(cands, published, tense)
