"""The edit reader: typed edits read at their word on top of the embedding decoder."""

from __future__ import annotations

import numpy as np
import torch

from engines.profiles import ProfileRunConfig, fit_app_decoder
from engines.profiles.edit_reader import EditReader, teach
from engines.profiles.statement_net import StatementNet, thresholds_of
from tests.unit.profiles.toys import FAST, READER

CLASSES = np.arange(1, 6, dtype=float)


def _reader(written: set[str]) -> EditReader:
    net = StatementNet(4, 1, 8, 0)
    return EditReader(
        net, np.eye(4, dtype=np.float32), lambda t: np.ones((len(t), 4)), frozenset(written)
    )


def test_edits_are_the_statements_no_written_profile_has() -> None:
    reader = _reader({"Strict overall.", "Likes puns."})
    text = "- Strict overall.\n- Swearing is fine. Likes puns.\n- Likes puns."
    assert reader.edits(text) == ["Swearing is fine."]
    assert reader.written_part(text, ["Swearing is fine."]) == (
        "- Strict overall.\n- Likes puns.\n- Likes puns."
    )
    assert reader.written_part("- Strict overall.", []) == "- Strict overall."
    assert reader.written_part("- Strict overall.\n- New line.", ["New line."]) == (
        "- Strict overall."
    )


def test_shift_moves_cumulative_logits_by_the_summed_effects() -> None:
    """logit P(y <= k) after = before - sum of the edits' effects, item by item (by hand)."""
    reader = _reader(set())
    probs = np.array([[0.1, 0.2, 0.3, 0.2, 0.2], [0.5, 0.2, 0.1, 0.1, 0.1]], np.float32)
    reader.items = np.eye(2, 4, dtype=np.float32)
    _, effect = reader.effects(["a", "b"])
    after = reader.shift(probs, ["a", "b"])
    before_t = thresholds_of(torch.as_tensor(probs)).numpy()
    after_t = thresholds_of(torch.as_tensor(after)).numpy()
    np.testing.assert_allclose(after_t, before_t - effect.sum(1, keepdims=True), atol=1e-4)
    np.testing.assert_allclose(reader.shift(probs, []), probs)


def test_teach_is_memoised_and_identical(prep) -> None:
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
    expected = fitted.reader.shift(fitted.decoder.predict_for_text(profile), [edit])
    np.testing.assert_allclose(fitted.predict_text(f"{profile}\n- {edit}"), expected, atol=1e-6)
    stmts, relevance, effect = fitted.effects(f"{profile}\n- {edit}")
    assert stmts == [edit] and relevance.shape == effect.shape == (len(fitted.items), 1)
    stacked = fitted.predict_texts([profile, f"{profile}\n- {edit}"])
    np.testing.assert_allclose(stacked[:, 1], expected, atol=1e-6)


def test_a_stricter_edit_raises_and_a_lenient_one_lowers(fitted_embedding, prep) -> None:
    """Direction test of the reader on the toy (fails if the reader is a constant).

    The hashing encoder of the toy knows no synonyms, so the edits are the curriculum's own
    global statements; held-out phrasings are tested on the sample (integration tests).
    """
    fitted = fitted_embedding
    cur = prep.curriculum(READER)
    strong = [t for t, k, v in zip(cur.texts, cur.topic, cur.target, strict=True) if k < 0]
    up = next(t for t, v in zip(strong, cur.target[cur.topic < 0], strict=True) if v == 1)
    down = next(t for t, v in zip(strong, cur.target[cur.topic < 0], strict=True) if v == -1)
    for rater in ("r00", "r01"):
        profile = fitted.profiles[rater]
        before = fitted.predict_text(profile) @ CLASSES
        raised = fitted.predict_text(f"{profile}\n- {up}") @ CLASSES
        lowered = fitted.predict_text(f"{profile}\n- {down}") @ CLASSES
        assert (raised > before).all() and (lowered < before).all(), (up, down)


def test_read_edits_off_keeps_the_decoder_alone(toy_ds, prep) -> None:
    cfg = ProfileRunConfig(
        decoder=FAST, decoder_kind="embedding", statements=READER, read_edits=False
    )
    fitted = fit_app_decoder(toy_ds, prep, cfg)
    assert fitted.reader is None and fitted.effects("- Strict overall.") is None
