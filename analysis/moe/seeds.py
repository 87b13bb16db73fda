"""A comparison repeated over seeds: MAE mean and spread per model, and a pooled paired test.

One seed's verdict can hinge on how a baseline happened to train (on POPQUORN the En+Ea
baseline's MAE moved from 0.77 to 0.82 with the floating-point summation order alone). Over
seeds (:func:`engines.moe.comparison.run_over_seeds`: the test rows stay the same, training
seeds and held-out annotators change) each model gets a mean and a standard deviation, and
the difference between two models a test pooled over seeds: each item's contribution to the
difference is averaged over the seeds, and its sign flipped at random under the null
(:func:`~analysis.moe._resample.sign_flip_p`), the item being the unit the seeds share.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.moe._checks import check_pred
from analysis.moe._resample import sign_flip_p

__all__ = ["SEED_COLUMNS", "compare_over_seeds", "compute_seed_table"]

SEED_COLUMNS = ["model", "mae_mean", "mae_sd", "mae_min", "mae_max", "n_seeds"]


def _seed_maes(predictions: Sequence[pd.DataFrame], seeds: Sequence[int]) -> pd.DataFrame:
    rows = []
    for seed, pred in zip(seeds, predictions, strict=True):
        p = check_pred(pred)
        err = (p["prediction"] - p["rating"]).abs()
        for model, mae in err.groupby(p["model"], sort=False).mean().items():
            rows.append((int(seed), str(model), float(mae)))
    return pd.DataFrame(rows, columns=["seed", "model", "mae"])


def compute_seed_table(predictions: Sequence[pd.DataFrame], seeds: Sequence[int]) -> pd.DataFrame:
    """Per model: MAE over seeds (mean, sample SD, min, max), sorted by mean MAE.

    Args:
        predictions: One predictions table per seed (:mod:`analysis.moe.metrics`).
        seeds: The seeds, aligned with ``predictions``.

    Returns:
        ``model, mae_mean, mae_sd, mae_min, mae_max, n_seeds`` plus one ``mae_seed<k>`` column
        per seed.
    """
    maes = _seed_maes(predictions, seeds)
    g = maes.groupby("model", sort=False)["mae"]
    table = pd.DataFrame(
        {
            "mae_mean": g.mean(),
            "mae_sd": g.std(ddof=1),
            "mae_min": g.min(),
            "mae_max": g.max(),
            "n_seeds": g.size(),
        }
    )
    wide = maes.pivot(index="model", columns="seed", values="mae")
    wide.columns = [f"mae_seed{s}" for s in wide.columns]
    table = table.join(wide).sort_values("mae_mean").reset_index()
    return table.rename(columns={"index": "model"})


def compare_over_seeds(
    predictions: Sequence[pd.DataFrame],
    seeds: Sequence[int],
    model_a: str,
    model_b: str,
    n_perm: int = 2000,
    seed: int = 0,
) -> dict[str, Any]:
    """``MAE(a) - MAE(b)`` over seeds: per seed, mean, SD and a sign-flip test pooled over seeds.

    Args:
        predictions: One predictions table per seed, all on the same test rows.
        seeds: The seeds, aligned with ``predictions``.
        model_a: First model (negative differences favour it).
        model_b: Second model.
        n_perm: Sign flips of the pooled test.
        seed: Seed of the flips.

    Returns:
        ``diff_mean, diff_sd, diffs`` (per seed), ``p_value`` (pooled), ``significant``,
        ``n_seeds`` and ``rival`` (``model_b``).
    """
    contribs, diffs = [], []
    for pred in predictions:
        p = check_pred(pred)
        err = (p["prediction"] - p["rating"]).abs()
        per = {}
        for m in (model_a, model_b):
            mask = (p["model"] == m).to_numpy()
            if not mask.any():
                raise ValueError(f"model {m!r} not in every seed's predictions")
            per[m] = err[mask].groupby(p.loc[mask, "item_id"].astype(str)).sum() / mask.sum()
        c = per[model_a].sub(per[model_b], fill_value=0.0)
        contribs.append(c)
        diffs.append(float(c.sum()))
    pooled = pd.concat(contribs, axis=1).fillna(0.0).mean(axis=1).to_numpy()
    p_value = sign_flip_p(pooled, n_perm, seed)
    d = np.asarray(diffs)
    return {
        "diff_mean": float(d.mean()),
        "diff_sd": float(d.std(ddof=1)) if len(d) > 1 else float("nan"),
        "diffs": [round(x, 4) for x in diffs],
        "p_value": p_value,
        "significant": bool(p_value < 0.05),
        "n_seeds": len(d),
        "rival": model_b,
    }
