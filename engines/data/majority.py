"""Majority labels of items (torch-free; shared by the wings' majority-vote baselines)."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["majority_labels", "majority_mask"]


def majority_mask(item_idx: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Annotations equal to their item's most frequent label (ties: every tied label counts)."""
    frame = pd.DataFrame({"item": np.asarray(item_idx), "code": np.asarray(codes)})
    counts = frame.groupby(["item", "code"])["code"].transform("size")
    best = counts.groupby(frame["item"]).transform("max")
    return (counts == best).to_numpy()


def majority_labels(item_idx: np.ndarray, codes: np.ndarray) -> pd.Series:
    """Each item's most frequent label (ties: the lowest code), indexed by item."""
    frame = pd.DataFrame({"item": np.asarray(item_idx), "code": np.asarray(codes)})
    counts = frame.groupby(["item", "code"]).size().reset_index(name="n")
    best = counts.sort_values(["item", "n", "code"], ascending=[True, False, True])
    return best.drop_duplicates("item").set_index("item")["code"]
