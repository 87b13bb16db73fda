"""MC-STL on the bundled sample with the real MiniLM encoder (issue #14).

The sample plants a value orientation (harm avoidance / free expression) that shapes the ratings
of religion and politics items and the wording of every rationale (sample_data/README.md).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from analysis.mcstl import compute_calibration, compute_results_table
from engines.data.load import load_dataset
from engines.mcstl import MCSTLConfig, MCSTLRunConfig, RationaleClusters, run_mcstl
from engines.text import EmbeddingCache, embed_items, embed_with, make_encoder

pytestmark = pytest.mark.slow
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data"


@pytest.fixture(scope="module")
def sample():
    ds = load_dataset(SAMPLE / "annotations.csv", name="sample")
    embed = embed_with(make_encoder(), EmbeddingCache())
    return ds, embed


def test_rationale_clusters_follow_the_planted_orientation_beyond_chance(sample) -> None:
    """ARI of k-means rationale clusters against the planted orientation on every human
    annotation with a rationale (measured 1.000: each lens has its own words); the bar is set
    from random partitions (20 draws), so replacing the clustering by chance fails it."""
    ds, embed = sample
    truth = pd.read_csv(SAMPLE / "annotator_truth.csv").set_index("annotator_id")["orientation"]
    rows = ds.df[ds.df["rationale"].fillna("").astype(str).str.strip() != ""]
    rows = rows[rows["annotator_id"].map(truth) != "none"]
    orientation = rows["annotator_id"].map(truth).to_numpy()
    texts = rows["rationale"].astype(str).tolist()
    distinct = sorted(set(texts))
    vectors = embed(distinct)
    index = {t: i for i, t in enumerate(distinct)}
    model = RationaleClusters(k=2).fit(vectors)
    labels = model.assign(vectors[[index[t] for t in texts]])
    ari = adjusted_rand_score(orientation, labels)
    rng = np.random.default_rng(0)
    chance = max(
        abs(adjusted_rand_score(orientation, rng.integers(0, 2, len(labels)))) for _ in range(20)
    )
    print(f"ARI {ari:.3f}, chance {chance:.3f}")
    assert ari > chance + 0.5, (ari, chance)


def test_mcstl_with_rationale_clusters_is_calibrated_per_cluster_on_the_sample(sample) -> None:
    """Five-fold cross-fitting (every human annotation predicted out of fold), K = 2 rationale
    clusters, location-scale CORAL. Measured: AUC 0.781 vs 0.720 (no clusters) and 0.678 (Maj);
    mean |slope - 1| over the 2 clusters x 4 sub-tasks 0.064 vs 0.316 and 0.442; MC-STL's
    slopes 0.93-1.00 except the free-expression cluster's y > 3 (label 5, 3.6% of its ratings:
    0.71, 95% item-bootstrap interval 0.46-1.05, so not shown to be off), where the baselines
    give 0.16 and 0.10."""
    ds, embed = sample
    items = embed_items(ds, embed)
    cfg = MCSTLRunConfig(
        source="rationale", rationale_k=2, folds=5, model=MCSTLConfig(dispersion=True)
    )
    result = run_mcstl(ds, items.item_ids, items.vectors, cfg, embed)
    names = result.clusters.names
    table = compute_results_table(result.predictions, result.membership, names).set_index("model")
    assert table.loc["MC-STL", "auc"] > table.loc["∅ (no clusters)", "auc"] + 0.03, table
    assert table.loc["MC-STL", "auc"] > table.loc["Maj(Y)", "auc"] + 0.03, table
    calib = compute_calibration(result.predictions, result.membership, names)
    off = calib.assign(off=(calib["slope"] - 1).abs()).groupby("variant")["off"].mean()
    assert off["mcstl"] < 0.5 * off["no_info"] and off["mcstl"] < 0.5 * off["majority"], off
    print(calib.round(3).to_string())
    ours = calib[calib["variant"] == "mcstl"]
    assert ours["slope"].between(0.85, 1.15).sum() >= len(ours) - 1, calib
    # no MC-STL slope is shown to lie outside 0.85-1.15: each 95% item-bootstrap interval
    # meets the band; each baseline has a slope whose interval lies wholly outside it
    outside = (calib["slope_high"] < 0.85) | (calib["slope_low"] > 1.15)
    assert not outside[calib["variant"] == "mcstl"].any(), calib
    assert outside[calib["variant"] == "no_info"].any(), calib
    assert outside[calib["variant"] == "majority"].any(), calib
