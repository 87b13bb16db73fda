"""A comparison over seeds (issue #12.7): MAE mean/SD per model and the pooled paired test."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.moe import compare_over_seeds, compute_seed_table

COLUMNS = ["model", "item_id", "annotator_id", "rating", "prediction"]


def _seed(errors: dict[str, list[float]]) -> pd.DataFrame:
    """One seed's predictions: item i has one rating (3.0); each model errs by errors[m][i]."""
    rows = [
        (m, f"i{i}", "a0", 3.0, 3.0 + e) for m, errs in errors.items() for i, e in enumerate(errs)
    ]
    return pd.DataFrame(rows, columns=COLUMNS).assign(seen=True)


def test_seed_table_matches_hand_computation() -> None:
    preds = [
        _seed({"A": [0.0, 1.0], "B": [1.0, 1.0]}),  # A 0.5, B 1.0
        _seed({"A": [1.0, 1.0], "B": [1.0, 2.0]}),  # A 1.0, B 1.5
    ]
    table = compute_seed_table(preds, [0, 1]).set_index("model")
    assert table.index.tolist() == ["A", "B"]  # sorted by mean MAE
    assert table.loc["A", "mae_mean"] == pytest.approx(0.75)
    assert table.loc["A", "mae_sd"] == pytest.approx(np.std([0.5, 1.0], ddof=1))
    assert table.loc["B", ["mae_min", "mae_max"]].tolist() == [1.0, 1.5]
    assert table.loc["B", "mae_seed1"] == pytest.approx(1.5)
    assert (table["n_seeds"] == 2).all()


def test_pooled_test_over_seeds() -> None:
    rng = np.random.default_rng(0)
    n = 40
    better = [
        _seed({"A": list(rng.uniform(0, 1, n)), "B": list(rng.uniform(0.3, 1.3, n))})
        for _ in range(3)
    ]
    res = compare_over_seeds(better, [0, 1, 2], "A", "B", n_perm=1000)
    assert res["n_seeds"] == 3 and len(res["diffs"]) == 3 and res["rival"] == "B"
    assert res["diff_mean"] == pytest.approx(np.mean(res["diffs"]), abs=1e-4)
    assert all(d < 0 for d in res["diffs"]) and res["significant"] and res["p_value"] < 0.01
    # the same law for both models: not significant, and the diffs scatter around 0
    same = [
        _seed({"A": list(rng.uniform(0, 1, n)), "B": list(rng.uniform(0, 1, n))}) for _ in range(3)
    ]
    null = compare_over_seeds(same, [0, 1, 2], "A", "B", n_perm=1000)
    assert null["p_value"] > 0.05 and not null["significant"]
    with pytest.raises(ValueError, match="'C' not in every seed"):
        compare_over_seeds(same, [0, 1, 2], "A", "C")
