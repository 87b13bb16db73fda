"""Optional Optuna hyperparameter search for DEM-MoE (dem-moe seed, appendix B.1).

The seed searched its hyperparameters with Optuna in two iterations: a wide range first, then
a narrower one around the best values. :func:`search_moe` does the same with a bounded number
of trials over a :class:`~engines.moe.search_space.SearchSpace`. The base configuration is
tried first, so the search never reports a configuration worse than it on the development
split.

Every trial trains on the training rows and is scored by MAE on the *development* rows (raw
rating scale); the test split is never touched. Trials whose validation loss trails the median
of earlier trials at the same epoch are pruned (Optuna's median pruner).

Optuna is an optional dependency (``pip install "perspectives-lab[search]"``), imported only
when a search runs; without it :func:`search_moe` raises an ImportError that says so.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from engines.core import Progress, report
from engines.moe.encoding import ratings_of
from engines.moe.model import DemMoE, MoEConfig
from engines.moe.search_space import (
    LOG_SCALE,
    SearchConfig,
    SearchSpace,
    base_params,
    config_from_params,
    narrow_space,
)
from engines.moe.study_store import load_optuna
from engines.moe.usage import compute_expert_usage, compute_specialisation_kl

__all__ = ["FitArgs", "SearchResult", "fit_trial", "search_moe", "suggest_params"]


@dataclass
class SearchResult:
    """The best configuration and every trial."""

    best_config: MoEConfig
    """The base config with the kept trial's parameters (and the base's own epoch cap)."""
    best_mae: float
    """Development-split MAE of the kept trial."""
    default_mae: float
    """Development-split MAE of the base config (the first trial)."""
    trials: pd.DataFrame
    """``trial, round, state, dev_mae, dev_max_jsd, jsd_attribute, seconds`` + one column per
    parameter. ``dev_max_jsd``: the largest within-group Jensen-Shannon divergence (bits) of the
    trial's routing on the dev split (its expert specialisation; the search does not optimise
    it)."""
    seconds: float
    """Wall-clock time of the whole search."""
    chosen_trial: int = 0
    """Number of the kept trial (lowest dev MAE, or see ``specialised_within``)."""


def _max_specialisation(
    model: DemMoE, rows: pd.DataFrame, attributes: Sequence[str]
) -> tuple[float, str | None]:
    """Largest within-group JSD (bits) of ``model``'s routing on ``rows``, and its attribute."""
    if not attributes:
        return math.nan, None
    routing = model.routing_frame(rows)
    annotators = rows[["annotator_id", *attributes]].drop_duplicates("annotator_id")
    annotators = annotators.assign(annotator_id=annotators["annotator_id"].astype(str))
    usage = compute_expert_usage(routing, annotators, list(attributes))
    kl = compute_specialisation_kl(usage, model.module_.n_experts)
    if kl.empty:
        return math.nan, None
    top = kl.loc[kl["jsd_bits"].idxmax()]
    return float(top["jsd_bits"]), str(top["attribute"])


def suggest_params(trial: Any, space: SearchSpace) -> dict[str, Any]:
    """Draw one trial's parameters from ``space`` (Optuna's ``trial.suggest_*``)."""
    params: dict[str, Any] = {
        name: trial.suggest_float(name, lo, hi, log=name in LOG_SCALE)
        for name, (lo, hi) in space.ranges().items()
    }
    params["top_k"] = trial.suggest_categorical("top_k", list(space.top_k))
    return params


FitArgs = tuple[pd.DataFrame, Sequence[str], np.ndarray, Sequence[str]]
"""``(train rows, item ids, item embeddings, attributes)`` every trial fits on."""


def fit_trial(
    trial: Any,
    params: dict[str, Any],
    base: MoEConfig,
    fit_args: FitArgs,
    dev: pd.DataFrame,
    prune: bool = True,
) -> dict[str, Any]:
    """Fit DEM-MoE with ``params`` on the training rows and score it on ``dev``.

    Reports the validation loss per epoch to ``trial`` (and stops when ``prune`` and the
    pruner say so). Shared by the in-process search and the shared study workers
    (:mod:`engines.moe.study`).

    Returns:
        ``seconds, state, dev_mae`` (+ ``dev_max_jsd, jsd_attribute`` when complete); state is
        ``complete``, ``pruned`` or ``failed (diverged)`` (dev MAE NaN unless complete).
    """
    model = DemMoE(config_from_params(base, params))

    def stop(epoch: int, metrics: dict[str, float]) -> bool:
        trial.report(float(metrics.get("val_loss", np.nan)), epoch)
        return bool(prune and trial.should_prune())

    train, item_ids, item_emb, attributes = fit_args
    t0 = time.perf_counter()
    try:
        model.fit(train, item_ids, item_emb, attributes, dev, on_epoch_end=stop)
    except FloatingPointError:
        # A diverged trial is a failed trial (Optuna records a NaN objective as FAIL and
        # goes on); the search keeps its other trials.
        return {"seconds": time.perf_counter() - t0, "state": "failed (diverged)",
                "dev_mae": np.nan}  # fmt: skip
    seconds = time.perf_counter() - t0
    if model.history_.stopped_by_callback:
        return {"seconds": seconds, "state": "pruned", "dev_mae": np.nan}
    mae = float(np.mean(np.abs(model.predict(dev) - ratings_of(dev))))
    kl, attr = _max_specialisation(model, dev, attributes)
    return {"seconds": seconds, "state": "complete", "dev_mae": mae, "dev_max_jsd": kl,
            "jsd_attribute": attr}  # fmt: skip


class _Objective:
    """Trains and scores one trial; keeps one row per finished or pruned trial."""

    def __init__(
        self,
        optuna: Any,
        fit_args: FitArgs,
        dev: pd.DataFrame,
        base: MoEConfig,
        cfg: SearchConfig,
        progress: Progress | None,
    ):
        self.optuna, self.fit_args, self.dev, self.base = optuna, fit_args, dev, base
        self.cfg, self.progress = cfg, progress
        self.space = cfg.space
        """The ranges drawn from (narrowed after round 1)."""
        self.rows: list[dict[str, Any]] = []

    def __call__(self, trial: Any, round_no: int) -> float:
        """Dev MAE of the trial's model; raises ``TrialPruned`` when the pruner stops it."""
        params = suggest_params(trial, self.space)
        row = {"trial": len(self.rows), "round": round_no, **params}
        scored = fit_trial(trial, params, self.base, self.fit_args, self.dev, self.cfg.prune)
        self.rows.append({**row, **scored})
        if scored["state"] == "pruned":
            raise self.optuna.TrialPruned()
        return float(scored["dev_mae"])

    def after_trial(self, study: Any, trial: Any) -> None:
        """Report ``trial i/n`` and the best dev MAE so far."""
        done = [r["dev_mae"] for r in self.rows if r["state"] == "complete"]
        best = f", best dev MAE {min(done):.4f}" if done else ""
        report(self.progress, len(self.rows), self.cfg.n_trials, f"Optuna search: trial{best}")


def _trials_per_round(cfg: SearchConfig) -> list[int]:
    per_round = [cfg.n_trials] if cfg.rounds == 1 else [math.ceil(cfg.n_trials / 2)] * 2
    per_round[-1] = cfg.n_trials - sum(per_round[:-1])
    return per_round


def search_moe(
    train: pd.DataFrame,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    attributes: Sequence[str],
    dev: pd.DataFrame,
    base: MoEConfig | None = None,
    cfg: SearchConfig | None = None,
    progress: Progress | None = None,
) -> SearchResult:
    """Search DEM-MoE's learning rates, top-k and loss weights on the development split.

    Args:
        train: rows to fit each trial on.
        item_ids: ids of the rows of ``item_emb``.
        item_emb: frozen item embeddings.
        attributes: demographic columns used for routing.
        dev: development rows; each trial's score is its MAE here.
        base: the configuration whose other settings every trial keeps (tried first).
        cfg: number of trials, rounds, time limit, seed.
        progress: told ``(trials done, n_trials, "Optuna search: trial, best dev MAE ...")``
            after each finished or pruned trial.

    Raises:
        ImportError: Optuna is not installed.
        ValueError: ``dev`` is empty.
    """
    optuna = load_optuna()
    if dev.empty:
        raise ValueError("The hyperparameter search needs development rows to score trials on.")
    final = base or MoEConfig()
    cfg = cfg or SearchConfig()
    base = final.with_train(max_epochs=cfg.max_epochs) if cfg.max_epochs else final
    objective = _Objective(
        optuna, (train, item_ids, item_emb, attributes), dev, base, cfg, progress
    )
    t_start = time.perf_counter()
    best: tuple[float, dict[str, Any]] = (math.inf, cfg.space.clip(base_params(base)))
    for round_no, n in enumerate(_trials_per_round(cfg), 1):
        if n <= 0:
            continue
        # Optuna's default of 10 random start-up trials would leave a 10-trial round random.
        sampler = optuna.samplers.TPESampler(
            n_startup_trials=max(2, n // 3), multivariate=True, seed=cfg.seed + round_no
        )
        pruner = optuna.pruners.MedianPruner(n_startup_trials=3, n_warmup_steps=3)
        study = optuna.create_study(direction="minimize", sampler=sampler, pruner=pruner)
        if round_no == 1:
            study.enqueue_trial(best[1])  # the base config: the search can only improve on it
        remaining = None
        if cfg.timeout_s is not None:
            remaining = max(cfg.timeout_s - (time.perf_counter() - t_start), 0.0)
            if remaining == 0:
                break
        study.optimize(
            lambda t, r=round_no: objective(t, r),
            n_trials=n,
            timeout=remaining,
            callbacks=[objective.after_trial],
            catch=(),
        )
        complete = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
        if complete:
            top = min(complete, key=lambda t: t.value)
            if top.value < best[0]:
                best = (float(top.value), dict(top.params))
        if round_no == 1 and cfg.rounds == 2:
            objective.space = narrow_space(cfg.space, best[1], cfg.narrow_fraction)
    return _result(pd.DataFrame(objective.rows), best, final, cfg, time.perf_counter() - t_start)


def _result(
    trials: pd.DataFrame,
    best: tuple[float, dict[str, Any]],
    final: MoEConfig,
    cfg: SearchConfig,
    seconds: float,
) -> SearchResult:
    """The :class:`SearchResult` of the kept trial (see :func:`_choose`)."""
    chosen = _choose(trials, cfg.specialised_within)
    params = best[1]
    if chosen is not None:
        row = trials.loc[chosen]
        params = {k: int(row[k]) if k == "top_k" else float(row[k]) for k in best[1]}
    first = trials["dev_mae"].iloc[0] if len(trials) else math.nan
    return SearchResult(
        best_config=config_from_params(final, params),
        best_mae=float(trials.loc[chosen, "dev_mae"]) if chosen is not None else best[0],
        default_mae=float(first),
        trials=trials,
        seconds=seconds,
        chosen_trial=int(chosen) if chosen is not None else 0,
    )


def _choose(trials: pd.DataFrame, specialised_within: float | None) -> int | None:
    """Row of the kept trial: lowest dev MAE, or most specialised within the MAE margin."""
    if trials.empty or not (trials["state"] == "complete").any():
        return None
    done = trials[trials["state"] == "complete"]
    best = done["dev_mae"].min()
    if specialised_within is None:
        return int(done["dev_mae"].idxmin())
    close = done[done["dev_mae"] <= best + specialised_within]
    return int(close["dev_max_jsd"].fillna(-np.inf).idxmax())
