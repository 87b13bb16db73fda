"""AppTest: training runs survive a new session, can be shown again, compared and deleted
(issue #27 part 0)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
TRAIN = "FormSubmitter:moe_form-Train DEM-MoE and baselines"


def _page(page: str) -> AppTest:
    """A new session (as after a reload) on ``pages/<page>.py``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _moe_page() -> AppTest:
    return _page("4_Demographic_experts")


def _train(at: AppTest, seed: int) -> None:
    at.multiselect(key="moe_baselines").set_value(["mean"])
    at.slider(key="moe_epochs").set_value(5)
    at.number_input(key="moe_seed").set_value(seed)
    at.button(key=TRAIN).click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]


def _table(at: AppTest, column: str):  # noqa: ANN202
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.mark.slow
def test_a_run_survives_a_reload_and_two_runs_compare() -> None:
    at = _moe_page()
    assert not any("DEM-MoE took" in s.value for s in at.success)  # nothing kept yet
    _train(at, seed=0)
    first = _table(at, "delta").set_index("model")["mae"]

    again = _moe_page()  # a reload: the session is new, the run is on disk
    done = next(s.value for s in again.success if "DEM-MoE took" in s.value)
    assert "Showing the kept run of" in done and "seed 0" in done
    restored = _table(again, "delta").set_index("model")["mae"]
    assert restored.round(6).to_dict() == first.round(6).to_dict()
    assert len(again.get("plotly_chart")) == 7  # every figure, DEM-MoE restored with it

    _train(again, seed=1)
    history = _table(again, "differs from newest")
    assert history["seed"].tolist() == [1, 0]  # newest first
    assert list(history.columns[3:4]) == ["DEM-MoE test MAE"]  # the wing's headline only
    assert history["differs from newest"].tolist() == ["–", "–"]  # only the seed differs
    runs = again.selectbox(key="moe_runs_a").options
    assert len(runs) == 2 and "seed 0" in runs[1]
    compared = _table(again, "ci_diff").set_index("model")
    assert set(compared.index) == {"Mean predictor", "DEM-MoE"}
    assert compared.loc["Mean predictor", "diff"] == pytest.approx(0.0, abs=1e-9)  # not seeded
    assert compared.loc["DEM-MoE", "a"] == pytest.approx(first["DEM-MoE"], abs=1e-6)
    diff = _table(again, "run A")
    assert diff["setting"].tolist() == ["seed"] and diff["run B"].tolist() == ["1"]

    # Show the first run again, then delete it on the Data page.
    again.selectbox(key="moe_runs_pick").set_value(history["run"].iloc[1])  # the seed-0 run
    again.button(key="moe_runs_show").click().run()
    assert any("seed 0" in s.value for s in again.success if "DEM-MoE took" in s.value)
    again.switch_page("pages/1_Data.py").run()
    listed = _table(again, "wing")
    assert listed["wing"].tolist() == ["moe", "moe"] and set(listed["run"]) == set(history["run"])
    again.multiselect(key="runs_doomed").set_value([history["run"].iloc[1]]).run()
    again.button(key="runs_delete").click().run()
    assert not again.exception, [e.value for e in again.exception]
    kept = [p.name for p in Path(os.environ["PERSPECTIVES_RUNS_DIR"]).iterdir() if p.is_dir()]
    assert kept == [history["run"].iloc[0]]


def _realm_page() -> AppTest:
    return _page("6_Annotator_reliability")


@pytest.mark.slow
def test_a_reliability_run_survives_a_reload_and_two_runs_compare() -> None:
    at = _realm_page()
    at.slider(key="realm_epochs").set_value(5)
    at.button(key="FormSubmitter:realm_form-Train REALM and baselines").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    first = _table(at, "against").set_index("method")["accuracy"]

    again = _realm_page()  # a reload
    done = next(s.value for s in again.success if "classifiers on the labels" in s.value)
    assert "Showing the kept run of" in done and "seed 0" in done
    assert _table(again, "against").set_index("method")["accuracy"].equals(first)
    again.slider(key="realm_epochs").set_value(5)  # a new session starts from the defaults
    again.number_input(key="realm_seed").set_value(1)
    again.button(key="FormSubmitter:realm_form-Train REALM and baselines").click()
    again.run(timeout=900)
    assert not again.exception, [e.value for e in again.exception]
    history = _table(again, "differs from newest")
    assert history["seed"].tolist() == [1, 0] and "REALM test accuracy" in history.columns
    compared = _table(again, "ci_diff").set_index("method")
    assert compared.loc["REALM", "a"] == pytest.approx(first["REALM"])
    assert _table(again, "run A")["setting"].tolist() == ["seed"]


def _mcstl_page() -> AppTest:
    return _page("5_Value_calibration")


def _train_mcstl(at: AppTest, seed: int) -> None:
    at.radio(key="mc_source").set_value("rationale").run()
    at.number_input(key="mc_k").set_value(2)
    at.slider(key="mc_epochs").set_value(5)
    at.number_input(key="mc_seed").set_value(seed)
    at.button(key="FormSubmitter:mc_form-Train MC-STL and baselines").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.slow
def test_a_calibration_run_survives_a_reload_and_two_runs_compare() -> None:
    at = _mcstl_page()
    _train_mcstl(at, seed=0)
    first = _table(at, "one_minus_emd").set_index("model")

    again = _mcstl_page()  # a reload: rationale clusters, their centroids and names come back
    done = next(s.value for s in again.success if "value clusters." in s.value)
    assert "Showing the kept run of" in done and "seed 0" in done
    pd.testing.assert_frame_equal(_table(again, "one_minus_emd").set_index("model"), first)
    _train_mcstl(again, seed=1)
    history = _table(again, "differs from newest")
    assert history["seed"].tolist() == [1, 0] and "MC-STL test log loss" in history.columns
    compared = _table(again, "ci_diff").set_index("variant")
    assert list(compared.index) == ["MC-STL", "∅ (no clusters)", "Maj(Y)"]
    assert _table(again, "run A")["setting"].tolist() == ["seed"]


@pytest.mark.slow
def test_a_synthetic_run_survives_a_reload() -> None:
    at = _page("7_Synthetic_perspectives")
    at.multiselect(key="syn_strategies").set_value(["1x"])
    at.multiselect(key="syn_blends").set_value(["pt_ft"])
    at.slider(key="syn_epochs").set_value(5)
    at.button(key="FormSubmitter:syn_form-Make synthetic annotations and train").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    grid = _table(at, "category_mae")

    again = _page("7_Synthetic_perspectives")
    done = next(s.value for s in again.success if "synthetic annotations in" in s.value)
    assert "Showing the kept run of" in done and "seed 0" in done
    pd.testing.assert_frame_equal(_table(again, "category_mae"), grid)
    assert _table(again, "differs from newest")["real only test MAE"].notna().all()


@pytest.mark.slow
def test_a_decoder_survives_a_reload_and_edits_live_at_once() -> None:
    at = _page("3_Value_profiles")
    at.button(key="FormSubmitter:vp_train_form-Write profiles and train the decoder").click()
    at.run(timeout=600)
    assert not at.exception, [e.value for e in at.exception]

    again = _page("3_Value_profiles")
    done = next(s.value for s in again.success if "Decoder trained" in s.value)
    assert "Showing the kept run of" in done and "typed edits are read by the edit reader" in done
    rater = again.selectbox(key="vp_rater").value
    edit = again.text_area(key=f"vp_edit_{rater}")
    edit.input(f"{edit.value}\n- Religious jokes don't bother me at all.").run()
    assert not again.exception, [e.value for e in again.exception]
    sources = next(d.value for d in again.dataframe if "source" in d.value.columns)
    assert sources["direction"].tolist() == ["lowers"]  # the rebuilt reader reads the edit
    assert _table(again, "differs from newest")["validation CE (nats)"].notna().all()
    again.number_input(key="vp_emb_epochs").set_value(5)  # another setting: a second run
    again.button(key="FormSubmitter:vp_train_form-Write profiles and train the decoder").click()
    again.run(timeout=600)
    assert not again.exception, [e.value for e in again.exception]
    compared = _table(again, "ci_diff")
    assert compared["decoder"].tolist() == ["decoder"] and compared["a"].gt(0).all()
    assert "config.decoder.train.max_epochs" in _table(again, "run A")["setting"].tolist()
