"""Tests for analysis.dataset.disagreement (per-item disagreement statistics)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.dataset.disagreement import (
    compute_annotation_counts,
    compute_item_disagreement,
    compute_label_distribution,
    most_disputed_items,
)

ITEM_TABLE_COLUMNS = [
    "item_id",
    "text",
    "n_annotations",
    "mean",
    "sd",
    "entropy",
    "majority",
    "majority_share",
    "normalised_entropy",
]


def _frame(items: dict[str, list[object]]) -> pd.DataFrame:
    rows = [
        {"item_id": item, "text": f"text of {item}", "annotator_id": f"r{j}", "label": v}
        for item, labels in items.items()
        for j, v in enumerate(labels)
    ]
    return pd.DataFrame(rows)


@pytest.fixture()
def small() -> pd.DataFrame:
    return _frame({"a": [1, 1, 2, 2], "b": [3, 3, 3], "c": [1, 2, 4], "d": [5]})


def _row(table: pd.DataFrame, item: str) -> pd.Series:
    return table.set_index("item_id").loc[item]


def test_item_table_columns_and_order(small: pd.DataFrame) -> None:
    table = compute_item_disagreement(small)
    assert list(table.columns) == ITEM_TABLE_COLUMNS
    assert list(table["item_id"]) == ["a", "b", "c", "d"]
    assert list(table["n_annotations"]) == [4, 3, 3, 1]
    assert _row(table, "c")["text"] == "text of c"


def test_entropy_values(small: pd.DataFrame) -> None:
    table = compute_item_disagreement(small)
    assert _row(table, "a")["entropy"] == pytest.approx(math.log(2))
    assert _row(table, "b")["entropy"] == 0.0
    assert _row(table, "c")["entropy"] == pytest.approx(math.log(3))
    assert _row(table, "d")["entropy"] == 0.0


def test_normalised_entropy_uses_classes(small: pd.DataFrame) -> None:
    observed = compute_item_disagreement(small)  # observed classes {1, 2, 3, 4, 5}
    given = compute_item_disagreement(small, classes=[1, 2, 3, 4, 5, 6, 7])
    assert _row(observed, "a")["normalised_entropy"] == pytest.approx(math.log(2) / math.log(5))
    assert _row(given, "a")["normalised_entropy"] == pytest.approx(math.log(2) / math.log(7))
    assert _row(given, "b")["normalised_entropy"] == 0.0


def test_mean_and_sample_sd(small: pd.DataFrame) -> None:
    table = compute_item_disagreement(small)
    c = _row(table, "c")
    # [1, 2, 4]: mean 7/3; squared deviations 16/9 + 1/9 + 25/9 = 42/9; / (n - 1) = 7/3.
    assert c["mean"] == pytest.approx(7 / 3)
    assert c["sd"] == pytest.approx(math.sqrt(7 / 3))
    assert _row(table, "a")["sd"] == pytest.approx(np.std([1, 1, 2, 2], ddof=1))
    assert _row(table, "b")["sd"] == 0.0
    assert math.isnan(_row(table, "d")["sd"])  # a single annotation has no sample SD


def test_majority_and_tie_rule(small: pd.DataFrame) -> None:
    table = compute_item_disagreement(small)
    assert _row(table, "a")["majority"] == 1  # tie 1 vs 2 -> smallest
    assert _row(table, "a")["majority_share"] == 0.5
    assert _row(table, "b")["majority"] == 3
    assert _row(table, "b")["majority_share"] == 1.0
    assert _row(table, "c")["majority"] == 1  # three-way tie -> smallest
    assert _row(table, "c")["majority_share"] == pytest.approx(1 / 3)
    reordered = compute_item_disagreement(small, classes=[5, 4, 3, 2, 1])
    assert _row(reordered, "a")["majority"] == 2  # tie -> first in `classes`
    assert _row(reordered, "c")["majority"] == 4


def test_string_labels_not_numeric() -> None:
    df = _frame({"x": ["neg", "pos", "pos"], "y": ["pos", "neg"]})
    table = compute_item_disagreement(df, numeric=False, classes=["pos", "neg", "neu"])
    assert table["mean"].isna().all() and table["sd"].isna().all()
    assert _row(table, "x")["majority"] == "pos"
    assert _row(table, "y")["majority"] == "pos"  # tie -> first class in `classes`
    assert _row(table, "y")["normalised_entropy"] == pytest.approx(math.log(2) / math.log(3))
    default_order = compute_item_disagreement(df, numeric=False)
    assert _row(default_order, "y")["majority"] == "neg"  # tie -> alphabetically first
    with pytest.raises(ValueError, match="non-numeric"):
        compute_item_disagreement(df, numeric=True)


def test_labels_outside_classes_raise(small: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="classes"):
        compute_item_disagreement(small, classes=[1, 2, 3])
    with pytest.raises(ValueError, match="classes"):
        compute_label_distribution(small, classes=[1, 2, 3])


def test_missing_labels_ignored_and_no_text(small: pd.DataFrame) -> None:
    extra = pd.DataFrame({"item_id": ["a", "b"], "annotator_id": ["x", "y"], "label": [None, None]})
    with_missing = pd.concat([small, extra], ignore_index=True)
    pd.testing.assert_frame_equal(
        compute_item_disagreement(with_missing), compute_item_disagreement(small)
    )
    no_text = compute_item_disagreement(small.drop(columns="text"))
    assert no_text["text"].isna().all()
    assert list(no_text.columns) == ITEM_TABLE_COLUMNS


def test_empty_input() -> None:
    empty = pd.DataFrame({"item_id": [], "text": [], "annotator_id": [], "label": []})
    table = compute_item_disagreement(empty)
    assert table.empty and list(table.columns) == ITEM_TABLE_COLUMNS
    dist = compute_label_distribution(empty, classes=[0, 1])
    assert list(dist["count"]) == [0, 0]


def test_label_distribution_includes_zero_count_classes(small: pd.DataFrame) -> None:
    dist = compute_label_distribution(small, classes=[1, 2, 3, 4, 5, 6])
    assert list(dist.columns) == ["label", "count", "share"]
    assert list(dist["label"]) == [1, 2, 3, 4, 5, 6]
    assert list(dist["count"]) == [3, 3, 3, 1, 1, 0]
    assert dist["share"].sum() == pytest.approx(1.0)
    assert dist["share"].iloc[0] == pytest.approx(3 / 11)
    reversed_order = compute_label_distribution(small, classes=[6, 5, 4, 3, 2, 1])
    assert list(reversed_order["count"]) == [0, 1, 1, 3, 3, 3]
    observed = compute_label_distribution(small)
    assert list(observed["label"]) == [1, 2, 3, 4, 5]


def test_most_disputed_ordering() -> None:
    table = pd.DataFrame(
        {
            "item_id": ["p", "q", "r", "s", "t", "u"],
            "n_annotations": [3, 5, 5, 1, 4, 2],
            "entropy": [0.5, 0.5, 0.5, 2.0, 0.9, np.nan],
            "sd": [1.0, 0.2, 0.3, np.nan, 0.1, 0.4],
        }
    )
    top = most_disputed_items(table, by="entropy", n=10, min_annotations=2)
    # s is dropped (1 annotation), u (NaN entropy) too; ties at 0.5 -> more annotations first,
    # then item_id ascending.
    assert list(top["item_id"]) == ["t", "q", "r", "p"]
    assert list(top.index) == [0, 1, 2, 3]
    assert list(most_disputed_items(table, by="entropy", n=2)["item_id"]) == ["t", "q"]
    by_sd = most_disputed_items(table, by="sd", n=10, min_annotations=1)
    assert list(by_sd["item_id"]) == ["p", "u", "r", "q", "t"]
    with pytest.raises(ValueError, match="by"):
        most_disputed_items(table, by="mean")  # type: ignore[arg-type]


def test_most_disputed_on_computed_table(small: pd.DataFrame) -> None:
    table = compute_item_disagreement(small)
    assert list(most_disputed_items(table, n=2)["item_id"]) == ["c", "a"]


def test_annotation_counts(small: pd.DataFrame) -> None:
    by_item = compute_annotation_counts(small, by="item_id")
    assert list(by_item.columns) == ["item_id", "n_annotations"]
    assert dict(zip(by_item["item_id"], by_item["n_annotations"])) == {
        "a": 4,
        "b": 3,
        "c": 3,
        "d": 1,
    }
    by_annotator = compute_annotation_counts(small, by="annotator_id")
    assert list(by_annotator.columns) == ["annotator_id", "n_annotations"]
    assert dict(zip(by_annotator["annotator_id"], by_annotator["n_annotations"])) == {
        "r0": 4,
        "r1": 3,
        "r2": 3,
        "r3": 1,
    }
    assert by_annotator["n_annotations"].sum() == len(small)
