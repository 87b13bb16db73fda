"""Page conventions (issue #13): takeaways first, method notes folded, tables that fit.

A results section opens with one computed takeaway sentence; method details sit in an expander;
tables fit their container and show "–" for missing values.

A section is a keyed container (CSS class ``st-key-section_<key>``) whose first element after
its heading is a takeaway (``st-key-takeaway_<key>``); the browser test checks this
mechanically on every page. Takeaway sentences are computed in ``analysis`` (``*takeaway*``
functions), never written into a page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import pandas as pd
import streamlit as st

__all__ = [
    "MISSING",
    "fit_table",
    "method_note",
    "run_then_rerun",
    "page_style",
    "section",
    "takeaway",
    "text_detail",
]

MISSING = "–"
"""How a missing value reads in every table."""

_CSS = """
<style>
[class*="st-key-takeaway_"] [data-testid="stMarkdownContainer"] {
  border-left: 4px solid #0068C9;
  background: rgba(0, 104, 201, 0.06);
  border-radius: 0 0.4rem 0.4rem 0;
  padding: 0.55rem 0.9rem;
}
[class*="st-key-takeaway_"] p { font-size: 1.06rem; margin-bottom: 0; }
</style>
"""


def page_style() -> None:
    """The takeaway style; call once at the top of a page."""
    st.html(_CSS)


@contextmanager
def section(title: str, key: str, message: str | None = None) -> Iterator[Callable[[str], None]]:
    """A results section: heading, then the takeaway ``message`` (markdown), then the body.

    Yields ``say(message)``, which writes (or rewrites) the takeaway in its place under the
    heading: for a section whose sentence depends on widgets in its body (the profile editor).
    """
    with st.container(key=f"section_{key}"):
        st.subheader(title)
        slot = st.empty()

        def say(text: str) -> None:
            slot.container(key=f"takeaway_{key}").markdown(text)

        if message is not None:
            say(message)
        yield say


def takeaway(message: str, key: str) -> None:
    """One computed sentence in plain words, styled as the section's headline."""
    st.container(key=f"takeaway_{key}").markdown(message)


TRAINING_ERRORS = (ValueError, KeyError, ImportError, FloatingPointError, OSError)
"""Failures of a training run that the page reports in words (never a traceback)."""


def run_then_rerun(run: Callable[[], object], failed: str = "") -> None:
    """Run a training ``run``, then rerun the page: the results show, the settings fold away.

    On a known failure the page shows ``failed`` and the message, and stops.
    """
    try:
        run()
    except TRAINING_ERRORS as exc:
        st.error(f"{failed}{exc}")
        st.stop()
    st.rerun()


def method_note(markdown: str, label: str = "How this is computed") -> None:
    """Method details and metric definitions, folded away."""
    with st.expander(label, icon=":material/info:"):
        st.markdown(markdown)


def fit_table(
    df: pd.DataFrame,
    *,
    key: str,
    decimals: int = 3,
    column_order: Sequence[str] | None = None,
    column_config: Mapping[str, Any] | None = None,
    select: bool = False,
    height: int | None = None,
) -> Any:
    """A dataframe that fits its container: floats rounded, missing values shown as "–".

    Args:
        df: The table (its downloads keep every column and full precision).
        key: Widget key.
        decimals: Decimals of float columns without their own format.
        column_order: The columns shown, key columns first (None: all).
        column_config: Per-column labels, formats and widths.
        select: Let the reader select one row (see :func:`text_detail`).
        height: Pixel height (None: Streamlit's default).

    Returns:
        The selection state when ``select`` (else Streamlit's element).
    """
    floats = df.select_dtypes("floating").columns
    extra: dict[str, Any] = {"on_select": "rerun", "selection_mode": "single-row"} if select else {}
    if height:
        extra["height"] = height
    return st.dataframe(
        df.round({c: decimals for c in floats}),
        hide_index=True,
        key=key,
        width="stretch",
        placeholder=MISSING,
        column_order=list(column_order) if column_order is not None else None,
        column_config=dict(column_config or {}),
        **extra,
    )


def text_detail(df: pd.DataFrame, selection: Any, column: str | Sequence[str] = "text") -> None:
    """The whole text of ``column`` (or several) of the row selected in a :func:`fit_table`.

    Without a selection, a hint to select a row.
    """
    rows = selection.selection.rows if selection is not None else []
    columns = [column] if isinstance(column, str) else list(column)
    shown = [c for c in columns if c in df.columns]
    if not rows or not shown:
        st.caption("Select a row to read its whole text.")
        return
    row = df.iloc[rows[0]]
    if len(shown) == 1:
        st.markdown(f"> {row[shown[0]]}")
        return
    for c in shown:
        st.markdown(f"**{c}**: {row[c]}")
