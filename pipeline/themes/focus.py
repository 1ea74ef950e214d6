"""Which level-2 themes a document is about, among those whose score passed the threshold.

A release about one subject names others in passing: a digital-policy release mentions "la sécurité" of
a summit, the mayor of the host city, the ministers who attended. Each of those can pass the threshold of
a general level-2 theme, so a passing theme is kept only when it is one of what the document is about:

- **Not a sibling's words under another name.** When two themes are credited by the same cue words
  (the same "sommet", "G7", "coopération" speak for `cooperation_internationale` and `diplomatie`), the
  words describe one thing: a theme is dropped when at least SHARED_PART of its score comes from cue
  words that another passing theme also matched, and that theme has more evidence of its own (cue words
  the dropped theme does not have). Two genuine themes each have words of their own, and both stay.
- **Not a passing mention.** A minor theme (scoring under MINOR_SHARE of the document's strongest
  level-2 theme) must be named in the first line (the title, or the lead of a release without one: what
  the release announces) or be spoken of in several of its own terms: at least MIN_CUES distinct cues,
  or two of which one is strong. One word repeated ("le maire" thanked twice) or two general words
  ("politique", "institutions") is a mention; a light theme with words of its own ("pandémie",
  "COVID-19", "sanitaire" in one paragraph) stays, wherever it sits: a paragraph given to a subject is
  part of what the release is about, so where the matches sit is not a criterion.

No cap on the number of themes: a release may genuinely cover many (a ministers' meeting with six
agenda items); the rules above judge each theme by its own evidence instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from .matching import Cue
from .taxonomy import STRONG_WEIGHT

SHARED_PART = 0.5  # share of a theme's score that, coming from another theme's words, makes it a duplicate
MINOR_SHARE = 1 / 3  # under this share of the strongest level-2 theme's score, a theme is minor
MIN_CUES = 3  # distinct cues a minor theme needs (2 when one of them is strong)


@dataclass(frozen=True)
class Evidence:
    """A level-2 theme's matches: its cues with their occurrences, and the passages they sit in."""

    cues: Counter[Cue]
    passages: frozenset[int]
    cap: int  # the taxonomy's max_hits_per_cue

    @cached_property
    def words(self) -> frozenset[tuple[str, ...]]:
        return frozenset(c.words for c in self.cues)

    def score_from(self, words: frozenset[tuple[str, ...]], inside: bool) -> float:
        """The part of the score from cues whose words are (`inside`) or are not in `words`."""
        return sum(c.weight * min(n, self.cap) for c, n in self.cues.items() if (c.words in words) == inside)


def focused(passed: list[tuple[str, float]], details: dict[str, Evidence]) -> set[str]:
    """The ids, among `passed` ((theme id, score), strongest first), the document is about."""
    kept = [(theme, score) for theme, score in passed if not _duplicate(theme, passed, details)]
    best = max((score for _, score in kept), default=0.0)
    return {theme for theme, score in kept if score >= MINOR_SHARE * best or _broad(details[theme])}


def _broad(evidence: Evidence) -> bool:
    """Named in the first line, or several cues of the theme's own: MIN_CUES distinct ones, or two with a
    strong one."""
    cues = evidence.cues
    if 0 in evidence.passages or len(cues) >= MIN_CUES:
        return True
    return len(cues) == 2 and any(c.weight >= STRONG_WEIGHT for c in cues)


def _duplicate(theme: str, passed: list[tuple[str, float]], details: dict[str, Evidence]) -> bool:
    mine = details[theme]
    for other, _ in passed:
        if other == theme:
            continue
        theirs = details[other]
        shared = mine.score_from(theirs.words, inside=True)
        if shared < SHARED_PART * mine.score_from(frozenset(), inside=False):
            continue
        own, their_own = mine.score_from(theirs.words, False), theirs.score_from(mine.words, False)
        if their_own > own or (their_own == own and _stronger(other, theme, passed)):
            return True
    return False


def _stronger(a: str, b: str, passed: list[tuple[str, float]]) -> bool:
    """a before b in `passed` (score, then id order)."""
    order = [t for t, _ in passed]
    return order.index(a) < order.index(b)
