"""Which annotations MC-STL trains and tests on: the item-level splits, or cross-fitting folds."""

from __future__ import annotations

import numpy as np
import pandas as pd

from engines.data.schema import IS_SYNTHETIC, ITEM_ID, SPLIT, AnnotationDataset

__all__ = ["human_rows", "item_folds", "split_rows"]


def split_rows(ds: AnnotationDataset, human_only: bool = True) -> dict[str, pd.DataFrame]:
    """The item-level ``train``, ``dev`` and ``test`` annotations (synthetic ones left out).

    Raises:
        ValueError: When a split is empty.
    """
    df = human_rows(ds, human_only)
    parts = {
        name: df[df[SPLIT] == name].reset_index(drop=True) for name in ("train", "dev", "test")
    }
    for name, rows in parts.items():
        if rows.empty:
            raise ValueError(f"The {name} split is empty; the dataset needs more items.")
    return parts


def human_rows(ds: AnnotationDataset, human_only: bool = True) -> pd.DataFrame:
    """The dataset's annotations (without those marked synthetic), freshly indexed."""
    df = ds.df
    if human_only and IS_SYNTHETIC in df.columns:
        df = df[df[IS_SYNTHETIC] != 1]
    return df.reset_index(drop=True)


def item_folds(rows: pd.DataFrame, folds: int, seed: int = 0) -> np.ndarray:
    """Each row's fold ``0 .. folds - 1``, dealt over its items (an item stays in one fold).

    Raises:
        ValueError: With fewer than 3 folds or fewer items than folds.
    """
    items = np.array(sorted(rows[ITEM_ID].astype(str).unique()))
    if folds < 3 or len(items) < folds:
        raise ValueError(f"Cross-fitting needs 3 or more folds and an item per fold, got {folds}")
    order = np.random.default_rng(seed).permutation(len(items))
    fold_of = pd.Series(np.arange(len(items)) % folds, index=items[order])
    return rows[ITEM_ID].astype(str).map(fold_of).to_numpy()
