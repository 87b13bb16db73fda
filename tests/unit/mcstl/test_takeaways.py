"""The Value calibration page's computed takeaways say what the tables show (issue #14)."""

from __future__ import annotations

import pandas as pd

from analysis.mcstl.takeaways import calibration_takeaway


def _calibration(mcstl_slopes, mcstl_lows, mcstl_highs) -> pd.DataFrame:
    rows = []
    for k, (s, lo, hi) in enumerate(zip(mcstl_slopes, mcstl_lows, mcstl_highs, strict=True)):
        rows.append(("mcstl", f"cluster {k + 1}", "label > 4", s, 0.0, lo, hi))
        rows.append(("no_info", f"cluster {k + 1}", "label > 4", 0.3, 0.1, 0.2, 0.4))
    return pd.DataFrame(
        rows, columns=["variant", "group", "task", "slope", "bias", "slope_low", "slope_high"]
    )


def test_names_the_closest_model_and_says_when_every_interval_includes_1() -> None:
    text = calibration_takeaway(_calibration([0.95, 0.71], [0.9, 0.46], [1.02, 1.05]))
    assert text.startswith("**MC-STL's calibration lines are closest to ideal**")
    assert "Every MC-STL slope's 95% interval (item bootstrap) includes 1." in text


def test_names_the_farthest_slope_whose_interval_leaves_out_1() -> None:
    text = calibration_takeaway(_calibration([0.95, 0.7, 1.3], [0.9, 0.6, 1.1], [1.02, 0.8, 1.5]))
    assert "2 of 3 MC-STL slopes have a 95% interval" in text
    assert "cluster 3, label > 4: 1.300 (1.100–1.500)" in text


def test_says_nothing_of_intervals_when_there_are_none() -> None:
    table = _calibration([0.95], [0.9], [1.0]).drop(columns=["slope_low", "slope_high"])
    assert "interval" not in calibration_takeaway(table)
