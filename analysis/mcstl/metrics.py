"""MC-STL's evaluation metrics (mc-stl seed, section 3.2 and appendix A.6).

* :func:`macro_auc`: ROC AUC of the positive class (binary) or the macro one-vs-rest AUC over the
  classes (ordinal), overall or per value group (:func:`compute_group_metrics`: mean and SD).
* :func:`calibration_line`: predictions of one binary (sub-)task binned by deciles; the mean
  prediction (x) against the mean label (y) per bin, and the least-squares line through these
  points: slope 1 and bias 0 are ideal. :func:`slope_interval` gives the slope a percentile
  interval by resampling items (annotations of one item are not independent), so a slope read
  off a rare sub-task or a small group can be told apart from noise.
* :func:`one_minus_emd`: 1 - the normalised 1-D earth mover's distance between each annotation
  that differs from its item's majority label and the predicted distribution.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from engines.data.majority import majority_labels

__all__ = [
    "CALIBRATION_COLUMNS",
    "calibration_line",
    "calibration_points",
    "compute_group_metrics",
    "emd_1d",
    "macro_auc",
    "one_minus_emd",
    "slope_interval",
]

CALIBRATION_COLUMNS = ["group", "task", "n", "auc", "slope", "bias", "slope_low", "slope_high"]


def emd_1d(probs: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Per row, ``sum_l |P_l - Y_l|`` over the cumulative predicted and one-hot distributions.

    Appendix A.6's 1-D earth mover's distance; it ranges over ``[0, L - 1]``.
    """
    p = np.asarray(probs, dtype=float)
    onehot = np.eye(p.shape[1])[np.asarray(codes, dtype=int)]
    return np.abs(np.cumsum(p, 1) - np.cumsum(onehot, 1)).sum(1)


def _majority(codes: np.ndarray, item_ids: np.ndarray) -> np.ndarray:
    """Each annotation's item majority label (ties: the lowest class)."""
    return pd.Series(item_ids).map(majority_labels(item_ids, codes)).to_numpy()


def one_minus_emd(probs: np.ndarray, codes: np.ndarray, item_ids: Sequence[str]) -> float:
    """``1 - mean EMD / (L - 1)`` over annotations unlike their item's majority (appendix A.6).

    NaN when every annotation agrees with its item's majority.
    """
    codes = np.asarray(codes, dtype=int)
    minority = codes != _majority(codes, np.asarray(item_ids))
    if not minority.any():
        return float("nan")
    emd = emd_1d(np.asarray(probs)[minority], codes[minority])
    return float(1.0 - emd.mean() / (np.asarray(probs).shape[1] - 1))


def macro_auc(probs: np.ndarray, codes: np.ndarray) -> float:
    """Binary: AUC of ``P(y = 1)``; more classes: macro one-vs-rest AUC over the classes present.

    NaN when fewer than two classes occur.
    """
    p = np.asarray(probs, dtype=float)
    y = np.asarray(codes, dtype=int)
    present = np.unique(y)
    if len(present) < 2:
        return float("nan")
    if p.shape[1] == 2:
        return float(roc_auc_score(y, p[:, 1]))
    aucs = [roc_auc_score(y == c, p[:, c]) for c in present]
    return float(np.mean(aucs))


def _bins(p: np.ndarray, y: np.ndarray, n_bins: int) -> tuple[np.ndarray, ...]:
    """Per occupied quantile bin of ``p``: its index, mean prediction, mean label and size."""
    edges = np.unique(np.quantile(p, np.linspace(0, 1, n_bins + 1)))
    idx = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, max(len(edges) - 2, 0))
    n = np.bincount(idx)
    used = np.flatnonzero(n)
    x = np.bincount(idx, weights=p)[used] / n[used]
    return used, x, np.bincount(idx, weights=y)[used] / n[used], n[used]


def calibration_points(p: np.ndarray, y: np.ndarray, n_bins: int = 10) -> pd.DataFrame:
    """Mean prediction and mean label per quantile bin (deciles by default) of ``p``.

    Ties keep equal predictions in one bin, so there can be fewer than ``n_bins`` bins.
    """
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(p) == 0:
        return pd.DataFrame(columns=["bin", "mean_prediction", "mean_label", "n"])
    used, x, rate, n = _bins(p, y, n_bins)
    return pd.DataFrame({"bin": used, "mean_prediction": x, "mean_label": rate, "n": n})


def calibration_line(p: np.ndarray, y: np.ndarray, n_bins: int = 10) -> tuple[float, float]:
    """``(slope, bias)`` of the least-squares line through :func:`calibration_points`.

    NaN for both with fewer than two distinct mean predictions.
    """
    p = np.asarray(p, dtype=float)
    if len(p) == 0:
        return float("nan"), float("nan")
    _, x, rate, _ = _bins(p, np.asarray(y, dtype=float), n_bins)
    if len(x) < 2 or np.ptp(x) == 0:
        return float("nan"), float("nan")
    slope, bias = np.polyfit(x, rate, 1)
    return float(slope), float(bias)


def slope_interval(
    p: np.ndarray,
    y: np.ndarray,
    items: Sequence[str] | np.ndarray,
    n_boot: int = 200,
    level: float = 0.95,
    n_bins: int = 10,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile interval of :func:`calibration_line`'s slope over item bootstrap resamples.

    Items (all their annotations together) are drawn with replacement ``n_boot`` times; NaN
    for both ends with fewer than two items or no finite resampled slope.
    """
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    codes, start = np.unique(np.asarray(items).astype(str), return_inverse=True)
    if len(codes) < 2 or n_boot < 1:
        return float("nan"), float("nan")
    order = np.argsort(start, kind="stable")
    rows = np.split(order, np.cumsum(np.bincount(start))[:-1])
    rng = np.random.default_rng(seed)
    slopes = np.array([
        calibration_line(p[pick], y[pick], n_bins)[0]
        for pick in (np.concatenate([rows[i] for i in rng.integers(0, len(rows), len(rows))])
                     for _ in range(n_boot))
    ])  # fmt: skip
    slopes = slopes[np.isfinite(slopes)]
    if not len(slopes):
        return float("nan"), float("nan")
    tail = 50 * (1 - level)
    low, high = np.percentile(slopes, [tail, 100 - tail])
    return float(low), float(high)


def compute_group_metrics(
    task_probs: np.ndarray,
    codes: np.ndarray,
    membership: np.ndarray,
    groups: Sequence[str],
    n_bins: int = 10,
    items: Sequence[str] | np.ndarray | None = None,
    n_boot: int = 0,
) -> pd.DataFrame:
    """Per value group and binary (sub-)task: annotations, AUC, calibration slope and bias.

    Args:
        task_probs: ``[N, T]`` predicted ``P(y > t)`` of the ``T = L - 1`` CORAL sub-tasks
            (``T = 1``: the binary head's ``P(y = 1)``).
        codes: ``[N]`` class codes.
        membership: ``[N, K]`` 0/1 group membership (several groups per annotation allowed).
        groups: The ``K`` group names.
        n_bins: Quantile bins of the calibration line.
        items: ``[N]`` item ids, for the slope's 95% item-bootstrap interval.
        n_boot: Bootstrap resamples of that interval (0, or no ``items``: NaN ends).

    Returns:
        ``group, task, n, auc, slope, bias, slope_low, slope_high``: one row per group and
        sub-task (``task`` is ``"y > c"`` for the sub-task of class code ``c``), groups in the
        given order.
    """
    p = np.asarray(task_probs, dtype=float)
    y = np.asarray(codes, dtype=int)
    rows = []
    for k, name in enumerate(groups):
        mask = np.asarray(membership)[:, k] > 0
        for t in range(p.shape[1]):
            target = (y[mask] > t).astype(float)
            auc = (
                float(roc_auc_score(target, p[mask, t]))
                if len(np.unique(target)) == 2
                else float("nan")
            )
            slope, bias = calibration_line(p[mask, t], target, n_bins)
            low, high = (
                slope_interval(p[mask, t], target, np.asarray(items)[mask], n_boot, n_bins=n_bins)
                if items is not None and n_boot
                else (float("nan"), float("nan"))
            )
            rows.append((str(name), f"y > {t}", int(mask.sum()), auc, slope, bias, low, high))
    return pd.DataFrame(rows, columns=CALIBRATION_COLUMNS)
