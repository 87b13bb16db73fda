"""Tables of a shared Optuna study (issue #27): its search trials, its workers, its seeds.

The trials come from :func:`engines.moe.study_store.trials_frame`: the in-process search's
columns plus where each trial ran. A search study is drawn with the search's own history
figure (:func:`~analysis.moe.plot_search.plot_search_history`) and summarised with
:func:`~analysis.moe.report.compute_search_table`; a seed sweep in the over-seeds table's
columns (:data:`~analysis.moe.seeds.SEED_COLUMNS`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.moe.seeds import SEED_COLUMNS
from engines.moe.study_store import STUDY_COLUMNS

__all__ = [
    "WORKER_COLUMNS",
    "compute_study_trials",
    "compute_study_workers",
    "compute_sweep_table",
    "summarise_study",
]

WORKER_COLUMNS = ["host", "worker", "device", "trials", "complete", "failed", "fit_seconds"]
"""Columns of :func:`compute_study_workers`."""

_MAE_PREFIX = "test_mae:"


def compute_study_trials(trials: pd.DataFrame) -> pd.DataFrame:
    """A search study's trials in the in-process search's columns (for its figure and table).

    Drops the columns that say where a trial ran, and trials that never started
    (``waiting``) or were skipped; trial 0 is the base configuration (enqueued first).
    """
    keep = ~trials["state"].isin(["waiting", "skipped"])
    cols = [c for c in trials.columns if c not in STUDY_COLUMNS and not c.startswith(_MAE_PREFIX)]
    return trials.loc[keep, cols].reset_index(drop=True)


def compute_study_workers(trials: pd.DataFrame) -> pd.DataFrame:
    """Per worker (host and process): device, trials run, complete, failed, fit seconds."""
    ran = trials[trials["state"] != "waiting"].dropna(subset=["host"])
    if ran.empty:
        return pd.DataFrame(columns=WORKER_COLUMNS)
    g = ran.assign(
        complete=ran["state"] == "complete", failed=ran["state"].str.startswith("failed")
    ).groupby(["host", "worker"], sort=False)
    out = g.agg(
        device=("device", "last"),
        trials=("trial", "size"),
        complete=("complete", "sum"),
        failed=("failed", "sum"),
        fit_seconds=("seconds", "sum"),
    ).reset_index()
    return out[WORKER_COLUMNS]


def compute_sweep_table(trials: pd.DataFrame) -> pd.DataFrame:
    """Per model: test MAE over the sweep's completed seeds, as the over-seeds table.

    Returns:
        :data:`~analysis.moe.seeds.SEED_COLUMNS` plus one ``mae_seed<k>`` column per seed,
        sorted by mean MAE (``mae_sd`` NaN with one seed).
    """
    done = trials[trials["state"] == "complete"]
    cols = [c for c in done.columns if c.startswith(_MAE_PREFIX)]
    if done.empty or not cols:
        return pd.DataFrame(columns=SEED_COLUMNS)
    long = done.melt(id_vars=["seed"], value_vars=cols, var_name="model", value_name="mae")
    long = long.dropna(subset=["mae"])
    long["model"] = long["model"].str.removeprefix(_MAE_PREFIX)
    g = long.groupby("model", sort=False)["mae"]
    table = pd.DataFrame(
        {"mae_mean": g.mean(), "mae_sd": g.std(ddof=1), "mae_min": g.min(),
         "mae_max": g.max(), "n_seeds": g.size()}
    )  # fmt: skip
    wide = long.pivot_table(index="model", columns="seed", values="mae", aggfunc="mean")
    wide.columns = [f"mae_seed{int(s)}" for s in wide.columns]
    table = table.join(wide).sort_values("mae_mean").reset_index()
    return table.rename(columns={"index": "model"})


def summarise_study(trials: pd.DataFrame, attrs: dict[str, Any]) -> dict[str, Any]:
    """A study at a glance: kind, trials by state, the best trial, its parameters, workers.

    Args:
        trials: :func:`engines.moe.study_store.trials_frame`.
        attrs: the study's attributes (:func:`engines.moe.study_store.study_attrs`).
    """
    metric = attrs.get("metric", "dev_mae")
    states = {str(k): int(v) for k, v in trials["state"].value_counts().items()}
    out: dict[str, Any] = {"kind": attrs.get("kind", "unknown"), "metric": metric,
                           "trials": len(trials), "states": states}  # fmt: skip
    done = trials[trials["state"] == "complete"]
    if "seeds" in attrs:
        out["seeds"] = list(attrs["seeds"])
        out["seeds_done"] = sorted(int(s) for s in done["seed"].dropna().unique())
        table = compute_sweep_table(trials)
        out["test_mae_mean"] = {
            m: round(float(v), 4) for m, v in zip(table["model"], table["mae_mean"])
        }
    elif len(done):
        best = done.loc[done[metric].idxmin()]
        skip = {"trial", "round", "state", metric, "seconds", "dev_max_jsd", "jsd_attribute"}
        params = [c for c in trials.columns if c not in skip and c not in STUDY_COLUMNS]
        out["best"] = {
            "trial": int(best["trial"]),
            metric: round(float(best[metric]), 4),
            "params": {p: _plain(best[p]) for p in params if not p.startswith(_MAE_PREFIX)},
            "host": best["host"],
        }
    workers = compute_study_workers(trials)
    out["workers"] = workers.assign(fit_seconds=workers["fit_seconds"].round(1)).to_dict(
        orient="records"
    )
    return out


def _plain(value: Any) -> Any:
    """A JSON-ready scalar (numpy numbers become Python numbers)."""
    if isinstance(value, np.generic):
        value = value.item()
    return round(value, 6) if isinstance(value, float) else value
