"""Demographic composition, with small-group suppression.

Privacy rule (DESIGN.md section 2): a group with fewer than ``min_group_size`` annotators is
merged into "merged (<k annotators)" (:func:`~analysis.dataset.signal.merged_label`, never a
lower-case "other" beside a data category "Other") before it reaches any table or figure; the
returned frames say so. The demographic signal is in :mod:`analysis.dataset.signal`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.dataset.signal import merged_label
from engines.data.schema import ANNOTATOR_ID, LABEL

__all__ = [
    "DEFAULT_MIN_GROUP_SIZE",
    "compute_composition",
    "count_combinations",
    "merge_small_groups",
]

DEFAULT_MIN_GROUP_SIZE = 5


def merge_small_groups(
    df: pd.DataFrame,
    columns: Sequence[str],
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE,
    annotator_col: str = ANNOTATOR_ID,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Replace levels held by fewer than ``min_group_size`` annotators with the merged label.

    Args:
        df: any frame with the annotator id and the demographic columns.
        columns: the demographic columns to protect.
        min_group_size: smallest number of distinct annotators a shown group may have.
        annotator_col: annotator id column.

    Returns:
        (a copy of ``df`` with small levels merged, a table ``attribute, group, n_annotators``
        listing every merged level).
    """
    out = df.copy()
    merged = []
    for c in columns:
        sizes = df.drop_duplicates(annotator_col).groupby(c)[annotator_col].count()
        small = sizes[sizes < min_group_size]
        if len(small):
            out[c] = out[c].where(~out[c].isin(small.index), merged_label(min_group_size))
            merged += [(c, g, int(n)) for g, n in small.items()]
    return out, pd.DataFrame(merged, columns=["attribute", "group", "n_annotators"])


def compute_composition(
    df: pd.DataFrame,
    demographics: Sequence[str],
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE,
    label_col: str | None = LABEL,
) -> pd.DataFrame:
    """Annotators and annotations per demographic group, small groups merged.

    Returns:
        One row per (attribute, group): ``attribute, group, n_annotators, share`` (of the
        attribute's annotators), ``n_annotations``, ``mean_label`` (NaN when labels are not
        numeric or the group is the merged row still under the size limit) and
        ``suppressed`` (True for the merged row).
    """
    safe, _ = merge_small_groups(df, demographics, min_group_size)
    numeric = label_col is not None and pd.api.types.is_numeric_dtype(df[label_col])
    rows = []
    for c in demographics:
        n_ann = safe.drop_duplicates(ANNOTATOR_ID).groupby(c)[ANNOTATOR_ID].count()
        n_rows = safe.groupby(c).size()
        means = safe.groupby(c)[label_col].mean() if numeric else None
        total = n_ann.sum()
        for g, n in n_ann.sort_values(ascending=False).items():
            suppressed = g == merged_label(min_group_size)
            mean = float(means[g]) if means is not None else np.nan
            if suppressed and n < min_group_size:
                mean = np.nan
            rows.append((c, str(g), int(n), n / total, int(n_rows[g]), mean, suppressed))
    return pd.DataFrame(
        rows,
        columns=[
            "attribute",
            "group",
            "n_annotators",
            "share",
            "n_annotations",
            "mean_label",
            "suppressed",
        ],
    )


def count_combinations(df: pd.DataFrame, demographics: Sequence[str]) -> int:
    """Number of distinct demographic combinations among annotators (seed Table 3 '#Combos')."""
    if not demographics:
        return 0
    return int(df.drop_duplicates(ANNOTATOR_ID)[list(demographics)].drop_duplicates().shape[0])
