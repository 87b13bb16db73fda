"""The profile decoder: learns planted profiles, predicts grids, saves, refuses unfitted use."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engines.core import NotFittedError, TrainConfig
from engines.core.config_io import config_from_dict
from engines.profiles import (
    DecoderConfig,
    ProfileDecoder,
    ProfileRunConfig,
    evaluate_representations,
)
from tests.unit.profiles.toys import FAST


def test_profile_decoder_beats_no_information_and_reacts_to_edits(
    toy_ds, prep, fitted_embedding
) -> None:
    cfg = ProfileRunConfig(
        seeds=(0, 1), representations=("none", "profile"), decoder=FAST, decoder_kind="embedding"
    )
    ev = evaluate_representations(toy_ds, prep, cfg)
    loss = ev.losses.groupby("representation")["loss"].mean()
    # Both decoders are temperature-calibrated: the toy's profiles gain ~0.02 nats per seed
    # (without calibration 0.17 and -0.002, against an over-confident no-information decoder).
    assert loss["profile"] < loss["none"] - 0.01
    wide = ev.losses.pivot(index="seed", columns="representation", values="loss")
    assert (wide["profile"] < wide["none"]).all()
    topic_a = fitted_embedding.items.item_id.str[1:].astype(int).to_numpy() % 2 == 1
    classes = np.arange(1, 6, dtype=float)
    strict = fitted_embedding.predict_text(fitted_embedding.profiles["r00"]) @ classes
    lenient = fitted_embedding.predict_text(fitted_embedding.profiles["r01"]) @ classes
    assert (strict[topic_a] > lenient[topic_a]).mean() > 0.8


def test_profile_decoder_predict_texts_is_the_grid_of_embedded_texts(
    toy_ds, prep, fitted_embedding
) -> None:
    dec = fitted_embedding.decoder
    texts = [fitted_embedding.profiles["r00"], fitted_embedding.profiles["r01"], ""]
    grid = fitted_embedding.predict_texts(texts)
    assert grid.shape == (len(prep.item_ids), 3, toy_ds.scale.n_classes)
    np.testing.assert_allclose(grid, dec.predict_grid(dec.embed_texts(texts)), atol=1e-6)
    np.testing.assert_allclose(grid[:, 1], fitted_embedding.predict_text(texts[1]), atol=1e-6)


def test_predict_proba_is_predict_rows(fitted_embedding) -> None:
    rows = fitted_embedding.partition.head(5)
    np.testing.assert_array_equal(
        fitted_embedding.decoder.predict_proba(rows), fitted_embedding.decoder.predict_rows(rows)
    )


def test_save_load_round_trip(prep, fitted_embedding, tmp_path: Path) -> None:
    fitted_embedding.decoder.save(tmp_path / "dec")
    loaded = ProfileDecoder.load(tmp_path / "dec", embed=prep.embed)
    text = fitted_embedding.profiles["r02"]
    np.testing.assert_allclose(
        loaded.predict_for_text(text), fitted_embedding.predict_text(text), atol=1e-6
    )
    assert not list(tmp_path.glob("**/*.pkl")) and not list(tmp_path.glob("**/*.pt"))
    # The nested training config travels in config.json and comes back equal.
    assert loaded.config == fitted_embedding.decoder.config == FAST
    saved = json.loads((tmp_path / "dec" / "config.json").read_text())
    assert saved["train"]["max_epochs"] == 40 and saved["train"]["grad_clip"] == 5.0


def test_unfitted_decoder_refuses_to_predict_or_save(tmp_path: Path) -> None:
    dec = ProfileDecoder(FAST)
    rows = pd.DataFrame({"item_id": ["i000"], "annotator_id": ["r00"], "label_code": [0]})
    with pytest.raises(NotFittedError, match="ProfileDecoder is not fitted"):
        dec.predict_proba(rows)
    with pytest.raises(NotFittedError):
        dec.predict_for_text("Strict overall.")
    with pytest.raises(NotFittedError):
        dec.save(tmp_path / "never")
    assert not (tmp_path / "never").exists()


def test_decoder_config_nests_todays_training_defaults() -> None:
    assert DecoderConfig().train == TrainConfig(
        max_epochs=80,
        batch_size=128,
        lr=3e-3,
        weight_decay=1e-2,
        patience=8,
        grad_clip=5.0,
        seed=0,
        device="auto",
    )
    data = dataclasses.asdict(FAST) | {"class": "DecoderConfig"}
    assert config_from_dict(data, DecoderConfig) == FAST


def test_temperature_is_fitted_on_the_validation_raters_and_saved(
    prep, fitted_embedding, tmp_path: Path
) -> None:
    """Issue #12.9: calibration by a temperature fitted on held-out validation raters."""
    import torch

    from engines.profiles.representations import hold_out_raters

    dec = fitted_embedding.decoder
    t = dec.temperature_
    assert 0.1 < t < 10 and float(dec.module_.temperature) == pytest.approx(t)
    rows = fitted_embedding.partition
    rows = rows[rows["role"] == "eval"] if "role" in rows.columns else rows
    _, val = hold_out_raters(rows, dec.config.train.seed, dec.config.val_fraction)
    item, rater, y = dec._index(val)

    def nll(temperature: float) -> float:
        dec.module_.temperature.fill_(temperature)
        with torch.no_grad():
            logp = torch.log_softmax(dec.module_(item, rater), -1)
        return float(-logp[torch.arange(len(y)), y].mean())

    fitted, plain = nll(t), nll(1.0)
    dec.module_.temperature.fill_(t)
    assert fitted <= plain + 1e-9  # the fitted temperature is the NLL-optimal one there
    assert fitted <= min(nll(t * 1.2), nll(t / 1.2)) + 1e-9
    dec.module_.temperature.fill_(t)
    dec.save(tmp_path / "dec")
    assert ProfileDecoder.load(tmp_path / "dec", embed=prep.embed).temperature_ == pytest.approx(t)
    off = ProfileDecoder(dataclasses.replace(FAST, calibrate=False))
    assert off.config.calibrate is False
