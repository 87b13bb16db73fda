"""Tests for engines.data.validation.build_dataset and the cleaners it runs (engines.data.cleaning).

Every bad input named in DESIGN.md section 2 must give a specific message naming the column
and the CSV lines (1-based, header = line 1), and every dropped or merged row must be counted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engines.data.schema import ColumnMapping, DataValidationError, LabelScale
from engines.data.validation import LoadOptions, build_dataset
from tests.unit.data.toys import (
    KEEP_ALL,
    ORDINAL_1_5,
    assert_rows_accounted,
    errors,
    frame,
    removed_rows,
)

# --------------------------------------------------------------------------- the happy path


def test_good_table_loads_with_canonical_columns(good: pd.DataFrame) -> None:
    ds = build_dataset(good, name="good.csv")
    assert (ds.n_items, ds.n_annotators, ds.n_annotations) == (3, 3, 9)
    assert ds.scale == ORDINAL_1_5
    assert ds.demographics == ("gender",)
    assert ds.name == "good.csv" and ds.n_rows_in == 9
    assert {"item_id", "text", "annotator_id", "label", "label_code", "split"} <= set(ds.df)
    # label_code indexes scale.classes: rating 3 -> code 2.
    row = ds.df[(ds.df.item_id == "i0") & (ds.df.annotator_id == "u2")].iloc[0]
    assert row.label == 3.0 and row.label_code == 2
    assert ds.annotators().set_index("annotator_id")["gender"].to_dict() == {
        "u0": "f",
        "u1": "m",
        "u2": "m",
    }
    assert not [i for i in ds.issues if i.level != "info"]
    assert_rows_accounted(ds)


def test_whole_number_float_ids_lose_the_decimal() -> None:
    raw = frame([(1.0, 7.0, "a b", 0), (1.0, 8.0, "a b", 1), (2.0, 7.0, "c d", 1)])
    ds = build_dataset(raw)
    assert sorted(ds.df.annotator_id.unique()) == ["7", "8"]
    assert sorted(ds.df.item_id.unique()) == ["1", "2"]


def test_pairs_are_joined_into_text() -> None:
    raw = pd.DataFrame(
        {
            "premise": ["a man sleeps", "a man sleeps"],
            "hypothesis": ["someone rests", "someone rests"],
            "worker": ["w1", "w2"],
            "label": ["entailment", "neutral"],
        }
    )
    ds = build_dataset(raw)
    assert set(ds.df.text) == {"a man sleeps [SEP] someone rests"}
    assert ds.n_items == 1
    assert ds.scale == LabelScale("nominal", ("entailment", "neutral"))


def test_is_synthetic_flags_are_normalised() -> None:
    raw = frame(
        [("i", "a", "t t", 0, "yes"), ("i", "b", "t t", 1, "0"), ("j", "a", "u u", 1, "TRUE")],
        ("item_id", "user_id", "text", "rating", "is_synthetic"),
    )
    ds = build_dataset(raw)
    assert ds.df.is_synthetic.tolist() == [1, 0, 1]


# --------------------------------------------------------------------------- missing columns


def test_missing_annotator_column() -> None:
    raw = pd.DataFrame({"text": ["a b", "c d"], "rating": [1, 2]})
    with pytest.raises(DataValidationError) as exc:
        build_dataset(raw)
    (msg,) = errors(exc)
    assert "No column is mapped to 'annotator_id'" in msg
    assert "the file has: text, rating" in msg


def test_missing_label_and_text_columns_reported_together() -> None:
    raw = pd.DataFrame({"user_id": ["a", "b"], "note": ["x", "y"]})
    with pytest.raises(DataValidationError) as exc:
        build_dataset(raw)
    msgs = errors(exc)
    assert len(msgs) == 2
    assert "No column is mapped to 'label'" in msgs[0]
    assert "No column is mapped to 'text'" in msgs[1]
    assert str(exc.value) == "\n".join(msgs)


def test_mapping_names_a_column_not_in_the_file(good: pd.DataFrame) -> None:
    mapping = ColumnMapping(
        roles={"annotator_id": "user_id", "text": "text", "label": "score"}, demographics=("age",)
    )
    with pytest.raises(DataValidationError, match=r"Mapped column\(s\) not in the file: ") as exc:
        build_dataset(good, mapping)
    assert "score" in str(exc.value) and "age" in str(exc.value)


def test_column_both_role_and_demographic(good: pd.DataFrame) -> None:
    mapping = ColumnMapping(
        roles={"annotator_id": "user_id", "text": "text", "label": "rating", "task": "gender"},
        demographics=("task",),
    )
    good = good.assign(task=good["gender"])
    with pytest.raises(DataValidationError, match="'task' is both a role and a demographic"):
        build_dataset(good, mapping)


def test_empty_table() -> None:
    with pytest.raises(DataValidationError, match="no data rows"):
        build_dataset(pd.DataFrame({"user_id": [], "text": [], "rating": []}))


# --------------------------------------------------------------------------- labels


def test_labels_outside_declared_scale_rejected_with_lines(good: pd.DataFrame) -> None:
    good.loc[2, "rating"] = 7  # CSV line 4
    good.loc[5, "rating"] = 0  # CSV line 7
    with pytest.raises(DataValidationError) as exc:
        build_dataset(good, scale=ORDINAL_1_5, options=KEEP_ALL)
    (msg,) = errors(exc)
    assert msg == (
        "2 row(s) have labels outside the declared scale ordinal 1 to 5 (5 classes): 7.0, 0.0 "
        "(lines 4, 7)."
    )


def test_labels_outside_declared_scale_dropped_and_counted(good: pd.DataFrame) -> None:
    good.loc[2, "rating"] = 7
    ds = build_dataset(good, scale=ORDINAL_1_5)
    assert ds.n_annotations == 8
    (warn,) = [i for i in ds.issues if i.level == "warning"]
    assert warn.message.startswith("Dropped 1 row(s) with labels outside the declared scale")
    assert warn.message.endswith("(line 4).") and warn.rows_affected == 1
    assert_rows_accounted(ds)


def test_non_numeric_ordinal_labels(good: pd.DataFrame) -> None:
    good["rating"] = good["rating"].astype(object)
    good.loc[0, "rating"] = "high"
    with pytest.raises(DataValidationError) as exc:
        build_dataset(good, scale=ORDINAL_1_5, options=KEEP_ALL)
    (msg,) = errors(exc)
    assert msg == "1 row(s) have non-numeric labels such as 'high' (column 'label') (line 2)."
    ds = build_dataset(good, scale=ORDINAL_1_5)
    assert ds.n_annotations == 8 and removed_rows(ds) == 1


def test_mostly_numeric_labels_drop_the_rest_when_scale_is_inferred() -> None:
    rows = [(f"i{k}", f"u{k % 3}", f"text {k}", 1 + k % 4) for k in range(19)]
    rows.append(("i19", "u0", "text 19", "n/a"))  # 95% numeric -> numeric scale
    ds = build_dataset(frame(rows))
    assert ds.scale == LabelScale("ordinal", (1.0, 2.0, 3.0, 4.0))
    assert ds.n_annotations == 19 and removed_rows(ds) == 1
    assert any("non-numeric labels such as 'n/a'" in i.message for i in ds.issues)


def test_infinite_labels_are_invalid_rows() -> None:
    # Regression: 'inf' parsed as a number and crashed scale inference (OverflowError).
    rows = [(f"i{k}", f"u{k % 2}", "t t", str(k % 3)) for k in range(10)]
    rows.append(("i10", "u0", "u u", "inf"))  # 10 of 11 labels numeric: a numeric scale
    ds = build_dataset(frame(rows))
    assert ds.n_annotations == 10 and removed_rows(ds) == 1
    assert ds.scale == LabelScale("ordinal", (0.0, 1.0, 2.0))
    with pytest.raises(DataValidationError) as exc:
        build_dataset(frame(rows), options=KEEP_ALL)
    assert errors(exc) == [
        "1 row(s) have non-numeric labels such as 'inf' (column 'label') (line 12)."
    ]
    # When most labels are 'inf' the column is not treated as numbers at all: a clear error.
    few = [("i1", "a", "t t", "1"), ("i1", "b", "t t", "2"), ("i2", "a", "u u", "inf")]
    with pytest.raises(DataValidationError, match="infinite values"):
        build_dataset(frame(few))


def test_nominal_labels_get_codes_in_sorted_order() -> None:
    rows = [("i1", "a", "t t", "yes"), ("i1", "b", "t t", "no "), ("i2", "a", "u u", "maybe")]
    ds = build_dataset(frame(rows))
    assert ds.scale == LabelScale("nominal", ("maybe", "no", "yes"))
    assert ds.df.label_code.tolist() == [2, 1, 0]


def test_near_integer_labels_get_valid_codes() -> None:
    # Regression: 1e-37 was inferred as the integer 0 but not snapped, so the label-code cast
    # crashed with a pandas IntCastingNaNError.
    rows = [("i1", "a", "t t", 0.0), ("i1", "b", "t t", 1e-37), ("i2", "a", "u u", 1.0)]
    ds = build_dataset(frame(rows))
    assert ds.df.label_code.tolist() == [0, 1, 2]


def test_continuous_labels_are_an_error() -> None:
    rows = [(f"i{k}", f"u{k % 2}", "t t", k / 7) for k in range(30)]
    with pytest.raises(DataValidationError, match="looks continuous"):
        build_dataset(frame(rows))


# --------------------------------------------------------------------------- variety


def test_single_annotator() -> None:
    rows = [("i1", "solo", "t t", 1), ("i2", "solo", "u u", 2)]
    with pytest.raises(DataValidationError) as exc:
        build_dataset(frame(rows))
    assert errors(exc) == ["Only 1 annotator(s) (solo); disagreement analysis needs at least 2."]


def test_single_class() -> None:
    rows = [("i1", "a", "t t", 3), ("i1", "b", "t t", 3), ("i2", "a", "u u", 3)]
    with pytest.raises(DataValidationError) as exc:
        build_dataset(frame(rows))
    (msg,) = errors(exc)
    assert "Every label is '3.0'" in msg and "single class" in msg


def test_single_annotator_items_are_noted() -> None:
    rows = [("i1", "a", "t t", 1), ("i1", "b", "t t", 2), ("i2", "a", "u u", 2)]
    ds = build_dataset(frame(rows))
    assert any(
        i.level == "info" and i.message.startswith("1 of 2 item(s) have a single annotator")
        for i in ds.issues
    )


# --------------------------------------------------------------------------- missing values


@pytest.mark.parametrize(
    ("column", "what"),
    [
        ("user_id", "no annotator id (column 'annotator_id')"),
        ("text", "no text (column 'text')"),
        ("rating", "no label (column 'label')"),
        ("item_id", "no item id (column 'item_id')"),
    ],
)
@pytest.mark.parametrize("blank", [None, np.nan, "", "  "])
def test_missing_required_values(good: pd.DataFrame, column: str, what: str, blank) -> None:
    good[column] = good[column].astype(object)
    good.loc[3, column] = blank  # CSV line 5
    with pytest.raises(DataValidationError) as exc:
        build_dataset(good, options=KEEP_ALL)
    assert f"1 row(s) have {what} (line 5)." in errors(exc)
    ds = build_dataset(good)
    assert ds.n_annotations == 8
    assert f"Dropped 1 row(s) with {what} (line 5)." in [i.message for i in ds.issues]
    assert_rows_accounted(ds)


def test_missing_float_annotator_ids_do_not_crash_when_kept() -> None:
    # Regression: NaN in a float id column crashed the int cast (IntCastingNaNError).
    raw = frame([(1, 1.0, "a b", 1), (1, np.nan, "a b", 2), (2, 2.0, "c d", 1)])
    with pytest.raises(DataValidationError, match=r"no annotator id .* \(line 3\)"):
        build_dataset(raw, options=KEEP_ALL)
    with pytest.raises(DataValidationError, match=r"no item id .* \(line 2\)"):
        build_dataset(frame([(np.nan, 1.0, "a b", 1), (1.0, 2.0, "a b", 2)]), options=KEEP_ALL)


def test_line_list_is_abbreviated_after_five() -> None:
    rows = [(f"i{k}", f"u{k % 2}", "t t" if k % 3 else "", k % 2) for k in range(12)]
    with pytest.raises(DataValidationError) as exc:
        build_dataset(frame(rows), options=KEEP_ALL)
    # blank texts at k = 0, 3, 6, 9 -> lines 2, 5, 8, 11
    assert "4 row(s) have no text (column 'text') (lines 2, 5, 8, 11)." in errors(exc)
    rows = [(f"i{k}", f"u{k % 2}", "", k % 2) for k in range(8)]
    rows += [("x", "u0", "t t", 0), ("x", "u1", "t t", 1)]
    ds = build_dataset(frame(rows))
    assert "Dropped 8 row(s) with no text (column 'text') (lines 2, 3, 4, 5, 6 and 3 more)." in [
        i.message for i in ds.issues
    ]


def test_missing_demographic_becomes_unknown(good: pd.DataFrame) -> None:
    good["gender"] = good["gender"].astype(object)
    good.loc[[0, 3, 6], "gender"] = None  # annotator u0's gender is missing everywhere
    mapping = ColumnMapping(
        roles={"item_id": "item_id", "annotator_id": "user_id", "text": "text", "label": "rating"},
        demographics=("gender",),
    )
    ds = build_dataset(good, mapping)
    assert ds.annotators().set_index("annotator_id").loc["u0", "gender"] == "unknown"
    (warn,) = [i for i in ds.issues if i.level == "warning"]
    assert warn.message == "3 row(s) have no 'gender' value; shown as 'unknown'."
    assert warn.rows_affected == 3 and ds.n_annotations == 9


def test_blank_rationales_become_empty_strings() -> None:
    raw = frame(
        [("i", "a", "t t", 0, "because"), ("i", "b", "t t", 1, None)],
        ("item_id", "user_id", "text", "rating", "rationale"),
    )
    mapping = ColumnMapping(
        roles={
            "item_id": "item_id",
            "annotator_id": "user_id",
            "text": "text",
            "label": "rating",
            "rationale": "rationale",
        }
    )
    assert build_dataset(raw, mapping).df.rationale.tolist() == ["because", ""]


# --------------------------------------------------------------------------- text length


def test_over_long_text_is_truncated_and_reported(good: pd.DataFrame) -> None:
    good.loc[4, "text"] = "x" * 25  # CSV line 6
    ds = build_dataset(good, options=LoadOptions(max_text_chars=12))
    assert ds.df.text.str.len().max() == 12
    assert ds.df.loc[4, "text"] == "x" * 12
    (warn,) = [i for i in ds.issues if i.level == "warning"]
    assert warn.message == "Truncated 1 text(s) longer than 12 characters (line 6)."
    assert ds.n_annotations == 9  # truncation keeps the row


# --------------------------------------------------------------------------- duplicates


@pytest.fixture()
def dups() -> pd.DataFrame:
    """Annotator a labels i1 three times (1, 2, 2) and i2 twice (4, 5); b once each."""
    rows = [
        ("i1", "a", "t one", 1),
        ("i1", "a", "t one", 2),
        ("i1", "b", "t one", 3),
        ("i1", "a", "t one", 2),
        ("i2", "a", "t two", 4),
        ("i2", "b", "t two", 1),
        ("i2", "a", "t two", 5),
    ]
    return frame(rows)


def test_duplicates_keep(dups: pd.DataFrame) -> None:
    ds = build_dataset(dups, options=LoadOptions(duplicates="keep"))
    assert ds.n_annotations == 7
    (warn,) = [i for i in ds.issues if i.level == "warning"]
    assert warn.message == (
        "2 (item, annotator) pair(s) have more than one label (lines 2, 3, 5, 6, 8); "
        "all labels are kept."
    )
    assert warn.rows_affected == 5
    assert_rows_accounted(ds)


def test_duplicates_average_snaps_mean_to_nearest_class(dups: pd.DataFrame) -> None:
    ds = build_dataset(dups, options=LoadOptions(duplicates="average"))
    assert ds.n_annotations == 4
    got = ds.df.set_index(["item_id", "annotator_id"])["label"].to_dict()
    # (1+2+2)/3 = 1.67 -> 2; (4+5)/2 = 4.5 -> tie, the lower class 4 wins; singles unchanged.
    assert got == {("i1", "a"): 2.0, ("i1", "b"): 3.0, ("i2", "a"): 4.0, ("i2", "b"): 1.0}
    (warn,) = [i for i in ds.issues if i.level == "warning"]
    assert "3 row(s) were merged into their mean (nearest class)" in warn.message
    assert_rows_accounted(ds)
    # label codes follow the merged labels
    assert ds.df.set_index(["item_id", "annotator_id"]).loc[("i1", "a"), "label_code"] == 1


def test_duplicates_average_nominal_takes_mode() -> None:
    rows = [
        ("i1", "a", "t", "yes"),
        ("i1", "a", "t", "no"),
        ("i1", "a", "t", "no"),
        ("i1", "b", "t", "yes"),
    ]
    ds = build_dataset(frame(rows), options=LoadOptions(duplicates="average"))
    assert ds.df.set_index("annotator_id")["label"].to_dict() == {"a": "no", "b": "yes"}
    assert any(
        "2 row(s) were merged into their most frequent label" in i.message for i in ds.issues
    )
    assert_rows_accounted(ds)


def test_duplicates_reject(dups: pd.DataFrame) -> None:
    with pytest.raises(DataValidationError) as exc:
        build_dataset(dups, options=LoadOptions(duplicates="reject"))
    (msg,) = errors(exc)
    assert msg.startswith("2 (item, annotator) pair(s) have more than one label (lines 2, 3, 5")
    assert "Choose 'keep' or 'average'" in msg
    assert exc.value.issues[0].rows_affected == 5


# --------------------------------------------------------------------------- row accounting


def test_row_accounting_with_every_kind_of_defect() -> None:
    rows = [
        ("i1", "a", "t one", 1),
        ("i1", "b", "t one", 2),
        ("i1", None, "t one", 3),  # no annotator -> dropped
        ("i2", "a", None, 2),  # no text -> dropped
        ("i2", "b", "t two", None),  # no label -> dropped
        ("i2", "c", "t two", 9),  # outside scale -> dropped
        ("i2", "a", "t two", "bad"),  # non-numeric -> dropped
        ("i3", "a", "t three", 1),
        ("i3", "a", "t three", 3),  # duplicate -> merged
        ("i3", "a", "t three", 3),  # duplicate -> merged
        ("i3", "b", "t three", 5),
        (None, "b", "t four", 5),  # no item id -> dropped
    ]
    ds = build_dataset(frame(rows), scale=ORDINAL_1_5, options=LoadOptions(duplicates="average"))
    assert ds.n_rows_in == 12
    assert ds.n_annotations == 4  # (i1,a) (i1,b) (i3,a) (i3,b)
    assert removed_rows(ds) == 8  # 6 dropped + 2 merged
    assert_rows_accounted(ds)
    dropped = [i for i in ds.issues if i.message.startswith("Dropped")]
    assert sum(i.rows_affected for i in dropped) == 6


def test_accounting_helper_can_fail(good: pd.DataFrame) -> None:
    ds = build_dataset(good)
    ds.df = ds.df.iloc[1:]  # a silent loss must be detected
    with pytest.raises(AssertionError):
        assert_rows_accounted(ds)
