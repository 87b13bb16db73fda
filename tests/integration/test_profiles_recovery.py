"""Recovery on the bundled sample: value profiles carry the planted value orientation.

Uses the real all-MiniLM-L6-v2 encoder (offline), so it is marked slow.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.profiles import compute_usable_information
from engines.data.load import load_dataset
from engines.profiles import (
    ProfileRunConfig,
    evaluate_representations,
    fit_app_decoder,
    prepare,
    supplied_profiles,
)
from engines.text import EmbeddingCache, embed_with, make_encoder

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data"
SAMPLE_NAME = "Perspectives Lab sample (offensiveness)"
"""The app's name for the sample: the same curriculum, taught once per worker (issue #26)."""
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("sample-curriculum")]


@pytest.fixture(scope="module")
def setting():
    ds = load_dataset(SAMPLE / "annotations.csv", name=SAMPLE_NAME)
    ds.df = ds.df[ds.df["is_synthetic"] == 0].reset_index(drop=True)
    truth = pd.read_csv(SAMPLE / "annotator_truth.csv", keep_default_na=False)
    cache = EmbeddingCache()  # the run's cache (tests/conftest.py): the sample is encoded once
    prep = prepare(ds, embed_with(make_encoder(), cache))
    return ds, truth, prep


def test_profiles_carry_positive_usable_information(setting) -> None:
    ds, truth, prep = setting
    cfg = ProfileRunConfig(representations=("none", "profile", "supplied"))
    ev = evaluate_representations(ds, prep, cfg, supplied=supplied_profiles(truth))
    usable = compute_usable_information(ev.losses[["seed", "representation", "loss"]])
    usable = usable.set_index("representation")
    assert usable.loc["profile", "ci_low"] > 0, usable
    assert usable.loc["supplied", "ci_low"] > 0, usable


@pytest.mark.parametrize("representation", ["supplied", "profile"])
def test_opposite_orientation_moves_predictions_in_planted_direction(
    setting, representation: str
) -> None:
    ds, truth, prep = setting
    supplied = supplied_profiles(truth)
    fitted = fit_app_decoder(ds, prep, ProfileRunConfig(), representation, supplied)
    topics = pd.read_csv(SAMPLE / "item_truth.csv").set_index("item_id")["topic"]
    touched = fitted.items["item_id"].map(topics).isin(["religion", "politics"]).to_numpy()
    classes = np.asarray(ds.scale.classes, dtype=float)
    humans = truth[(truth.is_synthetic == 0) & (truth.is_random.astype(str) == "False")]
    harm = humans[humans.orientation == "harm_avoidance"].annotator_id.tolist()[:10]
    free = humans[humans.orientation == "free_expression"].annotator_id.tolist()[:10]
    for h, f in zip(harm, free, strict=True):
        before = fitted.predict_text(fitted.profiles[h]) @ classes
        after = fitted.predict_text(fitted.profiles[f]) @ classes  # the planted opposite
        share_down = float((after[touched] < before[touched]).mean())
        assert share_down >= 0.8, (h, f, share_down)


HELD_OUT = {
    # Phrasings of the two planted orientations that are no template of the decoder's
    # training language (checked below) and that no profile contains.
    "harm_avoidance": "Mocking a person's faith or political side is deeply offensive to me.",
    "free_expression": "People joking about religion and political parties never bothers me.",
}


@pytest.fixture(scope="module", params=["embedding", "statements"])
def written(setting, request):
    """The app decoder: the default (embedding decoder + edit reader) and the statement one."""
    ds, _, prep = setting
    return fit_app_decoder(ds, prep, ProfileRunConfig(decoder_kind=request.param))


def test_held_out_phrasing_of_each_orientation_moves_planted_items_for_every_rater(
    setting, written
) -> None:
    """Appending either orientation, in words the decoder never saw, moves the religion and
    politics items the planted way for every rater's profile, and it is read as being about
    them: its own effect (cumulative logits, the same for every profile) is larger on them
    than on the other items. (In expected ratings the contrast with the other items also
    depends on how close the rater already is to the end of the scale.)"""
    from benchmarks.bench_edits import template_form

    ds, _, _ = setting
    assert written.reader is not None or written.config.decoder_kind == "statements"
    topics = pd.read_csv(SAMPLE / "item_truth.csv").set_index("item_id")["topic"]
    touched = written.items["item_id"].map(topics).isin(["religion", "politics"]).to_numpy()
    classes = np.asarray(ds.scale.classes, dtype=float)
    for orientation, sentence in HELD_OUT.items():
        assert template_form(sentence) is None
        sign = 1 if orientation == "harm_avoidance" else -1
        wrong = []
        for rater, profile in written.profiles.items():
            edited = f"{profile}\n- {sentence}"
            delta = written.predict_text(edited) @ classes - written.predict_text(profile) @ classes
            if not sign * delta[touched].mean() > 0:
                wrong.append((rater, round(float(delta[touched].mean()), 3)))
            if written.reader is not None:
                own = written.reader.effects(written.readings(edited)).sum(1)
            else:
                stmts, _, effect = written.effects(edited)
                own = effect[:, stmts.index(sentence)]
            if not sign * (own[touched].mean() - own[~touched].mean()) > 0:
                wrong.append((rater, "not selective"))
        assert wrong == [], (orientation, wrong[:5], len(wrong))
