"""MC-STL's loss terms as pure functions (mc-stl seed, section 2.3, eq. 2-4).

* CORAL (Cao et al. 2020; seed section 2.2): ``n - 1`` binary sub-tasks ``y > c`` for an
  ordinal label with ``n`` ordered classes share one score and differ in their biases; the
  binary head is the case ``n = 2``.
* The multicalibration term: for every value cluster ``C_k``, the binomial KL between the
  cluster's mean label ``ybar_k`` and the mean of its soft-thresholded predictions (eq. 3),
  scaled by the cluster's number of annotations ``n_k`` and weighted by ``alpha_k``, the KL of
  the cluster's label distribution from the whole training set's.
* ``lambda_2 sum_k ||v_k||^2`` on the cluster embeddings.

Every function works on one batch; :class:`~engines.mcstl.model.MCSTL` divides the sums by
the batch size so that the loop's per-batch mean matches eq. 2 up to a constant factor.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import Tensor
from torch.nn import functional as F

__all__ = [
    "SHARPNESS",
    "binomial_kl",
    "cluster_alphas",
    "cluster_kl",
    "coral_class_probs",
    "coral_loss",
    "coral_targets",
    "soft_threshold_mean",
]

SHARPNESS = 1e4
"""``l`` of eq. 3: how close the tanh relaxation is to a hard threshold (the seed's value)."""

_EPS = 1e-6


def coral_targets(codes: Tensor, n_classes: int) -> Tensor:
    """``[B, n - 1]`` binary targets ``1[y > c]`` for class codes ``0 .. n - 1``."""
    thresholds = torch.arange(n_classes - 1, device=codes.device)
    return (codes.unsqueeze(1) > thresholds).to(torch.float32)


def coral_loss(logits: Tensor, codes: Tensor) -> Tensor:
    """Summed binary cross-entropy of the CORAL sub-tasks, ``[B]`` (eq. 4's first sum)."""
    targets = coral_targets(codes, logits.shape[1] + 1)
    return F.binary_cross_entropy_with_logits(logits, targets, reduction="none").sum(1)


def coral_class_probs(logits: Tensor) -> Tensor:
    """Class probabilities ``[B, n]`` from CORAL logits ``[B, n - 1]``.

    ``P(y = 0) = 1 - p1``, ``P(y = c) = p_c - p_{c+1}``, ``P(y = n - 1) = p_{n-1}``; with
    ordered biases the sub-task probabilities are monotone and the differences non-negative
    (clipped at 0 and renormalised otherwise).
    """
    p = torch.sigmoid(logits)
    ones = torch.ones_like(p[:, :1])
    zeros = torch.zeros_like(p[:, :1])
    upper = torch.cat([ones, p], 1)
    lower = torch.cat([p, zeros], 1)
    probs = (upper - lower).clamp_min(0.0)
    return probs / probs.sum(1, keepdim=True).clamp_min(_EPS)


def soft_threshold_mean(p: Tensor, ybar: Tensor, sharpness: float = SHARPNESS) -> Tensor:
    """Eq. 3: ``mean(0.5 (1 + tanh(l (p - ybar))))``, the share of predictions above ``ybar``.

    Args:
        p: Predicted probabilities of one sub-task for a cluster's annotations ``[n_k]``.
        ybar: The cluster's mean label (a scalar tensor).
        sharpness: ``l``.
    """
    return (0.5 * (1.0 + torch.tanh(sharpness * (p - ybar)))).mean()


def binomial_kl(ybar: Tensor, q: Tensor, n: Tensor | float) -> Tensor:
    """``n [ybar ln(ybar / q) + (1 - ybar) ln((1 - ybar) / (1 - q))]`` (eq. 2's KL term).

    ``0 ln 0 = 0``; ``q`` is clipped away from 0 and 1 so that the term stays finite.
    """
    q = q.clamp(_EPS, 1 - _EPS)
    first = torch.special.xlogy(ybar, ybar) - ybar * torch.log(q)
    second = torch.special.xlogy(1 - ybar, 1 - ybar) - (1 - ybar) * torch.log(1 - q)
    return n * (first + second)


def cluster_kl(
    probs: Tensor,
    membership: Tensor,
    ybar: Tensor,
    alpha: Tensor,
    sharpness: float = SHARPNESS,
) -> Tensor:
    """``sum_k alpha_k sum_t KL(P_k^(t) || Q_k^(t))`` over the clusters present in the batch.

    Args:
        probs: Sub-task probabilities ``[B, T]`` (``T = n - 1``).
        membership: ``[B, K]`` 0/1 cluster membership of each annotation (several allowed).
        ybar: ``[K, T]`` each cluster's mean sub-task label on the training set.
        alpha: ``[K]`` cluster weights (:func:`cluster_alphas`).
        sharpness: ``l`` of eq. 3.

    Returns:
        A scalar: the weighted sum (``n_k`` = the cluster's annotations in the batch).
    """
    member = membership.to(probs.dtype)  # [B, K]
    n = member.sum(0)  # [K]
    soft = 0.5 * (1.0 + torch.tanh(sharpness * (probs[:, None, :] - ybar[None])))  # [B, K, T]
    q = (soft * member[:, :, None]).sum(0) / n.clamp_min(1.0)[:, None]  # [K, T]
    kl = binomial_kl(ybar, q, n[:, None])  # [K, T]; 0 for clusters absent from the batch
    return (alpha * kl.sum(1) * (n > 0)).sum()


def cluster_alphas(codes: np.ndarray, membership: np.ndarray, n_classes: int) -> np.ndarray:
    """``alpha_k``: KL of each cluster's label distribution from the whole set's (nats).

    Args:
        codes: Class codes ``[N]`` of the training annotations.
        membership: ``[N, K]`` 0/1 membership.
        n_classes: Number of classes.

    Returns:
        ``[K]``; 0 for a cluster without annotations.
    """
    overall = np.bincount(codes, minlength=n_classes) / max(len(codes), 1)
    out = np.zeros(membership.shape[1])
    for k in range(membership.shape[1]):
        rows = membership[:, k] > 0
        if not rows.any():
            continue
        dist = np.bincount(codes[rows], minlength=n_classes) / rows.sum()
        mask = dist > 0
        out[k] = float(np.sum(dist[mask] * np.log(dist[mask] / np.maximum(overall[mask], 1e-12))))
    return out
