"""A gold label column is read on the label's scale, announced and never silently lost."""

from __future__ import annotations

import pandas as pd

from engines.data.mapping import infer_mapping
from engines.data.schema import GOLD, GOLD_CODE
from engines.data.validation import build_dataset


def _frame(gold: list[object]) -> pd.DataFrame:
    return pd.DataFrame({
        "item_id": ["a", "a", "b", "b", "c", "c"], "text": ["x", "x", "y", "y", "z", "z"],
        "annotator_id": ["r1", "r2"] * 3, "label": [1, 2, 2, 3, 1, 3], "gold_label": gold,
    })  # fmt: skip


def test_gold_is_mapped_and_coded_on_the_label_scale() -> None:
    raw = _frame([2, 2, 3, 3, "", ""])
    assert infer_mapping(raw).roles[GOLD] == "gold_label"
    ds = build_dataset(raw, name="toy")
    codes = ds.df.drop_duplicates("item_id").set_index("item_id")[GOLD_CODE]
    assert codes["a"] == 1 and codes["b"] == 2 and pd.isna(codes["c"])  # classes 1, 2, 3
    assert any("Gold labels for 2 of 3 items" in i.message for i in ds.issues)


def test_values_off_the_scale_and_disagreeing_items_are_announced() -> None:
    ds = build_dataset(_frame([9, 9, 3, 1, 1, 1]), name="toy")
    messages = " ".join(i.message for i in ds.issues)
    assert "2 gold label(s) are not classes of the label scale (9)" in messages
    assert "1 item(s) have more than one gold label" in messages
    codes = ds.df.drop_duplicates("item_id").set_index("item_id")[GOLD_CODE]
    assert pd.isna(codes["a"]) and codes["b"] == 0 and codes["c"] == 0  # tie -> lowest
