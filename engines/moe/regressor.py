"""Per-annotator rating regression: the encoding and estimator base shared by DEM-MoE and baselines.

Every model sees the same split and the same features (dem-moe seed, section 5.1).

:class:`RatingEncoding` turns annotation rows into index tensors, fitted on the training split
only: items -> rows of the frozen item-embedding table, annotators -> 1..n (0 is the shared
*default* index that every annotator unseen in training maps to), each demographic attribute's
values -> 1..m (0 = a value unseen in training), ratings -> z-scores with the training mean and
SD. :class:`RatingRegressor` is the scikit-learn-style estimator that every rating model
subclasses: ``fit(train, item_ids, item_emb, attributes, val)`` / ``predict(rows)`` in the
original rating scale, through the one training loop (:func:`engines.core.loop.fit_loop`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd
import torch
from torch import Tensor, nn

from engines.core import History, TrainConfig, fit_loop, predict_batches, seed_everything
from engines.data.groups import MISSING
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL

EpochCallback = Callable[[int, dict[str, float]], bool | None]

__all__ = [
    "RatingEncoding",
    "RatingRegressor",
    "RegressorConfig",
    "ratings_of",
]


def ratings_of(rows: pd.DataFrame) -> np.ndarray:
    """The numeric ratings of ``rows`` (``label``), as float64.

    Raises:
        ValueError: When the labels are not numbers (rating regression needs a numeric scale).
    """
    y = pd.to_numeric(rows[LABEL], errors="coerce").to_numpy(dtype=float)
    if np.isnan(y).any():
        bad = rows.loc[np.isnan(y), LABEL].iloc[0]
        raise ValueError(
            f"Rating models need numeric labels; found {bad!r}. Use an ordinal or binary scale."
        )
    return y


def _values(rows: pd.DataFrame, column: str) -> pd.Series:
    """Demographic values as strings with missing values as one explicit category."""
    col = rows[column]
    return col.astype(object).where(col.notna(), MISSING).astype(str)


@dataclass
class RatingEncoding:
    """Index maps and rating standardisation fitted on the training rows only."""

    item_index: dict[str, int]
    annotator_index: dict[str, int]
    """Training annotators -> 1..n; everyone else -> 0 (the shared default embedding)."""
    attributes: tuple[str, ...]
    value_index: list[dict[str, int]]
    """Per attribute: training values -> 1..m; unseen values -> 0."""
    mean: float
    sd: float
    low: float
    high: float
    """Smallest and largest training rating (predictions are clipped to this range)."""

    @classmethod
    def fit(
        cls, train: pd.DataFrame, item_ids: Sequence[str], attributes: Sequence[str]
    ) -> RatingEncoding:
        """Learn the maps from the training rows (``item_id, annotator_id, label`` + attributes).

        Raises:
            KeyError: When an attribute column is missing.
            ValueError: On an empty training set or non-numeric labels.
        """
        if train.empty:
            raise ValueError("The training split has no annotations.")
        missing = [a for a in attributes if a not in train.columns]
        if missing:
            raise KeyError(f"Demographic columns not in the data: {missing}.")
        y = ratings_of(train)
        sd = float(y.std())
        annotators = sorted(train[ANNOTATOR_ID].astype(str).unique())
        return cls(
            item_index={str(i): k for k, i in enumerate(item_ids)},
            annotator_index={a: k + 1 for k, a in enumerate(annotators)},
            attributes=tuple(attributes),
            value_index=[
                {v: k + 1 for k, v in enumerate(sorted(_values(train, a).unique()))}
                for a in attributes
            ],
            mean=float(y.mean()),
            sd=sd if sd > 0 else 1.0,
            low=float(y.min()),
            high=float(y.max()),
        )

    @property
    def n_annotators(self) -> int:
        """Rows of an annotator table, the default row 0 included."""
        return len(self.annotator_index) + 1

    @property
    def n_values(self) -> list[int]:
        """Rows of each attribute's value table, the unseen row 0 included."""
        return [len(v) + 1 for v in self.value_index]

    def seen(self, rows: pd.DataFrame) -> np.ndarray:
        """Whether each row's annotator has ratings in the training split."""
        return rows[ANNOTATOR_ID].astype(str).isin(self.annotator_index).to_numpy()

    def tensors(self, rows: pd.DataFrame, with_y: bool = True) -> tuple[Tensor, ...]:
        """``(item, annotator, demographics [n, A], y_z)`` (``y_z`` only when ``with_y``).

        Raises:
            KeyError: When a row's item has no embedding.
        """
        items = rows[ITEM_ID].astype(str).map(self.item_index)
        if items.isna().any():
            raise KeyError(f"Item {rows.loc[items.isna(), ITEM_ID].iloc[0]!r} has no embedding.")
        item = torch.tensor(items.to_numpy(dtype=np.int64))
        ann = rows[ANNOTATOR_ID].astype(str).map(self.annotator_index).fillna(0)
        demo = np.zeros((len(rows), len(self.attributes)), dtype=np.int64)
        for j, (a, index) in enumerate(zip(self.attributes, self.value_index, strict=True)):
            demo[:, j] = _values(rows, a).map(index).fillna(0).to_numpy(dtype=np.int64)
        out = (item, torch.tensor(ann.to_numpy(dtype=np.int64)), torch.from_numpy(demo))
        if not with_y:
            return out
        y = (ratings_of(rows) - self.mean) / self.sd
        return (*out, torch.as_tensor(y, dtype=torch.float32))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (for saving a fitted model)."""
        return {
            "item_index": self.item_index,
            "annotator_index": self.annotator_index,
            "attributes": list(self.attributes),
            "value_index": self.value_index,
            "mean": self.mean,
            "sd": self.sd,
            "low": self.low,
            "high": self.high,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RatingEncoding:
        """Inverse of :meth:`to_dict`."""
        return cls(
            {str(k): int(v) for k, v in d["item_index"].items()},
            {str(k): int(v) for k, v in d["annotator_index"].items()},
            tuple(d["attributes"]),
            [{str(k): int(v) for k, v in m.items()} for m in d["value_index"]],
            float(d["mean"]),
            float(d["sd"]),
            float(d["low"]),
            float(d["high"]),
        )


@dataclass(frozen=True)
class RegressorConfig:
    """Optimisation settings shared by the rating models (each model adds its own)."""

    max_epochs: int = 40
    batch_size: int = 128
    lr: float = 1.5e-3
    weight_decay: float = 0.0
    patience: int = 5
    grad_clip: float | None = 1.0
    seed: int = 0
    device: str = "auto"

    def train_config(self) -> TrainConfig:
        """The shared training-loop settings."""
        return TrainConfig.from_settings(self)


@dataclass
class _Fitted:
    encoding: RatingEncoding
    module: nn.Module
    history: History
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


class RatingRegressor:
    """Base estimator: predicts each annotator's rating of each item (original scale).

    Subclasses set ``name``, build their ``nn.Module`` in :meth:`build` (it receives the
    encoding, the item-embedding table and the training tensors) and, when the loss is not
    plain MSE on z-scores, override :meth:`loss`. The module's ``forward(item, annotator,
    demographics)`` returns z-scored predictions ``[B]``.
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
        """Mean squared error on z-scored ratings."""
        item, ann, demo, y = batch
        return torch.nn.functional.mse_loss(module(item, ann, demo), y)

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
        on_epoch_end: EpochCallback | None = None,
    ) -> RatingRegressor:
        """Train on ``train`` rows; early-stop on the MSE of ``val`` rows when given.

        Args:
            train: ``item_id, annotator_id, label`` plus the ``attributes`` columns.
            item_ids: ids of the rows of ``item_emb`` (every item of train and val).
            item_emb: frozen item embeddings ``[n_items, d]``.
            attributes: demographic columns the model may use.
            val: development rows for early stopping (never used for fitting).
            on_epoch_end: progress callback of the training loop.
        """
        import time

        t0 = time.perf_counter()
        cfg = self.config
        seed_everything(cfg.seed)
        self.encoding_ = RatingEncoding.fit(train, item_ids, attributes)
        table = torch.as_tensor(np.asarray(item_emb, np.float32))
        tr = self.encoding_.tensors(train)
        self.module_ = self.build(self.encoding_, table, tr)
        va = self.encoding_.tensors(val) if val is not None and len(val) else None
        self.history_ = fit_loop(
            self.module_,
            tr,
            va,
            cfg.train_config(),
            self.loss,
            param_groups=self.param_groups,
            on_epoch_end=on_epoch_end,
            before_epoch=self.before_epoch,
        )
        self.module_.eval()
        self.fit_seconds_ = time.perf_counter() - t0
        return self

    def predict(self, rows: pd.DataFrame) -> np.ndarray:
        """Predicted ratings in the original scale, clipped to the training range."""
        enc = self.encoding_
        z = predict_batches(self.module_, enc.tensors(rows, with_y=False)).numpy()
        return np.clip(z.astype(float) * enc.sd + enc.mean, enc.low, enc.high)
