"""Expert specialisation of a mixture of experts (DEM-MoE seed, section 5.2, appendix C.2-C.3).

* Within-group specialisation: how differently the subgroups of one attribute spread their
  routed weight over the experts (:func:`compute_expert_usage`,
  :func:`compute_specialisation_kl`; seed Figure 2 and Figures 7-11). They are computed in the
  engine (:mod:`engines.moe.usage`, where the hyperparameter search scores its trials with
  them) and re-exported here beside the other analyses.
* Cross-group specialisation: ridge regression from one-hot demographics to each annotator's
  mean routing weights (:func:`compute_usage_ridge`, :func:`cluster_order`; Figures 12-16).

Every function reads a routing table ``routing`` with one row per routed annotation:
``annotator_id`` and the gate weights ``expert_0 .. expert_{E-1}`` (see
:func:`engines.moe.usage.routing_weights`), and an annotator table ``annotators`` with
``annotator_id`` plus one column per demographic attribute (missing values form the subgroup
``(missing)``, see :func:`engines.data.groups.demographic_groups`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import leaves_list, linkage
from sklearn.linear_model import Ridge

from engines.data.groups import demographic_groups, group_order
from engines.moe.routing import routing_summary
from engines.moe.usage import (
    EXPERT_PREFIX,
    KL_COLUMNS,
    USAGE_COLUMNS,
    check_min_group_size,
    compute_expert_usage,
    compute_specialisation_kl,
    expert_columns,
    routing_weights,
)

__all__ = [
    "EXPERT_PREFIX",
    "KL_COLUMNS",
    "USAGE_COLUMNS",
    "cluster_linkage",
    "cluster_order",
    "compute_expert_usage",
    "compute_specialisation_kl",
    "compute_usage_ridge",
    "expert_columns",
    "routing_note",
    "routing_summary",
]


def routing_note(summary: dict[str, object], idle_share: float = 0.1) -> str:
    """One sentence on how many experts the routing uses (from :func:`routing_summary`)."""
    n, eff, idle = summary["n_experts"], summary["effective"], summary["idle"]
    text = (
        f"Effective experts: {eff:.1f} of {n} overall (exp of the entropy of the routed "
        "gate weight over the experts, every annotation; 1 = one expert takes everything"
    )
    per_group = summary.get("per_group")
    if per_group is not None and not np.isnan(per_group):
        text += f"; median subgroup {per_group:.1f}"
    text += ")."
    if idle:
        names = ", ".join(str(e) for e in idle)
        text += (
            f" Only {summary['active']} of {n} experts carry more than {idle_share:.0%} of any "
            f"subgroup's weight; expert{'s' if len(idle) > 1 else ''} {names} "
            f"{'are' if len(idle) > 1 else 'is'} nearly idle."
        )
    return text


def compute_usage_ridge(
    routing: pd.DataFrame,
    annotators: pd.DataFrame,
    attributes: Sequence[str],
    alpha: float = 1.0,
    min_group_size: int = 1,
) -> pd.DataFrame:
    """Ridge coefficients from one-hot demographics to each annotator's mean routing weights.

    One multi-output ``sklearn.linear_model.Ridge`` (with intercept) is fitted on one row per
    annotator: targets are the annotator's mean gate weight per expert over their routed
    annotations, features one indicator per (attribute, subgroup), none dropped (the ridge
    penalty keeps the fit identified). Privacy: subgroups with fewer than ``min_group_size``
    annotators get no feature (they fall into the baseline).

    Args:
        routing: Routing table (module docstring).
        annotators: ``annotator_id`` plus one column per attribute.
        attributes: Demographic attributes.
        alpha: Ridge penalty (``> 0``).
        min_group_size: Smallest number of annotators a subgroup needs to get a feature.

    Returns:
        Coefficients, index ``feature`` (``"attribute=value"``, by attribute then subgroup) and
        one column per expert (``expert_0 ..``): the change in mean gate weight associated with
        belonging to the subgroup.

    Raises:
        KeyError: On missing columns.
        ValueError: On invalid weights, ``alpha <= 0``, ``min_group_size < 1`` or no feature.
    """
    if not alpha > 0:
        raise ValueError(f"`alpha` must be > 0, got {alpha}")
    check_min_group_size(min_group_size)
    w, cols = routing_weights(routing)
    ann = routing["annotator_id"].astype(str).to_numpy()
    per_annotator = pd.DataFrame(w, columns=cols).groupby(ann).mean()
    groups = demographic_groups(per_annotator.index.to_series(), annotators, attributes)
    features: dict[str, np.ndarray] = {}
    for a in attributes:
        g = groups[a].to_numpy()
        for level in group_order(g):
            hit = g == level
            if hit.sum() >= min_group_size:
                features[f"{a}={level}"] = hit.astype(float)
    if not features:
        raise ValueError("no demographic feature left (all subgroups below min_group_size)")
    x = np.column_stack(list(features.values()))
    model = Ridge(alpha=alpha).fit(x, per_annotator.to_numpy())
    coef = np.atleast_2d(model.coef_)  # [E, F]
    out = pd.DataFrame(coef.T, index=pd.Index(list(features), name="feature"), columns=cols)
    out.columns.name = "expert"
    return out


def cluster_linkage(coef: pd.DataFrame) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Average-linkage (Euclidean) hierarchical clusterings of the rows and columns of ``coef``.

    Uses ``scipy.cluster.hierarchy.linkage`` with optimal leaf ordering.

    Args:
        coef: A numeric matrix, e.g. :func:`compute_usage_ridge` output.

    Returns:
        (row linkage, column linkage); each is None when there are fewer than two rows
        (columns) to cluster.

    Raises:
        ValueError: On an empty or non-finite matrix.
    """
    values = coef.to_numpy(dtype=float)
    if values.size == 0:
        raise ValueError("`coef` is empty")
    if not np.isfinite(values).all():
        raise ValueError("`coef` must be finite")

    def link(m: np.ndarray) -> np.ndarray | None:
        if len(m) < 2:
            return None
        return linkage(m, method="average", metric="euclidean", optimal_ordering=True)

    return link(values), link(values.T)


def cluster_order(coef: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Row and column orders of ``coef`` from average-linkage hierarchical clustering.

    Args:
        coef: A numeric matrix, e.g. :func:`compute_usage_ridge` output.

    Returns:
        (row labels, column labels) in dendrogram leaf order; a single row or column keeps its
        place.

    Raises:
        ValueError: On an empty or non-finite matrix.
    """
    row_link, col_link = cluster_linkage(coef)
    rows = leaves_list(row_link) if row_link is not None else np.arange(coef.shape[0])
    cols = leaves_list(col_link) if col_link is not None else np.arange(coef.shape[1])
    return [str(coef.index[i]) for i in rows], [str(coef.columns[j]) for j in cols]
