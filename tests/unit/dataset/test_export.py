"""Tests for analysis.export: formula-safe CSV and self-contained figure HTML."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.export import figure_html_bytes, neutralise_formulas, to_csv_bytes

# --------------------------------------------------------------------------- export


@pytest.mark.parametrize("cell", ["=SUM(A1)", "+1+1", "-2+3", "@cmd", "\tx", "\r=1"])
def test_neutralise_formulas_prefixes_dangerous_text(cell: str) -> None:
    out = neutralise_formulas(pd.DataFrame({"c": [cell, "safe"]}))
    assert out.c.tolist() == ["'" + cell, "safe"]


def test_neutralise_formulas_leaves_numbers_and_safe_text() -> None:
    df = pd.DataFrame(
        {
            "ints": [-1, 2],
            "floats": [-0.5, np.nan],
            "flags": [True, False],
            "text": ["a=b", None],
            "mixed": [-3, "=x"],  # object column: the number stays a number
            "cat": pd.Categorical(["=bad", "fine"]),
        }
    )
    out = neutralise_formulas(df)
    assert out.ints.tolist() == [-1, 2] and out.ints.dtype == df.ints.dtype
    assert out.floats.iloc[0] == -0.5 and np.isnan(out.floats.iloc[1])
    assert out["flags"].tolist() == [True, False]
    assert out.text.iloc[0] == "a=b" and pd.isna(out.text.iloc[1])
    assert out.mixed.tolist() == [-3, "'=x"]
    assert out.cat.tolist() == ["'=bad", "fine"]
    assert df.mixed.tolist() == [-3, "=x"]  # input unchanged


def test_to_csv_bytes_round_trip() -> None:
    df = pd.DataFrame(
        {
            "item_id": ["i1", "i2", "i3"],
            "score": [-1.5, 0.0, 2.25],
            "n": [-3, 4, 5],
            "text": ['=HYPERLINK("x")', "naïve, “quoted”", "-negative words"],
        }
    )
    data = to_csv_bytes(df)
    text = data.decode("utf-8")
    assert text.splitlines()[1].startswith("i1,-1.5,-3,")
    back = pd.read_csv(io.BytesIO(data))
    assert back.score.tolist() == [-1.5, 0.0, 2.25]
    assert back.n.tolist() == [-3, 4, 5]
    assert back.text.tolist() == ['\'=HYPERLINK("x")', "naïve, “quoted”", "'-negative words"]
    assert not any(line.startswith(("=", "+", "@")) for line in text.splitlines())


def test_figure_html_bytes_is_self_contained() -> None:
    html = figure_html_bytes(go.Figure(go.Bar(x=["a"], y=[1]))).decode("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert '<script src="http' not in html  # nothing fetched from a CDN
    assert len(html) > 1_000_000  # plotly.js embedded
