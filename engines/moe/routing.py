"""How many experts a routing uses: effective experts and the idle ones.

A companion of :mod:`engines.moe.usage` (same routing and usage tables): the exponential of the
entropy of the gate weight over the experts, overall and per subgroup, and the experts no
subgroup gives more than a small share of its weight.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from engines.moe.usage import routing_weights

__all__ = ["effective_experts", "routing_summary"]


def effective_experts(usage: np.ndarray) -> np.ndarray:
    """``exp`` of the entropy of each usage distribution (rows of ``usage``; nats).

    1 when one expert takes all the weight, ``E`` when all ``E`` share it equally: the number
    of experts a subgroup effectively uses.

    >>> effective_experts(np.array([[1.0, 0.0], [0.5, 0.5]])).round(3).tolist()
    [1.0, 2.0]
    """
    p = np.asarray(usage, dtype=float)
    p = p / p.sum(axis=-1, keepdims=True)
    return np.exp(-np.sum(np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0), axis=-1))


def routing_summary(
    routing: pd.DataFrame, usage: pd.DataFrame, n_experts: int, idle_share: float = 0.1
) -> dict[str, object]:
    """How many experts the routing uses: overall effective experts and the idle ones.

    Args:
        routing: Routing table (module docstring).
        usage: :func:`compute_expert_usage` output for the same routing.
        n_experts: Number of experts ``E``.
        idle_share: An expert is idle when no subgroup gives it more than this share.

    Returns:
        ``n_experts``, ``effective`` (of the overall usage), ``per_group`` (median effective
        experts of the subgroups), ``idle`` (expert indices) and ``active`` (their count).
    """
    w, _ = routing_weights(routing)
    overall = float(effective_experts(w.sum(axis=0)))
    per_group = np.nan
    busy: set[int] = set(range(n_experts))
    if not usage.empty:
        wide = usage.pivot_table(
            index=["attribute", "group"], columns="expert", values="usage", aggfunc="sum"
        ).reindex(columns=range(n_experts), fill_value=0.0)
        per_group = float(np.median(effective_experts(wide.fillna(0.0).to_numpy())))
        busy = {int(e) for e in wide.columns[(wide > idle_share).any(axis=0).to_numpy()]}
    idle = sorted(set(range(n_experts)) - busy)
    return {
        "n_experts": int(n_experts),
        "effective": overall,
        "per_group": per_group,
        "idle": idle,
        "active": n_experts - len(idle),
    }
