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
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np
import pandas as pd

Level = Literal["nominal", "ordinal", "interval"]
LEVELS: tuple[Level, ...] = ("nominal", "ordinal", "interval")

# Bootstrap replicates are processed in chunks of at most this many, and fewer when needed to
# keep the (replicates x entries) work arrays below _MAX_CHUNK_ENTRIES float64 entries.
_BOOT_CHUNK = 256
_MAX_CHUNK_ENTRIES = 4_000_000

AGREEMENT_COLUMNS = ["level", "alpha", "ci_low", "ci_high", "n_units", "n_pairable"]


@dataclass(frozen=True)
class _Prepared:
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

    def chunk_size(self) -> int:
        """Replicates per bootstrap chunk (bounded work-array size)."""
        width = max(self.entry_unit.shape[0], self.n_units, self.n_values, 1)
        return max(1, min(_BOOT_CHUNK, _MAX_CHUNK_ENTRIES // width))


def _check_level(level: str) -> Level:
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


def _per_unit_sums(prep: _Prepared, per_entry: np.ndarray) -> np.ndarray:
    """Sum ``(R, E)`` per-entry quantities into ``(R, U)`` per-unit totals."""
    n_rep = per_entry.shape[0]
    offsets = (np.arange(n_rep) * prep.n_units)[:, None]
    flat = np.bincount(
        (prep.entry_unit[None, :] + offsets).ravel(),
        weights=per_entry.ravel(),
        minlength=n_rep * prep.n_units,
    )
    return flat.reshape(n_rep, prep.n_units)


def _marginals(prep: _Prepared, weights: np.ndarray) -> np.ndarray:
    """Coincidence marginals ``n_c`` for ``(R, U)`` unit weights, as an ``(R, V)`` array."""
    n_rep = weights.shape[0]
    offsets = (np.arange(n_rep) * prep.n_values)[:, None]
    flat = np.bincount(
        (prep.entry_code[None, :] + offsets).ravel(),
        weights=(weights[:, prep.entry_unit] * prep.entry_count).ravel(),
        minlength=n_rep * prep.n_values,
    )
    return flat.reshape(n_rep, prep.n_values)


def _unit_spread(prep: _Prepared, positions: np.ndarray) -> np.ndarray:
    """Per-unit ``n_u^T delta n_u / (m_u - 1)`` for ``delta_ck = (x_c - x_k)^2``.

    Uses ``sum_ck n_c n_k (x_c - x_k)^2 = 2 m sum_c n_c (x_c - mean)^2`` with a two-pass
    (centred) sum of squares for accuracy; units holding a single value get an exact zero.

    Args:
        prep: Prepared per-unit data.
        positions: ``(R, V)`` positions ``x`` of the values (one row per replicate).

    Returns:
        ``(R, U)`` array.
    """
    x = positions[:, prep.entry_code]  # (R, E)
    mean = _per_unit_sums(prep, x * prep.entry_count) / prep.m
    dev = x - mean[:, prep.entry_unit]
    ss = _per_unit_sums(prep, prep.entry_count * dev**2)
    spread = 2.0 * prep.m * ss / (prep.m - 1.0)
    spread[:, prep.single_valued] = 0.0
    return spread


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


def _prepare(
    df: pd.DataFrame | Sequence[Sequence[Any]] | np.ndarray,
    item_col: str,
    label_col: str,
    level: str,
    values: Sequence[Any] | None,
) -> _Prepared:
    """Validate the input and build the sparse per-unit counts of the pairable units."""
    lvl = _check_level(level)
    if not isinstance(df, pd.DataFrame):
        df = _units_to_frame(df)
        item_col, label_col = "item_id", "label"
    missing = [c for c in (item_col, label_col) if c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not found; available: {list(df.columns)}")

    data = df[[item_col, label_col]]
    data = data[data[item_col].notna() & data[label_col].notna()]
    labels = data[label_col]

    # --- map labels to value codes in metric order -------------------------------------------
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
    codes = np.asarray(codes, dtype=np.int64)
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

    base = _Prepared(
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
        spread = _unit_spread(base, positions[None, :])[0]
        return replace(base, unit_disagreement=spread, positions=positions)
    return base


def _alpha_from_weights(prep: _Prepared, weights: np.ndarray) -> np.ndarray:
    """Alpha for one or more weightings of the pairable units.

    Args:
        prep: Prepared per-unit data.
        weights: ``(R, U)`` non-negative unit weights (bootstrap multiplicities); ``R`` alphas
            are computed at once.

    Returns:
        ``(R,)`` array of alphas, NaN where alpha is undefined.
    """
    weights = np.atleast_2d(np.asarray(weights, dtype=float))
    if prep.n_units == 0 or prep.n_values == 0:
        return np.full(weights.shape[0], np.nan)
    n_c = _marginals(prep, weights)  # (R, V)
    n = n_c.sum(axis=1)
    if prep.level == "nominal":
        assert prep.unit_disagreement is not None
        observed = weights @ prep.unit_disagreement  # sum_{c != k} o_ck
        expected = n**2 - (n_c**2).sum(axis=1)  # sum_{c != k} n_c n_k
    elif prep.level == "interval":
        assert prep.unit_disagreement is not None and prep.positions is not None
        observed = weights @ prep.unit_disagreement
        expected = _spread_expected(n_c, np.broadcast_to(prep.positions, n_c.shape))
    else:
        positions = _ordinal_positions(n_c)  # depends on the re-weighted marginals
        observed = (weights * _unit_spread(prep, positions)).sum(axis=1)
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
    prep = _prepare(df, item_col, label_col, "nominal", values)
    counts = np.zeros((prep.n_units, prep.n_values))
    counts[prep.entry_unit, prep.entry_code] = prep.entry_count
    scaled = counts / (prep.m - 1.0)[:, None]
    o = scaled.T @ counts - np.diag(scaled.sum(axis=0))
    return prep.values, o


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
    prep = _prepare(df, item_col, label_col, level, values)
    return float(_alpha_from_weights(prep, np.ones((1, prep.n_units)))[0])


def _bootstrap_alphas(prep: _Prepared, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Alphas of ``n_boot`` item-bootstrap replicates (units drawn with replacement)."""
    n_units = prep.n_units
    chunk = prep.chunk_size()
    out = np.empty(n_boot)
    done = 0
    while done < n_boot:
        r = min(chunk, n_boot - done)
        draws = rng.integers(0, n_units, size=(r, n_units))
        offsets = (np.arange(r) * n_units)[:, None]
        weights = np.bincount((draws + offsets).ravel(), minlength=r * n_units).reshape(r, n_units)
        out[done : done + r] = _alpha_from_weights(prep, weights)
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
        level: Level of measurement, see :func:`krippendorff_alpha`.
        n_boot: Number of bootstrap replicates.
        ci: Coverage of the percentile interval, in (0, 1).
        seed: Seed of the numpy random generator (same seed -> same interval).
        values: Optional ordered admissible values, see :func:`krippendorff_alpha`.
        item_col: Column identifying the unit (item).
        annotator_col: Annotator column (unused by the computation, see
            :func:`krippendorff_alpha`).
        label_col: Column holding the values.

    Returns:
        ``(alpha, low, high)``. All three are NaN when alpha is undefined; the bounds are NaN
        when ``n_boot`` is 0 or every replicate is undefined. Undefined replicates (e.g. a
        resample in which all values coincide) are ignored when taking percentiles.

    Raises:
        ValueError: For ``ci`` outside (0, 1), negative ``n_boot``, or invalid input as in
            :func:`krippendorff_alpha`.
    """
    del annotator_col
    prep = _prepare(df, item_col, label_col, level, values)
    return _bootstrap_ci(prep, n_boot, ci, seed)


def _bootstrap_ci(
    prep: _Prepared, n_boot: int, ci: float, seed: int | None
) -> tuple[float, float, float]:
    """Point estimate and percentile interval from prepared per-unit data."""
    if not 0.0 < ci < 1.0:
        raise ValueError(f"ci must be in (0, 1), got {ci}")
    if n_boot < 0:
        raise ValueError(f"n_boot must be >= 0, got {n_boot}")
    alpha = float(_alpha_from_weights(prep, np.ones((1, prep.n_units)))[0])
    if np.isnan(alpha) or n_boot == 0:
        return alpha, float("nan"), float("nan")
    reps = _bootstrap_alphas(prep, n_boot, np.random.default_rng(seed))
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
        values: Optional ordered admissible values, see :func:`krippendorff_alpha`.
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
        lvl = _check_level(level)
        if not numeric and (lvl == "interval" or (lvl == "ordinal" and values is None)):
            continue
        prep = _prepare(df, item_col, label_col, lvl, values)
        alpha, low, high = _bootstrap_ci(prep, n_boot, ci, seed)
        rows.append(
            {
                "level": lvl,
                "alpha": alpha,
                "ci_low": low,
                "ci_high": high,
                "n_units": prep.n_units,
                "n_pairable": prep.n_pairable,
            }
        )
    return pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)
