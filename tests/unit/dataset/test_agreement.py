"""Tests for analysis.dataset.agreement (Krippendorff's alpha and its item bootstrap)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.dataset import agreement
from analysis.dataset.agreement import (
    bootstrap_alpha_ci,
    coincidence_matrix,
    compute_agreement_table,
    krippendorff_alpha,
)

NAN = float("nan")

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E: 4 observers x 12
# units with missing values. Unit 12 has a single value and is not pairable (n = 40 values).
KRIPPENDORFF_2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    "C": [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
}


def _long(reliability: dict[str, list[float]]) -> pd.DataFrame:
    rows = [
        {"item_id": f"u{u + 1}", "annotator_id": obs, "label": v}
        for obs, vals in reliability.items()
        for u, v in enumerate(vals)
        if not (isinstance(v, float) and math.isnan(v))
    ]
    return pd.DataFrame(rows)


@pytest.fixture()
def worked_example() -> pd.DataFrame:
    return _long(KRIPPENDORFF_2011)


def _frame(units: list[list[object]]) -> pd.DataFrame:
    rows = [
        {"item_id": u, "annotator_id": f"a{j}", "label": v}
        for u, vals in enumerate(units)
        for j, v in enumerate(vals)
    ]
    return pd.DataFrame(rows, columns=["item_id", "annotator_id", "label"])


def naive_alpha(units: list[list[float]], level: str, values: list[float] | None = None) -> float:
    """Textbook alpha by explicit pair enumeration (slow, for cross-checking only)."""
    units = [[v for v in u if v == v] for u in units]  # drop NaN
    units = [u for u in units if len(u) >= 2]
    vals = sorted({v for u in units for v in u}) if values is None else list(values)
    index = {v: i for i, v in enumerate(vals)}
    o = np.zeros((len(vals), len(vals)))
    for u in units:
        m = len(u)
        for i in range(m):
            for j in range(m):
                if i != j:
                    o[index[u[i]], index[u[j]]] += 1.0 / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if n < 2:
        return NAN

    def delta(c: int, k: int) -> float:
        if level == "nominal":
            return float(c != k)
        if level == "interval":
            return (vals[c] - vals[k]) ** 2
        lo, hi = min(c, k), max(c, k)
        return (sum(n_c[g] for g in range(lo, hi + 1)) - (n_c[c] + n_c[k]) / 2) ** 2

    d_o = sum(o[c, k] * delta(c, k) for c in range(len(vals)) for k in range(len(vals)))
    d_e = sum(n_c[c] * n_c[k] * delta(c, k) for c in range(len(vals)) for k in range(len(vals)))
    if d_e == 0:
        return NAN
    return 1.0 - (n - 1) * d_o / d_e


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
    df = _frame([["a", "a"], ["a", "b"], ["b", "b"]])
    assert krippendorff_alpha(df, level="nominal") == pytest.approx(4 / 9)


def test_tiny_interval_by_hand() -> None:
    # u1 = (1, 2), u2 = (2, 3), u3 = (3, 3):  o_12 = o_21 = 1, o_23 = o_32 = 1, o_33 = 2.
    # n_1 = 1, n_2 = 2, n_3 = 3, n = 6.  delta = (c - k)^2.
    # sum o*delta = 2*1 + 2*1 = 4;  sum n_c n_k delta = 2*(1*2*1 + 1*3*4 + 2*3*1) = 40.
    # alpha = 1 - 5 * 4 / 40 = 0.5.
    df = _frame([[1, 2], [2, 3], [3, 3]])
    assert krippendorff_alpha(df, level="interval") == pytest.approx(0.5)


# --------------------------------------------------------------------------------------------
# Cross-check against the naive pairwise reference on random data
# --------------------------------------------------------------------------------------------


def _random_units(rng: np.random.Generator, n_units: int, n_values: int) -> list[list[float]]:
    units = []
    for _ in range(n_units):
        m = int(rng.integers(0, 6))
        units.append([float(v) for v in rng.integers(1, n_values + 1, size=m)])
    return units


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_matches_naive_reference_on_random_data(seed: int, level: str) -> None:
    rng = np.random.default_rng(seed)
    units = _random_units(rng, 40, 6)
    assert krippendorff_alpha(_frame(units), level=level) == pytest.approx(
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
    assert krippendorff_alpha(_frame(units), level="interval") == pytest.approx(expected, rel=1e-9)
    assert 0.5 < expected < 1.0


def test_float_labels_exact_degenerate_cases() -> None:
    assert math.isnan(krippendorff_alpha(_frame([[0.1, 0.1], [0.1, 0.1, 0.1]]), level="interval"))
    perfect = _frame([[0.1, 0.1], [0.2, 0.2, 0.2], [0.7, 0.7]])
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(perfect, level=level) == 1.0


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_bootstrap_chunking_does_not_change_result(
    level: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = np.random.default_rng(5)
    df = _frame(_random_units(rng, 30, 8))
    whole = bootstrap_alpha_ci(df, level, n_boot=50, seed=3)
    monkeypatch.setattr(agreement, "_MAX_CHUNK_ENTRIES", 1)  # one replicate per chunk
    assert bootstrap_alpha_ci(df, level, n_boot=50, seed=3) == pytest.approx(whole, abs=1e-12)


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
    df = _frame([[3, 3, 3], [3, 3], [3, 3, 3, 3]])
    assert math.isnan(krippendorff_alpha(df, level=level))


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_one_annotation_per_unit_is_nan(level: str) -> None:
    df = _frame([[1], [2], [3], [4]])
    assert math.isnan(krippendorff_alpha(df, level=level))


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_perfect_agreement_with_variation_is_one(level: str) -> None:
    df = _frame([[1, 1, 1], [2, 2], [5, 5, 5, 5], [3, 3]])
    assert krippendorff_alpha(df, level=level) == pytest.approx(1.0)


def test_single_value_units_are_excluded() -> None:
    base = _frame([["a", "a"], ["a", "b"], ["b", "b"]])
    extra = pd.DataFrame({"item_id": [10, 11], "annotator_id": ["a0", "a0"], "label": ["c", "a"]})
    assert krippendorff_alpha(pd.concat([base, extra]), level="nominal") == pytest.approx(4 / 9)


def test_missing_labels_are_dropped() -> None:
    df = _frame([[1, 2], [2, 3], [3, 3]])
    with_nan = pd.concat(
        [df, pd.DataFrame({"item_id": [0, 2, 7], "annotator_id": ["x"] * 3, "label": [NAN] * 3})]
    )
    assert krippendorff_alpha(with_nan, level="interval") == pytest.approx(0.5)


def test_string_labels_nominal() -> None:
    df = _frame([["pos", "pos", "neg"], ["neg", "neg"], ["neu", "pos", "neu"], ["pos", "pos"]])
    numeric = df.assign(label=df["label"].map({"pos": 1, "neg": 2, "neu": 3}))
    alpha = krippendorff_alpha(df, level="nominal")
    assert alpha == pytest.approx(krippendorff_alpha(numeric, level="nominal"))
    assert -1.0 < alpha < 1.0


def test_string_labels_rejected_for_interval_and_unordered_ordinal() -> None:
    df = _frame([["a", "b"], ["b", "b"]])
    with pytest.raises(ValueError, match="numeric"):
        krippendorff_alpha(df, level="interval")
    with pytest.raises(ValueError, match="numeric"):
        krippendorff_alpha(df, level="ordinal")


def test_ordinal_string_labels_with_values_order() -> None:
    words = _frame([["low", "mid"], ["mid", "high", "high"], ["low", "low"], ["high", "mid"]])
    ranks = words.assign(label=words["label"].map({"low": 1, "mid": 2, "high": 3}))
    assert krippendorff_alpha(
        words, level="ordinal", values=["low", "mid", "high"]
    ) == pytest.approx(krippendorff_alpha(ranks, level="ordinal"))


def test_unknown_level_and_labels_outside_values_raise() -> None:
    df = _frame([[1, 2], [2, 2]])
    with pytest.raises(ValueError, match="level"):
        krippendorff_alpha(df, level="ratio")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="admissible"):
        krippendorff_alpha(df, level="ordinal", values=[1, 3])
    with pytest.raises(KeyError):
        krippendorff_alpha(df.drop(columns="label"), level="nominal")


def test_ordinal_values_unobserved_middle_class_and_order() -> None:
    # Labels 1, 2, 4 on a 1..4 scale; class 3 is never used.
    df = _frame([[1, 2, 2], [2, 4], [4, 4, 2], [1, 1], [2, 1, 4]])
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
    distinct = _frame([[1, 2, 2], [3, 3], [1, 1, 2]])
    same = distinct.assign(annotator_id="only-one")
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(same, level=level) == pytest.approx(
            krippendorff_alpha(distinct, level=level)
        )


def test_custom_column_names() -> None:
    df = _frame([["a", "a"], ["a", "b"], ["b", "b"]]).rename(
        columns={"item_id": "tweet", "annotator_id": "worker", "label": "y"}
    )
    alpha = krippendorff_alpha(
        df, item_col="tweet", annotator_col="worker", label_col="y", level="nominal"
    )
    assert alpha == pytest.approx(4 / 9)


# --------------------------------------------------------------------------------------------
# Behaviour on synthetic data: alpha is not a constant
# --------------------------------------------------------------------------------------------


def _synthetic(rng: np.random.Generator, noise: str, n_items: int = 600) -> pd.DataFrame:
    n_ann = 5
    items = np.repeat(np.arange(n_items), n_ann)
    annotators = np.tile(np.arange(n_ann), n_items)
    if noise == "random":
        labels = rng.integers(1, 6, size=items.size)
    else:
        truth = rng.integers(1, 6, size=n_items)
        flip = rng.random(items.size) < 0.15
        labels = np.where(flip, rng.integers(1, 6, size=items.size), truth[items])
    return pd.DataFrame({"item_id": items, "annotator_id": annotators, "label": labels})


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_random_labels_near_zero_and_agreement_high(level: str) -> None:
    rng = np.random.default_rng(42)
    random_alpha = krippendorff_alpha(_synthetic(rng, "random"), level=level)
    agree_alpha = krippendorff_alpha(_synthetic(rng, "agree"), level=level)
    assert abs(random_alpha) < 0.1
    assert agree_alpha > 0.7


# --------------------------------------------------------------------------------------------
# Bootstrap
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_bootstrap_brackets_estimate_and_is_reproducible(level: str) -> None:
    df = _synthetic(np.random.default_rng(7), "agree", n_items=300)
    alpha, low, high = bootstrap_alpha_ci(df, level, n_boot=200, seed=11)
    assert alpha == pytest.approx(krippendorff_alpha(df, level=level))
    assert low < alpha < high
    assert high - low < 0.2
    assert bootstrap_alpha_ci(df, level, n_boot=200, seed=11) == (alpha, low, high)
    assert bootstrap_alpha_ci(df, level, n_boot=200, seed=12) != (alpha, low, high)
    # A wider interval for a higher coverage.
    _, low99, high99 = bootstrap_alpha_ci(df, level, n_boot=200, seed=11, ci=0.99)
    assert low99 <= low and high99 >= high


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_bootstrap_replicates_equal_rerun_on_resampled_frame(level: str) -> None:
    """The weighted-sum shortcut must equal alpha recomputed on a materialised resample."""
    rng = np.random.default_rng(3)
    units = _random_units(rng, 25, 5)
    df = _frame(units)
    prep = agreement._prepare(df, "item_id", "label", level, None)
    reps = agreement._bootstrap_alphas(prep, 4, np.random.default_rng(99))

    # Reproduce the draws: pairable units, in order of first appearance.
    sizes = df.groupby("item_id", sort=False).size()
    pairable = list(sizes[sizes >= 2].index)
    draws = np.random.default_rng(99).integers(0, len(pairable), size=(4, len(pairable)))
    for r in range(4):
        parts = [
            df[df["item_id"] == pairable[u]].assign(item_id=f"copy{j}")
            for j, u in enumerate(draws[r])
        ]
        resampled = pd.concat(parts, ignore_index=True)
        expected = krippendorff_alpha(resampled, level=level)
        if math.isnan(expected):
            assert math.isnan(reps[r])
        else:
            assert reps[r] == pytest.approx(expected, abs=1e-10)


def test_bootstrap_edge_cases(worked_example: pd.DataFrame) -> None:
    alpha, low, high = bootstrap_alpha_ci(worked_example, "nominal", n_boot=0)
    assert alpha == pytest.approx(0.743421, abs=1e-6)
    assert math.isnan(low) and math.isnan(high)
    with pytest.raises(ValueError, match="ci"):
        bootstrap_alpha_ci(worked_example, "nominal", ci=1.5)
    identical = _frame([[2, 2], [2, 2, 2]])
    assert all(math.isnan(x) for x in bootstrap_alpha_ci(identical, "interval"))


# --------------------------------------------------------------------------------------------
# Agreement table
# --------------------------------------------------------------------------------------------


def test_agreement_table_numeric(worked_example: pd.DataFrame) -> None:
    table = compute_agreement_table(worked_example, n_boot=50, seed=0)
    assert list(table.columns) == ["level", "alpha", "ci_low", "ci_high", "n_units", "n_pairable"]
    assert list(table["level"]) == ["nominal", "ordinal", "interval"]
    np.testing.assert_allclose(table["alpha"].round(3), [0.743, 0.815, 0.849])
    assert (table["n_units"] == 11).all()
    assert (table["n_pairable"] == 40).all()
    assert (table["ci_low"] <= table["alpha"]).all()
    assert (table["alpha"] <= table["ci_high"]).all()


def test_agreement_table_string_labels_only_nominal() -> None:
    df = _frame([["pos", "pos", "neg"], ["neg", "neg"], ["neu", "pos", "neu"]])
    table = compute_agreement_table(df, n_boot=20)
    assert list(table["level"]) == ["nominal"]
    ordered = compute_agreement_table(df, n_boot=20, values=["neg", "neu", "pos"])
    assert list(ordered["level"]) == ["nominal", "ordinal"]


def test_agreement_table_empty() -> None:
    df = pd.DataFrame({"item_id": [], "annotator_id": [], "label": []})
    table = compute_agreement_table(df, n_boot=10)
    assert len(table) == 3
    assert table["alpha"].isna().all()
    assert (table["n_units"] == 0).all()
