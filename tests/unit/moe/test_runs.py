"""DEM-MoE comparisons kept on disk: what the page shows comes back the same."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from engines.core.run_store import RunStore
from engines.moe import MoEConfig, MoERunConfig, SearchConfig, run_over_seeds
from engines.moe.runs import load_moe_run, moe_settings, save_moe_run
from engines.text import item_table


@pytest.fixture(scope="module")
def two_seeds(small_toy_csv):  # noqa: ANN001, ANN201
    ds, _ = small_toy_csv
    items = item_table(ds)
    ids = items.item_id.astype(str).tolist()
    emb = np.random.default_rng(0).normal(size=(len(items), 8)).astype(np.float32)
    cfg = MoERunConfig(models=("mean", "moe"), max_epochs=3,
                       search=SearchConfig(n_trials=2, rounds=1, max_epochs=2))  # fmt: skip
    results = run_over_seeds(ds, ids, emb, cfg, [4, 5])
    return ds, results, cfg, ids


def test_a_kept_comparison_comes_back_as_the_page_shows_it(two_seeds, tmp_path) -> None:
    ds, results, cfg, ids = two_seeds
    store = RunStore(tmp_path)
    record = save_moe_run(store, "fp|enc", results, [4, 5], cfg, MoEConfig())
    assert record.wing == "moe" and record.seed == 4
    mae = (results[0].predictions["prediction"] - results[0].predictions["rating"]).abs()
    assert record.headline["DEM-MoE"] == pytest.approx(
        mae[results[0].predictions["model"] == "DEM-MoE"].mean(), abs=1e-4
    )
    back, seeds, per_seed = load_moe_run(store, record.run_id)
    first = results[0]
    pd.testing.assert_frame_equal(back.predictions, first.predictions)
    pd.testing.assert_frame_equal(back.routing, first.routing)
    pd.testing.assert_frame_equal(back.annotators, first.annotators)
    assert seeds == [4, 5]
    for got, want in zip(per_seed, results, strict=True):
        pd.testing.assert_frame_equal(got, want.predictions)
    assert back.attributes == first.attributes and back.split_sizes == first.split_sizes
    assert set(back.fit_seconds) == {"mean", "moe"}
    # DEM-MoE itself is restored: it predicts as before and keeps its training history.
    test = ds.df[ds.df["split"] == "test"]
    np.testing.assert_allclose(back.moe.predict(test), first.moe.predict(test), atol=1e-6)
    assert back.moe.history_.epochs == first.moe.history_.epochs
    assert back.moe.phase_log_ == first.moe.phase_log_
    pd.testing.assert_frame_equal(back.search.trials, first.search.trials)
    assert back.search.best_mae == first.search.best_mae


def test_another_seed_or_setting_is_another_run(two_seeds, tmp_path) -> None:
    _, results, cfg, _ = two_seeds
    store = RunStore(tmp_path)
    a = save_moe_run(store, "fp", results[:1], [4], cfg, MoEConfig())
    b = save_moe_run(store, "fp", results[1:], [5], replace(cfg, seed=5), MoEConfig())
    again = save_moe_run(store, "fp", results[:1], [4], cfg, MoEConfig())
    assert a.run_id == again.run_id != b.run_id
    assert len(store.runs(wing="moe", dataset="fp")) == 2
    settings = moe_settings(cfg, MoEConfig(), [4])
    assert settings["run"]["max_epochs"] == 3 and settings["seeds_in_sweep"] == 1
    assert "seed" not in settings["run"] and "seed" not in settings["dem_moe"]["train"]


def test_a_damaged_model_file_is_refused(two_seeds, tmp_path) -> None:
    _, results, cfg, _ = two_seeds
    store = RunStore(tmp_path)
    record = save_moe_run(store, "fp", results[:1], [4], cfg, MoEConfig())
    weights = store.model_dir(record.run_id, "moe") / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-4] + b"oops")
    with pytest.raises(ValueError, match="model.safetensors does not match"):
        load_moe_run(store, record.run_id)
