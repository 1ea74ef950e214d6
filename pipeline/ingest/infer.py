"""What a press release says about itself in its first lines: dateline, title; and safe file names.

These guesses name the corpus file and detect near-duplicates. They are never written into the
front matter: the analysis reads the same text and makes its own (better informed) guesses. The
dateline and title detectors live in pipeline/header.py, with the other readers of a release's first
lines; they are re-exported here for the code that imports them from ingest.
"""

from __future__ import annotations

import re

from ..french import fold
from ..header import (
    HEAD_LINES,
    MAX_TITLE_CHARS,
    clean_title,
    find_dateline,
    first_words,
    infer_title,
    usable_title,
)

__all__ = [
    "HEAD_LINES",
    "MAX_TITLE_CHARS",
    "SLUG_CHARS",
    "clean_title",
    "find_dateline",
    "first_words",
    "infer_title",
    "slugify",
    "title_key",
    "usable_title",
]

SLUG_CHARS = 60


def slugify(text: str, max_chars: int = SLUG_CHARS) -> str:
    """An ASCII file-name fragment: lowercase letters, digits and single hyphens, bounded length."""
    text = text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae").replace("ß", "ss")
    # fold: é -> e; lower() again because a decomposition may yield a capital ("ᴬ" -> "A")
    ascii_text = "".join(c if c.isascii() else "-" for c in fold(text))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_chars:
        cut = slug[: max_chars + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_chars]
    return slug.strip("-")


def title_key(title: str) -> str:
    """Titles compare equal whatever their case, spacing, accents or final punctuation."""
    return slugify(title, max_chars=10_000)
