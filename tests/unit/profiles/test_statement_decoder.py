"""The statement decoder on the toy: learns planted profiles, explains edits, saves, repeats."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch

from engines.core import NotFittedError
from engines.profiles import (
    ProfileRunConfig,
    StatementDecoder,
    evaluate_representations,
    fit_app_decoder,
)
from engines.profiles.statement_net import cumulative_log_probs
from tests.unit.profiles.toys import FAST, FAST_STATEMENTS

CLASSES = np.arange(1, 6, dtype=float)


def _topic_a(fitted) -> np.ndarray:
    return fitted.items.item_id.str[1:].astype(int).to_numpy() % 2 == 1


def test_statement_decoder_beats_no_information(toy_ds, prep) -> None:
    cfg = ProfileRunConfig(
        seeds=(0, 1), representations=("none", "profile"), decoder=FAST,
        decoder_kind="statements", statements=FAST_STATEMENTS,
    )  # fmt: skip
    ev = evaluate_representations(toy_ds, prep, cfg)
    loss = ev.losses.groupby("representation")["loss"].mean()
    assert loss["profile"] < loss["none"] - 0.05, loss


def test_app_decoder_reads_the_planted_profiles(fitted_app) -> None:
    assert isinstance(fitted_app.decoder, StatementDecoder)
    topic_a = _topic_a(fitted_app)
    strict = fitted_app.predict_text(fitted_app.profiles["r00"]) @ CLASSES
    lenient = fitted_app.predict_text(fitted_app.profiles["r01"]) @ CLASSES
    assert (strict[topic_a] > lenient[topic_a]).mean() > 0.8


def test_an_edit_moves_items_by_its_own_statement_effect(fitted_app) -> None:
    """Prediction = head(prior thresholds, base + sum of the statements' effects)."""
    dec = fitted_app.decoder
    text = fitted_app.profiles["r00"] + "\n- Rates posts about football higher than most."
    stmts, relevance, effect = dec.effects(text)
    assert len(stmts) == effect.shape[1] == relevance.shape[1] >= 2
    assert ((relevance >= 0) & (relevance <= 1)).all()
    mod = dec.module_
    with torch.no_grad():
        base = mod.net.base(mod.items)[:, 0]
        rows = torch.arange(len(mod.items))
        logp = cumulative_log_probs(mod.thresholds[rows], base + torch.as_tensor(effect).sum(1))
    np.testing.assert_allclose(logp.exp().numpy(), fitted_app.predict_text(text), atol=1e-5)


def test_predict_texts_stacks_predict_for_text_and_rows_match(fitted_app) -> None:
    texts = [fitted_app.profiles["r00"], fitted_app.profiles["r01"], ""]
    grid = fitted_app.predict_texts(texts)
    assert grid.shape == (len(fitted_app.items), 3, 5)
    np.testing.assert_allclose(grid[:, 1], fitted_app.predict_text(texts[1]), atol=1e-6)
    np.testing.assert_allclose(grid.sum(-1), 1.0, atol=1e-5)
    dec = fitted_app.decoder
    rows = fitted_app.partition[fitted_app.partition.annotator_id == "r01"].head(4)
    idx = [dec.item_index_[i] for i in rows.item_id]
    np.testing.assert_allclose(dec.predict_proba(rows), grid[idx, 1], atol=1e-5)


def test_no_profile_predicts_the_prior_plus_the_item_offset(fitted_app) -> None:
    dec = fitted_app.decoder
    mod = dec.module_
    with torch.no_grad():
        rows = torch.arange(len(mod.items))
        expected = cumulative_log_probs(mod.thresholds, mod.net.base(mod.items)[:, 0]).exp()
    np.testing.assert_allclose(fitted_app.predict_text(""), expected.numpy(), atol=1e-6)
    assert rows.shape[0] == len(fitted_app.items)


def test_save_load_round_trip(prep, fitted_app, tmp_path: Path) -> None:
    fitted_app.decoder.save(tmp_path / "dec")
    loaded = StatementDecoder.load(tmp_path / "dec", embed=prep.embed)
    text = fitted_app.profiles["r02"] + "\n- I never find anything offensive."
    np.testing.assert_allclose(
        loaded.predict_for_text(text), fitted_app.predict_text(text), atol=1e-6
    )
    assert loaded.config == fitted_app.decoder.config == FAST_STATEMENTS


def test_two_runs_at_one_seed_are_identical(toy_ds, prep, fitted_app) -> None:
    again = fit_app_decoder(
        toy_ds,
        prep,
        ProfileRunConfig(decoder=FAST, decoder_kind="statements", statements=FAST_STATEMENTS),
    )
    text = fitted_app.profiles["r03"]
    np.testing.assert_array_equal(again.predict_text(text), fitted_app.predict_text(text))


def test_phase_one_is_learned_once_and_reused_exactly(toy_ds, prep) -> None:
    """The curriculum phase depends on items and settings only: later decoders reuse it."""
    fresh = replace(prep, lessons={}, taught={})
    cfg = ProfileRunConfig(decoder=FAST, decoder_kind="statements", statements=FAST_STATEMENTS)
    first = fit_app_decoder(toy_ds, fresh, cfg)
    assert len(fresh.taught) == 1 and first.decoder.lesson_history_ is not None
    other_seed = fit_app_decoder(toy_ds, fresh, replace(cfg, seeds=(3,)))
    assert other_seed.decoder.lesson_history_ is None and len(fresh.taught) == 1
    again = fit_app_decoder(toy_ds, fresh, cfg)
    text = first.profiles["r04"]
    np.testing.assert_array_equal(again.predict_text(text), first.predict_text(text))


def test_unfitted_decoder_refuses_to_predict_or_save(tmp_path: Path) -> None:
    dec = StatementDecoder(FAST_STATEMENTS)
    with pytest.raises(NotFittedError):
        dec.predict_for_text("anything")
    with pytest.raises(NotFittedError):
        dec.save(tmp_path / "x")
