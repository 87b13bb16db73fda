"""Edit-validity checks: does a profile edit move the predictions the way it says?

An edit appended to a value profile states a direction: stricter (+1, higher ratings) or more
lenient (-1), either overall (*global*) or about one topic (*topical*). Its effect is read
from the decoder's predicted distributions for every item before and after the edit, as the
change of the expected label ``E[y] = sum_c p_c * class_c``:

* global edit: the mean change over all items;
* topical edit: the mean change over the topic's items minus the mean change over the other
  items, so an edit that moves everything alike does not count as topical.

The edit went the stated way when that shift is non-zero and has the stated sign.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.profiles._checks import as_prob, require

__all__ = ["EDIT_CHECK_COLUMNS", "edit_shift", "summarise_edit_checks"]

EDIT_CHECK_COLUMNS = ["rater", "edit", "scope", "direction", "form", "strong", "shift"]
"""One row per (rater, edit): ``scope`` is ``global`` or a topic name, ``direction`` +1/-1,
``form`` how it is phrased (plain, negation, hedge, intensified), ``shift`` from
:func:`edit_shift`; :func:`summarise_edit_checks` may also read ``topic_shift``."""


def edit_shift(
    before: np.ndarray,
    after: np.ndarray,
    classes: Sequence[float],
    topic: np.ndarray | None = None,
) -> tuple[float, float]:
    """``(shift, topic_shift)`` of the expected label that an edit causes.

    Args:
        before: Predicted distributions ``[n_items, C]`` under the original profile.
        after: The same under the edited profile.
        classes: The numeric value of each class (``C`` of them).
        topic: Boolean mask of the topic's items for a topical edit; None for a global one.

    Returns:
        ``shift``: the global mean change, or for a topical edit the topic's mean change minus
        the other items' mean change; ``topic_shift``: the topic's own mean change (the global
        mean change for a global edit).

    Raises:
        ValueError: Shapes disagree, or the topic mask selects no item or every item.
    """
    values = np.asarray(classes, dtype=float)
    p0 = as_prob(before, "before", 2)
    p1 = as_prob(after, "after", 2)
    if p0.shape != p1.shape or p0.shape[1] != len(values):
        raise ValueError(f"before {p0.shape}, after {p1.shape} and {len(values)} classes differ")
    delta = (p1 - p0) @ values
    if topic is None:
        mean = float(delta.mean())
        return mean, mean
    mask = np.asarray(topic, dtype=bool)
    if mask.shape != delta.shape:
        raise ValueError(f"topic mask has shape {mask.shape}, expected {delta.shape}")
    if not mask.any() or mask.all():
        raise ValueError("a topic needs some items inside it and some outside it")
    inside = float(delta[mask].mean())
    return inside - float(delta[~mask].mean()), inside


def _share(rows: pd.DataFrame) -> float:
    right = np.sign(rows["shift"]) == rows["direction"]
    return float(right.mean()) if len(rows) else float("nan")


def summarise_edit_checks(rows: pd.DataFrame) -> dict[str, object]:
    """Share of (rater, edit) pairs that went the stated way, overall and by kind of edit.

    Args:
        rows: :data:`EDIT_CHECK_COLUMNS`, plus ``topic_shift`` for the strong-edit size.

    Returns:
        ``right_way_share``, ``right_way_global``, ``right_way_topic``; ``by_direction``,
        ``by_form`` and ``by_edit`` (share per value); ``worst_type_share`` (the lowest share
        over every scope x direction x form type); ``mean_abs_shift``; and
        ``strong_topic_shift``: the mean of ``direction * topic_shift`` over strong topical
        edits (how far a strong statement moves its own topic, in rating points).
    """
    require(rows, *EDIT_CHECK_COLUMNS)
    is_global = rows["scope"] == "global"
    kind = np.where(is_global, "global", "topic")
    types = rows.groupby([kind, rows["direction"], rows["form"]])[["shift", "direction"]]
    strong_topic = rows[~is_global & rows["strong"]]
    strong = (
        float((strong_topic["direction"] * strong_topic["topic_shift"]).mean())
        if "topic_shift" in rows.columns and len(strong_topic)
        else float("nan")
    )
    return {
        "right_way_share": _share(rows),
        "right_way_global": _share(rows[is_global]),
        "right_way_topic": _share(rows[~is_global]),
        "by_direction": {int(d): _share(g) for d, g in rows.groupby("direction")},
        "by_form": {str(f): _share(g) for f, g in rows.groupby("form")},
        "by_edit": {str(e): _share(g) for e, g in rows.groupby("edit", sort=False)},
        "worst_type_share": float(min(_share(g) for _, g in types)),
        "mean_abs_shift": float(rows["shift"].abs().mean()),
        "strong_topic_shift": strong,
    }
