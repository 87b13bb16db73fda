"""The Data and Overview pages' takeaway sentences say what the tables say (issue #13)."""

from __future__ import annotations

import pandas as pd

from analysis.dataset.takeaways import (
    agreement_takeaway,
    coverage_takeaway,
    disputed_takeaway,
    load_takeaway,
    signal_takeaway,
)
from engines.data.validation import LoadOptions, build_dataset


def _stats(alpha: float) -> pd.Series:
    return pd.Series(
        {"alpha": alpha, "alpha_ci_low": alpha - 0.02, "alpha_ci_high": alpha + 0.02,
         "alpha_level": "interval"}
    )  # fmt: skip


def test_agreement_reads_alpha_on_krippendorffs_scale() -> None:
    assert agreement_takeaway(_stats(0.29)).startswith("**Annotators agree little**")
    assert "α = 0.29, 95% CI 0.27–0.31, interval" in agreement_takeaway(_stats(0.29))
    assert "agree strongly" in agreement_takeaway(_stats(0.85))
    assert "agree moderately" in agreement_takeaway(_stats(0.70))
    assert "hardly agree" in agreement_takeaway(_stats(0.05))


def test_coverage_names_the_modal_label_and_median_count() -> None:
    labels = pd.DataFrame({"label": [1.0, 2.0], "count": [30, 70], "share": [0.3, 0.7]})
    per_item = pd.DataFrame({"item_id": list("abc"), "n_annotations": [4, 5, 9]})
    text = coverage_takeaway(labels, per_item)
    assert "median of 5 labels" in text and "label is 2 (70%" in text


def test_signal_names_only_attributes_beyond_chance() -> None:
    signal = pd.DataFrame(
        {"attribute": ["age", "race", "gender"], "signal": [0.036, 0.052, 0.001],
         "p_value": [0.03, 0.02, 0.6]}
    )  # fmt: skip
    text = signal_takeaway(signal)
    assert text.startswith("**Race separates ratings most**") and "also beyond chance: age" in text
    assert "gender" not in text
    none = signal_takeaway(signal.assign(p_value=[0.2, 0.3, 0.6]))
    assert "No attribute separates ratings beyond chance" in none and "race" in none


def test_disputed_quotes_the_first_item() -> None:
    disputed = pd.DataFrame(
        {"item_id": ["i1", "i2"], "text": ["x" * 100, "y"], "n_annotations": [4, 5],
         "sd": [1.89, 1.7], "entropy": [1.0, 0.9], "majority_share": [0.5, 0.6]}
    )  # fmt: skip
    text = disputed_takeaway(disputed)
    assert "x" * 70 + "…" in text and "4 labels, SD 1.89" in text and "held by 50%" in text


def test_load_summary_counts_removals_by_reason() -> None:
    raw = pd.DataFrame(
        {
            "item_id": ["i1", "i1", "i1", "i2", "i2", "i2", "i2"],
            "user_id": ["u1", "u2", "u2", "u1", "u2", "u3", "u4"],
            "text": ["a b"] * 3 + ["c d"] * 4,
            "rating": [1, 2, 2, 3, 4, 5, None],
        }
    )
    ds = build_dataset(raw, options=LoadOptions(duplicates="average"))
    text = load_takeaway(ds)
    assert text.startswith("**Read 7 rows, kept 5 annotations**"), text
    assert "removed 2 (" in text and "1 duplicate labels merged" in text
    assert "1 no label" in text or "1 missing label" in text, text
    clean = build_dataset(raw.dropna().drop_duplicates(["item_id", "user_id"]))
    assert "nothing removed" in load_takeaway(clean)
