"""The edit curriculum: hand-computed targets and lesson pairs."""

from __future__ import annotations

import numpy as np

from engines.profiles.curriculum import Curriculum, build_curriculum
from engines.profiles.phrasing import STRENGTHS, Phrasing


def _toy() -> Curriculum:
    members = np.array([[1, 1, 0, 0], [0, 0, 1, 0]], bool)
    return Curriculum(
        texts=["A", "B", "C"],
        topic=np.array([0, 1, -1]),
        target=np.array([0.7, -1.0, 0.4]),
        members=members,
        topic_names=["a", "b"],
    )


def test_targets_move_the_topic_only_and_global_moves_everything() -> None:
    cur = _toy()
    stmt = np.array([0, 0, 0, 1, 1, 2, 2])
    item = np.array([0, 1, 2, 2, 3, 0, 3])
    np.testing.assert_allclose(cur.targets(stmt, item), [0.7, 0.7, 0, -1.0, 0, 0.4, 0.4])


def test_pairs_draw_half_from_the_topic() -> None:
    cur = _toy()
    stmt, item, target = cur.pairs(per_statement=5, seed=0)
    assert len(stmt) == len(item) == len(target) == 3 * 10
    first = item[stmt == 0][:5]
    assert set(first) <= {0, 1}
    np.testing.assert_allclose(target, cur.targets(stmt, item))
    again = cur.pairs(per_statement=5, seed=0)
    assert all(np.array_equal(x, y) for x, y in zip((stmt, item, target), again, strict=True))


def test_build_curriculum_covers_both_directions_per_theme() -> None:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(4, 16))
    emb = np.repeat(centres, 10, axis=0) + 0.01 * rng.normal(size=(40, 16))
    words = ["cats dogs", "cars roads", "rain snow", "songs bands"]
    texts = [f"{words[k // 10]} {k}" for k in range(40)]
    cur = build_curriculum(
        [str(k) for k in range(40)], texts, emb, Phrasing("offensive"), (4, 32), per_topic=4
    )
    assert cur.members.shape == (4, 40)  # 32 > 40 // 2 is skipped
    assert cur.members.sum(0).tolist() == [1] * 40
    for t in range(4):
        signs = np.sign(cur.target[cur.topic == t])
        assert set(signs) == {-1.0, 1.0}
    assert (cur.topic == -1).sum() == 16
    assert set(np.abs(cur.target)) <= set(STRENGTHS.values())
