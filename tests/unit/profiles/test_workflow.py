"""Workflows: supplied profiles, the decoder switch (embedding or cross-encoder) and the CLI.

The cross-encoder runs here on a tiny random BERT folder (``tiny_transformer_dir``), which
tests the wiring quickly; test_cross_encoder checks with MiniLM that it learns profiles.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engines.profiles import (
    CrossEncoderDecoder,
    ProfileDecoder,
    ProfileRunConfig,
    evaluate_representations,
    fit_app_decoder,
    fit_decoder,
    supplied_profiles,
)
from tests.unit.profiles.toys import fast_decoder, fast_statements, toy_ratings


def test_supplied_profiles_from_column_or_csv() -> None:
    table = pd.DataFrame(
        {"rater_id": ["a", "a", "b", "c"], "value_profile": ["p1", "p1", "p2", " "]}
    )
    assert supplied_profiles(table) == {"a": "p1", "b": "p2"}
    with pytest.raises(ValueError, match="profile column"):
        supplied_profiles(pd.DataFrame({"rater_id": ["a"], "notes": ["x"]}))


def test_unknown_decoder_kind_is_refused(toy_ds, prep) -> None:
    cfg = ProfileRunConfig(decoder_kind="lstm")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="decoder_kind must be one of"):
        fit_decoder(prep, toy_ds.df, None, toy_ds, cfg, 0, None)  # type: ignore[arg-type]


def test_app_decoder_reports_progress_per_epoch(small_ds, small_prep) -> None:
    """The decoder's epochs, then the edit reader's sizes (no curriculum to learn)."""
    calls: list[tuple[int, int, str]] = []
    cfg = ProfileRunConfig(
        decoder=fast_decoder(max_epochs=3, patience=0),
        decoder_kind="embedding",
        statements=fast_statements(),
    )
    fresh = replace(small_prep, lessons={}, taught={})
    fit_app_decoder(small_ds, fresh, cfg, progress=lambda d, t, w: calls.append((d, t, w)))
    # Issue #13: each step is named with its place and counts, never one label for a minute.
    assert calls[0][2].startswith("Step 1 of 4 · No-information decoder on ")
    assert calls[1][2].startswith("Step 2 of 4 · Profiles of ") and " raters from " in calls[1][2]
    decoder = [(d, t) for d, t, w in calls if w.startswith("Step 3 of 4 · Profile decoder: epoch")]
    assert decoder == [(1, 3), (2, 3), (3, 3)]
    assert calls[-1][2].startswith("Step 4 of 4 · Edit reader: ")
    assert len(calls) == len(decoder) + 3


def test_statement_decoder_reports_the_curriculum_then_the_ratings(small_ds, small_prep) -> None:
    calls: list[tuple[int, int, str]] = []
    st_cfg = fast_statements(max_epochs=2)
    st_cfg = replace(st_cfg, train=replace(st_cfg.train, patience=0))
    cfg = ProfileRunConfig(
        decoder=fast_decoder(max_epochs=3, patience=0), decoder_kind="statements", statements=st_cfg
    )
    fresh = replace(small_prep, lessons={}, taught={})  # phase 1 not yet learned
    fit_app_decoder(small_ds, fresh, cfg, progress=lambda d, t, w: calls.append((d, t, w)))
    phases = [w.split(" · ", 1)[1].split(":")[0] for _, _, w in calls[2:]]
    assert phases[0] == "Edit curriculum" and phases[-2:] == ["Statement decoder"] * 2
    assert phases == sorted(phases)  # the curriculum first, then the ratings
    assert [(d, t) for d, t, w in calls if "· Statement decoder" in w] == [(1, 2), (2, 2)]


def test_cli_writes_decoder_and_profiles(tmp_path: Path, monkeypatch) -> None:
    from cli import main

    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "toy.csv"
    toy_ratings(20, 30).to_csv(data, index=False)
    out = tmp_path / "out"
    args = ["profiles", "--data", str(data), "--out", str(out), "--encoder", "hashing"]
    assert main([*args, "--decoder", "statements"]) == 0
    profiles = pd.read_csv(out / "profiles.csv")
    assert len(profiles) == 20 and profiles.value_profile.str.startswith("- ").all()
    assert (out / "decoder" / "model.safetensors").exists()
    meta = json.loads((out / "decoder" / "metadata.json").read_text())
    assert meta["representation"] == "profile" and meta["decoder"] == "statements"


def test_cli_reads_edits_and_takes_the_scale_direction(tmp_path: Path, monkeypatch, capsys):
    """Issue #25: ``--edit`` prints each edit's readings and the change it causes for the
    average rater; ``--more-is lower`` turns the same edit the other way."""
    from cli import main

    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "toy.csv"
    toy_ratings(20, 30).to_csv(data, index=False)
    args = ["profiles", "--data", str(data), "--encoder", "hashing", "--edit", "I'm very easily "
            "offended.", "--edit", "I like pizza."]  # fmt: skip
    changes = {}
    for more in ("higher", "lower"):
        capsys.readouterr()
        assert main([*args, "--out", str(tmp_path / more), "--more-is", more]) == 0
        edits = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["edits"]
        assert [r["about"] for e in edits for r in e["readings"]] == ["everything", "no bearing"]
        assert edits[1]["mean_change"] == 0
        changes[more] = edits[0]["mean_change"]
    assert changes["higher"] > 0 > changes["lower"]


@pytest.mark.slow
def test_app_decoder_can_be_the_cross_encoder(small_ds, small_prep, ce_cfg) -> None:
    fitted = fit_app_decoder(small_ds, small_prep, ce_cfg)
    assert isinstance(fitted.decoder, CrossEncoderDecoder)
    assert fitted.config.decoder_kind == "cross-encoder"
    strict, lenient = fitted.profiles["r00"], fitted.profiles["r01"]
    p = fitted.predict_text(strict)
    assert p.shape == (len(small_prep.item_ids), small_ds.scale.n_classes)
    np.testing.assert_allclose(p.sum(1), 1.0, atol=1e-5)
    # The decoder reads the profile: two different profiles give different predictions
    # (they would coincide if the representation were dropped).
    assert np.abs(p - fitted.predict_text(lenient)).max() > 1e-4
    grid = fitted.predict_texts([strict, lenient])
    np.testing.assert_allclose(grid[:, 0], p, atol=1e-5)


@pytest.mark.slow
def test_representation_comparison_runs_on_the_cross_encoder(small_ds, small_prep, ce_cfg) -> None:
    cfg = dataclasses.replace(ce_cfg, representations=("none", "profile", "examples", "clusters-2"))
    ev = evaluate_representations(small_ds, small_prep, cfg)
    assert list(ev.losses["representation"]) == ["none", "profile", "examples", "clusters-2"]
    assert np.isfinite(ev.losses["loss"]).all()
    assert set(ev.assignments["cluster"]) <= {1, 2}
    probs, y = ev.predictions["examples"]
    assert probs.shape == (len(y), small_ds.scale.n_classes)


@pytest.mark.slow
def test_cli_trains_the_cross_encoder(tmp_path: Path, monkeypatch, tiny_transformer_dir) -> None:
    from cli import main

    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "toy.csv"
    toy_ratings(n_raters=12, n_items=16).to_csv(data, index=False)
    out = tmp_path / "out"
    args = ["profiles", "--data", str(data), "--out", str(out), "--encoder", "hashing"]
    args += ["--decoder", "cross-encoder", "--ce-model", str(tiny_transformer_dir)]
    assert main([*args, "--ce-epochs", "1", "--ce-max-length", "48"]) == 0
    meta = json.loads((out / "decoder" / "metadata.json").read_text())
    assert meta["representation"] == "profile" and len(meta["item_texts"]) == 16
    back = CrossEncoderDecoder.load(out / "decoder", device="cpu")
    assert back.config.max_length == 48 and back.config.model == str(tiny_transformer_dir)
    assert back.config.train.max_epochs == 1
    assert not isinstance(back, ProfileDecoder)


def test_a_comparison_with_too_few_raters_is_refused(prep) -> None:
    """Issue #11.8: 2 held-out raters per split gave -0.2 nats with no word."""
    from engines.data.validation import build_dataset
    from engines.profiles import evaluate_representations

    tiny = build_dataset(toy_ratings(n_raters=6, n_items=60), name="toy")
    with pytest.raises(ValueError, match="at least 10 raters with 4 or more ratings"):
        evaluate_representations(tiny, prep, ProfileRunConfig(seeds=(0,)))


def test_no_demographics_row_without_demographic_columns(prep) -> None:
    """Issue #11.12: no "demographics 0 (0-0)" row for a dataset without demographics."""
    from engines.data.validation import build_dataset
    from engines.profiles import evaluate_representations

    raw = toy_ratings(n_raters=12, n_items=60)
    ds = build_dataset(raw[["item_id", "annotator_id", "text", "label"]], name="toy")
    assert not ds.demographics
    cfg = ProfileRunConfig(
        seeds=(0,),
        representations=("none", "demographics", "profile"),
        decoder=fast_decoder(max_epochs=3, patience=0),
    )
    ev = evaluate_representations(ds, prep, cfg)
    assert set(ev.losses["representation"]) == {"none", "profile"}
