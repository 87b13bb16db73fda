"""DEM-MoE: the estimator and its configuration (dem-moe seed, section 4 and appendix B).

The network is :class:`engines.moe.net.DemMoENet`, the loss terms live in
:mod:`engines.moe.losses`; this module owns the settings, the phase schedule of the loss
weights, the gate's own learning rate, the balancing bias, routing for the analyses, and
persistence.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import torch
from torch import Tensor, nn

from engines.core import check_is_fitted, predict_batches
from engines.moe.encoding import RatingEncoding
from engines.moe.losses import (
    demographic_specialisation_loss,
    load_std_loss,
    orthogonality_loss,
    variance_loss,
    weighted_mse,
)
from engines.moe.moe_config import MoEConfig, PhaseWeights
from engines.moe.net import DemMoENet
from engines.moe.regressor import RatingRegressor, unpack

__all__ = ["DemMoE", "MoEConfig", "PhaseWeights"]


class DemMoE(RatingRegressor):
    """DEM-MoE: a demographic-aware mixture of experts for per-annotator ratings.

    The input of annotator ``a`` rating item ``i`` is
    ``x = [LN(e_text(i)); LN(z_a); LN(P [z_{g_1}; ...; z_{g_D}])]``: the frozen item
    embedding, a Bayesian annotator embedding ``z_a ~ q(z_a) = N(mu_a, diag sigma_a^2)`` and
    the projected concatenation of one Bayesian embedding per demographic attribute (sampled
    with the reparameterisation trick in training, the posterior mean at inference; annotators
    unseen in training share one default embedding that is never trained). A linear gate gives
    ``s = W_s x + b``, ``p = softmax(s)``; the top-k experts are kept,
    ``h = sum_{j in top-k} p_j f_j(x)`` with two-layer ReLU experts ``f_j``, and a linear head
    regresses the z-scored rating.

    Training loss (seed, appendix B; each term in :mod:`engines.moe.losses`)::

        L = MSE + l_ann KL(q(z_a)||N(0,I)) + l_id KL(q(z_g)||N(0,I))
            + l_load std(min(c_i / c_mean, 1)) + l_orth sum_{j!=k} <x_j, x_k> / (<x_k, x_k> + eps)
            + l_var (-1/(BE) sum_ij (s_ij - s_mean_j)^2)
            + l_demo sum_d sum_{i<j} 1/2 [KL(p_i||p_j) + KL(p_j||p_i)]

    ``l_load, l_orth, l_var`` follow phases A -> B -> C switched by thresholds on the epoch's
    load std; the gate has its own learning rate. From the authors' public code: Gumbel noise
    on the gate scores with an annealed temperature and a per-expert balancing bias updated
    outside the gradient (their capacity overflow is left out). Validation uses the plain MSE.
    Seed: dem-moe paper, section 4 (model), appendix B (loss), Table 8 (defaults).

    Attributes:
        encoding_: The :class:`~engines.moe.encoding.RatingEncoding` of the training rows.
        module_: The trained :class:`~engines.moe.net.DemMoENet`.
        history_: The training loop's :class:`~engines.core.History` (absent after ``load``).
        fit_seconds_: Wall-clock training time.
        phase_: The loss phase (``"A"``, ``"B"`` or ``"C"``) at the end of training.
        phase_epochs_: Epochs spent in the current phase.
        phase_log_: ``{"epoch", "phase", "load_std"}`` per finished epoch.
    """

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
            sparse_annotators=cfg.lazy_annotators_above is not None
            and enc.n_annotators > cfg.lazy_annotators_above,
        )

    def fit(self, train: pd.DataFrame, *args: Any, **kwargs: Any) -> DemMoE:
        """:meth:`RatingRegressor.fit` with the batch and rates of :meth:`MoEConfig.for_rows`.

        ``config`` stays as given; ``trained_config_`` holds what training ran with.
        """
        given = self.config
        self.trained_config_ = self.cfg.for_rows(len(train))
        self.config = self.trained_config_
        try:
            super().fit(train, *args, **kwargs)
        finally:
            self.config = given
        return self

    def phase_weights(self) -> PhaseWeights:
        """The load/orth/var weights of the current phase."""
        return {"A": self.cfg.phase_a, "B": self.cfg.phase_b, "C": self.cfg.phase_c}[self.phase_]

    def param_groups(self, module: nn.Module) -> list[dict]:
        """Gate, the rest, and a sparse annotator table as its own lazy group.

        The gate trains with its own learning rate and weight decay; the annotator table is
        lazy when it has more than ``lazy_annotators_above`` rows.
        """
        gate = list(module.gate.parameters())
        lazy = list(module.annotator.parameters()) if module.annotator.mu.sparse else []
        ids = {id(p) for p in gate + lazy}
        rest = [p for p in module.parameters() if id(p) not in ids]
        cfg = self.cfg
        groups = [
            {"params": gate, "lr": cfg.lr_gate, "weight_decay": cfg.gate_weight_decay},
            {"params": rest, "lr": cfg.train.lr, "weight_decay": cfg.train.weight_decay},
        ]
        if lazy:
            groups.append({"params": lazy, "lr": cfg.train.lr,
                           "weight_decay": cfg.train.weight_decay, "lazy": True})  # fmt: skip
        return groups

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
        item, ann, demo, y, weight = unpack(batch)
        out = module.route(item, ann, demo)
        mse = weighted_mse(out.prediction, y, weight)
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

    def routing(self, rows: pd.DataFrame) -> np.ndarray:
        """Top-k gate weights ``[n, E]`` of every row (inference: no noise, posterior means).

        Raises:
            NotFittedError: Before :meth:`fit`.
        """
        check_is_fitted(self, "module_")
        tensors = self.encoding_.tensors(rows, with_y=False)
        return predict_batches(self.module_, tensors, fn=lambda m, b: m.route(*b).weights).numpy()

    def routing_frame(self, rows: pd.DataFrame) -> pd.DataFrame:
        """``annotator_id, item_id, expert_0..expert_{E-1}``: routed weight per annotation."""
        w = self.routing(rows)
        frame = pd.DataFrame(w, columns=[f"expert_{j}" for j in range(w.shape[1])])
        frame.insert(0, "item_id", rows["item_id"].astype(str).to_numpy())
        frame.insert(0, "annotator_id", rows["annotator_id"].astype(str).to_numpy())
        return frame

    def save(self, directory: str | Path, metadata: dict[str, Any] | None = None) -> Path:
        """Write ``config.json`` + ``model.safetensors`` + the encoding (never pickle).

        Raises:
            NotFittedError: Before :meth:`fit`.
        """
        from engines.core.persistence import save_model

        check_is_fitted(self, "module_")
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
        from engines.core.persistence import load_model

        state, config, meta = load_model(directory)
        model = cls(MoEConfig.from_dict(config))
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
