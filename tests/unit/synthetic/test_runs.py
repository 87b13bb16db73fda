"""Synthetic-perspective experiments kept on disk: the grid comes back, no secret is written."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from engines.core.run_store import RunStore
from engines.synthetic import BlendingResult
from engines.synthetic.runs import load_synthetic_run, save_synthetic_run
from ui.profiles import LLMSettings
from ui.synthetic import SyntheticForm, kept_run
from ui.synthetic_runs import form_settings


def _result() -> BlendingResult:
    pred = pd.DataFrame({
        "model": ["real only", "real only", "1x · mix", "1x · mix"],
        "strategy": ["", "", "1x", "1x"], "blending": ["", "", "mix", "mix"],
        "item_id": ["i1", "i2", "i1", "i2"],
        "annotator_id": ["a", "b", "a", "b"], "rating": [3.0, 4.0, 3.0, 4.0],
        "prediction": [2.5, 4.5, 3.0, 3.0], "seen": [True, True, True, True],
    })  # fmt: skip
    syn = pd.DataFrame(
        {"item_id": ["i0"], "annotator_id": ["s1"], "rating": [2.0], "weight": [1.0]}
    )
    train = pd.DataFrame({"item_id": ["i0"], "annotator_id": ["a"], "rating": [3.0]})
    return BlendingResult(pred, {"LLM 1x (T=0.0)": syn}, train, ("age",), {"real only": 1.5})


def test_a_kept_experiment_comes_back_and_rebuilds_the_pages_run(tmp_path: Path) -> None:
    store = RunStore(tmp_path)
    form = SyntheticForm(generator="imported", seed=7, strategies=("1x",))
    result = _result()
    record = save_synthetic_run(store, "fp", result, form_settings(form), form.seed)
    assert record.headline == {"real only": 0.5, "1x · mix": 0.5}  # by hand: |−0.5|, |0.5|; 0, 1
    back, replies, settings, seed = load_synthetic_run(store, record.run_id)
    pd.testing.assert_frame_equal(back.predictions, result.predictions)
    pd.testing.assert_frame_equal(
        back.synthetic["LLM 1x (T=0.0)"], result.synthetic["LLM 1x (T=0.0)"]
    )
    assert (back.attributes, back.fit_seconds, replies, seed) == (
        ("age",),
        {"real only": 1.5},
        None,
        7,
    )
    assert kept_run(settings, seed, back, replies).form == form  # the form, rebuilt


def test_an_llm_key_and_endpoint_are_never_written(tmp_path: Path) -> None:
    llm = LLMSettings("https://llm.example.org/v1", "some-model", 30.0, "offensiveness",
                      api_key="sk-secret-123")  # fmt: skip
    form = SyntheticForm(generator="llm", llm=llm)
    settings = form_settings(form)
    assert settings["llm_model"] == "some-model" and "llm" not in settings
    store = RunStore(tmp_path)
    record = save_synthetic_run(store, "fp", _result(), settings, 0)
    text = "".join(p.read_text(errors="ignore") for p in (tmp_path / record.run_id).iterdir())
    assert "sk-secret-123" not in text and "llm.example.org" not in text
