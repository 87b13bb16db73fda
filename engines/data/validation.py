"""Turn a raw table plus a column mapping into a validated :class:`AnnotationDataset`.

Every problem becomes an :class:`~engines.data.schema.Issue` with a specific sentence naming the
column and the (1-based, header = line 1) CSV lines involved. Rows are dropped only when the
caller allows it, and every drop is counted in the returned issues: nothing is lost silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from engines.data.mapping import infer_mapping, infer_scale
from engines.data.schema import (
    ANNOTATOR_ID,
    IS_SYNTHETIC,
    ITEM_ID,
    LABEL,
    LABEL_CODE,
    RATIONALE,
    SPLIT,
    TEXT,
    TEXT_A,
    TEXT_B,
    VALUE_TAGS,
    AnnotationDataset,
    ColumnMapping,
    DataValidationError,
    Issue,
    LabelScale,
    make_item_splits,
    text_hash_ids,
)

DuplicatePolicy = Literal["keep", "average", "reject"]
_ROW = "__line__"
_SPLIT_ALIASES = {
    "train": "train",
    "training": "train",
    "trn": "train",
    "dev": "dev",
    "val": "dev",
    "valid": "dev",
    "validation": "dev",
    "development": "dev",
    "test": "test",
    "tst": "test",
    "eval": "test",
    "evaluation": "test",
}


@dataclass(frozen=True)
class LoadOptions:
    """How to treat imperfect input.

    Attributes:
        duplicates: several labels by one annotator for one item: ``keep`` them all,
            ``average`` them (mean snapped to the nearest class; the mode for nominal labels)
            or ``reject`` the file.
        drop_invalid_rows: drop rows with missing or out-of-scale values (counted and
            reported) instead of rejecting the file.
        max_text_chars: texts longer than this are truncated (counted and reported).
        split_seed: seed of the item-level train/dev/test split made when the file has none.
        min_annotators: fewest distinct annotators a dataset may have.
    """

    duplicates: DuplicatePolicy = "keep"
    drop_invalid_rows: bool = True
    max_text_chars: int = 5000
    split_seed: int = 0
    min_annotators: int = 2


def _lines(mask: pd.Series, rows: pd.Series, limit: int = 5) -> str:
    """Render the CSV line numbers of the first offending rows, e.g. ``lines 3, 9 and 2 more``."""
    hit = rows[mask.to_numpy()].tolist()
    shown = ", ".join(str(int(r)) for r in hit[:limit])
    more = f" and {len(hit) - limit} more" if len(hit) > limit else ""
    return f"line{'s' if len(hit) > 1 else ''} {shown}{more}"


class _Collector:
    """Accumulates issues and applies the drop-or-reject decision for bad rows."""

    def __init__(self, drop: bool):
        self.drop = drop
        self.issues: list[Issue] = []

    def add(self, level: Literal["error", "warning", "info"], msg: str, n: int = 0) -> None:
        self.issues.append(Issue(level, msg, n))

    def bad_rows(self, df: pd.DataFrame, mask: pd.Series, what: str) -> pd.DataFrame:
        """Drop (warning) or reject (error) the rows in ``mask``; ``what`` describes them."""
        n = int(mask.sum())
        if n == 0:
            return df
        where = _lines(mask, df[_ROW])
        if self.drop:
            self.add("warning", f"Dropped {n} row(s) with {what} ({where}).", n)
            return df.loc[~mask.to_numpy()]
        self.add("error", f"{n} row(s) have {what} ({where}).", n)
        return df

    def raise_if_errors(self) -> None:
        if any(i.level == "error" for i in self.issues):
            raise DataValidationError(self.issues)


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
    col = _Collector(opts.drop_invalid_rows)
    if raw is None or raw.shape[0] == 0 or raw.shape[1] == 0:
        col.add("error", "The file has no data rows.")
        col.raise_if_errors()
    mapping = mapping or infer_mapping(raw)
    df = _select_columns(raw, mapping, col)
    col.raise_if_errors()
    df = _clean_required(df, col)
    df, scale = _clean_labels(df, scale, col)
    col.raise_if_errors()
    df = _clean_optional(df, mapping, opts, col)
    df = _handle_duplicates(df, scale, opts.duplicates, col)
    col.raise_if_errors()
    df = _assign_splits(df, opts.split_seed, col)
    _check_variety(df, opts, col)
    col.raise_if_errors()

    index = {c: i for i, c in enumerate(scale.classes)}
    df[LABEL_CODE] = df[LABEL].map(index).astype("int64")
    ignored = [c for c in raw.columns if c not in _mapped_columns(mapping)]
    if ignored:
        col.add("info", f"Columns not used: {', '.join(map(str, ignored))}.")
    df = df.drop(columns=[_ROW]).reset_index(drop=True)
    return AnnotationDataset(
        df=df,
        scale=scale,
        demographics=tuple(mapping.demographics),
        name=name,
        issues=col.issues,
        n_rows_in=int(raw.shape[0]),
    )


def _mapped_columns(mapping: ColumnMapping) -> set[str]:
    return set(mapping.roles.values()) | set(mapping.demographics)


def _select_columns(raw: pd.DataFrame, mapping: ColumnMapping, col: _Collector) -> pd.DataFrame:
    missing_src = [c for c in _mapped_columns(mapping) if c not in raw.columns]
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
    if any(i.level == "error" for i in col.issues):
        return raw
    out = pd.DataFrame({_ROW: np.arange(2, raw.shape[0] + 2)})
    for role, src in mapping.roles.items():
        out[role] = raw[src].to_numpy()
    for demo in mapping.demographics:
        if demo in out.columns:
            col.add("error", f"Column '{demo}' is both a role and a demographic attribute.")
            continue
        out[demo] = raw[demo].to_numpy()
    if TEXT not in out.columns:
        out[TEXT] = out[TEXT_A].astype(str) + " [SEP] " + out[TEXT_B].astype(str)
    return out


def _blank(s: pd.Series) -> pd.Series:
    return s.isna() | s.astype(str).str.strip().isin(["", "nan", "None", "NaN"])


def _clean_required(df: pd.DataFrame, col: _Collector) -> pd.DataFrame:
    for role, what in ((ANNOTATOR_ID, "no annotator id"), (TEXT, "no text"), (LABEL, "no label")):
        df = col.bad_rows(df, _blank(df[role]), f"{what} (column '{role}')")
    df = df.copy()
    df[ANNOTATOR_ID] = _as_id(df[ANNOTATOR_ID])
    df[TEXT] = df[TEXT].astype(str).str.strip()
    if ITEM_ID in df.columns:
        df = col.bad_rows(df, _blank(df[ITEM_ID]), "no item id (column 'item_id')")
        df[ITEM_ID] = _as_id(df[ITEM_ID])
    else:
        df[ITEM_ID] = text_hash_ids(df[TEXT])
        col.add("info", "No item id column: items are identified by a hash of their text.")
    return df


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


def _clean_labels(
    df: pd.DataFrame, scale: LabelScale | None, col: _Collector
) -> tuple[pd.DataFrame, LabelScale]:
    labels = df[LABEL]
    # 'inf' parses as a number but is no rating: treat it like any other non-numeric label.
    numeric = pd.to_numeric(labels, errors="coerce").replace([np.inf, -np.inf], np.nan)
    numeric_share = float(numeric.notna().mean()) if len(labels) else 0.0
    want_numeric = scale.is_numeric if scale is not None else numeric_share >= 0.9
    if want_numeric:
        bad = numeric.isna()
        examples = ", ".join(repr(v) for v in labels[bad].astype(str).unique()[:3])
        df = col.bad_rows(df, bad, f"non-numeric labels such as {examples} (column 'label')")
        df = df.copy()
        df[LABEL] = numeric.loc[df.index].astype(float)
    else:
        df = df.copy()
        df[LABEL] = df[LABEL].astype(str).str.strip()
    if scale is None:
        try:
            scale = infer_scale(df[LABEL])
        except ValueError as exc:
            col.add("error", str(exc))
            return df, LabelScale("nominal", ("?",))
    else:
        allowed = set(scale.classes)
        # Missing labels were reported above (as blank or non-numeric); do not list them twice.
        outside = ~df[LABEL].isin(allowed) & df[LABEL].notna()
        shown = ", ".join(map(str, pd.unique(df.loc[outside, LABEL])[:5]))
        df = col.bad_rows(
            df, outside, f"labels outside the declared scale {scale.describe()}: {shown}"
        )
    return df, scale


def _clean_optional(
    df: pd.DataFrame, mapping: ColumnMapping, opts: LoadOptions, col: _Collector
) -> pd.DataFrame:
    too_long = df[TEXT].str.len() > opts.max_text_chars
    if too_long.any():
        n = int(too_long.sum())
        df.loc[too_long, TEXT] = df.loc[too_long, TEXT].str.slice(0, opts.max_text_chars)
        col.add(
            "warning",
            f"Truncated {n} text(s) longer than {opts.max_text_chars} characters "
            f"({_lines(too_long, df[_ROW])}).",
            n,
        )
    for demo in mapping.demographics:
        missing = _blank(df[demo])
        df[demo] = df[demo].astype(str).str.strip()
        if missing.any():
            n = int(missing.sum())
            df.loc[missing, demo] = "unknown"
            col.add("warning", f"{n} row(s) have no '{demo}' value; shown as 'unknown'.", n)
    for opt in (RATIONALE, VALUE_TAGS):
        if opt in df.columns:
            df[opt] = df[opt].where(~_blank(df[opt]), "").astype(str)
    if IS_SYNTHETIC in df.columns:
        flag = df[IS_SYNTHETIC].astype(str).str.strip().str.lower()
        df[IS_SYNTHETIC] = flag.isin(["1", "1.0", "true", "yes", "y", "t"]).astype("int64")
    return df


def _handle_duplicates(
    df: pd.DataFrame, scale: LabelScale, policy: DuplicatePolicy, col: _Collector
) -> pd.DataFrame:
    dup = df.duplicated([ITEM_ID, ANNOTATOR_ID], keep=False)
    if not dup.any():
        return df
    n_pairs = int(df.loc[dup, [ITEM_ID, ANNOTATOR_ID]].drop_duplicates().shape[0])
    where = _lines(dup, df[_ROW])
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
        int(dup.sum()),
    )
    return first.reset_index()


def _assign_splits(df: pd.DataFrame, seed: int, col: _Collector) -> pd.DataFrame:
    if SPLIT in df.columns:
        norm = df[SPLIT].astype(str).str.strip().str.lower().map(_SPLIT_ALIASES)
        if norm.isna().any():
            shown = ", ".join(map(str, pd.unique(df.loc[norm.isna(), SPLIT])[:5]))
            col.add("warning", f"Unknown split names ({shown}); made new item-level splits.")
        else:
            per_item = norm.groupby(df[ITEM_ID]).nunique()
            if (per_item > 1).any():
                col.add(
                    "warning",
                    f"{int((per_item > 1).sum())} item(s) appear in more than one split; "
                    "made new item-level splits.",
                )
            else:
                df[SPLIT] = norm
                return df
    split_of = make_item_splits(df[ITEM_ID], seed=seed)
    df[SPLIT] = df[ITEM_ID].map(split_of)
    col.add("info", f"Made item-level train/dev/test splits (70/15/15, seed {seed}).")
    return df


def _check_variety(df: pd.DataFrame, opts: LoadOptions, col: _Collector) -> None:
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


__all__ = ["DuplicatePolicy", "LoadOptions", "build_dataset"]
