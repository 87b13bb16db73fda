"""DEM-MoE's settings: the network, the loss weights of each phase, the training batch.

Defaults follow the dem-moe seed's Table 8 (Offensiveness) where it gives them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from engines.moe.regressor import RegressorConfig

__all__ = ["MoEConfig", "PhaseWeights"]


@dataclass(frozen=True)
class PhaseWeights:
    """Weights of the load, orthogonality and variance terms in one training phase."""

    load: float
    """``l_load``: weight of the load-balancing std."""
    orth: float
    """``l_orth``: weight of the orthogonality of the selected experts' outputs."""
    var: float
    """``l_var``: weight of the (negative) variance of the routed gate weights."""


@dataclass(frozen=True)
class MoEConfig(RegressorConfig):
    """DEM-MoE settings (training loop: ``train``, 40 epochs, batch 128, lr 1.5e-3).

    Defaults follow the seed's Table 8 (Offensiveness) where it gives them, with learning
    rates raised for CPU-sized training runs.
    """

    n_experts: int | None = None
    """None: one expert per demographic attribute used (the authors' configuration)."""
    top_k: int = 2
    """Experts mixed per input."""
    annotator_dim: int = 32
    """Size of the Bayesian annotator embedding."""
    demographic_dim: int = 16
    """Size of each attribute's Bayesian embedding."""
    demographic_proj: int = 32
    """Size of the projected concatenation of the demographic embeddings."""
    hidden: int = 64
    """Width of every expert's two ReLU layers."""
    dropout: float = 0.1
    """Dropout before the regression head."""
    lr_gate: float = 5e-3
    """Learning rate of the gate (the rest trains with ``train.lr``)."""
    gate_weight_decay: float = 0.05
    """AdamW weight decay of the gate."""
    kl_annotator: float = 1e-3
    """``l_ann``: weight of the annotator posterior's KL to ``N(0, I)``."""
    kl_demographic: float = 1e-4
    """``l_id``: weight of the demographic posteriors' KL to ``N(0, I)``."""
    demographic_specialisation: float = -0.0112
    """Weight of appendix B's within-group term. Added as written (positive weight) it pulls
    subgroups' routing together; the default rewards divergence with the seed's magnitude
    (Table 8: 0.0112), which is what the term is named for. 0 switches it off."""
    phase_a: PhaseWeights = field(default_factory=lambda: PhaseWeights(0.261, 0.051, 0.098))
    """Load/orth/var weights while routing forms."""
    phase_b: PhaseWeights = field(default_factory=lambda: PhaseWeights(0.464, 0.252, 0.102))
    """Load/orth/var weights once routing has begun to concentrate."""
    phase_c: PhaseWeights = field(default_factory=lambda: PhaseWeights(0.897, 0.450, 0.585))
    """Load/orth/var weights once routing is balanced."""
    to_b_load_std: float = 0.18
    """Switch A -> B once an epoch's load std exceeds this (routing has begun to concentrate)."""
    to_c_load_std: float = 0.10
    """Switch B -> C once an epoch's load std falls below this (balanced under heavier terms)."""
    max_phase_epochs: int = 8
    """Leave phase A or B after this many epochs even when no threshold was crossed."""
    gumbel: bool = True
    """Gumbel noise on the gate scores in training (the authors' code)."""
    temperature_init: float = 2.0
    """Gumbel-softmax temperature of the first epoch."""
    temperature_min: float = 1.0
    """Lowest temperature."""
    temperature_decay: float = 0.85
    """Temperature factor per epoch."""
    balance_bias_lr: float = 0.03
    """Step of the per-expert balancing bias (updated outside the gradient; 0: off)."""
    lazy_annotators_above: int | None = 5000
    """Annotator tables with more rows than this train lazily: each step updates only the
    annotators in the batch (:class:`~engines.core.lazy_adamw.LazyAdamW`), so a step costs the
    same with 200 or 50,000 annotators. Smaller tables (and None) keep dense AdamW, whose
    moments move every row each step."""
    batch_growth: int = 1
    """How far the batch may grow with the data: ``rows / 8`` training rows per batch, at
    least ``train.batch_size`` (the seed's 128) and at most ``batch_growth`` times it, with both
    learning rates scaled by ``sqrt(batch / train.batch_size)`` (the square-root rule). 1 (the
    default): the seed's batch whatever the data. Larger values train faster on large data and
    change the fitted model (opt in, and compare over seeds before trusting a difference)."""

    def for_rows(self, n_rows: int) -> MoEConfig:
        """The settings training on ``n_rows`` rows runs with (the grown batch, scaled rates)."""
        base = self.train.batch_size
        batch = int(min(max(n_rows // 8, base), base * max(self.batch_growth, 1)))
        if batch == base:
            return self
        scale = math.sqrt(batch / base)
        return replace(self, lr_gate=self.lr_gate * scale).with_train(
            batch_size=batch, lr=self.train.lr * scale
        )
