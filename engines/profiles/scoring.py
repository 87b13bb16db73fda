"""What both value-profile decoders share: probabilities for rows and their held-out loss."""

from __future__ import annotations

import numpy as np
import pandas as pd

from engines.core import check_is_fitted
from engines.data.schema import LABEL_CODE

__all__ = ["RowScoring"]


class RowScoring:
    """Mixin for decoders with ``predict_rows(rows) -> [n_rows, C]`` probabilities."""

    def predict_rows(self, rows: pd.DataFrame) -> np.ndarray:
        """Class probabilities [n_rows, C] for (item, rater) rows (each decoder defines it)."""
        raise NotImplementedError

    def predict_proba(self, rows: pd.DataFrame) -> np.ndarray:
        """Class probabilities [n_rows, C] for (item, rater) rows (scikit-learn's name)."""
        check_is_fitted(self, "module_")
        return self.predict_rows(rows)

    def loss(self, rows: pd.DataFrame) -> float:
        """Mean held-out cross-entropy in nats (the V-entropy estimate of Algorithm 1)."""
        probs = self.predict_rows(rows)
        p = probs[np.arange(len(rows)), rows[LABEL_CODE].to_numpy()]
        return float(-np.log(np.clip(p, 1e-12, None)).mean())
