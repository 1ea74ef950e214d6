"""What besides a document's text changes what the per-document pass returns: taxonomy, gazetteer,
thresholds, and the code and data of the package. `Settings.fingerprint` keys the cache."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import __version__
from .canonical import Gazetteer, load_gazetteer
from .entities.corrections import Corrections, load_corrections
from .language import detector_version
from .places import places_version
from .themes import Taxonomy, load_taxonomy


@dataclass(frozen=True)
class Settings:
    """Everything besides the text that changes what the per-document pass returns."""

    taxonomy: Taxonomy
    gazetteer: Gazetteer
    theme_threshold: float | None = None
    corrections: Corrections | None = None  # the analyst's --entities FILE

    @classmethod
    def load(
        cls,
        taxonomy_path: Path | None = None,
        gazetteer_path: Path | None = None,
        theme_threshold: float | None = None,
        entities_path: Path | None = None,
    ) -> Settings:
        return cls(
            load_taxonomy(taxonomy_path),
            load_gazetteer(gazetteer_path),
            theme_threshold,
            load_corrections(entities_path),
        )

    def fingerprint(self, model: str) -> str:
        parts = [
            __version__,
            code_version(),
            model,
            self.taxonomy.version,
            self.gazetteer.version,
            places_version(),
            detector_version(),
            repr(self.theme_threshold),
            self.corrections.version if self.corrections is not None else "-",
        ]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's code and data: any change to an extractor invalidates cached rows."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".json", ".txt", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
