"""What every report section must satisfy (shared by the wings' section tests)."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import plotly.graph_objects as go

from analysis.report import ReportSection, render_report

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def check_section(section: ReportSection) -> str:
    """Titled plotly figures, filled tables, one drawn figure each in the HTML; the HTML."""
    assert section.figures and section.tables
    for caption, fig in section.figures:
        assert isinstance(fig, go.Figure), caption
        assert fig.layout.title.text, caption
    for caption, table in section.tables:
        assert isinstance(table, pd.DataFrame) and not table.empty, caption
    html = render_report([section], title="t", about={}, now=T0)
    assert html.count('class="plotly-graph-div"') == len(section.figures)
    return html
