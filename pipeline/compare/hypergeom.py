"""Lafon's specificity score: exact hypergeometric tails in log space, vectorised over item x part.

X is hypergeometric: t draws without replacement from T items of which F are the item. With f the
item's frequency in the part, the score is -log10 P(X >= f) when f >= F t / T (over-represented:
positive) and log10 P(X <= f) otherwise (under-represented: negative) -- the score TXM reports
(Lafon 1980; docs/compare.md).

No scipy: log-factorials come from a table for small n and Stirling's series for large n (exact to
the rounding of float64), and a tail is summed from f outwards, away from the mode, with the ratio of
consecutive terms. The hypergeometric law is log-concave, so those ratios keep decreasing and, once
below 1, the rest of the tail is bounded by a geometric series: the sum stops when that bound is
below 1e-15 of the sum. Only the tail on f's side of the mean is summed (never 1 - the other tail), so
small probabilities keep their precision. Every pair runs in the same NumPy loop; a pair leaves it as
soon as its tail is complete, so the loop costs the longest tail (a few standard deviations of the
most frequent item), not their sum.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

_SMALL = 1024
_LOG_FACTORIAL = np.array([math.lgamma(n + 1) for n in range(_SMALL)])
_HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)
_LN10 = math.log(10)
_EPSILON = 1e-15
_DISTINCT_FROM = 10_000  # above this many tuples, compute each distinct one once (_distinct)


def log_factorial(n: np.ndarray) -> np.ndarray:
    """ln(n!) of non-negative integers, elementwise."""
    n = np.asarray(n, dtype=np.int64)
    out = np.empty(n.shape, dtype=np.float64)
    small = n < _SMALL
    out[small] = _LOG_FACTORIAL[n[small]]
    x = n[~small].astype(np.float64) + 1.0  # ln Γ(x), x = n + 1 >= 1025: Stirling's series
    inv = 1.0 / x
    inv2 = inv * inv
    series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)))
    out[~small] = (x - 0.5) * np.log(x) - x + _HALF_LOG_2PI + series
    return out


def log_pmf(k: np.ndarray, F: np.ndarray, t: np.ndarray, T: np.ndarray) -> np.ndarray:
    """ln P(X = k), X hypergeometric (t draws from T of which F marked); k within its support."""
    lf = log_factorial
    return lf(F) - lf(k) - lf(F - k) + lf(T - F) - lf(t - k) - lf(T - F - t + k) - lf(T) + lf(t) + lf(T - t)


def specificity(f: object, F: object, t: object, T: object, *, banal: float | None = None) -> np.ndarray:
    """Lafon's specificity score of each (f, F, t, T), elementwise (see the module's docstring).

    f: part frequency, F: corpus frequency, t: part size, T: corpus size; 0 <= f <= min(F, t),
    F <= T, t <= T, T > 0. Float64 array of the broadcast shape. Repeated tuples (most items of a
    Zipf law are rare: (1, 2, t, T) recurs thousands of times) are computed once.

    `banal`: the caller keeps only |score| >= banal, so a tuple whose point probability P(X = f) is
    above 10**-banal gets NaN without its tail being summed -- the tail holds P(X = f), so its score
    is certainly banal (this bound skips most of the rows of a large table)."""
    f, F, t, T = np.broadcast_arrays(*(np.asarray(v, dtype=np.int64) for v in (f, F, t, T)))
    shape = f.shape
    f, F, t, T = (v.ravel() for v in (f, F, t, T))
    if np.any((f < 0) | (f > np.minimum(F, t)) | (F > T) | (t > T) | (T <= 0)):
        raise ValueError("specificity needs 0 <= f <= min(F, t), F <= T and t <= T, T > 0")
    if np.any(f < np.maximum(0, t - (T - F))):
        raise ValueError("specificity: f below the support (t - (T - F) draws must be the item)")
    if f.size > _DISTINCT_FROM:
        codes, first = _distinct(f, F, t, T)
        return _scores(f[first], F[first], t[first], T[first], banal)[codes].reshape(shape)
    return _scores(f, F, t, T, banal).reshape(shape)


def _distinct(*columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(code of each row's tuple, one row of each code): the columns packed into one integer key
    (they are non-negative and their ranges small), factorised by hashing."""
    key, span = np.zeros(columns[0].size, dtype=np.int64), 1
    for column in columns:
        low, high = int(column.min()), int(column.max())
        if low == high:  # a constant (T, often t): nothing to tell apart
            continue
        span *= high - low + 1
        if span >= 1 << 62:  # too wide to pack: group the columns
            frame = pd.DataFrame({str(i): c for i, c in enumerate(columns)})
            codes = frame.groupby(list(frame.columns), sort=False).ngroup().to_numpy()
            break
        key = key * (high - low + 1) + (column - low)
    else:
        codes = pd.factorize(key)[0]
    # codes are numbered in order of first appearance: a code's first row is where the running
    # maximum of the codes grows
    first = np.flatnonzero(np.diff(np.maximum.accumulate(codes), prepend=-1) > 0)
    return codes, first


def _scores(
    f: np.ndarray, F: np.ndarray, t: np.ndarray, T: np.ndarray, banal: float | None = None
) -> np.ndarray:
    upper = f * T >= F * t  # f >= F t / T, in integers: exact
    log_point = log_pmf(f, F, t, T)
    if banal is not None:  # P(X = f) > 10**-banal: the tail is larger, |score| < banal
        out = np.full(f.size, np.nan)
        rest = np.flatnonzero(log_point <= -banal * _LN10 * (1 - 1e-12))
        if rest.size:
            out[rest] = _scores(f[rest], F[rest], t[rest], T[rest])
        return out
    log_tail = log_point + np.log(_relative_tail(f, F, t, T, upper))
    return np.where(upper, -log_tail, log_tail) / _LN10 + 0.0  # + 0.0: no -0.0 when the tail is the whole law


def _relative_tail(
    f: np.ndarray, F: np.ndarray, t: np.ndarray, T: np.ndarray, upper: np.ndarray
) -> np.ndarray:
    """P(tail from f) / P(X = f): 1 + r1 + r1 r2 + ..., walking from f up (upper) or down. The pairs
    still walking are kept in compact arrays: each step costs the live pairs only."""
    total = np.ones(f.size)
    for up in (True, False):
        idx = np.flatnonzero(upper == up)
        k, Fa, ta = f[idx].astype(np.float64), F[idx].astype(np.float64), t[idx].astype(np.float64)
        rest_of = (T[idx] - F[idx] - t[idx]).astype(np.float64)  # T - F - t
        end = (np.minimum(F, t) if up else np.maximum(0, t - (T - F)))[idx].astype(np.float64)
        live = k != end
        idx, k, Fa, ta, rest_of, end = idx[live], k[live], Fa[live], ta[live], rest_of[live], end[live]
        term, tot = np.ones(idx.size), np.ones(idx.size)
        while idx.size:
            if up:
                ratio = (Fa - k) * (ta - k) / ((k + 1) * (rest_of + k + 1))
                k = k + 1
            else:
                ratio = k * (rest_of + k) / ((Fa - k + 1) * (ta - k + 1))
                k = k - 1
            term *= ratio
            tot += term
            # the rest is at most term * ratio / (1 - ratio) once the ratios (decreasing) are below 1
            with np.errstate(divide="ignore"):
                rest = np.where(ratio < 1, term * ratio / (1 - ratio), np.inf)
            done = (k == end) | (rest < _EPSILON * tot)
            if done.any():
                total[idx[done]] = tot[done]
                keep = ~done
                idx, k, Fa, ta, rest_of, end = (
                    idx[keep],
                    k[keep],
                    Fa[keep],
                    ta[keep],
                    rest_of[keep],
                    end[keep],
                )
                term, tot = term[keep], tot[keep]
    return total
