"""The decoder's torch maths: the ``[u; v; u * v]`` head and its lookup tables.

:class:`DecoderNet` maps an item embedding and a rater-representation embedding to class
logits; :class:`DecoderTables` wraps it with the frozen item embeddings, the per-rater
representations (or in-context examples) and an optional per-item prior, so that a training
batch is just ``(item index, rater index, label)``. Both decoders share :class:`DecoderNet`:
:class:`~engines.profiles.decoder.ProfileDecoder` over frozen sentence embeddings and
:class:`~engines.profiles.cross_encoder.CrossEncoderDecoder` over pooled transformer states.
"""

from __future__ import annotations

import torch
from torch import Tensor, nn

__all__ = ["DecoderNet", "DecoderTables"]


class DecoderNet(nn.Module):
    """``logits = head([u; v; u * v])`` with ``u = tanh(A e_item)``, ``v = tanh(B e_repr)``.

    With ``ordinal=True`` the head emits one score ``s`` and the class probabilities follow a
    cumulative-logit model, ``P(y <= k) = sigmoid(t_k - s)`` with ordered thresholds ``t``;
    ``forward`` then returns log-probabilities (a valid input to softmax / cross-entropy).
    This shares strength across neighbouring ratings, which matters for small datasets.

    Shapes: ``e_item [B, d_item]``, ``e_repr [B, d_repr]`` -> ``[B, n_classes]``.
    """

    def __init__(
        self,
        d_item: int,
        d_repr: int,
        n_classes: int,
        hidden: int,
        dropout: float,
        ordinal: bool = False,
    ):
        super().__init__()
        self.ordinal = ordinal and n_classes > 2
        self.item = nn.Sequential(nn.Linear(d_item, hidden), nn.Tanh())
        self.repr = nn.Sequential(nn.Linear(d_repr, hidden), nn.Tanh())
        self.head = nn.Sequential(
            nn.Dropout(dropout),
            nn.Linear(3 * hidden, hidden),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, 1 if self.ordinal else n_classes),
        )
        if self.ordinal:
            self.t0 = nn.Parameter(torch.tensor(-(n_classes - 2) / 2))
            self.gaps = nn.Parameter(torch.zeros(n_classes - 2))
        self.example = nn.Linear(d_item + n_classes, d_repr)
        self.n_classes = n_classes

    def forward(self, e_item: Tensor, e_repr: Tensor) -> Tensor:
        """Class logits (log-probabilities when ordinal) for aligned rows."""
        u, v = self.item(e_item), self.repr(e_repr)
        out = self.head(torch.cat([u, v, u * v], dim=-1))
        if not self.ordinal:
            return out
        steps = nn.functional.softplus(self.gaps) + 1e-3
        thresholds = torch.cat([self.t0.reshape(1), self.t0 + torch.cumsum(steps, 0)])
        cdf = torch.sigmoid(thresholds - out)  # [B, C-1]
        ones = torch.ones_like(cdf[:, :1])
        probs = torch.diff(torch.cat([torch.zeros_like(ones), cdf, ones], dim=1), dim=1)
        return torch.log(probs.clamp(min=1e-9))

    def pool_examples(self, ex_item: Tensor, ex_label: Tensor, mask: Tensor) -> Tensor:
        """Learned pooling of (item embedding, one-hot label) pairs -> a representation vector.

        Shapes: ``ex_item [B, n, d_item]``, ``ex_label [B, n]``, ``mask [B, n]`` ->
        ``[B, d_repr]`` (a rater without examples pools to the zero vector).
        """
        onehot = nn.functional.one_hot(ex_label.clamp(min=0), self.n_classes).float()
        h = torch.tanh(self.example(torch.cat([ex_item, onehot], dim=-1)))
        w = mask.float().unsqueeze(-1)
        return (h * w).sum(1) / w.sum(1).clamp(min=1.0)


class DecoderTables(nn.Module):
    """The network plus lookup tables (items, rater representations) for index batches.

    Buffers (not saved in the state dict): ``items [n_items, d]``, ``reprs [n_raters, d]``,
    optionally ``prior [n_items, C]`` (added to the logits), the example tables
    ``ex_idx, ex_lab, ex_mask [n_raters, n_max]`` of the ``examples`` representation and
    ``temperature`` (the logits are divided by it; 1 while training).
    """

    def __init__(
        self,
        net: DecoderNet,
        items: Tensor,
        reprs: Tensor,
        examples: tuple[Tensor, ...] | None,
        prior: Tensor | None = None,
    ):
        super().__init__()
        self.net = net
        self.register_buffer("items", items, persistent=False)
        self.register_buffer("prior", prior, persistent=False)
        self.register_buffer("reprs", reprs, persistent=False)
        self.register_buffer("temperature", torch.ones(()), persistent=False)
        if examples is not None:
            ex_idx, ex_lab, ex_mask = examples
            self.register_buffer("ex_idx", ex_idx, persistent=False)
            self.register_buffer("ex_lab", ex_lab, persistent=False)
            self.register_buffer("ex_mask", ex_mask, persistent=False)
        self.use_examples = examples is not None

    def rater_repr(self, rater: Tensor) -> Tensor:
        """Representation vectors ``[B, d]`` of rater indices ``[B]``."""
        if not self.use_examples:
            return self.reprs[rater]
        idx = self.ex_idx[rater]
        return self.net.pool_examples(
            self.items[idx.clamp(min=0)], self.ex_lab[rater], self.ex_mask[rater]
        )

    def logits(self, item: Tensor, e_repr: Tensor) -> Tensor:
        """Class logits ``[B, C]`` of item indices ``[B]`` under representations ``[B, d]``."""
        out = self.net(self.items[item], e_repr)
        out = out if self.prior is None else out + self.prior[item]
        return out / self.temperature

    def forward(self, item: Tensor, rater: Tensor) -> Tensor:
        """Class logits ``[B, C]`` of (item index, rater index) pairs."""
        return self.logits(item, self.rater_repr(rater))
