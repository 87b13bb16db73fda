"""Tests for engines.data.splits: item-level splits, made or taken from the file."""

from __future__ import annotations

import pandas as pd

from engines.data.splits import make_item_splits
from engines.data.validation import LoadOptions, build_dataset
from tests.unit.data.toys import many_items


def test_make_item_splits_counts_determinism_and_seed() -> None:
    items = [f"i{k}" for k in range(20) for _ in range(3)]  # duplicates allowed
    s0 = make_item_splits(items, seed=0)
    assert len(s0) == 20
    counts = pd.Series(s0).value_counts().to_dict()
    assert counts == {"train": 14, "dev": 3, "test": 3}
    assert make_item_splits(items, seed=0) == s0
    assert make_item_splits(items, seed=1) != s0
    half = make_item_splits(items, seed=0, fractions=(1, 1, 0))
    assert pd.Series(half).value_counts().to_dict() == {"train": 10, "dev": 10}


def test_generated_splits_are_item_level_and_seeded() -> None:
    raw = many_items()
    ds0 = build_dataset(raw, options=LoadOptions(split_seed=0))
    assert ds0.df.groupby("item_id")["split"].nunique().max() == 1
    assert set(ds0.df.split) == {"train", "dev", "test"}
    per_item = ds0.items().set_index("item_id")["split"].value_counts().to_dict()
    assert per_item == {"train": 28, "dev": 6, "test": 6}
    again = build_dataset(raw, options=LoadOptions(split_seed=0))
    pd.testing.assert_series_equal(ds0.df.split, again.df.split)
    ds1 = build_dataset(raw, options=LoadOptions(split_seed=1))
    assert not ds0.df.split.equals(ds1.df.split)
    assert any("seed 1" in i.message for i in ds1.issues)


def test_provided_split_column_is_honoured_and_normalised() -> None:
    raw = many_items(6)
    names = {
        "i0": "train",
        "i1": "Training",
        "i2": "validation",
        "i3": "dev",
        "i4": "TEST",
        "i5": "eval",
    }
    raw["split"] = raw["item_id"].map(names)
    ds = build_dataset(raw)
    got = ds.items().set_index("item_id")["split"].to_dict()
    assert got == {
        "i0": "train",
        "i1": "train",
        "i2": "dev",
        "i3": "dev",
        "i4": "test",
        "i5": "test",
    }
    assert not any("item-level" in i.message for i in ds.issues)


def test_item_in_two_splits_is_resplit() -> None:
    raw = many_items(6)
    raw["split"] = "train"
    raw.loc[0, "split"] = "test"  # item i0 now in train and test
    ds = build_dataset(raw)
    assert ds.df.groupby("item_id")["split"].nunique().max() == 1
    assert any(i.message.startswith("1 item(s) appear in more than one split") for i in ds.issues)


def test_unknown_split_names_are_resplit() -> None:
    raw = many_items(6)
    raw["split"] = "fold7"
    ds = build_dataset(raw)
    assert set(ds.df.split) <= {"train", "dev", "test"}
    assert any(i.message.startswith("Unknown split names (fold7)") for i in ds.issues)


def _dev_test_only() -> pd.DataFrame:
    raw = many_items(40)
    k = raw["item_id"].str[1:].astype(int)
    raw["split"] = k.map(lambda i: "dev" if i < 30 else "test")
    return raw


def test_a_split_column_without_train_is_announced_and_replaced() -> None:
    """Issue #11.7: files published as dev + test only."""
    ds = build_dataset(_dev_test_only())
    assert "train" in set(ds.df.split)
    messages = " | ".join(i.message for i in ds.issues)
    assert "The split column holds dev (30 items), test (10 items) and no train split" in messages


def test_use_keeps_dev_test_only_with_a_warning_and_make_ignores_the_column() -> None:
    used = build_dataset(_dev_test_only(), options=LoadOptions(splits="use"))
    assert set(used.df.split) == {"dev", "test"}
    assert any("models cannot be trained" in i.message for i in used.issues)
    made = build_dataset(_dev_test_only(), options=LoadOptions(splits="make"))
    assert set(made.df.split) == {"train", "dev", "test"}
    assert any(i.message.startswith("Ignored the file's split column") for i in made.issues)


def test_kept_splits_say_what_they_hold() -> None:
    raw = many_items(6)
    raw["split"] = raw["item_id"].map(lambda i: "train" if i < "i4" else "test")
    ds = build_dataset(raw)
    assert "Kept the file's splits: test (2 items), train (4 items)." in [
        i.message for i in ds.issues
    ]
