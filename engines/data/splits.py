"""Item-level train/dev/test splits: no item ever appears in two splits.

A file's own ``split`` column is kept when its names are recognisable (``training``, ``val``,
``eval``... are normalised) and every item sits in one split; otherwise new item-level splits
are drawn with :func:`make_item_splits` and the reason is reported.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from engines.data.issues import IssueCollector
from engines.data.schema import ITEM_ID, SPLIT

__all__ = ["SPLIT_ALIASES", "SplitPolicy", "assign_splits", "make_item_splits"]

SplitPolicy = Literal["auto", "use", "make"]

#: Accepted split names (lower-cased, stripped) -> canonical split.
SPLIT_ALIASES: dict[str, str] = {
    "train": "train",
    "training": "train",
    "trn": "train",
    "dev": "dev",
    "val": "dev",
    "valid": "dev",
    "validation": "dev",
    "development": "dev",
    "test": "test",
    "tst": "test",
    "eval": "test",
    "evaluation": "test",
}


def make_item_splits(
    item_ids: pd.Series | np.ndarray,
    seed: int = 0,
    fractions: tuple[float, float, float] = (0.7, 0.15, 0.15),
) -> dict[object, str]:
    """Assign every item to train/dev/test so no item appears in two splits.

    Args:
        item_ids: item identifiers (duplicates allowed; each distinct id gets one split).
        seed: seed of the permutation.
        fractions: train, dev, test shares (normalised to sum to one).

    Returns:
        Mapping item id -> split name.
    """
    uniq = pd.unique(pd.Series(item_ids))
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(uniq))
    f = np.asarray(fractions, dtype=float)
    f = f / f.sum()
    n_train = int(round(f[0] * len(uniq)))
    n_dev = int(round(f[1] * len(uniq)))
    names = np.array(["test"] * len(uniq), dtype=object)
    names[order[:n_train]] = "train"
    names[order[n_train : n_train + n_dev]] = "dev"
    return dict(zip(uniq, names))


def assign_splits(
    df: pd.DataFrame, seed: int, col: IssueCollector, policy: SplitPolicy = "auto"
) -> pd.DataFrame:
    """Keep a usable ``split`` column (normalised) or make item-level splits, in place.

    Args:
        df: the table being validated (``item_id`` already cleaned).
        seed: seed of :func:`make_item_splits` when new splits are needed.
        col: records what the file's split column holds and what was done.
        policy: ``auto`` keeps the file's splits when they name train/dev/test, keep every
            item in one split and include a train split; ``use`` keeps them whenever they
            can be read (warning when there is no train split: models need one); ``make``
            always draws new item-level splits.

    Returns:
        ``df`` with a ``split`` column holding only ``train``, ``dev`` and ``test``.
    """
    if SPLIT in df.columns and policy != "make":
        norm = df[SPLIT].astype(str).str.strip().str.lower().map(SPLIT_ALIASES)
        if norm.isna().any():
            shown = ", ".join(map(str, pd.unique(df.loc[norm.isna(), SPLIT])[:5]))
            col.add("warning", f"Unknown split names ({shown}); made new item-level splits.")
        else:
            per_item = norm.groupby(df[ITEM_ID]).nunique()
            holds = _holdings(norm, df[ITEM_ID])
            if (per_item > 1).any():
                col.add(
                    "warning",
                    f"{int((per_item > 1).sum())} item(s) appear in more than one split; "
                    "made new item-level splits.",
                )
            elif "train" not in set(norm) and policy == "auto":
                col.add(
                    "warning",
                    f"The split column holds {holds} and no train split (files published as "
                    "dev + test only): made new item-level splits. Choose to use the file's "
                    "splits to keep them (models then have no training items).",
                )
            else:
                df[SPLIT] = norm
                if "train" not in set(norm):
                    col.add(
                        "warning",
                        f"Kept the file's splits ({holds}); there is no train split, so "
                        "models cannot be trained on this dataset. Make item-level splits "
                        "to train them.",
                    )
                else:
                    col.add("info", f"Kept the file's splits: {holds}.")
                return df
    elif SPLIT in df.columns:
        col.add("info", f"Ignored the file's split column ({_holdings(df[SPLIT], df[ITEM_ID])}).")
    split_of = make_item_splits(df[ITEM_ID], seed=seed)
    df[SPLIT] = df[ITEM_ID].map(split_of)
    col.add("info", f"Made item-level train/dev/test splits (70/15/15, seed {seed}).")
    return df


def _holdings(split: pd.Series, item_ids: pd.Series) -> str:
    """``"dev (1,000 items), test (400 items)"``."""
    counts = item_ids.groupby(split.astype(str)).nunique()
    return ", ".join(f"{name} ({n:,} items)" for name, n in counts.items())
