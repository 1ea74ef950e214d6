"""Themes: a document gets a theme of the taxonomy when its cue terms occur with substance.

The taxonomy is data (pipeline/data/taxonomy.toml, or a user's file): each theme has an id, a French label
and cue terms written in plain French ("données personnelles", "IA", "cyber*"). Matching is forgiving
about the things that do not change meaning -- case, accents, hyphens, plural and feminine endings,
articles and prepositions between words ("protection des données" matches "protection de vos données")
-- and strict about the rest: an all-capitals cue ("IA") matches only that acronym, a phrase never
spans punctuation or a line break.

score = sum over cues of weight x min(occurrences, max_hits_per_cue), weight 2 for `strong` cues and 1
for `cues`. A theme is assigned when score >= threshold (the file's `threshold`, default 4): one passing
word never reaches it, a paragraph about the topic does. See docs/themes.md.
"""

from __future__ import annotations

import hashlib
import operator
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.tokens import Doc

from .french import fold
from .token_table import TokenTable, token_table

__all__ = [
    "Cue",
    "Theme",
    "Taxonomy",
    "ThemeScore",
    "TaxonomyError",
    "DEFAULT_TAXONOMY",
    "load_taxonomy",
    "score_themes",
    "tag_themes",
    "theme_matrix",
    "normalize_word",
]

DEFAULT_TAXONOMY = Path(__file__).parent / "data" / "taxonomy.toml"
STRONG_WEIGHT = 2.0
CUE_WEIGHT = 1.0
_THEME_ID = re.compile(r"[a-z][a-z0-9_]*")
_TOP_KEYS = {"threshold", "max_hits_per_cue", "extends", "themes", "description"}
_THEME_KEYS = {"label", "cues", "strong", "description"}

# Words skipped when matching a phrase: articles, prepositions, possessives, "et"/"ou". Matching runs over
# the remaining words, so "protection des données" matches "protection de leurs données"; punctuation and
# line breaks still stop a phrase.
_FUNCTION = """le la les l un une des de du d à au aux en et ou pour par sur dans avec ce cet cette ces
son sa ses leur leurs notre nos votre vos mon ma mes ton ta tes"""
FUNCTION_WORDS = frozenset(_FUNCTION.split())


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used; the message names the file and what is wrong, on one line."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


@dataclass(frozen=True)
class Cue:
    """One cue term: its text as written in the taxonomy and its normalised words."""

    text: str
    words: tuple[str, ...]  # normalised content words; a word ending in "*" matches by prefix
    weight: float
    exact_case: bool  # an all-capitals cue ("IA", "RGPD") matches only the same capitals


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    threshold: float
    max_hits_per_cue: int
    version: str  # hash of the file content(s): part of the cache key
    source: str  # the file it was read from

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def theme(self, theme_id: str) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(theme_id)


@dataclass(frozen=True)
class ThemeScore:
    theme: str
    label: str
    score: float
    hits: int
    evidence: str  # distinct cue terms found, "; "-joined, most frequent first


# ----------------------------------------------------------------------------- normalisation
def _fold(text: str) -> str:
    """fold(), with the typographic apostrophe written "'": words are split and stripped at "'"."""
    return fold(text.replace("\u2019", "'"))


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Case, accents, hyphens, plural and feminine endings folded away: "Données" -> "donne",
    "personnelles" -> "personnel", "réseaux" -> "reseau", "internationaux" -> "international"."""
    w = _fold(word).replace("-", "").strip("'.")
    if len(w) > 3 and w.endswith(("s", "x")):
        w = w[:-1]
        if w.endswith("eau"):
            pass
        elif w.endswith("au") and len(w) > 4:
            w = w[:-2] + "al"
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
        if len(w) > 4 and w[-1] == w[-2] and w[-1] in "lnt":
            w = w[:-1]
    return w


def _cue_words(text: str) -> tuple[str, ...]:
    words = []
    for raw in re.split(r"[\s']+", text.replace("\u2019", "'")):
        if not raw:
            continue
        if raw.endswith("*"):
            stem = _fold(raw[:-1]).replace("-", "")
            if stem:
                words.append(stem + "*")
            continue
        w = normalize_word(raw)
        if w and w not in FUNCTION_WORDS and _fold(raw).strip("'") not in FUNCTION_WORDS:
            words.append(w)
    return tuple(words)


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text.strip()


# ----------------------------------------------------------------------------- loading
def load_taxonomy(path: Path | str | None = None) -> Taxonomy:
    """Read and check a taxonomy file (default: the packaged pipeline/data/taxonomy.toml).

    A file with `extends = "default"` adds its themes to the default ones (a theme with the same id
    replaces the default one); its `threshold` and `max_hits_per_cue`, when given, win.
    """
    path = Path(path) if path is not None else DEFAULT_TAXONOMY
    data, raw = _read(path)
    contents = [raw]
    themes: dict[str, Theme] = {}
    settings: dict[str, Any] = {"threshold": 4.0, "max_hits_per_cue": 3}
    extends = data.get("extends")
    if extends is not None:
        if extends != "default":
            raise TaxonomyError(f'{path}: extends must be "default", not {extends!r}')
        base = load_taxonomy(DEFAULT_TAXONOMY)
        themes = {t.id: t for t in base.themes}
        settings = {"threshold": base.threshold, "max_hits_per_cue": base.max_hits_per_cue}
        contents.insert(0, base.version.encode())
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise TaxonomyError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))}")
    if "threshold" in data:
        settings["threshold"] = _positive(path, "threshold", data["threshold"])
    if "max_hits_per_cue" in data:
        value = data["max_hits_per_cue"]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise TaxonomyError(f"{path}: max_hits_per_cue must be a whole number >= 1, not {value!r}")
        settings["max_hits_per_cue"] = value
    table = data.get("themes")
    if not isinstance(table, dict) or (not table and not themes):
        raise TaxonomyError(f"{path}: no [themes.<id>] table: a taxonomy needs at least one theme")
    for theme_id, spec in table.items():
        themes[theme_id] = _theme(path, theme_id, spec)
    version = hashlib.sha256(b"\0".join(contents)).hexdigest()[:16]
    return Taxonomy(
        themes=tuple(themes.values()),
        threshold=float(settings["threshold"]),
        max_hits_per_cue=int(settings["max_hits_per_cue"]),
        version=version,
        source=str(path),
    )


def _read(path: Path) -> tuple[dict[str, Any], bytes]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read the taxonomy file ({exc.strerror or exc})") from exc
    try:
        return tomllib.loads(raw.decode("utf-8")), raw
    except UnicodeDecodeError as exc:
        raise TaxonomyError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{path}: invalid TOML: {exc}") from exc


def _positive(path: Path, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise TaxonomyError(f"{path}: {key} must be a number > 0, not {value!r}")
    return float(value)


def _theme(path: Path, theme_id: str, spec: Any) -> Theme:
    where = f"{path}: theme {theme_id!r}"
    if not _THEME_ID.fullmatch(theme_id):
        raise TaxonomyError(f"{where}: ids are lower-case letters, digits and _ (like donnees_vie_privee)")
    if not isinstance(spec, dict):
        raise TaxonomyError(f"{where}: must be a table with label, cues and strong")
    unknown = set(spec) - _THEME_KEYS
    if unknown:
        raise TaxonomyError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    label = spec.get("label")
    if not isinstance(label, str) or not label.strip():
        raise TaxonomyError(f"{where}: needs a non-empty label")
    cues: list[Cue] = []
    seen: set[tuple[tuple[str, ...], bool]] = set()
    for key, weight in (("strong", STRONG_WEIGHT), ("cues", CUE_WEIGHT)):
        values = spec.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise TaxonomyError(f"{where}: {key} must be a list of strings")
        for text in values:
            words = _cue_words(text)
            if not words:
                raise TaxonomyError(f"{where}: cue {text!r} has no content word")
            exact = _is_capitals(text)
            if (words, exact) in seen:
                continue
            seen.add((words, exact))
            cues.append(Cue(text=text.strip(), words=words, weight=weight, exact_case=exact))
    if not cues:
        raise TaxonomyError(f"{where}: needs at least one cue (cues = [...] or strong = [...])")
    return Theme(id=theme_id, label=label.strip(), cues=tuple(cues))


# ----------------------------------------------------------------------------- tagging
_BARRIER = ("|", "|")


def _glued(text: str, next_text: str) -> bool:
    """Tokens spaCy split inside one written word: around a hyphen ("cyber-sécurité"), or a number and
    capitals ("5G", "4G")."""
    if text == "-" or next_text == "-":
        return True
    return text.isdigit() and next_text.isalpha() and next_text.isupper() and len(next_text) <= 3


def _doc_words(doc: Doc, tokens: TokenTable | None = None) -> list[tuple[str, str]]:
    """(normalised word, text as written) for the content words of `doc`, in order; punctuation and line
    breaks become barriers that no phrase crosses. Words that spaCy split are rejoined (_glued).

    Token attributes come from the document's TokenTable: iterating the Doc builds a Token object per
    token, which cost more than the matching itself (`tokens`: that table when the caller has it)."""
    if tokens is None:
        tokens = token_table(doc)
    n, texts, spaces = tokens.n, tokens.words, tokens.spaced
    separators = list(map(operator.or_, tokens.space, tokens.punct))  # spaces and punctuation
    out: list[tuple[str, str]] = []
    pending = ""
    for i, (text, space, separator) in enumerate(zip(texts, spaces, separators, strict=True)):
        joined = not space and i + 1 < n and _glued(text, texts[i + 1])
        if pending or joined:
            pending += text
            if joined:
                continue
            text, pending = pending.strip("-"), ""
        elif separator or "\n" in text:
            if out and out[-1] != _BARRIER:
                out.append(_BARRIER)
            continue
        out += _word_parts(text)
    if pending.strip("-"):
        out.append((normalize_word(pending), pending.strip("-")))
    return out


@lru_cache(maxsize=65536)
def _word_parts(text: str) -> tuple[tuple[str, str], ...]:
    """(normalised word, text as written) for the content parts of one written word, split after its
    elisions ("l'IA": "IA"); cached, as words repeat."""
    parts = []
    for part in re.split(r"(?<=')", text.replace("\u2019", "'")):
        folded = _fold(part).strip("'")
        if folded and folded not in FUNCTION_WORDS and any(c.isalnum() for c in folded):
            parts.append((normalize_word(part), part.strip("'")))
    return tuple(parts)


@dataclass(frozen=True)
class _Index:
    """Cues by their first word (and prefix cues apart), longest first, so that each word of a document
    is checked against the few cues that can start there."""

    by_first: dict[str, tuple[tuple[int, Cue], ...]]  # first word -> (theme index, cue)
    prefixed: tuple[tuple[str, int, Cue], ...]  # (prefix, theme index, cue) for cues starting "word*"
    options: dict[str, tuple[tuple[int, Cue], ...]] = field(default_factory=dict, compare=False)  # cues_at

    def cues_at(self, word: str) -> tuple[tuple[int, Cue], ...]:
        """(theme index, cue) of the cues that can start at `word`, longest first (remembered per word:
        every word of every document asks)."""
        found = self.options.get(word)
        if found is None:
            if len(self.options) > _MAX_REMEMBERED:
                self.options.clear()
            options = [(t, c) for p, t, c in self.prefixed if word.startswith(p)]
            options += self.by_first.get(word, ())
            options.sort(key=lambda item: -len(item[1].words))
            found = self.options[word] = tuple(options)
        return found


_INDEXES: dict[str, _Index] = {}
_MAX_REMEMBERED = 200_000  # words whose cues an _Index remembers (a bound for very large corpora)


def _index(taxonomy: Taxonomy) -> _Index:
    key = f"{taxonomy.version}:{taxonomy.source}"
    if key not in _INDEXES:
        by_first: dict[str, list[tuple[int, Cue]]] = {}
        prefixed: list[tuple[str, int, Cue]] = []
        for t, theme in enumerate(taxonomy.themes):
            for cue in theme.cues:
                first = cue.words[0]
                if first.endswith("*"):
                    prefixed.append((first[:-1], t, cue))
                else:
                    by_first.setdefault(first, []).append((t, cue))
        longest = lambda item: -len(item[-1].words)  # noqa: E731
        _INDEXES[key] = _Index(
            by_first={w: tuple(sorted(c, key=longest)) for w, c in by_first.items()},
            prefixed=tuple(sorted(prefixed, key=longest)),
        )
    return _INDEXES[key]


def _word_matches(cue_word: str, word: str) -> bool:
    if cue_word.endswith("*"):
        return word.startswith(cue_word[:-1]) and word != "|"
    return cue_word == word


def _cue_at(words: list[tuple[str, str]], i: int, cue: Cue) -> bool:
    n = len(cue.words)
    if i + n > len(words):
        return False
    window = words[i : i + n]
    if not all(_word_matches(cw, w) for cw, (w, _) in zip(cue.words, window, strict=True)):
        return False
    return not cue.exact_case or window[0][1] == cue.text


def _count_cues(words: list[tuple[str, str]], taxonomy: Taxonomy) -> list[Counter[Cue]]:
    """Occurrences of each cue, per theme. Within a theme the longest cue starting at a word wins and the
    words it covers are not read again ("données personnelles" does not also count "données")."""
    index = _index(taxonomy)
    counts: list[Counter[Cue]] = [Counter() for _ in taxonomy.themes]
    free_from = [0] * len(taxonomy.themes)  # per theme: first word not yet covered by a match
    for i, (norm, _) in enumerate(words):
        if norm == "|":
            continue
        options = index.cues_at(norm)
        if not options:
            continue
        done: set[int] = set()
        for t, cue in options:
            if t in done or free_from[t] > i or not _cue_at(words, i, cue):
                continue
            done.add(t)
            counts[t][cue] += 1
            free_from[t] = i + len(cue.words)
    return counts


def score_themes(doc: Doc, taxonomy: Taxonomy, *, tokens: TokenTable | None = None) -> list[ThemeScore]:
    """Every theme with at least one cue found, assigned or not (for inspection and threshold tuning).

    `tokens`: the document's TokenTable when the caller has built it already (else it is read here)."""
    out = []
    for theme, counts in zip(taxonomy.themes, _count_cues(_doc_words(doc, tokens), taxonomy), strict=True):
        if not counts:
            continue
        score = sum(c.weight * min(n, taxonomy.max_hits_per_cue) for c, n in counts.items())
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0].weight, kv[0].text))
        out.append(
            ThemeScore(
                theme=theme.id,
                label=theme.label,
                score=round(score, 4),
                hits=sum(counts.values()),
                evidence="; ".join(c.text for c, _ in ranked),
            )
        )
    out.sort(key=lambda s: (-s.score, s.theme))
    return out


def tag_themes(
    doc: Doc, taxonomy: Taxonomy, threshold: float | None = None, *, tokens: TokenTable | None = None
) -> list[ThemeScore]:
    """The themes assigned to `doc` (score >= threshold, default the taxonomy's), by score then id;
    `tokens` as for score_themes."""
    limit = taxonomy.threshold if threshold is None else threshold
    return [s for s in score_themes(doc, taxonomy, tokens=tokens) if s.score >= limit]


def theme_matrix(themes: pd.DataFrame, doc_ids: list[str], taxonomy: Taxonomy) -> pd.DataFrame:
    """Document x theme scores for spreadsheets: one row per doc_id (in the given order), one column per
    theme id of the taxonomy (in taxonomy order), 0.0 where the theme is not assigned."""
    ids = taxonomy.ids
    matrix = pd.DataFrame(0.0, index=pd.Index([str(d) for d in doc_ids], name="doc_id"), columns=ids)
    if themes is not None and len(themes):
        known = themes[themes["theme"].isin(ids) & themes["doc_id"].astype(str).isin(matrix.index)]
        for row in known.itertuples(index=False):
            matrix.at[str(row.doc_id), row.theme] = float(row.score)
    return matrix.reset_index()
