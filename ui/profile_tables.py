"""Tables the Value profiles page shows, derived from a trained decoder and its predictions."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.profiles import (
    compute_item_uncertainty,
    compute_jury,
    compute_prediction_shift,
    jury_correlation,
)
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE, AnnotationDataset
from engines.profiles import FittedProfiles

__all__ = [
    "cluster_makeup",
    "cluster_summary",
    "edit_shift",
    "item_uncertainty",
    "jury_table",
    "majority_label",
]


def edit_shift(
    fitted: FittedProfiles, before: np.ndarray, after: np.ndarray, classes: np.ndarray | None
) -> pd.DataFrame:
    """Per item: how the predicted distribution moved between two profiles (largest first)."""
    items = fitted.items
    return compute_prediction_shift(
        items[ITEM_ID].tolist(), items["text"].tolist(), before, after, classes
    )


def cluster_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per profile cluster: its profile text and how many raters it holds."""
    if not len(frame):
        return frame
    return frame.groupby(["cluster", "profile"]).size().rename("n_raters").reset_index()


def cluster_makeup(ds: AnnotationDataset, frame: pd.DataFrame, attribute: str) -> pd.DataFrame:
    """Raters per (cluster, value of ``attribute``)."""
    values = ds.annotators().set_index(ANNOTATOR_ID)[attribute]
    return pd.crosstab(frame["cluster"], frame[ANNOTATOR_ID].map(values))


def _observed(ds: AnnotationDataset) -> pd.DataFrame:
    return ds.df[[ITEM_ID, LABEL_CODE]]


def majority_label(ds: AnnotationDataset, fitted: FittedProfiles) -> pd.Series:
    """Each item's most frequent observed label (as the scale names it), in item order."""
    observed = _observed(ds)
    majority = observed.groupby(ITEM_ID)[LABEL_CODE].agg(lambda s: s.mode().iloc[0])
    codes = fitted.items[ITEM_ID].map(majority)
    return codes.map(lambda c: str(ds.scale.classes[int(c)])).rename("majority label")


def item_uncertainty(fitted: FittedProfiles, grid: np.ndarray) -> pd.DataFrame:
    """Total, aleatoric and value-epistemic uncertainty per item (seed appendix D.1)."""
    return compute_item_uncertainty(fitted.items[ITEM_ID].tolist(), fitted.prior_probs(), grid)


def jury_table(
    ds: AnnotationDataset, fitted: FittedProfiles, grid: np.ndarray
) -> tuple[pd.DataFrame, dict[str, Any], int]:
    """Predicted vs observed pairwise agreement per item, its correlation, the item minimum.

    Items need at least the median number of ratings per item (and at least 2).
    """
    observed = _observed(ds)
    min_ann = max(2, int(observed.groupby(ITEM_ID).size().median()))
    jury = compute_jury(fitted.items[ITEM_ID].tolist(), grid, observed, min_annotations=min_ann)
    corr = jury_correlation(jury) if len(jury) > 2 else {"r": float("nan")}
    return jury, corr, min_ann
