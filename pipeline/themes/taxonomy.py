"""The taxonomy: two levels of themes read from a TOML file (pipeline/data/taxonomy.toml or a user's).

Level 1 is a small set of broad subjects (by default the 17 IPTC Media Topics top-level subjects, keyed
by their qcode, "medtop:11000000"); level 2 are finer themes with project ids (slugs), each naming one
level-1 parent for browsing. A user's file may have one level only: themes without a parent and with a
slug id are level 2 (the flat taxonomies of earlier versions keep their meaning). See docs/themes.md.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .matching import Cue, cue_words, is_capitals

DEFAULT_TAXONOMY = Path(__file__).resolve().parents[1] / "data" / "taxonomy.toml"
STRONG_WEIGHT = 2.0
CUE_WEIGHT = 1.0
_SLUG = re.compile(r"[a-z][a-z0-9_]*")
_QCODE = re.compile(r"[a-z][a-z0-9]*:[a-z0-9]+")
_TOP_KEYS = {
    "threshold",
    "subject_threshold",
    "max_subjects",
    "max_hits_per_cue",
    "extends",
    "themes",
    "description",
    "neutral",
}
_THEME_KEYS = {"label", "cues", "strong", "description", "level", "parent", "actors"}


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used; the message names the file and what is wrong, on one line."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    cues: tuple[Cue, ...]
    level: int = 2  # 1: a broad subject (IPTC top level by default); 2: a finer theme
    parent: str = ""  # the level-1 id of a level-2 theme ("" at level 1 or in a one-level taxonomy)
    description: str = ""  # what the theme covers, in French: also read for its word vector
    # Cues (texts of its strong or plain cues) that name who acts, not what is discussed ("ministre",
    # "préfet"): they score, but they are not the unambiguous evidence a secondary subject needs.
    actors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    threshold: float  # score a level-2 theme needs
    max_hits_per_cue: int
    version: str  # hash of the file content(s): part of the cache key
    source: str  # the file it was read from
    subject_threshold: float = 4.0  # score a level-1 subject needs (without the `weak` flag)
    max_subjects: int = 3  # level-1 subjects kept per document at most
    # Phrases that speak for no theme and hide the cues inside them ("président de l'association" is not
    # politics, "environnement économique" not the environment): matched, never counted.
    neutral: tuple[Cue, ...] = ()

    @property
    def ids(self) -> list[str]:
        """Theme ids, level 1 first, each level in file order (the columns of doc_theme_matrix)."""
        return [t.id for t in self.subjects] + [t.id for t in self.themes if t.level == 2]

    @property
    def subjects(self) -> tuple[Theme, ...]:
        """The level-1 themes."""
        return tuple(t for t in self.themes if t.level == 1)

    def theme(self, theme_id: str) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(theme_id)

    def children(self, parent: str) -> tuple[Theme, ...]:
        return tuple(t for t in self.themes if t.parent == parent)


def load_taxonomy(path: Path | str | None = None) -> Taxonomy:
    """Read and check a taxonomy file (default: the packaged pipeline/data/taxonomy.toml).

    A file with `extends = "default"` adds its themes to the default ones, on either level (a theme with
    the same id replaces the default one); its thresholds and limits, when given, win.
    """
    path = Path(path) if path is not None else DEFAULT_TAXONOMY
    data, raw = _read(path)
    contents = [raw]
    themes: dict[str, Theme] = {}
    settings: dict[str, Any] = {"threshold": 4.0, "max_hits_per_cue": 3, "max_subjects": 3}
    extends = data.get("extends")
    if extends is not None:
        if extends != "default":
            raise TaxonomyError(f'{path}: extends must be "default", not {extends!r}')
        base = load_taxonomy(DEFAULT_TAXONOMY)
        themes = {t.id: t for t in base.themes}
        settings = {
            "threshold": base.threshold,
            "subject_threshold": base.subject_threshold,
            "max_hits_per_cue": base.max_hits_per_cue,
            "max_subjects": base.max_subjects,
        }
        contents.insert(0, base.version.encode())
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise TaxonomyError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))}")
    for key in ("threshold", "subject_threshold"):
        if key in data:
            settings[key] = _positive(path, key, data[key])
    for key in ("max_hits_per_cue", "max_subjects"):
        if key in data:
            value = data[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise TaxonomyError(f"{path}: {key} must be a whole number >= 1, not {value!r}")
            settings[key] = value
    table = data.get("themes")
    if not isinstance(table, dict) or (not table and not themes):
        raise TaxonomyError(f"{path}: no [themes.<id>] table: a taxonomy needs at least one theme")
    for theme_id, spec in table.items():
        themes[theme_id] = _theme(path, theme_id, spec)
    _check_parents(path, themes)
    neutral = dict.fromkeys(base.neutral) if extends is not None else {}
    neutral.update(dict.fromkeys(_neutral(path, data.get("neutral", []))))
    version = hashlib.sha256(b"\0".join(contents)).hexdigest()[:16]
    return Taxonomy(
        themes=tuple(themes.values()),
        threshold=float(settings["threshold"]),
        max_hits_per_cue=int(settings["max_hits_per_cue"]),
        version=version,
        source=str(path),
        subject_threshold=float(settings.get("subject_threshold", settings["threshold"])),
        max_subjects=int(settings["max_subjects"]),
        neutral=tuple(neutral),
    )


def _neutral(path: Path, values: Any) -> list[Cue]:
    """The `neutral` phrases: at least two content words each (a phrase hides the cues inside it)."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise TaxonomyError(f"{path}: neutral must be a list of strings")
    out = []
    for text in values:
        words = cue_words(text)
        if len(words) < 2:
            raise TaxonomyError(f"{path}: neutral phrase {text!r} needs at least two content words")
        out.append(Cue(text=text.strip(), words=words, weight=0.0, exact_case=False))
    return out


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
    if not (_SLUG.fullmatch(theme_id) or _QCODE.fullmatch(theme_id)):
        raise TaxonomyError(
            f"{where}: ids are lower-case letters, digits and _ (like donnees_vie_privee), or a qcode "
            '(like "medtop:11000000", quoted in the TOML key)'
        )
    if not isinstance(spec, dict):
        raise TaxonomyError(f"{where}: must be a table with label, cues and strong")
    unknown = set(spec) - _THEME_KEYS
    if unknown:
        raise TaxonomyError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    label = spec.get("label")
    if not isinstance(label, str) or not label.strip():
        raise TaxonomyError(f"{where}: needs a non-empty label")
    parent = spec.get("parent", "")
    if not isinstance(parent, str):
        raise TaxonomyError(f"{where}: parent must be the id of a level-1 theme")
    default_level = 2 if parent or not _QCODE.fullmatch(theme_id) else 1
    level = spec.get("level", default_level)
    if level not in (1, 2) or isinstance(level, bool):
        raise TaxonomyError(f"{where}: level must be 1 or 2, not {level!r}")
    if level == 1 and parent:
        raise TaxonomyError(f"{where}: a level-1 theme has no parent")
    description = spec.get("description", "")
    if not isinstance(description, str):
        raise TaxonomyError(f"{where}: description must be a string")
    cues: list[Cue] = []
    seen: set[tuple[tuple[str, ...], bool]] = set()
    for key, weight in (("strong", STRONG_WEIGHT), ("cues", CUE_WEIGHT)):
        values = spec.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise TaxonomyError(f"{where}: {key} must be a list of strings")
        for text in values:
            words = cue_words(text)
            if not words:
                raise TaxonomyError(f"{where}: cue {text!r} has no content word")
            exact = is_capitals(text)
            if (words, exact) in seen:
                continue
            seen.add((words, exact))
            cues.append(Cue(text=text.strip(), words=words, weight=weight, exact_case=exact))
    if not cues:
        raise TaxonomyError(f"{where}: needs at least one cue (cues = [...] or strong = [...])")
    actors = spec.get("actors", [])
    if not isinstance(actors, list) or not all(isinstance(v, str) for v in actors):
        raise TaxonomyError(f"{where}: actors must be a list of strings")
    named = frozenset(a.strip() for a in actors)
    if stray := sorted(named - {c.text for c in cues}):
        raise TaxonomyError(f"{where}: actors must be cues of the theme, not {', '.join(stray)}")
    description = " ".join(description.split())
    return Theme(theme_id, label.strip(), tuple(cues), level, parent, description, named)


def _check_parents(path: Path, themes: dict[str, Theme]) -> None:
    for theme in themes.values():
        if not theme.parent:
            continue
        parent = themes.get(theme.parent)
        if parent is None or parent.level != 1:
            raise TaxonomyError(
                f"{path}: theme {theme.id!r}: parent {theme.parent!r} is not a level-1 theme of the taxonomy"
            )
