"""Evaluation of per-annotator rating predictions (DEM-MoE seed, section 5 and appendix C.1).

Every function reads a tidy predictions table ``pred`` with one row per (model, annotation):

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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse, stats

from engines.data.groups import demographic_groups, group_order

PRED_COLUMNS = ["model", "item_id", "annotator_id", "rating", "prediction", "seen"]
METRIC_COLUMNS = ["model", "subset", "n", "mae", "pearson", "item_mae", "item_pearson", "emd"]
BOOT_COLUMNS = ["model", "mae", "ci_low", "ci_high", "n"]
GROUP_MAE_COLUMNS = [
    "model",
    "attribute",
    "group",
    "n",
    "n_annotators",
    "mae",
    "ci_low",
    "ci_high",
]
ATTRIBUTE_MAE_COLUMNS = ["model", "attribute", "mae", "ci_low", "ci_high", "n_groups"]
SUBSETS = ("overall", "seen", "unseen")

#: Largest number of (replicate, item) cells of resample weights held in memory at once.
_BLOCK_CELLS = 4_000_000
#: Largest per-item statistics matrix (statistics x items) multiplied densely.
_DENSE_CELLS = 20_000_000


# --------------------------------------------------------------------------- helpers


def _require(df: pd.DataFrame, *cols: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not found; available: {list(df.columns)}")


def _check_pred(pred: pd.DataFrame, need_seen: bool = False) -> pd.DataFrame:
    """Validate ``pred`` and return a clean copy (string ids, float ratings, bool ``seen``).

    Raises:
        KeyError: On missing columns.
        ValueError: On no rows, missing ids, or non-numeric, missing or non-finite ratings,
            predictions or ``seen`` flags.
    """
    cols = PRED_COLUMNS if need_seen else PRED_COLUMNS[:-1]
    _require(pred, *cols)
    if len(pred) == 0:
        raise ValueError("`pred` has no rows")
    out = pd.DataFrame(index=pd.RangeIndex(len(pred)))
    for c in ("model", "item_id", "annotator_id"):
        col = pred[c].reset_index(drop=True)
        if col.isna().any():
            raise ValueError(f"`{c}` has {int(col.isna().sum())} missing value(s)")
        out[c] = col.astype(str)
    for c in ("rating", "prediction"):
        try:
            values = pd.to_numeric(pred[c]).to_numpy(dtype=float)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"`{c}` must be numeric") from exc
        bad = ~np.isfinite(values)
        if bad.any():
            raise ValueError(f"`{c}` has {int(bad.sum())} missing or non-finite value(s)")
        out[c] = values
    if need_seen:
        seen = pred["seen"].reset_index(drop=True)
        if seen.isna().any() or not seen.isin([True, False]).all():
            raise ValueError("`seen` must hold only True/False (or 1/0)")
        out["seen"] = seen.astype(bool).to_numpy()
    return out


def _pearson(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson r, NaN for fewer than two points or a constant input (no warnings)."""
    if len(x) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(stats.pearsonr(x, y).statistic)


def _percentile_ci(reps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """95% percentile interval over axis 0, ignoring NaN replicates (NaN when all are)."""
    if reps.ndim == 2 and reps.shape[1] == 0:
        return np.empty(0), np.empty(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        lo, hi = np.nanpercentile(reps, [2.5, 97.5], axis=0)
    return lo, hi


def _nanmean_cols(reps: np.ndarray) -> np.ndarray:
    """Row-wise mean over the non-NaN columns of ``reps`` (NaN when none)."""
    ok = ~np.isnan(reps)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(ok, reps, 0.0).sum(axis=1) / ok.sum(axis=1)


def _check_boot(n_boot: int) -> None:
    if int(n_boot) < 1:
        raise ValueError(f"`n_boot` must be >= 1, got {n_boot}")


def _bootstrap_ratio(
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
    _check_boot(n_boot)
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


def _item_codes(pred: pd.DataFrame) -> tuple[np.ndarray, int]:
    """Item codes over the sorted item ids of ``pred`` (so resamples ignore row order)."""
    codes, uniq = pd.factorize(pred["item_id"], sort=True)
    return codes, len(uniq)


def _paired_test(point: float, diffs: np.ndarray, n_boot: int) -> dict[str, Any]:
    """Percentile CI and two-sided bootstrap p-value of a paired difference."""
    d = diffs[~np.isnan(diffs)]
    if len(d) == 0 or np.isnan(point):
        nan = float("nan")
        return {"diff": point, "ci_low": nan, "ci_high": nan, "p_value": nan, "significant": False}
    lo, hi = np.percentile(d, [2.5, 97.5])
    p = 2.0 * min(float(np.mean(d <= 0)), float(np.mean(d >= 0)))
    p = float(np.clip(p, 1.0 / n_boot, 1.0))
    return {
        "diff": float(point),
        "ci_low": float(lo),
        "ci_high": float(hi),
        "p_value": p,
        "significant": bool(p < 0.05),
    }


# --------------------------------------------------------------------------- point metrics


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
    p = _check_pred(pred, need_seen=True)
    rows = []
    for model, pm in p.groupby("model", sort=False):
        seen = pm["seen"].to_numpy()
        for subset, mask in zip(SUBSETS, (np.ones(len(pm), bool), seen, ~seen)):
            if mask.any():
                rows.append(_metric_row(str(model), subset, pm[mask]))
    return pd.DataFrame(rows, columns=METRIC_COLUMNS)


# --------------------------------------------------------------------------- bootstrap


def bootstrap_mae(pred: pd.DataFrame, n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Annotator-level MAE per model with a paired item-cluster bootstrap 95% interval.

    Args:
        pred: Predictions table (module docstring).
        n_boot: Number of bootstrap replicates.
        seed: Seed of the item resamples (shared by all models).

    Returns:
        ``model, mae, ci_low, ci_high, n`` (``n`` annotations), one row per model in order of
        appearance.

    Raises:
        KeyError: On missing columns.
        ValueError: On an empty table, invalid values or ``n_boot < 1``.
    """
    _check_boot(n_boot)
    p = _check_pred(pred)
    mcode, models = pd.factorize(p["model"])
    icode, n_items = _item_codes(p)
    err = np.abs(p["prediction"].to_numpy() - p["rating"].to_numpy())
    shape = (len(models), n_items)
    num = sparse.csr_array((err, (mcode, icode)), shape=shape)
    den = sparse.csr_array((np.ones(len(p)), (mcode, icode)), shape=shape)
    reps = _bootstrap_ratio(num, den, n_boot, seed)
    n = np.bincount(mcode, minlength=len(models))
    mae = np.bincount(mcode, weights=err, minlength=len(models)) / n
    lo, hi = _percentile_ci(reps)
    return pd.DataFrame(
        {"model": list(models), "mae": mae, "ci_low": lo, "ci_high": hi, "n": n},
        columns=BOOT_COLUMNS,
    )


@dataclass(frozen=True, eq=False)
class GroupMAEBootstrap:
    """Subgroup MAEs and their bootstrap replicates (from :func:`bootstrap_group_mae`).

    Attributes:
        table: ``model, attribute, group, n, n_annotators, mae, ci_low, ci_high``.
        replicates: Bootstrap MAE of every table row, shape ``[n_boot, len(table)]``; column
            ``j`` belongs to ``table.iloc[j]`` and row ``b`` used the same item resample for
            every column.
        n_boot: Number of replicates.
        seed: Seed of the item resamples.
    """

    table: pd.DataFrame
    replicates: np.ndarray
    n_boot: int
    seed: int


def bootstrap_group_mae(
    pred: pd.DataFrame,
    annotators: pd.DataFrame,
    attributes: Sequence[str],
    n_boot: int = 1000,
    seed: int = 0,
    min_group_size: int = 1,
) -> GroupMAEBootstrap:
    """MAE per model and demographic subgroup, keeping the paired bootstrap replicates.

    Privacy: a subgroup with fewer than ``min_group_size`` distinct annotators in ``pred``
    (counted over all models together, so every model keeps the same subgroups) is dropped
    from the result.

    Args:
        pred: Predictions table (module docstring).
        annotators: ``annotator_id`` plus one column per attribute; missing values and
            annotators absent from it form the subgroup :data:`MISSING`.
        attributes: Demographic attributes to break MAE down by.
        n_boot: Number of item-cluster bootstrap replicates.
        seed: Seed of the item resamples (shared by every model, attribute and subgroup).
        min_group_size: Smallest number of annotators a reported subgroup may have.

    Returns:
        The table (one row per model, attribute and subgroup the model has predictions for,
        ordered by model, attribute, subgroup) and its replicates.

    Raises:
        KeyError: On missing columns.
        ValueError: On invalid values, ``n_boot < 1`` or ``min_group_size < 1``.
    """
    _check_boot(n_boot)
    if min_group_size < 1:
        raise ValueError(f"`min_group_size` must be >= 1, got {min_group_size}")
    p = _check_pred(pred)
    groups = demographic_groups(p["annotator_id"], annotators, attributes)
    mcode, models = pd.factorize(p["model"])
    icode, n_items = _item_codes(p)
    err = np.abs(p["prediction"].to_numpy() - p["rating"].to_numpy())
    acode, ann_ids = pd.factorize(p["annotator_id"])
    n_ann_total = len(ann_ids)

    def distinct_annotators(key: np.ndarray, a_codes: np.ndarray, size: int) -> np.ndarray:
        pairs = np.unique(key.astype(np.int64) * n_ann_total + a_codes)
        return np.bincount(pairs // n_ann_total, minlength=size)

    # Global subgroup index across attributes; statistic = model * n_groups + subgroup.
    labels: list[tuple[str, str]] = []
    row_parts, gidx_parts = [], []
    for a in attributes:
        gcode, glabels = pd.factorize(groups[a])
        sizes = distinct_annotators(gcode, acode, len(glabels))
        keep = [x for x in group_order(glabels) if sizes[glabels.get_loc(x)] >= min_group_size]
        remap = np.full(len(glabels), -1)
        remap[[glabels.get_loc(x) for x in keep]] = np.arange(len(keep))
        codes = remap[gcode]
        rows = np.flatnonzero(codes >= 0)
        row_parts.append(rows)
        gidx_parts.append(codes[rows] + len(labels))
        labels += [(a, x) for x in keep]
    n_groups = len(labels)
    rows = np.concatenate(row_parts)
    stat = mcode[rows] * n_groups + np.concatenate(gidx_parts)
    shape = (len(models) * n_groups, n_items)
    num = sparse.csr_array((err[rows], (stat, icode[rows])), shape=shape)
    den = sparse.csr_array((np.ones(len(rows)), (stat, icode[rows])), shape=shape)
    n = np.bincount(stat, minlength=shape[0])
    with np.errstate(invalid="ignore", divide="ignore"):
        mae = np.bincount(stat, weights=err[rows], minlength=shape[0]) / n
    n_ann = distinct_annotators(stat, acode[rows], shape[0])
    present = n > 0
    reps = _bootstrap_ratio(num[present], den[present], n_boot, seed)
    lo, hi = _percentile_ci(reps)
    k = np.flatnonzero(present)
    table = pd.DataFrame(
        {
            "model": [str(models[i // n_groups]) for i in k],
            "attribute": [labels[i % n_groups][0] for i in k],
            "group": [labels[i % n_groups][1] for i in k],
            "n": n[k],
            "n_annotators": n_ann[k],
            "mae": mae[k],
            "ci_low": lo,
            "ci_high": hi,
        },
        columns=GROUP_MAE_COLUMNS,
    )
    return GroupMAEBootstrap(table=table, replicates=reps, n_boot=int(n_boot), seed=int(seed))


def compute_group_mae(
    pred: pd.DataFrame,
    annotators: pd.DataFrame,
    attributes: Sequence[str],
    n_boot: int = 1000,
    seed: int = 0,
    min_group_size: int = 1,
) -> pd.DataFrame:
    """MAE per model and demographic subgroup with item-cluster bootstrap 95% intervals.

    The table of :func:`bootstrap_group_mae`; use that function instead when the replicates are
    needed (for :func:`compute_attribute_mae` or :func:`compare_attribute_mae`). Privacy:
    subgroups with fewer than ``min_group_size`` annotators are dropped, not merged.

    Args:
        pred: Predictions table (module docstring).
        annotators: ``annotator_id`` plus one column per attribute.
        attributes: Demographic attributes to break MAE down by.
        n_boot: Number of item-cluster bootstrap replicates.
        seed: Seed of the item resamples.
        min_group_size: Smallest number of annotators a reported subgroup may have.

    Returns:
        ``model, attribute, group, n, n_annotators, mae, ci_low, ci_high`` (``n`` annotations
        of the model in the subgroup).
    """
    return bootstrap_group_mae(pred, annotators, attributes, n_boot, seed, min_group_size).table


def _attribute_replicates(
    boot: GroupMAEBootstrap, model: str, attribute: str
) -> tuple[float, np.ndarray, int]:
    """Point value, replicates and subgroup count of one model's mean-of-subgroups MAE."""
    t = boot.table
    idx = np.flatnonzero(((t["model"] == model) & (t["attribute"] == attribute)).to_numpy())
    if len(idx) == 0:
        raise ValueError(f"no subgroup MAE for model {model!r} and attribute {attribute!r}")
    point = float(t["mae"].to_numpy()[idx].mean())
    return point, _nanmean_cols(boot.replicates[:, idx]), len(idx)


def compute_attribute_mae(boot: GroupMAEBootstrap) -> pd.DataFrame:
    """Mean of the subgroup MAEs per model and attribute (the seed's Figure 1 quantity).

    Every subgroup weighs the same, however many annotations it has. The interval comes from the
    replicates in ``boot``, so all models share the same item resamples; within a replicate,
    subgroups that drew no items are left out of the mean.

    Args:
        boot: Output of :func:`bootstrap_group_mae`.

    Returns:
        ``model, attribute, mae, ci_low, ci_high, n_groups``, one row per (model, attribute) in
        the order of ``boot.table``.
    """
    t = boot.table
    rows = []
    keys = t[["model", "attribute"]].drop_duplicates()
    for model, attribute in keys.itertuples(index=False):
        point, reps, n_groups = _attribute_replicates(boot, model, attribute)
        lo, hi = _percentile_ci(reps)
        rows.append((model, attribute, point, float(lo), float(hi), n_groups))
    return pd.DataFrame(rows, columns=ATTRIBUTE_MAE_COLUMNS)


def compare_attribute_mae(
    boot: GroupMAEBootstrap, model_a: str, model_b: str, attribute: str
) -> dict[str, Any]:
    """Paired bootstrap test of the mean-of-subgroups MAE difference ``a - b`` for one attribute.

    Uses the replicates already in ``boot``, so the test matches the intervals drawn from it.

    Args:
        boot: Output of :func:`bootstrap_group_mae`.
        model_a: First model.
        model_b: Second model.
        attribute: Demographic attribute.

    Returns:
        ``diff, ci_low, ci_high, p_value, significant`` as in :func:`compare_models`.

    Raises:
        ValueError: When a model has no subgroup MAE for the attribute.
    """
    pa, ra, _ = _attribute_replicates(boot, model_a, attribute)
    pb, rb, _ = _attribute_replicates(boot, model_b, attribute)
    return _paired_test(pa - pb, ra - rb, boot.n_boot)


def compare_models(
    pred: pd.DataFrame,
    model_a: str,
    model_b: str,
    n_boot: int = 2000,
    seed: int = 0,
    attribute: str | None = None,
    annotators: pd.DataFrame | None = None,
    min_group_size: int = 1,
) -> dict[str, Any]:
    """Paired item-bootstrap test of ``MAE(model_a) - MAE(model_b)``.

    Without ``attribute`` the overall annotator-level MAE is compared; with it, the mean of the
    subgroup MAEs of that attribute (seed Figure 1). Both models are scored on the same item
    resamples in every replicate. The p-value is two-sided, ``2 min(P(d <= 0), P(d >= 0))`` over
    the replicates ``d``, clipped to ``[1 / n_boot, 1]``.

    Args:
        pred: Predictions table (module docstring).
        model_a: First model (negative differences favour it).
        model_b: Second model.
        n_boot: Number of bootstrap replicates.
        seed: Seed of the item resamples.
        attribute: Demographic attribute for the mean-of-subgroups comparison.
        annotators: Annotator table, required with ``attribute``.
        min_group_size: Smallest subgroup (annotators) kept with ``attribute``.

    Returns:
        ``diff`` (point estimate), ``ci_low``, ``ci_high`` (95% percentile interval),
        ``p_value`` and ``significant`` (``p_value < 0.05``).

    Raises:
        KeyError: On missing columns.
        ValueError: On unknown or identical models, ``attribute`` without ``annotators``, or
            invalid values.
    """
    _check_boot(n_boot)
    p = _check_pred(pred)
    models = list(pd.unique(p["model"]))
    for m in (model_a, model_b):
        if m not in models:
            raise ValueError(f"model {m!r} not in predictions; available: {models}")
    if model_a == model_b:
        raise ValueError("`model_a` and `model_b` must differ")
    if attribute is not None:
        if annotators is None:
            raise ValueError("`annotators` is required when `attribute` is given")
        boot = bootstrap_group_mae(p, annotators, [attribute], n_boot, seed, min_group_size)
        return compare_attribute_mae(boot, model_a, model_b, attribute)
    icode, n_items = _item_codes(p)
    err = np.abs(p["prediction"].to_numpy() - p["rating"].to_numpy())
    which = np.select([p["model"] == model_a, p["model"] == model_b], [0, 1], -1)
    keep = which >= 0
    shape = (2, n_items)
    num = sparse.csr_array((err[keep], (which[keep], icode[keep])), shape=shape)
    den = sparse.csr_array((np.ones(keep.sum()), (which[keep], icode[keep])), shape=shape)
    reps = _bootstrap_ratio(num, den, n_boot, seed)
    point = np.bincount(which[keep], weights=err[keep], minlength=2) / np.bincount(
        which[keep], minlength=2
    )
    return _paired_test(float(point[0] - point[1]), reps[:, 0] - reps[:, 1], int(n_boot))


def next_best_model(table: pd.DataFrame, exclude: str, attribute: str | None = None) -> str | None:
    """Model with the lowest MAE other than ``exclude`` (ties: first in table order).

    Args:
        table: A table with ``model`` and ``mae``: :func:`bootstrap_mae` output,
            :func:`compute_rating_metrics` output (its ``overall`` rows are used) or
            :func:`compute_attribute_mae` output (pass ``attribute``).
        exclude: The model to leave out (e.g. the DEM-MoE model).
        attribute: Attribute to use from a table with an ``attribute`` column.

    Returns:
        The model name, or None when no other model has a finite MAE.

    Raises:
        KeyError: On missing columns.
        ValueError: For a per-subgroup table, or an ``attribute`` column without ``attribute``.
    """
    _require(table, "model", "mae")
    t = table
    if "group" in t.columns:
        raise ValueError("per-subgroup tables are ambiguous; use compute_attribute_mae output")
    if "subset" in t.columns:
        t = t[t["subset"] == "overall"]
    if "attribute" in t.columns:
        if attribute is None:
            raise ValueError("`attribute` is required for a table with an `attribute` column")
        t = t[t["attribute"] == attribute]
    t = t[(t["model"].astype(str) != str(exclude)) & np.isfinite(t["mae"].astype(float))]
    if t.empty:
        return None
    return str(t["model"].iloc[int(np.argmin(t["mae"].to_numpy(dtype=float)))])


__all__ = [
    "ATTRIBUTE_MAE_COLUMNS",
    "BOOT_COLUMNS",
    "GROUP_MAE_COLUMNS",
    "METRIC_COLUMNS",
    "PRED_COLUMNS",
    "GroupMAEBootstrap",
    "bootstrap_group_mae",
    "bootstrap_mae",
    "compare_attribute_mae",
    "compare_models",
    "compute_attribute_mae",
    "compute_group_mae",
    "compute_rating_metrics",
    "next_best_model",
]
