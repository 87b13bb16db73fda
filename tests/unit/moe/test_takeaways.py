"""The Demographic experts page's takeaway sentences say what the tables say (issue #13)."""

from __future__ import annotations

import pandas as pd

from analysis.moe.takeaways import (
    comparison_takeaway,
    group_takeaway,
    seen_unseen_takeaway,
    specialisation_takeaway,
)

MODELS = pd.DataFrame({"model": ["DEM-MoE", "Annotator median", "Mean"], "mae": [0.75, 0.76, 1.0]})


def _test(diff: float, p: float, rival: str = "Annotator median") -> dict:
    return {"diff": diff, "p_value": p, "significant": p < 0.05, "rival": rival}


def test_comparison_names_the_winner_and_whether_the_gap_is_real() -> None:
    chance = comparison_takeaway(MODELS, {"overall": _test(-0.01, 0.68)})
    assert "DEM-MoE has the lowest error" in chance and "0.010 below Annotator median" in chance
    assert "chance" in chance and "p = 0.680" in chance
    real = comparison_takeaway(MODELS, {"overall": _test(-0.01, 0.0004)})
    assert "a real gap" in real and "p < 0.001" in real
    models = MODELS.assign(mae=[0.80, 0.76, 1.0])
    lost = comparison_takeaway(models, {"overall": _test(0.04, 0.01)})
    assert "does not beat Annotator median" in lost and "0.800 vs 0.760" in lost
    assert "significantly better" in lost


def test_group_takeaway_lists_only_significant_gains() -> None:
    sig = {
        "overall": _test(-0.04, 0.03),
        "age": _test(-0.05, 0.01),
        "race": _test(-0.02, 0.40),
        "gender": _test(0.06, 0.02),
    }
    text = group_takeaway(sig)
    assert "significantly better on age" in text and "race" not in text
    assert "significantly worse on gender" in text
    none = group_takeaway({"age": _test(-0.05, 0.06), "race": _test(-0.01, 0.5)})
    assert "not significantly better on any attribute" in none and "closest: age" in none


def test_seen_unseen_gives_the_direction_and_the_gap() -> None:
    metrics = pd.DataFrame(
        {
            "model": ["DEM-MoE"] * 3 + ["Mean"] * 3,
            "subset": ["overall", "seen", "unseen"] * 2,
            "mae": [0.76, 0.75, 0.82, 1.0, 1.0, 1.0],
        }
    )
    text = seen_unseen_takeaway(metrics)
    assert "rises to 0.820" in text and "from 0.750" in text and "+0.070" in text
    flipped = metrics.assign(mae=[0.76, 0.82, 0.75, 1, 1, 1])
    assert "falls to 0.750" in seen_unseen_takeaway(flipped)
    assert "raise 'Unseen annotators'" in seen_unseen_takeaway(metrics[metrics.subset != "unseen"])


def test_specialisation_names_the_largest_attribute_and_the_experts_used() -> None:
    kl = pd.DataFrame({"attribute": ["gender", "age", "race"], "jsd_bits": [0.05, 0.46, 0.02]})
    text = specialisation_takeaway(kl, {"n_experts": 5, "active": 2})
    assert text.startswith("**Age is the attribute the experts specialise in most**")
    assert "next gender, 0.05" in text and "only 2 of 5 experts carry weight" in text
    flat = specialisation_takeaway(
        kl.assign(jsd_bits=[0.01, 0.02, 0.0]), {"n_experts": 4, "active": 4}
    )
    assert "barely specialise" in flat and "age" in flat and "all 4 experts" in flat
