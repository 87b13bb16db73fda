"""Triage tells a consistent minority perspective from noise (issue #15)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.realm.triage import compute_triage


@pytest.fixture(scope="module")
def planted():
    """60 items; 'young' annotators (4) rate 2 points above the 'old' ones (8) on odd items;
    'noisy' (an old annotator) rates at random."""
    rng = np.random.default_rng(0)
    groups = {f"y{k}": "young" for k in range(4)} | {f"o{k}": "old" for k in range(8)}
    groups["noisy"] = "old"
    rows = []
    for i in range(60):
        base = rng.integers(0, 3)
        for a, g in groups.items():
            y = base + (2 if g == "young" and i % 2 else 0) + int(rng.random() < 0.2)
            y = int(rng.integers(0, 5)) if a == "noisy" else y
            rows.append((f"i{i}", a, y))
    frame = pd.DataFrame(rows, columns=["item_id", "annotator_id", "label_code"])
    return frame, pd.Series(groups)


def test_group_perspective_is_shared_and_noise_is_not(planted) -> None:
    frame, groups = planted
    expertise = pd.Series(0.9, index=groups.index)
    expertise.loc[[f"y{k}" for k in range(4)]] = 0.4  # low: they depart from the majority
    expertise.loc["noisy"] = 0.3
    out = compute_triage(frame, groups, expertise).set_index("annotator_id")
    young = out.loc[[f"y{k}" for k in range(4)]]
    assert (young["shared"] > 0.35).all() and (young["with_group"] > 0.8).all(), out
    assert abs(out.loc["noisy", "shared"]) < 0.2 and out.loc["noisy", "with_group"] < 0.3, out
    # measured: young 0.45-0.50, noisy 0.16, the old majority 0.09-0.16
    assert out.loc["y0", "reading"] == "shared with their group"
    assert out.loc["noisy", "reading"] == "idiosyncratic"
    assert out.index[0] == "noisy"  # lowest expertise first


def test_leave_one_out_never_correlates_an_annotator_with_themselves() -> None:
    """A group of one has no one to share with: shared is NaN and the reading '–'."""
    frame = pd.DataFrame({"item_id": ["a", "a", "b", "b"], "annotator_id": ["x", "y"] * 2,
                          "label_code": [0, 2, 1, 2]})  # fmt: skip
    out = compute_triage(frame, pd.Series({"x": "g1", "y": "g2"}), pd.Series({"x": 1, "y": 1}))
    assert out["shared"].isna().all() and (out["reading"] == "–").all()
