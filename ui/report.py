"""The Home page's report: this session's results as one HTML file (issue #27)."""

from __future__ import annotations

import streamlit as st

from analysis.report import about_data, moe_section, overview_section, render_report
from engines.data.schema import AnnotationDataset
from ui.cache import overview_tables
from ui.moe import stored_result
from ui.state import get_min_group_size, get_text_encoder

__all__ = ["NOT_IN_REPORTS", "report_button", "report_html"]

NOT_IN_REPORTS = (
    "Value profiles", "Value calibration", "Annotator reliability", "Synthetic perspectives",
)  # fmt: skip
"""Wings whose results reports do not carry yet (listed in every report)."""


def report_html(ds: AnnotationDataset) -> bytes:
    """The overview and every wing trained in this session, as one self-contained HTML file."""
    min_group = get_min_group_size()
    tables = overview_tables(ds.fingerprint(), ds, True, min_group)
    sections = [overview_section(ds, tables, min_group)]
    not_run = []
    result = stored_result(ds)
    if result is not None:
        sections.append(moe_section(result))
    else:
        not_run.append("Demographic experts (not trained in this session)")
    not_run += [f"{wing} (not in reports yet)" for wing in NOT_IN_REPORTS]
    html = render_report(
        sections, title=ds.name, about=about_data(ds, get_text_encoder()), not_run=not_run
    )
    return html.encode("utf-8")


def report_button(ds: AnnotationDataset) -> None:
    """A download of the report, made when clicked."""
    st.download_button(
        "Download report (HTML)",
        data=lambda: report_html(ds),
        file_name="perspectives_report.html",
        mime="text/html",
        key="home_report",
        help="One HTML file that opens offline: takeaways, interactive figures, tables and "
        "the settings used, for the overview and every wing trained in this session.",
    )
