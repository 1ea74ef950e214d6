"""What every handler reads: the same-length views of the text, and the parsers of match groups.

Shared by the handler modules and the false-positive checks, so none of them imports another.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .model import Expr
from .patterns import DAY_WORDS
from .resolve import two_digit_year


@dataclass
class View:
    """The three same-length views of the text the handlers read."""

    text: str
    low: str
    fold: str
    published: dt.date | None

    def before(self, pos: int, n: int = 40) -> str:
        return self.fold[max(0, pos - n) : pos]

    def after(self, pos: int, n: int = 40) -> str:
        return self.fold[pos : pos + n]

    def prev_words(self, pos: int, k: int = 3) -> list[str]:
        return re.findall(r"[\w'°%€$£-]+|[%€$£]", self.before(pos, 60))[-k:]

    def prev_bare(self, pos: int) -> str:
        """The word before pos without its elided article ("l'article" -> "article")."""
        words = self.prev_words(pos, 1)
        if not words:
            return ""
        w = words[-1]
        return w.rsplit("'", 1)[-1] if "'" in w[:-1] else w

    def next_word(self, pos: int) -> str:
        m = re.match(r"\s*([\w'%€$£]+|[%€$£])", self.fold[pos : pos + 40])
        return m.group(1) if m else ""


MOD_WORDS = {
    "debut": "START", "fin": "END", "milieu": "MID", "mi": "MID", "vers": "APPROX", "aux alentours": "APPROX",
    "autour": "APPROX", "aux environs": "APPROX", "courant": None,
}  # fmt: skip


def parse_mod(raw: str | None) -> str | None:
    """START / END / MID / APPROX from the modifier words ("fin", "vers la fin de", "mi-")."""
    if not raw:
        return None
    words = raw.strip().replace("-", " ").split()
    words = [w for w in words if w not in ("la", "le")]
    if not words:
        return None
    if words[0] == "vers" and len(words) > 1:
        return MOD_WORDS.get(words[1])
    key = " ".join(words[:2]) if words[0] == "aux" else words[0]
    return MOD_WORDS.get(key)


def parse_day(raw: str) -> int:
    raw = raw.rstrip("°")
    if raw in ("1er", "1re", "1ere", "premier", "1"):
        return 1
    if not raw.isdigit():  # a day in words, in a range ("du quatre au 6 juin")
        return DAY_WORDS[re.sub(r"\s+", " ", raw)]
    return int(raw)


def parse_year(m: re.Match[str], y: str = "y", yy: str = "yy", published: dt.date | None = None):
    """(year, two_digit) from a match's year group(s)."""
    if m.groupdict().get(y):
        return int(m.group(y)), False
    if m.groupdict().get(yy):
        return two_digit_year(int(m.group(yy).lstrip("'")), published), True
    return None, False


Handler = Callable[[re.Match[str], View], list[Expr]]
