"""Download buttons for tables (safe CSV) and figures (HTML; PNG via the chart's camera icon)."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.export import figure_html_bytes, to_csv_bytes


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "download"


def download_table(df: pd.DataFrame, name: str, *, key: str | None = None) -> None:
    """A CSV download button (formula injection neutralised)."""
    st.download_button(
        f"Download {name} (CSV)",
        data=lambda: to_csv_bytes(df),  # made when clicked, not on every rerun
        file_name=f"{_slug(name)}.csv",
        mime="text/csv",
        key=key or f"dl_csv_{_slug(name)}",
    )


def show_figure(fig: go.Figure, name: str, *, key: str) -> None:
    """Render a figure with a stable key and an HTML download next to it."""
    st.plotly_chart(
        fig,
        key=key,
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": _slug(name)},
        },
    )
    st.download_button(
        f"Download {name} (HTML)",
        data=lambda: figure_html_bytes(fig),  # made when clicked, not on every rerun
        file_name=f"{_slug(name)}.html",
        mime="text/html",
        key=f"dl_html_{key}",
    )
