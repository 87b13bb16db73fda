"""Tests for analysis.dataset.agreement (Krippendorff's alpha) and analysis.dataset.pairable."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.dataset.agreement import coincidence_matrix, krippendorff_alpha
from analysis.dataset.agreement_bootstrap import bootstrap_alpha_ci
from analysis.dataset.pairable import labels_are_numeric, pairable_units
from tests.unit.dataset.toys import (
    KRIPPENDORFF_2011,
    NAN,
    naive_alpha,
    random_units,
    synthetic,
    units_frame,
)

# --------------------------------------------------------------------------------------------
# Published and hand-computed values
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)],
)
def test_krippendorff_2011_worked_example(
    worked_example: pd.DataFrame, level: str, published: float
) -> None:
    alpha = krippendorff_alpha(worked_example, level=level)
    assert round(alpha, 3) == published


def test_worked_example_coincidence_matrix(worked_example: pd.DataFrame) -> None:
    values, o = coincidence_matrix(worked_example, values=[1, 2, 3, 4, 5])
    assert list(values) == [1, 2, 3, 4, 5]
    # The paper's coincidence matrix (entries in thirds).
    expected_times_3 = np.array(
        [
            [21, 4, 1, 1, 0],
            [4, 30, 4, 1, 0],
            [1, 4, 24, 1, 0],
            [1, 1, 1, 12, 0],
            [0, 0, 0, 0, 9],
        ]
    )
    np.testing.assert_allclose(o * 3, expected_times_3, atol=1e-12)
    np.testing.assert_allclose(o.sum(axis=1), [9, 13, 10, 5, 3])
    assert o.sum() == pytest.approx(40)


def test_worked_example_as_sequence_of_units() -> None:
    units = list(zip(*KRIPPENDORFF_2011.values()))
    assert krippendorff_alpha(units, level="nominal") == pytest.approx(0.743421, abs=1e-6)
    assert krippendorff_alpha(units, level="interval") == pytest.approx(0.849107, abs=1e-6)


def test_worked_example_matches_naive_reference(worked_example: pd.DataFrame) -> None:
    units = [list(u) for u in zip(*KRIPPENDORFF_2011.values())]
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(worked_example, level=level) == pytest.approx(
            naive_alpha(units, level), abs=1e-12
        )


def test_tiny_nominal_by_hand() -> None:
    # 2 coders, 3 units: u1 = (a, a), u2 = (a, b), u3 = (b, b); every unit has m_u = 2.
    # Coincidences, each unit adds (n_u n_u^T - diag n_u) / (m_u - 1):
    #   u1: o_aa += (2*2 - 2)/1 = 2;  u2: o_ab += 1, o_ba += 1;  u3: o_bb += 2
    #   o = [[2, 1], [1, 2]], n_a = n_b = 3, n = 6.
    # alpha = 1 - (n - 1) * sum_{c!=k} o_ck / (n^2 - sum_c n_c^2)
    #       = 1 - 5 * 2 / (36 - 18) = 1 - 10/18 = 4/9.
    df = units_frame([["a", "a"], ["a", "b"], ["b", "b"]])
    assert krippendorff_alpha(df, level="nominal") == pytest.approx(4 / 9)


def test_tiny_interval_by_hand() -> None:
    # u1 = (1, 2), u2 = (2, 3), u3 = (3, 3):  o_12 = o_21 = 1, o_23 = o_32 = 1, o_33 = 2.
    # n_1 = 1, n_2 = 2, n_3 = 3, n = 6.  delta = (c - k)^2.
    # sum o*delta = 2*1 + 2*1 = 4;  sum n_c n_k delta = 2*(1*2*1 + 1*3*4 + 2*3*1) = 40.
    # alpha = 1 - 5 * 4 / 40 = 0.5.
    df = units_frame([[1, 2], [2, 3], [3, 3]])
    assert krippendorff_alpha(df, level="interval") == pytest.approx(0.5)


# --------------------------------------------------------------------------------------------
# Cross-check against the naive pairwise reference on random data
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_matches_naive_reference_on_random_data(seed: int, level: str) -> None:
    rng = np.random.default_rng(seed)
    units = random_units(rng, 40, 6)
    assert krippendorff_alpha(units_frame(units), level=level) == pytest.approx(
        naive_alpha(units, level), abs=1e-10
    )


def test_interval_many_distinct_float_values_match_naive() -> None:
    # Continuous ratings far from zero stress the moment-based interval computation.
    rng = np.random.default_rng(8)
    units = []
    for _ in range(30):
        centre = rng.normal(1000.0, 2.0)
        m = int(rng.integers(1, 5))
        units.append([float(round(centre + rng.normal(0, 0.5), 2)) for _ in range(m)])
    expected = naive_alpha(units, "interval")
    alpha = krippendorff_alpha(units_frame(units), level="interval")
    assert alpha == pytest.approx(expected, rel=1e-9)
    assert 0.5 < expected < 1.0


def test_float_labels_exact_degenerate_cases() -> None:
    identical = units_frame([[0.1, 0.1], [0.1, 0.1, 0.1]])
    assert math.isnan(krippendorff_alpha(identical, level="interval"))
    perfect = units_frame([[0.1, 0.1], [0.2, 0.2, 0.2], [0.7, 0.7]])
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(perfect, level=level) == 1.0


# --------------------------------------------------------------------------------------------
# Degenerate inputs and input handling
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_empty_frame_is_nan(level: str) -> None:
    df = pd.DataFrame({"item_id": [], "annotator_id": [], "label": []})
    assert math.isnan(krippendorff_alpha(df, level=level))
    assert all(math.isnan(x) for x in bootstrap_alpha_ci(df, level))


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_all_identical_labels_is_nan(level: str) -> None:
    df = units_frame([[3, 3, 3], [3, 3], [3, 3, 3, 3]])
    assert math.isnan(krippendorff_alpha(df, level=level))


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_one_annotation_per_unit_is_nan(level: str) -> None:
    df = units_frame([[1], [2], [3], [4]])
    assert math.isnan(krippendorff_alpha(df, level=level))


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_perfect_agreement_with_variation_is_one(level: str) -> None:
    df = units_frame([[1, 1, 1], [2, 2], [5, 5, 5, 5], [3, 3]])
    assert krippendorff_alpha(df, level=level) == pytest.approx(1.0)


def test_single_value_units_are_excluded() -> None:
    base = units_frame([["a", "a"], ["a", "b"], ["b", "b"]])
    extra = pd.DataFrame({"item_id": [10, 11], "annotator_id": ["a0", "a0"], "label": ["c", "a"]})
    assert krippendorff_alpha(pd.concat([base, extra]), level="nominal") == pytest.approx(4 / 9)


def test_missing_labels_are_dropped() -> None:
    df = units_frame([[1, 2], [2, 3], [3, 3]])
    with_nan = pd.concat(
        [df, pd.DataFrame({"item_id": [0, 2, 7], "annotator_id": ["x"] * 3, "label": [NAN] * 3})]
    )
    assert krippendorff_alpha(with_nan, level="interval") == pytest.approx(0.5)


def test_string_labels_nominal() -> None:
    df = units_frame([["pos", "pos", "neg"], ["neg", "neg"], ["neu", "pos", "neu"], ["pos", "pos"]])
    numeric = df.assign(label=df["label"].map({"pos": 1, "neg": 2, "neu": 3}))
    alpha = krippendorff_alpha(df, level="nominal")
    assert alpha == pytest.approx(krippendorff_alpha(numeric, level="nominal"))
    assert -1.0 < alpha < 1.0


def test_string_labels_rejected_for_interval_and_unordered_ordinal() -> None:
    df = units_frame([["a", "b"], ["b", "b"]])
    with pytest.raises(ValueError, match="numeric"):
        krippendorff_alpha(df, level="interval")
    with pytest.raises(ValueError, match="numeric"):
        krippendorff_alpha(df, level="ordinal")


def test_ordinal_string_labels_with_values_order() -> None:
    words = units_frame([["low", "mid"], ["mid", "high", "high"], ["low", "low"], ["high", "mid"]])
    ranks = words.assign(label=words["label"].map({"low": 1, "mid": 2, "high": 3}))
    assert krippendorff_alpha(
        words, level="ordinal", values=["low", "mid", "high"]
    ) == pytest.approx(krippendorff_alpha(ranks, level="ordinal"))


def test_unknown_level_and_labels_outside_values_raise() -> None:
    df = units_frame([[1, 2], [2, 2]])
    with pytest.raises(ValueError, match="level"):
        krippendorff_alpha(df, level="ratio")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="admissible"):
        krippendorff_alpha(df, level="ordinal", values=[1, 3])
    with pytest.raises(KeyError):
        krippendorff_alpha(df.drop(columns="label"), level="nominal")


def test_ordinal_values_unobserved_middle_class_and_order() -> None:
    # Labels 1, 2, 4 on a 1..4 scale; class 3 is never used.
    df = units_frame([[1, 2, 2], [2, 4], [4, 4, 2], [1, 1], [2, 1, 4]])
    observed_only = krippendorff_alpha(df, level="ordinal")
    with_middle = krippendorff_alpha(df, level="ordinal", values=[1, 2, 3, 4])
    # Krippendorff's ordinal metric sums the *frequencies* n_g of the ranks between c and k, so a
    # never-used class (n_g = 0) leaves alpha unchanged; it must be accepted, not crash or shift.
    assert with_middle == pytest.approx(observed_only, abs=1e-12)
    assert with_middle == pytest.approx(
        naive_alpha([[1, 2, 2], [2, 4], [4, 4, 2], [1, 1], [2, 1, 4]], "ordinal", [1, 2, 3, 4])
    )
    # The *order* given by `values` does matter: swapping 2 and 4 changes the ranks.
    reordered = krippendorff_alpha(df, level="ordinal", values=[1, 4, 3, 2])
    assert not math.isclose(reordered, observed_only, abs_tol=1e-6)
    # Ordinal differs from interval here (the metric uses frequencies, not distances).
    assert not math.isclose(observed_only, krippendorff_alpha(df, level="interval"), abs_tol=1e-6)


def test_same_annotator_multiple_values_in_a_unit() -> None:
    distinct = units_frame([[1, 2, 2], [3, 3], [1, 1, 2]])
    same = distinct.assign(annotator_id="only-one")
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(same, level=level) == pytest.approx(
            krippendorff_alpha(distinct, level=level)
        )


def test_custom_column_names() -> None:
    df = units_frame([["a", "a"], ["a", "b"], ["b", "b"]]).rename(
        columns={"item_id": "tweet", "annotator_id": "worker", "label": "y"}
    )
    alpha = krippendorff_alpha(
        df, item_col="tweet", annotator_col="worker", label_col="y", level="nominal"
    )
    assert alpha == pytest.approx(4 / 9)


# --------------------------------------------------------------------------------------------
# Behaviour on synthetic data: alpha is not a constant
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_random_labels_near_zero_and_agreement_high(level: str) -> None:
    rng = np.random.default_rng(42)
    random_alpha = krippendorff_alpha(synthetic(rng, "random"), level=level)
    agree_alpha = krippendorff_alpha(synthetic(rng, "agree"), level=level)
    assert abs(random_alpha) < 0.1
    assert agree_alpha > 0.7


# --------------------------------------------------------------------------------------------
# Pairable units
# --------------------------------------------------------------------------------------------


def test_pairable_units_of_the_worked_example(worked_example: pd.DataFrame) -> None:
    units = pairable_units(worked_example, "item_id", "label", "nominal", None)
    assert (units.n_units, units.n_pairable, units.n_values) == (11, 40, 5)
    assert (units.m >= 2).all()
    assert units.entry_count.sum() == 40
    # Only u2 (2, 2, 3, 2), u6 (1, 2, 3, 4) and u8 (1, 1, 2, 1) hold more than one value.
    assert int(units.single_valued.sum()) == 8
    np.testing.assert_array_equal(np.flatnonzero(~units.single_valued), [1, 5, 7])


def test_labels_are_numeric() -> None:
    assert labels_are_numeric(units_frame([[1, 2], [2.5, None]]))
    assert labels_are_numeric(units_frame([[True, False]]))
    assert not labels_are_numeric(units_frame([["1", "2"]]))
    assert labels_are_numeric(pd.DataFrame({"label": pd.Series([], dtype=object)}))
