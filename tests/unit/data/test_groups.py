"""Tests for engines.data.groups: subgroup labels shared by every group-level table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engines.data.groups import MISSING, demographic_groups, group_label, group_order


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("f", "f"),
        ("  m ", "m"),
        (30.0, "30"),
        (30.5, "30.5"),
        (7, "7"),
        (None, MISSING),
        (np.nan, MISSING),
        (pd.NA, MISSING),
        ("", MISSING),
        ("   ", MISSING),
    ],
)
def test_group_label(value: object, label: str) -> None:
    assert group_label(value) == label


def test_group_order_sorts_and_puts_missing_last() -> None:
    assert group_order(["b", MISSING, "a", "b"]) == ["a", "b", MISSING]
    assert group_order(np.array(["z", "y"])) == ["y", "z"]
    assert group_order([]) == []


def test_demographic_groups_matches_ids_as_strings() -> None:
    ann = pd.DataFrame({"annotator_id": [1, 2], "age": [30.0, None], "region": ["n", " "]})
    groups = demographic_groups(pd.Series(["2", "1", "1", "3"]), ann, ["age", "region"])
    assert groups.index.tolist() == [0, 1, 2, 3]
    assert groups["age"].tolist() == [MISSING, "30", "30", MISSING]  # '3' is not in the table
    assert groups["region"].tolist() == [MISSING, "n", "n", MISSING]
    with pytest.raises(ValueError, match="duplicated attributes"):
        demographic_groups(["1"], ann, ["age", "age"])


def test_group_order_is_natural_for_age_bands_and_keeps_missing_last() -> None:
    """Issue #13: age bands by age in every group table, not as strings."""
    from engines.data.groups import MISSING, group_order

    labels = [">65", "25-29", "18-24", MISSING, "60-64", "<18"]
    assert group_order(labels) == ["<18", "18-24", "25-29", "60-64", ">65", MISSING]
    assert group_order(["White", "Asian", "Black"]) == ["Asian", "Black", "White"]
