"""The demographic signal (issue #12.6): null-corrected, slider-free, hand-checked."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.dataset.signal import compute_demographic_signal, merged_label, spread
from tests.unit.dataset.toys import planted


def test_spread_matches_hand_computation() -> None:
    # Annotators (group, sum, n): (0, 2, 2), (0, 0, 2), (1, -2, 2).
    # Group means: g0 = 2/4 = 0.5, g1 = -1; overall m = 0; shares 4/6, 2/6.
    # S = sqrt(4/6 * 0.25 + 2/6 * 1) = sqrt(0.5)
    codes = np.array([0, 0, 1])
    assert spread(codes, np.array([2.0, 0.0, -2.0]), np.full(3, 2.0)) == pytest.approx(
        math.sqrt(0.5)
    )
    assert spread(np.zeros(3, int), np.ones(3), np.ones(3)) == 0.0


def test_planted_attribute_stands_out_and_the_noise_attribute_does_not() -> None:
    table, levels = compute_demographic_signal(planted(1.0), ["group", "noise"], n_boot=200)
    sig = table.set_index("attribute")
    assert table.attribute.tolist() == ["group", "noise"]  # sorted by signal
    # A gap of 1 between two equal halves: item-centred means +0.5 / -0.5, spread 0.5.
    assert sig.raw["group"] == pytest.approx(0.5, abs=0.02)
    assert sig.signal["group"] == pytest.approx(sig.raw["group"] - sig.null_mean["group"])
    assert sig.p_value["group"] == pytest.approx(1 / 201)
    # "noise" is balanced against "group" by design, so it spreads less than a random
    # attribute would (whose groups mix A and B by chance): at or below 0, not significant.
    assert sig.signal["noise"] < 0.02 and sig.p_value["noise"] > 0.05
    # every interval covers its own estimate
    assert ((table.ci_low <= table.signal) & (table.signal <= table.ci_high)).all()
    assert sig.ci_low["group"] > sig.ci_high["noise"]
    means = levels.set_index(["attribute", "group"])["mean_residual"]
    assert means[("group", "A")] == pytest.approx(0.5, abs=0.02)
    assert means[("group", "B")] == pytest.approx(-0.5, abs=0.02)


def test_under_no_effect_the_signal_is_centred_on_zero() -> None:
    """Unbiased under the null: many groups of one annotator would inflate a sum of |coef|."""
    signals = []
    for seed in range(20):
        df = planted(0.0, seed=seed)
        df["many"] = df["annotator_id"].str[1:].astype(int) % 10  # 10 groups of 4
        table, _ = compute_demographic_signal(df, ["group", "many"], n_boot=0, seed=seed)
        signals.append(table.set_index("attribute")["signal"])
    frame = pd.DataFrame(signals)
    assert abs(frame["group"].mean()) < 0.01 and abs(frame["many"].mean()) < 0.01
    assert (frame["many"] < 0).any()  # chance can come out below the noise floor


def test_the_signal_does_not_depend_on_the_privacy_minimum() -> None:
    """Issue #12.6: the ranking (and the values) are the same for every slider position."""
    df = planted(0.6)
    df["tiny"] = np.where(df["annotator_id"] == "u0", "solo", "rest")
    tables = [
        compute_demographic_signal(df, ["group", "noise", "tiny"], min_group_size=k)[0]
        for k in (1, 5, 10)
    ]
    for t in tables[1:]:
        pd.testing.assert_frame_equal(t, tables[0])


def test_small_groups_are_pooled_in_the_per_group_table_only() -> None:
    df = planted(0.0)
    df.loc[df["annotator_id"].isin(["u0", "u1"]), "group"] = "Other"  # a data category
    df.loc[df["annotator_id"] == "u2", "group"] = "rare"
    _, levels = compute_demographic_signal(df, ["group"], min_group_size=5, n_boot=0)
    groups = levels.set_index("group")
    merged = merged_label(5)
    assert merged == "merged (<5 annotators)"
    assert groups.loc[merged, "n_annotators"] == 3  # "Other" (2) and "rare" (1) pooled
    assert np.isnan(groups.loc[merged, "mean_residual"])  # 3 < 5: no mean shown
    assert set(groups.index) == {"A", "B", merged}


def test_item_centring_removes_item_exposure_effects() -> None:
    # Group A only rated hard items (rated 5 by everyone), group B only easy ones (1).
    rows = []
    for a in range(10):
        g = "A" if a < 5 else "B"
        for i in range(4):
            item = f"hard{i}" if g == "A" else f"easy{i}"
            rows.append((item, f"u{a}", 5.0 if g == "A" else 1.0, g))
    df = pd.DataFrame(rows, columns=["item_id", "annotator_id", "label", "g"])
    centred, _ = compute_demographic_signal(df, ["g"], n_boot=0)
    raw, _ = compute_demographic_signal(df, ["g"], n_boot=0, center_items=False)
    assert centred.raw.iloc[0] == pytest.approx(0.0, abs=1e-9)
    assert raw.raw.iloc[0] == pytest.approx(2.0)


def test_attributes_without_contrast_and_empty_input() -> None:
    df = planted(1.0)
    df["same"] = "x"
    table, _ = compute_demographic_signal(df, ["group", "same"], n_boot=0)
    assert table.attribute.tolist() == ["group"]
    empty, levels = compute_demographic_signal(df, [], n_boot=0)
    assert empty.empty and list(empty.columns)[:3] == ["attribute", "n_groups", "signal"]
    assert levels.empty
    nominal = df.assign(label="entailment")  # no demographics asked: the labels are not read
    assert compute_demographic_signal(nominal, [], n_boot=0)[0].empty


def test_on_the_sample_the_planted_age_leads_at_every_slider_position() -> None:
    """The bundled sample plants age as the dominant demographic effect (sample_data/README)."""
    from pathlib import Path

    from engines.data.load import load_dataset

    sample = Path(__file__).resolve().parents[3] / "sample_data" / "annotations.csv"
    ds = load_dataset(sample, name="sample")
    ranks = []
    for k in (1, 3, 5, 10):
        table, _ = compute_demographic_signal(ds.df, ds.demographics, min_group_size=k)
        ranks.append(table["attribute"].tolist())
        assert table.iloc[0]["attribute"] == "age" and table.iloc[0]["p_value"] < 0.01
    assert all(r == ranks[0] for r in ranks)
