r"""The statement decoder's torch maths: items attend to a profile's statements.

A profile is a set of statements ``s`` with sentence embeddings ``e_s``; an item has ``e_x``.

.. math::

    a(x, s) = \sigma\big(\langle W_q e_x, W_k e_s \rangle / \sqrt{k} + r(e_s)\big), \qquad
    \Delta(x) = b(e_x) + \kappa \sum_s a(x, s)\, d(e_s)

``a`` is how much the statement applies to the item (its *relevance*: the standardised cosine
similarity ``z`` of item and statement, optionally a learned similarity, plus the statement's
own reach ``r``, high for "I rate most things ..."), ``d`` its signed direction and strength (a
linear map of the statement embedding, taught by the edit curriculum), ``kappa > 0`` the scale
the ratings give it and ``b`` a profile-free item offset. Each
statement adds its own term, so an edit's effect is exactly the new statement's
``a(x, s) d(e_s)`` and can be shown per item.

For ordered classes the shift moves the item's prior cumulative logits:
``P(y <= k | x, S) = sigma(logit F_0(k | x) - Delta(x))``, with ``F_0`` the no-information
decoder's cumulative distribution (or learned thresholds without a prior). For unordered classes
``d`` and ``b`` are vectors added to the prior log-probabilities.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import Tensor, nn

if TYPE_CHECKING:
    from engines.profiles.config import StatementConfig
    from engines.profiles.curriculum import Curriculum

__all__ = [
    "StatementNet",
    "StatementTables",
    "cumulative_log_probs",
    "lesson_loss",
    "lesson_tensors",
    "standardised_cosine",
    "thresholds_of",
]


def cumulative_log_probs(thresholds: Tensor, score: Tensor) -> Tensor:
    """Class log-probabilities of a cumulative-logit model: ``P(y <= k) = sigma(t_k - s)``.

    Shapes: ``thresholds [B, C-1]`` (increasing), ``score [B]`` -> ``[B, C]``.
    """
    cdf = torch.sigmoid(thresholds - score.unsqueeze(-1))
    ones = torch.ones_like(cdf[:, :1])
    probs = torch.diff(torch.cat([torch.zeros_like(ones), cdf, ones], dim=1), dim=1)
    return torch.log(probs.clamp(min=1e-9))


def thresholds_of(probs: Tensor) -> Tensor:
    """Cumulative logits ``logit P(y <= k)`` ``[N, C-1]`` of class probabilities ``[N, C]``.

    The inverse of :func:`cumulative_log_probs` at score 0 (clipped away from 0 and 1).
    """
    cdf = torch.cumsum(probs, 1)[:, :-1].clamp(1e-4, 1 - 1e-4)
    return torch.logit(cdf)


class StatementNet(nn.Module):
    """Relevance, direction and item offset (``n_out`` = 1 for ordinal scales, else C)."""

    def __init__(self, d: int, n_out: int, hidden: int = 64, key_dim: int = 64):
        super().__init__()
        self.key_dim = key_dim
        if key_dim:
            self.query = nn.Linear(d, key_dim)
            self.key = nn.Linear(d, key_dim)
            nn.init.normal_(self.query.weight, std=0.01)
        self.sharpness = nn.Parameter(torch.tensor(2.0))
        self.reach = nn.Linear(d, 1)
        self.direction = nn.Linear(d, n_out)
        self.gain_raw = nn.Parameter(torch.tensor(math.log(math.e - 1.0)))
        self.base = nn.Sequential(nn.Linear(d, hidden), nn.GELU(), nn.Linear(hidden, n_out))
        nn.init.zeros_(self.base[2].weight)
        nn.init.zeros_(self.base[2].bias)
        self.scale = 1.0 / math.sqrt(max(key_dim, 1))

    def relevance(self, e_item: Tensor, e_stmt: Tensor, z: Tensor) -> Tensor:
        """Relevance logits: sharpness x ``z`` + learned similarity + the statement's reach.

        ``z`` is the cosine similarity of item and statement, standardised over all items
        (:func:`standardised_cosine`): a zero-shot notion of "this statement is about this
        item" that the learned terms refine. Shapes: items ``[B, d]`` or ``[N, d]`` with
        statements ``[B, M, d]`` and ``z [B, M]``, or statements ``[M, d]`` and ``z [N, M]``.
        """
        if e_stmt.dim() == 3:
            reach = self.reach(e_stmt).squeeze(-1)
            if not self.key_dim:
                return self.sharpness * z + reach
            sim = torch.einsum("bk,bmk->bm", self.query(e_item), self.key(e_stmt))
        else:
            reach = self.reach(e_stmt).T
            if not self.key_dim:
                return self.sharpness * z + reach
            sim = self.query(e_item) @ self.key(e_stmt).T
        return self.sharpness * z + sim * self.scale + reach

    @property
    def gain(self) -> Tensor:
        """``kappa = softplus(rho) > 0``, 1 at initialisation.

        How far the ratings say statements move items, as a share of what the curriculum teaches.
        """
        return nn.functional.softplus(self.gain_raw)

    def weights(self, e_item: Tensor, e_stmt: Tensor, z: Tensor, mask: Tensor) -> Tensor:
        """Relevance ``a [B, M]`` of statements ``[B, M, d]`` to items ``[B, d]`` (masked)."""
        return torch.sigmoid(self.relevance(e_item, e_stmt, z)) * mask

    def forward(self, e_item: Tensor, e_stmt: Tensor, z: Tensor, mask: Tensor) -> Tensor:
        """Shift ``Delta [B, n_out]`` of items ``[B, d]`` under statements ``[B, M, d]``."""
        a = self.weights(e_item, e_stmt, z, mask)
        pushed = torch.einsum("bm,bmo->bo", a, self.direction(e_stmt))
        return self.base(e_item) + self.gain * pushed

    def effect(
        self, e_item: Tensor, e_stmt: Tensor, z: Tensor, gain: Tensor | None = None
    ) -> Tensor:
        """Each statement's term ``kappa a(x, s) d(e_s)`` ``[n_items, M, n_out]`` (all pairs).

        ``gain [M]`` replaces ``kappa`` per statement (e.g. 1 for a statement taken at its word).
        """
        a = torch.sigmoid(self.relevance(e_item, e_stmt, z))
        g = self.gain if gain is None else gain.reshape(1, -1, 1)
        return g * a.unsqueeze(-1) * self.direction(e_stmt).unsqueeze(0)


def standardised_cosine(items: Tensor, stmts: Tensor) -> Tensor:
    """Cosine similarity ``[N, M]`` of every item to every statement, z-scored per statement.

    Standardised over the items, so that "about this item" means "closer than to most items".
    """
    cos = nn.functional.normalize(items, dim=-1) @ nn.functional.normalize(stmts, dim=-1).T
    return (cos - cos.mean(0)) / cos.std(0).clamp(min=1e-6)


class StatementTables(nn.Module):
    """The network with its lookup tables, so that a batch is ``(item, rater)`` indices.

    Buffers (not in the state dict): ``items [n_items, d]``; ``stmts [n_stmts, d]`` (every
    phrasing of every statement, plus the edit curriculum's); ``active [n_raters, M]`` and
    ``canonical [n_raters, M]``, the statement rows of each rater's slots (-1: empty), used in
    training and evaluation mode respectively; and the prior as ``thresholds [n_items, C-1]``
    (ordinal) or ``prior [n_items, C]`` log-probabilities.
    """

    def __init__(
        self,
        net: StatementNet,
        items: Tensor,
        stmts: Tensor,
        canonical: Tensor,
        prior_logp: Tensor | None,
        n_classes: int,
        ordinal: bool,
    ):
        super().__init__()
        self.net = net
        self.ordinal = ordinal
        self.register_buffer("items", items, persistent=False)
        self.register_buffer("stmts", stmts, persistent=False)
        self.register_buffer("unit_items", nn.functional.normalize(items, dim=-1), persistent=False)
        cos = self.unit_items @ nn.functional.normalize(stmts, dim=-1).T if len(stmts) else None
        moments = (
            torch.zeros(len(stmts), 2)
            if cos is None
            else torch.stack([cos.mean(0), cos.std(0).clamp(min=1e-6)], 1)
        )
        self.register_buffer("moments", moments, persistent=False)
        self.register_buffer("canonical", canonical, persistent=False)
        self.register_buffer("active", canonical.clone(), persistent=False)
        if prior_logp is None:
            prior_logp = torch.full((items.shape[0], n_classes), -math.log(n_classes))
        self.register_buffer("prior", prior_logp, persistent=False)
        self.register_buffer("thresholds", thresholds_of(prior_logp.exp()), persistent=False)

    def head(self, item: Tensor, shift: Tensor) -> Tensor:
        """Class log-probabilities ``[B, C]`` of items ``[B]`` moved by ``shift [B, n_out]``."""
        if self.ordinal:
            return cumulative_log_probs(self.thresholds[item], shift.squeeze(-1))
        return torch.log_softmax(self.prior[item] + shift, -1)

    def z(self, item: Tensor, rows: Tensor) -> Tensor:
        """Standardised cosine ``[B, M]`` of items ``[B]`` and statement-table rows ``[B, M]``."""
        cos = torch.einsum(
            "bd,bmd->bm", self.unit_items[item], nn.functional.normalize(self.stmts[rows], dim=-1)
        )
        mom = self.moments[rows]
        return (cos - mom[..., 0]) / mom[..., 1]

    def lesson_effect(self, stmt: Tensor, item: Tensor) -> Tensor:
        """``a(x, s) d(e_s)`` (no gain) of aligned (statement row, item) pairs ``[B]``."""
        e_stmt = self.stmts[stmt].unsqueeze(1)
        z = self.z(item, stmt[:, None])
        a = self.net.weights(self.items[item], e_stmt, z, torch.ones_like(z))
        return (a * self.net.direction(e_stmt).squeeze(-1)).squeeze(1)

    def forward(self, item: Tensor, rater: Tensor) -> Tensor:
        """Log-probabilities ``[B, C]`` of (item, rater) index pairs."""
        slots = (self.active if self.training else self.canonical)[rater]
        rows = slots.clamp(min=0)
        shift = self.net(
            self.items[item], self.stmts[rows], self.z(item, rows), (slots >= 0).float()
        )
        return self.head(item, shift)


def lesson_loss(mod: StatementTables, batch: tuple[Tensor, ...]) -> Tensor:
    """Phase 1's loss: squared error of ``a(x, s) d(e_s)`` against the curriculum's target."""
    stmt, item, target = batch
    return nn.functional.mse_loss(mod.lesson_effect(stmt, item), target)


def lesson_tensors(
    curriculum: Curriculum, row_of: Mapping[str, int], cfg: StatementConfig
) -> tuple[tuple[Tensor, ...], tuple[Tensor, ...]]:
    """Phase 1's data: (statement-table row, item, target in logits), training and held out.

    Every tenth statement is held out, so that early stopping tracks phrasings the decoder
    has not seen.
    """
    stmt, item, target = curriculum.pairs(cfg.lesson_pairs, cfg.curriculum_seed)
    rows = np.asarray([row_of[t] for t in curriculum.texts])[stmt]
    tensors = (
        torch.as_tensor(rows),
        torch.as_tensor(item),
        torch.as_tensor(target * cfg.edit_logits, dtype=torch.float32),
    )
    held = torch.as_tensor(stmt % 10 == 9)
    return tuple(t[~held] for t in tensors), tuple(t[held] for t in tensors)
