"""Rater representations and their partitions: fit/eval, rater splits, examples as text."""

from __future__ import annotations

import pandas as pd

from engines.profiles.representations import (
    ROLE,
    examples_text,
    hold_out_raters,
    partition_fit_eval,
    split_raters,
)


def test_partition_fit_sizes_follow_the_paper(toy_ds) -> None:
    part = partition_fit_eval(toy_ds.df, seed=3)
    sizes = part.groupby("annotator_id")[ROLE].agg(lambda s: (s == "fit").sum())
    totals = part.groupby("annotator_id").size()
    assert (sizes >= 2).all() and (sizes <= totals - 2).all()
    assert sizes.nunique() > 1  # |fit| is drawn per rater, not fixed
    again = partition_fit_eval(toy_ds.df, seed=3)
    assert again[ROLE].equals(part[ROLE])
    assert not partition_fit_eval(toy_ds.df, seed=4)[ROLE].equals(part[ROLE])


def test_partition_drops_raters_with_too_few_ratings(toy_ds) -> None:
    df = toy_ds.df
    few = df[df.annotator_id == "r00"].head(3)
    part = partition_fit_eval(pd.concat([df[df.annotator_id != "r00"], few]), seed=0)
    assert "r00" not in set(part.annotator_id)
    assert part.attrs["n_dropped_raters"] == 1


def test_split_raters_is_a_seeded_half() -> None:
    raters = [f"r{k}" for k in range(10)]
    a, b = split_raters(raters, 0), split_raters(raters, 1)
    assert len(a) == 5 and a <= set(raters)
    assert a == split_raters(list(reversed(raters)), 0)
    assert a != b


def test_hold_out_raters_keeps_each_rater_on_one_side(toy_ds) -> None:
    train, val = hold_out_raters(toy_ds.df, seed=0, fraction=0.15)
    assert val is not None and len(train) + len(val) == len(toy_ds.df)
    assert val.annotator_id.nunique() == 6  # round(40 * 0.15)
    assert not set(train.annotator_id) & set(val.annotator_id)
    again, _ = hold_out_raters(toy_ds.df, seed=0, fraction=0.15)
    assert again.index.equals(train.index)
    rows, none = hold_out_raters(toy_ds.df, seed=0, fraction=0.0)
    assert none is None and rows is toy_ds.df


def test_examples_text_writes_each_raters_first_examples() -> None:
    rows = pd.DataFrame(
        {
            "annotator_id": ["b", "a", "a", "a"],
            "text": ["x", "first item", "a much longer second item", "third"],
            "label": [1, 2, 5, 3],
        }
    )
    assert examples_text(rows, max_examples=2, max_chars=8) == {
        "a": '"first it" -> 2\n"a much l" -> 5',
        "b": '"x" -> 1',
    }
