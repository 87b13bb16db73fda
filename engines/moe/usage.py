"""Expert usage and within-group specialisation of a mixture of experts' routing.

Dem-moe seed, section 5.2 and appendix C.2: how differently the subgroups of one demographic
attribute spread their routed gate weight over the experts (:func:`compute_expert_usage`,
:func:`compute_specialisation_kl`; seed Figure 2 and Figures 7-11). These live in the engine
because the hyperparameter search scores its trials with them; the figures and the
cross-group (ridge) analysis are in :mod:`analysis.moe.specialisation`.

A routing table ``routing`` has one row per routed annotation: ``annotator_id`` and the gate
weights ``expert_0 .. expert_{E-1}`` (finite, non-negative, zero for experts outside the top-k,
at least one positive weight per row). An annotator table ``annotators`` has ``annotator_id``
plus one column per demographic attribute (missing values form the subgroup ``(missing)``, see
:func:`engines.data.groups.demographic_groups`). KL is in nats, Jensen-Shannon divergence in bits.

Usage is estimated from the routed weight (soft counts) with a stated Dirichlet prior of
:data:`USAGE_PRIOR` pseudo-annotation per subgroup spread evenly over the experts (Perks' prior,
``1 / E`` per expert), so an expert that a subgroup never reached has a small, stated usage instead
of an arbitrary ``eps`` that alone decides the KL. Such an expert still adds about
``usage * log(n E / USAGE_PRIOR)`` nats to a pair's KL (``n`` annotations in the subgroup): the KL
moves by ``usage * log 2`` per halving of the prior, a share that falls as ``n`` grows, which is
why the routing of every annotation is counted, not the test split's alone. The Jensen-Shannon
divergence is bounded and hardly moved by the prior.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr

from engines.data.groups import demographic_groups, group_order

__all__ = [
    "EXPERT_PREFIX",
    "KL_COLUMNS",
    "USAGE_COLUMNS",
    "USAGE_PRIOR",
    "check_min_group_size",
    "compute_expert_usage",
    "compute_specialisation_kl",
    "expert_columns",
    "routing_weights",
]

EXPERT_PREFIX = "expert_"
USAGE_COLUMNS = ["attribute", "group", "expert", "usage", "weight", "n"]
KL_COLUMNS = ["attribute", "n_groups", "mean_pairwise_kl", "normalised_kl", "jsd_bits"]
USAGE_PRIOR = 1.0
"""Dirichlet pseudo-annotations per subgroup, ``USAGE_PRIOR / E`` added to each expert (Perks)."""

_EXPERT_RE = re.compile(rf"^{EXPERT_PREFIX}(\d+)$")


def _require(df: pd.DataFrame, *cols: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not found; available: {list(df.columns)}")


def expert_columns(routing: pd.DataFrame) -> list[str]:
    """The ``expert_<j>`` columns of ``routing`` in expert order.

    Raises:
        ValueError: When there are none, or their indices are not exactly ``0 .. E-1``.
    """
    found = {int(m.group(1)): str(c) for c in routing.columns if (m := _EXPERT_RE.match(str(c)))}
    if not found:
        raise ValueError(f"no `{EXPERT_PREFIX}<j>` columns; available: {list(routing.columns)}")
    if sorted(found) != list(range(len(found))):
        raise ValueError(f"expert columns must be numbered 0..E-1, got {sorted(found)}")
    return [found[j] for j in range(len(found))]


def routing_weights(routing: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Validate ``routing`` and return its weights ``[N, E]`` and expert columns.

    Args:
        routing: Routing table (module docstring).

    Returns:
        ``(weights, expert columns)`` with the columns in expert order.

    Raises:
        KeyError: Without ``annotator_id``.
        ValueError: On no rows, missing annotator ids, or weights that are non-numeric,
            non-finite, negative or all zero in a row.
    """
    _require(routing, "annotator_id")
    cols = expert_columns(routing)
    if len(routing) == 0:
        raise ValueError("`routing` has no rows")
    if routing["annotator_id"].isna().any():
        raise ValueError("`annotator_id` has missing values")
    try:
        w = routing[cols].apply(pd.to_numeric).to_numpy(dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError("expert weights must be numeric") from exc
    if not np.isfinite(w).all() or (w < 0).any():
        raise ValueError("expert weights must be finite and non-negative")
    if (w.sum(axis=1) <= 0).any():
        raise ValueError("every routing row needs at least one positive expert weight")
    return w, cols


def check_min_group_size(min_group_size: int) -> None:
    """Refuse a privacy threshold below one annotator.

    Raises:
        ValueError: When ``min_group_size < 1``.
    """
    if min_group_size < 1:
        raise ValueError(f"`min_group_size` must be >= 1, got {min_group_size}")


# --------------------------------------------------------------------------- within-group


def compute_expert_usage(
    routing: pd.DataFrame,
    annotators: pd.DataFrame,
    attributes: Sequence[str],
    min_group_size: int = 1,
) -> pd.DataFrame:
    """Share of each subgroup's routed gate weight that goes to each expert.

    Privacy: subgroups with fewer than ``min_group_size`` distinct annotators in ``routing`` are
    dropped.

    Args:
        routing: Routing table (module docstring).
        annotators: ``annotator_id`` plus one column per attribute.
        attributes: Demographic attributes.
        min_group_size: Smallest number of annotators a reported subgroup may have.

    Returns:
        Tidy ``attribute, group, expert, usage, weight, n``: ``expert`` is the integer index,
        ``weight`` the subgroup's total routed weight on the expert (a soft count of
        annotations), ``usage`` that divided by the subgroup's total weight (so the usages of
        one (attribute, group) sum to 1) and ``n`` the subgroup's number of annotations. Ordered
        by attribute (as given), group (sorted, ``(missing)`` last) and expert.

    Raises:
        KeyError: On missing columns.
        ValueError: On invalid weights or ``min_group_size < 1``.
    """
    check_min_group_size(min_group_size)
    w, cols = routing_weights(routing)
    n_experts = len(cols)
    ann = routing["annotator_id"].astype(str).to_numpy()
    groups = demographic_groups(ann, annotators, attributes)
    frames = []
    for a in attributes:
        g = groups[a].to_numpy()
        sizes = pd.Series(ann).groupby(g).nunique()
        keep = [x for x in group_order(g) if sizes[x] >= min_group_size]
        if not keep:
            continue
        totals = pd.DataFrame(w).groupby(g).sum().reindex(keep).to_numpy()
        n = pd.Series(g).value_counts().reindex(keep).to_numpy()
        usage = totals / totals.sum(axis=1, keepdims=True)
        frames.append(
            pd.DataFrame(
                {
                    "attribute": a,
                    "group": np.repeat(keep, n_experts),
                    "expert": np.tile(np.arange(n_experts), len(keep)),
                    "usage": usage.ravel(),
                    "weight": totals.ravel(),
                    "n": np.repeat(n, n_experts),
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=USAGE_COLUMNS)
    return pd.concat(frames, ignore_index=True)[USAGE_COLUMNS]


def compute_specialisation_kl(
    usage: pd.DataFrame, n_experts: int, prior: float | None = None
) -> pd.DataFrame:
    """Within-group specialisation: how differently an attribute's subgroups use the experts.

    Each subgroup's usage is the posterior mean under a symmetric Dirichlet prior,
    ``p_g = (w_g + prior) / (sum(w_g) + E prior)`` with ``w_g`` its routed weight per expert
    (``usage * n`` when the table has no ``weight`` column). Two scores, mean over the pairs of
    subgroups:

    * ``mean_pairwise_kl``: the mean of ``KL(p_i || p_j)`` over the ``G (G - 1)`` ordered pairs
      (nats); ``normalised_kl`` divides it by ``log E`` (the seed's normalisation for capacity,
      dem-moe section 5.2). Unbounded: an expert one subgroup never reached contributes about
      ``log(n / prior)``.
    * ``jsd_bits``: the mean Jensen-Shannon divergence over the ``G (G - 1) / 2`` pairs, in bits
      (0: the same usage; 1: disjoint experts). Bounded and barely moved by the prior: the
      score the hyperparameter search prefers.

    An attribute with a single subgroup has no pair and scores 0, as does everything when
    ``n_experts == 1``.

    Args:
        usage: Output of :func:`compute_expert_usage` (experts absent from it count as 0).
        n_experts: Number of experts ``E`` of the model.
        prior: Dirichlet pseudo-count per expert (``>= 0``; 0 uses the raw usage; None:
            ``USAGE_PRIOR / n_experts``).

    Returns:
        ``attribute, n_groups, mean_pairwise_kl, normalised_kl, jsd_bits``, one row per
        attribute in order of appearance.

    Raises:
        KeyError: On missing columns.
        ValueError: On ``n_experts`` below 1 or not above every expert index, negative
            ``prior``, or missing or negative usage.
    """
    _require(usage, "attribute", "group", "expert", "usage")
    if n_experts < 1:
        raise ValueError(f"`n_experts` must be >= 1, got {n_experts}")
    if prior is None:
        prior = USAGE_PRIOR / n_experts
    if prior < 0:
        raise ValueError(f"`prior` must be >= 0, got {prior}")
    vals = usage["usage"].to_numpy(dtype=float)
    if not np.isfinite(vals).all() or (vals < 0).any():
        raise ValueError("`usage` must be finite and non-negative")
    experts = usage["expert"].to_numpy(dtype=int)
    if len(experts) and (experts.min() < 0 or experts.max() >= n_experts):
        raise ValueError(f"expert indices must lie in [0, {n_experts})")
    if "weight" in usage.columns:
        counts = usage["weight"].to_numpy(dtype=float)
    elif "n" in usage.columns:
        counts = vals * usage["n"].to_numpy(dtype=float)
    else:
        counts = vals
    table = usage.assign(_count=counts)
    rows = []
    for attribute, df in table.groupby("attribute", sort=False):
        mat = (
            df.pivot_table(index="group", columns="expert", values="_count", aggfunc="sum")
            .reindex(columns=range(n_experts))
            .fillna(0.0)
            .to_numpy()
        )
        p = mat + prior
        p = p / p.sum(axis=1, keepdims=True)
        g = len(p)
        if g < 2 or n_experts == 1:
            mean_kl = jsd = 0.0
        else:
            kl = rel_entr(p[:, None, :], p[None, :, :]).sum(axis=-1)
            mean_kl = float(kl[~np.eye(g, dtype=bool)].mean())
            i, j = np.triu_indices(g, 1)
            jsd = float(np.mean(jensenshannon(p[i], p[j], base=2, axis=1) ** 2))
        norm = mean_kl / np.log(n_experts) if n_experts > 1 else 0.0
        rows.append((str(attribute), g, mean_kl, float(norm), jsd))
    return pd.DataFrame(rows, columns=KL_COLUMNS)
