"""analysis.moe metrics, bootstrap, significance and their figures (hand-computed values)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from scipy.stats import wasserstein_distance

from analysis.moe import (
    ATTRIBUTE_MAE_COLUMNS,
    BOOT_COLUMNS,
    GROUP_MAE_COLUMNS,
    METRIC_COLUMNS,
    bootstrap_group_mae,
    bootstrap_mae,
    compare_attribute_mae,
    compare_models,
    compute_attribute_mae,
    compute_group_mae,
    compute_rating_metrics,
    next_best_model,
    plot_attribute_mae,
    plot_group_mae,
    plot_model_comparison,
    plot_seen_unseen,
)
from engines.data.groups import MISSING, demographic_groups

# Model A, by hand (item, annotator, rating, prediction, seen -> |error|):
#   i1 a1 1 2 seen   -> 1        i2 a1 4 2 seen   -> 2
#   i1 a2 3 3 seen   -> 0        i2 a3 2 4 unseen -> 2
# Model B predicts 2.5 everywhere -> |errors| 1.5, 0.5, 1.5, 0.5.
ROWS = [
    ("i1", "a1", 1.0, 2.0, True),
    ("i1", "a2", 3.0, 3.0, True),
    ("i2", "a1", 4.0, 2.0, True),
    ("i2", "a3", 2.0, 4.0, False),
]


def _pred() -> pd.DataFrame:
    a = pd.DataFrame(ROWS, columns=["item_id", "annotator_id", "rating", "prediction", "seen"])
    b = a.assign(prediction=2.5)
    return pd.concat([a.assign(model="A"), b.assign(model="B")], ignore_index=True)


def _annotators() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "annotator_id": ["a1", "a2", "a3"],
            "age": ["young", "old", None],
            "gender": ["w", "w", "m"],
        }
    )


def _row(table: pd.DataFrame, **keys: object) -> pd.Series:
    mask = np.ones(len(table), dtype=bool)
    for k, v in keys.items():
        mask &= (table[k] == v).to_numpy()
    assert mask.sum() == 1, keys
    return table[mask].iloc[0]


# --------------------------------------------------------------------------- point metrics


def test_rating_metrics_match_hand_computation() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # constant model B must not leak warnings
        m = compute_rating_metrics(_pred())
    assert list(m.columns) == METRIC_COLUMNS
    assert list(zip(m["model"], m["subset"])) == [
        ("A", "overall"),
        ("A", "seen"),
        ("A", "unseen"),
        ("B", "overall"),
        ("B", "seen"),
        ("B", "unseen"),
    ]
    a = _row(m, model="A", subset="overall")
    assert a["n"] == 4
    assert a["mae"] == pytest.approx(1.25)  # (1 + 0 + 2 + 2) / 4
    # pred [2,3,2,4] vs rating [1,3,4,2]: cov sum -0.5, ss 2.75 and 5
    assert a["pearson"] == pytest.approx(-0.5 / math.sqrt(2.75 * 5))
    assert a["pearson"] == pytest.approx(-0.13483997)
    # item means: i1 pred 2.5 vs 2, i2 pred 3 vs 3
    assert a["item_mae"] == pytest.approx(0.25)
    assert a["item_pearson"] == pytest.approx(1.0)
    # EMD i1: sorted preds [2,3] vs ratings [1,3] -> 0.5; i2: [2,4] vs [2,4] -> 0
    assert a["emd"] == pytest.approx(0.25)

    seen = _row(m, model="A", subset="seen")
    assert seen["n"] == 3
    assert seen["mae"] == pytest.approx(1.0)
    assert seen["item_mae"] == pytest.approx(1.25)  # i1 |2.5-2|, i2 |2-4|
    assert seen["item_pearson"] == pytest.approx(-1.0)
    assert seen["emd"] == pytest.approx(1.25)  # i1 0.5, i2 |2-4| = 2

    unseen = _row(m, model="A", subset="unseen")
    assert (unseen["n"], unseen["mae"], unseen["item_mae"], unseen["emd"]) == (1, 2.0, 2.0, 2.0)
    assert math.isnan(unseen["pearson"]) and math.isnan(unseen["item_pearson"])

    b = _row(m, model="B", subset="overall")
    assert b["mae"] == pytest.approx(1.0)
    assert math.isnan(b["pearson"]) and math.isnan(b["item_pearson"])


def test_emd_equals_scipy_per_item_mean() -> None:
    rng = np.random.default_rng(3)
    n = 60
    df = pd.DataFrame(
        {
            "model": "M",
            "item_id": rng.choice(["x", "y", "z"], n),
            "annotator_id": [f"a{i}" for i in range(n)],
            "rating": rng.integers(1, 6, n).astype(float),
            "prediction": rng.normal(3, 1, n),
            "seen": True,
        }
    )
    expected = np.mean(
        [wasserstein_distance(g["prediction"], g["rating"]) for _, g in df.groupby("item_id")]
    )
    got = compute_rating_metrics(df)
    assert got["emd"].iloc[0] == pytest.approx(expected)
    assert list(got["subset"]) == ["overall", "seen"]  # no unseen rows -> no unseen row


def test_prediction_table_validation() -> None:
    pred = _pred()
    with pytest.raises(KeyError, match="prediction"):
        compute_rating_metrics(pred.drop(columns="prediction"))
    with pytest.raises(KeyError, match="seen"):
        compute_rating_metrics(pred.drop(columns="seen"))
    bootstrap_mae(pred.drop(columns="seen"), n_boot=5)  # `seen` only needed for the metrics
    with pytest.raises(ValueError, match="rating"):
        compute_rating_metrics(pred.assign(rating=[np.nan] + [1.0] * 7))
    with pytest.raises(ValueError, match="seen"):
        compute_rating_metrics(pred.assign(seen="yes"))
    with pytest.raises(ValueError, match="numeric"):
        bootstrap_mae(pred.assign(prediction="high"))
    with pytest.raises(ValueError, match="no rows"):
        bootstrap_mae(pred.iloc[:0])
    with pytest.raises(ValueError, match="n_boot"):
        bootstrap_mae(pred, n_boot=0)


# --------------------------------------------------------------------------- bootstrap


def test_bootstrap_ci_collapses_when_all_items_identical() -> None:
    # Five items, each with |errors| 1 and 3: every item resample has MAE 2. A row-level
    # bootstrap would mix the 1s and 3s and give a wide interval.
    rows = []
    for i in range(5):
        rows += [("M", f"i{i}", "a1", 0.0, 1.0), ("M", f"i{i}", "a2", 0.0, 3.0)]
    pred = pd.DataFrame(rows, columns=["model", "item_id", "annotator_id", "rating", "prediction"])
    out = bootstrap_mae(pred, n_boot=200, seed=1)
    assert list(out.columns) == BOOT_COLUMNS
    r = out.iloc[0]
    assert r["mae"] == pytest.approx(2.0)
    assert r["ci_low"] == pytest.approx(2.0) and r["ci_high"] == pytest.approx(2.0)
    assert r["n"] == 10


def test_bootstrap_resamples_items_as_clusters() -> None:
    # Item x: one row with |error| 0; item y: three rows with |error| 1. Drawing 2 items:
    # {x,x} -> 0 (p 1/4), {x,y} -> 3/4 (p 1/2), {y,y} -> 1 (p 1/4).
    rows = [("M", "x", "a0", 0.0, 0.0)] + [("M", "y", f"a{k}", 0.0, 1.0) for k in (1, 2, 3)]
    pred = pd.DataFrame(rows, columns=["model", "item_id", "annotator_id", "rating", "prediction"])
    annotators = pd.DataFrame({"annotator_id": ["a0", "a1", "a2", "a3"], "g": "all"})
    boot = bootstrap_group_mae(pred, annotators, ["g"], n_boot=4000, seed=0)
    reps = boot.replicates[:, 0]
    values, counts = np.unique(np.round(reps, 12), return_counts=True)
    assert values.tolist() == [0.0, 0.75, 1.0]
    assert counts / counts.sum() == pytest.approx([0.25, 0.5, 0.25], abs=0.03)
    out = bootstrap_mae(pred, n_boot=4000, seed=0)
    assert out["mae"].iloc[0] == pytest.approx(0.75)
    assert (out["ci_low"].iloc[0], out["ci_high"].iloc[0]) == (0.0, 1.0)


def test_bootstrap_is_deterministic_and_row_order_free() -> None:
    pred = _pred()
    a = bootstrap_mae(pred, n_boot=300, seed=7)
    b = bootstrap_mae(pred.iloc[::-1], n_boot=300, seed=7)
    pd.testing.assert_frame_equal(a, b.iloc[::-1].reset_index(drop=True))
    assert list(a["model"]) == ["A", "B"]
    assert a["mae"].tolist() == pytest.approx([1.25, 1.0])
    assert (a["ci_low"] <= a["mae"]).all() and (a["mae"] <= a["ci_high"]).all()
    big = _heterogeneous()
    c, d = bootstrap_mae(big, n_boot=200, seed=1), bootstrap_mae(big, n_boot=200, seed=2)
    assert not np.allclose(c["ci_low"], d["ci_low"])  # the seed does drive the resamples


def _heterogeneous(n_items: int = 40, offset: float = 0.05, seed: int = 0) -> pd.DataFrame:
    """Items of very different difficulty; model B errs ``offset`` more on every row."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n_items):
        difficulty = rng.uniform(0, 3)
        for k in range(4):
            err = difficulty + rng.uniform(0, 0.2)
            rating = float(rng.integers(1, 6))
            ann = f"a{k}"
            rows.append(("A", f"i{i}", ann, rating, rating + err))
            rows.append(("B", f"i{i}", ann, rating, rating - err - offset))
    return pd.DataFrame(rows, columns=["model", "item_id", "annotator_id", "rating", "prediction"])


def test_paired_test_detects_a_uniformly_better_model() -> None:
    pred = _heterogeneous()
    boot = bootstrap_mae(pred, n_boot=1000, seed=0)
    a, b = boot.iloc[0], boot.iloc[1]
    # Unpaired intervals overlap heavily: item difficulty dominates the spread ...
    assert a["ci_high"] > b["mae"] and b["ci_low"] < a["mae"]
    # ... but A is better on every item, so the paired test is decisive.
    res = compare_models(pred, "A", "B", n_boot=1000, seed=0)
    assert set(res) == {"diff", "ci_low", "ci_high", "p_value", "significant", "rival"}
    assert res["diff"] == pytest.approx(-0.05) and res["rival"] == "B"
    assert res["ci_high"] < 0
    # all 40 items favour A: no random flip of signs reaches |T| (chance 2 / 2^40)
    assert res["p_value"] == pytest.approx(1 / 1001)
    assert res["significant"] is True
    flipped = compare_models(pred, "B", "A", n_boot=1000, seed=0)
    assert flipped["diff"] == pytest.approx(0.05) and flipped["ci_low"] > 0


def test_paired_test_of_identical_models_is_not_significant() -> None:
    pred = _heterogeneous(offset=0.0)
    pred["prediction"] = np.where(
        pred["model"] == "B", 2 * pred["rating"] - pred["prediction"], pred["prediction"]
    )  # B mirrors A: identical |errors|
    res = compare_models(pred, "A", "B", n_boot=500, seed=0)
    assert res["diff"] == pytest.approx(0.0, abs=1e-12)
    assert res["p_value"] == 1.0
    assert res["significant"] is False


def test_compare_models_validation() -> None:
    pred = _pred()
    with pytest.raises(ValueError, match="differ"):
        compare_models(pred, "A", "A")
    with pytest.raises(ValueError, match="'C'"):
        compare_models(pred, "A", "C")
    with pytest.raises(ValueError, match="annotators"):
        compare_models(pred, "A", "B", attribute="age")


# --------------------------------------------------------------------------- subgroups


def test_demographic_groups_labels_missing_values() -> None:
    ann = pd.DataFrame(
        {"annotator_id": [1, 2, 3], "age": [30.0, np.nan, 41.0], "region": ["n", " ", "s"]}
    )
    g = demographic_groups(pd.Series(["1", "2", "3", "9"]), ann, ["age", "region"])
    assert g["age"].tolist() == ["30", MISSING, "41", MISSING]
    assert g["region"].tolist() == ["n", MISSING, "s", MISSING]
    with pytest.raises(ValueError, match="more than once"):
        demographic_groups(["1"], pd.concat([ann, ann]), ["age"])
    with pytest.raises(KeyError, match="gender"):
        demographic_groups(["1"], ann, ["gender"])
    with pytest.raises(ValueError, match="empty"):
        demographic_groups(["1"], ann, [])


def test_group_mae_matches_hand_computation() -> None:
    t = compute_group_mae(_pred(), _annotators(), ["age", "gender"], n_boot=200, seed=0)
    assert list(t.columns) == GROUP_MAE_COLUMNS
    a_age = t[(t["model"] == "A") & (t["attribute"] == "age")]
    assert a_age["group"].tolist() == ["old", "young", MISSING]  # sorted, missing last
    assert a_age["mae"].tolist() == pytest.approx([0.0, 1.5, 2.0])
    assert a_age["n"].tolist() == [1, 2, 1]
    assert a_age["n_annotators"].tolist() == [1, 1, 1]
    w = _row(t, model="A", attribute="gender", group="w")
    assert (w["n"], w["n_annotators"], w["mae"]) == (3, 2, pytest.approx(1.0))
    assert _row(t, model="B", attribute="age", group="young")["mae"] == pytest.approx(1.5)
    assert (t["ci_low"] <= t["mae"] + 1e-12).all() and (t["mae"] <= t["ci_high"] + 1e-12).all()


def test_group_mae_drops_small_groups() -> None:
    t = compute_group_mae(
        _pred(), _annotators(), ["age", "gender"], n_boot=50, seed=0, min_group_size=2
    )
    # only gender=w has two annotators (a1, a2)
    assert set(zip(t["attribute"], t["group"])) == {("gender", "w")}
    assert sorted(t["model"]) == ["A", "B"]


def test_attribute_mae_is_mean_of_subgroup_maes() -> None:
    boot = bootstrap_group_mae(_pred(), _annotators(), ["age", "gender"], n_boot=300, seed=0)
    am = compute_attribute_mae(boot)
    assert list(am.columns) == ATTRIBUTE_MAE_COLUMNS
    a = _row(am, model="A", attribute="age")
    assert a["mae"] == pytest.approx(3.5 / 3)  # (1.5 + 0 + 2) / 3
    assert a["n_groups"] == 3
    b = _row(am, model="B", attribute="age")
    assert b["mae"] == pytest.approx(2.5 / 3)  # (1.5 + 0.5 + 0.5) / 3
    assert a["ci_low"] <= a["mae"] <= a["ci_high"]
    res = compare_attribute_mae(boot, "A", "B", "age")
    assert res["diff"] == pytest.approx(1 / 3)
    same = compare_models(_pred(), "A", "B", n_boot=300, attribute="age", annotators=_annotators())
    assert same["diff"] == pytest.approx(1 / 3)


def test_attribute_comparison_significant_when_better_in_every_group() -> None:
    pred = _heterogeneous(n_items=30, offset=0.1, seed=2)
    annotators = pd.DataFrame(
        {"annotator_id": ["a0", "a1", "a2", "a3"], "age": ["young", "young", "old", "old"]}
    )
    boot = bootstrap_group_mae(pred, annotators, ["age"], n_boot=800, seed=0)
    res = compare_attribute_mae(boot, "A", "B", "age")
    assert res["diff"] == pytest.approx(-0.1)
    assert res["significant"] is True and res["p_value"] == pytest.approx(1 / 801)
    again = compare_models(pred, "A", "B", n_boot=800, attribute="age", annotators=annotators)
    assert again == res  # same resamples whichever entry point is used


PRED_COLUMNS = ("model", "item_id", "annotator_id", "rating", "prediction")


def test_the_p_value_is_calibrated_under_no_difference() -> None:
    """Issue #12.5: a null test. Two models with the same error law on every item: about 5%
    of datasets come out significant at 0.05 (the bootstrap-centred p was not built for it)."""
    rng = np.random.default_rng(3)
    p_values = []
    for k in range(200):
        difficulty = rng.uniform(0, 2, 60)
        rows = []
        for i, d in enumerate(difficulty):
            for a in range(3):
                rating = float(rng.integers(1, 6))
                for model in ("A", "B"):
                    err = d + rng.normal(0, 0.5)
                    rows.append((model, f"i{i}", f"a{a}", rating, rating + err))
        pred = pd.DataFrame(rows, columns=list(PRED_COLUMNS))
        p_values.append(compare_models(pred, "A", "B", n_boot=400, seed=k)["p_value"])
    share = float(np.mean(np.asarray(p_values) < 0.05))
    assert 0.02 <= share <= 0.09, share


def test_each_attribute_is_tested_against_its_own_next_best_model() -> None:
    """Issue #12.5: seed figure 1 compares with the best other model on that attribute."""
    from analysis.moe import build_report

    rows = []
    rng = np.random.default_rng(0)
    for i in range(30):
        for a, age in (("a0", "young"), ("a1", "young"), ("a2", "young"), ("a3", "old")):
            r = float(rng.integers(1, 6))
            young = age == "young"
            errs = {"MoE": 0.3, "Good on young": 0.2 if young else 1.0, "Fair": 0.5}
            rows += [(m, f"i{i}", a, r, r + e) for m, e in errs.items()]
    pred = pd.DataFrame(rows, columns=list(PRED_COLUMNS)).assign(seen=True)
    people = pd.DataFrame(
        {"annotator_id": ["a0", "a1", "a2", "a3"], "age": ["young", "young", "young", "old"],
         "shift": ["x", "y", "x", "y"]}
    )  # fmt: skip
    report = build_report(pred, pd.DataFrame(), people, ["age", "shift"], None, "MoE", 1, 200)
    # overall (per row): "Good on young" (3 x 0.2 + 1.0) / 4 = 0.4 beats "Fair" 0.5
    assert report.next_best == "Good on young"
    assert report.significance["overall"]["rival"] == "Good on young"
    # age (mean of subgroups): "Good on young" (0.2 + 1.0) / 2 = 0.6, "Fair" 0.5
    assert report.significance["age"]["rival"] == "Fair"
    # shift: x = {a0, a2} 0.2, y = {a1, a3} 0.6, mean 0.4 for "Good on young"
    assert report.significance["shift"]["rival"] == "Good on young"


def test_next_best_model() -> None:
    boot = pd.DataFrame({"model": ["MoE", "PMF", "Jury", "Broken"], "mae": [0.5, 0.9, 0.7, np.nan]})
    assert next_best_model(boot, "MoE") == "Jury"
    assert next_best_model(boot, "Jury") == "MoE"
    assert next_best_model(boot.iloc[:1], "MoE") is None
    metrics = compute_rating_metrics(_pred())
    assert next_best_model(metrics, "B") == "A"
    assert next_best_model(metrics, "A") == "B"
    am = pd.DataFrame(
        {
            "model": ["MoE", "PMF", "MoE", "PMF"],
            "attribute": ["age", "age", "sex", "sex"],
            "mae": [0.5, 0.6, 0.5, 0.4],
        }
    )
    assert next_best_model(am, "PMF", attribute="sex") == "MoE"
    with pytest.raises(ValueError, match="attribute"):
        next_best_model(am, "MoE")


# --------------------------------------------------------------------------- plots


def _titles(fig: go.Figure) -> tuple[str | None, str | None]:
    return fig.layout.xaxis.title.text, fig.layout.yaxis.title.text


def test_plot_model_comparison_sorted_with_error_bars() -> None:
    boot = bootstrap_mae(_heterogeneous(), n_boot=100)
    fig = plot_model_comparison(boot)
    assert isinstance(fig, go.Figure) and len(fig.data) == 1
    bar = fig.data[0]
    assert list(bar.y) == ["A", "B"]  # ascending MAE, best first
    assert np.all(np.asarray(bar.error_x.array) >= 0)
    assert _titles(fig) == ("MAE (lower is better)", "model")


def test_plot_group_and_attribute_mae() -> None:
    boot = bootstrap_group_mae(_pred(), _annotators(), ["age", "gender"], n_boot=100)
    fig = plot_group_mae(boot.table, "age")
    assert isinstance(fig, go.Figure)
    assert [t.name for t in fig.data] == ["A", "B"]
    assert list(fig.data[0].x) == ["old", "young", MISSING]
    assert _titles(fig) == ("age", "MAE (lower is better)")
    with pytest.raises(ValueError, match="available"):
        plot_group_mae(boot.table, "income")

    am = compute_attribute_mae(boot)
    fig = plot_attribute_mae(am, {"age": True, "gender": False}, highlight_model="B")
    bars = [t for t in fig.data if isinstance(t, go.Bar)]
    stars = [t for t in fig.data if isinstance(t, go.Scatter)]
    assert [t.name for t in bars] == ["A", "B"]
    assert len(stars) == 1 and list(stars[0].text) == ["*"]
    # the star sits over B's age bar, above its interval
    b_bar = bars[1]
    assert stars[0].x[0] == pytest.approx(b_bar.x[0])
    assert stars[0].y[0] > _row(am, model="B", attribute="age")["ci_high"]
    assert _titles(fig) == ("demographic attribute", "mean MAE across subgroups (lower is better)")
    assert len([t for t in plot_attribute_mae(am).data if isinstance(t, go.Scatter)]) == 0
    with pytest.raises(ValueError, match="DEM-MoE"):
        plot_attribute_mae(am, {"age": True})


def test_plot_seen_unseen_panels() -> None:
    fig = plot_seen_unseen(compute_rating_metrics(_pred()))
    assert isinstance(fig, go.Figure)
    assert len(fig.data) == 6  # 2 models x 3 metrics
    assert [t.showlegend for t in fig.data[:3]] == [True, False, False]
    assert list(fig.data[0].x) == ["all", "seen", "unseen"]
    assert fig.layout.xaxis.title.text == "annotators"
    assert fig.layout.yaxis.title.text == "MAE (lower is better)"
    assert fig.layout.yaxis2.title.text == "Pearson r (higher is better)"
    assert fig.layout.yaxis3.title.text == "EMD (lower is better)"
    assert fig.data[0].y[0] == pytest.approx(1.25)
