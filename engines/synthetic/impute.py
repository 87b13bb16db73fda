"""The offline generator: synthetic ratings imputed by a demographics-conditioned model.

A DEM-MoE is trained on the real training annotations (with the demographics, as on the
Demographic experts page) and asked what each planned persona would rate each item: the
persona's demographics (and, for a cluster-strategy persona, the real annotator it copies;
random personas get the model's default annotator). Its predictive distribution is a normal
around that prediction whose SD is the model's residual SD on the dev annotations; a draw is
rounded to the nearest class of the scale. ``temperature`` scales that SD: 0 gives every persona
of a demographic combination the model's mean opinion (maximal homogenisation), 1 the spread
the model leaves unexplained on real raters.

It needs no network and no LLM, but it can only echo the demographic patterns the real data
already hold: it adds no perspective the real annotators did not show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from engines.core import Progress, check_is_fitted
from engines.data.schema import ANNOTATOR_ID, LABEL
from engines.moe import DemMoE, MoEConfig
from engines.moe.encoding import ratings_of
from engines.synthetic.personas import SOURCE

__all__ = ["ImputationConfig", "Imputer", "nearest_class"]


@dataclass(frozen=True)
class ImputationConfig:
    """Settings of the offline generator."""

    temperature: float = 1.0
    """Multiplies the residual SD of the predictive distribution (0: the mean prediction)."""
    model: MoEConfig = field(default_factory=lambda: MoEConfig().with_train(max_epochs=30))
    """The DEM-MoE that imputes."""


def nearest_class(values: np.ndarray, classes: Sequence[float]) -> np.ndarray:
    """Each value replaced by the nearest of the (numeric, sorted) ``classes``."""
    grid = np.sort(np.asarray(classes, dtype=float))
    idx = np.abs(np.asarray(values, dtype=float)[:, None] - grid[None]).argmin(1)
    return grid[idx]


class Imputer:
    """Impute synthetic ratings with a DEM-MoE trained on real annotations.

    Attributes:
        model_: The fitted :class:`~engines.moe.DemMoE`.
        residual_sd_: SD of the dev residuals (the training residuals without dev rows).
        classes_: The rating classes draws are rounded to.
    """

    def __init__(self, config: ImputationConfig | None = None):
        self.config = config or ImputationConfig()

    def fit(
        self,
        train: pd.DataFrame,
        item_ids: Sequence[str],
        item_emb: np.ndarray,
        attributes: Sequence[str],
        classes: Sequence[float],
        dev: pd.DataFrame | None = None,
        progress: Progress | None = None,
    ) -> Imputer:
        """Train the imputing model on real rows; measure its residual SD on ``dev``."""
        self.model_ = DemMoE(self.config.model).fit(
            train, item_ids, item_emb, attributes, dev, progress
        )
        held = dev if dev is not None and len(dev) else train
        self.residual_sd_ = float(np.std(ratings_of(held) - self.model_.predict(held)))
        self.classes_ = tuple(float(c) for c in classes)
        return self

    def predict_mean(self, plan: pd.DataFrame) -> np.ndarray:
        """The model's rating for every planned (item, persona) row."""
        check_is_fitted(self, "model_")
        rows = plan.copy()
        source = rows[SOURCE].astype(str) if SOURCE in rows else pd.Series("", index=rows.index)
        rows[ANNOTATOR_ID] = source.where(source != "", "\x00unseen")  # the default annotator
        return self.model_.predict(rows)

    def generate(self, plan: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
        """``plan`` with a ``label`` drawn for every row.

        Raises:
            NotFittedError: Before :meth:`fit`.
        """
        mean = self.predict_mean(plan)
        rng = np.random.default_rng(seed)
        draw = mean + self.config.temperature * self.residual_sd_ * rng.standard_normal(len(mean))
        return plan.assign(**{LABEL: nearest_class(draw, self.classes_)})
