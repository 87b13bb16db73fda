"""Is DEM-MoE better? Paired tests over items and the next-best model.

:func:`compare_models` tests an MAE difference between two models of one predictions table
(:mod:`analysis.moe.metrics`), overall or as the mean of one attribute's subgroup MAEs (the
seed's Figure 1); :func:`compare_attribute_mae` reuses the replicates of a
:func:`~analysis.moe.bootstrap.bootstrap_group_mae` call so the interval matches the ones
drawn from it; :func:`next_best_model` picks the rival. The interval is the paired item
bootstrap's; the p-value comes from a null test, random sign flips of each item's contribution
to the difference (the two models' predictions swapped item by item), so it is calibrated
under "no difference" rather than read off a bootstrap centred on the estimate.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.moe._checks import check_pred, require
from analysis.moe._resample import (
    bootstrap_ratio,
    check_boot,
    item_codes,
    paired_test,
    sign_flip_p,
)
from analysis.moe.bootstrap import GroupMAEBootstrap, bootstrap_group_mae

__all__ = ["compare_attribute_mae", "compare_models", "next_best_model"]


def compare_attribute_mae(
    boot: GroupMAEBootstrap, model_a: str, model_b: str, attribute: str
) -> dict[str, Any]:
    """Paired test of the mean-of-subgroups MAE difference ``a - b`` for one attribute.

    The interval uses the replicates already in ``boot`` (so it matches the intervals drawn
    from it); the p-value is a sign-flip test over items with ``boot.n_boot`` flips.

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
    pa, ra, _ = boot.attribute_replicates(model_a, attribute)
    pb, rb, _ = boot.attribute_replicates(model_b, attribute)
    contrib = boot.attribute_contributions(model_a, model_b, attribute)
    p = sign_flip_p(contrib, boot.n_boot, boot.seed)
    return {**paired_test(pa - pb, ra - rb, boot.n_boot, p), "rival": model_b}


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
    """Paired test of ``MAE(model_a) - MAE(model_b)`` over items.

    Without ``attribute`` the overall annotator-level MAE is compared; with it, the mean of the
    subgroup MAEs of that attribute (seed Figure 1). The interval is a paired item bootstrap
    (both models scored on the same item resamples); the two-sided p-value is a sign-flip test
    with ``n_boot`` flips of each item's contribution to the difference
    (:func:`~analysis.moe._resample.sign_flip_p`).

    Args:
        pred: Predictions table (:mod:`analysis.moe.metrics`).
        model_a: First model (negative differences favour it).
        model_b: Second model.
        n_boot: Number of bootstrap replicates.
        seed: Seed of the item resamples.
        attribute: Demographic attribute for the mean-of-subgroups comparison.
        annotators: Annotator table, required with ``attribute``.
        min_group_size: Smallest subgroup (annotators) kept with ``attribute``.

    Returns:
        ``diff`` (point estimate), ``ci_low``, ``ci_high`` (95% percentile interval),
        ``p_value``, ``significant`` (``p_value < 0.05``) and ``rival`` (``model_b``).

    Raises:
        KeyError: On missing columns.
        ValueError: On unknown or identical models, ``attribute`` without ``annotators``, or
            invalid values.
    """
    check_boot(n_boot)
    p = check_pred(pred)
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
    icode, n_items = item_codes(p)
    err = np.abs(p["prediction"].to_numpy() - p["rating"].to_numpy())
    which = np.select([p["model"] == model_a, p["model"] == model_b], [0, 1], -1)
    keep = which >= 0
    shape = (2, n_items)
    num = sparse.csr_array((err[keep], (which[keep], icode[keep])), shape=shape)
    den = sparse.csr_array((np.ones(keep.sum()), (which[keep], icode[keep])), shape=shape)
    reps = bootstrap_ratio(num, den, n_boot, seed)
    n_rows = np.bincount(which[keep], minlength=2)
    point = np.bincount(which[keep], weights=err[keep], minlength=2) / n_rows
    per_item = num.toarray()
    contrib = per_item[0] / n_rows[0] - per_item[1] / n_rows[1]
    p_value = sign_flip_p(contrib, int(n_boot), seed)
    test = paired_test(float(point[0] - point[1]), reps[:, 0] - reps[:, 1], int(n_boot), p_value)
    return {**test, "rival": model_b}


def next_best_model(table: pd.DataFrame, exclude: str, attribute: str | None = None) -> str | None:
    """Model with the lowest MAE other than ``exclude`` (ties: first in table order).

    Args:
        table: A table with ``model`` and ``mae``:
            :func:`~analysis.moe.bootstrap.bootstrap_mae` output,
            :func:`~analysis.moe.metrics.compute_rating_metrics` output (its ``overall`` rows
            are used) or :func:`~analysis.moe.bootstrap.compute_attribute_mae` output (pass
            ``attribute``).
        exclude: The model to leave out (e.g. the DEM-MoE model).
        attribute: Attribute to use from a table with an ``attribute`` column.

    Returns:
        The model name, or None when no other model has a finite MAE.

    Raises:
        KeyError: On missing columns.
        ValueError: For a per-subgroup table, or an ``attribute`` column without ``attribute``.
    """
    require(table, "model", "mae")
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
