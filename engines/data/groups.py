"""Demographic subgroups of annotators: one label per (annotator, attribute).

Every group-level table (MAE by subgroup, expert usage, specialisation) labels subgroups the
same way: values as strings, whole floats without ``.0``, and missing or blank values (and
annotators absent from the annotator table) as :data:`MISSING`, sorted last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "MISSING",
    "demographic_groups",
    "group_label",
    "group_order",
    "merged_label",
    "natural_key",
]

MISSING = "(missing)"


def _require(df: pd.DataFrame, *cols: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not found; available: {list(df.columns)}")


def group_label(value: Any) -> str:
    """Subgroup label of one demographic value; missing or blank values become MISSING."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return MISSING
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    s = str(value).strip()
    return s if s else MISSING


_LEADING = re.compile(r"^\s*([<>≤≥]?)\s*(\d+(?:\.\d+)?)")
_BOUND = {"<": 0, "≤": 0, "": 1, ">": 2, "≥": 2}


def merged_label(min_group_size: int) -> str:
    """The name of the pooled row of groups below the privacy minimum."""
    return f"merged (<{min_group_size} annotators)"


def natural_key(value: object) -> tuple:
    """Sort key of a category's natural order: by leading number, then text.

    Age bands sort by age ("<18" before "18-24", ">65" after "60-64"); other text sorts
    alphabetically after every number.
    """
    text = str(value)
    m = _LEADING.match(text)
    if m:
        return (0, float(m.group(2)), _BOUND[m.group(1)], text)
    return (1, 0.0, 0, text)


def group_order(labels: Sequence[str] | np.ndarray) -> list[str]:
    """Unique subgroup labels in natural order (:func:`natural_key`) with :data:`MISSING` last.

    The order of every group table and figure.
    """
    uniq = sorted({str(v) for v in labels} - {MISSING}, key=natural_key)
    return uniq + ([MISSING] if MISSING in set(labels) else [])


def demographic_groups(
    annotator_ids: pd.Series | Sequence[Any],
    annotators: pd.DataFrame,
    attributes: Sequence[str],
) -> pd.DataFrame:
    """Subgroup label of every annotator id for each attribute.

    Args:
        annotator_ids: Annotator id per row (e.g. ``pred["annotator_id"]``).
        annotators: One row per annotator: ``annotator_id`` plus one column per attribute.
            Ids are matched as strings.
        attributes: Demographic columns of ``annotators`` to use.

    Returns:
        One string column per attribute, one row per entry of ``annotator_ids`` (positional
        index). Missing or blank values, and annotators absent from ``annotators``, get
        :data:`MISSING`.

    Raises:
        KeyError: When ``annotators`` lacks ``annotator_id`` or an attribute column.
        ValueError: On no or duplicated attributes, or duplicated annotator ids.
    """
    attributes = list(attributes)
    if not attributes:
        raise ValueError("`attributes` is empty")
    if len(set(attributes)) != len(attributes):
        raise ValueError(f"duplicated attributes in {attributes}")
    _require(annotators, "annotator_id", *attributes)
    ids = annotators["annotator_id"].astype(str)
    if ids.duplicated().any():
        dup = ids[ids.duplicated()].iloc[0]
        raise ValueError(f"`annotators` lists annotator_id {dup!r} more than once")
    wanted = pd.Series(annotator_ids).astype(str).to_numpy()
    pos = pd.Index(ids.to_numpy()).get_indexer(wanted)  # -1 (absent) picks the final MISSING
    out = {}
    for a in attributes:
        labels = [group_label(v) for v in annotators[a].to_numpy(dtype=object)]
        out[a] = np.asarray(labels + [MISSING], dtype=object)[pos]
    return pd.DataFrame(out, index=pd.RangeIndex(len(wanted)))
