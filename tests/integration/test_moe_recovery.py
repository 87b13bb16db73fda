"""Recovery on the bundled sample: DEM-MoE's experts specialise along the planted attribute.

The sample plants age as the dominant demographic effect (profanity and harassment items, see
sample_data/README.md); gender has a weaker one, race and education none. Uses the real
all-MiniLM-L6-v2 encoder (offline), so it is marked slow.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from analysis.moe import build_report
from engines.data.load import load_dataset
from engines.moe import MoERunConfig, run_comparison
from engines.text import EmbeddingCache, embed_items, embed_with, make_encoder

pytestmark = pytest.mark.slow
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "annotations.csv"


@pytest.fixture(scope="module")
def report():
    return _report()


def _report():
    ds = load_dataset(SAMPLE, name="sample")
    cache = EmbeddingCache()  # the run's cache (tests/conftest.py): the sample is encoded once
    items = embed_items(ds, embed_with(make_encoder(), cache))
    cfg = MoERunConfig(models=("mean", "text", "moe"), seed=0)
    result = run_comparison(ds, items.item_ids, items.vectors, cfg)
    return build_report(
        result.predictions,
        result.routing,
        result.annotators,
        result.attributes,
        result.moe.module_.n_experts,
        n_boot=300,
    )


def test_planted_attribute_has_the_largest_specialisation(report) -> None:
    kl = report.kl.set_index("attribute")["normalised_kl"]
    assert kl.idxmax() == "age", kl
    # Routing that ignored demographics would give every attribute ~0; age must stand out.
    assert kl["age"] > 3 * kl.drop("age").max(), kl


def test_ridge_clustermap_puts_age_first(report) -> None:
    ridge = report.ridge
    attr = ridge.index.to_series().str.split("=").str[0]
    strength = ridge.abs().sum(axis=1).groupby(attr.to_numpy()).mean()
    assert strength.idxmax() == "age", strength


def test_dem_moe_beats_mean_and_text_only(report) -> None:
    table = report.models.set_index("model")
    moe = table.loc["DEM-MoE"]
    assert moe["mae"] < table.loc["Text only", "mae"]
    # non-overlapping bootstrap CIs against the mean predictor
    assert moe["ci_high"] < table.loc["Mean predictor", "ci_low"]
    assert np.isfinite(moe["emd"]) and moe["pearson"] > 0.5


def test_specialisation_is_stable_under_the_usage_prior(report) -> None:
    """Issue #12.4: halving or doubling the Dirichlet prior moves every attribute's KL / log K
    and JSD by < 10% where the score is material (the planted attribute), and changes no
    attribute's rank under either score."""
    from engines.moe.usage import USAGE_PRIOR, compute_specialisation_kl

    n_experts = int(report.usage["expert"].max()) + 1
    default = USAGE_PRIOR / n_experts
    scores = {
        a: compute_specialisation_kl(report.usage, n_experts, prior=a).set_index("attribute")
        for a in (default / 2, default, default * 2)
    }
    base = scores[default]
    assert base.equals(compute_specialisation_kl(report.usage, n_experts).set_index("attribute"))
    for prior, table in scores.items():
        for col in ("normalised_kl", "jsd_bits"):
            change = (table[col] / base[col] - 1).abs()
            assert change.loc["age"] < 0.10, (prior, col, table)
            assert list(table[col].rank()) == list(base[col].rank()), (prior, col, table)
    assert base["jsd_bits"].idxmax() == "age"


def test_usage_counts_every_routed_annotation(report) -> None:
    """The router reads no label: usage counts the train, dev and test annotations."""
    n = report.usage.groupby(["attribute", "group"])["n"].first().groupby(level=0).sum()
    assert (n == n.iloc[0]).all(), n
    assert n.iloc[0] > 3000, n  # the sample's 6,120 annotations, not the test split's ~800


def test_the_routing_note_counts_the_experts_used(report) -> None:
    """Issue #12.8: effective experts are reported with the heatmap."""
    summary = report.routing_summary
    assert 1.0 <= summary["effective"] <= summary["n_experts"]
    assert summary["active"] + len(summary["idle"]) == summary["n_experts"]
    assert report.routing_note.startswith("Effective experts: ")
