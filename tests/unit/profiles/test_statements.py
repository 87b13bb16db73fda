"""Statement effects and move attribution, against hand-computed tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.profiles import attribute_moves, compute_statement_effects, moved_nothing

RELEVANCE = np.array([[0.9, 0.1], [0.6, 0.8], [0.2, 0.7]])
EFFECT = np.array([[1.0, -0.05], [0.4, -1.2], [0.1, -0.6]])


def test_statement_effects_by_hand() -> None:
    table = compute_statement_effects(["A.", "B."], RELEVANCE, EFFECT, original=["A."])
    assert table["new"].tolist() == [False, True]
    assert table["items_concerned"].tolist() == [2, 2]
    np.testing.assert_allclose(table["share_concerned"], [2 / 3, 2 / 3])
    np.testing.assert_allclose(table["mean_effect"], [(1.0 + 0.4) / 2, (-1.2 - 0.6) / 2])
    assert table["direction"].tolist() == ["raises", "lowers"]


def test_a_statement_that_concerns_nothing_has_no_direction() -> None:
    table = compute_statement_effects(["C."], np.full((3, 1), 0.1), np.ones((3, 1)))
    assert table.loc[0, "items_concerned"] == 0 and table.loc[0, "mean_effect"] == 0
    assert table.loc[0, "direction"] == "–"


def test_moves_are_attributed_to_the_new_statement_with_the_largest_effect() -> None:
    table = compute_statement_effects(["A.", "B.", "C."], np.ones((3, 3)),
                                      np.c_[EFFECT, [0.3, 2.0, 0.0]], original=["A."])  # fmt: skip
    shift = pd.DataFrame({"item_id": ["z", "x", "y"], "delta": [0.1, 0.5, -0.2]})
    out = attribute_moves(shift, ["x", "y", "z"], table, np.c_[EFFECT, [0.3, 2.0, 0.0]])
    assert out["item_id"].tolist() == ["z", "x", "y"]
    assert out["moved_by"].tolist() == ["B.", "C.", "C."]
    np.testing.assert_allclose(out["its_effect"], [-0.6, 0.3, 2.0])
    none_new = compute_statement_effects(["A."], np.ones((3, 1)), EFFECT[:, :1], ["A."])
    assert (
        attribute_moves(shift, ["x", "y", "z"], none_new, EFFECT[:, :1])["moved_by"].eq("–").all()
    )


def test_moved_nothing_uses_the_largest_change() -> None:
    assert moved_nothing(pd.DataFrame({"delta": [0.01, -0.04]}))
    assert not moved_nothing(pd.DataFrame({"delta": [0.01, -0.3]}))
    assert not moved_nothing(pd.DataFrame({"delta": []}))


def test_shapes_are_checked() -> None:
    with pytest.raises(ValueError):
        compute_statement_effects(["A."], RELEVANCE, EFFECT)


def test_theme_examples_by_hand() -> None:
    from analysis.profiles import compute_theme_examples

    themes = pd.DataFrame(
        {"item_id": ["b", "a", "c"], "theme": [0, 0, 1], "theme_name": ["god", "god", "vote"]}
    )
    texts = pd.Series({"a": "first", "b": "x" * 200, "c": "third"})
    out = compute_theme_examples(themes, texts, n_examples=2, max_chars=10)
    assert out["theme_name"].tolist() == ["god", "vote"]
    assert out["n_items"].tolist() == [2, 1]
    assert out.loc[0, "examples"] == "first | xxxxxxxxx…"
