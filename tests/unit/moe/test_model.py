"""The DEM-MoE estimator: encoding, learning, phases, the fitted contract and persistence."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
import torch

from engines.core import NotFittedError, TrainConfig, seed_everything
from engines.moe import DemMoE, MoEConfig, RatingEncoding, TextOnly
from tests.unit.moe.toys import toy_frame


def test_encoding_maps_unseen_annotators_and_values_to_default() -> None:
    df, ids, _ = toy_frame(4)
    enc = RatingEncoding.fit(df[df.annotator_id != "a0"], ids, ["age"])
    new = df.head(1).assign(age="unknown")
    item, ann, demo, y = enc.tensors(new)
    assert ann.item() == 0 and demo.item() == 0
    assert not enc.seen(new)[0]
    assert y.item() == pytest.approx((df.label.iloc[0] - enc.mean) / enc.sd)
    with pytest.raises(ValueError, match="numeric"):
        RatingEncoding.fit(df.assign(label="x"), ids, [])
    with pytest.raises(KeyError, match="race"):
        RatingEncoding.fit(df, ids, ["race"])


def test_dem_moe_learns_a_demographic_interaction_and_saves(
    fitted_moe: DemMoE, toy_split, tmp_path
) -> None:
    train, val, ids, emb = toy_split
    moe = fitted_moe
    text = TextOnly().fit(train, ids, emb)
    mae = np.abs(moe.predict(val) - val.label).mean()
    # Young and old raters disagree on topic-1 items: text alone cannot get below ~0.75.
    assert mae < 0.6 * np.abs(text.predict(val) - val.label).mean()
    assert {p["phase"] for p in moe.phase_log_} >= {"A"}
    w = moe.routing(val)
    assert w.shape == (len(val), 2) and np.allclose((w > 0).sum(1), 2)
    moe.save(tmp_path / "m")
    again = DemMoE.load(tmp_path / "m")
    assert np.allclose(again.predict(val), moe.predict(val), atol=1e-6)
    # The nested training settings round-trip through config.json (n_experts is resolved).
    assert again.cfg == dataclasses.replace(moe.cfg, n_experts=2)
    assert again.cfg.train == TrainConfig(
        max_epochs=40, batch_size=128, lr=1.5e-3, patience=8, seed=1
    )
    saved = json.loads((tmp_path / "m" / "config.json").read_text())
    assert saved["train"]["patience"] == 8 and "patience" not in saved


def test_model_saved_with_flat_training_settings_still_loads(fitted_moe: DemMoE, tmp_path) -> None:
    """Models saved before ``train`` was nested kept max_epochs, lr... at the top level."""
    fitted_moe.save(tmp_path / "m")
    path = tmp_path / "m" / "config.json"
    config = json.loads(path.read_text())
    config.update(config.pop("train"))
    path.write_text(json.dumps(config))
    meta_path = tmp_path / "m" / "metadata.json"  # such models were format 1: no checksums
    meta = json.loads(meta_path.read_text())
    del meta["checksums"]
    meta_path.write_text(json.dumps(meta))
    again = DemMoE.load(tmp_path / "m")
    assert again.cfg == dataclasses.replace(fitted_moe.cfg, n_experts=2)


def test_unfitted_model_refuses_to_predict_route_or_save(toy_split, tmp_path) -> None:
    _, val, _, _ = toy_split
    moe = DemMoE()
    for call in (lambda: moe.predict(val), lambda: moe.routing(val)):
        with pytest.raises(NotFittedError, match="DemMoE is not fitted"):
            call()
    with pytest.raises(NotFittedError):
        moe.save(tmp_path / "m")
    assert not (tmp_path / "m").exists()


def test_config_nests_the_training_loop_with_the_defaults() -> None:
    cfg = MoEConfig()
    assert cfg.train == TrainConfig(max_epochs=40, batch_size=128, lr=1.5e-3)
    changed = cfg.with_train(seed=3, max_epochs=5)
    assert (changed.train.seed, changed.train.max_epochs, changed.train.lr) == (3, 5, 1.5e-3)
    assert changed.top_k == cfg.top_k and cfg.train.seed == 0  # a copy; cfg is unchanged


def test_default_annotator_embedding_is_never_trained() -> None:
    df, ids, emb = toy_frame(20)
    moe = DemMoE(MoEConfig().with_train(max_epochs=3, patience=0, seed=0))
    torch.manual_seed(0)
    moe.fit(df, ids, emb, ["age"])
    # Same seed -> same initial row 0; it never receives a gradient (no row maps to 0).
    fresh = DemMoE(MoEConfig().with_train(seed=0))
    seed_everything(0)
    enc = RatingEncoding.fit(df, ids, ["age"])
    init = fresh.build(enc, torch.as_tensor(emb), ())
    assert torch.allclose(moe.module_.annotator.mu.weight[0], init.annotator.mu.weight[0])


def test_phases_switch_on_load_std_thresholds() -> None:
    moe = DemMoE(MoEConfig(to_b_load_std=0.2, to_c_load_std=0.05, max_phase_epochs=99))
    df, ids, emb = toy_frame(4)
    net = moe.build(RatingEncoding.fit(df, ids, ["age"]), torch.as_tensor(emb), ())
    for load_std, expected in [(0.1, "A"), (0.3, "B"), (0.1, "B"), (0.01, "C"), (0.5, "C")]:
        moe._load_sum, moe._load_n = load_std, 1
        moe.before_epoch(2, net)
        assert moe.phase_ == expected, (load_std, moe.phase_)
    assert moe.phase_weights() == moe.cfg.phase_c


def test_fit_reports_each_epoch_through_the_progress_protocol() -> None:
    df, ids, emb = toy_frame(8)
    calls: list[tuple[int, int, str]] = []
    moe = DemMoE(MoEConfig().with_train(max_epochs=2, patience=0))
    moe.fit(df, ids, emb, ["age"], df, lambda *a: calls.append(a))
    assert [c[:2] for c in calls] == [(1, 2), (2, 2)]
    assert all(c[2].startswith("DEM-MoE: epoch, val loss ") for c in calls)


def test_a_large_annotator_table_trains_lazily_and_still_learns(
    fitted_moe: DemMoE, toy_split
) -> None:
    """Issue #26: above ``lazy_annotators_above`` rows the annotator table has sparse
    gradients and its own lazy group (each step updates only the annotators in the batch: a
    flat step however many annotators there are); the model still learns the interaction."""
    train, val, ids, emb = toy_split
    assert fitted_moe.cfg.lazy_annotators_above == 5000  # the default: 12 annotators, dense
    assert not fitted_moe.module_.annotator.mu.sparse
    assert not any(g.get("lazy") for g in fitted_moe.param_groups(fitted_moe.module_))
    cfg = dataclasses.replace(fitted_moe.cfg, lazy_annotators_above=5)  # 13 rows > 5
    lazy = DemMoE(cfg).fit(train, ids, emb, ["age", "gender"], val)
    assert lazy.module_.annotator.mu.sparse
    groups = [g for g in lazy.param_groups(lazy.module_) if g.get("lazy")]
    table = {id(p) for p in lazy.module_.annotator.parameters()}
    assert len(groups) == 1 and {id(p) for p in groups[0]["params"]} == table
    text = TextOnly().fit(train, ids, emb)
    mae = np.abs(lazy.predict(val) - val.label).mean()
    assert mae < 0.6 * np.abs(text.predict(val) - val.label).mean()


def test_the_batch_grows_with_the_data_and_the_rates_follow_the_square_root_rule() -> None:
    from engines.moe import MoEConfig

    assert MoEConfig().for_rows(10**6) == MoEConfig()  # the default: the seed's batch of 128
    cfg = dataclasses.replace(MoEConfig(), batch_growth=8)
    assert cfg.for_rows(800) is cfg  # small data: the batch and the rates as given
    grown = cfg.for_rows(8203)  # POPQUORN's training rows: 8,203 / 8 -> capped at 8 x 128
    assert grown.train.batch_size == 1024
    assert grown.train.lr == pytest.approx(cfg.train.lr * 8**0.5)
    assert grown.lr_gate == pytest.approx(cfg.lr_gate * 8**0.5)
    assert cfg.for_rows(4096).train.batch_size == 512
