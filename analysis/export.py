"""Safe exports: CSV with spreadsheet-formula injection neutralised, figures as HTML."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

__all__ = ["figure_html_bytes", "neutralise_formulas", "to_csv_bytes"]

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula with an apostrophe.

    Only text cells change; numbers (including negative ones) are left as numbers.
    """
    out = df.copy()
    for c in out.columns:
        s = out[c]
        if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
            continue
        text = s.astype("string")
        # Only string cells: a number in a mixed (object) column stays a number.
        is_text = s.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
        risky = text.str.startswith(_DANGEROUS).fillna(False).to_numpy(dtype=bool) & is_text
        if risky.any():
            out[c] = s.astype(object).where(~risky, "'" + text.astype(object))
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV of ``df`` after :func:`neutralise_formulas`."""
    return neutralise_formulas(df).to_csv(index=False).encode("utf-8")


def figure_html_bytes(fig: go.Figure) -> bytes:
    """A self-contained HTML file of the figure (plotly.js embedded, works offline)."""
    return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")
