"""The MC-STL network (mc-stl seed, section 2.2, figure 2b).

``f(x, y_ij) = e(x) + sum_{k in S_ij} v_k`` (eq. 1): the item's frozen text embedding plus the
learnable embeddings of the annotation's value clusters; a dense network ``o`` whose last layer
has no bias gives one score, and each CORAL sub-task ``y > c`` adds its own bias:
``P(y > c) = sigmoid(o(f) + b_c)``. The binary head is the one-sub-task case. With
``dispersion`` (an extension, off in the seed) a second bias-free output ``z(f)`` scales every
sub-task logit, ``P(y > c) = sigmoid((o(f) + b_c) exp(-z(f)))``: the location-scale cumulative
logit (McCullagh 1980), still rank-consistent, lets items differ in how widely their labels
spread (CORAL gives every item the same spacing between thresholds). The preference head
scores two items with the same network and compares them through a per-cluster temperature
(section 2.4).
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor, nn

__all__ = ["MCSTLNet"]


class MCSTLNet(nn.Module):
    """Text embedding + value-cluster embeddings -> shared score -> CORAL sub-task logits.

    Args:
        items: ``[n_items, d]`` frozen item embeddings ``e(x)`` (a buffer, never trained).
        n_clusters: ``K`` value clusters (0: the no-information baseline, no ``v_k``).
        n_tasks: CORAL sub-tasks ``L - 1`` (1 for binary labels).
        hidden: Widths of the hidden layers of ``o``.
        dropout: Dropout after each hidden layer.
        task_rates: Optional ``[n_tasks]`` training rates of ``y > c``: the biases start at
            their logits, so training starts from the marginal distribution.
        dispersion: Add the scale output ``z`` (started at zero: plain CORAL at first).
    """

    def __init__(
        self,
        items: Tensor,
        n_clusters: int,
        n_tasks: int,
        hidden: Sequence[int] = (256,),
        dropout: float = 0.1,
        task_rates: Tensor | None = None,
        dispersion: bool = False,
    ):
        super().__init__()
        dim = items.shape[1]
        self.register_buffer("items", items.float())
        self.n_clusters = int(n_clusters)
        self.values = nn.Parameter(torch.randn(max(n_clusters, 0), dim) * 0.02)
        layers: list[nn.Module] = []
        width = dim
        for h in hidden:
            layers += [nn.Linear(width, h), nn.ReLU(), nn.Dropout(dropout)]
            width = h
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(width, 1, bias=False)  # o(.) has no last-layer bias
        self.scale = nn.Linear(width, 1, bias=False) if dispersion else None
        if self.scale is not None:
            nn.init.zeros_(self.scale.weight)
        start = (
            torch.logit(task_rates.float().clamp(1e-3, 1 - 1e-3))
            if task_rates is not None
            else torch.zeros(n_tasks)
        )
        self.biases = nn.Parameter(start.clone())
        self.log_temperature = nn.Parameter(torch.zeros(max(n_clusters, 1)))

    def value_aware(self, item: Tensor, membership: Tensor) -> Tensor:
        """``f = e(x) + membership @ V`` ``[B, d]`` (eq. 1; no ``V`` for ``K = 0``)."""
        f = self.items[item]
        if self.n_clusters:
            f = f + membership.to(f.dtype) @ self.values
        return f

    def score(self, item: Tensor, membership: Tensor) -> Tensor:
        """``o(f)`` ``[B]``: the shared score (the preference head's reward ``r``)."""
        return self.head(self.body(self.value_aware(item, membership))).squeeze(-1)

    def forward(self, item: Tensor, membership: Tensor) -> Tensor:
        """CORAL sub-task logits ``[B, n_tasks]``: ``o(f) + b_c`` (times ``exp(-z(f))``)."""
        hidden = self.body(self.value_aware(item, membership))
        logits = self.head(hidden) + self.biases
        if self.scale is not None:
            logits = logits * torch.exp(-self.scale(hidden))
        return logits

    def preference_logit(self, first: Tensor, second: Tensor, membership: Tensor) -> Tensor:
        """``(r(x_i, S) - r(x_j, S)) / t_S`` ``[B]`` (section 2.4).

        ``t_S`` is the mean temperature of the annotation's clusters (every cluster's
        temperature starts at 1; without clusters the one shared temperature is used).
        """
        diff = self.score(first, membership) - self.score(second, membership)
        temp = self.log_temperature.exp()
        if self.n_clusters:
            weights = membership.to(diff.dtype)
            t = (weights @ temp) / weights.sum(1).clamp_min(1.0)
            t = torch.where(weights.sum(1) > 0, t, torch.ones_like(t))
        else:
            t = temp[0].expand_as(diff)
        return diff / t
