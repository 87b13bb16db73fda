"""Validation of the predictions table every DEM-MoE metric reads (private to the wing)."""

from __future__ import annotations

import numpy as np
import pandas as pd

PRED_COLUMNS = ["model", "item_id", "annotator_id", "rating", "prediction", "seen"]


def require(df: pd.DataFrame, *cols: str) -> None:
    """Raise a KeyError naming the columns of ``cols`` missing from ``df``."""
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not found; available: {list(df.columns)}")


def check_pred(pred: pd.DataFrame, need_seen: bool = False) -> pd.DataFrame:
    """Validate ``pred`` and return a clean copy (string ids, float ratings, bool ``seen``).

    Raises:
        KeyError: On missing columns.
        ValueError: On no rows, missing ids, or non-numeric, missing or non-finite ratings,
            predictions or ``seen`` flags.
    """
    cols = PRED_COLUMNS if need_seen else PRED_COLUMNS[:-1]
    require(pred, *cols)
    if len(pred) == 0:
        raise ValueError("`pred` has no rows")
    out = pd.DataFrame(index=pd.RangeIndex(len(pred)))
    for c in ("model", "item_id", "annotator_id"):
        col = pred[c].reset_index(drop=True)
        if col.isna().any():
            raise ValueError(f"`{c}` has {int(col.isna().sum())} missing value(s)")
        out[c] = col.astype(str)
    for c in ("rating", "prediction"):
        try:
            values = pd.to_numeric(pred[c]).to_numpy(dtype=float)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"`{c}` must be numeric") from exc
        bad = ~np.isfinite(values)
        if bad.any():
            raise ValueError(f"`{c}` has {int(bad.sum())} missing or non-finite value(s)")
        out[c] = values
    if need_seen:
        seen = pred["seen"].reset_index(drop=True)
        if seen.isna().any() or not seen.isin([True, False]).all():
            raise ValueError("`seen` must hold only True/False (or 1/0)")
        out["seen"] = seen.astype(bool).to_numpy()
    return out
