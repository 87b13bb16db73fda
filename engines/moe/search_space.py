"""What the DEM-MoE hyperparameter search searches (dem-moe seed, appendix B.1, Table 8).

:class:`SearchSpace` holds the ranges (the seed's Table 8 for Offensiveness, except the
learning rates and the within-group term, which are centred on this implementation's defaults:
the seed's ranges were tuned for GPU-length runs and a positive-weight form of the term; see
:class:`~engines.moe.model.MoEConfig`), :class:`SearchConfig` how long to search.
:func:`base_params` and :func:`config_from_params` translate between a config and Optuna's
parameters (``lr`` is the training loop's ``train.lr``); :func:`narrow_space` gives the
second, narrower round. The search itself is :func:`engines.moe.search.search_moe`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from engines.moe.model import MoEConfig, PhaseWeights

__all__ = [
    "LOG_SCALE",
    "SearchConfig",
    "SearchSpace",
    "base_params",
    "config_from_params",
    "narrow_space",
]

Range = tuple[float, float]

LOG_SCALE = ("lr", "lr_gate", "kl_annotator", "kl_demographic", "specialisation")
"""Parameters drawn log-uniformly (and narrowed in log space)."""


@dataclass(frozen=True)
class SearchSpace:
    """Ranges searched (low, high); log-uniform for the names in ``LOG_SCALE``."""

    lr: Range = (5e-4, 5e-3)
    """Learning rate of the experts, embeddings and head (``train.lr``)."""
    lr_gate: Range = (1e-3, 2e-2)
    """Learning rate of the gate."""
    top_k: tuple[int, ...] = (2, 3)
    """Experts mixed per input (categorical)."""
    kl_annotator: Range = (1e-5, 1e-2)
    """Weight of the annotator posterior's KL."""
    kl_demographic: Range = (1e-6, 1e-3)
    """Weight of the demographic posteriors' KL."""
    specialisation: Range = (1e-3, 5e-2)
    """Magnitude of the within-group term; its sign is kept from the base config."""
    load: tuple[Range, Range, Range] = ((0.1, 0.6), (0.1, 0.6), (0.3, 0.9))
    """Phase A/B/C ranges of the load weight (Table 8)."""
    orthogonal: tuple[Range, Range, Range] = ((0.01, 0.2), (0.1, 0.5), (0.2, 0.6))
    """Phase A/B/C ranges of the orthogonality weight (Table 8)."""
    variance: tuple[Range, Range, Range] = ((0.01, 0.2), (0.01, 0.2), (0.1, 0.6))
    """Phase A/B/C ranges of the variance weight (Table 8), phase C widened to hold Table 8's
    own optimum."""

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
    """Stop trials whose dev loss trails the median of earlier trials (Optuna's median pruner)."""
    specialised_within: float | None = None
    """None: keep the trial with the lowest dev MAE. A margin m: among the trials whose dev
    MAE is within m of the lowest, keep the one whose experts specialise most (largest
    ``dev_max_jsd``, a Jensen-Shannon divergence in bits), since MAE alone does not select
    for specialised experts."""
    space: SearchSpace = field(default_factory=SearchSpace)
    """The round-1 ranges."""

    def __post_init__(self) -> None:
        if self.specialised_within is not None and self.specialised_within < 0:
            raise ValueError(
                f"specialised_within must be >= 0 or None, got {self.specialised_within}."
            )
        if self.n_trials < 1:
            raise ValueError(f"n_trials must be at least 1, got {self.n_trials}.")
        if self.rounds not in (1, 2):
            raise ValueError(f"rounds must be 1 or 2, got {self.rounds}.")


def base_params(cfg: MoEConfig) -> dict[str, float | int]:
    """The Optuna parameters that reproduce ``cfg`` (the first, enqueued trial)."""
    out: dict[str, float | int] = {
        "lr": cfg.train.lr,
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
        base.with_train(lr=params["lr"]),
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
