"""Value-profile clustering (Algorithm 2): loss table, greedy search, assignment, summary."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from analysis.profiles.clusters import compute_cluster_summary
from analysis.profiles.plot_clusters import plot_profile_clusters
from engines.profiles.clustering import (
    ProfileClustering,
    assign_to_profiles,
    build_loss_table,
    greedy_profile_clustering,
)
from tests.unit.profiles.toys import assert_figure, planted_table


def test_build_loss_table_matches_loop() -> None:
    rng = np.random.default_rng(0)
    n_items, n_cand, n_cls, n_raters, n_ratings = 7, 5, 3, 6, 40
    probs = rng.dirichlet(np.ones(n_cls), size=(n_items, n_cand))
    probs[0, 0] = [1.0, 0.0, 0.0]  # exercise the clip
    items = rng.integers(0, n_items, n_ratings)
    labels = rng.integers(0, n_cls, n_ratings)
    raters = rng.integers(0, n_raters - 1, n_ratings)  # last rater has no ratings
    items[0], labels[0] = 0, 1
    expected = np.zeros((n_raters, n_cand))
    for j, y, i in zip(items, labels, raters):
        for k in range(n_cand):
            expected[i, k] -= math.log(max(probs[j, k, y], 1e-12))
    got = build_loss_table(probs, items, labels, raters, n_raters)
    assert got.shape == (n_raters, n_cand)
    np.testing.assert_allclose(got, expected)
    assert np.all(got[-1] == 0)
    assert np.isfinite(got).all()


def test_build_loss_table_rejects_out_of_range() -> None:
    probs = np.full((2, 2, 2), 0.5)
    with pytest.raises(ValueError):
        build_loss_table(probs, np.array([2]), np.array([0]), np.array([0]), 1)
    with pytest.raises(ValueError):
        build_loss_table(probs, np.array([0]), np.array([0]), np.array([1]), 1)


def _brute_force(table: np.ndarray, n_clusters: int) -> float:
    return min(
        table[:, list(c)].min(axis=1).sum()
        for c in itertools.combinations(range(table.shape[1]), n_clusters)
    )


@pytest.mark.parametrize("init", [None, [0, 1], [9, 4], [3, 5]])
def test_clustering_recovers_planted_structure(init: list[int] | None) -> None:
    table, truth = planted_table()
    res = greedy_profile_clustering(table, 2, init=init, seed=1)
    assert isinstance(res, ProfileClustering)
    assert sorted(res.chosen.tolist()) == [3, 9]
    planted = np.where(truth == 0, 3, 9)
    np.testing.assert_array_equal(res.chosen[res.assignments], planted)
    assert res.converged
    assert res.total_loss == pytest.approx(table[:, [3, 9]].min(axis=1).sum())
    assert res.total_loss == pytest.approx(_brute_force(table, 2))


def test_clustering_loss_never_increases() -> None:
    for seed in range(15):
        rng = np.random.default_rng(seed)
        table = rng.exponential(1.0, size=(30, 15))
        res = greedy_profile_clustering(table, 4, seed=seed, max_iter=50)
        hist = res.loss_history
        assert len(hist) == res.n_iter + 1
        assert np.all(np.diff(hist) <= 1e-12)
        assert res.total_loss == pytest.approx(table[:, res.chosen].min(axis=1).sum())
        assert res.total_loss >= _brute_force(table, 4) - 1e-9
        assert len(set(res.chosen.tolist())) == 4
        # truncating the search gives the same trajectory
        for m in range(res.n_iter + 1):
            short = greedy_profile_clustering(table, 4, seed=seed, max_iter=m)
            assert short.total_loss == pytest.approx(hist[m])


def test_clustering_one_pass_matches_manual_coordinate_step() -> None:
    # rows: raters; columns: candidates. Start from [0, 1].
    table = np.array(
        [
            [1.0, 5.0, 2.0, 9.0],
            [6.0, 4.0, 3.0, 0.5],
            [7.0, 6.0, 3.0, 1.0],
        ]
    )
    # slot 0 (others={1}: floor [5,4,6]): cand 0 -> 1+4+6=11, 2 -> 2+3+3=8, 3 -> 5+0.5+1=6.5
    # -> 3. slot 1 (others={3}: floor [9,.5,1]): cand 0 -> 1+.5+1=2.5, 1 -> 5+.5+1=6.5,
    # 2 -> 2+.5+1=3.5 -> 0. Set after pass 1: [3, 0] with loss 2.5; pass 2 unchanged.
    res = greedy_profile_clustering(table, 2, init=[0, 1], max_iter=1)
    assert res.chosen.tolist() == [3, 0]
    assert res.total_loss == pytest.approx(2.5)
    assert not res.converged and res.n_iter == 1
    np.testing.assert_allclose(res.loss_history, [1 + 4 + 6, 2.5])
    full = greedy_profile_clustering(table, 2, init=[0, 1])
    assert full.chosen.tolist() == [3, 0] and full.converged and full.n_iter == 2
    np.testing.assert_array_equal(full.assignments, [1, 0, 0])


def test_clustering_keeps_current_profile_on_ties() -> None:
    rng = np.random.default_rng(7)
    table = rng.exponential(1.0, size=(10, 5))
    table[:, 0] = table[:, 4] = table.min(axis=1) - 0.1  # 0 and 4 tie and are best
    res = greedy_profile_clustering(table, 2, init=[4, 1])
    assert res.chosen.tolist() == [4, 1]  # the tied lower-index 0 does not replace 4
    assert res.converged and res.n_iter == 1  # with 4 chosen, every slot-1 choice ties


def test_clustering_with_all_candidates_and_with_one() -> None:
    rng = np.random.default_rng(5)
    table = rng.exponential(1.0, size=(25, 6))
    res = greedy_profile_clustering(table, 6, seed=2)
    assert sorted(res.chosen.tolist()) == list(range(6))
    assert res.total_loss == pytest.approx(table.min(axis=1).sum())
    np.testing.assert_array_equal(res.chosen[res.assignments], table.argmin(axis=1))
    assert res.converged and res.n_iter == 1
    one = greedy_profile_clustering(table, 1, seed=2)
    assert one.chosen.tolist() == [int(table.sum(axis=0).argmin())]
    assert np.all(one.assignments == 0)


def test_clustering_validates_arguments() -> None:
    table = np.ones((3, 4))
    with pytest.raises(ValueError):
        greedy_profile_clustering(table, 5)
    with pytest.raises(ValueError):
        greedy_profile_clustering(table, 2, init=[1, 1])
    with pytest.raises(ValueError):
        greedy_profile_clustering(table, 2, init=[0, 4])


def test_assign_to_profiles_new_raters() -> None:
    table, _ = planted_table()
    res = greedy_profile_clustering(table, 2, init=[3, 9])
    new = np.full((3, table.shape[1]), 10.0)
    new[0, 9], new[1, 3], new[2, 0] = 1.0, 1.0, 0.1  # candidate 0 is not a cluster
    new[2, 9] = 5.0
    got = assign_to_profiles(new, res.chosen)
    np.testing.assert_array_equal(res.chosen[got], [9, 3, 9])


def test_cluster_summary() -> None:
    table = np.array([[1.0, 5.0, 2.0, 9.0], [6.0, 4.0, 3.0, 0.5], [7.0, 6.0, 3.0, 1.0]])
    res = greedy_profile_clustering(table, 2, init=[0, 1])  # -> chosen [3, 0]
    out = compute_cluster_summary(res, table, profiles=["a", "b", "c", "d"])
    assert out["profile"].tolist() == ["d", "a"]
    assert out["n_raters"].tolist() == [2, 1]
    np.testing.assert_allclose(out["share"], [2 / 3, 1 / 3])
    np.testing.assert_allclose(out["mean_loss"], [0.75, 1.0])


def test_plot_profile_clusters() -> None:
    table, _ = planted_table()
    res = greedy_profile_clustering(table, 2, init=[3, 9])
    df = compute_cluster_summary(res, table, profiles=[f"profile {k}" for k in range(12)])
    fig = plot_profile_clusters(df)
    assert_figure(fig, "raters")
    assert sum(fig.data[0].x) == table.shape[0]
