"""Themes on two levels: level-1 subjects (the IPTC Media Topics top level by default) and finer level-2
themes, each assigned when its evidence reaches the taxonomy's threshold. See docs/themes.md.

`taxonomy` reads and checks the TOML file, `matching` finds the cue terms in a document, `vectors` adds
word-vector evidence derived from the taxonomy's own text, `tagging` scores and decides both levels,
`focus` keeps the level-2 themes a document is about.
"""

from __future__ import annotations

from .matching import FUNCTION_WORDS, Cue, normalize_word
from .tagging import ThemeScore, score_themes, tag_themes, theme_matrix
from .taxonomy import DEFAULT_TAXONOMY, Taxonomy, TaxonomyError, Theme, load_taxonomy

__all__ = [
    "Cue",
    "Theme",
    "Taxonomy",
    "ThemeScore",
    "TaxonomyError",
    "DEFAULT_TAXONOMY",
    "FUNCTION_WORDS",
    "load_taxonomy",
    "score_themes",
    "tag_themes",
    "theme_matrix",
    "normalize_word",
]
