"""Demographic columns as researchers store them: placeholders are missing, numbers get bins.

Export tools write placeholders where a value was withheld (``DATA_EXPIRED``,
``CONSENT_REVOKED``, ``prefer not to say``): those are missing values, not a group. A numeric
attribute with many values (age in years) is grouped into bins of about equal numbers of
annotators (quantiles over annotators, not rows), labelled by their range ("25–31"), so that it
can be compared like any other attribute instead of being dropped.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from engines.data.issues import IssueCollector
from engines.data.schema import ANNOTATOR_ID, ColumnMapping

__all__ = ["MISSING_GROUP", "PLACEHOLDERS", "bin_numeric", "clean_demographics"]

MISSING_GROUP = "unknown"
"""The value shown for a missing demographic."""

PLACEHOLDERS = frozenset(
    {
        "data_expired", "data expired", "consent_revoked", "consent revoked", "unknown",
        "prefer not to say", "prefer not to answer", "rather not say", "declined to answer",
        "not disclosed", "undisclosed", "not provided", "withheld", "redacted",
    }
)  # fmt: skip
"""Values (lower-cased, stripped) that mean "withheld", not a group."""

MAX_LEVELS = 8
"""A numeric attribute with more distinct values than this is binned."""


def bin_numeric(values: pd.Series, annotators: pd.Series, n_bins: int) -> pd.Series | None:
    """Range labels of ``n_bins`` quantile bins over annotators; None when not numeric.

    ``values`` and ``annotators`` are aligned rows; missing values stay missing. Bins are
    closed ranges of whole numbers when the values are whole ("18–24", "25–31").
    """
    numbers = pd.to_numeric(values.astype(str).str.strip(), errors="coerce")
    given = values.notna()
    if not given.any() or numbers[given].isna().any() or numbers[given].nunique() <= MAX_LEVELS:
        return None
    per_annotator = numbers[given].groupby(annotators[given]).first()
    edges = np.unique(np.quantile(per_annotator, np.linspace(0, 1, n_bins + 1)))
    whole = bool(np.all(numbers[given] == np.round(numbers[given])))
    codes = np.clip(np.searchsorted(edges, numbers, side="right") - 1, 0, len(edges) - 2)
    last = len(edges) - 2
    labels = []
    for k in range(last + 1):
        lo, hi = edges[k], edges[k + 1]
        if whole:  # [lo, hi) in whole numbers; the last bin includes its top
            upper = int(hi) if k == last else int(np.ceil(hi)) - 1
            labels.append(f"{int(np.ceil(lo))}–{upper}")
        else:
            labels.append(f"{lo:g}–{hi:g}")
    out = pd.Series(np.asarray(labels, dtype=object)[codes], index=values.index)
    return out.where(given)


def clean_demographics(
    df: pd.DataFrame, mapping: ColumnMapping, col: IssueCollector, n_bins: int = 5
) -> pd.DataFrame:
    """Placeholders and blanks -> :data:`MISSING_GROUP`; numeric attributes -> range bins.

    ``n_bins`` = 0 keeps numeric attributes as they are. Every change is reported.
    """
    for demo in mapping.demographics:
        raw = df[demo]
        text = raw.astype(str).str.strip()
        blank = raw.isna() | text.eq("")
        placeholder = ~blank & text.str.lower().isin(PLACEHOLDERS)
        if placeholder.any():
            counts = text[placeholder].value_counts().sort_index()
            shown = ", ".join(f"{v} {n}" for v, n in counts.items())
            col.add(
                "info",
                f"'{demo}': {int(placeholder.sum())} placeholder value(s) read as missing "
                f"({shown}).",
                int(placeholder.sum()),
            )
        values = text.where(~(blank | placeholder))
        binned = bin_numeric(values, df[ANNOTATOR_ID], n_bins) if n_bins else None
        if binned is not None:
            levels = ", ".join(pd.unique(binned.dropna().sort_values(key=_range_start)))
            col.add(
                "info",
                f"'{demo}' is numeric with {values.nunique()} distinct values: grouped into "
                f"{binned.nunique()} bins of about equal numbers of annotators ({levels}).",
            )
            values = binned
        missing = values.isna()
        df[demo] = values.fillna(MISSING_GROUP).astype(str)
        if missing.any():
            n = int(missing.sum())
            df.loc[missing, demo] = MISSING_GROUP
            col.add("warning", f"{n} row(s) have no '{demo}' value; shown as '{MISSING_GROUP}'.", n)
    return df


def _range_start(labels: pd.Series) -> pd.Series:
    return pd.to_numeric(labels.str.split("–").str[0], errors="coerce")
