"""AppTest: the Demographic experts page reads a shared Optuna study (issue #27), untrained."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from engines.moe import MoEConfig
from engines.moe.study import StudyConfig, search_worker
from tests.unit.moe.toys import toy_frame

ROOT = Path(__file__).resolve().parents[2]


def _study(url: str) -> None:
    """A three-trial search study, as workers on other machines would leave it."""
    df, ids, emb = toy_frame(30)
    item = df.item_id.str[1:].astype(int)
    train, dev = df[item % 5 != 0], df[item % 5 == 0]
    base = MoEConfig().with_train(max_epochs=2)
    cfg = StudyConfig("shared", url, n_trials=3)
    search_worker((train, ids, emb, ["age", "gender"]), dev, base, cfg, {"dataset": "toy"})


def test_the_page_shows_a_shared_study_before_any_training(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'studies.db'}"
    _study(url)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/4_Demographic_experts.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not _has(at, "moe_study_name")  # nothing is read until the reader asks
    at.text_input(key="moe_study_url").set_value(url)
    at.toggle(key="moe_study_read").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="moe_study_name").options == ["shared"]
    assert any("**shared** (moe-search): 3 trials, 3 complete" in m.value for m in at.markdown)
    specs = [c.proto.spec for c in at.get("plotly_chart")]
    assert any("Hyperparameter search (dev-split MAE per trial)" in s for s in specs)
    best = next(d.value for d in at.dataframe if "parameter" in d.value.columns)
    workers = next(d.value for d in at.dataframe if "worker" in d.value.columns)
    assert workers["trials"].tolist() == [3]
    assert {"dev_mae", "lr", "top_k"} <= set(best["parameter"])
    assert np.isfinite(best.set_index("parameter").loc["dev_mae", "best"])

    at.text_input(key="moe_study_url").set_value("postgresql://u:secret@127.0.0.1:1/none").run()
    assert not at.exception
    assert any("Cannot open the study storage" in w.value for w in at.warning)
    assert not any("secret" in w.value for w in at.warning)  # the password is never shown


def _has(at: AppTest, key: str) -> bool:
    try:
        at.selectbox(key=key)
    except KeyError:
        return False
    return True
