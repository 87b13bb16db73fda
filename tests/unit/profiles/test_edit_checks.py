"""analysis.profiles.edit_checks against hand-computed cases."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.profiles.edit_checks import EDIT_CHECK_COLUMNS, edit_shift, summarise_edit_checks

CLASSES = [1.0, 2.0, 3.0]


def test_global_shift_is_the_mean_change_of_the_expected_label() -> None:
    before = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])  # E = 1, 2
    after = np.array([[0.0, 1.0, 0.0], [0.0, 0.5, 0.5]])  # E = 2, 2.5
    shift, topic_shift = edit_shift(before, after, CLASSES)
    assert shift == pytest.approx(0.75)  # mean(+1, +0.5)
    assert topic_shift == pytest.approx(0.75)


def test_topical_shift_is_topic_minus_rest() -> None:
    before = np.tile([0.0, 1.0, 0.0], (4, 1))  # E = 2 everywhere
    after = np.array(
        [[0.0, 0.0, 1.0], [0.0, 0.0, 1.0], [0.0, 0.5, 0.5], [0.0, 1.0, 0.0]]
    )  # E = 3, 3, 2.5, 2 -> changes +1, +1, +0.5, 0
    topic = np.array([True, True, False, False])
    shift, inside = edit_shift(before, after, CLASSES, topic)
    assert inside == pytest.approx(1.0)
    assert shift == pytest.approx(1.0 - 0.25)
    # Moving every item alike is not a topical effect.
    uniform = np.tile([0.0, 0.0, 1.0], (4, 1))
    assert edit_shift(before, uniform, CLASSES, topic)[0] == pytest.approx(0.0)


def test_bad_inputs_are_refused() -> None:
    p = np.tile([0.5, 0.5, 0.0], (3, 1))
    with pytest.raises(ValueError, match="differ"):
        edit_shift(p, p[:2], CLASSES)
    with pytest.raises(ValueError, match="inside it and some outside"):
        edit_shift(p, p, CLASSES, np.ones(3, bool))
    with pytest.raises(ValueError, match="shape"):
        edit_shift(p, p, CLASSES, np.ones(2, bool))


def _rows() -> pd.DataFrame:
    rows = [
        # rater, edit, scope, direction, form, strong, shift, topic_shift
        ("a", "strict", "global", 1, "plain", True, 0.4, 0.4),
        ("b", "strict", "global", 1, "plain", True, -0.1, -0.1),
        ("a", "no religion", "religion", -1, "negation", True, -0.5, -0.6),
        ("b", "no religion", "religion", -1, "negation", True, 0.2, 0.1),
        ("a", "hedge", "religion", -1, "hedge", False, -0.05, -0.2),
        ("b", "hedge", "religion", -1, "hedge", False, 0.0, 0.0),  # no change: not right
    ]
    return pd.DataFrame(rows, columns=[*EDIT_CHECK_COLUMNS, "topic_shift"])


def test_summary_counts_the_right_way_share_by_kind() -> None:
    s = summarise_edit_checks(_rows())
    assert s["right_way_share"] == pytest.approx(3 / 6)
    assert s["right_way_global"] == pytest.approx(1 / 2)
    assert s["right_way_topic"] == pytest.approx(2 / 4)
    assert s["by_direction"] == {-1: pytest.approx(2 / 4), 1: pytest.approx(1 / 2)}
    assert s["by_form"]["hedge"] == pytest.approx(1 / 2)
    assert s["by_edit"] == {"strict": 0.5, "no religion": 0.5, "hedge": 0.5}
    assert s["worst_type_share"] == pytest.approx(0.5)
    assert s["mean_abs_shift"] == pytest.approx((0.4 + 0.1 + 0.5 + 0.2 + 0.05 + 0.0) / 6)
    # Strong topical edits: direction * topic_shift = +0.6 and -0.1.
    assert s["strong_topic_shift"] == pytest.approx(0.25)


def test_a_perfect_decoder_scores_one_and_a_constant_one_scores_zero() -> None:
    rows = _rows()
    perfect = rows.assign(shift=rows["direction"] * 0.3)
    assert summarise_edit_checks(perfect)["right_way_share"] == 1.0
    constant = rows.assign(shift=0.0)
    assert summarise_edit_checks(constant)["right_way_share"] == 0.0
