"""Persona pool and generation strategies (dem-moe seed section 7.1.1; issue #16)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engines.synthetic.personas import (
    STRATEGIES,
    counts_per_item,
    persona_pool,
    plan_annotations,
    synthetic_id,
)


def _people(n: int = 40, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "annotator_id": [f"a{k:02d}" for k in range(n)],
        "gender": rng.choice(["man", "woman"], n),
        "age": rng.choice(["18-29", "30-44", "60+"], n),
    })  # fmt: skip


def _real(people: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
    """Item i_k has k + 1 annotations (1..6)."""
    rng = np.random.default_rng(seed)
    ids = people.annotator_id
    rows = [(f"i{k}", a, int(rng.integers(1, 6)))
            for k in range(6) for a in rng.choice(ids, k + 1, replace=False)]  # fmt: skip
    return pd.DataFrame(rows, columns=["item_id", "annotator_id", "label"])


def test_the_pool_is_every_observed_combination_most_common_first() -> None:
    people = pd.DataFrame({"annotator_id": list("abcd"), "gender": ["m", "m", "w", None]})
    pool = persona_pool(people, ["gender"])
    assert pool["gender"].tolist() == ["m", "(missing)", "w"]
    assert pool["n_annotators"].tolist() == [2, 1, 1] and pool["persona_id"].iloc[0] == "p001"
    with pytest.raises(ValueError, match="demographic"):
        persona_pool(people, [])


def test_random_strategies_add_half_as_many_as_many_or_fill_to_the_maximum() -> None:
    real = _real(_people())
    n = real.groupby("item_id").size()  # 1..6
    assert counts_per_item(real, "0.5x").tolist() == [1, 1, 2, 2, 3, 3]  # round half up
    assert counts_per_item(real, "1x").tolist() == n.tolist()
    assert (counts_per_item(real, "fill") + n).eq(6).all()
    with pytest.raises(ValueError, match="strategy"):
        counts_per_item(real, "2x")  # type: ignore[arg-type]


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_a_plan_has_the_strategys_counts_and_known_personas(strategy) -> None:
    people = _people()
    real = _real(people)
    plan = plan_annotations(real, people, ["gender", "age"], strategy, seed=1, n_clusters=3,
                            n_representatives=4)  # fmt: skip
    expected = counts_per_item(real, strategy)
    got = plan.groupby("item_id").size().reindex(expected.index, fill_value=0)
    assert got.tolist() == expected.tolist()
    pool = persona_pool(people, ["gender", "age"]).set_index("persona_id")
    assert set(plan["persona_id"]) <= set(pool.index)
    assert (plan["annotator_id"] == plan["persona_id"].map(synthetic_id)).all()
    # a persona's values are its combination's
    assert (plan.set_index("persona_id")[["gender", "age"]] == pool.loc[plan["persona_id"],
            ["gender", "age"]]).all().all()  # fmt: skip
    if strategy == "cluster":
        source = people.set_index("annotator_id").loc[plan["source_annotator"]]
        assert (source["gender"].to_numpy() == plan["gender"].to_numpy()).all()
    else:
        assert (plan["source_annotator"] == "").all()


def test_cluster_personas_come_half_from_one_cluster_and_half_from_the_farthest() -> None:
    """Two tight groups of raters: lenient young men, harsh old women. Every item's cluster
    personas are split between both groups (representatives of one, disagreers of the other)."""
    people = pd.DataFrame({"annotator_id": [f"a{k}" for k in range(20)],
                           "gender": ["man"] * 10 + ["woman"] * 10,
                           "age": ["18-29"] * 10 + ["60+"] * 10})  # fmt: skip
    rows = [(f"i{i}", f"a{k}", 1 if k < 10 else 5) for i in range(10) for k in range(0, 20, 2)]
    real = pd.DataFrame(rows, columns=["item_id", "annotator_id", "label"])
    plan = plan_annotations(real, people, ["gender", "age"], "cluster", seed=0, n_clusters=2,
                            n_representatives=5)  # fmt: skip
    per_item = plan.groupby("item_id")["gender"].agg(lambda g: (g == "man").sum())
    assert per_item.eq(5).all(), per_item  # 10 per item: 5 of each
