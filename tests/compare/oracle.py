"""An exact specificity score from rationals (math.comb and Fraction): the tests' oracle."""

from __future__ import annotations

from fractions import Fraction
from math import comb, log10


def exact_score(f: int, F: int, t: int, T: int) -> float:
    """-log10 P(X >= f) when f >= F t / T, else log10 P(X <= f); X hypergeometric, computed exactly."""
    low, high = max(0, t - (T - F)), min(F, t)
    total = comb(T, t)

    def p(k: int) -> Fraction:
        return Fraction(comb(F, k) * comb(T - F, t - k), total)

    if f * T >= F * t:
        tail = sum((p(k) for k in range(f, high + 1)), Fraction(0))
        return 0.0 if tail == 1 else -log10(tail)
    return log10(sum((p(k) for k in range(low, f + 1)), Fraction(0)))
