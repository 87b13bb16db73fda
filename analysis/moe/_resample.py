"""Item-cluster bootstrap machinery shared by the DEM-MoE metrics (private to the wing).

Resamples draw *items* with replacement (every row of a drawn item comes along); one call's
statistics share the same resamples, so differences between models are paired.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

#: Largest number of (replicate, item) cells of resample weights held in memory at once.
_BLOCK_CELLS = 4_000_000
#: Largest per-item statistics matrix (statistics x items) multiplied densely.
_DENSE_CELLS = 20_000_000


def percentile_ci(reps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """95% percentile interval over axis 0, ignoring NaN replicates (NaN when all are)."""
    if reps.ndim == 2 and reps.shape[1] == 0:
        return np.empty(0), np.empty(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        lo, hi = np.nanpercentile(reps, [2.5, 97.5], axis=0)
    return lo, hi


def nanmean_cols(reps: np.ndarray) -> np.ndarray:
    """Row-wise mean over the non-NaN columns of ``reps`` (NaN when none)."""
    ok = ~np.isnan(reps)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(ok, reps, 0.0).sum(axis=1) / ok.sum(axis=1)


def check_boot(n_boot: int) -> None:
    """Refuse fewer than one bootstrap replicate."""
    if int(n_boot) < 1:
        raise ValueError(f"`n_boot` must be >= 1, got {n_boot}")


def bootstrap_ratio(
    num: sparse.csr_array, den: sparse.csr_array, n_boot: int, seed: int
) -> np.ndarray:
    """Item-cluster bootstrap of ratios ``sum_i w_i num[k, i] / sum_i w_i den[k, i]``.

    ``w`` counts how often each item is drawn when ``n_items`` items are drawn uniformly with
    replacement; the same ``w`` serves every statistic ``k``.

    Args:
        num: Per-statistic, per-item numerators, shape ``[k, n_items]``.
        den: Per-statistic, per-item denominators (row counts), same shape.
        n_boot: Number of replicates.
        seed: Seed of :func:`numpy.random.default_rng`.

    Returns:
        Replicates, shape ``[n_boot, k]``; NaN where a replicate drew none of the statistic's
        items.
    """
    check_boot(n_boot)
    k, n_items = num.shape
    # Dense path: one BLAS product [b, n_items] @ [n_items, 2k] per block (much faster).
    both = (
        np.ascontiguousarray(np.hstack([num.toarray().T, den.toarray().T]))
        if k * n_items <= _DENSE_CELLS
        else None
    )
    rng = np.random.default_rng(seed)
    out = np.empty((n_boot, k))
    block = max(1, min(n_boot, _BLOCK_CELLS // max(n_items, 1)))
    for start in range(0, n_boot, block):
        b = min(block, n_boot - start)
        draws = rng.integers(0, n_items, size=(b, n_items))
        flat = (draws + (np.arange(b) * n_items)[:, None]).ravel()
        w = np.bincount(flat, minlength=b * n_items).reshape(b, n_items).astype(float)
        if both is not None:
            prod = w @ both
            top, bottom = prod[:, :k], prod[:, k:]
        else:
            top, bottom = (num @ w.T).T, (den @ w.T).T
        with np.errstate(invalid="ignore", divide="ignore"):
            out[start : start + b] = top / bottom
    return out


def item_codes(pred: pd.DataFrame) -> tuple[np.ndarray, int]:
    """Item codes over the sorted item ids of ``pred`` (so resamples ignore row order)."""
    codes, uniq = pd.factorize(pred["item_id"], sort=True)
    return codes, len(uniq)


def sign_flip_p(contrib: np.ndarray, n_perm: int, seed: int) -> float:
    """Two-sided p-value of ``T = sum_i c_i`` under the sign-flip null over items.

    Under the null hypothesis that the two models are exchangeable, swapping their predictions
    on item ``i`` flips the sign of its contribution ``c_i`` to the difference; ``T`` is
    compared with ``n_perm`` random flips: ``(1 + #{|T*| >= |T|}) / (1 + n_perm)``.

    >>> round(sign_flip_p(np.array([1.0, 1.0, 1.0, 1.0, 1.0, 1.0]), 4000, 0), 2)
    0.03
    """
    c = np.asarray(contrib, dtype=float)
    c = c[np.isfinite(c) & (np.abs(c) > 1e-12)]  # rounding noise of equal errors is no signal
    if len(c) == 0:
        return 1.0
    observed = abs(float(c.sum())) * (1 - 1e-12)
    rng = np.random.default_rng(seed + 7919)
    hits, done = 0, 0
    block = max(1, _BLOCK_CELLS // len(c))
    while done < n_perm:
        k = min(block, n_perm - done)
        signs = rng.integers(0, 2, size=(k, len(c)), dtype=np.int8) * 2 - 1
        hits += int((np.abs(signs @ c) >= observed).sum())
        done += k
    return (1 + hits) / (1 + n_perm)


def paired_test(
    point: float, diffs: np.ndarray, n_boot: int, p_value: float | None = None
) -> dict[str, Any]:
    """Percentile CI of a paired difference and its two-sided p-value.

    ``p_value``: from a null test (:func:`sign_flip_p`); None falls back to the bootstrap's
    ``2 min(P(d <= 0), P(d >= 0))``, clipped to ``[1 / n_boot, 1]``.
    """
    d = diffs[~np.isnan(diffs)]
    if len(d) == 0 or np.isnan(point):
        nan = float("nan")
        return {"diff": point, "ci_low": nan, "ci_high": nan, "p_value": nan, "significant": False}
    lo, hi = np.percentile(d, [2.5, 97.5])
    if p_value is None:
        p = 2.0 * min(float(np.mean(d <= 0)), float(np.mean(d >= 0)))
        p = float(np.clip(p, 1.0 / n_boot, 1.0))
    else:
        p = float(p_value)
    return {
        "diff": float(point),
        "ci_low": float(lo),
        "ci_high": float(hi),
        "p_value": p,
        "significant": bool(p < 0.05),
    }
