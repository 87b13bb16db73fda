"""DEM-MoE comparisons kept on disk and restored (issue #27 part 0).

A kept run holds what the Demographic experts page shows: every model's test predictions, the
routing and the annotators' attributes, DEM-MoE itself (safetensors + JSON, its training
history and phase log as tables), the search's trials when one ran, and the predictions of
every seed of a sweep. A restored :class:`~engines.moe.comparison.MoEResult` has DEM-MoE as its
only model (the baselines' predictions are kept, not the baselines); its ``fit_seconds`` name
every model trained.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from engines.core.loop import History
from engines.core.run_store import RunRecord, RunStore, seedless
from engines.moe.comparison import MoEResult, MoERunConfig
from engines.moe.model import DemMoE, MoEConfig
from engines.moe.search import SearchResult

__all__ = ["WING", "load_moe_run", "moe_settings", "save_moe_run"]

WING = "moe"
"""The wing name runs of the Demographic experts page are kept under."""


def moe_settings(run_cfg: MoERunConfig, moe_cfg: MoEConfig, seeds: Sequence[int]) -> dict:
    """What identifies a comparison besides its dataset and first seed.

    Every other setting and how many seeds the sweep ran (the seed is the run's own field).
    """
    return {"run": seedless(run_cfg), "dem_moe": seedless(moe_cfg), "seeds_in_sweep": len(seeds)}


def _headline(result: MoEResult) -> dict[str, float]:
    """Each model's test MAE (display names)."""
    pred = result.predictions
    mae = (pred["prediction"] - pred["rating"]).abs().groupby(pred["model"], sort=False).mean()
    return {str(k): float(v) for k, v in mae.items()}


def save_moe_run(
    store: RunStore,
    dataset: str,
    results: Sequence[MoEResult],
    seeds: Sequence[int],
    run_cfg: MoERunConfig,
    moe_cfg: MoEConfig,
    dataset_name: str = "",
) -> RunRecord:
    """Keep a comparison (``results``: one per seed; the first is the one shown)."""
    first = results[0]
    tables = {
        "predictions": first.predictions,
        "routing": first.routing,
        "annotators": first.annotators,
        "seed_predictions": pd.concat(
            [r.predictions.assign(seed=int(s)) for r, s in zip(results, seeds, strict=True)],
            ignore_index=True,
        ),
    }
    models = {}
    moe = first.moe
    if moe is not None:
        tables["moe_history"] = pd.DataFrame(moe.history_.epochs)
        tables["moe_phases"] = pd.DataFrame(moe.phase_log_)
        models["moe"] = moe.save
    info: dict[str, Any] = {
        "fit_seconds": first.fit_seconds,
        "split_sizes": first.split_sizes,
        "attributes": list(first.attributes),
        "seeds": [int(s) for s in seeds],
    }
    if first.search is not None:
        tables["search_trials"] = first.search.trials
        info["search"] = {
            "best_mae": first.search.best_mae,
            "default_mae": first.search.default_mae,
            "seconds": first.search.seconds,
            "chosen_trial": first.search.chosen_trial,
        }
    return store.save(
        WING, dataset, moe_settings(run_cfg, moe_cfg, seeds), int(seeds[0]), tables,
        headline=_headline(first), models=models, info=info, dataset_name=dataset_name,
    )  # fmt: skip


def load_moe_run(store: RunStore, rid: str) -> tuple[MoEResult, list[int], list[pd.DataFrame]]:
    """A kept comparison: the result shown, the seeds and each seed's test predictions.

    Raises:
        FileNotFoundError: no such run.
        ValueError: a file of the run was changed or damaged (named in the message).
    """
    tables, _, info = store.load_run(rid)
    models: dict[str, Any] = {}
    folder = store.model_dir(rid, "moe")
    if folder is not None:
        moe = DemMoE.load(folder)
        moe.history_ = History(epochs=tables["moe_history"].to_dict("records"))
        moe.phase_log_ = tables["moe_phases"].to_dict("records")
        models["moe"] = moe
    search = None
    if "search_trials" in tables and "search" in info and "moe" in models:
        s = info["search"]
        search = SearchResult(
            best_config=models["moe"].config, best_mae=float(s["best_mae"]),
            default_mae=float(s["default_mae"]), trials=tables["search_trials"],
            seconds=float(s["seconds"]), chosen_trial=int(s["chosen_trial"]),
        )  # fmt: skip
    result = MoEResult(
        predictions=tables["predictions"],
        fit_seconds={str(k): float(v) for k, v in info.get("fit_seconds", {}).items()},
        models=models,
        routing=tables["routing"],
        annotators=tables["annotators"],
        attributes=tuple(info.get("attributes", ())),
        split_sizes={str(k): int(v) for k, v in info.get("split_sizes", {}).items()},
        search=search,
    )
    sweep = tables["seed_predictions"]
    seeds = [int(s) for s in info.get("seeds", sorted(np.unique(sweep["seed"])))]
    per_seed = [
        sweep[sweep["seed"] == s].drop(columns="seed").reset_index(drop=True) for s in seeds
    ]
    return result, seeds, per_seed
