"""Demographics as researchers store them (issue #11.9): placeholders, numeric ages."""

from __future__ import annotations

import numpy as np
import pandas as pd

from engines.data.demographics import bin_numeric
from engines.data.validation import LoadOptions, build_dataset


def _with_attribute(values: dict[str, object], n_items: int = 6) -> pd.DataFrame:
    """Every annotator of ``values`` rates every item; their attribute is ``age``."""
    rows = [
        (f"i{i}", ann, f"post number {i}", (i + k) % 5 + 1, value)
        for k, (ann, value) in enumerate(values.items())
        for i in range(n_items)
    ]
    return pd.DataFrame(rows, columns=["item_id", "annotator_id", "text", "label", "age"])


def test_bins_by_hand() -> None:
    """Ten annotators aged 20..29 in two quantile bins: 20-24 and 25-29 (closed ranges)."""
    ages = pd.Series([str(20 + k) for k in range(10)] * 2)
    annotators = pd.Series([f"a{k}" for k in range(10)] * 2)
    bins = bin_numeric(ages, annotators, 2)
    assert bins is not None
    assert bins.iloc[:10].tolist() == ["20–24"] * 5 + ["25–29"] * 5
    assert bin_numeric(pd.Series(["a", "b"] * 9), annotators.iloc[:18], 2) is None
    assert bin_numeric(pd.Series(["1", "2", "3"]), annotators.iloc[:3], 2) is None  # few values


def test_a_numeric_age_with_61_values_is_binned_not_dropped() -> None:
    ages = {f"a{k}": 18 + k for k in range(61)}
    ds = build_dataset(_with_attribute(ages, n_items=3))
    assert "age" in ds.demographics
    groups = ds.annotators().set_index("annotator_id")["age"]
    assert groups.nunique() == 5
    assert groups["a0"] == "18–29" and groups["a60"].endswith("–78")
    counts = groups.value_counts()
    assert counts.max() - counts.min() <= 2  # about equal numbers of annotators
    for ann, label in groups.items():  # every annotator inside the range its label names
        lo, hi = (int(x) for x in label.split("–"))
        assert lo <= ages[ann] <= hi, (ann, ages[ann], label)
    messages = " | ".join(i.message for i in ds.issues)
    assert "'age' is numeric with 61 distinct values: grouped into 5 bins" in messages
    raw = build_dataset(_with_attribute(ages, n_items=3), options=LoadOptions(numeric_bins=0))
    assert raw.annotators()["age"].nunique() == 61


def test_placeholders_are_missing_not_a_group() -> None:
    values = {"a": "25-34", "b": "DATA_EXPIRED", "c": "35-44", "d": "CONSENT_REVOKED", "e": "None"}
    ds = build_dataset(_with_attribute(values))
    groups = ds.annotators().set_index("annotator_id")["age"]
    assert groups.to_dict() == {
        "a": "25-34", "b": "unknown", "c": "35-44", "d": "unknown", "e": "None",
    }  # fmt: skip
    messages = " | ".join(i.message for i in ds.issues)
    assert "12 placeholder value(s) read as missing (CONSENT_REVOKED 6, DATA_EXPIRED 6)" in messages


def test_missing_ages_stay_missing_when_binned() -> None:
    ages: dict[str, object] = {f"a{k}": 20 + k for k in range(12)}
    ages["z"] = np.nan
    ds = build_dataset(_with_attribute(ages, n_items=3))
    groups = ds.annotators().set_index("annotator_id")["age"]
    assert groups["z"] == "unknown" and groups.drop("z").ne("unknown").all()
