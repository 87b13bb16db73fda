"""Tests for engines.data.mapping: column-role inference, demographics detection, label scales."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engines.data.mapping import display_name, infer_mapping, infer_scale
from engines.data.schema import LabelScale


def _table(n_ann: int = 6, n_items: int = 4, **extra_cols) -> dict[str, list[object]]:
    """A long table with n_ann annotators x n_items items (annotator-major order)."""
    ann = [a for a in range(n_ann) for _ in range(n_items)]
    item = [i for _ in range(n_ann) for i in range(n_items)]
    return {"ann": ann, "item": item, **extra_cols}


# --------------------------------------------------------------------------- role aliases


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (
            ["instance_id", "user_id", "text", "offensiveness"],
            {
                "item_id": "instance_id",
                "annotator_id": "user_id",
                "text": "text",
                "label": "offensiveness",
            },
        ),
        (
            ["comment_id", "rater_id", "comment", "rating"],
            {
                "item_id": "comment_id",
                "annotator_id": "rater_id",
                "text": "comment",
                "label": "rating",
            },
        ),
        (
            ["id", "WorkerId", "processed", "Q_overall"],
            {
                "item_id": "id",
                "annotator_id": "WorkerId",
                "text": "processed",
                "label": "Q_overall",
            },
        ),
        (
            ["Item ID", "Annotator-ID", "Text", "Label"],
            {
                "item_id": "Item ID",
                "annotator_id": "Annotator-ID",
                "text": "Text",
                "label": "Label",
            },
        ),
    ],
)
def test_infer_mapping_recognises_aliases(columns: list[str], expected: dict[str, str]) -> None:
    rows = [[1, 10, "some words here", 1], [1, 11, "some words here", 2]]
    df = pd.DataFrame(rows, columns=columns)
    assert infer_mapping(df).roles == expected


def test_infer_mapping_crowdkit_task_is_the_item() -> None:
    df = pd.DataFrame({"task": ["t1", "t1"], "worker": ["w1", "w2"], "label": [0, 1]})
    m = infer_mapping(df)
    assert m.roles == {"item_id": "task", "annotator_id": "worker", "label": "label"}
    assert m.source("task") is None


def test_infer_mapping_pairs_and_optional_roles() -> None:
    df = pd.DataFrame(
        {
            "premise": ["a man sleeps", "a dog runs"],
            "hypothesis": ["someone rests", "a cat sits"],
            "worker": ["w1", "w2"],
            "label": ["entailment", "neutral"],
            "explanation": ["sleeping is a kind of resting", "dogs and cats are not the same"],
            "split": ["train", "dev"],
            "is_synthetic": [0, 1],
            "value_tags": ["care;fairness", "liberty"],
        }
    )
    m = infer_mapping(df)
    assert m.roles == {
        "text_a": "premise",
        "text_b": "hypothesis",
        "annotator_id": "worker",
        "label": "label",
        "rationale": "explanation",
        "split": "split",
        "is_synthetic": "is_synthetic",
        "value_tags": "value_tags",
    }


def test_infer_mapping_falls_back_to_texty_and_last_numeric_columns() -> None:
    df = pd.DataFrame(
        {
            "annotator": ["a", "b", "c"],
            "short": ["x", "y", "z"],
            "blurb": ["this is a long sentence", "another long sentence here", "and one more"],
            "count": [3, 4, 5],
            "grade": [1, 2, 3],
        }
    )
    m = infer_mapping(df)
    assert m.source("text") == "blurb"
    assert m.source("label") == "grade"  # the last numeric column not yet claimed


def test_infer_mapping_drops_single_valued_task_and_non_text_rationale() -> None:
    df = pd.DataFrame(
        {
            "user_id": [1, 2, 3],
            "text": ["t one", "t two", "t three"],
            "label": [0, 1, 0],
            "dataset": ["X", "X", "X"],
            "reason": ["a", "b", "c"],
        }
    )
    m = infer_mapping(df)
    assert m.source("task") is None
    assert m.source("rationale") is None
    # With two values the task column is kept.
    df["dataset"] = ["X", "Y", "X"]
    assert infer_mapping(df).source("task") == "dataset"


def test_infer_mapping_without_label_or_annotator_leaves_them_absent() -> None:
    df = pd.DataFrame({"text": ["a b c d e f g h i j", "k l m n o p q r s"], "note": ["x", "y"]})
    m = infer_mapping(df)
    assert m.source("label") is None and m.source("annotator_id") is None


# --------------------------------------------------------------------------- demographics


def test_demographics_constant_within_annotator_are_detected() -> None:
    t = _table(n_ann=6, n_items=4)
    t["rating"] = [(a + i) % 5 + 1 for a, i in zip(t["ann"], t["item"])]
    t["gender"] = ["m" if a % 2 else "f" for a in t["ann"]]
    t["country"] = [["UK", "US", "IN"][a % 3] for a in t["ann"]]
    t["mood"] = [["happy", "sad"][(a + i) % 2] for a, i in zip(t["ann"], t["item"])]
    t["constant"] = ["same"] * len(t["ann"])
    df = pd.DataFrame(t).rename(columns={"ann": "user_id", "item": "item_id"})
    m = infer_mapping(df)
    assert m.source("annotator_id") == "user_id"
    assert m.demographics == ("gender", "country")  # mood varies per row; constant has 1 level


def test_per_row_varying_attribute_is_not_demographic_even_if_named() -> None:
    t = _table(n_ann=4, n_items=3)
    t["rating"] = [1, 2, 3] * 4
    t["gender"] = ["m", "f", "m"] * 4  # changes within each annotator: not an attribute
    df = pd.DataFrame(t).rename(columns={"ann": "rater_id", "item": "item_id"})
    assert "gender" not in infer_mapping(df).demographics


def test_demographic_level_bounds() -> None:
    n_ann = 70
    t = _table(n_ann=n_ann, n_items=2)
    t["rating"] = [a % 2 for a in t["ann"]]
    t["zip"] = [f"z{a}" for a in t["ann"]]  # 70 levels > 60: not a demographic
    t["ages"] = [f"a{20 + a % 61}" for a in t["ann"]]  # 61 text levels > 60 even though named
    t["age"] = [f"{20 + a % 61}" for a in t["ann"]]  # 61 numbers: kept, binned when cleaned
    t["band"] = [f"b{a % 60}" for a in t["ann"]]  # exactly 60 levels: allowed
    t["pair"] = [f"p{a % 2}" for a in t["ann"]]  # 2 levels: allowed
    df = pd.DataFrame(t).rename(columns={"ann": "user_id", "item": "item_id"})
    assert infer_mapping(df).demographics == ("age", "band", "pair")


def test_one_value_per_annotator_is_an_id_unless_named_as_attribute() -> None:
    t = _table(n_ann=4, n_items=3)
    t["rating"] = [1, 2, 3] * 4
    t["email"] = [f"e{a}@x" for a in t["ann"]]  # unique per annotator: an id, not an attribute
    t["ann_age"] = [str(20 + a) for a in t["ann"]]  # unique too, but the prefix says attribute
    t["education"] = [f"level{a}" for a in t["ann"]]  # unique too, but a known attribute name
    df = pd.DataFrame(t).rename(columns={"ann": "user_id", "item": "item_id"})
    assert infer_mapping(df).demographics == ("ann_age", "education")


def test_demographics_tolerate_missing_values() -> None:
    t = _table(n_ann=4, n_items=2)
    t["rating"] = [0, 1] * 4
    t["race"] = ["A", None, "B", "B", "A", "A", None, "B"]  # per annotator: A, B, A, B
    df = pd.DataFrame(t).rename(columns={"ann": "user_id", "item": "item_id"})
    assert infer_mapping(df).demographics == ("race",)


def test_without_annotator_column_only_named_attributes_count() -> None:
    df = pd.DataFrame(
        {
            "text": ["one two three", "four five six", "seven eight nine"],
            "rating": [1, 2, 3],
            "gender": ["m", "f", "m"],
            "colour": ["r", "g", "r"],
            "rater_group": ["x", "y", "x"],
        }
    )
    assert infer_mapping(df).demographics == ("gender", "rater_group")


def test_popquorn_like_layout() -> None:
    n_ann, n_items = 8, 5
    t = _table(n_ann, n_items)
    df = pd.DataFrame(
        {
            "instance_id": t["item"],
            "user_id": t["ann"],
            "text": [f"comment number {i} with words" for i in t["item"]],
            "offensiveness": [float((a * i) % 5 + 1) for a, i in zip(t["ann"], t["item"])],
            "gender": [["Man", "Woman"][a % 2] for a in t["ann"]],
            "race": [["White", "Black", "Asian"][a % 3] for a in t["ann"]],
            "age": [["18-24", "25-29", "30-34", "35-39"][a % 4] for a in t["ann"]],
            "occupation": [["Student", "Unemployed"][a // 4] for a in t["ann"]],
            "education": [
                ["High school diploma or equivalent", "Bachelor's degree"][a % 2] for a in t["ann"]
            ],
        }
    )
    m = infer_mapping(df)
    assert m.roles == {
        "item_id": "instance_id",
        "annotator_id": "user_id",
        "text": "text",
        "label": "offensiveness",
    }
    assert m.demographics == ("gender", "race", "age", "occupation", "education")


# --------------------------------------------------------------------------- label scales


def test_infer_scale_binary() -> None:
    assert infer_scale(pd.Series([0, 1, 1, 0])) == LabelScale("binary", (0.0, 1.0))
    assert infer_scale(pd.Series([1, 2, 2])) == LabelScale("binary", (1.0, 2.0))
    assert infer_scale(pd.Series(["0", "1", None])) == LabelScale("binary", (0.0, 1.0))


def test_infer_scale_ordinal_spans_the_whole_integer_range() -> None:
    s = infer_scale(pd.Series([1.0, 2.0, 5.0, 5.0]))  # 3 and 4 never used
    assert s == LabelScale("ordinal", (1.0, 2.0, 3.0, 4.0, 5.0))
    assert s.describe() == "ordinal 1 to 5 (5 classes)"
    assert infer_scale(pd.Series(["-5", "0", "5"])).classes == tuple(float(v) for v in range(-5, 6))


def test_infer_scale_wide_integer_range_keeps_observed_values() -> None:
    # 0..100 would be 101 levels (> 21): the observed three values become the classes.
    assert infer_scale(pd.Series([0, 50, 100])) == LabelScale("ordinal", (0.0, 50.0, 100.0))


def test_infer_scale_non_integer_numbers() -> None:
    s = infer_scale(pd.Series([0.5, 1.5, 2.5, 1.5]))
    assert s == LabelScale("ordinal", (0.5, 1.5, 2.5))
    with pytest.raises(ValueError, match="continuous"):
        infer_scale(pd.Series(np.linspace(0, 1, 30)))


def test_infer_scale_nominal_strings_sorted_and_stripped() -> None:
    s = infer_scale(pd.Series(["neutral ", "entailment", "contradiction", "neutral"]))
    assert s == LabelScale("nominal", ("contradiction", "entailment", "neutral"))
    assert not s.is_numeric
    assert s.describe() == "nominal (3 classes: contradiction, entailment, neutral)"


def test_infer_scale_rejects_empty_and_too_many_strings() -> None:
    with pytest.raises(ValueError, match="no values"):
        infer_scale(pd.Series([None, np.nan], dtype=object))
    with pytest.raises(ValueError, match="61 distinct text values"):
        infer_scale(pd.Series([f"w{i}" for i in range(61)]))


def test_infer_scale_classes_cover_near_integers() -> None:
    # Regression: 1e-37 counted as the integer 0, so it was not among the classes and the
    # label-code cast in build_dataset crashed.
    s = infer_scale(pd.Series([0.0, 1e-37, 1.0]))
    assert s == LabelScale("ordinal", (0.0, 1e-37, 1.0))


def test_infer_scale_rejects_infinite_numbers_with_value_error() -> None:
    # Regression: 'inf' used to escape as an OverflowError.
    with pytest.raises(ValueError, match="infinite"):
        infer_scale(pd.Series([1.0, 2.0, np.inf]))


# --------------------------------------------------------------------------- display names


@pytest.mark.parametrize(
    ("col", "shown"),
    [
        ("ann_Gender", "Gender"),
        ("rater_age", "age"),
        ("Annotator_Group", "Group"),
        ("demo_income", "income"),
        ("gender", "gender"),
        ("ann_", "ann_"),
        ("annotation", "annotation"),
    ],
)
def test_display_name(col: str, shown: str) -> None:
    assert display_name(col) == shown
