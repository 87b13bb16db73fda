"""Labels as written: numbers parsed (decimal commas too), odd values announced, never absorbed.

A label column is read as numbers when the declared scale is numeric, when the user says so, or
(``auto``) when at least 90% of its cells are numbers; the other cells are then dropped and
counted, and a column that is mostly but not 90% numbers is read as nominal *with a warning*.
Among numbers, values that look like missing-value codes (-1, 9, 99, 999 ... outside the range of
the other labels) or that sit far outside the bulk (``1e308`` beside ratings 1-5) would inflate an
inferred scale ("ordinal 1 to 99"): they are listed with their counts and dropped, or kept as
labels when the user chooses so.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from engines.data.issues import IssueCollector
from engines.data.mapping import infer_scale
from engines.data.schema import LABEL, LabelScale

__all__ = [
    "MISSING_CODES",
    "LabelKind",
    "OutlierPolicy",
    "clean_labels",
    "describe_counts",
    "label_outliers",
    "preview_scale",
    "read_numbers",
]

LabelKind = Literal["auto", "numeric", "nominal"]
OutlierPolicy = Literal["drop", "keep"]

MISSING_CODES = frozenset({-1.0, -9.0, -99.0, -999.0, -9999.0, 9.0, 99.0, 999.0, 9999.0})
"""Numbers commonly used to mean "no answer" (suspect only outside the other labels' range)."""

_DECIMAL_COMMA = r"[+-]?\d+,\d+"


def read_numbers(labels: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Each cell as a finite number (NaN when it is none) and whether it had a decimal comma.

    >>> read_numbers(pd.Series(["2,5", "3", "high", "inf"]))[0].tolist()
    [2.5, 3.0, nan, nan]
    """
    text = labels.astype(str).str.strip()
    comma = text.str.fullmatch(_DECIMAL_COMMA) & labels.notna()
    text = text.where(~comma, text.str.replace(",", ".", regex=False))
    numbers = pd.to_numeric(text, errors="coerce").astype(float)
    numbers = numbers.where(np.isfinite(numbers) & labels.notna())
    return numbers, comma


def label_outliers(numbers: pd.Series) -> pd.Series:
    """Suspect values -> their counts: missing-value codes outside the others, or far-off values.

    The bulk is the range of the values (other than codes) that hold at least 1% of the labels;
    a value more than that range's width beyond it is far off.

    >>> label_outliers(pd.Series([1, 2, 3, 4, 5] * 20 + [99, -1, -1])).to_dict()
    {-1: 2, 99: 1}
    """
    counts = numbers.dropna().value_counts().sort_index()
    if len(counts) < 3:
        return counts.iloc[:0]
    share = counts / counts.sum()
    plain = counts.index[~counts.index.isin(MISSING_CODES)]
    common = [v for v in plain if share[v] >= 0.01] or list(plain)
    if not common:
        return counts.iloc[:0]
    lo, hi = min(common), max(common)
    width = max(hi - lo, 1.0)
    outside = (counts.index < lo) | (counts.index > hi)
    code = counts.index.isin(MISSING_CODES)
    far = (counts.index < lo - width) | (counts.index > hi + width)
    return counts[outside & (code | (far & (share < 0.05).to_numpy()))]


def preview_scale(labels: pd.Series) -> tuple[str, pd.Series]:
    """What ``auto`` loading will infer from a raw label column, and the outliers it drops.

    Returns the scale's description (or why none can be inferred) and the suspect values with
    their counts (empty when the labels are not read as numbers).
    """
    numbers, _ = read_numbers(labels)
    if len(labels) and numbers.notna().mean() >= 0.9:
        odd = label_outliers(numbers)
        kept: pd.Series = numbers[numbers.notna() & ~numbers.isin(odd.index)]
    else:
        odd = numbers.iloc[:0]
        kept = labels.dropna().astype(str).str.strip()
    try:
        return infer_scale(kept).describe(), odd
    except ValueError as exc:
        return f"cannot infer: {exc}", odd


def describe_counts(counts: pd.Series) -> str:
    """``"99 (1 row), -1 (3 rows)"``."""
    return ", ".join(f"{v:g} ({n} row{'s' if n != 1 else ''})" for v, n in counts.items())


def clean_labels(
    df: pd.DataFrame,
    scale: LabelScale | None,
    col: IssueCollector,
    kind: LabelKind = "auto",
    outliers: OutlierPolicy = "drop",
) -> tuple[pd.DataFrame, LabelScale]:
    """Parse labels against ``scale`` (inferred from the labels when None).

    Args:
        df: the table with its ``label`` column as read.
        scale: the declared scale, or None to infer it.
        col: collects what was found and done.
        kind: ``auto`` (numbers when the scale is numeric, or when 90% of the cells are),
            ``numeric`` or ``nominal`` (ignored when ``scale`` is given).
        outliers: without a declared scale, what to do with :func:`label_outliers`.

    Returns:
        The cleaned table and the scale; a placeholder scale when inference failed (an error
        is then recorded).
    """
    labels = df[LABEL]
    numbers, comma = read_numbers(labels)
    share = float(numbers.notna().mean()) if len(labels) else 0.0
    if scale is not None:
        want_numeric = scale.is_numeric
    else:
        want_numeric = kind == "numeric" or (kind == "auto" and share >= 0.9)
    if want_numeric:
        if comma.any():
            col.add("info", f"Read {int(comma.sum())} label(s) with a decimal comma (2,5 = 2.5).")
        bad = numbers.isna()
        examples = ", ".join(repr(v) for v in labels[bad].astype(str).unique()[:3])
        df = col.bad_rows(df, bad, f"non-numeric labels such as {examples} (column 'label')")
        df = df.copy()
        df[LABEL] = numbers.loc[df.index].astype(float)
        if scale is None:
            df = _handle_outliers(df, outliers, col)
    else:
        if scale is None and kind == "auto" and share >= 0.5:
            text = labels[numbers.isna()].astype(str).str.strip()
            col.add(
                "warning",
                f"The label column is mostly numbers ({share:.0%}) but {len(text)} cell(s) are "
                f"not, such as {', '.join(map(repr, text.unique()[:3]))}: the labels are read "
                "as nominal (unordered) classes. Choose numeric labels to drop those cells "
                "instead.",
                len(text),
            )
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


def _handle_outliers(df: pd.DataFrame, policy: OutlierPolicy, col: IssueCollector) -> pd.DataFrame:
    suspects = label_outliers(df[LABEL])
    if suspects.empty:
        return df
    what = (
        "label values that look like missing-value codes or sit far outside the other "
        f"labels: {describe_counts(suspects)}"
    )
    if policy == "keep":
        col.add(
            "warning",
            f"Kept {what}; they are classes of the inferred scale. Drop them (options for "
            "imperfect data) if they mean 'no answer'.",
            int(suspects.sum()),
        )
        return df
    return col.bad_rows(df, df[LABEL].isin(suspects.index), what)
