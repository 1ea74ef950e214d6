"""OUT/manifest.json: which generation the outputs are, the schema version of their tables and the
options that made them, so that a reader (or a saved pivot) can tell what it is looking at."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..tables import SCHEMA_VERSION

if TYPE_CHECKING:
    from ..options import RunOptions


def run_manifest(options: RunOptions, fingerprint: str, rows: dict[str, int]) -> dict[str, Any]:
    """Everything of a run's manifest but the generation and file list (the output folder adds them)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": __version__,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "options": {
            "engine": options.engine,
            "formats": list(options.formats),
            "csv_flavor": options.csv_flavor,
            "top_k": options.top_k,
            "similar_k": options.similar_k,
            "themes": str(options.taxonomy_path) if options.taxonomy_path else None,
            "gazetteer": str(options.gazetteer_path) if options.gazetteer_path else None,
            "theme_threshold": options.theme_threshold,
        },
        "cache_fingerprint": fingerprint,  # the cache folder of these settings (`pipeline cache`)
        "rows": rows,
    }
