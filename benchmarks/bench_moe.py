"""DEM-MoE benchmark on POPQUORN offensiveness with a fixed item-level split.

DEM-MoE and its five baselines train on the same split (the dataset's item-level
train/dev/test split, seed 0, with 10% of annotators held out of train/dev so the test split
has unseen annotators) over cached MiniLM item embeddings. Reported per model: annotator-level
MAE with an item-bootstrap 95% CI, Pearson r, item-level MAE after averaging, EMD between
predicted and observed rating distributions per item, MAE on seen / unseen annotators, the fit
time; per demographic subgroup MAE with CIs; the paired test of DEM-MoE against the
next-best model (overall and per attribute, each against its own next-best); DEM-MoE's expert
specialisation (normalised KL and Jensen-Shannon divergence per attribute) and how many experts
its routing uses. ``over_seeds > 1`` repeats the comparison over seeds 0..N-1 (same test rows)
and adds each model's MAE mean and SD and the pooled test of DEM-MoE against the model with
the next-lowest mean MAE (``over_seeds``).
"""

from __future__ import annotations

import numbers
import os
import tempfile
from typing import TYPE_CHECKING

from benchmarks.common import POPQUORN, require

if TYPE_CHECKING:
    from engines.moe import SearchResult


def run(seed: int = 0, n_boot: int = 1000, search_trials: int = 0, over_seeds: int = 1) -> dict:
    """Run the DEM-MoE benchmark and return its JSON-ready result.

    ``search_trials > 0`` first runs the Optuna search (two rounds, 15 epochs per trial) on
    the dev split and trains DEM-MoE with the best configuration found.
    """
    from analysis.moe.report import report_for_result
    from engines.data.load import load_dataset
    from engines.moe import MoERunConfig, SearchConfig, run_over_seeds
    from engines.text import EmbeddingCache, embed_items, embed_with, make_encoder

    ds = load_dataset(require(POPQUORN), name="popquorn_offensiveness")
    with tempfile.TemporaryDirectory() as cache:
        items = embed_items(ds, embed_with(make_encoder(), EmbeddingCache(cache)))
    search = SearchConfig(n_trials=search_trials, seed=seed) if search_trials else None
    cfg = MoERunConfig(seed=seed, search=search)
    seeds = [seed + k for k in range(max(1, over_seeds))]
    results = run_over_seeds(ds, items.item_ids, items.vectors, cfg, seeds)
    result = results[0]
    report = report_for_result(result, n_boot=n_boot, seed=seed)
    keys = {m.name: k for k, m in result.models.items()}
    models = {
        r.model: {
            "mae": round(r.mae, 4),
            "mae_ci": [round(r.ci_low, 4), round(r.ci_high, 4)],
            "pearson": _num(r.pearson),
            "item_mae": round(r.item_mae, 4),
            "emd": round(r.emd, 4),
            "mae_seen": _num(r.mae_seen),
            "mae_unseen": _num(r.mae_unseen),
            "fit_s": round(result.fit_seconds[keys[r.model]], 2),
        }
        for r in report.models.itertuples()
    }
    moe_history = result.models["moe"].history_
    return {
        "benchmark": "moe",
        "dataset": "popquorn_offensiveness",
        "split": result.split_sizes,
        "models": models,
        # Training throughput: train rows x epochs run / the training loop's seconds (its
        # validation passes included); the comparison: every model's fit, one after another.
        "moe_rows_per_s": round(
            result.split_sizes["train"] * len(moe_history.epochs) / moe_history.seconds
        ),
        "comparison_s": round(sum(result.fit_seconds.values()), 1),
        "per_group": report.group_mae.round(4).to_dict(orient="records"),
        "attribute_mae": report.attribute_mae.round(4).to_dict(orient="records"),
        "moe_vs_next_best": {
            "next_best": report.next_best,
            **{k: {n: _num(v) for n, v in t.items()} for k, t in report.significance.items()},
        },
        "specialisation_normalised_kl": dict(
            zip(report.kl["attribute"], report.kl["normalised_kl"].round(4), strict=True)
        ),
        "specialisation_jsd_bits": dict(
            zip(report.kl["attribute"], report.kl["jsd_bits"].round(4), strict=True)
        ),
        "routing": {
            k: _num(v) if not isinstance(v, list) else v for k, v in report.routing_summary.items()
        },
        **_search_summary(result.search),
        **_seed_summary(results, seeds),
        "cpu_count": os.cpu_count(),
    }


def _search_summary(search: SearchResult | None) -> dict:
    """Dev MAE of the chosen defaults vs the best trial, and the best parameters."""
    if search is None:
        return {}
    trials = search.trials
    best = trials.loc[trials["dev_mae"].idxmin()]
    from analysis.moe.report import SEARCH_COLUMNS

    params = [c for c in trials.columns if c not in SEARCH_COLUMNS]
    return {
        "search": {
            "trials": len(trials),
            "pruned": int((trials["state"] == "pruned").sum()),
            "dev_mae_default": round(search.default_mae, 4),
            "dev_mae_best": round(search.best_mae, 4),
            "search_s": round(search.seconds, 1),
            "dev_max_jsd_default": round(float(trials["dev_max_jsd"].iloc[0]), 4),
            "dev_max_jsd_best": round(float(best["dev_max_jsd"]), 4),
            "best": {p: float(f"{best[p]:.3g}") for p in params},
        }
    }


def _seed_summary(results: list, seeds: list[int]) -> dict:
    """MAE over seeds per model and DEM-MoE against the next-lowest mean MAE, pooled."""
    if len(results) < 2:
        return {}
    from analysis.moe import compare_over_seeds, compute_seed_table

    preds = [r.predictions for r in results]
    table = compute_seed_table(preds, seeds)
    rival = table.loc[table["model"] != "DEM-MoE", "model"].iloc[0]
    test = compare_over_seeds(preds, seeds, "DEM-MoE", rival)
    return {
        "over_seeds": {
            "seeds": seeds,
            "models": {
                r.model: {
                    "mae_mean": round(r.mae_mean, 4),
                    "mae_sd": round(r.mae_sd, 4),
                    "mae_min": round(r.mae_min, 4),
                    "mae_max": round(r.mae_max, 4),
                }
                for r in table.itertuples()
            },
            "moe_vs_next_best": {k: _num(v) if k != "diffs" else v for k, v in test.items()},
        }
    }


def _num(v: object) -> object:
    """JSON-friendly numbers: integers stay integers, floats rounded (NaN -> None)."""
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        return v
    if isinstance(v, numbers.Integral):
        return int(v)
    return None if v != v else round(float(v), 4)
