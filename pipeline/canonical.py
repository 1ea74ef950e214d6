"""Canonical entity names: the gazetteer, the corpus-level unification and the entity summary.

An analyst pivots on `canonical`, so every alias of a body must end up with the same string: "UE",
"Union européenne" and "l'Union européenne" -> "Union européenne". Three sources, in this order:
1. the gazetteer (pipeline/data/gazetteer.toml): general-knowledge institutions and their acronyms,
   editable without code (docs/gazetteer.md);
2. what each document says itself (acronym definitions, short forms): pipeline/entities/;
3. the corpus pass here: an acronym defined in one document names its mentions in the others, spelling
   variants of one name are merged, a surname alone joins the one full name that ends with it.
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa

from .french import fold

LABELS = ("PER", "ORG", "LOC", "MISC")
DEFAULT_PATH = Path(__file__).parent / "data" / "gazetteer.toml"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "´": "'"})
_ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9&.\-]*(?: [A-Z0-9&.\-]+)?")


_SPACED_APOSTROPHE = re.compile(r"\s*'\s*")
_SPACED_HYPHEN = re.compile(r"\s*-\s*")


@lru_cache(maxsize=65536)
def normalize_key(text: str) -> str:
    """Lookup key of a name: case, accents, apostrophe style and spacing do not matter (casefold after
    fold: "ß" -> "ss", and capitals that a decomposition yields)."""
    text = fold(text.translate(_APOSTROPHES))
    text = _SPACED_HYPHEN.sub("-", _SPACED_APOSTROPHE.sub("'", text))
    return " ".join(text.casefold().split())


def is_acronym(text: str) -> bool:
    """All-capital token(s) such as "UE", "G7", "DG TRADE"; "CNNum" is not one (mixed case)."""
    if len(text) < 2 or not _ACRONYM.fullmatch(text):
        return False
    return sum(ch.isalpha() for ch in text) >= 1


def capitalise(text: str) -> str:
    """Official names take an initial capital ("service des ..." -> "Service des ...")."""
    return text[:1].upper() + text[1:] if text else text


_UPPER_WORD = re.compile(r"[^\W\d_]{2,}")


def normal_case_name(name: str) -> str:
    """A person's name in normal case: words written in capitals take an initial capital only
    ("Jean DUPONT" -> "Jean Dupont", "LE GALL" -> "Le Gall"); a name all in capitals too."""

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        return word[0] + word[1:].lower() if word.isupper() else word

    return _UPPER_WORD.sub(fix, name)


def clean_surface(text: str) -> str:
    """A surface form as a canonical string: one space for any run of spaces or line breaks."""
    return " ".join(text.translate(_APOSTROPHES).split())


@dataclass(frozen=True)
class GazetteerEntry:
    canonical: str
    label: str
    aliases: tuple[str, ...]
    source: str

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical and every alias."""
        return (self.canonical, *self.aliases)


@dataclass
class Gazetteer:
    """Institutions with their aliases; `version` (a hash of the file) is part of the cache key."""

    entries: tuple[GazetteerEntry, ...]
    version: str
    path: Path | None = None
    _acronyms: dict[str, GazetteerEntry] = field(default_factory=dict, repr=False)
    _keys: dict[str, GazetteerEntry] = field(default_factory=dict, repr=False)
    _first_words: dict[str, list[GazetteerEntry]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for first in {normalize_key(n.split()[0]) for n in entry.names if len(n.split()) > 1}:
                self._first_words.setdefault(first, []).append(entry)
            for name in entry.names:
                if is_acronym(name):
                    self._acronyms[name] = entry
                else:
                    self._keys[normalize_key(name)] = entry

    def lookup(self, text: str) -> GazetteerEntry | None:
        """The entry a surface form names, if any ("UE" and "union européenne" -> Union européenne)."""
        text = clean_surface(text)
        if text in self._acronyms:
            return self._acronyms[text]
        return self._keys.get(normalize_key(text))

    def starting_with(self, word: str) -> list[GazetteerEntry]:
        """Entries with a multi-word name whose first word is `word` (the short form "Organisation")."""
        return list(self._first_words.get(normalize_key(word), ()))


def _fail(path: Path | None, message: str, what: str = "gazetteer") -> ValueError:
    return ValueError(f"{path or f'<{what}>'}: {message}")


def entity_tables(data: bytes, path: Path | None, what: str = "gazetteer") -> list:
    """The [[entity]] tables of a file in the gazetteer's format (the gazetteer, an analyst's
    corrections); not TOML, or no array of tables: a one-line ValueError naming the file."""
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _fail(path, f"not valid TOML ({exc})", what) from None
    raw = doc.get("entity", [])
    if not isinstance(raw, list):
        raise _fail(path, "'entity' must be an array of tables ([[entity]])", what)
    return raw


def parse_gazetteer(data: bytes, path: Path | None = None) -> Gazetteer:
    """Validate the TOML content; every problem is a one-line ValueError naming the file."""
    raw = entity_tables(data, path)
    entries: list[GazetteerEntry] = []
    seen: dict[str, str] = {}
    for n, item in enumerate(raw, 1):
        where = f"entry {n}"
        if not isinstance(item, dict):
            raise _fail(path, f"{where} is not a table")
        unknown = set(item) - {"canonical", "label", "aliases", "source"}
        if unknown:
            raise _fail(path, f"{where}: unknown key(s) {sorted(unknown)}")
        canonical, label = item.get("canonical"), item.get("label")
        aliases, source = item.get("aliases", []), item.get("source")
        if not isinstance(canonical, str) or not canonical.strip():
            raise _fail(path, f"{where}: 'canonical' must be a non-empty string")
        where = f"entry {n} ({canonical})"
        if label not in LABELS:
            raise _fail(path, f"{where}: 'label' must be one of {', '.join(LABELS)}")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise _fail(path, f"{where}: 'aliases' must be a list of non-empty strings")
        if not isinstance(source, str) or not source.startswith(("http://", "https://")):
            raise _fail(path, f"{where}: 'source' must be the URL of the body's official site")
        entry = GazetteerEntry(canonical.strip(), label, tuple(a.strip() for a in aliases), source)
        for name in entry.names:
            key = name if is_acronym(name) else normalize_key(name)
            if key in seen and seen[key] != entry.canonical:
                raise _fail(path, f"{where}: alias {name!r} already names {seen[key]!r}")
            seen[key] = entry.canonical
        entries.append(entry)
    version = hashlib.sha256(data).hexdigest()[:16]
    return Gazetteer(tuple(entries), version, path)


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The packaged gazetteer, or the TOML file at `path` (a bad file raises ValueError)."""
    path = Path(path) if path is not None else DEFAULT_PATH
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(path, f"cannot be read ({exc.strerror})") from None
    return parse_gazetteer(data, path)


# ----------------------------------------------------------------------------- corpus pass
def unify_names(
    text: Sequence[object],
    canonical: Sequence[object],
    label: Sequence[object],
    weight: Sequence[int],
    gazetteer: Gazetteer,
) -> list[str]:
    """Corpus-wide canonical of each item of parallel lists: one item per mention (weights of 1), or per
    distinct (text, canonical, label) with its mention count (the Dask engine's merged vocabulary).

    Per-document canonicals (None or NaN: the document gave none) stay unless the corpus knows better:
    (1) an acronym left undefined in its document takes the long form other documents give it most;
    (2) the gazetteer names the rest; (3) spelling variants of one name (case, accents, apostrophes)
    take their most frequent spelling; (4) a one-word person name takes the one full name of the corpus
    that ends with it. Counts are sums of weights; a tie in (1) goes to the long form met first, so items
    must come in order of first mention for both uses to agree.
    """
    texts = [clean_surface(str(t)) for t in text]
    canon = [t if _missing(c) else clean_surface(str(c)) for c, t in zip(canonical, texts, strict=True)]
    labels = [str(lab) for lab in label]
    weights = list(weight)

    # (1) acronyms named somewhere: ACR -> the long form the most mentions give it
    defined: dict[str, Counter[str]] = defaultdict(Counter)
    for t, c, w in zip(texts, canon, weights, strict=True):
        if is_acronym(t) and c != t:
            defined[t][c] += w
    canon = [
        defined[t].most_common(1)[0][0] if c == t and t in defined else c
        for t, c in zip(texts, canon, strict=True)
    ]

    # (2) the gazetteer; the text's own entry only when no document gave another name
    def from_gazetteer(t: str, c: str) -> str:
        entry = gazetteer.lookup(c) or (gazetteer.lookup(t) if c == t else None)
        return entry.canonical if entry else c

    canon = [from_gazetteer(t, c) for t, c in zip(texts, canon, strict=True)]

    # (3) spelling variants of one name, per label
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for lab, c, w in zip(labels, canon, weights, strict=True):
        spellings[(lab, normalize_key(c))][c] += w
    best = {
        k: max(cnt.items(), key=lambda kv: (kv[1], kv[0][:1].isupper(), kv[0]))[0]
        for k, cnt in spellings.items()
    }
    canon = [best[(lab, normalize_key(c))] for lab, c in zip(labels, canon, strict=True)]

    # (4) "Macron" -> "Emmanuel Macron" when exactly one full name of the corpus ends with it
    # or a first name alone when one full name only starts with it ("Marie" -> "Marie Durand")
    full_names: dict[str, set[str]] = defaultdict(set)
    first_names: dict[str, set[str]] = defaultdict(set)
    for lab, c in zip(labels, canon, strict=True):
        if lab == "PER" and len(c.split()) > 1:
            full_names[normalize_key(c.split()[-1])].add(c)
            first_names[normalize_key(c.split()[0])].add(c)
    for key, names in first_names.items():
        full_names.setdefault(key, names)
    out = []
    for lab, c in zip(labels, canon, strict=True):
        if lab == "PER" and len(c.split()) == 1 and len(full_names.get(normalize_key(c), ())) == 1:
            c = next(iter(full_names[normalize_key(c)]))
        out.append(c)
    return out


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def unify_canonicals(entities: pd.DataFrame, gazetteer: Gazetteer) -> pd.Series:
    """Corpus-wide canonical for every row (same index as `entities`): `unify_names` on the mentions,
    in row order."""
    names = unify_names(
        entities["text"].tolist(),
        entities["canonical"].tolist(),
        entities["label"].tolist(),
        [1] * len(entities),
        gazetteer,
    )
    return pd.Series(names, index=entities.index, name="canonical", dtype=object)


def most_frequent(counts: Mapping[str, int]) -> str | None:
    """The value counted most, the smallest on ties (pandas' `mode().iat[0]`); None when there is none.
    The entity summary's country, in one process here and from merged counts in the Dask engine."""
    if not counts:
        return None
    most = max(counts.values())
    return min(value for value, n in counts.items() if n == most)


def apply_canonicals(entities: pa.Table, canonicals: Mapping[tuple[str, str | None, str], str]) -> pa.Table:
    """Entities with their corpus-wide canonical names, looked up by (text, canonical, label)."""
    keys = zip(*(entities.column(c).to_pylist() for c in ("text", "canonical", "label")), strict=True)
    column = pa.array([canonicals[k] for k in keys], type=pa.string())
    return entities.set_column(entities.schema.get_field_index("canonical"), "canonical", column)


def renamed_speakers(quotes: pd.DataFrame, entities: pd.DataFrame, unified: pd.Series) -> pd.Series:
    """Quote speakers follow their entity to its corpus-wide canonical name (`unified`: the canonical
    of each row of `entities` after unification)."""
    mapping: dict[tuple[str, str], str] = {}
    for doc_id, before, after in zip(entities["doc_id"], entities["canonical"], unified, strict=True):
        mapping.setdefault((doc_id, before), after)
    return pd.Series(
        [mapping.get((d, c), c) for d, c in zip(quotes["doc_id"], quotes["speaker_canonical"], strict=True)],
        index=quotes.index,
        dtype=object,
    )
