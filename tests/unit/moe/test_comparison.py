"""The DEM-MoE comparison run: the split, every model, the search, progress and the CLI."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from cli import main
from engines.moe import MoERunConfig, SearchConfig, run_comparison, split_for_moe
from engines.text import item_table


def test_split_holds_out_annotators_only_from_train_and_dev(toy_csv) -> None:
    ds, _ = toy_csv
    train, dev, test = split_for_moe(ds, MoERunConfig(holdout_annotators=0.25, seed=3))
    held = set(test.annotator_id) - set(train.annotator_id)
    assert len(held) == 3  # 25% of 12 annotators
    assert not held & set(dev.annotator_id)
    assert not set(train.item_id) & set(test.item_id)  # item-level split
    assert len(test) == (ds.df["split"] == "test").sum()  # the test split keeps every row


def test_pipeline_trains_dem_moe_with_the_searched_config(small_toy_csv) -> None:
    ds, _ = small_toy_csv
    items = item_table(ds)
    emb = np.random.default_rng(0).normal(size=(len(items), 8)).astype(np.float32)
    search = SearchConfig(n_trials=2, rounds=1, max_epochs=2)
    cfg = MoERunConfig(models=("mean", "moe"), max_epochs=3, search=search)
    calls: list[str] = []
    result = run_comparison(
        ds, items.item_id.astype(str).tolist(), emb, cfg, lambda d, t, w: calls.append(w)
    )
    assert result.search is not None and len(result.search.trials) == 2
    assert result.moe.config == result.search.best_config
    assert result.moe.config.train.max_epochs == 3  # the final model keeps its own budget
    assert [c.split(",")[0] for c in calls].count("Optuna search: trial") == 2
    # Issue #13: the bar names the model being trained, its place in the queue and its epoch.
    assert "Model 1 of 2 · Mean predictor: fitted" in calls
    assert "Model 2 of 2 · DEM-MoE: fitted" in calls
    assert [c.split(",")[0] for c in calls].count("Model 2 of 2 · DEM-MoE: epoch") == 3
    no_search = run_comparison(
        ds, items.item_id.astype(str).tolist(), emb, MoERunConfig(models=("mean",), search=search)
    )
    assert no_search.search is None  # nothing to search without DEM-MoE


def test_cli_search_writes_the_trials(small_toy_csv, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    _, data = small_toy_csv
    out = tmp_path / "out"
    args = ["moe", "--data", str(data), "--out", str(out), "--encoder", "hashing"]
    args += ["--models", "mean,moe", "--epochs", "3", "--search-trials", "2"]
    assert main([*args, "--search-epochs", "2", "--search-specialised-within", "1"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["search"]["trials"] == 2
    trials = pd.read_csv(out / "search_trials.csv")
    assert len(trials) == 2
    # A margin of 1 MAE point keeps the most specialised of the two trials.
    assert summary["search"]["kept_trial"] == int(trials["dev_max_jsd"].idxmax())


def test_cli_trains_every_model_and_writes_every_table(toy_csv, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    _, data = toy_csv
    out = tmp_path / "out"
    args = ["moe", "--data", str(data), "--out", str(out), "--encoder", "hashing"]
    assert main([*args, "--epochs", "5"]) == 0
    table = pd.read_csv(out / "model_table.csv")
    # The page's default: every model, the two median baselines included (issue #26).
    assert len(table) == 8 and {"Median predictor", "Annotator median"} <= set(table["model"])
    for name in ("group_mae", "attribute_mae", "expert_usage", "specialisation_kl"):
        assert len(pd.read_csv(out / f"{name}.csv")) > 0, name
    meta = json.loads((out / "dem_moe" / "metadata.json").read_text())
    assert meta["n_experts"] == 2 and meta["dataset"] == "toy.csv"


def test_three_annotators_in_three_groups_train_and_report_with_notes(
    tmp_path, monkeypatch, capsys
) -> None:
    """Issue #11.8: tiny groups skip what needs them (with a note) instead of losing the run."""
    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    rng = np.random.default_rng(0)
    groups = {"a1": "young", "a2": "middle", "a3": "old"}
    rows = [
        (f"i{i}", ann, f"post {i} about topic {i % 4}", int(rng.integers(1, 6)), group)
        for i in range(40)
        for ann, group in groups.items()
    ]
    data = tmp_path / "tiny.csv"
    pd.DataFrame(rows, columns=["item_id", "annotator_id", "text", "label", "age_group"]).to_csv(
        data, index=False
    )
    out = tmp_path / "out"
    args = ["moe", "--data", str(data), "--out", str(out), "--encoder", "hashing"]
    assert main([*args, "--epochs", "2", "--holdout", "0"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert any("fewer than 5 annotators" in n for n in summary["notes"])
    assert (out / "model_table.csv").exists() and (out / "notes.txt").exists()
    assert not (out / "ridge_coefficients.csv").exists()  # nothing to write is no empty file
    assert not (out / "expert_usage.csv").exists()


def test_cli_pipeline_errors_are_one_line_messages(tmp_path, capsys) -> None:
    """Issue #11.11: no traceback for a file the pipeline refuses."""
    bad = tmp_path / "bad.csv"
    bad.write_text("item_id,annotator_id,text,label\n1,a,only one annotator,1\n2,a,another,2\n")
    assert main(["overview", "--data", str(bad), "--out", str(tmp_path / "o")]) != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "annotator" in err


def test_two_runs_at_one_seed_give_identical_predictions(small_toy_csv) -> None:
    """Issue #12.7: a CPU run is a function of its seed (one training thread by default)."""
    ds, _ = small_toy_csv
    items = item_table(ds)
    ids = items.item_id.astype(str).tolist()
    emb = np.random.default_rng(0).normal(size=(len(items), 8)).astype(np.float32)
    cfg = MoERunConfig(models=("text", "pmf", "moe"), max_epochs=3, seed=5)
    first = run_comparison(ds, ids, emb, cfg).predictions
    second = run_comparison(ds, ids, emb, cfg).predictions
    pd.testing.assert_frame_equal(first, second)
    other = run_comparison(ds, ids, emb, MoERunConfig(models=("moe",), max_epochs=3, seed=6))
    moe = first[first["model"] == "DEM-MoE"]["prediction"].to_numpy()
    assert not np.array_equal(moe, other.predictions["prediction"].to_numpy())
