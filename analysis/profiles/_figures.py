"""Figure helpers shared by the value-profile ``plot_*`` modules (private to the wing)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis._style import wrap
from engines.data.schema import format_label

GREY = "#9e9e9e"
"""Reference lines and the "before" bars."""


def hover_text(text: object, limit: int = 120, width: int = 60) -> str:
    """Truncate to ``limit`` characters and wrap for a tooltip."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    s = " ".join(str(text).split())
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return wrap(s, width)


def custom_data(*cols: object) -> np.ndarray:
    """Column-stack hover data as objects so strings and numbers keep their types."""
    return np.column_stack([np.asarray(c, dtype=object) for c in cols])


def align(values: pd.Series | None, df: pd.DataFrame, name: str) -> pd.Series | None:
    """Align ``values`` to ``df`` rows by ``item_id`` when its index holds them, else by row."""
    if values is None:
        return None
    ids = df["item_id"]
    if len(ids) and pd.Index(ids).isin(values.index).all() and values.index.is_unique:
        return values.reindex(ids).reset_index(drop=True)
    if len(values) != len(df):
        raise ValueError(f"`{name}` matches neither the item ids nor the number of rows")
    return values.reset_index(drop=True)


def add_diagonal(fig: go.Figure, label: str) -> None:
    """The dotted y = x reference line on a unit square, labelled at its end (no legend)."""
    fig.add_trace(
        go.Scatter(
            x=[0, 1],
            y=[0, 1],
            mode="lines",
            line={"color": GREY, "dash": "dot"},
            name=label,
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_annotation(
        x=1, y=1, text=label, showarrow=False, xanchor="right", yanchor="bottom",
        font={"color": GREY, "size": 11},
    )  # fmt: skip


format_class = format_label
"""A class label for an axis: ``2.0`` -> ``"2"`` (:func:`engines.data.schema.format_label`)."""
