"""Triage: is a low-expertise annotator noisy, or a consistent minority perspective?

REALM's expertise measures agreement with the classifier, which learns the majority's view, so
an annotator who sees items the way their demographic group does but the majority does not also
gets a low expertise. The triage puts next to each expertise how much more the annotator agrees
with their own group than with everyone else: over every pair of the annotator's label and
another rater's label on the same item, the correlation with the labels of their group's other
members minus the correlation with the labels of raters outside the group. Both correlations
pair the annotator with one other rater at a time, so both carry the items' severity alike and
neither includes the annotator themselves: labels that are independent noise give zero, an
annotator who shares their group's departures from the rest gives a clearly positive value.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE

__all__ = ["SHARED_BAR", "compute_triage"]

SHARED_BAR = 0.2
"""A correlation gap at or above this reads as a perspective shared with the group."""


def compute_triage(
    annotations: pd.DataFrame,
    groups: pd.Series,
    expertise: pd.Series,
    min_pairs: int = 10,
) -> pd.DataFrame:
    """Expertise and shared deviation per annotator.

    Args:
        annotations: ``item_id, annotator_id, label_code`` (ordered codes).
        groups: Annotator id -> group (e.g. their age band).
        expertise: Annotator id -> expertise.
        min_pairs: Fewer label pairs with group members or with outsiders: ``shared`` is NaN.

    Returns:
        ``annotator_id, group, expertise, shared, with_group, with_others, n_items, reading``,
        lowest expertise first (``with_group`` / ``with_others``: the two correlations).
        ``reading`` is "shared with their group" (``shared >= SHARED_BAR``), "idiosyncratic"
        (below it) or "–" (too few pairs).
    """
    df = annotations[[ITEM_ID, ANNOTATOR_ID, LABEL_CODE]].copy()
    df[ANNOTATOR_ID] = df[ANNOTATOR_ID].astype(str)
    group_of = groups.rename(index=str).astype(str)
    df["group"] = df[ANNOTATOR_ID].map(group_of).fillna("–")
    pairs = df.merge(df, on=ITEM_ID, suffixes=("", "_b"))
    pairs = pairs[pairs[ANNOTATOR_ID] != pairs[f"{ANNOTATOR_ID}_b"]]
    pairs["same"] = pairs["group"] == pairs["group_b"]
    rows = []
    for annotator, part in pairs.groupby(ANNOTATOR_ID):
        corr = {}
        for same, sub in part.groupby("same"):
            ok = len(sub) >= min_pairs and sub[LABEL_CODE].std() > 0 and sub[
                f"{LABEL_CODE}_b"].std() > 0  # fmt: skip
            corr[bool(same)] = (
                float(np.corrcoef(sub[LABEL_CODE], sub[f"{LABEL_CODE}_b"])[0, 1]) if ok else np.nan
            )
        rows.append((annotator, corr.get(True, np.nan), corr.get(False, np.nan),
                     part[ITEM_ID].nunique()))  # fmt: skip
    cols = [ANNOTATOR_ID, "with_group", "with_others", "n_items"]
    table = pd.DataFrame(rows, columns=cols)
    out = pd.DataFrame({ANNOTATOR_ID: sorted(df[ANNOTATOR_ID].unique())})
    out["group"] = out[ANNOTATOR_ID].map(group_of).fillna("–")
    out["expertise"] = out[ANNOTATOR_ID].map(expertise.rename(index=str)).astype(float)
    out = out.merge(table, on=ANNOTATOR_ID, how="left")
    out.insert(3, "shared", out["with_group"] - out["with_others"])
    out["n_items"] = out["n_items"].fillna(0).astype(int)
    out["reading"] = np.select(
        [out["shared"].isna(), out["shared"] >= SHARED_BAR],
        ["–", "shared with their group"], "idiosyncratic",
    )  # fmt: skip
    return out.sort_values(["expertise", ANNOTATOR_ID]).reset_index(drop=True)
