"""Optuna search for DEM-MoE: search space, narrowing, and a small real search."""

from __future__ import annotations

import dataclasses
import math
import sys

import numpy as np
import pandas as pd
import pytest

from analysis.moe import compute_search_table, plot_search_history
from engines.moe import (
    DemMoE,
    MoEConfig,
    SearchConfig,
    SearchSpace,
    base_params,
    compute_expert_usage,
    compute_specialisation_kl,
    config_from_params,
    narrow_space,
    ratings_of,
    search_moe,
)
from engines.moe.search import _choose
from tests.unit.moe.toys import toy_frame


def test_base_params_round_trip_to_the_same_config() -> None:
    cfg = MoEConfig(top_k=3, kl_annotator=5e-4).with_train(lr=2e-3)
    assert config_from_params(cfg, base_params(cfg)) == cfg
    positive = MoEConfig(demographic_specialisation=0.02)
    assert config_from_params(positive, base_params(positive)) == positive


def test_default_config_lies_inside_the_default_space() -> None:
    params = base_params(MoEConfig())
    assert SearchSpace().clip(params) == params


def test_clip_moves_out_of_range_values_to_the_nearest_bound() -> None:
    params = base_params(MoEConfig(top_k=5, demographic_specialisation=0.0).with_train(lr=1.0))
    clipped = SearchSpace().clip(params)
    assert clipped["lr"] == 5e-3 and clipped["specialisation"] == 1e-3
    assert clipped["top_k"] == 3


def test_narrow_space_hand_values() -> None:
    space = SearchSpace()
    best = SearchSpace().clip(base_params(MoEConfig(top_k=3).with_train(lr=1e-3)))
    best["load_A"] = 0.5
    narrow = narrow_space(space, best, 0.25)
    # Linear: 0.5 +/- 0.25 * (0.6 - 0.1) = (0.375, 0.625), clipped to (0.375, 0.6).
    assert narrow.load[0] == pytest.approx((0.375, 0.6))
    # Log: 1e-3 * 10^(+/-0.25), since log(5e-3 / 5e-4) = log(10).
    assert narrow.lr == pytest.approx((1e-3 / 10**0.25, 1e-3 * 10**0.25))
    assert narrow.top_k == (3,)
    assert narrow.orthogonal[2][0] >= space.orthogonal[2][0]


def test_bad_search_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="n_trials"):
        SearchConfig(n_trials=0)
    with pytest.raises(ValueError, match="rounds"):
        SearchConfig(rounds=3)


def test_missing_optuna_gives_an_install_hint(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "optuna", None)
    df, ids, emb = toy_frame(8)
    with pytest.raises(ImportError, match="needs Optuna: pip install optuna"):
        search_moe(df, ids, emb, ["age"], df)


def test_empty_dev_split_is_refused() -> None:
    df, ids, emb = toy_frame(8)
    with pytest.raises(ValueError, match="development rows"):
        search_moe(df, ids, emb, ["age"], df.head(0))


@pytest.fixture(scope="module")
def searched():
    df, ids, emb = toy_frame(60)
    item = df.item_id.str[1:].astype(int)
    train, dev = df[item % 5 != 0], df[item % 5 == 0]
    base = MoEConfig().with_train(max_epochs=4, patience=0, seed=1)
    cfg = SearchConfig(n_trials=4, rounds=2, max_epochs=4, seed=2, prune=False)
    seen: list[tuple[int, int, str]] = []
    res = search_moe(train, ids, emb, ["age", "gender"], dev, base, cfg, lambda *a: seen.append(a))
    return res, (train, dev, ids, emb), base, seen


def test_search_tries_the_base_first_and_reports_every_trial(searched) -> None:
    res, _, base, seen = searched
    trials = res.trials
    assert list(trials["trial"]) == [0, 1, 2, 3]
    assert list(trials["round"]) == [1, 1, 2, 2]
    assert (trials["state"] == "complete").all()
    assert trials.loc[0, "lr"] == base.train.lr and trials.loc[0, "top_k"] == base.top_k
    assert res.default_mae == trials.loc[0, "dev_mae"]
    assert res.best_mae == trials["dev_mae"].min() <= res.default_mae
    assert [s[:2] for s in seen] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert seen[-1][2] == f"Optuna search: trial, best dev MAE {res.best_mae:.4f}"
    # Round 2 draws inside the narrowed ranges around round 1's best.
    r1 = trials[trials["round"] == 1]
    best1 = r1.loc[r1["dev_mae"].idxmin()]
    r2 = trials[trials["round"] == 2]
    assert (r2["top_k"] == best1["top_k"]).all()
    width = math.log(5e-3 / 5e-4)
    assert (np.abs(np.log(r2["lr"] / best1["lr"])) <= 0.25 * width + 1e-9).all()


def test_best_config_reproduces_the_best_dev_mae(searched) -> None:
    res, (train, dev, ids, emb), base, _ = searched
    best = res.trials.loc[res.trials["dev_mae"].idxmin()]
    assert res.best_config.train.lr == pytest.approx(best["lr"])
    assert res.best_config.train.max_epochs == 4 and res.best_config.hidden == base.hidden
    assert res.best_config.train.seed == base.train.seed
    model = DemMoE(res.best_config)
    model.fit(train, ids, emb, ["age", "gender"], dev)
    mae = float(np.mean(np.abs(model.predict(dev) - ratings_of(dev))))
    assert mae == pytest.approx(res.best_mae, abs=1e-6)
    # The recorded specialisation is the best model's largest within-group JSD on the dev split.
    people = dev[["annotator_id", "age", "gender"]].drop_duplicates("annotator_id")
    usage = compute_expert_usage(model.routing_frame(dev), people, ["age", "gender"])
    kl = compute_specialisation_kl(usage, model.module_.n_experts).set_index("attribute")
    assert best["dev_max_jsd"] == pytest.approx(kl["jsd_bits"].max(), abs=1e-9)
    assert best["jsd_attribute"] == kl["jsd_bits"].idxmax()


def test_search_table_hand_values_and_history_figure() -> None:
    trials = pd.DataFrame(
        {
            "trial": [0, 1, 2, 3],
            "round": [1, 1, 2, 2],
            "state": ["complete", "complete", "pruned", "complete"],
            "dev_mae": [0.8, 0.7, np.nan, 0.75],
            "dev_max_jsd": [2.0, 0.5, np.nan, 1.0],
            "jsd_attribute": ["age", "race", None, "age"],
            "seconds": [1.0, 1.0, 0.5, 1.0],
            "lr": [1e-3, 2e-3, 3e-3, 1.5e-3],
            "top_k": [2, 3, 3, 3],
        }
    )
    table = compute_search_table(trials).set_index("parameter")
    assert table.loc["lr", "chosen"] == 1e-3 and table.loc["lr", "best"] == 2e-3
    assert table.loc["lr", "change"] == pytest.approx(2.0)
    assert table.loc["dev_mae", "best"] == 0.7 and table.loc["top_k", "best"] == 3
    assert table.loc["dev_max_jsd", "chosen"] == 2.0 and table.loc["dev_max_jsd", "best"] == 0.5
    assert "jsd_attribute" not in table.index
    fig = plot_search_history(trials, kept=3)
    names = [t.name for t in fig.data]
    assert names == [
        "trial 0 (your settings)",
        "round 1 (wide)",
        "round 2 (narrowed)",
        "best so far",
        "kept (trained)",
        "1 pruned (stopped early, no score)",
    ]
    assert list(fig.data[1].x) == [1] and list(fig.data[2].x) == [3]  # pruned trial 2 absent
    assert list(fig.data[3].y) == [0.8, 0.7, 0.7]  # best so far over completed trials
    assert (fig.data[4].x[0], fig.data[4].y[0]) == (3, 0.75)
    kept = compute_search_table(trials, kept=3).set_index("parameter")
    assert kept.loc["dev_mae", "best"] == 0.75 and kept.loc["lr", "best"] == 1.5e-3
    assert fig.layout.yaxis.title.text == "dev MAE"


def test_kept_trial_is_the_most_specialised_within_the_margin() -> None:
    trials = pd.DataFrame(
        {
            "state": ["complete", "complete", "pruned", "complete", "complete"],
            "dev_mae": [0.74, 0.70, np.nan, 0.708, 0.72],
            "dev_max_jsd": [5.2, 0.1, np.nan, 6.1, 7.0],
        }
    )
    assert _choose(trials, None) == 1  # lowest dev MAE
    assert _choose(trials, 0.0) == 1
    assert _choose(trials, 0.01) == 3  # 0.708 <= 0.71, KL 6.1 > 0.1; 0.72 is outside
    assert _choose(trials, 0.05) == 4
    assert _choose(trials.assign(state="pruned"), 0.05) is None
    with pytest.raises(ValueError, match="specialised_within"):
        SearchConfig(specialised_within=-0.1)


def test_margin_search_trains_the_kept_trial(searched) -> None:
    res, (train, dev, ids, emb), base, _ = searched
    cfg = SearchConfig(n_trials=4, rounds=2, max_epochs=4, seed=2, prune=False)
    wide = search_moe(
        train, ids, emb, ["age", "gender"], dev, base,
        dataclasses.replace(cfg, specialised_within=10.0),
    )  # fmt: skip
    trials = wide.trials
    assert trials["dev_mae"].tolist() == pytest.approx(res.trials["dev_mae"].tolist())
    kept = int(trials["dev_max_jsd"].idxmax())
    assert wide.chosen_trial == kept and res.chosen_trial == int(trials["dev_mae"].idxmin())
    assert wide.best_mae == pytest.approx(trials.loc[kept, "dev_mae"])
    assert wide.best_config.train.lr == pytest.approx(trials.loc[kept, "lr"])
    assert wide.best_config.top_k == trials.loc[kept, "top_k"]


def test_a_diverged_trial_is_recorded_as_failed_and_the_search_goes_on(monkeypatch) -> None:
    """Issue #11.17: one FloatingPointError must not end the search."""
    import engines.moe.search as search_module

    df, ids, emb = toy_frame(60)
    item = df.item_id.str[1:].astype(int)
    train, dev = df[item % 5 != 0], df[item % 5 == 0]
    real_fit = search_module.DemMoE.fit
    calls = {"n": 0}

    def fit(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise FloatingPointError("Training diverged: loss is nan at epoch 1.")
        return real_fit(self, *args, **kwargs)

    monkeypatch.setattr(search_module.DemMoE, "fit", fit)
    base = MoEConfig().with_train(max_epochs=2, patience=0, seed=1)
    cfg = SearchConfig(n_trials=3, rounds=1, max_epochs=2, seed=2, prune=False)
    res = search_moe(train, ids, emb, ["age"], dev, base, cfg)
    states = res.trials["state"].tolist()
    assert states[:3] == ["complete", "failed (diverged)", "complete"]
    assert np.isnan(res.trials.loc[1, "dev_mae"]) and np.isfinite(res.best_mae)
