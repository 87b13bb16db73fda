"""The dataset statistics table of the Overview page (dem-moe seed, Table 3)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.dataset.agreement_bootstrap import bootstrap_alpha_ci, compute_agreement_table
from analysis.dataset.demographics import (
    DEFAULT_MIN_GROUP_SIZE,
    compute_composition,
    count_combinations,
)
from analysis.dataset.disagreement import (
    compute_annotation_counts,
    compute_item_disagreement,
    compute_label_distribution,
    most_disputed_items,
)
from analysis.dataset.signal import compute_demographic_signal
from engines.data.schema import ANNOTATOR_ID, IS_SYNTHETIC, ITEM_ID, AnnotationDataset, LabelScale

__all__ = ["STAT_HELP", "build_overview_tables", "compute_dataset_stats", "headline_level"]

#: One-line explanations shown next to every statistic.
STAT_HELP: dict[str, str] = {
    "items": "Distinct items (instances) that were annotated.",
    "annotators": "Distinct annotators.",
    "annotations": "Annotation rows: one label by one annotator for one item.",
    "demographic_combinations": "Distinct combinations of the annotators' demographic values.",
    "avg_annotators_per_item": "Mean number of labels per item.",
    "alpha": "Krippendorff's alpha: 1 = perfect agreement, 0 = agreement expected by chance, "
    "below 0 = systematic disagreement.",
    "mean_entropy": "Mean Shannon entropy of each item's label distribution, in bits "
    "(log base 2, as in the dem-moe paper); 0 when everyone agrees.",
    "mean_sd": "Mean standard deviation of the ratings each item received (numeric labels).",
}


def headline_level(scale: LabelScale) -> str:
    """The alpha metric that fits the scale: nominal for binary/nominal, interval for ordinal.

    The dem-moe seed reports one IAA per dataset for 1-5 ratings; the interval metric treats
    rating differences as distances, which is what the MAE-based models downstream assume.
    """
    return "interval" if scale.kind == "ordinal" else "nominal"


def compute_dataset_stats(
    df: pd.DataFrame,
    scale: LabelScale,
    demographics: Sequence[str] = (),
    n_boot: int = 200,
    seed: int = 0,
) -> pd.DataFrame:
    """One-row table like the dem-moe seed's Table 3.

    Returns:
        Columns ``items, annotators, annotations, demographic_combinations,
        avg_annotators_per_item, alpha_level, alpha, alpha_ci_low, alpha_ci_high,
        mean_entropy`` (nats), ``mean_entropy_bits`` (the seed's unit), ``mean_sd``.
    """
    level = headline_level(scale)
    values = list(scale.classes) if scale.kind != "nominal" else None
    alpha, lo, hi = bootstrap_alpha_ci(df, level=level, n_boot=n_boot, seed=seed, values=values)
    items = compute_item_disagreement(df, numeric=scale.is_numeric, classes=list(scale.classes))
    per_item = df.groupby(ITEM_ID)[ANNOTATOR_ID].size()
    return pd.DataFrame(
        [
            {
                "items": int(df[ITEM_ID].nunique()),
                "annotators": int(df[ANNOTATOR_ID].nunique()),
                "annotations": int(len(df)),
                "demographic_combinations": count_combinations(df, demographics),
                "avg_annotators_per_item": float(per_item.mean()),
                "alpha_level": level,
                "alpha": alpha,
                "alpha_ci_low": lo,
                "alpha_ci_high": hi,
                "mean_entropy": float(items["entropy"].mean()),
                "mean_entropy_bits": float(items["entropy"].mean() / np.log(2)),
                "mean_sd": float(np.nanmean(items["sd"])) if scale.is_numeric else np.nan,
            }
        ]
    )


def build_overview_tables(
    ds: AnnotationDataset,
    human_only: bool = True,
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE,
    n_boot: int = 200,
    n_disputed: int = 25,
) -> dict[str, pd.DataFrame]:
    """Every table of the Overview page.

    Args:
        ds: the dataset.
        human_only: drop rows with ``is_synthetic == 1`` first (when that column exists).
        min_group_size: groups with fewer annotators are merged into ``other``.
        n_boot: bootstrap replicates for the alpha and signal intervals.
        n_disputed: how many most-disputed items to list.

    Returns:
        ``stats`` (one row), ``alpha`` (one row per alpha level), ``labels``, ``per_item``,
        ``per_annotator``, ``composition``, ``signal``, ``signal_levels``, ``disputed``.
    """
    df = ds.df
    if human_only and IS_SYNTHETIC in df.columns:
        df = df[df[IS_SYNTHETIC] == 0]
    scale = ds.scale
    values = list(scale.classes) if scale.is_numeric else None
    levels = ("nominal", "ordinal", "interval") if scale.is_numeric else ("nominal",)
    items = compute_item_disagreement(df, numeric=scale.is_numeric, classes=list(scale.classes))
    out = {
        "stats": compute_dataset_stats(df, scale, ds.demographics, n_boot=n_boot),
        "alpha": compute_agreement_table(df, levels=levels, n_boot=n_boot, values=values),
        "labels": compute_label_distribution(df, classes=list(scale.classes)),
        "per_item": compute_annotation_counts(df, by=ITEM_ID),
        "per_annotator": compute_annotation_counts(df, by=ANNOTATOR_ID),
        "composition": compute_composition(df, ds.demographics, min_group_size),
        "disputed": most_disputed_items(
            items, by="sd" if scale.is_numeric else "entropy", n=n_disputed
        ),
    }
    if scale.is_numeric and ds.demographics:
        signal, per_level = compute_demographic_signal(
            df, ds.demographics, min_group_size, n_perm=200, n_boot=min(n_boot, 200)
        )
    else:
        signal, per_level = compute_demographic_signal(df, (), min_group_size)
    out["signal"], out["signal_levels"] = signal, per_level
    return out
