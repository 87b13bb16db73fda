"""Triage: is a low-expertise annotator noisy, or a consistent minority perspective?

REALM's expertise measures agreement with the classifier, which learns the majority's view, so
an annotator who sees items the way their demographic group does but the majority does not also
gets a low expertise. The triage puts next to each expertise how much of the annotator's
deviation from the item mean is shared with their group: the correlation, over the items they
rated, of their residual ``y_ai - mean_i`` with the mean residual of the *other* members of
their group on that item (leave-one-out, so an annotator never correlates with themselves).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE

__all__ = ["SHARED_BAR", "compute_triage"]

SHARED_BAR = 0.3
"""A correlation at or above this reads as a deviation shared with the group."""


def compute_triage(
    annotations: pd.DataFrame,
    groups: pd.Series,
    expertise: pd.Series,
    min_items: int = 5,
) -> pd.DataFrame:
    """Expertise and shared deviation per annotator.

    Args:
        annotations: ``item_id, annotator_id, label_code`` (ordered codes).
        groups: Annotator id -> group (e.g. their age band).
        expertise: Annotator id -> expertise.
        min_items: Fewer items shared with a group member: ``shared`` is NaN.

    Returns:
        ``annotator_id, group, expertise, shared, n_items, reading``, lowest expertise first.
        ``reading`` is "shared with their group" (``shared >= SHARED_BAR``), "idiosyncratic"
        (below it) or "–" (too few items).
    """
    df = annotations[[ITEM_ID, ANNOTATOR_ID, LABEL_CODE]].copy()
    df[ANNOTATOR_ID] = df[ANNOTATOR_ID].astype(str)
    df["group"] = df[ANNOTATOR_ID].map(groups.rename(index=str)).astype(str)
    df["r"] = df[LABEL_CODE] - df.groupby(ITEM_ID)[LABEL_CODE].transform("mean")
    cell = df.groupby([ITEM_ID, "group"])["r"]
    total, count = cell.transform("sum"), cell.transform("size")
    df["g"] = np.where(count > 1, (total - df["r"]) / (count - 1).clip(lower=1), np.nan)
    rows = []
    for annotator, part in df.dropna(subset=["g"]).groupby(ANNOTATOR_ID):
        ok = len(part) >= min_items and part["r"].std() > 0 and part["g"].std() > 0
        rows.append((annotator, float(np.corrcoef(part["r"], part["g"])[0, 1]) if ok else np.nan,
                     len(part)))  # fmt: skip
    shared = pd.DataFrame(rows, columns=[ANNOTATOR_ID, "shared", "n_items"])
    out = pd.DataFrame({ANNOTATOR_ID: sorted(df[ANNOTATOR_ID].unique())})
    out["group"] = out[ANNOTATOR_ID].map(groups.rename(index=str)).astype(str)
    out["expertise"] = out[ANNOTATOR_ID].map(expertise.rename(index=str)).astype(float)
    out = out.merge(shared, on=ANNOTATOR_ID, how="left")
    out["n_items"] = out["n_items"].fillna(0).astype(int)
    out["reading"] = np.select(
        [out["shared"].isna(), out["shared"] >= SHARED_BAR],
        ["–", "shared with their group"], "idiosyncratic",
    )  # fmt: skip
    return out.sort_values(["expertise", ANNOTATOR_ID]).reset_index(drop=True)
