"""Validators and small maths shared by the value-profile analyses (private to the wing).

Conventions: logarithms are natural (nats); probability arrays have the class axis last, must
be finite, non-negative and sum to 1 within ``1e-3`` (then they are renormalised, so float32
softmax output is accepted); ``0 log 0 = 0``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd


def require(df: pd.DataFrame, *cols: str) -> None:
    """Raise a KeyError naming the missing columns and the available ones."""
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not found; available: {list(df.columns)}")


def as_prob(arr: Any, name: str, ndim: int) -> np.ndarray:
    """Validate a probability array (class axis last) and renormalise it.

    Raises:
        ValueError: On a wrong number of dimensions, non-finite or negative values, or rows
            that do not sum to 1 within ``1e-3``.
    """
    p = np.asarray(arr, dtype=float)
    if p.ndim != ndim:
        raise ValueError(f"`{name}` must have {ndim} dimensions, got shape {p.shape}")
    if p.shape[-1] < 1:
        raise ValueError(f"`{name}` has no classes")
    if not np.all(np.isfinite(p)) or np.any(p < 0):
        raise ValueError(f"`{name}` must be finite and non-negative")
    sums = p.sum(axis=-1, keepdims=True)
    if p.size and not np.allclose(sums, 1.0, atol=1e-3):
        raise ValueError(f"rows of `{name}` must sum to 1")
    return p / np.where(sums > 0, sums, 1.0)


def entropy(p: np.ndarray) -> np.ndarray:
    """Shannon entropy in nats along the last axis, with ``0 log 0 = 0``."""
    logp = np.log(np.where(p > 0, p, 1.0))
    return -(p * logp).sum(axis=-1)


def check_len(name: str, values: Sequence[Any] | np.ndarray, n: int) -> None:
    """Raise a ValueError unless ``values`` has length ``n``."""
    if len(values) != n:
        raise ValueError(f"`{name}` has length {len(values)}, expected {n}")
