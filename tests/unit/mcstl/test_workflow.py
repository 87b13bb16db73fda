"""One MC-STL experiment end to end on a toy dataset, every cluster source (issue #14)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.mcstl.report import (
    TABLE_COLUMNS,
    compute_calibration,
    compute_calibration_points,
    compute_results_table,
)
from engines.data.validation import build_dataset
from engines.mcstl.workflow import MCSTLRunConfig, run_mcstl
from tests.unit.mcstl.toys import FAST, fake_embed, strict_raters


@pytest.fixture(scope="module")
def toy():
    return strict_raters()


@pytest.mark.parametrize("source", ["tags", "rationale", "demographics"])
def test_every_source_runs_and_mcstl_uses_the_clusters(toy, source) -> None:
    ds, item_ids, emb = toy
    cfg = MCSTLRunConfig(source=source, model=FAST, rationale_k=2, min_group_size=1)
    calls: list[str] = []
    result = run_mcstl(ds, item_ids, emb, cfg, embed=fake_embed,
                       progress=lambda d, t, w: calls.append(w))  # fmt: skip
    assert set(result.predictions["variant"]) == {"mcstl", "no_info", "majority"}
    assert result.membership.shape == (result.split_sizes["test"], len(result.clusters.names))
    assert any(c.startswith("Model 1 of 3 · MC-STL: epoch") for c in calls)
    table = compute_results_table(result.predictions, result.membership, result.clusters.names)
    assert list(table.columns) == TABLE_COLUMNS and len(table) == 3
    auc = table.set_index("model")["auc"]
    if source != "demographics":  # the clusters carry the strictness; gender does not
        assert auc["MC-STL"] > auc["∅ (no clusters)"] + 0.05, table


def test_calibration_tables_cover_every_group_and_subtask(toy) -> None:
    ds, item_ids, emb = toy
    result = run_mcstl(ds, item_ids, emb, MCSTLRunConfig(source="tags", model=FAST))
    names = result.clusters.names
    calib = compute_calibration(result.predictions, result.membership, names)
    assert len(calib) == 3 * len(names) * 2  # 3 classes -> 2 CORAL sub-tasks
    points = compute_calibration_points(result.predictions, result.membership, names)
    assert set(points["task"]) == {"y > 0", "y > 1"}
    assert points["n"].sum() == 3 * 2 * result.membership.sum()


def test_nominal_labels_are_refused(toy) -> None:
    ds, item_ids, emb = toy
    df = ds.df.assign(label=ds.df["label"].map({1.0: "a", 2.0: "b", 3.0: "c"}))
    nominal = build_dataset(df[["item_id", "text", "annotator_id", "label", "split"]])
    with pytest.raises(ValueError, match="binary or ordinal"):
        run_mcstl(nominal, item_ids, emb, MCSTLRunConfig(source="tags", model=FAST))


@pytest.mark.parametrize(
    ("source", "extra"), [("tags", []), ("demographics", ["--folds", "3", "--dispersion"])]
)
def test_cli_writes_every_table(toy, tmp_path, monkeypatch, capsys, source, extra) -> None:
    import json

    from cli import main

    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    ds, _, _ = toy
    data = tmp_path / "toy.csv"
    ds.df[["item_id", "text", "annotator_id", "label", "value_tags", "rationale", "gender",
           "split"]].to_csv(data, index=False)  # fmt: skip
    out = tmp_path / "out"
    args = ["mcstl", "--data", str(data), "--out", str(out), "--encoder", "hashing"]
    assert main([*args, "--clusters", source, "--epochs", "3", "--min-group-size", "1",
                 *extra]) == 0  # fmt: skip
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["split"].get("folds") == (3 if extra else None), summary["split"]
    assert summary["clusters"] == source and set(summary["auc"]) == {
        "MC-STL", "∅ (no clusters)", "Maj(Y)",
    }  # fmt: skip
    for name in ("comparison", "calibration_per_group", "cluster_summary", "predictions"):
        assert len(pd.read_csv(out / f"{name}.csv")) > 0, name


def test_cross_fitting_predicts_every_annotation_once_out_of_fold(toy) -> None:
    """With folds, each annotation gets exactly one prediction per model, from a model that
    never saw its item; membership rows line up with one model's predictions."""
    from engines.mcstl.splits import item_folds

    ds, item_ids, emb = toy
    cfg = MCSTLRunConfig(source="rationale", model=FAST, rationale_k=2, folds=3)
    calls: list[str] = []
    result = run_mcstl(ds, item_ids, emb, cfg, embed=fake_embed,
                       progress=lambda d, t, w: calls.append(w))  # fmt: skip
    preds = result.predictions
    for _, rows in preds.groupby("variant"):
        pairs = list(zip(rows["item_id"], rows["annotator_id"], strict=True))
        assert len(pairs) == len(set(pairs)) == len(ds.df)
        strict = rows["annotator_id"].str[1:].astype(int) % 2 == 0
        assert (result.membership[:, 0] == strict.to_numpy()).all() or (
            result.membership[:, 1] == strict.to_numpy()
        ).all()
    assert result.split_sizes["folds"] == 3 and result.split_sizes["test"] == len(ds.df)
    assert any(w.startswith("Fold 3 of 3 · Model 3 of 3") for w in calls), calls[-3:]
    fold = item_folds(ds.df, 3)
    per_item = pd.Series(fold).groupby(ds.df["item_id"].to_numpy()).nunique()
    assert (per_item == 1).all() and sorted(set(fold)) == [0, 1, 2]
    with pytest.raises(ValueError, match="3 or more folds"):
        item_folds(ds.df, 2)
