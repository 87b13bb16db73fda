"""The MC-STL estimator and its two baselines (mc-stl seed, sections 2.2-2.3 and 3.3).

:class:`MCSTL` trains :class:`~engines.mcstl.net.MCSTLNet` through the one training loop on
annotations ``(item, value-cluster membership, label)``. ``variant`` picks the model:

* ``"mcstl"``: cluster embeddings, loss = CORAL cross-entropy + ``lambda_1 sum_k alpha_k
  KL(P_k || Q_k)`` + ``lambda_2 sum_k ||v_k||^2`` (eq. 2 and 4);
* ``"no_info"`` (the seed's empty set): the same network without cluster embeddings,
  cross-entropy only;
* ``"majority"`` (Maj(Y)): the no-information network trained only on the annotations that
  agree with their item's majority label.

Per batch the loss is ``(sum CE + lambda_1 sum_k alpha_k KL_k) / B + lambda_2 sum_k ||v_k||^2
/ N``, so that an epoch's summed batch losses approximate eq. 2 divided by ``B``; the KL uses
the batch's annotations of each cluster against the cluster's training-set mean label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch
from torch import Tensor

from engines.core import (
    EpochCallback,
    TrainConfig,
    WithTrain,
    check_is_fitted,
    fit_loop,
    predict_batches,
    seed_everything,
)
from engines.data.majority import majority_mask
from engines.mcstl.losses import (
    SHARPNESS,
    cluster_alphas,
    cluster_kl,
    coral_class_probs,
    coral_loss,
    coral_targets,
)
from engines.mcstl.net import MCSTLNet
from engines.mcstl.variants import VARIANT_NAMES, Variant

__all__ = ["MCSTL", "MCSTLConfig", "majority_mask", "seed_lambda_kl"]


@dataclass(frozen=True)
class MCSTLConfig(WithTrain):
    """Settings of one MC-STL (or baseline) model."""

    variant: Variant = "mcstl"
    """Which model: MC-STL, the no-information baseline or the majority-label baseline."""
    hidden: tuple[int, ...] = (256,)
    """Hidden widths of the dense network ``o``."""
    dropout: float = 0.1
    """Dropout after each hidden layer."""
    dispersion: bool = False
    """Location-scale CORAL: a learned per-input scale of the sub-task logits (an extension of
    the seed, off by default; see :mod:`engines.mcstl.net`). It helps when items differ in how
    widely their labels spread (the bundled sample); ignored for binary labels, where a scale
    cannot be told apart from the score."""
    lambda_kl: float | None = None
    """``lambda_1``; None: the seed's grid-searched ``1 / (7.4 m)`` for binary labels and
    ``1 / (2 * 7.4 m)`` for ordinal ones, ``m`` the mean annotations per item (appendix A.2)."""
    lambda_l2: float = 1e-3
    """``lambda_2`` on the squared norms of the cluster embeddings."""
    sharpness: float = SHARPNESS
    """``l`` of the tanh soft threshold (eq. 3)."""
    train: TrainConfig = field(
        default_factory=lambda: TrainConfig(max_epochs=40, patience=5, batch_size=256, lr=1e-3)
    )
    """Optimisation settings of the one training loop."""


def seed_lambda_kl(n_classes: int, annotations_per_item: float) -> float:
    """Appendix A.2's ``lambda_1``: ``1 / (7.4 m)`` (binary) or ``1 / (2 * 7.4 m)`` (ordinal)."""
    m = max(float(annotations_per_item), 1.0)
    return 1.0 / ((1.0 if n_classes == 2 else 2.0) * 7.4 * m)


class MCSTL:
    """Multicalibrated subjective task learner over frozen item embeddings.

    Args:
        config: Its settings (:class:`MCSTLConfig`).

    Attributes:
        module_: The fitted :class:`~engines.mcstl.net.MCSTLNet`.
        history_: The training loop's history.
        n_classes_: Number of ordered classes ``L`` (2: binary).
        n_clusters_: Value clusters ``K`` the model was given (0 for the baselines).
        alpha_: ``[K]`` cluster weights ``alpha_k``; ``ybar_``: ``[K, L - 1]`` cluster means of
            the sub-task labels (MC-STL only).
        lambda_kl_: The ``lambda_1`` used.
    """

    def __init__(self, config: MCSTLConfig | None = None):
        self.config = config or MCSTLConfig()

    @property
    def name(self) -> str:
        """The model's name in tables (the seed's Table 1 rows)."""
        return VARIANT_NAMES[self.config.variant]

    def fit(
        self,
        item_emb: np.ndarray,
        item_idx: np.ndarray,
        membership: np.ndarray,
        codes: np.ndarray,
        n_classes: int,
        val: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
        on_epoch_end: EpochCallback | None = None,
    ) -> MCSTL:
        """Train on annotations ``(item row, membership [N, K], class code)``.

        Args:
            item_emb: ``[n_items, d]`` frozen item embeddings.
            item_idx: ``[N]`` rows of ``item_emb``.
            membership: ``[N, K]`` 0/1 value-cluster membership (several per row allowed).
            codes: ``[N]`` class codes ``0 .. n_classes - 1`` (ordered).
            n_classes: ``L`` (at least 2).
            val: Optional validation annotations in the same layout, for early stopping.
            on_epoch_end: The loop's hook (:func:`engines.core.epoch_reporter`).

        Raises:
            ValueError: On inconsistent shapes, codes outside the classes or fewer than 2.
        """
        cfg = self.config
        item_idx, membership, codes = _check(item_idx, membership, codes, n_classes)
        if cfg.variant == "majority":
            keep = majority_mask(item_idx, codes)
            item_idx, membership, codes = item_idx[keep], membership[keep], codes[keep]
        use_clusters = cfg.variant == "mcstl" and membership.shape[1] > 0
        self.n_classes_ = int(n_classes)
        self.n_clusters_ = membership.shape[1] if use_clusters else 0
        targets = coral_targets(torch.tensor(codes), n_classes).numpy()
        per_item = len(codes) / max(len(np.unique(item_idx)), 1)
        self.lambda_kl_ = (
            cfg.lambda_kl if cfg.lambda_kl is not None else seed_lambda_kl(n_classes, per_item)
        )
        self.alpha_ = cluster_alphas(codes, membership, n_classes) if use_clusters else None
        self.ybar_ = (
            np.stack([targets[membership[:, k] > 0].mean(0) if (membership[:, k] > 0).any()
                      else targets.mean(0) for k in range(membership.shape[1])])
            if use_clusters
            else None
        )  # fmt: skip
        seed_everything(cfg.train.seed)
        self.module_ = MCSTLNet(
            torch.as_tensor(np.asarray(item_emb, np.float32)),
            self.n_clusters_,
            n_classes - 1,
            cfg.hidden,
            cfg.dropout,
            torch.as_tensor(targets.mean(0)),
            dispersion=cfg.dispersion and n_classes > 2,
        )
        width = membership.shape[1]
        train = _tensors(item_idx, membership, codes, width)
        val_t = None if val is None else _tensors(*_check(*val, n_classes), width)
        self.history_ = fit_loop(
            self.module_, train, val_t, cfg.train, self._loss_fn(len(codes)),
            on_epoch_end=on_epoch_end,
        )  # fmt: skip
        self.module_.eval()
        return self

    def _loss_fn(self, n_train: int):  # noqa: ANN202 - engines.core.LossFn
        cfg = self.config
        alpha = None if self.alpha_ is None else torch.as_tensor(self.alpha_, dtype=torch.float32)
        ybar = None if self.ybar_ is None else torch.as_tensor(self.ybar_, dtype=torch.float32)
        lam1, lam2 = float(self.lambda_kl_), float(cfg.lambda_l2)

        def loss(module: MCSTLNet, batch: tuple[Tensor, ...]) -> dict[str, Tensor]:
            item, member, y = batch
            logits = module(item, member)
            ce = coral_loss(logits, y).mean()
            if alpha is None or ybar is None:
                return {"loss": ce, "ce": ce}
            kl = cluster_kl(
                torch.sigmoid(logits), member, ybar.to(logits.device),
                alpha.to(logits.device), cfg.sharpness,
            ) / len(y)  # fmt: skip
            l2 = module.values.pow(2).sum() / n_train
            return {"loss": ce + lam1 * kl + lam2 * l2, "ce": ce, "kl": kl}

        return loss

    # -- prediction ------------------------------------------------------------------------
    def predict_tasks(self, item_idx: np.ndarray, membership: np.ndarray) -> np.ndarray:
        """``[N, L - 1]`` predicted ``P(y > c)`` of every CORAL sub-task."""
        check_is_fitted(self, "module_")
        logits = self._logits(item_idx, membership)
        return torch.sigmoid(logits).numpy()

    def predict_proba(self, item_idx: np.ndarray, membership: np.ndarray) -> np.ndarray:
        """``[N, L]`` class probabilities (CORAL differences; binary: ``[1 - p, p]``)."""
        check_is_fitted(self, "module_")
        return coral_class_probs(self._logits(item_idx, membership)).numpy()

    def _logits(self, item_idx: np.ndarray, membership: np.ndarray) -> Tensor:
        width = np.asarray(membership).shape[1] if np.asarray(membership).ndim == 2 else 0
        item, member = _tensors(np.asarray(item_idx), np.asarray(membership), None, width)
        if self.n_clusters_ and member.shape[1] != self.n_clusters_:
            raise ValueError(
                f"membership has {member.shape[1]} clusters; the model knows {self.n_clusters_}"
            )
        return predict_batches(self.module_, (item, member))


def _check(
    item_idx: np.ndarray, membership: np.ndarray, codes: np.ndarray, n_classes: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    item_idx = np.asarray(item_idx, dtype=np.int64)
    membership = np.asarray(membership, dtype=np.float32).reshape(len(item_idx), -1)
    codes = np.asarray(codes, dtype=np.int64)
    if n_classes < 2:
        raise ValueError(f"MC-STL needs at least 2 ordered classes, got {n_classes}")
    if not len(item_idx) == len(membership) == len(codes):
        raise ValueError("item_idx, membership and codes must have one row per annotation")
    if len(codes) and (codes.min() < 0 or codes.max() >= n_classes):
        raise ValueError(f"class codes must lie in 0..{n_classes - 1}")
    return item_idx, membership, codes


def _tensors(
    item_idx: np.ndarray, membership: np.ndarray, codes: np.ndarray | None, width: int
) -> tuple[Tensor, ...]:
    # torch.tensor copies: pandas may hand over read-only arrays
    item = torch.tensor(np.asarray(item_idx, dtype=np.int64))
    member = torch.tensor(np.asarray(membership, np.float32).reshape(len(item), width))
    if codes is None:
        return item, member
    return item, member, torch.tensor(np.asarray(codes, dtype=np.int64))
