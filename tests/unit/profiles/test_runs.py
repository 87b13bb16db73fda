"""Value-profile decoders kept on disk: a restored decoder edits live as the trained one did."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engines.core.run_store import RunStore
from engines.profiles.runs import load_profiles_run, profiles_settings, save_profiles_run

EDIT = "\n- Religious jokes offend me, but swearing doesn't bother me at all."


@pytest.mark.parametrize("name", ["fitted_embedding", "fitted_app"])
def test_a_kept_decoder_predicts_and_reads_edits_as_trained(name, request, toy_ds, prep,
                                                            tmp_path) -> None:  # fmt: skip
    fitted = request.getfixturevalue(name)
    store = RunStore(tmp_path)
    record = save_profiles_run(store, "fp", fitted, "toy")
    assert record.wing == "profiles" and "seeds" not in profiles_settings(fitted)["config"]
    back = load_profiles_run(store, record.run_id, toy_ds, prep)
    rater = sorted(fitted.profiles)[0]
    text = fitted.profiles[rater]
    np.testing.assert_allclose(back.predict_text(text), fitted.predict_text(text), atol=1e-5)
    np.testing.assert_allclose(
        back.predict_text(text + EDIT), fitted.predict_text(text + EDIT), atol=1e-5
    )
    assert (back.reader is None) == (fitted.reader is None)
    if fitted.reader is not None:  # the rebuilt reader reads and sizes the edit the same
        assert back.readings(text + EDIT) == fitted.readings(text + EDIT)
    assert back.profiles == fitted.profiles and back.config == fitted.config
    pd.testing.assert_frame_equal(back.partition, fitted.partition)
    assert back.decoder.history_.best_epoch == fitted.decoder.history_.best_epoch
    best = fitted.decoder.history_.epochs[fitted.decoder.history_.best_epoch - 1]
    assert record.headline["validation CE"] == pytest.approx(
        best.get("val_ce", fitted.decoder.history_.best_val_loss), abs=1e-4
    )


def test_held_out_losses_are_the_validation_raters_under_their_own_profiles(fitted_embedding):
    from analysis.profiles.runs import compute_run_comparison
    from engines.profiles.representations import ROLE, hold_out_raters
    from engines.profiles.runs import validation_losses

    fitted = fitted_embedding
    losses = validation_losses(fitted)
    cfg = fitted.decoder.config
    targets = fitted.partition[fitted.partition[ROLE] == "eval"]
    _, val = hold_out_raters(targets, cfg.train.seed, cfg.val_fraction)
    assert len(losses) == len(val) and set(losses["annotator_id"]) == set(val["annotator_id"])
    assert losses["nll"].gt(0).all()
    # The same ratings under a uniform guess are predicted worse (a constant would tie).
    uniform = losses.assign(nll=np.log(fitted.prior_logp.shape[1]))
    table = compute_run_comparison(uniform, losses, n_boot=200).iloc[0]
    assert table["diff"] < 0 and table["diff_ci_high"] < 0, table
    same = compute_run_comparison(losses, losses, n_boot=50).iloc[0]
    assert same["diff"] == 0 and same["diff_ci_low"] == same["diff_ci_high"] == 0
