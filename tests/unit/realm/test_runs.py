"""REALM experiments kept on disk: what the page shows comes back the same."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from engines.core.run_store import RunStore
from engines.data.validation import build_dataset
from engines.realm import RealmConfig, RealmRunConfig, run_realm
from engines.realm.runs import load_realm_run, realm_settings, save_realm_run


@pytest.fixture(scope="module")
def experiment():  # noqa: ANN201
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(60, 4)).astype(np.float32)
    rows = [
        {"item_id": f"i{i:02d}", "text": f"t{i}", "annotator_id": f"a{a}",
         "label": int(emb[i, 0] > 0) if a else int(rng.integers(0, 2)),
         "split": "train" if i < 40 else ("dev" if i < 50 else "test")}
        for i in range(60) for a in range(3)
    ]  # fmt: skip
    ds = build_dataset(pd.DataFrame(rows), name="toy")
    cfg = RealmRunConfig(model=RealmConfig(hidden=(8,)).with_train(max_epochs=3), seed=2)
    return run_realm(ds, [f"i{i:02d}" for i in range(60)], emb, cfg), cfg


def test_a_kept_experiment_comes_back_as_the_page_shows_it(experiment, tmp_path) -> None:
    result, cfg = experiment
    store = RunStore(tmp_path)
    record = save_realm_run(store, "fp", result, cfg, dataset_name="toy")
    assert (record.wing, record.seed, record.dataset_name) == ("realm", 2, "toy")
    first = result.accuracy.iloc[0]
    assert record.headline[first["method"]] == pytest.approx(first["accuracy"], abs=1e-12)
    back = load_realm_run(store, record.run_id)
    for name in ("annotations", "expertise", "skills", "accuracy"):
        pd.testing.assert_frame_equal(getattr(back, name), getattr(result, name))
    assert (back.n_classes, back.tasks, back.fit_seconds) == (
        result.n_classes, result.tasks, result.fit_seconds
    )  # fmt: skip
    # the classifiers' settings come back (unfitted: their outputs are the tables)
    assert {k: m.config for k, m in back.models.items()} == {
        k: m.config for k, m in result.models.items()
    }


def test_the_seed_is_the_runs_own_field_not_a_setting(experiment, tmp_path) -> None:
    result, cfg = experiment
    store = RunStore(tmp_path)
    a = save_realm_run(store, "fp", result, cfg)
    b = save_realm_run(store, "fp", result, replace(cfg, seed=3))
    assert a.run_id != b.run_id and a.settings == b.settings
    assert "seed" not in realm_settings(cfg) and "seed" not in realm_settings(cfg)["model"]["train"]
