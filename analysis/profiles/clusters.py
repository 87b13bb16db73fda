"""Size and fit of each value-profile cluster (the summary table of Algorithm 2).

The clustering itself is part of the method and lives in :mod:`engines.profiles.clustering`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from engines.profiles.clustering import ProfileClustering, check_loss_table

__all__ = [
    "CLUSTER_COLUMNS",
    "compute_cluster_summary",
]

CLUSTER_COLUMNS = ["cluster", "candidate", "profile", "n_raters", "share", "mean_loss"]


def compute_cluster_summary(
    result: ProfileClustering,
    loss_table: np.ndarray,
    profiles: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Size and fit of each cluster of a ``greedy_profile_clustering`` result.

    Args:
        result: The clustering.
        loss_table: The loss table it was fitted on.
        profiles: Profile text per candidate (optional).

    Returns:
        ``cluster, candidate, profile, n_raters, share, mean_loss`` (mean ``L`` of its raters),
        one row per cluster slot.
    """
    table = check_loss_table(loss_table)
    k = len(result.chosen)
    n = np.bincount(result.assignments, minlength=k)
    own = table[np.arange(len(table)), result.chosen[result.assignments]]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_loss = np.bincount(result.assignments, weights=own, minlength=k) / n
    texts = [profiles[c] if profiles is not None else None for c in result.chosen]
    return pd.DataFrame(
        {
            "cluster": np.arange(k),
            "candidate": result.chosen,
            "profile": texts,
            "n_raters": n,
            "share": n / max(len(table), 1),
            "mean_loss": mean_loss,
        }
    )
