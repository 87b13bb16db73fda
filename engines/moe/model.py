"""DEM-MoE: a demographic-aware mixture of experts for per-annotator ratings.

Follows the dem-moe seed, section 4 and appendix B.

Input ``x = [LN(e_text); LN(e_ann); LN(P e_demo)]``: the frozen item embedding, a Bayesian
annotator embedding and the projected concatenation of one Bayesian embedding per demographic
attribute (each a learned Gaussian posterior, sampled with the reparameterisation trick in
training, its mean at inference; annotators unseen in training share one default embedding,
randomly initialised at model creation and never trained). A linear gate gives expert scores
``s = W_s x + b``, ``p = softmax(s)``; the top-k experts are hard-selected and mixed,
``h = sum_{j in top-k} p_j f_j(x)``; a linear head regresses the z-scored rating.

Training loss (appendix B), every term a function below that can be checked alone::

    L = MSE + l_ann KL(q(z_a)||N(0,I)) + l_id KL(q(z_g)||N(0,I)) + l_load std(min(c_i/c_mean, 1))
        + l_orth orthogonality(expert outputs) + l_var (-variance of gate scores)
        + l_demo sum_d sum_{i<j} 1/2 [KL(p_i||p_j) + KL(p_j||p_i)]

The load, orthogonality and variance weights follow phases A -> B -> C switched by thresholds on
the epoch's load std; the gate has its own learning rate. From the authors' public code we also
take Gumbel noise on the gate scores with an annealed temperature during training and a
per-expert balancing bias updated outside the gradient; their capacity overflow is left out
(the load loss and the bias already keep experts in use). Everything is vectorised: all experts
run as one batched matrix product and the top-k mask selects their contributions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import torch
from torch import Tensor, nn

from engines.core import predict_batches
from engines.moe.regressor import RatingEncoding, RatingRegressor, RegressorConfig

__all__ = [
    "BayesianEmbedding",
    "DemMoE",
    "DemMoENet",
    "MoEConfig",
    "MoEOutput",
    "PhaseWeights",
    "demographic_specialisation_loss",
    "gaussian_kl",
    "load_std_loss",
    "orthogonality_loss",
    "variance_loss",
]


# --------------------------------------------------------------------------- loss terms


def gaussian_kl(mu: Tensor, logvar: Tensor) -> Tensor:
    """KL(N(mu, diag(exp(logvar))) || N(0, I)) per row ``[B]`` (summed over dimensions)."""
    return 0.5 * (logvar.exp() + mu.pow(2) - 1.0 - logvar).sum(-1)


def load_std_loss(weights: Tensor) -> Tensor:
    """``std(min(c_i / c_mean, 1))`` over experts, with ``c_i`` the gate weight routed to ``i``.

    ``weights`` ``[B, E]`` are the top-k gate weights (0 for unselected experts); the routed
    weight keeps the term differentiable (a hard token count has no gradient). Overloaded
    experts are capped at 1, so only under-used experts are pushed up (roughly even use, not
    strict uniformity). Population standard deviation.
    """
    c = weights.sum(0)
    ratio = torch.clamp(c / c.mean().clamp_min(1e-9), max=1.0)
    return ratio.std(correction=0)


def orthogonality_loss(outputs: Tensor, selected: Tensor, eps: float = 1e-6) -> Tensor:
    """``sum_{j != k} <x_ij, x_ik> / (<x_ik, x_ik> + eps)`` over selected expert pairs.

    Args:
        outputs: expert outputs ``[B, E, H]`` (every expert's ``f_j(x_i)``).
        selected: boolean top-k mask ``[B, E]``; only pairs of experts both used for input
            ``i`` count.
        eps: stabiliser of the denominator.

    Returns:
        The sum over pairs, averaged over the batch (so the weight does not depend on the batch
        size; appendix B sums over the batch).
    """
    gram = torch.einsum("bjh,bkh->bjk", outputs, outputs)
    norms = torch.diagonal(gram, dim1=1, dim2=2)  # <x_ik, x_ik>
    ratio = gram / (norms.unsqueeze(1) + eps)
    e = outputs.shape[1]
    pair = selected.unsqueeze(2) & selected.unsqueeze(1)
    pair = pair & ~torch.eye(e, dtype=torch.bool, device=outputs.device)
    return (ratio * pair).sum((1, 2)).mean()


def variance_loss(scores: Tensor) -> Tensor:
    """``-1/(BE) sum_i sum_j (s_ij - mean_i s_ij)^2``: rewards diverse routing across inputs.

    ``scores`` ``[B, E]`` are the routed (top-k) gate weights, as in the authors' code, which
    keeps the term bounded (raw scores could grow without limit).
    """
    return -((scores - scores.mean(0, keepdim=True)) ** 2).mean()


def demographic_specialisation_loss(
    probs: Tensor, demographics: Tensor, min_rows: int = 2, eps: float = 1e-9
) -> Tensor:
    """``sum_d sum_{i<j} 1/2 [KL(p_i||p_j) + KL(p_j||p_i)]`` (appendix B, last term).

    ``p_g`` is the mean gate distribution of the batch rows in subgroup ``g`` of attribute
    ``d`` (subgroups with fewer than ``min_rows`` rows in the batch are skipped). Minimising it,
    as written, pulls the subgroups' routing together (the authors' code notes this); use a
    negative weight to reward divergence instead. The specialisation analyses report the KL
    whatever the weight.

    Args:
        probs: gate distributions ``[B, E]``.
        demographics: value indices ``[B, A]``.
        min_rows: smallest subgroup (in the batch) that gets a distribution.
        eps: smoothing before the logarithms.
    """
    total = probs.new_zeros(())
    for a in range(demographics.shape[1]):
        values, inverse, counts = torch.unique(
            demographics[:, a], return_inverse=True, return_counts=True
        )
        keep = counts >= min_rows
        if int(keep.sum()) < 2:
            continue
        onehot = torch.nn.functional.one_hot(inverse, len(values)).to(probs.dtype)
        p = (onehot.T @ probs)[keep] / counts[keep].unsqueeze(1).to(probs.dtype)
        p = (p + eps) / (p + eps).sum(1, keepdim=True)
        logp = p.log()
        # kl[i, j] = KL(p_i || p_j); the symmetric sum over i < j is half the full sum.
        kl = (p * logp).sum(1, keepdim=True) - p @ logp.T
        total = total + 0.5 * kl.sum()
    return total


# --------------------------------------------------------------------------- modules


class BayesianEmbedding(nn.Module):
    """A Gaussian posterior per category: mean and log-variance tables (Vilnis & McCallum)."""

    def __init__(self, n: int, dim: int, init_logvar: float = -4.0):
        super().__init__()
        self.mu = nn.Embedding(n, dim)
        self.logvar = nn.Embedding(n, dim)
        nn.init.normal_(self.mu.weight, std=0.1)
        nn.init.constant_(self.logvar.weight, init_logvar)

    def forward(self, ids: Tensor, sample: bool) -> tuple[Tensor, Tensor]:
        """``(z [B, dim], KL per row [B])``; a reparameterised sample or the mean."""
        mu, logvar = self.mu(ids), self.logvar(ids)
        z = mu + torch.randn_like(mu) * (0.5 * logvar).exp() if sample else mu
        return z, gaussian_kl(mu, logvar)


class MoEOutput(NamedTuple):
    """Everything the loss and the analyses need from one forward pass."""

    prediction: Tensor
    """z-scored ratings ``[B]``."""
    kl_annotator: Tensor
    kl_demographic: Tensor
    probs: Tensor
    """Gate distribution ``p = softmax(s)`` ``[B, E]``."""
    weights: Tensor
    """Top-k gate weights ``[B, E]`` (0 for unselected experts)."""
    selected: Tensor
    expert_outputs: Tensor
    """Every expert's output ``[B, E, H]``."""


class DemMoENet(nn.Module):
    """The DEM-MoE network over a frozen item-embedding table."""

    def __init__(
        self,
        items: Tensor,
        n_annotators: int,
        n_values: Sequence[int],
        n_experts: int,
        top_k: int,
        annotator_dim: int = 32,
        demographic_dim: int = 16,
        demographic_proj: int = 32,
        hidden: int = 64,
        dropout: float = 0.1,
    ):
        super().__init__()
        if not 1 <= top_k <= n_experts:
            raise ValueError(f"top_k must be between 1 and n_experts={n_experts}, got {top_k}.")
        self.register_buffer("items", items)
        d_text = items.shape[1]
        self.top_k = top_k
        self.annotator = BayesianEmbedding(n_annotators, annotator_dim)
        self.demographic = nn.ModuleList(BayesianEmbedding(n, demographic_dim) for n in n_values)
        d_demo = demographic_dim * max(len(n_values), 1)
        self.demo_proj = nn.Linear(d_demo, demographic_proj)
        self.ln_text = nn.LayerNorm(d_text)
        self.ln_ann = nn.LayerNorm(annotator_dim)
        self.ln_demo = nn.LayerNorm(demographic_proj)
        d_in = d_text + annotator_dim + demographic_proj
        self.gate = nn.Linear(d_in, n_experts)
        nn.init.normal_(self.gate.weight, std=0.01)
        nn.init.zeros_(self.gate.bias)
        # Experts as batched weights: all E two-layer ReLU MLPs run in one einsum.
        self.w1 = nn.Parameter(torch.randn(n_experts, d_in, hidden) / math.sqrt(d_in))
        self.b1 = nn.Parameter(torch.zeros(n_experts, hidden))
        self.w2 = nn.Parameter(torch.randn(n_experts, hidden, hidden) / math.sqrt(hidden))
        self.b2 = nn.Parameter(torch.zeros(n_experts, hidden))
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, 1)
        self.register_buffer("balance_bias", torch.zeros(n_experts))
        self.temperature = 1.0
        self.gumbel = False

    @property
    def n_experts(self) -> int:
        """Number of experts."""
        return self.gate.out_features

    def inputs(self, item: Tensor, annotator: Tensor, demographics: Tensor) -> tuple[Tensor, ...]:
        """``(x [B, D], KL_ann [B], KL_demo [B])``."""
        sample = self.training
        z_ann, kl_ann = self.annotator(annotator, sample)
        parts, kl_demo = [], torch.zeros_like(kl_ann)
        for a, emb in enumerate(self.demographic):
            z, kl = emb(demographics[:, a], sample)
            parts.append(z)
            kl_demo = kl_demo + kl
        if parts:
            e_demo = torch.cat(parts, 1)
        else:
            e_demo = z_ann.new_zeros(z_ann.shape[0], self.demo_proj.in_features)
        x = torch.cat(
            [
                self.ln_text(self.items[item]),
                self.ln_ann(z_ann),
                self.ln_demo(self.demo_proj(e_demo)),
            ],
            1,
        )
        return x, kl_ann, kl_demo

    def route(self, item: Tensor, annotator: Tensor, demographics: Tensor) -> MoEOutput:
        """One forward pass with everything the loss terms and analyses need."""
        x, kl_ann, kl_demo = self.inputs(item, annotator, demographics)
        scores = self.gate(x) + self.balance_bias
        if self.training and self.gumbel:
            noise = -torch.empty_like(scores).exponential_().log()
            probs = torch.softmax((scores + noise) / self.temperature, -1)
        else:
            probs = torch.softmax(scores, -1)
        top = torch.topk(probs, self.top_k, dim=-1).indices
        selected = torch.zeros_like(probs, dtype=torch.bool).scatter_(1, top, True)
        weights = probs * selected
        hidden = torch.relu(torch.einsum("bd,edh->beh", x, self.w1) + self.b1)
        outputs = torch.relu(torch.einsum("beh,ehk->bek", hidden, self.w2) + self.b2)
        mixed = (weights.unsqueeze(-1) * outputs).sum(1)
        pred = self.head(self.dropout(mixed)).squeeze(-1)
        return MoEOutput(pred, kl_ann, kl_demo, probs, weights, selected, outputs)

    def forward(self, item: Tensor, annotator: Tensor, demographics: Tensor) -> Tensor:
        """z-scored rating predictions ``[B]``."""
        return self.route(item, annotator, demographics).prediction


# --------------------------------------------------------------------------- estimator


@dataclass(frozen=True)
class PhaseWeights:
    """Weights of the load, orthogonality and variance terms in one training phase."""

    load: float
    orth: float
    var: float


@dataclass(frozen=True)
class MoEConfig(RegressorConfig):
    """DEM-MoE settings.

    Defaults follow the seed's Table 8 (Offensiveness) where it gives them, with learning
    rates raised for CPU-sized training runs.
    """

    n_experts: int | None = None
    """None: one expert per demographic attribute used (the authors' configuration)."""
    top_k: int = 2
    annotator_dim: int = 32
    demographic_dim: int = 16
    demographic_proj: int = 32
    hidden: int = 64
    dropout: float = 0.1
    lr: float = 1.5e-3
    lr_gate: float = 5e-3
    gate_weight_decay: float = 0.05
    kl_annotator: float = 1e-3
    kl_demographic: float = 1e-4
    demographic_specialisation: float = -0.0112
    """Weight of appendix B's within-group term. Added as written (positive weight) it pulls
    subgroups' routing together; the default rewards divergence with the seed's magnitude
    (Table 8: 0.0112), which is what the term is named for. 0 switches it off."""
    phase_a: PhaseWeights = field(default_factory=lambda: PhaseWeights(0.261, 0.051, 0.098))
    phase_b: PhaseWeights = field(default_factory=lambda: PhaseWeights(0.464, 0.252, 0.102))
    phase_c: PhaseWeights = field(default_factory=lambda: PhaseWeights(0.897, 0.450, 0.585))
    to_b_load_std: float = 0.18
    """Switch A -> B once an epoch's load std exceeds this (routing has begun to concentrate)."""
    to_c_load_std: float = 0.10
    """Switch B -> C once an epoch's load std falls below this (balanced under heavier terms)."""
    max_phase_epochs: int = 8
    """Leave phase A or B after this many epochs even when no threshold was crossed."""
    gumbel: bool = True
    temperature_init: float = 2.0
    temperature_min: float = 1.0
    temperature_decay: float = 0.85
    balance_bias_lr: float = 0.03


class DemMoE(RatingRegressor):
    """DEM-MoE estimator: ``fit`` / ``predict`` / ``routing`` (see the module docstring)."""

    name = "DEM-MoE"

    def __init__(self, config: MoEConfig | None = None):
        super().__init__(config or MoEConfig())

    @property
    def cfg(self) -> MoEConfig:
        """The config, typed."""
        return self.config  # type: ignore[return-value]

    def build(self, enc: RatingEncoding, item_emb: Tensor, train: tuple[Tensor, ...]) -> nn.Module:
        """The network, with one expert per attribute unless ``n_experts`` is set."""
        cfg = self.cfg
        n_experts = cfg.n_experts or max(len(enc.attributes), 2)
        self.phase_ = "A"
        self.phase_epochs_ = 0
        self.phase_log_: list[dict[str, Any]] = []
        self._load_sum, self._load_n = 0.0, 0
        return DemMoENet(
            item_emb,
            enc.n_annotators,
            enc.n_values,
            n_experts,
            min(cfg.top_k, n_experts),
            cfg.annotator_dim,
            cfg.demographic_dim,
            cfg.demographic_proj,
            cfg.hidden,
            cfg.dropout,
        )

    def phase_weights(self) -> PhaseWeights:
        """The load/orth/var weights of the current phase."""
        return {"A": self.cfg.phase_a, "B": self.cfg.phase_b, "C": self.cfg.phase_c}[self.phase_]

    def param_groups(self, module: nn.Module) -> list[dict]:
        """The gate trains with its own learning rate and weight decay."""
        gate = list(module.gate.parameters())
        ids = {id(p) for p in gate}
        rest = [p for p in module.parameters() if id(p) not in ids]
        cfg = self.cfg
        return [
            {"params": gate, "lr": cfg.lr_gate, "weight_decay": cfg.gate_weight_decay},
            {"params": rest, "lr": cfg.lr, "weight_decay": cfg.weight_decay},
        ]

    def before_epoch(self, epoch: int, module: nn.Module) -> None:
        """Switch phases on the last epoch's load std; anneal the Gumbel temperature."""
        cfg = self.cfg
        if self._load_n:
            load_std = self._load_sum / self._load_n
            self.phase_epochs_ += 1
            nxt = self.phase_
            if self.phase_ == "A" and (
                load_std > cfg.to_b_load_std or self.phase_epochs_ >= cfg.max_phase_epochs
            ):
                nxt = "B"
            elif self.phase_ == "B" and (
                load_std < cfg.to_c_load_std or self.phase_epochs_ >= cfg.max_phase_epochs
            ):
                nxt = "C"
            self.phase_log_.append({"epoch": epoch - 1, "phase": self.phase_, "load_std": load_std})
            if nxt != self.phase_:
                self.phase_, self.phase_epochs_ = nxt, 0
        self._load_sum, self._load_n = 0.0, 0
        module.gumbel = cfg.gumbel
        module.temperature = max(
            cfg.temperature_min, cfg.temperature_init * cfg.temperature_decay ** (epoch - 1)
        )

    def loss(self, module: nn.Module, batch: tuple[Tensor, ...]) -> dict[str, Tensor]:
        """Appendix B's loss in training; the plain MSE for validation (early stopping)."""
        item, ann, demo, y = batch
        out = module.route(item, ann, demo)
        mse = torch.nn.functional.mse_loss(out.prediction, y)
        if not module.training:
            return {"loss": mse, "mse": mse}
        cfg, w = self.cfg, self.phase_weights()
        terms = {
            "mse": mse,
            "kl_annotator": out.kl_annotator.mean(),
            "kl_demographic": out.kl_demographic.mean(),
            "load_std": load_std_loss(out.weights),
            "orthogonality": orthogonality_loss(out.expert_outputs, out.selected),
            "variance": variance_loss(out.weights),
            "demographic_kl": demographic_specialisation_loss(out.probs, demo)
            if cfg.demographic_specialisation
            else mse.new_zeros(()),
        }
        loss = (
            mse
            + cfg.kl_annotator * terms["kl_annotator"]
            + cfg.kl_demographic * terms["kl_demographic"]
            + w.load * terms["load_std"]
            + w.orth * terms["orthogonality"]
            + w.var * terms["variance"]
            + cfg.demographic_specialisation * terms["demographic_kl"]
        )
        with torch.no_grad():
            self._load_sum += float(terms["load_std"])
            self._load_n += 1
            if cfg.balance_bias_lr:
                c = out.weights.sum(0)
                module.balance_bias.add_(cfg.balance_bias_lr * (c.mean() - c) / c.numel())
                module.balance_bias.clamp_(-2.5, 2.5)
        return {"loss": loss, **terms}

    # -- analyses ------------------------------------------------------------------------
    def routing(self, rows: pd.DataFrame) -> np.ndarray:
        """Top-k gate weights ``[n, E]`` of every row (inference: no noise, posterior means)."""
        tensors = self.encoding_.tensors(rows, with_y=False)
        return predict_batches(self.module_, tensors, fn=lambda m, b: m.route(*b).weights).numpy()

    def routing_frame(self, rows: pd.DataFrame) -> pd.DataFrame:
        """``annotator_id, item_id, expert_0..expert_{E-1}``: routed weight per annotation."""
        w = self.routing(rows)
        frame = pd.DataFrame(w, columns=[f"expert_{j}" for j in range(w.shape[1])])
        frame.insert(0, "item_id", rows["item_id"].astype(str).to_numpy())
        frame.insert(0, "annotator_id", rows["annotator_id"].astype(str).to_numpy())
        return frame

    # -- persistence ---------------------------------------------------------------------
    def save(self, directory: str | Path, metadata: dict[str, Any] | None = None) -> Path:
        """Write ``config.json`` + ``model.safetensors`` + the encoding (never pickle)."""
        from engines.core.persistence import save_model

        meta = {
            "encoding": self.encoding_.to_dict(),
            "n_experts": self.module_.n_experts,
            "top_k": self.module_.top_k,
            **(metadata or {}),
        }
        return save_model(directory, self.module_.state_dict(), self.cfg, meta)

    @classmethod
    def load(cls, directory: str | Path) -> DemMoE:
        """Restore a model written by :meth:`save`."""
        from engines.core.persistence import config_from_dict, load_model

        state, config, meta = load_model(directory)
        model = cls(config_from_dict(config, MoEConfig))
        enc = RatingEncoding.from_dict(meta["encoding"])
        cfg = replace(model.cfg, n_experts=int(meta["n_experts"]), top_k=int(meta["top_k"]))
        model.config = cfg
        model.encoding_ = enc
        model.module_ = model.build(enc, state["items"], ())
        model.module_.load_state_dict(state)
        model.module_.eval()
        return model

    def describe(self) -> dict[str, Any]:
        """Config and phase log, for the page and the CLI."""
        return {"config": asdict(self.cfg), "phases": getattr(self, "phase_log_", [])}
