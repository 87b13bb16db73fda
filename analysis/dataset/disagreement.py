"""Per-item disagreement statistics and simple annotation counts (pure pandas/numpy).

Conventions used throughout:

* Rows whose label is missing are ignored (they are not annotations).
* The standard deviation is the *sample* SD (``ddof=1``); it is NaN for items with fewer than
  two numeric labels.
* Entropy is the Shannon entropy, in nats, of the item's empirical label distribution.
* The class order is ``classes`` when given, otherwise the sorted distinct observed labels; the
  majority-vote tie rule picks the first tied class in that order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = [
    "DISPUTE_COLUMNS",
    "ITEM_COLUMNS",
    "compute_annotation_counts",
    "compute_item_disagreement",
    "compute_label_distribution",
    "most_disputed_items",
]

ITEM_COLUMNS = [
    "n_annotations",
    "mean",
    "sd",
    "entropy",
    "majority",
    "majority_share",
    "normalised_entropy",
]
DISPUTE_COLUMNS = ("entropy", "sd", "normalised_entropy")


def _require(df: pd.DataFrame, *cols: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not found; available: {list(df.columns)}")


def _class_order(labels: pd.Series, classes: Sequence[Any] | None) -> list[Any]:
    """The class order: ``classes`` (validated against the labels) or the sorted observed labels.

    Raises:
        ValueError: When ``classes`` has duplicates or a label is not among ``classes``.
    """
    if classes is None:
        uniques = pd.unique(labels)
        try:
            return sorted(uniques.tolist())
        except TypeError:  # mixed, unorderable types: order by their string form
            return sorted(uniques.tolist(), key=str)
    order = list(classes)
    if len(set(order)) != len(order):
        raise ValueError("`classes` contains duplicates")
    unknown = pd.Index(order).get_indexer(labels) < 0
    if unknown.any():
        bad = sorted({str(v) for v in labels[unknown]})[:10]
        raise ValueError(f"labels not among `classes`: {bad}")
    return order


def _valid(df: pd.DataFrame, label_col: str) -> pd.DataFrame:
    return df[df[label_col].notna()]


def compute_item_disagreement(
    df: pd.DataFrame,
    item_col: str = "item_id",
    label_col: str = "label",
    text_col: str | None = "text",
    numeric: bool = True,
    classes: Sequence[Any] | None = None,
) -> pd.DataFrame:
    """One row of disagreement statistics per item.

    Args:
        df: Long table with one row per annotation.
        item_col: Column identifying the item.
        label_col: Column holding the label; rows with a missing label are ignored.
        text_col: Column holding the item text (first value per item is kept). When ``None`` or
            absent from ``df`` the output ``text`` column is all missing.
        numeric: Whether the labels are numeric; if False, ``mean`` and ``sd`` are NaN.
        classes: Optional ordered label set. Fixes the majority tie order and the normaliser of
            ``normalised_entropy``; defaults to the sorted distinct labels observed in ``df``.

    Returns:
        A frame sorted by item with columns ``item_col, text, n_annotations, mean, sd, entropy,
        majority, majority_share, normalised_entropy``: ``sd`` is the sample SD (``ddof=1``,
        NaN with fewer than two labels); ``entropy`` is in nats; ``majority`` is the most
        frequent label, ties going to the class that comes first in the class order;
        ``normalised_entropy`` is ``entropy / log(n_classes)`` (NaN when fewer than two classes).

    Raises:
        KeyError: When the item or label column is missing.
        ValueError: When ``numeric`` is True but a label is not a number, or a label is not among
            ``classes``.
    """
    _require(df, item_col, label_col)
    data = _valid(df, label_col)
    data = data[data[item_col].notna()]
    labels = data[label_col]
    order = _class_order(labels, classes)

    # (items x classes) count matrix, columns in class order.
    item_codes, items = pd.factorize(data[item_col], sort=True)
    class_codes = pd.Index(order).get_indexer(labels)
    n_items, n_classes = len(items), len(order)
    counts = np.bincount(
        item_codes * n_classes + class_codes, minlength=n_items * n_classes
    ).reshape(n_items, n_classes)
    n_ann = counts.sum(axis=1)

    with np.errstate(divide="ignore", invalid="ignore"):
        p = counts / n_ann[:, None]
        plogp = np.where(counts > 0, p * np.log(np.where(counts > 0, p, 1.0)), 0.0)
    entropy = -plogp.sum(axis=1) + 0.0  # + 0.0 turns -0.0 into 0.0
    maj_idx = counts.argmax(axis=1) if n_classes else np.zeros(n_items, dtype=int)
    # argmax returns the first maximum, i.e. ties go to the class that comes first in `order`.
    class_series = pd.Series(order, dtype=None if n_classes else object)
    majority = class_series.take(maj_idx).to_numpy() if n_classes else np.empty(0, dtype=object)
    majority_share = counts[np.arange(n_items), maj_idx] / n_ann if n_classes else np.empty(0)
    normalised = entropy / np.log(n_classes) if n_classes >= 2 else np.full(n_items, np.nan)

    if numeric:
        values = pd.to_numeric(labels, errors="coerce")
        if values.isna().any():
            bad = sorted({str(v) for v in labels[values.isna()]})[:10]
            raise ValueError(f"numeric=True but column {label_col!r} has non-numeric labels: {bad}")
        grouped = values.astype(float).groupby(item_codes)
        mean = grouped.mean().reindex(range(n_items)).to_numpy()
        sd = grouped.std(ddof=1).reindex(range(n_items)).to_numpy()
    else:
        mean = np.full(n_items, np.nan)
        sd = np.full(n_items, np.nan)

    if text_col is not None and text_col in data.columns:
        text = data[text_col].groupby(item_codes).first().reindex(range(n_items)).to_numpy()
    else:
        text = np.full(n_items, None, dtype=object)

    return pd.DataFrame(
        {
            item_col: np.asarray(items),
            "text": text,
            "n_annotations": n_ann.astype(int),
            "mean": mean,
            "sd": sd,
            "entropy": entropy,
            "majority": majority,
            "majority_share": majority_share,
            "normalised_entropy": normalised,
        }
    )


def compute_label_distribution(
    df: pd.DataFrame,
    label_col: str = "label",
    classes: Sequence[Any] | None = None,
) -> pd.DataFrame:
    """Counts and shares of each label.

    Args:
        df: Long table with one row per annotation; missing labels are ignored.
        label_col: Column holding the label.
        classes: Optional ordered label set; every class gets a row (zero counts included), in
            this order. Defaults to the sorted distinct observed labels.

    Returns:
        A frame with columns ``label, count, share`` (share of all non-missing labels; 0.0 for
        every class when there are none).

    Raises:
        KeyError: When the label column is missing.
        ValueError: When a label is not among ``classes``.
    """
    _require(df, label_col)
    labels = _valid(df, label_col)[label_col]
    order = _class_order(labels, classes)
    codes = pd.Index(order).get_indexer(labels)
    counts = np.bincount(codes, minlength=len(order)).astype(int)
    total = counts.sum()
    share = counts / total if total > 0 else np.zeros(len(order))
    label_values = np.empty(len(order), dtype=object)
    label_values[:] = order
    return pd.DataFrame({"label": label_values, "count": counts, "share": share})


def most_disputed_items(
    item_table: pd.DataFrame,
    by: Literal["entropy", "sd", "normalised_entropy"] = "entropy",
    n: int = 20,
    min_annotations: int = 2,
    item_col: str = "item_id",
) -> pd.DataFrame:
    """The items with the most disagreement.

    Args:
        item_table: Output of :func:`compute_item_disagreement`.
        by: Column to rank by (descending); items where it is NaN are left out.
        n: Number of items to return.
        min_annotations: Items with fewer annotations are left out.
        item_col: Item identifier column, the final tie-breaker (ascending).

    Returns:
        Up to ``n`` rows of ``item_table`` sorted by ``by`` descending, ties broken by
        ``n_annotations`` descending and then by the item identifier ascending; fresh index.

    Raises:
        ValueError: For an unsupported ``by`` or negative ``n``.
        KeyError: When a needed column is missing.
    """
    if by not in DISPUTE_COLUMNS:
        raise ValueError(f"by must be one of {DISPUTE_COLUMNS}, got {by!r}")
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    _require(item_table, by, "n_annotations", item_col)
    keep = (item_table["n_annotations"] >= min_annotations) & item_table[by].notna()
    ranked = item_table[keep].sort_values(
        [by, "n_annotations", item_col], ascending=[False, False, True], kind="mergesort"
    )
    return ranked.head(n).reset_index(drop=True)


def compute_annotation_counts(
    df: pd.DataFrame,
    by: Literal["item_id", "annotator_id"] = "item_id",
    label_col: str = "label",
) -> pd.DataFrame:
    """Number of annotations per item or per annotator.

    Args:
        df: Long table with one row per annotation.
        by: Column to count by (any column name works; the two canonical ones are typed).
        label_col: Label column; when present, rows with a missing label are not counted.

    Returns:
        A frame with columns ``[by, n_annotations]``, one row per distinct non-missing ``by``
        value, sorted by that value.

    Raises:
        KeyError: When the ``by`` column is missing.
    """
    _require(df, by)
    data = _valid(df, label_col) if label_col in df.columns else df
    counts = data.groupby(by, sort=True, dropna=True).size()
    return pd.DataFrame({by: counts.index.to_numpy(), "n_annotations": counts.to_numpy(int)})
