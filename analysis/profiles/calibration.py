"""Calibration of a decoder on held-out raters: reliability diagram and ECE.

Top-label confidence (the largest predicted probability) against accuracy in equal-width bins.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.profiles._checks import as_prob, check_len

__all__ = [
    "RELIABILITY_COLUMNS",
    "compute_reliability",
    "expected_calibration_error",
]

RELIABILITY_COLUMNS = ["bin_low", "bin_high", "confidence", "accuracy", "count"]


def _reliability_bins(
    probs: np.ndarray, y: np.ndarray, n_bins: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    p = as_prob(probs, "probs", 2)
    y = np.asarray(y)
    check_len("y", y, len(p))
    if n_bins < 1:
        raise ValueError("`n_bins` must be >= 1")
    if len(y) and (not np.all(np.mod(y, 1) == 0) or y.min() < 0 or y.max() >= p.shape[1]):
        raise ValueError("`y` must hold integer class indices in [0, C)")
    y = y.astype(int)
    conf = p.max(axis=1)
    correct = (p.argmax(axis=1) == y).astype(float)
    # Bins are [k/n, (k+1)/n), the last one closed; rounding keeps 0.3 * 10 in bin 3.
    idx = np.clip(np.floor(np.round(conf * n_bins, 9)).astype(int), 0, n_bins - 1)
    return conf, correct, idx


def compute_reliability(probs: np.ndarray, y: np.ndarray, n_bins: int = 10) -> pd.DataFrame:
    """Top-label reliability diagram in equal-width confidence bins on ``[0, 1]``.

    Confidence is the largest predicted probability; a prediction is correct when its argmax
    (first one on ties) equals the observed label. Bins are ``[k/n, (k+1)/n)``, the last closed.

    Args:
        probs: Predicted distributions, shape ``[N, C]``.
        y: Observed class indices, shape ``[N]``.
        n_bins: Number of bins.

    Returns:
        ``bin_low, bin_high, confidence, accuracy, count`` (mean confidence and accuracy per
        bin), one row per non-empty bin in increasing order.
    """
    conf, correct, idx = _reliability_bins(probs, y, n_bins)
    count = np.bincount(idx, minlength=n_bins)
    keep = count > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_conf = np.bincount(idx, weights=conf, minlength=n_bins) / count
        acc = np.bincount(idx, weights=correct, minlength=n_bins) / count
    edges = np.arange(n_bins + 1) / n_bins
    return pd.DataFrame(
        {
            "bin_low": edges[:-1][keep],
            "bin_high": edges[1:][keep],
            "confidence": mean_conf[keep],
            "accuracy": acc[keep],
            "count": count[keep],
        }
    ).reset_index(drop=True)


def expected_calibration_error(probs: np.ndarray, y: np.ndarray, n_bins: int = 10) -> float:
    """Expected calibration error, ``sum_b n_b / N * |acc_b - conf_b|`` (bins as reliability).

    Args:
        probs: Predicted distributions, shape ``[N, C]``.
        y: Observed class indices, shape ``[N]``.
        n_bins: Number of equal-width bins.

    Returns:
        The ECE in ``[0, 1]``; NaN for no predictions.
    """
    table = compute_reliability(probs, y, n_bins)
    n = table["count"].sum()
    if n == 0:
        return float("nan")
    gap = (table["accuracy"] - table["confidence"]).abs()
    return float((table["count"] * gap).sum() / n)
