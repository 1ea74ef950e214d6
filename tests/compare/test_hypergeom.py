"""Lafon's score against an exact rational computation, sign convention included."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from pipeline.compare.hypergeom import log_factorial, specificity
from tests.compare.oracle import exact_score


def test_agrees_with_exact_tails_on_random_small_cases() -> None:
    rng = random.Random(7)
    cases = []
    for _ in range(600):
        T = rng.randint(1, 300)
        F, t = rng.randint(1, T), rng.randint(1, T)
        cases.append((rng.randint(max(0, t - (T - F)), min(F, t)), F, t, T))
    f, F, t, T = (np.array(c) for c in zip(*cases, strict=True))
    scores = specificity(f, F, t, T)
    for case, score in zip(cases, scores, strict=True):
        assert score == pytest.approx(exact_score(*case), abs=1e-6), case


def test_sign_convention() -> None:
    # 12 of the corpus's 15 occurrences in a part holding a fifth of it: over-represented
    assert specificity(12, 15, 200, 1000) > 5
    # absent from a part holding half the corpus: under-represented, log10 P(X = 0)
    absent = float(specificity(0, 15, 500, 1000))
    assert absent < 0
    assert absent == pytest.approx(exact_score(0, 15, 500, 1000), abs=1e-9)
    # exactly the expected frequency counts as over-represented (f >= F t / T): P(X >= f) <= 1
    assert specificity(3, 15, 200, 1000) >= 0


def test_whole_law_scores_zero() -> None:
    # an item in every draw of a part that is the whole corpus: P(X >= f) = 1
    assert specificity(4, 4, 10, 10) == 0.0
    assert not np.signbit(specificity(4, 4, 10, 10))


def test_large_corpora_keep_precision() -> None:
    # a frequent item in an archive of millions of tokens: both tails, against log-gamma sums
    F, t, T = 40_000, 2_500_000, 10_000_000
    mean = F * t // T
    for f in (mean - 400, mean - 1, mean, mean + 1, mean + 400):
        score = float(specificity(f, F, t, T))
        assert math.isfinite(score)
        assert (score >= 0) == (f * T >= F * t)
    assert float(specificity(mean + 400, F, t, T)) > float(specificity(mean + 1, F, t, T))


def test_log_factorial_matches_lgamma() -> None:
    n = np.array([0, 1, 5, 1023, 1024, 1025, 10**5, 10**7])
    expected = np.array([math.lgamma(x + 1) for x in n])
    assert np.allclose(log_factorial(n), expected, rtol=1e-14, atol=1e-9)


def test_refuses_impossible_frequencies() -> None:
    with pytest.raises(ValueError):
        specificity(5, 3, 10, 100)  # more in the part than in the corpus


def test_repeated_tuples_are_computed_once_with_the_same_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.compare.hypergeom as module

    rng = np.random.default_rng(3)
    T = 5_000
    F = rng.integers(1, 40, 30_000)
    t = rng.choice([400, 1_250, 3_000], 30_000)
    f = np.minimum(rng.binomial(F, t / T), np.minimum(F, t))
    distinct = module.specificity(f, F, t, T)  # 30,000 tuples, a few hundred distinct
    monkeypatch.setattr(module, "_DISTINCT_FROM", 10**9)
    assert np.array_equal(distinct, module.specificity(f, F, t, T))
    for i in range(0, 30_000, 3_001):
        assert distinct[i] == pytest.approx(exact_score(int(f[i]), int(F[i]), int(t[i]), T), abs=1e-6)
