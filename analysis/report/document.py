"""One self-contained HTML file of a session's results: takeaways, figures, tables, methods.

The file needs nothing but a browser: plotly.js is inlined once, every figure is drawn from
its JSON, tables are plain HTML, and no element loads anything from elsewhere (no fonts, no
scripts, no images by URL). Made twice from the same results it is the same bytes apart from
its timestamp: figures get stable ids and nothing else varies. Data-derived text is escaped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

__all__ = ["ReportSection", "render_report"]

MAX_ROWS = 200
"""Rows of a table shown in the report (the rest are counted; full tables are downloads)."""

_STYLE = """
body{font-family:Arial,Helvetica,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;
color:#1f2430;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;
margin-top:2em}h3{font-size:1.05em;margin-top:1.4em}
.meta{color:#555;font-size:.9em}.takeaways li{margin:.3em 0}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0 1em}
th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f4f6f8}.note{color:#666;font-size:.85em}.figure{margin:1em 0}
.scroll{overflow-x:auto}
"""


@dataclass
class ReportSection:
    """One wing's results as the report shows them."""

    title: str
    """The wing ("Dataset overview", "Demographic experts")."""
    takeaways: list[str] = field(default_factory=list)
    """Plain sentences (``**bold**`` allowed), shown first in the report's summary too."""
    figures: list[tuple[str, go.Figure]] = field(default_factory=list)
    """``(caption, figure)``: drawn interactively."""
    tables: list[tuple[str, pd.DataFrame]] = field(default_factory=list)
    """``(caption, table)``: the first :data:`MAX_ROWS` rows."""
    methods: dict[str, object] = field(default_factory=dict)
    """The settings actually used (seeds, splits, encoder, model settings)."""


def _text(sentence: str) -> str:
    """A takeaway as HTML: escaped, ``**bold**`` and ``*italic*`` kept."""
    out = html.escape(str(sentence))
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    return re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", out)


def _table(df: pd.DataFrame) -> str:
    shown = df.head(MAX_ROWS)
    body = shown.to_html(index=False, escape=True, na_rep="", float_format=lambda v: f"{v:.4g}")
    more = len(df) - len(shown)
    note = f'<p class="note">… and {more:,} more rows.</p>' if more > 0 else ""
    return f'<div class="scroll">{body}</div>{note}'


def _figure(fig: go.Figure, div_id: str) -> str:
    return fig.to_html(
        full_html=False,
        include_plotlyjs=False,
        div_id=div_id,
        config={"displaylogo": False, "responsive": True},
    )


def _methods(methods: dict[str, object]) -> str:
    rows = "".join(
        f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>"
        for k, v in methods.items()
    )
    return f"<table>{rows}</table>"


def render_report(
    sections: list[ReportSection],
    *,
    title: str,
    about: dict[str, object],
    not_run: list[str] | None = None,
    now: datetime | None = None,
) -> str:
    """The report as one HTML document.

    Args:
        sections: the wings' results, in the order shown.
        title: the report's title (the dataset's name goes here).
        about: the data and the software (dataset fingerprint, rows, versions).
        not_run: wings with no results in this report (listed, so nothing is silently missing).
        now: the timestamp written (default: the current UTC time), the one part that varies.
    """
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_STYLE}</style>",
        f'<script type="text/javascript">{get_plotlyjs()}</script>',
        "</head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">Perspectives Lab report, made {stamp}.</p>',
        "<h2>Takeaways</h2>",
    ]
    for s in sections:
        if s.takeaways:
            items = "".join(f"<li>{_text(t)}</li>" for t in s.takeaways)
            parts.append(f'<h3>{html.escape(s.title)}</h3><ul class="takeaways">{items}</ul>')
    if not_run:
        parts.append(
            '<p class="note">Not in this report (not run): '
            + html.escape(", ".join(not_run))
            + ".</p>"
        )
    for k, s in enumerate(sections):
        parts.append(f"<h2>{html.escape(s.title)}</h2>")
        for j, (caption, fig) in enumerate(s.figures):
            titled = bool(fig.layout.title.text)  # the figure names itself
            heading = "" if titled else f"<h3>{html.escape(caption)}</h3>"
            parts.append(
                f'<div class="figure" aria-label="{html.escape(caption)}">{heading}'
                f"{_figure(fig, f'fig-{k}-{j}')}</div>"
            )
        for caption, table in s.tables:
            parts.append(f"<h3>{html.escape(caption)}</h3>{_table(table)}")
    parts.append("<h2>Methods</h2>")
    parts.append("<h3>Data and software</h3>" + _methods(about))
    for s in sections:
        if s.methods:
            parts.append(f"<h3>{html.escape(s.title)}</h3>{_methods(s.methods)}")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
