"""Turn a raw table plus a column mapping into a validated :class:`AnnotationDataset`.

Every problem becomes an :class:`~engines.data.schema.Issue` with a specific sentence naming the
column and the (1-based, header = line 1) CSV lines involved. Rows are dropped only when the
caller allows it, and every drop is counted in the returned issues: nothing is lost silently.
The steps live beside this module: :mod:`engines.data.cleaning` (columns, values,
duplicates), :mod:`engines.data.labels` (labels) and :mod:`engines.data.splits` (item-level splits).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from engines.data.cleaning import (
    DuplicatePolicy,
    clean_optional,
    clean_required,
    handle_duplicates,
    mapped_columns,
    select_columns,
)
from engines.data.demographics import clean_demographics
from engines.data.gold import code_gold
from engines.data.issues import ROW, IssueCollector
from engines.data.item_attributes import clean_item_attributes
from engines.data.labels import LabelKind, OutlierPolicy, clean_labels
from engines.data.mapping import infer_mapping
from engines.data.schema import (
    ANNOTATOR_ID,
    ITEM_ID,
    LABEL,
    LABEL_CODE,
    AnnotationDataset,
    ColumnMapping,
    LabelScale,
)
from engines.data.splits import SplitPolicy, assign_splits
from engines.data.textcheck import check_texts

__all__ = ["LoadOptions", "build_dataset"]


@dataclass(frozen=True)
class LoadOptions:
    """How to treat imperfect input."""

    duplicates: DuplicatePolicy = "keep"
    """Several labels by one annotator for one item: ``keep`` them all, ``average`` them (mean
    snapped to the nearest class; the mode for nominal labels) or ``reject`` the file."""

    drop_invalid_rows: bool = True
    """Drop rows with missing or out-of-scale values (counted and reported) instead of
    rejecting the file."""

    max_text_chars: int = 5000
    """Texts longer than this are truncated (counted and reported)."""

    split_seed: int = 0
    """Seed of the item-level train/dev/test split made when the file has none."""

    numeric_bins: int = 5
    """Numeric demographics with more than 8 values (age in years) are grouped into this many
    bins of about equal numbers of annotators; 0 keeps them as they are."""

    splits: SplitPolicy = "auto"
    """The file's ``split`` column: ``auto`` (kept when usable and with a train split),
    ``use`` (kept whenever readable) or ``make`` (new item-level splits)."""

    min_annotators: int = 2
    """Fewest distinct annotators a dataset may have."""

    label_kind: LabelKind = "auto"
    """Read labels as ``numeric`` (cells that are no number are dropped and counted) or
    ``nominal``; ``auto``: numeric when 90% of the cells are numbers (a declared scale wins)."""

    label_outliers: OutlierPolicy = "drop"
    """Without a declared scale: ``drop`` (counted and reported) or ``keep`` label values that
    look like missing-value codes or sit far outside the others (a 99 among ratings 1-5)."""


def build_dataset(
    raw: pd.DataFrame,
    mapping: ColumnMapping | None = None,
    scale: LabelScale | None = None,
    options: LoadOptions | None = None,
    name: str = "dataset",
) -> AnnotationDataset:
    """Validate ``raw`` and return the canonical dataset.

    Args:
        raw: the table as read from the file (one row per annotation).
        mapping: column roles; inferred with :func:`engines.data.mapping.infer_mapping` when None.
        scale: the declared label scale; inferred from the labels when None.
        options: how to treat imperfect input.
        name: display name.

    Returns:
        The dataset; ``dataset.issues`` lists every warning and what was done.

    Raises:
        DataValidationError: with one specific message per problem that stops loading.
    """
    opts = options or LoadOptions()
    col = IssueCollector(opts.drop_invalid_rows)
    if raw is None or raw.shape[0] == 0 or raw.shape[1] == 0:
        col.add("error", "The file has no data rows.")
        col.raise_if_errors()
    mapping = mapping or infer_mapping(raw)
    df = select_columns(raw, mapping, col)
    col.raise_if_errors()
    df = clean_required(df, col)
    df, scale = clean_labels(df, scale, col, opts.label_kind, opts.label_outliers)
    col.raise_if_errors()
    df = clean_optional(df, opts.max_text_chars, col)
    df = clean_demographics(df, mapping, col, opts.numeric_bins)
    df = clean_item_attributes(df, mapping, col)
    df = handle_duplicates(df, scale, opts.duplicates, col)
    col.raise_if_errors()
    df = assign_splits(df, opts.split_seed, col, opts.splits)
    check_texts(df, col)
    _check_variety(df, opts, col)
    col.raise_if_errors()

    index = {c: i for i, c in enumerate(scale.classes)}
    df[LABEL_CODE] = df[LABEL].map(index).astype("int64")
    df = code_gold(df, scale, col)
    ignored = [c for c in raw.columns if c not in mapped_columns(mapping)]
    if ignored:
        col.add("info", f"Columns not used: {', '.join(map(str, ignored))}.")
    df = df.drop(columns=[ROW]).reset_index(drop=True)
    return AnnotationDataset(
        df=df,
        scale=scale,
        demographics=tuple(mapping.demographics),
        item_attributes=tuple(mapping.item_attributes),
        name=name,
        issues=col.issues,
        n_rows_in=int(raw.shape[0]),
    )


def _check_variety(df: pd.DataFrame, opts: LoadOptions, col: IssueCollector) -> None:
    """Enough annotators and classes to disagree about; note single-annotator items."""
    if df.empty:
        col.add("error", "No valid rows are left after cleaning.")
        return
    n_ann = df[ANNOTATOR_ID].nunique()
    if n_ann < opts.min_annotators:
        col.add(
            "error",
            f"Only {n_ann} annotator(s) ({', '.join(df[ANNOTATOR_ID].unique()[:3])}); "
            f"disagreement analysis needs at least {opts.min_annotators}.",
        )
    n_cls = df[LABEL].nunique()
    if n_cls < 2:
        col.add(
            "error",
            f"Every label is '{df[LABEL].iloc[0]}'; there is nothing to disagree about "
            "(a single class).",
        )
    per_item = df.groupby(ITEM_ID)[ANNOTATOR_ID].nunique()
    single = int((per_item < 2).sum())
    if single:
        col.add(
            "info",
            f"{single} of {len(per_item)} item(s) have a single annotator; they add no "
            "agreement information.",
        )
