"""The edit curriculum: what a statement about a topic should do to the topic's items.

Real raters' profiles teach the statement decoder how written statements relate to ratings,
but they cover a few themes and one writer's wording. The curriculum adds the meaning of an
edit directly: statements about item themes found at several granularities (k-means over item
embeddings, named by c-TF-IDF keywords), phrased at random in both directions and three
strengths (:mod:`~engines.profiles.phrasing`), each with its *target*: move the theme's items by
``direction * strength`` (a share of a strong statement's shift) and leave the other items
alone; a global statement ("I rate most things ...") moves every item. The decoder is trained
to match these targets alongside the real ratings (:class:`~.statement_decoder.StatementDecoder`).

Torch-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from engines.profiles.phrasing import STRENGTHS, Phrasing, topic_phrase
from engines.profiles.themes import find_themes

__all__ = ["Curriculum", "build_curriculum"]


@dataclass
class Curriculum:
    """Statements with the shift each should cause on every item."""

    texts: list[str]
    topic: np.ndarray
    """Row of ``members`` for each statement; -1 for a global statement."""
    target: np.ndarray
    """``direction * strength`` of each statement, in (-1, 1]."""
    members: np.ndarray
    """``bool [n_topics, n_items]``: which items each topic covers."""
    topic_names: list[str]
    """Keywords of each topic, for display."""

    def pairs(self, per_statement: int, seed: int = 0) -> tuple[np.ndarray, ...]:
        """Lesson pairs ``(statement, item, target)``, aligned arrays.

        Per statement: ``per_statement`` items of its topic (any items for a global one) and
        as many drawn from all items.
        """
        rng = np.random.default_rng(seed)
        n_items = self.members.shape[1]
        stmt, item = [], []
        for k, topic in enumerate(self.topic):
            pool = np.flatnonzero(self.members[topic]) if topic >= 0 else np.arange(n_items)
            inside = rng.choice(pool, per_statement, replace=len(pool) < per_statement)
            stmt.append(np.full(2 * per_statement, k))
            item.append(np.concatenate([inside, rng.integers(n_items, size=per_statement)]))
        stmt_a, item_a = np.concatenate(stmt), np.concatenate(item)
        return stmt_a, item_a, self.targets(stmt_a, item_a)

    def targets(self, statement: np.ndarray, item: np.ndarray) -> np.ndarray:
        """Target shift of each (statement, item) pair (aligned arrays)."""
        topic = self.topic[statement]
        inside = np.ones(len(statement), bool)
        topical = topic >= 0
        inside[topical] = self.members[topic[topical], item[topical]]
        return np.where(inside, self.target[statement], 0.0)


def build_curriculum(
    item_ids: Sequence[str],
    texts: Sequence[str],
    embeddings: np.ndarray,
    phrasing: Phrasing,
    granularities: Sequence[int] = (8, 16, 32),
    per_topic: int = 6,
    seed: int = 0,
) -> Curriculum:
    """Statements about item themes at each granularity, plus global ones.

    Each theme gets ``per_topic`` statements, alternating stricter and more lenient, with a
    random template (and so a random strength); there are ``4 * per_topic`` global ones.
    Granularities larger than half the items are skipped.
    """
    rng = np.random.default_rng(seed)
    n = len(item_ids)
    members, names = [], []
    for k in granularities:
        if k < 2 or k > n // 2:
            continue
        themes = find_themes(item_ids, texts, embeddings, n_themes=k, seed=seed)
        for t in range(k):
            members.append(themes.labels == t)
            names.append(themes.name(t))
    out_texts, topic, target = [], [], []

    def add(row: int, keywords: Sequence[str] | None, direction: int) -> None:
        subject = None if keywords is None else topic_phrase(keywords, rng)
        text, strength = phrasing.say(subject, direction, rng)
        out_texts.append(text)
        topic.append(row)
        target.append(direction * STRENGTHS[strength])

    for row, name in enumerate(names):
        for j in range(per_topic):
            add(row, name.split(", "), 1 if j % 2 == 0 else -1)
    for j in range(4 * per_topic):
        add(-1, None, 1 if j % 2 == 0 else -1)
    matrix = np.asarray(members, bool).reshape(len(members), n)
    return Curriculum(out_texts, np.asarray(topic), np.asarray(target, float), matrix, names)
