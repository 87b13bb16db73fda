"""Shared layout defaults for every figure, so the app looks like one product."""

from __future__ import annotations

import plotly.graph_objects as go

__all__ = ["DIVERGING", "FONT", "PALETTE", "SEQUENTIAL", "apply_style", "natural_order", "wrap"]

#: Colour-blind-safe qualitative palette (Okabe-Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SEQUENTIAL = "Blues"
DIVERGING = "RdBu_r"
FONT = "Inter, Source Sans Pro, Arial, sans-serif"


def apply_style(
    fig: go.Figure,
    *,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
    x_title: str | None = None,
    y_title: str | None = None,
) -> go.Figure:
    """Apply the app's template, margins and axis titles in place and return the figure."""
    fig.update_layout(
        template="plotly_white",
        font={"family": FONT, "size": 13},
        title={"text": title, "x": 0.0, "xanchor": "left"} if title else None,
        height=height,
        width=width,
        margin={"l": 60, "r": 20, "t": 60 if title else 30, "b": 50},
        colorway=PALETTE,
        hoverlabel={"font_size": 12},
    )
    if x_title is not None:
        fig.update_xaxes(title_text=x_title)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title)
    return fig


def wrap(text: str, width: int = 80) -> str:
    """Wrap long hover text with <br> so tooltips stay readable."""
    import textwrap

    return "<br>".join(textwrap.wrap(str(text), width)) or ""


def natural_order(values: object) -> list:
    """Distinct values in their natural order: numbers by value, then text alphabetically.

    >>> natural_order(["2.0", "1.0", "10", "b", "a", "2.0"])
    ['1.0', '2.0', '10', 'a', 'b']
    """
    import pandas as pd

    def key(v: object) -> tuple:
        try:
            return (0, float(str(v)), "")
        except ValueError:
            return (1, 0.0, str(v))

    return sorted(pd.unique(pd.Series(values, dtype=object)), key=key)
