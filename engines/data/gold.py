"""A gold (known true) label per item, read on the label's scale.

A column mapped to ``gold_label`` holds, per item, a label known to be right (an expert's or an
adjudicated one). It is read like the labels (numbers for a numeric scale, text otherwise) and
coded on the same classes as ``gold_code``; values outside the classes are missing, and items
whose rows disagree keep their most frequent value. Both are announced, never silent.
"""

from __future__ import annotations

import pandas as pd

from engines.data.cleaning import blank_cells
from engines.data.issues import IssueCollector
from engines.data.schema import GOLD, GOLD_CODE, ITEM_ID, LabelScale

__all__ = ["code_gold"]


def code_gold(df: pd.DataFrame, scale: LabelScale, col: IssueCollector) -> pd.DataFrame:
    """Add ``gold_code`` (nullable integer) when ``df`` has a ``gold_label`` column."""
    if GOLD not in df.columns:
        return df
    text = df[GOLD].astype(str).str.strip()
    blank = blank_cells(df[GOLD])
    if scale.is_numeric:
        values: pd.Series = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
        index = {float(c): i for i, c in enumerate(scale.classes)}
        codes = values.astype(float).map(index)
    else:
        index = {str(c): i for i, c in enumerate(scale.classes)}
        codes = text.map(index)
    bad = ~blank & codes.isna()
    if bad.any():
        shown = ", ".join(map(str, pd.unique(text[bad])[:5]))
        col.add("warning", f"{int(bad.sum())} gold label(s) are not classes of the label scale "
                f"({shown}); they are treated as missing.", int(bad.sum()))  # fmt: skip
    frame = pd.DataFrame({"item": df[ITEM_ID], "code": codes})
    per_item = frame.dropna().groupby("item")["code"]
    mixed = per_item.nunique() > 1
    if mixed.any():
        col.add("warning", f"{int(mixed.sum())} item(s) have more than one gold label; the most "
                "frequent one is kept.", int(mixed.sum()))  # fmt: skip
    mode = per_item.agg(lambda s: s.value_counts().sort_index().idxmax())
    df[GOLD_CODE] = df[ITEM_ID].map(mode).astype("Int64")
    n_items = int(df.loc[df[GOLD_CODE].notna(), ITEM_ID].nunique())
    col.add("info", f"Gold labels for {n_items} of {df[ITEM_ID].nunique()} items.")
    return df
