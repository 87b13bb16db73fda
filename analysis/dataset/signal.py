"""Demographic signal: how far apart an attribute's groups rate the same items.

For each rating, the residual ``e = rating - mean rating of its item`` (so that groups are
compared on the *same* items, not on which items they happened to see). Demographics are
constant per annotator, so everything follows from per-annotator sufficient statistics, the
sum ``s_a`` and the number ``n_a`` of their residuals:

* the group mean ``m_g = sum_{a in g} s_a / sum_{a in g} n_a`` and the overall mean ``m``;
* the raw spread ``S = sqrt(sum_g (N_g / N) (m_g - m)^2)``, the rating-weighted standard
  deviation of the group means, in rating points;
* its null distribution: the attribute's values permuted across annotators (the annotators'
  residuals stay together), which gives the noise floor ``E_0[S]`` and a permutation p-value;
* the signal ``S - E_0[S]``: zero in expectation when the attribute has no effect, however many
  groups it has or however small they are (a plain sum of absolute ridge coefficients grows
  with noise and the number of groups);
* a 95% interval from resampling annotators, bias-corrected so that it is centred on the
  estimate it belongs to.

Each attribute is measured on its own (no joint fit, so collinear attributes cannot trade
coefficients), and on every group as it is in the data: the privacy minimum only decides which
group means are *shown* (smaller groups are pooled into one "merged" row), never the signal.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from engines.data.groups import merged_label
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL

__all__ = ["SIGNAL_COLUMNS", "compute_demographic_signal", "merged_label", "spread"]

SIGNAL_COLUMNS = [
    "attribute",
    "n_groups",
    "signal",
    "ci_low",
    "ci_high",
    "p_value",
    "raw",
    "null_mean",
]
LEVEL_COLUMNS = ["attribute", "group", "n_annotators", "n_ratings", "mean_residual"]


def spread(codes: np.ndarray, sums: np.ndarray, counts: np.ndarray) -> float:
    """Rating-weighted SD of the group means: ``sqrt(sum_g (N_g / N) (m_g - m)^2)``.

    >>> spread(np.array([0, 0, 1]), np.array([2.0, 0.0, -2.0]), np.array([2.0, 2.0, 2.0]))
    0.9428090415820634
    """
    k = int(codes.max()) + 1 if len(codes) else 0
    n_g = np.bincount(codes, weights=counts, minlength=k)
    s_g = np.bincount(codes, weights=sums, minlength=k)
    total = n_g.sum()
    if total <= 0:
        return 0.0
    present = n_g > 0
    m_g = s_g[present] / n_g[present]
    m = s_g.sum() / total
    return float(np.sqrt(np.sum(n_g[present] / total * (m_g - m) ** 2)))


def _annotator_stats(df: pd.DataFrame, center_items: bool) -> pd.DataFrame:
    y = df[LABEL].to_numpy(dtype=float)
    if center_items:
        y = y - df.groupby(ITEM_ID)[LABEL].transform("mean").to_numpy(dtype=float)
    per = pd.DataFrame({ANNOTATOR_ID: df[ANNOTATOR_ID].to_numpy(), "e": y})
    return per.groupby(ANNOTATOR_ID, sort=True)["e"].agg(["sum", "count"])


def compute_demographic_signal(
    df: pd.DataFrame,
    demographics: Sequence[str],
    min_group_size: int = 5,
    center_items: bool = True,
    n_perm: int = 200,
    n_boot: int = 200,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Null-corrected spread of item-centred ratings between each attribute's groups.

    Args:
        df: long table with numeric ``label``, ``item_id``, ``annotator_id`` and demographics.
        demographics: attributes to measure, each on its own.
        min_group_size: groups with fewer annotators are pooled in the per-group table only.
        center_items: use item-centred ratings (default) instead of raw ratings.
        n_perm: permutations of the attribute across annotators (noise floor and p-value).
        n_boot: bootstrap replicates over annotators (0: no interval).
        seed: seed of the permutations and the resamples.

    Returns:
        (``attribute, n_groups, signal, ci_low, ci_high, p_value, raw, null_mean`` sorted by
        signal, in rating points; ``attribute, group, n_annotators, n_ratings, mean_residual``
        per shown group plus a pooled "merged" row, whose mean is NaN while it holds fewer than
        ``min_group_size`` annotators).
    """
    stats = _annotator_stats(df, center_items) if len(df) and len(demographics) else None
    rows, levels = [], []
    rng = np.random.default_rng(seed)
    for attr in demographics:
        if stats is None:
            break
        values = df.drop_duplicates(ANNOTATOR_ID).set_index(ANNOTATOR_ID)[attr]
        values = values.reindex(stats.index).astype(str)
        codes, groups = pd.factorize(values, sort=True)
        if len(groups) < 2:
            continue
        sums, counts = stats["sum"].to_numpy(), stats["count"].to_numpy(dtype=float)
        raw = spread(codes, sums, counts)
        null = np.array([spread(rng.permutation(codes), sums, counts) for _ in range(n_perm)])
        null_mean = float(null.mean()) if n_perm else 0.0
        p_value = (1 + int((null >= raw).sum())) / (1 + n_perm) if n_perm else np.nan
        lo = hi = np.nan
        if n_boot > 0:
            picks = rng.integers(0, len(codes), size=(n_boot, len(codes)))
            reps = np.array([spread(codes[k], sums[k], counts[k]) for k in picks])
            centred = reps - (reps.mean() - raw)  # bias-corrected: centred on the estimate
            lo, hi = np.percentile(centred, [2.5, 97.5]) - null_mean
        rows.append((attr, len(groups), raw - null_mean, lo, hi, p_value, raw, null_mean))
        levels.append(_group_table(attr, codes, groups, sums, counts, min_group_size))
    table = pd.DataFrame(rows, columns=SIGNAL_COLUMNS)
    table = table.sort_values("signal", ascending=False, ignore_index=True)
    per_level = pd.concat(levels, ignore_index=True) if levels else pd.DataFrame()
    return table, per_level.reindex(columns=LEVEL_COLUMNS)


def _group_table(
    attr: str,
    codes: np.ndarray,
    groups: pd.Index,
    sums: np.ndarray,
    counts: np.ndarray,
    min_group_size: int,
) -> pd.DataFrame:
    """Mean residual per group; groups below the minimum pooled into one merged row."""
    n_ann = np.bincount(codes, minlength=len(groups))
    small = n_ann < min_group_size
    label = np.where(small[codes], merged_label(min_group_size), np.asarray(groups)[codes])
    frame = pd.DataFrame({"group": label, "sum": sums, "count": counts, "ann": 1})
    out = frame.groupby("group", sort=False).agg(
        n_annotators=("ann", "sum"), n_ratings=("count", "sum"), total=("sum", "sum")
    )
    out["mean_residual"] = out["total"] / out["n_ratings"]
    out.loc[out["n_annotators"] < min_group_size, "mean_residual"] = np.nan
    out = out.reset_index().assign(attribute=attr)
    out["n_ratings"] = out["n_ratings"].astype(int)
    return out.sort_values("n_annotators", ascending=False)[LEVEL_COLUMNS]
