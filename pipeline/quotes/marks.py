"""Where the quotations are: pairing of quotation marks, before any attribution.

French press releases write « » (sometimes “ ”) and, after ftfy uncurls them, straight quotes; a
quotation may run over several paragraphs, each reopening « without closing the previous one (or, in
the older convention, each starting with »), or close only paragraphs later; a markdown block quote
(`>` lines) is one quotation, with or without its own marks. So marks cannot simply be paired in order.
"""

from __future__ import annotations

import re

from .words import GUILLEMET_OR_LINE_END


def find_quoted_spans(text: str) -> list[tuple[int, int]]:
    """(open mark index, close mark index) of every balanced quotation, outermost only.

    « » may nest and may span paragraphs in the French way (a new paragraph reopens « without
    the previous one closing) or close a few paragraphs later. A quotation still open at a paragraph
    that neither reopens it nor leads to its closing mark is dropped. Straight quotes pair up within a
    paragraph, outside « » quotations. A block quote without marks of its own is a span from its first
    `>` to the end of its last line.
    """
    spans: list[tuple[int, int]] = []
    spans += _pair_guillemets(text)
    inside = [(a, b) for a, b in spans]
    for a, b in _pair_straight(text):
        if not any(x <= a <= y for x, y in inside):
            spans.append((a, b))
    for a, b in block_quotes(text):  # the block holds any quotation marks inside it
        spans = [(x, y) for x, y in spans if not a <= x <= b] + [(a, b)]
    return sorted(spans)


_BLOCK_LINE = re.compile(r"^[ \t]*>[^\n]*(?:\n[ \t]*>[^\n]*)*", re.MULTILINE)
_PARAGRAPHS_AHEAD = 3  # how far a quotation left open at a paragraph end may find its closing mark


def block_quotes(text: str) -> list[tuple[int, int]]:
    """(first `>`, end of the last line) of each markdown block quote that does not open on a
    quotation mark of its own (then the marks delimit it)."""
    out = []
    for m in _BLOCK_LINE.finditer(text):
        body = m.group()
        words = body.replace(">", " ").split()
        if len(words) < 2 or words[0].lstrip("*_")[:1] in '«“"':
            continue
        out.append((m.start() + body.index(">"), m.end()))
    return out


def _pair_guillemets(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    depth, opened, skip = 0, -1, 0
    n = len(text)
    for mark in GUILLEMET_OR_LINE_END.finditer(text):  # the only characters that count
        i = mark.start()
        if i < skip:
            continue
        ch = text[i]
        if ch in "«“":
            if depth == 0:
                depth, opened = 1, i
            else:
                depth += 1
        elif ch in "»”" and depth:
            depth -= 1
            if depth == 0:
                out.append((opened, i))
        elif ch == "\n" and depth:
            j, block = i, False
            while j < n and (text[j].isspace() or text[j] == ">"):
                block = block or text[j] == ">"
                j += 1
            blank = text.count("\n", i, j) > 1
            if j < n and text[j] in "«“":
                skip = j + 1  # a reopening mark: the same quotation goes on
                continue
            if j < n and text[j] in "»”" and _closes_later(text, j + 1):
                skip = j + 1  # the older convention: » opens each paragraph that goes on
                continue
            if block and _in_block(text, opened):
                continue  # the next line of the same block quote
            line_end = text[max(opened, text.rfind("\n", 0, i)) : i].rstrip()
            if (blank or not line_end or line_end[-1] in ".!?:;»”") and not _closes_later(text, i):
                depth, opened = 0, -1  # never closed: not a quotation
    return out


def _in_block(text: str, at: int) -> bool:
    """The line holding `at` is a block-quote line (`> ...`)."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return line.lstrip().startswith(">")


def _closes_later(text: str, i: int) -> bool:
    """The next mark after i closes a quotation, within a few paragraphs: a quotation left open at a
    paragraph end goes on to it."""
    for m in re.finditer("[«“»”]|\n[ \t]*\n", text[i:]):
        if m.group()[0] == "\n":
            continue
        gap = text.count("\n\n", i, i + m.start())
        return m.group() in "»”" and gap <= _PARAGRAPHS_AHEAD
    return False


def _pair_straight(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        marks = [offset + m.start() for m in re.finditer('"', para)]
        k = 0
        while k + 1 < len(marks):
            a, b = marks[k], marks[k + 1]
            before = text[a - 1] if a else " "
            after = text[b + 1] if b + 1 < len(text) else " "
            if (
                (before.isspace() or before in "([:'-—–")
                and not text[a + 1 : a + 2].isspace()
                and (after.isspace() or after in ".,;:!?)]-—–")
            ):
                out.append((a, b))
                k += 2
            else:
                k += 1
        offset += len(para) + 1
    return out
