"""The page's computed sentences say what the tables show; the figures draw those tables."""

from __future__ import annotations

import pandas as pd

from analysis.synthetic import (
    plot_blending_grid,
    plot_group_alignment,
    plot_homogenisation,
    plot_model_fit,
    plot_prototypical_features,
)
from analysis.synthetic.takeaways import (
    grid_takeaway,
    homogenisation_takeaway,
    model_fit_takeaway,
    prototypical_takeaway,
)


def _homog(s_alpha, s_low, s_high) -> pd.DataFrame:
    return pd.DataFrame({
        "source": ["human", "synthetic"], "alpha": [0.4, s_alpha], "alpha_low": [0.35, s_low],
        "alpha_high": [0.45, s_high], "entropy": [0.3, 0.2],
    })  # fmt: skip


def test_homogenisation_is_claimed_only_when_the_intervals_part() -> None:
    assert "homogenised" in homogenisation_takeaway(_homog(0.8, 0.75, 0.85))
    assert "No clear difference" in homogenisation_takeaway(_homog(0.5, 0.42, 0.6))
    assert "agree less" in homogenisation_takeaway(_homog(0.1, 0.05, 0.2))


def _grid(best_high: float) -> pd.DataFrame:
    return pd.DataFrame({
        "model": ["real only", "1x · mix", "1x · pt_ft"], "strategy": ["real only", "1x", "1x"],
        "blending": ["real only", "mix", "pt_ft"], "category_mae": [0.7, 0.75, 0.68],
        "category_low": [0.65, 0.7, 0.63], "category_high": [0.75, 0.8, 0.73],
        "vs_real": [0.0, 0.05, -0.02], "vs_real_low": [0.0, 0.03, -0.04],
        "vs_real_high": [0.0, 0.07, best_high],
    })  # fmt: skip


def test_grid_takeaway_names_the_best_cell_and_counts_help_and_harm() -> None:
    text = grid_takeaway(_grid(-0.005))
    assert text.startswith("**1x · pt_ft beats real data alone**")
    assert "1 of 2 cells help and 1 hurt" in text
    assert grid_takeaway(_grid(0.01)).startswith("**No blend clearly beats real data alone**")


def test_prototypical_and_model_fit_takeaways_follow_the_numbers() -> None:
    features = pd.DataFrame({"attribute": ["age", "gender"], "own_closest_share": [0.6, 0.5],
                             "chance": [0.25, 0.5], "lift": [2.4, 1.0],
                             "p_value": [0.001, 0.5]})  # fmt: skip
    assert "**The personas follow age**" in prototypical_takeaway(features)
    assert "follow none" in prototypical_takeaway(features.iloc[[1]])
    # a lift that chance explains (p above 0.05 / 2) is not claimed
    weak = features.assign(p_value=[0.04, 0.5])
    assert "follow none of their attributes beyond chance" in prototypical_takeaway(weak)
    fit = pd.DataFrame({"source": ["human", "human", "synthetic", "synthetic"],
                        "model": ["Text only", "DEM-MoE"] * 2,
                        "mae": [0.8, 0.6, 0.7, 0.75]})  # fmt: skip
    text = model_fit_takeaway(fit)
    assert "On human labels the best annotator model (DEM-MoE, 0.600) beats text only" in text
    assert "on synthetic labels the best annotator model (DEM-MoE, 0.750) does not beat" in text


def test_figures_draw_every_row() -> None:
    homog = _homog(0.8, 0.75, 0.85)
    assert len(plot_homogenisation(homog).data) == 4  # alpha and entropy per source
    grid = plot_blending_grid(_grid(-0.005))
    assert [t.name for t in grid.data] == ["mix", "pt_ft"]
    assert "real data only 0.700" in grid.layout.annotations[0].text
    align = pd.DataFrame({"attribute": ["age", "age", "gender"], "group": ["18-29", "60+", "m"],
                          "items": [10, 9, 8], "mae": [0.3, 0.4, 0.2],
                          "pearson": [0.8, 0.6, 0.9]})  # fmt: skip
    assert sum(len(t.y) for t in plot_group_alignment(align).data) == 3
    features = pd.DataFrame({"attribute": ["age"], "own_closest_share": [0.5], "chance": [0.25],
                             "p_value": [0.01],
                             "lift": [2.0]})  # fmt: skip
    assert list(plot_prototypical_features(features).data[0].y) == [2.0]
    fit = pd.DataFrame({"source": ["human", "synthetic"], "model": ["Text only"] * 2,
                        "mae": [0.8, 0.7], "ci_low": [0.7, 0.6],
                        "ci_high": [0.9, 0.8]})  # fmt: skip
    assert [t.name for t in plot_model_fit(fit).data] == ["human", "synthetic"]
