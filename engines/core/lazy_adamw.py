"""AdamW for large embedding tables: only the rows a batch looked up are updated.

A dense AdamW step touches every row of a table each step (the moments of rows outside the
batch decay and keep moving them), so a step costs as much as the whole table: with 50,000
annotators most of a DEM-MoE step was spent on rows the batch never saw. The lazy variant
(TensorFlow Addons' ``LazyAdam``, PyTorch's ``SparseAdam``) updates the moments and the weights
of the looked-up rows only, with decoupled weight decay on those rows; the bias correction uses
the optimiser's global step. For a row looked up in every step it is exactly AdamW.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import torch
from torch import Tensor

__all__ = ["LazyAdamW", "Optimisers", "clip_grad_norm", "make_adamw"]


class LazyAdamW(torch.optim.Optimizer):
    """AdamW over parameters with sparse gradients (``nn.Embedding(..., sparse=True)``).

    Args:
        params: Parameters or parameter groups (groups may set ``lr`` and ``weight_decay``).
        lr: Learning rate.
        betas: Moment decay rates.
        eps: Added to the root of the second moment.
        weight_decay: Decoupled weight decay, applied to the looked-up rows.
    """

    def __init__(
        self,
        params: Iterable[Tensor] | Iterable[dict],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
    ):
        super().__init__(params, {"lr": lr, "betas": betas, "eps": eps,
                                  "weight_decay": weight_decay})  # fmt: skip

    @torch.no_grad()
    def step(self, closure=None):  # noqa: ANN001, ANN201 - torch's signature
        """One update of the rows in each parameter's (sparse) gradient."""
        loss = None if closure is None else closure()
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                grad = p.grad.coalesce() if p.grad.is_sparse else p.grad.to_sparse(sparse_dim=1)
                rows, values = grad.indices()[0], grad.values()
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                t = state["step"]
                m = state["exp_avg"][rows].mul_(beta1).add_(values, alpha=1 - beta1)
                v = state["exp_avg_sq"][rows].mul_(beta2).addcmul_(values, values, value=1 - beta2)
                state["exp_avg"][rows], state["exp_avg_sq"][rows] = m, v
                step_size = group["lr"] / (1 - beta1**t)
                denom = v.sqrt().div_(math.sqrt(1 - beta2**t)).add_(group["eps"])  # as AdamW
                weights = p[rows].mul_(1 - group["lr"] * group["weight_decay"])
                p[rows] = weights.addcdiv_(m, denom, value=-step_size)
        return loss


def clip_grad_norm(params: list[Tensor], max_norm: float) -> Tensor:
    """``nn.utils.clip_grad_norm_`` for a mix of dense and sparse gradients.

    Sparse gradients are coalesced in place first (repeated rows summed), so the norm is that
    of the gradient a dense table would have had.
    """
    norms = []
    for p in params:
        if p.grad is None:
            continue
        if p.grad.is_sparse:
            p.grad = p.grad.coalesce()
            norms.append(p.grad.values().norm())
        else:
            norms.append(p.grad.norm())
    if not norms:
        return torch.zeros(())
    total = torch.stack(norms).norm()
    coef = max_norm / (total + 1e-6)
    if coef < 1:
        for p in params:
            if p.grad is not None:
                p.grad.mul_(coef)
    return total


class Optimisers:
    """AdamW over the dense groups and :class:`LazyAdamW` over the ``lazy`` ones, as one."""

    def __init__(self, *optimizers: torch.optim.Optimizer):
        self.optimizers = optimizers

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Clear every optimiser's gradients."""
        for opt in self.optimizers:
            opt.zero_grad(set_to_none=set_to_none)

    def step(self) -> None:
        """Step every optimiser."""
        for opt in self.optimizers:
            opt.step()


def make_adamw(
    groups: list[dict], lr: float, weight_decay: float
) -> torch.optim.Optimizer | Optimisers:
    """AdamW over ``groups``, with :class:`LazyAdamW` for the groups marked ``lazy``.

    Plain ``torch.optim.AdamW`` when no group is lazy.
    """
    dense = [{k: v for k, v in g.items() if k != "lazy"} for g in groups if not g.get("lazy")]
    lazy = [{k: v for k, v in g.items() if k != "lazy"} for g in groups if g.get("lazy")]
    adamw = torch.optim.AdamW(dense, lr=lr, weight_decay=weight_decay)
    if not lazy:
        return adamw
    return Optimisers(adamw, LazyAdamW(lazy, lr=lr, weight_decay=weight_decay))
