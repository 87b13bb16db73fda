"""The loss terms of DEM-MoE (dem-moe seed, appendix B), each a pure tensor function.

:class:`engines.moe.model.DemMoE` adds them up as::

    L = MSE + l_ann KL(q(z_a)||N(0,I)) + l_id KL(q(z_g)||N(0,I)) + l_load std(min(c_i/c_mean, 1))
        + l_orth orthogonality(expert outputs) + l_var (-variance of gate scores)
        + l_demo sum_d sum_{i<j} 1/2 [KL(p_i||p_j) + KL(p_j||p_i)]

Shapes: ``B`` rows in the batch, ``E`` experts, ``H`` expert output size, ``A`` demographic
attributes. Every function can be checked alone against hand-computed values.
"""

from __future__ import annotations

import torch
from torch import Tensor

__all__ = [
    "demographic_specialisation_loss",
    "gaussian_kl",
    "load_std_loss",
    "orthogonality_loss",
    "variance_loss",
    "weighted_mse",
]


def weighted_mse(prediction: Tensor, target: Tensor, weight: Tensor | None = None) -> Tensor:
    """``sum_i w_i (p_i - y_i)^2 / sum_i w_i`` (the plain MSE without weights).

    Synthetic annotations blended into training carry weights (dem-moe seed, section 7.1.2:
    ``L = sum_i w_i Error(y_i, y_hat_i)``); dividing by the batch's weight keeps the loss on the
    MSE's scale. A batch whose weights are all zero gives zero.
    """
    err = (prediction - target).pow(2)
    if weight is None:
        return err.mean()
    return (weight * err).sum() / weight.sum().clamp(min=1e-12)


def gaussian_kl(mu: Tensor, logvar: Tensor) -> Tensor:
    """KL(N(mu, diag(exp(logvar))) || N(0, I)) per row ``[B]`` (summed over dimensions)."""
    return 0.5 * (logvar.exp() + mu.pow(2) - 1.0 - logvar).sum(-1)


def load_std_loss(weights: Tensor) -> Tensor:
    """``std(min(c_i / c_mean, 1))`` over experts, with ``c_i`` the gate weight routed to ``i``.

    ``weights`` ``[B, E]`` are the top-k gate weights (0 for unselected experts); the routed
    weight keeps the term differentiable (a hard token count has no gradient). Overloaded
    experts are capped at 1, so only under-used experts are pushed up (roughly even use, not
    strict uniformity). Population standard deviation.
    """
    c = weights.sum(0)
    ratio = torch.clamp(c / c.mean().clamp_min(1e-9), max=1.0)
    return ratio.std(correction=0)


def orthogonality_loss(outputs: Tensor, selected: Tensor, eps: float = 1e-6) -> Tensor:
    """``sum_{j != k} <x_ij, x_ik> / (<x_ik, x_ik> + eps)`` over selected expert pairs.

    Args:
        outputs: expert outputs ``[B, E, H]`` (every expert's ``f_j(x_i)``).
        selected: boolean top-k mask ``[B, E]``; only pairs of experts both used for input
            ``i`` count.
        eps: stabiliser of the denominator.

    Returns:
        The sum over pairs, averaged over the batch (so the weight does not depend on the batch
        size; appendix B sums over the batch).
    """
    gram = torch.einsum("bjh,bkh->bjk", outputs, outputs)
    norms = torch.diagonal(gram, dim1=1, dim2=2)  # <x_ik, x_ik>
    ratio = gram / (norms.unsqueeze(1) + eps)
    e = outputs.shape[1]
    pair = selected.unsqueeze(2) & selected.unsqueeze(1)
    pair = pair & ~torch.eye(e, dtype=torch.bool, device=outputs.device)
    return (ratio * pair).sum((1, 2)).mean()


def variance_loss(scores: Tensor) -> Tensor:
    """``-1/(BE) sum_i sum_j (s_ij - mean_i s_ij)^2``: rewards diverse routing across inputs.

    ``scores`` ``[B, E]`` are the routed (top-k) gate weights, as in the authors' code, which
    keeps the term bounded (raw scores could grow without limit).
    """
    return -((scores - scores.mean(0, keepdim=True)) ** 2).mean()


def demographic_specialisation_loss(
    probs: Tensor, demographics: Tensor, min_rows: int = 2, eps: float = 1e-9
) -> Tensor:
    """``sum_d sum_{i<j} 1/2 [KL(p_i||p_j) + KL(p_j||p_i)]`` (appendix B, last term).

    ``p_g`` is the mean gate distribution of the batch rows in subgroup ``g`` of attribute
    ``d`` (subgroups with fewer than ``min_rows`` rows in the batch are skipped). Minimising it,
    as written, pulls the subgroups' routing together (the authors' code notes this); use a
    negative weight to reward divergence instead. The specialisation analyses report the KL
    whatever the weight.

    Args:
        probs: gate distributions ``[B, E]``.
        demographics: value indices ``[B, A]``.
        min_rows: smallest subgroup (in the batch) that gets a distribution.
        eps: smoothing before the logarithms.
    """
    total = probs.new_zeros(())
    for a in range(demographics.shape[1]):
        values, inverse, counts = torch.unique(
            demographics[:, a], return_inverse=True, return_counts=True
        )
        keep = counts >= min_rows
        if int(keep.sum()) < 2:
            continue
        onehot = torch.nn.functional.one_hot(inverse, len(values)).to(probs.dtype)
        p = (onehot.T @ probs)[keep] / counts[keep].unsqueeze(1).to(probs.dtype)
        p = (p + eps) / (p + eps).sum(1, keepdim=True)
        logp = p.log()
        # kl[i, j] = KL(p_i || p_j); the symmetric sum over i < j is half the full sum.
        kl = (p * logp).sum(1, keepdim=True) - p @ logp.T
        total = total + 0.5 * kl.sum()
    return total
