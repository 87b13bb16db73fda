"""How annotation rows become model inputs for the rating models (dem-moe seed, section 5.1).

:class:`RatingEncoding` turns annotation rows into index tensors, fitted on the training split
only: items -> rows of the frozen item-embedding table, annotators -> 1..n (0 is the shared
*default* index that every annotator unseen in training maps to), each demographic attribute's
values -> 1..m (0 = a value unseen in training), ratings -> z-scores with the training mean and
SD. Every rating model (DEM-MoE and its baselines) sees the same encoding of the same split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import torch
from torch import Tensor

from engines.data.groups import MISSING
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL

__all__ = ["RatingEncoding", "ratings_of"]


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

    def tensors(
        self, rows: pd.DataFrame, with_y: bool = True, weight: np.ndarray | None = None
    ) -> tuple[Tensor, ...]:
        """``(item, annotator, demographics [n, A], y_z[, w])`` of ``rows``.

        ``y_z`` comes only when ``with_y``; ``w``, one loss weight per row, only when
        ``weight`` is given.

        Raises:
            KeyError: When a row's item has no embedding.
            ValueError: When ``weight`` does not have one value per row.
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
        out = (*out, torch.as_tensor(y, dtype=torch.float32))
        if weight is None:
            return out
        weight = np.asarray(weight, dtype=np.float32)
        if weight.shape != (len(rows),):
            raise ValueError(f"{weight.shape[0]} weights for {len(rows)} rows")
        return (*out, torch.from_numpy(weight.copy()))

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
