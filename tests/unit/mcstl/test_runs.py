"""MC-STL comparisons kept on disk: what the page shows comes back the same."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from analysis.mcstl.runs import compute_run_comparison
from engines.core.run_store import RunStore
from engines.mcstl.runs import load_mcstl_run, mcstl_settings, save_mcstl_run
from engines.mcstl.scores import annotation_nll
from engines.mcstl.workflow import MCSTLRunConfig, run_mcstl
from tests.unit.mcstl.toys import FAST, fake_embed, strict_raters


@pytest.fixture(scope="module")
def kept():  # noqa: ANN201
    ds, item_ids, emb = strict_raters()
    cfg = MCSTLRunConfig(source="rationale", model=FAST, rationale_k=2, min_group_size=1, seed=3)
    return run_mcstl(ds, item_ids, emb, cfg, embed=fake_embed), cfg


def test_a_kept_comparison_comes_back_as_the_page_shows_it(kept, tmp_path) -> None:
    result, cfg = kept
    store = RunStore(tmp_path)
    record = save_mcstl_run(store, "fp", result, cfg, "toy")
    assert (record.wing, record.seed) == ("mcstl", 3) and "seed" not in mcstl_settings(cfg)
    back = load_mcstl_run(store, record.run_id)
    pd.testing.assert_frame_equal(back.predictions, result.predictions)
    pd.testing.assert_frame_equal(back.train_rows, result.train_rows)
    np.testing.assert_array_equal(back.membership, result.membership)
    np.testing.assert_array_equal(back.clusters.membership, result.clusters.membership)
    assert (back.clusters.names, back.clusters.source) == (
        result.clusters.names, result.clusters.source
    )  # fmt: skip
    assert back.class_names == result.class_names and back.split_sizes == result.split_sizes
    np.testing.assert_allclose(back.rationale_model.centroids_, result.rationale_model.centroids_)
    assert {k: m.config for k, m in back.models.items()} == {
        k: m.config for k, m in result.models.items()
    }
    # the headline is each variant's mean test log loss, by hand for one variant
    rows = result.predictions[result.predictions["variant"] == "mcstl"]
    p = rows.filter(regex=r"^p_\d+$").to_numpy()[np.arange(len(rows)), rows["label_code"]]
    assert record.headline["mcstl"] == pytest.approx(-np.log(p).mean(), abs=1e-4)


def test_two_runs_compare_by_log_loss(kept, tmp_path) -> None:
    result, cfg = kept
    store = RunStore(tmp_path)
    a = save_mcstl_run(store, "fp", result, cfg)
    b = save_mcstl_run(store, "fp", result, replace(cfg, seed=4))
    assert a.run_id != b.run_id
    same = compute_run_comparison(result.predictions, result.predictions, n_boot=100)
    assert (same["diff"] == 0).all() and (same["diff_ci_high"] == 0).all()
    worse = result.predictions.copy()
    cols = [c for c in worse.columns if c.startswith("p_")]
    worse[cols] = 1.0 / len(cols)  # every variant's predictions flattened to uniform
    flat = compute_run_comparison(result.predictions, worse, n_boot=100).set_index("variant")
    expected = (
        np.log(len(cols)) - annotation_nll(result.predictions).groupby("variant")["nll"].mean()
    )
    assert flat["diff"].to_dict() == pytest.approx(expected.to_dict())
