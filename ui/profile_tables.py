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
from engines.data.groups import natural_key
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE, AnnotationDataset, format_label
from engines.profiles import Evaluation, FittedProfiles, split_statements

__all__ = [
    "PROFILE_CLUSTER",
    "calibration_groupings",
    "decoder_group_calibration",
    "cluster_makeup",
    "cluster_summary",
    "edit_explanation",
    "edit_shift",
    "item_uncertainty",
    "jury_table",
    "MIN_HELD_OUT",
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


def majority_label(ds: AnnotationDataset, fitted: FittedProfiles) -> pd.Series:
    """Each item's most frequent observed label (as the scale names it), indexed by item id."""
    majority = ds.df.groupby(ITEM_ID)[LABEL_CODE].agg(lambda s: s.mode().iloc[0])
    codes = majority.reindex(fitted.items[ITEM_ID])
    return codes.map(lambda c: format_label(ds.scale.classes[int(c)])).rename("majority label")


MIN_HELD_OUT = 3
"""Held-out ratings an item needs for its uncertainty and jury agreement to be shown."""


def item_uncertainty(ev: Evaluation) -> pd.DataFrame | None:
    """Total, aleatoric and value-epistemic uncertainty per item on held-out raters.

    Seed appendix D.1; None when the comparison had no ``none`` or ``profile`` representation.
    """
    losses = ev.rating_losses
    if losses is None or not {"none", "profile"} <= set(losses["representation"]):
        return None
    return compute_item_uncertainty(losses, min_ratings=MIN_HELD_OUT)


def jury_table(ev: Evaluation) -> tuple[pd.DataFrame, dict[str, Any]] | None:
    """Predicted vs observed pairwise agreement per item on held-out raters, and their r.

    None without a jury (the comparison did not write profiles).
    """
    draw = ev.jury
    if draw is None:
        return None
    jury = compute_jury(
        draw.item_ids, draw.probs, draw.observed, min_annotations=MIN_HELD_OUT,
        excluded=draw.excluded,
    )  # fmt: skip
    corr = jury_correlation(jury) if len(jury) > 2 else {"r": float("nan")}
    return jury, corr


PROFILE_CLUSTER = "profile cluster"
"""The grouping by the comparison's profile clusters (next to the demographic columns)."""


def calibration_groupings(ds: AnnotationDataset, ev: Evaluation) -> list[str]:
    """What the decoder's calibration can be grouped by: demographics, profile clusters."""
    return [*ds.demographics, *([PROFILE_CLUSTER] if ev.assignments is not None else [])]


def decoder_group_calibration(
    ds: AnnotationDataset, ev: Evaluation, representation: str, by: str
) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Per-group calibration lines and decile points of the decoder's held-out predictions.

    The predictions are the first seed's held-out ratings; each rating's group is its rater's
    value of the demographic column ``by`` or the rater's profile cluster. None without them.
    """
    from analysis.mcstl import compute_distribution_calibration, label_tasks

    losses = ev.rating_losses
    if losses is None or representation not in ev.predictions:
        return None
    first = losses[(losses["seed"] == losses["seed"].iloc[0])
                   & (losses["representation"] == representation)]  # fmt: skip
    probs, y = ev.predictions[representation]
    if len(first) != len(y):
        return None
    raters = first[ANNOTATOR_ID].astype(str)
    if by == PROFILE_CLUSTER:
        if ev.assignments is None:
            return None
        groups = raters.map(ev.assignments.set_index(ANNOTATOR_ID)["cluster"].astype(str))
        groups = "cluster " + groups
    else:
        values = ds.annotators().set_index(ANNOTATOR_ID)[by].astype(str)
        groups = raters.map(values)
    names = sorted(groups.dropna().unique(), key=natural_key)
    membership = np.stack([(groups == g).to_numpy(float) for g in names], axis=1)
    items = first[ITEM_ID].astype(str).to_numpy() if ITEM_ID in first else None
    lines, points = compute_distribution_calibration(
        probs, y, membership, names, "value-profile decoder", items=items
    )
    return label_tasks(lines, ds.scale.classes), label_tasks(points, ds.scale.classes)
