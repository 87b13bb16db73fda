"""Baselines for DEM-MoE on the same split and features (dem-moe seed, §5.1).

- :class:`MeanPredictor`: the training mean rating for everyone (the seed's Table 2 baseline).
- :class:`TextOnly`: ridge regression from the frozen item embedding to the rating; no
  annotator information (the seed's ModernBERT regressor, over frozen MiniLM embeddings).
- :class:`PMF`: probabilistic matrix factorisation (Salakhutdinov & Mnih 2007), ratings =
  mean + annotator bias + item bias + <u_a, v_i> with Gaussian priors (L2). It uses neither text
  nor demographics, so items and annotators unseen in training get zero factors.
- :class:`AnnotatorEmbedding`: the En + Ea model of Deng et al. (2023) over frozen embeddings:
  the text summary is shifted by a learned annotator embedding (Ea) and by the mean embedding of
  the annotator's other training labels (En), each scaled by an attention score with the text.
- :class:`DeepCross`: jury-learning style (Gordon et al. 2022) deep & cross network (DCN-v2,
  Wang et al. 2021) over ``[text; annotator embedding; one-hot demographics]``.

Every model is a :class:`engines.moe.regressor.RatingRegressor`: ``fit`` / ``predict`` in the
original rating scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from torch import Tensor, nn

from engines.core import History
from engines.moe.regressor import (
    EpochCallback,
    RatingEncoding,
    RatingRegressor,
    RegressorConfig,
    ratings_of,
)

__all__ = [
    "BASELINES",
    "AnnotatorEmbedding",
    "DeepCross",
    "MeanPredictor",
    "PMF",
    "TextOnly",
    "make_model",
]


class MeanPredictor(RatingRegressor):
    """Predicts the mean training rating for every annotator and item."""

    name = "Mean predictor"
    uses_text = False

    def fit(
        self,
        train: pd.DataFrame,
        item_ids: Sequence[str],
        item_emb: np.ndarray,
        attributes: Sequence[str] = (),
        val: pd.DataFrame | None = None,
        on_epoch_end: EpochCallback | None = None,
    ) -> MeanPredictor:
        """Store the training mean (``val`` and the embeddings are not needed)."""
        self.encoding_ = RatingEncoding.fit(train, item_ids, attributes)
        self.history_ = History()
        self.fit_seconds_ = 0.0
        return self

    def predict(self, rows: pd.DataFrame) -> np.ndarray:
        """The training mean, once per row."""
        return np.full(len(rows), self.encoding_.mean)


class TextOnly(RatingRegressor):
    """Ridge regression from the item embedding to the rating (no annotator information)."""

    name = "Text only"

    def fit(
        self,
        train: pd.DataFrame,
        item_ids: Sequence[str],
        item_emb: np.ndarray,
        attributes: Sequence[str] = (),
        val: pd.DataFrame | None = None,
        on_epoch_end: EpochCallback | None = None,
    ) -> TextOnly:
        """Fit ``RidgeCV`` (alpha chosen by efficient leave-one-out) on the training rows."""
        import time

        from sklearn.linear_model import RidgeCV

        t0 = time.perf_counter()
        self.encoding_ = RatingEncoding.fit(train, item_ids, attributes)
        self.item_emb_ = np.asarray(item_emb, np.float32)
        item = self.encoding_.tensors(train, with_y=False)[0].numpy()
        self.ridge_ = RidgeCV(alphas=np.logspace(-2, 3, 12), gcv_mode="svd").fit(
            self.item_emb_[item], ratings_of(train)
        )
        self.history_ = History()
        self.fit_seconds_ = time.perf_counter() - t0
        return self

    def predict(self, rows: pd.DataFrame) -> np.ndarray:
        """Ridge predictions, clipped to the training range."""
        enc = self.encoding_
        item = enc.tensors(rows, with_y=False)[0].numpy()
        return np.clip(self.ridge_.predict(self.item_emb_[item]), enc.low, enc.high)


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
    """PMF settings: factor size and the L2 weight (the Gaussian priors)."""

    dim: int = 16
    lr: float = 1e-2
    weight_decay: float = 0.05


class PMF(RatingRegressor):
    """Probabilistic matrix factorisation (no text, no demographics)."""

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
    """Settings of the neural baselines."""

    hidden: int = 128
    weight_decay: float = 1e-4


class AnnotatorEmbedding(RatingRegressor):
    """Deng et al. (2023) En + Ea: annotator and annotation embeddings (no demographics)."""

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
        item, ann, demo, y = batch
        own = None
        if module.training:
            own = torch.searchsorted(module.labels, y).clamp_max(len(module.labels) - 1)
        return torch.nn.functional.mse_loss(module(item, ann, demo, own), y)


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
    """Jury-learning style deep & cross network over text, annotator and demographics."""

    name = "Deep & cross (jury learning)"

    def __init__(self, config: HiddenConfig | None = None):
        super().__init__(config or HiddenConfig())

    def build(self, enc: RatingEncoding, item_emb: Tensor, train: tuple[Tensor, ...]) -> nn.Module:
        """Cross and deep towers over ``[text; annotator; one-hot demographics]``."""
        return _DeepCrossNet(item_emb, enc.n_annotators, enc.n_values, self.config.hidden)


BASELINES: dict[str, type[RatingRegressor]] = {
    "mean": MeanPredictor,
    "text": TextOnly,
    "pmf": PMF,
    "annotator": AnnotatorEmbedding,
    "deepcross": DeepCross,
}


def make_model(key: str, seed: int = 0, max_epochs: int | None = None) -> RatingRegressor:
    """A model by short key (``moe`` or a :data:`BASELINES` key) with a seed and epoch cap."""
    from dataclasses import replace

    from engines.moe.model import DemMoE, MoEConfig

    if key == "moe":
        cls, cfg = DemMoE, MoEConfig()
    elif key in BASELINES:
        cls = BASELINES[key]
        cfg = {PMF: PMFConfig(), AnnotatorEmbedding: HiddenConfig(), DeepCross: HiddenConfig()}.get(
            cls, RegressorConfig()
        )
    else:
        raise ValueError(f"Unknown model {key!r}; choose from moe, {', '.join(BASELINES)}.")
    cfg = replace(cfg, seed=seed, **({"max_epochs": max_epochs} if max_epochs else {}))
    return cls(cfg)  # type: ignore[call-arg]
