"""How a profile edit shifts the predictions (the live profile editor).

Jensen-Shannon divergence per item, the per-item shift table and the mean class shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from analysis.profiles._checks import as_prob, check_len

__all__ = [
    "SHIFT_COLUMNS",
    "compute_prediction_shift",
    "js_divergence",
    "summarise_distribution",
]

SHIFT_COLUMNS = ["item_id", "text", "top_class", "before", "after", "delta", "js_divergence"]


def js_divergence(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Jensen-Shannon divergence (nats, at most ``ln 2``) along the last axis.

    Args:
        p: Distributions, class axis last.
        q: Distributions of the same shape.

    Returns:
        The divergence per row.
    """
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    m = 0.5 * (p + q)

    def kl(a: np.ndarray) -> np.ndarray:
        ratio = np.where(a > 0, a / np.where(m > 0, m, 1.0), 1.0)
        return (a * np.log(ratio)).sum(axis=-1)

    return np.maximum(0.5 * kl(p) + 0.5 * kl(q), 0.0)


def compute_prediction_shift(
    item_ids: Sequence[Any],
    texts: Sequence[str] | None,
    p_before: np.ndarray,
    p_after: np.ndarray,
    classes: Sequence[float] | None,
    sort_by: Literal["delta", "js"] = "delta",
) -> pd.DataFrame:
    """How a profile edit shifts each item's predicted distribution.

    With numeric ``classes``, ``before``/``after`` are expected labels ``sum_y p_y * class_y``;
    otherwise they are the probability of the class most likely before the edit
    (``df.attrs["quantity"]`` names which).

    Args:
        item_ids: Item identifiers, length ``n_items``.
        texts: Item texts aligned with ``item_ids`` (optional).
        p_before: Distributions before the edit, shape ``[n_items, C]``.
        p_after: Distributions after the edit, same shape.
        classes: Numeric value of each class, length ``C``, or None.
        sort_by: ``"delta"`` (``|delta|`` descending, JS breaking ties) or ``"js"``.

    Returns:
        ``item_id, text, top_class, before, after, delta, js_divergence`` (``top_class`` is the
        argmax before: a class value when ``classes`` is given, else an index).
    """
    if sort_by not in ("delta", "js"):
        raise ValueError("`sort_by` must be 'delta' or 'js'")
    pb = as_prob(p_before, "p_before", 2)
    pa = as_prob(p_after, "p_after", 2)
    if pb.shape != pa.shape:
        raise ValueError(f"shape mismatch: {pb.shape} vs {pa.shape}")
    check_len("item_ids", item_ids, len(pb))
    if texts is not None:
        check_len("texts", texts, len(pb))
    top = pb.argmax(axis=1)
    if classes is not None:
        values = np.asarray(classes, dtype=float)
        check_len("classes", values, pb.shape[1])
        before, after = pb @ values, pa @ values
        top_class: np.ndarray = values[top]
        quantity = "expected label"
    else:
        rows = np.arange(len(pb))
        before, after = pb[rows, top], pa[rows, top]
        top_class = top
        quantity = "P(most likely class before)"
    out = pd.DataFrame(
        {
            "item_id": list(item_ids),
            "text": list(texts) if texts is not None else [None] * len(pb),
            "top_class": top_class,
            "before": before,
            "after": after,
            "delta": after - before,
            "js_divergence": js_divergence(pb, pa),
        }
    )
    keys = (
        (out["delta"].abs(), out["js_divergence"])
        if sort_by == "delta"
        else (out["js_divergence"], out["delta"].abs())
    )
    order = np.lexsort((-keys[1].to_numpy(), -keys[0].to_numpy()))
    out = out.iloc[order].reset_index(drop=True)
    out.attrs["quantity"] = quantity
    return out


def summarise_distribution(probs: np.ndarray, classes: Sequence[Any] | None = None) -> pd.DataFrame:
    """Mean predicted share of each class over all items.

    Args:
        probs: Distributions, shape ``[n_items, C]``.
        classes: Class labels, length ``C`` (default: class indices).

    Returns:
        ``class, share`` with one row per class; shares sum to 1.
    """
    p = as_prob(probs, "probs", 2)
    labels = list(classes) if classes is not None else list(range(p.shape[1]))
    check_len("classes", labels, p.shape[1])
    share = p.mean(axis=0) if len(p) else np.full(p.shape[1], np.nan)
    return pd.DataFrame({"class": labels, "share": share})
