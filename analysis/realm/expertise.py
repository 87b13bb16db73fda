"""Expertise intervals and how the expertise estimates of different methods agree.

Given the classifier's probability of each observed label, ``p_i = p_theta(y_i | x_i)``, an
annotator's expertise under REALM's mixture (eq. 1) is the maximum-likelihood weight ``e`` of
``e p_i + (1 - e) / C`` over their annotations: a one-parameter mixture, solved by EM
(:func:`mixture_weight`). Resampling the items (bootstrap) with the classifier held fixed gives a
percentile interval per annotator: how sure the ranking is, given the classifier.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from engines.data.schema import ANNOTATOR_ID, ITEM_ID, TASK

__all__ = ["compute_expertise_intervals", "compute_method_agreement", "mixture_weight"]


def mixture_weight(
    p: np.ndarray,
    group: np.ndarray,
    n_groups: int,
    n_classes: int,
    weights: np.ndarray | None = None,
    n_iter: int = 200,
) -> np.ndarray:
    """Per group, the ML weight ``e`` of ``e p + (1 - e) / C`` (EM, started at 0.5).

    Args:
        p: ``[N]`` probability of each observed label under the classifier.
        group: ``[N]`` group (annotator) index.
        n_groups: Number of groups.
        n_classes: ``C``.
        weights: ``[..., N]`` optional row weights (e.g. bootstrap counts); leading axes are
            estimated independently.
        n_iter: EM iterations.

    Returns:
        ``[..., n_groups]`` weights in ``[0, 1]`` (NaN for a group without rows).
    """
    p = np.asarray(p, float)
    w = np.ones((1, len(p))) if weights is None else np.atleast_2d(np.asarray(weights, float))
    onehot = np.zeros((len(p), n_groups))
    onehot[np.arange(len(p)), np.asarray(group)] = 1.0
    total = w @ onehot
    e = np.full(total.shape, 0.5)
    uniform = 1.0 / n_classes
    for _ in range(n_iter):
        e_row = e @ onehot.T  # [B, N]
        resp = e_row * p / np.clip(e_row * p + (1 - e_row) * uniform, 1e-300, None)
        e = np.divide((w * resp) @ onehot, total, out=np.full(total.shape, np.nan),
                      where=total > 0)  # fmt: skip
        e = np.nan_to_num(e, nan=0.5)
    e = np.where(total > 0, e, np.nan)
    return e[0] if weights is None or np.ndim(weights) == 1 else e


def compute_expertise_intervals(
    annotations: pd.DataFrame, n_classes: int, n_boot: int = 200, level: float = 0.95, seed: int = 0
) -> pd.DataFrame:
    """Expertise per annotator (and task) with a bootstrap interval over items.

    Args:
        annotations: ``item_id, annotator_id, p_label`` and optionally ``task``.
        n_classes: ``C``.
        n_boot: Bootstrap resamples of the items.
        level: Interval coverage.
        seed: Resampling seed.

    Returns:
        ``annotator_id, task, expertise, ci_low, ci_high, n``, lowest expertise first.
    """
    frame = annotations.copy()
    if TASK not in frame.columns:
        frame[TASK] = "all"
    key = frame[ANNOTATOR_ID].astype(str) + "\x1f" + frame[TASK].astype(str)
    group, names = pd.factorize(key, sort=True)
    item, items = pd.factorize(frame[ITEM_ID].astype(str))
    p = frame["p_label"].to_numpy(float)
    point = mixture_weight(p, group, len(names), n_classes)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(items), size=(n_boot, len(items)))
    counts = np.stack([np.bincount(d, minlength=len(items)) for d in draws])[:, item]
    boot = mixture_weight(p, group, len(names), n_classes, weights=counts)
    alpha = (1 - level) / 2
    low, high = np.nanquantile(boot, [alpha, 1 - alpha], axis=0)
    parts = [n.split("\x1f") for n in names]
    out = pd.DataFrame({
        ANNOTATOR_ID: [a for a, _ in parts], TASK: [t for _, t in parts], "expertise": point,
        "ci_low": low, "ci_high": high, "n": np.bincount(group, minlength=len(names)),
    })  # fmt: skip
    return out.sort_values(["expertise", ANNOTATOR_ID]).reset_index(drop=True)


def compute_method_agreement(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Spearman correlations between the annotator rankings of several methods.

    Returns:
        A square frame over ``columns`` (pairs computed on annotators both methods scored).
    """
    out = pd.DataFrame(np.eye(len(columns)), index=columns, columns=columns)
    for i, a in enumerate(columns):
        for b in columns[i + 1 :]:
            both = table[[a, b]].dropna()
            rho = spearmanr(both[a], both[b]).statistic if len(both) > 2 else np.nan
            out.loc[a, b] = out.loc[b, a] = rho
    return out
