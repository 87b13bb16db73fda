"""Classic aggregation through crowd-kit: labels and a skill per annotator (issue #15)."""

from __future__ import annotations

import numpy as np
import pytest

from engines.realm.aggregation import AGGREGATORS, aggregate
from engines.realm.simulate import simulate_annotators


@pytest.fixture(scope="module")
def planted():
    gold = np.random.default_rng(0).integers(0, 3, 300)
    sim = simulate_annotators(gold, 3, (0.9, 0.5, 0.1), "uniform", "shared", seed=0)
    sim["annotator"] = sim["annotator"].map({0: "z_good", 1: "m_mid", 2: "a_bad"})
    return gold, sim


@pytest.mark.parametrize("method", list(AGGREGATORS))
def test_every_method_ranks_the_planted_annotators(planted, method) -> None:
    """Names are chosen so that sorted order is the reverse of skill order: a method that
    returned skills in the wrong order of annotators would fail."""
    gold, sim = planted
    out = aggregate(sim["item"], sim["annotator"], sim["code"], method)
    skills = out.skills
    assert skills["z_good"] > skills["m_mid"] > skills["a_bad"], skills
    accuracy = (out.labels.sort_index().to_numpy() == gold).mean()
    assert accuracy > 0.7, accuracy


def test_model_based_methods_beat_majority_vote_when_one_annotator_is_random(planted) -> None:
    gold, sim = planted
    acc = {
        m: (aggregate(sim["item"], sim["annotator"], sim["code"], m).labels.sort_index()
            .to_numpy() == gold).mean()
        for m in AGGREGATORS
    }  # fmt: skip
    assert acc["dawid_skene"] > acc["majority"] + 0.03, acc


def test_majority_vote_skill_is_agreement_with_the_majority() -> None:
    """Items 0, 1: a and b say 1, c says 0 -> c agrees 0 of 2 times, a and b 2 of 2."""
    out = aggregate(np.array([0, 0, 0, 1, 1, 1]), np.array(list("abcabc")),
                    np.array([1, 1, 0, 1, 1, 0]), "majority")  # fmt: skip
    assert out.labels.tolist() == [1, 1]
    assert out.skills.to_dict() == {"a": 1.0, "b": 1.0, "c": 0.0}
    with pytest.raises(ValueError, match="method"):
        aggregate(np.array([0]), np.array(["a"]), np.array([1]), "vote")  # type: ignore[arg-type]
