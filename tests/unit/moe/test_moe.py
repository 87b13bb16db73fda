"""DEM-MoE: every loss term of the seed's appendix B against hand-computed values, the
network's routing, the phase schedule, persistence, and the baselines' contracts."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import torch

from engines.moe.baselines import (
    PMF,
    AnnotatorEmbedding,
    DeepCross,
    MeanPredictor,
    TextOnly,
    make_model,
)
from engines.moe.model import (
    BayesianEmbedding,
    DemMoE,
    DemMoENet,
    MoEConfig,
    demographic_specialisation_loss,
    gaussian_kl,
    load_std_loss,
    orthogonality_loss,
    variance_loss,
)
from engines.moe.regressor import RatingEncoding

# --------------------------------------------------------------------------- loss terms


def test_gaussian_kl_hand_values() -> None:
    zero = gaussian_kl(torch.zeros(1, 3), torch.zeros(1, 3))
    assert zero.item() == pytest.approx(0.0)
    # mu = (1, 2), sigma^2 = 1: KL = 0.5 * (1 + 4) = 2.5
    assert gaussian_kl(torch.tensor([[1.0, 2.0]]), torch.zeros(1, 2)).item() == pytest.approx(2.5)
    # mu = 0, sigma^2 = 2: KL = 0.5 * (2 - 1 - ln 2)
    kl = gaussian_kl(torch.zeros(1, 1), torch.full((1, 1), math.log(2.0)))
    assert kl.item() == pytest.approx(0.5 * (1 - math.log(2.0)))


def test_load_std_loss_hand_value_and_gradient() -> None:
    # Routed weight per expert c = (2, 1, 1, 0): c / mean = (2, 1, 1, 0) -> capped (1, 1, 1, 0)
    w = torch.tensor([[1.0, 1.0, 0.0, 0.0], [1.0, 0.0, 1.0, 0.0]], requires_grad=True)
    loss = load_std_loss(w)
    assert loss.item() == pytest.approx(math.sqrt(0.1875))
    loss.backward()
    assert w.grad[:, 3].abs().sum() > 0  # the unused expert is pushed up
    balanced = torch.full((4, 4), 0.25)
    assert load_std_loss(balanced).item() == pytest.approx(0.0, abs=1e-7)


def test_orthogonality_loss_hand_value() -> None:
    out = torch.tensor([[[1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]])  # B=1, E=3, H=2
    sel = torch.tensor([[True, True, False]])
    # pairs (0,1): <x0,x1>/<x1,x1> = 1/2 ; (1,0): <x1,x0>/<x0,x0> = 1
    assert orthogonality_loss(out, sel, eps=0.0).item() == pytest.approx(1.5)
    sel_orth = torch.tensor([[True, False, True]])  # x0 and x2 are orthogonal
    assert orthogonality_loss(out, sel_orth, eps=0.0).item() == pytest.approx(0.0)
    # averaged over the batch: two identical rows give the same value
    assert orthogonality_loss(out.repeat(2, 1, 1), sel.repeat(2, 1), 0.0).item() == 1.5


def test_variance_loss_hand_value() -> None:
    s = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    assert variance_loss(s).item() == pytest.approx(-0.25)
    assert variance_loss(torch.full((3, 2), 0.5)).item() == pytest.approx(0.0)


def test_demographic_specialisation_loss_hand_value() -> None:
    probs = torch.tensor([[0.5, 0.5], [0.5, 0.5], [0.9, 0.1], [0.9, 0.1]])
    demo = torch.tensor([[1], [1], [2], [2]])
    kl12 = 0.5 * math.log(0.5 / 0.9) + 0.5 * math.log(0.5 / 0.1)
    kl21 = 0.9 * math.log(0.9 / 0.5) + 0.1 * math.log(0.1 / 0.5)
    got = demographic_specialisation_loss(probs, demo, eps=0.0).item()
    assert got == pytest.approx(0.5 * (kl12 + kl21), rel=1e-5)
    same = demographic_specialisation_loss(probs[:2].repeat(2, 1), demo, eps=0.0)
    assert same.item() == pytest.approx(0.0, abs=1e-7)
    # a subgroup with one row in the batch is skipped (min_rows=2)
    assert demographic_specialisation_loss(probs[1:], demo[1:]).item() == pytest.approx(0.0)
    # attributes add up
    two = demographic_specialisation_loss(probs, torch.cat([demo, demo], 1), eps=0.0)
    assert two.item() == pytest.approx(2 * got, rel=1e-5)


# --------------------------------------------------------------------------- network


def _net(n_experts: int = 4, top_k: int = 2) -> DemMoENet:
    torch.manual_seed(0)
    return DemMoENet(torch.randn(10, 8), 6, [3, 4], n_experts, top_k, 4, 3, 5, 7, 0.0)


def test_network_routes_top_k_and_mixes_selected_experts() -> None:
    net = _net().eval()
    item = torch.arange(5)
    ann = torch.tensor([0, 1, 2, 3, 4])
    demo = torch.tensor([[0, 1], [1, 2], [2, 3], [1, 0], [2, 1]])
    out = net.route(item, ann, demo)
    assert out.prediction.shape == (5,)
    assert out.selected.sum(1).tolist() == [2] * 5
    assert torch.allclose(out.weights, out.probs * out.selected)
    assert torch.allclose(out.probs.sum(1), torch.ones(5))
    mixed = (out.weights.unsqueeze(-1) * out.expert_outputs).sum(1)
    assert torch.allclose(net.head(mixed).squeeze(-1), out.prediction, atol=1e-6)
    with pytest.raises(ValueError, match="top_k"):
        DemMoENet(torch.randn(3, 4), 2, [2], 2, 3)


def test_gate_depends_on_demographics() -> None:
    net = _net().eval()
    item, ann = torch.zeros(3, dtype=torch.long), torch.ones(3, dtype=torch.long)
    demo = torch.tensor([[1, 1], [2, 1], [1, 3]])
    probs = net.route(item, ann, demo).probs
    assert not torch.allclose(probs[0], probs[1])
    assert not torch.allclose(probs[0], probs[2])


def test_bayesian_embedding_samples_in_training_only() -> None:
    emb = BayesianEmbedding(3, 4, init_logvar=0.0)
    ids = torch.tensor([1, 1])
    z_eval, kl = emb(ids, sample=False)
    assert torch.equal(z_eval, emb.mu(ids))
    z1, _ = emb(ids, sample=True)
    assert not torch.allclose(z1, z_eval)
    assert kl.shape == (2,)


# --------------------------------------------------------------------------- estimator


def _toy(n_items: int = 120, seed: int = 0) -> tuple[pd.DataFrame, list[str], np.ndarray]:
    """Young raters rate items of topic 1 high, old raters low; topic 0 is neutral."""
    rng = np.random.default_rng(seed)
    emb = rng.normal(size=(n_items, 6)).astype(np.float32)
    topic = (np.arange(n_items) % 2).astype(int)
    emb[:, 0] = np.where(topic == 1, 2.0, -2.0)
    rows = []
    for i in range(n_items):
        for a in range(12):
            age = "young" if a < 6 else "old"
            shift = (1.5 if age == "young" else -1.5) * topic[i]
            rows.append(
                {
                    "item_id": f"i{i}",
                    "annotator_id": f"a{a}",
                    "label": float(np.clip(np.round(3 + shift + rng.normal(0, 0.3)), 1, 5)),
                    "age": age,
                    "gender": "w" if a % 2 else "m",
                }
            )
    return pd.DataFrame(rows), [f"i{i}" for i in range(n_items)], emb


def test_encoding_maps_unseen_annotators_and_values_to_default() -> None:
    df, ids, _ = _toy(4)
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


def test_dem_moe_learns_a_demographic_interaction_and_saves(tmp_path) -> None:
    df, ids, emb = _toy()
    train, val = df[df.item_id.isin(ids[:90])], df[df.item_id.isin(ids[90:])]
    moe = DemMoE(MoEConfig(max_epochs=40, patience=8, seed=1))
    moe.fit(train, ids, emb, ["age", "gender"], val)
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


def test_default_annotator_embedding_is_never_trained() -> None:
    df, ids, emb = _toy(20)
    moe = DemMoE(MoEConfig(max_epochs=3, patience=0, seed=0))
    torch.manual_seed(0)
    moe.fit(df, ids, emb, ["age"])
    # Same seed -> same initial row 0; it never receives a gradient (no row maps to 0).
    fresh = DemMoE(MoEConfig(seed=0))
    from engines.core import seed_everything

    seed_everything(0)
    enc = RatingEncoding.fit(df, ids, ["age"])
    init = fresh.build(enc, torch.as_tensor(emb), ())
    assert torch.allclose(moe.module_.annotator.mu.weight[0], init.annotator.mu.weight[0])


def test_phases_switch_on_load_std_thresholds() -> None:
    moe = DemMoE(MoEConfig(to_b_load_std=0.2, to_c_load_std=0.05, max_phase_epochs=99))
    df, ids, emb = _toy(4)
    net = moe.build(RatingEncoding.fit(df, ids, ["age"]), torch.as_tensor(emb), ())
    for load_std, expected in [(0.1, "A"), (0.3, "B"), (0.1, "B"), (0.01, "C"), (0.5, "C")]:
        moe._load_sum, moe._load_n = load_std, 1
        moe.before_epoch(2, net)
        assert moe.phase_ == expected, (load_std, moe.phase_)
    assert moe.phase_weights() == moe.cfg.phase_c


# --------------------------------------------------------------------------- baselines


def test_baselines_fit_predict_and_differ_in_what_they_use() -> None:
    df, ids, emb = _toy()
    train, test = df[df.item_id.isin(ids[:90])], df[df.item_id.isin(ids[90:])]
    y = test.label.to_numpy()
    mae = {}
    for model in (
        MeanPredictor(),
        TextOnly(),
        make_model("pmf", max_epochs=30),
        make_model("annotator", max_epochs=30),
        make_model("deepcross", max_epochs=30),
    ):
        pred = model.fit(train, ids, emb, ["age", "gender"], test).predict(test)
        assert pred.shape == (len(test),) and np.isfinite(pred).all()
        mae[model.name] = np.abs(pred - y).mean()
    # Models that see who is rating beat the ones that do not (young/old disagree).
    assert mae[TextOnly.name] <= mae[MeanPredictor.name] + 0.02
    assert mae[DeepCross.name] < 0.8 * mae[TextOnly.name]
    assert mae[AnnotatorEmbedding.name] < 0.8 * mae[TextOnly.name]


def test_pmf_unseen_items_get_only_the_annotator_bias() -> None:
    df, ids, emb = _toy(10)
    train = df[df.item_id != "i9"]
    pmf = PMF().fit(train, ids, emb)
    new = df[df.item_id == "i9"]
    a = pmf.predict(new[new.annotator_id == "a1"])
    b = pmf.predict(train[(train.annotator_id == "a1")].head(1).assign(item_id="i9"))
    assert a[0] == pytest.approx(b[0])
    enc = pmf.encoding_
    bias = pmf.module_.bu.weight[enc.annotator_index["a1"]].item()
    assert a[0] == pytest.approx(np.clip(enc.mean + enc.sd * bias, enc.low, enc.high), abs=1e-5)


def test_annotator_embedding_leaves_the_own_label_out() -> None:
    df, ids, emb = _toy(6)
    model = AnnotatorEmbedding()
    model.encoding_ = RatingEncoding.fit(df, ids, [])
    tr = model.encoding_.tensors(df)
    net = model.build(model.encoding_, torch.as_tensor(emb), tr)
    ann = torch.tensor([1])
    full = net.annotation_embedding(ann, None)
    label = torch.tensor([0])
    loo = net.annotation_embedding(ann, label)
    counts = net.label_counts[1].clone()
    counts[0] -= 1
    expected = (counts / counts.sum()) @ net.label_emb.weight
    assert torch.allclose(loo[0], expected, atol=1e-6)
    assert not torch.allclose(full, loo) or net.label_counts[1, 0] == 0


def test_make_model_rejects_unknown_keys() -> None:
    with pytest.raises(ValueError, match="Unknown model"):
        make_model("xgboost")


# --------------------------------------------------------------------------- pipeline + CLI


def _toy_dataset(tmp_path, n_items: int = 60):
    from engines.data.importers import read_path
    from engines.data.validation import build_dataset

    df, _, _ = _toy(n_items)
    df["text"] = [f"item {i} topic {int(i[1:]) % 2}" for i in df.item_id]
    path = tmp_path / "toy.csv"
    df.to_csv(path, index=False)
    return build_dataset(read_path(path), name="toy"), path


def test_split_holds_out_annotators_only_from_train_and_dev(tmp_path) -> None:
    from engines.moe.comparison import MoERunConfig, split_for_moe

    ds, _ = _toy_dataset(tmp_path)
    train, dev, test = split_for_moe(ds, MoERunConfig(holdout_annotators=0.25, seed=3))
    held = set(test.annotator_id) - set(train.annotator_id)
    assert len(held) == 3  # 25% of 12 annotators
    assert not held & set(dev.annotator_id)
    assert not set(train.item_id) & set(test.item_id)  # item-level split
    assert len(test) == (ds.df["split"] == "test").sum()  # the test split keeps every row


def test_cli_trains_every_model_and_writes_every_table(tmp_path, monkeypatch) -> None:
    import json

    from cli import main

    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    _, data = _toy_dataset(tmp_path)
    out = tmp_path / "out"
    args = ["moe", "--data", str(data), "--out", str(out), "--encoder", "hashing"]
    assert main([*args, "--epochs", "5"]) == 0
    table = pd.read_csv(out / "model_table.csv")
    assert len(table) == 6
    for name in ("group_mae", "attribute_mae", "expert_usage", "specialisation_kl"):
        assert len(pd.read_csv(out / f"{name}.csv")) > 0, name
    meta = json.loads((out / "dem_moe" / "metadata.json").read_text())
    assert meta["n_experts"] == 2 and meta["dataset"] == "toy.csv"
