"""Issue #11.9: a column constant within each item is an item attribute, not a demographic."""

from __future__ import annotations

import pandas as pd
import pytest

from engines.data.mapping import infer_mapping
from engines.data.schema import ColumnMapping, DataValidationError
from engines.data.validation import build_dataset

LANGS = ("en", "ar", "hi")


def _table(n_items: int = 9, n_ann: int = 6) -> pd.DataFrame:
    """Every annotator rates every item; ``lang`` belongs to the item, ``gender`` to the rater."""
    rows = [
        {
            "item_id": f"i{i}",
            "user_id": f"u{a}",
            "text": f"post number {i}",
            "rating": (i + a) % 5 + 1,
            "lang": LANGS[i % 3],
            "gender": "fm"[a % 2],
        }
        for i in range(n_items)
        for a in range(n_ann)
    ]
    return pd.DataFrame(rows)


def test_an_item_level_column_is_proposed_as_an_item_attribute() -> None:
    m = infer_mapping(_table())
    assert m.item_attributes == ("lang",)
    assert m.demographics == ("gender",)


def test_without_repeated_items_nothing_is_proposed() -> None:
    # One annotation per item: every column is trivially constant within items.
    df = _table(n_items=12, n_ann=6)
    df = df.groupby("item_id").head(1).reset_index(drop=True)
    assert infer_mapping(df).item_attributes == ()


def test_item_attributes_are_kept_one_value_per_item() -> None:
    ds = build_dataset(_table())
    items = ds.items()
    assert ds.item_attributes == ("lang",) and ds.demographics == ("gender",)
    assert list(items.columns[-1:]) == ["lang"]
    expected = {f"i{i}": LANGS[i % 3] for i in range(9)}
    assert items.set_index("item_id")["lang"].to_dict() == expected
    assert "lang" not in ds.annotators().columns
    assert ds.summary()["item_attributes"] == ["lang"]
    assert any(
        i.message == "'lang' is an item attribute (3 values: ar, en, hi)." for i in ds.issues
    )


def test_an_item_whose_rows_disagree_takes_its_most_frequent_value_with_a_warning() -> None:
    df = _table()
    df.loc[(df["item_id"] == "i0") & (df["user_id"] == "u0"), "lang"] = "fr"
    df.loc[df["item_id"] == "i1", "lang"] = ["prefer not to say"] * 6
    mapping = ColumnMapping(
        roles={"item_id": "item_id", "annotator_id": "user_id", "text": "text", "label": "rating"},
        item_attributes=("lang",),
    )
    ds = build_dataset(df, mapping)
    langs = ds.items().set_index("item_id")["lang"]
    assert langs["i0"] == "en" and langs["i1"] == "unknown"
    warning = next(i for i in ds.issues if "Item attribute 'lang'" in i.message)
    assert "1 item(s)" in warning.message and warning.rows_affected == 6


def test_a_column_mapped_as_demographic_and_item_attribute_is_an_error() -> None:
    mapping = ColumnMapping(
        roles={"item_id": "item_id", "annotator_id": "user_id", "text": "text", "label": "rating"},
        demographics=("lang",),
        item_attributes=("lang",),
    )
    with pytest.raises(
        DataValidationError, match="'lang' is both a role or demographic and an item"
    ):
        build_dataset(_table(), mapping)
