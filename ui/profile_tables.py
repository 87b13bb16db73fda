"""Tables the Value profiles page shows, derived from a trained decoder and its predictions."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.profiles import (
    attribute_moves,
    compute_item_uncertainty,
    compute_jury,
    compute_prediction_shift,
    compute_statement_effects,
    compute_theme_examples,
    jury_correlation,
)
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE, AnnotationDataset
from engines.profiles import FittedProfiles, split_statements

__all__ = [
    "cluster_makeup",
    "cluster_summary",
    "edit_explanation",
    "edit_shift",
    "item_uncertainty",
    "jury_table",
    "majority_label",
    "theme_table",
]


def edit_shift(
    fitted: FittedProfiles, before: np.ndarray, after: np.ndarray, classes: np.ndarray | None
) -> pd.DataFrame:
    """Per item: how the predicted distribution moved between two profiles (largest first)."""
    items = fitted.items
    return compute_prediction_shift(
        items[ITEM_ID].tolist(), items["text"].tolist(), before, after, classes
    )


def edit_explanation(
    fitted: FittedProfiles, original: str, text: str, shift: pd.DataFrame
) -> tuple[pd.DataFrame | None, pd.DataFrame]:
    """Each statement's reach and direction, and ``shift`` with the statement that moved it.

    The statement decoder reads every statement one by one, the edit reader the typed edits;
    without either the statement table is None and ``shift`` comes back unchanged.
    """
    read = fitted.effects(text) if text.strip() else None
    if read is None or not read[0]:  # nothing read one by one (e.g. no edit typed yet)
        return None, shift
    statements, relevance, effect = read
    table = compute_statement_effects(statements, relevance, effect, split_statements(original))
    return table, attribute_moves(shift, fitted.items[ITEM_ID].tolist(), table, effect)


def theme_table(fitted: FittedProfiles) -> pd.DataFrame | None:
    """The item themes of the written profiles with example items (None without themes)."""
    if fitted.themes is None:
        return None
    texts = fitted.items.set_index(ITEM_ID)["text"]
    return compute_theme_examples(fitted.themes, texts)


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
