"""The edit reader: typed edits read into readings, sized by raters, on top of the decoder."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engines.profiles import ProfileRunConfig, fit_app_decoder
from engines.profiles.edit_reader import teach
from engines.profiles.reading import NO_BEARING, ordinal_shift
from tests.unit.profiles.toys import FAST, READER

CLASSES = np.arange(1, 6, dtype=float)


def test_edits_are_the_statements_no_written_profile_has(fitted_embedding) -> None:
    reader = dataclasses.replace(
        fitted_embedding.reader, written=frozenset({"Strict overall.", "Likes puns."})
    )
    text = "- Strict overall.\n- Swearing is fine. Likes puns.\n- Likes puns."
    assert reader.edits(text) == ["Swearing is fine."]
    assert reader.written_part(text, ["Swearing is fine."]) == (
        "- Strict overall.\n- Likes puns.\n- Likes puns."
    )
    assert reader.written_part("- Strict overall.", []) == "- Strict overall."
    assert reader.written_part("- Strict overall.\n- New line.", ["New line."]) == (
        "- Strict overall."
    )


def test_teach_is_memoised_and_identical(prep) -> None:
    import torch

    memo: dict = {}
    cur = prep.curriculum(READER)
    net1, hist1 = teach(cur, prep.emb, prep.embed, READER, memo)
    net2, hist2 = teach(cur, prep.emb, prep.embed, READER, memo)
    assert hist1 is not None and hist2 is None and len(memo) == 1
    for (k, a), (_, b) in zip(net1.state_dict().items(), net2.state_dict().items(), strict=True):
        assert torch.equal(a, b), k


def test_written_profiles_go_to_the_decoder_and_edits_to_the_reader(fitted_embedding) -> None:
    fitted = fitted_embedding
    assert fitted.reader is not None
    profile = fitted.profiles["r00"]
    np.testing.assert_allclose(
        fitted.predict_text(profile), fitted.decoder.predict_for_text(profile), atol=1e-6
    )
    edit = "I rate everything as far more offensive than most people do."
    readings = fitted.readings(f"{profile}\n- {edit}")
    assert [(r.target, r.direction, r.strength) for r in readings] == [("global", 1, "strong")]
    expected = fitted.reader.shift(fitted.decoder.predict_for_text(profile), readings)
    np.testing.assert_allclose(fitted.predict_text(f"{profile}\n- {edit}"), expected, atol=1e-6)
    stacked = fitted.predict_texts([profile, f"{profile}\n- {edit}"])
    np.testing.assert_allclose(stacked[:, 1], expected, atol=1e-6)


def test_shift_moves_cumulative_logits_by_the_readings_effects(fitted_embedding) -> None:
    """logit P(y <= k) after = before - the summed effects, item by item."""
    fitted = fitted_embedding
    profile = fitted.profiles["r01"]
    text = f"{profile}\n- I'm very easily offended."
    before = fitted.predict_written(text)
    readings = fitted.readings(text)
    total = fitted.reader.effects(readings).sum(1)
    assert (total > 0).all()
    np.testing.assert_allclose(fitted.predict_text(text), ordinal_shift(before, total), atol=1e-9)


@pytest.mark.parametrize(
    ("edit", "sign"),
    [
        ("I'm very easily offended.", 1),
        ("It isn't easy to offend me.", -1),
        ("im not someone who is easly offended lol", -1),
        ("I used to be quite touchy, but not anymore.", -1),
        ("I'm a little stricter than most raters overall.", 1),
    ],
)
def test_global_edits_move_every_item_the_stated_way(fitted_embedding, edit, sign) -> None:
    """Direction test of the reader on the toy (fails if the reader is a constant)."""
    fitted = fitted_embedding
    for rater in ("r00", "r01"):
        profile = fitted.profiles[rater]
        before = fitted.predict_text(profile) @ CLASSES
        after = fitted.predict_text(f"{profile}\n- {edit}") @ CLASSES
        assert (sign * (after - before) > 0).all(), (edit, rater)


def test_no_bearing_moves_nothing_and_says_why(fitted_embedding) -> None:
    fitted = fitted_embedding
    profile = fitted.profiles["r00"]
    for edit in ("I like pizza.", "asdf qwerty", "Spiders really bother me.", "My cat is grey."):
        text = f"{profile}\n- {edit}"
        readings = fitted.readings(text)
        assert readings and all(r.target == NO_BEARING for r in readings), readings
        assert all(r.why for r in readings)
        np.testing.assert_allclose(fitted.predict_text(text), fitted.predict_text(profile))


def test_several_statements_about_one_target_are_averaged_not_summed(fitted_embedding) -> None:
    fitted = fitted_embedding
    profile = fitted.profiles["r00"]
    one = "I'm extremely easily offended."
    many = " ".join([one, "Everything deeply offends me.", "I really hate most comments."])
    base = fitted.predict_text(profile) @ CLASSES
    d_one = fitted.predict_text(f"{profile}\n- {one}") @ CLASSES - base
    d_many = fitted.predict_text(f"{profile}\n- {many}") @ CLASSES - base
    assert len(fitted.readings(f"{profile}\n- {many}")) == 3
    np.testing.assert_allclose(d_many, d_one, atol=1e-9)


def test_edits_never_pass_the_most_extreme_rater(fitted_embedding) -> None:
    fitted = fitted_embedding
    reader = fitted.reader
    size, by_level, (lo, hi) = reader.sizes("global")
    readings = fitted.readings("- I'm extremely easily offended.")
    strongest = dataclasses.replace(readings[0], strength="strong")
    eff = reader.effects([strongest] * 2).sum(1)
    assert (eff <= hi + 1e-9).all() and (eff >= lo - 1e-9).all()
    assert by_level[(1, "strong")] <= hi + 1e-9
    assert size.levels[(1, "strong")] > size.levels[(1, "plain")] > size.levels[(1, "slight")] > 0


def test_a_corrected_reading_changes_the_predictions(fitted_embedding) -> None:
    fitted = fitted_embedding
    text = f"{fitted.profiles['r00']}\n- I'm very easily offended."
    readings = fitted.readings(text)
    flipped = [dataclasses.replace(r, direction=-r.direction, corrected=True) for r in readings]
    dropped = [dataclasses.replace(r, target=NO_BEARING, corrected=True) for r in readings]
    up = fitted.predict_text(text, readings) @ CLASSES
    down = fitted.predict_text(text, flipped) @ CLASSES
    none = fitted.predict_text(text, dropped) @ CLASSES
    np.testing.assert_allclose(none, fitted.predict_written(text) @ CLASSES)
    assert (up > none).all() and (down < none).all()


def test_read_edits_off_keeps_the_decoder_alone(toy_ds, prep) -> None:
    cfg = ProfileRunConfig(
        decoder=FAST, decoder_kind="embedding", statements=READER, read_edits=False
    )
    fitted = fit_app_decoder(toy_ds, prep, cfg)
    assert fitted.reader is None and fitted.readings("- Strict overall.") == []
    assert "switched off" in fitted.no_reader_why


def test_a_scale_that_runs_down_moves_the_other_way(fitted_embedding) -> None:
    """When lower labels mean more (ConvAbuse: 1 = not abusive ... -3 = very abusive), "I'm
    very easily offended" must lower the expected label, as far as it raised it before."""
    fitted = fitted_embedding
    reader = fitted.reader
    down = reader.oriented(-1)
    assert down.more == -1 and reader.oriented(1) is reader
    text = f"{fitted.profiles['r00']}\n- I'm very easily offended."
    base = fitted.predict_written(text)
    readings = fitted.readings(text)
    up_change = (reader.shift(base, readings) - base) @ CLASSES
    down_change = (down.shift(base, readings) - base) @ CLASSES
    assert (up_change > 0).all() and (down_change < 0).all()
    size_up = reader.sizes("global")[0].levels[(1, "strong")]
    size_down = down.sizes("global")[0].levels[(1, "strong")]
    assert size_down == pytest.approx(-reader.sizes("global")[0].levels[(-1, "strong")])
    assert size_up > 0 and size_down > 0


def test_binary_labels_are_read_and_nominal_ones_say_why(toy_ds, prep) -> None:
    from dataclasses import replace as dc_replace

    from engines.data.schema import LABEL_CODE, LabelScale

    cfg = ProfileRunConfig(decoder=FAST, decoder_kind="embedding", statements=READER)
    df = toy_ds.df.assign(**{LABEL_CODE: (toy_ds.df[LABEL_CODE] >= 2).astype(int)})
    binary = dc_replace(toy_ds, df=df, scale=LabelScale("binary", (0.0, 1.0)))
    fitted = fit_app_decoder(binary, prep, cfg)
    assert fitted.reader is not None and fitted.no_reader_why == ""
    profile = fitted.profiles["r00"]
    before = fitted.predict_text(profile)[:, 1]
    after = fitted.predict_text(f"{profile}\n- I'm very easily offended.")[:, 1]
    assert (after > before).all()
    nominal = dc_replace(toy_ds, df=df, scale=LabelScale("nominal", ("no", "yes")))
    assert "no order" in fit_app_decoder(nominal, prep, cfg).no_reader_why


_REOPEN = """
import json, sys, time, hashlib
sys.path.insert(0, {root!r})
from engines.data.validation import build_dataset
from engines.profiles.edit_reader import teach
from engines.profiles.workflow import prepare
from engines.profiles.writer import WriterConfig
from engines.text import HashingEncoder, embed_with
from tests.unit.profiles.toys import READER, toy_ratings
ds = build_dataset(toy_ratings())
prep = prepare(ds, embed_with(HashingEncoder(64)), WriterConfig(n_themes=2))
t = time.perf_counter()
net, hist = teach(prep.curriculum(READER), prep.emb, prep.embed, READER, prep.taught)
digest = hashlib.sha256(b"".join(v.numpy().tobytes() for v in net.state_dict().values()))
print(json.dumps({{"taught": hist is not None, "s": time.perf_counter() - t,
                  "digest": digest.hexdigest()}}))
"""


def test_taught_curriculum_is_kept_on_disk_and_reused_by_a_new_process(tmp_path) -> None:
    """Issue #26: the statement decoder's curriculum is taught once per dataset and encoder;
    a new process reads it back (no lessons, the same weights); a tampered entry is taught
    again, never loaded; "teach again" forgets it."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[3])
    env = {**os.environ, "PERSPECTIVES_CACHE_DIR": str(tmp_path)}

    def reopen() -> dict:
        out = subprocess.run([sys.executable, "-c", _REOPEN.format(root=root)], env=env,
                             capture_output=True, text=True, check=True)  # fmt: skip
        return json.loads(out.stdout.strip().splitlines()[-1])

    first, second = reopen(), reopen()
    assert first["taught"] and not second["taught"]
    assert second["digest"] == first["digest"]  # read back, not taught (no timing here)
    entries = list((tmp_path / "curricula").iterdir())
    assert len(entries) == 1 and (entries[0] / "model.safetensors").is_file()
    weights = entries[0] / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-8] + b"\0" * 8)  # checksum no longer matches
    third = reopen()
    assert third["taught"] and third["digest"] == first["digest"]  # taught again, same seed


def test_taught_store_forgets_on_request(tmp_path, prep) -> None:
    import torch

    from engines.profiles.taught_store import TaughtStore

    store = TaughtStore(tmp_path, prep.emb)
    store[("a",)] = {"w": torch.ones(2)}
    assert ("a",) in TaughtStore(tmp_path, prep.emb)  # another store of the same items
    assert ("a",) not in TaughtStore(tmp_path, prep.emb[::-1].copy())  # other items
    store.forget()
    assert ("a",) not in store and not any(tmp_path.iterdir())
