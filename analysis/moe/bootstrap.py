"""Item-cluster bootstrap of MAE: per model, per demographic subgroup, per attribute.

The predictions table and the conventions are those of :mod:`analysis.moe.metrics`: intervals
are 95% percentile intervals over item resamples shared by every statistic of one call (so
model differences are paired; :mod:`analysis.moe.significance` tests them), and subgroups come
from :func:`engines.data.groups.demographic_groups` (:data:`~engines.data.groups.MISSING` last).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.moe._checks import check_pred
from analysis.moe._resample import (
    bootstrap_ratio,
    check_boot,
    item_codes,
    nanmean_cols,
    percentile_ci,
)
from engines.data.groups import demographic_groups, group_order

__all__ = [
    "ATTRIBUTE_MAE_COLUMNS",
    "BOOT_COLUMNS",
    "GROUP_MAE_COLUMNS",
    "GroupMAEBootstrap",
    "bootstrap_group_mae",
    "bootstrap_mae",
    "compute_attribute_mae",
    "compute_group_mae",
]

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


def bootstrap_mae(pred: pd.DataFrame, n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Annotator-level MAE per model with a paired item-cluster bootstrap 95% interval.

    Args:
        pred: Predictions table (:mod:`analysis.moe.metrics`).
        n_boot: Number of bootstrap replicates.
        seed: Seed of the item resamples (shared by all models).

    Returns:
        ``model, mae, ci_low, ci_high, n`` (``n`` annotations), one row per model in order of
        appearance.

    Raises:
        KeyError: On missing columns.
        ValueError: On an empty table, invalid values or ``n_boot < 1``.
    """
    check_boot(n_boot)
    p = check_pred(pred)
    mcode, models = pd.factorize(p["model"])
    icode, n_items = item_codes(p)
    err = np.abs(p["prediction"].to_numpy() - p["rating"].to_numpy())
    shape = (len(models), n_items)
    num = sparse.csr_array((err, (mcode, icode)), shape=shape)
    den = sparse.csr_array((np.ones(len(p)), (mcode, icode)), shape=shape)
    reps = bootstrap_ratio(num, den, n_boot, seed)
    n = np.bincount(mcode, minlength=len(models))
    mae = np.bincount(mcode, weights=err, minlength=len(models)) / n
    lo, hi = percentile_ci(reps)
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
        item_errors: Sum of absolute errors per table row and item, ``[len(table), n_items]``
            (for the sign-flip test of :func:`~analysis.moe.significance.compare_attribute_mae`).
    """

    table: pd.DataFrame
    replicates: np.ndarray
    n_boot: int
    seed: int
    item_errors: sparse.csr_array | None = None

    def attribute_contributions(self, model_a: str, model_b: str, attribute: str) -> np.ndarray:
        """Per item, its share of the mean-of-subgroups MAE difference ``a - b``.

        ``c_i = mean_g (E_a[g, i] - E_b[g, i]) / n_g`` over the subgroups both models have,
        so that ``sum_i c_i`` is the difference of the two attribute MAEs.
        """
        if self.item_errors is None:
            raise ValueError("this bootstrap kept no per-item errors")
        t = self.table.reset_index(drop=True)
        rows = {}
        for m in (model_a, model_b):
            sub = t[(t["model"] == m) & (t["attribute"] == attribute)]
            rows[m] = pd.Series(sub.index.to_numpy(), index=sub["group"].to_numpy())
        groups = rows[model_a].index.intersection(rows[model_b].index)
        ia, ib = rows[model_a][groups].to_numpy(), rows[model_b][groups].to_numpy()
        n = t["n"].to_numpy(dtype=float)
        errs = self.item_errors
        diff = errs[ia].toarray() / n[ia, None] - errs[ib].toarray() / n[ib, None]
        return diff.mean(axis=0) if len(groups) else np.zeros(errs.shape[1])

    def attribute_replicates(self, model: str, attribute: str) -> tuple[float, np.ndarray, int]:
        """One model's mean-of-subgroups MAE for one attribute: point, replicates, subgroups.

        Raises:
            ValueError: When the model has no subgroup MAE for the attribute.
        """
        t = self.table
        idx = np.flatnonzero(((t["model"] == model) & (t["attribute"] == attribute)).to_numpy())
        if len(idx) == 0:
            raise ValueError(f"no subgroup MAE for model {model!r} and attribute {attribute!r}")
        point = float(t["mae"].to_numpy()[idx].mean())
        return point, nanmean_cols(self.replicates[:, idx]), len(idx)


def _distinct_annotators(
    key: np.ndarray, a_codes: np.ndarray, n_annotators: int, size: int
) -> np.ndarray:
    """Number of distinct annotator codes per value ``0..size-1`` of ``key``."""
    pairs = np.unique(key.astype(np.int64) * n_annotators + a_codes)
    return np.bincount(pairs // n_annotators, minlength=size)


def _kept_subgroups(
    groups: pd.DataFrame,
    attributes: Sequence[str],
    acode: np.ndarray,
    n_annotators: int,
    min_group_size: int,
) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    """Rows in a kept subgroup, their global subgroup index and the ``(attribute, group)`` labels.

    Subgroups are numbered across attributes (attribute order, then :func:`group_order`); a
    row appears once per attribute whose subgroup of it has ``min_group_size`` annotators.
    """
    labels: list[tuple[str, str]] = []
    row_parts, gidx_parts = [], []
    for a in attributes:
        gcode, glabels = pd.factorize(groups[a])
        sizes = _distinct_annotators(gcode, acode, n_annotators, len(glabels))
        keep = [x for x in group_order(glabels) if sizes[glabels.get_loc(x)] >= min_group_size]
        remap = np.full(len(glabels), -1)
        remap[[glabels.get_loc(x) for x in keep]] = np.arange(len(keep))
        codes = remap[gcode]
        rows = np.flatnonzero(codes >= 0)
        row_parts.append(rows)
        gidx_parts.append(codes[rows] + len(labels))
        labels += [(a, x) for x in keep]
    return np.concatenate(row_parts), np.concatenate(gidx_parts), labels


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
        pred: Predictions table (:mod:`analysis.moe.metrics`).
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
    check_boot(n_boot)
    if min_group_size < 1:
        raise ValueError(f"`min_group_size` must be >= 1, got {min_group_size}")
    p = check_pred(pred)
    groups = demographic_groups(p["annotator_id"], annotators, attributes)
    mcode, models = pd.factorize(p["model"])
    icode, n_items = item_codes(p)
    err = np.abs(p["prediction"].to_numpy() - p["rating"].to_numpy())
    acode, ann_ids = pd.factorize(p["annotator_id"])
    rows, gidx, labels = _kept_subgroups(groups, attributes, acode, len(ann_ids), min_group_size)
    n_groups = len(labels)
    stat = mcode[rows] * n_groups + gidx
    shape = (len(models) * n_groups, n_items)
    num = sparse.csr_array((err[rows], (stat, icode[rows])), shape=shape)
    den = sparse.csr_array((np.ones(len(rows)), (stat, icode[rows])), shape=shape)
    n = np.bincount(stat, minlength=shape[0])
    with np.errstate(invalid="ignore", divide="ignore"):
        mae = np.bincount(stat, weights=err[rows], minlength=shape[0]) / n
    n_ann = _distinct_annotators(stat, acode[rows], len(ann_ids), shape[0])
    present = n > 0
    reps = bootstrap_ratio(num[present], den[present], n_boot, seed)
    lo, hi = percentile_ci(reps)
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
    return GroupMAEBootstrap(
        table=table, replicates=reps, n_boot=int(n_boot), seed=int(seed), item_errors=num[present]
    )


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
    needed (for :func:`compute_attribute_mae` or
    :func:`~analysis.moe.significance.compare_attribute_mae`). Privacy: subgroups with fewer
    than ``min_group_size`` annotators are dropped, not merged.

    Args:
        pred: Predictions table (:mod:`analysis.moe.metrics`).
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
        point, reps, n_groups = boot.attribute_replicates(model, attribute)
        lo, hi = percentile_ci(reps)
        rows.append((model, attribute, point, float(lo), float(hi), n_groups))
    return pd.DataFrame(rows, columns=ATTRIBUTE_MAE_COLUMNS)
