"""Demographic composition (with small-group suppression) and demographic signal.

Privacy rule (DESIGN.md section 2): a group with fewer than ``min_group_size`` annotators is
merged into ``other`` before it reaches any table or figure; the returned frames say so.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL

__all__ = [
    "DEFAULT_MIN_GROUP_SIZE",
    "OTHER",
    "compute_composition",
    "compute_demographic_signal",
    "count_combinations",
    "merge_small_groups",
]

OTHER = "other"
DEFAULT_MIN_GROUP_SIZE = 5


def merge_small_groups(
    df: pd.DataFrame,
    columns: Sequence[str],
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE,
    annotator_col: str = ANNOTATOR_ID,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Replace levels held by fewer than ``min_group_size`` annotators with ``other``.

    Args:
        df: any frame with the annotator id and the demographic columns.
        columns: the demographic columns to protect.
        min_group_size: smallest number of distinct annotators a shown group may have.
        annotator_col: annotator id column.

    Returns:
        (a copy of ``df`` with small levels merged, a table ``attribute, group, n_annotators``
        listing every merged level).
    """
    out = df.copy()
    merged = []
    for c in columns:
        sizes = df.drop_duplicates(annotator_col).groupby(c)[annotator_col].count()
        small = sizes[sizes < min_group_size]
        if len(small):
            out[c] = out[c].where(~out[c].isin(small.index), OTHER)
            merged += [(c, g, int(n)) for g, n in small.items()]
    return out, pd.DataFrame(merged, columns=["attribute", "group", "n_annotators"])


def compute_composition(
    df: pd.DataFrame,
    demographics: Sequence[str],
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE,
    label_col: str | None = LABEL,
) -> pd.DataFrame:
    """Annotators and annotations per demographic group, small groups merged.

    Returns:
        One row per (attribute, group): ``attribute, group, n_annotators, share`` (of the
        attribute's annotators), ``n_annotations``, ``mean_label`` (NaN when labels are not
        numeric or the group is a merged ``other`` still under the size limit) and
        ``suppressed`` (True for a merged ``other`` row).
    """
    safe, _ = merge_small_groups(df, demographics, min_group_size)
    numeric = label_col is not None and pd.api.types.is_numeric_dtype(df[label_col])
    rows = []
    for c in demographics:
        n_ann = safe.drop_duplicates(ANNOTATOR_ID).groupby(c)[ANNOTATOR_ID].count()
        n_rows = safe.groupby(c).size()
        means = safe.groupby(c)[label_col].mean() if numeric else None
        total = n_ann.sum()
        for g, n in n_ann.sort_values(ascending=False).items():
            suppressed = g == OTHER
            mean = float(means[g]) if means is not None else np.nan
            if suppressed and n < min_group_size:
                mean = np.nan
            rows.append((c, str(g), int(n), n / total, int(n_rows[g]), mean, suppressed))
    return pd.DataFrame(
        rows,
        columns=[
            "attribute",
            "group",
            "n_annotators",
            "share",
            "n_annotations",
            "mean_label",
            "suppressed",
        ],
    )


def count_combinations(df: pd.DataFrame, demographics: Sequence[str]) -> int:
    """Number of distinct demographic combinations among annotators (seed Table 3 '#Combos')."""
    if not demographics:
        return 0
    return int(df.drop_duplicates(ANNOTATOR_ID)[list(demographics)].drop_duplicates().shape[0])


def _design(df: pd.DataFrame, demographics: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    onehot = pd.get_dummies(df[list(demographics)].astype(str), prefix_sep="\x1f")
    return onehot.to_numpy(dtype=float), list(onehot.columns)


def compute_demographic_signal(
    df: pd.DataFrame,
    demographics: Sequence[str],
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE,
    alpha: float = 1.0,
    center_items: bool = True,
    n_boot: int = 100,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ridge regression of ratings on one-hot demographics (dem-moe seed, section 3).

    The attribute's signal is the sum of absolute ridge coefficients over its levels: how far,
    in rating points, the attribute's groups pull ratings apart. With ``center_items`` the
    target is the rating minus the item's mean rating, so the signal measures how groups rate
    the *same* items differently rather than which items they happened to see. A 95% interval
    comes from resampling annotators with replacement ``n_boot`` times.

    Args:
        df: long table with numeric ``label``, ``item_id``, ``annotator_id`` and demographics.
        demographics: attributes to include (jointly, in one regression); attributes with
            fewer than two groups after merging are left out.
        min_group_size: smaller groups are merged into ``other`` first.
        alpha: ridge penalty.
        center_items: regress item-centred ratings (default) instead of raw ratings.
        n_boot: bootstrap replicates over annotators (0 disables the interval).
        seed: bootstrap seed.

    Returns:
        (per-attribute table ``attribute, n_levels, signal, ci_low, ci_high, range``,
        per-level table ``attribute, group, coef``).
    """
    from sklearn.linear_model import Ridge  # scikit-learn loads only when a signal is computed

    safe, _ = merge_small_groups(df, demographics, min_group_size) if demographics else (df, None)
    # A merged 'other' can itself be smaller than min_group_size: such levels get no
    # coefficient of their own (their rows fall into the one-hot baseline).
    for d in demographics:
        size = safe.groupby(d)[ANNOTATOR_ID].transform("nunique")
        safe[d] = safe[d].where(size >= min_group_size)
    # An attribute left with a single group after merging carries no contrast: leave it out.
    demographics = [d for d in demographics if safe[d].nunique() >= 2]
    if not demographics:
        empty = pd.DataFrame(
            columns=["attribute", "n_levels", "signal", "ci_low", "ci_high", "range"]
        )
        return empty, pd.DataFrame(columns=["attribute", "group", "coef"])
    y = safe[LABEL].to_numpy(dtype=float)
    if center_items:
        y = y - safe.groupby(ITEM_ID)[LABEL].transform("mean").to_numpy(dtype=float)
    X, names = _design(safe, demographics)
    attrs = np.array([n.split("\x1f", 1)[0] for n in names])
    groups = [n.split("\x1f", 1)[1] for n in names]

    def fit(rows: np.ndarray | slice) -> np.ndarray:
        return Ridge(alpha=alpha).fit(X[rows], y[rows]).coef_

    coef = fit(slice(None))
    per_level = pd.DataFrame({"attribute": attrs, "group": groups, "coef": coef})
    table = per_level.groupby("attribute", sort=False)["coef"].agg(
        n_levels="size", signal=lambda c: np.abs(c).sum(), range=lambda c: c.max() - c.min()
    )
    table["ci_low"] = np.nan
    table["ci_high"] = np.nan
    if n_boot > 0:
        rng = np.random.default_rng(seed)
        ann_codes, ann_index = pd.factorize(safe[ANNOTATOR_ID])
        rows_of = [np.flatnonzero(ann_codes == a) for a in range(len(ann_index))]
        boots = []
        for _ in range(n_boot):
            pick = rng.integers(0, len(rows_of), len(rows_of))
            rows = np.concatenate([rows_of[a] for a in pick])
            b = np.abs(fit(rows))
            boots.append(pd.Series(b).groupby(attrs).sum())
        boot = pd.DataFrame(boots)
        table["ci_low"] = boot.quantile(0.025).reindex(table.index)
        table["ci_high"] = boot.quantile(0.975).reindex(table.index)
    table = table.reset_index().sort_values("signal", ascending=False, ignore_index=True)
    return table[["attribute", "n_levels", "signal", "ci_low", "ci_high", "range"]], per_level
