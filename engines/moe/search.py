"""Optional Optuna hyperparameter search for DEM-MoE (dem-moe seed, appendix B.1).

The seed searched its hyperparameters with Optuna in two iterations: a wide range first, then
a narrower one around the best values. :func:`search_moe` does the same with a bounded number
of trials: the default ranges are the seed's Table 8 (Offensiveness), except the learning rates
and the within-group term, which are centred on this implementation's defaults (the seed's
ranges were tuned for GPU-length runs and a positive-weight form of the term; see
:class:`~engines.moe.model.MoEConfig`). The defaults themselves are tried first, so the search never
reports a configuration worse than them on the development split.

Every trial trains on the training rows and is scored by MAE on the *development* rows (raw
rating scale); the test split is never touched. Trials whose validation loss trails the median
of earlier trials at the same epoch are pruned (Optuna's median pruner).

Optuna is an optional dependency (``pip install "perspectives-lab[search]"``); without it
:func:`search_moe` raises an ImportError that says so.
"""

from __future__ import annotations

import math
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from engines.moe.model import DemMoE, MoEConfig, PhaseWeights
from engines.moe.regressor import ratings_of

__all__ = ["SearchConfig", "SearchResult", "SearchSpace", "narrow_space", "search_moe"]

Range = tuple[float, float]
TrialProgress = Callable[[int, int, float], None]
"""``on_trial(done, total, best_mae_so_far)``."""

LOG_SCALE = ("lr", "lr_gate", "kl_annotator", "kl_demographic", "specialisation")


@dataclass(frozen=True)
class SearchSpace:
    """Ranges searched (low, high); log-uniform for the names in ``LOG_SCALE``."""

    lr: Range = (5e-4, 5e-3)
    lr_gate: Range = (1e-3, 2e-2)
    top_k: tuple[int, ...] = (2, 3)
    kl_annotator: Range = (1e-5, 1e-2)
    kl_demographic: Range = (1e-6, 1e-3)
    specialisation: Range = (1e-3, 5e-2)
    """Magnitude of the within-group term; its sign is kept from the base config."""
    load: tuple[Range, Range, Range] = ((0.1, 0.6), (0.1, 0.6), (0.3, 0.9))
    orthogonal: tuple[Range, Range, Range] = ((0.01, 0.2), (0.1, 0.5), (0.2, 0.6))
    variance: tuple[Range, Range, Range] = ((0.01, 0.2), (0.01, 0.2), (0.1, 0.6))
    """Phase A/B/C ranges of Table 8, phase C widened to hold Table 8's own optimum."""

    def clip(self, params: dict[str, Any]) -> dict[str, Any]:
        """``params`` moved into the ranges (so a base config can be the first trial)."""
        out = dict(params)
        for name, (lo, hi) in self.ranges().items():
            out[name] = min(max(float(params[name]), lo), hi)
        if out["top_k"] not in self.top_k:
            out["top_k"] = min(self.top_k, key=lambda k: abs(k - int(params["top_k"])))
        return out

    def ranges(self) -> dict[str, Range]:
        """Every continuous parameter by its Optuna name."""
        out = {
            "lr": self.lr,
            "lr_gate": self.lr_gate,
            "kl_annotator": self.kl_annotator,
            "kl_demographic": self.kl_demographic,
            "specialisation": self.specialisation,
        }
        for term, phases in (
            ("load", self.load),
            ("orthogonal", self.orthogonal),
            ("variance", self.variance),
        ):
            out.update({f"{term}_{p}": r for p, r in zip("ABC", phases, strict=True)})
        return out


@dataclass(frozen=True)
class SearchConfig:
    """How long to search."""

    n_trials: int = 20
    """Trials in all (both rounds together)."""
    rounds: int = 2
    """1: one wide search; 2: the seed's wide-then-narrow search (trials split evenly)."""
    narrow_fraction: float = 0.25
    """Round 2 keeps best +/- this share of each round-1 range (in log space where log)."""
    timeout_s: float | None = None
    """Stop starting new trials after this many seconds (None: no limit)."""
    max_epochs: int | None = None
    """Epoch cap per trial (None: the base config's)."""
    seed: int = 0
    """Seed of the sampler (each trial's model keeps the base config's seed)."""
    prune: bool = True
    specialised_within: float | None = None
    """None: keep the trial with the lowest dev MAE. A margin m: among the trials whose dev
    MAE is within m of the lowest, keep the one whose experts specialise most (largest
    ``dev_max_kl``), since MAE alone does not select for specialised experts."""
    space: SearchSpace = field(default_factory=SearchSpace)

    def __post_init__(self) -> None:
        if self.specialised_within is not None and self.specialised_within < 0:
            raise ValueError(
                f"specialised_within must be >= 0 or None, got {self.specialised_within}."
            )
        if self.n_trials < 1:
            raise ValueError(f"n_trials must be at least 1, got {self.n_trials}.")
        if self.rounds not in (1, 2):
            raise ValueError(f"rounds must be 1 or 2, got {self.rounds}.")


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
    """``trial, round, state, dev_mae, dev_max_kl, kl_attribute, seconds`` + one column per
    parameter. ``dev_max_kl``: the largest normalised within-group KL of the trial's routing
    on the dev split (its expert specialisation; the search does not optimise it)."""
    seconds: float
    chosen_trial: int = 0
    """Number of the kept trial (lowest dev MAE, or see ``specialised_within``)."""


def _optuna() -> Any:
    try:
        import optuna
    except ImportError as exc:
        raise ImportError(
            "The hyperparameter search needs Optuna: pip install optuna "
            '(or pip install "perspectives-lab[search]").'
        ) from exc
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    # multivariate TPE is marked experimental in older Optuna releases
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    return optuna


def base_params(cfg: MoEConfig) -> dict[str, float | int]:
    """The Optuna parameters that reproduce ``cfg`` (the first, enqueued trial)."""
    out: dict[str, float | int] = {
        "lr": cfg.lr,
        "lr_gate": cfg.lr_gate,
        "top_k": cfg.top_k,
        "kl_annotator": cfg.kl_annotator,
        "kl_demographic": cfg.kl_demographic,
        "specialisation": abs(cfg.demographic_specialisation),
    }
    for p, w in zip("ABC", (cfg.phase_a, cfg.phase_b, cfg.phase_c), strict=True):
        out.update({f"load_{p}": w.load, f"orthogonal_{p}": w.orth})
        out[f"variance_{p}"] = w.var
    return out


def config_from_params(base: MoEConfig, params: dict[str, Any]) -> MoEConfig:
    """``base`` with the searched parameters replaced."""
    sign = -1.0 if base.demographic_specialisation < 0 else 1.0
    phases = {
        f"phase_{p.lower()}": PhaseWeights(
            params[f"load_{p}"], params[f"orthogonal_{p}"], params[f"variance_{p}"]
        )
        for p in "ABC"
    }
    return replace(
        base,
        lr=params["lr"],
        lr_gate=params["lr_gate"],
        top_k=int(params["top_k"]),
        kl_annotator=params["kl_annotator"],
        kl_demographic=params["kl_demographic"],
        demographic_specialisation=sign * params["specialisation"],
        **phases,
    )


def narrow_space(space: SearchSpace, best: dict[str, Any], fraction: float) -> SearchSpace:
    """Round 2's ranges: best +/- ``fraction`` of each range, clipped to the round-1 range."""
    narrowed: dict[str, Range] = {}
    for name, (lo, hi) in space.ranges().items():
        log = name in LOG_SCALE
        f = math.log if log else float
        a, b, x = f(lo), f(hi), f(min(max(best[name], lo), hi))
        half = fraction * (b - a)
        new = (max(a, x - half), min(b, x + half))
        narrowed[name] = (math.exp(new[0]), math.exp(new[1])) if log else new
    phases = {
        term: tuple(narrowed[f"{term}_{p}"] for p in "ABC")
        for term in ("load", "orthogonal", "variance")
    }
    return replace(
        space,
        lr=narrowed["lr"],
        lr_gate=narrowed["lr_gate"],
        kl_annotator=narrowed["kl_annotator"],
        kl_demographic=narrowed["kl_demographic"],
        specialisation=narrowed["specialisation"],
        top_k=(int(best["top_k"]),),
        **phases,
    )


def _max_specialisation(
    model: DemMoE, rows: pd.DataFrame, attributes: Sequence[str]
) -> tuple[float, str | None]:
    """Largest normalised within-group KL of ``model``'s routing on ``rows``, and its attribute."""
    from analysis.moe.specialisation import compute_expert_usage, compute_specialisation_kl

    if not attributes:
        return math.nan, None
    routing = model.routing_frame(rows)
    annotators = rows[["annotator_id", *attributes]].drop_duplicates("annotator_id")
    annotators = annotators.assign(annotator_id=annotators["annotator_id"].astype(str))
    usage = compute_expert_usage(routing, annotators, list(attributes))
    kl = compute_specialisation_kl(usage, model.module_.n_experts)
    if kl.empty:
        return math.nan, None
    top = kl.loc[kl["normalised_kl"].idxmax()]
    return float(top["normalised_kl"]), str(top["attribute"])


def _suggest(trial: Any, space: SearchSpace) -> dict[str, Any]:
    params: dict[str, Any] = {
        name: trial.suggest_float(name, lo, hi, log=name in LOG_SCALE)
        for name, (lo, hi) in space.ranges().items()
    }
    params["top_k"] = trial.suggest_categorical("top_k", list(space.top_k))
    return params


def search_moe(
    train: pd.DataFrame,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    attributes: Sequence[str],
    dev: pd.DataFrame,
    base: MoEConfig | None = None,
    cfg: SearchConfig | None = None,
    on_trial: TrialProgress | None = None,
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
        on_trial: called after each finished or pruned trial.

    Raises:
        ImportError: Optuna is not installed.
        ValueError: ``dev`` is empty.
    """
    optuna = _optuna()
    if dev.empty:
        raise ValueError("The hyperparameter search needs development rows to score trials on.")
    final = base or MoEConfig()
    cfg = cfg or SearchConfig()
    base = replace(final, max_epochs=cfg.max_epochs) if cfg.max_epochs else final
    y_dev = ratings_of(dev)
    t_start = time.perf_counter()
    per_round = [cfg.n_trials] if cfg.rounds == 1 else [math.ceil(cfg.n_trials / 2)] * 2
    per_round[-1] = cfg.n_trials - sum(per_round[:-1])
    rows: list[dict[str, Any]] = []
    space = cfg.space
    best: tuple[float, dict[str, Any]] = (math.inf, space.clip(base_params(base)))

    def objective(trial: Any, round_no: int) -> float:
        params = _suggest(trial, space)
        model = DemMoE(config_from_params(base, params))

        def report(epoch: int, metrics: dict[str, float]) -> bool:
            trial.report(float(metrics.get("val_loss", np.nan)), epoch)
            return bool(cfg.prune and trial.should_prune())

        t0 = time.perf_counter()
        model.fit(train, item_ids, item_emb, attributes, dev, on_epoch_end=report)
        row = {"trial": len(rows), "round": round_no, **params}
        row["seconds"] = time.perf_counter() - t0
        if model.history_.stopped_by_callback:
            rows.append({**row, "state": "pruned", "dev_mae": np.nan})
            raise optuna.TrialPruned()
        mae = float(np.mean(np.abs(model.predict(dev) - y_dev)))
        kl, attr = _max_specialisation(model, dev, attributes)
        rows.append({**row, "state": "complete", "dev_mae": mae, "dev_max_kl": kl})
        rows[-1]["kl_attribute"] = attr
        return mae

    for round_no, n in enumerate(per_round, 1):
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

        def progress(study: Any, trial: Any) -> None:
            if on_trial:
                done = [r["dev_mae"] for r in rows if r["state"] == "complete"]
                on_trial(len(rows), cfg.n_trials, min(done) if done else math.nan)

        study.optimize(
            lambda t, r=round_no: objective(t, r),
            n_trials=n,
            timeout=remaining,
            callbacks=[progress],
            catch=(),
        )
        complete = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
        if complete:
            top = min(complete, key=lambda t: t.value)
            if top.value < best[0]:
                best = (float(top.value), dict(top.params))
        if round_no == 1 and cfg.rounds == 2:
            space = narrow_space(cfg.space, best[1], cfg.narrow_fraction)
    trials = pd.DataFrame(rows)
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
        seconds=time.perf_counter() - t_start,
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
    return int(close["dev_max_kl"].fillna(-np.inf).idxmax())
