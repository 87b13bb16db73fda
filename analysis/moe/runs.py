"""Two kept DEM-MoE comparisons side by side (issue #27 part 0).

Each model's test MAE in both runs, with intervals, and the change.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.moe._checks import check_pred
from analysis.moe._resample import bootstrap_ratio, item_codes, percentile_ci

__all__ = ["RUN_COMPARISON_COLUMNS", "compute_run_comparison"]

RUN_COMPARISON_COLUMNS = [
    "model", "mae_a", "ci_low_a", "ci_high_a", "mae_b", "ci_low_b", "ci_high_b",
    "diff", "diff_ci_low", "diff_ci_high",
]  # fmt: skip


def compute_run_comparison(
    pred_a: pd.DataFrame, pred_b: pd.DataFrame, n_boot: int = 1000, seed: int = 0
) -> pd.DataFrame:
    """Each model both runs trained: its test MAE in run A and run B and ``diff = B - A``.

    Intervals are 95% item-cluster bootstrap percentiles, one set of item resamples for every
    model of both runs, so ``diff``'s interval is paired (both runs are scored on the same
    items; an item only one run predicted is in neither run's resample).

    Returns:
        :data:`RUN_COMPARISON_COLUMNS`, models in run A's order.
    """
    a, b = check_pred(pred_a), check_pred(pred_b)
    models = [m for m in pd.unique(a["model"]) if m in set(b["model"])]
    shared = set(a["item_id"]) & set(b["item_id"])
    both = pd.concat([a.assign(run=0), b.assign(run=1)], ignore_index=True)
    both = both[both["model"].isin(models) & both["item_id"].isin(shared)]
    if both.empty:
        return pd.DataFrame(columns=RUN_COMPARISON_COLUMNS)
    stat = both["run"].to_numpy() * len(models) + pd.Categorical(
        both["model"], categories=models
    ).codes.astype(int)
    icode, n_items = item_codes(both)
    err = np.abs(both["prediction"].to_numpy() - both["rating"].to_numpy())
    shape = (2 * len(models), n_items)
    num = sparse.csr_array((err, (stat, icode)), shape=shape)
    den = sparse.csr_array((np.ones(len(both)), (stat, icode)), shape=shape)
    reps = bootstrap_ratio(num, den, n_boot, seed)
    point = np.bincount(stat, weights=err, minlength=shape[0]) / np.bincount(
        stat, minlength=shape[0]
    )
    k = len(models)
    lo, hi = percentile_ci(reps)
    dlo, dhi = percentile_ci(reps[:, k:] - reps[:, :k])
    return pd.DataFrame(
        {
            "model": models,
            "mae_a": point[:k],
            "ci_low_a": lo[:k],
            "ci_high_a": hi[:k],
            "mae_b": point[k:],
            "ci_low_b": lo[k:],
            "ci_high_b": hi[k:],
            "diff": point[k:] - point[:k],
            "diff_ci_low": dlo,
            "diff_ci_high": dhi,
        },  # fmt: skip
        columns=RUN_COMPARISON_COLUMNS,
    )
