"""The untrained baselines of DEM-MoE and the registry of every rating model by short key.

- :class:`MeanPredictor`: the training mean rating for everyone (the seed's Table 2 baseline).
- :class:`MedianPredictor` and :class:`AnnotatorMedian`: the training median, overall and per
  annotator. MAE rewards medians (the median minimises absolute error), so a model must beat
  these constants before its MAE says anything about text or demographics.
- :class:`TextOnly`: ridge regression from the frozen item embedding to the rating; no
  annotator information (the seed's ModernBERT regressor, over frozen MiniLM embeddings).

The trained baselines (PMF, En + Ea, deep & cross) are in :mod:`engines.moe.neural_baselines`.
:func:`make_model` builds any of them, or DEM-MoE, by key (dem-moe seed, section 5.1).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from engines.core import EpochCallback, History, Progress, check_is_fitted
from engines.moe.encoding import ratings_of
from engines.moe.model import DemMoE, MoEConfig
from engines.moe.neural_baselines import PMF, AnnotatorEmbedding, DeepCross, HiddenConfig, PMFConfig
from engines.moe.regressor import RatingRegressor, RegressorConfig

__all__ = [
    "BASELINES",
    "AnnotatorMedian",
    "ConstantPredictor",
    "MeanPredictor",
    "MedianPredictor",
    "TextOnly",
    "make_model",
]


class ConstantPredictor(RatingRegressor):
    """A rating fitted on the training rows (:meth:`_constant`), predicted for every row.

    Attributes:
        constant_: The prediction.
        history_: An empty :class:`~engines.core.History` (nothing is trained).
        fit_seconds_: Wall-clock fitting time (next to nothing).
    """

    uses_text = False

    def _constant(self, train: pd.DataFrame) -> float:
        """The rating to predict, from the training rows."""
        raise NotImplementedError

    def _train(
        self,
        train: pd.DataFrame,
        val: pd.DataFrame | None,
        item_emb: np.ndarray,
        progress: Progress | None,
        on_epoch_end: EpochCallback | None,
    ) -> None:
        """Nothing to optimise: the prediction is :meth:`_constant` of the training rows."""
        self.constant_ = float(self._constant(train))
        self.history_ = History()

    def predict(self, rows: pd.DataFrame) -> np.ndarray:
        """The constant, once per row.

        Raises:
            NotFittedError: Before :meth:`fit`.
        """
        check_is_fitted(self, "constant_")
        return np.full(len(rows), self.constant_)


class MeanPredictor(ConstantPredictor):
    """Predicts the mean training rating for every annotator and item.

    ``y(a, i) = mean of the training ratings``. Seed: dem-moe paper, Table 2 (baseline).
    """

    name = "Mean predictor"

    def _constant(self, train: pd.DataFrame) -> float:
        return self.encoding_.mean


class MedianPredictor(ConstantPredictor):
    """Predicts the median training rating for every annotator and item."""

    name = "Median predictor"

    def _constant(self, train: pd.DataFrame) -> float:
        return float(np.median(ratings_of(train)))


class AnnotatorMedian(MedianPredictor):
    """Predicts each annotator's median training rating (the overall median for new ones).

    Attributes:
        constant_: The overall training median (for annotators without training ratings).
        medians_: Annotator id -> their median training rating.
    """

    name = "Annotator median"

    def _constant(self, train: pd.DataFrame) -> float:
        ratings = pd.Series(ratings_of(train), index=train["annotator_id"].astype(str).to_numpy())
        self.medians_ = ratings.groupby(level=0).median()
        return super()._constant(train)

    def predict(self, rows: pd.DataFrame) -> np.ndarray:
        """The annotator's training median (the overall median for unseen annotators).

        Raises:
            NotFittedError: Before :meth:`fit`.
        """
        check_is_fitted(self, "medians_")
        own = rows["annotator_id"].astype(str).map(self.medians_)
        return own.fillna(self.constant_).to_numpy(dtype=float)


class TextOnly(RatingRegressor):
    """Ridge regression from the item embedding to the rating (no annotator information).

    ``y(a, i) = w . e_text(i) + b`` for every annotator, with the ridge penalty chosen by
    5-fold cross-validation with folds grouped by item (an item's ratings are never split
    between fitting and scoring a penalty: leave-one-out would score a row against its own
    item's other ratings), clipped to the training range. Seed: dem-moe paper, section 5.1 (its
    text-only regressor, here over frozen embeddings).

    Attributes:
        encoding_: The training rows' encoding.
        item_emb_: The item-embedding table.
        ridge_: The fitted ``sklearn.linear_model.RidgeCV``.
        history_: An empty :class:`~engines.core.History` (no training loop).
        fit_seconds_: Wall-clock fitting time.
    """

    name = "Text only"

    def _train(
        self,
        train: pd.DataFrame,
        val: pd.DataFrame | None,
        item_emb: np.ndarray,
        progress: Progress | None,
        on_epoch_end: EpochCallback | None,
    ) -> None:
        """Fit ``RidgeCV`` (alpha chosen by item-grouped 5-fold CV) on the training rows."""
        from sklearn.linear_model import RidgeCV
        from sklearn.model_selection import GroupKFold

        self.item_emb_ = item_emb
        item = self.encoding_.tensors(train, with_y=False)[0].numpy()
        x, y = self.item_emb_[item], ratings_of(train)
        n_folds = min(5, len(np.unique(item)))
        folds = list(GroupKFold(n_folds).split(x, y, groups=item)) if n_folds >= 2 else None
        self.ridge_ = RidgeCV(alphas=np.logspace(-2, 3, 12), cv=folds).fit(x, y)
        self.history_ = History()

    def predict(self, rows: pd.DataFrame) -> np.ndarray:
        """Ridge predictions, clipped to the training range.

        Raises:
            NotFittedError: Before :meth:`fit`.
        """
        check_is_fitted(self, "ridge_")
        enc = self.encoding_
        item = enc.tensors(rows, with_y=False)[0].numpy()
        return np.clip(self.ridge_.predict(self.item_emb_[item]), enc.low, enc.high)


BASELINES: dict[str, type[RatingRegressor]] = {
    "mean": MeanPredictor,
    "median": MedianPredictor,
    "annotator_median": AnnotatorMedian,
    "text": TextOnly,
    "pmf": PMF,
    "annotator": AnnotatorEmbedding,
    "deepcross": DeepCross,
}
"""Short key -> baseline class (DEM-MoE's key is ``"moe"``)."""

_CONFIGS: dict[type[RatingRegressor], type[RegressorConfig]] = {
    PMF: PMFConfig,
    AnnotatorEmbedding: HiddenConfig,
    DeepCross: HiddenConfig,
}


def make_model(key: str, seed: int = 0, max_epochs: int | None = None) -> RatingRegressor:
    """A model by short key (``moe`` or a :data:`BASELINES` key) with a seed and epoch cap.

    Args:
        key: ``"moe"`` or a key of :data:`BASELINES`.
        seed: The training loop's seed (``config.train.seed``).
        max_epochs: Epoch cap of the training loop (None: the model's default).

    Raises:
        ValueError: On an unknown key.
    """
    if key == "moe":
        cls, cfg = DemMoE, MoEConfig()
    elif key in BASELINES:
        cls = BASELINES[key]
        cfg = _CONFIGS.get(cls, RegressorConfig)()
    else:
        raise ValueError(f"Unknown model {key!r}; choose from moe, {', '.join(BASELINES)}.")
    cfg = cfg.with_train(seed=seed, **({"max_epochs": max_epochs} if max_epochs else {}))
    return cls(cfg)  # type: ignore[call-arg]
