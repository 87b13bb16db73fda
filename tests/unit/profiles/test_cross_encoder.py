"""Cross-encoder decoder (GPU option of DESIGN.md §4.2) on a tiny profile-determined dataset.

The MiniLM tests fit two small models once per module (a few seconds each on a CPU): ``text``,
where the profile alone decides the label (one epoch of 5 steps learns it), and ``none`` with
a dominating prior.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
import torch

import engines.profiles.cross_encoder as ce
from engines.core import NotFittedError, TrainConfig
from engines.core.config_io import config_from_dict
from engines.profiles import CrossEncoderConfig, CrossEncoderDecoder, RaterRepresentation
from tests.unit.profiles.toys import LENIENT, STRICT, profile_determined

N_CLASSES = 3
TINY = CrossEncoderConfig(
    max_length=32,
    head_lr=1e-2,
    val_fraction=0.25,
    train=dataclasses.replace(
        CrossEncoderConfig().train, max_epochs=1, patience=0, batch_size=8, lr=1e-4, device="cpu"
    ),
)


@pytest.fixture(scope="module")
def toy() -> tuple[list[str], list[str], pd.DataFrame, dict[str, str]]:
    return profile_determined()


@pytest.fixture(scope="module")
def fitted(toy) -> tuple[CrossEncoderDecoder, list[dict[str, float]]]:
    item_ids, texts, rows, profiles = toy
    epochs: list[dict[str, float]] = []
    dec = CrossEncoderDecoder(TINY).fit(
        item_ids,
        texts,
        rows,
        RaterRepresentation("profile", "text", profiles),
        N_CLASSES,
        on_epoch_end=lambda e, m: epochs.append(m),
        ordinal_scale=True,
    )
    return dec, epochs


@pytest.fixture(scope="module")
def fitted_prior(toy) -> tuple[CrossEncoderDecoder, list[int]]:
    """A no-information decoder with a huge prior on class 1, trained on 8 of the rows."""
    item_ids, texts, rows, _ = toy
    prior = np.full((len(item_ids), N_CLASSES), -50.0, np.float32)
    prior[:, 1] = 0.0
    seen_rows: list[int] = []
    real_fit_loop = ce.fit_loop

    def spy(module, train, val, *args, **kwargs):
        seen_rows.append(train[0].shape[0] + (0 if val is None else val[0].shape[0]))
        return real_fit_loop(module, train, val, *args, **kwargs)

    cfg = dataclasses.replace(TINY, max_train_rows=8, head="softmax")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ce, "fit_loop", spy)
        dec = CrossEncoderDecoder(cfg).fit(
            item_ids, texts, rows, RaterRepresentation("none", "none"), N_CLASSES, prior=prior
        )
    return dec, seen_rows


# --------------------------------------------------------------------------- no model needed


def test_config_nests_the_train_config_and_round_trips() -> None:
    train = TrainConfig(lr=3e-5, max_epochs=2, grad_clip=0.5, device="cpu", seed=4)
    cfg = CrossEncoderConfig(head_lr=5e-4, train=train)
    tc = cfg.train
    assert (tc.lr, tc.max_epochs, tc.grad_clip, tc.device, tc.seed) == (3e-5, 2, 0.5, "cpu", 4)
    assert cfg.head_lr == 5e-4
    data = dataclasses.asdict(cfg) | {"class": "CrossEncoderConfig"}
    assert config_from_dict(data, CrossEncoderConfig) == cfg
    # Today's defaults of the cross-encoder's loop (encoder lr 2e-5, 3 epochs of 32 pairs,
    # torch's own thread count: a transformer, unlike the small networks, gains from threads).
    assert CrossEncoderConfig().train == TrainConfig(
        max_epochs=3,
        batch_size=32,
        lr=2e-5,
        weight_decay=0.01,
        patience=1,
        grad_clip=1.0,
        threads=None,
    )


def test_unfitted_cross_encoder_refuses_to_predict_or_save(toy, tmp_path) -> None:
    _, _, rows, _ = toy
    dec = CrossEncoderDecoder(TINY)
    with pytest.raises(NotFittedError, match="CrossEncoderDecoder is not fitted"):
        dec.predict_proba(rows)
    with pytest.raises(NotFittedError):
        dec.predict_for_text(STRICT)
    with pytest.raises(NotFittedError):
        dec.save(tmp_path / "never")


def test_examples_representation_is_rejected_with_a_clear_message(toy) -> None:
    item_ids, texts, rows, _ = toy
    rep = RaterRepresentation("E16", "examples", examples=rows)
    with pytest.raises(ValueError, match=r"kind must be 'text' or 'none', got 'examples'"):
        CrossEncoderDecoder(TINY).fit(item_ids, texts, rows, rep, N_CLASSES)


def test_item_ids_and_texts_must_align(toy) -> None:
    item_ids, texts, rows, profiles = toy
    rep = RaterRepresentation("profile", "text", profiles)
    with pytest.raises(ValueError, match="must align"):
        CrossEncoderDecoder(TINY).fit(item_ids, texts[:-1], rows, rep, N_CLASSES)


# --------------------------------------------------------------------------- MiniLM


@pytest.mark.slow
def test_profile_text_steers_the_predictions(fitted) -> None:
    dec, _ = fitted
    values = np.arange(N_CLASSES)
    strict, lenient = dec.predict_for_text(STRICT) @ values, dec.predict_for_text(LENIENT) @ values
    # A decoder that ignores the profile predicts the same for both (checked with kind "none").
    assert np.mean(strict > lenient + 0.5) >= 0.8, (strict, lenient)


@pytest.mark.slow
def test_shapes_probabilities_loss_and_history(fitted, toy) -> None:
    dec, epochs = fitted
    item_ids, _, rows, _ = toy
    probs = dec.predict_rows(rows)
    assert probs.shape == (len(rows), N_CLASSES)
    np.testing.assert_allclose(probs.sum(1), 1.0, atol=1e-5)
    assert (probs >= 0).all()
    grid = dec.predict_for_text("")
    assert grid.shape == (len(item_ids), N_CLASSES)
    np.testing.assert_allclose(grid.sum(1), 1.0, atol=1e-5)
    assert 0.0 <= dec.loss(rows) < np.log(N_CLASSES)
    assert dec.module_.net.ordinal  # ordinal_scale=True with head="auto"
    assert [e["epoch"] for e in epochs] == [1]
    assert len(dec.history_.epochs) == 1 and np.isfinite(epochs[-1]["val_loss"])
    # Unknown raters get the empty text, like the no-information representation.
    unknown = rows.head(len(item_ids)).assign(annotator_id="nobody")
    np.testing.assert_allclose(dec.predict_rows(unknown), grid, atol=1e-5)


@pytest.mark.slow
def test_save_load_round_trip_gives_identical_predictions(fitted, toy, tmp_path) -> None:
    dec, _ = fitted
    _, _, rows, _ = toy
    out = dec.save(tmp_path / "ce", metadata={"dataset": "toy"})
    names = {p.name for p in out.rglob("*") if p.is_file()}
    assert {"config.json", "model.safetensors", "metadata.json"} <= names
    assert not any(n.endswith((".pkl", ".bin", ".pt", ".pth")) for n in names)
    back = CrossEncoderDecoder.load(out, device="cpu")
    assert back.config == dec.config and back.item_ids_ == dec.item_ids_
    for text in (STRICT, LENIENT, ""):
        np.testing.assert_allclose(
            back.predict_for_text(text), dec.predict_for_text(text), atol=1e-6
        )
    np.testing.assert_allclose(back.predict_rows(rows), dec.predict_rows(rows), atol=1e-6)


@pytest.mark.slow
def test_prior_dominates_and_none_ignores_the_rater(fitted_prior, toy) -> None:
    dec, seen_rows = fitted_prior
    _, _, rows, _ = toy
    assert seen_rows == [8]  # max_train_rows subsampled before the rater split
    probs = dec.predict_rows(rows)
    assert (probs.argmax(1) == 1).all() and probs[:, 1].min() > 0.99
    # Kind "none": every rater reads the empty text, so strict and lenient rows coincide.
    by_item = pd.DataFrame(probs).groupby(rows["item_id"].to_numpy()).std().to_numpy()
    assert np.nanmax(by_item) < 1e-6


@pytest.mark.slow
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_trains_one_step_on_cuda(toy) -> None:
    item_ids, texts, rows, profiles = toy
    train = dataclasses.replace(TINY.train, device="cuda", max_epochs=1)
    cfg = dataclasses.replace(TINY, train=train, max_train_rows=8, val_fraction=0)
    dec = CrossEncoderDecoder(cfg).fit(
        item_ids, texts, rows, RaterRepresentation("profile", "text", profiles), N_CLASSES
    )
    assert next(dec.module_.parameters()).device.type == "cuda"
    probs = dec.predict_for_text(STRICT)
    assert probs.shape == (len(item_ids), N_CLASSES) and np.isfinite(probs).all()
    np.testing.assert_allclose(probs.sum(1), 1.0, atol=1e-4)


@pytest.mark.slow
def test_predict_texts_stacks_predict_for_text_over_items(fitted, toy) -> None:
    dec, _ = fitted
    rows = np.asarray([4, 1, 2])
    grid = dec.predict_texts([STRICT, LENIENT], rows)
    assert grid.shape == (3, 2, N_CLASSES)
    np.testing.assert_allclose(grid[:, 0], dec.predict_for_text(STRICT)[rows], atol=1e-5)
    np.testing.assert_allclose(grid[:, 1], dec.predict_for_text(LENIENT)[rows], atol=1e-5)
