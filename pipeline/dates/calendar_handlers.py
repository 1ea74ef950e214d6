"""Handlers of the calendar families: numeric and ISO dates, written dates, ranges, lists, months, years.

A handler turns one regex match of `patterns.py` into unresolved `Expr` records (kind "cal"), or
refuses it: each family has its own false friends ("sept" the number, "2000 personnes", "Mars" the
planet), and the checks are easier to read and to test next to the family they protect.
"""

from __future__ import annotations

import re

from . import patterns as P
from .anchored_handlers import DM_BEFORE as _DM_BEFORE
from .false_positives import (
    after_agreement,
    in_quantity_range,
    in_street_date,
    in_street_name,
    is_quantity,
    number_glued,
    quoted_alone,
)
from .lexicon import MONTHS_FULL, QUANTITY_UNITS, WEEKDAYS, month_number, weekday_number
from .model import Expr
from .resolve import safe_date, two_digit_year
from .view import View, parse_day, parse_mod, parse_year

_AFTER_TWO_DIGIT_YEAR = frozenset(
    ["et", "ou", "a", "au", "dans", "pour", "avec", "sur", "par", "puis", "contre", "comme"]
)  # fmt: skip
_DATE_PREPS = frozenset(
    [
        "en", "depuis", "des", "de", "d'", "du", "avant", "apres", "vers", "jusqu'en", "jusqu'a", "entre",
        "l'an", "an", "annee", "l'annee", "horizon", "l'horizon", "et", "ou", "fin", "debut", "mi",
        "courant", "milieu", "pour", "ete", "hiver", "automne", "printemps",
    ]
)  # fmt: skip


def h_numeric(m: re.Match[str], v: View) -> list[Expr]:
    d, mo = parse_day(m.group("d")), int(m.group("m"))  # "1er/01/2025" too
    ys = m.group("y")
    if len(ys) == 2:
        if m.group("sep") != "/" and not _DM_BEFORE.search(v.before(m.start(), 20)):
            return []  # "12.03.25" is a date after "le", "du", a weekday; else a version or a code
        y = two_digit_year(int(ys), v.published)
    else:
        y = int(ys)
    if not safe_date(y, mo, d):
        return []
    return [Expr("cal", m.start(), m.end(), year=y, month=mo, day=d)]


def h_iso(m: re.Match[str], v: View) -> list[Expr]:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not safe_date(y, mo, d):
        return []
    return [Expr("cal", m.start(), m.end(), year=y, month=mo, day=d)]


def h_english(m: re.Match[str], v: View) -> list[Expr]:
    y, mo, d = int(m.group("y")), month_number(m.group("m")), parse_day(m.group("d"))
    if not mo or not safe_date(y, mo, d):
        return []
    return [Expr("cal", m.start(), m.end(), year=y, month=mo, day=d)]


def _abbr_ok(m: re.Match[str], group: str, has_year: bool) -> bool:
    """An abbreviated month needs a year or a dot ("28 aoû 2020", "12 sept."): "sept pays" is a number."""
    word = m.group(group)
    return word in MONTHS_FULL or has_year or word.endswith(".")


def h_full(m: re.Match[str], v: View) -> list[Expr]:
    y, two = parse_year(m, published=v.published)
    if two:
        # "12 mars 98": only when nothing but punctuation or a conjunction follows.
        nxt = v.next_word(m.end())
        if (
            nxt
            and nxt not in ("et", "ou", "a", "au")
            and not re.match(r"\s*[,.;:)\n]", v.fold[m.end() : m.end() + 2])
        ):
            m_end = m.start("yy")
            return _full_from(m, v, None, False, m_end)
    if not _abbr_ok(m, "m", y is not None):
        return []
    return _full_from(m, v, y, two, m.end())


def _full_from(m: re.Match[str], v: View, y: int | None, two: bool, end: int) -> list[Expr]:
    mo = month_number(m.group("m"))
    d = parse_day(m.group("d"))
    if not mo:
        return []
    if y is None and not _abbr_ok(m, "m", False):
        return []
    if y is None:
        end = m.end("m")
    if in_street_name(v, m.start()) or after_agreement(v, m.start()):
        return []
    if y is None and re.search(r"\b(?:tous\s+les|chaque)\s+$", v.before(m.start(), 20)):
        return []  # "tous les 1er mai", "chaque 14 juillet": a set, not a date
    if y is not None and not safe_date(y, mo, d) or safe_date(2000, mo, d) is None:
        return []
    wd = m.group("wd") or m.group("wda")
    weekday = weekday_number(wd) if wd else None
    rel = 0
    if y is None and m.group("rel"):
        rel = 1 if m.group("rel") == "prochain" else -1
        end = m.end("rel")
    return [Expr("cal", m.start(), end, year=y, month=mo, day=d, weekday=weekday, two_digit=two, rel=rel)]


def h_range_days(m: re.Match[str], v: View) -> list[Expr]:
    d1, d2 = parse_day(m.group("d1")), parse_day(m.group("d2"))
    m2 = month_number(m.group("m2"))
    m1 = month_number(m.group("m1")) if m.groupdict().get("m1") else m2
    y2 = int(m.group("y2")) if m.group("y2") else None
    y1 = int(m.group("y1")) if m.groupdict().get("y1") else None
    if not m1 or not m2 or not _abbr_ok(m, "m2", y2 is not None):
        return []
    pre = re.sub(r"\s+", " ", m.groupdict().get("pre") or "")
    mid = re.sub(r"\s+", " ", m.groupdict().get("mid") or "")
    if not pre and (mid not in ("au", "jusqu'au") or not m.group("m1")):
        return []  # "4 juin au 6 juin" needs both months without "du"
    if pre in ("entre", "entre le") and not mid.startswith("et"):
        return []
    if pre not in ("entre", "entre le") and mid.startswith("et"):
        return []
    if pre == "des" and mid != "au":
        return []
    if safe_date(2000, m1, d1) is None or safe_date(2000, m2, d2) is None:
        return []
    if y1 is None and m1 == m2 and d1 >= d2:
        return []
    start = m.start()
    if pre == "depuis le":  # "depuis le 3 jusqu'au 5 mai": the range starts at the day
        start = m.start("d1")
    rel = {"p": 1, "d": -1}.get((m.group("rel") or " ")[0], 0)  # "du 4 au 6 juin prochain"
    end_e = Expr("cal", m.start("d2"), m.end(), year=y2, month=m2, day=d2, rel=rel)
    start_e = Expr("cal", start, m.end(), year=y1, month=m1, day=d1, end_expr=end_e)
    return [start_e]


def h_range_days_short(m: re.Match[str], v: View) -> list[Expr]:
    d1, d2 = parse_day(m.group("d1")), parse_day(m.group("d2"))
    m2 = month_number(m.group("m2"))
    y2 = int(m.group("y2")) if m.group("y2") else None
    if not m2 or d1 >= d2 or safe_date(2000, m2, d2) is None or not _abbr_ok(m, "m2", y2 is not None):
        return []
    end_e = Expr("cal", m.start("d2"), m.end(), year=y2, month=m2, day=d2)
    return [Expr("cal", m.start(), m.end(), month=m2, day=d1, end_expr=end_e)]


def h_range_months(m: re.Match[str], v: View) -> list[Expr]:
    m1, m2 = month_number(m.group("m1")), month_number(m.group("m2"))
    if not m1 or not m2:
        return []
    pre = m.groupdict().get("pre") or ""
    mid = re.sub(r"\s+", " ", m.groupdict().get("mid") or "")
    if mid == "et" and pre != "entre" or pre == "entre" and mid != "et":
        return []
    y1 = int(m.group("y1")) if m.groupdict().get("y1") else None
    y2 = int(m.group("y2")) if m.group("y2") else None
    end_e = Expr("cal", m.start("m2"), m.end(), year=y2, month=m2)
    return [Expr("cal", m.start(), m.end(), year=y1, month=m1, end_expr=end_e)]


# A plan, a programme or a term named by its years: "le plan pluriannuel 2026/2030".
_PLAN_BEFORE = re.compile(
    r"\b(?:plan|programme|programmation|contrat|schema|strategie|feuille\s+de\s+route|mandat|mandature"
    r"|trajectoire|pacte|convention)(?:\s+[a-z'-]+){0,2}\s+$"
)


# "les exercices 2022 à 2024", "les années 2025 à 2028": a plural noun of years opens the range.
_YEARS_NOUNS = ("annees", "exercices", "saisons", "editions")


def h_range_years(m: re.Match[str], v: View) -> list[Expr]:
    y1 = int(m.group("y1"))
    raw2 = m.group("y2")
    pre = m.group("pre")
    mid = m.group("mid")
    dash = m.group("dash")
    if len(raw2) == 2:
        if not dash:
            return []
        y2 = y1 // 100 * 100 + int(raw2)
    else:
        y2 = int(raw2)
    if not (y1 < y2 <= y1 + 100):
        return []
    if mid == "et" and pre != "entre" or pre == "entre" and mid != "et":
        return []
    if mid in ("a", "au") and pre not in ("de", "depuis", "du", *_YEARS_NOUNS):
        return []
    if (
        dash == "/"
        and len(raw2) == 4
        and y2 != y1 + 1
        and pre != "periode"
        and not _PLAN_BEFORE.search(v.before(m.start(), 40))
    ):
        return []  # "2025/2026" a school or fiscal year; "la période 2026/2028", "le plan 2026/2030" any span
    if y1 < 1800 and not pre:
        return []
    start = m.start() if pre in ("de", "entre", "du") else m.start("y1")
    if is_quantity(v, start, m.end(), strict=False) or is_quantity(
        v, m.start("y1"), m.end("y1"), strict=False
    ):
        return []
    # "de 1500 à 2000 euros": a quantity range
    if v.next_word(m.end()) in QUANTITY_UNITS:
        return []
    end_e = Expr("cal", m.start("y2"), m.end(), year=y2)
    return [Expr("cal", start, m.end(), year=y1, end_expr=end_e)]


def h_list(m: re.Match[str], v: View) -> list[Expr]:
    mo = month_number(m.group("m"))
    y = int(m.group("y")) if m.group("y") else None
    if not mo or not _abbr_ok(m, "m", y is not None):
        return []
    days_start = m.start("days")
    items = list(P.DAY_IN_LIST.finditer(m.group("days")))
    out: list[Expr] = []
    for i, dm in enumerate(items):
        d = parse_day(dm.group(0))
        if safe_date(2000, mo, d) is None:
            return []
        s = days_start + dm.start()
        e = days_start + dm.end() if i < len(items) - 1 else m.end()
        out.append(Expr("cal", s, e, year=y, month=mo, day=d))
    return out


def h_month_year(m: re.Match[str], v: View) -> list[Expr]:
    y, two = parse_year(m, published=v.published)
    if y is None:
        return []
    if two:
        if is_quantity(v, m.start("yy"), m.end(), strict=True):
            return []  # "en mars 12 élus", "juin 30 %"
        if v.text[m.start("yy")] != "'" and v.prev_words(m.start("m"), 1)[-1:] == ["le"]:
            return []
    elif is_quantity(v, m.start("y"), m.end("y"), strict=False):
        return []
    if not _abbr_ok(m, "m", True):
        return []
    mo = month_number(m.group("m"))
    if not mo or in_street_date(v, m.start()):  # "route du 8 Mai 1945": the street, not May 1945
        return []
    return [Expr("cal", m.start(), m.end(), year=y, month=mo, two_digit=two, mod=parse_mod(m.group("mod")))]


_SENTENCE_START = re.compile(r"[.!?:\n]\s*[«\"(]?\s*$")


# Before "de" + a capitalised month: the words that make it the month ("au mois de Juillet", "fin de Mai").
_TIME_NOUN_BEFORE_DE = re.compile(
    r"(?:^|[\s(])(?:mois|debut|fin|milieu|mi|courant|cours|moitie|quinzaine|semaines?|jours?|partir|compter"
    r"|soldes|chiffres|resultats|ventes|calendrier|programme|agenda|reunion|seance|conseil|edition|numero"
    r"|lettre|bulletin|releve|facture|paie|salaire|loyer|echeance|session|periode|date|fin\s+du\s+mois)\s+(?:de|d')\s*$"
)


def h_month(m: re.Match[str], v: View) -> list[Expr]:
    mo = month_number(m.group("m"))
    if not mo:
        return []
    ms = m.start("m")
    orig = v.text[ms : m.end("m")]
    mod_raw = (m.group("mod") or "").strip()
    capitalised = orig[:1].isupper() and not orig.isupper()
    if quoted_alone(v, m.start(), m.end()):
        return []
    if capitalised and not m.group("mo") and mod_raw in ("", "vers"):
        # "Mars" capitalised inside a sentence is the planet or a name unless a date word introduces it
        prev = v.prev_words(ms, 1)
        introduced = bool(prev) and prev[-1] in ("en", "de", "d'", "depuis", "des", "jusqu'en", "et")
        if introduced and prev[-1] in ("de", "d'") and not _TIME_NOUN_BEFORE_DE.search(v.before(ms, 30)):
            introduced = False  # "la colonne de Juillet", "la monarchie de Juillet": a name
        at_start = not v.text[:ms].strip() or bool(_SENTENCE_START.search(v.text[max(0, ms - 6) : ms]))
        if mod_raw == "vers" or not (at_start or introduced):
            return []
    if in_street_name(v, m.start()):
        return []
    if not m.group("mod") and re.search(r"(?:\b1er|\b1re|(?<![\d,.])\d{1,2})\s+$", v.before(ms, 8)):
        return []  # the month of a day date the day rules refused ("tous les 1er mai"): not a month
    rel = 0
    if m.group("rel"):
        r = m.group("rel")
        rel = 1 if r in ("prochain", "suivant") or r.startswith("qui") else -1
    y = None
    if m.group("yrel") and v.published:  # "février de cette année", "mars de l'an prochain"
        r = m.group("yrel")
        y = v.published.year + (1 if "proch" in r else -1 if re.search("dern|pass", r) else 0)
    return [Expr("cal", m.start(), m.end(), year=y, month=mo, rel=rel, mod=parse_mod(m.group("mod")))]


# A standard's code before a number (case-sensitive: "EN" alone is the preposition of a capitalised title).
_STANDARD_BEFORE = re.compile(r"\b(?:NF|ISO|IEC|CEI|DIN|ASTM|RE|RT)(?:\s+(?:EN|ISO|IEC|CEI))*\s*$")
# "la Clio 2026 Edition", "le Trophée 2026 Signature": a year between two capitalised words of a name
_NAME_BEFORE = re.compile(r"(?<![.!?:;]\s)(?<!^)\b[A-Z][a-zà-ÿ]{2,}\s$")
_NAME_AFTER = re.compile(r"\s[A-ZÉ][a-zà-ÿ]{2,}\b")


_AFTER_COUNTED_NOUN = re.compile(r"\b\d[\d ]*\s+[a-z]{3,}[sx]\s+(?:et|ou)\s+$")
_YEAR_PAIR = re.compile(r"\s+(?:et|ou)\s+((?:1[89]|20)\d\d)(?![\d\w])")


_CODE_BEFORE = re.compile(r"\b(?:code|digicode|pin)\b[^.:\n]{0,25}:\s*$")


def h_year(m: re.Match[str], v: View) -> list[Expr]:
    y = int(m.group("y"))
    ys, ye = m.start("y"), m.end("y")
    mod = parse_mod(m.group("mod"))
    prev = v.prev_words(m.start(), 1)
    prev_word = prev[-1] if prev else ""
    if prev_word == "des" and not re.search(r"dès\s*$", v.low[max(0, m.start() - 6) : m.start()]):
        prev_word = ""  # the article "des" ("des 1500 invités"), not "dès"
    context = bool(m.group("an") or m.group("mod")) or prev_word in _DATE_PREPS
    if not context and re.search(r"[(\[]\s*$", v.before(ys, 3)) and re.match(r"\s*[)\]]", v.after(ye, 3)):
        context = True  # "(1789)"
    if y < 1800 and not context:
        return []
    if y < 1500 and not (m.group("an") or prev_word in ("en", "depuis", "vers", "l'an", "an")):
        return []
    if prev_word in ("et", "ou") and _AFTER_COUNTED_NOUN.search(v.before(m.start(), 40)):
        context = False  # "12 chapitres et 2025 lignes": one more count
    pair = _YEAR_PAIR.match(v.fold, ye)
    coordinated = bool(pair and 0 < int(pair.group(1)) - y <= 10) and not re.fullmatch(
        r"[a-z]{3,}[sx]", v.next_word(pair.end()) if pair else ""
    )  # "sur 2025 et 2026": two years, whatever the preposition
    if not coordinated and (is_quantity(v, ys, ye, strict=not context) or in_quantity_range(v, ys, ye)):
        return []
    if m.group("an") is None and v.text[max(0, ys - 8) : ys].rstrip().endswith("Horizon"):
        return []  # the EU programme "Horizon 2020", not the year
    if in_street_date(v, m.start()):
        return []  # "avenue du 19 mars 1962": the year of a street's name
    if re.search(r"\b(?:vols?|trains?|TGV|TER|bus|ligne)\s+[A-Z]{1,3}\s?$", v.text[max(0, ys - 16) : ys]):
        return []  # "le vol AF 2025": a flight's number
    if _CODE_BEFORE.search(v.fold[max(0, ys - 40) : ys]):
        return []  # "code d'accès : 1907": a code, not a year
    if _STANDARD_BEFORE.search(v.text[max(0, ys - 20) : ys]):
        return []  # "la norme NF EN 1176", "ISO 2015": a standard's number
    if (
        not context
        and _NAME_BEFORE.search(v.text[max(0, ys - 20) : ys])
        and (after := _NAME_AFTER.match(v.text, ye))
        and v.fold[after.start() + 1 : after.end()] not in (*MONTHS_FULL, *WEEKDAYS)
        and not re.search(r"\n\s*$", v.text[max(0, ys - 20) : ys])
    ):
        return []  # "la Clio 2026 Edition": a model's name
    start = m.start()
    if m.group("an") and m.group("an") in ("annee", "an"):
        start = m.start("y") if not m.group("mod") else m.start()
    return [Expr("cal", start, m.end(), year=y, mod=mod)]


def h_year2(m: re.Match[str], v: View) -> list[Expr]:
    raw = m.group("yy")
    yy = int(raw.lstrip("'"))
    apostrophe = raw.startswith("'")
    nxt = v.next_word(m.end())
    punct_after = re.match(r"\s*[,.;:)\n(]", v.fold[m.end() : m.end() + 3])
    if nxt and not punct_after and nxt not in _AFTER_TWO_DIGIT_YEAR:
        return []
    if not apostrophe and not 30 <= yy <= 99:
        return []  # "en 12" is too often a count; two-digit years of the 2000s are written with '
    if m.group("pre") == "des" and not apostrophe:
        return []
    if number_glued(v, m.start("yy"), m.end()):
        return []
    y = two_digit_year(yy, v.published)
    start = m.start("yy") if m.group("pre") != "l'an" else m.start()
    return [Expr("cal", start, m.end(), year=y, two_digit=True)]
