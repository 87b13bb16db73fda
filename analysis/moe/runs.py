"""Two kept DEM-MoE comparisons side by side (issue #27 part 0).

Each model's test MAE in both runs, with paired item-bootstrap intervals, and the change.
"""

from __future__ import annotations

import pandas as pd

from analysis.moe._checks import check_pred
from analysis.runs import compute_paired_runs

__all__ = ["RUN_COMPARISON_COLUMNS", "compute_run_comparison"]

RUN_COMPARISON_COLUMNS = [
    "model", "mae_a", "ci_low_a", "ci_high_a", "mae_b", "ci_low_b", "ci_high_b",
    "diff", "diff_ci_low", "diff_ci_high",
]  # fmt: skip


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
    out = compute_paired_runs(a, b, "model", "err", n_boot, seed)
    return out.rename(columns={"a": "mae_a", "b": "mae_b"})[RUN_COMPARISON_COLUMNS]
