"""Where the quotations are: pairing of quotation marks, before any attribution.

French press releases write « » (sometimes “ ”) and, after ftfy uncurls them, straight quotes; a
quotation may run over several paragraphs, each reopening « without closing the previous one, so
marks cannot simply be paired in order.
"""

from __future__ import annotations

import re

from .words import GUILLEMET_OR_LINE_END


def find_quoted_spans(text: str) -> list[tuple[int, int]]:
    """(open mark index, close mark index) of every balanced quotation, outermost only.

    « » may nest and may span paragraphs in the French way (a new paragraph reopens « without
    the previous one closing). A quotation still open at a paragraph that does not reopen it is
    dropped. Straight quotes pair up within a paragraph, outside « » quotations.
    """
    spans: list[tuple[int, int]] = []
    spans += _pair_guillemets(text)
    inside = [(a, b) for a, b in spans]
    for a, b in _pair_straight(text):
        if not any(x <= a <= y for x, y in inside):
            spans.append((a, b))
    return sorted(spans)


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
            j = i
            while j < n and text[j].isspace():
                j += 1
            blank = text.count("\n", i, j) > 1
            if j < n and text[j] in "«“":
                skip = j + 1  # a reopening mark: the same quotation goes on
                continue
            line_end = text[max(opened, text.rfind("\n", 0, i)) : i].rstrip()
            if blank or not line_end or line_end[-1] in ".!?:;»”":
                depth, opened = 0, -1  # never closed: not a quotation
    return out


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
