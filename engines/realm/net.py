"""The REALM network (realm seed, section 3, eq. 1-5).

A classifier over item representations (frozen embeddings, or a fine-tuned encoder: see
:mod:`engines.realm.items`) gives ``p_theta(y | x)``; each annotator ``a`` has an
expertise ``e_a = sigmoid(s_a)`` (one per task with a task column: the multi-task expertise
matrix, eq. 4), and the observed label follows the mixture (eq. 1)::

    p(y | x, a) = e_a p_theta(y | x) + (1 - e_a) / C

With ``state_dim > 0`` the expertise also depends on the item (eq. 5):
``e_a(x) = sigmoid(s_a + <phi(x), u_a>)`` with a learned projection ``phi`` (``u_a`` start at
zero, so training starts from the item-independent model).
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor, nn

from engines.realm.items import FrozenItems

__all__ = ["RealmNet", "mixture_log_likelihood"]


def mixture_log_likelihood(logits: Tensor, expertise: Tensor, y: Tensor) -> Tensor:
    """``log(e p_theta(y | x) + (1 - e) / C)`` per row (eq. 3's summand, before the minus).

    Args:
        logits: ``[B, C]`` classifier logits.
        expertise: ``[B]`` ``e`` in ``[0, 1]``.
        y: ``[B]`` observed class codes.
    """
    n_classes = logits.shape[1]
    p = torch.softmax(logits, dim=1).gather(1, y.view(-1, 1)).squeeze(1)
    return torch.log(expertise * p + (1.0 - expertise) / n_classes)


class RealmNet(nn.Module):
    """Item classifier plus annotator expertise.

    Args:
        items: ``[n_items, d]`` frozen item embeddings, or a module mapping item rows to
            representations with a ``dim`` (:class:`~engines.realm.items.FineTunedItems`).
        n_classes: ``C``.
        n_annotators: Annotators with an expertise.
        n_tasks: Columns of the expertise matrix (1 without a task column).
        hidden: Hidden widths of the classifier (empty: a linear classifier).
        dropout: Dropout after each hidden layer.
        init_expertise: Every ``e_a`` at the start (the same for all: no annotator favoured).
        state_dim: Width of ``phi(x)`` for item-dependent expertise (0: off).
    """

    def __init__(
        self,
        items: Tensor | nn.Module,
        n_classes: int,
        n_annotators: int,
        n_tasks: int = 1,
        hidden: Sequence[int] = (256,),
        dropout: float = 0.1,
        init_expertise: float = 0.8,
        state_dim: int = 0,
    ):
        super().__init__()
        self.items = items if isinstance(items, nn.Module) else FrozenItems(items)
        layers: list[nn.Module] = []
        width = self.items.dim
        for h in hidden:
            layers += [nn.Linear(width, h), nn.ReLU(), nn.Dropout(dropout)]
            width = h
        layers.append(nn.Linear(width, n_classes))
        self.classifier = nn.Sequential(*layers)
        start = torch.logit(torch.tensor(float(init_expertise)).clamp(1e-3, 1 - 1e-3))
        self.skill = nn.Parameter(torch.full((n_annotators, n_tasks), float(start)))
        self.state_dim = int(state_dim)
        if self.state_dim:
            self.phi = nn.Linear(self.items.dim, self.state_dim)
            self.u = nn.Parameter(torch.zeros(n_annotators, self.state_dim))

    def logits(self, item: Tensor) -> Tensor:
        """``[B, C]`` classifier logits of ``p_theta(y | x)``."""
        return self.classifier(self.items(item))

    def expertise(
        self, item: Tensor, annotator: Tensor, task: Tensor, rep: Tensor | None = None
    ) -> Tensor:
        """``[B]`` ``e_a`` (or ``e_a(x)``) of each row's annotator on its task.

        ``rep``: the items' representations when already computed.
        """
        s = self.skill[annotator, task]
        if self.state_dim:
            rep = self.items(item) if rep is None else rep
            s = s + (self.phi(rep) * self.u[annotator]).sum(1)
        return torch.sigmoid(s)

    def forward(self, item: Tensor, annotator: Tensor, task: Tensor) -> tuple[Tensor, Tensor]:
        """``(logits [B, C], expertise [B])`` (the items are represented once)."""
        rep = self.items(item)
        return self.classifier(rep), self.expertise(item, annotator, task, rep)
