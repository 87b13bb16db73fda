"""The Synthetic perspectives report section: grid, audit, annotator models, all labelled."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.report import render_report
from analysis.report.synthetic import SYNTHETIC_NOTE, synthetic_section
from analysis.synthetic import compute_model_fit
from engines.data.validation import build_dataset
from engines.moe import MoEConfig
from engines.synthetic import (
    ImputationConfig,
    SyntheticRunConfig,
    compare_annotator_models,
    make_synthetic,
    run_blending,
    synthetic_twins,
)
from ui.profiles import LLMSettings
from ui.synthetic import SyntheticForm, SyntheticRun

T0 = datetime(2026, 1, 1, tzinfo=UTC)
SEED = 7  # not the default 0: the methods must carry the seed used
SETS = ("0.5x", "1x")


def _dataset():  # noqa: ANN202
    """Young raters rate 1.5 points above old ones; 10 raters per item; texts carry severity."""
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(60, 8)).astype(np.float32)
    rows = []
    for i in range(60):
        split = "train" if i < 40 else ("dev" if i < 50 else "test")
        for a in range(10):
            young = a % 2 == 0
            label = np.clip(np.rint(3 + emb[i, 0] + (0.75 if young else -0.75)
                                    + rng.normal(0, 0.4)), 1, 5)  # fmt: skip
            rows.append({"item_id": f"i{i:02d}", "text": f"t{i}", "annotator_id": f"a{a}",
                         "label": int(label), "age": "young" if young else "old",
                         "split": split})  # fmt: skip
    return build_dataset(pd.DataFrame(rows), name="toy"), [f"i{i:02d}" for i in range(60)], emb


@pytest.fixture(scope="module")
def made():  # noqa: ANN201
    """A stored run as the page keeps it (two imputed sets, every blend) and twins' models."""
    ds, ids, emb = _dataset()
    model = MoEConfig().with_train(max_epochs=15, seed=SEED)
    cfg = SyntheticRunConfig(strategies=SETS, model=model, seed=SEED, holdout_annotators=0.0,
                             imputation=ImputationConfig(model=model), n_clusters=2,
                             n_representatives=3)  # fmt: skip
    result = run_blending(ds, ids, emb, make_synthetic(ds, ids, emb, cfg), cfg)
    llm = LLMSettings("http://endpoint", "m", 5.0, "offensiveness", api_key="SECRET-KEY")
    form = SyntheticForm(strategies=SETS, max_epochs=15, seed=SEED, llm=llm)
    twins = synthetic_twins(ds, ids, emb, cfg, "weak")
    pred = compare_annotator_models({"human": ds, "synthetic": twins}, ids, emb,
                                    models=("text", "moe"), max_epochs=5)  # fmt: skip
    return ds, SyntheticRun(form, result), ("weak", compute_model_fit(pred))


@pytest.fixture(scope="module")
def section(made):  # noqa: ANN001, ANN201
    ds, run, fit = made
    return synthetic_section(ds, run, model_fit=fit, encoder="hashing-64", min_group_size=2)


def test_every_figure_is_titled_and_every_table_filled(section) -> None:  # noqa: ANN001
    captions = [c for c, _ in section.figures]
    assert captions[0].startswith("Blending grid")
    assert captions[-1] == "Annotator models on human vs synthetic labels"
    for name in SETS:  # every set audited, its figures named by the set
        assert f"Synthetic set “{name}”: homogenisation" in captions
    for _, fig in section.figures:
        assert isinstance(fig, go.Figure) and fig.layout.title.text
    for caption, table in section.tables:
        assert isinstance(table, pd.DataFrame) and len(table), caption
    tables = dict(section.tables)
    grid = tables["Blending grid: DEM-MoE's test MAE per cell (real test annotations)"]
    assert list(grid["model"])[0] == "real only" and len(grid) == 1 + 3 * len(SETS)
    homog = tables["Homogenisation (synthetic vs human)"]
    assert list(homog["synthetic_set"]) == [s for s in SETS for _ in range(2)]


def test_takeaways_are_labelled_synthetic_and_state_the_results_numbers(section) -> None:  # noqa: ANN001
    assert all(isinstance(t, str) and t.strip() for t in section.takeaways)
    assert all(re.match(r"(Blending synthetic|Synthetic set|Synthetic twins)", t)
               for t in section.takeaways)  # fmt: skip
    assert len(section.takeaways) == 1 + 2 * len(SETS) + 1
    tables = dict(section.tables)
    grid = tables["Blending grid: DEM-MoE's test MAE per cell (real test annotations)"]
    cells = grid[grid["blending"] != "real only"]
    best = cells.sort_values("category_mae").iloc[0]
    assert f"{best['model']}" in section.takeaways[0]
    assert f"{best['vs_real']:+.3f}" in section.takeaways[0], section.takeaways[0]
    homog = tables["Homogenisation (synthetic vs human)"]
    first = homog[(homog["synthetic_set"] == SETS[0]) & (homog["source"] == "synthetic")].iloc[0]
    assert f"α {first['alpha']:.2f} (synthetic)" in section.takeaways[1], section.takeaways[1]
    fit = tables["Annotator models on human vs synthetic (weak) labels"]
    text_only = fit[(fit["source"] == "human") & (fit["model"] == "Text only")].iloc[0]
    assert f"text only ({text_only['mae']:.3f})" in section.takeaways[-1], section.takeaways[-1]


def test_methods_carry_the_seed_and_settings_but_never_the_key(made, section) -> None:  # noqa: ANN001
    m = section.methods
    assert m["seed"] == SEED and m["max_epochs"] == 15 and m["strategies"] == SETS
    assert m["note"] == SYNTHETIC_NOTE and m["synthetic twins"] == "weak"
    assert set(m["synthetic sets"]) == set(SETS) and m["text encoder"] == "hashing-64"
    assert "llm" not in m and "llm_limit" not in m  # the imputation run's form hides them
    html = render_report([section], title="t", about={}, now=T0)
    assert "<th>seed</th><td>7</td>" in html
    ds, run, _ = made
    grid = dict(section.tables)[
        "Blending grid: DEM-MoE's test MAE per cell (real test annotations)"
    ]
    as_llm = SyntheticRun(dataclasses.replace(run.form, generator="llm"), run.result)
    m = synthetic_section(ds, as_llm, grid=(grid, grid.iloc[:0]), sets=[]).methods
    assert m["llm"]["model"] == "m" and "api_key" not in m["llm"] and "strategies" not in m
    assert "SECRET-KEY" not in str(m)


def test_the_report_draws_one_plot_per_figure(section) -> None:  # noqa: ANN001
    html = render_report([section], title="t", about={}, now=T0)
    assert html.count('class="plotly-graph-div"') == len(section.figures) >= 2 + len(SETS)


def test_a_precomputed_grid_and_a_chosen_set_are_used_as_given(made, section) -> None:  # noqa: ANN001
    ds, run, _ = made
    tables = dict(section.tables)
    grid = tables["Blending grid: DEM-MoE's test MAE per cell (real test annotations)"]
    given = (grid.assign(category_mae=grid["category_mae"] + 1.0), grid.iloc[:0])
    one = synthetic_section(ds, run, grid=given, sets=[SETS[1]])
    shown = dict(one.tables)["Blending grid: DEM-MoE's test MAE per cell (real test annotations)"]
    assert shown["category_mae"].equals(given[0]["category_mae"])
    assert [t for t in one.takeaways if t.startswith("Synthetic set")] == [
        t for t in one.takeaways if f"“{SETS[1]}”" in t
    ]
    assert "MAE by demographic category" not in dict(one.tables)  # the empty part is left out
