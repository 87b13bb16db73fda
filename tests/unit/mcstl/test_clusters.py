"""Value clusters from rationales, tags and demographics (issue #14)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from engines.mcstl.clusters import (
    RationaleClusters,
    cross_sections,
    demographic_clusters,
    k_sweep,
    tag_clusters,
)


def test_tags_give_multi_membership_and_fixed_columns_for_new_rows() -> None:
    fitted = tag_clusters(pd.Series(["harm;respect", "civility", None, " harm "]))
    assert fitted.names == ("civility", "harm", "respect")
    assert fitted.membership.tolist() == [[0, 1, 1], [1, 0, 0], [0, 0, 0], [0, 1, 0]]
    new = tag_clusters(pd.Series(["respect;unknown"]), names=fitted.names)
    assert new.membership.tolist() == [[0, 0, 1]]  # an unseen tag adds no column
    assert fitted.sizes.to_dict() == {"civility": 1, "harm": 2, "respect": 1}


def test_cross_sections_merge_groups_below_the_privacy_minimum() -> None:
    ann = pd.DataFrame(
        {"annotator_id": list("abcdefg"), "age": ["18-29"] * 3 + ["60+"] * 3 + ["30-44"],
         "gender": ["woman"] * 6 + ["man"]}
    )  # fmt: skip
    sections = cross_sections(ann, ["age", "gender"], min_group_size=2)
    assert sections["a"] == "age=18-29 · gender=woman"
    assert sections["g"] == "merged (<2 annotators)"
    clusters = demographic_clusters(["a", "d", "g", "a"], sections)
    assert clusters.names == (
        "age=18-29 · gender=woman", "age=60+ · gender=woman", "merged (<2 annotators)",
    )  # fmt: skip
    assert clusters.membership.argmax(1).tolist() == [0, 1, 2, 0]
    with pytest.raises(KeyError, match="region"):
        cross_sections(ann, ["region"], 2)


def _blobs(n: int = 300, k: int = 3, seed: int = 0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(k, 16)) * 3
    truth = rng.integers(0, k, n)
    return centres[truth] + rng.normal(size=(n, 16)), truth


def test_kmeans_sweep_picks_the_planted_k_and_recovers_the_groups() -> None:
    emb, truth = _blobs()
    sweep = k_sweep(emb)
    assert sweep.loc[sweep["silhouette"].idxmax(), "k"] == 3
    model = RationaleClusters().fit(emb)
    assert adjusted_rand_score(truth, model.labels_) > 0.95
    # a random partition scores about 0: the threshold is far above chance
    rng = np.random.default_rng(1)
    assert adjusted_rand_score(truth, rng.integers(0, 3, len(truth))) < 0.05
    new, new_truth = _blobs(seed=0)
    assert adjusted_rand_score(new_truth, model.assign(new)) > 0.95


def test_hdbscan_after_umap_finds_separated_groups() -> None:
    emb, truth = _blobs(n=240)
    model = RationaleClusters(method="hdbscan", min_cluster_size=20).fit(emb)
    assert adjusted_rand_score(truth, model.labels_) > 0.9


def test_blank_rationales_join_no_cluster() -> None:
    emb, _ = _blobs(n=60)
    model = RationaleClusters(k=3).fit(emb)
    present = np.arange(60) % 4 != 0
    clusters = model.clusters(emb, present)
    assert clusters.membership.shape == (60, 3)
    assert (clusters.membership[~present].sum(1) == 0).all()
    assert (clusters.membership[present].sum(1) == 1).all()
