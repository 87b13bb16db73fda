"""Two kept MC-STL comparisons side by side (issue #27 part 0).

Each variant's mean test log loss (nats per annotation) in both runs, with paired item-bootstrap
intervals (:func:`analysis.runs.compute_paired_runs`), and the change.
"""

from __future__ import annotations

import pandas as pd

from analysis.runs import named_paired_runs, paired_columns
from engines.mcstl.scores import annotation_nll

__all__ = ["MCSTL_RUN_COLUMNS", "compute_run_comparison"]

MCSTL_RUN_COLUMNS = paired_columns("variant", "nll")


def compute_run_comparison(
    pred_a: pd.DataFrame, pred_b: pd.DataFrame, n_boot: int = 1000, seed: int = 0
) -> pd.DataFrame:
    """Each variant both runs trained: its test log loss in A and B and ``diff = B - A``.

    Args:
        pred_a: run A's :attr:`~engines.mcstl.workflow.MCSTLResult.predictions`.
        pred_b: run B's.
        n_boot: bootstrap replicates.
        seed: seed of the item resamples.
    """
    a, b = annotation_nll(pred_a), annotation_nll(pred_b)
    return named_paired_runs(a, b, "variant", "nll", "nll", n_boot, seed)
