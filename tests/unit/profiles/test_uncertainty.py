"""Per-item uncertainty decomposition (appendix D.1), with its figure."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.profiles.plot_uncertainty import plot_uncertainty_scatter
from analysis.profiles.uncertainty import compute_item_uncertainty
from tests.unit.profiles.toys import assert_figure

LN2 = math.log(2)


def test_entropy_decomposition_two_classes() -> None:
    p_none = np.array([[0.5, 0.5], [0.5, 0.5], [1.0, 0.0], [0.5, 0.5]])
    p_prof = np.array(
        [
            [[1.0, 0.0], [0.0, 1.0]],  # profiles fully explain it
            [[0.5, 0.5], [0.5, 0.5]],  # pure noise
            [[1.0, 0.0], [1.0, 0.0]],  # no uncertainty at all
            [[0.9, 0.1], [0.5, 0.5]],
        ]
    )
    out = compute_item_uncertainty(["a", "b", "c", "d"], p_none, p_prof)
    assert list(out.columns) == [
        "item_id",
        "total",
        "value_epistemic",
        "aleatoric",
        "fraction_value_epistemic",
    ]
    assert out["item_id"].tolist() == ["a", "b", "c", "d"]
    np.testing.assert_allclose(out["total"], [LN2, LN2, 0.0, LN2])
    h91 = -(0.9 * math.log(0.9) + 0.1 * math.log(0.1))  # 0.325083
    np.testing.assert_allclose(out["aleatoric"], [0.0, LN2, 0.0, (h91 + LN2) / 2])
    np.testing.assert_allclose(out["value_epistemic"], [LN2, 0.0, 0.0, LN2 - (h91 + LN2) / 2])
    frac = out["fraction_value_epistemic"].to_numpy()
    assert frac[0] == pytest.approx(1.0) and frac[1] == pytest.approx(0.0)
    assert np.isnan(frac[2])
    assert frac[3] == pytest.approx((LN2 - (h91 + LN2) / 2) / LN2)


def test_uncertainty_rejects_non_distributions() -> None:
    with pytest.raises(ValueError):
        compute_item_uncertainty(["a"], np.array([[0.5, 0.6]]), np.array([[[0.5, 0.5]]]))
    with pytest.raises(ValueError):
        compute_item_uncertainty(["a"], np.array([[0.5, 0.5]]), np.array([[[0.5, 0.5, 0.0]]]))


def test_plot_uncertainty_scatter() -> None:
    rng = np.random.default_rng(0)
    p_none = rng.dirichlet(np.ones(3), size=6)
    p_prof = rng.dirichlet(np.ones(3), size=(6, 4))
    df = compute_item_uncertainty([f"i{j}" for j in range(6)], p_none, p_prof)
    long_text = "word " * 100
    texts = pd.Series([long_text] * 6, index=df["item_id"])
    fig = plot_uncertainty_scatter(df, texts=texts)
    assert_figure(fig, "aleatoric uncertainty (nats)")
    hover = fig.data[0].customdata[0][3]
    assert len(hover.replace("<br>", " ")) <= 121 and hover.endswith("…")
    cat = plot_uncertainty_scatter(df, color=pd.Series(list("ababab"), name="group"))
    assert len(cat.data) == 2
    num = plot_uncertainty_scatter(df, color=pd.Series(np.arange(6.0), name="n"))
    assert num.data[0].marker.showscale
