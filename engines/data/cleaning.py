"""The cleaners :func:`engines.data.validation.build_dataset` runs, one concern each.

Columns are selected and renamed to their canonical roles, required values checked, optional
columns normalised and duplicated (item, annotator) pairs kept, averaged or rejected (labels
are parsed by :mod:`engines.data.labels`). Every cleaner records what it found and did in an
:class:`~engines.data.issues.IssueCollector`; none drops a row without counting it.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from engines.data.issues import ROW, IssueCollector, line_list
from engines.data.schema import (
    ANNOTATOR_ID,
    IS_SYNTHETIC,
    ITEM_ID,
    LABEL,
    RATIONALE,
    TEXT,
    TEXT_A,
    TEXT_B,
    VALUE_TAGS,
    ColumnMapping,
    LabelScale,
    text_hash_ids,
)

__all__ = [
    "DuplicatePolicy",
    "blank_cells",
    "clean_optional",
    "clean_required",
    "handle_duplicates",
    "mapped_columns",
    "select_columns",
]

DuplicatePolicy = Literal["keep", "average", "reject"]


def mapped_columns(mapping: ColumnMapping) -> set[str]:
    """Every source column the mapping uses (roles, demographics and item attributes)."""
    return set(mapping.roles.values()) | set(mapping.demographics) | set(mapping.item_attributes)


def select_columns(raw: pd.DataFrame, mapping: ColumnMapping, col: IssueCollector) -> pd.DataFrame:
    """The mapped columns under their canonical names, plus the CSV line of every row.

    Pairs (``text_a``, ``text_b``) without a ``text`` are joined into one text. On a missing
    role or column an error is recorded and ``raw`` is returned unchanged.
    """
    missing_src = [c for c in mapped_columns(mapping) if c not in raw.columns]
    if missing_src:
        col.add("error", f"Mapped column(s) not in the file: {', '.join(map(str, missing_src))}.")
        return raw
    available = ", ".join(map(str, raw.columns))
    for role, what in ((ANNOTATOR_ID, "annotator id"), (LABEL, "label")):
        if mapping.source(role) is None:
            col.add(
                "error",
                f"No column is mapped to '{role}' (the {what}); the file has: {available}. "
                "Choose it in the column mapper.",
            )
    has_pair = mapping.source(TEXT_A) is not None and mapping.source(TEXT_B) is not None
    if mapping.source(TEXT) is None and not has_pair:
        col.add(
            "error",
            f"No column is mapped to 'text' (the item text); the file has: {available}. "
            "Choose it in the column mapper (or map text_a and text_b for pairs).",
        )
    if col.has_errors:
        return raw
    out = pd.DataFrame({ROW: np.arange(2, raw.shape[0] + 2)})
    for role, src in mapping.roles.items():
        out[role] = raw[src].to_numpy()
    kinds = (("a role", mapping.demographics), ("a role or demographic", mapping.item_attributes))
    for taken, names in kinds:
        for name in names:
            if name in out.columns:
                what = "a demographic" if taken == "a role" else "an item"
                col.add("error", f"Column '{name}' is both {taken} and {what} attribute.")
                continue
            out[name] = raw[name].to_numpy()
    if TEXT not in out.columns:
        out[TEXT] = out[TEXT_A].astype(str) + " [SEP] " + out[TEXT_B].astype(str)
    return out


def blank_cells(s: pd.Series) -> pd.Series:
    """Missing or empty cells (words such as "None" or "NA" are data, never missing)."""
    return s.isna() | s.astype(str).str.strip().eq("")


def _as_id(s: pd.Series) -> pd.Series:
    """Ids as strings; float ids that are whole numbers lose the '.0'."""
    # Only when every id is a finite whole number: missing ids (kept for the error report when
    # invalid rows are not dropped) and huge values cannot be cast to int64.
    if (
        pd.api.types.is_float_dtype(s)
        and s.notna().all()
        and np.all(np.mod(s, 1) == 0)
        and np.all(np.abs(s) < 2**53)
    ):
        return s.astype("int64").astype(str)
    return s.astype(str).str.strip()


def clean_required(df: pd.DataFrame, col: IssueCollector) -> pd.DataFrame:
    """Handle blank annotator ids, texts, labels and item ids; ids become strings.

    Without an item id column, items are identified by a hash of their text.
    """
    for role, what in ((ANNOTATOR_ID, "no annotator id"), (TEXT, "no text"), (LABEL, "no label")):
        df = col.bad_rows(df, blank_cells(df[role]), f"{what} (column '{role}')")
    df = df.copy()
    df[ANNOTATOR_ID] = _as_id(df[ANNOTATOR_ID])
    df[TEXT] = df[TEXT].astype(str).str.strip()
    if ITEM_ID in df.columns:
        df = col.bad_rows(df, blank_cells(df[ITEM_ID]), "no item id (column 'item_id')")
        df[ITEM_ID] = _as_id(df[ITEM_ID])
    else:
        df[ITEM_ID] = text_hash_ids(df[TEXT])
        col.add("info", "No item id column: items are identified by a hash of their text.")
    return df


def clean_optional(df: pd.DataFrame, max_text_chars: int, col: IssueCollector) -> pd.DataFrame:
    """Truncate over-long texts and normalise optional roles (not demographics).

    Demographics are cleaned by :func:`engines.data.demographics.clean_demographics`.
    """
    too_long = df[TEXT].str.len() > max_text_chars
    if too_long.any():
        n = int(too_long.sum())
        df.loc[too_long, TEXT] = df.loc[too_long, TEXT].str.slice(0, max_text_chars)
        col.add(
            "warning",
            f"Truncated {n} text(s) longer than {max_text_chars} characters "
            f"({line_list(too_long, df[ROW])}).",
            n,
        )
    for opt in (RATIONALE, VALUE_TAGS):
        if opt in df.columns:
            df[opt] = df[opt].where(~blank_cells(df[opt]), "").astype(str)
    if IS_SYNTHETIC in df.columns:
        flag = df[IS_SYNTHETIC].astype(str).str.strip().str.lower()
        df[IS_SYNTHETIC] = flag.isin(["1", "1.0", "true", "yes", "y", "t"]).astype("int64")
    return df


def handle_duplicates(
    df: pd.DataFrame, scale: LabelScale, policy: DuplicatePolicy, col: IssueCollector
) -> pd.DataFrame:
    """Keep, average or reject several labels by one annotator for one item.

    ``average`` replaces a pair's labels by their mean snapped to the nearest class (ties go
    to the lower class) for numeric scales, or by the most frequent label for nominal ones.
    """
    dup = df.duplicated([ITEM_ID, ANNOTATOR_ID], keep=False)
    if not dup.any():
        return df
    n_pairs = int(df.loc[dup, [ITEM_ID, ANNOTATOR_ID]].drop_duplicates().shape[0])
    where = line_list(dup, df[ROW])
    if policy == "reject":
        col.add(
            "error",
            f"{n_pairs} (item, annotator) pair(s) have more than one label ({where}). "
            "Choose 'keep' or 'average' for duplicates, or fix the file.",
            int(dup.sum()),
        )
        return df
    if policy == "keep":
        col.add(
            "warning",
            f"{n_pairs} (item, annotator) pair(s) have more than one label ({where}); "
            "all labels are kept.",
            int(dup.sum()),
        )
        return df
    first = df.drop_duplicates([ITEM_ID, ANNOTATOR_ID]).set_index([ITEM_ID, ANNOTATOR_ID])
    grouped = df.groupby([ITEM_ID, ANNOTATOR_ID], sort=False)[LABEL]
    if scale.is_numeric:
        classes = np.asarray(scale.classes, dtype=float)
        mean = grouped.mean()
        snapped = classes[np.abs(mean.to_numpy()[:, None] - classes[None, :]).argmin(axis=1)]
        agg = pd.Series(snapped, index=mean.index)
    else:
        agg = grouped.agg(lambda s: s.value_counts().index[0])
    first[LABEL] = agg.reindex(first.index)
    col.add(
        "warning",
        f"{n_pairs} (item, annotator) pair(s) had more than one label ({where}); "
        f"{int(dup.sum()) - n_pairs} row(s) were merged into their "
        f"{'mean (nearest class)' if scale.is_numeric else 'most frequent label'}.",
        int(dup.sum()) - n_pairs,
        "duplicate labels merged",
    )
    return first.reset_index()
