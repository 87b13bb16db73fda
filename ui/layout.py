"""Page conventions (issue #13): a results section opens with one computed takeaway sentence;
method details sit in an expander; tables fit their container with "–" for missing values.

A section is a keyed container (CSS class ``st-key-section_<key>``) whose first element after
its heading is a takeaway (``st-key-takeaway_<key>``); the browser test checks this
mechanically on every page. Takeaway sentences are computed in ``analysis`` (``*takeaway*``
functions), never written into a page.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import pandas as pd
import streamlit as st

__all__ = ["MISSING", "fit_table", "method_note", "page_style", "section", "takeaway"]

MISSING = "–"
"""How a missing value reads in every table."""

_CSS = """
<style>
[class*="st-key-takeaway_"] {
  border-left: 4px solid #4C78A8;
  padding: 0.15rem 0 0.15rem 0.75rem;
  margin-bottom: 0.25rem;
}
[class*="st-key-takeaway_"] p { font-size: 1.06rem; margin-bottom: 0; }
</style>
"""


def page_style() -> None:
    """The takeaway style; call once at the top of a page."""
    st.html(_CSS)


@contextmanager
def section(title: str, key: str, message: str) -> Iterator[None]:
    """A results section: heading, then the takeaway ``message`` (markdown), then the body."""
    with st.container(key=f"section_{key}"):
        st.subheader(title)
        takeaway(message, key)
        yield


def takeaway(message: str, key: str) -> None:
    """One computed sentence in plain words, styled as the section's headline."""
    st.container(key=f"takeaway_{key}").markdown(message)


def method_note(markdown: str, label: str = "How this is computed") -> None:
    """Method details and metric definitions, folded away."""
    with st.expander(label, icon=":material/info:"):
        st.markdown(markdown)


def fit_table(
    df: pd.DataFrame,
    *,
    key: str,
    decimals: int = 3,
    column_config: Mapping[str, Any] | None = None,
    height: int | None = None,
) -> Any:
    """A dataframe that fits its container: floats rounded, missing values shown as "–".

    Returns what ``st.dataframe`` returns (the selection when ``on_select`` is used elsewhere).
    """
    styler = df.style.format(precision=decimals, na_rep=MISSING, thousands=",")
    return st.dataframe(
        styler,
        hide_index=True,
        key=key,
        width="stretch",
        column_config=dict(column_config or {}),
        **({"height": height} if height else {}),
    )
