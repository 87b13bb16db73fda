"""Accuracy of per-annotator rating predictions (DEM-MoE seed, section 5 and appendix C.1).

Every function of the DEM-MoE evaluation (this module, :mod:`analysis.moe.bootstrap` and
:mod:`analysis.moe.significance`) reads a tidy predictions table ``pred`` with one row per
(model, annotation):

* ``model`` (str), ``item_id`` (str), ``annotator_id`` (str);
* ``rating``: the observed rating and ``prediction``: the model's prediction, both finite and on
  the original rating scale;
* ``seen`` (bool): the annotator had ratings in the training split (only
  :func:`compute_rating_metrics` needs it).

Duplicate (model, item, annotator) rows count as separate annotations.

Conventions used throughout:

* Models keep their order of first appearance in ``pred``; demographic groups are sorted, with
  :data:`MISSING` last.
* Bootstrap intervals resample *items* with replacement (a cluster bootstrap: every row of a
  drawn item comes along) and are 95% percentile intervals. All statistics computed in one call
  share the same item resamples, so differences between models are paired. The resamples depend
  only on ``seed``, ``n_boot`` and the set of item ids in ``pred``. A replicate that drew none
  of a statistic's items is NaN and left out of its interval.
* Pearson correlations are NaN when undefined (fewer than two points or a constant input).
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from analysis.moe._checks import PRED_COLUMNS, check_pred

__all__ = ["METRIC_COLUMNS", "PRED_COLUMNS", "SUBSETS", "compute_rating_metrics"]

METRIC_COLUMNS = ["model", "subset", "n", "mae", "pearson", "item_mae", "item_pearson", "emd"]
SUBSETS = ("overall", "seen", "unseen")


def _pearson(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson r, NaN for fewer than two points or a constant input (no warnings)."""
    if len(x) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(stats.pearsonr(x, y).statistic)


def _emd(items: np.ndarray, prediction: np.ndarray, rating: np.ndarray) -> float:
    """Mean over items of the 1-D Wasserstein-1 distance between predictions and ratings.

    An item has as many predictions as ratings, and for two equal-size samples
    ``scipy.stats.wasserstein_distance`` equals the mean absolute difference of their sorted
    values; that closed form is used here for all items at once (one sort, no loop).
    """
    codes, uniq = pd.factorize(items)
    by_pred = np.lexsort((prediction, codes))
    by_rating = np.lexsort((rating, codes))  # same item blocks, each sorted by rating
    gap = np.abs(prediction[by_pred] - rating[by_rating])
    size = np.bincount(codes, minlength=len(uniq))
    return float(np.mean(np.bincount(codes[by_pred], weights=gap, minlength=len(uniq)) / size))


def _metric_row(model: str, subset: str, df: pd.DataFrame) -> tuple[Any, ...]:
    y = df["rating"].to_numpy()
    yhat = df["prediction"].to_numpy()
    per_item = df.groupby("item_id", sort=False)[["rating", "prediction"]].mean()
    iy = per_item["rating"].to_numpy()
    iyhat = per_item["prediction"].to_numpy()
    return (
        model,
        subset,
        len(df),
        float(np.mean(np.abs(yhat - y))),
        _pearson(yhat, y),
        float(np.mean(np.abs(iyhat - iy))),
        _pearson(iyhat, iy),
        _emd(df["item_id"].to_numpy(), yhat, y),
    )


def compute_rating_metrics(pred: pd.DataFrame) -> pd.DataFrame:
    """Annotator- and item-level accuracy of each model, overall and for seen/unseen annotators.

    ``mae`` and ``pearson`` compare each annotation's prediction with its rating. ``item_mae``
    and ``item_pearson`` first average predictions and ratings per item (over the subset's rows).
    ``emd`` is the mean over items of the 1-D earth mover's (Wasserstein-1) distance between the
    item's predictions and its ratings (``scipy.stats.wasserstein_distance``, computed in its
    closed form for equal-size samples), i.e. how well the predicted spread of opinions matches
    the observed one, whoever holds which opinion.

    Args:
        pred: Predictions table (module docstring), including ``seen``.

    Returns:
        ``model, subset, n, mae, pearson, item_mae, item_pearson, emd``: one row per model and
        subset (``overall``, ``seen``, ``unseen``; a subset without rows is left out), ``n``
        annotations. Pearson values are NaN when undefined.

    Raises:
        KeyError: On missing columns.
        ValueError: On an empty table or invalid values.
    """
    p = check_pred(pred, need_seen=True)
    rows = []
    for model, pm in p.groupby("model", sort=False):
        seen = pm["seen"].to_numpy()
        for subset, mask in zip(SUBSETS, (np.ones(len(pm), bool), seen, ~seen)):
            if mask.any():
                rows.append(_metric_row(str(model), subset, pm[mask]))
    return pd.DataFrame(rows, columns=METRIC_COLUMNS)
