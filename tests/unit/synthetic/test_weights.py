"""The weighted blend's w = A / T / P on a hand-computed case (issue #16)."""

from __future__ import annotations

import pandas as pd
import pytest

from engines.synthetic.weights import demographic_clusters, group_error, synthetic_weights


def _rows(data):
    return pd.DataFrame(data, columns=["item_id", "annotator_id", "label", "gender"])


HUMAN = _rows([
    ("i1", "h1", 2, "m"), ("i2", "h1", 4, "m"),
    ("i1", "h3", 2, "m"), ("i2", "h3", 4, "m"),
    ("i1", "h2", 4, "w"), ("i2", "h2", 4, "w"),
])  # fmt: skip
SYNTHETIC = _rows([
    ("i1", "s_m", 3, "m"), ("i2", "s_m", 4, "m"),
    ("i1", "s_w", 4, "w"), ("i2", "s_w", 2, "w"),
])  # fmt: skip
CLUSTERS = pd.Series({"h1": 0, "h3": 0, "s_m": 0, "h2": 1, "s_w": 1})


def test_group_error_is_the_mean_item_difference_on_shared_items() -> None:
    # men: i1 |3 - 2| = 1, i2 |4 - 4| = 0 -> 0.5
    assert group_error(SYNTHETIC[:2], HUMAN[:4]) == pytest.approx(0.5)
    assert pd.isna(group_error(SYNTHETIC[:1], HUMAN[1:2]))  # no shared item


def test_weights_match_the_hand_computation() -> None:
    """s_m: fidelity error 0.5 -> A = 2; its cluster's error T = 0.5; 2 of 3 humans are in it,
    P = 2/3: w = 2 / 0.5 / (2/3) = 6. s_w: error 1 -> A = 1, T = 1, P = 1/3: w = 3."""
    raw = synthetic_weights(SYNTHETIC, HUMAN, ["gender"], CLUSTERS, normalise=False)
    assert raw["alignment"].tolist() == pytest.approx([2, 2, 1, 1])
    assert raw["trust_error"].tolist() == pytest.approx([0.5, 0.5, 1, 1])
    assert raw["prevalence"].tolist() == pytest.approx([2 / 3, 2 / 3, 1 / 3, 1 / 3])
    assert raw["weight"].tolist() == pytest.approx([6, 6, 3, 3])
    scaled = synthetic_weights(SYNTHETIC, HUMAN, ["gender"], CLUSTERS)
    assert scaled["weight"].tolist() == pytest.approx([4 / 3, 4 / 3, 2 / 3, 2 / 3])


def test_a_perfect_match_is_floored_and_missing_clusters_are_named() -> None:
    exact = SYNTHETIC.assign(label=[2, 4, 4, 4])
    raw = synthetic_weights(exact, HUMAN, ["gender"], CLUSTERS, normalise=False, floor=0.1)
    assert raw["alignment"].max() == pytest.approx(10.0)
    with pytest.raises(KeyError, match="no cluster"):
        synthetic_weights(SYNTHETIC, HUMAN, ["gender"], CLUSTERS.drop("s_w"))


def test_demographic_clusters_put_identical_profiles_together() -> None:
    people = pd.DataFrame({"annotator_id": list("abcd"), "gender": ["m", "m", "w", "w"],
                           "age": ["young", "young", "old", "old"]})  # fmt: skip
    c = demographic_clusters(people, ["gender", "age"], k=2)
    assert c["a"] == c["b"] and c["c"] == c["d"] and c["a"] != c["c"]
