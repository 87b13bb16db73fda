"""The DEM-MoE network (dem-moe seed, section 4): Bayesian embeddings, gate, experts, head.

Input ``x = [LN(e_text); LN(e_ann); LN(P e_demo)]``: the frozen item embedding, a Bayesian
annotator embedding and the projected concatenation of one Bayesian embedding per demographic
attribute. A linear gate gives expert scores ``s = W_s x + b`` (plus a balancing bias),
``p = softmax(s)``; the top-k experts are hard-selected and mixed,
``h = sum_{j in top-k} p_j f_j(x)``; a linear head regresses the z-scored rating. All experts
run as one batched matrix product and the top-k mask selects their contributions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import torch
from torch import Tensor, nn

from engines.moe.losses import gaussian_kl

__all__ = ["BayesianEmbedding", "DemMoENet", "MoEOutput"]


class BayesianEmbedding(nn.Module):
    """A Gaussian posterior per category: mean and log-variance tables (Vilnis & McCallum)."""

    def __init__(self, n: int, dim: int, init_logvar: float = -4.0, sparse: bool = False):
        super().__init__()
        self.mu = nn.Embedding(n, dim, sparse=sparse)
        self.logvar = nn.Embedding(n, dim, sparse=sparse)
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
    """KL of the annotator posterior to ``N(0, I)`` per row ``[B]``."""
    kl_demographic: Tensor
    """Summed KL of the demographic posteriors to ``N(0, I)`` per row ``[B]``."""
    probs: Tensor
    """Gate distribution ``p = softmax(s)`` ``[B, E]``."""
    weights: Tensor
    """Top-k gate weights ``[B, E]`` (0 for unselected experts)."""
    selected: Tensor
    """Boolean top-k mask ``[B, E]``."""
    expert_outputs: Tensor
    """Every expert's output ``[B, E, H]``."""


class DemMoENet(nn.Module):
    """The DEM-MoE network over a frozen item-embedding table.

    Annotators unseen in training share row 0 of the annotator table (randomly initialised at
    creation and never trained: no training row maps to it). ``temperature`` and ``gumbel`` are
    set by the estimator before each epoch (Gumbel noise on the gate scores in training).

    Args:
        items: Frozen item embeddings ``[n_items, d_text]`` (a buffer, saved with the weights).
        n_annotators: Rows of the annotator table (the default row 0 included).
        n_values: Rows of each attribute's value table (the unseen row 0 included).
        n_experts: Number of experts ``E``.
        top_k: Experts mixed per input (``1 <= top_k <= E``).
        annotator_dim: Size of the annotator embedding.
        demographic_dim: Size of each attribute's embedding.
        demographic_proj: Size of the projected demographic embedding.
        hidden: Width of every expert's two ReLU layers ``H``.
        dropout: Dropout before the head.
        sparse_annotators: Sparse gradients for the annotator table (trained lazily: only
            the rows a batch looked up, see :class:`engines.core.lazy_adamw.LazyAdamW`).
    """

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
        sparse_annotators: bool = False,
    ):
        super().__init__()
        if not 1 <= top_k <= n_experts:
            raise ValueError(f"top_k must be between 1 and n_experts={n_experts}, got {top_k}.")
        self.register_buffer("items", items)
        d_text = items.shape[1]
        self.top_k = top_k
        self.annotator = BayesianEmbedding(n_annotators, annotator_dim, sparse=sparse_annotators)
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
