"""Scores and decisions on both levels, and the document x theme matrix.

Level 2 (finer themes): score = sum over cues of weight x min(occurrences, max_hits_per_cue), weight 2
for `strong` cues and 1 for `cues`; assigned when score >= threshold and the theme is one of what the
document is about (focus.py: not a passing mention, not a sibling's words under another name).

Level 1 (subjects): the subject's own cues, plus word-vector votes (vectors.py), plus a share of its
level-2 children's scores. Assigned when the total reaches `subject_threshold` and the subject has
evidence of its own (a level-2 theme alone never makes its parent a subject); at most `max_subjects`,
strongest first. The strongest is always kept; the others only when discussed in substance
(_in_substance: spread over the release, not raised by one passage). A French document of at least
MIN_WORDS words gets at least one subject: when none passes, the strongest is kept with `weak` = True.
"""

from __future__ import annotations

from bisect import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pandas as pd
from spacy.tokens import Doc

from ..token_table import TokenTable, token_table
from .focus import Evidence, focused
from .matching import Cue, boilerplate_tokens, doc_words, match_cues, token_lemmas
from .taxonomy import STRONG_WEIGHT, Taxonomy
from .vectors import content_lemmas, nearest_subject, subject_vectors, vector_votes

CHILD_SHARE = 0.5  # share of a level-2 child's score that counts for its parent (at most threshold / 2)
VECTOR_WEIGHT = 0.5  # score of one word-vector vote (a plain cue scores 1)
MIN_WORDS = 50  # documents this long always get a subject
MIN_SHARE = 0.25  # a subject scoring under this share of the strongest one is not kept
# A secondary subject is discussed in substance when its cue matches (its own or its children's) sit in
# MIN_SENTENCES sentences or in the lead, and it either weighs SECONDARY_SHARE of the strongest subject
# or is spoken of in SPREAD_CUES distinct cues of its own over SPREAD_SENTENCES sentences, and at least
# SPREAD_PART of the release's sentences (a long release's one paragraph is not its substance).
SECONDARY_SHARE = 0.4
MIN_SENTENCES = 2
SPREAD_CUES = 4
SPREAD_SENTENCES = 3
SPREAD_PART = 0.1
# A secondary subject needs at least one `strong` cue of its own or its children's that is not one of
# their `actors`: ordinary words that many fields share ("décision", "mesures", "accord") spread over a
# release are not its substance, nor the minister or prefect who acts in a release about something else.
LEAD_WORDS = 6  # the lead: the first sentence of this many words (a heading or dateline is shorter)


_NO_VOTES: Counter[str] = Counter()  # read only


@dataclass(frozen=True)
class ThemeScore:
    theme: str
    label: str
    score: float
    hits: int
    evidence: str  # distinct cue terms found, "; "-joined, most frequent first
    level: int = 2
    parent: str = ""
    weak: bool = False  # a level-1 subject kept although no subject reached the threshold


_CHILDREN: dict[str, dict[str, tuple[str, ...]]] = {}


@dataclass(frozen=True)
class Support:
    """Where a subject's cue evidence sits: how spread over the release it is."""

    cues: int  # distinct cues of the subject's own that matched
    strong: int  # distinct `strong` cues (unambiguous) of its own or its children's, actors aside
    sentences: frozenset[int]  # sentences holding a match of its cues or of its level-2 children's


def _children(taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    """Level-1 id -> the ids of its level-2 children (once per taxonomy)."""
    key = f"{taxonomy.version}:{taxonomy.source}"
    if key not in _CHILDREN:
        _CHILDREN[key] = {s.id: tuple(c.id for c in taxonomy.children(s.id)) for s in taxonomy.subjects}
    return _CHILDREN[key]


_INDEX: dict[str, dict[str, int]] = {}


def _theme_index(taxonomy: Taxonomy) -> dict[str, int]:
    """Theme id -> its position in taxonomy.themes (once per taxonomy)."""
    key = f"{taxonomy.version}:{taxonomy.source}"
    if key not in _INDEX:
        _INDEX[key] = {theme.id: k for k, theme in enumerate(taxonomy.themes)}
    return _INDEX[key]


def _cue_score(counts: Counter[Cue], cap: int) -> float:
    return sum(c.weight * min(n, cap) for c, n in counts.items())


def _evidence(counts: Counter[Cue]) -> list[str]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0].weight, kv[0].text))
    return [c.text for c, _ in ranked]


def score_themes(doc: Doc, taxonomy: Taxonomy, *, tokens: TokenTable | None = None) -> list[ThemeScore]:
    """Every theme with some evidence, assigned or not (for inspection and threshold tuning), by score
    then id. `tokens`: the document's TokenTable when the caller has built it already."""
    return _scores(doc, taxonomy, tokens)[0]


def _scores(
    doc: Doc, taxonomy: Taxonomy, tokens: TokenTable | None, explain_from: float = 0.0
) -> tuple[list[ThemeScore], dict[str, float], dict[str, Evidence], Callable[[str], Support | None]]:
    """score_themes, each subject's own evidence (its score without its children's share), each
    level-2 theme's evidence (cues and passages) for the focus rules, and a subject's Support (asked
    for the few subjects that pass only).
    Level-2 themes scoring under `explain_from` (tag_themes: the threshold) get neither evidence text
    nor Evidence: never shown."""
    if tokens is None:
        tokens = token_table(doc)
    lemmas = token_lemmas(doc)
    hidden = boilerplate_tokens(tokens)
    ends: list[int] = []
    words = doc_words(doc, tokens, lemmas, hidden, ends)
    counts, passages, positions = match_cues(words, taxonomy)
    cap = taxonomy.max_hits_per_cue
    out: dict[str, ThemeScore] = {}
    details: dict[str, Evidence] = {}
    for theme, found, where in zip(taxonomy.themes, counts, passages, strict=True):
        if found and theme.level == 2:
            score = _cue_score(found, cap)
            explained = score >= explain_from
            evidence = "; ".join(_evidence(found)) if explained else ""
            out[theme.id] = ThemeScore(
                theme.id, theme.label, round(score, 4), sum(found.values()), evidence, 2, theme.parent
            )
            if explained:
                details[theme.id] = Evidence(found, frozenset(where), cap)
    own: dict[str, float] = {}
    support: Callable[[str], Support | None] = _no_support
    if taxonomy.subjects:
        if hidden:  # boilerplate words do not vote either
            lemmas = lemmas.copy()
            for a, b in hidden:
                lemmas[a:b] = [""] * (b - a)
        content = content_lemmas(tokens, lemmas)
        out.update(_subject_scores(doc, taxonomy, counts, content, out, own))
        sentence_of = tokens.sentence_of
        support = partial(_support, taxonomy, counts, positions, lambda w: sentence_of[bisect(ends, w)])
    return sorted(out.values(), key=lambda s: (-s.score, s.theme)), own, details, support


def _support(
    taxonomy: Taxonomy,
    counts: list[Counter[Cue]],
    positions: list[list[int]],
    sentence: Callable[[int], int],
    subject: str,
) -> Support | None:
    """A subject's Support, from the word positions of its matches and its children's."""
    index = _theme_index(taxonomy)
    at = positions[index[subject]] + [w for c in _children(taxonomy)[subject] for w in positions[index[c]]]
    if not at:
        return None
    own = counts[index[subject]]
    ids = (subject, *_children(taxonomy)[subject])
    strong = len(
        {
            cue.text
            for k in ids
            for cue in counts[index[k]]
            if cue.weight >= STRONG_WEIGHT and cue.text not in taxonomy.themes[index[k]].actors
        }
    )
    return Support(len(own), strong, frozenset(map(sentence, at)))


def _no_support(subject: str) -> Support | None:
    return None


def _lead(tokens: TokenTable) -> int:
    """The lead's sentence: the first of LEAD_WORDS words or more (-1 in a text without one)."""
    alpha = tokens.alpha
    return next((k for k, (a, b) in enumerate(tokens.sentences) if sum(alpha[a:b]) >= LEAD_WORDS), -1)


def _in_substance(
    subject: ThemeScore, best: float, support: Support | None, lead: int, n_sentences: int
) -> bool:
    """Whether a secondary subject is discussed in substance, not raised by one passage: see the
    constants SECONDARY_SHARE to SPREAD_PART."""
    if support is None or support.strong == 0 or subject.score < MIN_SHARE * best:
        return False
    sentences = support.sentences
    if len(sentences) < MIN_SENTENCES and lead not in sentences:
        return False
    if subject.score >= SECONDARY_SHARE * best:
        return True
    spread = max(SPREAD_SENTENCES, SPREAD_PART * n_sentences)
    return support.cues >= SPREAD_CUES and len(sentences) >= spread


def _subject_scores(
    doc: Doc,
    taxonomy: Taxonomy,
    counts: list[Counter[Cue]],
    words: Counter[str],
    level2: dict[str, ThemeScore],
    own_scores: dict[str, float],
) -> dict[str, ThemeScore]:
    cap = taxonomy.max_hits_per_cue
    vectors = subject_vectors(taxonomy, doc.vocab)
    votes = vector_votes(words, vectors, doc.vocab) if vectors is not None else {}
    children_of = _children(taxonomy)
    out = {}
    for theme, found in zip(taxonomy.themes, counts, strict=True):
        if theme.level != 1:
            continue
        voted = votes.get(theme.id, _NO_VOTES)
        own = _cue_score(found, cap) + VECTOR_WEIGHT * sum(min(n, cap) for n in voted.values())
        children = [level2[c] for c in children_of.get(theme.id, ()) if c in level2]
        # Capped at half the threshold: children alone never carry a subject, and the several children
        # that share their parent's vocabulary ("ministre" in politics and vie_politique) do not count
        # the same words over and over.
        from_children = min(CHILD_SHARE * sum(c.score for c in children), taxonomy.subject_threshold / 2)
        total = own + from_children
        if total <= 0:
            continue
        evidence = (
            _evidence(found) + [f"[{c.theme}]" for c in children] + [f"~{w}" for w, _ in voted.most_common(5)]
        )
        hits = sum(found.values()) + sum(voted.values())
        out[theme.id] = ThemeScore(theme.id, theme.label, round(total, 4), hits, "; ".join(evidence), 1)
        own_scores[theme.id] = own
    return out


def tag_themes(
    doc: Doc, taxonomy: Taxonomy, threshold: float | None = None, *, tokens: TokenTable | None = None
) -> list[ThemeScore]:
    """The themes assigned to `doc`: level-1 subjects (1 to max_subjects for a document of MIN_WORDS
    words or more) then level-2 themes, each by score then id. `threshold` overrides both levels'
    thresholds; `tokens` as for score_themes."""
    if tokens is None:
        tokens = token_table(doc)
    limit = taxonomy.threshold if threshold is None else threshold
    scores, own, details, support = _scores(doc, taxonomy, tokens, limit)
    subject_limit = taxonomy.subject_threshold if threshold is None else threshold
    passed = [s for s in scores if s.level == 2 and s.score >= limit]
    kept_ids = focused([(s.theme, s.score) for s in passed], details)
    level2 = [s for s in passed if s.theme in kept_ids]
    subjects = [s for s in scores if s.level == 1]
    kept = [s for s in subjects if s.score >= subject_limit and own[s.theme] > 0]
    if kept:
        best, lead, n = kept[0].score, _lead(tokens), len(tokens.sentences)
        kept = [kept[0], *(s for s in kept[1:] if _in_substance(s, best, support(s.theme), lead, n))]
        kept = kept[: taxonomy.max_subjects]
    elif taxonomy.subjects and sum(tokens.alpha) >= MIN_WORDS:
        kept = _weakest_guess(doc, taxonomy, subjects)
    return kept + level2


def _weakest_guess(doc: Doc, taxonomy: Taxonomy, subjects: list[ThemeScore]) -> list[ThemeScore]:
    """The strongest subject, flagged weak; with no evidence at all, the subject nearest the document's
    words in the model's vector space."""
    if subjects:
        best = subjects[0]
        return [ThemeScore(best.theme, best.label, best.score, best.hits, best.evidence, 1, weak=True)]
    vectors = subject_vectors(taxonomy, doc.vocab)
    words = content_lemmas(token_table(doc), token_lemmas(doc))
    nearest = nearest_subject(words, vectors, doc.vocab) if vectors is not None else None
    if nearest is None:
        return []
    theme = taxonomy.theme(nearest[0])
    return [ThemeScore(theme.id, theme.label, 0.0, 0, f"~ {round(nearest[1], 3)}", 1, weak=True)]


def theme_matrix(themes: pd.DataFrame, doc_ids: list[str], taxonomy: Taxonomy) -> pd.DataFrame:
    """Document x theme scores for spreadsheets: one row per doc_id (in the given order), one column per
    theme id of the taxonomy (level-1 subjects first, then level-2 themes, each in taxonomy order), 0.0
    where the theme is not assigned."""
    ids = taxonomy.ids
    matrix = pd.DataFrame(0.0, index=pd.Index([str(d) for d in doc_ids], name="doc_id"), columns=ids)
    if themes is not None and len(themes):
        known = themes[themes["theme"].isin(ids) & themes["doc_id"].astype(str).isin(matrix.index)]
        for row in known.itertuples(index=False):
            matrix.at[str(row.doc_id), row.theme] = float(row.score)
    return matrix.reset_index()
