"""The baselines' contracts: fit/predict, what each uses, PMF's and En + Ea's details."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engines.core import NotFittedError
from engines.moe import (
    PMF,
    AnnotatorEmbedding,
    AnnotatorMedian,
    DeepCross,
    HiddenConfig,
    MeanPredictor,
    MedianPredictor,
    PMFConfig,
    RatingEncoding,
    RegressorConfig,
    TextOnly,
    make_model,
)
from tests.unit.moe.toys import toy_frame


def test_baselines_fit_predict_and_differ_in_what_they_use(toy_split) -> None:
    train, test, ids, emb = toy_split
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
    df, ids, emb = toy_frame(10)
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
    df, ids, emb = toy_frame(6)
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


def test_make_model_keeps_each_models_training_defaults() -> None:
    pmf = make_model("pmf", seed=2, max_epochs=7).config
    assert isinstance(pmf, PMFConfig)
    assert (pmf.train.lr, pmf.train.weight_decay) == (1e-2, 0.05)
    assert (pmf.train.seed, pmf.train.max_epochs, pmf.train.batch_size) == (2, 7, 128)
    deep = make_model("deepcross").config
    assert isinstance(deep, HiddenConfig) and deep.train.weight_decay == 1e-4
    assert deep.train.max_epochs == 40 and deep.train.lr == 1.5e-3
    assert type(make_model("text").config) is RegressorConfig


def test_unfitted_baselines_refuse_to_predict(toy_split) -> None:
    _, test, _, _ = toy_split
    for model in (MeanPredictor(), TextOnly(), PMF()):
        with pytest.raises(NotFittedError):
            model.predict(test)


def test_median_baselines_match_hand_computation() -> None:
    """Issue #12.5: MAE rewards medians, so the comparison carries median predictors."""
    df, ids, emb = toy_frame(6)
    train = df.copy()
    y = train.label.to_numpy(dtype=float)
    median = MedianPredictor().fit(train, ids, emb)
    assert median.predict(train) == pytest.approx(np.full(len(train), np.median(y)))
    own = AnnotatorMedian().fit(train, ids, emb)
    expected = train.groupby("annotator_id")["label"].median()
    got = own.predict(train)
    assert got == pytest.approx(train["annotator_id"].map(expected).to_numpy(dtype=float))
    new = train.head(2).assign(annotator_id="nobody")
    assert own.predict(new) == pytest.approx([np.median(y)] * 2)
    assert make_model("median").name == "Median predictor"
    assert make_model("annotator_median").name == "Annotator median"


def test_text_only_chooses_its_penalty_on_folds_grouped_by_item(toy_split) -> None:
    """Issue #12.5: no item's ratings on both sides of a penalty-selection fold."""
    train, test, ids, emb = toy_split
    model = TextOnly().fit(train, ids, emb)
    item = model.encoding_.tensors(train, with_y=False)[0].numpy()
    folds = model.ridge_.cv
    assert len(folds) == 5
    for fit_rows, score_rows in folds:
        assert not set(item[fit_rows]) & set(item[score_rows])
