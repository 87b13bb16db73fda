"""The run history, the settings diff and DEM-MoE's two-run comparison, by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.moe.runs import compute_run_comparison
from analysis.runs import compute_run_history, compute_settings_diff, flatten_settings, run_label
from engines.core.run_store import RunRecord


def _pred(errors: dict[str, list[float]]) -> pd.DataFrame:
    """One row per (model, item) with rating 3 and prediction 3 + error."""
    rows = [
        {"model": m, "item_id": f"i{i}", "annotator_id": "a", "rating": 3.0,
         "prediction": 3.0 + e, "seen": True}
        for m, errs in errors.items() for i, e in enumerate(errs)
    ]  # fmt: skip
    return pd.DataFrame(rows)


def test_settings_diff_lists_only_what_differs_flattened() -> None:
    a = {"run": {"seed": 1, "models": ["mean", "moe"]}, "lr": 0.1}
    b = {"run": {"seed": 2, "models": ["mean", "moe"]}, "lr": 0.1, "extra": True}
    diff = compute_settings_diff(a, b)
    assert diff.values.tolist() == [["extra", "–", "True"], ["run.seed", "1", "2"]]
    assert flatten_settings(a) == {"run.seed": 1, "run.models": "mean, moe", "lr": 0.1}
    assert compute_settings_diff(a, a).empty


def test_run_history_names_what_each_run_changed() -> None:
    def rec(rid: str, seed: int, lr: float, mae: float) -> RunRecord:
        return RunRecord(rid, "moe", "fp", "2026-12-07T17:00:00+00:00", {"lr": lr, "k": 2},
                         seed, {"DEM-MoE": mae}, 2_000_000, {})  # fmt: skip

    table = compute_run_history([rec("b" * 16, 5, 0.1, 0.7), rec("a" * 16, 4, 0.2, 0.8)])
    assert table["differs from newest"].tolist() == ["–", "lr"]
    assert table["DEM-MoE"].tolist() == [0.7, 0.8] and table["MB"].tolist() == [2.0, 2.0]
    assert "seed 5" in run_label(rec("b" * 16, 5, 0.1, 0.7))
    shown = compute_run_history([rec("c" * 16, 1, 0.1, 0.6)], {"DEM-MoE": "DEM-MoE test MAE"})
    assert shown["DEM-MoE test MAE"].tolist() == [0.6] and "DEM-MoE" not in shown.columns


def test_run_comparison_by_hand_and_its_direction() -> None:
    a = _pred({"DEM-MoE": [1.0, 1.0, 0.0, 2.0], "Mean": [1.0, 1.0, 1.0, 1.0]})
    b = _pred({"DEM-MoE": [0.5, 0.5, 0.0, 1.0], "Mean": [1.0, 1.0, 1.0, 1.0]})
    table = compute_run_comparison(a, b, n_boot=500).set_index("model")
    assert table.loc["DEM-MoE", "mae_a"] == pytest.approx(1.0)
    assert table.loc["DEM-MoE", "mae_b"] == pytest.approx(0.5)
    assert table.loc["DEM-MoE", "diff"] == pytest.approx(-0.5)
    # run B halves every error: every paired resample improves, so the interval is below 0
    assert table.loc["DEM-MoE", "diff_ci_high"] <= 0 and table.loc["DEM-MoE", "diff_ci_low"] < 0
    # the same model in both runs: no change, an interval of exactly zero
    assert table.loc["Mean", ["diff", "diff_ci_low", "diff_ci_high"]].tolist() == [0, 0, 0]
    assert table.loc["Mean", "ci_low_a"] == table.loc["Mean", "ci_high_a"] == 1.0


def test_run_comparison_keeps_models_and_items_both_runs_have() -> None:
    a = _pred({"DEM-MoE": [1.0, 1.0, 1.0], "PMF": [2.0, 2.0, 2.0]})
    b = _pred({"DEM-MoE": [0.0, 0.0]})  # items i0, i1 only; no PMF
    table = compute_run_comparison(a, b, n_boot=50)
    assert table["model"].tolist() == ["DEM-MoE"]
    assert table["mae_a"].iloc[0] == pytest.approx(1.0) and table["mae_b"].iloc[0] == 0.0
    assert np.isfinite(table["diff_ci_low"].iloc[0])


def test_realm_run_comparison_by_hand() -> None:
    from analysis.realm.runs import compute_run_comparison as realm_comparison

    a = pd.DataFrame({"method": ["REALM", "MV"], "accuracy": [0.8, 0.5], "n_items": [10, 10]})
    b = pd.DataFrame({"method": ["REALM"], "accuracy": [0.9], "n_items": [10]})
    row = realm_comparison(a, b).set_index("method").loc["REALM"]
    assert (row["acc_a"], row["acc_b"]) == (0.8, 0.9) and row["diff"] == pytest.approx(0.1)
    # Wilson's interval of 8 of 10: 0.8 +- ... = (0.490, 0.943), by the score formula
    z = 1.959964
    centre = (0.8 + z**2 / 20) / (1 + z**2 / 10)
    half = z * np.sqrt(0.8 * 0.2 / 10 + z**2 / 400) / (1 + z**2 / 10)
    assert (row["ci_low_a"], row["ci_high_a"]) == pytest.approx((centre - half, centre + half))
    assert row["diff_ci_low"] < 0 < row["diff_ci_high"]  # one item more of ten: no evidence
    assert len(realm_comparison(a, b)) == 1  # MV: only run A trained it
