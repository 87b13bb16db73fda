"""Per-item uncertainty decomposition on held-out ratings (appendix D.1), with its figure."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.profiles.plot_uncertainty import plot_uncertainty_scatter
from analysis.profiles.uncertainty import UNCERTAINTY_COLUMNS, compute_item_uncertainty
from engines.profiles.held_out import rating_losses
from tests.unit.profiles.toys import assert_figure

LN2 = math.log(2)
H91 = -(0.9 * math.log(0.9) + 0.1 * math.log(0.1))  # 0.325083 nats


def _losses(seed: int, name: str, items, raters, labels, probs) -> pd.DataFrame:
    rows = pd.DataFrame({"item_id": items, "annotator_id": raters, "label_code": labels})
    return rating_losses(seed, name, rows, np.asarray(probs, dtype=float))


def test_known_split_of_uncertainty_is_recovered() -> None:
    """Two kinds of rater; on item "split" kind A says 1 and kind B says 0, each with p = 0.9,
    on item "noise" everyone flips a fair coin. With decoders that know these laws, the
    no-information decoder predicts 0.5 on both; the profile decoder predicts 0.9 / 0.1 on
    "split" and 0.5 on "noise". True values: total ln 2 on both; aleatoric H(0.9) on "split"
    and ln 2 on "noise"; value-epistemic ln 2 - H(0.9) = 0.368 and 0."""
    rng = np.random.default_rng(0)
    frames = []
    for seed in range(3):
        n = 4000
        kind_a = rng.random(n) < 0.5
        raters = [f"r{seed}-{k}" for k in range(n)]
        y_split = np.where(kind_a, rng.random(n) < 0.9, rng.random(n) < 0.1).astype(int)
        y_noise = (rng.random(n) < 0.5).astype(int)
        p_own = np.where(kind_a[:, None], [[0.1, 0.9]], [[0.9, 0.1]])
        half = np.full((n, 2), 0.5)
        for item, y, p_prof in (("split", y_split, p_own), ("noise", y_noise, half)):
            frames.append(_losses(seed, "none", [item] * n, raters, y, half))
            frames.append(_losses(seed, "profile", [item] * n, raters, y, p_prof))
    out = compute_item_uncertainty(pd.concat(frames)).set_index("item_id")
    assert list(out.reset_index().columns) == UNCERTAINTY_COLUMNS
    assert out["n_ratings"].tolist() == [12000, 12000]
    np.testing.assert_allclose(out["total"], [LN2, LN2])
    np.testing.assert_allclose(out.loc["split", "aleatoric"], H91, atol=0.01)
    np.testing.assert_allclose(out.loc["split", "value_epistemic"], LN2 - H91, atol=0.01)
    assert out.loc["noise", "aleatoric"] == pytest.approx(LN2)
    assert out.loc["noise", "value_epistemic"] == pytest.approx(0.0, abs=1e-12)
    assert out.loc["split", "fraction_value_epistemic"] == pytest.approx(
        (LN2 - H91) / LN2, abs=0.02
    )


def test_hand_computed_case_and_a_negative_value() -> None:
    """One rating per item: the per-item values are that rating's two losses."""
    items, raters, labels = ["a", "b"], ["r1", "r2"], [0, 1]
    none = _losses(0, "none", items, raters, labels, [[0.5, 0.5], [0.5, 0.5]])
    prof = _losses(0, "profile", items, raters, labels, [[0.8, 0.2], [0.8, 0.2]])
    out = compute_item_uncertainty(pd.concat([none, prof])).set_index("item_id")
    assert out.loc["a", "aleatoric"] == pytest.approx(-math.log(0.8))
    assert out.loc["a", "value_epistemic"] == pytest.approx(LN2 + math.log(0.8))
    # on "b" the profile put the rating's class at 0.2: it misled the decoder
    assert out.loc["b", "value_epistemic"] == pytest.approx(LN2 + math.log(0.2))
    assert out.loc["b", "value_epistemic"] < 0
    assert compute_item_uncertainty(pd.concat([none, prof]), min_ratings=2).empty


def test_only_ratings_scored_under_both_representations_count() -> None:
    none = _losses(0, "none", ["a", "a"], ["r1", "r2"], [0, 0], [[0.5, 0.5]] * 2)
    prof = _losses(0, "profile", ["a"], ["r1"], [0], [[0.9, 0.1]])
    out = compute_item_uncertainty(pd.concat([none, prof]))
    assert out["n_ratings"].tolist() == [1]
    with pytest.raises(ValueError, match="'examples' has no held-out ratings"):
        compute_item_uncertainty(none, representation="examples")


def test_plot_uncertainty_scatter() -> None:
    rng = np.random.default_rng(0)
    items = [f"i{j}" for j in range(6)]
    labels = rng.integers(0, 3, 6)
    none = _losses(0, "none", items, items, labels, rng.dirichlet(np.ones(3), size=6))
    prof = _losses(0, "profile", items, items, labels, rng.dirichlet(np.ones(3), size=6))
    df = compute_item_uncertainty(pd.concat([none, prof]))
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


def test_label_colours_are_in_the_scale_order() -> None:
    """Issue #13.3: legend classes 1-5 in order, not in order of appearance."""
    items = [f"i{j}" for j in range(5)]
    none = _losses(0, "none", items, items, [0] * 5, [[0.5, 0.5]] * 5)
    prof = _losses(0, "profile", items, items, [0] * 5, [[0.6, 0.4]] * 5)
    df = compute_item_uncertainty(pd.concat([none, prof]))
    color = pd.Series(["2.0", "1.0", "10.0", "3.0", "1.0"], index=df["item_id"], name="label")
    fig = plot_uncertainty_scatter(df, color=color)
    assert [t.name for t in fig.data] == ["1.0", "2.0", "3.0", "10.0"]
