"""Krippendorff's alpha with a percentile item-bootstrap interval, and the agreement table.

Pairable units are resampled with replacement. Each replicate's alpha is a weighted sum of the
precomputed per-unit contributions (weights = how often each unit was drawn, from
``np.bincount``), computed for a chunk of replicates at once by
:func:`analysis.dataset.agreement.alpha_from_weights`: no DataFrame work happens inside the
bootstrap loop. Chunks hold at most ``_BOOT_CHUNK`` replicates and keep the
(replicates x entries) work arrays below ``_MAX_CHUNK_ENTRIES`` float64 entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.dataset.agreement import alpha_from_weights
from analysis.dataset.pairable import (
    LEVELS,
    Level,
    PairableUnits,
    check_level,
    labels_are_numeric,
    pairable_units,
)

__all__ = ["AGREEMENT_COLUMNS", "bootstrap_alpha_ci", "compute_agreement_table"]

_BOOT_CHUNK = 256
_MAX_CHUNK_ENTRIES = 4_000_000

AGREEMENT_COLUMNS = ["level", "alpha", "ci_low", "ci_high", "n_units", "n_pairable"]
"""Columns of :func:`compute_agreement_table`."""


def _chunk_size(units: PairableUnits) -> int:
    """Replicates per bootstrap chunk (bounded work-array size)."""
    width = max(units.entry_unit.shape[0], units.n_units, units.n_values, 1)
    return max(1, min(_BOOT_CHUNK, _MAX_CHUNK_ENTRIES // width))


def _bootstrap_alphas(units: PairableUnits, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Alphas of ``n_boot`` item-bootstrap replicates (units drawn with replacement)."""
    n_units = units.n_units
    chunk = _chunk_size(units)
    out = np.empty(n_boot)
    done = 0
    while done < n_boot:
        r = min(chunk, n_boot - done)
        draws = rng.integers(0, n_units, size=(r, n_units))
        offsets = (np.arange(r) * n_units)[:, None]
        weights = np.bincount((draws + offsets).ravel(), minlength=r * n_units).reshape(r, n_units)
        out[done : done + r] = alpha_from_weights(units, weights)
        done += r
    return out


def bootstrap_alpha_ci(
    df: pd.DataFrame,
    level: Level = "interval",
    n_boot: int = 200,
    ci: float = 0.95,
    seed: int | None = 0,
    values: Sequence[Any] | None = None,
    *,
    item_col: str = "item_id",
    annotator_col: str = "annotator_id",
    label_col: str = "label",
) -> tuple[float, float, float]:
    """Krippendorff's alpha with a percentile bootstrap interval over items.

    Pairable units are resampled with replacement; each replicate's alpha is a weighted sum of
    precomputed per-unit contributions (weights = how often each unit was drawn), so no
    DataFrame work happens inside the bootstrap loop.

    Args:
        df: Long table with one row per annotation.
        level: Level of measurement, see :func:`~analysis.dataset.agreement.krippendorff_alpha`.
        n_boot: Number of bootstrap replicates.
        ci: Coverage of the percentile interval, in (0, 1).
        seed: Seed of the numpy random generator (same seed -> same interval).
        values: Optional ordered admissible values, see
            :func:`~analysis.dataset.agreement.krippendorff_alpha`.
        item_col: Column identifying the unit (item).
        annotator_col: Annotator column (unused by the computation, see
            :func:`~analysis.dataset.agreement.krippendorff_alpha`).
        label_col: Column holding the values.

    Returns:
        ``(alpha, low, high)``. All three are NaN when alpha is undefined; the bounds are NaN
        when ``n_boot`` is 0 or every replicate is undefined. Undefined replicates (e.g. a
        resample in which all values coincide) are ignored when taking percentiles.

    Raises:
        ValueError: For ``ci`` outside (0, 1), negative ``n_boot``, or invalid input as in
            :func:`~analysis.dataset.agreement.krippendorff_alpha`.
    """
    del annotator_col
    units = pairable_units(df, item_col, label_col, level, values)
    return _bootstrap_ci(units, n_boot, ci, seed)


def _bootstrap_ci(
    units: PairableUnits, n_boot: int, ci: float, seed: int | None
) -> tuple[float, float, float]:
    """Point estimate and percentile interval from prepared per-unit data."""
    if not 0.0 < ci < 1.0:
        raise ValueError(f"ci must be in (0, 1), got {ci}")
    if n_boot < 0:
        raise ValueError(f"n_boot must be >= 0, got {n_boot}")
    alpha = float(alpha_from_weights(units, np.ones((1, units.n_units)))[0])
    if np.isnan(alpha) or n_boot == 0:
        return alpha, float("nan"), float("nan")
    reps = _bootstrap_alphas(units, n_boot, np.random.default_rng(seed))
    reps = reps[~np.isnan(reps)]
    if reps.size == 0:
        return alpha, float("nan"), float("nan")
    tail = (1.0 - ci) / 2.0
    low, high = np.quantile(reps, [tail, 1.0 - tail])
    return alpha, float(low), float(high)


def compute_agreement_table(
    df: pd.DataFrame,
    levels: Sequence[Level] = LEVELS,
    n_boot: int = 200,
    seed: int | None = 0,
    values: Sequence[Any] | None = None,
    *,
    ci: float = 0.95,
    item_col: str = "item_id",
    label_col: str = "label",
) -> pd.DataFrame:
    """Krippendorff's alpha with bootstrap CIs at several levels of measurement.

    Args:
        df: Long table with one row per annotation.
        levels: Levels to compute. ``"interval"`` is skipped when the labels are not numeric;
            ``"ordinal"`` is skipped when they are not numeric and no ``values`` order is given.
        n_boot: Bootstrap replicates per level (0 = no interval).
        seed: Seed of the bootstrap (the same for every level).
        values: Optional ordered admissible values, see
            :func:`~analysis.dataset.agreement.krippendorff_alpha`.
        ci: Coverage of the percentile interval.
        item_col: Column identifying the unit (item).
        label_col: Column holding the values.

    Returns:
        One row per computed level with columns ``level, alpha, ci_low, ci_high, n_units,
        n_pairable`` (``n_units`` = units with at least two values, ``n_pairable`` = values in
        those units). Undefined quantities are NaN.
    """
    numeric = labels_are_numeric(df, label_col) if label_col in df.columns else True
    rows: list[dict[str, Any]] = []
    for level in levels:
        lvl = check_level(level)
        if not numeric and (lvl == "interval" or (lvl == "ordinal" and values is None)):
            continue
        units = pairable_units(df, item_col, label_col, lvl, values)
        alpha, low, high = _bootstrap_ci(units, n_boot, ci, seed)
        rows.append(
            {
                "level": lvl,
                "alpha": alpha,
                "ci_low": low,
                "ci_high": high,
                "n_units": units.n_units,
                "n_pairable": units.n_pairable,
            }
        )
    return pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)
