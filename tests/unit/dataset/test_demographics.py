"""Tests for analysis.dataset.demographics (privacy, composition, demographic signal)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.dataset.demographics import (
    OTHER,
    compute_composition,
    compute_demographic_signal,
    count_combinations,
    merge_small_groups,
)
from tests.unit.dataset.toys import planted

# --------------------------------------------------------------------------- merging


def test_merge_small_groups(people: pd.DataFrame) -> None:
    safe, merged = merge_small_groups(people, ["gender", "age"], min_group_size=5)
    assert sorted(safe.gender.unique()) == ["f", "m", OTHER]
    assert (safe.gender == OTHER).sum() == 4  # 2 annotators x 2 rows
    assert merged.to_dict("records") == [{"attribute": "gender", "group": "x", "n_annotators": 2}]
    assert people.gender.tolist().count("x") == 4  # the input is not modified
    safe6, merged6 = merge_small_groups(people, ["gender"], min_group_size=6)
    assert sorted(merged6.group) == ["m", "x"]
    assert safe6.drop_duplicates("annotator_id").gender.value_counts().to_dict() == {
        OTHER: 7,
        "f": 6,
    }


def test_merge_small_groups_nothing_to_merge(people: pd.DataFrame) -> None:
    safe, merged = merge_small_groups(people, ["gender"], min_group_size=2)
    assert merged.empty and list(merged.columns) == ["attribute", "group", "n_annotators"]
    pd.testing.assert_frame_equal(safe, people)


# --------------------------------------------------------------------------- composition


def test_compute_composition(people: pd.DataFrame) -> None:
    comp = compute_composition(people, ["gender"], min_group_size=5)
    assert comp.columns.tolist() == [
        "attribute",
        "group",
        "n_annotators",
        "share",
        "n_annotations",
        "mean_label",
        "suppressed",
    ]
    rows = comp.set_index("group")
    assert rows.n_annotators.to_dict() == {"f": 6, "m": 5, OTHER: 2}
    assert rows.share["f"] == pytest.approx(6 / 13)
    assert rows.n_annotations.to_dict() == {"f": 12, "m": 10, OTHER: 4}
    assert rows.mean_label["f"] == pytest.approx(1.5)
    assert rows.mean_label["m"] == pytest.approx(3.5)
    assert np.isnan(rows.mean_label[OTHER])  # still under the limit: no mean is shown
    assert rows.suppressed.to_dict() == {"f": False, "m": False, OTHER: True}
    assert comp.group.tolist() == ["f", "m", OTHER]  # largest group first


def test_composition_merged_other_above_limit_shows_its_mean(people: pd.DataFrame) -> None:
    rows = compute_composition(people, ["gender"], min_group_size=6).set_index("group")
    # other = 5 m (3.5 each on average) + 2 x (5): (5*7 + 2*10) / 14 rows
    assert rows.n_annotators[OTHER] == 7
    assert rows.mean_label[OTHER] == pytest.approx((5 * 7 + 2 * 10) / 14)
    assert bool(rows.suppressed[OTHER])


def test_composition_nominal_labels_have_no_mean(people: pd.DataFrame) -> None:
    people["label"] = people["label"].map(str)
    comp = compute_composition(people, ["age"], min_group_size=1)
    assert comp.mean_label.isna().all()
    assert comp.set_index("group").n_annotators.to_dict() == {"young": 7, "old": 6}


def test_count_combinations(people: pd.DataFrame) -> None:
    # f: u0..u5 (young/old both), m: u6..u10 (both), x: u11 (old), u12 (young) -> 6 combos
    assert count_combinations(people, ["gender", "age"]) == 6
    assert count_combinations(people, ["gender"]) == 3
    assert count_combinations(people, []) == 0


# --------------------------------------------------------------------------- demographic signal


def test_planted_attribute_has_the_larger_signal() -> None:
    table, levels = compute_demographic_signal(planted(2.0), ["group", "noise"], n_boot=30)
    assert table.attribute.tolist() == ["group", "noise"]  # sorted by signal
    sig = table.set_index("attribute")
    # Ridge shrinks slightly: the A-B gap of 2 rating points splits into about +1 / -1.
    assert sig.signal["group"] == pytest.approx(2.0, abs=0.1)
    assert sig.signal["noise"] < 0.1
    assert sig.ci_low["group"] > sig.ci_high["noise"]
    assert sig.ci_low["group"] <= sig.signal["group"] <= sig.ci_high["group"]
    coef = levels.set_index(["attribute", "group"]).coef
    assert coef[("group", "A")] > 0.9 and coef[("group", "B")] < -0.9
    assert sig.n_levels.to_dict() == {"group": 2, "noise": 2}


def test_no_dependence_on_demographics_gives_near_zero_signal() -> None:
    df = planted(0.0)
    table, _ = compute_demographic_signal(df, ["group", "noise"], n_boot=0)
    assert table.signal.max() < 0.1
    assert table.ci_low.isna().all()  # n_boot=0 disables the interval
    # Replacing every rating by its item mean removes all demographic contrast exactly.
    const = df.assign(label=df.groupby("item_id")["label"].transform("mean"))
    table, _ = compute_demographic_signal(const, ["group", "noise"], n_boot=0)
    np.testing.assert_allclose(table.signal, 0.0, atol=1e-9)


def test_item_centring_removes_item_exposure_effects() -> None:
    # Group A only rated hard items (rated 5 by everyone), group B only easy ones (1): raw
    # ratings differ by group, item-centred ratings do not.
    rows = []
    for a in range(10):
        g = "A" if a < 5 else "B"
        for i in range(4):
            item = f"hard{i}" if g == "A" else f"easy{i}"
            rows.append((item, f"u{a}", 5.0 if g == "A" else 1.0, g))
    df = pd.DataFrame(rows, columns=["item_id", "annotator_id", "label", "g"])
    centred, _ = compute_demographic_signal(df, ["g"], n_boot=0)
    raw, _ = compute_demographic_signal(df, ["g"], n_boot=0, center_items=False)
    assert centred.signal.iloc[0] == pytest.approx(0.0, abs=1e-9)
    assert raw.signal.iloc[0] > 3.0


def test_signal_skips_attributes_without_contrast_after_merging() -> None:
    df = planted(1.0)
    df["rare"] = df.annotator_id  # every level has one annotator: all merge into 'other'
    table, levels = compute_demographic_signal(df, ["group", "rare"], n_boot=0)
    assert table.attribute.tolist() == ["group"]
    assert set(levels.attribute) == {"group"}
    empty, empty_levels = compute_demographic_signal(df, [], n_boot=0)
    assert empty.empty and list(empty.columns)[:3] == ["attribute", "n_levels", "signal"]
    assert empty_levels.empty


def test_undersized_other_group_gets_no_coefficient() -> None:
    df = planted(0.0)
    solo = df.annotator_id == "u0"
    df["group"] = df["group"].where(~solo, "solo")  # one annotator: merged 'other' of size 1
    df.loc[solo, "label"] += 3.0
    table, levels = compute_demographic_signal(df, ["group"], min_group_size=5, n_boot=0)
    assert "other" not in set(levels["group"]) and "solo" not in set(levels["group"])
    assert set(levels["group"]) == {"A", "B"}
