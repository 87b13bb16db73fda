"""Labels as written (issue #11.2-3): odd values announced, decimal commas read, no silent type."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engines.data.importers import read_csv_text
from engines.data.labels import label_outliers, preview_scale, read_numbers
from engines.data.schema import DataValidationError
from engines.data.validation import LoadOptions, build_dataset


def _ratings(labels: list[object]) -> pd.DataFrame:
    """One row per label: items cycle over 10 texts, annotators over 5 ids."""
    return pd.DataFrame(
        {
            "item_id": [f"i{k % 10}" for k in range(len(labels))],
            "annotator_id": [f"a{k % 5}" for k in range(len(labels))],
            "text": [f"post number {k % 10}" for k in range(len(labels))],
            "label": [str(v) for v in labels],
        }
    )


def _messages(ds) -> str:
    return " | ".join(i.message for i in ds.issues)


BULK = [1, 2, 3, 4, 5] * 20


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (BULK + [99, -1, -1], {-1: 2, 99: 1}),  # codes outside 1-5
        (BULK + [1e308], {1e308: 1}),  # far off
        (BULK + [9], {9: 1}),  # a code outside 1-5
        (list(range(1, 11)) * 20, {}),  # 9 is a rating on a 1-10 scale
        ([0, 1] * 50 + [-1], {-1: 1}),  # binary plus a code
        (BULK + [6], {}),  # one step beyond the bulk is no outlier
        ([1, 2, 3, 4] * 50 + [5], {}),  # a rare top rating is a rating
    ],
)
def test_outliers_by_hand(values: list[float], expected: dict) -> None:
    assert label_outliers(pd.Series(values, dtype=float)).to_dict() == expected


def test_read_numbers_accepts_decimal_commas_and_refuses_inf() -> None:
    numbers, comma = read_numbers(pd.Series(["2,5", " 3 ", "high", "inf", None, "1,000,5"]))
    np.testing.assert_array_equal(numbers.to_numpy(), [2.5, 3.0, np.nan, np.nan, np.nan, np.nan])
    assert comma.tolist() == [True, False, False, False, False, False]


def test_a_missing_value_code_does_not_inflate_the_scale() -> None:
    ds = build_dataset(_ratings(BULK + [99]))
    assert ds.scale.classes == (1.0, 2.0, 3.0, 4.0, 5.0)
    assert ds.n_annotations == 100
    assert "Dropped 1 row(s) with label values that look like missing-value codes" in _messages(ds)
    assert "99 (1 row)" in _messages(ds)


def test_codes_and_huge_values_are_dropped_and_counted() -> None:
    ds = build_dataset(_ratings(BULK + [-1, -1, -1, 1e308]))
    assert ds.scale.classes == (1.0, 2.0, 3.0, 4.0, 5.0)
    assert "-1 (3 rows), 1e+308 (1 row)" in _messages(ds)


def test_outliers_can_be_kept_with_a_warning() -> None:
    ds = build_dataset(_ratings(BULK + [99]), options=LoadOptions(label_outliers="keep"))
    assert 99.0 in ds.scale.classes and ds.n_annotations == 101
    assert "Kept label values" in _messages(ds)


def test_outliers_are_refused_when_invalid_rows_are_not_dropped() -> None:
    opts = LoadOptions(drop_invalid_rows=False)
    with pytest.raises(DataValidationError, match="missing-value codes"):
        build_dataset(_ratings(BULK + [99]), options=opts)


def test_decimal_commas_are_read_as_numbers() -> None:
    ds = build_dataset(_ratings([1, 2, "2,5", 3, 4, 5] * 10))
    assert ds.scale.kind == "ordinal" and 2.5 in ds.scale.classes
    assert "decimal comma" in _messages(ds)


def test_a_mostly_numeric_column_with_words_is_nominal_with_a_warning() -> None:
    labels = [1, 2, 3, 4, 5] * 8 + ["high", "low"] * 5
    ds = build_dataset(_ratings(labels))
    assert ds.scale.kind == "nominal"
    assert "mostly numbers (80%)" in _messages(ds) and "'high'" in _messages(ds)
    numeric = build_dataset(_ratings(labels), options=LoadOptions(label_kind="numeric"))
    assert numeric.scale.classes == (1.0, 2.0, 3.0, 4.0, 5.0) and numeric.n_annotations == 40
    assert "Dropped 10 row(s) with non-numeric labels" in _messages(numeric)


def test_a_file_with_a_code_loads_through_the_reader() -> None:
    text = "item_id,annotator_id,text,label\n" + "".join(
        f"{i},{a},post {i},{(i + a) % 5 + 1}\n" for i in range(10) for a in range(5)
    )
    ds = build_dataset(read_csv_text(text + "3,9,post 3,99\n"))
    assert ds.scale.classes == (1.0, 2.0, 3.0, 4.0, 5.0) and ds.n_annotations == 50


def test_preview_matches_what_loading_infers() -> None:
    raw = pd.Series([str(v) for v in BULK + [99]])
    description, odd = preview_scale(raw)
    assert description == build_dataset(_ratings(BULK + [99])).scale.describe()
    assert odd.to_dict() == {99: 1}
    assert preview_scale(pd.Series(["a", "b", "a"]))[1].empty
