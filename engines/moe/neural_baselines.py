"""The trained baselines of DEM-MoE: matrix factorisation, annotator embeddings, deep & cross.

All three train with the one loop on the same split and features as DEM-MoE (dem-moe seed,
section 5.1) and predict in the original rating scale
(:class:`~engines.moe.regressor.RatingRegressor`):

- :class:`PMF`: probabilistic matrix factorisation (Salakhutdinov & Mnih 2007).
- :class:`AnnotatorEmbedding`: the En + Ea model of Deng et al. (2023) over frozen embeddings.
- :class:`DeepCross`: jury-learning style (Gordon et al. 2022) deep & cross network (DCN-v2,
  Wang et al. 2021).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import torch
from torch import Tensor, nn

from engines.core import TrainConfig
from engines.moe.encoding import RatingEncoding
from engines.moe.losses import weighted_mse
from engines.moe.regressor import RatingRegressor, RegressorConfig, unpack

__all__ = ["PMF", "AnnotatorEmbedding", "DeepCross", "HiddenConfig", "PMFConfig"]


# --------------------------------------------------------------------------- PMF


class _PMFNet(nn.Module):
    def __init__(self, n_items: int, n_annotators: int, trained_items: Tensor, dim: int):
        super().__init__()
        self.u = nn.Embedding(n_annotators, dim)
        self.v = nn.Embedding(n_items, dim)
        self.bu = nn.Embedding(n_annotators, 1)
        self.bv = nn.Embedding(n_items, 1)
        for emb in (self.u, self.v):
            nn.init.normal_(emb.weight, std=0.05)
        for emb in (self.bu, self.bv):
            nn.init.zeros_(emb.weight)
        self.register_buffer("trained_items", trained_items)

    def forward(self, item: Tensor, annotator: Tensor, demographics: Tensor) -> Tensor:
        known_item = self.trained_items[item].unsqueeze(1)
        known_ann = (annotator > 0).float().unsqueeze(1)
        u = self.u(annotator) * known_ann
        v = self.v(item) * known_item
        bias = self.bu(annotator) * known_ann + self.bv(item) * known_item
        return ((u * v).sum(1, keepdim=True) + bias).squeeze(1)


@dataclass(frozen=True)
class PMFConfig(RegressorConfig):
    """PMF settings: factor size; the L2 weight (the Gaussian priors) is ``train.weight_decay``."""

    train: TrainConfig = field(
        default_factory=lambda: TrainConfig(
            max_epochs=40, batch_size=128, lr=1e-2, weight_decay=0.05
        )
    )
    """Training loop: 40 epochs, batch 128, lr 1e-2, weight decay 0.05 (the priors)."""
    dim: int = 16
    """Size of the annotator and item factors."""


class PMF(RatingRegressor):
    """Probabilistic matrix factorisation (no text, no demographics).

    ``y_z(a, i) = b_a + b_i + <u_a, v_i>`` on z-scored ratings, with Gaussian priors on the
    factors as L2 weight decay (MAP estimate; Salakhutdinov & Mnih 2007). Annotators and items
    unseen in training get zero factors and biases. Seed: dem-moe paper, section 5.1
    (baselines).

    Attributes:
        encoding_: The training rows' encoding.
        module_: The factor tables (``u``, ``v``, ``bu``, ``bv``).
        history_: The training loop's history.
        fit_seconds_: Wall-clock training time.
    """

    name = "PMF"
    uses_text = False

    def __init__(self, config: PMFConfig | None = None):
        super().__init__(config or PMFConfig())

    def build(self, enc: RatingEncoding, item_emb: Tensor, train: tuple[Tensor, ...]) -> nn.Module:
        """Factor tables; items never rated in training keep zero factors at prediction."""
        trained = torch.zeros(item_emb.shape[0])
        trained[train[0].unique()] = 1.0
        return _PMFNet(item_emb.shape[0], enc.n_annotators, trained, self.config.dim)


# --------------------------------------------------------------------------- En + Ea


class _AnnotatorEmbeddingNet(nn.Module):
    def __init__(
        self, items: Tensor, n_annotators: int, label_counts: Tensor, labels: Tensor, hidden: int
    ):
        super().__init__()
        self.register_buffer("items", items)
        self.register_buffer("label_counts", label_counts)  # [n_annotators, n_labels]
        self.register_buffer("labels", labels)  # z-scored label values [n_labels]
        self.text = nn.Sequential(nn.LayerNorm(items.shape[1]), nn.Linear(items.shape[1], hidden))
        self.ea = nn.Embedding(n_annotators, hidden)
        nn.init.normal_(self.ea.weight, std=0.05)
        self.label_emb = nn.Embedding(len(labels), hidden)
        self.ws = nn.Linear(hidden, hidden, bias=False)
        self.wa = nn.Linear(hidden, hidden, bias=False)
        self.wn = nn.Linear(hidden, hidden, bias=False)
        self.head = nn.Sequential(nn.ReLU(), nn.Dropout(0.1), nn.Linear(hidden, 1))

    def annotation_embedding(self, annotator: Tensor, own_label: Tensor | None) -> Tensor:
        """En: mean label embedding of the annotator's training labels (leave-one-out)."""
        counts = self.label_counts[annotator].clone()
        if own_label is not None:
            counts.scatter_add_(1, own_label.unsqueeze(1), -torch.ones_like(counts[:, :1]))
        total = counts.sum(1, keepdim=True)
        prior = self.label_counts.sum(0, keepdim=True)
        dist = torch.where(total > 0, counts, prior) / torch.where(total > 0, total, prior.sum())
        return dist @ self.label_emb.weight

    def forward(
        self,
        item: Tensor,
        annotator: Tensor,
        demographics: Tensor,
        own_label: Tensor | None = None,
    ) -> Tensor:
        es = self.text(self.items[item])
        ea = self.ea(annotator)
        en = self.annotation_embedding(annotator, own_label)
        q = self.ws(es)
        alpha_a = (q * self.wa(ea)).sum(1, keepdim=True)
        alpha_n = (q * self.wn(en)).sum(1, keepdim=True)
        return self.head(es + alpha_a * ea + alpha_n * en).squeeze(1)


@dataclass(frozen=True)
class HiddenConfig(RegressorConfig):
    """Settings of the neural baselines (En + Ea, deep & cross)."""

    train: TrainConfig = field(
        default_factory=lambda: TrainConfig(
            max_epochs=40, batch_size=128, lr=1.5e-3, weight_decay=1e-4
        )
    )
    """Training loop: 40 epochs, batch 128, lr 1.5e-3, weight decay 1e-4."""
    hidden: int = 128
    """Width of the hidden layers."""


class AnnotatorEmbedding(RatingRegressor):
    """Deng et al. (2023) En + Ea: annotator and annotation embeddings (no demographics).

    The text summary ``e_s`` is shifted by a learned annotator embedding ``e_a`` (Ea) and by
    ``e_n``, the mean label embedding of the annotator's training labels (En, leaving the
    rating itself out in training), each scaled by an attention score with the text:
    ``y_z = head(e_s + (W_s e_s . W_a e_a) e_a + (W_s e_s . W_n e_n) e_n)``. Seed: dem-moe
    paper, section 5.1 (baselines).

    Attributes:
        encoding_: The training rows' encoding.
        module_: The network.
        label_values_: The distinct z-scored training ratings (En's label vocabulary).
        history_: The training loop's history.
        fit_seconds_: Wall-clock training time.
    """

    name = "Annotator embedding (En+Ea)"

    def __init__(self, config: HiddenConfig | None = None):
        super().__init__(config or HiddenConfig())

    def build(self, enc: RatingEncoding, item_emb: Tensor, train: tuple[Tensor, ...]) -> nn.Module:
        """Per-annotator label histograms come from the training rows only."""
        _, ann, _, y = train
        values, label = torch.unique(y, return_inverse=True)
        counts = torch.zeros(enc.n_annotators, len(values))
        counts.index_put_((ann, label), torch.ones_like(y), accumulate=True)
        self.label_values_ = values
        return _AnnotatorEmbeddingNet(
            item_emb, enc.n_annotators, counts, values, self.config.hidden
        )

    def loss(self, module: nn.Module, batch: tuple[Tensor, ...]) -> Tensor:
        """MSE; in training each rating is left out of its own En (leave-one-out)."""
        item, ann, demo, y, weight = unpack(batch)
        own = None
        if module.training:
            own = torch.searchsorted(module.labels, y).clamp_max(len(module.labels) - 1)
        return weighted_mse(module(item, ann, demo, own), y, weight)


# --------------------------------------------------------------------------- deep & cross


class _DeepCrossNet(nn.Module):
    def __init__(
        self,
        items: Tensor,
        n_annotators: int,
        n_values: Sequence[int],
        hidden: int,
        n_cross: int = 3,
    ):
        super().__init__()
        self.register_buffer("items", items)
        self.n_values = list(n_values)
        self.ea = nn.Embedding(n_annotators, 32)
        nn.init.normal_(self.ea.weight, std=0.05)
        d = items.shape[1] + 32 + sum(self.n_values)
        self.norm = nn.LayerNorm(d)
        self.cross = nn.ModuleList(nn.Linear(d, d) for _ in range(n_cross))
        self.deep = nn.Sequential(
            nn.Linear(d, hidden), nn.ReLU(), nn.Dropout(0.2), nn.Linear(hidden, hidden), nn.ReLU()
        )
        self.out = nn.Linear(d + hidden, 1)

    def forward(self, item: Tensor, annotator: Tensor, demographics: Tensor) -> Tensor:
        onehots = [
            torch.nn.functional.one_hot(demographics[:, a], n).float()
            for a, n in enumerate(self.n_values)
        ]
        x0 = self.norm(torch.cat([self.items[item], self.ea(annotator), *onehots], 1))
        x = x0
        for layer in self.cross:  # DCN-v2: x_{l+1} = x0 * (W x_l + b) + x_l
            x = x0 * layer(x) + x
        return self.out(torch.cat([x, self.deep(x0)], 1)).squeeze(1)


class DeepCross(RatingRegressor):
    """Jury-learning style deep & cross network over text, annotator and demographics.

    ``x0 = LN([e_text; e_a; one-hot demographics])``; three cross layers
    ``x_{l+1} = x0 * (W x_l + b) + x_l`` (DCN-v2, Wang et al. 2021) beside a two-layer ReLU
    tower on ``x0``; a linear head on both regresses the z-scored rating (Gordon et al. 2022).
    Seed: dem-moe paper, section 5.1 (baselines).

    Attributes:
        encoding_: The training rows' encoding.
        module_: The network.
        history_: The training loop's history.
        fit_seconds_: Wall-clock training time.
    """

    name = "Deep & cross (jury learning)"

    def __init__(self, config: HiddenConfig | None = None):
        super().__init__(config or HiddenConfig())

    def build(self, enc: RatingEncoding, item_emb: Tensor, train: tuple[Tensor, ...]) -> nn.Module:
        """Cross and deep towers over ``[text; annotator; one-hot demographics]``."""
        return _DeepCrossNet(item_emb, enc.n_annotators, enc.n_values, self.config.hidden)
