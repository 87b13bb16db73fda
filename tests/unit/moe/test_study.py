"""Shared Optuna studies on a SQLite file (issue #27): workers, a dead worker, the tables, CLI.

The same code runs against PostgreSQL with workers in separate processes in
``tests/integration/test_search_postgres.py``; here the workers take turns in this process.
"""

from __future__ import annotations

import json
import time

import numpy as np
import pandas as pd
import pytest

from analysis.moe import compute_search_table, plot_search_history
from analysis.moe.study import (
    WORKER_COLUMNS,
    compute_study_trials,
    compute_study_workers,
    compute_sweep_table,
    summarise_study,
)
from cli import main
from engines.moe import DemMoE, MoEConfig, MoERunConfig, SearchSpace, base_params, split_for_moe
from engines.moe.study import StudyConfig, device_label, search_worker, sweep_worker
from engines.moe.study_store import (
    STUDY_COLUMNS,
    load_optuna,
    open_storage,
    study_attrs,
    study_names,
    study_trials,
)
from engines.text import item_table

SETTINGS = {"dataset": "toy", "epochs": 2}


@pytest.fixture()
def toy_run(small_toy_csv):
    ds, path = small_toy_csv
    ids = item_table(ds).item_id.astype(str).tolist()
    emb = np.random.default_rng(0).normal(size=(len(ids), 8)).astype(np.float32)
    run_cfg = MoERunConfig(models=("mean", "moe"), max_epochs=2, holdout_annotators=0.0)
    train, dev, _ = split_for_moe(ds, run_cfg)
    base = MoEConfig().with_train(max_epochs=2, seed=3)
    return ds, path, ids, emb, run_cfg, (train, ids, emb, list(ds.demographics)), dev, base


def test_a_missing_sqlite_file_holds_no_study_and_is_not_created(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'none' / 'studies.db'}"
    assert study_names(url) == []
    assert not (tmp_path / "none").exists()
    with pytest.raises(ValueError, match="No study storage"):
        study_trials(url, "x")


def test_two_workers_share_a_search_study(toy_run, tmp_path) -> None:
    _, _, _, _, _, fit_args, dev, base = toy_run
    url = f"sqlite:///{tmp_path / 'studies.db'}"
    cfg = StudyConfig("s", url, n_trials=2, seed=1, heartbeat_s=5)
    calls: list[tuple[int, int, str]] = []
    first = search_worker(fit_args, dev, base, cfg, SETTINGS, lambda *a: calls.append(a))
    second = search_worker(fit_args, dev, base, cfg, SETTINGS)
    assert (first.created, second.created) == (True, False)
    assert (first.trials, second.trials) == ([0, 1], [2, 3])
    assert [c[:2] for c in calls] == [(1, 2), (2, 2)]
    assert calls[0][2].startswith("Study s: trial 0 complete, MAE ")
    assert study_names(url) == ["s"]
    trials = study_trials(url, "s")
    assert list(trials["trial"]) == [0, 1, 2, 3] and (trials["state"] == "complete").all()
    assert list(trials.columns[-len(STUDY_COLUMNS) :]) == list(STUDY_COLUMNS)
    assert (trials["device"] == device_label()).all() and (trials["seed"] == 3).all()
    assert trials["seconds"].gt(0).all() and trials["dev_max_jsd"].notna().all()
    # Trial 0 is the base configuration, as in the in-process search.
    expected = SearchSpace().clip(base_params(base))
    assert trials.loc[0, list(expected)].to_dict() == pytest.approx(expected)
    assert len({tuple(r) for r in trials[list(expected)].to_numpy()}) == 4
    # The in-process search's figure and table read the study.
    shown = compute_study_trials(trials)
    assert not set(STUDY_COLUMNS) & set(shown.columns)
    table = compute_search_table(shown).set_index("parameter")
    assert table.loc["dev_mae", "best"] == trials["dev_mae"].min()
    assert table.loc["lr", "chosen"] == pytest.approx(base.train.lr)
    names = [t.name for t in plot_search_history(shown).data]
    assert names[:2] == ["trial 0 (your settings)", "round 1 (wide)"]
    workers = compute_study_workers(trials)
    assert list(workers.columns) == WORKER_COLUMNS
    assert workers[["trials", "complete", "failed"]].values.tolist() == [[4, 4, 0]]
    status = summarise_study(trials, study_attrs(url, "s"))
    assert status["kind"] == "moe-search" and status["states"] == {"complete": 4}
    assert status["best"]["dev_mae"] == round(trials["dev_mae"].min(), 4)
    # A worker with other settings, or of the other kind, is refused.
    with pytest.raises(ValueError, match=r"other settings \(epochs: 2 there, 3 here\)"):
        search_worker(fit_args, dev, base, cfg, {**SETTINGS, "epochs": 3})
    ds, _, ids, emb, run_cfg, *_ = toy_run
    with pytest.raises(ValueError, match="is a moe-search study, not a moe-seeds study"):
        sweep_worker(ds, ids, emb, run_cfg, [0], cfg, SETTINGS)


def test_a_dead_workers_trial_is_failed_by_the_next_worker(toy_run, tmp_path) -> None:
    _, _, _, _, _, fit_args, dev, base = toy_run
    url = f"sqlite:///{tmp_path / 'studies.db'}"
    cfg = StudyConfig("s", url, n_trials=1, heartbeat_s=1, grace_s=1)
    search_worker(fit_args, dev, base, cfg, SETTINGS)
    # A worker that asked for a trial, sent one heartbeat and died.
    storage = open_storage(url, heartbeat_s=1, grace_s=1)
    study = load_optuna().load_study(study_name="s", storage=storage)
    with pytest.warns(UserWarning, match="Heartbeat"):  # Optuna: heartbeats need optimize()
        dead = study.ask()
    storage.record_heartbeat(dead._trial_id)
    time.sleep(2.2)
    search_worker(fit_args, dev, base, cfg, SETTINGS)
    trials = study_trials(url, "s").set_index("trial")
    assert trials.loc[dead.number, "state"] == "failed"
    assert list(trials["state"]) == ["complete", "failed", "complete"]
    workers = compute_study_workers(study_trials(url, "s"))
    assert workers["failed"].sum() == 0  # the dead trial never said where it ran


def test_a_seed_sweep_runs_each_seed_once(toy_run, tmp_path) -> None:
    ds, _, ids, emb, run_cfg, _, _, base = toy_run
    url = f"sqlite:///{tmp_path / 'studies.db'}"
    cfg = StudyConfig("sweep", url, heartbeat_s=5)
    models = {"moe": DemMoE(base)}
    first = sweep_worker(ds, ids, emb, run_cfg, [4, 5], cfg, SETTINGS, None, models)
    second = sweep_worker(ds, ids, emb, run_cfg, [4, 5], cfg, SETTINGS, None, models)
    assert first.trials == [0, 1] and second.trials == []  # nothing left for the second
    trials = study_trials(url, "sweep")
    assert list(trials["seed"]) == [4, 5] and (trials["state"] == "complete").all()
    assert list(trials["test_mae"]) == list(trials["test_mae:DEM-MoE"])
    table = compute_sweep_table(trials).set_index("model")
    moe = trials["test_mae:DEM-MoE"]
    assert table.loc["DEM-MoE", "mae_mean"] == pytest.approx(moe.mean())
    assert table.loc["DEM-MoE", "mae_sd"] == pytest.approx(moe.std(ddof=1))
    assert table.loc["Mean predictor", "mae_seed5"] == trials.loc[1, "test_mae:Mean predictor"]
    assert table.loc["DEM-MoE", "n_seeds"] == 2
    status = summarise_study(trials, study_attrs(url, "sweep"))
    assert status["seeds"] == [4, 5] and status["seeds_done"] == [4, 5]
    assert set(status["test_mae_mean"]) == {"DEM-MoE", "Mean predictor"}


def test_sweep_table_hand_values_and_skipped_trials() -> None:
    trials = pd.DataFrame(
        {
            "trial": [0, 1, 2, 3],
            "state": ["complete", "complete", "failed", "skipped"],
            "test_mae": [0.5, 0.7, np.nan, np.nan],
            "test_mae:A": [0.5, 0.7, np.nan, np.nan],
            "test_mae:B": [0.9, 0.8, np.nan, np.nan],
            "seed": [0, 1, 2, np.nan],
            "host": ["h", "h", "g", "g"],
            "worker": [1, 1, 2, 2],
            "device": ["cpu", "cpu", "cuda:0 (GPU)", "cuda:0 (GPU)"],
            "seconds": [1.0, 2.0, np.nan, np.nan],
        }
    )
    table = compute_sweep_table(trials)
    assert list(table["model"]) == ["A", "B"]  # sorted by mean MAE
    assert table.loc[0, "mae_mean"] == pytest.approx(0.6)
    assert table.loc[1, ["mae_seed0", "mae_seed1"]].tolist() == [0.9, 0.8]
    workers = compute_study_workers(trials).set_index("host")
    assert workers.loc["g", "failed"] == 1 and workers.loc["h", "fit_seconds"] == 3.0
    assert list(compute_study_trials(trials)["trial"]) == [0, 1, 2]  # skipped trial dropped


def test_cli_search_and_status_on_a_sqlite_file(small_toy_csv, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    _, data = small_toy_csv
    args = ["search", "moe", "--data", str(data), "--study", "cli", "--encoder", "hashing"]
    assert main([*args, "--trials", "2", "--epochs", "2"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["created"] and summary["ran"] == [0, 1]
    assert summary["storage"] == f"sqlite:///{tmp_path / 'cache' / 'studies.db'}"
    assert main([*args, "--trials", "1", "--epochs", "3"]) == 1  # other settings
    assert "other settings (epochs: 2 there, 3 here)" in capsys.readouterr().err
    assert main(["search", "status"]) == 0
    captured = capsys.readouterr()
    (study,) = json.loads(captured.out.strip().splitlines()[-1])["studies"]
    assert study["study"] == "cli" and study["states"] == {"complete": 2}
    assert study["workers"][0]["trials"] == 2 and "lr" in study["best"]["params"]
    assert "cli (moe-search): {'complete': 2}; best trial" in captured.err
    assert main(["search", "status", "--study", "nope"]) == 1
    assert "No study 'nope'" in capsys.readouterr().err
