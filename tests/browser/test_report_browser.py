"""The report in a real browser: it opens offline, every figure draws, nothing is fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS, sync_api

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "annotations.csv"


def test_the_report_opens_offline_with_every_figure_drawn(tmp_path: Path) -> None:
    from cli import main

    out = tmp_path / "report.html"
    argv = ["report", "--data", str(SAMPLE), "--out", str(out), "--wings", "overview,moe,realm",
            "--models", "mean,median,moe", "--epochs", "2"]  # fmt: skip
    assert main(argv) == 0
    n_figures = out.read_text(encoding="utf-8").count('class="plotly-graph-div"')
    assert n_figures >= 8  # the overview's, DEM-MoE's and REALM's
    requests: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("request", lambda r: requests.append(r.url))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(out.as_uri())
        page.wait_for_function(
            "(n) => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n",
            arg=n_figures,
            timeout=60_000,
        )
        drawn = page.evaluate(
            "() => [...document.querySelectorAll('.plotly-graph-div')]"
            ".map(d => d.querySelectorAll('.main-svg').length > 0 && d.clientHeight > 100)"
        )
        browser.close()
    assert drawn == [True] * n_figures
    assert not errors, errors
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
