"""Tests for analysis.dataset.agreement_bootstrap (item bootstrap and the agreement table)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.dataset import agreement_bootstrap
from analysis.dataset.agreement import krippendorff_alpha
from analysis.dataset.agreement_bootstrap import bootstrap_alpha_ci, compute_agreement_table
from analysis.dataset.pairable import pairable_units
from tests.unit.dataset.toys import random_units, synthetic, units_frame


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_bootstrap_chunking_does_not_change_result(
    level: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = np.random.default_rng(5)
    df = units_frame(random_units(rng, 30, 8))
    whole = bootstrap_alpha_ci(df, level, n_boot=50, seed=3)
    monkeypatch.setattr(agreement_bootstrap, "_MAX_CHUNK_ENTRIES", 1)  # one replicate per chunk
    assert bootstrap_alpha_ci(df, level, n_boot=50, seed=3) == pytest.approx(whole, abs=1e-12)


# --------------------------------------------------------------------------------------------
# Bootstrap
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_bootstrap_brackets_estimate_and_is_reproducible(level: str) -> None:
    df = synthetic(np.random.default_rng(7), "agree", n_items=300)
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
    units = random_units(rng, 25, 5)
    df = units_frame(units)
    prep = pairable_units(df, "item_id", "label", level, None)
    reps = agreement_bootstrap._bootstrap_alphas(prep, 4, np.random.default_rng(99))

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
    identical = units_frame([[2, 2], [2, 2, 2]])
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
    df = units_frame([["pos", "pos", "neg"], ["neg", "neg"], ["neu", "pos", "neu"]])
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
