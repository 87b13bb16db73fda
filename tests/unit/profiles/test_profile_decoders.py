"""The decoder switch of the value-profile pipeline: embedding network or cross-encoder.

The cross-encoder runs here on a tiny random BERT folder (``tiny_transformer_dir``), which
tests the wiring quickly; test_cross_encoder checks with MiniLM that it learns profiles.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engines.data.validation import build_dataset
from engines.profiles.cross_encoder import CrossEncoderConfig, CrossEncoderDecoder
from engines.profiles.decoder import DecoderConfig, ProfileDecoder, examples_text
from engines.profiles.workflow import (
    ProfileRunConfig,
    evaluate_representations,
    fit_app_decoder,
    fit_decoder,
    prepare,
)
from engines.profiles.writer import WriterConfig
from engines.text.embed import embed_with
from engines.text.encoders import HashingEncoder
from tests.unit.profiles.test_profiles import _toy

FAST = DecoderConfig(max_epochs=20, patience=4, device="cpu")


@pytest.fixture(scope="module")
def toy_ds():
    return build_dataset(_toy(n_raters=12, n_items=16), name="toy")


@pytest.fixture(scope="module")
def prep(toy_ds):
    return prepare(toy_ds, embed_with(HashingEncoder(64)), WriterConfig(n_themes=2))


@pytest.fixture(scope="module")
def ce_cfg(tiny_transformer_dir: Path) -> ProfileRunConfig:
    tiny = CrossEncoderConfig(
        model=str(tiny_transformer_dir),
        max_length=48,
        max_epochs=1,
        patience=0,
        batch_size=16,
        device="cpu",
    )
    return ProfileRunConfig(
        seeds=(0,), decoder=FAST, decoder_kind="cross-encoder", cross_encoder=tiny, n_candidates=4
    )


def test_examples_text_writes_each_raters_first_examples() -> None:
    rows = pd.DataFrame(
        {
            "annotator_id": ["b", "a", "a", "a"],
            "text": ["x", "first item", "a much longer second item", "third"],
            "label": [1, 2, 5, 3],
        }
    )
    assert examples_text(rows, max_examples=2, max_chars=8) == {
        "a": '"first it" -> 2\n"a much l" -> 5',
        "b": '"x" -> 1',
    }


def test_profile_decoder_predict_texts_is_the_grid_of_embedded_texts(toy_ds, prep) -> None:
    fitted = fit_app_decoder(toy_ds, prep, ProfileRunConfig(decoder=FAST))
    dec = fitted.decoder
    texts = [fitted.profiles["r00"], fitted.profiles["r01"], ""]
    grid = fitted.predict_texts(texts)
    assert grid.shape == (len(prep.item_ids), 3, toy_ds.scale.n_classes)
    np.testing.assert_allclose(grid, dec.predict_grid(dec.embed_texts(texts)), atol=1e-6)
    np.testing.assert_allclose(grid[:, 1], fitted.predict_text(texts[1]), atol=1e-6)


def test_unknown_decoder_kind_is_refused(toy_ds, prep) -> None:
    cfg = ProfileRunConfig(decoder_kind="lstm")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="decoder_kind must be one of"):
        fit_decoder(prep, toy_ds.df, None, toy_ds, cfg, 0, None)  # type: ignore[arg-type]


@pytest.mark.slow
def test_app_decoder_can_be_the_cross_encoder(toy_ds, prep, ce_cfg) -> None:
    fitted = fit_app_decoder(toy_ds, prep, ce_cfg)
    assert isinstance(fitted.decoder, CrossEncoderDecoder)
    assert fitted.config.decoder_kind == "cross-encoder"
    strict, lenient = fitted.profiles["r00"], fitted.profiles["r01"]
    p = fitted.predict_text(strict)
    assert p.shape == (len(prep.item_ids), toy_ds.scale.n_classes)
    np.testing.assert_allclose(p.sum(1), 1.0, atol=1e-5)
    # The decoder reads the profile: two different profiles give different predictions
    # (they would coincide if the representation were dropped).
    assert np.abs(p - fitted.predict_text(lenient)).max() > 1e-4
    grid = fitted.predict_texts([strict, lenient])
    np.testing.assert_allclose(grid[:, 0], p, atol=1e-5)


@pytest.mark.slow
def test_representation_comparison_runs_on_the_cross_encoder(toy_ds, prep, ce_cfg) -> None:
    cfg = dataclasses.replace(ce_cfg, representations=("none", "profile", "examples", "clusters-2"))
    ev = evaluate_representations(toy_ds, prep, cfg)
    assert list(ev.losses["representation"]) == ["none", "profile", "examples", "clusters-2"]
    assert np.isfinite(ev.losses["loss"]).all()
    assert set(ev.assignments["cluster"]) <= {1, 2}
    probs, y = ev.predictions["examples"]
    assert probs.shape == (len(y), toy_ds.scale.n_classes)


@pytest.mark.slow
def test_cli_trains_the_cross_encoder(tmp_path: Path, monkeypatch, tiny_transformer_dir) -> None:
    from cli import main

    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "toy.csv"
    _toy(n_raters=12, n_items=16).to_csv(data, index=False)
    out = tmp_path / "out"
    args = ["profiles", "--data", str(data), "--out", str(out), "--encoder", "hashing"]
    args += ["--decoder", "cross-encoder", "--ce-model", str(tiny_transformer_dir)]
    assert main([*args, "--ce-epochs", "1", "--ce-max-length", "48"]) == 0
    meta = json.loads((out / "decoder" / "metadata.json").read_text())
    assert meta["representation"] == "profile" and len(meta["item_texts"]) == 16
    back = CrossEncoderDecoder.load(out / "decoder", device="cpu")
    assert back.config.max_length == 48 and back.config.model == str(tiny_transformer_dir)
    assert not isinstance(back, ProfileDecoder)
