"""Pairable units: the sparse per-unit value counts Krippendorff's alpha is computed from.

A unit (item) with at least two values is *pairable*; only its non-zero ``(unit, value)``
counts are kept, so memory and time stay linear in the number of annotations whatever the
number of distinct values. :func:`pairable_units` validates a long table and builds them;
:func:`marginals` and :func:`unit_spread` are the weighted sums every alpha (and every bootstrap
replicate, whose weights are draw multiplicities) is made of. The maths is in
:mod:`analysis.dataset.agreement`.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = [
    "LEVELS",
    "Level",
    "PairableUnits",
    "check_level",
    "labels_are_numeric",
    "marginals",
    "pairable_units",
    "per_unit_sums",
    "unit_spread",
]

Level = Literal["nominal", "ordinal", "interval"]
LEVELS: tuple[Level, ...] = ("nominal", "ordinal", "interval")


@dataclass(frozen=True)
class PairableUnits:
    """Sparse per-unit value counts of the pairable units, ready for weighted alpha computations.

    Only the non-zero ``(unit, value)`` counts ("entries") are stored, so memory and time are
    linear in the number of annotations whatever the number of distinct values.

    Attributes:
        level: Level of measurement.
        values: The admissible values, in metric order (length ``V``).
        entry_unit: ``(E,)`` unit index (``0..U-1``) of each non-zero count.
        entry_code: ``(E,)`` value index (``0..V-1``) of each non-zero count.
        entry_count: ``(E,)`` the counts ``n_uc`` (as floats).
        m: ``(U,)`` number of pairable values per unit (all ``>= 2``).
        single_valued: ``(U,)`` whether the unit holds a single distinct value (and so adds
            nothing to the observed disagreement).
        unit_disagreement: ``(U,)`` each unit's contribution ``n_u^T delta n_u / (m_u - 1)`` to
            ``sum_ck o_ck delta_ck`` for the fixed metrics (nominal, interval); ``None`` for
            ordinal, whose metric depends on the (re-weighted) marginals.
        positions: Interval level: the values centred on their pooled mean, so that
            ``delta_ck = (positions_c - positions_k)^2``; ``None`` otherwise.
    """

    level: Level
    values: np.ndarray
    entry_unit: np.ndarray
    entry_code: np.ndarray
    entry_count: np.ndarray
    m: np.ndarray
    single_valued: np.ndarray
    unit_disagreement: np.ndarray | None
    positions: np.ndarray | None

    @property
    def n_units(self) -> int:
        """Number of pairable units (units with at least two values)."""
        return int(self.m.shape[0])

    @property
    def n_values(self) -> int:
        """Number of admissible values ``V``."""
        return int(self.values.shape[0])

    @property
    def n_pairable(self) -> int:
        """Number of pairable values ``n``."""
        return int(round(float(self.m.sum())))


def check_level(level: str) -> Level:
    """``level`` when it is a level of measurement.

    Raises:
        ValueError: For anything but ``nominal``, ``ordinal`` or ``interval``.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    return level  # type: ignore[return-value]


def _units_to_frame(units: Sequence[Sequence[Any]] | np.ndarray) -> pd.DataFrame:
    """Turn a sequence of per-unit value sequences into a long frame (missing values dropped)."""
    item_ids: list[int] = []
    labels: list[Any] = []
    for u, unit in enumerate(units):
        for value in unit:
            item_ids.append(u)
            labels.append(value)
    return pd.DataFrame({"item_id": item_ids, "label": pd.Series(labels, dtype=object)})


def _is_numeric(labels: pd.Series) -> bool:
    """Whether every label is a real number (bool counts as numeric, numeric strings do not)."""
    if pd.api.types.is_numeric_dtype(labels.dtype) or pd.api.types.is_bool_dtype(labels.dtype):
        return True
    if labels.dtype != object:
        return False
    return bool(labels.map(lambda v: isinstance(v, numbers.Real)).all())


def labels_are_numeric(df: pd.DataFrame, label_col: str = "label") -> bool:
    """Whether the non-missing labels of ``df`` are all numeric.

    Args:
        df: Long annotation table.
        label_col: Column holding the labels.

    Returns:
        True when every non-missing label is a real number (an empty column counts as numeric).
    """
    return _is_numeric(df[label_col].dropna())


def per_unit_sums(units: PairableUnits, per_entry: np.ndarray) -> np.ndarray:
    """Sum ``(R, E)`` per-entry quantities into ``(R, U)`` per-unit totals."""
    n_rep = per_entry.shape[0]
    offsets = (np.arange(n_rep) * units.n_units)[:, None]
    flat = np.bincount(
        (units.entry_unit[None, :] + offsets).ravel(),
        weights=per_entry.ravel(),
        minlength=n_rep * units.n_units,
    )
    return flat.reshape(n_rep, units.n_units)


def marginals(units: PairableUnits, weights: np.ndarray) -> np.ndarray:
    """Coincidence marginals ``n_c`` for ``(R, U)`` unit weights, as an ``(R, V)`` array."""
    n_rep = weights.shape[0]
    offsets = (np.arange(n_rep) * units.n_values)[:, None]
    flat = np.bincount(
        (units.entry_code[None, :] + offsets).ravel(),
        weights=(weights[:, units.entry_unit] * units.entry_count).ravel(),
        minlength=n_rep * units.n_values,
    )
    return flat.reshape(n_rep, units.n_values)


def unit_spread(units: PairableUnits, positions: np.ndarray) -> np.ndarray:
    """Per-unit ``n_u^T delta n_u / (m_u - 1)`` for ``delta_ck = (x_c - x_k)^2``.

    Uses ``sum_ck n_c n_k (x_c - x_k)^2 = 2 m sum_c n_c (x_c - mean)^2`` with a two-pass
    (centred) sum of squares for accuracy; units holding a single value get an exact zero.

    Args:
        units: Prepared per-unit data.
        positions: ``(R, V)`` positions ``x`` of the values (one row per replicate).

    Returns:
        ``(R, U)`` array.
    """
    x = positions[:, units.entry_code]  # (R, E)
    mean = per_unit_sums(units, x * units.entry_count) / units.m
    dev = x - mean[:, units.entry_unit]
    ss = per_unit_sums(units, units.entry_count * dev**2)
    spread = 2.0 * units.m * ss / (units.m - 1.0)
    spread[:, units.single_valued] = 0.0
    return spread


def _value_codes(
    labels: pd.Series, lvl: Level, values: Sequence[Any] | None, label_col: str
) -> tuple[np.ndarray, np.ndarray]:
    """Map labels to value codes in metric order: ``(codes, admissible values)``."""
    if lvl == "interval" or (lvl == "ordinal" and values is None):
        if not _is_numeric(labels):
            raise ValueError(
                f"{lvl} alpha needs numeric labels"
                + (" (or an ordered `values` list)" if lvl == "ordinal" else "")
                + f"; column {label_col!r} has non-numeric values"
            )
        labels = pd.to_numeric(labels).astype(float)

    if values is None:
        if lvl == "nominal":
            codes, uniques = pd.factorize(labels, sort=False)
            value_arr = np.asarray(uniques, dtype=object)
        else:
            value_arr = np.unique(labels.to_numpy(dtype=float))
            codes = np.searchsorted(value_arr, labels.to_numpy(dtype=float))
    else:
        value_list = list(values)
        if len(set(value_list)) != len(value_list):
            raise ValueError("`values` contains duplicates")
        if lvl == "interval":
            if not _is_numeric(pd.Series(value_list, dtype=object)):
                raise ValueError("interval alpha needs numeric `values`")
            value_arr = np.asarray(value_list, dtype=float)
        else:
            value_arr = np.empty(len(value_list), dtype=object)
            value_arr[:] = value_list
        codes = pd.Index(value_list).get_indexer(labels)
        if (codes < 0).any():
            unknown = sorted({str(v) for v in labels[codes < 0]})[:10]
            raise ValueError(f"labels not among the admissible `values`: {unknown}")
    return np.asarray(codes, dtype=np.int64), value_arr


def pairable_units(
    df: pd.DataFrame | Sequence[Sequence[Any]] | np.ndarray,
    item_col: str,
    label_col: str,
    level: str,
    values: Sequence[Any] | None,
) -> PairableUnits:
    """Validate the input and build the sparse per-unit counts of the pairable units.

    Args:
        df: Long table with one row per annotation, or a sequence of units, each a sequence of
            the values given to that unit (``None``/NaN = missing).
        item_col: Column identifying the unit (item).
        label_col: Column holding the values; missing values are dropped.
        level: Level of measurement.
        values: Optional ordered admissible values (see
            :func:`analysis.dataset.agreement.krippendorff_alpha`).

    Raises:
        ValueError: For an unknown level, non-numeric labels at the interval (or value-less
            ordinal) level, or labels outside ``values``.
        KeyError: When a required column is missing.
    """
    lvl = check_level(level)
    if not isinstance(df, pd.DataFrame):
        df = _units_to_frame(df)
        item_col, label_col = "item_id", "label"
    missing = [c for c in (item_col, label_col) if c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not found; available: {list(df.columns)}")

    data = df[[item_col, label_col]]
    data = data[data[item_col].notna() & data[label_col].notna()]
    codes, value_arr = _value_codes(data[label_col], lvl, values, label_col)
    n_values = len(value_arr)

    # --- sparse (unit, value) counts, pairable units only ----------------------------------
    unit_codes = np.asarray(pd.factorize(data[item_col], sort=False)[0], dtype=np.int64)
    keys, key_counts = np.unique(unit_codes * max(n_values, 1) + codes, return_counts=True)
    entry_unit = keys // max(n_values, 1)
    entry_code = keys % max(n_values, 1)
    entry_count = key_counts.astype(float)
    n_units_all = int(unit_codes.max()) + 1 if unit_codes.size else 0
    m_all = np.bincount(entry_unit, weights=entry_count, minlength=n_units_all)
    keep_unit = m_all >= 2
    new_index = np.cumsum(keep_unit) - 1
    keep_entry = keep_unit[entry_unit]
    entry_unit = new_index[entry_unit[keep_entry]]
    entry_code = entry_code[keep_entry]
    entry_count = entry_count[keep_entry]
    m = m_all[keep_unit]
    n_units = m.shape[0]
    single_valued = np.bincount(entry_unit, minlength=n_units) == 1

    base = PairableUnits(
        lvl, value_arr, entry_unit, entry_code, entry_count, m, single_valued, None, None
    )
    if lvl == "nominal":  # n_u^T (1 - I) n_u = m_u^2 - sum_c n_uc^2
        sq = np.bincount(entry_unit, weights=entry_count**2, minlength=n_units)
        return replace(base, unit_disagreement=(m**2 - sq) / (m - 1.0))
    if lvl == "interval":
        positions = value_arr.astype(float)
        if n_units:
            pooled = np.bincount(entry_code, weights=entry_count, minlength=n_values)
            positions = positions - (pooled @ positions) / pooled.sum()
        spread = unit_spread(base, positions[None, :])[0]
        return replace(base, unit_disagreement=spread, positions=positions)
    return base
