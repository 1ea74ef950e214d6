"""Handlers of the other families: decades, centuries, seasons, quarters, holidays, weekdays, relative words.

Each turns one regex match of `patterns.py` into unresolved `Expr` records whose kind tells
`normalise.py` how to date them ("le lendemain" leans on the previous date, "il y a deux ans" on the
publication date), or refuses it ("été" the participle, "Noël Mamère", "les lundis").
"""

from __future__ import annotations

import re

from .false_positives import after_agreement, in_street_name, is_quantity, quoted_alone
from .lexicon import (
    DECADE_WORDS,
    HOLIDAYS_NEED_CAPITAL,
    NUMBER_WORDS,
    ORDINAL_CENTURIES,
    ORDINALS,
    SAINTS_NEED_ARTICLE,
    SEASON_NAMES_NOT_DATES,
    SEASONS,
    WEEKDAYS,
    month_number,
    roman_to_int,
)
from .model import Expr
from .resolve import add_months, safe_date
from .view import View, parse_day, parse_mod, parse_year

_AUX_BEFORE_EN = re.compile(r"\b(?:a|ont|avait|avaient|aurait|auraient|ayant|avoir)\s+en\s*$")


def _direction(words: str) -> int:
    """-1 for "dernière, passée, précédente, d'avant", +1 for "prochaine, suivante, d'après", else 0."""
    if re.search(r"dern|pass|preced|d'avant", words):
        return -1
    return 1 if re.search(r"proch|suiv|d'apres", words) else 0


def _anchored(words: str) -> str | None:
    """ "suivante", "précédente", "d'avant", "d'après" count from another date of the text."""
    return "anchored" if re.search(r"suiv|preced|d'avant|d'apres", words) else None


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
        start = m.start("word")  # "années 80", "la décennie 2010"
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
    if prev_word == "plein" and re.search(r"\ben\s+plein\s+$", v.before(ss, 12)):
        prev_word = "en"  # "en plein été": "en été" at its height
    if bare and (prev_word not in ("en", "au") or _AUX_BEFORE_EN.search(v.before(ss, 20))):
        return []
    if det and not (y or m.group("rel")) and v.text[ss].isupper():
        return []  # "« L'Été » de Vivaldi", "le Printemps": a capital after the article makes it a name
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
    if m.group("yrel") and v.published:  # "le premier semestre de l'année prochaine"
        y = v.published.year + _direction(m.group("yrel"))
    if unit.startswith("trim"):  # "trimestre", "trim."
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


# A noun and "de"/"du" before a holiday make it a modifier ("marché de Noël"), except nouns of time.
# "le marché de Noël", "les œufs de Pâques": a noun + "de" + a holiday without article names a kind of
# thing, not the day; with the article ("le concert du Nouvel An", "la messe de la Toussaint", "les feux
# de la Saint-Jean") the event of that year's day. Locutions ("en raison de", "à l'approche de") are not
# nouns.
_NOUN_OF = re.compile(
    r"\b(?!(?:fete|jour|journee|veille|lendemain|vacances|pont|week-end|weekend|semaine|periode|nuit|soir|"
    r"matin|soiree|matinee|date|moment|occasion|lors|partir|compter|avant|apres|depuis|dimanche|lundi|jeudi|"
    r"raison|cause|approche|vue|autour|pres|prevision|perspective)\b)"
    r"[a-zœæ]{3,}s?\s+(?:de|d')\s*$"
)


def h_holiday(m: re.Match[str], v: View) -> list[Expr]:
    name = re.sub(r"\s+", " ", m.group("h"))
    hs = m.start("h")
    orig = v.text[hs : m.end("h")]
    if name in HOLIDAYS_NEED_CAPITAL and not orig[:1].isupper() and not (m.group("pfx") or m.group("y")):
        return []
    nxt = re.match(r"\s+(\S+)", v.text[m.end("h") : m.end("h") + 30])
    if name in ("noel", "toussaint") and nxt and nxt.group(1)[:1].isupper() and not m.group("y"):
        return []  # "Noël Mamère", "Toussaint Louverture"
    if name == "noel" and re.search(r"\b(?:pere|papa)\s+$", v.before(hs, 8)):
        return []  # "le Père Noël": the figure, not the day
    if after_agreement(v, m.start()) or in_street_name(v, m.start()):
        return []
    pfx = m.group("pfx")
    det = m.group("det")
    if re.match(
        r"\s+(?:chinois|lunaire|juif|persan|vietnamien|orthodoxe)", v.fold[m.end("h") : m.end("h") + 14]
    ):
        return []  # another calendar's new year
    if name in SAINTS_NEED_ARTICLE and not (pfx or det == "la"):
        return []  # "à Saint-Jean": a town; the feast is "la Saint-Jean"
    if not pfx and not m.group("y") and _NOUN_OF.search(v.before(m.start("h"), 30)):
        return []  # "le marché de Noël", "le concert du nouvel an": a kind of thing, not the day
    offset = -1 if pfx == "veille" else 1 if pfx == "lendemain" else 0
    start = m.start("pfx") if pfx else m.start("h")
    if det in ("cette", "la", "l'"):
        start = m.start()
    if pfx == "lundi" and name in ("paques", "pentecote"):
        name = "lundi de " + name
    y = int(m.group("y")) if m.group("y") else None
    rel = -1 if re.match(r"dern|pass", m.group("rel") or "") else 1 if m.group("rel") else 0
    unit = "week" if pfx == "semaine" else None  # "la semaine de Noël": the week holding the day
    return [Expr("holiday", start, m.end(), year=y, holiday=name, offset=offset, rel=rel, unit=unit)]


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
    if re.search(r"\b(?:premier|1er|deuxieme|2e|second|troisieme|3e|quatrieme|4e|dernier)\s+$", before):
        return []  # "le premier dimanche de l'Avent": an ordinal weekday the grammar does not date
    if re.match(r"\s+(?:de\s+chaque|de\s+tous\s+les|du\s+mois\b)", v.fold[m.end() : m.end() + 20]):
        return []  # "le premier lundi de chaque mois": a rule, not a date
    if rel_raw in ("precedent", "suivant"):
        return []  # relative to another date of the story, not to the publication
    nxt = v.text[m.end("wd") : m.end("wd") + 8]
    orig = v.text[ws : m.end("wd")]
    if orig[:1].isupper() and re.match(r"\s+(?:Saint|saint|Gras|gras)\b", nxt):
        return []  # Vendredi saint, Mardi gras: holidays (handled by HOLIDAY) or names
    if after_agreement(v, m.start()) or (not m.group("d") and quoted_alone(v, ws, m.end("wd"))):
        return []  # "l'accord du Vendredi saint", the series « Mercredi »
    rel = 0
    if rel_raw:
        rel = 1 if rel_raw in ("prochain",) or rel_raw.startswith("qui") else -1
    day = parse_day(m.group("d")) if m.group("d") else None
    start = m.start()
    return [Expr("weekday", start, m.end(), weekday=wd, rel=rel, day=day)]


_ROUND = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
          "cinquantaine": 50, "centaine": 100}  # fmt: skip


def _count(raw: str) -> int | None:
    raw = re.sub(r"\s+", " ", raw)
    if raw.isdigit():
        return int(raw)
    about = re.match(r"une (\w+) d", raw)  # "une vingtaine d'années"
    return _ROUND.get(about.group(1)) if about else NUMBER_WORDS.get(raw)


def _approx(raw: str) -> str | None:
    """ "une vingtaine d'années" counts roughly: the value takes the APPROX modifier."""
    return "APPROX" if raw.startswith("une ") and raw.endswith(("de", "d'")) else None


_UNITS = {"an": "year", "ans": "year", "annee": "year", "annees": "year", "mois": "month", "semaine": "week",
          "semaines": "week", "jour": "day", "jours": "day", "decennie": "decade", "decennies": "decade",
          "siecle": "century", "siecles": "century"}  # fmt: skip


def _weeks_of_days(n: int, unit: str | None) -> int:
    """ "huit jours", "quinze jours" are one and two weeks in French."""
    return n - 1 if unit == "day" and n in (8, 15) else n


_THINK_OF = re.compile(r"\b(?:pens|song|reflech|croi|interess|prepar|consacr|confian|ouvert)\w*\s+$")


def _same_day_ago(v: View, n: int, unit: str | None) -> int | None:
    """Days back to the same day n years, months or weeks before the publication ("jour pour jour")."""
    p = v.published
    if p is None or unit not in ("year", "month", "week"):
        return None
    if unit == "week":
        return -7 * n
    y, mo = add_months(p.year, p.month, -n * (12 if unit == "year" else 1))
    day = safe_date(y, mo, p.day)
    return (day - p).days if day else None


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
    if g["cejour"]:  # "adopté ce jour", "à ce jour": the publication day in a release's formal French
        return [Expr("relday", s, e, offset=0)]
    if g["nowadays"]:
        return [Expr("ref", s, e, ref="PRESENT_REF")]
    if g["meme"]:
        return [Expr("anchor", s, e, offset=0)]
    if g["yrel"]:
        t = g["yrel"]
        off = _direction(t)
        return [Expr("relyear", s, e, offset=off, unit=_anchored(t))]
    if g["wrel"]:
        t = g["wrel"]
        off = _direction(t)
        return [Expr("relweek", s, e, offset=off, unit=_anchored(t))]
    if g["mrel"]:
        return [Expr("relmonth", s, e, offset=_direction(g["mrel"]), unit=_anchored(g["mrel"]))]
    if g["werel"]:
        return [Expr("weekend", s, e, offset=_direction(g["werel"]))]
    if g["ago"]:
        n = _count(g["agon"])
        unit = _UNITS.get(g["agou"])
        if n is not None and unit in ("decade", "century") and not g["agon"].startswith("une "):
            n, unit = n * (10 if unit == "decade" else 100), "year"  # "il y a un siècle": 100 years ago
        if n is None or unit in ("decade", "century"):
            return [Expr("ref", s, e, ref="PAST_REF")]
        day = _same_day_ago(v, n, unit) if g["jpj"] else None  # "il y a un an jour pour jour"
        if day is not None:
            return [Expr("ago", s, e, offset=day, unit="day")]
        return [Expr("ago", s, e, offset=-_weeks_of_days(n, unit), unit=unit, mod=_approx(g["agon"]))]
    if g["inn"]:
        n = _count(g["innn"])
        unit = _UNITS.get(g["innu"])
        if n is None:
            return [Expr("ref", s, e, ref="FUTURE_REF")]
        # "d'ici deux ans": from the publication date to two years later
        dici, mod = g["innp"] == "d'ici", _approx(g["innn"])
        return [Expr("ago", s, e, offset=_weeks_of_days(n, unit), unit=unit, dici=dici, mod=mod)]
    if g["fut"]:
        if g["fut"].startswith("a ") and _THINK_OF.search(v.before(s, 30)):
            return []  # "penser à l'avenir": the noun, not "from now on"
        return [Expr("ref", s, e, ref="FUTURE_REF")]
    if g["now"]:  # "à l'heure actuelle": nowadays
        return [Expr("ref", s, e, ref="PRESENT_REF")]
    if g["past"]:  # "par le passé"
        return [Expr("ref", s, e, ref="PAST_REF")]
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
    # "en début d'année" (no "cette", no "prochaine"): the tense may mean the next or the last one
    bare = "bare" if kind == "relyear" and not rel_raw and not m.group("this") else None
    return [Expr(kind, m.start(), m.end(), offset=off, mod=mod, unit=bare)]
