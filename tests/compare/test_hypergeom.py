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


def test_banal_tuples_are_left_out_only_when_their_score_is() -> None:
    # rows kept only for |score| >= 2: a tuple whose P(X = f) already exceeds 1 % is NaN
    rng = np.random.default_rng(11)
    T = 900
    F = rng.integers(1, 60, 20_000)
    t = rng.choice([90, 300, 450], 20_000)
    f = np.minimum(rng.binomial(F, np.minimum(1, 2.5 * t / T)), np.minimum(F, t))
    full = specificity(f, F, t, T)
    screened = specificity(f, F, t, T, banal=2.0)
    skipped = np.isnan(screened)
    assert skipped.any() and (~skipped).any()
    assert np.all(np.abs(full[skipped]) < 2)
    assert np.array_equal(screened[~skipped], full[~skipped])
    for i in np.flatnonzero(~skipped)[:40]:
        assert screened[i] == pytest.approx(exact_score(int(f[i]), int(F[i]), int(t[i]), T), abs=1e-6)


def test_tuples_too_wide_to_pack_are_grouped_all_the_same() -> None:
    # corpus sizes spread over many orders of magnitude: no single 62-bit key, same scores
    rng = np.random.default_rng(5)
    T = rng.choice([10**3, 10**7, 10**11, 10**15], 12_000)
    F = np.minimum(rng.integers(1, 50, 12_000), T)
    t = T // 4
    f = np.minimum(rng.binomial(F, 0.25), F)
    scores = specificity(f, F, t, T)
    for i in range(0, 12_000, 1_500):
        assert scores[i] == float(specificity(f[i], F[i], t[i], T[i]))
