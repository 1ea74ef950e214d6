"""Safe file names for the corpus files `add` writes, and the title key near-duplicates are compared on.

The dateline and title detectors that name a file are in pipeline/header.py, with the other readers
of a release's first lines. Nothing here is written into the front matter: the analysis makes its own
(better informed) guesses from the same text.
"""

from __future__ import annotations

import re

from ..french import fold

__all__ = ["SLUG_CHARS", "slugify", "title_key"]

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
