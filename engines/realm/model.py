"""The REALM estimator and its training baselines (realm seed, section 3 and 4.1).

:class:`Realm` trains :class:`~engines.realm.net.RealmNet` through the one training loop on
annotations ``(item, annotator, task, label)``. ``variant`` picks the model:

* ``"realm"``: the mixture NLL (eq. 3), expertise learned jointly with a larger learning rate;
* ``"noisy"``: plain cross-entropy on every label, annotators ignored (the seed's Noisy SFT);
* ``"majority"``: cross-entropy on each item's majority label;
* ``"oracle"``: cross-entropy on the labels given, which the caller makes the gold ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
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
from engines.data.majority import majority_labels
from engines.realm.items import FineTunedItems
from engines.realm.net import RealmNet, mixture_log_likelihood
from engines.realm.variants import VARIANT_NAMES, Variant
from engines.text.encoders import DEFAULT_MODEL

__all__ = ["Realm", "RealmConfig"]


@dataclass(frozen=True)
class RealmConfig(WithTrain):
    """Settings of one REALM (or baseline) model."""

    variant: Variant = "realm"
    """Which model (see the module docstring)."""
    hidden: tuple[int, ...] = (256,)
    """Hidden widths of the item classifier."""
    dropout: float = 0.1
    """Dropout after each hidden layer."""
    init_expertise: float = 0.8
    """Every annotator's expertise before training (the seed does not state it)."""
    expertise_lr_scale: float = 10.0
    """The expertise parameters learn at ``train.lr`` times this (the seed's larger rate)."""
    state_dim: int = 0
    """Width of ``phi(x)`` for item-dependent expertise (eq. 5); 0: one expertise per task."""
    fine_tune: bool = False
    """Fine-tune a transformer on the item texts with the classifier (the seed's setting; for a
    GPU or small data) instead of reading frozen embeddings."""
    encoder_model: str = DEFAULT_MODEL
    """The transformer fine-tuned: the bundled MiniLM or a local transformers folder."""
    max_length: int = 64
    """Tokens per item text when fine-tuning."""
    encoder_lr: float = 3e-5
    """Learning rate of the fine-tuned transformer (``train.lr`` is the classifier's)."""
    train: TrainConfig = field(
        default_factory=lambda: TrainConfig(max_epochs=40, patience=5, batch_size=256, lr=1e-3)
    )
    """Optimisation settings of the one training loop."""


Rows = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
"""``(item_idx, annotator_idx, task_idx, codes)``, one entry per annotation."""


class Realm:
    """Expertise-aware classifier over frozen item embeddings or a fine-tuned encoder.

    Args:
        config: Its settings (:class:`RealmConfig`).

    Attributes:
        module_: The fitted :class:`~engines.realm.net.RealmNet`.
        history_: The training loop's history.
        expertise_: ``[n_annotators, n_tasks]`` learned ``e_a`` (REALM only; None otherwise).
    """

    def __init__(self, config: RealmConfig | None = None):
        self.config = config or RealmConfig()

    @property
    def name(self) -> str:
        """The model's name in tables."""
        return VARIANT_NAMES[self.config.variant]

    def fit(
        self,
        item_emb: np.ndarray,
        rows: Rows,
        n_classes: int,
        n_annotators: int,
        n_tasks: int = 1,
        val: Rows | None = None,
        on_epoch_end: EpochCallback | None = None,
        item_texts: Sequence[str] | None = None,
    ) -> Realm:
        """Train on annotations.

        Args:
            item_emb: ``[n_items, d]`` frozen item embeddings (their rows are the items; only
                the row count is read when fine-tuning).
            rows: ``(item_idx, annotator_idx, task_idx, codes)``.
            n_classes: ``C`` (at least 2).
            n_annotators: Rows of the expertise matrix.
            n_tasks: Columns of the expertise matrix.
            val: Validation annotations in the same layout (early stopping).
            on_epoch_end: The loop's hook.
            item_texts: The items' texts, one per row of ``item_emb`` (needed to fine-tune).

        Raises:
            ValueError: On inconsistent shapes or codes and indices out of range, or
                ``fine_tune`` without one text per item.
        """
        cfg = self.config
        rows = _check(rows, n_classes, n_annotators, n_tasks)
        if cfg.variant == "majority":
            rows = _majority_rows(rows)
            val = None if val is None else _majority_rows(_check(val, n_classes, n_annotators,
                                                                  n_tasks))  # fmt: skip
        seed_everything(cfg.train.seed)
        self.module_ = RealmNet(
            self._items(item_emb, item_texts), n_classes, n_annotators, n_tasks,
            cfg.hidden, cfg.dropout, cfg.init_expertise,
            cfg.state_dim if cfg.variant == "realm" else 0,
        )  # fmt: skip
        val_t = None if val is None else _tensors(_check(val, n_classes, n_annotators, n_tasks))
        self.history_ = fit_loop(
            self.module_, _tensors(rows), val_t, cfg.train, self._loss,
            param_groups=self._groups, on_epoch_end=on_epoch_end,
        )  # fmt: skip
        self.module_.eval()
        self.n_classes_ = int(n_classes)
        self.expertise_ = (
            torch.sigmoid(self.module_.skill.detach()).cpu().numpy()
            if cfg.variant == "realm"
            else None
        )
        return self

    def _items(self, item_emb: np.ndarray, texts: Sequence[str] | None) -> Tensor | FineTunedItems:
        cfg = self.config
        if not cfg.fine_tune:
            return torch.as_tensor(np.asarray(item_emb, np.float32))
        if texts is None or len(texts) != len(item_emb):
            raise ValueError("Fine-tuning the encoder needs one item text per item row.")
        return FineTunedItems(texts, cfg.encoder_model, cfg.max_length)

    def _loss(self, module: RealmNet, batch: tuple[Tensor, ...]) -> Tensor:
        item, annotator, task, y = batch
        if self.config.variant != "realm":
            return F.cross_entropy(module.logits(item), y)
        logits, expertise = module(item, annotator, task)
        return -mixture_log_likelihood(logits, expertise, y).mean()

    def _groups(self, module: RealmNet) -> list[dict]:
        cfg = self.config
        encoder = list(module.items.parameters())
        groups = [{"params": encoder, "lr": cfg.encoder_lr}] if encoder else []
        if cfg.variant != "realm":
            return [*groups, {"params": list(module.classifier.parameters())}]
        fast = [module.skill] + ([module.u] if module.state_dim else [])
        slow = list(module.classifier.parameters())
        if module.state_dim:
            slow += list(module.phi.parameters())
        lr = cfg.train.lr * cfg.expertise_lr_scale
        return [*groups, {"params": slow}, {"params": fast, "lr": lr, "weight_decay": 0.0}]

    # -- prediction ------------------------------------------------------------------------
    def predict_proba(self, item_idx: np.ndarray) -> np.ndarray:
        """``[N, C]`` ``p_theta(y | x)``: the classifier's (clean-label) distribution."""
        check_is_fitted(self, "module_")
        rows, inverse = np.unique(np.asarray(item_idx, dtype=np.int64), return_inverse=True)
        logits = predict_batches(_Logits(self.module_), (torch.tensor(rows),),
                                 batch_size=self._batch)  # fmt: skip
        return torch.softmax(logits, dim=1).numpy()[inverse.reshape(-1)]

    @property
    def _batch(self) -> int:
        """Items per prediction pass (a fine-tuned transformer takes fewer at a time)."""
        return 256 if self.config.fine_tune else 4096

    def expertise_on(
        self, item_idx: np.ndarray, annotator_idx: np.ndarray, task_idx: np.ndarray | None = None
    ) -> np.ndarray:
        """``[N]`` expertise of each (item, annotator) pair (item-dependent with ``state_dim``)."""
        check_is_fitted(self, "module_")
        item = torch.tensor(np.asarray(item_idx, dtype=np.int64))
        annotator = torch.tensor(np.asarray(annotator_idx, dtype=np.int64))
        task = torch.zeros_like(item) if task_idx is None else torch.tensor(np.asarray(task_idx))
        return predict_batches(_Expertise(self.module_), (item, annotator, task),
                               batch_size=self._batch).numpy()  # fmt: skip


class _Logits(torch.nn.Module):
    """The classifier alone, for :func:`predict_batches`."""

    def __init__(self, net: RealmNet):
        super().__init__()
        self.net = net

    def forward(self, item: Tensor) -> Tensor:
        return self.net.logits(item)


class _Expertise(_Logits):
    """The expertise alone, for :func:`predict_batches`."""

    def forward(self, item: Tensor, annotator: Tensor, task: Tensor) -> Tensor:  # type: ignore[override]
        return self.net.expertise(item, annotator, task)


def _check(rows: Rows, n_classes: int, n_annotators: int, n_tasks: int) -> Rows:
    item, annotator, task, codes = (np.asarray(r, dtype=np.int64) for r in rows)
    if not len(item) == len(annotator) == len(task) == len(codes):
        raise ValueError("item, annotator, task and code arrays must have one entry per annotation")
    if n_classes < 2:
        raise ValueError(f"REALM needs at least 2 classes, got {n_classes}")
    for name, values, top in (("code", codes, n_classes), ("annotator", annotator, n_annotators),
                              ("task", task, n_tasks)):  # fmt: skip
        if len(values) and (values.min() < 0 or values.max() >= top):
            raise ValueError(f"{name} indices must lie in 0..{top - 1}")
    return item, annotator, task, codes


def _majority_rows(rows: Rows) -> Rows:
    """One row per item with its majority label (annotator and task of its first row)."""
    item, annotator, task, codes = rows
    majority = majority_labels(item, codes)
    _, first = np.unique(item, return_index=True)
    return item[first], annotator[first], task[first], majority.loc[item[first]].to_numpy()


def _tensors(rows: Rows) -> tuple[Tensor, ...]:
    return tuple(torch.tensor(np.asarray(r, dtype=np.int64)) for r in rows)
