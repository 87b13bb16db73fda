"""The Value profiles page's takeaway sentences say what the tables say (issue #13)."""

from __future__ import annotations

import pandas as pd

from analysis.profiles.takeaways import (
    calibration_takeaway,
    cluster_takeaway,
    edit_takeaway,
    information_takeaway,
    jury_takeaway,
    uncertainty_takeaway,
)


def _usable(profile_low: float, demo_low: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "representation": ["none", "demographics", "profile", "examples"],
            "usable_info_nats": [0.0, 0.001, 0.068, 0.076],
            "ci_low": [0.0, demo_low, profile_low, 0.05],
        }
    )


def test_information_reports_profiles_share_and_demographics() -> None:
    text = information_takeaway(_usable(0.05, -0.002))
    assert "Written profiles carry 0.068 nats" in text
    assert "89% of what their own example ratings carry (0.076)" in text
    assert "demographics none beyond chance" in text
    noisy = information_takeaway(_usable(-0.01, 0.0005))
    assert "carry no information beyond chance" in noisy and "demographics 0.001" in noisy


def test_calibration_reads_the_direction_of_the_gap() -> None:
    rel = pd.DataFrame({"confidence": [0.6, 0.9], "accuracy": [0.4, 0.7], "count": [50, 50]})
    over = calibration_takeaway(rel, 0.2)
    assert "overconfident" in over and "20% less often" in over
    under = calibration_takeaway(rel.assign(accuracy=[0.8, 1.0]), 0.15)
    assert "underconfident" in under and "more often" in under
    assert "well calibrated" in calibration_takeaway(rel, 0.03)


def test_edit_takeaway_follows_the_edit() -> None:
    assert "Edit the profile below" in edit_takeaway(False, 0.0, 0, 600)
    down = edit_takeaway(True, -0.12, 34, 600)
    assert "lowers the mean expected label by 0.12" in down and "34 of 600" in down
    assert "raises" in edit_takeaway(True, 0.3, 80, 600)
    assert "moved no item" in edit_takeaway(True, 0.001, 0, 600)
    assert "no bearing on the ratings" in edit_takeaway(True, 0.0, 0, 600, no_bearing=True)
    assert "raises" in edit_takeaway(True, 0.3, 80, 600, no_bearing=True)  # something moved


def test_cluster_sizes_are_sorted_and_shared() -> None:
    summary = pd.DataFrame({"cluster": [0, 1], "profile": ["a", "b"], "n_raters": [20, 40]})
    assert "2 value clusters** of 40, 20 raters; the largest holds 67%" in cluster_takeaway(summary)


def test_uncertainty_mean_share_and_quote() -> None:
    unc = pd.DataFrame({"item_id": ["a", "b"], "total": [1.0, 1.0], "value_epistemic": [0.3, 0.1]})
    text = uncertainty_takeaway(unc, pd.Series({"a": "swearing online", "b": "x"}))
    assert "removes 0.200 nats per item" in text and "(20% of" in text
    assert "swearing online" in text
    assert "does not reduce" in uncertainty_takeaway(unc.assign(value_epistemic=[-0.1, 0.0]))


def test_jury_takeaway_needs_a_significant_positive_r() -> None:
    assert "clearly tracks" in jury_takeaway({"r": 0.53, "p_value": 1e-9}, 1336)
    assert "does not track" in jury_takeaway({"r": 0.1, "p_value": 0.3}, 40)
