"""Item attributes: columns that describe the item, not the annotator.

A column that takes one value per item and differs between items (the item's language,
source, topic or domain) is an attribute of the item. It must not be read as an annotator
demographic: every rater of an Arabic post would otherwise look like an "Arabic" annotator.
The mapper proposes such columns as item attributes; the dataset keeps one value per item
(:meth:`~engines.data.schema.AnnotationDataset.items`).
"""

from __future__ import annotations

import pandas as pd

from engines.data.cleaning import blank_cells
from engines.data.demographics import MISSING_GROUP, PLACEHOLDERS
from engines.data.issues import IssueCollector
from engines.data.schema import ITEM_ID, ColumnMapping

__all__ = ["MAX_ITEM_LEVELS", "clean_item_attributes", "infer_item_attributes"]

MAX_ITEM_LEVELS = 60
"""An item attribute has at most this many distinct values (more reads as an id or a text)."""

MIN_SHARED_ITEMS = 0.5
"""Share of items with two or more annotations needed before constancy within items means
anything (on a file of single-annotation items every column is constant within items)."""


def infer_item_attributes(
    df: pd.DataFrame, item_col: str | None, candidates: list[str]
) -> list[str]:
    """The ``candidates`` constant within each item, with 2 to :data:`MAX_ITEM_LEVELS` values.

    Args:
        df: the raw table.
        item_col: the column holding item ids (None: no proposal is made).
        candidates: columns not already given a role.
    """
    if item_col is None or item_col not in df.columns:
        return []
    sizes = df.groupby(item_col, sort=False).size()
    if sizes.empty or (sizes >= 2).mean() < MIN_SHARED_ITEMS:
        return []
    out = []
    for c in candidates:
        sub = df[[item_col, c]]
        sub = sub[~blank_cells(sub[c])]
        n_levels = sub[c].nunique()
        if not 2 <= n_levels <= MAX_ITEM_LEVELS:
            continue
        if bool((sub.groupby(item_col, sort=False)[c].nunique() <= 1).all()):
            out.append(c)
    return out


def clean_item_attributes(
    df: pd.DataFrame, mapping: ColumnMapping, col: IssueCollector
) -> pd.DataFrame:
    """One value per item for every item attribute.

    Blanks and placeholders become :data:`~engines.data.demographics.MISSING_GROUP`; an item
    whose rows disagree takes its most frequent value (reported with the number of items).
    """
    for attr in mapping.item_attributes:
        text = df[attr].astype(str).str.strip()
        missing = blank_cells(df[attr]) | text.str.lower().isin(PLACEHOLDERS)
        text = text.where(~missing, MISSING_GROUP)
        varies = text.groupby(df[ITEM_ID], sort=False).transform("nunique") > 1
        if varies.any():
            n_items = int(df.loc[varies, ITEM_ID].nunique())
            mode = text.groupby(df[ITEM_ID], sort=False).agg(lambda s: s.value_counts().index[0])
            text = df[ITEM_ID].map(mode).astype(str)
            col.add(
                "warning",
                f"Item attribute '{attr}' differs between the annotations of {n_items} item(s); "
                "each such item takes its most frequent value.",
                int(varies.sum()),
            )
        df[attr] = text
        levels = sorted(text.unique())
        shown = ", ".join(levels[:6]) + (", ..." if len(levels) > 6 else "")
        col.add("info", f"'{attr}' is an item attribute ({len(levels)} values: {shown}).")
    return df
