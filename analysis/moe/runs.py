"""Two kept DEM-MoE comparisons side by side (issue #27 part 0).

Each model's test MAE in both runs, with paired item-bootstrap intervals, and the change.
"""

from __future__ import annotations

import pandas as pd

from analysis.moe._checks import check_pred
from analysis.runs import named_paired_runs, paired_columns

__all__ = ["RUN_COMPARISON_COLUMNS", "compute_run_comparison"]

RUN_COMPARISON_COLUMNS = paired_columns("model", "mae")


def compute_run_comparison(
    pred_a: pd.DataFrame, pred_b: pd.DataFrame, n_boot: int = 1000, seed: int = 0
) -> pd.DataFrame:
    """Each model both runs trained: its test MAE in run A and run B and ``diff = B - A``.

    Intervals: :func:`analysis.runs.compute_paired_runs` (one set of item resamples for every
    model of both runs; ``diff``'s interval is paired).

    Returns:
        :data:`RUN_COMPARISON_COLUMNS`, models in run A's order.
    """
    a, b = (check_pred(p) for p in (pred_a, pred_b))
    a, b = ((p.assign(err=(p["prediction"] - p["rating"]).abs())) for p in (a, b))
    return named_paired_runs(a, b, "model", "err", "mae", n_boot, seed)
