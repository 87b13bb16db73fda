"""The HTML report: same bytes for the same results, escaped text, offline, settings shown."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.report import ReportSection, about_data, overview_section, render_report

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "sample_data" / "annotations.csv"
T0, T1 = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 6, 30, 12, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def sample():  # noqa: ANN201
    from engines.data.load import load_dataset

    return load_dataset(SAMPLE)


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag of ``html`` with its attributes."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Tags().feed(html)
    return found


def _changed_lines(a: str, b: str) -> list[tuple[str, str]]:
    return [(x, y) for x, y in zip(a.splitlines(), b.splitlines(), strict=True) if x != y]


def test_a_report_made_twice_differs_only_in_its_timestamp(sample) -> None:  # noqa: ANN001
    made = [
        render_report([overview_section(sample)], title="t", about=about_data(sample), now=now)
        for now in (T0, T0, T1)
    ]
    assert made[0] == made[1]
    changed = _changed_lines(made[0], made[2])
    assert len(changed) == 1 and "2026-01-01 00:00 UTC" in changed[0][0]
    assert "2026-06-30 12:05 UTC" in changed[0][1]


def test_figures_tables_and_takeaways_are_all_there(sample) -> None:  # noqa: ANN001
    section = overview_section(sample)
    html = render_report([section], title="t", about=about_data(sample), now=T0)
    assert html.count('class="plotly-graph-div"') == len(section.figures) >= 4
    assert html.count("<table") >= len(section.tables)
    assert html.index("<h2>Takeaways</h2>") < html.index('class="plotly-graph-div"')
    assert sample.fingerprint() in html  # the data it was made from
    for takeaway in section.takeaways:  # each sentence appears (markup aside)
        plain = re.sub(r"\*+", "", takeaway).split(":")[0]
        assert escape(plain) in re.sub(r"</?(strong|em)>", "", html)


def test_text_from_the_data_is_escaped_and_nothing_is_fetched() -> None:
    table = pd.DataFrame({"item": ['<img src="http://host/p.png">'], "n": [1]})
    fig = go.Figure(data=[{"type": "bar", "x": ["<b>a</b>"], "y": [1]}])
    section = ReportSection(
        "Wing <script>", takeaways=["**Bold** and <a href='http://x'>link</a>"],
        figures=[("f", fig)], tables=[("t <i>", table)], methods={"seed": 7},
    )  # fmt: skip
    html = render_report([section], title="<title>", about={"dataset": "<x>"}, now=T0)
    html = re.sub(r"<script[^>]*>.*?</script>", "<script></script>", html, flags=re.S)  # plotly.js
    assert "<strong>Bold</strong>" in html
    tags = _tags(html)
    assert not {"img", "a"} & {t for t, _ in tags}  # the data's markup is text, not tags
    assert "&lt;script&gt;" in html  # the section's title, as text
    assert [a for _, attrs in tags for a in attrs if a[0] in ("src", "href")] == []  # offline
    assert "<th>seed</th><td>7</td>" in html  # the settings used


def test_the_cli_writes_a_report_and_refuses_unknown_wings(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from cli import main

    out = tmp_path / "r.html"
    assert main(["report", "--data", str(SAMPLE), "--out", str(out), "--wings", "overview"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Dataset overview" in html and "Demographic experts (not run" not in html
    assert "moe (not asked for)" in html  # nothing silently missing
    assert main(["report", "--data", str(SAMPLE), "--out", str(out), "--wings", "nope"]) == 1
    assert "unknown wings ['nope']" in capsys.readouterr().err


def test_mcstl_clusters_come_from_what_the_data_have(sample) -> None:  # noqa: ANN001
    import dataclasses

    from cli.report_wings import cluster_source
    from engines.data.schema import RATIONALE, VALUE_TAGS

    df = sample.df.drop(columns=[c for c in (VALUE_TAGS, RATIONALE) if c in sample.df])
    bare = dataclasses.replace(sample, df=df)
    assert cluster_source(bare) == "demographics"
    with_rationales = dataclasses.replace(sample, df=df.assign(**{RATIONALE: "because"}))
    assert cluster_source(with_rationales) == "rationale"
    tagged = dataclasses.replace(with_rationales, df=with_rationales.df.assign(**{VALUE_TAGS: "x"}))
    assert cluster_source(tagged) == "tags"


def test_a_wing_that_cannot_run_is_named_with_its_reason(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import cli.report_wings as wings
    from cli import main

    def refuse(ds, args):  # noqa: ANN001, ANN202
        raise ValueError("needs at least two raters per item")

    monkeypatch.setitem(wings.RUNNERS, "realm", refuse)
    out = tmp_path / "r.html"
    argv = ["report", "--data", str(SAMPLE), "--out", str(out), "--wings", "overview,realm"]
    assert main(argv) == 0  # the rest of the report is still written
    html = out.read_text(encoding="utf-8")
    assert "realm (could not run with its defaults: needs at least two raters per item)" in html


def test_the_headless_report_runs_the_synthetic_wing(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from cli import main

    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "r.html"
    argv = ["report", "--data", str(SAMPLE), "--out", str(out), "--wings", "synthetic",
            "--epochs", "2", "--encoder", "hashing"]  # fmt: skip
    assert main(argv) == 0
    html = out.read_text(encoding="utf-8")
    assert "<h2>Synthetic perspectives (generated annotations)</h2>" in html
    assert "Blending grid" in html and "not run headless" not in html
    assert "generator" in html and "imputation" in html  # the methods name what made the sets
