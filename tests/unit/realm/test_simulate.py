"""Simulated annotators: each noise type and mode does what its name says (issue #15)."""

from __future__ import annotations

import numpy as np
import pytest

from engines.realm.simulate import simulate_annotators

GOLD = np.random.default_rng(0).integers(0, 4, 3000)


def test_expertise_is_the_share_of_labels_drawn_true() -> None:
    sim = simulate_annotators(GOLD, 4, (0.9, 0.5, 0.1), "uniform", "shared", seed=0)
    share = sim.groupby("annotator")["correct"].mean().to_numpy()
    assert np.allclose(share, [0.9, 0.5, 0.1], atol=0.03)
    # uniform noise can land on the truth: accuracy = e + (1 - e) / C
    accuracy = (sim["code"] == GOLD[sim["item"]]).groupby(sim["annotator"]).mean().to_numpy()
    assert np.allclose(accuracy, [0.925, 0.625, 0.325], atol=0.03)


def test_asymmetric_noise_prefers_the_next_class_and_systematic_is_one_shift_each() -> None:
    asym = simulate_annotators(GOLD, 4, (0.0,), "asymmetric", "shared", seed=0)
    offset = (asym["code"] - GOLD[asym["item"]]) % 4
    assert (offset != 0).all()
    share = offset.value_counts(normalize=True)
    assert share[1] == pytest.approx(0.6, abs=0.03) and share[2] == pytest.approx(0.2, abs=0.03)
    syst = simulate_annotators(GOLD, 4, (0.0, 0.0, 0.0), "systematic", "shared", seed=0)
    shifts = ((syst["code"] - GOLD[syst["item"]]) % 4).groupby(syst["annotator"]).nunique()
    assert (shifts == 1).all()


def test_modes_shared_and_exclusive() -> None:
    shared = simulate_annotators(GOLD[:100], 4, (0.9, 0.1), mode="shared")
    assert len(shared) == 200 and (shared.groupby("item").size() == 2).all()
    exclusive = simulate_annotators(GOLD[:100], 4, (0.9, 0.1), mode="exclusive")
    assert len(exclusive) == 100 and set(exclusive["annotator"]) == {0, 1}
    with pytest.raises(ValueError, match="expertise"):
        simulate_annotators(GOLD, 4, (1.2,))
