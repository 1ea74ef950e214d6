"""From text to DateMention records: match the grammar, keep the best non-overlapping matches,
filter what is not a date, resolve.

Why a pipeline of small handlers: each family of expressions has its own false friends ("sept"
the number, "été" the participle, "2000 personnes", "article 2021", "rue du 8-Mai-1945"), and the
checks are easier to read and to test next to the family they protect.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import patterns as P
from .lexicon import (
    DECADE_WORDS,
    HOLIDAYS_NEED_CAPITAL,
    MONTHS_FULL,
    NUMBER_WORDS,
    ORDINAL_CENTURIES,
    ORDINALS,
    QUANTITY_CUES,
    QUANTITY_UNITS,
    REFERENCE_WORDS,
    SEASON_NAMES_NOT_DATES,
    SEASONS,
    STREET_WORDS,
    WEEKDAYS,
    fold,
    lower,
    month_number,
    roman_to_int,
    weekday_number,
)
from .model import DateMention, Expr
from .resolve import (
    Context,
    Tense,
    add_months,
    choose_day_year,
    choose_holiday,
    choose_month_year,
    choose_season_year,
    choose_weekday,
    choose_weekday_day,
    fmt_day,
    holiday_date,
    iso_week,
    nth_weekday,
    nth_weekday_of_season,
    safe_date,
    two_digit_year,
)

# ---------------------------------------------------------------------------- document view


@dataclass
class View:
    """The three same-length views of the text the handlers read."""

    text: str
    low: str
    fold: str
    published: dt.date | None

    def before(self, pos: int, n: int = 40) -> str:
        return self.fold[max(0, pos - n) : pos]

    def after(self, pos: int, n: int = 40) -> str:
        return self.fold[pos : pos + n]

    def prev_words(self, pos: int, k: int = 3) -> list[str]:
        return re.findall(r"[\w'°%€$£-]+|[%€$£]", self.before(pos, 60))[-k:]

    def prev_bare(self, pos: int) -> str:
        """The word before pos without its elided article ("l'article" -> "article")."""
        words = self.prev_words(pos, 1)
        if not words:
            return ""
        w = words[-1]
        return w.rsplit("'", 1)[-1] if "'" in w[:-1] else w

    def next_word(self, pos: int) -> str:
        m = re.match(r"\s*([\w'%€$£]+|[%€$£])", self.fold[pos : pos + 40])
        return m.group(1) if m else ""


MOD_WORDS = {
    "debut": "START", "fin": "END", "milieu": "MID", "mi": "MID", "vers": "APPROX", "aux alentours": "APPROX",
    "autour": "APPROX", "aux environs": "APPROX", "courant": None,
}  # fmt: skip


def parse_mod(raw: str | None) -> str | None:
    """START / END / MID / APPROX from the modifier words ("fin", "vers la fin de", "mi-")."""
    if not raw:
        return None
    words = raw.strip().replace("-", " ").split()
    words = [w for w in words if w not in ("la", "le")]
    if not words:
        return None
    if words[0] == "vers" and len(words) > 1:
        return MOD_WORDS.get(words[1])
    key = " ".join(words[:2]) if words[0] == "aux" else words[0]
    return MOD_WORDS.get(key)


def parse_day(raw: str) -> int:
    raw = raw.rstrip("°")
    if raw in ("1er", "1re", "1ere", "premier", "1"):
        return 1
    return int(raw)


def parse_year(m: re.Match[str], y: str = "y", yy: str = "yy", published: dt.date | None = None):
    """(year, two_digit) from a match's year group(s)."""
    if m.groupdict().get(y):
        return int(m.group(y)), False
    if m.groupdict().get(yy):
        return two_digit_year(int(m.group(yy).lstrip("'")), published), True
    return None, False


Handler = Callable[[re.Match[str], View], list[Expr]]

# ---------------------------------------------------------------------------- shared checks


_STREET_BEFORE = re.compile(r"(?:^|\s)(?:" + "|".join(STREET_WORDS) + r")\.?\s+(?:du|de\s+la|des|de|d')?\s*$")


def in_street_name(v: View, start: int) -> bool:
    """ "rue du 8-Mai-1945", "place du 11 Novembre": a date right after a street word names the street."""
    return bool(_STREET_BEFORE.search(v.before(start, 30)))


def after_agreement(v: View, start: int) -> bool:
    """ "l'accord du Vendredi saint": a name of a treaty, not a date."""
    return bool(re.search(r"\baccords?\s+(?:du|de)\s+$", v.before(start, 20)))


def number_glued(v: View, start: int, end: int) -> bool:
    """A number written inside a longer number or code: "1 500", "2 000 000", "2020/418", "n°2019"."""
    before = v.fold[max(0, start - 3) : start]
    after = v.fold[end : end + 4]
    if re.search(r"\d[ .]$", before) or re.match(r"[ .]\d{3}(?!\d)", after):
        return True
    return bool(re.search(r"[\d/]$", before))


def is_quantity(v: View, start: int, end: int, strict: bool) -> bool:
    """Is the number at [start, end) a quantity, a reference or a code rather than a year?

    strict: no date word introduces the number, so a following plural noun is enough to refuse it.
    """
    if number_glued(v, start, end):
        return True
    nxt = v.next_word(end)
    if nxt in QUANTITY_UNITS or nxt in STREET_WORDS:
        return True
    if re.match(r"\s*(?:%|€|\$|£|‰|pour\s*cent|km|kg)", v.fold[end : end + 10]):
        return True
    prev = v.prev_words(start, 2)
    if v.prev_bare(start).rstrip(".") in REFERENCE_WORDS:
        return True
    if prev and re.fullmatch(r"n°|no|nº", prev[-1]):
        return True
    if re.search(r"(?:n°|nº|\bno\.?)\s*$", v.before(start, 6)):
        return True
    before = v.before(start, 14)
    if any(before.endswith(c + " ") for c in QUANTITY_CUES):
        return True
    if re.search(r"[€$£]\s*$", before):
        return True
    return bool(strict and re.fullmatch(r"[a-z]{3,}[sx]", nxt) and nxt not in _FUNCTION_WORDS_S)


_FUNCTION_WORDS_S = frozenset(
    [
        "dans", "sans", "sous", "vers", "apres", "depuis", "tous", "toutes", "plus", "moins", "avons",
        "avez", "sont", "etaient", "fois", "alors", "ainsi", "chez", "puis", "jamais", "toujours", "pres",
        "hors", "selon", "malgre", "parmi", "leurs", "nous", "vous", "ils", "elles", "mais", "ans",
    ]
)  # fmt: skip
_AFTER_TWO_DIGIT_YEAR = frozenset(
    ["et", "ou", "a", "au", "dans", "pour", "avec", "sur", "par", "puis", "contre", "comme"]
)  # fmt: skip
_AUX_BEFORE_EN = re.compile(r"\b(?:a|ont|avait|avaient|aurait|auraient|ayant|avoir)\s+en\s*$")
_DATE_PREPS = frozenset(
    [
        "en", "depuis", "des", "de", "d'", "du", "avant", "apres", "vers", "jusqu'en", "jusqu'a", "entre",
        "l'an", "an", "annee", "l'annee", "horizon", "l'horizon", "et", "ou", "fin", "debut", "mi",
        "courant", "milieu", "pour", "ete", "hiver", "automne", "printemps",
    ]
)  # fmt: skip


def in_quantity_range(v: View, start: int, end: int) -> bool:
    """ "passer de 1500 à 2000", "entre 10 et 2000": the other end of "de N à M" is no year near this one."""
    before, after = v.before(start, 30), v.after(end, 30)
    other = None
    if re.search(r"\b(?:de|entre)\s+$", before):
        m = re.match(r"\s+(?:a|et)\s+(\d[\d .,]*\d|\d)", after)
        other = m.group(1) if m else None
    else:
        m = re.search(r"\b(?:de|entre)\s+(\d[\d .,]*\d|\d)\s+(?:a|et)\s+$", before)
        other = m.group(1) if m else None
    if other is None:
        return False
    if not re.fullmatch(r"\d{4}", other):
        return True
    return abs(int(other) - int(v.fold[start:end])) > 100


# ---------------------------------------------------------------------------- handlers


def h_numeric(m: re.Match[str], v: View) -> list[Expr]:
    d, mo = int(m.group("d")), int(m.group("m"))
    ys = m.group("y")
    if len(ys) == 2:
        if m.group("sep") != "/":
            return []
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
    end_e = Expr("cal", m.start("d2"), m.end(), year=y2, month=m2, day=d2)
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
    if mid in ("a", "au") and pre not in ("de", "depuis", "du"):
        return []
    if dash == "/" and len(raw2) == 4 and y2 != y1 + 1:
        return []
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
    if not mo or in_street_name(v, m.start()):
        return []
    return [Expr("cal", m.start(), m.end(), year=y, month=mo, two_digit=two, mod=parse_mod(m.group("mod")))]


_SENTENCE_START = re.compile(r"[.!?:\n]\s*[«\"(]?\s*$")


def h_month(m: re.Match[str], v: View) -> list[Expr]:
    mo = month_number(m.group("m"))
    if not mo:
        return []
    ms = m.start("m")
    orig = v.text[ms : m.end("m")]
    mod_raw = (m.group("mod") or "").strip()
    capitalised = orig[:1].isupper() and not orig.isupper()
    if capitalised and not m.group("mo") and mod_raw in ("", "vers"):
        # "Mars" capitalised inside a sentence is the planet or a name unless a date word introduces it
        prev = v.prev_words(ms, 1)
        introduced = bool(prev) and prev[-1] in ("en", "de", "d'", "depuis", "des", "jusqu'en", "et")
        at_start = not v.text[:ms].strip() or bool(_SENTENCE_START.search(v.text[max(0, ms - 6) : ms]))
        if mod_raw == "vers" or not (at_start or introduced):
            return []
    if in_street_name(v, m.start()):
        return []
    rel = 0
    if m.group("rel"):
        r = m.group("rel")
        rel = 1 if r in ("prochain", "suivant") or r.startswith("qui") else -1
    y = None
    if m.group("yrel") and v.published:  # "février de cette année", "mars de l'an prochain"
        r = m.group("yrel")
        y = v.published.year + (1 if "proch" in r else -1 if re.search("dern|pass", r) else 0)
    return [Expr("cal", m.start(), m.end(), year=y, month=mo, rel=rel, mod=parse_mod(m.group("mod")))]


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
    if is_quantity(v, ys, ye, strict=not context) or in_quantity_range(v, ys, ye):
        return []
    if m.group("an") is None and v.text[max(0, ys - 8) : ys].rstrip().endswith("Horizon"):
        return []  # the EU programme "Horizon 2020", not the year
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


def h_decade(m: re.Match[str], v: View) -> list[Expr]:
    raw = m.group("dec").lstrip("'")
    if raw in DECADE_WORDS:
        dec = 1900 + DECADE_WORDS[raw]
    elif len(raw) == 4:
        dec = int(raw)
    else:
        n = int(raw)
        dec = 1900 + n
        if v.published and 2000 + n <= v.published.year and n < 30:
            dec = 2000 + n
    det = (m.group("det") or "").strip()
    if m.group("mod"):
        start = m.start()
    elif det.startswith(("les", "des")):
        start = m.start("det")
    elif det:
        start = m.start("det") + len(det) - len(det.split()[-1])  # "dans les" -> "les"
    else:
        start = m.start("dec") - len("annees ")
    mod = parse_mod(m.group("mod"))
    if det.startswith("fin des"):
        mod = "END"
    if det.startswith("debut des"):
        mod = "START"
    return [Expr("decade", start, m.end(), decade=f"{dec // 10:03d}X", mod=mod)]


def h_century(m: re.Match[str], v: View) -> list[Expr]:
    if m.group("c"):
        raw = m.group("c")
        c = int(raw) if raw.isdigit() else roman_to_int(raw)
        if raw.isdigit() and v.text[m.start("c") : m.end("c")] != raw:
            return []
    else:
        c = ORDINAL_CENTURIES.get(re.sub(r"\s+", " ", m.group("cw")))
    if not c or not 1 <= c <= 22:
        return []
    roman = m.group("c") and not m.group("c").isdigit()
    if not m.group("mod") and roman and not v.text[m.start("c") : m.end("c")].isupper():
        return []  # roman numerals of centuries are written in capitals
    if m.group("mod"):
        start = m.start()
    elif m.group("det") in ("le", "ce"):
        start = m.start("det")
    else:
        start = m.start("c") if m.group("c") else m.start("cw")
    return [Expr("century", start, m.end(), century=c, mod=parse_mod(m.group("mod")))]


def h_season(m: re.Match[str], v: View) -> list[Expr]:
    s = SEASONS[m.group("s")]
    det = m.group("det")
    y, two = parse_year(m, published=v.published)
    ss = m.start("s")
    after = v.fold[ss : ss + 30]
    if any(
        after.startswith(n.split()[0]) and re.match(re.escape(n).replace(r"\ ", r"\s+"), after)
        for n in SEASON_NAMES_NOT_DATES
    ):
        return []
    prev = v.prev_words(m.start(), 1)
    prev_word = prev[-1] if prev else ""
    if two and is_quantity(v, m.start("yy"), m.end(), strict=True):
        return []
    if not (y or m.group("rel")) and re.match(
        r"\s+(?:de|des|du|d')(?!\w)(?!\s*(?:l'annee|l'an)\b)", v.fold[m.end() : m.end() + 14]
    ):
        return []  # "le printemps de l'environnement", "l'été des festivals": an event's name
    # A bare season word is a date after "en"/"au" ("en été", "au printemps"); "l'heure d'hiver",
    # "les soldes d'été" are kinds of things, and "été" is also the participle of être.
    bare = not (det or m.group("mod") or y or m.group("rel"))
    if bare and (prev_word not in ("en", "au") or _AUX_BEFORE_EN.search(v.before(ss, 20))):
        return []
    rel = 0
    if m.group("rel"):
        rel = 1 if m.group("rel") in ("prochain", "suivant") else -1
    start = m.start()
    generic = not (det or y or m.group("rel") or m.group("mod")) and prev_word == "en"
    if det in ("cet", "ce", "cette"):
        rel = 0
    return [Expr("season", start, m.end(), year=y, season=s, rel=rel, mod=parse_mod(m.group("mod")),
                 generic=generic, two_digit=two)]  # fmt: skip


def h_season_months(m: re.Match[str], v: View) -> list[Expr]:
    """ "les mois d'été": the season in general."""
    return [Expr("season", m.start(), m.end(), season=SEASONS[m.group("s")], habitual=True)]


def h_season_pair(m: re.Match[str], v: View) -> list[Expr]:
    """ "été comme hiver": all year round, two seasons in general."""
    return [
        Expr("season", m.start("s1"), m.end("s1"), season=SEASONS[m.group("s1")], habitual=True),
        Expr("season", m.start("s2"), m.end("s2"), season=SEASONS[m.group("s2")], habitual=True),
    ]


def h_quarter(m: re.Match[str], v: View) -> list[Expr]:
    n = ORDINALS.get(m.group("o"))
    unit = m.group("u")
    y = int(m.group("y")) if m.group("y") else None
    if n is None:
        return []
    if unit == "trimestre":
        q = 4 if n == -1 else n
        if not 1 <= q <= 4:
            return []
        label = f"Q{q}"
    else:
        h = 2 if n == -1 else n
        if h not in (1, 2):
            return []
        label = f"H{h}"
    return [Expr("quarter", m.start(), m.end(), year=y, quarter=label)]


def h_quarter_short(m: re.Match[str], v: View) -> list[Expr]:
    u, n = m.group("u"), int(m.group("n"))
    if u == "s" and n > 2:
        return []
    orig = v.text[m.start("u")]
    if not orig.isupper():
        return []
    label = f"H{n}" if u == "s" else f"Q{n}"
    return [Expr("quarter", m.start(), m.end(), year=int(m.group("y")), quarter=label)]


def h_holiday(m: re.Match[str], v: View) -> list[Expr]:
    name = re.sub(r"\s+", " ", m.group("h"))
    hs = m.start("h")
    orig = v.text[hs : m.end("h")]
    if name in HOLIDAYS_NEED_CAPITAL and not orig[:1].isupper():
        return []
    nxt = re.match(r"\s+(\S+)", v.text[m.end("h") : m.end("h") + 30])
    if name in ("noel", "toussaint") and nxt and nxt.group(1)[:1].isupper() and not m.group("y"):
        return []  # "Noël Mamère", "Toussaint Louverture"
    if after_agreement(v, m.start()) or in_street_name(v, m.start()):
        return []
    pfx = m.group("pfx")
    det = m.group("det")
    offset = -1 if pfx == "veille" else 1 if pfx == "lendemain" else 0
    start = m.start("pfx") if pfx else m.start("h")
    if det in ("cette", "la", "l'"):
        start = m.start()
    if pfx == "lundi" and name in ("paques", "pentecote"):
        name = "lundi de " + name
    y = int(m.group("y")) if m.group("y") else None
    return [Expr("holiday", start, m.end(), year=y, holiday=name, offset=offset)]


def h_ordinal_weekday(m: re.Match[str], v: View) -> list[Expr]:
    n = ORDINALS.get(m.group("o"))
    if n is None:
        return []
    wd = WEEKDAYS[m.group("wd")]
    if m.group("m"):
        mo = month_number(m.group("m"))
        y = int(m.group("y")) if m.group("y") else None
        return [Expr("ordwd", m.start(), m.end(), year=y, month=mo, weekday=wd, ordinal=n)]
    s = SEASONS[m.group("s")]
    y = int(m.group("sy")) if m.group("sy") else None
    if n < 0:
        return []
    return [Expr("ordwd", m.start(), m.end(), year=y, season=s, weekday=wd, ordinal=n)]


def h_weekday(m: re.Match[str], v: View) -> list[Expr]:
    wd = WEEKDAYS[m.group("wd")]
    ws = m.start("wd")
    det = m.group("det")
    rel_raw = m.group("rel")
    before = v.low[max(0, ws - 25) : ws]
    # "le lundi", "les lundis", "tous les lundis", "chaque lundi": a habit, not a date
    habit = re.search(r"(?:\ble|\bles|\bchaque|\bdes|\bdu|\bau|\bun|\bce)\s+$", before)
    if not det and not rel_raw and not m.group("d") and habit:
        return []
    if rel_raw in ("precedent", "suivant"):
        return []  # relative to another date of the story, not to the publication
    nxt = v.text[m.end("wd") : m.end("wd") + 8]
    orig = v.text[ws : m.end("wd")]
    if orig[:1].isupper() and re.match(r"\s+(?:Saint|saint|Gras|gras)\b", nxt):
        return []  # Vendredi saint, Mardi gras: holidays (handled by HOLIDAY) or names
    if after_agreement(v, m.start()):
        return []
    rel = 0
    if rel_raw:
        rel = 1 if rel_raw in ("prochain",) or rel_raw.startswith("qui") else -1
    day = parse_day(m.group("d")) if m.group("d") else None
    start = m.start()
    return [Expr("weekday", start, m.end(), weekday=wd, rel=rel, day=day)]


def _count(raw: str) -> int | None:
    raw = re.sub(r"\s+", " ", raw)
    if raw.isdigit():
        return int(raw)
    return NUMBER_WORDS.get(raw)


_UNITS = {"an": "year", "ans": "year", "annee": "year", "annees": "year", "mois": "month", "semaine": "week",
          "semaines": "week", "jour": "day", "jours": "day", "decennie": "decade", "decennies": "decade",
          "siecle": "century", "siecles": "century"}  # fmt: skip


def h_relative(m: re.Match[str], v: View) -> list[Expr]:
    s, e = m.start(), m.end()
    g = m.groupdict()
    if g["hier"]:
        return [Expr("relday", s, e, offset=-2 if g["hier"].startswith("avant") else -1)]
    if g["dem"]:
        return [Expr("relday", s, e, offset=2 if g["dem"].startswith("apres") else 1)]
    if g["auj"]:
        return [Expr("today", s, e, weekday=WEEKDAYS.get(g["aujwd"]) if g["aujwd"] else None)]
    if g["veille"]:
        off = -2 if "avant" in g["veille"] else -1
        end = m.end("veille")
        return [Expr("anchor", s, end, offset=off, of_event=bool(g["veille_de"]))]
    if g["lend"]:
        off = 2 if "surlendemain" in g["lend"] else 1
        end = m.end("lend")
        return [Expr("anchor", s, end, offset=off, of_event=bool(g["lend_de"]))]
    if g["meme"]:
        return [Expr("anchor", s, e, offset=0)]
    if g["yrel"]:
        t = g["yrel"]
        off = (
            -1
            if re.search(r"dern|pass|preced|d'avant", t)
            else 1
            if re.search(r"proch|suiv|d'apres", t)
            else 0
        )
        return [Expr("relyear", s, e, offset=off)]
    if g["wrel"]:
        t = g["wrel"]
        off = (
            -1
            if re.search(r"dern|pass|preced|d'avant", t)
            else 1
            if re.search(r"proch|suiv|d'apres", t)
            else 0
        )
        return [Expr("relweek", s, e, offset=off)]
    if g["mrel"]:
        t = g["mrel"]
        off = -1 if re.search(r"dern|pass|preced", t) else 1 if re.search(r"proch|suiv", t) else 0
        return [Expr("relmonth", s, e, offset=off)]
    if g["werel"]:
        t = g["werel"]
        off = -1 if re.search(r"dern|pass", t) else 1 if "proch" in t else 0
        return [Expr("weekend", s, e, offset=off)]
    if g["ago"]:
        n = _count(g["agon"])
        unit = _UNITS.get(g["agou"])
        if n is None or unit in ("decade", "century"):
            return [Expr("ref", s, e, ref="PAST_REF")]
        return [Expr("ago", s, e, offset=-n, unit=unit)]
    if g["inn"]:
        n = _count(g["innn"])
        unit = _UNITS.get(g["innu"])
        if n is None:
            return [Expr("ref", s, e, ref="FUTURE_REF")]
        # "d'ici deux ans": from the publication date to two years later
        return [Expr("ago", s, e, offset=n, unit=unit, dici=g["innp"] == "d'ici")]
    if g["fut"]:
        return [Expr("ref", s, e, ref="FUTURE_REF")]
    if g["des"]:
        return [Expr("desormais", s, e)]
    return []


def h_mod_relative(m: re.Match[str], v: View) -> list[Expr]:
    if not m.group("mod").startswith(("la", "le")) and re.search(r"\b(?:de|d')\s*$", v.before(m.start(), 6)):
        return []  # "une fête de fin d'année": a kind of event, not a date
    mod = parse_mod(m.group("mod"))
    unit = m.group("u")
    rel_raw = m.group("rel") or ""
    off = -1 if rel_raw.startswith(("dern", "pass")) else 1 if rel_raw.startswith("proch") else 0
    kind = {"annee": "relyear", "an": "relyear", "mois": "relmonth", "semaine": "relweek"}[unit]
    if unit == "an" and not rel_raw:
        return []  # "début de l'an" is rare; "fin de l'an 2000" is a year
    return [Expr(kind, m.start(), m.end(), offset=off, mod=mod)]


# Priority: lower wins between overlapping matches of the same length.
FAMILIES: list[tuple[re.Pattern[str], Handler, int, str]] = [
    # (pattern, handler, priority: lower wins between equally long overlapping matches, trigger category)
    (P.ISO, h_iso, 0, "d"),
    (P.NUMERIC, h_numeric, 0, "d"),
    (P.ENGLISH_ORDER, h_english, 0, "m"),
    (P.RANGE_DAYS, h_range_days, 1, "m"),
    (P.LIST_DAYS, h_list, 1, "m"),
    (P.RANGE_DAYS_SHORT, h_range_days_short, 1, "m"),
    (P.RANGE_MONTHS, h_range_months, 1, "m"),
    (P.RANGE_MONTHS_DASH, h_range_months, 1, "m"),
    (P.RANGE_YEARS, h_range_years, 1, "d"),
    (P.HOLIDAY, h_holiday, 2, "h"),
    (P.ORDINAL_WEEKDAY, h_ordinal_weekday, 2, "w"),
    (P.FULL, h_full, 3, "m"),
    (P.MONTH_YEAR, h_month_year, 3, "m"),
    (P.QUARTER, h_quarter, 3, "q"),
    (P.QUARTER_SHORT, h_quarter_short, 3, "d"),
    (P.DECADE, h_decade, 3, "r"),
    (P.CENTURY, h_century, 3, "r"),
    (P.MOD_RELATIVE, h_mod_relative, 3, "r"),
    (P.SEASON_PAIR, h_season_pair, 3, "s"),
    (P.SEASON_MONTHS, h_season_months, 3, "s"),
    (P.SEASON, h_season, 4, "s"),
    (P.RELATIVE, h_relative, 4, "r"),
    (P.WEEKDAY, h_weekday, 5, "w"),
    (P.MONTH_BARE, h_month, 5, "m"),
    (P.YEAR, h_year, 6, "d"),
    (P.YEAR_2, h_year2, 6, "d"),
]


@dataclass
class Candidate:
    start: int
    end: int
    priority: int
    exprs: list[Expr]


# Every expression of the grammar contains one of these: the families only run around them, which
# keeps the stage fast on long releases whose paragraphs hold no date.
def _trigger_words() -> dict[str, tuple[str, ...]]:
    """Word -> trigger categories. Every match of a family contains a word of its category, so a
    family only runs in the windows around those words: most paragraphs of a release hold no date."""
    from .lexicon import HOLIDAYS_EASTER, HOLIDAYS_FIXED, MONTHS_ABBR, MONTHS_FULL

    cats: dict[str, set[str]] = {}

    def add(cat: str, words) -> None:
        for w in words:
            cats.setdefault(w, set()).add(cat)

    add("m", list(MONTHS_FULL) + list(MONTHS_ABBR))
    add("w", WEEKDAYS)
    add("s", ("printemps", "ete", "automne", "hiver"))
    add("h", {re.split(r"[ '-]", name)[0] for name in list(HOLIDAYS_FIXED) + list(HOLIDAYS_EASTER)})
    add("q", ("trimestre", "trimestres", "semestre", "semestres"))
    relative_words = """hier aujourd demain veille lendemain surlendemain jour an ans annee annees semaine
        semaines mois week weekend desormais jours decennies siecle siecles"""
    add("r", relative_words.split())
    return {w: tuple(sorted(c)) for w, c in cats.items()}


TRIGGER_WORDS = _trigger_words()
TOKEN = re.compile(r"\d+|[a-z]+")
MARGIN = 60


def segments(f: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger category, windows of the folded text around its words, merged and widened
    to whitespace (so no word or number is cut at a window's edge)."""
    raw: dict[str, list[list[int]]] = {}
    n = len(f)
    for m in TOKEN.finditer(f):
        tok = m.group()
        cats = ("d",) if tok[0].isdigit() else TRIGGER_WORDS.get(tok)
        if not cats:
            continue
        s, e = max(0, m.start() - MARGIN), min(n, m.end() + MARGIN)
        for cat in cats:
            out = raw.setdefault(cat, [])
            if out and s <= out[-1][1]:
                out[-1][1] = max(out[-1][1], e)
            else:
                out.append([s, e])
    result: dict[str, list[tuple[int, int]]] = {}
    for cat, out in raw.items():
        merged: list[tuple[int, int]] = []
        for s, e in out:
            while s > 0 and not f[s - 1].isspace():
                s -= 1
            while e < n and not f[e].isspace():
                e += 1
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        result[cat] = merged
    return result


def candidates(v: View) -> list[Candidate]:
    out: list[Candidate] = []
    segs = segments(v.fold)
    for pattern, handler, prio, cat in FAMILIES:
        for s0, s1 in segs.get(cat, ()):
            for m in pattern.finditer(v.fold, s0, s1):
                exprs = handler(m, v)
                if exprs:
                    s = min(e.start for e in exprs)
                    e_ = max(e.end for e in exprs)
                    out.append(Candidate(s, e_, prio, exprs))
    return out


def select(cands: list[Candidate]) -> list[Expr]:
    """Greedy: longest first, then priority, then leftmost; drop anything overlapping a kept match."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    exprs = [e for c in kept for e in c.exprs]
    exprs.sort(key=lambda e: e.start)
    return exprs


def attach_dici(exprs: list[Expr], v: View) -> None:
    """ "d'ici 2030", "d'ici le 30 juin": a range from the publication date to the target."""
    for e in exprs:
        if e.end_expr is not None or e.kind in ("relday", "today", "anchor", "ref", "desormais", "weekday"):
            continue
        m = P.DICI.search(v.fold[max(0, e.start - 20) : e.start])
        if m:
            e.start = max(0, e.start - 20) + m.start()
            e.dici = True


# ---------------------------------------------------------------------------- resolution


@dataclass
class Resolved:
    value: str
    granularity: str
    year: int | None = None  # the calendar year the value names, for later context
    date: dt.date | None = None  # the day the value names, for "le lendemain", "le même jour"
    explicit: bool = False  # the year was written (or follows from a relative year)


VALUE_RE = re.compile(
    r"(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?|\d{3}X|\d{2}XX|(?:\d{4}|XXXX)-(?:SP|SU|FA|WI|Q[1-4]|H[12])"
    r"|\d{4}-W\d{2}(?:-WE)?|XXXX-WXX-[1-7]|PRESENT_REF|PAST_REF|FUTURE_REF"
)


def _cal_value(y: int | None, mo: int | None, d: int | None) -> tuple[str, str]:
    ys = f"{y:04d}" if y is not None else "XXXX"
    if mo is None:
        return ys, "year"
    if d is None:
        return f"{ys}-{mo:02d}", "month"
    return f"{ys}-{mo:02d}-{d:02d}", "day"


# "créée en 1998", "née en 1970", "depuis 2015": a year describing something else than the clause's event
_DESCRIPTIVE_YEAR = re.compile(
    r"(?:\bdepuis|\bdès|\b[a-zàâçéèêëîïôûùüÿœ]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|t|te|ts|tes)\s+en)\s*$"
)


class Resolver:
    """Resolves the selected expressions in text order, so that each can lean on the dates before it."""

    def __init__(self, v: View, exprs: list[Expr]) -> None:
        self.v = v
        self.ctx = Context(v.text, v.low, v.published)
        self.P = v.published
        self.exprs = exprs
        self.done: list[tuple[Expr, Resolved]] = []

    # -- context ---------------------------------------------------------------------------
    def tense(self, e: Expr) -> Tense:
        return self.ctx.tense(e.start, e.end)

    def sentence_year(self, e: Expr, tense: Tense, window: int = 160) -> int | None:
        """The year of the closest explicit-year date before e in the same sentence ("en 97 (en janvier
        ...)", "l'an prochain, ... en février"). A year that only describes something else ("créée en
        1998", "depuis 2015") gives no year; with no verb tense to confirm it, only a close one does."""
        s0, _ = self.ctx.sentence(e.start)
        for prev, res in reversed(self.done):
            if prev.end > e.start:
                continue
            if prev.end < s0 or e.start - prev.end > window:
                break
            if not res.explicit or res.year is None:
                continue
            if _DESCRIPTIVE_YEAR.search(self.v.low[max(0, prev.start - 30) : prev.start]):
                continue
            if (
                self.P is not None
                and res.year != self.P.year
                and tense.direction == 0
                and e.start - prev.end > 60
            ):
                continue
            return res.year
        return None

    def document_year(self, e: Expr, month: int | None) -> int | None:
        """No publication date: the year of the closest full date of the document (same month first)."""
        best: tuple[int, int, int] | None = None  # (same month?, distance, year)
        for prev, res in self.anchors:
            if prev is e or res.year is None or not res.explicit or res.granularity not in ("day", "month"):
                continue
            same = 0 if month is not None and res.value[5:7] == f"{month:02d}" else 1
            dist = abs(prev.start - e.start)
            key = (same, dist, res.year)
            if best is None or key < best:
                best = key
        return best[2] if best else None

    def previous_day(self, e: Expr, window: int = 600) -> dt.date | None:
        for prev, res in reversed(self.done):
            if prev.end <= e.start and e.start - prev.end <= window and res.date is not None:
                return res.date
        return None

    def previous_day_in_sentence(self, e: Expr) -> dt.date | None:
        s0, _ = self.ctx.sentence(e.start)
        for prev, res in reversed(self.done):
            if prev.end <= e.start and prev.start >= s0 and res.date is not None:
                return res.date
        return None

    def year_for(self, e: Expr, month: int | None, tense: Tense) -> int | None:
        """Year of a year-less expression from the context: the sentence, or the document when there is
        no publication date. None when the publication date should decide."""
        y = self.sentence_year(e, tense)
        # "adopté en 2022, entrera en vigueur en juillet": the future cannot lie in 2022
        if (
            y is not None
            and self.P is not None
            and tense.strong
            and (tense.direction > 0 and y < self.P.year or tense.direction < 0 and y > self.P.year)
        ):
            y = None
        if y is None and self.P is None:
            y = self.document_year(e, month)
        return y

    # -- kinds -------------------------------------------------------------------------------
    def resolve(self, e: Expr) -> Resolved | None:
        fn = getattr(self, "r_" + e.kind)
        return fn(e)

    def r_cal(self, e: Expr) -> Resolved | None:
        if e.year is not None:
            if e.day is not None and e.month is not None and not safe_date(e.year, e.month, e.day):
                return None
            val, gran = _cal_value(e.year, e.month, e.day)
            d = safe_date(e.year, e.month, e.day) if e.day and e.month else None
            return Resolved(val, gran, e.year, d, explicit=True)
        tense = Tense(e.rel, True) if e.rel else self.tense(e)
        y = None if e.rel else self.year_for(e, e.month, tense)
        if y is not None:
            val, gran = _cal_value(y, e.month, e.day)
            d = safe_date(y, e.month, e.day) if e.day and e.month else None
            if e.day and e.month and d is None:
                return None
            return Resolved(val, gran, y, d, explicit=True)
        if self.P is None:
            val, gran = _cal_value(None, e.month, e.day)
            return Resolved(val, gran)
        if e.month is not None and e.day is not None:
            d = choose_day_year(e.month, e.day, self.P, tense, e.weekday)
            if d is None:
                return None
            return Resolved(fmt_day(d), "day", d.year, d)
        if e.month is not None:
            y = choose_month_year(e.month, self.P, tense, e.rel)
            return Resolved(f"{y:04d}-{e.month:02d}", "month", y)
        return None

    def r_weekday(self, e: Expr) -> Resolved | None:
        tense = self.tense(e)
        if self.P is None:
            return Resolved(f"XXXX-WXX-{e.weekday}", "day")
        d = None
        if e.day is not None:
            d = choose_weekday_day(e.weekday or 1, e.day, self.P, tense)
        if d is None:
            d = choose_weekday(e.weekday or 1, self.P, tense, e.rel)
        if d is None:
            return None
        return Resolved(fmt_day(d), "day", d.year, d)

    def r_relday(self, e: Expr) -> Resolved:
        if self.P is None:
            return Resolved("PAST_REF" if e.offset < 0 else "FUTURE_REF", "ref")
        d = self.P + dt.timedelta(days=e.offset)
        return Resolved(fmt_day(d), "day", d.year, d)

    def r_today(self, e: Expr) -> Resolved:
        """ "aujourd'hui" is the publication day when it dates an event, "nowadays" otherwise."""
        if self.P is None:
            return Resolved("PRESENT_REF", "ref")
        before = self.v.before(e.start, 30)
        if e.weekday is not None or self._dated_event(e, before):
            return Resolved(fmt_day(self.P), "day", self.P.year, self.P)
        return Resolved("PRESENT_REF", "ref")

    # Verbs of state: "est aujourd'hui", "fait aujourd'hui partie" speak of nowadays, not of the day.
    _STATIVE = frozenset(
        [
            "est", "sont", "reste", "restent", "demeure", "demeurent", "represente", "representent",
            "constitue", "constituent", "compte", "comptent", "devient", "deviennent", "semble",
            "semblent", "existe", "existent", "touche", "touchent", "dispose", "disposent",
            "concerne", "concernent", "emploie", "emploient", "vit", "vivent", "fait", "font", "a",
            "ont",
        ]
    )  # fmt: skip

    def _dated_event(self, e: Expr, before: str) -> bool:
        if re.search(r"(?:d'|jusqu'a\s+|jusqu'|depuis\s+|a\s+ce\s+jour\s+|comme\s+)\s*$", before):
            return False
        if re.search(r"(?:des|a\s+partir\s+d'|c'est)\s*$", before):
            return True  # "dès aujourd'hui", "c'est aujourd'hui que ..."
        t = self.tense(e)
        if t.direction != 0 and t.strong:
            return True
        prev = re.findall(r"[\w'-]+", before)
        if prev:
            w = prev[-1]
            if w not in self._STATIVE and re.fullmatch(r"[a-z]{3,}(?:e|ent)", w):
                return True  # "lance aujourd'hui", "présentent aujourd'hui": a news present
        return False

    def r_anchor(self, e: Expr) -> Resolved | None:
        if e.of_event:
            # "au lendemain de la démission": the date of the clause, not the day after it; with no
            # date in the clause, only a vague reference in the direction of the tense
            base = self.previous_day_in_sentence(e)
            off = 0
            if base is None:
                t = self.tense(e)
                if t.direction or self.P is None:
                    return Resolved({-1: "PAST_REF", 1: "FUTURE_REF"}.get(t.direction, "PRESENT_REF"), "ref")
                base = self.P
        else:
            base = self.previous_day(e) or self.P
            off = e.offset
        if base is None:
            return Resolved(
                "PAST_REF" if e.offset < 0 else "FUTURE_REF" if e.offset > 0 else "PRESENT_REF", "ref"
            )
        d = base + dt.timedelta(days=off)
        return Resolved(fmt_day(d), "day", d.year, d)

    def r_relyear(self, e: Expr) -> Resolved:
        if self.P is None:
            return Resolved({-1: "PAST_REF", 1: "FUTURE_REF"}.get(e.offset, "PRESENT_REF"), "ref")
        y = self.P.year + e.offset
        return Resolved(f"{y:04d}", "year", y, explicit=True)

    def r_relmonth(self, e: Expr) -> Resolved:
        if self.P is None:
            return Resolved({-1: "PAST_REF", 1: "FUTURE_REF"}.get(e.offset, "PRESENT_REF"), "ref")
        y, mo = add_months(self.P.year, self.P.month, e.offset)
        return Resolved(f"{y:04d}-{mo:02d}", "month", y, explicit=True)

    def r_relweek(self, e: Expr) -> Resolved:
        if self.P is None:
            return Resolved({-1: "PAST_REF", 1: "FUTURE_REF"}.get(e.offset, "PRESENT_REF"), "ref")
        d = self.P + dt.timedelta(weeks=e.offset)
        return Resolved(iso_week(d), "week", d.year)

    def r_weekend(self, e: Expr) -> Resolved:
        if self.P is None:
            return Resolved({-1: "PAST_REF", 1: "FUTURE_REF"}.get(e.offset, "PRESENT_REF"), "ref")
        d = self.P + dt.timedelta(weeks=e.offset)
        return Resolved(iso_week(d) + "-WE", "week", d.year)

    def r_ago(self, e: Expr) -> Resolved:
        if self.P is None:
            return Resolved("PAST_REF" if e.offset < 0 else "FUTURE_REF", "ref")
        n = e.offset
        if e.unit == "year":
            y = self.P.year + n
            return Resolved(f"{y:04d}", "year", y)
        if e.unit == "month":
            y, mo = add_months(self.P.year, self.P.month, n)
            return Resolved(f"{y:04d}-{mo:02d}", "month", y)
        if e.unit == "week":
            d = self.P + dt.timedelta(weeks=n)
            return Resolved(iso_week(d), "week", d.year)
        d = self.P + dt.timedelta(days=n)
        return Resolved(fmt_day(d), "day", d.year, d)

    def r_ref(self, e: Expr) -> Resolved:
        return Resolved(e.ref or "PRESENT_REF", "ref")

    def r_desormais(self, e: Expr) -> Resolved:
        # French TimeBank dates "désormais" at the publication day (GUIDELINES: allowed, not required).
        if self.P is None:
            return Resolved("PRESENT_REF", "ref")
        return Resolved(fmt_day(self.P), "day", self.P.year)

    def r_decade(self, e: Expr) -> Resolved:
        return Resolved(e.decade or "XXXX", "decade")

    def r_century(self, e: Expr) -> Resolved:
        return Resolved(f"{(e.century or 1) - 1:02d}XX", "century")

    def r_season(self, e: Expr) -> Resolved:
        s = e.season or "SU"
        if e.year is not None:
            return Resolved(f"{e.year:04d}-{s}", "season", e.year, explicit=True)
        if e.habitual or e.generic and self.tense(e).direction == 0:
            return Resolved(f"XXXX-{s}", "season")
        tense = self.tense(e)
        y = self.year_for(e, None, tense)
        if y is not None:
            return Resolved(f"{y:04d}-{s}", "season", y, explicit=True)
        if self.P is None:
            return Resolved(f"XXXX-{s}", "season")
        y = choose_season_year(s, self.P, tense, e.rel)
        return Resolved(f"{y:04d}-{s}", "season", y)

    def r_quarter(self, e: Expr) -> Resolved:
        q = e.quarter or "Q1"
        if e.year is not None:
            return Resolved(f"{e.year:04d}-{q}", "quarter", e.year, explicit=True)
        tense = self.tense(e)
        y = self.year_for(e, None, tense)
        if y is None and self.P is not None:
            y = self.P.year
        if y is None:
            return Resolved(f"XXXX-{q}", "quarter")
        return Resolved(f"{y:04d}-{q}", "quarter", y)

    def r_holiday(self, e: Expr) -> Resolved | None:
        name = e.holiday or ""
        if e.year is not None:
            d = holiday_date(name, e.year)
        else:
            tense = self.tense(e)
            y = self.year_for(e, None, tense)
            if y is not None:
                d = holiday_date(name, y)
            elif self.P is None:
                d = None
            else:
                d = choose_holiday(name, self.P, tense)
        if d is None:
            from .lexicon import HOLIDAYS_FIXED

            if name in HOLIDAYS_FIXED:
                mo, dd = HOLIDAYS_FIXED[name]
                return Resolved(f"XXXX-{mo:02d}-{dd:02d}", "day")
            return None
        d = d + dt.timedelta(days=e.offset)
        return Resolved(fmt_day(d), "day", d.year, d, explicit=e.year is not None)

    def r_ordwd(self, e: Expr) -> Resolved | None:
        tense = self.tense(e)
        y = e.year
        if y is None:
            y = self.year_for(e, e.month, tense)
        if y is None and self.P is not None:
            if e.month is not None:
                y = choose_month_year(e.month, self.P, tense, 0)
            else:
                y = choose_season_year(e.season or "SP", self.P, tense, 0)
        if y is None:
            return None
        if e.month is not None:
            d = nth_weekday(y, e.month, e.weekday or 1, e.ordinal or 1)
        else:
            d = nth_weekday_of_season(y, e.season or "SP", e.weekday or 1, e.ordinal or 1)
        if d is None:
            return None
        return Resolved(fmt_day(d), "day", d.year, d)

    # -- driver ------------------------------------------------------------------------------
    def run(self) -> list[DateMention]:
        # Pass 1: expressions whose year is written, so year-less ones can borrow from any of them.
        first: dict[int, Resolved] = {}
        for i, e in enumerate(self.exprs):
            if e.kind == "cal" and e.year is not None and e.end_expr is None:
                r = self.r_cal(e)
                if r:
                    first[i] = r
        self.anchors = [(self.exprs[i], r) for i, r in first.items()]
        out: list[DateMention] = []
        for i, e in enumerate(self.exprs):
            res = first.get(i)
            end_value = None
            try:
                if res is None and e.end_expr is not None:
                    res, end_value = self.resolve_range(e)
                elif res is None:
                    res = self.resolve(e)
            except (ValueError, OverflowError):  # a date outside the calendar (year 0, 10000)
                continue
            if (
                res is None
                or not VALUE_RE.fullmatch(res.value)
                or end_value
                and not VALUE_RE.fullmatch(end_value)
            ):
                continue
            self.done.append((e, res))
            value = res.value
            if e.dici:
                end_value = value
                value = fmt_day(self.P) if self.P else "PRESENT_REF"
            out.append(DateMention(e.start, e.end, self.v.text[e.start : e.end], value, end_value,
                                   res.granularity, e.mod))  # fmt: skip
        return out

    def resolve_range(self, e: Expr) -> tuple[Resolved | None, str | None]:
        """Resolve the end first (it usually carries the year), then give the start the same year, one
        less when the range crosses New Year ("du 30 décembre au 2 janvier 2024")."""
        end = e.end_expr
        assert end is not None
        if end.year is None and e.year is not None:  # "du 20 avril 2020 au 3 mai"
            wraps = e.month is not None and end.month is not None and e.month > end.month
            end = replace(end, year=e.year + 1 if wraps else e.year)
        r_end = self.r_cal(end) if end.kind == "cal" else self.resolve(end)
        if r_end is None:
            return None, None
        y = e.year
        if y is None and r_end.year is not None:
            y = r_end.year
            if e.month is not None and end.month is not None and e.month > end.month:
                y -= 1
        start_e = replace(e, end_expr=None, year=y)
        if y is None:
            val, gran = _cal_value(None, e.month, e.day)
            return Resolved(val, gran), r_end.value
        r_start = self.r_cal(start_e)
        if r_start is None:
            return None, None
        r_start.explicit = r_end.explicit
        return r_start, r_end.value


# ---------------------------------------------------------------------------- entry point


def extract(text: str, published: dt.date | None) -> list[DateMention]:
    v = View(text, lower(text), fold(text), published)
    exprs = select(candidates(v))
    attach_dici(exprs, v)
    mentions = Resolver(v, exprs).run()
    mentions.sort(key=lambda m: m.start)
    # Safety: strictly non-overlapping, offsets inside the text.
    clean: list[DateMention] = []
    last_end = -1
    for m in mentions:
        if m.start >= last_end and 0 <= m.start < m.end <= len(text):
            clean.append(m)
            last_end = m.end
    return clean
