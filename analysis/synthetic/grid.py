"""The blending grid: DEM-MoE's test MAE per (synthetic set x blend) against real data only.

The dem-moe seed's Figure 3 plots, per training strategy and generation method, the mean MAE
across demographic categories: per attribute the mean of its subgroups' MAE (every subgroup
weighing the same), then the mean over attributes. :func:`compute_blending_grid` gives that
quantity and the plain annotation-level MAE, each with an item-cluster bootstrap 95% interval,
and the paired difference to the real-only model (the same item resamples for every cell).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.moe._resample import percentile_ci
from analysis.moe.bootstrap import bootstrap_group_mae, bootstrap_mae, compute_attribute_mae

__all__ = ["GRID_COLUMNS", "compute_blending_grid", "compute_category_mae", "compute_model_fit"]

GRID_COLUMNS = [
    "model", "strategy", "blending", "mae", "mae_low", "mae_high", "category_mae",
    "category_low", "category_high", "vs_real", "vs_real_low", "vs_real_high", "n",
]  # fmt: skip
REAL_ONLY = "real only"


def compute_blending_grid(
    pred: pd.DataFrame,
    annotators: pd.DataFrame,
    attributes: Sequence[str],
    n_boot: int = 500,
    seed: int = 0,
    min_group_size: int = 1,
) -> pd.DataFrame:
    """One row per cell of the grid (real only first).

    Args:
        pred: ``model, strategy, blending, item_id, annotator_id, rating, prediction`` on the
            real test annotations (:func:`engines.synthetic.run_blending`).
        annotators: ``annotator_id`` + the attributes.
        attributes: The demographic categories averaged over.
        n_boot: Item-cluster bootstrap replicates.
        seed: Seed of the item resamples.
        min_group_size: Smallest subgroup (annotators) counted.

    Returns:
        :data:`GRID_COLUMNS`: ``category_mae`` is the seed's mean MAE across demographic
        categories; ``vs_real`` the cell's ``category_mae`` minus the real-only model's (negative:
        synthetic data helped) with a paired interval.
    """
    overall = bootstrap_mae(pred, n_boot, seed).set_index("model")
    boot = bootstrap_group_mae(pred, annotators, attributes, n_boot, seed, min_group_size)
    cells = pred.drop_duplicates("model")[["model", "strategy", "blending"]]
    have = set(zip(boot.table["model"], boot.table["attribute"], strict=True))
    per_model = {}
    for model in cells["model"]:
        parts = [boot.attribute_replicates(model, a) for a in attributes if (model, a) in have]
        point = float(np.mean([p[0] for p in parts])) if parts else float("nan")
        reps = np.nanmean(np.stack([p[1] for p in parts]), axis=0) if parts else np.full(1, np.nan)
        per_model[model] = (point, reps)
    base = per_model.get(REAL_ONLY)
    rows = []
    for model, strategy, blending in cells.itertuples(index=False):
        point, reps = per_model[model]
        low, high = percentile_ci(reps)
        if base is not None:
            diff = reps - base[1]
            d_low, d_high = percentile_ci(diff)
            delta = point - base[0]
        else:
            delta = d_low = d_high = float("nan")
        o = overall.loc[model]
        rows.append((model, strategy, blending, o["mae"], o["ci_low"], o["ci_high"], point,
                     float(low), float(high), delta, float(d_low), float(d_high),
                     int(o["n"])))  # fmt: skip
    return pd.DataFrame(rows, columns=GRID_COLUMNS)


def compute_model_fit(pred: pd.DataFrame, n_boot: int = 500, seed: int = 0) -> pd.DataFrame:
    """MAE (item-bootstrap 95% interval) of every annotator model on every label source.

    Args:
        pred: ``source, model, item_id, annotator_id, rating, prediction``
            (:func:`engines.synthetic.compare_annotator_models`).
        n_boot: Item-cluster bootstrap replicates.
        seed: Seed of the item resamples.

    Returns:
        ``source, model, mae, ci_low, ci_high, n``, models in the order given.
    """
    frames = [bootstrap_mae(part, n_boot, seed).assign(source=source)
              for source, part in pred.groupby("source", sort=False)]  # fmt: skip
    out = pd.concat(frames, ignore_index=True)
    return out[["source", "model", "mae", "ci_low", "ci_high", "n"]]


def compute_category_mae(
    pred: pd.DataFrame,
    annotators: pd.DataFrame,
    attributes: Sequence[str],
    n_boot: int = 500,
    seed: int = 0,
    min_group_size: int = 1,
) -> pd.DataFrame:
    """Each cell's MAE per demographic category (the mean of its groups' MAE), with intervals.

    The parts :func:`compute_blending_grid` averages; same arguments.

    Returns:
        ``model, attribute, mae, ci_low, ci_high, n_groups``.
    """
    boot = bootstrap_group_mae(pred, annotators, attributes, n_boot, seed, min_group_size)
    return compute_attribute_mae(boot)
