"""The estimator base every per-annotator rating model subclasses (DEM-MoE and its baselines).

Every model sees the same split and the same features (dem-moe seed, section 5.1):
``fit(train, item_ids, item_emb, attributes, val)`` encodes the rows with a
:class:`~engines.moe.encoding.RatingEncoding` fitted on ``train``, builds the model's
``nn.Module`` and trains it with the one training loop (:func:`engines.core.fit_loop`) on
z-scored ratings; ``predict(rows)`` answers in the original rating scale.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, TypeVar

import numpy as np
import pandas as pd
import torch
from torch import Tensor, nn

from engines.core import (
    EpochCallback,
    Progress,
    TrainConfig,
    WithTrain,
    check_is_fitted,
    config_from_dict,
    epoch_reporter,
    fit_loop,
    predict_batches,
    seed_everything,
)
from engines.moe.encoding import RatingEncoding
from engines.moe.losses import weighted_mse

__all__ = ["RatingRegressor", "RegressorConfig", "unpack"]

_C = TypeVar("_C", bound="RegressorConfig")


@dataclass(frozen=True)
class RegressorConfig(WithTrain):
    """Settings shared by the rating models (each model's config adds its own)."""

    train: TrainConfig = field(
        default_factory=lambda: TrainConfig(max_epochs=40, batch_size=128, lr=1.5e-3)
    )
    """Optimisation settings of the training loop (epochs, batch size, learning rate, seed...)."""

    @classmethod
    def from_dict(cls: type[_C], data: Mapping[str, Any]) -> _C:
        """Rebuild the config from ``config.json``.

        Models saved before the training settings were nested stored them at the top level;
        they are moved into ``train``.
        """
        values = dict(data)
        flat = {f.name: values.pop(f.name) for f in fields(TrainConfig) if f.name in values}
        if flat:
            values["train"] = {**flat, **values.get("train", {})}
        return config_from_dict(values, cls)


def _epoch_hook(
    progress: Progress | None, what: str, on_epoch_end: EpochCallback | None = None
) -> EpochCallback | None:
    """The training loop's ``on_epoch_end``: report ``what: epoch`` and ask ``on_epoch_end``.

    Args:
        progress: Receives ``(epoch, max_epochs, "<what>: epoch, val loss ...")``.
        what: The model's name.
        on_epoch_end: An extra ``(epoch, metrics) -> stop?`` hook (the search's pruner).

    Returns:
        None when neither is given (the loop then skips the call).
    """
    report = epoch_reporter(progress, what)
    if report is None or on_epoch_end is None:
        return report or on_epoch_end

    def both(epoch: int, metrics: dict[str, float]) -> bool | None:
        report(epoch, metrics)
        return on_epoch_end(epoch, metrics)

    return both


def unpack(batch: tuple[Tensor, ...]) -> tuple[Tensor, Tensor, Tensor, Tensor, Tensor | None]:
    """``(item, annotator, demographics, y, weight or None)`` of a training batch."""
    item, ann, demo, y, *rest = batch
    return item, ann, demo, y, (rest[0] if rest else None)


class RatingRegressor:
    """Base estimator: predicts each annotator's rating of each item (original scale).

    Subclasses set ``name``, build their ``nn.Module`` in :meth:`build` (it receives the
    encoding, the item-embedding table and the training tensors) and, when the loss is not
    plain MSE on z-scores, override :meth:`loss`. The module's ``forward(item, annotator,
    demographics)`` returns z-scored predictions ``[B]``; predictions are
    ``clip(z * sd + mean, low, high)`` with the training ratings' mean, SD and range.

    Attributes:
        encoding_: The :class:`~engines.moe.encoding.RatingEncoding` fitted on the training rows.
        module_: The trained ``nn.Module`` (eval mode).
        history_: The training loop's :class:`~engines.core.History`.
        fit_seconds_: Wall-clock time of ``fit``.
    """

    name: ClassVar[str] = "model"
    uses_text: ClassVar[bool] = True

    def __init__(self, config: RegressorConfig | None = None):
        self.config = config or RegressorConfig()

    # -- to override ---------------------------------------------------------------------
    def build(self, enc: RatingEncoding, item_emb: Tensor, train: tuple[Tensor, ...]) -> nn.Module:
        """The untrained module."""
        raise NotImplementedError

    def loss(self, module: nn.Module, batch: tuple[Tensor, ...]) -> Tensor | dict[str, Tensor]:
        """Mean squared error on z-scored ratings (weighted when the rows carry weights)."""
        item, ann, demo, y, w = unpack(batch)
        return weighted_mse(module(item, ann, demo), y, w)

    def param_groups(self, module: nn.Module) -> list[dict]:
        """AdamW parameter groups (default: every trainable parameter, the config's rate)."""
        return [{"params": [p for p in module.parameters() if p.requires_grad]}]

    def before_epoch(self, epoch: int, module: nn.Module) -> None:
        """Hook run before every training epoch (phase switches, temperature annealing)."""

    # -- estimator API -------------------------------------------------------------------
    def fit(
        self,
        train: pd.DataFrame,
        item_ids: Sequence[str],
        item_emb: np.ndarray,
        attributes: Sequence[str] = (),
        val: pd.DataFrame | None = None,
        progress: Progress | None = None,
        *,
        on_epoch_end: EpochCallback | None = None,
        sample_weight: np.ndarray | None = None,
        pretrain: pd.DataFrame | None = None,
    ) -> RatingRegressor:
        """Train on ``train`` rows; early-stop on the MSE of ``val`` rows when given.

        ``sample_weight`` scales each training row's squared error; with ``pretrain`` the
        network first trains on those rows (early stopping on ``val`` too), then goes on from
        the weights it reached on ``train`` (the dem-moe seed's pretrain-then-finetune blend,
        section 7.1.2). The encoding then covers both sets of rows. Only models trained by the
        loop accept either.

        Args:
            train: ``item_id, annotator_id, label`` plus the ``attributes`` columns.
            item_ids: ids of the rows of ``item_emb`` (every item of train and val).
            item_emb: frozen item embeddings ``[n_items, d]``.
            attributes: demographic columns the model may use.
            val: development rows for early stopping (never used for fitting).
            progress: told ``(epoch, max_epochs, "<name>: epoch, val loss ...")``.
            on_epoch_end: the loop's ``(epoch, metrics) -> stop?`` hook (e.g. a pruner).
            sample_weight: one loss weight per ``train`` row (None: all 1).
            pretrain: rows trained on first (e.g. synthetic annotations).

        Returns:
            ``self``.

        Raises:
            ValueError: Weights or pretraining rows for a model without a training loop, or
                weights that are not one per training row.
        """
        t0 = time.perf_counter()
        extra = sample_weight is not None or pretrain is not None
        if extra and type(self)._train is not RatingRegressor._train:
            raise ValueError(
                f"{self.name} has no training loop: it takes no weights or pretraining."
            )
        seen = train if pretrain is None else pd.concat([pretrain, train], ignore_index=True)
        self.encoding_ = RatingEncoding.fit(seen, item_ids, attributes)
        self._blend = (sample_weight, pretrain)
        try:
            self._train(train, val, np.asarray(item_emb, np.float32), progress, on_epoch_end)
        finally:
            del self._blend
        self.fit_seconds_ = time.perf_counter() - t0
        return self

    def _train(
        self,
        train: pd.DataFrame,
        val: pd.DataFrame | None,
        item_emb: np.ndarray,
        progress: Progress | None,
        on_epoch_end: EpochCallback | None,
    ) -> None:
        """Fit the parameters once ``encoding_`` is set; sets ``module_`` and ``history_``.

        Models without a training loop (the mean and text-only baselines) override this.
        """
        cfg = self.config.train
        weight, pretrain = getattr(self, "_blend", (None, None))
        seed_everything(cfg.seed)
        table = torch.as_tensor(item_emb)
        tr = self.encoding_.tensors(train, weight=weight)
        self.module_ = self.build(self.encoding_, table, tr[:4])
        va = self.encoding_.tensors(val) if val is not None and len(val) else None
        stages = [(train, None)]
        if pretrain is not None:
            stages.insert(0, (pretrain, "pretraining"))
        for rows, stage in stages:
            name = f"{self.name} ({stage})" if stage else self.name
            self.history_ = fit_loop(
                self.module_,
                tr if rows is train else self.encoding_.tensors(rows),
                va,
                cfg,
                self.loss,
                param_groups=self.param_groups,
                on_epoch_end=_epoch_hook(progress, name, on_epoch_end),
                before_epoch=self.before_epoch,
            )
        self.module_.eval()

    def predict(self, rows: pd.DataFrame) -> np.ndarray:
        """Predicted ratings in the original scale, clipped to the training range.

        Raises:
            NotFittedError: Before :meth:`fit`.
        """
        check_is_fitted(self, "module_")
        enc = self.encoding_
        z = predict_batches(self.module_, enc.tensors(rows, with_y=False)).numpy()
        return np.clip(z.astype(float) * enc.sd + enc.mean, enc.low, enc.high)
