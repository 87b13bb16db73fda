"""Usable information (Algorithm 1) and information preserved (eq. 3), with their figure."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.profiles.information import compute_usable_information, information_preserved
from analysis.profiles.plot_information import plot_usable_information
from tests.unit.profiles.toys import assert_figure

T975_DF2 = 4.302652729912  # Student t 97.5% quantile, 2 degrees of freedom (tables)


@pytest.fixture()
def losses() -> pd.DataFrame:
    rows = {
        "none": [1.00, 1.10, 0.90],
        "profile": [0.80, 0.85, 0.75],  # I per seed: 0.20, 0.25, 0.15
        "examples": [0.75, 0.85, 0.65],  # I per seed: 0.25, 0.25, 0.25
        "demographics": [1.02, 1.10, 0.90],  # I per seed: -0.02, 0, 0
    }
    return pd.DataFrame(
        [
            {"seed": s, "representation": r, "loss": v}
            for r, vals in rows.items()
            for s, v in enumerate(vals)
        ]
    )


def test_usable_information_values_and_t_interval(losses: pd.DataFrame) -> None:
    out = compute_usable_information(losses)
    assert list(out.columns) == [
        "representation",
        "loss_mean",
        "usable_info_nats",
        "ci_low",
        "ci_high",
        "n_seeds",
    ]
    assert list(out["representation"]) == ["none", "profile", "examples", "demographics"]
    row = out.set_index("representation").loc["profile"]
    # diffs 0.20, 0.25, 0.15: mean 0.2, sample sd 0.05
    half = T975_DF2 * 0.05 / math.sqrt(3)
    assert row["usable_info_nats"] == pytest.approx(0.2)
    assert row["ci_low"] == pytest.approx(0.2 - half)
    assert row["ci_high"] == pytest.approx(0.2 + half)
    assert row["loss_mean"] == pytest.approx(0.8)
    assert row["n_seeds"] == 3
    base = out.set_index("representation").loc["none"]
    assert base["usable_info_nats"] == 0.0
    assert base["ci_low"] == 0.0 and base["ci_high"] == 0.0
    examples = out.set_index("representation").loc["examples"]
    assert examples["ci_low"] == pytest.approx(0.25) and examples["ci_high"] == pytest.approx(0.25)


def test_usable_information_is_paired_by_seed_not_by_row_order(losses: pd.DataFrame) -> None:
    shuffled = losses.sample(frac=1.0, random_state=3)
    shuffled = pd.concat([losses.iloc[:1], shuffled.drop(index=0)])  # keep "none" first
    out = compute_usable_information(shuffled).set_index("representation")
    assert out.loc["profile", "usable_info_nats"] == pytest.approx(0.2)
    assert out.loc["profile", "ci_high"] - out.loc["profile", "ci_low"] == pytest.approx(
        2 * T975_DF2 * 0.05 / math.sqrt(3)
    )


def test_usable_information_single_seed_has_nan_ci() -> None:
    df = pd.DataFrame({"seed": [0, 0], "representation": ["profile", "none"], "loss": [0.6, 0.7]})
    out = compute_usable_information(df).set_index("representation")
    assert list(out.index) == ["profile", "none"]
    assert out.loc["profile", "usable_info_nats"] == pytest.approx(0.1)
    assert np.isnan(out.loc["profile", "ci_low"]) and np.isnan(out.loc["profile", "ci_high"])
    assert out.loc["profile", "n_seeds"] == 1


def test_usable_information_rejects_missing_baseline_and_duplicates(losses: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="baseline"):
        compute_usable_information(losses, baseline="nothing")
    with pytest.raises(ValueError, match="duplicate"):
        compute_usable_information(pd.concat([losses, losses.iloc[:1]]))


def test_information_preserved(losses: pd.DataFrame) -> None:
    out = compute_usable_information(losses)
    assert information_preserved(out, "profile", "examples") == pytest.approx(0.2 / 0.25)
    assert np.isnan(information_preserved(out, "profile", "none"))  # denominator 0
    assert np.isnan(information_preserved(out, "profile", "demographics"))  # negative
    with pytest.raises(KeyError):
        information_preserved(out, "profile", "missing")


def test_plot_usable_information(losses: pd.DataFrame) -> None:
    df = compute_usable_information(losses)
    fig = plot_usable_information(df)
    assert_figure(fig, "usable information (nats)")
    bar = fig.data[0]
    assert bar.orientation == "h"
    assert list(bar.y) == df["representation"].tolist()
    half = T975_DF2 * 0.05 / math.sqrt(3)
    assert bar.error_x.array[1] == pytest.approx(half)
    assert any(shape.x0 == 0 and shape.x1 == 0 for shape in fig.layout.shapes)
