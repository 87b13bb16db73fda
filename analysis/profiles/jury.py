"""Simulated juries vs observed agreement (section 7 of the value-profiles seed).

A jury of value profiles answers each item through the decoder; the chance that two jurors
agree is compared with the chance that two real annotators of the item agree. Out of sample
(:func:`engines.profiles.held_out.draw_jury`): the jurors are held-out raters, an item is scored
only by jurors whose profile was not written from a rating of it, and the observed agreement
comes from the held-out raters' labels, which the decoder never saw.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from analysis.profiles._checks import as_prob, check_len, require

__all__ = [
    "JURY_COLUMNS",
    "compute_jury",
    "jury_correlation",
    "observed_agreement",
    "predicted_agreement",
]

JURY_COLUMNS = ["item_id", "predicted_p_agree", "observed_p_agree", "n_annotations", "n_jurors"]


def observed_agreement(labels: Sequence[Any] | np.ndarray) -> float:
    """Probability that two different raters of one item agree.

    ``sum_y n_y (n_y - 1) / (n (n - 1))`` over the item's label counts ``n_y``.

    Args:
        labels: All labels the item received (one per annotation).

    Returns:
        The agreement in ``[0, 1]``; NaN with fewer than two labels.
    """
    values = pd.Series(np.asarray(labels, dtype=object)).dropna()
    n = len(values)
    if n < 2:
        return float("nan")
    counts = values.value_counts().to_numpy(dtype=float)
    return float((counts * (counts - 1)).sum() / (n * (n - 1)))


def predicted_agreement(p_profiles: np.ndarray, excluded: np.ndarray | None = None) -> np.ndarray:
    """Probability that two distinct simulated jurors agree, per item.

    Two of the item's ``K`` jurors are drawn without replacement and each answers
    independently from its distribution: ``(||sum_k p_jk||^2 - sum_k ||p_jk||^2) / (K (K - 1))``.

    Args:
        p_profiles: Distributions, shape ``[n_items, K, C]`` with ``K >= 2``.
        excluded: Optional ``[n_items, K]`` mask of jurors left out of an item's jury.

    Returns:
        Shape ``[n_items]``; NaN for an item with fewer than two jurors left.
    """
    pp = as_prob(p_profiles, "p_profiles", 3)
    if pp.shape[1] < 2:
        raise ValueError("a jury needs at least two profiles")
    keep = np.ones(pp.shape[:2]) if excluded is None else (~np.asarray(excluded, bool)) * 1.0
    if keep.shape != pp.shape[:2]:
        raise ValueError(f"excluded has shape {keep.shape}, expected {pp.shape[:2]}")
    pp = pp * keep[:, :, None]
    k = keep.sum(axis=1)
    summed = (pp.sum(axis=1) ** 2).sum(axis=1)
    own = (pp**2).sum(axis=(1, 2))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(k >= 2, (summed - own) / (k * (k - 1)), np.nan)


def compute_jury(
    item_ids: Sequence[Any],
    p_profiles: np.ndarray,
    observed: pd.DataFrame,
    min_annotations: int = 5,
    excluded: np.ndarray | None = None,
) -> pd.DataFrame:
    """Simulated-jury vs observed inter-annotator agreement per item (section 7).

    Args:
        item_ids: Item identifiers, length ``n_items``, aligned with ``p_profiles``.
        p_profiles: Decoder distributions for a jury of profiles, shape ``[n_items, K, C]``.
        observed: One row per annotation with columns ``item_id, label_code`` (integer class).
        min_annotations: Minimum annotations for an item to be kept (at least 2 are always
            required, since agreement between two raters is otherwise undefined).
        excluded: Optional ``[n_items, K]`` mask of jurors who may not score an item (their
            profile was written from a rating of it).

    Returns:
        ``item_id, predicted_p_agree, observed_p_agree, n_annotations, n_jurors`` for items of
        ``item_ids`` with enough annotations and at least two jurors, in ``item_ids`` order.
    """
    require(observed, "item_id", "label_code")
    predicted = predicted_agreement(p_profiles, excluded)
    n_jurors = np.asarray(p_profiles).shape[1] - (
        0 if excluded is None else np.asarray(excluded, bool).sum(axis=1)
    )
    check_len("item_ids", item_ids, len(predicted))
    obs = observed.dropna(subset=["label_code"])
    counts = obs.groupby(["item_id", "label_code"], sort=False).size()
    n = counts.groupby(level="item_id", sort=False).sum()
    pairs = (counts * (counts - 1)).groupby(level="item_id", sort=False).sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        agree = pairs / (n * (n - 1))
    ids = pd.Index(list(item_ids))
    out = pd.DataFrame(
        {
            "item_id": ids,
            "predicted_p_agree": predicted,
            "observed_p_agree": agree.reindex(ids).to_numpy(dtype=float),
            "n_annotations": n.reindex(ids).fillna(0).to_numpy(dtype=int),
            "n_jurors": np.broadcast_to(n_jurors, len(ids)).astype(int),
        }
    )
    keep = (out["n_annotations"] >= max(min_annotations, 2)) & (out["n_jurors"] >= 2)
    return out[keep].reset_index(drop=True)


def jury_correlation(df: pd.DataFrame) -> dict[str, float]:
    """Pearson correlation between predicted and observed agreement.

    Args:
        df: Output of :func:`compute_jury`.

    Returns:
        ``{"r": ..., "p_value": ..., "n": ...}``; ``r`` and ``p_value`` are NaN with fewer
        than three items or a constant column.
    """
    require(df, "predicted_p_agree", "observed_p_agree")
    sub = df[["predicted_p_agree", "observed_p_agree"]].dropna()
    n = len(sub)
    x, y = sub["predicted_p_agree"].to_numpy(), sub["observed_p_agree"].to_numpy()
    if n < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return {"r": float("nan"), "p_value": float("nan"), "n": n}
    res = stats.pearsonr(x, y)
    return {"r": float(res[0]), "p_value": float(res[1]), "n": n}
