"""Helpers shared by the DEM-MoE figures (private to the wing)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis._style import PALETTE

GREY = "#9e9e9e"
ERROR_COLOUR = "#444"


def model_colours(models: Sequence[str]) -> dict[str, str]:
    """Palette colour per model in order of first appearance."""
    uniq = list(dict.fromkeys(str(m) for m in models))
    return {m: PALETTE[i % len(PALETTE)] for i, m in enumerate(uniq)}


def error_bars(df: pd.DataFrame, value: str = "mae") -> tuple[np.ndarray, np.ndarray]:
    """Upper and lower error-bar lengths from ``ci_low``/``ci_high`` (0 where NaN)."""
    v = df[value].to_numpy(dtype=float)
    plus = np.nan_to_num(df["ci_high"].to_numpy(dtype=float) - v, nan=0.0)
    minus = np.nan_to_num(v - df["ci_low"].to_numpy(dtype=float), nan=0.0)
    return np.clip(plus, 0, None), np.clip(minus, 0, None)


def custom_data(*cols: object) -> np.ndarray:
    """Column-stack hover data as objects so strings and numbers keep their types."""
    return np.column_stack([np.asarray(c, dtype=object) for c in cols])
