"""Making synthetic sets and blending them into DEM-MoE on a small planted dataset (issue #16)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from engines.data.validation import build_dataset
from engines.moe import MoEConfig
from engines.synthetic import (
    ImputationConfig,
    SyntheticRunConfig,
    imported_synthetic,
    make_synthetic,
    nearest_class,
    run_blending,
)
from engines.synthetic.impute import Imputer


def _dataset(n_items: int = 60, seed: int = 0):
    """Young raters rate 1.5 points above old ones; 10 raters per item; texts carry severity."""
    rng = np.random.default_rng(seed)
    emb = rng.normal(size=(n_items, 8)).astype(np.float32)
    severity = 3 + emb[:, 0]
    rows = []
    for i in range(n_items):
        split = "train" if i < 40 else ("dev" if i < 50 else "test")
        for a in range(10):
            young = a % 2 == 0
            label = int(np.clip(np.rint(severity[i] + (0.75 if young else -0.75)
                                        + rng.normal(0, 0.4)), 1, 5))  # fmt: skip
            rows.append({"item_id": f"i{i:02d}", "text": f"t{i}", "annotator_id": f"a{a}",
                         "label": label, "age": "young" if young else "old",
                         "split": split})  # fmt: skip
    ds = build_dataset(pd.DataFrame(rows), name="toy")
    return ds, [f"i{i:02d}" for i in range(n_items)], emb


def _cfg(**kw) -> SyntheticRunConfig:
    model = MoEConfig().with_train(max_epochs=15, seed=0)
    imputation = ImputationConfig(model=model, **kw)
    return SyntheticRunConfig(model=model, imputation=imputation, holdout_annotators=0.0,
                              n_clusters=2, n_representatives=3)  # fmt: skip


def test_nearest_class_rounds_onto_the_scale() -> None:
    assert nearest_class(np.array([0.2, 2.49, 2.51, 9.0]), [1, 2, 3, 4, 5]).tolist() == [
        1, 2, 3, 5,
    ]  # fmt: skip


def test_imputed_personas_keep_the_demographic_gap_and_temperature_zero_is_their_mean() -> None:
    ds, ids, emb = _dataset()
    sets = make_synthetic(ds, ids, emb, _cfg(temperature=0.0))
    one = sets["1x"]
    assert set(sets) == {"0.5x", "1x", "fill", "cluster"} and one["is_synthetic"].eq(1).all()
    gap = one[one.age == "young"].label.mean() - one[one.age == "old"].label.mean()
    assert gap > 0.8, gap  # the planted 1.5-point gap, echoed
    # temperature 0: every random persona of one combination rates an item alike
    random_personas = one[one.source_annotator == ""]
    spread = random_personas.groupby(["item_id", "age"]).label.nunique()
    assert spread.eq(1).all()
    assert set(one.item_id) <= {f"i{i:02d}" for i in range(40)}  # training items only


def test_the_imputer_samples_with_the_residual_spread_at_temperature_one() -> None:
    ds, ids, emb = _dataset()
    train = ds.df[ds.df.split == "train"]
    dev = ds.df[ds.df.split == "dev"]
    imputer = Imputer(ImputationConfig(model=MoEConfig().with_train(max_epochs=15))).fit(
        train, ids, emb, ["age"], [1, 2, 3, 4, 5], dev
    )
    plan = train.assign(source_annotator="").head(400)
    hot = imputer.generate(plan, seed=1)["label"].to_numpy()
    cold = nearest_class(imputer.predict_mean(plan), [1, 2, 3, 4, 5])
    assert 0.2 < imputer.residual_sd_ < 1.5
    assert np.mean(hot != cold) > 0.2  # draws spread around the mean


def test_blending_trains_every_cell_on_the_same_real_test_rows() -> None:
    ds, ids, emb = _dataset()
    cfg = _cfg()
    sets = make_synthetic(ds, ids, emb, replace(cfg, strategies=("1x",)))
    result = run_blending(ds, ids, emb, sets, cfg)
    pred = result.predictions
    assert list(dict.fromkeys(pred.model)) == ["real only", "1x · pt_ft", "1x · mix",
                                               "1x · weighted"]  # fmt: skip
    counts = pred.groupby("model").size()
    assert counts.nunique() == 1 and counts.iloc[0] == (ds.df.split == "test").sum()
    assert result.synthetic["1x"]["weight"].mean() == pytest.approx(1.0)
    err = (pred.prediction - pred.rating).abs().groupby(pred.model).mean()
    assert err.max() < 1.2, err


def test_importing_needs_synthetic_rows_on_training_items() -> None:
    ds, _, _ = _dataset()
    with pytest.raises(ValueError, match="is_synthetic"):
        imported_synthetic(ds)


def test_twins_redo_every_human_label_weak_ones_by_group_only() -> None:
    from engines.synthetic import compare_annotator_models, synthetic_twins

    ds, ids, emb = _dataset()
    weak = synthetic_twins(ds, ids, emb, _cfg(temperature=0.0), "weak")
    assert len(weak.df) == len(ds.df) and (weak.df.split == ds.df.split).all()
    assert weak.df.annotator_id.str.startswith("syn:").all()
    # weak twins at temperature 0: one label per (item, group)
    assert weak.df.groupby(["item_id", "age"]).label.nunique().eq(1).all()
    pred = compare_annotator_models({"human": ds, "synthetic": weak}, ids, emb,
                                    models=("text", "moe"), max_epochs=5)  # fmt: skip
    assert set(pred.source) == {"human", "synthetic"}
    assert set(pred.model) == {"Text only", "DEM-MoE"}
