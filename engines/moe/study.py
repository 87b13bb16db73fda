"""Workers of a shared Optuna study: a DEM-MoE search, or a seed sweep of the model comparison.

Optuna's own distributed mode, no home-made queue: every worker opens the same RDB storage
(:mod:`engines.moe.study_store`) and study name, asks the study for a trial, runs it and
writes back its value. Workers may start on several machines at any time.

* :func:`search_worker`: adds ``n_trials`` trials of the DEM-MoE hyperparameter search
  (the in-process search's parameters, fit and dev-MAE score: :func:`~engines.moe.search.
  fit_trial`). The study's creator enqueues the base configuration as trial 0. Each worker's
  TPE sampler has its own seed (the ``seed`` plus a hash of host and process) and lies about
  running trials (``constant_liar``), so concurrent workers do not propose the same values.
* :func:`sweep_worker`: the model comparison (:func:`~engines.moe.comparison.run_over_seeds`)
  once per seed, one trial per seed. The creator enqueues every seed; an enqueued trial is
  claimed by exactly one worker (Optuna sets it RUNNING in one transaction). The value is
  DEM-MoE's test MAE (the first model's without DEM-MoE); every model's test MAE is kept.
  A worker stays until no trial is waiting or running, so a seed whose worker died is
  re-enqueued (up to ``retries`` times) and run by a survivor.

Each trial records its device, host, worker (process id), seed and fit time. Every running
trial sends a heartbeat; a trial whose worker died is marked failed once its heartbeat is
older than the grace period, by the next worker that starts a trial (Optuna's
``fail_stale_trials``), and the study goes on.
"""

from __future__ import annotations

import math
import os
import socket
import time
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from engines.core import Progress, report
from engines.core.device import resolve_device
from engines.data.schema import AnnotationDataset
from engines.moe.comparison import MoERunConfig, run_over_seeds
from engines.moe.model import DemMoE, MoEConfig
from engines.moe.regressor import RatingRegressor
from engines.moe.search import FitArgs, fit_trial, suggest_params
from engines.moe.search_space import SearchSpace, base_params
from engines.moe.study_store import (
    NO_SEED_LEFT,
    default_storage_url,
    load_optuna,
    open_storage,
    prepare_study,
    public_url,
)

__all__ = ["StudyConfig", "WorkerReport", "device_label", "search_worker", "sweep_worker"]


@dataclass(frozen=True)
class StudyConfig:
    """Which shared study a worker joins and how it behaves."""

    study: str
    """The study's name (shared by every worker of one search)."""
    storage: str | None = None
    """SQLAlchemy URL of the storage (None: the local SQLite file)."""
    n_trials: int = 10
    """Search trials this worker adds (a seed sweep runs until no seed is left)."""
    seed: int = 0
    """Base seed: the models' training seed (search) or the first seed (sweep)."""
    heartbeat_s: int = 60
    """Seconds between a running trial's heartbeats."""
    grace_s: int | None = None
    """A running trial without a heartbeat for this long is failed (None: 2 heartbeats)."""
    prune: bool = True
    """Median pruning of search trials (shared across workers)."""
    retries: int = 2
    """Times a sweep seed whose worker died is enqueued again."""
    space: SearchSpace = field(default_factory=SearchSpace)
    """The search's ranges."""

    def __post_init__(self) -> None:
        if not self.study.strip():
            raise ValueError("A shared study needs a name (--study).")
        if self.n_trials < 1:
            raise ValueError(f"n_trials must be at least 1, got {self.n_trials}.")
        if self.heartbeat_s < 1 or (self.grace_s is not None and self.grace_s < 1):
            raise ValueError("heartbeat_s and grace_s must be whole seconds >= 1.")


@dataclass
class WorkerReport:
    """What one worker did."""

    study: str
    storage: str
    """The storage URL without its password."""
    created: bool
    """This worker created (and set up) the study."""
    trials: list[int]
    """Numbers of the trials this worker ran."""
    seconds: float


def device_label(device: str = "auto") -> str:
    """``cpu`` or ``cuda:0 (<GPU name>)``: where this worker's models train."""
    dev = resolve_device(device)
    if dev.type != "cuda":
        return dev.type
    import torch

    index = dev.index if dev.index is not None else torch.cuda.current_device()
    return f"cuda:{index} ({torch.cuda.get_device_name(index)})"


def _identity(device: str) -> dict[str, Any]:
    return {"device": device_label(device), "host": socket.gethostname(), "worker": os.getpid()}


def _worker_seed(seed: int, who: Mapping[str, Any]) -> int:
    """The sampler seed of this worker: ``seed`` moved by a hash of host and process id."""
    return (seed + zlib.crc32(f"{who['host']}/{who['worker']}".encode())) % 2**31


def _json(value: Any) -> Any:
    return None if isinstance(value, float) and math.isnan(value) else value


def _after(progress: Progress | None, name: str, done: list[int], total: int) -> Any:
    def callback(study: Any, trial: Any) -> None:
        done.append(trial.number)
        value = "" if trial.value is None else f", MAE {trial.value:.4f}"
        report(progress, len(done), total, f"Study {name}: trial {trial.number} "
               f"{trial.state.name.lower()}{value}")  # fmt: skip

    return callback


def search_worker(
    fit_args: FitArgs,
    dev: pd.DataFrame,
    base: MoEConfig,
    cfg: StudyConfig,
    settings: Mapping[str, Any],
    progress: Progress | None = None,
) -> WorkerReport:
    """Add ``cfg.n_trials`` DEM-MoE search trials to the shared study ``cfg.study``.

    Args:
        fit_args: ``(train rows, item ids, item embeddings, attributes)``.
        dev: development rows; each trial's value is its MAE here.
        base: the configuration every trial keeps but for the searched parameters (the
            creator enqueues it as trial 0).
        cfg: the study and this worker's behaviour.
        settings: what every worker must share (dataset fingerprint, encoder, epochs...);
            a worker with other settings is refused.
        progress: told ``(trials done, n_trials, "Study <name>: trial <k> <state>, MAE ...")``.

    Raises:
        ValueError: the study is of another kind or was started with other settings, or its
            storage cannot be opened.
    """
    optuna = load_optuna()
    if dev.empty:
        raise ValueError("The hyperparameter search needs development rows to score trials on.")
    t0 = time.perf_counter()
    who = _identity(base.train.device)
    storage = open_storage(cfg.storage, cfg.heartbeat_s, cfg.grace_s)
    sampler = optuna.samplers.TPESampler(
        n_startup_trials=max(2, cfg.n_trials // 3), multivariate=True, constant_liar=True,
        seed=_worker_seed(cfg.seed, who),
    )  # fmt: skip
    pruner = optuna.pruners.MedianPruner(n_startup_trials=3, n_warmup_steps=3)

    def setup(study: Any) -> dict[str, Any]:
        study.enqueue_trial(cfg.space.clip(base_params(base)))
        return {}

    study, created = prepare_study(
        storage, cfg.study, "moe-search", "dev_mae", settings, setup, sampler, pruner
    )

    def objective(trial: Any) -> float:
        for key, value in {**who, "seed": base.train.seed}.items():
            trial.set_user_attr(key, value)
        params = suggest_params(trial, cfg.space)
        scored = fit_trial(trial, params, base, fit_args, dev, cfg.prune)
        trial.set_user_attr("fit_seconds", scored["seconds"])
        if scored["state"] == "pruned":
            raise optuna.TrialPruned()
        if scored["state"] != "complete":
            trial.set_user_attr("note", "diverged")
            return math.nan  # Optuna records a NaN value as a failed trial
        trial.set_user_attr("dev_max_jsd", _json(scored["dev_max_jsd"]))
        trial.set_user_attr("jsd_attribute", scored["jsd_attribute"])
        return float(scored["dev_mae"])

    done: list[int] = []
    callback = _after(progress, cfg.study, done, cfg.n_trials)
    study.optimize(objective, n_trials=cfg.n_trials, callbacks=[callback], catch=())
    return WorkerReport(cfg.study, public_url(cfg.storage or default_storage_url()), created, done,
                        time.perf_counter() - t0)  # fmt: skip


def _enqueued(study: Any, number: int) -> bool:
    """Whether trial ``number`` came from the queue (a seed), not from the sampler."""
    for t in study.get_trials(deepcopy=False):
        if t.number == number:
            return "fixed_params" in t.system_attrs
    return False


def _test_maes(predictions: pd.DataFrame) -> dict[str, float]:
    err = (predictions["prediction"] - predictions["rating"]).abs()
    return {
        str(m): float(v) for m, v in err.groupby(predictions["model"], sort=False).mean().items()
    }


def sweep_worker(
    ds: AnnotationDataset,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    run_cfg: MoERunConfig,
    seeds: Sequence[int],
    cfg: StudyConfig,
    settings: Mapping[str, Any],
    progress: Progress | None = None,
    models: dict[str, RatingRegressor] | None = None,
) -> WorkerReport:
    """Run the model comparison's seeds of the shared sweep ``cfg.study``, one trial per seed.

    Args:
        ds: the dataset (numeric labels).
        item_ids: ids of the rows of ``item_emb``.
        item_emb: frozen item embeddings.
        run_cfg: the comparison (models, attributes, hold-out, epochs); its seed is replaced
            by each trial's.
        seeds: the sweep's seeds (the creator enqueues them; the others must pass the same).
        cfg: the study and this worker's behaviour (``n_trials`` is not used).
        settings: what every worker must share; a worker with other settings is refused.
        progress: told ``(seeds done here, len(seeds), "Study <name>: trial <k> ...")``.
        models: pre-configured estimators by key, re-seeded per trial.
    """
    optuna = load_optuna()
    t0 = time.perf_counter()
    device = models["moe"].config.train.device if models and "moe" in models else "auto"
    who = _identity(device)
    retry_class = getattr(optuna.storages, "RetryHeartbeatStaleTrialCallback", None)
    retry = (retry_class or optuna.storages.RetryFailedTrialCallback)(max_retry=cfg.retries)
    storage = open_storage(cfg.storage, cfg.heartbeat_s, cfg.grace_s, on_stale=retry)
    wanted = [int(s) for s in seeds]

    def setup(study: Any) -> dict[str, Any]:
        for s in wanted:
            study.enqueue_trial({"seed": s})
        return {"seeds": wanted}

    study, created = prepare_study(storage, cfg.study, "moe-seeds", "test_mae",
                                   {**settings, "seeds": wanted}, setup)  # fmt: skip

    def objective(trial: Any) -> float:
        for key, value in who.items():
            trial.set_user_attr(key, value)
        if not _enqueued(study, trial.number):
            # Another worker claimed the last queued seed between our look and our ask.
            trial.set_user_attr("note", NO_SEED_LEFT)
            raise optuna.TrialPruned()
        seed = int(trial.suggest_categorical("seed", wanted))
        trial.set_user_attr("seed", seed)
        start = time.perf_counter()
        result = run_over_seeds(ds, item_ids, item_emb, run_cfg, [seed], progress, models)[0]
        trial.set_user_attr("fit_seconds", time.perf_counter() - start)
        maes = _test_maes(result.predictions)
        trial.set_user_attr("test_mae", maes)
        return maes.get(DemMoE.name, next(iter(maes.values())))

    done: list[int] = []
    callback = _after(progress, cfg.study, done, len(wanted))
    states = optuna.trial.TrialState
    while True:
        now = [t.state for t in study.get_trials(deepcopy=False)]
        if states.WAITING in now:
            study.optimize(objective, n_trials=1, callbacks=[callback], catch=())
        elif states.RUNNING in now:  # others' trials; a dead worker's is failed and retried
            time.sleep(min(cfg.heartbeat_s, 5))
            optuna.storages.fail_stale_trials(study)
        else:
            break
    return WorkerReport(cfg.study, public_url(cfg.storage or default_storage_url()), created, done,
                        time.perf_counter() - t0)  # fmt: skip
