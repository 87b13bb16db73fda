"""Krippendorff's alpha via the coincidence-matrix formulation, with an item-bootstrap CI.

The implementation follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":

* Values are paired only *within* units (items). A unit with ``m_u`` pairable values contributes
  ``(n_u n_u^T - diag(n_u)) / (m_u - 1)`` to the coincidence matrix ``o``, where ``n_u[c]`` counts
  the value ``c`` in the unit. Units with fewer than two values are not pairable and are excluded.
  Who gave a value does not matter, so several values by the same annotator in one unit are simply
  several pairable values.
* ``n_c`` are the marginals of ``o`` and ``n = sum_c n_c`` is the number of pairable values.
* ``alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_ck o_ck delta_ck / sum_ck n_c n_k delta_ck``.
* Difference functions ``delta_ck``: nominal ``[c != k]``; ordinal
  ``(sum_{g=c..k} n_g - (n_c + n_k) / 2)^2`` (ranks from the order of the admissible values,
  frequencies from the coincidence marginals); interval ``(c - k)^2``.

Alpha is undefined -- and returned as ``float("nan")`` -- when there are fewer than two pairable
values, or when the expected disagreement ``D_e`` is zero (every pairable value is identical).

Everything is vectorised with numpy and linear in the number of annotations: only the non-zero
per-unit value counts are kept; the nominal metric reduces to ``m_u^2 - sum_c n_uc^2``, and the
interval and ordinal metrics are squared differences of value *positions* (the values
themselves, or ``cumsum(n) - n/2`` for ordinal), so ``sum_ck n_c n_k delta_ck`` becomes a
weighted sum of squares and no ``V x V`` matrix is needed. The bootstrap draws units with
replacement; each replicate is a weighted sum of precomputed per-unit contributions (weights =
draw multiplicities from ``np.bincount``), not a re-run on a DataFrame.

The sparse per-unit counts are built in :mod:`analysis.dataset.pairable`; the bootstrap interval
and the agreement table are in :mod:`analysis.dataset.agreement_bootstrap`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.dataset.pairable import (
    Level,
    PairableUnits,
    marginals,
    pairable_units,
    unit_spread,
)

__all__ = ["alpha_from_weights", "coincidence_matrix", "krippendorff_alpha"]


def _spread_expected(n_c: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """``sum_ck n_c n_k (x_c - x_k)^2 = 2 n sum_c n_c (x_c - mean)^2`` per replicate."""
    n = n_c.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = (n_c * positions).sum(axis=1) / n
    return 2.0 * n * (n_c * (positions - mean[:, None]) ** 2).sum(axis=1)


def _ordinal_positions(n_c: np.ndarray) -> np.ndarray:
    """Positions giving Krippendorff's ordinal metric for marginal frequencies ``n_g``.

    For ``c <= k``: ``sum_{g=c..k} n_g - (n_c + n_k)/2 = (cum_k - n_k/2) - (cum_c - n_c/2)``, so
    ``delta_ck = (x_c - x_k)^2`` with ``x = cumsum(n) - n/2`` (values never observed have
    ``n_g = 0`` and thus leave every difference unchanged).

    Args:
        n_c: ``(R, V)`` marginal frequencies in rank order.

    Returns:
        ``(R, V)`` positions.
    """
    return np.cumsum(n_c, axis=1) - n_c / 2.0


def alpha_from_weights(units: PairableUnits, weights: np.ndarray) -> np.ndarray:
    """Alpha for one or more weightings of the pairable units.

    Args:
        units: Prepared per-unit data (:func:`analysis.dataset.pairable.pairable_units`).
        weights: ``(R, U)`` non-negative unit weights (bootstrap multiplicities); ``R`` alphas
            are computed at once.

    Returns:
        ``(R,)`` array of alphas, NaN where alpha is undefined.
    """
    weights = np.atleast_2d(np.asarray(weights, dtype=float))
    if units.n_units == 0 or units.n_values == 0:
        return np.full(weights.shape[0], np.nan)
    n_c = marginals(units, weights)  # (R, V)
    n = n_c.sum(axis=1)
    if units.level == "nominal":
        assert units.unit_disagreement is not None
        observed = weights @ units.unit_disagreement  # sum_{c != k} o_ck
        expected = n**2 - (n_c**2).sum(axis=1)  # sum_{c != k} n_c n_k
    elif units.level == "interval":
        assert units.unit_disagreement is not None and units.positions is not None
        observed = weights @ units.unit_disagreement
        expected = _spread_expected(n_c, np.broadcast_to(units.positions, n_c.shape))
    else:
        positions = _ordinal_positions(n_c)  # depends on the re-weighted marginals
        observed = (weights * unit_spread(units, positions)).sum(axis=1)
        expected = _spread_expected(n_c, positions)
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = 1.0 - (n - 1.0) * observed / expected
    # D_e == 0 exactly when fewer than two distinct values occur among the pairable values.
    alpha[(n < 2) | ((n_c > 0).sum(axis=1) < 2)] = np.nan
    return alpha


def coincidence_matrix(
    df: pd.DataFrame,
    item_col: str = "item_id",
    label_col: str = "label",
    values: Sequence[Any] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Krippendorff's coincidence matrix of a long annotation table.

    Args:
        df: Long table, one row per annotation.
        item_col: Column identifying the unit (item).
        label_col: Column holding the value; missing values are dropped.
        values: Optional admissible values (row/column order of the matrix). Defaults to the
            observed values in order of first appearance. The matrix is dense ``V x V``, meant
            for inspection of label sets of moderate size.

    Returns:
        ``(values, o)``: the value labels and the ``(V, V)`` coincidence matrix ``o``, whose
        marginals are the pairable-value frequencies ``n_c`` and whose total is ``n``.
    """
    units = pairable_units(df, item_col, label_col, "nominal", values)
    counts = np.zeros((units.n_units, units.n_values))
    counts[units.entry_unit, units.entry_code] = units.entry_count
    scaled = counts / (units.m - 1.0)[:, None]
    o = scaled.T @ counts - np.diag(scaled.sum(axis=0))
    return units.values, o


def krippendorff_alpha(
    df: pd.DataFrame | Sequence[Sequence[Any]] | np.ndarray,
    item_col: str = "item_id",
    annotator_col: str = "annotator_id",
    label_col: str = "label",
    level: Level = "interval",
    values: Sequence[Any] | None = None,
) -> float:
    """Krippendorff's alpha of a long annotation table.

    Args:
        df: Long table with one row per annotation. Alternatively a sequence of units, each a
            sequence of the values given to that unit (``None``/NaN = missing).
        item_col: Column identifying the unit (item).
        annotator_col: Annotator column. Alpha pairs values within units regardless of who gave
            them, so it is not needed for the computation (and need not exist); several values
            by the same annotator in one unit count as separate pairable values.
        label_col: Column holding the values; missing values are dropped.
        level: ``"nominal"`` (any hashable labels), ``"ordinal"`` (numeric labels, or any labels
            when ``values`` gives their order) or ``"interval"`` (numeric labels).
        values: Optional ordered list of admissible values. For ordinal data it defines the rank
            order; values never observed have zero frequency and therefore do not change the
            ordinal (or interval) result. Defaults to the sorted observed values. Labels outside
            ``values`` raise ``ValueError``.

    Returns:
        Alpha as a float: 1 = perfect agreement, 0 = agreement at chance level, negative =
        systematic disagreement. ``float("nan")`` when alpha is undefined: empty input, fewer
        than two pairable values (units with a single value are excluded), or zero expected
        disagreement (every pairable value identical).

    Raises:
        ValueError: For an unknown level, non-numeric labels at the interval (or value-less
            ordinal) level, or labels outside ``values``.
        KeyError: When a required column is missing.
    """
    del annotator_col  # identity of the annotator is irrelevant to the coincidence matrix
    units = pairable_units(df, item_col, label_col, level, values)
    return float(alpha_from_weights(units, np.ones((1, units.n_units)))[0])
