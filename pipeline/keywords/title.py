"""The title line, where news and press releases state their topic (the in_title feature): the header
module's title_span, with the keyword vocabulary's header words -- a line of only generic nouns and
short words ("Communiqué de presse") heads the release but is not its title."""

from __future__ import annotations

from .. import header
from .vocabulary import HEADER_WORDS


def title_span(text: str, max_lines: int = 3) -> tuple[int, int] | None:
    """(start, end) of the title line of `text`, None when it opens with body prose (header.title_span)."""
    return header.title_span(text, max_lines, header_words=HEADER_WORDS)
