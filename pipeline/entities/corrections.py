"""An analyst's own corrections (`--entities FILE`), applied after every rule: for a surface form, its
label, its canonical name, or "never an entity". The file has the gazetteer's format (TOML, one
[[entity]] table per body, docs/gazetteer.md) with two differences: `label` may also be "NONE" (the
names are never entities) and `source` is optional (the analyst is the source).

    [[entity]]
    canonical = "Régie des transports de Valbourg"
    label = "ORG"
    aliases = ["RTV", "la Régie"]

    [[entity]]
    canonical = "Contact presse"
    label = "NONE"
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.canonical import LABELS, clean_surface, entity_tables, is_acronym, normalize_key

NEVER = "NONE"


@dataclass(frozen=True)
class Correction:
    label: str  # PER, ORG, LOC, MISC, or NONE: never an entity
    canonical: str


@dataclass(frozen=True)
class Corrections:
    """Surface form -> correction; `version` (a hash of the file) is part of the cache key."""

    by_name: dict[str, Correction]
    version: str

    def get(self, text: str) -> Correction | None:
        text = clean_surface(text)
        return self.by_name.get(text) or self.by_name.get(normalize_key(text))


def _fail(path: Path | None, message: str) -> ValueError:
    return ValueError(f"{path or '<entities>'}: {message}")


def parse_corrections(data: bytes, path: Path | None = None) -> Corrections:
    """Validate the TOML content; every problem is a one-line ValueError naming the file."""
    raw = entity_tables(data, path, "entities")
    by_name: dict[str, Correction] = {}
    for n, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            raise _fail(path, f"entry {n} is not a table")
        unknown = set(item) - {"canonical", "label", "aliases", "source"}
        if unknown:
            raise _fail(path, f"entry {n}: unknown key(s) {sorted(unknown)}")
        canonical, label, aliases = item.get("canonical"), item.get("label"), item.get("aliases", [])
        if not isinstance(canonical, str) or not canonical.strip():
            raise _fail(path, f"entry {n}: 'canonical' must be a non-empty string")
        if label not in (*LABELS, NEVER):
            raise _fail(
                path, f"entry {n} ({canonical}): 'label' must be one of {', '.join(LABELS)} or {NEVER}"
            )
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise _fail(path, f"entry {n} ({canonical}): 'aliases' must be a list of non-empty strings")
        correction = Correction(label, clean_surface(canonical))
        for name in (canonical, *aliases):
            name = clean_surface(name)
            key = name if is_acronym(name) else normalize_key(name)
            if key in by_name and by_name[key] != correction:
                raise _fail(path, f"entry {n} ({canonical}): {name!r} is corrected twice")
            by_name[key] = correction
    return Corrections(by_name, hashlib.sha256(data).hexdigest()[:16])


def load_corrections(path: Path | None) -> Corrections | None:
    """The analyst's file at `path` (None: no corrections); a bad file raises ValueError."""
    if path is None:
        return None
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(path, f"cannot be read ({exc.strerror})") from None
    return parse_corrections(data, path)
