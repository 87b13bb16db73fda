"""Tests for analysis.dataset.demographics (privacy, composition)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.dataset.demographics import (
    compute_composition,
    count_combinations,
    merge_small_groups,
)
from analysis.dataset.signal import merged_label

OTHER = merged_label(5)

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
        "merged (<6 annotators)": 7,
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
    merged = merged_label(6)
    # merged = 5 m (3.5 each on average) + 2 x (5): (5*7 + 2*10) / 14 rows
    assert rows.n_annotators[merged] == 7
    assert rows.mean_label[merged] == pytest.approx((5 * 7 + 2 * 10) / 14)
    assert bool(rows.suppressed[merged])


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
